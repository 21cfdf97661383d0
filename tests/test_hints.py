"""Hints are commands that run as shown (PRODUCT.md, "Every suggested command runs as shown").

``shell_word`` quotes user text for a POSIX shell; the runner test in this module finds
every command the catalogues and the coach can suggest and runs it.
"""

from __future__ import annotations

import json
import re
import shlex
import shutil
import subprocess
from pathlib import Path

import pexpect
import pytest

from helpers import BIN, run_cli
from selvleder.cli import COMMAND_MODULES
from selvleder.domain.hints import FILL, FILL_TEXT, command, shell_word
from selvleder.i18n.en import MESSAGES as EN
from selvleder.i18n.nb import MESSAGES as NB

NOW = "2026-11-27T14:00:00+01:00"  # a Friday, week 48
EARLIER = "2026-10-12T10:00:00+02:00"  # six weeks before: goals go stale, a request gets old
CATALOGUES = {"en": EN, "nb": NB}
COMMAND_WORDS = sorted(COMMAND_MODULES)
# Hints that ask questions on a terminal; the test answers them in a real one.
GUIDED = (["init"], ["plan-week"], ["ask-leader"], ["forget", "--all"])


# -- quoting ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, word",
    [
        ("clarify-mandate", "clarify-mandate"),
        ("2026-W48", "2026-W48"),
        ("Who signs?", '"Who signs?"'),
        ('Say "hi" for $5 `now` \\', r'"Say \"hi\" for \$5 \`now\` \\"'),
        ("Kari's cases", '"Kari\'s cases"'),
        ("Done!", FILL_TEXT),  # history expansion in an interactive bash
        ("two\nlines", FILL_TEXT),
        ("\x1b[2J", FILL_TEXT),
        ("a long " * 12, FILL_TEXT),  # left for the user to fill in
        ("x" * 90, "x" * 90),
        (FILL, FILL),
    ],
)
def test_shell_word_means_the_text_to_a_shell(text: str, word: str) -> None:
    assert shell_word(text) == word
    if word not in (FILL, FILL_TEXT):  # what a real shell makes of it
        shown = subprocess.run(["sh", "-c", f"printf %s {word}"], capture_output=True, text=True)
        assert shown.stdout == text


def test_a_command_is_selvleder_and_its_quoted_words() -> None:
    assert command("goal", "edit", 4, "--org-goal", "Faster cases") == (
        'selvleder goal edit 4 --org-goal "Faster cases"'
    )


# -- finding the hints -------------------------------------------------------------------------

CLOSE = {"'": "'", "«": "»"}


def hints_in(text: str) -> list[str]:
    """Every command quoted in a message: 'selvleder …' (en) or «selvleder …» (nb); a
    double-quoted word inside may hold the closing quote."""
    found = []
    for match in re.finditer(r"(['«])selvleder ", text):
        close, i, inside = CLOSE[match.group(1)], match.end(), False
        while i < len(text):
            ch = text[i]
            if inside and ch == "\\":
                i += 2
                continue
            if ch == '"':
                inside = not inside
            elif ch == close and not inside:
                break
            i += 1
        assert i < len(text), f"unclosed hint in {text!r}"
        found.append(text[match.start() + 1 : i])
    return found


def test_hints_are_found_whatever_they_quote() -> None:
    assert hints_in("""Ask: 'selvleder x --topic "Kari's cases"'. Or «selvleder y».""") == [
        """selvleder x --topic "Kari's cases\"""",
        "selvleder y",
    ]


# What a fill mark stands for, by the word before it; any other fill mark is free text.
def fill(before: str, journal: Path) -> str:
    if before == "restore":
        return str(next((journal.parent / "backups").glob("*.db")))
    return {
        "--due": "2027-06-30",
        "--until": "2027-01-04",
        "--lang": "en",
        "log": "3",  # energy log … (a level)
        "done": "1",  # goal done …
        "drop": "1",  # goal drop …
    }.get(before, "x")


def filled(hint: str, journal: Path) -> list[str]:
    words = shlex.split(hint)
    assert words[0] == "selvleder", hint
    return [fill(words[i - 1], journal) if w == FILL else w for i, w in enumerate(words)][1:]


