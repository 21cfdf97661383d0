"""ISO weeks, date words in nb and en, durations and time ranges.

Pure functions over ``datetime``; python-dateutil (imported only when the
simple spellings do not match) parses the rest. Every failure is a
``BadInput`` naming the value, so a command can refuse it before it writes.
"""

from __future__ import annotations

import os
import re
from datetime import UTC, date, datetime, time, timedelta

from selvleder.errors import BadInput

ENV_NOW = "SELVLEDER_NOW"  # a fixed "now" (ISO 8601) for tests and demos

WEEKDAYS: dict[str, int] = {}
for _i, _names in enumerate(
    (
        ("monday", "mon", "mandag", "man", "ma"),
        ("tuesday", "tue", "tues", "tirsdag", "tir", "ti"),
        ("wednesday", "wed", "onsdag", "ons", "on"),
        ("thursday", "thu", "thur", "thurs", "torsdag", "tor", "to"),
        ("friday", "fri", "fredag", "fre", "fr"),
        ("saturday", "sat", "lørdag", "lør", "lordag", "lor", "lø"),
        ("sunday", "sun", "søndag", "søn", "sondag", "son", "sø"),
    )
):
    for _n in _names:
        WEEKDAYS[_n] = _i

THIS_WORDS = frozenset({"this", "denne", "this week", "denne uka", "denne uken", "current"})
NEXT_WORDS = frozenset({"next", "neste", "next week", "neste uke", "neste uka"})
LAST_WORDS = frozenset({"last", "forrige", "last week", "forrige uke", "forrige uka", "previous"})
TODAY_WORDS = frozenset({"today", "i dag", "idag"})
YESTERDAY_WORDS = frozenset({"yesterday", "i går", "igår", "i gar", "igar"})
TOMORROW_WORDS = frozenset({"tomorrow", "i morgen", "imorgen"})
NOW_WORDS = frozenset({"now", "nå", "na"})


def now() -> datetime:
    """The current local time, timezone-aware (``SELVLEDER_NOW`` fixes it)."""
    fixed = os.environ.get(ENV_NOW)
    if fixed:
        value = datetime.fromisoformat(fixed)
        if value.tzinfo is None:
            value = value.astimezone()
        return value
    return datetime.now().astimezone()


def today() -> date:
    return now().date()


def weeks_in_year(year: int) -> int:
    return date(year, 12, 28).isocalendar()[1]


class IsoWeek:
    """An ISO 8601 week such as 2026-W49 (Monday to Sunday)."""

    __slots__ = ("week", "year")

    def __init__(self, year: int, week: int) -> None:
        if not 1 <= year <= 9998 or not 1 <= week <= weeks_in_year(year):
            raise BadInput("error.week", value=f"{year}-W{week:02d}")
        self.year = year
        self.week = week

    @classmethod
    def of(cls, day: date) -> IsoWeek:
        iso = day.isocalendar()
        return cls(iso[0], iso[1])

    @classmethod
    def parse(cls, text: str) -> IsoWeek:
        match = re.fullmatch(r"(\d{4})-?W(\d{1,2})", text.strip(), re.IGNORECASE)
        if not match:
            raise BadInput("error.week", value=text)
        return cls(int(match.group(1)), int(match.group(2)))

    def __str__(self) -> str:
        return f"{self.year}-W{self.week:02d}"

    def __repr__(self) -> str:
        return f"IsoWeek({self.year}, {self.week})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, IsoWeek) and (self.year, self.week) == (other.year, other.week)

    def __lt__(self, other: IsoWeek) -> bool:
        return (self.year, self.week) < (other.year, other.week)

    def __le__(self, other: IsoWeek) -> bool:
        return (self.year, self.week) <= (other.year, other.week)

    def __hash__(self) -> int:
        return hash((self.year, self.week))

    def monday(self) -> date:
        return date.fromisocalendar(self.year, self.week, 1)

    def day(self, weekday: int) -> date:
        """0 = Monday ... 6 = Sunday."""
        return self.monday() + timedelta(days=weekday)

    def sunday(self) -> date:
        return self.day(6)

    def shift(self, weeks: int) -> IsoWeek:
        return IsoWeek.of(self.monday() + timedelta(weeks=weeks))

    def last_n(self, n: int) -> list[IsoWeek]:
        """The n weeks ending with this one, oldest first."""
        return [self.shift(-i) for i in range(n - 1, -1, -1)]


def _clean(text: str) -> str:
    return " ".join(text.strip().lower().split())


def parse_week(text: str, today_: date | None = None) -> IsoWeek:
    """2026-W49, W49, 49, this/denne, next/neste, last/forrige, or any date."""
    day = today_ or today()
    word = _clean(text)
    current = IsoWeek.of(day)
    if word in THIS_WORDS:
        return current
    if word in NEXT_WORDS:
        return current.shift(1)
    if word in LAST_WORDS:
        return current.shift(-1)
    if re.fullmatch(r"\d{4}-?w\d{1,2}", word):
        return IsoWeek.parse(word)
    match = re.fullmatch(r"(?:w|uke |week |uke|week)?(\d{1,2})", word)
    if match:
        return IsoWeek(current.year, int(match.group(1)))
    try:
        # a week named by a day of it: a date without its year is this year's (weeks
        # are planned and looked back on near today, either side), a weekday the latest
        return IsoWeek.of(parse_date(text, day, direction="week"))
    except BadInput:
        raise BadInput("error.week", value=text) from None


def plan_default_week(day: date) -> IsoWeek:
    """plan-week: Monday-Thursday the current week, Friday-Sunday the next."""
    week = IsoWeek.of(day)
    return week if day.weekday() <= 3 else week.shift(1)


def reflect_default_week(day: date) -> IsoWeek:
    """reflect: Thursday-Sunday the current week, Monday-Wednesday the previous."""
    week = IsoWeek.of(day)
    return week if day.weekday() >= 3 else week.shift(-1)


def parse_weekday(text: str) -> int | None:
    return WEEKDAYS.get(_clean(text).rstrip("."))


def parse_date(text: str, today_: date | None = None, direction: str = "past") -> date:
    """A date from ISO, day-first dotted dates, date words or weekday names.

    ``direction`` says which weekday a bare name means: "past" the latest
    one, today included (for --at); "future" the next one after today (for
    --due and --until). A date written without its year is taken only when
    this year's date lies on that side of today (today included); anything
    else would be a guess and is refused (see ``_yearless``).
    """
    return _day_and_clock(text, today_ or today(), direction, with_clock=False)[0]


def _day_and_clock(
    text: str, day: date, direction: str, *, with_clock: bool
) -> tuple[date, time | None]:
    """The date in ``text`` and, when ``with_clock`` and python-dateutil found one, its clock."""
    word = _clean(text)
    if not word:
        raise BadInput("error.date", value=text)
    if word in TODAY_WORDS:
        return day, None
    if word in YESTERDAY_WORDS:
        return day - timedelta(days=1), None
    if word in TOMORROW_WORDS:
        return day + timedelta(days=1), None
    weekday = parse_weekday(word)
    if weekday is not None:
        if direction == "future":
            ahead = (weekday - day.weekday()) % 7 or 7
            return day + timedelta(days=ahead), None
        return day - timedelta(days=(day.weekday() - weekday) % 7), None
    try:
        # year first (ISO, also with / or .): never ambiguous
        match = re.fullmatch(r"(\d{4})([-/.])(\d{1,2})\2(\d{1,2})", word)
        if match:
            return date(int(match.group(1)), int(match.group(3)), int(match.group(4))), None
        # day first; a US month-first date is refused, not swapped (12/31/2026 has no month 31)
        match = re.fullmatch(r"(\d{1,2})[./](\d{1,2})(?:[./](\d{2}|\d{4}))?\.?", word)
        if match:
            year = match.group(3)
            d, m = int(match.group(1)), int(match.group(2))
            if year is None:
                return _yearless(text, d, m, day, direction), None
            return date(int(year) + (2000 if len(year) == 2 else 0), m, d), None
    except ValueError:
        raise BadInput("error.date", value=text) from None
    return _dateutil(text, _english_months(word), day, direction, with_clock)


# Norwegian month and weekday names (python-dateutil knows only English ones); the
# ordinal dot of "30. juni" goes too. Only the words themselves are replaced.
NB_MONTHS = {
    "januar": "january",
    "februar": "february",
    "mars": "march",
    "april": "april",
    "mai": "may",
    "juni": "june",
    "juli": "july",
    "august": "august",
    "september": "september",
    "oktober": "october",
    "november": "november",
    "desember": "december",
    "okt": "oct",
    "des": "dec",
    # and the weekday a written date may start with ("fredag 4. desember 2026")
    "mandag": "monday",
    "tirsdag": "tuesday",
    "onsdag": "wednesday",
    "torsdag": "thursday",
    "fredag": "friday",
    "lørdag": "saturday",
    "søndag": "sunday",
}
_NB_MONTH = re.compile(r"\b(" + "|".join(NB_MONTHS) + r")\b\.?")
_ORDINAL_DOT = re.compile(r"\b(\d{1,2})\.(?=\s+[a-zæøå])")


