"""User text is stored unchanged and shown literally, through every command that
stores or shows it: no markup, no emoji codes, no control bytes but newline and tab."""

from __future__ import annotations

import json
import re
import tempfile
from pathlib import Path

from hypothesis import example, given, settings
from hypothesis import strategies as st

from helpers import run_cli

HOSTILE = [
    "[/x]",
    "[link=https://evil.example]click[/link]",
    "\x1b[2J",
    "\x1b]0;pwned\x07",
    "\x9b31m",
    ":smile:",
    "[bold red]",
    "\x00",
]
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")

pieces = st.lists(
    st.one_of(
        st.sampled_from(HOSTILE),
        st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=8),
    ),
    min_size=1,
    max_size=4,
)


def as_text(parts: list[str]) -> str:
    # argv cannot carry NUL; everything else goes through as typed
    return ("x" + "".join(parts) + "x").replace("\x00", "")


@settings(max_examples=25)
@given(pieces)
@example(["[bold]", "\x1b[2J", ":smile:", "\x9b", "\x1b]0;x\x07", "[/x]"])
def test_hostile_text_is_stored_unchanged_and_shown_literally(parts: list[str]) -> None:
    text = as_text(parts)
    with tempfile.TemporaryDirectory() as folder:
        db = ("--db", str(Path(folder) / "j.db"))

        def ok(*args: str) -> str:
            result = run_cli(*db, *args)
            assert result.code == 0, (args, result.err)
            return result.out + result.err

        ok("goal", "add", text, "--measure", text)
        ok("goal", "progress", "1", text)
        ok("mandate", "add", "--unclear", text)
        ok("init", "--role", text, "--joy", text, "--strength", text, "--no-input")
        ok("plan-week", "--week", "this", "-p", text, "--focus", text, "--can-wait", text)
        ok("energy", "log", "2", text)
        ok("feedback", "give", "--to", "Ola", text)
        ok("ask-leader", "--topic", text, "-q", text)
        stored = json.loads(ok("export"))
        assert stored["goals"][0]["title"] == text.strip()
        assert stored["mandate"][0]["text"] == text.strip()
        assert stored["energy_logs"][0]["note"] == text.strip()
        assert stored["requests"][0]["topic"] == text.strip()
        assert stored["profile"]["role"] == text.strip()
        shown = [
            ok("goal", "list"),
            ok("goal", "show", "1"),
            ok("role"),
            ok("mandate", "list"),
            ok("week"),
            ok("energy", "show"),
            ok("ask-leader", "list"),
            ok("reflect", "--no-input"),
            ok("review"),
            ok("ask-leader", "--topic", text, "--dry-run"),
            ok("ask-leader", "--topic", text, "--dry-run", "--format", "markdown"),
            ok("--lang", "nb", "reflect", "--no-input"),
        ]
        for out in shown:
            assert not CONTROL.search(out.replace("\n", "").replace("\t", "")), repr(out)
            assert "😄" not in out or "😄" in text
        # Markup without control characters must show as typed (control characters
        # are shown escaped, so a part holding one is not looked for as it was typed).
        visible_markup = [p for p in parts if p.startswith("[") and not CONTROL.search(p)]
        # A long line may wrap at a space ("[bold" / "red]"): wrapping is not markup.
        unwrapped = [re.sub(r"[ \n]+", " ", out) for out in shown[:3]]
        for markup in visible_markup:
            assert any(re.sub(r"[ \n]+", " ", markup) in out for out in unwrapped)


def test_nul_and_escapes_from_an_imported_file_stay_literal(tmp_path: Path) -> None:
    hostile = "A\x00B [red]x[/red] \x1b[31m \x9b1m \u202e"
    doc = {
        "format": "selvleder-export",
        "schema_version": 2,
        "exported_at": "2026-11-27T10:00:00+01:00",
        "goals": [
            {
                "id": 1,
                "title": hostile,
                "status": "active",
                "created_at": "2026-11-01T10:00:00+01:00",
            }
        ],
    }
    path = tmp_path / "e.json"
    path.write_text(json.dumps(doc))
    db = str(tmp_path / "j.db")
    assert run_cli("--db", db, "import", str(path)).code == 0
    stored = json.loads(run_cli("--db", db, "goal", "list", "--json").out)
    assert stored[0]["title"] == hostile
    shown = run_cli("--db", db, "goal", "list").out
    assert "\\x00" in shown and "[red]x[/red]" in shown and "\x1b" not in shown
    assert not CONTROL.search(shown.replace("\n", ""))
