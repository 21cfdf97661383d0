"""``report``: the period report (PRODUCT.md, The period report). Its numbers against the
read commands on the 1-year demo, privacy by default, no URL or script in the HTML, the
HTML looked at in headless Chromium, both languages, and bad input."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from collections import defaultdict
from datetime import date, datetime, timedelta
from pathlib import Path

import pexpect
import pytest

from helpers import BIN, run_cli
from png import distinct_colours, read_png

NOW = "2026-11-27T14:00:00+01:00"  # a Friday, week 48
TODAY = date(2026, 11, 27)
WINDOW_FIRST = date(2025, 12, 1)  # --months 12 (the default): December 2025 to today
NOTE = "Planted note: the hearing drained me"
ANSWER = "Planted answer: I protect Thursday mornings"


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Built before any test's own home exists (a module fixture is set up before the
    autouse ``home``), so it gets a home of its own like conftest's: never the real one,
    its config.toml, crontab or SELVLEDER_* settings."""
    from conftest import ENV_KEYS
    from helpers import make_fake_tools

    folder = tmp_path_factory.mktemp("demo")
    db = folder / "demo.db"
    (folder / "home").mkdir()
    fakes = make_fake_tools(folder / "fakes")
    env = {k: v for k, v in os.environ.items() if k not in ENV_KEYS}
    env.update(
        HOME=str(folder / "home"),
        PATH=f"{fakes.bin}{os.pathsep}{os.environ.get('PATH', os.defpath)}",
        LANG="C.UTF-8",
        SELVLEDER_NOW=NOW,
        TZ="Europe/Oslo",
        SELVLEDER_LANG="en",
    )
    done = subprocess.run(
        [str(BIN), "demo", "--db", str(db)], env=env, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    return db


@pytest.fixture()
def demo(demo_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the 1-year demo, with the clock on its day."""
    db = tmp_path / "demo.db"
    shutil.copy(demo_db, db)
    monkeypatch.setenv("SELVLEDER_NOW", NOW)
    return db


def cli_json(db: Path, *args: str) -> object:
    done = run_cli("--db", str(db), *args, "--json")
    assert done.code == 0, done.err
    return json.loads(done.out)


def table_after(markdown: str, heading: str) -> list[list[str]]:
    """The rows of the first Markdown table after a heading, as cells."""
    rest = markdown.split(heading + "\n", 1)[1].split("\n## ", 1)[0]
    block = next((b.strip() for b in rest.split("\n\n") if b.strip().startswith("|")), "")
    lines = block.splitlines()
    return [[c.strip() for c in line.strip("|").split(" | ")] for line in lines[2:]]


def thursday_month(week: str) -> str:
    year, number = week.split("-W")
    monday = datetime.strptime(f"{year}-W{int(number):02d}-1", "%G-W%V-%u").date()
    return (monday + timedelta(days=3)).strftime("%Y-%m")


MONTHS_EN = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def month_key(name: str) -> str:
    word, year = name.split()
    return f"{year}-{MONTHS_EN.index(word) + 1:02d}"


def test_every_number_equals_what_the_read_commands_give(demo: Path) -> None:
    done = run_cli("--db", str(demo), "--lang", "en", "report", "--share-energy")
    assert done.code == 0, done.err
    text = done.out

    # -- the weeks: review --json and week --json for every week of the window
    review = cli_json(demo, "review", "--weeks", "60")
    assert isinstance(review, dict)
    expected: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    carried_titles: dict[str, int] = defaultdict(int)
    pulses: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    for row in review["weeks"]:
        month = thursday_month(row["week"])
        if month < "2025-12":
            continue
        week = cli_json(demo, "week", "--week", row["week"])
        assert isinstance(week, dict)
        statuses = [p["status"] for p in week["priorities"]]
        moved = len(week.get("moved_away", []))
        total = sum(1 for s in statuses if s != "dropped") + moved
        m = expected[month]
        m["weeks"] += 1 if row["completion_rate"] is not None else 0
        m["done"] += statuses.count("done")
        m["total"] += total
        m["carried"] += row["carried"]
        m["moved"] += row["moved_away"]
        m["dropped"] += statuses.count("dropped")
        m["can_wait"] += len(week["can_wait"])
        for p in week["priorities"]:
            if p["status"] == "carried":
                carried_titles[p["title"]] += 1
        for key, value in (row["pulse"] or {}).items():
            pulses[month][key].append(value)
        if total:  # review and week agree on the honest rule
            assert row["completion_rate"] == week["completion_rate"]
            assert week["completion_rate"] == round(statuses.count("done") / total, 4)
    rows = table_after(text, "## The weeks")
    assert len(rows) == 12  # December 2025 to November 2026
    for cells in rows:
        m = expected[month_key(cells[0])]
        weeks, done_, of, rate, carried, moved, dropped, can_wait = cells[1:]
        assert (int(weeks), int(done_), int(of)) == (m["weeks"], m["done"], m["total"]), cells
        assert (int(carried), int(moved), int(dropped), int(can_wait)) == (
            m["carried"],
            m["moved"],
            m["dropped"],
            m["can_wait"],
        ), cells
        assert rate == (f"{round(m['done'] / m['total'] * 100)} %" if m["total"] else "–")
    total_done = sum(m["done"] for m in expected.values())
    total_of = sum(m["total"] for m in expected.values())
    total_weeks = sum(m["weeks"] for m in expected.values())
    assert (
        f"Weeks with a plan: {total_weeks}. Done: {total_done} of {total_of} priorities "
        f"({round(total_done / total_of * 100)} %)."
    ) in text

    most = sorted(carried_titles.items(), key=lambda item: (-item[1], item[0]))[:8]
    listed = text.split("### Carried over most often\n\n", 1)[1].split("\n\n", 1)[0]
    assert listed.splitlines() == [
        f"- {title} ({'once' if n == 1 else 'twice' if n == 2 else f'{n} times'})"
        for title, n in most
    ]

    # -- goals: goal list --all --json, and goal show --json for when each was closed
    goals = cli_json(demo, "goal", "list", "--all")
    assert isinstance(goals, list)
    counted = {"done": 0, "dropped": 0, "active": 0}
    for g in goals:
        shown = cli_json(demo, "goal", "show", str(g["id"]))
        assert isinstance(shown, dict)
        closed = shown["closed_at"]
        if g["status"] == "active" or date.fromisoformat(closed[:10]) >= WINDOW_FIRST:
            counted[g["status"]] += 1
            assert f"#### {g['title']}" in text
    assert (
        f"Goals: {counted['done']} reached, {counted['dropped']} dropped, {counted['active']} open."
    ) in text
    assert f"### Reached ({counted['done']})" in text
    assert f"### Open ({counted['active']})" in text

    # -- requests: ask-leader list --json for the window
    requests = cli_json(demo, "ask-leader", "list")
    assert isinstance(requests, list)
    in_window = [r for r in requests if date.fromisoformat(r["created_at"][:10]) >= WINDOW_FIRST]
    rows = table_after(text, "## Requests to my leader")
    assert len(rows) == len(in_window) > 0
    for cells, r in zip(rows, in_window, strict=True):
        assert cells[2].startswith(r["topic"])
        assert cells[3].split()[0] == r["status"]
        assert cells[4] == (r["note"] or "")
    open_count = sum(1 for r in in_window if r["status"] == "open")
    said_open = f"{open_count} of them open" if open_count else "none of them open"
    assert f"Requests to your leader: {len(in_window)}, {said_open}." in text
    learning = [r for r in in_window if r["need"] == "learning"]
    assert len(table_after(text, "## Learning needs")) == len(learning)

    # -- feedback: feedback list --json
    feedback = cli_json(demo, "feedback", "list")
    assert isinstance(feedback, list)
    given = [f for f in feedback if f["kind"] == "given" and f["date"] >= "2025-12-01"]
    asked = [f for f in feedback if f["kind"] == "asked" and f["date"] >= "2025-12-01"]
    said_asked = f"{len(asked)} asked for" if asked else "none asked for"
    assert f"Feedback: {len(given)} given, {said_asked}." in text
    assert len(table_after(text, "### Given (" + str(len(given)) + ")")) == len(given)

    # -- energy by month: energy show --json, day by day
    shown = cli_json(demo, "energy", "show", "--weeks", "60")
    assert isinstance(shown, dict)
    by_month: dict[str, list[float]] = defaultdict(lambda: [0.0, 0])
    for day in shown["days"]:
        if date.fromisoformat(day["date"]) >= WINDOW_FIRST:
            by_month[day["date"][:7]][0] += day["mean"] * day["count"]
            by_month[day["date"][:7]][1] += day["count"]
    rows = table_after(text, "## Energy and pulse")
    for cells in rows:
        total, count = by_month[month_key(cells[0])]
        assert int(cells[2]) == count
        if count:
            assert abs(float(cells[1]) - total / count) < 0.051, cells
        # the pulse by month: review --json's weekly pulse, by the month of each week
        for cell, key in zip(
            cells[3:], ("competence", "autonomy", "belonging", "meaning"), strict=True
        ):
            values = pulses[month_key(cells[0])][key]
            assert cell == (f"{sum(values) / len(values):.1f}" if values else "–"), cells


def test_private_parts_only_with_their_share_flag(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SELVLEDER_NOW", NOW)
    db = str(tmp_path / "j.db")
    assert run_cli("--db", db, "energy", "log", "2", NOTE).code == 0
    answers = tmp_path / "a.toml"
    answers.write_text(f'next_week = "Ask Kari"\n[energy]\nanswer = "{ANSWER}"\nrating = 3\n')
    assert run_cli("--db", db, "reflect", "--answers", str(answers), "--week", "48").code == 0
    assert run_cli("--db", db, "mandate", "add", "--unclear", "Who signs the templates?").code == 0

    def both(*flags: str) -> tuple[str, str]:
        out = tmp_path / f"r{len(list(tmp_path.glob('r*.html')))}.html"
        md = run_cli("--db", db, "--lang", "en", "report", *flags)
        html = run_cli("--db", db, "--lang", "en", "report", "--out", str(out), *flags)
        assert md.code == 0 and html.code == 0, md.err + html.err
        page = out.read_text()
        for word in ("http", "//", "<script", "url(", "@import", "src=", "href="):
            assert word not in page.lower(), word
        assert oct(out.stat().st_mode & 0o777) == "0o600"
        return md.out, page

    for text in both():
        assert NOTE not in text and ANSWER not in text and "Energy and pulse" not in text
        assert "Not included (private): energy and pulse, energy notes and reflection answers."
    for text in both("--share-energy"):
        assert "Energy and pulse" in text and NOTE not in text and ANSWER not in text
    for text in both("--share-notes"):  # implies --share-energy
        assert "Energy and pulse" in text and NOTE in text and ANSWER not in text
    for text in both("--share-reflections"):
        assert ANSWER in text and NOTE not in text and "Energy and pulse" not in text
    md, page = both("--share-notes", "--share-reflections")
    assert NOTE in md and ANSWER in md and "Week 48, 2026" in md
    assert '<html lang="en">' in page and "@page { size: A4" in page
    assert "Who decides: Who signs the templates?" in md  # a question to bring


def test_user_text_cannot_make_a_link_or_markup(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SELVLEDER_NOW", NOW)
    db = str(tmp_path / "j.db")
    title = 'See https://example.org/x <img src=x onerror="alert(1)"> & <script>'
    assert (
        run_cli("--db", db, "goal", "add", title, "--measure", "m", "--due", "2027-01-01").code == 0
    )
    out = tmp_path / "r.html"
    assert run_cli("--db", db, "report", "--out", str(out)).code == 0
    page = out.read_text()
    assert "<script" not in page and "<img" not in page and "//" not in page
    assert "See https&#58;&#47;&#47;example.org/x &lt;img" in page  # reads the same


@pytest.mark.parametrize("lang", ["en", "nb"])
def test_html_renders_in_headless_chromium(demo: Path, tmp_path: Path, lang: str) -> None:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        pytest.skip("chromium is not installed (Debian: apt-get install chromium)")
    out = tmp_path / "report.html"
    done = run_cli("--db", str(demo), "--lang", lang, "report", "--out", str(out), "--share-energy")
    assert done.code == 0, done.err
    shot = tmp_path / "shot.png"
    subprocess.run(
        [
            chromium,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            f"--user-data-dir={tmp_path / 'profile'}",
            f"--screenshot={shot}",
            "--window-size=800,1400",
            out.as_uri(),
        ],
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert shot.exists(), "chromium wrote no screenshot"
    width, height, channels, rows = read_png(shot.read_bytes())
    assert (width, height) == (800, 1400)
    assert distinct_colours(rows, channels) > 20  # text, rules, the summary card: not blank
    accent = bytes.fromhex("1f5f99")  # the headings' rule and the chart's bars
    assert any(accent in row for row in rows[::3]), "the accent colour is not on the page"


def test_norwegian_dates_plurals_and_weeks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SELVLEDER_NOW", NOW)
    db = str(tmp_path / "j.db")
    assert run_cli("--db", db, "mandate", "add", "--unclear", "Hvem godkjenner malene?").code == 0
    assert run_cli("--db", db, "goal", "add", "Bedre maler", "--measure", "5 maler").code == 0
    assert run_cli("--db", db, "goal", "add", "Første mal", "--under", "1").code == 0
    assert run_cli("--db", db, "goal", "progress", "2", "Utkast klart").code == 0
    assert run_cli("--db", db, "priority", "add", "Budsjett", "--week", "48").code == 0
    assert run_cli("--db", db, "priority", "done", "1").code == 0
    assert (
        run_cli("--db", db, "feedback", "ask", "--from", "Ola", "Hvordan var utkastet?").code == 0
    )
    answers = tmp_path / "a.toml"
    answers.write_text('[role]\nanswer = "Jeg skriver vedtak"\n[pulse]\nautonomy = 2\n')
    assert run_cli("--db", db, "reflect", "--answers", str(answers), "--week", "48").code == 0
    done = run_cli("--db", db, "--lang", "nb", "report", "--share-energy", "--share-reflections")
    assert done.code == 0, done.err
    text = done.out
    assert "Uke 48, 2026" in text
    assert "Ett punkt er uklart: hvem bestemmer?" in text
    assert "- **Delmål:** Første mal (aktivt)" in text
    assert "  - **27.11.** – Utkast klart" in text  # this year's date without the year
    assert "Uker med plan: 1. Gjort: 1 av 1 prioritering (100 %)." in text
    assert "Mål: 0 nådd, 0 lagt bort, 1 åpent." in text
    assert "### Bedt om (1)" in text and "Hvordan var utkastet?" in text
    assert "- Autonomi var 2 av 5 i den siste pulsen min (uke 48). Hva kan hjelpe?" in text
    assert "| november 2026 |" in text
    assert "(s)" not in text and "(er)" not in text
    # the low pulse is a question only when the pulse is shared
    private = run_cli("--db", db, "--lang", "nb", "report").out
    assert "Autonomi" not in private and "Hvem bestemmer: Hvem godkjenner malene?" in private


def test_a_window_from_to_and_months(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SELVLEDER_NOW", NOW)
    db = str(tmp_path / "j.db")
    assert run_cli("--db", db, "priority", "add", "A", "--week", "2026-W10").code == 0
    assert run_cli("--db", db, "priority", "add", "B", "--week", "2026-W38").code == 0
    spring = run_cli(
        "--db", db, "--lang", "en", "report", "--from", "2026-03-01", "--to", "31.03.2026"
    )
    assert spring.code == 0, spring.err
    assert spring.out.startswith("# Self-leadership 1 Mar – 31 Mar\n") or "2026-03-01" in spring.out
    assert "Done: 0 of 1 priority (0 %)" in spring.out
    assert len(table_after(spring.out, "## The weeks")) == 1
    two = run_cli("--db", db, "--lang", "en", "report", "--months", "2").out
    assert "No week in this period has a plan." in two
    assert [r[0] for r in table_after(two, "## The weeks")] == ["October 2026", "November 2026"]


@pytest.mark.parametrize(
    "args, words",
    [
        (["--format", "pdf"], "not a report format"),
        (["--format", "html"], "add --out report.html"),
        (["--months", "0"], "between 1 and 240"),
        (["--months", "3", "--from", "2026-01-01", "--to", "2026-02-01"], "not both"),
        (["--from", "2026-01-01"], "go together"),
        (["--from", "2026-05-01", "--to", "2026-04-01"], "comes after"),
        (["--from", "soon", "--to", "2026-04-01"], "'soon' is not a date"),
        (["--months", "x"], "x"),
        (["--out", "report.pdf"], "report.pdf: choose a file ending in .md or .html"),
        (["--out", "report.docx", "--format", "pdf"], "not a report format"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(tmp_path: Path, args: list[str], words: str) -> None:
    db = tmp_path / "j.db"
    done = run_cli("--db", str(db), "--lang", "en", "report", *args)
    assert done.code == 2 and words in done.err and not done.out
    assert "Traceback" not in done.err
    assert not db.exists()  # checked before the journal is opened


def test_an_existing_file_is_replaced_only_with_force(tmp_path: Path) -> None:
    db, out = str(tmp_path / "j.db"), tmp_path / "r.md"
    out.write_text("mine")
    done = run_cli("--db", db, "--lang", "en", "report", "--out", str(out))
    assert done.code == 2 and out.read_text() == "mine"
    assert run_cli("--db", db, "report", "--out", str(out), "--force").code == 0
    assert out.read_text().startswith("# ") and oct(out.stat().st_mode & 0o777) == "0o600"
    html = tmp_path / "r.html"  # the format follows the file's ending
    assert run_cli("--db", db, "report", "--out", str(html)).code == 0
    assert html.read_text().startswith("<!DOCTYPE html>")


def test_on_a_terminal_a_preview_and_a_question_before_writing(tmp_path: Path) -> None:
    # wide enough for the long temporary path on one line
    env = {**os.environ, "SELVLEDER_NOW": NOW, "SELVLEDER_LANG": "en", "COLUMNS": "240"}
    db, out = str(tmp_path / "j.db"), tmp_path / "r.html"
    assert run_cli("--db", db, "mandate", "add", "--unclear", "Who signs?").code == 0
    for reply, written in (("n", False), ("y", True)):
        child = pexpect.spawn(
            str(BIN),
            ["--db", db, "report", "--out", str(out), "--share-energy"],
            env=env,
            encoding="utf-8",
            timeout=30,
        )
        child.expect_exact(f"This is what {out} will hold:")
        child.expect_exact("Shared: energy and pulse.")
        child.expect_exact("Not included (private): energy notes and reflection answers.")
        child.expect_exact("Write the report? [Y/n]")
        child.sendline(reply)
        child.expect(pexpect.EOF)
        child.close()
        assert child.exitstatus == 0
        assert out.exists() is written
    assert re.search(r'<html lang="en">', out.read_text())


def test_a_count_of_none_is_said_in_words(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """'18, ingen av dem er åpne', not '18, 0 av dem er åpne' (LANGUAGE.md: small numbers
    as words in running text)."""
    monkeypatch.setenv("SELVLEDER_NOW", NOW)
    db = str(tmp_path / "j.db")
    assert run_cli("--db", db, "feedback", "give", "--to", "Ola", "Takk for tallene").code == 0
    nb = run_cli("--db", db, "--lang", "nb", "report").out
    assert "Bestillinger til lederen: ingen i perioden." in nb  # not "0, ingen av dem …"
    ask = ["ask-leader", "--need", "decision", "--topic", "Malen", "--format", "text"]
    assert run_cli("--db", db, *ask).code == 0
    nb = run_cli("--db", db, "--lang", "nb", "report").out
    assert "Bestillinger til lederen: 1, én av dem er åpen." in nb
    assert "Tilbakemeldinger: 1 gitt, ingen bedt om." in nb
    assert run_cli("--db", db, "ask-leader", "answered", "1", "--note", "Ja").code == 0
    nb = run_cli("--db", db, "--lang", "nb", "report").out
    assert "Bestillinger til lederen: 1, ingen av dem er åpne." in nb
    en = run_cli("--db", db, "--lang", "en", "report").out
    assert "Requests to your leader: 1, none of them open." in en
    assert "Feedback: 1 given, none asked for." in en


def test_a_goal_names_the_one_organisation_goal_it_supports(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One goal supports one organisation goal: 'Supports: …', not the plural heading of
    the role ('The organisation's goals: …')."""
    monkeypatch.setenv("SELVLEDER_NOW", NOW)
    db = str(tmp_path / "j.db")
    add = ["goal", "add", "Shorter queues", "--org-goal", "Plain language"]
    assert run_cli("--db", db, *add).code == 0
    en = run_cli("--db", db, "--lang", "en", "report").out
    assert "Supports: Plain language" in en and "goals: Plain language" not in en
    nb = run_cli("--db", db, "--lang", "nb", "report").out
    assert "Støtter: Plain language" in nb


def test_what_is_shared_is_one_plain_list(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """'Delt: energi, puls og energinotater.', not 'energi og puls og energinotater'."""
    monkeypatch.setenv("SELVLEDER_NOW", NOW)
    db = str(tmp_path / "j.db")
    nb = run_cli("--db", db, "--lang", "nb", "report", "--share-notes").out
    assert "> Delt: energi, puls og energinotater." in nb
    assert "> Ikke med (privat): refleksjonssvar." in nb
    private = run_cli("--db", db, "--lang", "nb", "report").out
    assert "> Ikke med (privat): energi, puls, energinotater og refleksjonssvar." in private
    en = run_cli("--db", db, "--lang", "en", "report", "--share-energy").out
    assert "> Shared: energy and pulse." in en
    assert "> Not included (private): energy notes and reflection answers." in en


def test_a_ten_year_chart_names_every_year(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """120 months: the axis names each January's year (a fixed step of every 7th month
    once drew only the first year and 119 empty labels, so no other year was named)."""
    import re

    monkeypatch.setenv("SELVLEDER_NOW", NOW)
    db, out = str(tmp_path / "j.db"), tmp_path / "r.html"
    window = ["--from", "2016-12-01", "--to", "2026-11-27"]
    assert run_cli("--db", db, "report", *window, "--out", str(out)).code == 0
    html = out.read_text()
    svg = html[html.index('aria-labelledby="completion-t') :]
    svg = svg[: svg.index("</svg>")]
    shown = re.findall(r"<text[^>]*>([^<]*)</text>", svg)
    # each January from 2017; December 2016 is too close to January 2017 for its own label
    assert [s for s in shown if not s.endswith("%")] == [str(y) for y in range(2017, 2027)]


def test_a_goal_closed_after_the_window_was_open_in_it(demo: Path) -> None:
    """January to March: the goals worked on then and reached or dropped later are open
    in that report, with the progress notes of those months (they were left out: "Open
    (0)")."""
    window = ["--from", "2026-01-01", "--to", "2026-03-31"]
    text = run_cli("--db", str(demo), "--lang", "en", "report", *window).out
    assert "> Goals: 0 reached, 0 dropped, 3 open." in text
    opened = text.split("### Open (3)\n", 1)[1].split("\n## ", 1)[0]
    titles = [line[5:] for line in opened.splitlines() if line.startswith("#### ")]
    assert titles == [
        "Shorter handling time in my cases",  # reached in July
        "New letter templates in plain language",  # reached in June
        "Learn the new case system",  # created 30 March, dropped in September
    ]
    assert "- **5 Jan** – Discussed with Kari" in opened
    assert "- **17 Apr**" not in opened  # notes outside the window stay out
