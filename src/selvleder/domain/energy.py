"""Energy logs: validation and honest insights.

The validation here and ``services.energy.log_energy`` are shared by the Typer
command and the quick path (``selvleder.quick``), so both behave identically;
this module imports nothing heavy. ``energy show`` and ``energy insights`` are
typed reports computed by pure functions: numbers stay numbers until the
renderer formats them, and ``as_json()`` gives the documented JSON.
"""

from __future__ import annotations

from selvleder.domain.dates import IsoWeek, now, parse_moment
from selvleder.domain.text import MAX_NOTE, optional_text
from selvleder.entities import Log as Log
from selvleder.errors import BadInput

TYPE_CHECKING = False
if TYPE_CHECKING:
    from datetime import date, datetime


MIN_LOGS = 3  # nothing is claimed from fewer logs
CLEAR_DELTA = 0.5  # a drainer / energiser is at least this far from the overall mean
FUTURE_TOLERANCE_S = 60
WEEKDAY_KEYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
TIMES_OF_DAY = ("morning", "afternoon", "evening")
MAX_TAG = 40


def parse_level(text: str) -> int:
    value = text.strip()
    if value not in ("1", "2", "3", "4", "5"):
        raise BadInput("error.energy_level", value=text)
    return int(value)


def normalize_tag(text: str) -> str:
    """Tags are free words: lower-cased, a leading '#' dropped, nb letters kept."""
    tag = "-".join(text.strip().lstrip("#").lower().split())
    if not tag or len(tag) > MAX_TAG or not tag.isprintable():
        raise BadInput("error.energy_tag", value=text)
    try:
        tag.encode("utf-8")
    except UnicodeEncodeError:
        raise BadInput("error.energy_tag", value=text) from None
    return tag


class EnergyEntry:
    """A validated energy log, ready to store."""

    __slots__ = ("at", "level", "note", "tags")

    def __init__(
        self, level: str, note: str | None, tags: list[str], at: str | None, current: datetime
    ) -> None:
        self.level = parse_level(level)
        self.note = optional_text(note, "note", MAX_NOTE)
        self.tags = list(dict.fromkeys(normalize_tag(t) for t in tags))
        self.at = current if at is None else parse_moment(at, current)
        if (self.at - current).total_seconds() > FUTURE_TOLERANCE_S:
            raise BadInput("error.energy_future", value=at or "")


def make_entry(level: str, note: str | None, tags: list[str], at: str | None) -> EnergyEntry:
    return EnergyEntry(level, note, tags, at, now())


# -- windows and summaries ----------------------------------------------------------


def window(weeks: int, today: date) -> tuple[date, date]:
    """The last N ISO weeks, the current one included: (first Monday, last Sunday)."""
    if not 1 <= weeks <= 520:
        raise BadInput("error.weeks", value=weeks)
    current = IsoWeek.of(today)
    return current.shift(-(weeks - 1)).monday(), current.sunday()


def mean(values: list[int]) -> float:
    return sum(values) / len(values) if values else 0.0


if TYPE_CHECKING:
    from typing import TypedDict

    # The JSON documents (PRODUCT.md, "JSON shapes"); plain dicts at run time.
    class DayJson(TypedDict):
        date: str
        mean: float
        count: int

    class WeekMeanJson(TypedDict):
        week: str
        mean: float
        count: int

    class LogJson(TypedDict):
        id: int
        at: str
        level: int
        note: str | None
        tags: list[str]

    class ShowJson(TypedDict):
        logs: list[LogJson]
        days: list[DayJson]
        weeks: list[WeekMeanJson]

    # Flat rows, so that the coach can put them in an observation's data as they are.
    TagJson = dict[str, str | float]
    MomentJson = dict[str, str | float]

    class InsightsJson(TypedDict):
        overall_mean: float
        count: int
        energisers: list[TagJson]
        drainers: list[TagJson]
        lowest: MomentJson | None
        highest: MomentJson | None


class DayMean:
    """The mean level of one day's logs (rounded to 2 decimals, as shown and exported)."""

    __slots__ = ("count", "day", "mean")

    def __init__(self, day: date, levels: list[int]) -> None:
        self.day = day
        self.mean = round(mean(levels), 2)
        self.count = len(levels)

    def as_json(self) -> DayJson:
        return {"date": self.day.isoformat(), "mean": self.mean, "count": self.count}


class WeekMean:
    """The mean level of one ISO week's logs."""

    __slots__ = ("count", "mean", "week")

    def __init__(self, week: IsoWeek, levels: list[int]) -> None:
        self.week = week
        self.mean = round(mean(levels), 2)
        self.count = len(levels)

    def as_json(self) -> WeekMeanJson:
        return {"week": str(self.week), "mean": self.mean, "count": self.count}


def _levels_by_day(logs: list[Log]) -> dict[str, list[int]]:
    days: dict[str, list[int]] = {}
    for log in logs:
        days.setdefault(log.date, []).append(log.level)
    return days


def day_means(logs: list[Log]) -> list[DayMean]:
    """One entry per day with logs, oldest first."""
    from datetime import date as date_

    days = _levels_by_day(logs)
    return [DayMean(date_.fromisoformat(day), days[day]) for day in sorted(days)]


def week_means(logs: list[Log]) -> list[WeekMean]:
    """One entry per ISO week with logs, oldest first."""
    from datetime import date as date_

    weeks: dict[IsoWeek, list[int]] = {}
    for day, levels in _levels_by_day(logs).items():
        weeks.setdefault(IsoWeek.of(date_.fromisoformat(day)), []).extend(levels)
    return [WeekMean(week, weeks[week]) for week in sorted(weeks)]


