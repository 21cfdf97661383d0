"""The journal's content as plain classes, shared by domain, render and export.

Plain ``__slots__`` classes rather than dataclasses: every report command
creates them, and importing ``dataclasses`` and building dataclasses costs
more at start-up than these few lines of ``__init__``.
"""

from __future__ import annotations

TIP_KEYS = ("role", "goals", "plan", "feedback", "energy")
MANDATE_KINDS = ("mine", "leader", "bounded", "unclear")
PULSE_KEYS = ("competence", "autonomy", "belonging", "meaning")
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


class Record:
    """Equality and a readable repr from ``__slots__`` (for tests and debugging)."""

    __slots__: tuple[str, ...] = ()

    def _values(self) -> tuple[object, ...]:
        return tuple(getattr(self, name) for name in self.__slots__)

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, Record)
            and type(other) is type(self)
            and self._values() == other._values()
        )

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        fields = ", ".join(f"{n}={getattr(self, n)!r}" for n in self.__slots__)
        return f"{type(self).__name__}({fields})"


class Motivation(Record):
    __slots__ = ("drivers", "joy", "strengths", "values")

    def __init__(
        self,
        strengths: list[str] | None = None,
        values: list[str] | None = None,
        drivers: list[str] | None = None,
        joy: str | None = None,
    ) -> None:
        self.strengths = strengths if strengths is not None else []
        self.values = values if values is not None else []
        self.drivers = drivers if drivers is not None else []
        self.joy = joy


class Profile(Record):
    __slots__ = ("mission", "motivation", "org_goals", "role")

    def __init__(
        self,
        role: str | None = None,
        mission: str | None = None,
        org_goals: list[str] | None = None,
        motivation: Motivation | None = None,
    ) -> None:
        self.role = role
        self.mission = mission
        self.org_goals = org_goals if org_goals is not None else []
        self.motivation = motivation if motivation is not None else Motivation()

    @property
    def has_role(self) -> bool:
        return bool(self.role or self.mission)


class MandateItem(Record):
    __slots__ = ("id", "kind", "text")

    def __init__(self, id: int, kind: str, text: str) -> None:
        self.id = id
        self.kind = kind
        self.text = text


class ProgressNote(Record):
    __slots__ = ("at", "id", "local_date", "note")

    def __init__(self, id: int, note: str, at: str, local_date: str) -> None:
        self.id = id
        self.note = note
        self.at = at
        self.local_date = local_date


class Goal(Record):
    __slots__ = (
        "closed_at",
        "created_at",
        "due",
        "id",
        "measure",
        "org_goal",
        "progress",
        "status",
        "title",
    )

    def __init__(
        self,
        id: int,
        title: str,
        measure: str | None,
        due: str | None,
        org_goal: str | None,
        status: str,
        created_at: str,
        closed_at: str | None = None,
        progress: list[ProgressNote] | None = None,
    ) -> None:
        self.id = id
        self.title = title
        self.measure = measure
        self.due = due
        self.org_goal = org_goal
        self.status = status
        self.created_at = created_at
        self.closed_at = closed_at
        self.progress = progress if progress is not None else []

    @property
    def clear(self) -> bool:
        """Few, clear goals: clear means it has a measure and a due date."""
        return bool(self.measure and self.due)


class Priority(Record):
    __slots__ = (
        "carried_from",
        "drop_reason",
        "energy",
        "estimate_minutes",
        "goal_id",
        "id",
        "rank",
        "status",
        "title",
        "value",
        "week",
        "when",
    )

    def __init__(
        self,
        id: int,
        week: str,
        rank: int,
        title: str,
        status: str = "planned",
        goal_id: int | None = None,
        value: str | None = None,
        energy: str | None = None,
        estimate_minutes: int | None = None,
        when: str | None = None,
        carried_from: int | None = None,
        drop_reason: str | None = None,
    ) -> None:
        self.id = id
        self.week = week
        self.rank = rank
        self.title = title
        self.status = status
        self.goal_id = goal_id
        self.value = value
        self.energy = energy
        self.estimate_minutes = estimate_minutes
        self.when = when
        self.carried_from = carried_from
        self.drop_reason = drop_reason

    @property
    def counts(self) -> bool:
        """Only planned and done priorities count toward the cap and completion."""
        return self.status in ("planned", "done")


class WeekPlan(Record):
    __slots__ = ("buffer_pct", "can_wait", "exists", "focus", "priorities", "week")

    def __init__(
        self,
        week: str,
        focus: str | None = None,
        buffer_pct: int | None = None,
        priorities: list[Priority] | None = None,
        can_wait: list[str] | None = None,
        exists: bool = False,
    ) -> None:
        self.week = week
        self.focus = focus
        self.buffer_pct = buffer_pct
        self.priorities = priorities if priorities is not None else []
        self.can_wait = can_wait if can_wait is not None else []
        self.exists = exists

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
