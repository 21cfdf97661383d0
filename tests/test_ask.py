"""ask-leader and feedback give (issue 6): header safety, privacy, golden messages, tracking."""

from __future__ import annotations

import email
import json
import os
from datetime import datetime
from email import policy
from pathlib import Path

import pexpect
import pytest

from helpers import BIN, run_cli
from selvleder.domain.ask import Message, Section
from selvleder.domain.models import NEEDS
from selvleder.export.message import to_eml

FRI = "2026-11-27T16:00:00+01:00"
GOLDEN = Path(__file__).parent / "golden"
EXPECTED_HEADERS = {
    "To",
    "From",
    "Subject",
    "Date",
    "Message-ID",
    "X-Unsent",
    "MIME-Version",
    "Content-Type",
    "Content-Transfer-Encoding",
}


@pytest.fixture(autouse=True)
def week(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SELVLEDER_NOW", FRI)
    run_cli(
        "init",
        "--leader-name",
        "Kari Nordmann",
        "--leader-email",
        "kari@example.no",
        "--me-name",
        "Ola",
        "--me-email",
        "ola@example.no",
        "--no-input",
    )
    run_cli("goal", "add", "Kortere saksbehandling")
    run_cli(
        "plan-week",
        "--week",
        "48",
        "-p",
        "Budsjettutkast",
        "-p",
        "Svar på høring",
        "--can-wait",
        "Rydde arkivet",
    )
    run_cli("priority", "edit", "1", "--goal", "1")
    run_cli("priority", "done", "2")
    run_cli("mandate", "add", "--unclear", "Hvem godkjenner brevmalen?")
    run_cli("energy", "log", "2", "SECRET-ENERGY-NOTE", "-t", "møter", "--at", "mon 10:00")
    run_cli("energy", "log", "4", "--at", "tue 10:00")
    answers = Path(os.environ["HOME"]) / "answers.toml"
    answers.write_text('[energy]\nanswer = "SECRET-REFLECTION"\nrating = 2\n')
    run_cli("reflect", "--answers", str(answers))


def parse(raw: bytes) -> email.message.EmailMessage:
    return email.message_from_bytes(raw, policy=policy.default)  # type: ignore[return-value]


HOSTILE = [
    "Budget\r\nBcc: evil@example.com",
    "=?UTF-8?Q?=0A?=Bcc: evil@example.com",
    "Budget\nX-Injected: 1",
    "Budget\x00NUL",
    "Ø" * 2000,
    "=?utf-8?b?Cg==?=To: evil@example.com",
]


@pytest.mark.parametrize("subject", HOSTILE)
def test_hostile_subjects_and_names_never_make_headers(subject: str) -> None:
    message = Message(
        subject=subject, greeting="Hi", intro="x", sections=[Section("h", ["line\r\nBcc: x@y.z"])]
    )
    raw = to_eml(
        message,
        (subject, "kari@example.no"),
        ("Ola\r\nCc: x@y.z", "ola@example.no"),
        datetime.fromisoformat(FRI),
    )
    parsed = parse(raw)
    assert set(parsed.keys()) == EXPECTED_HEADERS
    assert "Bcc" not in parsed and "Cc" not in parsed and "X-Injected" not in parsed
    decoded = str(parsed["Subject"])
    assert "\n" not in decoded and "\r" not in decoded and "\x00" not in decoded
    expected = " ".join(subject.replace("\x00", " ").replace("\r", " ").replace("\n", " ").split())[
        :300
    ]
    assert decoded == expected
    assert parsed["To"].addresses[0].addr_spec == "kari@example.no"
    for line in raw.split(b"\r\n\r\n", 1)[0].split(b"\r\n"):
        assert len(line) <= 998
    assert raw.isascii()


def test_hostile_topic_through_the_cli(tmp_path: Path) -> None:
    out = tmp_path / "ask.eml"
    result = run_cli(
        "ask-leader",
        "--need",
        "decision",
        "--topic",
        "Malen\r\nBcc: evil@example.com =?UTF-8?Q?=0A?=Cc: x@y.z",
        "--format",
        "eml",
        "--out",
        str(out),
    )
    assert result.code == 0, result.err
    assert out.stat().st_mode & 0o777 == 0o600
    parsed = parse(out.read_bytes())
    assert set(parsed.keys()) == EXPECTED_HEADERS
    assert parsed["X-Unsent"] == "1"
    assert parsed["Message-ID"].endswith("@selvleder.invalid>")
    assert "Malen Bcc: evil@example.com =?UTF-8?Q?=0A?=Cc: x@y.z" in str(parsed["Subject"])
    assert parsed.get_content_charset() == "utf-8"


def test_message_id_needs_no_hostname_lookup(monkeypatch: pytest.MonkeyPatch) -> None:
    import socket

    def refuse(*args: object) -> str:
        raise AssertionError("hostname lookup")

    monkeypatch.setattr(socket, "getfqdn", refuse)
    monkeypatch.setattr(socket, "gethostname", refuse)
    result = run_cli("ask-leader", "--topic", "X", "--format", "eml", "--dry-run")
    assert result.code == 0
    assert "Message-ID: <" in result.out


@pytest.mark.parametrize("fmt", ["text", "markdown", "eml"])
def test_privacy_by_default_in_every_format(fmt: str) -> None:
    def message(*flags: str) -> str:
        result = run_cli("ask-leader", "--topic", "Budsjett", "--format", fmt, "--dry-run", *flags)
        assert result.code == 0, result.err
        text = result.out
        if fmt == "eml":
            text = parse(text.encode("ascii")).get_content()
        return text

    plain = message()
    assert "Mean" not in plain and "3.0" not in plain and "SECRET" not in plain
    assert "Budsjettutkast" in plain  # context is on by default
    energy = message("--share-energy")
    assert "Mean 3.0" in energy and "SECRET-ENERGY-NOTE" not in energy
    notes = message("--share-notes")
    assert "Mean 3.0" in notes and "SECRET-ENERGY-NOTE" in notes
    for text in (plain, energy, notes):
        assert "SECRET-REFLECTION" not in text
    assert "Budsjettutkast" not in message("--no-context")


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_golden_messages_for_every_kind(lang: str) -> None:
    parts = []
    for need in NEEDS:
        result = run_cli(
            "--lang",
            lang,
            "ask-leader",
            "--need",
            need,
            "--topic",
            "Brevmalen",
            "-q",
            "Kan vi avgjøre det innen fredag?",
            "--dry-run",
        )
        assert result.code == 0, result.err
        parts.append(f"## {need}\n{result.out}")
    text = "\n".join(parts)
    golden = GOLDEN / f"ask_{lang}.txt"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")


def test_kind_specific_context() -> None:
    mandate = run_cli("ask-leader", "--need", "clarify-mandate", "--topic", "Malen", "--dry-run")
    assert "Hvem godkjenner brevmalen?" in mandate.out
    prios = run_cli("ask-leader", "--need", "priorities", "--topic", "Uka", "--dry-run")
    assert "2 priorities this week (I keep to at most 5)." in prios.out
    assert "Rydde arkivet" in prios.out


def test_tracking_and_agenda() -> None:
    assert run_cli("ask-leader", "--topic", "A", "--need", "decision").code == 0
    assert run_cli("ask-leader", "--topic", "B", "--dry-run").code == 0  # not recorded
    listed = json.loads(run_cli("ask-leader", "list", "--json").out)
    assert [r["topic"] for r in listed] == ["A"]
    assert set(listed[0]) == {
        "id",
        "need",
        "topic",
        "questions",
        "status",
        "created_at",
        "answered_at",
        "note",
    }
    assert listed[0]["status"] == "open" and listed[0]["created_at"].endswith("+01:00")
    agenda = run_cli("ask-leader", "--agenda")
    assert "A (open for 0 days)" in agenda.out
    assert len(json.loads(run_cli("ask-leader", "list", "--json").out)) == 1  # nothing new
    assert run_cli("ask-leader", "answered", "1", "--note", "Kari decides").code == 0
    row = json.loads(run_cli("ask-leader", "list", "--json").out)[0]
    assert row["status"] == "answered" and row["note"] == "Kari decides" and row["answered_at"]
    assert json.loads(run_cli("ask-leader", "list", "--open", "--json").out) == []
    assert run_cli("ask-leader", "close", "9").code == 2
    assert run_cli("ask-leader", "close", "1").code == 0


def test_old_open_requests_reach_the_reflection(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SELVLEDER_NOW", "2026-11-02T10:00:00+01:00")
    run_cli("ask-leader", "--topic", "Old question")
    monkeypatch.setenv("SELVLEDER_NOW", FRI)
    data = json.loads(run_cli("reflect", "--json").out)
    codes = [o["code"] for o in data["tips"][3]["observations"]]
    assert "feedback.open_old" in codes
    assert "feedback.none_recent" not in codes  # week 45 is within the 4 weeks ending with 48


def test_feedback_give_shows_in_the_reflection() -> None:
    assert run_cli("feedback", "give", "--to", "Ola", "Takk for tallene").code == 0
    data = json.loads(run_cli("reflect", "--json").out)
    given = next(o for o in data["tips"][3]["observations"] if o["code"] == "feedback.given")
    assert given["data"] == {"count": 1, "asked": 0}
    assert run_cli("feedback", "give", "--to", " ", "x").code == 2


def test_bad_input() -> None:
    for args in (
        ("--need", "money", "--topic", "x"),
        ("--topic", "x", "--format", "pdf"),
        ("--topic", "x", "--to", "not-an-address"),
        ("--topic", " "),
    ):
        result = run_cli("ask-leader", *args)
        assert result.code == 2, args
    assert run_cli("ask-leader").code == 2  # off a terminal without --topic


def test_guided_flow_with_preview_and_abort(home: Path) -> None:
    env = {**os.environ, "SELVLEDER_LANG": "en"}
    child = pexpect.spawn(str(BIN), ["ask-leader"], env=env, encoding="utf-8", timeout=20)
    child.expect_exact("Choose a number or a word: ")
    child.sendline("4")
    child.expect_exact("What is it about? ")
    child.sendline("The letter template")
    child.expect_exact("  -: ")
    child.sendline("Can you decide by Friday?")
    child.expect_exact("  -: ")
    child.sendline("")
    child.expect_exact("Share this week's energy figures? [y/N]: ")
    child.sendline("")
    child.expect_exact("This is exactly what will be shared:")
    child.expect_exact("To move on, I need a decision from you. It is about: The letter template")
    child.expect_exact("Record the request and write the message? [Y/n]: ")
    child.sendline("n")
    child.expect_exact("Stopped. Nothing was saved.")
    child.expect(pexpect.EOF)
    child.close()
    assert json.loads(run_cli("ask-leader", "list", "--json").out) == []
    child = pexpect.spawn(
        str(BIN), ["ask-leader", "--need", "feedback"], env=env, encoding="utf-8", timeout=20
    )
    child.expect_exact("What is it about? ")
    child.sendline("The budget draft")
    child.expect_exact("  -: ")
    child.sendline("")
    child.expect_exact("[y/N]: ")
    child.sendline("y")
    child.expect_exact("Also share your energy notes? [y/N]: ")
    child.sendline("")
    child.expect_exact("Mean 3.0 on a scale of 1–5")
    child.expect_exact("[Y/n]: ")
    child.sendline("")
    child.expect_exact("Recorded as open request 1.")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert json.loads(run_cli("ask-leader", "list", "--json").out)[0]["need"] == "feedback"


def test_empty_open_list_and_show_without_a_stored_reflection() -> None:
    run_cli("ask-leader", "--topic", "A")
    run_cli("ask-leader", "close", "1")
    assert "No open requests" in run_cli("ask-leader", "list", "--open").out
    shown = run_cli("reflect", "--show", "--week", "40")
    assert shown.code == 0 and "no stored reflection for week 40" in shown.out
    assert "╭" not in shown.out
