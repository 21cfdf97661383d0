"""Read a local calendar (an ``.ics`` file or a folder of them) into busy time.

Read-only and never over the network. Only the start and end of the time that is
busy leave this module: no title, person or place.

Speed (10,000 events in under a second): icalendar builds an object per property
and costs about 0.35 ms per event, so the lines are read here and a plain event (no
RRULE, RDATE, EXDATE or RECURRENCE-ID) becomes its start and end directly. The
series and their overrides are handed, with the time zones, to icalendar and
``recurring-ical-events``, which expand them (RRULE, RDATE, EXDATE, RECURRENCE-ID).
Both are imported only when a calendar has a series.

Not busy: all-day events, ``TRANSP:TRANSPARENT``, ``STATUS:CANCELLED``, and events
the user declined (an ATTENDEE with the user's address and ``PARTSTAT=DECLINED``).
Times with a TZID are read in that zone (an IANA name, a Windows name as Outlook
writes them, or the file's own VTIMEZONE), ``Z`` times in UTC, floating times as
local time; every result is local wall time (naive).
"""

from __future__ import annotations

import os
from datetime import UTC, date, datetime, timedelta, tzinfo

from selvleder.errors import BadInput

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator

    Busy = tuple[datetime, datetime]

MAX_FILE_BYTES = 50 * 1024 * 1024
_RECURRING = frozenset(("RRULE", "RDATE", "EXDATE", "RECURRENCE-ID"))
_WANTED = frozenset(
    ("UID", "DTSTART", "DTEND", "DURATION", "TRANSP", "STATUS", "ATTENDEE", *_RECURRING)
)


class Prop:
    __slots__ = ("line", "name", "params", "value")

    def __init__(self, name: str, params: dict[str, str], value: str, line: int) -> None:
        self.name = name
        self.params = params
        self.value = value
        self.line = line


class Event:
    __slots__ = ("line", "props", "raw")

    def __init__(self, line: int) -> None:
        self.line = line
        self.props: dict[str, list[Prop]] = {}
        self.raw: list[str] = []

    def first(self, name: str) -> Prop | None:
        found = self.props.get(name)
        return found[0] if found else None


class BadCalendar(Exception):
    """A calendar that cannot be read: the file, the line (0: the file as a whole) and
    what is wrong (a ``calendar.reason.*`` message with its ``value``)."""

    def __init__(self, path: str, line: int, reason: str, value: str = "") -> None:
        super().__init__(f"{path}:{line}: {reason} {value}")
        self.path = path
        self.line = line
        self.reason = reason
        self.value = value

    def as_bad_input(self) -> BadInput:
        from selvleder.i18n import message_key

        detail = (message_key(f"calendar.reason.{self.reason}"), {"value": self.value[:80]})
        if self.line <= 0:
            return BadInput("error.calendar_unreadable", path=self.path, detail=detail)
        return BadInput("error.calendar_file", path=self.path, line=self.line, detail=detail)


def calendar_files(path: str) -> list[str]:
    """The ``.ics`` files of PATH: the file itself, or every ``.ics`` in the folder and
    its subfolders (a vdir), in name order."""
    if os.path.isdir(path):
        found: list[str] = []
        for folder, dirs, names in os.walk(path):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            found.extend(
                os.path.join(folder, n)
                for n in sorted(names)
                if n.lower().endswith(".ics") and not n.startswith(".")
            )
        return found
    return [path]


def signature(path: str) -> str:
    """What changes when the calendar changes: each file's name, size and mtime."""
    if not os.path.exists(path):
        raise BadCalendar(path, 0, "not_found")
    parts = []
    try:
        files = calendar_files(path)
        if not files:  # a vdir not synced yet, or the folder above it: not "no meetings"
            raise BadCalendar(path, 0, "no_ics")
        for name in files:
            st = os.stat(name)
            parts.append(f"{name}\t{st.st_size}\t{st.st_mtime_ns}\t{st.st_ino}")
    except OSError as exc:
        raise BadCalendar(path, 0, "unreadable", exc.strerror or "") from exc
    return "\n".join(parts)


def read_busy(path: str, first: date, last: date, me_email: str | None) -> list[Busy]:
    """The busy time of the calendar at PATH that overlaps the days ``first``..``last``:
    (start, end) in local wall time, unmerged. Raises ``BadCalendar``."""
    if not os.path.exists(path):
        raise BadCalendar(path, 0, "not_found")
    begin = datetime.combine(first, datetime.min.time())
    end = datetime.combine(last + timedelta(days=1), datetime.min.time())
    me = me_email.lower() if me_email else None
    busy: list[Busy] = []
    files = calendar_files(path)
    if not files:
        raise BadCalendar(path, 0, "no_ics")
    for name in files:
        busy.extend(_read_file(name, begin, end, me))
    return busy


