"""Tip 3: plan the week with few priorities, carry-over, focus blocks and a buffer.

``plan_week`` edits a week's plan in one transaction: given priorities are
added (a title already in the week is not added twice), focus and buffer
replace the old values, carried priorities come after the given ones, and
the cap counts the whole week (planned and done priorities only).
"""

from __future__ import annotations

from selvleder.domain.dates import IsoWeek, parse_duration, parse_focus_block, utc_stamp
from selvleder.domain.models import Priority, WeekPlan
from selvleder.domain.text import MAX_NOTE, check_id, optional_text, require_text
from selvleder.errors import BadInput

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import TypedDict

    from selvleder.storage.journal import Journal

    # ``week --json`` (PRODUCT.md, "JSON shapes"); plain dicts at run time.
    class PriorityJson(TypedDict):
        id: int
        rank: int
        title: str
        status: str
        goal_id: int | None
        value: str | None
        energy: str | None
        estimate_minutes: int | None
        when: str | None
        carried_from: int | None

    class WeekJson(TypedDict):
        week: str
        focus: str | None
        buffer_pct: int | None
        priorities: list[PriorityJson]
        can_wait: list[str]
        completion_rate: float


VALUE_WORDS = {
    "high": "high",
    "høy": "high",
    "hoy": "high",
    "h": "high",
    "medium": "medium",
    "middels": "medium",
    "m": "medium",
    "low": "low",
    "lav": "low",
    "l": "low",
}
ENERGY_WORDS = {
    "gives": "gives",
    "gir": "gives",
    "energises": "gives",
    "g": "gives",
    "neutral": "neutral",
    "nøytral": "neutral",
    "noytral": "neutral",
    "n": "neutral",
    "drains": "drains",
    "tapper": "drains",
    "t": "drains",
    "d": "drains",
}


def parse_value(text: str) -> str:
    value = VALUE_WORDS.get(text.strip().lower())
    if value is None:
        raise BadInput("error.priority_value", value=text)
    return value


def parse_energy_effect(text: str) -> str:
    value = ENERGY_WORDS.get(text.strip().lower())
    if value is None:
        raise BadInput("error.priority_energy", value=text)
    return value


def parse_buffer(value: int) -> int:
    if not 0 <= value <= 90:
        raise BadInput("error.buffer", value=value)
    return value


class PriorityFields:
    """Validated priority attributes; only the ones given are set."""

    def __init__(
        self,
        title: str | None = None,
        goal: int | None = None,
        value: str | None = None,
        energy: str | None = None,
        estimate: str | None = None,
        when: str | None = None,
    ) -> None:
        self.values: dict[str, object] = {}
        if title is not None:
            self.values["title"] = require_text(title, "title")
        if goal is not None:
            self.values["goal_id"] = check_id(goal, "goal")
        if value is not None:
            self.values["value"] = parse_value(value) if value.strip() else None
        if energy is not None:
            self.values["energy"] = parse_energy_effect(energy) if energy.strip() else None
        if estimate is not None:
            self.values["estimate_minutes"] = parse_duration(estimate) if estimate.strip() else None
        if when is not None:
            self.values["when"] = str(parse_focus_block(when)) if when.strip() else None

    @property
    def title(self) -> str:
        return str(self.values.get("title", ""))

    def to_priority(self, week: str, rank: int, carried_from: int | None = None) -> Priority:
        v = self.values
        return Priority(
            id=0,
            week=week,
            rank=rank,
            title=self.title,
            goal_id=v.get("goal_id"),  # type: ignore[arg-type]
            value=v.get("value"),  # type: ignore[arg-type]
            energy=v.get("energy"),  # type: ignore[arg-type]
            estimate_minutes=v.get("estimate_minutes"),  # type: ignore[arg-type]
            when=v.get("when"),  # type: ignore[arg-type]
            carried_from=carried_from,
        )


class PlanInput:
    """What the person asked for: priorities in rank order, can-wait, focus, buffer."""

    def __init__(
        self,
        priorities: list[PriorityFields] | None = None,
        can_wait: list[str] | None = None,
        focus: str | None = None,
        buffer: int | None = None,
        week: str | None = None,
    ) -> None:
        self.priorities = priorities or []
        self.can_wait = [require_text(c, "can-wait") for c in can_wait or []]
        self.focus = None if focus is None else optional_text(focus, "focus", MAX_NOTE)
        self.focus_given = focus is not None
        self.buffer = None if buffer is None else parse_buffer(buffer)
        self.week = week

    def merged_with(self, flags: PlanInput) -> PlanInput:
        """A plan file's content with the command-line flags on top (flags win, lists add)."""
        merged = PlanInput(week=self.week)
        merged.priorities = self.priorities + flags.priorities
        merged.can_wait = self.can_wait + flags.can_wait
        merged.focus_given = self.focus_given or flags.focus_given
        merged.focus = flags.focus if flags.focus_given else self.focus
        merged.buffer = flags.buffer if flags.buffer is not None else self.buffer
        return merged


class CarryChoice:
    """For the guided flow: what to do with each unfinished priority of the previous week."""

    KEEP, CAN_WAIT, DROP = "keep", "can_wait", "drop"

    def __init__(self, choices: dict[int, str]) -> None:
        self.choices = choices


class PlanResult:
    def __init__(self, plan: WeekPlan, added: list[str], carried: list[str], skipped: list[str]):
        self.plan = plan
        self.added = added
        self.carried = carried
        self.skipped = skipped


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
        result = journal.week_plan(name)
    added = [f.title for f, origin in new if origin is None]
    kept = [p.title for p, action in carried if action == CarryChoice.KEEP]
    return PlanResult(result, added, kept, skipped)


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


# -- priorities during the week ---------------------------------------------------------


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
        return _existing(journal, new_id)


def edit_priority(journal: Journal, priority_id: int, fields: PriorityFields) -> Priority:
    if not fields.values:
        raise BadInput("error.nothing_to_edit")
    with journal.write():
        _existing(journal, priority_id)
        _check_goals(journal, [fields])
        journal.update_priority(priority_id, fields.values)
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
        return _existing(journal, priority_id)


def move_priority(journal: Journal, priority_id: int, week: IsoWeek, cap: int) -> Priority:
    name = str(week)
    with journal.write():
        p = _existing(journal, priority_id)
        if p.week == name:
            return p
        plan = journal.week_plan(name)
        if p.counts and len(plan.counted) + 1 > cap:
            raise BadInput(
                "error.priority_cap", count=len(plan.counted) + 1, cap=cap, week=week.week
            )
        journal.ensure_week(name, utc_stamp())
        journal.update_priority(priority_id, {"week": name, "rank": journal.next_rank(name)})
        return _existing(journal, priority_id)


def week_json(plan: WeekPlan) -> WeekJson:
    return {
        "week": plan.week,
        "focus": plan.focus,
        "buffer_pct": plan.buffer_pct,
        "priorities": [
            {
                "id": p.id,
                "rank": p.rank,
                "title": p.title,
                "status": p.status,
                "goal_id": p.goal_id,
                "value": p.value,
                "energy": p.energy,
                "estimate_minutes": p.estimate_minutes,
                "when": p.when,
                "carried_from": p.carried_from,
            }
            for p in plan.priorities
        ],
        "can_wait": list(plan.can_wait),
        "completion_rate": plan.completion_rate,
    }
