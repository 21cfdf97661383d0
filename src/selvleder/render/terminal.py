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
        from selvleder.render.guided import Styled

        if renderables and all(isinstance(r, Styled) for r in renderables):
            self._styled(renderables)  # the guided flows' lines: no Rich to import
            return
        self.console.print(*renderables)

    def _styled(self, lines: tuple[RenderableType, ...]) -> None:
        import shutil

        from selvleder.render.guided import Styled

        width = max(shutil.get_terminal_size((80, 24)).columns, 40)
        colour = _colour()
        for line in lines:
            assert isinstance(line, Styled)
            for text in line.lines(width, colour):
                sys.stdout.write(text + "\n")


def _colour() -> bool:
    """Colours as Rich decides them: on a terminal, unless NO_COLOR or TERM=dumb."""
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    try:
        return sys.stdout.isatty() and os.environ.get("TERM") != "dumb"
    except (AttributeError, ValueError):
        return False
