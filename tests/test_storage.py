"""The journal file: where it lives, its modes, migrations, the newer-schema refusal."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import old_journal, run_cli, tree
from selvleder.storage.connection import choose_journal_mode, open_journal
from selvleder.storage.schema import CURRENT_VERSION, migration_set, migrations


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
    assert conn.execute("PRAGMA user_version").fetchone()[0] == CURRENT_VERSION == len(migrations())
    plan = conn.execute(
        "EXPLAIN QUERY PLAN SELECT * FROM energy_logs WHERE local_date BETWEEN ? AND ?",
        ("2026-01-01", "2026-02-01"),
    ).fetchall()
    assert "energy_logs_date" in str(plan)
    connection.close()


def make_v1_journal(path: Path) -> None:
    """A journal as the first release made it: base schema, no indexes, with data."""
    conn = old_journal(path, "m002_window_indexes")
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
    applied = [r[0] for r in conn.execute("SELECT name FROM _sqlite_migrations ORDER BY id")]
    assert applied == [name for name, _ in migrations()]
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


def make_v2_journal(path: Path) -> None:
    """A journal as release 2 made it (rowid ids, no AUTOINCREMENT), with linked rows."""
    conn = old_journal(path, "m003_autoincrement_ids")
    stamp = "2026-01-05T08:00:00+00:00"
    for title in ("First", "Second", "Third"):
        conn.execute(
            "INSERT INTO goals (title, status, created_at) VALUES (?, 'active', ?)", (title, stamp)
        )
    conn.execute("DELETE FROM goals WHERE id = 2")
    conn.execute(
        "INSERT INTO goal_progress (goal_id, note, at, local_date) VALUES (3, 'Halfway', ?, ?)",
        (stamp, "2026-01-05"),
    )
    conn.execute(
        "INSERT INTO priorities (week, rank, title, status, goal_id, created_at) "
        "VALUES ('2026-W02', 1, 'Draft', 'planned', 3, ?)",
        (stamp,),
    )
    conn.execute(
        "INSERT INTO priorities (week, rank, title, status, carried_from, created_at) "
        "VALUES ('2026-W03', 1, 'Draft', 'planned', 1, ?)",
        (stamp,),
    )
    conn.execute(
        "INSERT INTO energy_logs (at, utc_offset, local_date, local_time, week, level) "
        "VALUES (?, 60, '2026-01-05', '09:00', '2026-W02', 4)",
        (stamp,),
    )
    conn.execute("INSERT INTO energy_tags (log_id, tag) VALUES (1, 'focus')")
    conn.execute(
        "INSERT INTO reflections (week, created_at, updated_at) VALUES ('2026-W02', ?, ?)",
        (stamp, stamp),
    )
    conn.execute(
        "INSERT INTO reflection_answers (week, tip, rating) VALUES ('2026-W02', 'plan', 4)"
    )
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 2
    conn.close()
    os.chmod(path, 0o600)


def table_rows(conn: sqlite3.Connection) -> dict[str, list[tuple[object, ...]]]:
    """Every row of the version-3 tables, in the version-3 columns (so a column a
    later version adds does not make the rows before and after differ)."""
    from selvleder.entities import ENTITIES
    from selvleder.storage.schema import REBUILD_VERSION

    found = {}
    for e in ENTITIES:
        if e.SINCE > REBUILD_VERSION:
            continue
        names = ", ".join(c.name for c in e.columns_at(REBUILD_VERSION))
        found[e.TABLE] = conn.execute(
            f"SELECT {names} FROM {e.TABLE} ORDER BY {e.ORDER}"
        ).fetchall()
    return found


def test_autoincrement_migration_keeps_rows_and_ids_and_never_reuses_an_id(
    journal_path: Path,
) -> None:
    journal_path.parent.mkdir(parents=True)
    make_v2_journal(journal_path)
    before = table_rows(sqlite3.connect(journal_path))
    assert run_cli("goal", "list").code == 0  # opening the journal migrates it
    conn = sqlite3.connect(journal_path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == CURRENT_VERSION
    assert table_rows(conn) == before
    schema = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'goals'").fetchone()[0]
    assert "AUTOINCREMENT" in schema
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    indexes = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='index'")}
    assert {"priorities_week", "goal_progress_goal", "energy_tags_tag"} <= indexes
    conn.close()
    # foreign keys still act: deleting a goal cascades to its notes and unlinks its priorities
    assert run_cli("goal", "add", "Fourth").code == 0
    conn = sqlite3.connect(journal_path)
    assert conn.execute("SELECT id FROM goals ORDER BY id").fetchall() == [(1,), (3,), (4,)]
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("DELETE FROM goals WHERE id = 4")
    conn.execute("DELETE FROM goals WHERE id = 3")
    assert conn.execute("SELECT count(*) FROM goal_progress").fetchone()[0] == 0
    assert conn.execute("SELECT goal_id FROM priorities WHERE id = 1").fetchone()[0] is None
    conn.commit()
    conn.close()
    # the deleted highest id (4) is not handed out again
    assert run_cli("goal", "add", "Fifth").code == 0
    conn = sqlite3.connect(journal_path)
    assert conn.execute("SELECT id, title FROM goals ORDER BY id").fetchall() == [
        (1, "First"),
        (5, "Fifth"),
    ]
    backups = list((journal_path.parent / "backups").glob("journal-v2-pre-migration-*.db"))
    assert len(backups) == 1


def test_a_failed_migration_leaves_the_journal_as_it_was(
    journal_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    journal_path.parent.mkdir(parents=True)
    make_v2_journal(journal_path)
    conn = sqlite3.connect(journal_path)
    # a row the rebuilt table refuses (a level outside 1-5, written past the old CHECK)
    conn.execute("PRAGMA ignore_check_constraints = ON")
    conn.execute(
        "INSERT INTO energy_logs (at, utc_offset, local_date, local_time, week, level) "
        "VALUES ('2026-01-06T08:00:00+00:00', 60, '2026-01-06', '09:00', '2026-W02', 9)"
    )
    conn.commit()
    conn.close()
    before = table_rows(sqlite3.connect(journal_path))
    result = run_cli("goal", "list")
    assert result.code == 1
    conn = sqlite3.connect(journal_path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 2
    assert table_rows(conn) == before


def schema_facts(path: Path) -> dict[str, object]:
    conn = sqlite3.connect(path)
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return {
            "version": conn.execute("PRAGMA user_version").fetchone()[0],
            "applied": [r[0] for r in conn.execute("SELECT name FROM _sqlite_migrations")],
            "columns": {
                t: conn.execute(f"PRAGMA table_xinfo({t})").fetchall() for t in sorted(tables)
            },
            "foreign_keys": {
                t: conn.execute(f"PRAGMA foreign_key_list({t})").fetchall() for t in sorted(tables)
            },
            "indexes": sorted(
                conn.execute(
                    "SELECT name, tbl_name, sql FROM sqlite_master WHERE type='index'"
                ).fetchall()
            ),
            "autoincrement": sorted(
                r[0]
                for r in conn.execute("SELECT name, sql FROM sqlite_master WHERE type='table'")
                if "AUTOINCREMENT" in (r[1] or "")
            ),
        }
    finally:
        conn.close()


def test_a_new_journal_has_the_schema_that_every_migration_in_turn_builds(tmp_path: Path) -> None:
    from sqlite_utils import Database

    created = tmp_path / "new.db"
    open_journal(str(created), chosen=True).close()
    migrated = tmp_path / "migrated.db"
    conn = sqlite3.connect(migrated, isolation_level=None)
    migration_set().apply(Database(conn))
    conn.close()
    assert schema_facts(created) == schema_facts(migrated)
    assert schema_facts(created)["version"] == CURRENT_VERSION
    # sqlite-utils reads the record the new journal was given: nothing is pending
    conn = sqlite3.connect(created)
    migrations_ = migration_set()
    applied = [m.name for m in migrations_.applied(Database(conn))]
    assert applied == [name for name, _ in migrations()]
    assert migrations_.pending(Database(conn)) == []
    master = "SELECT type, name, sql FROM sqlite_master WHERE name LIKE '%sqlite_migrations%'"
    made_by_sqlite_utils = sqlite3.connect(migrated).execute(master).fetchall()
    assert sorted(conn.execute(master).fetchall()) == sorted(made_by_sqlite_utils)
    conn.close()


def test_a_new_journal_is_made_without_importing_sqlite_utils(tmp_path: Path) -> None:
    code = (
        "import sys; from selvleder.storage.connection import open_journal;"
        f"open_journal({str(tmp_path / 'j.db')!r}, chosen=True).close();"
        "print('sqlite_utils' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "False", result.stderr


def test_a_v3_journal_gains_the_carried_from_index_and_keeps_its_rows(journal_path: Path) -> None:
    """m004 adds the index ON DELETE SET NULL needs: without it deleting the priorities
    of a 10-year journal (forget --all) scans the table once per deleted row."""
    journal_path.parent.mkdir(parents=True)
    conn = old_journal(journal_path, "m004_add_priorities_carried_from")
    conn.execute(
        "INSERT INTO priorities (week, rank, title, created_at) "
        "VALUES ('2026-W01', 1, 'First', '2026-01-01T00:00:00+00:00')"
    )
    conn.execute(
        "INSERT INTO priorities (week, rank, title, carried_from, created_at) "
        "VALUES ('2026-W02', 1, 'First', 1, '2026-01-08T00:00:00+00:00')"
    )
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 3
    conn.close()
    os.chmod(journal_path, 0o600)
    before = table_rows(sqlite3.connect(journal_path))
    assert run_cli("goal", "list").code == 0  # opening the journal migrates it
    conn = sqlite3.connect(journal_path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == CURRENT_VERSION
    assert table_rows(conn) == before
    plan = conn.execute(
        "EXPLAIN QUERY PLAN SELECT id FROM priorities WHERE carried_from = ?", (1,)
    ).fetchall()
    assert "priorities_carried_from" in str(plan)
    applied = [r[0] for r in conn.execute("SELECT name FROM _sqlite_migrations ORDER BY id")]
    assert applied[3] == "m004_add_priorities_carried_from"
    conn.close()
    assert list((journal_path.parent / "backups").glob("journal-v3-pre-migration-*.db"))
    assert run_cli("forget", "--all", "--yes").code == 0
    conn = sqlite3.connect(journal_path)
    assert conn.execute("SELECT count(*) FROM priorities").fetchone()[0] == 0
    conn.close()
