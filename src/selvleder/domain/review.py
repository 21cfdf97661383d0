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

# What "still holds" means for review's highlights. The rules read the journal as it is
# now (a priority's, request's or goal's current status), so nothing since resolved is
# found in any week: a priority since done, dropped or carried on, a request since
# answered or closed, a goal since done. Beyond that, each code holds where:
# - NOW: it speaks of the journal as it stands (role, mandate, goals, open requests,
#   asking lately) or of a trend over a window ending with a week (the completion
#   slide, the energy patterns): only the newest week's snapshot says whether it holds;
#   an older one is outdated (the slide of a spring since recovered).
# - LATEST_READING: the pulse holds as the newest week that has one reports it (a low
#   pulse later reported fine no longer holds).
# - every other code speaks of one week (its plan, its logs): it holds for the last
#   HOLD_WEEKS weeks of the window, the newest week it was found in; older weeks are
#   history (a missing log six weeks ago no longer holds).
NOW = frozenset(
    {
        "role.missing",
        "role.unclear_mandate",
        "goals.unclear",
        "goals.overdue",
        "goals.stale",
        "goals.over_cap",
        "goals.unlinked",
        "feedback.open_old",
        "feedback.none_recent",
        "plan.completion_declining",
        "energy.drainers",
        "energy.energisers",
        "energy.meeting_load",
    }
)
LATEST_READING = frozenset({"energy.pulse_low"})
HOLD_WEEKS = 4


def holds_in(code: str, age: int, pulse_age: int | None) -> bool:
    """Whether an observation found ``age`` weeks before the window's newest week can
    still hold (``pulse_age``: the age of the newest week with a pulse, None: none)."""
    if code in NOW:
        return age == 0
    if code in LATEST_READING:
        return age == pulse_age
    return age < HOLD_WEEKS


@dataclass(frozen=True, slots=True)
class WeekRow:
    """One week of the review table."""

    week: str
    completion_rate: float | None  # None: nothing planned that counts
    carried: int
    moved_away: int
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
            "moved_away": self.moved_away,
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
