"""Week plans in the journal.

``plan_week`` edits a week's plan in one transaction: given priorities are
added (a title already in the week is not added twice), focus and buffer
replace the old values, carried priorities come after the given ones, and
the cap counts the whole week (planned and done priorities only).
"""

from __future__ import annotations

from selvleder.domain.dates import IsoWeek, utc_stamp
from selvleder.domain.models import Priority
from selvleder.domain.planning import CarryChoice, PlanInput, PlanResult, PriorityFields
from selvleder.domain.text import MAX_NOTE, check_id, optional_text
from selvleder.errors import BadInput
from selvleder.i18n import message_key
from selvleder.services.goals import goal_titles

TYPE_CHECKING = False
if TYPE_CHECKING:
    from selvleder.domain.models import Goal, WeekPlan
    from selvleder.storage.journal import Journal


def load_plan_file(path: str) -> PlanInput:
    """``plan-week --from FILE.toml``: read and check the plan file."""
    from selvleder.domain.planfile import plan_from
    from selvleder.services.portability import read_toml_file

    return plan_from(read_toml_file(path, "error.plan_file_syntax"), path)


def _check_goals(journal: Journal, fields: list[PriorityFields]) -> None:
    for f in fields:
        goal_id = f.values.get("goal_id")
        if goal_id is not None and not journal.goal_exists(int(str(goal_id))):
            raise BadInput("error.goal_unknown", id=goal_id)


def plan_week(
    journal: Journal,
    week: IsoWeek,
    request: PlanInput,
    cap: int,
    *,
    carry: bool = False,
    choices: CarryChoice | None = None,
) -> PlanResult:
    """Create or edit the week's plan in one transaction (see module docstring)."""
    name = str(week)
    previous = str(week.shift(-1))
    stamp = utc_stamp()
    with journal.write():
        _check_goals(journal, request.priorities)
        plan = journal.week_plan(name)
        titles = {p.title.casefold() for p in plan.priorities}
        counted = len(plan.counted)
        new: list[tuple[PriorityFields, int | None]] = []
        skipped: list[str] = []
        existing = {p.title.casefold(): p for p in plan.priorities}
        for fields in request.priorities:
            if fields.title.casefold() in titles:
                # Re-planning edits: a title already there is not added twice, but the
                # details given for it (value, energy, estimate, focus block, goal) apply.
                details = {k: v for k, v in fields.values.items() if k != "title"}
                match = existing.get(fields.title.casefold())
                if details and match is not None:
                    journal.update_priority(match.id, details)
                else:
                    skipped.append(fields.title)
                continue
            titles.add(fields.title.casefold())
            new.append((fields, None))
        carried: list[tuple[Priority, str]] = []
        if carry or choices is not None:
            for p in journal.week_plan(previous).unfinished:
                action = CarryChoice.KEEP if choices is None else choices.choices.get(p.id)
                if action is None:
                    continue
                carried.append((p, action))
                if action == CarryChoice.KEEP and p.title.casefold() not in titles:
                    titles.add(p.title.casefold())
                    new.append((PriorityFields(title=p.title), p.id))
                    _inherit(new[-1][0], p)
        if counted + len(new) > cap:
            raise BadInput("error.priority_cap", count=counted + len(new), cap=cap, week=week.week)
        journal.ensure_week(name, stamp)
        week_fields: dict[str, object] = {}
        if request.focus_given:
            week_fields["focus"] = request.focus
        if request.buffer is not None:
            week_fields["buffer_pct"] = request.buffer
        journal.set_week_fields(name, week_fields)
        rank = journal.next_rank(name)
        for f, carried_from in new:
            journal.add_priority(f.to_priority(name, rank, carried_from), stamp)
            rank += 1
        can_wait = list(request.can_wait)
        for p, action in carried:
            if action == CarryChoice.DROP:
                journal.update_priority(p.id, {"status": "dropped"})
            else:
                journal.update_priority(p.id, {"status": "carried"})
                if action == CarryChoice.CAN_WAIT:
                    can_wait.append(p.title)
        journal.add_can_wait(name, can_wait)
        journal.touch_week(name, stamp)
        if carried:
            journal.touch_week(previous, stamp)
        result = journal.week_plan(name)
    added = [f.title for f, origin in new if origin is None]
    kept = [p.title for p, action in carried if action == CarryChoice.KEEP]
    return PlanResult(result, added, kept, skipped)


