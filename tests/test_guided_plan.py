"""The guided plan-week flow, driven in a real terminal (pexpect)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pexpect
import pytest

from helpers import BIN, interrupt, run_cli

WED = "2026-11-25T10:00:00+01:00"


@pytest.fixture
def env(home: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    monkeypatch.setenv("SELVLEDER_NOW", WED)
    config = home / ".config" / "selvleder" / "config.toml"
    config.parent.mkdir(parents=True)
    config.write_text("max_priorities = 3\n")
    run_cli("goal", "add", "Shorter case handling")
    run_cli("plan-week", "--week", "47", "-p", "Old report", "-p", "Old call")
    # A drainer by the evidence rules: 8 logs with #meetings against 8 without.
    for hour in ("08", "09", "10", "11"):
        run_cli("energy", "log", "1", "-t", "meetings", "--at", f"mon {hour}:00")
        run_cli("energy", "log", "2", "-t", "meetings", "--at", f"tue {hour}:00")
        run_cli("energy", "log", "5", "-t", "focus", "--at", f"tue {int(hour) + 5}:00")
        run_cli("energy", "log", "4", "-t", "focus", "--at", f"mon {int(hour) + 5}:00")
    return {**os.environ, "COLUMNS": "100", "SELVLEDER_LANG": "en"}


def spawn(env: dict[str, str]) -> pexpect.spawn:
    child = pexpect.spawn(str(BIN), ["plan-week"], env=env, encoding="utf-8", timeout=20)
    child.setwinsize(40, 100)
    return child


def answer(child: pexpect.spawn, prompt: str, text: str) -> None:
    child.expect_exact(prompt)
    child.sendline(text)


def test_full_plan_with_a_cap_trade_off(env: dict[str, str]) -> None:
    child = spawn(env)
    child.expect_exact("Plan week 48")
    child.expect_exact("1  Shorter case handling")
    child.expect_exact("Less energy has often gone with #meetings in the last 12 weeks.")
    answer(child, "'Old report': keep (k), can wait (w) or drop (d)? [k] ", "")
    answer(child, "'Old call': keep (k), can wait (w) or drop (d)? [k] ", "d")
    answer(child, "What matters most right now? ", "The budget")
    child.expect_exact("What can wait?")
    answer(child, "  -: ", "Tidy the archive")
    answer(child, "  -: ", "")
    child.expect_exact("at most 3, 2 left")
    answer(child, "Priority 2: ", "Budget draft")
    answer(child, "Goal id it supports (Enter: none): ", "1")
    answer(child, "Value: high, medium, low (Enter: skip): ", "huge")
    child.expect_exact("'huge' is not a value")
    answer(child, "Value: high, medium, low (Enter: skip): ", "high")
    answer(child, "Energy: gives, neutral, drains (Enter: skip): ", "drains")
    answer(child, "Estimate, e.g. 2h (Enter: skip): ", "4h")
    answer(child, "Focus block, e.g. tue 09:00-11:00 (Enter: skip): ", "thu 09:00-11:00")
    answer(child, "Priority 3: ", "Hearing reply")
    for _ in range(5):
        answer(child, "(Enter: ", "")
    answer(child, "Priority 4: ", "Urgent letter")
    child.expect_exact("You have 3 priorities, the cap for a week.")
    answer(child, "(Enter: 'Urgent letter' waits instead): ", "9")  # not on the list
    child.expect_exact("'9' is not a number from 1 to 3")
    answer(child, "(Enter: 'Urgent letter' waits instead): ", "abc")
    child.expect_exact("'abc' is not a number from 1 to 3")
    answer(child, "(Enter: 'Urgent letter' waits instead): ", "3")
    child.expect_exact("'Hearing reply' moves to can wait.")
    for _ in range(5):
        answer(child, "(Enter: ", "")
    answer(child, "Priority 4: ", "")
    answer(child, "in percent (e.g. 20)? ", "20")
    child.expect_exact("Your plan:")
    child.expect_exact("1. Budget draft")
    child.expect_exact("2. Urgent letter")
    child.expect_exact("3. Old report")  # the order the week is saved in (below)
    child.expect_exact("Tidy the archive, Hearing reply")
    child.expect_exact("20 % of the week")
    answer(child, "Save the plan? [Y/n]: ", "y")
    child.expect_exact("Saved the plan for week 48.")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    plan = json.loads(run_cli("week", "--json").out)
    assert [(p["title"], p["carried_from"]) for p in plan["priorities"]] == [
        ("Budget draft", None),
        ("Urgent letter", None),
        ("Old report", 1),
    ]
    budget = plan["priorities"][0]
    assert (budget["goal_id"], budget["value"], budget["energy"], budget["when"]) == (
        1,
        "high",
        "drains",
        "thu 09:00-11:00",
    )
    assert plan["focus"] == "The budget" and plan["buffer_pct"] == 20
    assert plan["can_wait"] == ["Tidy the archive", "Hearing reply"]
    last = {
        p["title"]: p["status"]
        for p in json.loads(run_cli("week", "--week", "47", "--json").out)["priorities"]
    }
    assert last == {"Old report": "carried", "Old call": "dropped"}


def test_abort_saves_nothing(env: dict[str, str], home: Path) -> None:
    journal = home / ".local" / "share" / "selvleder" / "journal.db"
    before = journal.read_bytes()
    child = spawn(env)
    answer(child, "keep (k), can wait (w) or drop (d)? [k] ", "d")
    answer(child, "keep (k), can wait (w) or drop (d)? [k] ", "d")
    answer(child, "What matters most right now? ", "Something")
    child.expect_exact("  -: ")  # at the next prompt
    interrupt(child)
    child.expect_exact("Stopped. Nothing was saved.")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    assert journal.read_bytes() == before


def test_end_of_input_saves_nothing(env: dict[str, str], home: Path) -> None:
    journal = home / ".local" / "share" / "selvleder" / "journal.db"
    before = journal.read_bytes()
    child = spawn(env)
    answer(child, "keep (k), can wait (w) or drop (d)? [k] ", "k")
    child.sendeof()
    child.expect_exact("Stopped. Nothing was saved.")
    child.expect(pexpect.EOF)
    child.close()
    assert journal.read_bytes() == before


def test_declining_at_the_end_saves_nothing(env: dict[str, str], home: Path) -> None:
    journal = home / ".local" / "share" / "selvleder" / "journal.db"
    before = journal.read_bytes()
    child = spawn(env)
    for _ in range(2):
        answer(child, "[k] ", "k")
    answer(child, "right now? ", "")
    answer(child, "  -: ", "")
    answer(child, "Priority 3: ", "")
    answer(child, "(e.g. 20)? ", "")
    answer(child, "Save the plan? [Y/n]: ", "n")
    child.expect(pexpect.EOF)
    child.close()
    assert journal.read_bytes() == before
