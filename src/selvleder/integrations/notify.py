"""Desktop notifications through ``notify-send``, where a session bus is reachable.

``SELVLEDER_NOTIFY`` names another notifier program (tests use a fake that
records its arguments: no notification daemon runs here).
"""

from __future__ import annotations

import os
import shutil
import subprocess

ENV_NOTIFY = "SELVLEDER_NOTIFY"


def notifier_available() -> bool:
    """A program to show desktop notifications with: SELVLEDER_NOTIFY or notify-send."""
    return bool(os.environ.get(ENV_NOTIFY) or shutil.which("notify-send"))


def notify(title: str, body: str) -> bool:
    """Show a notification; False (and no error) when none can be shown."""
    program = os.environ.get(ENV_NOTIFY) or shutil.which("notify-send")
    if not program or not os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
        return False
    try:
        result = subprocess.run(
            [program, "--app-name=selvleder", title, body],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            timeout=10,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return False
    return result.returncode == 0
