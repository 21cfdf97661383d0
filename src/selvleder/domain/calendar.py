"""The calendar's busy time as capacity: meetings and free time per working day.

Pure: the busy intervals come from ``integrations.calendar`` (through
``services.calendar``), the working hours from config. A day's blocks are minutes
after midnight, inside working hours, overlaps merged. Working days are Monday to
Friday.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from selvleder.errors import BadInput

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import TypedDict

    Block = tuple[int, int]

    class DayJson(TypedDict):
        date: str
        meeting_minutes: int
        free_minutes: int
        largest_free: str | None

    class CapacityJson(TypedDict):
        source: str
        meeting_minutes: int
        free_minutes: int
        estimate_minutes: int
        days: list[DayJson]


WORKING_WEEKDAYS = (0, 1, 2, 3, 4)
WEEKDAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
DEFAULT_BLOCK_MINUTES = 60  # --when auto for a priority without an estimate


class Workday:
    """Working hours, as minutes after midnight, on Monday to Friday."""

    __slots__ = ("end", "start")

    def __init__(self, spec: str) -> None:
        from selvleder.config import workday_minutes

        found = workday_minutes(spec)
        if found is None:
            raise BadInput("error.config_key", key="workday", value=spec)
        self.start, self.end = found

    @property
    def minutes(self) -> int:
        return self.end - self.start

    def is_working(self, day: date) -> bool:
        return day.weekday() in WORKING_WEEKDAYS

    def __str__(self) -> str:
        return f"{clock(self.start)}-{clock(self.end)}"


def clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def merge(blocks: list[Block]) -> list[Block]:
    """Overlapping or touching blocks become one."""
    merged: list[list[int]] = []
    for start, end in sorted(blocks):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(s, e) for s, e in merged]


def busy_blocks(
    busy: list[tuple[datetime, datetime]], first: date, last: date, workday: Workday
) -> dict[date, list[Block]]:
    """Every working day from ``first`` to ``last`` (an empty list when it has no
    meeting): its busy blocks inside working hours, merged."""
    days: dict[date, list[Block]] = {}
    day = first
    while day <= last:
        if workday.is_working(day):
            days[day] = []
        day += timedelta(days=1)
    for start, end in busy:
        day = max(start.date(), first)
        while day <= min(end.date(), last):
            found = days.get(day)
            if found is not None:
                begin = 0 if start.date() < day else start.hour * 60 + start.minute
                stop = 24 * 60 if end.date() > day else end.hour * 60 + end.minute
                begin, stop = max(begin, workday.start), min(stop, workday.end)
                if begin < stop:
                    found.append((begin, stop))
            day += timedelta(days=1)
    return {d: merge(b) for d, b in days.items()}


def encode_blocks(blocks: list[Block]) -> str:
    return " ".join(f"{clock(s)}-{clock(e)}" for s, e in blocks)


def decode_blocks(text: str) -> list[Block]:
    """Stored blocks back; anything that is not a block is left out."""
    found = []
    for item in text.split():
        try:
            a, b = item.split("-")
            start = int(a[:2]) * 60 + int(a[3:5])
            end = int(b[:2]) * 60 + int(b[3:5])
        except ValueError:
            continue
        if 0 <= start < end <= 24 * 60:
            found.append((start, end))
    return merge(found)


def minutes_of(blocks: list[Block]) -> int:
    return sum(e - s for s, e in blocks)


def free_blocks(blocks: list[Block], workday: Workday) -> list[Block]:
    free = []
    at = workday.start
    for start, end in merge(blocks):
        if start > at:
            free.append((at, min(start, workday.end)))
        at = max(at, end)
    if at < workday.end:
        free.append((at, workday.end))
    return [(s, e) for s, e in free if e > s]


def largest(blocks: list[Block]) -> Block | None:
    """The longest block; the earliest of equal ones."""
    best: Block | None = None
    for block in blocks:
        if best is None or block[1] - block[0] > best[1] - best[0]:
            best = block
    return best


def is_heavy(meeting_minutes: int, workday: Workday) -> bool:
    """A heavy day: meetings for at least half the working hours."""
    return meeting_minutes * 2 >= workday.minutes


class DayLoad:
    __slots__ = ("blocks", "day", "free", "workday")

    def __init__(self, day: date, blocks: list[Block], workday: Workday) -> None:
        self.day = day
        self.blocks = blocks
        self.workday = workday
        self.free = free_blocks(blocks, workday)

    @property
    def meeting_minutes(self) -> int:
        return minutes_of(self.blocks)

    @property
    def free_minutes(self) -> int:
        return minutes_of(self.free)

    @property
    def largest_free(self) -> Block | None:
        return largest(self.free)

    def as_json(self) -> DayJson:
        slot = self.largest_free
        return {
            "date": self.day.isoformat(),
            "meeting_minutes": self.meeting_minutes,
            "free_minutes": self.free_minutes,
            "largest_free": f"{clock(slot[0])}-{clock(slot[1])}" if slot else None,
        }


class Capacity:
    """A week against the calendar: meetings and free time per working day and for the
    week (the week's free time also minus the buffer, a share of the working hours),
    the sum of the priorities' estimates, and whether they fit."""

    __slots__ = ("buffer_pct", "days", "estimate_minutes", "source", "workday")

    def __init__(
        self,
        source: str,
        days: list[DayLoad],
        workday: Workday,
        estimate_minutes: int = 0,
        buffer_pct: int | None = None,
    ) -> None:
        self.source = source
        self.days = days
        self.workday = workday
        self.estimate_minutes = estimate_minutes
        self.buffer_pct = buffer_pct

    @property
    def meeting_minutes(self) -> int:
        return sum(d.meeting_minutes for d in self.days)

    @property
    def working_minutes(self) -> int:
        return self.workday.minutes * len(self.days)

    @property
    def buffer_minutes(self) -> int:
        return round(self.working_minutes * (self.buffer_pct or 0) / 100)

    @property
    def free_minutes(self) -> int:
        return max(0, sum(d.free_minutes for d in self.days) - self.buffer_minutes)

    @property
    def fits(self) -> bool:
        return self.estimate_minutes <= self.free_minutes

    @property
    def heavy(self) -> bool:
        """Meetings for at least half the week's working hours."""
        return bool(self.days) and self.meeting_minutes * 2 >= self.working_minutes

    def as_json(self) -> CapacityJson:
        return {
            "source": self.source,
            "meeting_minutes": self.meeting_minutes,
            "free_minutes": self.free_minutes,
            "estimate_minutes": self.estimate_minutes,
            "days": [d.as_json() for d in self.days],
        }


def place(capacity: Capacity, minutes: int | None, taken: list[tuple[int, int, int]]) -> str | None:
    """``--when auto``: a focus block of ``minutes`` (an hour when there is no estimate)
    at the start of the largest free slot of the week, shortened to the slot when the
    slot is shorter; ``taken`` (weekday, start, end) are focus blocks already placed.
    "tue 09:00-11:00", or None when the week has no free time."""
    best: tuple[int, Block] | None = None
    for day in capacity.days:
        weekday = day.day.weekday()
        busy = day.blocks + [(s, e) for w, s, e in taken if w == weekday]
        slot = largest(free_blocks(busy, capacity.workday))
        if slot is not None and (best is None or slot[1] - slot[0] > best[1][1] - best[1][0]):
            best = (weekday, slot)
    if best is None:
        return None
    weekday, (start, end) = best
    length = min(minutes or DEFAULT_BLOCK_MINUTES, end - start)
    return f"{WEEKDAY_NAMES[weekday]} {clock(start)}-{clock(start + length)}"


def focus_minutes(when: str | None) -> tuple[int, int, int] | None:
    """A stored focus block ("tue 09:00-11:00") as (weekday, start, end) minutes."""
    if not when:
        return None
    try:
        name, span = when.split(" ", 1)
        a, b = span.split("-")
        return (
            WEEKDAY_NAMES.index(name),
            int(a[:2]) * 60 + int(a[3:5]),
            int(b[:2]) * 60 + int(b[3:5]),
        )
    except ValueError:
        return None
