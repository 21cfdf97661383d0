"""The one place that writes to the terminal.

Plain lines go straight to stdout (fast, no Rich import); tables and panels
go through a Rich console with markup, emoji and highlighting off, so user
text is always shown as typed. Diagnostics go to stderr.
"""

from __future__ import annotations

import sys

from selvleder.render.text import literal, to_json

TYPE_CHECKING = False
if TYPE_CHECKING:
    from rich.console import Console, RenderableType

    from selvleder.i18n import Messages
    from selvleder.message_keys import MessageKey


# The width of output that is not a terminal: wide enough that no line is ever wrapped
# or cut (titles are at most 300 characters, notes 5000), so grep and cut see whole lines.
UNBOUNDED = 20_000


def unbounded() -> bool:
    """Output goes to a pipe or a file and no width was asked for (COLUMNS): lines are
    never wrapped. An exported COLUMNS still sets a width, as it does for Rich itself."""
    import os

    try:
        to_terminal = sys.stdout.isatty()
    except (AttributeError, ValueError):
        to_terminal = False
    return not to_terminal and not os.environ.get("COLUMNS", "").strip()


class Terminal:
    def __init__(self, t: Messages) -> None:
        self.t = t
        self._console: Console | None = None
        self._unbounded = False
        self.printed_json = False

    @property
    def console(self) -> Console:
        if self._console is None:
            from rich.console import Console

            self._unbounded = unbounded()
            self._console = Console(
                markup=False,
                emoji=False,
                highlight=False,
                width=UNBOUNDED if self._unbounded else None,
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
        console = self.console
        if not self._unbounded:
            console.print(*renderables)
            return
        from rich.measure import Measurement

        # each as wide as it needs and no wider: a table at its natural width, a panel
        # around its longest line (not 20 000 columns of border)
        for renderable in renderables:
            needed = Measurement.get(console, console.options, renderable).maximum
            console.print(renderable, width=max(1, min(needed, UNBOUNDED)))
