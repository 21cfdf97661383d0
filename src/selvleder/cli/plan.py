"""``plan-week``, ``priority add/edit/done/undone/drop/move`` and ``week`` (tip 3)."""

from __future__ import annotations

from selvleder.cli.declare import FLAG, NUMBER, Arg, Commands, Group, Opt
from selvleder.context import AppContext

TYPE_CHECKING = False
if TYPE_CHECKING:
    from selvleder.message_keys import MessageKey

commands = Commands(Group("priority", "help.priority"))
WEEK = Opt("--week", "help.opt.week", metavar="W")
GOAL = Opt("--goal", "help.opt.goal", kind=NUMBER, metavar="ID")
VALUE = Opt("--value", "help.opt.pvalue", metavar="high|medium|low")
ENERGY = Opt("--energy", "help.opt.penergy", metavar="gives|neutral|drains")
ESTIMATE = Opt("--estimate", "help.opt.estimate", metavar="2h")
WHEN = Opt("--when", "help.opt.when", metavar='"tue 09:00-11:00"')
CALENDAR = Opt("--calendar", "help.opt.calendar", metavar="PATH")
ID = Arg("priority_id", "ID", "help.arg.priority_id", kind=NUMBER)


@commands.add(
    "plan-week",
    "help.plan_week",
    WEEK,
    Opt("--priority", "help.opt.priority", short="-p", metavar="TITLE", repeat=True),
    Opt("--can-wait", "help.opt.can_wait", metavar="TITLE", repeat=True),
    Opt("--focus", "help.opt.focus"),
    Opt("--buffer", "help.opt.buffer", kind=NUMBER, metavar="PCT"),
    Opt("--carry", "help.opt.carry", kind=FLAG, off="--no-carry"),
    Opt("--from", "help.opt.from", metavar="FILE.toml"),
    Opt("--ics", "help.opt.ics", metavar="FILE"),
    Opt("--force", "help.opt.force", kind=FLAG),
    CALENDAR,
    quick=True,
)
def plan_week(
    ctx: AppContext,
    week: str | None,
    priority: list[str],
    can_wait: list[str],
    focus: str | None,
    buffer: int | None,
    carry: bool | None,
    from_: str | None,
    ics: str | None,
    force: bool,
    calendar: str | None,
) -> None:
    from selvleder.commands.planning import plan_week

    plan_week(
        ctx,
        week,
        priority,
        can_wait or None,
        focus,
        buffer,
        bool(carry),
        from_,
        ics,
        force,
        calendar,
    )


@commands.add(
    "week",
    "help.week",
    WEEK,
    Opt("--json", "help.opt.json", kind=FLAG),
    Opt("--ics", "help.opt.week_ics", metavar="FILE"),
    Opt("--force", "help.opt.force", kind=FLAG),
    CALENDAR,
    quick=True,
)
def week(
    ctx: AppContext,
    week: str | None,
    json: bool,
    ics: str | None,
    force: bool,
    calendar: str | None,
) -> None:
    from selvleder.commands.reports import show_week

    show_week(ctx, week, json, ics, force, calendar)


@commands.add(
    "priority add",
    "help.priority.add",
    Arg("title", "TITLE", "help.arg.title"),
    WEEK,
    GOAL,
    VALUE,
    ENERGY,
    ESTIMATE,
    WHEN,
    CALENDAR,
)
def priority_add(
    ctx: AppContext,
    title: str,
    week: str | None,
    goal: int | None,
    value: str | None,
    energy: str | None,
    estimate: str | None,
    when: str | None,
    calendar: str | None,
) -> None:
    from selvleder.commands.calendar import is_auto, place_auto
    from selvleder.domain.planning import PriorityFields
    from selvleder.domain.weeks import resolve_week
    from selvleder.services.planning import add_priority

    fields = PriorityFields(title, goal, value, energy, estimate, None if is_auto(when) else when)
    target, _ = resolve_week(week, None)
    if is_auto(when):
        place_auto(ctx, calendar, fields, week=str(target))
    p = add_priority(ctx.journal(), target, fields, ctx.config.max_priorities)
    ctx.out.say("priority.added", id=p.id, title=p.title, week=ctx.t.week(p.week))
    if is_auto(when):
        _say_placed(ctx, p.when)


@commands.add(
    "priority edit",
    "help.priority.edit",
    ID,
    Opt("--title", "help.opt.title"),
    GOAL,
    VALUE,
    ENERGY,
    ESTIMATE,
    WHEN,
    CALENDAR,
)
def priority_edit(
    ctx: AppContext,
    priority_id: int,
    title: str | None,
    goal: int | None,
    value: str | None,
    energy: str | None,
    estimate: str | None,
    when: str | None,
    calendar: str | None,
) -> None:
    from selvleder.commands.calendar import is_auto, place_auto
    from selvleder.domain.planning import PriorityFields
    from selvleder.domain.text import check_id
    from selvleder.services.planning import edit_priority

    check_id(priority_id, "priority")
    fields = PriorityFields(title, goal, value, energy, estimate, None if is_auto(when) else when)
    if is_auto(when):
        place_auto(ctx, calendar, fields, priority_id=priority_id)
    p = edit_priority(ctx.journal(), priority_id, fields)
    ctx.out.say("priority.edited", id=p.id, title=p.title)
    if is_auto(when):
        _say_placed(ctx, p.when)


def _say_placed(ctx: AppContext, when: str | None) -> None:
    """``--when auto`` chose the time: say which, so the user need not look it up."""
    from selvleder.render.week import focus_block

    ctx.out.say("priority.placed", when=focus_block(when, ctx.t))


def _status(
    ctx: AppContext, priority_id: int, status: str, key: MessageKey, reason: str | None = None
) -> None:
    from selvleder.domain.text import check_id
    from selvleder.services.planning import set_status

    check_id(priority_id, "priority")
    p = set_status(ctx.journal(), priority_id, status, reason, ctx.config.max_priorities)
    ctx.out.say(key, id=p.id, title=p.title)


@commands.add("priority done", "help.priority.done", ID)
def priority_done(ctx: AppContext, priority_id: int) -> None:
    _status(ctx, priority_id, "done", "priority.done")


@commands.add("priority undone", "help.priority.undone", ID)
def priority_undone(ctx: AppContext, priority_id: int) -> None:
    _status(ctx, priority_id, "planned", "priority.undone")


@commands.add("priority drop", "help.priority.drop", ID, Opt("--reason", "help.opt.reason"))
def priority_drop(ctx: AppContext, priority_id: int, reason: str | None) -> None:
    _status(ctx, priority_id, "dropped", "priority.dropped", reason)


@commands.add(
    "priority move",
    "help.priority.move",
    ID,
    Opt("--week", "help.opt.week", metavar="W", required=True),
)
def priority_move(ctx: AppContext, priority_id: int, week: str) -> None:
    from selvleder.domain.text import check_id
    from selvleder.domain.weeks import resolve_week
    from selvleder.services.planning import move_priority

    check_id(priority_id, "priority")
    target, _ = resolve_week(week, None)
    p = move_priority(ctx.journal(), priority_id, target, ctx.config.max_priorities)
    ctx.out.say("priority.moved", id=p.id, title=p.title, week=ctx.t.week(p.week))
