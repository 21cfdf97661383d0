"""Export and import of the whole journal."""

from __future__ import annotations

from selvleder.domain.dates import now
from selvleder.errors import BadInput

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from selvleder.message_keys import MessageKey
    from selvleder.storage.journal import Journal


def export_document(journal: Journal) -> dict[str, Any]:
    from selvleder.export.json_export import build_document

    with journal.read():
        tables = journal.dump()
        version = journal.schema_version()
    return build_document(tables, version, now().isoformat(timespec="seconds"))


STDIN = "-"  # as FILE: standard input (import -, plan-week --from -, reflect --answers -)


def read_user_file(path: str) -> bytes:
    """Every file the user gives is read here, standard input (``-``) too: at most 10 MB
    (``files.read_bounded``)."""
    from selvleder.files import read_bounded

    try:
        if path == STDIN:
            import sys

            return read_bounded(path, handle=sys.stdin.buffer)
        return read_bounded(path)
    except FileNotFoundError:
        raise BadInput("error.file_missing", path=path) from None
    except IsADirectoryError:
        raise BadInput("error.file_is_folder", path=path) from None
    except OSError as exc:
        raise BadInput("error.file_unreadable", path=path, detail=exc.strerror or "") from None


def read_toml_file(path: str, syntax_key: MessageKey) -> dict[str, Any]:
    """A TOML file the user gave; unreadable or invalid TOML is refused with syntax_key,
    one too large or too deeply nested before it is parsed."""
    import tomllib

    from selvleder.files import parse_bounded

    raw = read_user_file(path)
    try:
        data = parse_bounded(raw.decode("utf-8"), path, toml=True)
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        from selvleder.files import syntax_position

        line, column = syntax_position(exc, raw)
        raise BadInput(syntax_key, path=path, line=line, column=column) from None
    assert isinstance(data, dict)
    return data


def load_import_file(path: str) -> dict[str, list[dict[str, Any]]]:
    """Read and validate a whole export file (before the journal is opened)."""
    from functools import partial

    from selvleder.domain.importing import parse_export, to_tables
    from selvleder.files import parse_bounded
    from selvleder.storage.schema import current_version

    parse = partial(parse_bounded, path=path, toml=False)
    return to_tables(parse_export(read_user_file(path), parse, current_version()))


def import_tables(
    journal: Journal, tables: dict[str, list[dict[str, Any]]], *, replace: bool
) -> tuple[int, str | None]:
    """Fill the journal from validated rows; returns (rows written, backup path)."""
    import sqlite3

    backup = None
    with journal.read():
        empty = journal.is_empty()
    if not empty:
        if not replace:
            raise BadInput("error.import_not_empty")
        from selvleder.services.backups import backup_journal

        backup = backup_journal(journal)
    with journal.write():
        if not journal.is_empty():
            if not replace:
                raise BadInput("error.import_not_empty")
            journal.erase_all()
        try:
            journal.load(tables)
        except sqlite3.IntegrityError as exc:
            # a constraint the file checks missed: the file's fault, exit 2, rolled back
            raise BadInput("error.import_integrity", detail=str(exc)) from None
        except OverflowError as exc:
            raise BadInput("error.import_integrity", detail=str(exc)) from None
    return sum(len(rows) for rows in tables.values()), backup
