"""The user's crontab, through the real ``crontab`` command.

selvleder's lines live between two marker comments; every other line of the
crontab is kept byte for byte (the block is cut out and put back as text, so
nothing else is re-rendered). Each line runs the installed executable by its
absolute path with what it needs under cron's bare environment, every value
shell-quoted, ``%`` escaped (cron turns a bare ``%`` into a newline), and no
line may contain a newline, CR or NUL.
"""

from __future__ import annotations

import shlex
import shutil
import subprocess

from selvleder.errors import BadInput, JournalError

BEGIN = "# >>> selvleder reminders >>>"
END = "# <<< selvleder reminders <<<"
NOTE = "# Managed by 'selvleder remind install'; 'selvleder remind remove' takes it out."


def _binary() -> str:
    binary = shutil.which("crontab")
    if binary is None:
        raise JournalError("error.no_crontab")
    return binary


def read_crontab() -> str | None:
    """The current crontab text, '' when there is none, None when cron is unavailable."""
    binary = shutil.which("crontab")
    if binary is None:
        return None
    try:
        result = subprocess.run([binary, "-l"], capture_output=True, timeout=10, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return None
    if result.returncode != 0:
        return ""
    return result.stdout.decode("utf-8", "surrogateescape")


def write_crontab(text: str) -> None:
    try:
        result = subprocess.run(
            [_binary(), "-"],
            input=text.encode("utf-8", "surrogateescape"),
            capture_output=True,
            timeout=10,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise JournalError("error.crontab_failed", detail=str(exc)) from exc
    if result.returncode != 0:
        detail = result.stderr.decode("utf-8", "replace").strip().splitlines()
        raise JournalError("error.crontab_failed", detail=detail[0] if detail else "")


def split_block(text: str) -> tuple[str, str | None, str]:
    """(before, block or None, after): the text around selvleder's marked block."""
    start = text.find(BEGIN)
    if start == -1 or (start > 0 and text[start - 1] != "\n"):
        return text, None, ""
    end = text.find(END, start)
    if end == -1:
        return text, None, ""
    end += len(END)
    if end < len(text) and text[end] == "\n":
        end += 1
    return text[:start], text[start:end], text[end:]


def with_block(text: str, lines: list[str]) -> str:
    """The crontab with the block replaced (or added at the end); nothing else changes."""
    before, _block, after = split_block(text)
    block = "\n".join([BEGIN, NOTE, *lines, END]) + "\n"
    if before and not before.endswith("\n"):
        before += "\n"
    return before + block + after


def without_block(text: str) -> str:
    before, _block, after = split_block(text)
    return before + after


def belongs_to(block: str, journal_path: str) -> bool:
    """Whether the block's reminders are this journal's (a block naming no journal is the
    default journal's, as every release has written one)."""
    import os

    journals = block_journals(block)
    if not journals:
        return True
    mine = os.path.realpath(journal_path)
    return any(os.path.realpath(path) == mine for path in journals)


def installed() -> bool:
    text = read_crontab()
    return bool(text) and split_block(text or "")[1] is not None


def block_journals(block: str) -> list[str]:
    """The journals (``SELVLEDER_DB``) the block's lines run reminders for, in order."""
    found: list[str] = []
    for line in block.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        try:
            words = shlex.split(line.replace(chr(92) + "%", "%"))
        except ValueError:
            continue
        for word in words:
            name, sep, value = word.partition("=")
            if sep and name == "SELVLEDER_DB" and value not in found:
                found.append(value)
    return found


def cron_daemon_running(proc: str = "/proc") -> bool | None:
    """Whether a cron daemon (cron, crond, fcron) is running, from the process names in
    /proc; None where there is no /proc to look in. No subprocess."""
    import os

    try:
        pids = [name for name in os.listdir(proc) if name.isdigit()]
    except OSError:
        return None
    for pid in pids:
        try:
            with open(os.path.join(proc, pid, "comm"), encoding="utf-8", errors="replace") as f:
                if f.read().strip() in DAEMONS:
                    return True
        except OSError:
            continue
    return False


DAEMONS = frozenset({"cron", "crond", "fcron", "cronie"})


def cron_line(fields: str, executable: str, kind: str, env: dict[str, str]) -> str:
    """One crontab line: schedule, then env VAR=value ... /abs/selvleder remind run KIND."""
    words = ["env", *(f"{k}={shlex.quote(v)}" for k, v in env.items())]
    words += [shlex.quote(executable), "remind", "run", kind]
    command = " ".join(words) + " >/dev/null 2>&1"
    for value in (fields, command):
        if any(c in value for c in "\r\n\0"):
            raise BadInput("error.remind_unsafe")
    return f"{fields} {command.replace('%', chr(92) + '%')}"
