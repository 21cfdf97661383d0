"""SQL on journal files as files: read-only inspection, copying, compaction.

Used by restore (is this backup sound?), demo (is this file a demo journal?)
and forget (leave no trace in the file).
"""

from __future__ import annotations

import sqlite3


class FileFacts:
    """What a read-only look at an SQLite file tells."""

    __slots__ = ("demo", "intact", "tables", "version")

    def __init__(self, version: int, intact: bool, tables: set[str], demo: bool) -> None:
        self.version = version
        self.intact = intact
        self.tables = tables
        self.demo = demo


def inspect_file(path: str) -> FileFacts | None:
    """Facts about an SQLite file, opened read-only; None when it is not one."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error:
        return None
    try:
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        intact = [r[0] for r in conn.execute("PRAGMA integrity_check").fetchall()] == ["ok"]
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        demo = False
        if "settings" in tables:
            demo = conn.execute("SELECT 1 FROM settings WHERE key = 'demo'").fetchone() is not None
        return FileFacts(version, intact, tables, demo)
    except sqlite3.Error:
        return None
    finally:
        conn.close()


def backup_into(src: sqlite3.Connection, target: str) -> None:
    """Copy the open database ``src`` with SQLite's backup API into the file ``target``
    (a temp file the caller made, 0600), left in rollback-journal mode."""
    dest = sqlite3.connect(target)
    try:
        src.backup(dest)
        dest.execute("PRAGMA journal_mode = delete")
    finally:
        dest.close()


def copy_database(source: str, target: str) -> None:
    """Copy an SQLite file with the backup API into target (which must exist, 0600)."""
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        backup_into(src, target)
    finally:
        src.close()


def compact(conn: sqlite3.Connection) -> None:
    """After erasing: overwrite freed pages, rebuild the file, empty the WAL."""
    conn.execute("PRAGMA secure_delete = ON")
    conn.execute("VACUUM")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
