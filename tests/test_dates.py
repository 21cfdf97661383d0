"""Weeks and date words in both languages (domain/dates.py)."""

from __future__ import annotations

import json
import os
import time as systime
from datetime import UTC, date, datetime, time, timedelta, timezone
from functools import lru_cache
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import event, given
from hypothesis import strategies as st

from helpers import run_bin, run_cli
from selvleder.domain.dates import (
    IsoWeek,
    format_duration,
    local_moment,
    parse_date,
    parse_duration,
    parse_focus_block,
    parse_moment,
    parse_week,
    plan_default_week,
    reflect_default_week,
    weeks_in_year,
)
from selvleder.errors import BadInput

FRIDAY = date(2026, 11, 27)  # ISO week 2026-W48


def test_2026_has_week_53_and_2025_does_not() -> None:
    assert weeks_in_year(2026) == 53
    assert weeks_in_year(2025) == 52
    assert str(IsoWeek(2026, 53)) == "2026-W53"
    with pytest.raises(BadInput):
        IsoWeek(2025, 53)
    assert IsoWeek(2026, 53).sunday() == date(2027, 1, 3)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("2026-W49", "2026-W49"),
        ("2026w49", "2026-W49"),
        ("W49", "2026-W49"),
        ("w7", "2026-W07"),
        ("49", "2026-W49"),
        ("this", "2026-W48"),
        ("denne", "2026-W48"),
        ("next", "2026-W49"),
        ("neste", "2026-W49"),
        ("last", "2026-W47"),
        ("forrige", "2026-W47"),
        ("2027-01-01", "2026-W53"),
        ("01.02.2027", "2027-W05"),
        ("i dag", "2026-W48"),
        ("mandag", "2026-W48"),
    ],
)
def test_week_spellings(text: str, expected: str) -> None:
    assert str(parse_week(text, FRIDAY)) == expected


@pytest.mark.parametrize("text", ["W54", "2025-W53", "banana", "", "0", "2026-W00"])
def test_bad_weeks_are_refused(text: str) -> None:
    with pytest.raises(BadInput):
        parse_week(text, FRIDAY)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("today", FRIDAY),
        ("i dag", FRIDAY),
        ("yesterday", date(2026, 11, 26)),
        ("i går", date(2026, 11, 26)),
        ("tomorrow", date(2026, 11, 28)),
        ("i morgen", date(2026, 11, 28)),
        ("01.02.2027", date(2027, 2, 1)),  # day first
        ("1.2.27", date(2027, 2, 1)),
        ("2027-01-31", date(2027, 1, 31)),
        ("fredag", FRIDAY),  # latest, today included
        ("friday", FRIDAY),
        ("mon", date(2026, 11, 23)),
        ("tirsdag", date(2026, 11, 24)),
        ("søndag", date(2026, 11, 22)),
    ],
)
def test_past_dates(text: str, expected: date) -> None:
    assert parse_date(text, FRIDAY, "past") == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("friday", date(2026, 12, 4)),  # the next one, after today
        ("fre", date(2026, 12, 4)),
        ("monday", date(2026, 11, 30)),
        ("lørdag", date(2026, 11, 28)),
    ],
)
def test_future_weekdays(text: str, expected: date) -> None:
    assert parse_date(text, FRIDAY, "future") == expected


@pytest.mark.parametrize("text", ["2027-02-30", "31.02.2027", "nonsense", "32.01.2027", "fredag13"])
def test_bad_dates_are_refused(text: str) -> None:
    with pytest.raises(BadInput):
        parse_date(text, FRIDAY)


@pytest.mark.parametrize(
    "day, plan, reflect",
    [
        (date(2026, 11, 23), "2026-W48", "2026-W47"),  # Monday
        (date(2026, 11, 24), "2026-W48", "2026-W47"),
        (date(2026, 11, 25), "2026-W48", "2026-W47"),  # Wednesday
        (date(2026, 11, 26), "2026-W48", "2026-W48"),  # Thursday
        (date(2026, 11, 27), "2026-W49", "2026-W48"),  # Friday
        (date(2026, 11, 28), "2026-W49", "2026-W48"),
        (date(2026, 11, 29), "2026-W49", "2026-W48"),  # Sunday
    ],
)
def test_default_weeks_for_each_weekday(day: date, plan: str, reflect: str) -> None:
    assert str(plan_default_week(day)) == plan
    assert str(reflect_default_week(day)) == reflect


