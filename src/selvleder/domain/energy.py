"""Energy logs: validation and honest insights.

The validation here and ``services.energy.log_energy`` are shared by the Typer
command and the quick path (``selvleder.quick``), so both behave identically;
this module imports nothing heavy. ``energy show`` and ``energy insights`` are
typed reports computed by pure functions: numbers stay numbers until the
renderer formats them, and ``as_json()`` gives the documented JSON.
"""

from __future__ import annotations

from selvleder.domain.dates import IsoWeek, now, parse_moment
from selvleder.domain.stats import ALPHA, TEST_NAME, Pool, holm
from selvleder.domain.text import MAX_NOTE, optional_text
from selvleder.entities import Log as Log
from selvleder.errors import BadInput

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Hashable, Iterable, Mapping
    from datetime import date, datetime
    from typing import TypeVar

    K = TypeVar("K", bound=Hashable)


MIN_LOGS = 3  # nothing is claimed from fewer logs on either side of a comparison
CLEAR_DELTA = 0.5  # a claimed difference is at least this large (unrounded)
EVIDENCE_WEEKS = 12  # the window of every energy claim (PRODUCT.md, Evidence rules)
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

    MeetingJson = dict[str, dict[str, float | int] | float | int]
    # Flat rows, so that the coach can put them in an observation's data as they are.
    TagJson = dict[str, str | float]
    MomentJson = dict[str, str | float]

    class InsightsJson(TypedDict):
        window: dict[str, str | int]
        test: str
        overall_mean: float
        count: int
        energisers: list[TagJson]
        drainers: list[TagJson]
        lowest: MomentJson | None
        highest: MomentJson | None
        meeting_load: MeetingJson | None


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


class Span:
    """The window of an energy claim: ``weeks`` ISO weeks from the Monday ``first``."""

    __slots__ = ("first", "last", "weeks")

    def __init__(self, first: date, weeks: int) -> None:
        from datetime import timedelta

        self.first = first
        self.weeks = weeks
        self.last = first + timedelta(days=7 * weeks - 1)  # the Sunday of the last week

    @classmethod
    def ending(cls, week: IsoWeek, weeks: int = EVIDENCE_WEEKS) -> Span:
        """The ``weeks`` ISO weeks ending with ``week``."""
        return cls(week.shift(-(weeks - 1)).monday(), weeks)

    def as_json(self) -> dict[str, str | int]:
        return {"from": self.first.isoformat(), "to": self.last.isoformat(), "weeks": self.weeks}


class Comparison:
    """The logs that have something (a tag, a slot) against all the others of the window:
    both means, both counts, ``delta`` = mean with - mean without (unrounded), and the
    test's p (raw, then Holm-adjusted over the window's family of tests)."""

    __slots__ = ("count", "count_without", "delta", "mean", "mean_without", "p", "raw_p")

    def __init__(self, count: int, total: int, pool: Pool) -> None:
        self.count = count
        self.count_without = pool.count - count
        self.mean = total / count
        self.mean_without = (pool.total - total) / self.count_without
        self.delta = self.mean - self.mean_without
        self.raw_p = pool.p_value(count, total)
        self.p = self.raw_p  # Holm-adjusted once the whole family is known

    @property
    def passes(self) -> bool:
        """A claim: the difference is clear (>= 0.5, unrounded) and the Holm-adjusted
        test rejects "no difference" at alpha."""
        return abs(self.delta) >= CLEAR_DELTA and self.p <= ALPHA

    def evidence(self) -> dict[str, float | int]:
        """Means and delta rounded to 1 decimal, as the text shows them; p (the
        Holm-adjusted p) to 3 significant digits (a tiny p stays above 0)."""
        return {
            "mean": round(self.mean, 1),
            "count": self.count,
            "mean_without": round(self.mean_without, 1),
            "count_without": self.count_without,
            "delta": round(self.delta, 1),
            "p": float(f"{self.p:.3g}"),
        }


class TagEffect(Comparison):
    """A tag: the logs that carry it against the logs that do not."""

    __slots__ = ("tag",)

    def __init__(self, tag: str, count: int, total: int, pool: Pool) -> None:
        super().__init__(count, total, pool)
        self.tag = tag

    def as_json(self) -> TagJson:
        return {"tag": self.tag, **self.evidence()}


class Moment(Comparison):
    """A weekday (0 = Monday) and time of day: its logs against all other logs."""

    __slots__ = ("day", "time_of_day")

    def __init__(self, day: int, time_of_day: str, count: int, total: int, pool: Pool) -> None:
        super().__init__(count, total, pool)
        self.day = day
        self.time_of_day = time_of_day

    def as_json(self) -> MomentJson:
        """The spec's keys, and the rest of the evidence the text shows (the mean and
        count of all other logs, the difference): every number of the text is here."""
        shown = self.evidence()
        return {
            "weekday": WEEKDAY_KEYS[self.day],
            "time_of_day": self.time_of_day,
            "mean": shown["mean"],
            "count": self.count,
            "p": shown["p"],
            "mean_without": shown["mean_without"],
            "count_without": self.count_without,
            "delta": shown["delta"],
        }


class MeetingLoad(Comparison):
    """The logs of heavy-meeting days (meetings for at least half the working hours)
    against the logs of the other working days the calendar was read for."""

    __slots__ = ()

    def as_json(self) -> MeetingJson:
        shown = self.evidence()
        return {
            "heavy": {"mean": shown["mean"], "count": self.count},
            "light": {"mean": shown["mean_without"], "count": self.count_without},
            "delta": shown["delta"],
            "p": shown["p"],
        }


