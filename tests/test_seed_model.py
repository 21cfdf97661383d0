"""The seed's model (issue 14): sub-goals (goal add --under) and feedback asked of
colleagues (feedback ask --from), through the CLI, JSON, export/import, an old journal,
forget and the reflection, in both languages."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from helpers import old_journal, run_cli

FRI = "2026-11-27T16:00:00+01:00"  # Friday of 2026-W48
LANGS = ("en", "nb")


@pytest.fixture(autouse=True)
def friday(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SELVLEDER_NOW", FRI)


def ok(*args: str) -> str:
    result = run_cli(*args)
    assert result.code == 0, (args, result.err)
    return result.out


def refused(*args: str) -> str:
    """Exit 2 with one line on stderr and nothing on stdout."""
    result = run_cli(*args)
    assert result.code == 2, (args, result.out, result.err)
    assert result.out == ""
    assert len(result.err.strip().splitlines()) == 1, result.err
    return result.err.strip()


def goals_json(*extra: str) -> list[dict[str, object]]:
    return json.loads(ok("goal", "list", "--json", *extra))  # type: ignore[no-any-return]


# -- sub-goals ----------------------------------------------------------------------------------


def test_a_sub_goal_is_a_step_under_its_goal_and_not_against_the_cap() -> None:
    for i in range(1, 6):  # max_goals is 5
        ok("goal", "add", f"Goal {i}", "--measure", "m", "--due", "2027-06-30")
    assert "cap is 5" in refused("--lang", "en", "goal", "add", "A sixth")
    out = ok("--lang", "en", "goal", "add", "First draft", "--under", "1")
    assert out == "Added step 6 under goal 1: First draft\n"  # no clarity hint for a step
    ok("--lang", "nb", "goal", "add", "Andre utkast", "--under", "1")
    assert ok("--lang", "nb", "goal", "add", "Tredje", "--under", "2").startswith(
        "La til delmål 8 under mål 2: Tredje"
    )
    listed = goals_json()
    # each goal followed by its steps; steps carry parent_id
    assert [(g["id"], g["parent_id"]) for g in listed] == [
        (1, None),
        (6, 1),
        (7, 1),
        (2, None),
        (8, 2),
        (3, None),
        (4, None),
        (5, None),
    ]
    table = ok("--lang", "en", "goal", "list")
    lines = table.splitlines()
    row = next(i for i, line in enumerate(lines) if "Goal 1 " in line)
    assert "↳ First draft" in lines[row + 1] and "↳ Andre utkast" in lines[row + 2]
    assert "5 of at most 5 active goals." in table  # steps are not counted
    assert "unclear" not in table  # a step without measure or date is not an unclear goal


def test_a_step_cannot_have_steps_and_a_closed_goal_takes_none(journal_path: Path) -> None:
    ok("goal", "add", "Goal", "--measure", "m", "--due", "2027-06-30")
    ok("goal", "add", "Step", "--under", "1")
    before = goals_json("--all")
    en = refused("--lang", "en", "goal", "add", "Deeper", "--under", "2")
    assert en == (
        "Goal 2 is itself a step of goal 1, and a step cannot have steps of its own. "
        "Add it under goal 1 instead."
    )
    nb = refused("--lang", "nb", "goal", "add", "Dypere", "--under", "2")
    assert nb.startswith("Mål 2 er selv et delmål av mål 1, og et delmål kan ikke ha egne delmål.")
    assert "no goal with id 9" in refused("--lang", "en", "goal", "add", "X", "--under", "9")
    assert "no goal with id 0" in refused("--lang", "en", "goal", "add", "X", "--under", "0")
    ok("goal", "done", "1")
    assert "'selvleder goal reopen 1'" in refused(
        "--lang", "en", "goal", "add", "X", "--under", "1"
    )
    assert "«selvleder goal reopen 1»" in refused(
        "--lang", "nb", "goal", "add", "X", "--under", "1"
    )
    after = goals_json("--all")
    assert [g["id"] for g in after] == [g["id"] for g in before]  # nothing was written


def test_done_and_drop_work_on_steps_and_the_goal_counts_them() -> None:
    ok("goal", "add", "Report", "--measure", "sent", "--due", "2027-06-30")
    for title in ("Outline", "Draft", "Review", "Layout"):
        ok("goal", "add", title, "--under", "1")
    assert ok("--lang", "en", "goal", "done", "2") == (
        "Step 2 done: Outline\nGoal 1: 1 of 4 steps done.\n"
    )
    assert ok("--lang", "en", "goal", "drop", "5") == (
        "Dropped step 5: Layout\nGoal 1: 1 of 3 steps done.\n"  # a dropped step counts in neither
    )
    assert ok("--lang", "nb", "goal", "done", "3") == (
        "Delmål 3 er nådd: Draft\nMål 1: 2 av 3 delmål er nådd.\n"
    )
    shown = ok("--lang", "en", "goal", "show", "1")
    assert "Steps" in shown and "2 of 3 steps done" in shown
    assert "✓ 2  Outline" in shown and "· 4  Review" in shown and "Layout  (dropped)" in shown
    assert "2 av 3 delmål er nådd" in ok("--lang", "nb", "goal", "show", "1")
    step = ok("--lang", "en", "goal", "show", "4")
    assert "Step of: goal 1" in step and "Steps" not in step
    data = json.loads(ok("goal", "show", "1", "--json"))
    assert [(s["id"], s["status"], s["parent_id"]) for s in data["steps"]] == [
        (2, "done", 1),
        (3, "done", 1),
        (4, "active", 1),
        (5, "dropped", 1),
    ]
    assert json.loads(ok("goal", "show", "4", "--json"))["steps"] == []
    # the default list keeps the active step under its goal; --all shows every step
    assert [g["id"] for g in goals_json()] == [1, 4]
    assert [g["id"] for g in goals_json("--all")] == [1, 2, 3, 4, 5]


def test_one_step_is_said_in_the_singular_and_a_goal_without_steps_invites_one() -> None:
    ok("goal", "add", "Report", "--measure", "sent", "--due", "2027-06-30")
    shown = {lang: " ".join(ok("--lang", lang, "goal", "show", "1").split()) for lang in LANGS}
    assert "'selvleder goal add \"…\" --under 1'" in shown["en"]
    assert '«selvleder goal add "…" --under 1»' in shown["nb"]
    ok("goal", "add", "Outline", "--under", "1")
    assert ok("--lang", "en", "goal", "done", "2").endswith("Goal 1: 1 of 1 step done.\n")


def test_reopening_a_step_ignores_the_cap_and_a_closed_goals_step_names_its_goal() -> None:
    for i in range(1, 6):
        ok("goal", "add", f"Goal {i}", "--measure", "m", "--due", "2027-06-30")
    ok("goal", "add", "Step", "--under", "1")
    ok("goal", "done", "6")
    assert ok("--lang", "en", "goal", "reopen", "6").startswith("Step 6 is active again: Step")
    ok("goal", "drop", "1")
    table = ok("--lang", "en", "goal", "list")
    assert "Step  (Step of: goal 1)" in table and "↳" not in table
    assert "Delmål av: mål 1" in ok("--lang", "nb", "goal", "list")


def test_progress_on_a_step_is_progress_on_its_goal() -> None:
    ok("goal", "add", "Report", "--measure", "sent", "--due", "2027-06-30")
    ok("goal", "add", "Outline", "--under", "1")
    ok("goal", "progress", "2", "Outline agreed")
    row = next(line for line in ok("--lang", "en", "goal", "list").splitlines() if "Report" in line)
    assert row.rstrip().endswith("2026-11-27")


# -- feedback asked of colleagues ---------------------------------------------------------------


def test_feedback_ask_is_recorded_and_listed_newest_first(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert "No feedback noted yet" in ok("--lang", "en", "feedback", "list")
    assert ok("feedback", "list", "--json") == "[]\n"
    monkeypatch.setenv("SELVLEDER_NOW", "2026-11-25T10:00:00+01:00")
    assert ok("--lang", "en", "feedback", "give", "--to", "Ola", "Clear numbers") == (
        "Noted feedback to Ola (1).\n"
    )
    monkeypatch.setenv("SELVLEDER_NOW", FRI)
    out = ok("--lang", "en", "feedback", "ask", "--from", "Kari", "How did my part land?")
    assert out == "Noted that you asked Kari for feedback (2).\n"
    out = ok("--lang", "nb", "feedback", "ask", "--from", "Per", "[b]Fungerte[/b] det?")
    assert out == "Noterte at du ba Per om tilbakemelding (3).\n"
    rows = json.loads(ok("feedback", "list", "--json"))
    assert [(r["id"], r["kind"], r["to"], r["date"]) for r in rows] == [
        (3, "asked", "Per", "2026-11-27"),
        (2, "asked", "Kari", "2026-11-27"),
        (1, "given", "Ola", "2026-11-25"),
    ]
    assert rows[0]["text"] == "[b]Fungerte[/b] det?" and rows[0]["at"].endswith("+01:00")
    table = ok("--lang", "en", "feedback", "list")
    assert table.index("Per") < table.index("Kari") < table.index("Ola")
    assert "asked for" in table and "given" in table and "[b]Fungerte[/b] det?" in table
    assert "bedt om" in ok("--lang", "nb", "feedback", "list")


def test_feedback_ask_refuses_empty_names_and_text() -> None:
    assert "from" in refused("--lang", "en", "feedback", "ask", "--from", " ", "x")
    refused("feedback", "ask", "--from", "Kari", "  ")
    assert run_cli("feedback", "ask", "Only text").code == 2  # --from is required
    assert json.loads(ok("feedback", "list", "--json")) == []


def tip4(lang: str) -> tuple[str, dict[str, object]]:
    text = " ".join(ok("--lang", lang, "reflect", "--no-input").replace("│", " ").split())
    data = json.loads(ok("reflect", "--json"))
    given = next(o for o in data["tips"][3]["observations"] if o["code"] == "feedback.given")
    return text, given["data"]


def test_the_reflection_counts_feedback_given_and_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    ok("goal", "add", "Report", "--measure", "sent", "--due", "2027-06-30")
    text, data = tip4("en")
    assert "No feedback given or asked for in the last 4 weeks." in text
    assert data == {"count": 0, "asked": 0}
    ok("feedback", "ask", "--from", "Kari", "The report?")
    text, data = tip4("en")
    assert "Feedback in the last 4 weeks: you gave none and asked for it once." in text
    assert data == {"count": 0, "asked": 1}
    monkeypatch.setenv("SELVLEDER_NOW", "2026-10-01T10:00:00+02:00")  # outside the 4 weeks
    ok("feedback", "ask", "--from", "Per", "Old")
    monkeypatch.setenv("SELVLEDER_NOW", FRI)
    for name in ("Ola", "Kari", "Per"):
        ok("feedback", "give", "--to", name, "Thanks")
    ok("feedback", "ask", "--from", "Ola", "The slides?")
    text, data = tip4("en")
    assert "Feedback in the last 4 weeks: you gave it 3 times and asked for it 2 times." in text
    assert data == {"count": 3, "asked": 2}
    text, _ = tip4("nb")
    assert "Tilbakemeldinger de siste 4 ukene: du ga 3 og ba om 2." in text


def test_the_reflection_in_norwegian_says_one_as_a_word() -> None:
    ok("feedback", "give", "--to", "Ola", "Takk")
    text, data = tip4("nb")
    assert "Tilbakemeldinger de siste 4 ukene: du ga én og ba ikke om noen." in text
    assert data == {"count": 1, "asked": 0}


# -- the journal: export, import, an old journal, forget ---------------------------------------


def test_export_and_import_carry_steps_and_asked_feedback(tmp_path: Path) -> None:
    ok("goal", "add", "Report", "--measure", "sent", "--due", "2027-06-30")
    ok("goal", "add", "Outline", "--under", "1")
    ok("feedback", "give", "--to", "Ola", "Thanks")
    ok("feedback", "ask", "--from", "Kari", "The report?")
    exported = json.loads(ok("export"))
    assert [g["parent_id"] for g in exported["goals"]] == [None, 1]
    assert [(f["kind"], f["to"]) for f in exported["feedback"]] == [
        ("given", "Ola"),
        ("asked", "Kari"),
    ]
    out = tmp_path / "export.json"
    out.write_text(json.dumps(exported), encoding="utf-8")
    second = str(tmp_path / "second.db")
    ok("--db", second, "import", str(out))
    assert json.loads(ok("--db", second, "export")) | {"exported_at": None} == exported | {
        "exported_at": None
    }
    assert json.loads(ok("--db", second, "goal", "show", "1", "--json"))["steps"][0]["id"] == 2


def test_an_export_from_before_v6_imports_as_given_feedback_and_top_level_goals(
    tmp_path: Path,
) -> None:
    ok("goal", "add", "Report", "--measure", "sent", "--due", "2027-06-30")
    ok("feedback", "give", "--to", "Ola", "Thanks")
    exported = json.loads(ok("export"))
    for goal in exported["goals"]:
        del goal["parent_id"]
    for item in exported["feedback"]:
        del item["kind"]
    out = tmp_path / "old.json"
    out.write_text(json.dumps(exported), encoding="utf-8")
    second = str(tmp_path / "second.db")
    ok("--db", second, "import", str(out))
    again = json.loads(ok("--db", second, "export"))
    assert again["goals"][0]["parent_id"] is None
    assert again["feedback"][0]["kind"] == "given"


def test_an_import_refuses_an_unknown_feedback_kind(tmp_path: Path) -> None:
    ok("feedback", "give", "--to", "Ola", "Thanks")
    exported = json.loads(ok("export"))
    exported["feedback"][0]["kind"] = "demanded"
    out = tmp_path / "bad.json"
    out.write_text(json.dumps(exported), encoding="utf-8")
    assert run_cli("--db", str(tmp_path / "second.db"), "import", str(out)).code == 2


@pytest.mark.parametrize(
    "parents, why",
    [
        ((None, 1, 2), "goal 3: goal 2 is itself a sub-goal (one level)"),
        ((None, 9), "goal 2: parent_id 9 is not another goal"),
        ((1,), "goal 1: parent_id 1 is not another goal"),
    ],
)
def test_an_import_refuses_steps_of_steps_and_unknown_or_own_goals(
    tmp_path: Path, parents: tuple[int | None, ...], why: str
) -> None:
    for i in range(len(parents)):
        ok("goal", "add", f"Goal {i + 1}", "--measure", "m", "--due", "2027-06-30")
    exported = json.loads(ok("export"))
    for goal, parent in zip(exported["goals"], parents, strict=True):
        goal["parent_id"] = parent
    out = tmp_path / "nested.json"
    out.write_text(json.dumps(exported), encoding="utf-8")
    second = tmp_path / "second.db"
    assert why in refused("--lang", "en", "--db", str(second), "import", str(out))
    assert not second.exists()


def test_a_schema_5_journal_migrates_to_v6(journal_path: Path) -> None:
    from selvleder.storage.schema import CURRENT_VERSION

    journal_path.parent.mkdir(parents=True)
    conn = old_journal(journal_path, "m006_add_goals_parent_id_goals_parent_feedback_given_kind")
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 5
    conn.execute(
        "INSERT INTO goals (title, measure, due, status, created_at) "
        "VALUES ('Old goal', 'm', '2027-06-30', 'active', '2026-11-01T08:00:00+00:00')"
    )
    conn.execute(
        "INSERT INTO feedback_given (to_name, text, at, local_date, week) "
        "VALUES ('Ola', 'Old thanks', '2026-11-25T08:00:00+00:00', '2026-11-25', '2026-W48')"
    )
    conn.close()
    journal_path.chmod(0o600)
    ok("goal", "add", "New step", "--under", "1")  # migrates, then adds the step
    with closing(sqlite3.connect(journal_path)) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == CURRENT_VERSION >= 6
        applied = [r[0] for r in conn.execute("SELECT name FROM _sqlite_migrations")]
        assert "m006_add_goals_parent_id_goals_parent_feedback_given_kind" in applied
    rows = json.loads(ok("feedback", "list", "--json"))
    assert [(r["kind"], r["to"]) for r in rows] == [("given", "Ola")]
    assert [(g["id"], g["parent_id"]) for g in goals_json()] == [(1, None), (2, 1)]
    _, data = tip4("en")
    assert data == {"count": 1, "asked": 0}


def test_forget_erases_asked_feedback_and_steps(journal_path: Path) -> None:
    ok("goal", "add", "Report", "--measure", "sent", "--due", "2027-06-30")
    ok("goal", "add", "Secret step text", "--under", "1")
    ok("feedback", "ask", "--from", "Kari", "Secret question text")
    ok("forget", "--all", "--yes")
    assert json.loads(ok("feedback", "list", "--json")) == []
    assert goals_json("--all") == []
    for path in journal_path.parent.rglob("*"):
        if path.is_file():
            content = path.read_bytes()
            assert b"Secret question text" not in content and b"Secret step text" not in content


def test_the_markdown_export_keeps_asked_apart_and_names_a_steps_goal() -> None:
    ok("goal", "add", "Report", "--measure", "sent", "--due", "2027-06-30")
    ok("goal", "add", "Outline", "--under", "1")
    ok("feedback", "give", "--to", "Ola", "Thanks")
    ok("feedback", "ask", "--from", "Kari", "The report?")
    en = ok("--lang", "en", "export", "--format", "markdown")
    given, asked = en.index("## Feedback given"), en.index("## Feedback asked for")
    assert given < en.index("→ Ola: Thanks") < asked < en.index("→ Kari: The report?")
    assert "- **Step of:** goal 1" in en
    nb = ok("--lang", "nb", "export", "--format", "markdown")
    assert "## Tilbakemeldinger du har bedt om" in nb and "- **Delmål av:** mål 1" in nb
