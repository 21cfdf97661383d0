"""A week's plan as iCalendar: focus blocks as timed events, priorities as one all-week item.

Times are in the local time zone (with TZID and a VTIMEZONE), so the file
imports into Outlook, Google Calendar and Thunderbird. UIDs are derived from
the week and the priority ids, so re-exporting gives the same UIDs and a
re-import updates instead of duplicating.
"""

from __future__ import annotations

import os
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from selvleder.domain.dates import IsoWeek, parse_focus_block
from selvleder.domain.models import WeekPlan

PRODID = "-//selvleder//selvleder//NB"
DOMAIN = "selvleder.invalid"


def local_zone() -> ZoneInfo:
    """The system's named time zone (TZ, else /etc/localtime), UTC if it has no name."""
    candidates = []
    if os.environ.get("TZ"):
        candidates.append(os.environ["TZ"].lstrip(":"))
    try:
        target = os.path.realpath("/etc/localtime")
        if "zoneinfo/" in target:
            candidates.append(target.split("zoneinfo/", 1)[1])
    except OSError:
        pass
    for name in candidates:
        try:
            return ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            continue
    return ZoneInfo("UTC")


def ics_text(text: str, *, newlines: bool = False) -> str:
    """User text for a calendar field: no control or invisible characters (``cat week.ics``
    must not run an escape sequence, a calendar must not show reversed text)."""
    from selvleder.render.text import plain_field

    return plain_field(text, newlines=newlines)


def week_calendar(plan: WeekPlan, week: IsoWeek, stamp: datetime | None = None) -> bytes:
    from icalendar import Calendar, Event

    zone = local_zone()
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    created = stamp or datetime.now(ZoneInfo("UTC")).replace(microsecond=0)
    active = [p for p in plan.priorities if p.status in ("planned", "done")]
    if active:
        summary = Event()
        summary.add("uid", f"{plan.week}-priorities@{DOMAIN}")
        summary.add("dtstamp", created)
        summary.add("dtstart", week.monday())
        summary.add("dtend", week.monday() + timedelta(days=7))
        summary.add("summary", ics_text(f"{plan.week}: " + "; ".join(p.title for p in active)))
        lines = [f"{p.rank}. {p.title}" for p in active]
        if plan.focus:
            lines.insert(0, plan.focus)
        summary.add("description", ics_text("\n".join(lines), newlines=True))
        summary.add("transp", "TRANSPARENT")
        cal.add_component(summary)
    for p in active:
        if not p.when:
            continue
        block = parse_focus_block(p.when)
        day = week.day(block.weekday)
        event = Event()
        event.add("uid", f"{plan.week}-priority-{p.id}@{DOMAIN}")
        event.add("dtstamp", created)
        event.add("dtstart", datetime.combine(day, block.start, tzinfo=zone))
        event.add("dtend", datetime.combine(day, block.end, tzinfo=zone))
        event.add("summary", ics_text(p.title))
        event.add("categories", ["selvleder"])
        cal.add_component(event)
    if zone.key != "UTC":
        cal.add_missing_timezones()
    return bytes(cal.to_ical())
