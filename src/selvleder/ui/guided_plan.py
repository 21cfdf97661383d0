"""The guided ``plan-week`` on a terminal.

Opens with last week's outcome in one line and the step written in last
week's reflection; shows the active goals, the plan so far (when planning
again) and recent energy drainers; asks about the previous week's unfinished
priorities (keep, move to can-wait or drop, one by one), what matters most and
what can wait; takes priorities one by one, each detail checked where it is
typed; at the cap it asks what to move to can-wait instead of stopping (Enter:
the new one waits); asks for a buffer; shows the plan exactly as it will be
saved and saves only on confirmation. Ctrl-C or end of input saves nothing.
"""

from __future__ import annotations

from selvleder.context import AppContext
from selvleder.domain.dates import IsoWeek, today
from selvleder.domain.models import Priority
from selvleder.domain.planning import CarryChoice, PlanInput, PlanResult, PriorityFields
from selvleder.errors import Aborted, BadInput
from selvleder.i18n import Messages
from selvleder.render import guided
from selvleder.services.planning import plan_context, plan_week, week_before
from selvleder.ui.guided_calendar import AutoWhen, guided_calendar
from selvleder.ui.prompts import Prompter

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable

    from selvleder.domain.models import Goal, WeekPlan
    from selvleder.message_keys import MessageKey

KEEP = {"b": "keep", "behold": "keep", "k": "keep", "keep": "keep"}
WAIT = {
    "v": "can_wait",
    "vent": "can_wait",
    "kan vente": "can_wait",
    "w": "can_wait",
    "wait": "can_wait",
    "can wait": "can_wait",
}
DROP = {"d": "drop", "l": "drop", "dropp": "drop", "drop": "drop", "legg bort": "drop"}


def saved_order(existing: WeekPlan, given: list[str], kept: list[str]) -> list[str]:
    """The week's priorities in the order ``plan_week`` saves them: the week's own
    first, then the given ones, then the kept ones carried over (a title already
    there is not added twice)."""
    order = [p.title for p in existing.priorities]
    seen = {title.casefold() for title in order}
    for title in [*given, *kept]:
        if title.casefold() not in seen:
            seen.add(title.casefold())
            order.append(title)
    return order


def outcome_line(plan: WeekPlan, t: Messages) -> str | None:
    """Last week in one honest line: done of planned, and what did not get done."""
    if not plan.priorities and not plan.moved_away:
        return None
    statuses = [p.status for p in plan.priorities]
    rest = []
    parts: tuple[tuple[int, MessageKey], ...] = (
        (statuses.count("planned"), "guided.plan.outcome.open"),
        (statuses.count("carried"), "guided.plan.outcome.carried"),
        (len(plan.moved_away), "guided.plan.outcome.moved"),
        (statuses.count("dropped"), "guided.plan.outcome.dropped"),
    )
    for count, key in parts:
        if count:
            rest.append(t(key, count=count))
    number = IsoWeek.parse(plan.week).week
    done = t("guided.plan.outcome", number=number, done=plan.done, total=plan.planned_total)
    return done + (t("guided.plan.outcome.rest", rest=t.listed(rest)) if rest else ".")