def _english_months(word: str) -> str:
    """``30. juni 2027`` -> ``30 june 2027``; English spellings pass as they are."""
    word = _ORDINAL_DOT.sub(r"\1", word)
    return _NB_MONTH.sub(lambda m: NB_MONTHS[m.group(1)], word)


def _yearless(text: str, d: int, m: int, day: date, direction: str) -> date:
    """A day and month without a year: this year's date when it lies on the side of today the
    option looks to (today included), so ``june 30`` is this year's for --due in May and for
    --at in July; on the other side the year would be a guess (this year? next? last?), so it
    is refused and the user writes the year."""
    try:
        candidate = date(day.year, m, d)
    except ValueError:  # 31.02, or 29.02 outside a leap year
        raise BadInput("error.date", value=text) from None
    if direction == "week":
        return candidate
    if (candidate < day) if direction == "future" else (candidate > day):
        raise BadInput("error.date_no_year", value=text)
    return candidate


def _dateutil(
    text: str, word: str, day: date, direction: str, with_clock: bool
) -> tuple[date, time | None]:
    """What only python-dateutil reads (``1 july 2027``, ``jul 1st 10am``), refusing what it
    would guess: it fills every missing field from a default and swaps day and month when one
    is over 12, so the fields it *found* are checked instead of its result. Taken: a day, a
    month written as a name (numeric forms are the regexes' job, so dateutil never reorders
    them) and a year, or no year under ``_yearless``; for a moment also a clock, or a clock
    alone (today). Refused: a clock alone for a date (``10:30`` as a due date), a clock in a
    date, a day or month missing, a time zone, a weekday that is not the date's, and any word
    dateutil does not know (no ``fuzzy``)."""
    if len(word) > 40 or not re.search(r"\d", word):
        raise BadInput("error.date", value=text)
    from dateutil import parser

    reader = parser.parser()
    try:
        # _parse is the step of parse() that reports the fields found, before defaults fill the
        # rest; public parse() cannot tell "june 30" from "june 30 <this year>".
        found, _skipped = reader._parse(word, dayfirst=True)  # type: ignore[attr-defined]
    except (ValueError, OverflowError, TypeError, IndexError):
        raise BadInput("error.date", value=text) from None
    if found is None or found.tzname is not None or found.tzoffset is not None:
        raise BadInput("error.date", value=text)
    clock = None
    if found.hour is not None:
        if not with_clock:
            dated = found.day is not None or found.month is not None or found.year is not None
            raise BadInput("error.date" if dated else "error.date_clock", value=text)
        clock = time(found.hour, found.minute or 0, found.second or 0)
    elif found.minute is not None or found.second is not None:
        raise BadInput("error.date", value=text)
    if found.day is None and found.month is None and found.year is None:
        if clock is None or found.weekday is not None:
            raise BadInput("error.date", value=text)
        return day, clock  # a clock alone for --at: today, like 14:00
    named = any(reader.info.month(name) for name in re.findall(r"[a-z]+", word))
    if found.day is None or found.month is None or not named:
        raise BadInput("error.date", value=text)
    try:
        if found.year is None:
            result = _yearless(text, found.day, found.month, day, direction)
        else:
            result = date(found.year, found.month, found.day)
    except ValueError:
        raise BadInput("error.date", value=text) from None
    if found.weekday is not None and found.weekday != result.weekday():
        raise BadInput("error.date", value=text)
    return result, clock


_TIME = re.compile(r"([01]?\d|2[0-3])(?:[:.]([0-5]\d))?")
_ISO_MOMENT = re.compile(r"\d{4}-\d{2}-\d{2}[t ]\d.*")


def parse_clock(text: str) -> time:
    match = _TIME.fullmatch(text.strip())
    if not match:
        raise BadInput("error.time", value=text)
    return time(int(match.group(1)), int(match.group(2) or 0))


