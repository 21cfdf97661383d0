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
    """Back up the current journal, then put the backup in its place in one step (the file
    the journal's path names: through a symlink, its target). Returns the path of the
    safety backup of the journal that was replaced."""
    check_backup(backup)
    from selvleder.files import mark_saved, write_private_with
    from selvleder.services.backups import backup_journal
    from selvleder.storage.files import copy_database

    safety = backup_journal(journal)
    target = os.path.realpath(journal.path)

    def fill(temp: str) -> None:
        try:
            copy_database(backup, temp)
        except sqlite3.Error as exc:
            raise JournalError("error.restore_failed", detail=str(exc)) from exc
        journal.close()  # the old file's hot journal, if any, is rolled back by now

    try:
        write_private_with(journal.path, fill, force=True, follow=True)
    except JournalError as exc:
        if exc.key == "error.write_failed":
            detail = str(exc.params.get("detail"))
            raise JournalError("error.restore_failed", detail=detail) from exc
        raise
    for suffix in SIDE_SUFFIXES:
        if os.path.exists(target + suffix):
            os.unlink(target + suffix)
    mark_saved(target)
    return safety


def leftover_files(journal_path: str) -> list[str]:
    """Temp files killed runs left beside the journal or among its backups."""
    from selvleder.files import leftover_temps

    folders = dict.fromkeys(
        (
            os.path.dirname(os.path.abspath(journal_path)),
            os.path.dirname(os.path.realpath(journal_path)),
            backups_dir(journal_path),
        )
    )
    return [path for folder in folders for path in leftover_temps(folder)]


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
    for path in leftover_files(journal.path):  # a killed restore's or export's copy
        try:
            os.unlink(path)
        except OSError:
            continue
    return removed