class Unfilled(str):
    """A placeholder the test does not fill; a count spec ('{n:ett punkt|# punkter}') too."""

    def __format__(self, spec: str) -> str:
        return str(self)


class Placeholders(dict[str, object]):
    def __missing__(self, key: str) -> str:
        return Unfilled(f"<unfilled {key}>")


# -- a journal where every hint has something to act on ------------------------------------------


def cli(env: dict[str, str], monkeypatch: pytest.MonkeyPatch, *args: str, now: str = NOW) -> str:
    monkeypatch.setenv("SELVLEDER_NOW", now)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    result = run_cli(*args)
    assert result.code == 0, (args, result.out, result.err)
    return result.out


@pytest.fixture
def journal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Role, two organisation goals, an unclear and a stale goal, an unclear mandate item,
    an old open request, a week's plan, one energy log, a low pulse, a backup."""
    db = tmp_path / "journal" / "journal.db"
    db.parent.mkdir()
    env = {"SELVLEDER_DB": str(db)}
    setup = [
        ("init", "--role", "Case officer", "--mission", "Fair decisions", "--org-goal",
         "Faster cases", "--org-goal", "Plain language", "--leader-name", "Kari",
         "--leader-email", "kari@example.org", "--no-input"),
        ("goal", "add", "Unclear goal"),
        ("goal", "add", "Clear", "--measure", "m", "--due", "2027-06-30"),
        ("mandate", "add", "--unclear", "Who signs?"),
        ("ask-leader", "--need", "decision", "--topic", "Template"),
    ]  # fmt: skip
    for args in setup:
        cli(env, monkeypatch, *args, now=EARLIER)
    answers = tmp_path / "answers.toml"
    answers.write_text("[pulse]\ncompetence = 1\nautonomy = 1\nbelonging = 1\nmeaning = 1\n")
    # a priority carried over twice (weeks 46 and 47), still open in week 48
    for now, args in [
        ("2026-11-10T09:00:00+01:00", ("plan-week", "-p", "Archive")),
        ("2026-11-17T09:00:00+01:00", ("plan-week", "-p", "Statistics", "--carry")),
    ]:
        cli(env, monkeypatch, *args, now=now)
    for args in [
        ("plan-week", "--week", "2026-W48", "-p", "Budget draft", "-p", "Reply", "--carry"),
        ("energy", "log", "3"),
        ("reflect", "--answers", str(answers), "--no-input"),
        ("backup",),
    ]:
        cli(env, monkeypatch, *args)
    return db


