"""Fuzzers (issue 16): random command lines from the declared commands, and mutated exports.

Whatever the words, a run ends with an exit code in {0, 1, 2, 130}, no traceback, and a
journal that passes SQLite's integrity check; a refused import writes nothing. The quick
versions run in the ordinary suite; the ``slow`` ones try many more examples.
"""

from __future__ import annotations

import copy
import importlib
import json
import random
import sqlite3
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers import run_bin, run_cli

EXITS = {0, 1, 2, 130}
SKIP = {("demo",)}  # builds years of data: slow, and tested on its own


def declared() -> list[Any]:
    from selvleder.cli import ALL_MODULES

    found = []
    for module in ALL_MODULES:
        for command in importlib.import_module(f"selvleder.cli.{module}").commands.declared:
            if command.path not in SKIP:
                found.append(command)
    return found


COMMANDS = declared()
WORDS = [
    "",
    "x",
    "0",
    "-1",
    "1",
    "3",
    "5",
    "99999999999999999999999",
    "2026-W49",
    "0001-W01",
    "9999-W52",
    "W0",
    "this",
    "next",
    "today",
    "friday",
    "31.02.2027",
    "0001-01-01",
    "2026-11-27 10:00",
    "mon 09:00-11:00",
    "-",
    "--",
    "--help",
    "nb",
    "en",
    "Æøå",
    "a" * 400,
    "\x1b[2J\x07",
    "\u202eevil\u200b",
    "line\nbreak",
    "in.json",
    "out.json",
    "missing.toml",
    "/dev/zero",
    "sub/",
]


@st.composite
def command_lines(draw: st.DrawFn) -> list[str]:
    command = draw(st.sampled_from(COMMANDS))
    argv = list(command.path)
    for param in command.params:
        if not draw(st.booleans()):
            continue
        if hasattr(param, "long"):  # an option
            argv.append(draw(st.sampled_from(param.names)))
            if param.kind == "flag":
                continue
        argv.append(draw(st.sampled_from(WORDS) | st.text(max_size=12)))
    if draw(st.integers(0, 4)) == 0:
        argv.insert(draw(st.integers(0, len(argv))), draw(st.sampled_from(WORDS)))
    if draw(st.integers(0, 5)) == 0:
        argv[:0] = ["--lang", draw(st.sampled_from(["nb", "en", "de"]))]
    return [a.replace("\0", "") for a in argv]


def integrity(db: Path) -> None:
    if not db.exists():
        return
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        conn.close()


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Relative paths land in tmp_path; one journal with a little in it."""
    monkeypatch.chdir(tmp_path)
    db = tmp_path / "journal.db"
    monkeypatch.setenv("SELVLEDER_DB", str(db))
    run_cli("goal", "add", "Ship it")
    run_cli("plan-week", "-p", "First", "-p", "Second")
    run_cli("energy", "log", "3", "ok", "--tag", "focus")
    (tmp_path / "in.json").write_text(run_cli("export").out)
    (tmp_path / "sub").mkdir()
    return tmp_path


def check_run(argv: list[str], db: Path) -> None:
    result = run_cli(*argv)
    assert result.code in EXITS, (argv, result.code, result.err)
    assert "Traceback" not in result.err and "unexpected" not in result.err, (argv, result.err)
    integrity(db)


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(argv=command_lines())
def test_random_command_lines_never_crash(workdir: Path, argv: list[str]) -> None:
    check_run(argv, workdir / "journal.db")


@pytest.mark.slow
@settings(max_examples=600, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(argv=command_lines())
def test_random_command_lines_never_crash_long(workdir: Path, argv: list[str]) -> None:
    check_run(argv, workdir / "journal.db")


def test_random_command_lines_through_the_executable(workdir: Path) -> None:
    rng = random.Random(16)  # the same few command lines every run
    for _ in range(6):
        command = rng.choice(COMMANDS)
        argv = list(command.path)
        for param in command.params:
            if rng.random() < 0.5:
                continue
            if hasattr(param, "long"):
                argv.append(rng.choice(param.names))
                if param.kind == "flag":
                    continue
            argv.append(rng.choice(WORDS))
        result = run_bin(*argv)
        assert result.code in EXITS, (argv, result.err)
        assert "Traceback" not in result.err and "unexpected" not in result.err, (argv, result.err)
        integrity(workdir / "journal.db")


# -- the import fuzzer: a valid export, mutated ----------------------------------------------

VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=True),
    st.sampled_from(
        [
            "",
            "x" * 6000,
            "0001-01-01T00:00:00+14:00",
            "9999-12-31T23:59:59-14:00",
            "2099-01-01T10:00:00+01:00",
            "2026-W49",
            "0001-W01",
            "2026-02-30",
            "\x1b[2J",
            "\u202e",
            "planned",
            "mine",
        ]
    ),
    st.text(max_size=20),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=2),
)


def places(doc: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place in the document (dict keys and list indexes), the root excluded."""
    found = []
    if isinstance(doc, dict):
        for key, value in doc.items():
            found.append((*path, key))
            found += places(value, (*path, key))
    elif isinstance(doc, list):
        for index, value in enumerate(doc):
            found.append((*path, index))
            found += places(value, (*path, index))
    return found


