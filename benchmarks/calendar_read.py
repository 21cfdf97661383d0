"""Reading a calendar: 10,000 events (PRODUCT.md: "10,000 events parse in under a
second"), plain ones and a few hundred weekly series with exceptions, built with
icalendar and read by ``integrations.calendar.read_busy`` over four years.

    python benchmarks/calendar_read.py            # prints the median of 5 reads
    python benchmarks/calendar_read.py --check    # exit 1 when the median is 1 s or more
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

BAR_SECONDS = 1.0


def build(path: Path, events: int, series: int) -> None:
    import icalendar

    oslo = ZoneInfo("Europe/Oslo")
    cal = icalendar.Calendar()
    cal.add("prodid", "-//selvleder benchmark//EN")
    cal.add("version", "2.0")
    start = datetime(2026, 1, 5, 8, 0, tzinfo=oslo)
    stamp = datetime(2026, 1, 1, tzinfo=ZoneInfo("UTC"))
    for i in range(events):
        e = icalendar.Event()
        e.add("uid", f"event-{i}@bench")
        e.add("summary", f"Møte {i}")
        s = start + timedelta(days=i // 8, hours=i % 8)
        e.add("dtstart", s)
        e.add("dtend", s + timedelta(minutes=45))
        e.add("dtstamp", stamp)
        if i < series:  # a weekly series with one date left out
            e.add("rrule", {"freq": "weekly", "count": 20})
            e.add("exdate", s + timedelta(weeks=3))
        cal.add_component(e)
    cal.add_missing_timezones()
    path.write_bytes(cal.to_ical())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true")
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--series", type=int, default=0, help="how many of them repeat")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    os.environ.setdefault("TZ", "Europe/Oslo")
    time.tzset()
    from selvleder.integrations.calendar import read_busy

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "big.ics"
        build(path, args.events, args.series)
        times = []
        for _ in range(args.runs):
            began = time.perf_counter()
            busy = read_busy(str(path), date(2026, 1, 1), date(2029, 12, 31), None)
            times.append(time.perf_counter() - began)
    median = statistics.median(times)
    print(
        f"{args.events} events ({args.series} weekly series): {len(busy)} busy spans, "
        f"median {median * 1000:.0f} ms over {args.runs} reads (bar {BAR_SECONDS:.0f} s)"
    )
    return 1 if args.check and median >= BAR_SECONDS else 0


if __name__ == "__main__":
    sys.exit(main())
