"""Every user-facing sentence, in Norwegian Bokmål and English.

The catalogues (``nb.py`` and ``en.py``) hold the same keys with the same
format fields; a test keeps them in step. ``Messages`` formats one key in one
language, with numbers in that language's style (decimal comma in nb).

Keys are typed: ``MessageKey`` (``selvleder/message_keys.py``, generated from the
catalogues by ``python scripts/message_keys.py``) is the ``Literal`` of every key,
so mypy refuses a key no catalogue has. A key built at run time
(``f"obs.{code}.{variant}"``) becomes a ``MessageKey`` only through
``message_key``, which checks it against the catalogue.
"""

from __future__ import annotations

import os

from selvleder.i18n.plural import Count, Listed, number_word
from selvleder.paths import ENV_STRICT_KEYS

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable
    from datetime import date as date_
    from datetime import datetime as datetime_
    from datetime import time as time_
    from typing import TypeGuard

    from selvleder.message_keys import MessageKey

LANGS = ("nb", "en")
_NB_LOCALES = ("nb", "no", "nn")


def normalize_lang(value: str) -> str | None:
    """'nb', 'NB', 'no', 'nn', 'norsk' -> 'nb'; 'en', 'english' -> 'en'; else None."""
    v = value.strip().lower()
    if v in ("nb", "no", "nn", "nob", "norsk", "bokmål", "bokmal", "norwegian"):
        return "nb"
    if v in ("en", "eng", "english", "engelsk"):
        return "en"
    return None


def locale_lang() -> str:
    """nb when the POSIX locale in force starts with nb, no or nn, else en."""
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var, "")
        if value:
            return "nb" if value.lower().startswith(_NB_LOCALES) else "en"
    return "en"


_LOADED: dict[str, dict[str, str]] = {}


def _catalog(lang: str) -> dict[str, str]:
    if lang == "nb":
        from selvleder.i18n.nb import MESSAGES as NB

        _LOADED[lang] = NB
        return NB
    from selvleder.i18n.en import MESSAGES as EN

    _LOADED["en"] = EN
    return EN


class UnknownMessageKey(LookupError):
    """A key no catalogue has, met while ``SELVLEDER_STRICT_KEYS`` is set (the tests set it)."""


MISSED: list[str] = []  # every unknown key met in this process; the tests fail on any


def _unknown(key: str) -> str:
    """A key no catalogue has is a bug. Users see the key rather than a failed command;
    with ``SELVLEDER_STRICT_KEYS`` set (every test run) it raises, and it is recorded in
    ``MISSED`` either way, so a test fails even where the error would be swallowed."""
    MISSED.append(key)
    if os.environ.get(ENV_STRICT_KEYS, "") not in ("", "0"):
        raise UnknownMessageKey(key)
    return key


def message_key(text: str) -> MessageKey:
    """A key built at run time, checked against the catalogue: the one way from ``str``
    to ``MessageKey``. Its family (``obs.*``, ``priority.status.*``...) is listed in
    ``tests/test_message_keys.py::DYNAMIC``, where a test checks that each catalogue key
    is used by a literal or by one of those families. Both catalogues hold the same keys
    (a test), so the one already loaded serves: no second catalogue is read."""
    catalog = next(iter(_LOADED.values()), None)
    if text not in (catalog if catalog is not None else _catalog("en")):
        _unknown(text)
    return text  # type: ignore[return-value]  # checked just above


def format_number(value: float, lang: str, digits: int = 1) -> str:
    text = f"{value:.{digits}f}"
    return text.replace(".", ",") if lang == "nb" else text


class Messages:
    """Formats catalogue keys in one language."""

    def __init__(self, lang: str) -> None:
        self.lang = lang if lang in LANGS else "en"
        self._messages = _catalog(self.lang)

    def __call__(self, key: MessageKey, /, **params: object) -> str:
        template = self._messages.get(key)
        if template is None:
            return _unknown(key)
        if not params:
            return template
        shown = {k: self._value(v) for k, v in params.items()}
        return template.format(**shown)

    def _value(self, value: object) -> object:
        if isinstance(value, tuple) and len(value) == 2 and isinstance(value[1], dict):
            return self(value[0], **value[1])  # a nested message: (key, params)
        if isinstance(value, float):
            return format_number(value, self.lang)
        if isinstance(value, int) and not isinstance(value, (bool, Count)):
            return Count(value, self.lang)  # '{n:ett punkt|# punkter}' (i18n/plural.py)
        return value

    def listed(self, items: Iterable[str], sep: str | None = None) -> Listed:
        """Items joined with 'og'/'and' (or ``sep``) for a message; '{items:det|dem}' agrees."""
        return Listed(items, self.lang, sep)

    def count(self, n: int, spec: str) -> str:
        """A counted phrase outside a template: t.count(3, "ett punkt|# punkter")."""
        return format(Count(n, self.lang), spec)

    def number_word(self, n: int, gender: str = "m") -> str:
        """'én'/'ei'/'ett', 'to' … 'ti' (nb) or 'one' … 'ten'; figures above ten."""
        return number_word(n, self.lang, gender)

    def num(self, value: float, digits: int = 1) -> str:
        return format_number(value, self.lang, digits)

    def date(self, day: date_) -> str:
        """27.11.2026 in nb, 2026-11-27 in en (LANGUAGE.md)."""
        return day.strftime("%d.%m.%Y") if self.lang == "nb" else day.isoformat()

    def week_heading(self, number: int, first: date_, last: date_, inline: bool = False) -> str:
        """'Uke 48 (23.11.–29.11.2026)' / 'Week 48 (2026-11-23 – 2026-11-29)'; ``inline``
        for the middle of a sentence ('uke 48 …')."""
        if self.lang == "nb":
            span = f"{first:%d.%m.}–{last:%d.%m.%Y}"
        else:
            span = f"{first:%Y-%m-%d} – {last:%Y-%m-%d}"
        return self("week.heading.inline" if inline else "week.heading", number=number, span=span)

    def short_date(self, day: date_) -> str:
        """27.11. in nb (with its final full stop), 27 Nov in en: a date in this year's view."""
        if self.lang == "nb":
            return day.strftime("%d.%m.")
        return f"{day.day} {day.strftime('%b')}"

    def clock(self, moment: time_ | datetime_) -> str:
        """14.30 in nb prose (Språkrådet), 14:30 in en."""
        return moment.strftime("%H.%M" if self.lang == "nb" else "%H:%M")

    def week(self, iso_week: str) -> str:
        """'2026-W48' as 'uke 48' / 'week 48'."""
        return self("common.week", number=int(iso_week.split("W")[1]))

    def has(self, key: str) -> TypeGuard[MessageKey]:
        """Whether a key built at run time is in the catalogue (then mypy takes it as one)."""
        return key in self._messages
