"""Opening the journal: file modes, journal mode, busy timeout, migrations.

Every command opens the journal through ``open_journal``. It creates the file
on first use (0600 in a 0700 folder whatever the umask), refuses a journal
from a newer release before touching it, and migrates an older one after
backing it up. sqlite-utils is imported only when an existing journal needs a
migration (a new one is made from the declarations directly), so an ordinary
run costs no more than ``sqlite3`` itself.
"""

from __future__ import annotations

import os
import sqlite3
import stat

from selvleder.errors import BadInput, JournalError
from selvleder.paths import BACKUP_DIR, ensure_private_dir
from selvleder.storage.schema import current_version

TYPE_CHECKING = False
if TYPE_CHECKING:
    from selvleder.message_keys import MessageKey

BUSY_TIMEOUT_ENV = "SELVLEDER_BUSY_TIMEOUT_MS"
DEFAULT_BUSY_TIMEOUT_MS = 15_000
SIDE_SUFFIXES = ("-wal", "-shm", "-journal")

# The WAL-reset bug (a checkpoint racing a writer could lose a transaction)
# is fixed in 3.51.3 and backported to 3.50.7 and 3.44.6.
WAL_SAFE_FROM = ((3, 51, 3), (3, 50, 7), (3, 44, 6))


def sqlite_version() -> tuple[int, int, int]:
    major, minor, patch = (int(p) for p in sqlite3.sqlite_version.split(".")[:3])
    return major, minor, patch


def choose_journal_mode(version: tuple[int, int, int]) -> tuple[str, MessageKey]:
    """('wal' | 'delete', reason key) for an SQLite library version."""
    newest = WAL_SAFE_FROM[0]
    if version >= newest or any(
        version[:2] == fixed[:2] and version >= fixed for fixed in WAL_SAFE_FROM[1:]
    ):
        return "wal", "journal_mode.wal_safe"
    return "delete", "journal_mode.wal_reset_bug"


def busy_timeout_ms() -> int:
    try:
        return max(0, int(os.environ.get(BUSY_TIMEOUT_ENV, DEFAULT_BUSY_TIMEOUT_MS)))
    except ValueError:
        return DEFAULT_BUSY_TIMEOUT_MS


class Connection:
    """One open journal: the sqlite3 connection and where it lives."""

    def __init__(self, conn: sqlite3.Connection, path: str, made: list[str]) -> None:
        self.conn = conn
        self.path = path
        self.made = made  # what opening created; removed again if the command fails
        self.identity = _identity(path)
        self.tidied = False

    def write(self) -> Transaction:
        if _identity(self.path) != self.identity:
            # a restore put another file in its place while this run was open (a guided
            # flow left open): writing would go into the replaced file, or fail as read-only
            raise JournalError("error.journal_replaced")
        if not self.tidied:  # the first write of a run removes what killed runs left here
            from selvleder.files import remove_leftovers

            self.tidied = True
            remove_leftovers(os.path.dirname(os.path.realpath(self.path)))
        return Transaction(self.conn, "BEGIN IMMEDIATE")

    def read(self) -> Transaction:
        return Transaction(self.conn, "BEGIN")

    def close(self) -> None:
        self.conn.close()


class Transaction:
    """``with`` block: one transaction, committed on success, rolled back on error."""

    def __init__(self, conn: sqlite3.Connection, begin: str) -> None:
        self.conn = conn
        self.begin = begin

    def __enter__(self) -> sqlite3.Connection:
        try:
            self.conn.execute(self.begin)
        except sqlite3.Error as exc:
            raise translate_error(exc) from exc
        return self.conn

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        if exc_type is None:
            try:
                self.conn.execute("COMMIT")
                if self.begin == "BEGIN IMMEDIATE":
                    from selvleder.files import mark_saved

                    mark_saved("journal")
                return
            except sqlite3.Error as error:
                self._rollback()
                raise translate_error(error) from error
        self._rollback()
        if isinstance(exc, sqlite3.Error):
            raise translate_error(exc) from exc

    def _rollback(self) -> None:
        if self.conn.in_transaction:
            try:
                self.conn.execute("ROLLBACK")
            except sqlite3.Error:
                pass


