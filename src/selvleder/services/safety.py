"""Backups, restore and erasure: the journal holds private notes people keep for years."""

from __future__ import annotations

import os
import sqlite3

from selvleder.errors import BadInput, JournalError
from selvleder.storage.connection import SIDE_SUFFIXES, backups_dir
from selvleder.storage.schema import CURRENT_VERSION

TYPE_CHECKING = False
if TYPE_CHECKING:
    from selvleder.storage.journal import Journal


def check_backup(path: str) -> int:
    """A backup that can be restored: an SQLite selvleder journal, intact, not from a newer
    release. Returns its schema version; refuses anything else (exit 2)."""
    if not os.path.isfile(path):
        raise BadInput("error.file_missing", path=path)
    from selvleder.storage.files import inspect_file

    facts = inspect_file(path)
    if (
        facts is None
        or not facts.intact
        or not {"goals", "energy_logs", "priorities"} <= facts.tables
    ):
        raise BadInput("error.backup_bad", path=path)
    version = facts.version
    if version > CURRENT_VERSION:
        raise BadInput("error.backup_newer", path=path, version=version, known=CURRENT_VERSION)
    return version


def restore(journal: Journal, backup: str) -> str:
    """Back up the current journal, then put the backup in its place in one step.
    Returns the path of the safety backup of the journal that was replaced."""
    check_backup(backup)
    from selvleder.services.backups import backup_journal

    safety = backup_journal(journal)
    target = journal.path
    temp = os.path.join(os.path.dirname(target), f".restore-{os.getpid()}.tmp.db")
    from selvleder.storage.files import copy_database

    try:
        fd = os.open(temp, os.O_CREAT | os.O_TRUNC | os.O_WRONLY, 0o600)
        os.close(fd)
        copy_database(backup, temp)
    except (sqlite3.Error, OSError) as exc:
        if os.path.exists(temp):
            os.unlink(temp)
        raise JournalError("error.restore_failed", detail=str(exc)) from exc
    journal.close()  # the old file's hot journal, if any, is rolled back by now
    with open(temp, "rb") as handle:
        os.fsync(handle.fileno())
    os.replace(temp, target)
    for suffix in SIDE_SUFFIXES:
        if os.path.exists(target + suffix):
            os.unlink(target + suffix)
    return safety


def forget_everything(journal: Journal) -> list[str]:
    """Erase every row (secure_delete on), compact the file and truncate the WAL, so
    no text is left in the journal's files; delete the journal's backups. Returns the
    backups deleted."""
    from selvleder.services.backups import list_backups

    with journal.write():
        journal.erase_all()
    from selvleder.storage.files import compact

    compact(journal.conn)
    removed = []
    for path in list_backups(journal.path):
        try:
            os.unlink(path)
            removed.append(path)
        except OSError:
            continue
    folder = backups_dir(journal.path)
    for name in os.listdir(folder) if os.path.isdir(folder) else []:
        if name.endswith((".tmp", "-journal", "-wal", "-shm")):
            try:
                os.unlink(os.path.join(folder, name))
            except OSError:
                continue
    return removed
