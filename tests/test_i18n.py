"""The catalogues: same keys and placeholders in nb and en; the tips' titles; language choice."""

from __future__ import annotations

import string
from pathlib import Path

import pytest

from selvleder.config import Config
from selvleder.errors import BadInput
from selvleder.i18n import Messages, format_number
from selvleder.i18n.choose import resolve_lang
from selvleder.i18n.en import MESSAGES as EN
from selvleder.i18n.nb import MESSAGES as NB

SRC = Path(__file__).resolve().parents[1] / "src" / "selvleder"


def placeholders(template: str) -> set[str]:
    """The named fields; a template str.format cannot parse counts as {'<unparseable>'}."""
    try:
        return {name for _, name, _, _ in string.Formatter().parse(template) if name}
    except ValueError:
        return {"<unparseable>"}


def test_same_keys_in_both_languages() -> None:
    only_nb, only_en = sorted(set(NB) - set(EN)), sorted(set(EN) - set(NB))
    assert (only_nb, only_en) == ([], []), f"only in nb: {only_nb}; only in en: {only_en}"


def test_same_placeholders_in_both_languages() -> None:
    differ = {
        key: (sorted(placeholders(NB[key])), sorted(placeholders(EN[key])))
        for key in sorted(set(NB) & set(EN))
        if placeholders(NB[key]) != placeholders(EN[key])
    }
    assert not differ, "placeholders differ (nb, en): " + "; ".join(
        f"{key}: {nb} vs {en}" for key, (nb, en) in differ.items()
    )


def test_every_template_formats() -> None:
    """A stray brace or a positional field would only show up when the message is used."""
    bad = []
    for lang, catalog in (("nb", NB), ("en", EN)):
        for key, text in sorted(catalog.items()):
            try:
                fields = list(string.Formatter().parse(text))
            except ValueError as exc:
                bad.append(f"{lang} {key}: {exc}")
                continue
            if any(name is not None and not name.isidentifier() for _, name, _, _ in fields):
                bad.append(f"{lang} {key}: a field that is not a plain name")
    assert not bad, "; ".join(bad)


def test_tip_titles_are_verbatim() -> None:
    assert NB["tip.role.title"] == "Reflekter over egen rolle og oppdrag"
    assert NB["tip.goals.title"] == "Sett tydelige mål for eget arbeid"
    assert NB["tip.plan.title"] == "Prioriter og planlegg for effektiv og riktig oppgaveløsning"
    assert NB["tip.feedback.title"] == "Be om og gi tilbakemelding – bestill ledelse"
    assert NB["tip.energy.title"] == "Ta vare på motivasjon og energi"
    assert EN["tip.role.title"] == "Reflect on your role and mission"
    assert EN["tip.goals.title"] == "Set clear goals for your own work"
    assert EN["tip.plan.title"] == "Prioritise and plan the week"
    assert EN["tip.feedback.title"] == "Ask for and give feedback — order leadership"
    assert EN["tip.energy.title"] == "Look after motivation and energy"


def test_no_scolding_words_or_exclamations() -> None:
    bad = []
    for lang, catalog in (("nb", NB), ("en", EN)):
        words = ("dårlig", "feil:") if lang == "nb" else ("bad ", "failed to", " fail ")
        for key, text in sorted(catalog.items()):
            if "!" in text:
                bad.append(f"{lang} {key}: '!'")
            if key.startswith(("error.journal", "usage.", "journal_mode")):
                continue
            bad += [f"{lang} {key}: {word!r}" for word in words if word in text.lower()]
    assert not bad, "; ".join(bad)


def test_numbers_use_decimal_comma_in_nb() -> None:
    assert format_number(3.5, "nb") == "3,5"
    assert format_number(3.5, "en") == "3.5"
    assert Messages("nb")("goal.count", active=2, cap=5) == "2 av høyst 5 aktive mål."


def test_language_resolution_order(monkeypatch: pytest.MonkeyPatch) -> None:
    config = Config()
    config.lang = "en"
    monkeypatch.setenv("LANG", "nb_NO.UTF-8")
    assert resolve_lang(None, None) == "nb"
    assert resolve_lang(None, config) == "en"
    monkeypatch.setenv("SELVLEDER_LANG", "nb")
    assert resolve_lang(None, config) == "nb"
    assert resolve_lang("en", config) == "en"
    monkeypatch.setenv("LC_ALL", "en_GB.UTF-8")
    monkeypatch.delenv("SELVLEDER_LANG")
    assert resolve_lang(None, None) == "en"
    monkeypatch.setenv("LC_ALL", "nn_NO.UTF-8")
    assert resolve_lang(None, None) == "nb"
    with pytest.raises(BadInput):
        resolve_lang("de", None)