def guided_plan(ctx: AppContext, week: IsoWeek, defaulted: bool, preset: PlanInput) -> PlanResult:
    t, out = ctx.t, ctx.out
    ask = Prompter(t)
    journal = ctx.journal()
    cap = ctx.config.max_priorities
    goals, existing, unfinished = plan_context(journal, week)
    from selvleder.domain.energy import EVIDENCE_WEEKS, Span, insights, window
    from selvleder.render.week import week_heading
    from selvleder.services.energy import logs_in_window

    # The drainers by the evidence rules, over the same window as every energy claim.
    span = Span(window(EVIDENCE_WEEKS, today())[0], EVIDENCE_WEEKS)
    drainers = insights(logs_in_window(journal, EVIDENCE_WEEKS, today()), span)["drainers"]
    before, step = week_before(journal, week)
    out.show(guided.heading(t("guided.plan.title", heading=week_heading(week, t, inline=True))))
    if defaulted and week != IsoWeek.of(today()):
        out.say("plan.default_next", number=week.week)
    outcome = outcome_line(before, t)
    if outcome:
        out.show(guided.coach(outcome, indent=""))
    if step:
        out.show(guided.words(t("guided.plan.last_step"), step, indent=""))
    out.line()
    _show_goals(ctx, goals)
    assert isinstance(drainers, list)
    if drainers:
        tags = ctx.t.listed(f"#{d['tag']}" for d in drainers)
        out.show(guided.coach(t("guided.plan.drainers", tags=tags, weeks=EVIDENCE_WEEKS), ""))
    capacity = guided_calendar(ctx, existing)
    auto = AutoWhen(capacity, existing) if capacity is not None else None
    if existing.priorities:
        out.say("guided.plan.so_far")
        out.show(*guided.numbered([p.title for p in existing.priorities]))
    out.line()
    total = 4 if unfinished else 3
    number = 0
    choices: dict[int, str] = {}
    kept: list[str] = []
    if unfinished:
        number += 1
        out.show(guided.step(number, total, t("guided.plan.step.carry")))
        out.say("guided.plan.unfinished", number=week.shift(-1).week, count=len(unfinished))
        for p in unfinished:
            while True:
                answer = ask.text(
                    t("guided.plan.keep_wait_drop", title=p.title),
                    "b" if t.lang == "nb" else "k",
                    help="guided.plan.help.carry",
                ).lower()
                action = KEEP.get(answer) or WAIT.get(answer) or DROP.get(answer)
                if action:
                    break
                out.say("guided.plan.keep_wait_drop_again")
            choices[p.id] = action
            if action == CarryChoice.KEEP:
                kept.append(p.title)
        out.line()
    number += 1
    out.show(guided.step(number, total, t("guided.plan.step.focus")))
    focus = ask.text(t("guided.plan.focus"), existing.focus, help="guided.plan.help.focus")
    can_wait = ask.list(t("guided.plan.can_wait"), help="guided.plan.help.can_wait") or []
    out.line()
    number += 1
    out.show(guided.step(number, total, t("guided.plan.step.priorities")))
    slots = cap - len(existing.counted) - len(kept)
    out.say("guided.plan.priorities", cap=cap, left=max(slots, 0))
    titles: list[PriorityFields] = []
    while True:
        title = ask.text(
            t("guided.plan.priority", number=len(existing.counted) + len(kept) + len(titles) + 1),
            help="guided.plan.help.priority",
            limit=300,
        )
        if not title:
            break
        if len(existing.counted) + len(kept) + len(titles) >= cap:
            swapped = _make_room(ctx, ask, titles, kept, choices, unfinished, title, can_wait)
            if not swapped:
                continue
        try:
            fields = PriorityFields(title=title)
        except BadInput as exc:
            ask.refuse(exc)
            continue
        _details(ctx, ask, fields, goals, auto)
        titles.append(fields)
    out.line()
    number += 1
    out.show(guided.step(number, total, t("guided.plan.step.buffer")))
    buffer = ask.checked(t("guided.plan.buffer"), _buffer, help="guided.plan.help.buffer")
    request = PlanInput(titles, [*preset.can_wait, *can_wait], focus or None, buffer)
    request.focus_given = bool(focus)
    out.line()
    order = saved_order(existing, [f.title for f in titles], kept)
    details = _details_by_title(existing, titles, unfinished, t)
    shown_focus = (focus or None) if request.focus_given else existing.focus
    shown_wait = [*existing.can_wait, *request.can_wait, *_waiting(unfinished, choices)]
    shown_buffer = buffer if buffer is not None else existing.buffer_pct
    shown = [(title, details.get(title.casefold(), "")) for title in order]
    out.show(*guided.plan_preview(shown, shown_focus, shown_wait, shown_buffer, t))
    if not ask.confirm(t("guided.plan.save"), help="guided.plan.help.save"):
        raise Aborted()
    result = plan_week(journal, week, request, cap, choices=CarryChoice(choices))
    out.say("guided.plan.saved", number=week.week)
    return result


def _details_by_title(
    existing: WeekPlan, given: list[PriorityFields], unfinished: list[Priority], t: Messages
) -> dict[str, str]:
    """What the preview shows under each title, as it will be saved: a priority already in
    the week keeps its own; a new one has what was answered; one kept from last week
    brings its value, energy and estimate (not its focus block)."""
    from selvleder.render.week import priority_details

    shown: dict[str, str] = {}
    for p in unfinished:
        shown[p.title.casefold()] = priority_details(p.value, p.energy, p.estimate_minutes, None, t)
    for fields in given:
        v = fields.values
        estimate = v.get("estimate_minutes")
        shown[fields.title.casefold()] = priority_details(
            str(v["value"]) if v.get("value") else None,
            str(v["energy"]) if v.get("energy") else None,
            estimate if isinstance(estimate, int) else None,
            str(v["when"]) if v.get("when") else None,
            t,
        )
    for p in existing.priorities:
        shown[p.title.casefold()] = priority_details(
            p.value, p.energy, p.estimate_minutes, p.when, t
        )
    return shown


