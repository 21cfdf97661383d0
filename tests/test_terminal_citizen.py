"""Output that pipes (never wrapped), --json where a table is printed, ``-`` for standard
input, and a doctor that says whether reminders can reach the user."""

from __future__ import annotations

import json
import os
import subprocess
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from helpers import BIN, FakeTools, run_bin, run_cli

TITLE = "Skrive høringssvar om " + "saksbehandlingstid og " * 6 + "x" * 10
assert len(TITLE) >= 150


def piped(*args: str, env: dict[str, str] | None = None, stdin: str = "") -> tuple[int, str]:
    """The executable with stdout a pipe and no COLUMNS in its environment (a shell does
    not export it), as in ``selvleder week | grep``."""
    full = {k: v for k, v in os.environ.items() if k != "COLUMNS"}
    full.update(env or {})
    proc = subprocess.run(
        [str(BIN), *args], input=stdin, capture_output=True, text=True, env=full, check=False
    )
    return proc.returncode, proc.stdout


def _journal(db: Path) -> None:
    for args in (
        ["plan-week", "--week", "this", "-p", TITLE, "-p", "Kort"],
        ["goal", "add", TITLE],
        ["ask-leader", "--need", "decision", "--topic", TITLE, "-q", "Fredag?"],
        ["feedback", "give", "--to", "Ola", TITLE],
        ["mandate", "add", "--unclear", TITLE],
    ):
        assert run_cli("--db", str(db), *args).code == 0, args


@pytest.mark.parametrize(
    "command",
    [
        ["week"],
        ["goal", "list"],
        ["goal", "show", "1"],
        ["role"],
        ["mandate", "list"],
        ["ask-leader", "list"],
        ["feedback", "list"],
        ["reflect", "--no-input"],
    ],
)
def test_a_long_title_stays_on_one_line_through_a_pipe(command: list[str], tmp_path: Path) -> None:
    db = tmp_path / "j.db"
    _journal(db)
    code, out = piped("--db", str(db), *command)
    assert code == 0
    assert any(TITLE in line for line in out.splitlines()), out
    # each block as wide as it needs, not the unbounded width
    assert max(len(line) for line in out.splitlines()) < 2000


def test_an_exported_columns_still_sets_the_width(tmp_path: Path) -> None:
    db = tmp_path / "j.db"
    _journal(db)
    code, out = piped("--db", str(db), "week", env={"COLUMNS": "80"})
    assert code == 0
    assert TITLE not in out and max(len(line) for line in out.splitlines()) <= 80


def test_remind_show_json(fakes: FakeTools, tmp_path: Path) -> None:
    db = tmp_path / "j.db"
    empty = json.loads(run_bin("--db", str(db), "remind", "show", "--json").out)
    assert empty == {
        "installed": False,
        "reminders": [],
        "journals": [],
        "matches_journal": None,
        "paused_until": None,
    }
    assert run_bin("--db", str(db), "remind", "install", "--reflect", "fri 13:00").code == 0
    assert run_bin("--db", str(db), "remind", "pause", "--until", "2030-01-04").code == 0
    shown = json.loads(run_bin("--db", str(db), "remind", "show", "--json").out)
    assert shown["installed"] is True and shown["matches_journal"] is True
    assert {"kind": "reflect", "spec": "fri 13:00"} in shown["reminders"]
    assert [r["kind"] for r in shown["reminders"]] == [
        "plan-week",
        "energy",
        "reflect",
        "follow-up",
    ]
    assert shown["journals"] == [str(db)] and shown["paused_until"] == "2030-01-04"
    other = json.loads(run_bin("--db", str(tmp_path / "o.db"), "remind", "show", "--json").out)
    assert other["matches_journal"] is False


