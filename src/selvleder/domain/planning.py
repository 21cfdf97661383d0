"""Tip 3: plan the week with few priorities, carry-over, focus blocks and a buffer.

The pure part: the words for value and energy, the buffer, a priority's checked fields,
what a plan asks for and what it gave, and the ``week --json`` shape.
``services.planning`` writes plans and priorities to the journal.
"""

from __future__ import annotations

from selvleder.domain.dates import parse_duration, parse_focus_block
from selvleder.domain.models import Priority, WeekPlan
from selvleder.domain.text import MAX_NOTE, check_id, optional_text, require_text
from selvleder.errors import BadInput

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import TypedDict

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

    class MovedAwayJson(TypedDict):
        id: int
        title: str
        to: str

    class WeekJson(TypedDict):
        week: str
        focus: str | None
        buffer_pct: int | None
        priorities: list[PriorityJson]
        can_wait: list[str]
        moved_away: list[MovedAwayJson]
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


# -- priorities during the week ---------------------------------------------------------


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
        "moved_away": [{"id": m.id, "title": m.title, "to": m.to} for m in plan.moved_away],
        "completion_rate": plan.completion_rate,
    }
