"""A document as plain blocks (headings, paragraphs, lists, tables, charts), written once
and rendered as Markdown or HTML, so both formats say the same thing with the same
numbers. Every text in a block is plain text; the renderer escapes it (``md`` for
Markdown, ``export.html.esc`` for HTML)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from selvleder.export import html as h
from selvleder.export.markdown import md


@dataclass(frozen=True, slots=True)
class Heading:
    level: int
    text: str


@dataclass(frozen=True, slots=True)
class Para:
    text: str
    label: str | None = None  # shown in bold before the text
    style: str | None = None  # "muted", "answer" (HTML class)


@dataclass(frozen=True, slots=True)
class Item:
    """A list entry: an optional bold label (a date, a field), its text, and sub-entries.
    ``sep`` follows the label: ":" for a field, " –" for a date."""

    text: str
    label: str | None = None
    sub: list[Item] = field(default_factory=list)
    sep: str = ":"


@dataclass(frozen=True, slots=True)
class Items:
    entries: list[Item]
    style: str | None = None  # "plain" (no bullets), "coach" (the coach's lines)


@dataclass(frozen=True, slots=True)
class Table:
    head: list[str]
    rows: list[list[str]]
    numeric: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class Chart:
    """An inline SVG chart (HTML only; Markdown has the table that follows it)."""

    svg: str
    caption: str


@dataclass(frozen=True, slots=True)
class Card:
    """A short summary box: one line per entry."""

    lines: list[str]


Block = Heading | Para | Items | Table | Chart | Card

_LINE_START = re.compile(r"^(\s*\d+)\\([.)])|^(\s*)\\([-+=])")


def _inline(text: str) -> str:
    """``md`` for text that never starts a Markdown line (a table cell, a bold label):
    no backslash before a leading '23.11.' or '-', which only a line start needs."""
    return _LINE_START.sub(lambda m: "".join(g for g in m.groups() if g), md(text))


def _md_item(e: Item) -> str:
    if not e.label:
        return md(e.text)
    if e.sep == ":":
        return f"**{_inline(e.label)}:** {md(e.text)}"
    return f"**{_inline(e.label)}**{e.sep} {md(e.text)}"


def _html_item(e: Item) -> str:
    if not e.label:
        return h.esc(e.text)
    if e.sep == ":":
        return f"<strong>{h.esc(e.label)}:</strong> {h.esc(e.text)}"
    return f"<strong>{h.esc(e.label)}</strong>{h.esc(e.sep)} {h.esc(e.text)}"


def to_markdown(blocks: list[Block]) -> str:
    out: list[str] = []
    for b in blocks:
        if isinstance(b, Heading):
            out += ["#" * b.level + " " + md(b.text), ""]
        elif isinstance(b, Para):
            label = f"**{_inline(b.label)}:** " if b.label else ""
            text = md(b.text)
            out += [f"*{text}*" if b.style == "muted" and not label else label + text, ""]
        elif isinstance(b, Items):
            for e in b.entries:
                out.append(f"- {_md_item(e)}".rstrip())
                out += [f"  - {_md_item(s)}".rstrip() for s in e.sub]
            out.append("")
        elif isinstance(b, Table):
            out.append("| " + " | ".join(_inline(c) for c in b.head) + " |")
            out.append(
                "|"
                + "|".join("---:" if i in b.numeric else "---" for i in range(len(b.head)))
                + "|"
            )
            for row in b.rows:
                out.append("| " + " | ".join(_inline(c).replace("  \n", " ") for c in row) + " |")
            out.append("")
        elif isinstance(b, Card):
            out += [f"> {md(line)}  " for line in b.lines]
            out[-1] = out[-1].rstrip()
            out.append("")
    return "\n".join(out).rstrip() + "\n"


def to_html(blocks: list[Block]) -> str:
    out: list[str] = []
    for b in blocks:
        if isinstance(b, Heading):
            out.append(f"<h{b.level}>{h.esc(b.text)}</h{b.level}>\n")
        elif isinstance(b, Para):
            label = f"<strong>{h.esc(b.label)}:</strong> " if b.label else ""
            out.append(h.tag("p", label + h.esc(b.text), b.style) + "\n")
        elif isinstance(b, Items):
            entries = [_html_item(e) + h.items(_html_item(s) for s in e.sub) for e in b.entries]
            out.append(h.items(entries, cls=b.style))
        elif isinstance(b, Table):
            out.append(
                h.table(
                    [h.esc(c) for c in b.head],
                    ([h.esc(c) for c in row] for row in b.rows),
                    numeric=b.numeric,
                )
            )
        elif isinstance(b, Chart):
            out.append(f"<figure>{b.svg}<figcaption>{h.esc(b.caption)}</figcaption></figure>\n")
        elif isinstance(b, Card):
            out.append(h.tag("div", "".join(f"<p>{h.esc(line)}</p>" for line in b.lines), "card"))
            out.append("\n")
    return "".join(out)
