"""The user's crontab, through the real ``crontab`` command.

selvleder's lines live between two marker comments; every other line is
left exactly as it was.
"""

from __future__ import annotations

import shutil
import subprocess

BEGIN = "# >>> selvleder reminders >>>"
END = "# <<< selvleder reminders <<<"


def read_crontab() -> str | None:
    """The current crontab text, '' when there is none, None when cron is unavailable."""
    binary = shutil.which("crontab")
    if binary is None:
        return None
    try:
        result = subprocess.run(
            [binary, "-l"], capture_output=True, text=True, timeout=10, check=False
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    if result.returncode != 0:
        return ""
    return result.stdout


def reminders_installed() -> bool:
    text = read_crontab()
    return bool(text) and BEGIN in (text or "")