def _read_file(path: str, begin: datetime, end: datetime, me: str | None) -> list[Busy]:
    try:
        if os.path.getsize(path) > MAX_FILE_BYTES:
            raise BadCalendar(path, 0, "too_large")
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as exc:
        raise BadCalendar(path, 0, "unreadable", exc.strerror or "") from exc
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise BadCalendar(path, data.count(b"\n", 0, exc.start) + 1, "not_utf8") from None
    events, zones = _components(path, text)
    resolver = _Zones(path, zones)
    busy: list[Busy] = []
    series: dict[str, list[Event]] = {}
    for event in events:
        if any(name in event.props for name in _RECURRING):
            uid = event.first("UID")
            series.setdefault(uid.value if uid else f"line {event.line}", []).append(event)
    for event in events:
        uid = event.first("UID")
        key = uid.value if uid else f"line {event.line}"
        if key in series:
            continue
        span = _plain_span(path, event, resolver, me)
        if span is not None and span[0] < end and span[1] > begin:
            busy.append(span)
    if series:
        busy.extend(_expand(path, series, zones, resolver, begin, end, me))
    return busy


def _unfold(text: str) -> Iterator[tuple[int, str]]:
    """Logical lines (RFC 5545 folding undone) with the number of their first line."""
    current: str | None = None
    start = 0
    for number, line in enumerate(text.split("\n"), 1):
        line = line.rstrip("\r")
        if line[:1] in (" ", "\t") and current is not None:
            current += line[1:]
            continue
        if current is not None:
            yield start, current
        current, start = line, number
    if current is not None:
        yield start, current


def _split(line: str) -> tuple[str, dict[str, str], str] | None:
    """NAME;PARAM=V;...:VALUE, quoted parameter values kept whole; None if not a line."""
    colon, semi = line.find(":"), line.find(";")
    if colon < 0:
        return None
    if semi < 0 or colon < semi:
        return line[:colon].upper(), {}, line[colon + 1 :]
    if '"' not in line[semi:colon]:  # no quoted value: the first colon ends the params
        params: dict[str, str] = {}
        for item in line[semi + 1 : colon].split(";"):
            key, eq, value = item.partition("=")
            if not eq:
                return None
            params[key.upper()] = value
        return line[:semi].upper(), params, line[colon + 1 :]
    return _split_quoted(line)


def _split_quoted(line: str) -> tuple[str, dict[str, str], str] | None:
    colon = semi = -1
    for i, ch in enumerate(line):
        if ch == ":":
            colon = i
            break
        if ch == ";":
            semi = i
            break
    if colon < 0 and semi < 0:
        return None
    if colon >= 0:
        return line[:colon].upper(), {}, line[colon + 1 :]
    name = line[:semi].upper()
    params: dict[str, str] = {}
    i, n = semi + 1, len(line)
    while i < n:
        eq = line.find("=", i)
        if eq < 0:
            return None
        key = line[i:eq].upper()
        j = eq + 1
        values = []
        while True:
            if j < n and line[j] == '"':
                close = line.find('"', j + 1)
                if close < 0:
                    return None
                values.append(line[j + 1 : close])
                j = close + 1
            else:
                k = j
                while k < n and line[k] not in ",;:":
                    k += 1
                values.append(line[j:k])
                j = k
            if j < n and line[j] == ",":
                j += 1
                continue
            break
        params[key] = ",".join(values)
        if j >= n:
            return None
        if line[j] == ":":
            return name, params, line[j + 1 :]
        i = j + 1  # a ';'
    return None


