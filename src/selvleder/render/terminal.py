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


# The width of output that is not a terminal: wide enough that no line is ever wrapped
# or cut (titles are at most 300 characters, notes 5000), so grep and cut see whole lines.
UNBOUNDED = 20_000


def unbounded() -> bool:
    """Output goes to a pipe or a file and no width was asked for (COLUMNS): lines are
    never wrapped. An exported COLUMNS still sets a width, as it does for Rich itself."""
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
            width = UNBOUNDED if self._unbounded else None
            self._console = Console(markup=False, emoji=False, highlight=False, width=width)
            if self._console.color_system == "standard" and os.environ.get("TERM") != "linux":
                # TERM=xterm and the like: the terminal draws the 256 colours of the
                # palette (render/palette.py), which Rich would bend to the 16 themed ones
                self._console = Console(
                    markup=False, emoji=False, highlight=False, width=width, color_system="256"
                )
        return self._console

    def line(self, text: str = "") -> None:
        sys.stdout.write(literal(text) + "\n")

    def say(self, key: MessageKey, **params: object) -> None:
        text = self.t(key, **params)
        try:
            to_terminal = sys.stdout.isatty()
        except (AttributeError, ValueError):
            to_terminal = False
        if not to_terminal:  # a pipe or a file: one line, as written
            self.line(text)
            return
        from selvleder.render.guided import Styled

        # on a terminal, wrapped between words (the terminal itself would cut a word in two)
        self._styled(tuple(Styled(line) for line in text.split("\n")))

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

    def _styled(self, lines: tuple[RenderableType, ...]) -> None:
        import shutil

        from selvleder.render.guided import Styled

        columns = shutil.get_terminal_size((80, 24)).columns
        width = UNBOUNDED if unbounded() else max(columns, 40)
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
