"""Writing files the product makes: 0600, atomic (temp file, fsync, rename).

An existing file is replaced only with ``force``; otherwise the caller gets a
``BadInput`` and the old file is untouched.
"""

from __future__ import annotations

import os

from selvleder.errors import BadInput, JournalError


def check_writable_target(path: str, *, force: bool) -> None:
    """Refuse before any work is done: an existing file without force, a missing folder."""
    if os.path.exists(path) and not force:
        raise BadInput("error.file_exists", path=path)
    folder = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(folder):
        raise BadInput("error.folder_missing", path=folder)


def write_private_file(path: str, data: bytes, *, force: bool) -> None:
    check_writable_target(path, force=force)
    folder = os.path.dirname(os.path.abspath(path))
    import tempfile  # only when a file is written: every command imports this module

    try:
        fd, tmp = tempfile.mkstemp(prefix=".selvleder-", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise JournalError("error.write_failed", path=path, detail=exc.strerror or "") from exc
    try:
        with os.fdopen(fd, "wb") as handle:
            os.fchmod(handle.fileno(), 0o600)
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if not force and os.path.exists(path):
            raise BadInput("error.file_exists", path=path)
        os.replace(tmp, path)
    except BaseException as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(exc, OSError):
            raise JournalError("error.write_failed", path=path, detail=exc.strerror or "") from exc
        raise
    try:
        dir_fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
    except OSError:
        pass
