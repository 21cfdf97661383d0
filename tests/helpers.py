"""Shared helpers: run the CLI in-process or as the installed executable."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path

BIN = Path(sys.executable).parent / "selvleder"


@dataclass
class Result:
    code: int
    out: str
    err: str


def run_cli(*args: str) -> Result:
    """Run one command in this process through the real root app and exit point."""
    from selvleder.cli.app import run

    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = run(list(args))
    return Result(code, out.getvalue(), err.getvalue())


def run_bin(
    *args: str, input: str | None = None, env: dict[str, str] | None = None, timeout: float = 60
) -> Result:
    """Run the installed ``selvleder`` executable as a subprocess."""
    full_env = dict(os.environ)
    if env:
        full_env.update(env)
    proc = subprocess.run(
        [str(BIN), *args],
        input=input if input is not None else "",
        capture_output=True,
        text=True,
        env=full_env,
        timeout=timeout,
        check=False,
    )
    return Result(proc.returncode, proc.stdout, proc.stderr)


def tree(path: Path) -> list[str]:
    """Every file and folder under path, for 'nothing was written' checks."""
    if not path.exists():
        return []
    return sorted(str(p.relative_to(path)) for p in path.rglob("*"))


def has_binary(name: str) -> bool:
    return shutil.which(name) is not None
