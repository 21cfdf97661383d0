"""The ``selvleder`` executable.

Sets a private umask, then hands over to the Typer app. The plain forms of
the quick commands (``energy log`` and the everyday read commands) take a
path that never imports Typer (see ``quick.py``).
"""

from __future__ import annotations

import os
import sys


def _guard_streams() -> None:
    """A closed stdout or stderr (``>&-``) becomes /dev/null (writing to stdout then fails
    as ``OutputFailed``); stdout replaces what its encoding cannot show and reports a
    failed write as ``OutputFailed`` (``failures.report`` knows whether the data was saved)."""
    from selvleder.failures import GuardedOutput

    closed = sys.stdout is None
    for fd, name in ((1, "stdout"), (2, "stderr")):
        if getattr(sys, name) is None:
            try:
                null = os.open(os.devnull, os.O_WRONLY)
                if null != fd:
                    os.dup2(null, fd)
                    os.close(null)
                setattr(sys, name, open(fd, "w", encoding="utf-8", closefd=False))  # noqa: SIM115
            except OSError:
                continue
    sys.stdout = GuardedOutput(sys.stdout, closed=closed)  # type: ignore[assignment,unused-ignore]
    try:
        sys.stderr.reconfigure(errors="backslashreplace")  # type: ignore[union-attr]
    except (AttributeError, ValueError, OSError):
        pass


def _final_flush() -> None:
    from selvleder.failures import OutputFailed, quiet_stdout

    try:
        sys.stdout.flush()
    except (OutputFailed, OSError, ValueError):
        quiet_stdout()


def main() -> None:
    os.umask(0o077)
    _guard_streams()
    argv = sys.argv[1:]
    from selvleder.quick import run_quick

    code = run_quick(argv)
    if code is None:
        from selvleder.cli.app import run

        code = run(argv)
    _final_flush()
    sys.exit(code)
