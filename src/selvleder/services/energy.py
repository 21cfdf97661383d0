"""Energy logs in the journal: the quick log, the window read, undo and delete."""

from __future__ import annotations

from selvleder.domain.energy import EnergyEntry, Log, window
from selvleder.domain.energy_row import energy_row
from selvleder.errors import BadInput

TYPE_CHECKING = False
if TYPE_CHECKING:
    from datetime import date

    from selvleder.domain.models import Profile
    from selvleder.storage.connection import Connection
    from selvleder.storage.journal import Journal, Row


def log_energy(connection: Connection, entry: EnergyEntry) -> int:
    """Store one log and its tags in one transaction; return its id."""
    from selvleder.storage.journal import insert_energy_log

    row = energy_row(None, entry.at, entry.level, entry.note)
    with connection.write() as conn:
        return insert_energy_log(conn, row, entry.tags)


def logs_in_window(journal: Journal, weeks: int, today: date) -> list[Log]:
    first, last = window(weeks, today)
    with journal.read():
        return journal.energy_logs(first.isoformat(), last.isoformat())


def show_window(
    journal: Journal, weeks: int, today: date, with_profile: bool
) -> tuple[list[Log], Profile | None]:
    """``energy show``: the window's logs and (for the text view) the profile, in one read."""
    first, last = window(weeks, today)
    with journal.read():
        logs = journal.energy_logs(first.isoformat(), last.isoformat())
        return logs, journal.profile() if with_profile else None


def undo_last(journal: Journal) -> Row:
    with journal.write():
        last = journal.last_energy_log()
        if last is None:
            raise BadInput("error.energy_nothing_to_undo")
        journal.delete_energy_log(int(last["id"]))
        return last


def delete_log(journal: Journal, log_id: int) -> Row:
    from selvleder.domain.text import check_id

    check_id(log_id, "energy")
    with journal.write():
        row = journal.energy_log(log_id)
        if row is None:
            raise BadInput("error.energy_unknown", id=log_id)
        journal.delete_energy_log(log_id)
        return row
