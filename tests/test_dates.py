"""Weeks and date words in both languages (domain/dates.py)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from selvleder.domain.dates import (
    IsoWeek,
    format_duration,
    parse_date,
    parse_duration,
    parse_focus_block,
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
