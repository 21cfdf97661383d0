"""Reminders (issue 7): SPEC parsing, the real crontab, cron's bare environment, the inbox."""

from __future__ import annotations

import json
import os
import shlex
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpers import BIN, run_bin, run_cli
from selvleder.domain.reminders import DEFAULTS, Schedule, parse_spec
from selvleder.errors import BadInput
from selvleder.integrations.crontab import BEGIN, END, split_block, with_block, without_block

WED = "2026-11-25T10:00:00+01:00"
HAS_CRONTAB = shutil.which("crontab") is not None


@pytest.mark.parametrize(
    "spec, days, times",
    [
        ("mon 08:30", (0,), ((8, 30),)),
        ("mon-fri 11:00,15:00", (0, 1, 2, 3, 4), ((11, 0), (15, 0))),
        ("fre 14:00", (4,), ((14, 0),)),
        ("man-ons 9:05", (0, 1, 2), ((9, 5),)),
        ("tirsdag,torsdag 13:00", (1, 3), ((13, 0),)),
        ("lør-søn 10:00", (5, 6), ((10, 0),)),
    ],
)
def test_specs_in_both_languages(
    spec: str, days: tuple[int, ...], times: tuple[tuple[int, int], ...]
) -> None:
    assert parse_spec(spec) == Schedule(days, times)


def test_cron_fields() -> None:
    assert parse_spec("mon-fri 11:00,15:00").cron_fields() == [
        "0 11 * * 1,2,3,4,5",
        "0 15 * * 1,2,3,4,5",
    ]
    assert parse_spec("søn 20:15").cron_fields() == ["15 20 * * 0"]
    assert {k: parse_spec(v).spec() for k, v in DEFAULTS.items()} == {
        "plan-week": "mon 08:30",
        "energy": "mon-fri 11:00,15:00",
        "reflect": "fri 14:00",
        "follow-up": "wed 10:00",
    }


@pytest.mark.parametrize(
    "spec",
    [
        "",
        "mon",
        "08:30",
        "funday 08:30",
        "mon 25:00",
        "mon 8",
        "fri-mon 10:00",
        "mon 10:00;rm -rf /",
        "mon,,tue 10:00",
        "mon 10:60",
    ],
)
def test_garbage_is_refused(spec: str) -> None:
    with pytest.raises(BadInput):
        parse_spec(spec)


schedules = st.builds(
    Schedule,
    st.lists(st.integers(0, 6), min_size=1, max_size=7, unique=True).map(
        lambda d: tuple(sorted(d))
    ),
    st.lists(
        st.tuples(st.integers(0, 23), st.integers(0, 59)), min_size=1, max_size=4, unique=True
    ).map(lambda t: tuple(sorted(t))),
)


@given(schedules)
def test_every_schedule_round_trips_through_its_spec(schedule: Schedule) -> None:
    assert parse_spec(schedule.spec()) == schedule


@given(st.text(max_size=30))
def test_any_text_parses_or_is_refused(text: str) -> None:
    try:
        parse_spec(text)
    except BadInput:
        pass


def test_block_editing_keeps_other_lines_byte_identical() -> None:
    other = "MAILTO=''\n# my backup\n0 3 * * * tar czf /tmp/b.tgz ~ && echo \"100\\% done\" # '%'\n"
    installed = with_block(other, ["0 8 * * 1 a"])
    assert installed.startswith(other)
    again = with_block(installed, ["0 9 * * 1 b"])
    assert again.count(BEGIN) == 1 and "0 9 * * 1 b" in again and "0 8 * * 1 a" not in again
    assert without_block(again) == other
    no_newline = "0 1 * * * x"
    assert without_block(with_block(no_newline, ["y"])) == no_newline + "\n"
    assert split_block(other)[1] is None


@pytest.fixture
def crontab() -> Iterator[None]:
    """Saves the real crontab and puts it back afterwards, byte for byte."""
    if not HAS_CRONTAB:
        pytest.skip("the crontab command is not installed (CI installs Debian's cron)")
    saved = subprocess.run(["crontab", "-l"], capture_output=True, check=False)
    yield
    if saved.returncode == 0:
        subprocess.run(["crontab", "-"], input=saved.stdout, check=True)
    else:
        subprocess.run(["crontab", "-r"], capture_output=True, check=False)


def current_crontab() -> str:
    proc = subprocess.run(["crontab", "-l"], capture_output=True, text=True, check=False)
    return proc.stdout if proc.returncode == 0 else ""