def _components(path: str, text: str) -> tuple[list[Event], dict[str, list[str]]]:
    """The VEVENTs (with the properties read here, and their raw lines) and the raw lines
    of each VTIMEZONE by TZID."""
    events: list[Event] = []
    zones: dict[str, list[str]] = {}
    stack: list[str] = []
    event: Event | None = None
    zone: list[str] | None = None
    seen_any = False
    last = 1
    wanted = _WANTED
    for number, line in _unfold(text):
        if not line.strip():
            continue
        last = number
        if event is not None or zone is not None:
            # Inside an event or a zone, most lines (SUMMARY, DESCRIPTION, ...) are only
            # kept as they are: their name is enough.
            colon, semi = line.find(":"), line.find(";")
            if colon < 0:
                raise BadCalendar(path, number, "bad_line", line)
            cut = colon if semi < 0 or colon < semi else semi
            if line[:cut].upper() not in wanted and line[:cut].upper() not in ("BEGIN", "END"):
                (event.raw if event is not None else zone).append(line)  # type: ignore[union-attr]
                continue
        parts = _split(line)
        if parts is None:
            raise BadCalendar(path, number, "bad_line", line)
        name, params, value = parts
        if not seen_any:
            if name != "BEGIN" or value.strip().upper() != "VCALENDAR":
                raise BadCalendar(path, number, "no_vcalendar")
            seen_any = True
        if name == "BEGIN":
            kind = value.strip().upper()
            stack.append(kind)
            if kind == "VEVENT" and len(stack) == 2:
                event = Event(number)
            elif kind == "VTIMEZONE" and len(stack) == 2:
                zone = []
        elif name == "END":
            kind = value.strip().upper()
            if not stack or stack[-1] != kind:
                raise BadCalendar(path, number, "unbalanced", f"END:{kind}")
            stack.pop()
            if kind == "VEVENT" and event is not None and len(stack) == 1:
                event.raw.append(line)
                events.append(event)
                event = None
                continue
            if kind == "VTIMEZONE" and zone is not None and len(stack) == 1:
                zone.append(line)
                tzid = next(
                    (z.split(":", 1)[1] for z in zone if z.upper().startswith(("TZID:", "TZID;"))),
                    None,
                )
                if tzid is not None:
                    zones[tzid] = zone
                zone = None
                continue
        if event is not None:
            event.raw.append(line)
            if len(stack) == 2 and name in _WANTED:
                event.props.setdefault(name, []).append(Prop(name, params, value, number))
        elif zone is not None:
            zone.append(line)
    if not seen_any:
        raise BadCalendar(path, 1, "no_vcalendar")
    if stack:
        raise BadCalendar(path, last, "unclosed", f"BEGIN:{stack[-1]}")
    return events, zones


class _Zones:
    """TZID -> tzinfo: an IANA name, a Windows name (Outlook), or the file's VTIMEZONE."""

    def __init__(self, path: str, raw: dict[str, list[str]]) -> None:
        self.path = path
        self.raw = raw
        self.found: dict[str, tzinfo] = {}

    def get(self, tzid: str, line: int) -> tzinfo:
        zone = self.found.get(tzid)
        if zone is None:
            zone = self.found[tzid] = self._resolve(tzid, line)
        return zone

    def _resolve(self, tzid: str, line: int) -> tzinfo:
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

        name = tzid.strip()
        candidates = [name]
        if "/" in name:  # "/mozilla.org/20050126_1/Europe/Oslo" and the like
            pieces = name.strip("/").split("/")
            candidates.extend("/".join(pieces[i:]) for i in range(1, len(pieces)))
        for candidate in candidates:
            try:
                return ZoneInfo(candidate)
            except (ZoneInfoNotFoundError, ValueError, OSError):
                continue
        try:
            from icalendar.timezone.windows_to_olson import WINDOWS_TO_OLSON

            olson = WINDOWS_TO_OLSON.get(name)
            if olson:
                return ZoneInfo(olson)
        except (ImportError, ZoneInfoNotFoundError, ValueError, OSError):
            pass
        if tzid in self.raw:
            try:
                import icalendar

                component = icalendar.Timezone.from_ical("\r\n".join(self.raw[tzid]))
                return component.to_tz()  # type: ignore[attr-defined,no-any-return]
            except Exception as exc:
                raise BadCalendar(self.path, line, "unknown_zone", tzid) from exc
        raise BadCalendar(self.path, line, "unknown_zone", tzid)


def _moment(path: str, prop: Prop, zones: _Zones) -> datetime | date:
    value = prop.value.strip()
    try:
        if prop.params.get("VALUE", "").upper() == "DATE" or len(value) == 8:
            if len(value) != 8 or not value.isdigit():
                raise ValueError(value)
            return date(int(value[0:4]), int(value[4:6]), int(value[6:8]))
        if len(value) not in (15, 16) or value[8] not in "Tt" or not value[:8].isdigit():
            raise ValueError(value)
        # basic ISO 8601, read in C (Python 3.11): "20261124T090000"
        moment = datetime.fromisoformat(value[:15])
    except ValueError:
        raise BadCalendar(path, prop.line, "bad_time", f"{prop.name}:{value}") from None
    if len(value) == 16:
        if value[15] not in "Zz":
            raise BadCalendar(path, prop.line, "bad_time", f"{prop.name}:{value}")
        return _local(moment.replace(tzinfo=UTC))
    tzid = prop.params.get("TZID")
    if tzid:
        return _local(moment.replace(tzinfo=zones.get(tzid, prop.line)))
    return moment  # floating: local wall time


def _local(moment: datetime) -> datetime:
    return moment.astimezone().replace(tzinfo=None)