def test_remind_show_says_when_the_reminders_are_for_another_journal(
    fakes: FakeTools, tmp_path: Path
) -> None:
    """The text says what --json says with matches_journal: these reminders will not nudge
    about this journal."""
    db, other = tmp_path / "j.db", tmp_path / "o.db"
    assert run_bin("--db", str(db), "remind", "install").code == 0
    same = run_bin("--db", str(db), "remind", "show")
    assert same.code == 0 and "another journal" not in same.out
    shown = run_bin("--db", str(other), "remind", "show")
    assert shown.code == 0 and "plan-week" in shown.out
    assert "The installed reminders are for another journal." in shown.out
    nb = run_bin("--db", str(other), "--lang", "nb", "remind", "show")
    assert "en annen journal" in nb.out, nb.out


def test_feedback_list_json() -> None:
    assert run_cli("feedback", "give", "--to", "Ola", "Takk for hjelpen").code == 0
    rows = json.loads(run_cli("feedback", "list", "--json").out)
    assert [(r["to"], r["text"]) for r in rows] == [("Ola", "Takk for hjelpen")]


def test_dash_reads_standard_input(tmp_path: Path) -> None:
    db, copy = tmp_path / "j.db", tmp_path / "copy.db"
    plan = 'week = "2027-W20"\nfocus = "Budsjett"\n[[priority]]\ntitle = "Fra stdin"\n'
    code, _ = piped("--db", str(db), "plan-week", "--from", "-", stdin=plan)
    assert code == 0
    week = json.loads(run_bin("--db", str(db), "week", "--week", "2027-W20", "--json").out)
    assert [p["title"] for p in week["priorities"]] == ["Fra stdin"] and week["focus"] == "Budsjett"
    answers = '[role]\nanswer = "Saksbehandling"\nrating = 4\n'
    code, _ = piped(
        "--db", str(db), "reflect", "--week", "2027-W20", "--answers", "-", stdin=answers
    )
    assert code == 0
    shown = json.loads(run_bin("--db", str(db), "reflect", "--week", "2027-W20", "--json").out)
    assert shown["tips"][0]["answer"] == "Saksbehandling" and shown["tips"][0]["rating"] == 4
    exported = run_bin("--db", str(db), "export").out
    code, _ = piped("--db", str(copy), "import", "-", stdin=exported)
    assert code == 0
    again = json.loads(run_bin("--db", str(copy), "export").out)
    assert again["priorities"] == json.loads(exported)["priorities"]
    # bad input on standard input: exit 2, nothing written
    bad = tmp_path / "bad.db"
    code, _ = piped("--db", str(bad), "plan-week", "--from", "-", stdin="week = [")
    assert code == 2 and not bad.exists()
    # and the error names standard input, not a lone '-' ("The plan file - is not valid")
    for lang, said in (("en", "The plan file (standard input) is not"), ("nb", "(standard inn)")):
        result = run_bin(
            "--db", str(bad), "--lang", lang, "plan-week", "--from", "-", input="week = ["
        )
        assert result.code == 2 and said in result.err, result.err


# -- doctor: can reminders reach the user? ---------------------------------------------------


def _log(home: Path) -> Path:
    return home / ".local" / "state" / "selvleder" / "remind.log"


def test_a_failed_reminder_is_logged_in_words_and_doctor_says_so(home: Path) -> None:
    result = run_bin("--lang", "en", "remind", "run", "bogus")
    assert (result.code, result.out, result.err) == (0, "", "")
    text = _log(home).read_text()
    assert "bogus 'bogus' is not a reminder" in text and "error." not in text
    shown = run_bin("--lang", "en", "doctor")
    assert shown.code == 0  # a warning, not a failure of the journal
    assert "is not a reminder" in shown.out and "All good" not in shown.out
    assert "A reminder failed in the last week" in shown.out
    report = json.loads(run_bin("doctor", "--json").out)
    assert len(report["remind_failures"]) == 1 and "bogus" in report["remind_failures"][0]


