"""``review``'s pure part: the typed rows and highlights (``services.review`` reads the
window and fills them; the codes each coach rule can give and their ranks are declared
with the rule in ``domain.coach``)."""

from __future__ import annotations

from dataclasses import dataclass

from selvleder.domain.coach import Observation

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable

HIGHLIGHTS = 3


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
