"""Energy logs: validation, the quick log, and honest insights.

The validation and ``log_energy`` are shared by the Typer command and the
quick path (``selvleder.quick``), so both behave identically; this module
imports nothing heavy. Insights are pure functions over plain tuples.
"""

from __future__ import annotations

from selvleder.domain.dates import IsoWeek, now, parse_moment
from selvleder.domain.energy_row import energy_row
from selvleder.domain.text import MAX_NOTE, optional_text
from selvleder.entities import Log as Log
from selvleder.errors import BadInput

TYPE_CHECKING = False
if TYPE_CHECKING:
    from datetime import date, datetime

    from selvleder.storage.connection import Connection

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


def log_energy(connection: Connection, entry: EnergyEntry) -> int:
    """Store one log and its tags in one transaction; return its id."""
    from selvleder.storage.journal import insert_energy_log

    row = energy_row(None, entry.at, entry.level, entry.note)
    with connection.write() as conn:
        return insert_energy_log(conn, row, entry.tags)


# -- windows and summaries ----------------------------------------------------------


def window(weeks: int, today: date) -> tuple[date, date]:
    """The last N ISO weeks, the current one included: (first Monday, last Sunday)."""
    if not 1 <= weeks <= 520:
        raise BadInput("error.weeks", value=weeks)
    current = IsoWeek.of(today)
    return current.shift(-(weeks - 1)).monday(), current.sunday()


def mean(values: list[int]) -> float:
    return sum(values) / len(values) if values else 0.0


def by_day(logs: list[Log]) -> list[dict[str, object]]:
    days: dict[str, list[int]] = {}
    for log in logs:
        days.setdefault(log.date, []).append(log.level)
    return [
        {"date": d, "mean": round(mean(v), 2), "count": len(v)} for d, v in sorted(days.items())
    ]


def by_week(logs: list[Log]) -> list[dict[str, object]]:
    from datetime import date as date_

    weeks: dict[str, list[int]] = {}
    for log in logs:
        weeks.setdefault(str(IsoWeek.of(date_.fromisoformat(log.date))), []).append(log.level)
    return [
        {"week": w, "mean": round(mean(v), 2), "count": len(v)} for w, v in sorted(weeks.items())
    ]


def time_of_day(clock: str) -> str:
    """Before 12, 12-17, after 17."""
    hour = int(clock[:2])
    if hour < 12:
        return "morning"
    return "afternoon" if hour < 17 else "evening"


class Stat:
    """Mean level of a group of logs (a tag, or a weekday and time of day)."""

    __slots__ = ("count", "delta", "key", "mean")

    def __init__(self, key: tuple[str, ...], levels: list[int], overall: float) -> None:
        self.key = key
        self.mean = round(mean(levels), 2)
        self.delta = round(mean(levels) - overall, 2)
        self.count = len(levels)


def _group(pairs: list[tuple[tuple[str, ...], int]], overall: float) -> list[Stat]:
    groups: dict[tuple[str, ...], list[int]] = {}
    for key, level in pairs:
        groups.setdefault(key, []).append(level)
    return [Stat(key, levels, overall) for key, levels in groups.items()]


def tag_stats(logs: list[Log]) -> list[Stat]:
    """Every tag with its mean, difference from the overall mean and count,
    lowest first (ties: more logs first, then by name)."""
    overall = mean([log.level for log in logs])
    stats = _group([((tag,), log.level) for log in logs for tag in log.tags], overall)
    return sorted(stats, key=lambda s: (s.delta, -s.count, s.key))


def _tag_json(stat: Stat) -> dict[str, object]:
    return {"tag": stat.key[0], "mean": stat.mean, "delta": stat.delta, "count": stat.count}


def _moment_json(stat: Stat) -> dict[str, object]:
    return {
        "weekday": stat.key[0],
        "time_of_day": stat.key[1],
        "mean": stat.mean,
        "count": stat.count,
    }


def insights(logs: list[Log]) -> dict[str, object]:
    """Energisers and drainers (at least 3 logs and 0.5 from the overall mean),
    and the weekday and time of day when energy is lowest and highest (at least
    3 logs each). Ties go to the group with more logs, then the earlier one."""
    from datetime import date as date_

    overall = mean([log.level for log in logs])
    tags = [s for s in tag_stats(logs) if s.count >= MIN_LOGS]
    drainers = [s for s in tags if s.delta <= -CLEAR_DELTA]
    energisers = sorted(
        (s for s in tags if s.delta >= CLEAR_DELTA), key=lambda s: (-s.delta, -s.count, s.key)
    )
    moments = [
        s
        for s in _group(
            [
                (
                    (WEEKDAY_KEYS[date_.fromisoformat(log.date).weekday()], time_of_day(log.time)),
                    log.level,
                )
                for log in logs
            ],
            overall,
        )
        if s.count >= MIN_LOGS
    ]

    def order(s: Stat) -> tuple[int, int, int]:
        return (-s.count, WEEKDAY_KEYS.index(s.key[0]), TIMES_OF_DAY.index(s.key[1]))

    lowest = highest = None
    if len({s.mean for s in moments}) >= 2:
        lowest = min(moments, key=lambda s: (s.mean, *order(s)))
        highest = min(moments, key=lambda s: (-s.mean, *order(s)))
    return {
        "overall_mean": round(overall, 2),
        "count": len(logs),
        "energisers": [_tag_json(s) for s in energisers],
        "drainers": [_tag_json(s) for s in drainers],
        "lowest": _moment_json(lowest) if lowest else None,
        "highest": _moment_json(highest) if highest else None,
    }


# -- services over the journal ---------------------------------------------------------

if TYPE_CHECKING:
    from selvleder.storage.journal import Journal, Row


def logs_in_window(journal: Journal, weeks: int, today: date) -> list[Log]:
    first, last = window(weeks, today)
    with journal.read():
        return journal.energy_logs(first.isoformat(), last.isoformat())


def undo_last(journal: Journal) -> Row:
    with journal.write():
        last = journal.last_energy_log()
        if last is None:
            raise BadInput("error.energy_nothing_to_undo")
        journal.delete_energy_log(int(last["id"]))
        return last


def delete_log(journal: Journal, log_id: int) -> Row:
    from selvleder.domain.text import check_id

    check_id(log_id, "energy")
    with journal.write():
        row = journal.energy_log(log_id)
        if row is None:
            raise BadInput("error.energy_unknown", id=log_id)
        journal.delete_energy_log(log_id)
        return row


def show_json(logs: list[Log]) -> dict[str, object]:
    return {
        "logs": [
            {"id": g.id, "at": g.at, "level": g.level, "note": g.note, "tags": g.tags} for g in logs
        ],
        "days": by_day(logs),
        "weeks": by_week(logs),
    }
