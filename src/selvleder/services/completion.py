"""Ids for shell completion, read without opening the journal for work (see ``storage.peek``)."""

from __future__ import annotations


def completion_ids(db_option: str | None, kind: str) -> list[tuple[int, str, str | None]]:
    """The ids of ``kind`` in the journal ``--db``/``SELVLEDER_DB``/the default names."""
    from selvleder.paths import resolve_journal_path
    from selvleder.storage.peek import id_rows

    return id_rows(resolve_journal_path(db_option)[0], kind)