def _identity(path: str) -> tuple[int, int] | None:
    """The file a path names (through links): device and inode."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_dev, st.st_ino


# SQLite's extended result codes that mean "another process", not "read-only file"
_READONLY_MOVED = 1032  # SQLITE_READONLY_DBMOVED: the file was replaced (a restore)
_READONLY_BUSY = frozenset((264, 520, 1288))  # READONLY_RECOVERY, _CANTLOCK, _CANTINIT


def translate_error(exc: sqlite3.Error) -> JournalError:
    """An sqlite3 error as the user-facing journal error it stands for."""
    code = getattr(exc, "sqlite_errorcode", None)
    if code == _READONLY_MOVED:
        return JournalError("error.journal_replaced")
    if code in _READONLY_BUSY:
        return JournalError("error.journal_locked")
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return JournalError("error.journal_locked")
    if "disk is full" in text or "database or disk is full" in text:
        return JournalError("error.journal_full")
    if "readonly" in text or "read-only" in text or "unable to open" in text:
        return JournalError("error.journal_readonly")
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return JournalError("error.journal_corrupt")
    if "disk i/o" in text:
        return JournalError("error.journal_io")
    return JournalError("error.journal_failed", detail=str(exc))


def _create_file(path: str, chosen: bool) -> list[str]:
    """Create an empty 0600 journal file; return what was made (folders, file)."""
    folder = os.path.dirname(path)
    made: list[str] = []
    if chosen:
        if not os.path.isdir(folder):
            raise BadInput("error.db_folder_missing", path=folder)
    else:
        try:
            made = ensure_private_dir(folder)
        except OSError as exc:
            raise JournalError("error.journal_unwritable", path=folder) from exc
    try:
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except FileExistsError:
        return made
    except OSError as exc:
        remove_created(made)
        raise JournalError("error.journal_unwritable", path=path) from exc
    os.close(fd)
    os.chmod(path, 0o600)
    return [*made, path]


def remove_created(made: list[str]) -> None:
    """Undo a first use: remove the journal (and side files) and folders this run made."""
    for item in reversed(made):
        try:
            if os.path.isdir(item):
                os.rmdir(item)
            else:
                for candidate in (item, *(item + s for s in SIDE_SUFFIXES)):
                    if os.path.exists(candidate):
                        os.unlink(candidate)
        except OSError:
            continue


def make_private(path: str) -> None:
    """Journal, side files and backups are private (SQLite copies the mode to side files):
    what others may do is taken away; what the owner may do is the owner's choice, so a
    journal made read-only (0444) becomes 0400, never writable again (0600)."""
    for candidate in (path, *(path + s for s in SIDE_SUFFIXES)):
        try:
            mode = stat.S_IMODE(os.stat(candidate).st_mode)
            if mode & 0o077:
                os.chmod(candidate, mode & 0o700)
        except FileNotFoundError:
            continue
        except PermissionError:
            continue


def open_journal(path: str, *, chosen: bool = False, create: bool = True) -> Connection:
    """Open (and on first use create) the journal at ``path``.

    Raises ``JournalError`` (exit 1) for a journal that cannot be used and
    leaves such a file byte-identical.
    """
    existed = os.path.exists(path)
    if existed and not os.path.isfile(path):
        raise BadInput("error.db_not_file", path=path)
    made: list[str] = []
    if not existed:
        if not create:
            raise JournalError("error.journal_missing", path=path)
        made = _create_file(path, chosen)
    try:
        conn = sqlite3.connect(
            path, timeout=busy_timeout_ms() / 1000, isolation_level=None, check_same_thread=False
        )
    except sqlite3.Error as exc:
        remove_created(made)
        raise translate_error(exc) from exc
    try:
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        known = current_version()
        if version > known:
            raise JournalError("error.journal_newer", version=version, known=known)
        if version > 0 or existed:
            make_private(path)
        conn.execute(f"PRAGMA busy_timeout = {busy_timeout_ms():d}")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA secure_delete = ON")
        _set_journal_mode(conn)
        if version < known:
            _migrate(conn, path, version, known)
        make_private(path)
    except sqlite3.Error as exc:
        conn.close()
        remove_created(made)
        raise translate_error(exc) from exc
    except BaseException:
        conn.close()
        remove_created(made)
        raise
    return Connection(conn, path, made)


def _set_journal_mode(conn: sqlite3.Connection) -> None:
    wanted, _reason = choose_journal_mode(sqlite_version())
    current = str(conn.execute("PRAGMA journal_mode").fetchone()[0]).lower()
    if current != wanted:
        conn.execute(f"PRAGMA journal_mode = {wanted}")


def _migrate(conn: sqlite3.Connection, path: str, version: int, known: int) -> None:
    from selvleder.storage.schema import create_new

    if version > 0:
        backup_before_migration(conn, path, version)
    # A migration that rebuilds a table drops the old one: with foreign keys on,
    # that would cascade. They are off while migrating and checked before the commit.
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute("BEGIN IMMEDIATE")
    try:
        # Another process may have migrated while we waited for the lock.
        current = int(conn.execute("PRAGMA user_version").fetchone()[0])
        if current == 0 and conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 0:
            create_new(conn)
        elif current < known:
            from sqlite_utils import Database

            from selvleder.storage.schema import migration_set

            migration_set().apply(Database(conn))
            broken = conn.execute("PRAGMA foreign_key_check").fetchone()
            if broken is not None:
                raise JournalError("error.journal_failed", detail=f"foreign key {tuple(broken)}")
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    finally:
        conn.execute("PRAGMA foreign_keys = ON")


def backups_dir(journal_path: str) -> str:
    return os.path.join(os.path.dirname(journal_path), BACKUP_DIR)


def backup_before_migration(conn: sqlite3.Connection, path: str, version: int) -> str:
    import time

    stamp = time.strftime("%Y%m%d-%H%M%S")
    stem = os.path.splitext(os.path.basename(path))[0]
    target = os.path.join(backups_dir(path), f"{stem}-v{version}-pre-migration-{stamp}.db")
    return backup_to(conn, target)


def backup_to(conn: sqlite3.Connection, target: str, *, force: bool = False) -> str:
    """Copy the live journal with SQLite's backup API to a new 0600 file (through an
    exclusive temp file: ``files.write_private_with``)."""
    from selvleder.files import mark_saved, write_private_with
    from selvleder.storage.files import backup_into

    ensure_private_dir(os.path.dirname(os.path.abspath(target)))
    try:
        write_private_with(target, lambda tmp: backup_into(conn, tmp), force=force)
    except sqlite3.Error as exc:
        raise translate_error(exc) from exc
    mark_saved(target)
    return target