def read_week(
    journal: Journal, week: IsoWeek, look_ahead: bool
) -> tuple[WeekPlan, dict[int, str], WeekPlan | None]:
    """``week``: the plan, the goal titles and (``look_ahead``) the following week's plan,
    in one read."""
    with journal.read():
        plan = journal.week_plan(str(week))
        following = journal.week_plan(str(week.shift(1))) if look_ahead else None
        return plan, goal_titles(journal), following


def week_calendar_file(journal: Journal, week: IsoWeek) -> bytes:
    """The week's calendar file (``week --ics``, ``plan-week --ics``) with its revision as
    SEQUENCE; a week that never had a priority is refused (one whose priorities all left
    it still gets its file: their events, CANCELLED)."""
    from datetime import UTC, datetime

    from selvleder.export.ics import Revision, week_calendar

    with journal.read():
        plan = journal.week_plan(str(week))
        known = journal.week_revision(str(week))
    if known is None or not (plan.priorities or plan.moved_away):  # one that left: cancelled
        raise BadInput("error.week_ics_empty", number=week.week)
    sequence, created, modified = known
    now = datetime.now(UTC).replace(microsecond=0)

    def utc(stamp: str) -> datetime:
        return datetime.fromisoformat(stamp).astimezone(UTC) if stamp else now

    return week_calendar(plan, week, Revision(sequence, utc(created), utc(modified)))


def plan_context(journal: Journal, week: IsoWeek) -> tuple[list[Goal], WeekPlan, list[Priority]]:
    """The guided plan's start: active goals, the week's plan, last week's unfinished."""
    with journal.read():
        return (
            journal.goals(),
            journal.week_plan(str(week)),
            journal.week_plan(str(week.shift(-1))).unfinished,
        )


def week_before(journal: Journal, week: IsoWeek) -> tuple[WeekPlan, str | None]:
    """The guided plan's opening: the plan of the week before ``week`` and the step for
    the next week written in that week's reflection, in one read."""
    before = str(week.shift(-1))
    with journal.read():
        reflection = journal.reflection(before)
        return journal.week_plan(before), reflection.next_week if reflection else None


def _inherit(fields: PriorityFields, original: Priority) -> None:
    """A carried priority keeps its goal, value, energy and estimate (not its focus block)."""
    for key, value in (
        ("goal_id", original.goal_id),
        ("value", original.value),
        ("energy", original.energy),
        ("estimate_minutes", original.estimate_minutes),
    ):
        if value is not None:
            fields.values[key] = value


def _existing(journal: Journal, priority_id: int) -> Priority:
    check_id(priority_id, "priority")
    p = journal.priority(priority_id)
    if p is None:
        raise BadInput("error.priority_unknown", id=priority_id)
    return p


def add_priority(journal: Journal, week: IsoWeek, fields: PriorityFields, cap: int) -> Priority:
    name = str(week)
    with journal.write():
        _check_goals(journal, [fields])
        plan = journal.week_plan(name)
        if fields.title.casefold() in {p.title.casefold() for p in plan.priorities}:
            raise BadInput("error.priority_duplicate", title=fields.title, week=name)
        if len(plan.counted) + 1 > cap:
            raise BadInput(
                "error.priority_cap", count=len(plan.counted) + 1, cap=cap, week=week.week
            )
        stamp = utc_stamp()
        journal.ensure_week(name, stamp)
        new_id = journal.add_priority(fields.to_priority(name, journal.next_rank(name)), stamp)
        journal.touch_week(name, stamp)
        return _existing(journal, new_id)


