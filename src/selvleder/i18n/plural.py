"""Counted phrases in nb and en: singular and plural, small numbers as words, lists.

A catalogue template says a counted thing in the format spec of its count, so
each key stays one line of plain ``str.format`` with the same format fields in
both languages::

    "Handlingsrom: {count:ett punkt|# punkter}, {unclear:ett uklart|# uklare}."
    "{count:^ett punkt er uklart|~ punkter er uklare}. … avklare {count:det|dem}?"
    "{total:=2 begge prioriteringene|alle # prioriteringene} ble gjort."
    "Lately {tags} {tags:has|have} given you energy."

The spec of an integer (``Count``) or of a list (``Listed``, which shows as
"«A», «B» og «C»" / "“A”, “B” and “C”") is a count spec when it holds ``|``
or ``~``; any other spec formats the number as usual (``{pct:.0f}``):

- forms are separated by ``|``; a form that starts ``=N `` is for exactly N;
  of the others, one form is for every count, two are singular and plural
  (nb and en both say the singular for exactly 1 and the plural otherwise,
  0 included);
- ``#`` in a form is the number in figures, ``~`` the number as a word up to
  ten (two … ten / to … ti; "one"/"én" at 1; figures above ten), as
  Norwegian and English prose write small numbers;
- a spec that starts with ``^`` capitalises the first letter (a sentence
  that opens with its count: "Ett punkt …", "To punkter …").

nb gender at 1 is written out in the singular form ("ett punkt", "én
bestilling"); ``number_word(1, "nb", "n")`` gives the same from code.

Why our own helper and not Babel or gettext: ``ngettext`` needs compiled
.po/.mo catalogues (ours are Python dicts) and has no gender, number words,
"begge"/"both" or list joins; Babel knows the one/other rule and list joins,
but importing it (``babel.core.Locale`` and a plural form, Babel 2.19)
measured 62 ms against 20 ms for a bare interpreter, 2.1× the interpreter on
its own, where the whole of ``energy log`` has 4× (PRODUCT.md, Quality
bars). nb and en need only one/other, so this module is stdlib-only and cheap
to import.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable  # collections is not imported at start-up

WORDS = {
    "nb": ("null", "én", "to", "tre", "fire", "fem", "seks", "sju", "åtte", "ni", "ti"),
    "en": ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"),
}
NB_ONE = {"m": "én", "f": "ei", "n": "ett"}  # hankjønn, hunkjønn, intetkjønn
AND = {"nb": "og", "en": "and"}


def number_word(n: int, lang: str, gender: str = "m") -> str:
    """1-10 as a word ('én'/'ei'/'ett' by nb gender at 1); 0 and above ten in figures
    (a sentence about none says "ingen"/"no" with its own form: '=0 ingen …')."""
    if lang == "nb" and n == 1:
        return NB_ONE[gender]
    words = WORDS.get(lang, WORDS["en"])
    return words[n] if 1 <= n < len(words) else str(n)


def plural(n: int, one: str, other: str) -> str:
    """The singular form for exactly 1, the plural for every other count (nb and en)."""
    return one if n == 1 else other


def join_list(items: Iterable[str], lang: str) -> str:
    """'A', 'A og B', 'A, B og C' (nb); 'A and B', 'A, B and C' (en, no serial comma)."""
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {AND.get(lang, 'and')} {items[-1]}"


def is_count_spec(spec: str) -> bool:
    return "|" in spec or "~" in spec


def counted(n: int, spec: str, lang: str) -> str:
    """The form of ``spec`` (see the module's docstring) for the count n."""
    capital = spec.startswith("^")
    forms = (spec[1:] if capital else spec).split("|")
    chosen = None
    general: list[str] = []
    for form in forms:
        if form.startswith("="):
            number, _, text = form[1:].partition(" ")
            if number.isdigit() and int(number) == n and chosen is None:
                chosen = text
        else:
            general.append(form)
    if chosen is None:
        if not general or len(general) > 2:
            raise ValueError(f"a count spec needs one or two general forms: {spec!r}")
        chosen = general[0] if len(general) == 1 else plural(n, general[0], general[1])
    text = chosen.replace("#", str(n)).replace("~", number_word(n, lang))
    return text[:1].upper() + text[1:] if capital else text


class Count(int):
    """An integer in a message: '{n}' as usual, '{n:ett punkt|# punkter}' as a counted phrase."""

    lang = "en"

    def __new__(cls, value: int, lang: str) -> Count:
        self = super().__new__(cls, value)
        self.lang = lang
        return self

    def __format__(self, spec: str) -> str:
        if is_count_spec(spec):
            return counted(int(self), spec, self.lang)
        return int(self).__format__(spec)


class Listed(str):
    """Items joined with 'og'/'and' (or with ``sep``); '{items:det|dem}' counts the items."""

    items: tuple[str, ...] = ()
    lang = "en"

    def __new__(cls, items: Iterable[str], lang: str, sep: str | None = None) -> Listed:
        shown = tuple(items)
        self = super().__new__(cls, sep.join(shown) if sep else join_list(shown, lang))
        self.items = shown
        self.lang = lang
        return self

    def __format__(self, spec: str) -> str:
        if is_count_spec(spec):
            return counted(len(self.items), spec, self.lang)
        return str(self).__format__(spec)