def run_hint(hint: str, template: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Run a hint on a fresh copy of the journal; guided ones in a real terminal."""
    work = tmp_path / f"run-{len(list(tmp_path.glob('run-*')))}"
    shutil.copytree(template.parent, work)
    db = work / template.name
    args = filled(hint, db)
    monkeypatch.setenv("SELVLEDER_DB", str(db))
    monkeypatch.setenv("SELVLEDER_NOW", NOW)
    if (
        args in (["init"], ["plan-week"], ["ask-leader"], ["forget", "--all"])
        or args[0] == "restore"
        or (args[0] == "plan-week" and "-p" not in args)  # the guided plan of a week
    ):
        assert run_guided(args) == 0, hint
        return
    result = run_cli(*args)
    assert result.code == 0, (hint, result.out, result.err)


def run_guided(args: list[str]) -> int | None:
    """Answer a guided flow as a hurried person would: Enter where Enter is enough, the
    first choice where a choice is asked, "x" where an answer is required, yes at the end."""
    import os

    child = pexpect.spawn(str(BIN), args, env=dict(os.environ), encoding="utf-8", timeout=20)
    last, sent = "", ""
    for _ in range(60):
        try:
            child.expect([r"[:?\]] $"], timeout=10)
        except pexpect.EOF:
            break
        prompt_text = "".join([*(child.before or "").splitlines()[-1:], child.after])
        if re.search(r"\[[yY]/[nN]\]", prompt_text):
            sent = "y"
        elif "number" in prompt_text or "nummer" in prompt_text:
            sent = "1"
        elif prompt_text == last and sent == "":
            sent = "x"  # asked again after Enter: an answer is required
        else:
            sent = ""
        child.sendline(sent)
        last = prompt_text
    child.expect(pexpect.EOF)
    child.close()
    return child.exitstatus


def catalogue_hints(journal: Path) -> dict[str, list[str]]:
    """Every hint of every message that is not the coach's or --help, placeholders filled
    from the journal (``{hint}`` is the coach's: the test below runs those)."""
    params = Placeholders(
        number=48,
        week="2026-W48",
        path=shlex.quote(str(journal)),
        option="--lang",
        command="week",
    )
    found: dict[str, list[str]] = {}
    for lang, messages in CATALOGUES.items():
        for key, text in messages.items():
            if key.startswith(("help.", "obs.")) or "selvleder " not in text:
                continue
            values = Placeholders(params, id=1)  # goal 1, request 1: both exist
            for hint in hints_in(text.format_map(values)):
                found.setdefault(hint, []).append(f"{lang}:{key}")
    return found


def test_every_message_hint_runs_as_shown(
    journal: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    hints = catalogue_hints(journal)
    assert len(hints) >= 20, hints
    for hint, keys in sorted(hints.items()):
        assert "<unfilled" not in hint, keys
        run_hint(hint, journal, monkeypatch, tmp_path)


def test_no_command_in_a_message_is_left_unquoted() -> None:
    """A command in a message is quoted, so the test above finds it (help examples aside)."""
    for lang, messages in CATALOGUES.items():
        for key, text in messages.items():
            if key.startswith("help.") or key in ("doctor.heading", "md.title"):
                continue
            text = text.format_map(Placeholders(option="--lang", command="week", path="j.db"))
            quoted = len(hints_in(text))
            # "a selvleder export" is prose, not a command; global options may come first
            words = "|".join(COMMAND_WORDS)
            commands = re.findall(rf"(?<!a )selvleder (?:--\S+ \S+ )*(?:{words})\b", text)
            assert len(commands) == quoted, (lang, key)


def coach_messages(env_db: Path, monkeypatch: pytest.MonkeyPatch, lang: str) -> dict[str, str]:
    monkeypatch.setenv("SELVLEDER_DB", str(env_db))
    monkeypatch.setenv("SELVLEDER_NOW", NOW)
    result = run_cli("--lang", lang, "reflect", "--json")
    assert result.code == 0, result.err
    return {
        o["code"]: o["message"]
        for tip in json.loads(result.out)["tips"]
        for o in tip["observations"]
    }


def test_every_coach_hint_runs_as_shown(
    journal: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Every code whose message carries a hint is made to speak (on this journal, or on a
    bare one for role.missing), and each hint it gives runs."""
    bare = tmp_path / "bare" / "journal.db"
    bare.parent.mkdir()
    monkeypatch.setenv("SELVLEDER_DB", str(bare))
    monkeypatch.setenv("SELVLEDER_NOW", NOW)
    assert run_cli("goal", "add", "Half clear", "--measure", "m").code == 0
    with_hint = {
        key.removeprefix("obs.").split(".")[0] + "." + key.removeprefix("obs.").split(".")[1]
        for messages in CATALOGUES.values()
        for key, text in messages.items()
        if key.startswith("obs.") and "{hint}" in text
    }
    seen: dict[str, set[str]] = {}
    for db in (journal, bare):
        for lang in CATALOGUES:
            for code, message in coach_messages(db, monkeypatch, lang).items():
                for hint in hints_in(message):
                    seen.setdefault(code, set()).add(hint)
                    run_hint(hint, db, monkeypatch, tmp_path)
    assert with_hint <= set(seen), with_hint - set(seen)
    assert seen["goals.unclear"] >= {
        'selvleder goal edit 1 --measure "…" --due …',
        "selvleder goal edit 1 --due …",
    }
    assert seen["energy.pulse_low"] >= {"selvleder role", 'selvleder feedback give --to "…" "…"'}
