"""The ``selvleder`` executable.

Sets a private umask, then hands over to the Typer app. The plain forms of
the quick commands (``energy log`` and the everyday read commands) take a
path that never imports Typer (see ``quick.py``).
"""

from __future__ import annotations

import os
import sys


def main() -> None:
    os.umask(0o077)
    argv = sys.argv[1:]
    from selvleder.quick import run_quick

    code = run_quick(argv)
    if code is None:
        from selvleder.cli.app import run

        code = run(argv)
    sys.stdout.flush()
    sys.exit(code)
