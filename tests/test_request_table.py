"""ask-leader list: the one-row fast form prints what Rich's table of rows prints.

Plain output is the same byte for byte; with colour every character has the same
style (Rich groups the styled blank under a short id differently: the same screen).
"""

from __future__ import annotations

import io

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rich.console import Console, Group
from rich.style import Style

from selvleder.i18n import Messages
from selvleder.render.ask import RequestTable

STATUSES = ("open", "answered", "closed")
NEEDS = ("feedback", "decision", "support")


def _print(renderable: object, width: int, color: bool) -> str:
    out = io.StringIO()
    console = Console(
        file=out,
        width=width,
        force_terminal=color,
        color_system="truecolor" if color else None,
        markup=False,
        emoji=False,
        highlight=False,
    )
    console.print(renderable)
    return out.getvalue()


def _screen(renderable: object, width: int) -> list[list[tuple[str, Style]]]:
    """Each printed line as (character, style) pairs: what a colour terminal shows."""
    console = Console(file=io.StringIO(), width=width, force_terminal=True, markup=False)
    return [
        [(char, segment.style or Style()) for segment in line for char in segment.text]
        for line in console.render_lines(renderable, console.options, pad=False)
    ]


def same(fast: RequestTable, width: int, color: bool) -> bool:
    if color:
        return _screen(Group(fast), width) == _screen(Group(fast.table()), width)
    return _print(fast, width, False) == _print(fast.table(), width, False)


def _rows(topics: list[tuple[str, str | None]]) -> list[dict[str, object]]:
    return [
        {
            "id": 7 * i + 1,
            "status": STATUSES[i % 3],
            "need": NEEDS[i % 3],
            "topic": topic,
            "note": note,
            "created_at": f"2026-0{1 + i % 9}-1{i % 10}T10:00:00+00:00",
        }
        for i, (topic, note) in enumerate(topics)
    ]


text = st.text(st.characters(blacklist_categories=("Cc", "Cs")), min_size=1, max_size=40)


@given(
    topics=st.lists(st.tuples(text, st.none() | text), min_size=1, max_size=12),
    width=st.sampled_from([30, 60, 100, 160]),
    color=st.booleans(),
    lang=st.sampled_from(["nb", "en"]),
)
def test_fast_form_prints_as_richs_table(
    topics: list[tuple[str, str | None]], width: int, color: bool, lang: str
) -> None:
    assert same(RequestTable(_rows(topics), Messages(lang)), width, color)


@pytest.mark.parametrize("color", [False, True])
def test_many_requests_with_notes(color: bool) -> None:
    topics = [(f"Malen nr. {i}", "Kari svarte" if i % 2 else None) for i in range(150)]
    table = RequestTable(_rows(topics), Messages("nb"))
    printed = _print(table, 100, color)
    assert same(table, 100, color)
    assert "Malen nr. 149" in printed and printed.count("Kari svarte") == 75
