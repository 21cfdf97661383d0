"""``goal add/edit/show/list/progress/done/drop/reopen``: few, clear goals, and their
sub-goals (``goal add --under ID``)."""

from __future__ import annotations

from selvleder.cli.declare import FLAG, NUMBER, Arg, Commands, Group, Opt
from selvleder.context import AppContext

TYPE_CHECKING = False
if TYPE_CHECKING:
    from selvleder.message_keys import MessageKey

commands = Commands(Group("goal", "help.goal"))
ID = Arg("goal_id", "ID", "help.arg.goal_id", kind=NUMBER)
MEASURE = Opt("--measure", "help.opt.measure")
DUE = Opt("--due", "help.opt.due", metavar="DATE")
ORG_GOAL = Opt("--org-goal", "help.opt.goal_org_goal")
JSON = Opt("--json", "help.opt.json", kind=FLAG)


@commands.add(
    "goal add",
    "help.goal.add",
    Arg("title", "TITLE", "help.arg.title"),
    MEASURE,
    DUE,
    ORG_GOAL,
    Opt("--under", "help.opt.goal_under", metavar="ID", kind=NUMBER),
)
def goal_add(
    ctx: AppContext,
    title: str,
    measure: str | None,
    due: str | None,
    org_goal: str | None,
    under: int | None = None,
) -> None:
    from selvleder.domain.goals import GoalFields
    from selvleder.domain.text import check_id
    from selvleder.services.goals import add_goal

    if under is not None:
        check_id(under, "goal")
    fields = GoalFields(title=title, measure=measure, due=due, org_goal=org_goal)
    goal_id = add_goal(ctx.journal(), fields, ctx.config.max_goals, under)
    if under is not None:  # a step: its goal's measure and date are what count
        ctx.out.say("goal.step_added", id=goal_id, parent=under, title=fields.values["title"])
        return
    ctx.out.say("goal.added", id=goal_id, title=fields.values["title"])
    missing = [k for k in ("measure", "due") if not fields.values.get(k)]
    if missing:
        from selvleder.i18n import message_key

        one = missing[0]
        ctx.out.say(
            "goal.unclear_hint" if len(missing) == 2 else message_key(f"goal.missing_{one}"),
            id=goal_id,
        )


@commands.add(
    "goal edit", "help.goal.edit", ID, Opt("--title", "help.opt.title"), MEASURE, DUE, ORG_GOAL
)
def goal_edit(
    ctx: AppContext,
    goal_id: int,
    title: str | None,
    measure: str | None,
    due: str | None,
    org_goal: str | None,
) -> None:
    from selvleder.domain.goals import GoalFields
    from selvleder.domain.text import check_id
    from selvleder.services.goals import edit_goal

    check_id(goal_id, "goal")
    fields = GoalFields(title=title, measure=measure, due=due, org_goal=org_goal)
    goal = edit_goal(ctx.journal(), goal_id, fields)
    ctx.out.say("goal.edited", id=goal.id, title=goal.title)


@commands.add("goal show", "help.goal.show", ID, JSON, quick=True)
def goal_show(ctx: AppContext, goal_id: int, json: bool) -> None:
    from selvleder.domain.goals import goal_json
    from selvleder.domain.text import check_id
    from selvleder.services.goals import show_goal

    check_id(goal_id, "goal")
    goal = show_goal(ctx.journal(), goal_id)
    if json:
        ctx.out.json(goal_json(goal, with_progress=True))
        return
    from selvleder.render.goals import goal_view

    ctx.out.show(goal_view(goal, ctx.t))


@commands.add(
    "goal list",
    "help.goal.list",
    Opt("--all", "help.opt.all_goals", kind=FLAG, dest="all_"),
    JSON,
    quick=True,
)
def goal_list(ctx: AppContext, all_: bool, json: bool) -> None:
    from selvleder.domain.goals import goal_json
    from selvleder.services.goals import list_goals

    goals, last = list_goals(ctx.journal(), all_)
    if json:
        ctx.out.json([goal_json(g) for g in goals])
        return
    from selvleder.render.goals import goals_table

    ctx.out.show(goals_table(goals, last, ctx.config.max_goals, ctx.t))


@commands.add("goal progress", "help.goal.progress", ID, Arg("note", "NOTE", "help.arg.note"))
def goal_progress(ctx: AppContext, goal_id: int, note: str) -> None:
    from selvleder.domain.text import MAX_NOTE, check_id, require_text
    from selvleder.services.goals import add_progress

    check_id(goal_id, "goal")
    require_text(note, "note", MAX_NOTE)
    goal = add_progress(ctx.journal(), goal_id, note)
    ctx.out.say("goal.progress_added", id=goal.id, title=goal.title)


def _close(
    ctx: AppContext, goal_id: int, status: str, message: MessageKey, step_message: MessageKey
) -> None:
    from selvleder.domain.text import check_id
    from selvleder.services.goals import close_goal

    check_id(goal_id, "goal")
    goal, parent = close_goal(ctx.journal(), goal_id, status, ctx.config.max_goals)
    if parent is None:
        ctx.out.say(message, id=goal.id, title=goal.title)
        return
    from selvleder.render.goals import steps_done

    ctx.out.say(step_message, id=goal.id, title=goal.title)
    ctx.out.say("goal.step_progress", parent=parent.id, steps=steps_done(parent, ctx.t))


@commands.add("goal done", "help.goal.done", ID)
def goal_done(ctx: AppContext, goal_id: int) -> None:
    _close(ctx, goal_id, "done", "goal.done", "goal.step_done")


@commands.add("goal drop", "help.goal.drop", ID)
def goal_drop(ctx: AppContext, goal_id: int) -> None:
    _close(ctx, goal_id, "dropped", "goal.dropped", "goal.step_dropped")


@commands.add("goal reopen", "help.goal.reopen", ID)
def goal_reopen(ctx: AppContext, goal_id: int) -> None:
    _close(ctx, goal_id, "active", "goal.reopened", "goal.step_reopened")
