"""Every command's --help speaks the user's language to the last placeholder:
`Bruk: selvleder goal add [VALG] {TITTEL}` in nb, no English metavariables
(LANGUAGE.md: "Usage lines and placeholders in --help are Norwegian in nb")."""

from __future__ import annotations

import importlib
import re

import pytest

from helpers import run_cli
from selvleder.cli import COMMAND_MODULES
from selvleder.i18n.en import MESSAGES as EN
from selvleder.i18n.nb import MESSAGES as NB


def every_command() -> list[tuple[str, ...]]:
    paths: set[tuple[str, ...]] = set()
    for module in sorted(set(COMMAND_MODULES.values())):
        declared = importlib.import_module(f"selvleder.cli.{module}").commands
        paths |= {tuple(c.path) for c in declared.declared}
        paths |= {(g.name,) for g in declared.groups}
    return sorted(paths)


# The placeholders that differ between the languages: none of the English ones in nb.
ENGLISH = sorted(
    {EN[k] for k in EN if k.startswith("metavar.") and EN[k] != NB[k]}
    | {"[OPTIONS]", "COMMAND", "[ARGS]", "<str>", "<int>"}
)


def test_there_is_something_to_check() -> None:
    assert len(every_command()) > 40
    assert {"TITLE", "TEXT", "FILE", "DATE"} <= set(ENGLISH)


@pytest.mark.parametrize("path", every_command(), ids=" ".join)
def test_nb_help_has_no_english_placeholder(path: tuple[str, ...]) -> None:
    result = run_cli("--lang", "nb", *path, "--help")
    assert result.code == 0, result.err
    usage, *body = result.out.splitlines()
    assert usage.startswith("Bruk: selvleder"), usage
    options = [line for line in body if re.match(r"\s+-", line)]
    for word in ENGLISH:
        pattern = rf"(?<![\w-]){re.escape(word)}(?![\w])"
        assert not re.search(pattern, usage), (word, usage)
        for line in options:  # the option column: "--due DATO   Frist: ..."
            column = line.strip().split("  ")[0]
            assert not re.search(pattern, column), (word, line)


def test_en_help_keeps_its_placeholders() -> None:
    out = run_cli("--lang", "en", "goal", "add", "--help").out
    assert out.startswith("Usage: selvleder goal add [OPTIONS] {TITLE}")
    assert "--measure TEXT" in out and "--due DATE" in out


def test_a_missing_argument_is_named_in_the_users_language() -> None:
    assert run_cli("--lang", "nb", "goal", "add").err.startswith("Mangler TITTEL.")
    assert run_cli("--lang", "en", "goal", "add").err.startswith("Missing TITLE.")
