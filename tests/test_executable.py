"""The installed ``selvleder`` executable: exit codes, fresh homes, no terminal."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from helpers import run_bin, tree
from selvleder.storage.schema import CURRENT_VERSION


def test_help_and_version_leave_no_files(home: Path) -> None:
    for args in (("--help",), ("--version",), ("goal", "--help"), ("goal", "add", "--help"), ()):
        result = run_bin(*args)
        assert result.code == 0, (args, result.err)
    assert tree(home) == []
    assert run_bin("--version").out.startswith("selvleder ")


def test_every_command_help_has_an_example() -> None:
    commands = [
        ("init",),
        ("role",),
        ("doctor",),
        ("export",),
        ("import",),
        ("mandate", "add"),
        ("mandate", "list"),
        ("mandate", "remove"),
        ("goal", "add"),
        ("goal", "edit"),
        ("goal", "show"),
        ("goal", "list"),
        ("goal", "progress"),
        ("goal", "done"),
        ("goal", "drop"),
        ("goal", "reopen"),
    ]
    for command in commands:
        en = run_bin("--lang", "en", *command, "--help")
        assert en.code == 0
        assert "Example: selvleder " + command[0] in en.out, command
        nb = run_bin("--lang", "nb", *command, "--help")
        assert "Eksempel: selvleder " + command[0] in nb.out, command


def test_fresh_home_goal_flow(home: Path) -> None:
    result = run_bin("goal", "add", "X", "--measure", "m", "--due", "2027-01-01")
    assert result.code == 0, result.err
    goals = json.loads(run_bin("goal", "list", "--json").out)
    assert goals[0]["title"] == "X" and goals[0]["clear"] is True
    journal = home / ".local" / "share" / "selvleder" / "journal.db"
    assert journal.stat().st_mode & 0o777 == 0o600


def test_python_dash_m_works() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "selvleder", "--version"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0 and proc.stdout.startswith("selvleder ")


def test_init_without_flags_off_a_terminal_exits_2_with_a_hint(home: Path) -> None:
    result = run_bin("init")
    assert result.code == 2
    assert "--no-input" in result.err
    assert tree(home) == []


def test_no_traceback_unless_debug(tmp_path: Path) -> None:
    notdb = tmp_path / "x.db"
    notdb.write_text("garbage" * 1000)
    plain = run_bin("--db", str(notdb), "goal", "list")
    assert plain.code == 1 and "Traceback" not in plain.err
    assert len(plain.err.strip().splitlines()) == 1
    debug = run_bin("--debug", "--db", str(notdb), "goal", "list")
    assert debug.code == 1 and "Traceback" in debug.err
    env = run_bin("--db", str(notdb), "goal", "list", env={"SELVLEDER_DEBUG": "1"})
    assert "Traceback" in env.err


def test_doctor_reports_json(home: Path) -> None:
    run_bin("goal", "add", "X")
    result = run_bin("doctor", "--json")
    assert result.code == 0, result.out + result.err
    report = json.loads(result.out)
    assert report["integrity"] == "ok"
    assert report["journal_mode"] in ("delete", "wal")
    assert report["permissions_ok"] is True
    assert report["schema_version"] == CURRENT_VERSION
    for key in (
        "db_path",
        "sqlite_version",
        "journal_mode_reason",
        "reminders_installed",
        "reminders_paused_until",
        "backups",
    ):
        assert key in report


def test_help_speaks_the_users_language() -> None:
    nb = run_bin("--lang", "nb", "goal", "add", "--help").out
    assert nb.startswith("Bruk: selvleder goal add")
    assert "Valg:" in nb and "Vis denne hjelpen og avslutt." in nb
    en = run_bin("goal", "add", "--help", env={"SELVLEDER_LANG": "en"}).out
    assert en.startswith("Usage: selvleder goal add")
    assert "Show this message and exit." in en
    locale_nb = run_bin("goal", "--help", env={"LANG": "nb_NO.UTF-8"}).out
    assert "Kommandoer:" in locale_nb


def test_root_help_lists_every_command_with_its_own_help() -> None:
    from selvleder.cli import COMMAND_HELP, COMMAND_MODULES
    from selvleder.cli.app import build_app
    from selvleder.i18n import Messages

    assert set(COMMAND_HELP) == set(COMMAND_MODULES)
    t = Messages("en")
    full = build_app(t, "all-of-them")  # an unknown word builds every module
    helps = {}
    for info in full.registered_commands:
        name = info.name or info.callback.__name__.replace("_", "-")  # type: ignore[union-attr]
        helps[name] = info.help
    for group in full.registered_groups:
        helps[group.name] = group.typer_instance.info.help  # type: ignore[union-attr]
    assert set(helps) == set(COMMAND_HELP)
    for name, key in COMMAND_HELP.items():
        assert helps[name] == t(key), name
    root = run_bin("--help").out
    for name in COMMAND_HELP:
        assert f"  {name} " in root


def test_commands_that_need_answers_refuse_a_pipe_and_name_the_flag(home: Path) -> None:
    for args, flag in (
        (("plan-week",), "-p/--priority"),
        (("ask-leader",), "--topic"),
        (("init",), "--no-input"),
        (("forget", "--all"), "--yes"),
    ):
        result = run_bin(*args, input="yes\nsomething\n")
        assert result.code == 2, args
        assert flag in result.err, (args, result.err)
    assert tree(home) == []
    reflected = run_bin("reflect", input="4\n")
    assert reflected.code == 0 and "Your answer" not in reflected.out
