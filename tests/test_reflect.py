"""reflect and review through the CLI: golden renders, answers, JSON, exports, the guided flow."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pexpect
import pytest

from helpers import BIN, interrupt, run_cli

FRI = "2026-11-27T16:00:00+01:00"
GOLDEN = Path(__file__).parent / "golden"
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
HOSTILE = "[bold]Malen[/bold] \x1b[2J\x1b]0;x\x07 :smile:"


@pytest.fixture(autouse=True)
def friday(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SELVLEDER_NOW", FRI)


def build_week() -> None:
    assert (
        run_cli(
            "init",
            "--role",
            "Saksbehandler",
            "--mission",
            "Rettferdige vedtak",
            "--strength",
            "Struktur",
            "--joy",
            "Gode vedtak",
            "--no-input",
        ).code
        == 0
    )
    run_cli(
        "goal", "add", "Kortere saksbehandling", "--measure", "< 20 dager", "--due", "30.06.2027"
    )
    run_cli("goal", "add", "Bedre maler")
    run_cli("mandate", "add", "--unclear", f"Hvem godkjenner {HOSTILE}?")
    run_cli(
        "plan-week",
        "--week",
        "48",
        "-p",
        "Budsjettutkast",
        "-p",
        "Svar på høring",
        "-p",
        "Rydde arkivet",
        "--buffer",
        "20",
    )
    run_cli("priority", "edit", "1", "--goal", "1", "--value", "high")
    run_cli("priority", "edit", "3", "--value", "low")
    run_cli("priority", "done", "2")
    run_cli("priority", "done", "3")
    for day, level, tag in (
        ("mon", 2, "møter"),
        ("tue", 4, "fokus"),
        ("wed", 2, "møter"),
        ("thu", 4, "fokus"),
        ("fri", 3, "møter"),
    ):
        run_cli("energy", "log", str(level), "-t", tag, "--at", f"{day} 10:00")


def test_empty_journal_explains_how_to_start() -> None:
    for lang, text in (
        ("nb", "Journalen din er fortsatt tom"),
        ("en", "Your journal is still empty"),
    ):
        result = run_cli("--lang", lang, "reflect", "--no-input")
        assert result.code == 0
        assert text in result.out
        assert "selvleder plan-week" in result.out
        assert "╭" not in result.out  # no empty panels


def test_default_week_is_said() -> None:
    build_week()
    assert run_cli("reflect", "--no-input").out.startswith("Reflecting on this week (week 48).")


def test_default_week_early_in_the_week_is_the_previous(monkeypatch: pytest.MonkeyPatch) -> None:
    build_week()
    monkeypatch.setenv("SELVLEDER_NOW", "2026-11-30T09:00:00+01:00")  # Monday of week 49
    out = run_cli("--lang", "nb", "reflect", "--no-input").out
    assert out.startswith("Reflekterer over forrige uke (uke 48)")


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_golden_render_at_80_columns(lang: str, tmp_path: Path) -> None:
    build_week()
    assert run_cli("reflect", "--answers", str(EXAMPLES / "answers.toml")).code == 0
    out = run_cli("--lang", lang, "reflect", "--no-input").out
    assert all(len(line) <= 80 for line in out.splitlines())
    golden = GOLDEN / f"reflect_{lang}.txt"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(out, encoding="utf-8")
    assert out == golden.read_text(encoding="utf-8")


def test_user_text_stays_literal_in_the_reflection() -> None:
    build_week()
    out = run_cli("reflect", "--no-input").out
    assert "[bold]Malen[/bold]" in out and ":smile:" in out
    assert "\x1b" not in out and "\x07" not in out
    assert "\\x1b[2J" in out


def test_reads_well_in_a_wide_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    build_week()
    monkeypatch.setenv("COLUMNS", "160")
    out = run_cli("reflect", "--no-input").out
    assert max(len(line) for line in out.splitlines()) == 160  # panels use the width
    assert "1 of 3 priorities is linked to a goal." in out


def test_json_shape() -> None:
    build_week()
    data = json.loads(run_cli("reflect", "--json").out)
    assert data["week"] == "2026-W48"
    assert [t["key"] for t in data["tips"]] == ["role", "goals", "plan", "feedback", "energy"]
    assert [t["number"] for t in data["tips"]] == [1, 2, 3, 4, 5]
    plan = data["tips"][2]
    assert plan["title"] == "Prioritise and plan the week"
    codes = [o["code"] for o in plan["observations"]]
    assert "plan.completion" in codes and "plan.value_inversion" in codes
    completion = next(o for o in plan["observations"] if o["code"] == "plan.completion")
    assert completion["data"]["done"] == 2 and completion["data"]["total"] == 3
    # Friday of the week: not over, so "so far" and a question forward
    assert completion["data"]["over"] is False
    assert completion["message"] == (
        "2 of 3 done so far. What will you finish today, and what can wait until next week?"
    )
    assert data["pulse"] is None and data["next_week"] is None


def test_answers_file_and_rerun_edits_without_duplicates(tmp_path: Path, home: Path) -> None:
    import sqlite3

    build_week()
    assert run_cli("reflect", "--answers", str(EXAMPLES / "answers.toml")).code == 0
    second = tmp_path / "more.toml"
    second.write_text("[plan]\nrating = 5\n[pulse]\nautonomy = 2\n")
    assert run_cli("reflect", "--answers", str(second), "--no-input").code == 0
    data = json.loads(run_cli("reflect", "--json").out)
    plan = data["tips"][2]
    assert plan["rating"] == 5 and plan["answer"].startswith("Three of four done.")
    assert data["pulse"] == {"competence": 4, "autonomy": 2, "belonging": 4, "meaning": 5}
    assert data["next_week"].startswith("Ask Kari")
    energy_codes = [o["code"] for o in data["tips"][4]["observations"]]
    assert "energy.pulse_low" in energy_codes
    conn = sqlite3.connect(home / ".local" / "share" / "selvleder" / "journal.db")
    assert conn.execute("SELECT count(*) FROM reflections").fetchone()[0] == 1
    assert conn.execute("SELECT count(*) FROM reflection_answers").fetchone()[0] == 5


@pytest.mark.parametrize(
    "content, key",
    [
        ("[plan]\nrating = 9\n", "plan.rating"),
        ("[plans]\nanswer = 'x'\n", "plans"),
        ("[plan]\nscore = 3\n", "plan.score"),
        ("[plan]\nrating = 'high'\n", "plan.rating"),
        ("[plan]\nanswer = 3\n", "plan.answer"),
        ("next_week = 4\n", "next_week"),
        ("[pulse]\njoy = 3\n", "pulse.joy"),
        ("[pulse]\nautonomy = 0\n", "pulse.autonomy"),
        ("role = 'x'\n", "role"),
        ("not toml at all", "TOML"),
    ],
)
def test_bad_answers_files_name_the_key_and_write_nothing(
    tmp_path: Path, home: Path, content: str, key: str
) -> None:
    build_week()
    journal = home / ".local" / "share" / "selvleder" / "journal.db"
    before = journal.read_bytes()
    bad = tmp_path / "bad.toml"
    bad.write_text(content)
    result = run_cli("reflect", "--answers", str(bad))
    assert result.code == 2
    assert key in result.err, result.err
    assert journal.read_bytes() == before


def test_show_and_exports(tmp_path: Path) -> None:
    build_week()
    run_cli("reflect", "--answers", str(EXAMPLES / "answers.toml"))
    shown = run_cli("reflect", "--show", "--week", "48")
    assert shown.code == 0 and "Your answer: My report work" in shown.out
    md, html, svg = tmp_path / "r.md", tmp_path / "r.html", tmp_path / "r.svg"
    for path in (md, html, svg):
        assert run_cli("reflect", "--no-input", "--export", str(path)).code == 0
        assert path.stat().st_mode & 0o777 == 0o600
    text = md.read_text()
    assert text.startswith("# Reflection for week 48")
    assert "## 3\\. Prioritise and plan the week" in text
    assert "\\[bold\\]Malen\\[/bold\\]" in text and "\x1b" not in text
    assert "<html" in html.read_text().lower()
    assert svg.read_text().startswith("<svg")
    assert run_cli("reflect", "--no-input", "--export", str(md)).code == 2  # exists, no --force
    assert run_cli("reflect", "--no-input", "--export", str(tmp_path / "r.pdf")).code == 2


def test_review_rows_and_highlights(monkeypatch: pytest.MonkeyPatch) -> None:
    build_week()
    run_cli("reflect", "--answers", str(EXAMPLES / "answers.toml"))
    data = json.loads(run_cli("review", "--weeks", "3", "--json").out)
    assert [w["week"] for w in data["weeks"]] == ["2026-W46", "2026-W47", "2026-W48"]
    last = data["weeks"][-1]
    assert last["completion_rate"] == round(2 / 3, 4)
    assert last["energy_count"] == 5 and last["energy_mean"] == 3.0
    assert last["ratings"] == {"role": 4, "goals": 3, "plan": 3, "feedback": 4, "energy": 3}
    assert last["pulse"]["meaning"] == 5
    assert data["weeks"][0]["completion_rate"] is None
    assert 1 <= len(data["highlights"]) <= 3
    assert {"code", "message", "data"} <= set(data["highlights"][0])
    nb = run_cli("--lang", "nb", "review", "--weeks", "3").out
    assert "De siste 3 ukene" in nb and "Mest verdt å se på" in nb
    assert run_cli("review", "--weeks", "0").code == 2


def spawn(env: dict[str, str]) -> pexpect.spawn:
    child = pexpect.spawn(
        str(BIN), ["reflect", "--week", "48"], env=env, encoding="utf-8", timeout=20
    )
    child.setwinsize(50, 100)
    return child


def test_guided_reflection_in_a_terminal(home: Path) -> None:
    build_week()
    env = {**os.environ, "SELVLEDER_LANG": "en", "EDITOR": "/bin/false"}
    child = spawn(env)
    child.expect_exact("Seven short steps")
    child.expect_exact("1/7")
    child.expect_exact("Reflect on your role and mission")
    child.expect_exact("How does my effort contribute to the organisation's goals? ")
    child.sendline("?")  # the tip's other questions, one prompt at a time
    child.expect_exact("What can wait?")
    child.expect_exact("How does my effort contribute to the organisation's goals? ")
    child.sendline("I move the case-handling goal forward.")
    child.expect_exact("How did it go, 1–5: ")
    child.sendline("7")
    child.expect_exact("'7' is not a number from 1 to 5")
    child.expect_exact("How did it go, 1–5: ")
    child.sendline("4")
    child.expect_exact("2/7")
    child.expect_exact("Set clear goals for your own work")
    child.expect_exact("Are my goals concrete, relevant and measurable? ")
    child.sendline("")  # skip
    child.expect_exact("How did it go, 1–5: ")
    child.sendline("")
    for question, answer, rating in (
        ("What gives the most value? ", "Two of three.", "3"),
        ("learning needs? ", "", ""),
        ("What are my strengths, values and drivers? ", "Meetings drain me.", "2"),
    ):
        child.expect_exact(question)
        child.sendline(answer)
        child.expect_exact("How did it go, 1–5: ")
        child.sendline(rating)
    child.expect_exact("6/7")
    child.expect_exact("Empowerment pulse")
    for value in ("4", "2", "4", "5"):
        child.expect(r"1–5\): ")
        child.sendline(value)
    child.expect_exact("7/7")
    child.expect_exact("Next week, one small step: ")
    child.sendline("Protect Thursday morning.")
    child.expect_exact("Saved your reflection for week 48.")
    child.expect_exact("Plan week 49 now? [Y/n]: ")
    child.sendline("n")
    child.expect_exact("'selvleder plan-week --week 2026-W49'")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    data = json.loads(run_cli("reflect", "--week", "48", "--json").out)
    tips = {t["key"]: (t["answer"], t["rating"]) for t in data["tips"]}
    assert tips["role"] == ("I move the case-handling goal forward.", 4)
    assert tips["goals"] == (None, None)
    assert tips["energy"] == ("Meetings drain me.", 2)
    assert data["pulse"] == {"competence": 4, "autonomy": 2, "belonging": 4, "meaning": 5}
    assert data["next_week"] == "Protect Thursday morning."


def test_guided_reflection_abort_saves_nothing(home: Path) -> None:
    build_week()
    journal = home / ".local" / "share" / "selvleder" / "journal.db"
    before = journal.read_bytes()
    child = spawn({**os.environ, "SELVLEDER_LANG": "en"})
    child.expect_exact("organisation's goals? ")
    child.sendline("Something")
    child.expect_exact("How did it go, 1–5: ")
    interrupt(child)
    child.expect_exact("Stopped. Nothing was saved.")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    assert journal.read_bytes() == before


def test_off_a_terminal_reflect_never_prompts() -> None:
    build_week()
    from helpers import run_bin

    result = run_bin("reflect", input="4\n4\n")
    assert result.code == 0
    assert "Your answer" not in result.out
    assert "Reflection for week 48" in result.out


def test_the_norwegian_answers_example_is_valid() -> None:
    build_week()
    assert run_cli("reflect", "--answers", str(EXAMPLES / "svar.toml"), "--no-input").code == 0
    data = json.loads(run_cli("reflect", "--json").out)
    assert data["tips"][0]["answer"].startswith("Saksbehandlingen min")


def test_e_opens_the_editor_for_a_longer_answer(home: Path, tmp_path: Path) -> None:
    build_week()
    editor = tmp_path / "editor.sh"
    editor.write_text('#!/bin/sh\nprintf "Line one\\nLine two\\n" >> "$1"\n')
    editor.chmod(0o755)
    env = {**os.environ, "SELVLEDER_LANG": "en", "EDITOR": str(editor)}
    child = spawn(env)
    child.expect_exact("organisation's goals? ")
    child.sendline("e")
    child.expect_exact("Kept your answer from the editor (17 characters).")
    child.expect_exact("How did it go, 1–5: ")
    child.sendline("")
    for _ in range(4):
        child.expect(r"\? $")
        child.sendline("")
        child.expect_exact("How did it go, 1–5: ")
        child.sendline("")
    for _ in range(4):
        child.expect(r"\(1–5\): ")
        child.sendline("")
    child.expect_exact("Next week, one small step: ")
    child.sendline("")
    child.expect_exact("[Y/n]: ")
    child.sendline("n")
    child.expect(pexpect.EOF)
    child.close()
    data = json.loads(run_cli("reflect", "--week", "48", "--json").out)
    assert data["tips"][0]["answer"] == "Line one\nLine two"


def test_a_journal_without_goals_gets_a_question_not_a_row_of_zeros() -> None:
    """Review finding 31: '0 aktive mål (høyst 5), 0 tydelige' was robotic; tip 2 asks."""
    assert run_cli("energy", "log", "3").code == 0
    for lang, expected in (
        ("nb", "Ingen aktive mål ennå. Hva er ett tydelig mål for arbeidet ditt?"),
        ("en", "No active goals yet. What is one clear goal for your work?"),
    ):
        out = run_cli("--lang", lang, "reflect", "--no-input").out
        assert expected in " ".join(out.split()), out
        assert "0 aktive mål" not in out and "0 active goals" not in out
