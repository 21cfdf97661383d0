"""plan-week, priority, week and the .ics export (issue 3)."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

from helpers import run_cli

WED = "2026-11-25T10:00:00+01:00"  # Wednesday of 2026-W48
FRI = "2026-11-27T10:00:00+01:00"  # Friday of 2026-W48


def week(name: str = "2026-W48") -> dict[str, object]:
    result = run_cli("week", "--week", name, "--json")
    assert result.code == 0, result.err
    return json.loads(result.out)  # type: ignore[no-any-return]


@pytest.fixture(autouse=True)
def wednesday(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SELVLEDER_NOW", WED)


def test_flags_make_a_plan() -> None:
    result = run_cli(
        "plan-week",
        "-p",
        "Budget draft",
        "-p",
        "Hearing reply",
        "--can-wait",
        "Tidy the archive",
        "--focus",
        "The budget",
        "--buffer",
        "25",
    )
    assert result.code == 0, result.err
    assert result.out.startswith("Planning this week (week 48).")
    plan = week()
    assert plan["focus"] == "The budget" and plan["buffer_pct"] == 25
    assert plan["can_wait"] == ["Tidy the archive"]
    assert [(p["rank"], p["title"], p["status"]) for p in plan["priorities"]] == [
        (1, "Budget draft", "planned"),
        (2, "Hearing reply", "planned"),
    ]
    assert plan["completion_rate"] == 0.0


def test_default_week_on_friday_is_next_week_and_said(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SELVLEDER_NOW", FRI)
    result = run_cli("--lang", "nb", "plan-week", "-p", "X")
    assert "Planlegger neste uke (uke 49)" in result.out
    assert week("2026-W49")["priorities"][0]["title"] == "X"  # type: ignore[index]


def test_replanning_edits_without_duplicates() -> None:
    run_cli("plan-week", "-p", "A", "-p", "B", "--focus", "Old", "--buffer", "10")
    result = run_cli("plan-week", "-p", "B", "-p", "C", "--focus", "New")
    assert "'B' is already in the plan" in result.out
    plan = week()
    assert [p["title"] for p in plan["priorities"]] == ["A", "B", "C"]  # type: ignore[union-attr]
    assert plan["focus"] == "New" and plan["buffer_pct"] == 10


def test_focus_or_buffer_alone_edits_the_week_without_questions() -> None:
    """The README: --focus and --buffer replace the old values. Off a terminal, giving only
    them used to exit 2 asking for a terminal (found in a user's review of issue 17)."""
    run_cli("plan-week", "-p", "A", "--buffer", "10")
    result = run_cli("plan-week", "--buffer", "30", "--focus", "The budget")
    assert result.code == 0, result.err
    plan = week()
    assert [p["title"] for p in plan["priorities"]] == ["A"]  # type: ignore[union-attr]
    assert plan["focus"] == "The budget" and plan["buffer_pct"] == 30
    assert run_cli("plan-week", "--can-wait", "Tidy the archive").code == 0
    assert week()["can_wait"] == ["Tidy the archive"]


def test_cap_is_refused_with_reason_and_nothing_written(home: Path) -> None:
    run_cli("plan-week", "-p", "1", "-p", "2", "-p", "3")
    before = week()
    result = run_cli("plan-week", "-p", "4", "-p", "5", "-p", "6", "--focus", "changed")
    assert result.code == 2
    assert "6 priorities" in result.err and "cap is 5" in result.err
    assert week() == before
    assert run_cli("priority", "add", "4").code == 0
    assert run_cli("priority", "add", "5").code == 0
    refused = run_cli("priority", "add", "6")
    assert refused.code == 2 and "cap is 5" in refused.err


def test_dropped_and_carried_do_not_count_toward_the_cap() -> None:
    run_cli("plan-week", "-p", "1", "-p", "2", "-p", "3", "-p", "4", "-p", "5")
    assert run_cli("priority", "drop", "5", "--reason", "not needed").code == 0
    assert run_cli("priority", "add", "6").code == 0
    assert run_cli("priority", "undone", "5").code == 2  # back to planned would be 6


def test_cap_comes_from_config(home: Path) -> None:
    config = home / ".config" / "selvleder" / "config.toml"
    config.parent.mkdir(parents=True)
    config.write_text("max_priorities = 2\n")
    assert run_cli("plan-week", "-p", "a", "-p", "b", "-p", "c").code == 2


def test_carry_marks_originals_and_links_them(monkeypatch: pytest.MonkeyPatch) -> None:
    run_cli("goal", "add", "G")
    run_cli("plan-week", "-p", "Finish report", "-p", "Call Kari", "-p", "Done one")
    run_cli("priority", "edit", "1", "--goal", "1", "--value", "high", "--estimate", "2h")
    run_cli("priority", "done", "3")
    run_cli("priority", "drop", "2")
    monkeypatch.setenv("SELVLEDER_NOW", FRI)
    result = run_cli("plan-week", "-p", "New thing", "--carry")
    assert result.code == 0, result.err
    assert "Brought along one unfinished priority from" in result.out
    nxt = week("2026-W49")
    titles = [(p["title"], p["carried_from"]) for p in nxt["priorities"]]  # type: ignore[union-attr]
    assert titles == [("New thing", None), ("Finish report", 1)]
    carried = nxt["priorities"][1]  # type: ignore[index]
    assert carried["goal_id"] == 1 and carried["value"] == "high"
    assert carried["estimate_minutes"] == 120
    old = {p["id"]: p["status"] for p in week()["priorities"]}  # type: ignore[union-attr]
    assert old == {1: "carried", 2: "dropped", 3: "done"}
    # done / (planned + done + carried + moved away): the carried one stays not done here
    assert week()["completion_rate"] == 0.5


def test_no_carry_is_the_default_with_p(monkeypatch: pytest.MonkeyPatch) -> None:
    run_cli("plan-week", "-p", "Left over")
    monkeypatch.setenv("SELVLEDER_NOW", FRI)
    run_cli("plan-week", "-p", "Fresh")
    assert [p["title"] for p in week("2026-W49")["priorities"]] == ["Fresh"]  # type: ignore[union-attr]
    assert week()["priorities"][0]["status"] == "planned"  # type: ignore[index]


def test_priority_commands_and_validation() -> None:
    run_cli("plan-week", "-p", "A")
    ok = run_cli(
        "priority",
        "add",
        "B",
        "--value",
        "medium",
        "--energy",
        "gir",
        "--estimate",
        "1h30m",
        "--when",
        "tirsdag 09:00-11:00",
    )
    assert ok.code == 0, ok.err
    b = week()["priorities"][1]  # type: ignore[index]
    assert (b["value"], b["energy"], b["estimate_minutes"], b["when"]) == (
        "medium",
        "gives",
        90,
        "tue 09:00-11:00",
    )
    for args in (
        ("priority", "add", "C", "--estimate", "soon"),
        ("priority", "add", "C", "--when", "someday 9-10"),
        ("priority", "add", "C", "--when", "tue 11:00-09:00"),
        ("priority", "add", "C", "--value", "huge"),
        ("priority", "add", "C", "--energy", "lots"),
        ("priority", "add", "C", "--goal", "9"),
        ("priority", "add", "A"),
        ("priority", "done", "99"),
        ("priority", "edit", "1"),
        ("plan-week", "-p", "X", "--buffer", "120"),
        ("plan-week", "-p", "X", "--week", "2025-W53"),
    ):
        before = week()
        result = run_cli(*args)
        assert result.code == 2, args
        assert len(result.err.strip().splitlines()) == 1
        assert week() == before


def test_move_keeps_the_id_and_respects_the_cap() -> None:
    run_cli("plan-week", "-p", "A", "-p", "B")
    assert run_cli("priority", "move", "2", "--week", "next").code == 0
    assert [p["id"] for p in week("2026-W49")["priorities"]] == [2]  # type: ignore[union-attr]
    assert [p["id"] for p in week()["priorities"]] == [1]  # type: ignore[union-attr]
    for title in "CDEF":
        run_cli("priority", "add", title, "--week", "next")
    assert run_cli("priority", "move", "1", "--week", "next").code == 2


def test_done_and_undone_change_completion() -> None:
    run_cli("plan-week", "-p", "A", "-p", "B")
    run_cli("priority", "done", "1")
    assert week()["completion_rate"] == 0.5
    run_cli("priority", "undone", "1")
    assert week()["completion_rate"] == 0.0


def test_plan_file(tmp_path: Path) -> None:
    run_cli("goal", "add", "G")
    plan = tmp_path / "week.toml"
    plan.write_text(
        'week = "2026-W49"\nfocus = "The budget"\nbuffer = 25\ncan_wait = ["Tidy"]\n'
        '[[priority]]\ntitle = "Budget draft"\ngoal = 1\nvalue = "high"\nenergy = "drains"\n'
        'estimate = "4h"\nwhen = "mon 09:00-11:00"\n[[priority]]\ntitle = "Second"\n'
    )
    assert run_cli("plan-week", "--from", str(plan)).code == 0
    data = week("2026-W49")
    assert data["focus"] == "The budget" and data["can_wait"] == ["Tidy"]
    first = data["priorities"][0]  # type: ignore[index]
    assert first["when"] == "mon 09:00-11:00" and first["goal_id"] == 1


@pytest.mark.parametrize(
    "content, key",
    [
        ('[[priority]]\ntitle = "A"\ncolour = "red"\n', "priority[0].colour"),
        ('buffer = "lots"\n', "buffer"),
        ("buffer = 200\n", "buffer"),
        ('[[priority]]\ntitle = "A"\nvalue = "huge"\n', "priority[0]"),
        ('[[priority]]\ntitle = "A"\nestimate = "soon"\n', "priority[0]"),
        ('[[priority]]\nvalue = "high"\n', "priority[0].title"),
        ('week = "2025-W53"\n[[priority]]\ntitle = "A"\n', "2025-W53"),
        ("this is not toml", "TOML"),
    ],
)
def test_invalid_plan_files_name_the_key(tmp_path: Path, content: str, key: str) -> None:
    plan = tmp_path / "bad.toml"
    plan.write_text(content)
    before = week()
    result = run_cli("plan-week", "--from", str(plan))
    assert result.code == 2
    assert key in result.err, result.err
    assert week() == before


def test_a_toml_syntax_error_is_said_by_line_and_column_in_the_users_language(
    tmp_path: Path, home: Path
) -> None:
    """Before: 'Planfilen … er ikke gyldig TOML: Expected ']' at the end of a table
    declaration (at line 2, column 11)', Python's English in a Norwegian sentence."""
    plan = tmp_path / "bad.toml"
    plan.write_text('week = "x"\n[[priority]\n')
    result = run_cli("--lang", "nb", "plan-week", "--from", str(plan))
    assert result.code == 2
    assert result.err.strip() == f"Planfilen {plan} er ikke gyldig TOML (linje 2, kolonne 11)."
    answers = tmp_path / "svar.toml"
    answers.write_bytes(b'[role]\nanswer = "\xff"\n')  # not UTF-8: the byte's place
    result = run_cli("--lang", "nb", "reflect", "--answers", str(answers))
    assert result.err.strip() == f"Svarfilen {answers} er ikke gyldig TOML (linje 2, kolonne 11)."
    config = home / ".config" / "selvleder" / "config.toml"
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text("lang = \n")
    result = run_cli("--lang", "en", "week")
    assert result.code == 2 and "(line 1, column 8)" in result.err, result.err


def test_week_view_in_both_languages() -> None:
    run_cli("goal", "add", "Kortere saksbehandling")
    run_cli("plan-week", "-p", "Budsjett", "--focus", "Budsjettet", "--buffer", "20")
    run_cli("priority", "edit", "1", "--goal", "1", "--value", "høy", "--when", "man 09:00-11:00")
    nb = run_cli("--lang", "nb", "week").out
    assert "Uke 48 (23.11.–29.11.2026)" in nb
    assert "Viktigst nå: Budsjettet" in nb
    assert "høy verdi · man 09.00–11.00" in nb
    assert "1 Kortere saksbehandling" in nb
    assert "Buffer: 20 % av uka holdes fri." in nb
    assert "Gjort: 0 av 1 (0 %)" in nb
    en = run_cli("--lang", "en", "week").out
    assert "Week 48 (2026-11-23 – 2026-11-29)" in en and "high value · Mon 09:00–11:00" in en


def test_ics_export_parses_back_with_stable_uids(tmp_path: Path) -> None:
    from icalendar import Calendar

    run_cli("plan-week", "-p", "Budget", "-p", "Reply", "-p", "No block")
    run_cli("priority", "edit", "1", "--when", "mon 09:00-11:00")
    run_cli("priority", "edit", "2", "--when", "thu 13:30-15:00")
    first, second = tmp_path / "a.ics", tmp_path / "b.ics"
    assert run_cli("plan-week", "-p", "Budget", "--ics", str(first)).code == 0
    assert run_cli("plan-week", "-p", "Budget", "--ics", str(first)).code == 2  # no --force
    assert run_cli("plan-week", "-p", "Budget", "--ics", str(second)).code == 0
    assert first.stat().st_mode & 0o777 == 0o600
    cals = [Calendar.from_ical(p.read_bytes()) for p in (first, second)]
    events = [[e for e in c.walk("VEVENT")] for c in cals]
    assert len(events[0]) == 3  # the all-week item and two focus blocks
    timed = [e for e in events[0] if isinstance(e.decoded("dtstart"), datetime)]
    starts = sorted(e.decoded("dtstart") for e in timed)
    assert [s.isoformat() for s in starts] == [
        "2026-11-23T09:00:00+01:00",
        "2026-11-26T13:30:00+01:00",
    ]
    assert all(str(e["dtstart"].params["TZID"]) == "Europe/Oslo" for e in timed)
    assert list(cals[0].walk("VTIMEZONE"))
    uids = [sorted(str(e["uid"]) for e in evs) for evs in events]
    assert uids[0] == uids[1]
    week_item = next(e for e in events[0] if not isinstance(e.decoded("dtstart"), datetime))
    assert "Budget" in str(week_item["summary"]) and "No block" in str(week_item["summary"])


def test_plan_week_without_priorities_off_a_terminal_needs_flags() -> None:
    result = run_cli("plan-week")
    assert result.code == 2 and "-p/--priority" in result.err


def test_replanning_from_a_file_adds_the_details_to_titles_already_there(tmp_path: Path) -> None:
    run_cli("plan-week", "-p", "Budget draft")
    plan = tmp_path / "w.toml"
    plan.write_text(
        '[[priority]]\ntitle = "Budget draft"\nvalue = "high"\nwhen = "mon 09:00-11:00"\n'
    )
    result = run_cli("plan-week", "--from", str(plan))
    assert result.code == 0 and "already in the plan" not in result.out
    first = week()["priorities"][0]  # type: ignore[index]
    assert (first["title"], first["value"], first["when"]) == (
        "Budget draft",
        "high",
        "mon 09:00-11:00",
    )
    assert len(week()["priorities"]) == 1  # type: ignore[arg-type]


def test_week_points_to_next_weeks_plan(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SELVLEDER_NOW", FRI)
    run_cli("plan-week", "-p", "Next week's thing")
    assert "Next week (week 49) has a plan" in run_cli("week").out
