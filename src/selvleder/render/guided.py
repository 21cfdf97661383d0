"""The look the guided flows share (init, plan-week, reflect, ask-leader): a heading,
steps with their progress ("2/5"), the coach's lines in their own colour, the user's
own words at full strength; the plan preview exactly as it will be saved."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.text import Text

from selvleder.i18n import Messages
from selvleder.render import palette
from selvleder.render.text import rich_text


def heading(text: str) -> Text:
    return Text(text, style=palette.HEADING)


def step(number: int, total: int, title: str) -> Text:
    """'2/5  Role and mission': where the person is in the flow."""
    line = Text().append(f"{number}/{total}  ", style=palette.STEP)
    line.append(title, style=palette.HEADING)
    return line


def coach(text: str, indent: str = "  ") -> Text:
    """A line the coach says (a hint, a question, a fact from the journal)."""
    line = Text(indent)
    line.append_text(rich_text(text, style=palette.COACH))
    return line


def words(label: str, text: str | None, indent: str = "  ") -> Text:
    """A label, then the user's own words in normal weight."""
    line = Text().append(f"{indent}{label}: ", style=palette.LABEL)
    line.append_text(rich_text(text) if text else Text("–"))
    return line


def numbered(items: list[str], indent: str = "  ") -> list[Text]:
    out = []
    for i, item in enumerate(items, 1):
        line = Text(f"{indent}{i}. ")
        line.append_text(rich_text(item))
        out.append(line)
    return out


def plan_preview(
    priorities: list[str],
    focus: str | None,
    can_wait: list[str],
    buffer: int | None,
    t: Messages,
) -> RenderableType:
    """The plan as it will be saved: the priorities in their saved order, focus,
    can-wait and buffer."""
    parts: list[RenderableType] = [heading(t("guided.plan.summary"))]
    parts.append(words(t("week.focus"), focus))
    parts += numbered(priorities) or [Text("  –")]
    if can_wait:
        parts.append(words(t("week.can_wait"), ", ".join(can_wait)))
    buffer_text = t("guided.plan.buffer_pct", pct=buffer) if buffer is not None else None
    parts.append(words(t("guided.plan.buffer_label"), buffer_text))
    return Group(*parts)
