"""``week --ics``: a week's calendar file that two independent readers read the same way,
across a daylight-saving change, and that a re-import updates (stable UIDs, SEQUENCE)."""

from __future__ import annotations

import json
import os
import stat
from datetime import UTC, date, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from helpers import old_journal, run_bin, run_cli, tree

vobject = pytest.importorskip("vobject", reason="vobject is in the test extra")
icalendar = pytest.importorskip("icalendar")

# (week, focus blocks) around each change of the clock in Oslo in 2027: 28 March and
# 31 October; a June week, where a list of dates once read as winter time.
WEEKS = {
    "2027-W12": ["mon 09:00-10:00", "sun 10:00-11:30"],  # CET, then CEST on the Sunday
    "2027-W43": ["fri 09:00-10:00", "sun 10:00-11:00"],  # CEST, then CET on the Sunday
    "2027-W24": ["wed 09:00-11:00"],
}


def _plan(db: Path, week: str, blocks: list[str]) -> None:
    for n, when in enumerate(blocks):
        result = run_cli(
            "--db", str(db), "priority", "add", f"Fokus {n}", "--week", week, "--when", when
        )
        assert result.code == 0, result.err


def _instants_icalendar(data: bytes) -> dict[str, tuple[datetime, datetime]]:
    cal = icalendar.Calendar.from_ical(data)
    found = {}
    for event in cal.walk("VEVENT"):
        start, end = event.decoded("dtstart"), event.decoded("dtend")
        if isinstance(start, datetime):
            found[str(event["uid"])] = (start.astimezone(UTC), end.astimezone(UTC))
    return found


def _instants_vobject(data: bytes) -> dict[str, tuple[datetime, datetime]]:
    cal = vobject.readOne(data.decode("utf-8"))
    found = {}
    for event in cal.vevent_list:
        start, end = event.dtstart.value, event.dtend.value
        if isinstance(start, datetime):
            found[event.uid.value] = (start.astimezone(UTC), end.astimezone(UTC))
    return found


