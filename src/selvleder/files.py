"""Writing files the product makes: 0600, atomic, never through someone else's name.

Every file the product writes (exports, backups, calendars, drafts, restore's
copy, config) goes through ``write_private_with``: a temp file created with
``O_CREAT | O_EXCL | O_NOFOLLOW`` under a random name in the target's folder
(so a symlink or an existing file at a temp name is never followed or
destroyed), 0600, filled, fsynced, then renamed over the target. Temp files
carry one recognisable prefix and the writer's process id, so one left by a
killed run is found (``leftover_temps``) and removed by the next run that
writes there, by ``forget``, and named by ``doctor``.

An existing file is replaced only with ``force``; otherwise the caller gets a
``BadInput`` and the old file is untouched. A folder is never a target.
"""

from __future__ import annotations

import os

from selvleder.errors import BadInput, JournalError

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import BinaryIO

TEMP_PREFIX = ".selvleder-"
TEMP_MARK = ".tmp"
# temp names of earlier releases (restore's and demo's copies), removed the same way
LEGACY_PREFIXES = (".restore-", ".demo-")

# Set once anything the user asked for was saved (a committed journal transaction, a
# written file): after that, a failure to print is not a failure of the command.
SAVED: list[str] = []


def mark_saved(what: str) -> None:
    SAVED.append(what)


def check_writable_target(path: str, *, force: bool) -> None:
    """Refuse before any work is done: a folder, an existing file without force, a missing
    folder."""
    if os.path.isdir(path):
        raise BadInput("error.file_is_folder", path=path)
    if os.path.lexists(path) and not force:
        raise BadInput("error.file_exists", path=path)
    if os.path.exists(path) and not os.path.isfile(path):
        raise BadInput("error.db_not_file", path=path)  # a device or pipe is never replaced
    folder = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(folder):
        raise BadInput("error.folder_missing", path=folder)


def _pid_of(name: str) -> int | None:
    """The process id in a temp name (``.selvleder-PID-RANDOM.tmp…``); None when not one."""
    for prefix in (TEMP_PREFIX, *LEGACY_PREFIXES):
        if name.startswith(prefix) and TEMP_MARK in name:
            head = name[len(prefix) :].split("-", 1)[0].split(".", 1)[0]
            return int(head) if head.isdigit() else 0
    return None


def _running(pid: int) -> bool:
    if pid <= 0:
        return False
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # another user's process: alive
    return True


def leftover_temps(folder: str) -> list[str]:
    """Temp files in ``folder`` left by runs that are no longer running."""
    try:
        names = os.listdir(folder)
    except OSError:
        return []
    found = []
    for name in names:
        pid = _pid_of(name)
        if pid is not None and not _running(pid):
            found.append(os.path.join(folder, name))
    return sorted(found)


def remove_leftovers(folder: str) -> list[str]:
    """Remove the temp files killed runs left in ``folder``; returns what was removed."""
    removed = []
    for path in leftover_temps(folder):
        try:
            if os.path.isdir(path) and not os.path.islink(path):
                continue
            os.unlink(path)
            removed.append(path)
        except OSError:
            continue
    return removed


def create_temp(folder: str) -> str:
    """A new empty 0600 file under a random name in ``folder``, created exclusively."""
    import secrets

    flags = os.O_CREAT | os.O_EXCL | os.O_WRONLY | getattr(os, "O_NOFOLLOW", 0)
    for _ in range(100):
        path = os.path.join(folder, f"{TEMP_PREFIX}{os.getpid()}-{secrets.token_hex(8)}{TEMP_MARK}")
        try:
            fd = os.open(path, flags, 0o600)
        except FileExistsError:
            continue
        try:
            os.fchmod(fd, 0o600)
        finally:
            os.close(fd)
        return path
    raise FileExistsError(folder)


def _unlink_temp(path: str) -> None:
    for candidate in (path, path + "-journal", path + "-wal", path + "-shm"):
        try:
            os.unlink(candidate)
        except OSError:
            continue


