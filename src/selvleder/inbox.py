"""Pending nudges, shown once on stderr by the next command that prints for a person.

Not after ``--json``, ``export`` or ``remind run``: their output is for programs.
"""

from __future__ import annotations

import sys

TYPE_CHECKING = False
if TYPE_CHECKING:
    from selvleder.i18n import Messages
    from selvleder.storage.journal import Journal


def show_pending_nudges(journal: Journal, t: Messages) -> None:
    from selvleder.domain.dates import now
    from selvleder.domain.reminders import COMMANDS
    from selvleder.i18n import message_key
    from selvleder.render.text import one_line
    from selvleder.services.reminders import take_pending

    try:
        kinds = take_pending(journal, now())
    except Exception:  # the inbox must never spoil a command that already succeeded
        return
    for kind in kinds:
        sys.stderr.write(one_line(t(message_key(f"nudge.{kind}"), command=COMMANDS[kind])) + "\n")