@pytest.mark.parametrize(
    "text, minutes", [("90m", 90), ("1h30m", 90), ("2h", 120), ("1.5h", 90), ("45", 45)]
)
def test_durations(text: str, minutes: int) -> None:
    assert parse_duration(text) == minutes


@pytest.mark.parametrize("text", ["", "h", "0m", "-5m", "abc", "9999h"])
def test_bad_durations(text: str) -> None:
    with pytest.raises(BadInput):
        parse_duration(text)


def test_focus_blocks_in_both_languages() -> None:
    assert str(parse_focus_block("tue 09:00-11:00")) == "tue 09:00-11:00"
    assert str(parse_focus_block("tirsdag 9-11")) == "tue 09:00-11:00"
    assert str(parse_focus_block("fre 13:30 – 15:00")) == "fri 13:30-15:00"
    for bad in ("tue 11:00-09:00", "someday 09:00-10:00", "tue", "tue 25:00-26:00"):
        with pytest.raises(BadInput):
            parse_focus_block(bad)


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(9000, 12, 31)))
def test_every_date_lies_in_its_week(day: date) -> None:
    week = IsoWeek.of(day)
    assert week.monday() <= day <= week.sunday()
    assert IsoWeek.parse(str(week)) == week
    assert parse_week(day.isoformat(), day) == week


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(9000, 12, 31)), st.integers(-600, 600))
def test_week_shift_moves_by_whole_weeks(day: date, n: int) -> None:
    week = IsoWeek.of(day)
    assert week.shift(n).monday() == week.monday() + timedelta(weeks=n)


@given(st.integers(1, 7 * 24 * 60))
def test_durations_round_trip(minutes: int) -> None:
    assert parse_duration(format_duration(minutes)) == minutes


@given(st.text(max_size=30))
def test_parse_date_never_crashes(text: str) -> None:
    try:
        parse_date(text, FRIDAY)
    except BadInput:
        pass


# -- the offset of the date itself, skipped and doubled hours (PRODUCT.md, dates rules) ----
# conftest sets TZ=Europe/Oslo: +01:00 in winter, +02:00 in summer; in 2026 the clocks go
# forward on 29 March (02:00 -> 03:00) and back on 25 October (03:00 -> 02:00).

WINTER = timezone(timedelta(hours=1))
SUMMER = timezone(timedelta(hours=2))
NOVEMBER = datetime(2026, 11, 27, 10, 0, tzinfo=WINTER)  # a Friday


def refused(key: str, call: object, *args: object) -> None:
    with pytest.raises(BadInput) as caught:
        call(*args)  # type: ignore[operator]
    assert caught.value.key == key, caught.value


@pytest.mark.parametrize(
    "text, clock",
    [
        ("2026-07-01 10:00", time(10, 0)),  # took November's +01:00 before issue 13
        ("2026-07-01T10:00", time(10, 0)),
        ("2026-07-01t10:00:30", time(10, 0, 30)),
        ("01.07.2026 10:00", time(10, 0)),
        ("1.7.26 10.00", time(10, 0)),
        ("2026/07/01 10:00", time(10, 0)),
        ("july 1 2026 10:00", time(10, 0)),
        ("1 jul 2026 10am", time(10, 0)),
        ("2026-07-01", time(12, 0)),  # a date alone is noon in every spelling
        ("01.07.2026", time(12, 0)),
        ("jul 1st", time(12, 0)),  # no year, but this year's 1 July is past: taken
    ],
)
def test_a_july_moment_typed_in_november_gets_summer_time(text: str, clock: time) -> None:
    moment = parse_moment(text, NOVEMBER)
    assert moment.utcoffset() == timedelta(hours=2), moment
    assert (moment.date(), moment.time()) == (date(2026, 7, 1), clock)


def test_an_offset_typed_with_the_time_is_kept() -> None:
    moment = parse_moment("2026-07-01T10:00+05:00", NOVEMBER)
    assert moment.utcoffset() == timedelta(hours=5)


