"""Counted phrases (issue 14, LANGUAGE.md "Counting and agreement"): the helper, the
catalogues and every screen of a demo session, in nb and en, without a plural hack."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from helpers import run_cli
from selvleder.entities import NEEDS
from selvleder.i18n import Messages
from selvleder.i18n.en import MESSAGES as EN
from selvleder.i18n.nb import MESSAGES as NB
from selvleder.i18n.plural import counted, join_list, number_word

# "punkt(er)", "item(s)", "priority(ies)", "uferdig(e)" ...: what a program writes
# when it does not know the count.
HACK = re.compile(r"[a-zæøå]\((s|er|e|en|ene|ies)\)", re.IGNORECASE)
FRI = "2026-11-27T16:00:00+01:00"  # week 48
COUNTS = (1, 2, 5, 11, 21)


# -- the helper ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "lang, words",
    [
        ("nb", ["én", "to", "fem", "11", "21"]),
        ("en", ["one", "two", "five", "11", "21"]),
    ],
)
def test_small_numbers_are_words_and_larger_ones_figures(lang: str, words: list[str]) -> None:
    assert [number_word(n, lang) for n in COUNTS] == words
    assert number_word(10, lang) == ("ti" if lang == "nb" else "ten")
    assert number_word(0, lang) == "0"


def test_nb_one_agrees_with_the_gender_of_its_noun() -> None:
    assert number_word(1, "nb", "m") == "én"  # én bestilling
    assert number_word(1, "nb", "f") == "ei"  # ei uke
    assert number_word(1, "nb", "n") == "ett"  # ett punkt
    assert number_word(2, "nb", "n") == "to"  # only 1 has gender
    assert number_word(1, "en", "n") == "one"
    assert Messages("nb").number_word(1, "n") == "ett"


@pytest.mark.parametrize(
    "lang, spec, shown",
    [
        (
            "nb",
            "^ett punkt er uklart|~ punkter er uklare",
            [
                "Ett punkt er uklart",
                "To punkter er uklare",
                "Fem punkter er uklare",
                "11 punkter er uklare",
                "21 punkter er uklare",
            ],
        ),
        (
            "en",
            "^one item is unclear|~ items are unclear",
            [
                "One item is unclear",
                "Two items are unclear",
                "Five items are unclear",
                "11 items are unclear",
                "21 items are unclear",
            ],
        ),
        ("nb", "# dag|# dager", ["1 dag", "2 dager", "5 dager", "11 dager", "21 dager"]),
        ("en", "# day|# days", ["1 day", "2 days", "5 days", "11 days", "21 days"]),
        (
            "nb",
            "=2 begge prioriteringene|alle ~ prioriteringene",
            [
                "alle én prioriteringene",  # the rule's own variant says "den ene" at 1
                "begge prioriteringene",
                "alle fem prioriteringene",
                "alle 11 prioriteringene",
                "alle 21 prioriteringene",
            ],
        ),
        (
            "en",
            "^=2 both priorities|all ~ priorities",
            [
                "All one priorities",
                "Both priorities",
                "All five priorities",
                "All 11 priorities",
                "All 21 priorities",
            ],
        ),
        ("en", "=2 twice|once|~ times", ["once", "twice", "five times", "11 times", "21 times"]),
        (
            "nb",
            "én gang|~ ganger",
            ["én gang", "to ganger", "fem ganger", "11 ganger", "21 ganger"],
        ),
    ],
)
def test_a_count_spec_picks_the_form_for_the_count(lang: str, spec: str, shown: list[str]) -> None:
    assert [counted(n, spec, lang) for n in COUNTS] == shown


def test_counts_in_templates_and_plain_numbers_still_format() -> None:
    nb, en = Messages("nb"), Messages("en")
    assert nb("ask.agenda.intro", count=1).startswith("Her er én ting ")
    assert nb("ask.agenda.intro", count=2).startswith("Her er to ting ")
    assert en("ask.agenda.intro", count=1).startswith("Here is one thing ")
    assert en("ask.agenda.intro", count=21).startswith("Here are 21 things ")
    item = {"kind": "Beslutning", "topic": "«X»"}
    assert nb("ask.agenda.item", days=1, **item).endswith("(åpen i 1 dag)")
    assert en("ask.agenda.item", days=11, **item).endswith("(open for 11 days)")
    assert nb("goal.count", active=2, cap=5) == "2 av høyst 5 aktive mål."  # no spec: a number
    assert nb.count(5, "ett punkt|~ punkter") == "fem punkter"
    assert f"{nb.count(3, '#'):>3}" == "  3"
    with pytest.raises(ValueError):
        counted(2, "a|b|c", "en")


@pytest.mark.parametrize(
    "lang, two, three",
    [
        ("nb", "«A» og «B»", "«A», «B» og «C»"),
        ("en", "“A” and “B”", "“A”, “B” and “C”"),
    ],
)
def test_lists_end_with_og_or_and(lang: str, two: str, three: str) -> None:
    left, right = ("«", "»") if lang == "nb" else ("“", "”")
    items = [f"{left}{x}{right}" for x in "ABC"]
    assert join_list(items[:1], lang) == items[0]
    assert join_list(items[:2], lang) == two
    assert join_list(items, lang) == three
    t = Messages(lang)
    one, many = t.listed(items[:1]), t.listed(items)
    assert f"{one}" == items[0] and f"{many}" == three
    pronoun = "det|dem" if lang == "nb" else "it|them"
    assert (format(one, pronoun), format(many, pronoun)) == tuple(pronoun.split("|"))
    assert t.listed(["#a", "#b"], "; ") == "#a; #b"


def test_pronouns_agree_with_the_count_in_observations() -> None:
    nb, en = Messages("nb"), Messages("en")
    one = nb("obs.goals.overdue", count=1, goals=nb.listed(["«A»"]))
    assert one.startswith("Ett mål har passert fristen: «A».") and "legge det bort?" in one
    two = nb("obs.goals.overdue", count=2, goals=nb.listed(["«A»", "«B»"]))
    assert two.startswith("To mål har passert fristen: «A» og «B».") and "legge ett bort" in two
    assert "let it go?" in en("obs.goals.overdue", count=1, goals=en.listed(["“A”"]))
    drain = nb("obs.energy.drainers", evidence=nb.listed(["#møter: …"], "; "))
    assert "Kan du ta hensyn til det når du planlegger uka" in drain
    drain = en("obs.energy.drainers", evidence=en.listed(["#meetings: …", "#email: …"], "; "))
    assert "Can you take them into account when you plan the week" in drain
    assert "bidrar den andre" in nb("obs.role.goal_links", linked=1, total=2, unlinked=1)
    assert "bidrar de andre" in nb("obs.role.goal_links", linked=1, total=3, unlinked=2)
    assert en("obs.plan.completion.all", total=2).startswith("Both priorities done.")
    assert nb("obs.plan.completion.all", total=2).startswith("Begge prioriteringene ble gjort.")
    assert nb("obs.plan.completion.all", total=3).startswith("Alle tre prioriteringene ble")


# -- the catalogues -----------------------------------------------------------------------


def test_no_catalogue_has_a_plural_hack() -> None:
    found = [
        f"{lang} {key}: {HACK.search(text).group(0)}"  # type: ignore[union-attr]
        for lang, catalog in (("nb", NB), ("en", EN))
        for key, text in sorted(catalog.items())
        if HACK.search(text)
    ]
    assert not found, "; ".join(found)
    i18n = Path(__file__).resolve().parents[1] / "src" / "selvleder" / "i18n"
    in_files = [  # what the commit hook greps: every file of the package, comments too
        f"{path.name}:{n}"
        for path in sorted(i18n.glob("*.py"))
        for n, line in enumerate(path.read_text("utf-8").splitlines(), 1)
        if HACK.search(line)
    ]
    assert not in_files, in_files


def test_every_count_spec_formats_at_every_count() -> None:
    """A count spec with a typo (three general forms) would only fail when it is shown."""
    spec = re.compile(r"\{[a-z_]+:([^{}]*[|~][^{}]*)\}")
    for lang, catalog in (("nb", NB), ("en", EN)):
        for key, text in catalog.items():
            for found in spec.finditer(text):
                for n in (0, 1, 2, 3, 11):
                    shown = counted(n, found.group(1), lang)
                    assert "|" not in shown and "~" not in shown, (lang, key)


# -- every screen of a demo session -------------------------------------------------------

SESSION = [
    ["reflect", "--no-input", "--week", "2026-W45"],
    ["reflect", "--no-input", "--week", "2026-W46"],
    ["reflect", "--no-input", "--week", "2026-W47"],
    ["reflect", "--no-input"],
    ["review"],
    ["review", "--weeks", "1"],
    ["week"],
    ["week", "--week", "last"],
    ["energy", "show"],
    ["energy", "insights"],
    ["role"],
    ["goal", "list"],
    ["ask-leader", "--need", "decision", "--topic", "Which template to use"],
    ["ask-leader", "--agenda", "--dry-run"],
    ["ask-leader", "list"],
    ["mandate", "list"],
    ["goal", "show", "1"],
    ["feedback", "list"],
    # every kind of request, drafted and not recorded
    *(["ask-leader", "--need", need, "--topic", "Brevmalen", "--dry-run"] for need in NEEDS),
]


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_a_demo_session_shows_no_plural_hack(
    lang: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SELVLEDER_NOW", FRI)
    db = str(tmp_path / "demo.db")
    screens = {"demo": run_cli("--lang", lang, "demo", "--db", db)}
    for words in SESSION:
        if words[1:2] == ["--need"]:  # asked yesterday: open for one day on the agenda
            monkeypatch.setenv("SELVLEDER_NOW", "2026-11-26T10:00:00+01:00")
        screens[" ".join(words)] = run_cli("--lang", lang, "--db", db, *words)
        monkeypatch.setenv("SELVLEDER_NOW", FRI)
    failed = {name: r.err for name, r in screens.items() if r.code != 0}
    assert not failed, failed
    hacks = {name: HACK.findall(r.out + r.err) for name, r in screens.items()}
    assert not any(hacks.values()), {k: v for k, v in hacks.items() if v}
    # the agenda sent to the leader counts its items
    agenda = screens["ask-leader --agenda --dry-run"].out
    intro = re.search(r"(Her er|Here (?:is|are)) (\S+) (ting|things?)", agenda)
    assert intro is not None, agenda
    assert intro.group(0) not in ("Her er 1 ting", "Here are 1 things", "Here are one things")
    assert re.search(r"\((åpen i 1 dag|open for 1 day)\)", agenda), agenda