def _waiting(unfinished: list[Priority], choices: dict[int, str]) -> list[str]:
    return [p.title for p in unfinished if choices.get(p.id) == CarryChoice.CAN_WAIT]


def _show_goals(ctx: AppContext, goals: list[Goal]) -> None:
    """The active goals with their ids; one without a measure or a due date is flagged."""
    from selvleder.render import palette

    t, out = ctx.t, ctx.out
    if not goals:
        out.show(guided.coach(t("guided.plan.no_goals"), ""))
        return
    out.say("guided.plan.goals")
    ref = today().isoformat()
    for g in goals:
        line = guided.Styled(f"  {g.id}  ").append(g.title)
        if g.due and g.due < ref:
            line.append("  " + t("guided.plan.goal_overdue"), style=palette.ATTENTION)
        elif not g.clear:
            line.append("  " + t("guided.plan.goal_unclear"), style=palette.ATTENTION)
        out.show(line)


def _buffer(text: str) -> int:
    from selvleder.domain.planning import parse_buffer

    try:
        return parse_buffer(int(text.strip().rstrip("%").strip()))
    except ValueError:
        raise BadInput("error.buffer", value=text) from None


def _goal_id(goals: list[Goal]) -> Callable[[str], int]:
    ids = {g.id for g in goals}

    def parse(text: str) -> int:
        if text.strip().isdigit() and int(text) in ids:
            return int(text)
        known = ", ".join(str(g.id) for g in goals)
        raise BadInput("guided.plan.goal_again", value=text, ids=known)

    return parse


AUTO_WORDS = {"auto", "a"}  # the focus block question: the largest free slot


def _details(
    ctx: AppContext,
    ask: Prompter,
    fields: PriorityFields,
    goals: list[Goal],
    auto: AutoWhen | None = None,
) -> None:
    t = ctx.t
    from selvleder.domain.dates import parse_duration, parse_focus_block
    from selvleder.domain.planning import parse_energy_effect, parse_value
    from selvleder.render.week import focus_block

    if goals:
        goal = ask.checked(t("guided.plan.goal"), _goal_id(goals), help="guided.plan.help.goal")
        if goal is not None:
            fields.values["goal_id"] = goal
    asked: tuple[tuple[str, MessageKey, MessageKey, Callable[[str], object]], ...] = (
        ("value", "guided.plan.value", "guided.plan.help.value", parse_value),
        ("energy", "guided.plan.energy", "guided.plan.help.energy", parse_energy_effect),
        ("estimate_minutes", "guided.plan.estimate", "guided.plan.help.estimate", parse_duration),
    )
    for key, label, help_key, parse in asked:
        value = ask.checked(t(label), parse, help=help_key)
        if value is not None:
            fields.values[key] = value

    def when(text: str) -> str:
        if auto is not None and text.strip().lower() in AUTO_WORDS:
            estimate = fields.values.get("estimate_minutes")
            return auto.place(estimate if isinstance(estimate, int) else None)
        return str(parse_focus_block(text))

    question: MessageKey = "guided.plan.when_auto" if auto is not None else "guided.plan.when"
    explained: MessageKey = "guided.plan.help.when_auto" if auto else "guided.plan.help.when"
    chosen = ask.checked(t(question), when, help=explained)
    if chosen is not None:
        fields.values["when"] = chosen
        if auto is not None:
            auto.took(chosen)
            ctx.out.say("priority.placed_guided", when=focus_block(chosen, t))


def _make_room(
    ctx: AppContext,
    ask: Prompter,
    titles: list[PriorityFields],
    kept: list[str],
    choices: dict[int, str],
    unfinished: list[Priority],
    new_title: str,
    can_wait: list[str],
) -> bool:
    """At the cap: ask which priority moves to can-wait to make room for the new one; a
    number that is not on the list is asked again, Enter lets the new one wait."""
    t, out = ctx.t, ctx.out
    out.say("guided.plan.cap_reached", cap=ctx.config.max_priorities)
    names = [*kept, *(f.title for f in titles)]
    out.show(*guided.numbered(names))
    answer = ask.number(
        t("guided.plan.which_out", title=new_title), 1, len(names), help="guided.plan.help.cap"
    )
    if answer is None:
        can_wait.append(new_title)
        out.say("guided.plan.moved_out", title=new_title)
        return False
    index = answer - 1
    if index < len(kept):
        title = kept.pop(index)
        for p in unfinished:
            if p.title == title:
                choices[int(p.id)] = CarryChoice.CAN_WAIT
    else:
        titles.pop(index - len(kept))
        can_wait.append(names[index])
    out.say("guided.plan.moved_out", title=names[index])
    return True