def parse_moment(text: str, current: datetime | None = None) -> datetime:
    """A past or present moment for --at: 'now', '14:00', 'i går 14:00',
    'mon 09:30', '2026-11-27', '2026-11-27T10:00', '27.11.2026 10:00'.

    A date without a time means 12:00 that day. The result is timezone-aware:
    with the offset the text carried, else with the offset the local zone has
    on that date (``local_moment``, the one place for every spelling).
    """
    ref = current or now()
    word = _clean(text)
    if word in NOW_WORDS:
        return ref
    if _ISO_MOMENT.fullmatch(word):
        try:
            iso = datetime.fromisoformat(word.upper().replace(" ", "T"))
        except ValueError:
            iso = None
        if iso is not None:
            return iso if iso.tzinfo is not None else local_moment(iso, text)
    parts = word.rsplit(" ", 1)
    if _TIME.fullmatch(word):
        day, clock = ref.date(), parse_clock(word)
    elif len(parts) == 2 and _TIME.fullmatch(parts[1]):
        day, clock = parse_date(parts[0], ref.date(), "past"), parse_clock(parts[1])
    else:
        day, found = _day_and_clock(word, ref.date(), "past", with_clock=True)
        clock = time(12, 0) if found is None else found
    return local_moment(datetime.combine(day, clock), text)


def local_moment(wall: datetime, text: str) -> datetime:
    """A local wall-clock time as an aware moment, with the UTC offset the local zone (``TZ``)
    has on that date — July is summer time even when typed in November.

    ``astimezone()`` on a naive time asks the C library for the system zone (it follows
    ``TZ``), DST included, and with ``fold=0`` an ambiguous time (the fall-back hour) is its
    first occurrence, the summer-time one. A time in the spring-forward gap comes back as
    another wall time: that round trip (local -> UTC -> local differs) is how a time that
    does not exist is found and refused, naming ``text``.
    """
    wall = wall.replace(fold=0)
    try:
        moment = wall.astimezone()
    except (OverflowError, OSError, ValueError):
        raise BadInput("error.date", value=text) from None
    if moment.replace(tzinfo=None) != wall:
        raise BadInput("error.time_skipped", value=text)
    return moment


def parse_duration(text: str) -> int:
    """'90m', '1h30m', '2h', '1.5h', '45' (minutes) -> minutes (1..10080)."""
    word = _clean(text).replace(" ", "")
    match = re.fullmatch(r"(?:(\d+(?:[.,]\d+)?)[ht])?(?:(\d+)(?:m|min)?)?", word)
    if not word or not match or not (match.group(1) or match.group(2)):
        raise BadInput("error.duration", value=text)
    hours = float((match.group(1) or "0").replace(",", "."))
    minutes = round(hours * 60) + int(match.group(2) or 0)
    if not 1 <= minutes <= 7 * 24 * 60:
        raise BadInput("error.duration", value=text)
    return minutes


def format_duration(minutes: int) -> str:
    hours, rest = divmod(minutes, 60)
    if hours and rest:
        return f"{hours}h{rest:02d}m"
    return f"{hours}h" if hours else f"{rest}m"


class FocusBlock:
    """A weekday and a time range, e.g. 'tue 09:00-11:00' (nb or en names)."""

    __slots__ = ("end", "start", "weekday")

    def __init__(self, weekday: int, start: time, end: time) -> None:
        self.weekday = weekday
        self.start = start
        self.end = end

    def __str__(self) -> str:
        names = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
        return f"{names[self.weekday]} {self.start:%H:%M}-{self.end:%H:%M}"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, FocusBlock) and str(self) == str(other)

    def __hash__(self) -> int:
        return hash(str(self))


def parse_focus_block(text: str) -> FocusBlock:
    word = _clean(text)
    match = re.fullmatch(r"([a-zæøå]+)\.?\s*(\S+?)\s*[-–]\s*(\S+)", word)
    if not match:
        raise BadInput("error.when", value=text)
    weekday = parse_weekday(match.group(1))
    if weekday is None:
        raise BadInput("error.when", value=text)
    try:
        start, end = parse_clock(match.group(2)), parse_clock(match.group(3))
    except BadInput:
        raise BadInput("error.when", value=text) from None
    if end <= start:
        raise BadInput("error.when", value=text)
    return FocusBlock(weekday, start, end)


def utc_stamp(moment: datetime | None = None) -> str:
    """A stored timestamp: UTC, ISO 8601, seconds."""

    return (moment or now()).astimezone(UTC).isoformat(timespec="seconds")


def utc_midnight(day: date) -> str:
    """The stored (UTC) timestamp of the local midnight that begins ``day``."""
    return utc_stamp(datetime.combine(day, time(0, 0)).astimezone())


def local_stamp(stored: str | None) -> str | None:
    """A stored UTC timestamp shown as ISO 8601 with the local offset."""
    if not stored:
        return None
    return datetime.fromisoformat(stored).astimezone().isoformat(timespec="seconds")