OTHER = (
    "# a comment with 'quotes' and \"more\"\n"
    "SHELL=/bin/bash\n"
    "*/5 * * * * date +\\%H:\\%M >> /tmp/x.log 2>&1\n"
    "@reboot echo 'hello %% world'\n"
)


def test_install_reinstall_remove_with_the_real_crontab(crontab: None, home: Path) -> None:
    subprocess.run(["crontab", "-"], input=OTHER, text=True, check=True)
    assert run_bin("remind", "install").code == 0
    first = current_crontab()
    assert first.startswith(OTHER)
    assert first.count(BEGIN) == 1 and END in first
    assert run_bin("remind", "install", "--energy", "mon-fri 10:00").code == 0
    second = current_crontab()
    assert second.startswith(OTHER) and second.count(BEGIN) == 1
    assert "0 10 * * 1,2,3,4,5" in second and "0 15 * * 1,2,3,4,5" not in second
    assert run_bin("remind", "install", "--energy", "mon-fri 10:00").code == 0
    assert current_crontab() == second  # idempotent
    shown = run_bin("remind", "show").out
    assert "energy     mon-fri 10:00" in shown
    doctor = json.loads(run_bin("doctor", "--json").out)
    assert doctor["reminders_installed"] is True
    assert run_bin("remind", "remove").code == 0
    assert current_crontab() == OTHER
    assert "No reminders installed" in run_bin("remind", "show").out


def test_dry_run_prints_the_lines_and_changes_nothing(crontab: None) -> None:
    subprocess.run(["crontab", "-"], input=OTHER, text=True, check=True)
    result = run_bin("remind", "install", "--dry-run", "--reflect", "fre 13:00")
    assert result.code == 0
    lines = [line for line in result.out.splitlines() if not line.startswith("#")]
    assert len(lines) == 5
    assert any(line.startswith("0 13 * * 5 ") for line in lines)
    assert current_crontab() == OTHER


def test_bad_specs_are_refused_before_anything_changes(crontab: None, home: Path) -> None:
    subprocess.run(["crontab", "-"], input=OTHER, text=True, check=True)
    result = run_bin("remind", "install", "--energy", "someday 10:00")
    assert result.code == 2 and "someday" in result.err
    assert current_crontab() == OTHER


def cron_env(home: Path) -> dict[str, str]:
    return {"PATH": "/usr/bin:/bin", "HOME": str(home), "SHELL": "/bin/sh", "LOGNAME": "root"}


def run_like_cron(
    line: str, home: Path, now: str | None = None
) -> subprocess.CompletedProcess[str]:
    command = line.split(" ", 5)[5]
    env = cron_env(home)
    if now:
        env["SELVLEDER_NOW"] = now
    return subprocess.run(
        [
            "env",
            "-i",
            *(f"{k}={v}" for k, v in env.items()),
            "sh",
            "-c",
            command.replace("\\%", "%"),
        ],
        capture_output=True,
        text=True,
        check=False,
    )


def nudges(home: Path) -> list[tuple[str, object]]:
    db = home / ".local" / "share" / "selvleder" / "journal.db"
    return sqlite3.connect(db).execute("SELECT kind, seen_at FROM nudges ORDER BY id").fetchall()


