"""Reminders (issue 7): SPEC parsing, the crontab, cron's bare environment, the inbox.

Every test runs with the fake crontab and notify-send from conftest.py first on PATH; the
real crontab binary is used only as a throwaway user a test creates (root only).
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpers import (
    BIN,
    FakeTools,
    Result,
    User,
    make_fake_tools,
    run_bin,
    run_cli,
    system_tool,
    throwaway_user,
    why_no_throwaway_user,
)
from selvleder.domain.reminders import DEFAULTS, Schedule, parse_spec
from selvleder.errors import BadInput
from selvleder.integrations.crontab import BEGIN, END, split_block, with_block, without_block

WED = "2026-11-25T10:00:00+01:00"


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


OTHER = (
    "# a comment with 'quotes' and \"more\"\n"
    "SHELL=/bin/bash\n"
    "*/5 * * * * date +\\%H:\\%M >> /tmp/x.log 2>&1\n"
    "@reboot echo 'hello %% world'\n"
)


class Cron(Protocol):
    """A crontab and selvleder run by its owner: the fake one, or a throwaway user's real one."""

    def set(self, text: str) -> None: ...
    def current(self) -> str: ...  # '' when there is none
    def selvleder(self, *args: str) -> Result: ...


@dataclass
class FakeCron:
    fakes: FakeTools

    def set(self, text: str) -> None:
        self.fakes.table.write_text(text)

    def current(self) -> str:
        return (self.fakes.crontab() or b"").decode()

    def selvleder(self, *args: str) -> Result:
        return run_bin(*args)


@dataclass
class RealCron:
    user: User

    def set(self, text: str) -> None:
        self.user.set_crontab(text.encode())

    def current(self) -> str:
        return (self.user.crontab() or b"").decode()

    def selvleder(self, *args: str) -> Result:
        return self.user.run(str(BIN), *args)


@pytest.fixture
def user() -> Iterator[User]:
    reason = why_no_throwaway_user()
    if reason:
        pytest.skip(reason)
    with throwaway_user() as made:
        yield made


@pytest.fixture(params=["fake", "real"])
def cron(request: pytest.FixtureRequest, fakes: FakeTools) -> Cron:
    """Each crontab test runs twice: against the fake crontab on PATH, and against the real
    crontab binary as a throwaway user (skipped unless root with cron installed)."""
    if request.param == "fake":
        return FakeCron(fakes)
    return RealCron(request.getfixturevalue("user"))


def test_commands_in_process_and_in_subprocesses_find_the_fake_crontab(fakes: FakeTools) -> None:
    assert run_cli("remind", "install").code == 0  # this process: shutil.which on PATH
    assert BEGIN.encode() in (fakes.crontab() or b"")
    assert json.loads(run_bin("doctor", "--json").out)["reminders_installed"] is True
    assert fakes.calls()[:2] == ["-l", "-"] and len(fakes.calls()) > 2  # doctor read it too


def test_install_reinstall_remove(cron: Cron) -> None:
    cron.set(OTHER)
    assert cron.selvleder("remind", "install").code == 0
    first = cron.current()
    assert first.startswith(OTHER)
    assert first.count(BEGIN) == 1 and END in first
    assert cron.selvleder("remind", "install", "--energy", "mon-fri 10:00").code == 0
    second = cron.current()
    assert second.startswith(OTHER) and second.count(BEGIN) == 1
    assert "0 10 * * 1,2,3,4,5" in second and "0 15 * * 1,2,3,4,5" not in second
    assert cron.selvleder("remind", "install", "--energy", "mon-fri 10:00").code == 0
    assert cron.current() == second  # idempotent
    shown = cron.selvleder("remind", "show").out
    assert "energy     mon-fri 10:00" in shown
    doctor = json.loads(cron.selvleder("doctor", "--json").out)
    assert doctor["reminders_installed"] is True
    assert cron.selvleder("remind", "remove").code == 0
    assert cron.current() == OTHER
    assert "No reminders installed" in cron.selvleder("remind", "show").out


def test_install_without_any_crontab_yet(cron: Cron) -> None:
    assert cron.current() == ""
    assert "No reminders installed" in cron.selvleder("remind", "show").out
    assert cron.selvleder("remind", "install").code == 0
    assert cron.current().startswith(BEGIN)
    assert cron.selvleder("remind", "remove").code == 0
    assert cron.current() == ""