def by_week(logs: list[Log]) -> list[WeekMeanJson]:
    return [w.as_json() for w in week_means(logs)]


class EnergyShow:
    """``energy show``: a window's logs with their daily and weekly means."""

    __slots__ = ("days", "logs", "weeks")

    def __init__(self, logs: list[Log]) -> None:
        self.logs = logs
        self.days = day_means(logs)
        self.weeks = week_means(logs)

    def as_json(self) -> ShowJson:
        return {
            "logs": [
                {"id": g.id, "at": g.at, "level": g.level, "note": g.note, "tags": g.tags}
                for g in self.logs
            ],
            "days": [d.as_json() for d in self.days],
            "weeks": [w.as_json() for w in self.weeks],
        }


def time_of_day(clock: str) -> str:
    """Before 12, 12-17, after 17."""
    hour = int(clock[:2])
    if hour < 12:
        return "morning"
    return "afternoon" if hour < 17 else "evening"


class TagEffect:
    """A tag's mean level, its difference from the overall mean, and how many logs carry it."""

    __slots__ = ("count", "delta", "mean", "tag")

    def __init__(self, tag: str, levels: list[int], overall: float) -> None:
        self.tag = tag
        self.mean = round(mean(levels), 2)
        self.delta = round(mean(levels) - overall, 2)
        self.count = len(levels)

    def as_json(self) -> TagJson:
        return {"tag": self.tag, "mean": self.mean, "delta": self.delta, "count": self.count}


class Moment:
    """A weekday (0 = Monday) and time of day, with the mean level of its logs."""

    __slots__ = ("count", "day", "mean", "time_of_day")

    def __init__(self, day: int, time_of_day: str, levels: list[int]) -> None:
        self.day = day
        self.time_of_day = time_of_day
        self.mean = round(mean(levels), 2)
        self.count = len(levels)

    def order(self) -> tuple[int, int, int]:
        """Ties go to the moment with more logs, then the earlier one in the week."""
        return (-self.count, self.day, TIMES_OF_DAY.index(self.time_of_day))

    def as_json(self) -> MomentJson:
        return {
            "weekday": WEEKDAY_KEYS[self.day],
            "time_of_day": self.time_of_day,
            "mean": self.mean,
            "count": self.count,
        }


def tag_stats(logs: list[Log]) -> list[TagEffect]:
    """Every tag with its mean, difference from the overall mean and count,
    lowest first (ties: more logs first, then by name)."""
    overall = mean([log.level for log in logs])
    tags: dict[str, list[int]] = {}
    for log in logs:
        for tag in log.tags:
            tags.setdefault(tag, []).append(log.level)
    stats = [TagEffect(tag, levels, overall) for tag, levels in tags.items()]
    return sorted(stats, key=lambda s: (s.delta, -s.count, s.tag))


def moments(logs: list[Log]) -> list[Moment]:
    """Each weekday and time of day with at least 3 logs."""
    from datetime import date as date_

    slots: dict[tuple[int, str], list[int]] = {}
    weekdays: dict[str, int] = {}
    for log in logs:
        day = weekdays.get(log.date)
        if day is None:
            day = weekdays[log.date] = date_.fromisoformat(log.date).weekday()
        slots.setdefault((day, time_of_day(log.time)), []).append(log.level)
    return [
        Moment(day, tod, levels) for (day, tod), levels in slots.items() if len(levels) >= MIN_LOGS
    ]


class Insights:
    """``energy insights``: energisers and drainers (at least 3 logs and 0.5 from the
    overall mean), and the weekday and time of day when energy is lowest and highest
    (at least 3 logs each, and only when the moments differ at all)."""

    __slots__ = ("count", "drainers", "energisers", "highest", "lowest", "overall_mean")

    def __init__(
        self,
        overall_mean: float,
        count: int,
        energisers: list[TagEffect],
        drainers: list[TagEffect],
        lowest: Moment | None,
        highest: Moment | None,
    ) -> None:
        self.overall_mean = overall_mean
        self.count = count
        self.energisers = energisers
        self.drainers = drainers
        self.lowest = lowest
        self.highest = highest

    @classmethod
    def of(cls, logs: list[Log]) -> Insights:
        tags = [s for s in tag_stats(logs) if s.count >= MIN_LOGS]
        energisers = sorted(
            (s for s in tags if s.delta >= CLEAR_DELTA), key=lambda s: (-s.delta, -s.count, s.tag)
        )
        found = moments(logs)
        lowest = highest = None
        if len({m.mean for m in found}) >= 2:
            lowest = min(found, key=lambda m: (m.mean, *m.order()))
            highest = min(found, key=lambda m: (-m.mean, *m.order()))
        return cls(
            overall_mean=round(mean([log.level for log in logs]), 2),
            count=len(logs),
            energisers=energisers,
            drainers=[s for s in tags if s.delta <= -CLEAR_DELTA],
            lowest=lowest,
            highest=highest,
        )

    def as_json(self) -> InsightsJson:
        return {
            "overall_mean": self.overall_mean,
            "count": self.count,
            "energisers": [s.as_json() for s in self.energisers],
            "drainers": [s.as_json() for s in self.drainers],
            "lowest": self.lowest.as_json() if self.lowest else None,
            "highest": self.highest.as_json() if self.highest else None,
        }


def insights(logs: list[Log]) -> InsightsJson:
    """The ``energy insights --json`` document."""
    return Insights.of(logs).as_json()