def meeting_load(
    logs: list[Log], busy: Mapping[str, int], workday_minutes: int
) -> MeetingLoad | None:
    """The comparison of heavy-meeting days with the others, when both sides have at least
    3 logs (only logs of days the calendar covers count); None otherwise."""
    levels = [
        (busy[log.date] * 2 >= workday_minutes, log.level) for log in logs if log.date in busy
    ]
    pool = Pool([level for _, level in levels])
    heavy = [level for is_heavy, level in levels if is_heavy]
    if not _testable(len(heavy), pool):
        return None
    return MeetingLoad(len(heavy), sum(heavy), pool)


def _weekday(day: str, known: dict[str, int]) -> int:
    found = known.get(day)
    if found is None:
        from datetime import date as date_

        found = known[day] = date_.fromisoformat(day).weekday()
    return found


def _tally(levels: Iterable[tuple[K, int]]) -> dict[K, list[int]]:
    """Per key, [how many logs, the sum of their levels]."""
    found: dict[K, list[int]] = {}
    for key, level in levels:
        tally = found.get(key)
        if tally is None:
            found[key] = [1, level]
        else:
            tally[0] += 1
            tally[1] += level
    return found


def _testable(count: int, pool: Pool) -> bool:
    return count >= MIN_LOGS and pool.count - count >= MIN_LOGS


def tag_stats(logs: list[Log], pool: Pool) -> list[TagEffect]:
    """Each tag with at least 3 logs with it and 3 without, compared with/without."""
    tags = _tally((tag, log.level) for log in logs for tag in log.tags)
    return [
        TagEffect(tag, count, total, pool)
        for tag, (count, total) in sorted(tags.items())
        if _testable(count, pool)
    ]


def moments(logs: list[Log], pool: Pool) -> list[Moment]:
    """Each weekday and time of day with at least 3 logs (and 3 others), against the rest."""
    weekdays: dict[str, int] = {}
    slots = _tally(
        ((_weekday(log.date, weekdays), time_of_day(log.time)), log.level) for log in logs
    )
    return [
        Moment(day, tod, count, total, pool)
        for (day, tod), (count, total) in sorted(
            slots.items(), key=lambda kv: (kv[0][0], TIMES_OF_DAY.index(kv[0][1]))
        )
        if _testable(count, pool)
    ]


class Insights:
    """``energy insights`` and the coach's tag claims: over one window, every tag and
    every weekday x time of day with at least 3 logs (and 3 without) is compared with
    the logs without it; together they are one family of tests, Holm-corrected. A tag or
    slot is claimed when its difference is at least 0.5 and the corrected test rejects
    "no difference" at 0.05 (``domain.stats``)."""

    __slots__ = (
        "count",
        "drainers",
        "energisers",
        "highest",
        "lowest",
        "meeting_load",
        "overall_mean",
        "span",
        "tested",
    )

    def __init__(
        self,
        span: Span,
        overall_mean: float,
        count: int,
        energisers: list[TagEffect],
        drainers: list[TagEffect],
        lowest: Moment | None,
        highest: Moment | None,
        tested: int,
        meeting_load: MeetingLoad | None = None,
    ) -> None:
        self.span = span
        self.meeting_load = meeting_load  # claimed: heavy-meeting days differ
        self.overall_mean = overall_mean
        self.count = count
        self.energisers = energisers
        self.drainers = drainers
        self.lowest = lowest
        self.highest = highest
        self.tested = tested  # the size of the family of tests

    @property
    def claims_nothing(self) -> bool:
        return not (
            self.energisers or self.drainers or self.lowest or self.highest or self.meeting_load
        )

    @classmethod
    def of(
        cls,
        logs: list[Log],
        span: Span,
        busy: Mapping[str, int] | None = None,
        workday_minutes: int = 480,
    ) -> Insights:
        """``busy``: the meeting minutes of each working day the calendar covers (the
        meeting-load comparison joins the family of tests when it has 3 logs a side)."""
        pool = Pool([log.level for log in logs])
        tags = tag_stats(logs, pool)
        slots = moments(logs, pool)
        meetings = meeting_load(logs, busy, workday_minutes) if busy else None
        family: list[Comparison] = [*tags, *slots, *([meetings] if meetings else [])]
        for tested, adjusted in zip(family, holm([c.raw_p for c in family]), strict=True):
            tested.p = adjusted
        passing = [t for t in tags if t.passes]
        low = [m for m in slots if m.passes and m.delta < 0]
        high = [m for m in slots if m.passes and m.delta > 0]
        return cls(
            span=span,
            overall_mean=round(pool.mean, 1),
            count=pool.count,
            energisers=sorted(
                (t for t in passing if t.delta > 0), key=lambda t: (-t.delta, -t.count, t.tag)
            ),
            drainers=sorted(
                (t for t in passing if t.delta < 0), key=lambda t: (t.delta, -t.count, t.tag)
            ),
            lowest=min(low, key=lambda m: (m.mean, -m.count)) if low else None,
            highest=max(high, key=lambda m: (m.mean, m.count)) if high else None,
            tested=len(family),
            meeting_load=meetings if meetings is not None and meetings.passes else None,
        )

    def as_json(self) -> InsightsJson:
        return {
            "window": self.span.as_json(),
            "test": TEST_NAME,
            "overall_mean": self.overall_mean,
            "count": self.count,
            "energisers": [s.as_json() for s in self.energisers],
            "drainers": [s.as_json() for s in self.drainers],
            "lowest": self.lowest.as_json() if self.lowest else None,
            "highest": self.highest.as_json() if self.highest else None,
            "meeting_load": self.meeting_load.as_json() if self.meeting_load else None,
        }


def insights(
    logs: list[Log], span: Span, busy: Mapping[str, int] | None = None, workday_minutes: int = 480
) -> InsightsJson:
    """The ``energy insights --json`` document."""
    return Insights.of(logs, span, busy, workday_minutes).as_json()