def test_doctor_says_an_old_raw_key_in_words_and_forgets_old_failures(home: Path) -> None:
    log = _log(home)
    log.parent.mkdir(parents=True)
    old = (datetime.now().astimezone() - timedelta(days=30)).isoformat(timespec="seconds")
    log.write_text(f"{old} energy error.journal_corrupt\n{old} x error.remind_kind\n")
    shown = run_bin("--lang", "en", "doctor")
    assert "error." not in shown.out
    assert "The journal is damaged" in shown.out and "is not a reminder" in shown.out
    assert "All good" in shown.out  # a month-old failure no longer warns
    assert json.loads(run_bin("doctor", "--json").out)["remind_failures"] == []


def test_doctor_checks_the_crontab_block_names_this_journal(
    fakes: FakeTools, tmp_path: Path
) -> None:
    mine, other = tmp_path / "mine.db", tmp_path / "other.db"
    assert run_bin("--db", str(mine), "remind", "install").code == 0
    report = json.loads(run_bin("--db", str(mine), "doctor", "--json").out)
    assert report["reminders_installed"] is True and report["reminders_match_journal"] is True
    assert report["notifier_available"] is True  # the fake notify-send on PATH
    assert report["cron_running"] in (True, False)
    elsewhere = run_bin("--db", str(other), "--lang", "en", "doctor")
    assert "for another journal" in elsewhere.out and "All good" not in elsewhere.out
    report = json.loads(run_bin("--db", str(other), "doctor", "--json").out)
    assert report["reminders_match_journal"] is False


def test_doctor_without_notify_send(fakes: FakeTools, tmp_path: Path) -> None:
    (fakes.bin / "notify-send").unlink()
    db = tmp_path / "j.db"
    assert run_bin("--db", str(db), "remind", "install").code == 0
    path = os.pathsep.join(
        p for p in os.environ["PATH"].split(os.pathsep) if not (Path(p) / "notify-send").exists()
    )
    result = run_bin("--db", str(db), "--lang", "en", "doctor", env={"PATH": path})
    assert "notify-send is not installed" in result.out
    report = json.loads(run_bin("--db", str(db), "doctor", "--json", env={"PATH": path}).out)
    assert report["notifier_available"] is False


def test_without_reminders_a_missing_notifier_is_no_tick_and_no_problem(
    fakes: FakeTools, tmp_path: Path
) -> None:
    """Before: '✓ Desktop notifications (notify-send): no', a tick next to 'no'."""
    (fakes.bin / "notify-send").unlink()
    path = os.pathsep.join(
        p for p in os.environ["PATH"].split(os.pathsep) if not (Path(p) / "notify-send").exists()
    )
    db = tmp_path / "j.db"
    for lang, said in (("en", "no (only reminders need it)"), ("nb", "nei (trengs bare for")):
        result = run_bin("--db", str(db), "--lang", lang, "doctor", env={"PATH": path})
        line = next(x for x in result.out.splitlines() if "notify-send" in x)
        assert line.lstrip().startswith("–") and said in line, line
        assert "✓" not in line and result.code == 0


def test_cron_daemon_is_found_by_its_process_name(tmp_path: Path) -> None:
    from selvleder.integrations.crontab import cron_daemon_running

    proc = tmp_path / "proc"
    for pid, name in (("1", "systemd"), ("42", "bash"), ("self", "x")):
        (proc / pid).mkdir(parents=True)
        (proc / pid / "comm").write_text(name + "\n")
    assert cron_daemon_running(str(proc)) is False
    (proc / "77").mkdir()
    (proc / "77" / "comm").write_text("cron\n")
    assert cron_daemon_running(str(proc)) is True
    assert cron_daemon_running(str(tmp_path / "nowhere")) is None


def test_a_long_goal_title_in_the_week_table_is_not_cut_in_a_pipe(tmp_path: Path) -> None:
    """The goal column is cut with '…' on a terminal; through a pipe it shows the whole title."""
    db = tmp_path / "j.db"
    _journal(db)
    assert run_cli("--db", str(db), "priority", "edit", "2", "--goal", "1").code == 0
    code, out = piped("--db", str(db), "week")
    assert code == 0
    row = next(line for line in out.splitlines() if "Kort" in line)
    assert row.rstrip().endswith(TITLE), out
    assert "…" not in out
