"""The guided ``plan-week`` on a terminal.

Shows the active goals, the previous week's unfinished priorities (keep,
move to can-wait or drop, one by one) and recent energy drainers; asks what
matters most and what can wait; takes priorities one by one; at the cap it
asks what to drop or move instead of stopping; asks for a buffer; shows the
plan and saves only on confirmation. Ctrl-C or end of input saves nothing.
"""

from __future__ import annotations

from selvleder.context import AppContext
from selvleder.domain.dates import IsoWeek, today
from selvleder.domain.models import Priority
from selvleder.domain.planning import CarryChoice, PlanInput, PlanResult, PriorityFields
from selvleder.errors import Aborted, BadInput, SelvlederError
from selvleder.i18n import Messages
from selvleder.render.text import one_line
from selvleder.services.planning import plan_context, plan_week
from selvleder.ui.guided_calendar import guided_calendar
from selvleder.ui.prompts import ask, ask_list, confirm

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable

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


def _ask_valid(t: Messages, label: str, parse: object) -> object:
    """Ask until the answer is empty or valid; show the error line otherwise."""
    while True:
        answer = ask(label)
        if not answer:
            return None
        try:
            return parse(answer)  # type: ignore[operator]
        except SelvlederError as exc:
            print(one_line(t(exc.key, **exc.params)))


def guided_plan(ctx: AppContext, week: IsoWeek, defaulted: bool, preset: PlanInput) -> PlanResult:
    t, out = ctx.t, ctx.out
    journal = ctx.journal()
    cap = ctx.config.max_priorities
    goals, existing, unfinished = plan_context(journal, week)
    from selvleder.domain.energy import EVIDENCE_WEEKS, Span, insights, window
    from selvleder.render.week import week_heading
    from selvleder.services.energy import logs_in_window

    # The drainers by the evidence rules, over the same window as every energy claim.
    span = Span(window(EVIDENCE_WEEKS, today())[0], EVIDENCE_WEEKS)
    drainers = insights(logs_in_window(journal, EVIDENCE_WEEKS, today()), span)["drainers"]
    out.line(t("guided.plan.title", heading=week_heading(week, t, inline=True)))
    if defaulted and week != IsoWeek.of(today()):
        out.say("plan.default_next", number=week.week)
    out.line()
    if goals:
        out.say("guided.plan.goals")
        for g in goals:
            out.line(f"  {g.id}  {g.title}")
    else:
        out.say("guided.plan.no_goals")
    assert isinstance(drainers, list)
    if drainers:
        tags = ctx.t.listed(f"#{d['tag']}" for d in drainers)
        out.say("guided.plan.drainers", tags=tags, weeks=EVIDENCE_WEEKS)
    guided_calendar(ctx, existing)
    out.line()
    choices: dict[int, str] = {}
    kept: list[str] = []
    if unfinished:
        out.say("guided.plan.unfinished", number=week.shift(-1).week, count=len(unfinished))
        for p in unfinished:
            while True:
                answer = ask(
                    t("guided.plan.keep_wait_drop", title=p.title), "b" if t.lang == "nb" else "k"
                ).lower()
                action = KEEP.get(answer) or WAIT.get(answer) or DROP.get(answer)
                if action:
                    break
                out.say("guided.plan.keep_wait_drop_again")
            choices[p.id] = action
            if action == CarryChoice.KEEP:
                kept.append(p.title)
        out.line()
    focus = ask(t("guided.plan.focus"), existing.focus)
    can_wait = ask_list(t("guided.plan.can_wait"), t)
    out.line()
    slots = cap - len(existing.counted) - len(kept)
    out.say("guided.plan.priorities", cap=cap, left=max(slots, 0))
    titles: list[PriorityFields] = []
    while True:
        title = ask(
            t("guided.plan.priority", number=len(existing.counted) + len(kept) + len(titles) + 1)
        )
        if not title:
            break
        if len(existing.counted) + len(kept) + len(titles) >= cap:
            swapped = _make_room(ctx, titles, kept, choices, unfinished, title, can_wait)
            if not swapped:
                continue
        try:
            fields = PriorityFields(title=title)
        except BadInput as exc:
            out.line(t(exc.key, **exc.params))
            continue
        _details(ctx, fields, goals_present=bool(goals))
        titles.append(fields)
    buffer = _ask_valid(t, t("guided.plan.buffer"), _buffer)
    request = PlanInput(
        titles,
        [*preset.can_wait, *can_wait],
        focus or None,
        buffer if isinstance(buffer, int) else None,
    )
    request.focus_given = bool(focus)
    out.line()
    out.say("guided.plan.summary")
    for i, title in enumerate([*kept, *(f.title for f in titles)], 1):
        out.line(f"  {i}. {title}")
    if not confirm(t("guided.plan.save"), t):
        raise Aborted()
    result = plan_week(journal, week, request, cap, choices=CarryChoice(choices))
    out.say("guided.plan.saved", number=week.week)
    return result


def _buffer(text: str) -> int:
    from selvleder.domain.planning import parse_buffer

    try:
        return parse_buffer(int(text.strip().rstrip("%").strip()))
    except ValueError:
        raise BadInput("error.buffer", value=text) from None


def _details(ctx: AppContext, fields: PriorityFields, goals_present: bool) -> None:
    t = ctx.t
    from selvleder.domain.dates import parse_duration, parse_focus_block
    from selvleder.domain.planning import parse_energy_effect, parse_value
    from selvleder.domain.text import check_id

    if goals_present:
        goal = _ask_valid(
            t,
            t("guided.plan.goal"),
            lambda s: check_id(int(s), "goal") if s.strip().isdigit() else check_id(0, "goal"),
        )
        if goal is not None:
            fields.values["goal_id"] = goal
    asked: tuple[tuple[str, MessageKey, Callable[[str], object]], ...] = (
        ("value", "guided.plan.value", parse_value),
        ("energy", "guided.plan.energy", parse_energy_effect),
        ("estimate_minutes", "guided.plan.estimate", parse_duration),
        ("when", "guided.plan.when", lambda s: str(parse_focus_block(s))),
    )
    for key, label, parse in asked:
        value = _ask_valid(t, t(label), parse)
        if value is not None:
            fields.values[key] = value


def _make_room(
    ctx: AppContext,
    titles: list[PriorityFields],
    kept: list[str],
    choices: dict[int, str],
    unfinished: list[Priority],
    new_title: str,
    can_wait: list[str],
) -> bool:
    """At the cap: ask which priority moves to can-wait to make room for the new one."""
    t, out = ctx.t, ctx.out
    out.say("guided.plan.cap_reached", cap=ctx.config.max_priorities)
    names = [*kept, *(f.title for f in titles)]
    for i, title in enumerate(names, 1):
        out.line(f"  {i}. {title}")
    answer = ask(t("guided.plan.which_out", title=new_title))
    if not answer.isdigit() or not 1 <= int(answer) <= len(names):
        out.say("guided.plan.kept_as_is")
        return False
    index = int(answer) - 1
    if index < len(kept):
        title = kept.pop(index)
        for p in unfinished:
            if getattr(p, "title", None) == title:
                choices[int(p.id)] = CarryChoice.CAN_WAIT
    else:
        titles.pop(index - len(kept))
        can_wait.append(names[index])
    out.say("guided.plan.moved_out", title=names[index])
    return True