@pytest.mark.parametrize(
    "zone", ["Europe/Oslo", "America/New_York", "Australia/Sydney", "Asia/Tokyo"]
)
def test_two_readers_agree_on_every_instant_across_dst(
    zone: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import time as time_module

    monkeypatch.setenv("TZ", zone)
    time_module.tzset()
    db = tmp_path / "j.db"
    local = ZoneInfo(zone)
    for week, blocks in WEEKS.items():
        _plan(db, week, blocks)
        out = tmp_path / f"{week}.ics"
        result = run_cli("--db", str(db), "week", "--week", week, "--ics", str(out))
        assert result.code == 0, result.err
        data = out.read_bytes()
        # the rules, not a list of dates
        if zone != "Asia/Tokyo":
            assert b"RRULE:FREQ=YEARLY" in data and b"RDATE" not in data
            assert data.count(b"BEGIN:DAYLIGHT") == 1 and data.count(b"BEGIN:STANDARD") == 1
        expected = {}
        year, number = int(week[:4]), int(week[-2:])
        for n, when in enumerate(blocks):
            day_word, span = when.split()
            weekday = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"].index(day_word) + 1
            day = date.fromisocalendar(year, number, weekday)
            start, end = (time.fromisoformat(t) for t in span.split("-"))
            expected[n] = tuple(
                datetime.combine(day, t, tzinfo=local).astimezone(UTC) for t in (start, end)
            )
        one, two = _instants_icalendar(data), _instants_vobject(data)
        assert one == two
        assert sorted(one.values()) == sorted(expected.values())


def test_oslo_summer_and_winter_offsets_are_right(tmp_path: Path) -> None:
    db = tmp_path / "j.db"
    _plan(db, "2027-W12", WEEKS["2027-W12"])
    out = tmp_path / "w.ics"
    assert run_cli("--db", str(db), "week", "--week", "2027-W12", "--ics", str(out)).code == 0
    starts = sorted(s for s, _ in _instants_vobject(out.read_bytes()).values())
    # Monday 22 March 09:00 is 08:00 UTC (+01:00); Sunday 28 March 10:00 is 08:00 UTC (+02:00)
    assert starts == [datetime(2027, 3, 22, 8, tzinfo=UTC), datetime(2027, 3, 28, 8, tzinfo=UTC)]


def _events(data: bytes) -> dict[str, dict[str, object]]:
    cal = icalendar.Calendar.from_ical(data)
    return {
        str(e["uid"]): {
            "sequence": int(e["sequence"]),
            "modified": e.decoded("last-modified"),
            "stamp": e.decoded("dtstamp"),
            "summary": str(e["summary"]),
        }
        for e in cal.walk("VEVENT")
    }


def test_a_replan_raises_sequence_and_keeps_the_uids(tmp_path: Path) -> None:
    db, out = tmp_path / "j.db", tmp_path / "w.ics"
    week = ["--week", "2027-W12"]
    _plan(db, "2027-W12", ["mon 09:00-10:00"])
    assert run_cli("--db", str(db), "week", *week, "--ics", str(out)).code == 0
    first = _events(out.read_bytes())
    assert set(first) == {
        "2027-W12-priorities@selvleder.invalid",
        "2027-W12-priority-1@selvleder.invalid",
    }
    assert all(isinstance(e["stamp"], datetime) for e in first.values())
    # writing again without a change: the same SEQUENCE
    assert run_cli("--db", str(db), "week", *week, "--ics", str(out), "--force").code == 0
    assert {u: e["sequence"] for u, e in _events(out.read_bytes()).items()} == {
        u: e["sequence"] for u, e in first.items()
    }
    changes = [
        ["plan-week", *week, "-p", "Budsjett", "--focus", "Budsjett"],
        ["priority", "edit", "1", "--when", "tue 13:00-14:00"],
        ["priority", "done", "1"],
    ]
    previous = first
    for change in changes:
        assert run_cli("--db", str(db), *change).code == 0
        assert run_cli("--db", str(db), "week", *week, "--ics", str(out), "--force").code == 0
        now = _events(out.read_bytes())
        assert set(previous) <= set(now)  # same UIDs: a re-import updates
        for uid in previous:
            assert now[uid]["sequence"] > previous[uid]["sequence"], change
            assert now[uid]["modified"] >= previous[uid]["modified"]
        previous = now
    # plan-week --ics writes the same file
    other = tmp_path / "p.ics"
    assert (
        run_cli("--db", str(db), "plan-week", *week, "-p", "Budsjett", "--ics", str(other)).code
        == 0
    )
    assert _events(other.read_bytes()).keys() == previous.keys()


def test_a_dropped_carried_or_moved_focus_block_is_cancelled_not_left_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A priority that leaves the week would simply vanish from the file, and a re-import
    would leave its old event in the calendar: it stays, under its UID, as CANCELLED with
    a higher SEQUENCE, and both readers see that."""
    db, out = tmp_path / "j.db", tmp_path / "w.ics"
    week = ["--week", "2027-W24"]
    _plan(db, "2027-W24", ["mon 09:00-10:00", "tue 09:00-10:00", "wed 09:00-10:00"])
    assert run_cli("--db", str(db), "week", *week, "--ics", str(out)).code == 0
    before = _events(out.read_bytes())
    assert run_cli("--db", str(db), "priority", "drop", "2").code == 0
    # a move leaves a trace once the week has begun: Tuesday of week 24
    monkeypatch.setenv("SELVLEDER_NOW", "2027-06-15T10:00:00+02:00")
    assert run_cli("--db", str(db), "priority", "move", "3", "--week", "2027-W26").code == 0
    assert (
        run_cli("--db", str(db), "plan-week", "--week", "2027-W25", "--carry", "-p", "Ny").code == 0
    )
    assert run_cli("--db", str(db), "week", *week, "--ics", str(out), "--force").code == 0
    data = out.read_bytes()
    cal = icalendar.Calendar.from_ical(data)
    status = {str(e["uid"]).split("@")[0]: str(e.get("status", "")) for e in cal.walk("VEVENT")}
    assert status["2027-W24-priority-2"] == "CANCELLED"  # dropped
    assert status["2027-W24-priority-1"] == "CANCELLED"  # carried to week 25
    assert status["2027-W24-priority-3"] == "CANCELLED"  # moved to week 26
    after = _events(data)
    for uid in before:
        assert after[uid]["sequence"] > before[uid]["sequence"]
    read = vobject.readOne(data.decode("utf-8"))
    cancelled = [v for v in read.vevent_list if getattr(v, "status", None)]
    # the three blocks and the all-week item: nothing is left in the week
    assert status["2027-W24-priorities"] == "CANCELLED"
    assert {v.status.value for v in cancelled} == {"CANCELLED"} and len(cancelled) == 4
    assert _instants_vobject(data) == _instants_icalendar(data)


def test_week_ics_is_private_and_replaces_only_with_force(tmp_path: Path) -> None:
    db, out = tmp_path / "j.db", tmp_path / "w.ics"
    _plan(db, "2027-W12", ["mon 09:00-10:00"])
    result = run_bin("--db", str(db), "week", "--week", "2027-W12", "--ics", str(out))
    assert result.code == 0, result.err
    assert stat.S_IMODE(os.stat(out).st_mode) == 0o600
    data = out.read_bytes()
    again = run_bin("--db", str(db), "week", "--week", "2027-W12", "--ics", str(out))
    assert again.code == 2 and "--force" in again.err
    assert out.read_bytes() == data


def test_an_unplanned_week_is_refused_with_a_hint(tmp_path: Path) -> None:
    db, out = tmp_path / "j.db", tmp_path / "w.ics"
    before = tree(tmp_path)
    result = run_bin(
        "--db", str(db), "--lang", "en", "week", "--week", "2027-W12", "--ics", str(out)
    )
    assert result.code == 2
    assert "selvleder plan-week" in result.err and "--week 12" in result.err
    assert tree(tmp_path) == before  # no file, no journal
    # a week whose only priority was dropped still gets its file: the events it had, each
    # CANCELLED, so a re-import clears them (test_a_dropped_carried_or_moved_focus_block_…)
    _plan(db, "2027-W12", ["mon 09:00-10:00"])
    assert run_cli("--db", str(db), "priority", "drop", "1").code == 0
    result = run_bin("--db", str(db), "week", "--week", "2027-W12", "--ics", str(out))
    assert result.code == 0
    events = icalendar.Calendar.from_ical(out.read_bytes()).walk("VEVENT")
    assert [str(e["status"]) for e in events] == ["CANCELLED", "CANCELLED"]


def test_a_v6_journal_migrates_and_its_weeks_start_at_sequence_0(tmp_path: Path) -> None:
    db, out = tmp_path / "j.db", tmp_path / "w.ics"
    conn = old_journal(db, "m007_add_weeks_revision")
    conn.execute(
        "INSERT INTO weeks (week, created_at, updated_at) VALUES "
        "('2027-W12', '2026-11-01T08:00:00+00:00', '2026-11-02T08:00:00+00:00')"
    )
    conn.execute(
        "INSERT INTO priorities (week, rank, title, status, focus_block, created_at) "
        "VALUES ('2027-W12', 1, 'Gammel', 'planned', 'mon 09:00-10:00', "
        "'2026-11-01T08:00:00+00:00')"
    )
    conn.close()
    db.chmod(0o600)
    assert run_cli("--db", str(db), "week", "--week", "2027-W12", "--ics", str(out)).code == 0
    events = _events(out.read_bytes())
    assert {e["sequence"] for e in events.values()} == {0}
    assert {e["modified"] for e in events.values()} == {datetime(2026, 11, 2, 8, tzinfo=UTC)}
    assert run_cli("--db", str(db), "priority", "done", "1").code == 0
    assert (
        run_cli("--db", str(db), "week", "--week", "2027-W12", "--ics", str(out), "--force").code
        == 0
    )
    assert {e["sequence"] for e in _events(out.read_bytes()).values()} == {1}


def test_export_and_import_keep_the_sequence(tmp_path: Path) -> None:
    import json

    db, copy, older = tmp_path / "j.db", tmp_path / "copy.db", tmp_path / "older.db"
    _plan(db, "2027-W12", ["mon 09:00-10:00", "tue 09:00-10:00"])
    exported = json.loads(run_cli("--db", str(db), "export").out)
    assert [w["revision"] for w in exported["weeks"]] == [2]
    (tmp_path / "e.json").write_text(json.dumps(exported))
    assert run_cli("--db", str(copy), "import", str(tmp_path / "e.json")).code == 0
    out = tmp_path / "w.ics"
    assert run_cli("--db", str(copy), "week", "--week", "2027-W12", "--ics", str(out)).code == 0
    assert {e["sequence"] for e in _events(out.read_bytes()).values()} == {2}
    # an export from before the revision was kept imports with 0
    for week in exported["weeks"]:
        del week["revision"]
    (tmp_path / "old.json").write_text(json.dumps(exported))
    assert run_cli("--db", str(older), "import", str(tmp_path / "old.json")).code == 0
    again = json.loads(run_cli("--db", str(older), "export").out)
    assert [w["revision"] for w in again["weeks"]] == [0]


@pytest.mark.parametrize("tz", ["CET-1CEST,M3.5.0,M10.5.0/3", "/usr/share/zoneinfo/Europe/Oslo"])
def test_a_time_zone_without_a_plain_name_keeps_the_local_hour(
    tz: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """TZ as a POSIX rule or a file path (and an /etc/localtime that is a copy, not a link)
    names no zone: a 09:00 focus block must still be 09:00 on the user's clock, never
    09:00 UTC (an hour late in Oslo's winter)."""
    import time as time_module

    if tz.startswith("/") and not os.path.exists(tz):
        pytest.skip(f"{tz} is not installed")
    monkeypatch.setenv("TZ", tz)
    time_module.tzset()
    db = tmp_path / "j.db"
    _plan(db, "2027-W03", ["mon 09:00-10:00"])
    out = tmp_path / "w.ics"
    assert run_cli("--db", str(db), "week", "--week", "2027-W03", "--ics", str(out)).code == 0
    data = out.read_bytes()
    oslo = datetime(2027, 1, 18, 9, 0, tzinfo=ZoneInfo("Europe/Oslo"))
    for read in (icalendar.Calendar.from_ical(data), vobject.readOne(data.decode())):
        events = read.walk("VEVENT") if hasattr(read, "walk") else read.vevent_list
        starts = [
            e.decoded("dtstart") if hasattr(e, "decoded") else e.dtstart.value for e in events
        ]
        timed = [s for s in starts if isinstance(s, datetime)]
        assert len(timed) == 1
        start = timed[0]
        if start.tzinfo is None:  # floating: the reader's own clock, which is the user's
            assert start == oslo.replace(tzinfo=None)
        else:
            assert start == oslo, (tz, start)


def test_week_ics_dash_prints_the_calendar_on_standard_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """'-' as the calendar file is standard output (as '-' as a file read is standard
    input): the calendar alone, and no file named '-' left behind."""
    monkeypatch.chdir(tmp_path)
    db = tmp_path / "j.db"
    _plan(db, "2027-W03", ["mon 09:00-10:00"])
    result = run_bin("--db", str(db), "week", "--week", "2027-W03", "--ics", "-")
    assert result.code == 0, result.err
    assert result.out.startswith("BEGIN:VCALENDAR") and result.out.rstrip().endswith(
        "END:VCALENDAR"
    )
    events = icalendar.Calendar.from_ical(result.out).walk("VEVENT")
    assert len(events) == 2
    assert not (tmp_path / "-").exists()
    # plan-week prints its plan: there the calendar cannot go to standard output
    refused = run_bin("--db", str(db), "plan-week", "--week", "2027-W03", "-p", "Mer", "--ics", "-")
    assert refused.code == 2 and refused.out == "" and len(refused.err.splitlines()) == 1
    assert "week --ics -" in refused.err
    assert not (tmp_path / "-").exists()
    titles = json.loads(run_bin("--db", str(db), "week", "--week", "2027-W03", "--json").out)
    assert [p["title"] for p in titles["priorities"]] == ["Fokus 0"]
