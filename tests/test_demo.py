"""demo (issue 9): reproducible, its own file, planted patterns the coach finds."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path

import pytest

from helpers import run_bin, run_cli

FRI = "2026-11-27T16:00:00+01:00"


@pytest.fixture(autouse=True)
def friday(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SELVLEDER_NOW", FRI)


def rows(db: Path) -> str:
    """The journal's content (the migration record's applied_at is when the file was made)."""
    conn = sqlite3.connect(db)
    dump = "\n".join(line for line in conn.iterdump() if "_sqlite_migrations" not in line)
    return hashlib.sha256(dump.encode()).hexdigest()


def test_same_seed_same_day_same_journal(tmp_path: Path) -> None:
    a, b, c = tmp_path / "a.db", tmp_path / "b.db", tmp_path / "c.db"
    assert run_cli("demo", "--seed", "5", "--db", str(a)).code == 0
    assert run_cli("demo", "--seed", "5", "--db", str(b)).code == 0
    assert run_cli("demo", "--seed", "6", "--db", str(c)).code == 0
    assert rows(a) == rows(b)
    assert rows(a) != rows(c)


def test_demo_never_touches_the_users_journal(
    tmp_path: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    mine = tmp_path / "mine.db"
    run_cli("--db", str(mine), "goal", "add", "Mine")
    before = mine.read_bytes()
    monkeypatch.setenv("SELVLEDER_DB", str(mine))
    assert run_cli("--db", str(mine), "demo").code == 0
    assert mine.read_bytes() == before
    assert (data_dir / "demo.db").exists()
    refused = run_cli("demo", "--db", str(mine))
    assert refused.code == 2 and "not a demo journal" in refused.err
    assert mine.read_bytes() == before
    again = run_cli("demo")
    assert again.code == 2 and "--force" in again.err
    assert run_cli("demo", "--force").code == 0


def test_planted_patterns_and_a_reflection_with_every_tip(tmp_path: Path) -> None:
    db = tmp_path / "d.db"
    result = run_bin(
        "--lang", "en", "demo", "--years", "2", "--db", str(db), env={"SELVLEDER_NOW": FRI}
    )
    assert result.code == 0, result.err
    assert "Reflection for week 47" in result.out  # the last full week
    # The demo's Friday dip (0.8 points) passes the evidence rules over a year of logs.
    insights = json.loads(
        run_cli("--db", str(db), "energy", "insights", "--weeks", "52", "--json").out
    )
    assert insights["drainers"][0]["tag"] == "meetings"
    assert insights["energisers"][0]["tag"] == "focus"
    assert insights["lowest"]["weekday"] == "friday"
    # (with Fridays and Monday mornings lower, a midweek morning may truly be the highest)
    data = json.loads(run_cli("--db", str(db), "reflect", "--week", "47", "--json").out)
    for tip in data["tips"]:
        assert tip["observations"], tip["key"]
    weeks = json.loads(run_cli("--db", str(db), "review", "--weeks", "52", "--json").out)["weeks"]
    holidays = [w for w in weeks if w["week"].endswith(("W28", "W29", "W30"))]
    assert holidays and all(w["energy_count"] == 0 for w in holidays)
    carried = sum(w["carried"] for w in weeks)
    assert carried > 10


def test_bad_demo_arguments(tmp_path: Path) -> None:
    assert run_cli("demo", "--years", "0").code == 2
    assert run_cli("demo", "--years", "31").code == 2
    assert run_cli("demo", "--db", str(tmp_path / "missing" / "d.db")).code == 2
