"""Shared helpers: run the CLI in-process or as the installed executable; the fake tools."""

from __future__ import annotations

import io
import json
import os
import secrets
import shlex
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager, redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pexpect

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


FAKE_CRONTAB = r"""#!/bin/sh
# A stand-in for crontab(1) for tests: the table lives in one file, never in cron's spool.
# It does not check the lines' syntax (the tests of the real crontab do).
table=__TABLE__
printf '%s\n' "$*" >> __CALLS__
me=$(id -un 2>/dev/null || echo "${LOGNAME:-unknown}")
if [ $# -eq 0 ]; then set -- -; fi  # like the real one: the table from stdin
if [ $# -ne 1 ]; then
  echo "usage: crontab [ -l | -r | - | FILE ]" >&2
  exit 1
fi
case "$1" in
  -l)
    if [ ! -f "$table" ]; then echo "no crontab for $me" >&2; exit 1; fi
    exec cat "$table" ;;
  -r)
    if [ ! -f "$table" ]; then echo "no crontab for $me" >&2; exit 1; fi
    exec rm -f "$table" ;;
  -) cat > "$table.new" || exit 1 ;;
  -*) echo "crontab: invalid option -- '$1'" >&2; exit 1 ;;
  *)
    if [ ! -r "$1" ]; then echo "$1: No such file or directory" >&2; exit 1; fi
    cat "$1" > "$table.new" || exit 1 ;;
esac
if [ -s "$table.new" ] && [ "$(tail -c 1 "$table.new" | wc -l)" -eq 0 ]; then
  # Debian's crontab refuses this too
  echo "new crontab file is missing newline before EOF, can't install." >&2
  rm -f "$table.new"
  exit 1
fi
mv "$table.new" "$table"
"""

FAKE_NOTIFY_SEND = """#!__PYTHON__ -IS
# A stand-in for notify-send for tests: one JSON list of arguments per call.
import json, sys
with open(__RECORD__, "a", encoding="utf-8") as record:
    record.write(json.dumps(sys.argv[1:]) + "\\n")
"""


@dataclass
class FakeTools:
    """The fake ``crontab`` and ``notify-send`` in ``bin``, and what they keep."""

    bin: Path
    table: Path  # the fake crontab's table; absent until one is installed
    crontab_calls: Path  # the fake crontab's arguments, one call a line
    notified: Path  # the fake notify-send's calls, one JSON list a line

    def crontab(self) -> bytes | None:
        """The installed table, byte for byte; None when there is none."""
        return self.table.read_bytes() if self.table.exists() else None

    def calls(self) -> list[str]:
        return self.crontab_calls.read_text().splitlines() if self.crontab_calls.exists() else []

    def notifications(self) -> list[list[str]]:
        if not self.notified.exists():
            return []
        return [json.loads(line) for line in self.notified.read_text().splitlines()]


def make_fake_tools(folder: Path) -> FakeTools:
    bin_dir = folder / "bin"
    bin_dir.mkdir(parents=True)
    tools = FakeTools(bin_dir, folder / "crontab", folder / "crontab-calls", folder / "notified")
    crontab = FAKE_CRONTAB.replace("__TABLE__", shlex.quote(str(tools.table)))
    (bin_dir / "crontab").write_text(
        crontab.replace("__CALLS__", shlex.quote(str(tools.crontab_calls)))
    )
    notify_send = FAKE_NOTIFY_SEND.replace("__PYTHON__", sys.executable)
    notify_send = notify_send.replace("__RECORD__", repr(str(tools.notified)))
    (bin_dir / "notify-send").write_text(notify_send)
    for tool in ("crontab", "notify-send"):
        (bin_dir / tool).chmod(0o755)
    return tools


ROOT_TOOLS = ("crontab", "useradd", "userdel", "setpriv")
# Where the system's own tools are, whatever PATH a test (or an outer test run) set up.
SYSTEM_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"


def system_tool(name: str) -> str:
    """The absolute path of a system tool, never a test's fake; name itself when absent."""
    return shutil.which(name, path=SYSTEM_PATH) or name


def why_no_throwaway_user() -> str | None:
    """Why tests of the real crontab cannot run here (they run only as a throwaway user)."""
    if os.geteuid() != 0:
        return "the real crontab is tested only as a throwaway user, which needs root"
    missing = [tool for tool in ROOT_TOOLS if shutil.which(tool, path=SYSTEM_PATH) is None]
    if missing:
        return f"not installed: {', '.join(missing)} (CI installs Debian's cron)"
    return None


