"""Energy: the quick log (both paths), show, insights, undo/delete (issue 4)."""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from helpers import run_bin, run_cli, tree
from selvleder.domain.energy import Insights, Log, Span, insights, tag_stats
from selvleder.domain.stats import Pool
from selvleder.quick import parse_quick

NOW = "2026-11-27T10:00:00+01:00"  # Friday of 2026-W48


@pytest.fixture(autouse=True)
def fixed_now(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SELVLEDER_NOW", NOW)


def log(level: int, tags: list[str], day: str = "2026-11-23", time: str = "10:00") -> Log:
    return Log(0, f"{day}T{time}:00+01:00", day, time, level, None, tags)


# -- the insight rules, on hand-built data ---------------------------------------------


SPAN = Span(date(2026, 9, 7), 12)  # the 12 weeks ending with 2026-W48
WINDOW = {"from": "2026-09-07", "to": "2026-11-29", "weeks": 12}
TEST = (
    "permutation test (exact for small groups, else normal approximation), "
    "Holm-corrected, alpha 0.05"
)


def test_no_data_claims_nothing() -> None:
    result = insights([], SPAN)
    assert result == {
        "window": WINDOW,
        "test": TEST,
        "overall_mean": 0.0,
        "count": 0,
        "energisers": [],
        "drainers": [],
        "lowest": None,
        "highest": None,
        "meeting_load": None,
    }


def test_fewer_than_three_logs_claim_nothing() -> None:
    logs = [log(1, ["meetings"]), log(1, ["meetings"]), log(5, ["focus"]), log(5, ["focus"])]
    result = insights(logs, SPAN)
    assert result["drainers"] == [] and result["energisers"] == []
    assert result["count"] == 4


def test_three_logs_with_a_clear_difference_make_a_claim() -> None:
    """3 logs with the tag at 1, 10 without at 4: the with/without test rejects at 0.05."""
    logs = [log(1, ["meetings"])] * 3 + [log(4, [])] * 10
    [drainer] = insights(logs, SPAN)["drainers"]
    assert drainer == {
        "tag": "meetings",
        "mean": 1.0,
        "count": 3,
        "mean_without": 4.0,
        "count_without": 10,
        "delta": -3.0,
        "p": 0.0035,  # exact: 1 of C(13, 3) = 286 groups as far, times 1 test
    }


def test_three_logs_and_three_without_are_not_enough_for_a_claim_from_little() -> None:
    """3 against 3 with a 2-point gap: a coin could give that (exact p 0.1)."""
    logs = [log(2, ["meetings"])] * 3 + [log(4, ["focus"])] * 3
    result = insights(logs, SPAN)
    assert result["drainers"] == [] and result["energisers"] == []


def test_a_small_difference_is_not_a_claim() -> None:
    logs = [log(3, ["a"])] * 3 + [log(3, ["b"]), log(4, ["b"]), log(3, ["b"])]
    result = insights(logs, SPAN)
    assert result["drainers"] == [] and result["energisers"] == []


def test_a_difference_under_half_a_point_is_never_a_claim_however_many_logs() -> None:
    logs = [log(3, ["a"])] * 300 + [log(4, ["a"])] * 100 + [log(3, [])] * 400
    only = Insights.of(logs, SPAN)
    assert only.energisers == [] and tag_stats(logs, Pool([g.level for g in logs]))[0].p < 1e-6


def test_a_single_tag_on_every_log_is_never_tested() -> None:
    logs = [log(1, ["work"]), log(2, ["work"]), log(5, ["work"]), log(4, ["work"])]
    result = insights(logs, SPAN)
    assert result["drainers"] == [] and result["energisers"] == []
    assert tag_stats(logs, Pool([g.level for g in logs])) == []


def test_ties_go_to_more_logs_then_name() -> None:
    logs = [log(1, ["b"])] * 6 + [log(1, ["a"])] * 6 + [log(1, ["c"])] * 8 + [log(5, ["z"])] * 20
    drainers = [d["tag"] for d in insights(logs, SPAN)["drainers"]]
    assert drainers == ["c", "a", "b"]


def test_lowest_and_highest_moment() -> None:
    logs = (
        [log(1, [], "2026-11-23", "15:00")] * 5  # Monday afternoon
        + [log(5, [], "2026-11-24", "09:00")] * 5  # Tuesday morning
        + [log(3, [], f"2026-11-{d}", "18:00") for d in (25, 26, 27)] * 2  # 2 per slot
        + [log(4, [], f"2026-11-{d}", "09:00") for d in (25, 26, 27)] * 2
    )
    result = insights(logs, SPAN)
    assert result["lowest"] == {
        "weekday": "monday",
        "time_of_day": "afternoon",
        "mean": 1.0,
        "count": 5,
        "p": result["lowest"]["p"],  # type: ignore[index]
        "mean_without": 3.9,  # the other 17 logs: the evidence the text shows
        "count_without": 17,
        "delta": -2.9,
    }
    assert result["lowest"]["p"] <= 0.05  # type: ignore[index,operator]
    assert result["highest"] is not None
    assert (result["highest"]["weekday"], result["highest"]["mean"]) == ("tuesday", 5.0)


def test_a_slot_of_three_logs_at_one_level_is_not_named_from_noise() -> None:
    """Three logs on Monday afternoon, all at 1, among levels spread 1-5: not a claim."""
    others = [
        log(level, [], f"2026-11-{d}", "09:00") for d in (24, 25, 26) for level in range(1, 6)
    ]
    logs = [log(1, [], "2026-11-23", "15:00")] * 3 + others
    result = insights(logs, SPAN)
    assert result["lowest"] is None and result["highest"] is None


def test_planted_pattern_in_a_journal_is_found(tmp_path: Path) -> None:
    db = str(tmp_path / "j.db")
    days = [f"2026-11-{d:02d}" for d in (9, 10, 11, 12, 13, 16, 17, 18, 19, 20, 23, 24, 25, 26)]
    for i, day in enumerate(days):
        assert (
            run_cli(
                "--db",
                db,
                "energy",
                "log",
                "2",
                "-t",
                "møter",
                "-t",
                "kontor",
                "--at",
                f"{day}T09:00",
            ).code
            == 0
        )
        assert (
            run_cli(
                "--db",
                db,
                "energy",
                "log",
                "5",
                "-t",
                "fokus",
                "-t",
                "kontor",
                "--at",
                f"{day}T14:00",
            ).code
            == 0
        )
        if i % 3 == 0:
            run_cli("--db", db, "energy", "log", "3", "-t", "epost", "--at", f"{day}T16:00")
    result = json.loads(run_cli("--db", db, "energy", "insights", "--json").out)
    assert result["drainers"][0]["tag"] == "møter"
    assert result["energisers"][0]["tag"] == "fokus"
    assert "kontor" not in [t["tag"] for t in result["drainers"] + result["energisers"]]
    # Mornings are low, but spread over five weekdays: 3 logs per slot, 13 tests in the
    # family. That is not enough for a slot claim; the tags carry the pattern.
    assert result["lowest"] is None and result["highest"] is None


# -- logging ----------------------------------------------------------------------------


def test_log_confirms_in_one_line_in_both_languages() -> None:
    en = run_cli("--lang", "en", "energy", "log", "3", "ok", "-t", "Fokus")
    assert en.out == "Logged energy 3/5 at 10:00 (id 1). #fokus\n"
    nb = run_cli("--lang", "nb", "energy", "log", "4", "--at", "i går 14:30", "-t", "Møter")
    assert nb.out == "Logget energi 4/5 torsdag 26.11.2026 kl. 14.30 (id 2). #møter\n"


def test_tags_are_lowercased_and_keep_norwegian_letters() -> None:
    run_cli("energy", "log", "2", "-t", "ÆØÅ-Møter", "-t", "#Fokus", "-t", "fokus")
    logs = json.loads(run_cli("energy", "show", "--json").out)["logs"]
    assert logs[0]["tags"] == ["fokus", "æøå-møter"]


@pytest.mark.parametrize(
    "args",
    [
        ("0",),
        ("6",),
        ("x",),
        ("3.5",),
        ("",),
        ("3", "--at", "tomorrow"),
        ("3", "--at", "11:00"),
        ("3", "--at", "2027-01-01"),
        ("3", "--at", "nonsense"),
        ("3", "--at", "2026-02-30"),
        ("3", "-t", " "),
        ("3", "-t", "x" * 41),
    ],
)
def test_bad_logs_are_refused_and_nothing_written(args: tuple[str, ...], home: Path) -> None:
    run_cli("energy", "log", "3")
    journal = home / ".local" / "share" / "selvleder" / "journal.db"
    before = journal.read_bytes()
    for runner in (run_cli, run_bin):
        result = runner("energy", "log", *args)
        assert result.code == 2, (runner, args, result.err)
        assert len(result.err.strip().splitlines()) == 1
        assert "Traceback" not in result.err
    assert journal.read_bytes() == before


def test_bad_log_on_a_fresh_home_leaves_nothing(home: Path) -> None:
    assert run_bin("energy", "log", "9").code == 2
    assert tree(home) == []


def test_the_quick_path_and_typer_behave_identically(tmp_path: Path) -> None:
    cases = [
        ("energy", "log", "3"),
        ("energy", "log", "2", "Lang dag", "-t", "møter", "--tag", "Kontor", "--at", "i går 09:15"),
        ("--lang", "nb", "energy", "log", "5", "-tfokus", "--at=08:00"),
        ("energy", "log", "7"),
        ("energy", "log", "3", "--at", "i morgen"),
        ("--lang", "xx", "energy", "log", "3"),
    ]
    for i, args in enumerate(cases):
        assert parse_quick(list(args)) is not None, args
        a, b = str(tmp_path / f"a{i}.db"), str(tmp_path / f"b{i}.db")
        quick = run_bin("--db", a, *args)  # the executable takes the quick path
        typer = run_cli("--db", b, *args)  # in-process run() always goes through Typer
        assert (quick.code, quick.out, quick.err) == (typer.code, typer.out, typer.err), args
        if quick.code == 0:
            rows = [
                sqlite3.connect(db)
                .execute(
                    "SELECT at, utc_offset, local_date, local_time, week, level, note "
                    "FROM energy_logs"
                )
                .fetchall()
                for db in (a, b)
            ]
            assert rows[0] == rows[1]


def test_forms_the_quick_path_leaves_to_typer() -> None:
    for args in (
        ["energy", "log", "--help"],
        ["energy", "log"],
        ["energy", "log", "3", "--bogus"],
        ["energy", "log", "3", "a", "b"],
        ["energy", "undo"],  # not a quick command
        ["--version"],
        ["energy", "log", "3", "-t"],
    ):
        assert parse_quick(args) is None, args
    assert run_bin("energy", "log", "--help").out.startswith("Usage: selvleder energy log")


def test_show_json_shape_and_window(tmp_path: Path) -> None:
    run_cli("energy", "log", "2", "-t", "møter", "--at", "2026-11-23T09:00")
    run_cli("energy", "log", "4", "--at", "2026-11-23T15:00")
    run_cli("energy", "log", "5", "--at", "2026-10-01T10:00")  # outside 4 weeks
    data = json.loads(run_cli("energy", "show", "--json").out)
    assert set(data) == {"logs", "days", "weeks"}
    assert data["logs"][0] == {
        "id": 1,
        "at": "2026-11-23T09:00:00+01:00",
        "level": 2,
        "note": None,
        "tags": ["møter"],
    }
    assert data["days"] == [{"date": "2026-11-23", "mean": 3.0, "count": 2}]
    assert data["weeks"] == [{"week": "2026-W48", "mean": 3.0, "count": 2}]
    wide = json.loads(run_cli("energy", "show", "--weeks", "12", "--json").out)
    assert len(wide["logs"]) == 3


def test_show_renders_a_chart_and_recalls_the_motivation_profile() -> None:
    run_cli("init", "--strength", "Struktur", "--joy", "Gode vedtak", "--no-input")
    run_cli("energy", "log", "2", "--at", "2026-11-23T09:00")
    run_cli("energy", "log", "5", "--at", "2026-11-24T09:00")
    nb = run_cli("--lang", "nb", "energy", "show").out
    assert "Energi de siste 4 ukene" in nb
    assert "uke 48" in nb and "▃▃" in nb and "██" in nb
    assert "Styrker: Struktur" in nb and "Arbeidsglede: Gode vedtak" in nb
    en = run_cli("--lang", "en", "energy", "show").out
    assert "week 48" in en and "Strengths: Struktur" in en


def test_empty_journal_says_how_to_start() -> None:
    assert "selvleder energy log 3" in run_cli("energy", "show").out
    assert "selvleder energy log 3" in run_cli("--lang", "nb", "energy", "insights").out
    empty = json.loads(run_cli("energy", "insights", "--json").out)
    assert empty["count"] == 0 and empty["lowest"] is None


def test_insights_say_how_many_logs_the_claims_rest_on() -> None:
    for _ in range(3):
        run_cli("energy", "log", "1", "-t", "møter")
        run_cli("energy", "log", "5", "-t", "fokus")
    nb = run_cli("--lang", "nb", "energy", "insights").out
    # 3 against 3 is what a coin could give: no claim, said plainly
    assert "Registreringer i disse ukene: 6, snitt 3,0." in nb
    assert "Ikke noe tydelig mønster ennå: de siste 12 ukene" in nb and "#møter" not in nb
    en = run_cli("--lang", "en", "energy", "insights").out
    assert "Logs in these weeks: 6, mean 3.0." in en and "No clear pattern yet" in en
    assert "(2026-09-07 – 2026-11-29)" in en
    for _ in range(5):
        run_cli("energy", "log", "1", "-t", "møter")
        run_cli("energy", "log", "5", "-t", "fokus")
    nb = run_cli("--lang", "nb", "energy", "insights").out
    assert "#møter: 1,0 med, 5,0 uten (8 og 8 registreringer, siste 12 uker)" in nb
    assert "#fokus: 5,0 med, 1,0 uten (8 og 8 registreringer, siste 12 uker)" in nb
    assert "Henger ofte sammen med mindre energi" in nb and "årsak" in nb
    en = run_cli("--lang", "en", "energy", "insights").out
    assert (
        "#meetings" not in en
        and "#møter: 1.0 with, 5.0 without (8 and 8 logs, last 12 weeks)" in en
    )
    assert "Often goes with more energy" in en and "not what causes what" in en


def test_undo_and_delete() -> None:
    run_cli("energy", "log", "2")
    run_cli("energy", "log", "4")
    assert run_cli("energy", "undo").out.startswith("Removed energy log 2 (4/5")
    assert run_cli("energy", "delete", "1").code == 0
    assert json.loads(run_cli("energy", "show", "--json").out)["logs"] == []
    assert run_cli("energy", "undo").code == 2
    assert run_cli("energy", "delete", "1").code == 2


def test_weeks_window_is_validated() -> None:
    for n in ("0", "-1", "521", "x"):
        assert run_cli("energy", "show", "--weeks", n).code == 2


def test_window_query_uses_the_date_index(tmp_path: Path) -> None:
    from selvleder.storage.journal import ENERGY_WINDOW_SQL, Journal

    journal = Journal.open(str(tmp_path / "j.db"), chosen=True)
    plan = journal.conn.execute(
        "EXPLAIN QUERY PLAN " + ENERGY_WINDOW_SQL, ("2026-01-01", "2026-02-01")
    ).fetchall()
    text = " ".join(str(tuple(r)) for r in plan)
    assert "energy_logs_date" in text
    assert "SCAN l" not in text
    journal.close()


# -- undo removes the log entered last (PRODUCT.md, dates rules) --------------------------


def test_undo_removes_the_log_entered_last_not_the_latest_at() -> None:
    """The repro of issue 13: a log typed for yesterday after one for now is the one undone."""
    assert run_cli("energy", "log", "4", "now").code == 0
    assert run_cli("energy", "log", "2", "typo", "--at", "yesterday 15:00").code == 0
    result = run_cli("energy", "undo")
    assert result.code == 0
    assert result.out.startswith("Removed energy log 2 (2/5"), result.out
    assert "26 Nov 15:00" in result.out  # names the log removed: yesterday at 15:00
    logs = json.loads(run_cli("energy", "show", "--json").out)["logs"]
    assert [(entry["id"], entry["level"], entry["note"]) for entry in logs] == [(1, 4, "now")]


def test_undo_walks_back_in_insertion_order_and_never_reuses_an_id() -> None:
    run_cli("energy", "log", "3", "--at", "mon 09:00")
    run_cli("energy", "log", "5", "--at", "2026-11-27 09:00")
    run_cli("energy", "log", "1", "--at", "2026-11-20 09:00")
    removed = [run_cli("energy", "undo").out.split(" (")[0] for _ in range(2)]
    assert removed == ["Removed energy log 3", "Removed energy log 2"]
    run_cli("energy", "log", "2")  # a new log gets a new id, not the freed 3
    assert run_cli("energy", "undo").out.startswith("Removed energy log 4 (2/5")
    assert run_cli("energy", "undo").out.startswith("Removed energy log 1 (3/5")
    nb = run_cli("--lang", "nb", "energy", "undo")
    assert nb.code == 2 and nb.err.strip() == "Det finnes ingen energilogg å fjerne."
