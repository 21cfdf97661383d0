"""The quick paths (no Typer) and the Typer commands behave identically."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from helpers import run_bin, run_cli
from selvleder.quick import parse_report

FRI = "2026-11-27T16:00:00+01:00"


@pytest.fixture
def journal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("SELVLEDER_NOW", FRI)
    db = tmp_path / "demo.db"
    assert run_cli("demo", "--years", "1", "--db", str(db)).code == 0
    return db


CASES = [
    ("week",),
    ("week", "--week", "last"),
    ("week", "--week=2026-W40", "--json"),
    ("week", "--week", "2025-W53"),
    ("energy", "show"),
    ("energy", "show", "--weeks", "8", "--json"),
    ("energy", "show", "--weeks", "0"),
    ("energy", "insights"),
    ("energy", "insights", "--weeks=26", "--json"),
    ("review",),
    ("review", "--weeks", "4", "--json"),
    ("reflect", "--no-input"),
    ("reflect", "--week", "last", "--json"),
    ("reflect", "--show", "--week", "45"),
    ("--lang", "nb", "week"),
    ("--lang", "nb", "reflect", "--no-input"),
    ("--lang", "xx", "week"),
]


@pytest.mark.parametrize("args", CASES)
def test_both_paths_give_the_same_output(
    args: tuple[str, ...], journal: Path, tmp_path: Path
) -> None:
    assert parse_report(list(args)) is not None, args
    copy = tmp_path / "copy.db"
    shutil.copyfile(journal, copy)
    quick = run_bin("--db", str(journal), *args)
    typer = run_cli("--db", str(copy), *args)
    assert (quick.code, quick.out, quick.err) == (typer.code, typer.out, typer.err), args


@pytest.mark.parametrize(
    "args",
    [
        ["week", "--help"],
        ["week", "extra"],
        ["week", "--json", "--json"],
        ["energy", "insights", "--weeks", "many"],
        ["energy", "insights", "--weeks"],
        ["reflect", "--json=yes"],
        ["goal", "list"],
        ["--version"],
        [],
    ],
)
def test_other_forms_go_through_typer(args: list[str]) -> None:
    assert parse_report(args) is None


def test_the_quick_path_never_imports_typer(journal: Path) -> None:
    import subprocess
    import sys

    from helpers import BIN

    code = (
        f"import sys, runpy; sys.argv = [{str(BIN)!r}, '--db', {str(journal)!r}, 'week'];"
        "sys.modules['typer'] = None\n"
        "from selvleder.entry import main\n"
        "try:\n    main()\nexcept SystemExit as e:\n    sys.exit(e.code)"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr
    assert "Week" in proc.stdout or "Uke" in proc.stdout
