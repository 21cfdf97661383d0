"""A week's plan as iCalendar: focus blocks as timed events, priorities as one all-week item.

Times are in the local time zone, with TZID and a VTIMEZONE that states the
zone's rules the way calendars expect them: one STANDARD and one DAYLIGHT
part, each with a yearly RRULE (``BYMONTH=3;BYDAY=-1SU``), not a list of dates,
so every reader (Outlook, Google Calendar, Thunderbird, vobject) puts a June
09:00 at the summer offset. UIDs are derived from the week and the priority
ids, and every event carries DTSTAMP, SEQUENCE (the week's revision, raised at
each change of its plan) and LAST-MODIFIED, so re-importing a re-planned week
updates its events instead of duplicating or ignoring them.
"""

from __future__ import annotations

import os
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from selvleder.domain.dates import IsoWeek, parse_focus_block
from selvleder.domain.models import WeekPlan

PRODID = "-//selvleder//selvleder//NB"
DOMAIN = "selvleder.invalid"
RULE_BASE_YEAR = 1970  # the first onset of each rule (before any week a journal holds)
WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


def local_zone() -> ZoneInfo | None:
    """The local time zone by its name (TZ, else /etc/localtime or /etc/timezone), UTC
    when the clock is UTC, and None when the zone has no name (TZ as a POSIX rule such as
    ``CET-1CEST,M3.5.0,M10.5.0/3``, an /etc/localtime that is a copy): times are then
    written floating, the reader's own clock, rather than as UTC an hour or more off."""
    import time

    tz = os.environ.get("TZ")
    candidates = []
    if tz:  # the zone of this process, whatever the system's is
        candidates.append(tz.lstrip(":").split("zoneinfo/", 1)[-1])
    else:
        try:
            target = os.path.realpath("/etc/localtime")
            if "zoneinfo/" in target:
                candidates.append(target.split("zoneinfo/", 1)[1])
            with open("/etc/timezone", encoding="utf-8") as named:
                candidates.append(named.read().strip())
        except (OSError, UnicodeDecodeError):
            pass
    now = datetime.now().astimezone()
    for name in candidates:
        try:
            zone = ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            continue
        if now.astimezone(zone).utcoffset() == now.utcoffset():  # the name fits the clock
            return zone
    if time.timezone == 0 and not time.daylight:
        return ZoneInfo("UTC")
    return None


class Revision:
    """What the journal knows of a week's changes: its revision and when it was made and
    last changed (UTC)."""

    __slots__ = ("created", "modified", "sequence")

    def __init__(self, sequence: int, created: datetime, modified: datetime) -> None:
        self.sequence, self.created, self.modified = sequence, created, modified


def set_text(component: Any, name: str, value: str) -> None:
    """The one place user text goes into the calendar (SUMMARY, DESCRIPTION): no control or
    invisible characters (``cat week.ics`` must not run an escape sequence, a calendar must
    not show reversed text); line breaks only in a description."""
    from selvleder.render.text import plain_field

    component.add(name, plain_field(value, newlines=name == "description"))


def week_calendar(
    plan: WeekPlan, week: IsoWeek, revision: Revision, stamp: datetime | None = None
) -> bytes:
    from icalendar import Calendar, Event

    zone = local_zone()
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    created = stamp or datetime.now(UTC).replace(microsecond=0)

    def event(uid: str) -> Any:
        item = Event()
        item.add("uid", f"{uid}@{DOMAIN}")
        item.add("dtstamp", created)
        item.add("created", revision.created)
        item.add("last-modified", revision.modified)
        item.add("sequence", revision.sequence)
        return item

    active = [p for p in plan.priorities if p.status in ("planned", "done")]
    timed = [(p, parse_focus_block(p.when)) for p in active if p.when]
    # A focus block whose priority left the week (dropped, carried or moved) stays in the
    # file as CANCELLED under its UID, so a re-import takes it out of the calendar instead
    # of leaving the old event behind.
    left: list[tuple[int, str, str | None]] = [
        *((p.id, p.title, p.when) for p in plan.priorities if p.status in ("dropped", "carried")),
        *((m.id, m.title, m.when) for m in plan.moved_away),
    ]
    gone = [(i, title, parse_focus_block(when)) for i, title, when in left if when]
    if (timed or gone) and zone is not None and zone.key != "UTC":
        cal.add_component(vtimezone(zone, week.monday().year))
    if plan.priorities or plan.moved_away:  # the all-week item; CANCELLED once none is left
        summary = event(f"{plan.week}-priorities")
        summary.add("dtstart", week.monday())
        summary.add("dtend", week.monday() + timedelta(days=7))
        set_text(summary, "summary", f"{plan.week}: " + "; ".join(p.title for p in active))
        lines = [f"{p.rank}. {p.title}" for p in active]
        if plan.focus:
            lines.insert(0, plan.focus)
        set_text(summary, "description", "\n".join(lines))
        summary.add("transp", "TRANSPARENT")
        if not active:
            summary.add("status", "CANCELLED")
        cal.add_component(summary)
    shown = [(p.id, p.title, block) for p, block in timed]
    for (number, title, block), cancelled in [
        *((b, False) for b in shown),
        *((b, True) for b in gone),
    ]:
        day = week.day(block.weekday)
        item = event(f"{plan.week}-priority-{number}")
        item.add("dtstart", datetime.combine(day, block.start, tzinfo=zone))
        item.add("dtend", datetime.combine(day, block.end, tzinfo=zone))
        set_text(item, "summary", title)
        item.add("categories", ["selvleder"])
        if cancelled:
            item.add("status", "CANCELLED")
        cal.add_component(item)
    return bytes(cal.to_ical())


# -- VTIMEZONE from the zone's rules ------------------------------------------------------


class _Onset:
    """One change of offset: when (UTC), the offsets around it, the name and DST after it."""

    __slots__ = ("after", "at", "before", "dst", "name")

    def __init__(self, at: datetime, before: timedelta, after: timedelta, zone: ZoneInfo) -> None:
        self.at, self.before, self.after = at, before, after
        moment = at.astimezone(zone)
        self.dst = bool(moment.dst())
        self.name = moment.tzname() or ""

    @property
    def local(self) -> datetime:
        """The wall-clock time of the change, on the clock before it (RFC 5545's DTSTART)."""
        return (self.at + self.before).replace(tzinfo=None)

    def rule(self) -> tuple[int, str]:
        """(month, BYDAY): the n-th (or last, -1) weekday of the month it falls on."""
        day = self.local.date()
        following = day + timedelta(days=7)
        nth = -1 if following.month != day.month else (day.day - 1) // 7 + 1
        return day.month, f"{nth}{WEEKDAYS[day.weekday()]}"


def _offset(zone: ZoneInfo, seconds: int) -> timedelta:
    return datetime.fromtimestamp(seconds, UTC).astimezone(zone).utcoffset() or timedelta(0)


def onsets(zone: ZoneInfo, year: int) -> list[_Onset]:
    """The offset changes in a year: a day-by-day scan, then a bisection to the second."""
    start = int(datetime(year, 1, 1, tzinfo=UTC).timestamp())
    end = int(datetime(year + 1, 1, 1, tzinfo=UTC).timestamp())
    found = []
    previous = _offset(zone, start)
    for t in range(start + 86400, end + 86400, 86400):
        now = _offset(zone, t)
        if now == previous:
            continue
        low, high = t - 86400, t
        while high - low > 1:
            middle = (low + high) // 2
            if _offset(zone, middle) == previous:
                low = middle
            else:
                high = middle
        found.append(_Onset(datetime.fromtimestamp(high, UTC), previous, now, zone))
        previous = now
    return [o for o in found if o.at.year == year]


def _nth_weekday(year: int, month: int, byday: str) -> date:
    nth, weekday = int(byday[:-2]), WEEKDAYS.index(byday[-2:])
    if nth > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))
    last = (date(year, month, 28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
    return last - timedelta(days=(last.weekday() - weekday) % 7)


def vtimezone(zone: ZoneInfo, year: int) -> Any:
    """The zone as a VTIMEZONE with yearly rules (the rules in force in ``year``); a zone
    whose changes follow no weekday rule (a few do) lists that year's changes instead."""
    from icalendar import Timezone, TimezoneDaylight, TimezoneStandard

    tz = Timezone()
    tz.add("tzid", zone.key)
    changes = onsets(zone, year)
    if not changes:
        offset = _offset(zone, int(datetime(year, 1, 1, tzinfo=UTC).timestamp()))
        plain: Any = TimezoneStandard()
        part = plain
        part.add("dtstart", datetime(RULE_BASE_YEAR, 1, 1))
        part.add("tzoffsetfrom", offset)
        part.add("tzoffsetto", offset)
        part.add("tzname", datetime(year, 1, 1, tzinfo=zone).tzname() or zone.key)
        tz.add_component(part)
        return tz
    ruled = all(
        _nth_weekday(other, *o.rule())
        == next((x.local.date() for x in onsets(zone, other) if x.dst == o.dst), None)
        for o in changes
        for other in (year - 1, year + 1)
    )
    if not ruled:  # the change before the year too, so its first days have an observance
        changes = [*onsets(zone, year - 1)[-1:], *changes]
    for o in changes:
        part = TimezoneDaylight() if o.dst else TimezoneStandard()
        part.add("tzoffsetfrom", o.before)
        part.add("tzoffsetto", o.after)
        part.add("tzname", o.name)
        if ruled:
            month, byday = o.rule()
            first = _nth_weekday(RULE_BASE_YEAR, month, byday)
            part.add("dtstart", datetime.combine(first, o.local.time()))
            part.add("rrule", {"freq": "yearly", "bymonth": month, "byday": byday})
        else:
            part.add("dtstart", o.local)
        tz.add_component(part)
    return tz