def test_date_words_and_weekdays_take_the_offset_of_their_own_date() -> None:
    """The Monday after the clocks went back: Saturday was summer time, Sunday 15:00 not."""
    monday = datetime(2026, 10, 26, 10, 0, tzinfo=WINTER)
    assert parse_moment("yesterday 15:00", monday) == datetime(2026, 10, 25, 15, 0, tzinfo=WINTER)
    assert parse_moment("i går 01:30", monday).utcoffset() == timedelta(hours=2)
    assert parse_moment("lørdag 15:00", monday) == datetime(2026, 10, 24, 15, 0, tzinfo=SUMMER)
    assert parse_moment("sat", monday) == datetime(2026, 10, 24, 12, 0, tzinfo=SUMMER)
    # and the other way round: a winter Saturday typed on the Monday after spring-forward
    spring = datetime(2026, 3, 30, 10, 0, tzinfo=SUMMER)
    assert parse_moment("sat 23:00", spring) == datetime(2026, 3, 28, 23, 0, tzinfo=WINTER)
    assert parse_moment("yesterday 03:30", spring).utcoffset() == timedelta(hours=2)
    assert parse_moment("9:00", spring).utcoffset() == timedelta(hours=2)


@pytest.mark.parametrize(
    "text",
    [
        "2026-03-29 02:30",
        "2026-03-29T02:00",
        "29.03.2026 02:59",
        "29.03.26 2.15",
        "march 29 2026 2:30am",
        "søndag 02:30",  # the Monday after: Sunday's 02:30 never was
        "yesterday 02:00",
    ],
)
def test_a_time_the_clock_skipped_is_refused(text: str) -> None:
    refused("error.time_skipped", parse_moment, text, datetime(2026, 3, 30, 10, 0, tzinfo=SUMMER))


@pytest.mark.parametrize("text", ["2026-10-25 02:30", "25.10.2026 02:30", "oct 25 2026 2:30am"])
def test_a_time_the_clock_passed_twice_is_the_first_one(text: str) -> None:
    moment = parse_moment(text, NOVEMBER)
    assert moment == datetime(2026, 10, 25, 2, 30, tzinfo=SUMMER)
    assert moment.astimezone(UTC) == datetime(2026, 10, 25, 0, 30, tzinfo=UTC)


# -- no dateutil guessing -------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, direction, expected",
    [
        ("dec 24", "future", date(2026, 12, 24)),  # later this year: a due date this year
        ("24.12", "future", date(2026, 12, 24)),
        ("27 nov", "future", FRIDAY),  # today counts on both sides
        ("27.11", "past", FRIDAY),
        ("june 30", "past", date(2026, 6, 30)),  # earlier this year: an --at this year
        ("30.06.", "past", date(2026, 6, 30)),
        ("1 july 2027", "future", date(2027, 7, 1)),
        ("friday 3 july 2026", "past", date(2026, 7, 3)),  # the weekday agrees
        ("2026/07/01", "past", date(2026, 7, 1)),  # year first: never 7 January
        ("2026.7.1", "past", date(2026, 7, 1)),
        ("03/04/2027", "future", date(2027, 4, 3)),  # day first
    ],
)
def test_what_needs_no_guess_is_taken(text: str, direction: str, expected: date) -> None:
    assert parse_date(text, FRIDAY, direction) == expected


@pytest.mark.parametrize(
    "text, direction, key",
    [
        ("10:30", "future", "error.date_clock"),  # a clock is no due date
        ("10am", "future", "error.date_clock"),
        ("10:30", "past", "error.date_clock"),
        ("june 30", "future", "error.date_no_year"),  # past this year: this year? next?
        ("30.06", "future", "error.date_no_year"),
        ("dec 24", "past", "error.date_no_year"),  # not yet this year: last year?
        ("24.12", "past", "error.date_no_year"),
        ("29 feb", "future", "error.date"),  # no 29 February in 2026
        ("june 2027", "future", "error.date"),  # which day?
        ("30", "future", "error.date"),  # which month?
        ("3rd", "future", "error.date"),
        ("1 july 2027 10am", "future", "error.date"),  # a clock would be dropped
        ("monday 3 july 2026", "past", "error.date"),  # 3 July 2026 is a Friday
        ("1 july 2026 cet", "past", "error.date"),  # a zone name dateutil would look up
        ("1 july 2026 +0500", "past", "error.date"),
        ("hello 1 july 2026", "past", "error.date"),  # never fuzzy
        ("1 july 2026 maybe", "past", "error.date"),
        ("12/31/2026", "future", "error.date"),  # US order is refused, not swapped
        ("06/30/2027", "future", "error.date"),
        ("01 07 2026", "past", "error.date"),  # numbers only: dateutil would pick the order
    ],
)
def test_what_dateutil_would_guess_is_refused(text: str, direction: str, key: str) -> None:
    refused(key, parse_date, text, FRIDAY, direction)