def test_installed_lines_work_under_crons_bare_environment(
    home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    odd = tmp_path / "my journals $HOME 'x'"
    odd.mkdir()
    db = odd / "journal.db"
    monkeypatch.setenv("SELVLEDER_NOW", WED)
    run_cli("--db", str(db), "goal", "add", "x")
    result = run_bin("--db", str(db), "--lang", "nb", "remind", "install", "--dry-run")
    lines = [line for line in result.out.splitlines() if not line.startswith("#")]
    assert all(str(BIN) in line for line in lines)
    for line in lines:
        proc = run_like_cron(line, home, WED)
        assert proc.returncode == 0, proc.stderr
        assert proc.stdout == "" and proc.stderr == ""
    kinds = {k for k, _ in sqlite3.connect(db).execute("SELECT kind, seen_at FROM nudges")}
    assert kinds == {"plan-week", "energy", "reflect"}  # follow-up: nothing is open


def test_reminders_stay_quiet_when_there_is_nothing_to_say(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SELVLEDER_NOW", WED)
    run_cli("plan-week", "-p", "Planned already")
    run_cli("energy", "log", "3", "--at", "09:00")
    run_cli("reflect", "--week", "47", "--answers", str(write_answers(home)))
    for kind in ("plan-week", "energy", "reflect", "follow-up"):
        assert run_bin("remind", "run", kind).code == 0
    assert nudges(home) == []
    monkeypatch.setenv("SELVLEDER_NOW", "2026-11-25T16:00:00+01:00")  # 7 hours after the log
    assert run_bin("remind", "run", "energy").code == 0
    assert [k for k, _ in nudges(home)] == ["energy"]


def write_answers(home: Path) -> Path:
    path = home / "a.toml"
    path.write_text("[plan]\nrating = 3\n")
    return path


def test_follow_up_speaks_of_old_open_requests(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SELVLEDER_NOW", "2026-11-10T10:00:00+01:00")
    run_cli("ask-leader", "--topic", "Old")
    monkeypatch.setenv("SELVLEDER_NOW", WED)
    assert run_bin("remind", "run", "follow-up").code == 0
    assert [k for k, _ in nudges(home)] == ["follow-up"]


def test_pause_silences_everything(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SELVLEDER_NOW", WED)
    assert run_cli("remind", "pause", "--until", "2026-12-01").code == 0
    assert run_bin("remind", "run", "plan-week").code == 0
    assert nudges(home) == []
    assert json.loads(run_cli("doctor", "--json").out)["reminders_paused_until"] == "2026-12-01"
    assert run_cli("remind", "pause", "--until", "2026-01-01").code == 2
    assert run_cli("remind", "resume").code == 0
    assert run_bin("remind", "run", "plan-week").code == 0
    assert [k for k, _ in nudges(home)] == ["plan-week"]


def test_run_never_fails_loudly_and_logs_why(home: Path, tmp_path: Path) -> None:
    broken = tmp_path / "broken.db"
    broken.write_text("not a database" * 100)
    result = run_bin("--db", str(broken), "remind", "run", "energy")
    assert (result.code, result.out, result.err) == (0, "", "")
    log = home / ".local" / "state" / "selvleder" / "remind.log"
    assert "energy error.journal_corrupt" in log.read_text()
    assert log.stat().st_mode & 0o777 == 0o600
    assert run_bin("remind", "run", "nonsense").code == 0


def test_inbox_is_shown_once_by_the_next_command_in_both_languages(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SELVLEDER_NOW", WED)
    run_cli("goal", "add", "x")
    assert run_bin("remind", "run", "plan-week").code == 0
    assert run_bin("remind", "run", "reflect").code == 0
    quiet = run_bin("goal", "list", "--json")
    assert quiet.err == ""  # not after --json
    nb = run_bin("--lang", "nb", "goal", "list")
    assert "Påminnelse: tid for å planlegge uka – selvleder plan-week" in nb.err
    assert "selvleder reflect" in nb.err
    assert "Påminnelse" not in nb.out
    again = run_bin("goal", "list")
    assert "Reminder" not in again.err  # shown once
    assert run_bin("remind", "run", "energy").code == 0
    en = run_bin("--lang", "en", "week")  # the quick path shows it too
    assert "Reminder: how is your energy right now? – selvleder energy log 3" in en.err


def test_a_nudge_whose_condition_passed_is_dropped(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SELVLEDER_NOW", WED)
    assert run_bin("remind", "run", "plan-week").code == 0
    result = run_bin("plan-week", "-p", "Now planned")
    assert "Reminder" not in result.err
    assert nudges(home) == []


def test_desktop_notification_through_a_fake_notifier(
    home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    record = tmp_path / "notified.txt"
    fake = tmp_path / "notify-send"
    fake.write_text(f"#!/bin/sh\nprintf '%s\\n' \"$@\" > {shlex.quote(str(record))}\n")
    fake.chmod(0o755)
    monkeypatch.setenv("SELVLEDER_NOW", WED)
    env = {"SELVLEDER_NOTIFY": str(fake), "DBUS_SESSION_BUS_ADDRESS": "unix:path=/tmp/bus"}
    assert run_bin("--lang", "nb", "remind", "run", "plan-week", env=env).code == 0
    assert "Påminnelse: tid for å planlegge uka" in record.read_text()
    without_bus = {"SELVLEDER_NOTIFY": str(fake)}
    record.unlink()
    assert run_bin("remind", "run", "energy", env=without_bus).code == 0
    assert not record.exists()
    assert os.environ.get("SELVLEDER_NOTIFY") is None
