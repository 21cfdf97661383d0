"""The look the guided flows share (init, plan-week, reflect, ask-leader): a heading,
steps with their progress ("2/5"), the coach's lines in their own colour, the user's
own words at full strength; the plan preview exactly as it will be saved.

Each piece is a ``Styled`` line: the terminal prints it without importing Rich (the
flows start faster), and inside a Rich view it becomes a ``Text``. User text is made
literal (no control characters, no markup) either way.
"""

from __future__ import annotations

from selvleder.i18n import Messages
from selvleder.render import palette
from selvleder.render.text import literal

TYPE_CHECKING = False
if TYPE_CHECKING:
    from rich.text import Text

# Select Graphic Rendition codes for the styles of render/palette.py
_SGR = {"bold": "1", "dim": "2", "italic": "3"}


def sgr(style: str) -> str:
    """'bold color(31)' as '1;38;5;31'."""
    codes = []
    for word in style.split():
        if word.startswith("color(") and word.endswith(")"):
            codes.append(f"38;5;{int(word[6:-1])}")
        elif word in _SGR:
            codes.append(_SGR[word])
    return ";".join(codes)


class Styled:
    """One line of text in parts, each with its style."""

    __slots__ = ("parts",)

    def __init__(self, text: str = "", style: str = "") -> None:
        self.parts: list[tuple[str, str]] = []
        if text:
            self.append(text, style)

    def append(self, text: str, style: str = "") -> Styled:
        self.parts.append((literal(text).replace("\n", " "), style))
        return self

    @property
    def plain(self) -> str:
        return "".join(text for text, _ in self.parts)

    def lines(self, width: int, colour: bool) -> list[str]:
        """The line wrapped at word boundaries to ``width`` (continuation lines indented
        as the line starts), with escape codes when ``colour``."""
        import textwrap

        plain = self.plain
        styles = [style for text, style in self.parts for _ in text]
        indent = " " * (len(plain) - len(plain.lstrip(" ")))
        wrapped = (
            textwrap.wrap(
                plain,
                width,
                subsequent_indent=indent,
                break_on_hyphens=False,
                break_long_words=False,  # a path or an address stays whole
            )
            if len(plain) > width
            else [plain]
        )
        out, at = [], 0
        for i, line in enumerate(wrapped):
            body = line[len(indent) :] if i else line
            start = plain.find(body, at) if body else at
            at = start + len(body)
            shown = line[: len(line) - len(body)]  # the indent of a continuation line
            run_style, run = None, ""
            for offset, ch in enumerate(body):
                style = styles[start + offset] if colour else ""
                if style != run_style and run:
                    shown += _paint(run, run_style or "")
                    run = ""
                run_style = style
                run += ch
            out.append(shown + _paint(run, run_style or ""))
        return out

    def __rich__(self) -> Text:
        from rich.text import Text

        text = Text()
        for part, style in self.parts:
            text.append(part, style=style)
        return text


def _paint(text: str, style: str) -> str:
    codes = sgr(style)
    return f"\x1b[{codes}m{text}\x1b[0m" if codes and text else text


def heading(text: str) -> Styled:
    return Styled(text, palette.HEADING)


def step(number: int, total: int, title: str) -> Styled:
    """'2/5  Role and mission': where the person is in the flow."""
    return Styled(f"{number}/{total}  ", palette.STEP).append(title, palette.HEADING)


def coach(text: str, indent: str = "  ") -> Styled:
    """A line the coach says (a hint, a question, a fact from the journal)."""
    return Styled(indent).append(text, palette.COACH)


def words(label: str, text: str | None, indent: str = "  ") -> Styled:
    """A label, then the user's own words in normal weight."""
    return Styled(f"{indent}{label}: ", palette.LABEL).append(text or "–")


def numbered(items: list[str], indent: str = "  ") -> list[Styled]:
    return [Styled(f"{indent}{i}. ").append(item) for i, item in enumerate(items, 1)]


def plan_preview(
    priorities: list[tuple[str, str]],
    focus: str | None,
    can_wait: list[str],
    buffer: int | None,
    t: Messages,
) -> list[Styled]:
    """The plan as it will be saved: the priorities in their saved order, each with its
    details (value, energy, estimate, focus block) under it, focus, can-wait and buffer."""
    lines = [heading(t("guided.plan.summary")), words(t("week.focus"), focus)]
    for number, (title, details) in enumerate(priorities, 1):
        lines.append(Styled(f"  {number}. ").append(title))
        if details:
            lines.append(Styled(" " * (len(str(number)) + 4)).append(details, palette.LABEL))
    if not priorities:
        lines.append(Styled("  –"))
    if can_wait:
        lines.append(words(t("week.can_wait"), ", ".join(can_wait)))
    buffer_text = t("guided.plan.buffer_pct", pct=buffer) if buffer is not None else None
    lines.append(words(t("guided.plan.buffer_label"), buffer_text))
    return lines
