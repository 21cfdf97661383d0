"""Reminder schedules, kinds and the pause.

A SPEC such as ``"mon 08:30"``, ``"mon-fri 11:00,15:00"`` or ``"fre 14:00"``
(weekday names and ranges in nb or en, comma lists, times as HH:MM) becomes a
``Schedule`` and from there cron lines. Whether a reminder has anything to
say right now, given the journal's state, is ``services.reminders``.
"""

from __future__ import annotations

import re
from datetime import date

from selvleder.domain.dates import parse_weekday
from selvleder.errors import BadInput

KINDS = ("plan-week", "energy", "reflect", "follow-up")
DEFAULTS = {
    "plan-week": "mon 08:30",
    "energy": "mon-fri 11:00,15:00",
    "reflect": "fri 14:00",
    "follow-up": "wed 10:00",
}
CONFIG_KEYS = {
    "plan-week": "plan_week",
    "energy": "energy",
    "reflect": "reflect",
    "follow-up": "follow_up",
}
COMMANDS = {
    "plan-week": "selvleder plan-week",
    "energy": "selvleder energy log 3",
    "reflect": "selvleder reflect",
    "follow-up": "selvleder ask-leader list --open",
}
DAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
PAUSE_KEY = "remind.paused_until"
ENERGY_QUIET_HOURS = 3
_TIME = re.compile(r"([01]?\d|2[0-3]):([0-5]\d)")


class Schedule:
    """Days (0 = Monday) and times of day."""

    __slots__ = ("days", "times")

    def __init__(self, days: tuple[int, ...], times: tuple[tuple[int, int], ...]) -> None:
        self.days = days
        self.times = times

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Schedule) and (self.days, self.times) == (other.days, other.times)

    def __hash__(self) -> int:
        return hash((self.days, self.times))

    def __repr__(self) -> str:
        return f"Schedule({self.spec()!r})"

    def spec(self) -> str:
        """The canonical SPEC (English day names, ranges where days run on)."""
        parts: list[str] = []
        days = sorted(self.days)
        start = prev = days[0]
        for day in [*days[1:], None]:
            if day is not None and day == prev + 1:
                prev = day
                continue
            parts.append(
                DAY_NAMES[start] if start == prev else f"{DAY_NAMES[start]}-{DAY_NAMES[prev]}"
            )
            if day is not None:
                start = prev = day
        times = ",".join(f"{h:02d}:{m:02d}" for h, m in self.times)
        return f"{','.join(parts)} {times}"

    def cron_fields(self) -> list[str]:
        """'MIN HOUR * * DOW' for each time (cron counts Sunday as 0)."""
        dow = ",".join(str((d + 1) % 7) for d in sorted(self.days))
        return [f"{m} {h} * * {dow}" for h, m in self.times]


def parse_spec(text: str) -> Schedule:
    words = " ".join(text.strip().lower().split())
    if not words or " " not in words:
        raise BadInput("error.remind_spec", value=text)
    day_part, time_part = words.rsplit(" ", 1)
    days: set[int] = set()
    for token in day_part.replace(" ", "").split(","):
        if not token:
            raise BadInput("error.remind_spec", value=text)
        if "-" in token:
            first, _, last = token.partition("-")
            a, b = parse_weekday(first), parse_weekday(last)
            if a is None or b is None or b < a:
                raise BadInput("error.remind_day", value=token)
            days.update(range(a, b + 1))
        else:
            day = parse_weekday(token)
            if day is None:
                raise BadInput("error.remind_day", value=token)
            days.add(day)
    times: set[tuple[int, int]] = set()
    for token in time_part.split(","):
        match = _TIME.fullmatch(token)
        if not match:
            raise BadInput("error.remind_time", value=token)
        times.add((int(match.group(1)), int(match.group(2))))
    return Schedule(tuple(sorted(days)), tuple(sorted(times)))


def schedules(
    config_reminders: dict[str, str], flags: dict[str, str | None]
) -> dict[str, Schedule]:
    """Each kind's schedule: the flag, else config.toml's [reminders], else the default."""
    result = {}
    for kind in KINDS:
        spec = flags.get(kind) or config_reminders.get(CONFIG_KEYS[kind]) or DEFAULTS[kind]
        result[kind] = parse_spec(spec)
    return result


def parse_kind(text: str) -> str:
    kind = text.strip().lower().replace("_", "-")
    if kind not in KINDS:
        raise BadInput("error.remind_kind", value=text)
    return kind


# -- state-aware nudges --------------------------------------------------------------------


def paused(until: str | None, today: date) -> bool:
    return bool(until) and today.isoformat() <= str(until)
