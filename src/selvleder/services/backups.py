"""Backups of the live journal (SQLite's backup API), listed by doctor."""

from __future__ import annotations

import os

from selvleder.domain.dates import now
from selvleder.storage.connection import backup_to, backups_dir

TYPE_CHECKING = False
if TYPE_CHECKING:
    from selvleder.storage.journal import Journal


def default_backup_path(journal_path: str) -> str:
    stem = os.path.splitext(os.path.basename(journal_path))[0]
    name = f"{stem}-{now().strftime('%Y%m%d-%H%M%S')}.db"
    path = os.path.join(backups_dir(journal_path), name)
    n = 1
    while os.path.exists(path):
        n += 1
        path = os.path.join(backups_dir(journal_path), name.replace(".db", f"-{n}.db"))
    return path


def backup_journal(journal: Journal, target: str | None = None, *, force: bool = False) -> str:
    return backup_to(journal.conn, target or default_backup_path(journal.path), force=force)


def list_backups(journal_path: str) -> list[str]:
    folder = backups_dir(journal_path)
    try:
        names = sorted(n for n in os.listdir(folder) if n.endswith(".db"))
    except OSError:
        return []
    return [os.path.join(folder, n) for n in names]
