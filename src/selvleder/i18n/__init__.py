"""Every user-facing sentence, in Norwegian Bokmål and English.

The catalogues (``nb.py`` and ``en.py``) hold the same keys with the same
format fields; a test keeps them in step. ``Messages`` formats one key in one
language, with numbers in that language's style (decimal comma in nb).
"""

from __future__ import annotations

import os

from selvleder.i18n.plural import Count, Listed, number_word

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable
    from datetime import date as date_

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


def _catalog(lang: str) -> dict[str, str]:
    if lang == "nb":
        from selvleder.i18n.nb import MESSAGES as NB

        return NB
    from selvleder.i18n.en import MESSAGES as EN

    return EN


def format_number(value: float, lang: str, digits: int = 1) -> str:
    text = f"{value:.{digits}f}"
    return text.replace(".", ",") if lang == "nb" else text


class Messages:
    """Formats catalogue keys in one language."""

    def __init__(self, lang: str) -> None:
        self.lang = lang if lang in LANGS else "en"
        self._messages = _catalog(self.lang)

    def __call__(self, key: str, /, **params: object) -> str:
        template = self._messages.get(key)
        if template is None:
            # A missing key is a bug; show the key rather than fail the command.
            return key
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

    def week(self, iso_week: str) -> str:
        """'2026-W48' as 'uke 48' / 'week 48'."""
        return self("common.week", number=int(iso_week.split("W")[1]))

    def has(self, key: str) -> bool:
        return key in self._messages
