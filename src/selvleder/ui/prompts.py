"""Questions at the terminal, in the user's language.

Plain ``input()`` so prompts need no extra imports; Ctrl-C and end of input
become ``Aborted`` and the command saves nothing.
"""

from __future__ import annotations

import sys

from selvleder.errors import Aborted
from selvleder.i18n import Messages
from selvleder.render.text import literal

YES = frozenset({"y", "yes", "j", "ja"})
NO = frozenset({"n", "no", "nei"})


def ask(label: str, default: str | None = None) -> str:
    # a question already ends in its own mark: no colon after "?" (nor a second one)
    sep = " " if label.rstrip().endswith(("?", ":")) else ": "
    shown = f"{label} [{default}]{sep}" if default else f"{label}{sep}"
    try:
        answer = input(literal(shown))
    except (EOFError, KeyboardInterrupt):
        sys.stdout.write("\n")
        raise Aborted() from None
    answer = answer.strip()
    return answer if answer else (default or "")


def ask_list(label: str, t: Messages) -> list[str]:
    """Several answers, one per line; an empty line ends the list."""
    sys.stdout.write(literal(label) + " " + t("prompt.list_hint") + "\n")
    items: list[str] = []
    while True:
        answer = ask("  -")
        if not answer:
            return items
        items.append(answer)


def confirm(label: str, t: Messages, default: bool = True) -> bool:
    hint = t("prompt.yes_no_default_yes") if default else t("prompt.yes_no_default_no")
    while True:
        answer = ask(f"{label} {hint}").lower()
        if not answer:
            return default
        if answer in YES:
            return True
        if answer in NO:
            return False
        sys.stdout.write(t("prompt.yes_no_again") + "\n")


def require_terminal(flag_hint: str) -> None:
    """Commands that need answers exit 2 off a terminal, naming the flag to use."""
    from selvleder.context import interactive
    from selvleder.errors import BadInput

    if not interactive():
        raise BadInput("error.needs_terminal", flags=flag_hint)