def _duration(path: str, prop: Prop) -> timedelta:
    import re

    match = re.fullmatch(
        r"([+-])?P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?",
        prop.value.strip().upper(),
    )
    if not match or prop.value.strip().upper() in ("P", "PT", "+P", "-P"):
        raise BadCalendar(path, prop.line, "bad_duration", prop.value.strip())
    sign, weeks, days, hours, minutes, seconds = match.groups()
    span = timedelta(
        weeks=int(weeks or 0),
        days=int(days or 0),
        hours=int(hours or 0),
        minutes=int(minutes or 0),
        seconds=int(seconds or 0),
    )
    return -span if sign == "-" else span


def _free_by_rule(event: Event, me: str | None) -> bool:
    transp = event.first("TRANSP")
    if transp is not None and transp.value.strip().upper() == "TRANSPARENT":
        return True
    status = event.first("STATUS")
    if status is not None and status.value.strip().upper() == "CANCELLED":
        return True
    if me:
        for attendee in event.props.get("ATTENDEE", ()):
            address = attendee.value.strip().lower()
            if address.startswith("mailto:"):
                address = address[7:]
            if address == me and attendee.params.get("PARTSTAT", "").upper() == "DECLINED":
                return True
    return False


def _plain_span(path: str, event: Event, zones: _Zones, me: str | None) -> Busy | None:
    start_prop = event.first("DTSTART")
    if start_prop is None:
        raise BadCalendar(path, event.line, "no_start")
    start = _moment(path, start_prop, zones)
    end_prop = event.first("DTEND")
    if not isinstance(start, datetime):
        if end_prop is not None:
            _moment(path, end_prop, zones)  # checked, but all-day is never busy
        return None
    if end_prop is not None:
        end = _moment(path, end_prop, zones)
        if not isinstance(end, datetime):
            raise BadCalendar(path, end_prop.line, "bad_time", f"DTEND:{end_prop.value.strip()}")
    else:
        duration = event.first("DURATION")
        end = start + _duration(path, duration) if duration is not None else start
    if end <= start or _free_by_rule(event, me):
        return None
    return start, end


def _expand(
    path: str,
    series: dict[str, list[Event]],
    zones: dict[str, list[str]],
    resolver: _Zones,
    begin: datetime,
    end: datetime,
    me: str | None,
) -> list[Busy]:
    """Recurring events, through icalendar and recurring-ical-events: all series in one
    calendar; when that fails, one series at a time, so the broken one names its line."""
    import icalendar
    import recurring_ical_events  # type: ignore[import-untyped]

    for events in series.values():
        for event in events:  # the fast checks first: they name the exact line
            for name in ("DTSTART", "DTEND", "RECURRENCE-ID"):
                prop = event.first(name)
                if prop is not None:
                    _moment(path, prop, resolver)
    head = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//selvleder//read//EN"]
    head.extend(line for lines in zones.values() for line in lines)

    def occurrences(groups: list[list[Event]]) -> list[object]:
        body = (line for events in groups for e in events for line in e.raw)
        text = "\r\n".join([*head, *body, "END:VCALENDAR"])
        calendar = icalendar.Calendar.from_ical(text)
        return list(recurring_ical_events.of(calendar).between(begin, end))

    try:
        found = occurrences(list(series.values()))
    except Exception:
        found = []
        for events in series.values():
            try:
                found.extend(occurrences([events]))
            except Exception as exc:
                raise BadCalendar(path, events[0].line, "recurrence") from exc
        raise BadCalendar(path, 0, "recurrence") from None
    busy: list[Busy] = []
    for occurrence in found:
        span = _occurrence(occurrence, me)
        if span is not None and span[0] < end and span[1] > begin:
            busy.append(span)
    return busy


def _occurrence(component: object, me: str | None) -> Busy | None:
    get = component.get  # type: ignore[attr-defined]
    start = get("DTSTART").dt
    if not isinstance(start, datetime):
        return None
    end_prop = get("DTEND")
    if end_prop is not None:
        end = end_prop.dt
    else:
        duration = get("DURATION")
        end = start + duration.dt if duration is not None else start
    if not isinstance(end, datetime):
        return None
    start = _local(start) if start.tzinfo else start
    end = _local(end) if end.tzinfo else end
    if end <= start:
        return None
    if str(get("TRANSP", "")).upper() == "TRANSPARENT":
        return None
    if str(get("STATUS", "")).upper() == "CANCELLED":
        return None
    if me:
        attendees = get("ATTENDEE")
        if attendees is not None:
            for attendee in attendees if isinstance(attendees, list) else [attendees]:
                address = str(attendee).strip().lower()
                if address.startswith("mailto:"):
                    address = address[7:]
                partstat = str(getattr(attendee, "params", {}).get("PARTSTAT", "")).upper()
                if address == me and partstat == "DECLINED":
                    return None
    return start, end
