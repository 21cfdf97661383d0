"""The one place that writes to the terminal.

Plain lines go straight to stdout (fast, no Rich import); tables and panels
go through a Rich console with markup, emoji and highlighting off, so user
text is always shown as typed. Diagnostics go to stderr.
"""

from __future__ import annotations

import os
import sys

from selvleder.render.text import literal, to_json

TYPE_CHECKING = False
if TYPE_CHECKING:
    from rich.console import Console, RenderableType

    from selvleder.i18n import Messages
    from selvleder.message_keys import MessageKey


class Terminal:
    def __init__(self, t: Messages) -> None:
        self.t = t
        self._console: Console | None = None
        self.printed_json = False

    @property
    def console(self) -> Console:
        if self._console is None:
            from rich.console import Console

            self._console = Console(markup=False, emoji=False, highlight=False)
            if self._console.color_system == "standard" and os.environ.get("TERM") != "linux":
                # TERM=xterm and the like: the terminal draws the 256 colours of the
                # palette (render/palette.py), which Rich would bend to the 16 themed ones
                self._console = Console(
                    markup=False, emoji=False, highlight=False, color_system="256"
                )
        return self._console

    def line(self, text: str = "") -> None:
        sys.stdout.write(literal(text) + "\n")

    def say(self, key: MessageKey, **params: object) -> None:
        self.line(self.t(key, **params))

    def warn(self, text: str) -> None:
        sys.stderr.write(literal(text) + "\n")

    def json(self, data: object) -> None:
        self.printed_json = True
        sys.stdout.write(to_json(data) + "\n")

    def show(self, *renderables: RenderableType) -> None:
        self.console.print(*renderables)