def read_priority(journal: Journal, priority_id: int) -> Priority:
    """One priority (``priority edit --when auto`` places it in its own week)."""
    with journal.read():
        return _existing(journal, priority_id)


def edit_priority(journal: Journal, priority_id: int, fields: PriorityFields) -> Priority:
    if not fields.values:
        raise BadInput("error.nothing_to_edit")
    with journal.write():
        p = _existing(journal, priority_id)
        _check_goals(journal, [fields])
        journal.update_priority(priority_id, fields.values)
        journal.touch_week(p.week, utc_stamp())
        return _existing(journal, priority_id)


def set_status(
    journal: Journal, priority_id: int, status: str, reason: str | None = None, cap: int = 0
) -> Priority:
    """done, planned (undone) or dropped."""
    with journal.write():
        p = _existing(journal, priority_id)
        if status == "planned" and not p.counts:
            plan = journal.week_plan(p.week)
            if len(plan.counted) + 1 > cap:
                raise BadInput(
                    "error.priority_cap",
                    count=len(plan.counted) + 1,
                    cap=cap,
                    week=IsoWeek.parse(p.week).week,
                )
        fields: dict[str, object] = {"status": status}
        fields["done_at"] = utc_stamp() if status == "done" else None
        if status == "dropped":
            fields["drop_reason"] = optional_text(reason, "reason", MAX_NOTE)
        journal.update_priority(priority_id, fields)
        journal.touch_week(p.week, utc_stamp())
        return _existing(journal, priority_id)


def move_priority(journal: Journal, priority_id: int, week: IsoWeek, cap: int) -> Priority:
    name = str(week)
    with journal.write():
        p = _existing(journal, priority_id)
        if p.week == name:
            return p
        _check_movable(p, week)
        plan = journal.week_plan(name)
        if p.counts and len(plan.counted) + 1 > cap:
            raise BadInput(
                "error.priority_cap", count=len(plan.counted) + 1, cap=cap, week=week.week
            )
        stamp = utc_stamp()
        journal.ensure_week(name, stamp)
        if p.status == "planned":
            _record_move(journal, p, name, stamp)
        journal.update_priority(priority_id, {"week": name, "rank": journal.next_rank(name)})
        journal.touch_week(p.week, stamp)
        journal.touch_week(name, stamp)
        return _existing(journal, priority_id)


def _check_movable(p: Priority, week: IsoWeek) -> None:
    """History is never rewritten: only an unfinished priority moves (a done one stays in
    the week it was done in; a dropped or carried one is a decision already taken), and
    never into a week that is over (that would raise a past week's rate)."""
    from selvleder.domain.dates import today

    if p.status != "planned":
        raise BadInput(message_key(f"error.priority_move_{p.status}"), id=p.id)
    if week.sunday() < today():
        raise BadInput("error.priority_move_past", number=week.week)


def _record_move(journal: Journal, p: Priority, to_week: str, stamp: str) -> None:
    """History is never rewritten: the week an unfinished priority leaves keeps a trace
    (it lists it as moved away and counts it as not done). A move straight back to the
    week the priority last came from undoes that move instead: it is again the week's
    own priority, with its own status, and neither week counts a move. A move made
    before the week it leaves has begun is planning ahead, not slipping: no trace, no
    link in its chain (only unfinished priorities move at all: ``_check_movable``)."""
    from selvleder.domain.dates import IsoWeek, today

    latest = journal.latest_move(p.id)
    if latest is not None and latest[1] == to_week and latest[2] == p.week:
        journal.delete_move(latest[0])
    elif today() >= IsoWeek.parse(p.week).monday():
        journal.add_move(p.id, p.week, to_week, stamp)
    # else: moved before its week began, which is planning ahead, not slipping: no trace