def test_a_clock_alone_is_today_for_at_in_any_spelling() -> None:
    assert parse_moment("9am", NOVEMBER) == datetime(2026, 11, 27, 9, 0, tzinfo=WINTER)
    assert parse_moment("09:15", NOVEMBER) == datetime(2026, 11, 27, 9, 15, tzinfo=WINTER)
    refused("error.date", parse_moment, "friday 9am", NOVEMBER)  # write fri 09:00


# -- through the real CLI ------------------------------------------------------------------

NOV_ENV = {"TZ": "Europe/Oslo", "SELVLEDER_NOW": "2026-11-27T10:00:00"}


def logged(env: dict[str, str]) -> list[tuple[str, str]]:
    result = run_bin("energy", "show", "--json", "--weeks", "52", env=env)
    assert result.code == 0, result.err
    return sorted((log["note"] or "", log["at"]) for log in json.loads(result.out)["logs"])


def test_the_cli_stores_a_july_at_with_summer_time_in_every_spelling() -> None:
    spellings = ["2026-07-01 10:00", "01.07.2026 10:00", "july 1 2026 10:00", "2026-07-01T10:00"]
    for text in spellings:
        result = run_bin("energy", "log", "3", text, "--at", text, env=NOV_ENV)
        assert result.code == 0, result.err
    run_bin("energy", "log", "3", "now", env=NOV_ENV)
    assert logged(NOV_ENV) == sorted(
        [(text, "2026-07-01T10:00:00+02:00") for text in spellings]
        + [("now", "2026-11-27T10:00:00+01:00")]
    )


def test_the_cli_follows_tz() -> None:
    env = {"TZ": "America/New_York", "SELVLEDER_NOW": "2026-11-27T10:00:00"}
    assert run_bin("energy", "log", "3", "july", "--at", "2026-07-01 10:00", env=env).code == 0
    assert run_bin("energy", "log", "3", "now", env=env).code == 0
    assert logged(env) == [
        ("july", "2026-07-01T10:00:00-04:00"),
        ("now", "2026-11-27T10:00:00-05:00"),
    ]


def test_the_cli_refuses_a_skipped_time_and_writes_nothing(data_dir: Path) -> None:
    assert run_bin("energy", "log", "3", env=NOV_ENV).code == 0
    journal = data_dir / "journal.db"
    before = journal.read_bytes()
    for lang, line in [
        ("en", "'2026-03-29 02:30' does not exist in your time zone"),
        ("nb", "«2026-03-29 02:30» finnes ikke i tidssonen din"),
    ]:
        result = run_bin(
            "--lang", lang, "energy", "log", "2", "--at", "2026-03-29 02:30", env=NOV_ENV
        )
        assert result.code == 2
        assert result.err.startswith(line) and len(result.err.strip().splitlines()) == 1
    assert journal.read_bytes() == before
    # the doubled hour is taken, as the first of the two
    assert run_bin("energy", "log", "4", "x", "--at", "25.10.2026 02:30", env=NOV_ENV).code == 0
    assert ("x", "2026-10-25T02:30:00+02:00") in logged(NOV_ENV)