def test_dry_run_prints_the_lines_and_changes_nothing(cron: Cron) -> None:
    cron.set(OTHER)
    result = cron.selvleder("remind", "install", "--dry-run", "--reflect", "fre 13:00")
    assert result.code == 0
    lines = [line for line in result.out.splitlines() if not line.startswith("#")]
    assert len(lines) == 5
    assert any(line.startswith("0 13 * * 5 ") for line in lines)
    assert cron.current() == OTHER


def test_bad_specs_are_refused_before_anything_changes(cron: Cron) -> None:
    cron.set(OTHER)
    result = cron.selvleder("remind", "install", "--energy", "someday 10:00")
    assert result.code == 2 and "someday" in result.err
    assert cron.current() == OTHER


def test_the_fake_crontab_answers_like_the_real_one(user: User) -> None:
    """The fake stands in for the real crontab in every other test: the same exit codes,
    output and messages, run side by side by the same user."""
    fakes = make_fake_tools(user.home / "fakes")
    table = user.home / "table"
    table.write_text(OTHER)
    for path in (table, fakes.bin.parent, fakes.bin):
        os.chown(path, user.uid, user.gid)
    steps = [
        (("-l",), None),
        (("-r",), None),
        (("-",), OTHER),
        (("-l",), None),
        (("-",), "0 1 * * * no newline at the end"),
        (("-l",), None),
        (("-",), ""),
        (("-l",), None),
        ((), "0 2 * * * from stdin\n"),
        (("-l",), None),
        ((str(table),), None),
        (("-l",), None),
        (("-r",), None),
        (("-l",), None),
    ]
    for args, text in steps:
        real = user.run(system_tool("crontab"), *args, input=text)
        fake = user.run(str(fakes.bin / "crontab"), *args, input=text)
        assert (fake.code, fake.out) == (real.code, real.out), args
        assert fake.err.strip().endswith(real.err.strip().split(": ", 1)[-1]), args


KNOWN = (OTHER + "# the tests must leave this crontab alone\n").encode()


def installed_by_selvleder(basetemp: Path) -> bool:
    """Whether a test in a run with this --basetemp has had selvleder install a crontab."""
    return any(
        "-" in calls.read_text().split("\n") for calls in basetemp.glob("*/fakes/crontab-calls")
    )


@pytest.mark.slow
def test_killing_the_crontab_tests_midway_leaves_the_crontab_byte_identical(
    fakes: FakeTools, tmp_path: Path
) -> None:
    """Run this file's tests in a subprocess and SIGKILL it right after selvleder has installed
    reminders in one of them: the crontab of whoever runs the suite is byte for byte what it
    was (a fixture that saves the real crontab and puts it back afterwards would lose here).
    Whoever runs it: a throwaway user when root, with its real crontab; otherwise the fake
    crontab first on PATH when the run starts stands for the user's."""
    here = Path(__file__).resolve()
    nested = ["-m", "pytest", str(here), "-q", "-p", "no:cacheprovider", "-o", "addopts="]
    nested += ["-k", "not test_killing_the_crontab_tests_midway"]
    with ExitStack() as stack:
        user = None
        if why_no_throwaway_user() is None:
            user = stack.enter_context(throwaway_user())
            if not user.can_run_selvleder_from_a_shell():
                user = None  # its tests could not run selvleder: use the fake below
        if user:
            user.set_crontab(KNOWN)
            basetemp, current = user.home / "pytest", user.crontab
            argv = user.command(sys.executable, *nested, "--basetemp", str(basetemp))
            env, cwd = user.env(PYTHONDONTWRITEBYTECODE="1"), user.home
        else:
            fakes.table.write_bytes(KNOWN)
            basetemp, current = tmp_path / "nested", fakes.crontab
            argv = [sys.executable, *nested, "--basetemp", str(basetemp)]
            env, cwd = dict(os.environ), tmp_path
        log = tmp_path / "nested.log"
        with log.open("wb") as out:
            proc = subprocess.Popen(
                argv, stdout=out, stderr=subprocess.STDOUT, env=env, cwd=cwd, start_new_session=True
            )
        try:
            deadline = time.monotonic() + 180
            while not installed_by_selvleder(basetemp):
                ended = proc.poll() is not None
                assert not ended, "the run ended before it installed reminders:\n" + log.read_text()
                assert time.monotonic() < deadline, "no reminders installed in 180 s"
                time.sleep(0.02)
        finally:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
        assert proc.returncode == -signal.SIGKILL
        assert current() == KNOWN


