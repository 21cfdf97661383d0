"""The ``selvleder`` executable.

Sets a private umask, then hands over to the Typer app. The quick energy log
and the plain forms of the everyday read commands take a path that never
imports Typer (see ``quick.py``).
"""

from __future__ import annotations

import os
import sys


def main() -> None:
    os.umask(0o077)
    argv = sys.argv[1:]
    from selvleder.quick import quick_energy_log, quick_report

    code = quick_energy_log(argv)
    if code is None:
        code = quick_report(argv)
    if code is None:
        from selvleder.cli import run

        code = run(argv)
    sys.stdout.flush()
    sys.exit(code)