def write_private_with(
    path: str, fill: Callable[[str], None], *, force: bool, follow: bool = False
) -> str:
    """Write ``path`` through an exclusive temp file that ``fill(temp_path)`` fills.

    ``follow``: when ``path`` is a symlink, replace the file it points to (restore of a
    journal the user keeps behind a link); otherwise the link itself is replaced. Returns
    the path written. Failures remove the temp file: ``BadInput`` for a bad target,
    ``JournalError`` for the system's refusal."""
    check_writable_target(path, force=force)
    target = os.path.realpath(path) if follow else os.path.abspath(path)
    folder = os.path.dirname(target)
    remove_leftovers(folder)
    try:
        tmp = create_temp(folder)
    except OSError as exc:
        raise JournalError("error.write_failed", path=path, detail=exc.strerror or "") from exc
    try:
        fill(tmp)
        fd = os.open(tmp, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
        try:
            os.fchmod(fd, 0o600)
            os.fsync(fd)
        finally:
            os.close(fd)
        if not force and os.path.lexists(path):
            raise BadInput("error.file_exists", path=path)
        if os.path.isdir(target):
            raise BadInput("error.file_is_folder", path=path)
        os.replace(tmp, target)
    except BaseException as exc:
        _unlink_temp(tmp)
        if isinstance(exc, OSError):
            raise JournalError("error.write_failed", path=path, detail=exc.strerror or "") from exc
        raise
    _unlink_temp_sides(tmp)
    _sync_folder(folder)
    return target


def _unlink_temp_sides(tmp: str) -> None:
    for suffix in ("-journal", "-wal", "-shm"):
        try:
            os.unlink(tmp + suffix)
        except OSError:
            continue


def _sync_folder(folder: str) -> None:
    try:
        dir_fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
    except OSError:
        pass


def write_private_file(path: str, data: bytes, *, force: bool) -> None:
    def fill(tmp: str) -> None:
        fd = os.open(tmp, os.O_WRONLY | getattr(os, "O_NOFOLLOW", 0))
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()

    write_private_with(path, fill, force=force)
    mark_saved(path)


# -- reading the files users give (plan, answers, import, config) ---------------------------

MAX_USER_FILE = 10 * 1024 * 1024  # bytes
MAX_DEPTH = 32  # levels of nesting (tables, arrays, objects, dotted keys)


def read_bounded(path: str, limit: int = MAX_USER_FILE, handle: BinaryIO | None = None) -> bytes:
    """A user's file (or ``handle``, standard input), refused (``error.file_too_big``, exit 2)
    before it is read whole when it is over ``limit`` bytes; a device such as /dev/zero stops
    at the limit. Other failures are the ``OSError`` for the caller's own message."""
    if handle is not None:
        return _read_limited(handle, path, limit)
    with open(path, "rb") as opened:
        return _read_limited(opened, path, limit)


def _read_limited(handle: BinaryIO, path: str, limit: int) -> bytes:
    import stat

    too_big = BadInput("error.file_too_big", path=path, limit=limit // (1024 * 1024))
    try:
        st = os.fstat(handle.fileno())
    except (OSError, ValueError, AttributeError):
        st = None
    if st is not None and stat.S_ISREG(st.st_mode) and st.st_size > limit:
        raise too_big
    raw = handle.read(limit + 1)
    if len(raw) > limit:
        raise too_big
    return bytes(raw)


def _too_deep(path: str) -> BadInput:
    return BadInput("error.file_too_deep", path=path, limit=MAX_DEPTH)


def check_nesting(text: str, path: str, *, toml: bool) -> None:
    """Refuse text nested deeper than ``MAX_DEPTH`` before a parser sees it: runs of opening
    brackets and (TOML) dotted keys, found by patterns that run in linear time (tomllib
    takes quadratic time and memory over a deep dotted key). ``nesting_of`` checks the
    parsed value for what these patterns cannot see."""
    import re

    if re.search(r"(?:[\[{]\s*){" + str(MAX_DEPTH + 1) + "}", text):
        raise _too_deep(path)
    if not toml:
        return
    # inline tables opened one inside another: "{a = {b = {c = ..."
    if re.search(r"(?:\{[^{}\n]{0,200}){" + str(MAX_DEPTH + 1) + "}", text):
        raise _too_deep(path)
    # dotted keys: the key of a line (before its first "="), a table header, and the keys
    # inside inline tables; each pattern stops at a character it cannot pass, so every
    # character is looked at a bounded number of times
    keys = (
        r"^[ \t]*([^=\n]*)=",
        r"^[ \t]*\[\[?([^\]\n,]*)\]",
        r"[{,]([^{},=\n]*)=",
    )
    for pattern in keys:
        for match in re.finditer(pattern, text, re.MULTILINE):
            if match.group(1).count(".") >= MAX_DEPTH:
                raise _too_deep(path)


def nesting_of(value: object) -> int:
    """The depth of a parsed value (a scalar is 0), walked without recursion."""
    deepest = 0
    stack: list[tuple[object, int]] = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            children: object = item.values()
        elif isinstance(item, list):
            children = item
        else:
            continue
        depth += 1
        if depth > deepest:
            deepest = depth
            if deepest > MAX_DEPTH:
                return deepest
        stack.extend((child, depth) for child in children if isinstance(child, dict | list))  # type: ignore[attr-defined]
    return deepest


def parse_bounded(text: str, path: str, *, toml: bool) -> object:
    """JSON or TOML text parsed with its nesting bounded (``error.file_too_deep``); the
    parser's own errors (``json.JSONDecodeError``, ``tomllib.TOMLDecodeError``) pass
    through for the caller's message."""
    if toml:  # json's C parser stops at the interpreter's recursion limit by itself
        check_nesting(text, path, toml=toml)
    try:
        if toml:
            import tomllib

            data: object = tomllib.loads(text)
        else:
            import json

            data = json.loads(text)
    except RecursionError:
        raise _too_deep(path) from None
    if nesting_of(data) > MAX_DEPTH:
        raise _too_deep(path)
    return data


def syntax_position(exc: ValueError, raw: bytes) -> tuple[int, int]:
    """Where a TOML file stops parsing, as (line, column): from tomllib's message, whose
    words are English (Python 3.11 gives no attributes), or from the byte a UTF-8 decode
    failed at; the end of the file when neither says."""
    import re

    if isinstance(exc, UnicodeDecodeError):
        before = raw[: exc.start]
        return before.count(b"\n") + 1, exc.start - (before.rfind(b"\n") + 1) + 1
    found = re.search(r"\(at line (\d+), column (\d+)\)", str(exc))
    if found:
        return int(found.group(1)), int(found.group(2))
    lines = raw.decode("utf-8", "replace").split("\n")
    return len(lines), len(lines[-1]) + 1
