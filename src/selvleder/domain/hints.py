"""Commands the coach and the messages suggest, written so that they run as shown.

A hint is a complete ``selvleder`` command line with the user's own ids. Text the
user must write themselves is the fill mark ``…`` (``"…"`` where it is free text);
the message around the hint says in words what goes there. User text that goes into
a hint as it is (a mandate item as a topic, an organisation goal) is quoted for a
POSIX shell, so a copied hint means exactly what it shows.
"""

from __future__ import annotations

import re

FILL = "…"  # a value the user fills in (a date, an id)
FILL_TEXT = '"…"'  # free text the user fills in
_BARE = re.compile(r"[A-Za-z0-9_@%+=:,./-]+")
_MAX_QUOTED = 80  # longer user text is left for the user to fill in


def shell_word(text: str) -> str:
    """One shell word that means ``text``: bare when safe, else in double quotes with
    the characters the shell still reads there escaped; text that cannot be shown on
    one line, is long, or holds a '!' becomes the fill mark."""
    if text in (FILL, FILL_TEXT):
        return text
    if _BARE.fullmatch(text):
        return text
    if not text.isprintable() or "!" in text or len(text) > _MAX_QUOTED:
        return FILL_TEXT  # '!' would be history expansion in an interactive bash
    return '"' + re.sub(r'(["\\$`])', r"\\\1", text) + '"'


def command(*words: str | int) -> str:
    """``selvleder`` and its words, each quoted as the shell needs."""
    return " ".join(["selvleder", *(shell_word(str(w)) for w in words)])
