"""``review``'s pure part: the typed rows and highlights, and which codes each coach
rule can give (``services.review`` reads the window and fills them)."""

from __future__ import annotations

from dataclasses import dataclass

from selvleder.domain import coach
from selvleder.domain.coach import Observation, Snapshot

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable

HIGHLIGHTS = 3

# The codes each coach rule can give (a test checks this against the rules' output).
RULE_CODES: dict[Callable[[Snapshot], list[Observation]], tuple[str, ...]] = {
    coach.role_missing: ("role.missing",),
    coach.role_goal_links: ("role.goal_links",),
    coach.role_unclear_mandate: ("role.unclear_mandate",),
    coach.goals_unclear: ("goals.unclear",),
    coach.goals_overdue: ("goals.overdue",),
    coach.goals_stale: ("goals.stale",),
    coach.goals_over_cap: ("goals.over_cap",),
    coach.plan_completion: ("plan.completion",),
    coach.plan_carried_repeatedly: ("plan.carried_repeatedly",),
    coach.plan_over_cap: ("plan.over_cap",),
    coach.plan_no_buffer: ("plan.no_buffer",),
    coach.plan_value_inversion: ("plan.value_inversion",),
    coach.feedback_open_old: ("feedback.open_old",),
    coach.feedback_none_recent: ("feedback.none_recent",),
    coach.feedback_given: ("feedback.given",),
    coach.energy_level: ("energy.level",),
    coach.energy_tags: ("energy.drainers", "energy.energisers"),
    coach.energy_gaps: ("energy.gaps",),
    coach.energy_pulse_low: ("energy.pulse_low",),
}


@dataclass(frozen=True, slots=True)
class WeekRow:
    """One week of the review table."""

    week: str
    completion_rate: float | None  # None: nothing planned that counts
    carried: int
    energy_mean: float | None  # None: no energy logged
    energy_count: int
    requests: int
    ratings: dict[str, int | None]  # tip -> the week's rating
    pulse: dict[str, int] | None

    def as_json(self) -> dict[str, object]:
        return {
            "week": self.week,
            "completion_rate": self.completion_rate,
            "carried": self.carried,
            "energy_mean": self.energy_mean,
            "energy_count": self.energy_count,
            "requests": self.requests,
            "ratings": dict(self.ratings),
            "pulse": self.pulse,
        }


@dataclass(frozen=True, slots=True)
class Highlight:
    """An observation worth a look, from the latest week it was made in."""

    week: str
    observation: Observation

    def as_json(self, message: str) -> dict[str, object]:
        return {**self.observation.as_json(message), "week": self.week}


@dataclass(frozen=True, slots=True)
class Review:
    rows: list[WeekRow]  # oldest week first
    highlights: list[Highlight]  # most useful first

    def as_json(self, message: Callable[[Observation], str]) -> dict[str, object]:
        """The ``review --json`` document; message gives an observation's text."""
        return {
            "weeks": [row.as_json() for row in self.rows],
            "highlights": [h.as_json(message(h.observation)) for h in self.highlights],
        }
