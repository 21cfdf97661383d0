"""How failures become one translated line on stderr and an exit code.

Shared by the Typer app's exit point (``cli.app.run``) and the quick path
(``quick.py``), both through ``context.run_command``, so both report errors
the same way. Never raises.
"""

from __future__ import annotations

import os
import sys

from selvleder.errors import BAD_INPUT, ENVIRONMENT, SelvlederError
from selvleder.paths import ENV_DEBUG

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from selvleder.i18n import Messages
    from selvleder.message_keys import MessageKey

ABORTED = 130


class ShownFailure(Exception):
    """A failure the command has already shown in its own output (``doctor``'s checklist
    with a problem on it): the exit point writes nothing more and returns exit 1."""

    exit_code = ENVIRONMENT


class OutputFailed(Exception):
    """Writing the command's output failed (stdout closed, full or gone away): raised by
    ``GuardedOutput``, so the exit point can tell it from a failure of the command."""

    def __init__(self, cause: BaseException) -> None:
        super().__init__(str(cause))
        self.cause = cause


class GuardedOutput:
    """stdout for the executable: a write or flush that fails raises ``OutputFailed``; text
    the stream's encoding cannot show is replaced (never fatal). ``closed``: stdout was
    closed when the program started (``>&-``); it writes into /dev/null and fails the
    first time something is printed."""

    def __init__(self, stream: Any, closed: bool = False) -> None:
        self._stream = stream
        self._closed = closed
        try:
            stream.reconfigure(errors="replace")
        except (AttributeError, ValueError, OSError):
            pass

    def write(self, text: str) -> int:
        if self._closed and text:
            import errno

            raise OutputFailed(OSError(errno.EBADF, os.strerror(errno.EBADF)))
        try:
            return int(self._stream.write(text))
        except BrokenPipeError:
            raise
        except (OSError, ValueError) as exc:
            raise OutputFailed(exc) from exc

    def flush(self) -> None:
        try:
            self._stream.flush()
        except BrokenPipeError:
            raise
        except (OSError, ValueError) as exc:
            raise OutputFailed(exc) from exc

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def debug_enabled(flag: bool = False) -> bool:
    return flag or os.environ.get(ENV_DEBUG, "") not in ("", "0")


def write_error(
    t: Messages, key: MessageKey, params: dict[str, object], exc: BaseException, debug: bool
) -> None:
    from selvleder.render.text import one_line

    if debug:
        import traceback

        traceback.print_exception(exc)
    if params.get("path") == "-":  # '-' as FILE: say standard input, not a lone dash
        params = {**params, "path": t("file.stdin")}
    try:
        text = t(key, **params)
    except (
        KeyError,
        IndexError,
        ValueError,
    ):  # a mismatched {name} in a message must not hide the error
        text = f"{key} {params}"
    sys.stderr.write(one_line(text) + "\n")


def failure_text(t: Messages, exc: BaseException) -> str:
    """The one line ``report`` would show for ``exc``, in words (``remind run`` writes it
    to remind.log, where a message key would mean nothing to the reader)."""
    import contextlib
    import io

    said = io.StringIO()
    with contextlib.redirect_stderr(said):
        report(t, exc, False)
    return " ".join(said.getvalue().split())


def report(t: Messages, exc: BaseException, debug: bool) -> int:
    """Show a failure the CLI framework does not own; return its exit code."""
    if isinstance(exc, ShownFailure):
        return exc.exit_code
    if isinstance(exc, OutputFailed):
        return output_failed(t, exc, debug)
    if isinstance(exc, SelvlederError):
        write_error(t, exc.key, exc.params, exc, debug)
        return exc.exit_code
    if isinstance(exc, KeyboardInterrupt):
        write_error(t, "error.aborted", {}, exc, debug)
        return ABORTED
    if isinstance(exc, BrokenPipeError):
        quiet_stdout()
        return 0
    import sqlite3

    if isinstance(exc, sqlite3.Error):
        from selvleder.storage.connection import translate_error

        error = translate_error(exc)
        write_error(t, error.key, error.params, exc, debug)
        return ENVIRONMENT
    if isinstance(exc, OSError):
        write_error(t, "error.os", {"detail": exc.strerror or str(exc)}, exc, debug)
        return ENVIRONMENT
    write_error(t, "error.unexpected", {"kind": type(exc).__name__}, exc, debug)
    return ENVIRONMENT


def output_failed(t: Messages, exc: OutputFailed, debug: bool) -> int:
    """Printing failed. After a save the command did its work: exit 0, and say on stderr
    (when it can) that the data was saved, so a script that retries on failure does not
    save twice. Before any save: exit 1."""
    from selvleder.files import SAVED

    cause = exc.cause
    detail = (cause.strerror if isinstance(cause, OSError) else None) or str(cause)
    quiet_stdout()
    try:
        if SAVED:
            write_error(t, "output.saved_not_shown", {"detail": detail}, exc, debug)
            return 0
        write_error(t, "error.output_failed", {"detail": detail}, exc, debug)
    except Exception:  # stderr is gone too: the exit code says it
        pass
    return ENVIRONMENT


def failed(code: int) -> bool:
    """Codes after which a journal created by this run is removed again."""
    return code in (BAD_INPUT, ENVIRONMENT, ABORTED)


def quiet_stdout() -> None:
    """Point stdout at /dev/null, so what could not be written is not tried again at exit."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass
