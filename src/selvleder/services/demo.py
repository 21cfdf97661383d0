"""The demo journal on disk: recognised by its marker, written atomically."""

from __future__ import annotations

from datetime import date

from selvleder.domain.demo import build_demo_tables


def is_demo_journal(path: str) -> bool:
    """True when the file at path is a journal that demo made (read-only check)."""
    from selvleder.storage.files import inspect_file

    facts = inspect_file(path)
    return facts is not None and facts.demo


def write_demo(path: str, years: int, seed: int, today: date, lang: str, force: bool) -> None:
    """Build the demo journal in a temp file beside path, then put it in place."""
    import os

    from selvleder.errors import BadInput
    from selvleder.paths import ensure_private_dir
    from selvleder.storage.connection import SIDE_SUFFIXES
    from selvleder.storage.journal import Journal

    if not 1 <= years <= 30:
        raise BadInput("error.demo_years", value=years)
    if os.path.exists(path):
        if not is_demo_journal(path):
            raise BadInput("error.demo_not_demo", path=path)
        if not force:
            raise BadInput("error.demo_exists", path=path)
    folder = os.path.dirname(path)
    ensure_private_dir(folder)
    tables = build_demo_tables(years, seed, today, lang)
    from selvleder.files import mark_saved, write_private_with

    def fill(temp: str) -> None:
        journal = Journal.open(temp, chosen=True)
        try:
            with journal.write():
                journal.load(tables)
        finally:
            journal.close()
        for suffix in SIDE_SUFFIXES:
            if os.path.exists(temp + suffix):
                os.unlink(temp + suffix)

    write_private_with(path, fill, force=True)
    mark_saved(path)