@dataclass
class User:
    """An unprivileged user made for one test, with its own home and (real) crontab."""

    name: str
    uid: int
    gid: int
    home: Path

    def env(self, **extra: str) -> dict[str, str]:
        """A login-like environment: cron's PATH, so the real crontab is the one found."""
        env = {
            "HOME": str(self.home),
            "USER": self.name,
            "LOGNAME": self.name,
            "PATH": "/usr/bin:/bin",
            "LANG": "C.UTF-8",
            "TZ": "Europe/Oslo",
            "COLUMNS": "80",
            "NO_COLOR": "1",
        }
        env.update(extra)
        return env

    def command(self, *argv: str) -> list[str]:
        ids = [f"--reuid={self.uid}", f"--regid={self.gid}", "--init-groups"]
        return [system_tool("setpriv"), *ids, *argv]

    def run(
        self, *argv: str, input: str | None = None, env: dict[str, str] | None = None
    ) -> Result:
        proc = subprocess.run(
            self.command(*argv),
            input=input if input is not None else "",
            capture_output=True,
            text=True,
            env=env if env is not None else self.env(),
            cwd=self.home,
            timeout=60,
            check=False,
        )
        return Result(proc.returncode, proc.stdout, proc.stderr)

    def can_run_selvleder_from_a_shell(self) -> bool:
        """Whether the user reaches the executable's Python the way cron runs it (through sh);
        not when that Python lives where only root can read, as in some containers."""
        return self.run("/bin/sh", "-c", f"exec {shlex.quote(str(BIN))} --version").code == 0

    def crontab(self) -> bytes | None:
        """The user's real crontab, byte for byte, read by root; None when there is none."""
        crontab = system_tool("crontab")
        proc = subprocess.run([crontab, "-u", self.name, "-l"], capture_output=True, check=False)
        return proc.stdout if proc.returncode == 0 else None

    def set_crontab(self, text: bytes) -> None:
        subprocess.run([system_tool("crontab"), "-u", self.name, "-"], input=text, check=True)


def _retry(argv: list[str]) -> subprocess.CompletedProcess[str]:
    """useradd and userdel lock /etc/passwd; a parallel test may hold it for a moment."""
    for _ in range(50):
        proc = subprocess.run(argv, capture_output=True, text=True, check=False)
        if proc.returncode == 0 or "lock" not in proc.stderr:
            return proc
        time.sleep(0.1)
    return proc


@contextmanager
def throwaway_user() -> Iterator[User]:
    """Create an unprivileged user, and remove it, its crontab and its home afterwards."""
    name = f"slvtest{secrets.token_hex(4)}"
    home = Path(tempfile.mkdtemp(prefix=f"selvleder-{name}-"))  # /tmp: reachable by the user
    made = _retry(
        [system_tool("useradd"), "--user-group", "--no-create-home", "--home-dir", str(home), name]
    )
    if made.returncode != 0:
        shutil.rmtree(home, ignore_errors=True)
        raise RuntimeError(f"useradd {name}: {made.stderr.strip()}")
    try:
        import pwd

        entry = pwd.getpwnam(name)
        os.chown(home, entry.pw_uid, entry.pw_gid)
        yield User(name, entry.pw_uid, entry.pw_gid, home)
    finally:
        subprocess.run([system_tool("crontab"), "-u", name, "-r"], capture_output=True, check=False)
        _retry([system_tool("userdel"), name])
        shutil.rmtree(home, ignore_errors=True)


def old_journal(path: Path, stop_before: str) -> sqlite3.Connection:
    """A journal as an earlier release made it: every migration before ``stop_before``
    applied (through sqlite-utils, as the product migrates); an autocommit connection to
    fill it with that release's rows."""
    from sqlite_utils import Database

    from selvleder.storage.schema import migration_set

    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA foreign_keys = ON")
    migration_set().apply(Database(conn), stop_before=stop_before)
    return conn


def interrupt(child: pexpect.spawn) -> None:
    """Ctrl-C at a prompt, as a person presses it: once the program waits for a key.

    CPython's readline misses a SIGINT that lands after the prompt is drawn but before it
    waits in select(): the signal only sets a flag that nothing checks until the next key
    (the flow then stops at that key). On a loaded machine the window is wide enough for a
    test to hit, so wait (up to 5 s) until the process is blocked in select, poll or read
    (/proc/PID/syscall), then press."""
    # x86_64: read, poll, select, pselect6, ppoll; aarch64: read, pselect6, ppoll
    blocking = {"0", "7", "23", "270", "271", "63", "72", "73"}
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        try:
            with open(f"/proc/{child.pid}/syscall", encoding="ascii") as f:
                if f.read().split(" ", 1)[0] in blocking:
                    break
        except OSError:  # no /proc, or not allowed to look: a short pause instead
            time.sleep(0.2)
            break
        time.sleep(0.01)
    child.sendcontrol("c")
