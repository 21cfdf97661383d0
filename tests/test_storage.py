"""The journal file: where it lives, its modes, migrations, the newer-schema refusal."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import stat
from pathlib import Path

import pytest

from helpers import run_cli, tree
from selvleder.storage.connection import choose_journal_mode, open_journal
from selvleder.storage.schema import CURRENT_VERSION, MIGRATIONS, migration_set


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_journal_is_created_on_first_use_private_under_umask_022(data_dir: Path) -> None:
    old = os.umask(0o022)
    try:
        result = run_cli("goal", "add", "X", "--measure", "m", "--due", "2027-01-01")
    finally:
        os.umask(old)
    assert result.code == 0, result.err
    journal = data_dir / "journal.db"
    assert mode(journal) == 0o600
    assert mode(data_dir) == 0o700


def test_side_files_are_private_too(tmp_path: Path) -> None:
    path = tmp_path / "j.db"
    old = os.umask(0o022)
    try:
        connection = open_journal(str(path), chosen=True)
        with connection.write() as conn:
            conn.execute("INSERT INTO nudges (kind, created_at) VALUES ('x', 'y')")
            side = [p for p in tmp_path.iterdir() if p.name.startswith("j.db-")]
            assert side, "a rollback journal exists during a write"
            assert all(mode(p) == 0o600 for p in side)
        connection.close()
    finally:
        os.umask(old)


def test_schema_has_every_table_and_index(tmp_path: Path) -> None:
    connection = open_journal(str(tmp_path / "j.db"), chosen=True)
    conn = connection.conn
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    for table in (
        "profile",
        "org_goals",
        "motivation",
        "mandate",
        "goals",
        "goal_progress",
        "weeks",
        "priorities",
        "can_wait",
        "energy_logs",
        "energy_tags",
        "reflections",
        "reflection_answers",
        "leader_requests",
        "feedback_given",
        "nudges",
        "settings",
    ):
        assert table in tables
    indexes = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='index'")}
    assert {"priorities_week", "energy_logs_date", "energy_tags_tag"} <= indexes
    assert conn.execute("PRAGMA user_version").fetchone()[0] == CURRENT_VERSION == len(MIGRATIONS)
    plan = conn.execute(
        "EXPLAIN QUERY PLAN SELECT * FROM energy_logs WHERE local_date BETWEEN ? AND ?",
        ("2026-01-01", "2026-02-01"),
    ).fetchall()
    assert "energy_logs_date" in str(plan)
    connection.close()


def make_v1_journal(path: Path) -> None:
    """A journal as the first release made it: base schema, no indexes, with data."""
    from sqlite_utils import Database

    conn = sqlite3.connect(path, isolation_level=None)
    migration_set().apply(Database(conn), stop_before="m002_window_indexes")
    conn.execute(
        "INSERT INTO goals (title, measure, due, status, created_at) "
        "VALUES ('Old goal', 'm', '2027-01-01', 'active', '2026-01-01T00:00:00+00:00')"
    )
    conn.close()
    os.chmod(path, 0o600)


def test_migration_keeps_data_and_backs_up_first(journal_path: Path) -> None:
    journal_path.parent.mkdir(parents=True)
    make_v1_journal(journal_path)
    assert sqlite3.connect(journal_path).execute("PRAGMA user_version").fetchone()[0] == 1
    result = run_cli("goal", "list", "--json")
    assert result.code == 0, result.err
    assert '"Old goal"' in result.out
    conn = sqlite3.connect(journal_path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == CURRENT_VERSION
    indexes = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='index'")}
    assert "priorities_week" in indexes
    backups = list((journal_path.parent / "backups").glob("journal-v1-pre-migration-*.db"))
    assert len(backups) == 1
    assert mode(backups[0]) == 0o600
    assert mode(backups[0].parent) == 0o700
    old = sqlite3.connect(backups[0])
    assert old.execute("PRAGMA user_version").fetchone()[0] == 1
    assert old.execute("SELECT title FROM goals").fetchall() == [("Old goal",)]


def test_newer_journal_is_refused_and_left_byte_identical(journal_path: Path) -> None:
    journal_path.parent.mkdir(parents=True)
    run_cli("goal", "add", "Keep me")
    conn = sqlite3.connect(journal_path)
    conn.execute(f"PRAGMA user_version = {CURRENT_VERSION + 1}")
    conn.close()
    before = digest(journal_path)
    files_before = tree(journal_path.parent)
    result = run_cli("goal", "add", "New")
    assert result.code == 1
    assert "newer selvleder" in result.err
    assert len(result.err.strip().splitlines()) == 1
    assert digest(journal_path) == before
    assert tree(journal_path.parent) == files_before


def test_journal_mode_follows_the_wal_reset_fix() -> None:
    assert choose_journal_mode((3, 40, 1))[0] == "delete"
    assert choose_journal_mode((3, 51, 2))[0] == "delete"
    assert choose_journal_mode((3, 51, 3))[0] == "wal"
    assert choose_journal_mode((3, 52, 0))[0] == "wal"
    assert choose_journal_mode((3, 50, 6))[0] == "delete"
    assert choose_journal_mode((3, 50, 7))[0] == "wal"
    assert choose_journal_mode((3, 44, 6))[0] == "wal"
    assert choose_journal_mode((3, 45, 0))[0] == "delete"


def test_pragmas_for_safe_writes(tmp_path: Path) -> None:
    connection = open_journal(str(tmp_path / "j.db"), chosen=True)
    conn = connection.conn
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 1000
    connection.close()


def test_a_file_that_is_not_a_journal_is_refused_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_bytes(b"these are my notes, not a database\n" * 100)
    before = digest(path)
    result = run_cli("--db", str(path), "goal", "list")
    assert result.code == 1
    assert "damaged" in result.err
    assert digest(path) == before


def test_xdg_data_home_is_respected(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert run_cli("goal", "add", "X").code == 0
    assert (tmp_path / "xdg" / "selvleder" / "journal.db").exists()


def test_paths_agree_with_platformdirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import platformdirs

    from selvleder import paths

    for value in (None, "", "   ", str(tmp_path / "x")):
        for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME"):
            if value is None:
                monkeypatch.delenv(var, raising=False)
            else:
                monkeypatch.setenv(var, value)
        assert paths.user_data_dir() == platformdirs.user_data_dir("selvleder", appauthor=False)
        assert paths.user_config_dir() == platformdirs.user_config_dir("selvleder", appauthor=False)
        assert paths.user_state_dir() == platformdirs.user_state_dir("selvleder", appauthor=False)
