"""Validation of the free text people type: titles, notes, names."""

from __future__ import annotations

from selvleder.errors import BadInput
from selvleder.i18n import message_key

MAX_TITLE = 300
MAX_NOTE = 5000
MAX_ANSWER = 20000  # a reflection answer: 5,000 at the prompt, longer in $EDITOR
MAX_ID = 2**63 - 1


def _check_encoding(value: str, field: str) -> None:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise BadInput("error.encoding", field=field) from None


def require_text(value: str | None, field: str, max_len: int = MAX_TITLE) -> str:
    """Non-empty text, stripped of surrounding whitespace; kept exactly otherwise."""
    text = (value or "").strip()
    if not text:
        raise BadInput("error.empty", field=field)
    _check_encoding(text, field)
    if len(text) > max_len:
        raise BadInput("error.too_long", field=field, max=max_len)
    return text


def optional_text(value: str | None, field: str, max_len: int = MAX_TITLE) -> str | None:
    """Text or None; an empty string clears the value."""
    if value is None or not value.strip():
        return None
    return require_text(value, field, max_len)


def check_id(value: int, what: str) -> int:
    if not 1 <= value <= MAX_ID:
        raise BadInput(message_key(f"error.{what}_unknown"), id=value)
    return value


def error_location(loc: tuple[int | str, ...]) -> str:
    """A validation error's place in a file the user gave: ('goals', 0, 'status') ->
    'goals[0].status'."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(file)"