def mutate(doc: Any, place: tuple[Any, ...], how: str, value: Any) -> None:
    parent = doc
    for part in place[:-1]:
        parent = parent[part]
    last = place[-1]
    if how == "set":
        parent[last] = value
    elif how == "delete":
        del parent[last]
    elif how == "duplicate" and isinstance(parent, list):
        parent.append(copy.deepcopy(parent[last]))
    elif how == "duplicate":
        parent[f"{last}_copy"] = copy.deepcopy(parent[last])


@pytest.fixture
def small_export(workdir: Path) -> dict[str, Any]:
    run_cli("mandate", "add", "mine", "Budget")
    run_cli("priority", "done", "1")
    run_cli("ask-leader", "--need", "decision", "--topic", "Hiring", "-q", "Who decides?")
    doc = json.loads((workdir / "in.json").read_text())
    doc.update(json.loads(run_cli("export").out))
    assert isinstance(doc, dict)
    return doc


def check_import(doc: dict[str, Any], data: st.DataObject, folder: Path) -> None:
    doc = copy.deepcopy(doc)
    for _ in range(data.draw(st.integers(1, 3))):
        options = places(doc)
        if not options:
            break
        place = data.draw(st.sampled_from(options))
        how = data.draw(st.sampled_from(["set", "set", "delete", "duplicate"]))
        mutate(doc, place, how, data.draw(VALUES))
    fresh = Path(tempfile.mkdtemp(dir=folder))  # hypothesis seeds `random`: names would repeat
    target = fresh / "fuzz.db"
    path = folder / "mutated.json"
    path.write_text(json.dumps(doc, allow_nan=True))
    result = run_cli("--db", str(target), "import", str(path))
    assert result.code in (0, 2), (result.code, result.err)
    assert "Traceback" not in result.err and "unexpected" not in result.err, result.err
    if result.code == 2:
        assert not target.exists()  # a refused import writes nothing
    integrity(target)
    if result.code == 0:  # what went in comes out again, and imports again
        again = folder / "again.json"
        again.write_text(run_cli("--db", str(target), "export").out)
        second = fresh / "second.db"
        assert run_cli("--db", str(second), "import", str(again)).code == 0


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_mutated_exports_import_or_are_refused(
    small_export: dict[str, Any], workdir: Path, data: st.DataObject
) -> None:
    check_import(small_export, data, workdir)


@pytest.mark.slow
@settings(max_examples=400, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_mutated_exports_import_or_are_refused_long(
    small_export: dict[str, Any], workdir: Path, data: st.DataObject
) -> None:
    check_import(small_export, data, workdir)
