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
    from rich.text import Text

_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_C1 = re.compile("[\x7f-\x9f]")


def _escape(match: re.Match[str]) -> str:
    return f"\\x{ord(match.group()):02x}"


def literal(text: str) -> str:
    if text.isprintable():
        return text
    return _CONTROL.sub(_escape, text).encode("utf-8", "replace").decode("utf-8")


_LINE_BREAKS = re.compile("[\r\n\t\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]+")


def one_line(text: str) -> str:
    """Text for a single line (error messages): every kind of line break becomes a space."""
    return literal(_LINE_BREAKS.sub(" ", text))


def rich_text(text: str | None, style: str = "") -> Text:
    from rich.text import Text

    return Text(literal(text or ""), style=style)


def to_json(data: object) -> str:
    """JSON for stdout: UTF-8 text, with C1 controls escaped too (json leaves them raw)."""
    import json

    out = json.dumps(data, ensure_ascii=False, indent=2)
    return _C1.sub(lambda m: f"\\u{ord(m.group()):04x}", out)
