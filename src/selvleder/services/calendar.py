"""The calendar against the journal: read it (or its cache), keep the busy time per
working day, and give a week's capacity.

The cache is the journal's own ``busy_days`` table: whenever the calendar is read, the
busy blocks of every working day from 11 weeks back (the evidence window) to 8 weeks
ahead, and of any wider range asked for, replace what was stored for those days, and
the setting ``calendar.read`` keeps a digest of what was read (each file's path, size,
mtime and inode, the working hours, ``me.email`` and the local time zone) with the
range. While the digest matches, nothing is parsed: a run costs a ``stat`` per file
and one indexed read.
"""

from __future__ import annotations

from datetime import date

TYPE_CHECKING = False
if TYPE_CHECKING:
    from selvleder.config import Config
    from selvleder.domain.calendar import Block, Capacity
    from selvleder.domain.models import WeekPlan
    from selvleder.storage.journal import Journal

CACHE_KEY = "calendar.read"
BACK_WEEKS = 11
AHEAD_WEEKS = 8


def _digest(path: str, signature: str, config: Config) -> str:
    """A digest of what was read, so the journal holds no path. Two CRC-32s (forward and
    backward text), not hashlib: importing hashlib (OpenSSL) costs 10 ms of the run, and
    this only tells one state of the calendar from the next."""
    import os
    import time
    import zlib

    text = "\n".join(
        (
            os.path.abspath(path),
            signature,
            config.workday,
            (config.me_email or "").lower(),
            os.environ.get("TZ", ""),
            "/".join(time.tzname),
        )
    )
    data = text.encode("utf-8", "surrogateescape")
    return f"{zlib.crc32(data):08x}{zlib.crc32(data[::-1]):08x}{len(data):x}"


def check_source(path: str) -> str:
    """The calendar's signature (a stat of each file); a missing or unreadable PATH is a
    ``BadInput`` naming it. Called before the journal is opened."""
    from selvleder.integrations.calendar import BadCalendar, signature

    try:
        return signature(path)
    except BadCalendar as exc:
        raise exc.as_bad_input() from None


def busy_between(
    journal: Journal, path: str, first: date, last: date, config: Config, today: date
) -> dict[date, list[Block]]:
    """Each working day from ``first`` to ``last`` and its busy blocks, from the cache
    when the calendar is unchanged, else read from PATH (and stored)."""
    from datetime import timedelta

    from selvleder.domain.calendar import (
        Workday,
        busy_blocks,
        decode_blocks,
        encode_blocks,
        minutes_of,
    )
    from selvleder.domain.dates import IsoWeek

    workday = Workday(config.workday)
    key = _digest(path, check_source(path), config)
    with journal.read():
        stored = (journal.setting(CACHE_KEY) or "").split()
        fresh = len(stored) == 3 and stored[0] == key
        if fresh and stored[1] <= first.isoformat() and last.isoformat() <= stored[2]:
            rows = journal.busy_days(first.isoformat(), last.isoformat())
            found: dict[date, list[Block]] = {}
            day = first
            while day <= last:
                if workday.is_working(day):
                    row = rows.get(day.isoformat())
                    found[day] = decode_blocks(row[1]) if row else []
                day += timedelta(days=1)
            return found
    current = IsoWeek.of(today)
    low = min(first, current.shift(-BACK_WEEKS).monday())
    high = max(last, current.shift(AHEAD_WEEKS).sunday())
    from selvleder.integrations.calendar import BadCalendar, read_busy

    try:
        busy = read_busy(path, low, high, config.me_email)
    except BadCalendar as exc:
        raise exc.as_bad_input() from None
    blocks = busy_blocks(busy, low, high, workday)
    rows = {d.isoformat(): (minutes_of(b), encode_blocks(b)) for d, b in blocks.items()}
    from selvleder.errors import JournalError

    try:
        with journal.write():
            journal.replace_busy_days(low.isoformat(), high.isoformat(), rows)
            journal.set_setting(CACHE_KEY, f"{key} {low.isoformat()} {high.isoformat()}")
    except JournalError:
        pass  # a journal that cannot be written (read-only, locked): read, not kept
    return {d: b for d, b in blocks.items() if first <= d <= last}


def week_capacity(
    journal: Journal, path: str, plan: WeekPlan, config: Config, today: date
) -> Capacity:
    """The week of ``plan`` against the calendar at PATH."""
    from selvleder.domain.calendar import Capacity, DayLoad, Workday
    from selvleder.domain.dates import IsoWeek

    week = IsoWeek.parse(plan.week)
    workday = Workday(config.workday)
    days = busy_between(journal, path, week.monday(), week.sunday(), config, today)
    estimate = sum(p.estimate_minutes or 0 for p in plan.priorities if p.counts)
    return Capacity(
        path,
        [DayLoad(d, days[d], workday) for d in sorted(days)],
        workday,
        estimate,
        plan.buffer_pct,
    )


def stored_busy_minutes(journal: Journal, first: date, last: date) -> dict[str, int]:
    """The meeting minutes stored for each working day from ``first`` to ``last``."""
    with journal.read():
        rows = journal.busy_days(first.isoformat(), last.isoformat())
    return {day: minutes for day, (minutes, _) in rows.items()}