@pytest.mark.parametrize(
    "args, key_text",
    [
        (("goal", "add", "X", "--due", "10:30"), "'10:30' is a time of day, not a date."),
        (("goal", "add", "X", "--due", "june 30"), "'june 30' has no year"),
        (("remind", "pause", "--until", "30.06"), "'30.06' has no year"),
        (("energy", "log", "3", "--at", "dec 24"), "'dec 24' has no year"),
    ],
)
def test_the_cli_refuses_a_guess_and_writes_nothing(
    args: tuple[str, ...], key_text: str, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SELVLEDER_NOW", "2026-11-27T10:00:00")
    before = sorted(str(p.relative_to(home)) for p in home.rglob("*"))
    result = run_cli("--lang", "en", *args)
    assert result.code == 2
    assert result.err.strip().startswith(key_text), result.err
    assert len(result.err.strip().splitlines()) == 1
    assert sorted(str(p.relative_to(home)) for p in home.rglob("*")) == before


# -- the property: every local time keeps its own date's offset, or is refused ---------------

DST_ZONES = (
    "Europe/Oslo",
    "America/New_York",
    "Australia/Sydney",  # summer time in January
    "Australia/Lord_Howe",  # a half-hour change
    "America/Santiago",  # changes at midnight
)


@lru_cache
def transitions(zone: str, year: int) -> tuple[datetime, ...]:
    """The wall times (in the offset before) at which the zone's offset changes in ``year``."""
    info = ZoneInfo(zone)
    found = []
    instant = datetime(year, 1, 1, tzinfo=UTC)
    before = instant.astimezone(info).utcoffset()
    while instant.year == year:
        instant += timedelta(minutes=30)
        after = instant.astimezone(info).utcoffset()
        if after != before:
            assert before is not None
            found.append((instant + before).replace(tzinfo=None))
            before = after
    return tuple(found)


@st.composite
def local_times(draw: st.DrawFn) -> tuple[str, datetime]:
    zone = draw(st.sampled_from(DST_ZONES))
    year = draw(st.integers(1990, 2060))
    edges = transitions(zone, year)
    if edges and draw(st.booleans()):  # around a change, where the trouble is
        edge = draw(st.sampled_from(edges))
        wall = edge + timedelta(minutes=draw(st.integers(-150, 150)))
    else:
        wall = draw(st.datetimes(datetime(year, 1, 1), datetime(year, 12, 31, 23, 59)))
    return zone, wall.replace(microsecond=0)


@given(local_times())
def test_any_local_time_keeps_its_dates_offset_or_is_refused_as_skipped(
    case: tuple[str, datetime],
) -> None:
    zone, wall = case
    info = ZoneInfo(zone)
    first = wall.replace(tzinfo=info)  # fold=0: the first of a doubled time
    exists = first.astimezone(UTC).astimezone(info).replace(tzinfo=None) == wall
    event("exists" if exists else "skipped")
    os.environ["TZ"] = zone
    systime.tzset()
    try:
        if exists:
            moment = local_moment(wall, str(wall))
            assert moment.replace(tzinfo=None) == wall
            assert moment.utcoffset() == first.utcoffset()
            assert moment.astimezone(UTC) == first.astimezone(UTC)
        else:
            refused("error.time_skipped", local_moment, wall, str(wall))
    finally:
        os.environ["TZ"] = "Europe/Oslo"
        systime.tzset()


def test_a_week_named_by_a_date_without_its_year_is_this_years() -> None:
    """Weeks are planned ahead and looked back on: "7.12" in November is this December's
    week, "2.3" is this March's; the year is never guessed across a new year."""
    from selvleder.domain.dates import parse_week

    november = date(2026, 11, 29)
    assert str(parse_week("7.12", november)) == "2026-W50"
    assert str(parse_week("2.3", november)) == "2026-W10"
    assert str(parse_week("dec 7", november)) == "2026-W50"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("30. juni 2027", date(2027, 6, 30)),
        ("4. desember", date(2026, 12, 4)),
        ("fredag 4. desember 2026", date(2026, 12, 4)),
        ("1. okt. 2027", date(2027, 10, 1)),
        ("17. mai 2027", date(2027, 5, 17)),
        ("30 june 2027", date(2027, 6, 30)),
    ],
)
def test_norwegian_month_and_weekday_names_are_dates(text: str, expected: date) -> None:
    """Dates as Norwegians write them ("fredag 27. november", LANGUAGE.md) are read."""
    from selvleder.domain.dates import parse_date

    assert parse_date(text, date(2026, 11, 29), "future") == expected


@pytest.mark.parametrize("text", ["torsdag 4. desember 2026", "30. juni", "31. juni 2027"])
def test_norwegian_dates_are_not_guessed(text: str) -> None:
    """A weekday that is not the date's, a past date with no year, a day the month lacks."""
    from selvleder.domain.dates import parse_date

    with pytest.raises(BadInput):
        parse_date(text, date(2026, 11, 29), "future")
