"""export --format json / import: the whole journal round-trips exactly."""

from __future__ import annotations

import json
import re
import stat
import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import run_cli

text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=30
).filter(lambda s: s.strip() == s and s.strip() and not s.startswith("-"))


def without_stamp(doc: dict[str, object]) -> dict[str, object]:
    return {k: v for k, v in doc.items() if k != "exported_at"}


def export(db: str) -> dict[str, object]:
    result = run_cli("--db", db, "export")
    assert result.code == 0, result.err
    return json.loads(result.out)  # type: ignore[no-any-return]


def test_export_shape_has_every_key() -> None:
    run_cli("goal", "add", "X")
    doc = json.loads(run_cli("export").out)
    for key in (
        "format",
        "schema_version",
        "exported_at",
        "profile",
        "mandate",
        "goals",
        "weeks",
        "priorities",
        "energy_logs",
        "reflections",
        "requests",
        "feedback",
    ):
        assert key in doc
    assert doc["format"] == "selvleder-export"


@settings(max_examples=25)
@given(
    role=text,
    org_goals=st.lists(text, max_size=3),
    goals=st.lists(st.tuples(text, st.one_of(st.none(), text), st.booleans()), max_size=4),
    mandate=st.lists(
        st.tuples(st.sampled_from(["mine", "leader", "bounded", "unclear"]), text), max_size=4
    ),
    notes=st.lists(text, max_size=3),
)
def test_export_import_export_is_identical(
    role: str,
    org_goals: list[str],
    goals: list[tuple[str, str | None, bool]],
    mandate: list[tuple[str, str]],
    notes: list[str],
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        first, second = str(Path(folder) / "a.db"), str(Path(folder) / "b.db")
        args = ["--db", first, "init", "--role", role, "--no-input"]
        for g in org_goals:
            args += ["--org-goal", g]
        assert run_cli(*args).code == 0
        for kind, item in mandate:
            assert run_cli("--db", first, "mandate", "add", f"--{kind}", item).code == 0
        for i, (title, measure, done) in enumerate(goals, 1):
            extra = ["--measure", measure] if measure else []
            assert run_cli("--db", first, "goal", "add", title, *extra).code == 0
            for note in notes:
                assert run_cli("--db", first, "goal", "progress", str(i), note).code == 0
            if done:
                assert run_cli("--db", first, "goal", "done", str(i)).code == 0
        exported = export(first)
        out = Path(folder) / "export.json"
        out.write_text(json.dumps(exported))
        result = run_cli("--db", second, "import", str(out))
        assert result.code == 0, result.err
        assert without_stamp(export(second)) == without_stamp(exported)


def test_import_refuses_a_non_empty_journal_without_replace(tmp_path: Path, data_dir: Path) -> None:
    run_cli("goal", "add", "Mine")
    out = tmp_path / "e.json"
    assert run_cli("export", "--out", str(out)).code == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    result = run_cli("import", str(out))
    assert result.code == 2 and "--replace" in result.err
    result = run_cli("import", str(out), "--replace")
    assert result.code == 0, result.err
    assert "Backed up" in result.out
    assert len(list((data_dir / "backups").glob("journal-*.db"))) == 1
    assert [g["title"] for g in json.loads(run_cli("goal", "list", "--json").out)] == ["Mine"]


def test_a_bad_import_file_changes_nothing_and_says_where(tmp_path: Path) -> None:
    run_cli("goal", "add", "Keep")
    good = json.loads(run_cli("export").out)
    good["goals"][0]["status"] = "finished"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(good))
    empty = tmp_path / "empty.db"
    result = run_cli("--db", str(empty), "import", str(bad))
    assert result.code == 2
    assert "goals[0].status" in result.err
    assert not empty.exists()
    (tmp_path / "x.json").write_text("{not json")
    assert run_cli("import", str(tmp_path / "x.json")).code == 2
    (tmp_path / "y.json").write_text('{"format": "something-else"}')
    assert "not a selvleder export" in run_cli("import", str(tmp_path / "y.json")).err


def test_export_out_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    out = tmp_path / "e.json"
    out.write_text("old")
    result = run_cli("export", "--out", str(out))
    assert result.code == 2 and "--force" in result.err
    assert out.read_text() == "old"
    assert run_cli("export", "--out", str(out), "--force").code == 0
    assert json.loads(out.read_text())["format"] == "selvleder-export"


def test_markdown_export_escapes_user_text() -> None:
    run_cli("goal", "add", "# Not a heading [link](http://x) <b>html</b>")
    out = run_cli("export", "--format", "markdown").out
    assert "\\# Not a heading \\[link\\](http\\://x) \\<b\\>html\\</b\\>" in out
    assert "\n# Not a heading" not in out


def test_markdown_export_of_a_whole_demo_reads_as_written_in_each_language(
    tmp_path: Path,
) -> None:
    """Dates and times as a person writes them (LANGUAGE.md): '27.11. kl. 10.00' under
    'Uke 48, 2026' in nb, no machine stamps; every section (goals, weeks with logs,
    requests, feedback) of a demo journal is there."""
    db = str(tmp_path / "demo.db")
    assert run_cli("demo", "--db", db).code == 0
    nb = run_cli("--lang", "nb", "--db", db, "export", "--format", "markdown")
    assert nb.code == 0, nb.err
    assert re.search(r"^### Uke \d+, \d{4}$", nb.out, re.M)
    assert re.search(r"^- \d\d\.\d\d\. kl\. \d\d\.\d\d: \d/5", nb.out, re.M)
    assert not re.search(r"\d{4}-\d\d-\d\dT", nb.out)  # no machine stamps
    en = run_cli("--lang", "en", "--db", db, "export", "--format", "markdown")
    assert en.code == 0, en.err
    assert re.search(r"^### Week \d+, \d{4}$", en.out, re.M)
    assert re.search(r"^- \d{4}-\d\d-\d\d \d\d:\d\d: \d/5", en.out, re.M)


def test_a_file_that_is_not_json_is_named_by_place_in_the_users_language(
    tmp_path: Path,
) -> None:
    """Review finding 16: Python's English parser message never reaches an nb screen."""
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": \n', encoding="utf-8")
    nb = run_cli("--lang", "nb", "--db", str(tmp_path / "j.db"), "import", str(bad))
    assert (nb.code, nb.err.strip()) == (2, "Filen er ikke gyldig JSON (linje 2, kolonne 1).")
    binary = tmp_path / "bin.json"
    binary.write_bytes(b"\xff\xfe")
    en = run_cli("--lang", "en", "--db", str(tmp_path / "j.db"), "import", str(binary))
    assert (en.code, en.err.strip()) == (
        2,
        "The file is not UTF-8 text, so it cannot be an export from selvleder.",
    )
    assert not (tmp_path / "j.db").exists()