def cron_env(home: Path, logname: str = "root") -> dict[str, str]:
    return {"PATH": "/usr/bin:/bin", "HOME": str(home), "SHELL": "/bin/sh", "LOGNAME": logname}


def run_like_cron(
    line: str, home: Path, now: str | None = None, user: User | None = None
) -> subprocess.CompletedProcess[str]:
    """One crontab line's command as cron runs it: sh -c under a bare environment."""
    command = line.split(" ", 5)[5]
    env = cron_env(home, user.name if user else "root")
    if now:
        env["SELVLEDER_NOW"] = now
    argv = ["env", "-i", *(f"{k}={v}" for k, v in env.items()), "sh", "-c"]
    argv.append(command.replace("\\%", "%"))
    return subprocess.run(
        user.command(*argv) if user else argv,
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
    assert not any("DBUS" in line for line in lines)  # conftest: no test reaches a desktop
    for line in lines:
        proc = run_like_cron(line, home, WED)
        assert proc.returncode == 0, proc.stderr
        assert proc.stdout == "" and proc.stderr == ""
    kinds = {k for k, _ in sqlite3.connect(db).execute("SELECT kind, seen_at FROM nudges")}
    assert kinds == {"plan-week", "energy", "reflect"}  # follow-up: nothing is open


def test_the_lines_the_real_crontab_keeps_run_under_crons_bare_environment(user: User) -> None:
    env = user.env(SELVLEDER_NOW=WED)
    assert user.run(str(BIN), "goal", "add", "x", env=env).code == 0
    assert user.run(str(BIN), "--lang", "nb", "remind", "install", env=env).code == 0
    block = split_block((user.crontab() or b"").decode())[1]
    assert block is not None
    lines = [line for line in block.splitlines() if not line.startswith("#")]
    assert len(lines) == 5
    # as the user, as cron would; as this (root) process where the user cannot reach the
    # executable's Python through a shell: the lines and their environment are the same
    runner = user if user.can_run_selvleder_from_a_shell() else None
    for line in lines:
        proc = run_like_cron(line, user.home, WED, user=runner)
        assert (proc.returncode, proc.stdout, proc.stderr) == (0, "", ""), line
    assert {k for k, _ in nudges(user.home)} == {"plan-week", "energy", "reflect"}


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
    # in words, never a message key
    assert "energy The journal is damaged" in log.read_text()
    assert "error." not in log.read_text()
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


def test_desktop_notification_through_notify_send_on_path(
    fakes: FakeTools, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SELVLEDER_NOW", WED)
    bus = {"DBUS_SESSION_BUS_ADDRESS": "unix:path=/tmp/bus"}
    assert run_bin("--lang", "nb", "remind", "run", "plan-week", env=bus).code == 0
    [call] = fakes.notifications()
    assert call[:2] == ["--app-name=selvleder", "selvleder"]
    assert call[2].startswith("Påminnelse: tid for å planlegge uka")
    assert run_bin("remind", "run", "energy").code == 0  # no session bus: no notification
    assert len(fakes.notifications()) == 1


def test_selvleder_notify_names_another_notifier(
    fakes: FakeTools, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    other = make_fake_tools(tmp_path / "other")
    monkeypatch.setenv("SELVLEDER_NOW", WED)
    env = {
        "SELVLEDER_NOTIFY": str(other.bin / "notify-send"),
        "DBUS_SESSION_BUS_ADDRESS": "unix:path=/tmp/bus",
    }
    assert run_bin("--lang", "nb", "remind", "run", "plan-week", env=env).code == 0
    assert "Påminnelse: tid for å planlegge uka" in other.notifications()[0][2]
    assert fakes.notifications() == []
    del env["DBUS_SESSION_BUS_ADDRESS"]
    assert run_bin("remind", "run", "energy", env=env).code == 0
    assert len(other.notifications()) == 1
