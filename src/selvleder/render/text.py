"""Make user text safe to show: no control bytes, no markup interpretation.

``literal`` replaces C0/C1 control characters (ESC, CSI, BEL, NUL, CR, ...)
except newline and tab with a visible ``\\xNN`` escape, so journal text can
never move the cursor, clear the screen or set a window title. Rich output
goes through ``rich_text`` (a ``Text`` object, never parsed as markup).
"""

from __future__ import annotations

import re

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Sequence
    from typing import Any

    from rich.text import Text

# Invisible characters that change how the text around them is shown: right-to-left and
# other bidi overrides, embeddings and isolates, zero-width spaces and joiners, the BOM.
INVISIBLE = "\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff"
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f" + INVISIBLE + "]")
# JSON for stdout escapes C1 controls and the invisible characters (same data, never raw)
_C1 = re.compile("[\x7f-\x9f" + INVISIBLE + "]")
_C1_CHARS = tuple(
    chr(code)
    for code in (
        *range(0x7F, 0xA0),
        0x061C,
        0x180E,
        *range(0x200B, 0x2010),
        *range(0x202A, 0x202F),
        *range(0x2060, 0x2065),
        *range(0x2066, 0x206A),
        0xFEFF,
    )
)
# what a header or calendar field must not carry: every control character and the invisible
_UNSAFE_FIELD = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f" + INVISIBLE + "]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0xA0 else f"<U+{code:04X}>"


def literal(text: str) -> str:
    """Text for the terminal: control characters as ``\\xNN``, bidi overrides and
    zero-width characters as ``<U+202E>``; newline and tab kept."""
    if text.isprintable():
        return text
    return _CONTROL.sub(_escape, text).encode("utf-8", "replace").decode("utf-8")


def plain_field(text: str, *, newlines: bool = False) -> str:
    """Text for a file's field another program reads (a .ics property, an .eml header):
    control characters and invisible characters removed, tabs made spaces; line breaks
    kept only with ``newlines`` (a description), else made spaces."""
    if text.isprintable():
        return text
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    if not newlines:
        text = text.replace("\n", " ")
    return _UNSAFE_FIELD.sub("", text).encode("utf-8", "replace").decode("utf-8")


_LINE_BREAKS = re.compile("[\r\n\t\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]+")


def one_line(text: str) -> str:
    """Text for a single line (error messages): every kind of line break becomes a space."""
    return literal(_LINE_BREAKS.sub(" ", text))


def rich_text(text: str | None, style: str = "") -> Text:
    from rich.text import Text

    return Text(literal(text or ""), style=style)


def to_json(data: object) -> str:
    """JSON for stdout: UTF-8 text, with C1 controls and invisible characters (bidi
    overrides, zero-width) escaped too (json leaves them raw).

    The same text as ``json.dumps(data, ensure_ascii=False, indent=2)`` (a test
    compares them on generated values), but the values are written by json's C
    encoder and only the indentation here: with ``indent`` set, ``json`` cannot
    use its C encoder, and most of a 10-year ``export`` went to its generators.
    """
    out = _Indented().text(data, "\n")
    # 33 substring searches take ~1 ms on a 2 MB export, the regex's scan ~25 ms
    if any(c in out for c in _C1_CHARS):
        out = _C1.sub(lambda m: f"\\u{ord(m.group()):04x}", out)
    return out


class _Indented:
    """JSON indented two spaces a level, written in batches: all the plain values
    at one place in the shape (a list of them, one key of many same-keyed objects)
    go through the C encoder in one call, with a line break as the separator (one
    cannot occur inside an encoded value, so splitting there gives them back)."""

    PLAIN = frozenset((str, int, float, bool, type(None)))

    def __init__(self) -> None:
        import json

        self.dumps = json.dumps
        self.encode = json.JSONEncoder(ensure_ascii=False, separators=("\n", ": ")).encode

    def text(self, value: object, newline: str) -> str:
        """``newline``: a line break and the indentation of the line ``value`` starts on."""
        return self.many([value], newline)[0]

    def many(self, values: Sequence[object], newline: str) -> list[str]:
        """Each of ``values`` (not empty) as text starting on a line indented so."""
        kinds = set(map(type, values))
        if kinds <= self.PLAIN:
            return self.encode(values)[1:-1].split("\n")
        if kinds == {dict}:
            keys = list(values[0])  # type: ignore[call-overload]
            same = all(map(keys.__eq__, map(list, values)))  # type: ignore[arg-type]
            if keys and set(map(type, keys)) == {str} and same:
                return self.objects(values, keys, newline)
        if kinds == {list}:
            return self.lists(values, newline)
        # mixed: each kind of value in its own batch, then back in order
        shown: list[str] = [""] * len(values)
        batches: dict[object, list[int]] = {}
        for at, value in enumerate(values):
            kind = type(value)
            if kind in self.PLAIN:
                batch: object = "plain"
            elif kind is dict and value:
                batch = tuple(value)  # type: ignore[arg-type]
                if set(map(type, batch)) != {str}:
                    batch = at
            elif kind is list and value:
                batch = "lists"
            elif kind is list or kind is dict:
                shown[at] = "[]" if kind is list else "{}"
                continue
            else:
                batch = at
            batches.setdefault(batch, []).append(at)
        for batch, places in batches.items():
            if isinstance(batch, int):
                (at,) = places  # keys that are not text, other types
                dumped = self.dumps(values[at], ensure_ascii=False, indent=2)
                shown[at] = dumped.replace("\n", newline)
            else:
                for at, text in zip(
                    places, self.many([values[i] for i in places], newline), strict=True
                ):
                    shown[at] = text
        return shown

    def objects(self, rows: Sequence[Any], keys: list[str], newline: str) -> list[str]:
        """Objects with the same keys in the same order."""
        inner = newline + "  "
        columns = [self.many(column, inner) for column in zip(*map(dict.values, rows), strict=True)]
        lines = [inner + self.encode(key).replace("%", "%%") + ": %s" for key in keys]
        template = "{" + ",".join(lines) + newline + "}"
        return list(map(template.__mod__, zip(*columns, strict=True)))

    def lists(self, lists: Sequence[Any], newline: str) -> list[str]:
        """Lists: their items in one batch, then back in their lists."""
        from itertools import chain

        inner = newline + "  "
        flat = list(chain.from_iterable(lists))
        items = self.many(flat, inner) if flat else []
        between = "," + inner
        shown, start = [], 0
        for size in map(len, lists):
            if size:
                part = between.join(items[start : start + size])
                shown.append("[" + inner + part + newline + "]")
                start += size
            else:
                shown.append("[]")
        return shown
