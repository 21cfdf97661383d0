"""The journal's content as plain dataclasses, shared by domain, render and export."""

from __future__ import annotations

from dataclasses import dataclass, field

TIP_KEYS = ("role", "goals", "plan", "feedback", "energy")
MANDATE_KINDS = ("mine", "leader", "bounded", "unclear")
MOTIVATION_KINDS = ("strength", "value", "driver")
GOAL_STATUSES = ("active", "done", "dropped")
PRIORITY_STATUSES = ("planned", "done", "dropped", "carried")
VALUES = ("high", "medium", "low")
ENERGY_EFFECTS = ("gives", "neutral", "drains")
PULSE_KEYS = ("competence", "autonomy", "belonging", "meaning")
REQUEST_STATUSES = ("open", "answered", "closed")
NEEDS = (
    "feedback",
    "clarify-mandate",
    "expectations",
    "decision",
    "priorities",
    "support",
    "resources",
    "learning",
)


@dataclass(slots=True)
class Motivation:
    strengths: list[str] = field(default_factory=list)
    values: list[str] = field(default_factory=list)
    drivers: list[str] = field(default_factory=list)
    joy: str | None = None


@dataclass(slots=True)
class Profile:
    role: str | None = None
    mission: str | None = None
    org_goals: list[str] = field(default_factory=list)
    motivation: Motivation = field(default_factory=Motivation)

    @property
    def has_role(self) -> bool:
        return bool(self.role or self.mission)


@dataclass(slots=True)
class MandateItem:
    id: int
    kind: str
    text: str


@dataclass(slots=True)
class ProgressNote:
    id: int
    note: str
    at: str
    local_date: str


@dataclass(slots=True)
class Goal:
    id: int
    title: str
    measure: str | None
    due: str | None
    org_goal: str | None
    status: str
    created_at: str
    closed_at: str | None = None
    progress: list[ProgressNote] = field(default_factory=list)

    @property
    def clear(self) -> bool:
        """Few, clear goals: clear means it has a measure and a due date."""
        return bool(self.measure and self.due)


@dataclass(slots=True)
class Priority:
    id: int
    week: str
    rank: int
    title: str
    status: str = "planned"
    goal_id: int | None = None
    value: str | None = None
    energy: str | None = None
    estimate_minutes: int | None = None
    when: str | None = None
    carried_from: int | None = None
    drop_reason: str | None = None

    @property
    def counts(self) -> bool:
        """Only planned and done priorities count toward the cap and completion."""
        return self.status in ("planned", "done")


@dataclass(slots=True)
class WeekPlan:
    week: str
    focus: str | None = None
    buffer_pct: int | None = None
    priorities: list[Priority] = field(default_factory=list)
    can_wait: list[str] = field(default_factory=list)
    exists: bool = False

    @property
    def counted(self) -> list[Priority]:
        return [p for p in self.priorities if p.counts]

    @property
    def done(self) -> int:
        return sum(1 for p in self.priorities if p.status == "done")

    @property
    def completion_rate(self) -> float:
        counted = len(self.counted)
        return round(self.done / counted, 4) if counted else 0.0

    @property
    def unfinished(self) -> list[Priority]:
        return [p for p in self.priorities if p.status == "planned"]
