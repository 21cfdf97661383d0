"""Honest history (issue 13): moves leave a trace, carrying or moving never raises a past
week's rate, each priority's own chain, weeks that are not over, the completion slide,
and review's highlights only what still holds.

Journals are real SQLite files built through the CLI (or the services) in the test's own
home; the coach's rules are also held to hand-built snapshots (as tests/test_coach.py).
"""

from __future__ import annotations

import json
import random
import sqlite3
from contextlib import closing
from datetime import date
from pathlib import Path

import pytest

from helpers import old_journal, run_cli
from selvleder.config import Config
from selvleder.domain.coach import Observation, Snapshot, observe
from selvleder.domain.dates import IsoWeek
from selvleder.domain.models import Priority, WeekPlan
from selvleder.entities import MovedAway
from selvleder.i18n import Messages
from selvleder.render.reflection import observation_text
from selvleder.services.review import review
from selvleder.storage.journal import Journal
from test_coach import WEEK, calm, prio

WED = "2026-11-25T10:00:00+01:00"  # Wednesday of 2026-W48
FRI = "2026-11-27T16:00:00+01:00"  # Friday of 2026-W48
MONDAY_AFTER = date(2026, 11, 30)  # 2026-W48 is over


@pytest.fixture(autouse=True)
def wednesday(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SELVLEDER_NOW", WED)


def ok(*args: str) -> str:
    result = run_cli(*args)
    assert result.code == 0, (args, result.err)
    return result.out


def week_json(name: str = "2026-W48") -> dict[str, object]:
    return json.loads(ok("week", "--week", name, "--json"))  # type: ignore[no-any-return]


def ids(plan: dict[str, object]) -> list[int]:
    return [p["id"] for p in plan["priorities"]]  # type: ignore[attr-defined, index]


def moves(journal_path: Path) -> list[tuple[int, str, str]]:
    with closing(sqlite3.connect(journal_path)) as conn:
        rows = conn.execute(
            "SELECT priority_id, from_week, to_week FROM priority_moves ORDER BY id"
        ).fetchall()
    return [tuple(r) for r in rows]


# -- 1. moves leave a trace ------------------------------------------------------------------


def test_a_move_leaves_a_trace_and_counts_as_not_done_in_the_week_it_left(
    journal_path: Path,
) -> None:
    ok("plan-week", "-p", "Budget draft", "-p", "Hearing reply")
    ok("priority", "done", "2")
    ok("priority", "move", "1", "--week", "2026-W49")
    left = week_json()
    assert ids(left) == [2]
    assert left["moved_away"] == [{"id": 1, "title": "Budget draft", "to": "2026-W49"}]
    assert left["completion_rate"] == 0.5  # 1 done / (1 done + 1 moved away)
    arrived = week_json("2026-W49")
    assert ids(arrived) == [1] and arrived["moved_away"] == []
    assert arrived["completion_rate"] == 0.0
    assert moves(journal_path) == [(1, "2026-W48", "2026-W49")]
    text = ok("week")
    assert "Moved to another week (not done in this one): Budget draft (1, to week 49)" in text
    assert "Done: 1 of 2 (50 %)" in text
    nb = ok("--lang", "nb", "week")
    assert "Flyttet til en annen uke (ikke gjort denne uka): Budget draft (1, til uke 49)" in nb
    # done later, in the week it went to: the week it left still counts it as not done
    ok("priority", "done", "1")
    assert week_json()["completion_rate"] == 0.5
    assert week_json("2026-W49")["completion_rate"] == 1.0


def test_a_move_straight_back_undoes_the_move(journal_path: Path) -> None:
    """The edge: moving a priority back to the week it last came from is an undo (it is
    again that week's own priority, and neither week counts a move); any other way back
    keeps the weeks it passed through only if they had begun when it left them: leaving
    a week before its Monday is planning ahead, not slipping."""
    ok("plan-week", "-p", "A", "-p", "B")
    ok("priority", "move", "1", "--week", "2026-W49")
    ok("priority", "move", "1", "--week", "2026-W48")
    assert moves(journal_path) == []
    assert week_json()["moved_away"] == [] and week_json("2026-W49")["moved_away"] == []
    assert ids(week_json()) == [2, 1] and week_json()["completion_rate"] == 0.0
    ok("priority", "move", "1", "--week", "2026-W49")
    ok("priority", "move", "1", "--week", "2026-W50")
    ok("priority", "move", "1", "--week", "2026-W48")
    assert week_json()["moved_away"] == []  # it is back: its own status counts
    # weeks 49 and 50 had not begun (it is Wednesday of week 48): no trace in them
    assert week_json("2026-W49")["moved_away"] == [] == week_json("2026-W50")["moved_away"]
    assert moves(journal_path) == [(1, "2026-W48", "2026-W49")]


def test_only_an_unfinished_priority_moves_and_never_into_a_past_week(
    journal_path: Path,
) -> None:
    """A done priority stays in the week it was done in (moving it would raise the week it
    went to and lower the one it left); a dropped one stays where it was let go; and a week
    that is over keeps what happened in it. Each refusal says how to go on, in nb and en."""
    ok("plan-week", "-p", "A", "-p", "B", "-p", "C")
    ok("priority", "done", "1")
    ok("priority", "drop", "2")
    before = journal_path.read_bytes()
    for lang, pid, expected in (
        ("en", "1", "Priority 1 is done, so it stays in the week it was done in. If it is "
         "not done after all: 'selvleder priority undone 1', then move it."),
        ("nb", "2", "Prioritering 2 er lagt bort, og blir der du la den bort. Vil du ta den "
         "opp igjen: «selvleder priority undone 2», og flytt den så."),
    ):  # fmt: skip
        result = run_cli("--lang", lang, "priority", "move", pid, "--week", "2026-W49")
        assert (result.code, result.err.strip()) == (2, expected)
    past = run_cli("--lang", "en", "priority", "move", "3", "--week", "2026-W47")
    assert past.code == 2 and past.err.startswith("Week 47 is over")
    assert journal_path.read_bytes() == before and moves(journal_path) == []
    ok("priority", "undone", "2")
    ok("priority", "move", "2", "--week", "2026-W49")  # taken up again: it moves


def test_carry_and_move_never_raise_a_past_week_in_week_and_review(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ok("plan-week", "-p", "Carried", "-p", "Moved", "-p", "Done", "-p", "Dropped")
    ok("priority", "done", "3")
    ok("priority", "drop", "4")
    ok("priority", "move", "2", "--week", "2026-W50")
    monkeypatch.setenv("SELVLEDER_NOW", "2026-11-30T09:00:00+01:00")  # Monday of W49
    ok("plan-week", "-p", "New", "--carry")
    past = week_json()
    # done / (planned + done + carried + moved away); dropped counts in neither
    assert past["completion_rate"] == round(1 / 3, 4)
    row = json.loads(ok("review", "--weeks", "2", "--json"))["weeks"][0]
    assert row["week"] == "2026-W48"
    assert row["completion_rate"] == round(1 / 3, 4)
    assert (row["carried"], row["moved_away"]) == (1, 1)
    reflect = json.loads(ok("reflect", "--week", "2026-W48", "--json"))
    plan = next(t for t in reflect["tips"] if t["key"] == "plan")
    completion = next(o for o in plan["observations"] if o["code"] == "plan.completion")
    assert completion["data"] == {
        "done": 1,
        "total": 3,
        "rate": round(1 / 3, 4),
        "trend": [None, None, None, round(1 / 3, 4)],
        "over": True,
    }
    assert completion["message"] == "1 of 3 priorities done. What held back the last two?"


def test_chains_count_each_priority_own_carries_and_moves(monkeypatch: pytest.MonkeyPatch) -> None:
    """A carry or a move of any priority in the chain adds a link; each title has its own
    count, and a priority since done is not named."""
    monkeypatch.setenv("SELVLEDER_NOW", "2026-11-11T10:00:00+01:00")  # W46
    ok("plan-week", "-p", "Report", "-p", "Archive")  # ids 1, 2
    ok("priority", "move", "1", "--week", "2026-W47")  # Report: a move
    monkeypatch.setenv("SELVLEDER_NOW", "2026-11-18T10:00:00+01:00")  # W47
    ok("plan-week", "-p", "Filler", "--carry")  # Filler 3; Archive carried: 4
    ok("priority", "move", "4", "--week", "2026-W48")  # Archive again: a move
    monkeypatch.setenv("SELVLEDER_NOW", "2026-11-23T10:00:00+01:00")  # W48
    ok("plan-week", "-p", "Other", "--carry")  # Report (moved, now carried), Filler (once)
    plan = week_json()
    chains = {p["title"]: p["id"] for p in plan["priorities"]}  # type: ignore[union-attr]
    monkeypatch.setenv("SELVLEDER_NOW", "2026-11-30T10:00:00+01:00")
    reflect = json.loads(ok("reflect", "--week", "2026-W48", "--json"))
    found = {o["code"]: o for t in reflect["tips"] for o in t["observations"] if t["key"] == "plan"}
    assert found["plan.carried_repeatedly"]["data"] == {
        "priorities": [
            {"id": chains["Archive"], "title": "Archive", "times": 2},
            {"id": chains["Report"], "title": "Report", "times": 2},
        ]
    }
    assert found["plan.carried_repeatedly"]["message"] == (
        "Carried over or moved again and again: “Archive” twice and “Report” twice. "
        "Should one of them be split, handed over, or dropped? To let the first go: "
        f"'selvleder priority drop {chains['Archive']} --reason \"…\"' (why, in your own words)."
    )
    ok("priority", "done", str(chains["Archive"]))
    reflect = json.loads(ok("--lang", "nb", "reflect", "--week", "2026-W48", "--json"))
    found = {o["code"]: o for t in reflect["tips"] for o in t["observations"]}
    assert found["plan.carried_repeatedly"]["data"]["priorities"] == [
        {"id": chains["Report"], "title": "Report", "times": 2}
    ]
    assert found["plan.carried_repeatedly"]["message"] == (
        "«Report» er overført eller flyttet to ganger. "
        "Bør den deles opp, gis til noen andre eller legges bort? Kan den legges bort: "
        f'«selvleder priority drop {chains["Report"]} --reason "…"» (hvorfor, med dine egne ord).'
    )
    ok("priority", "drop", str(chains["Report"]))
    reflect = json.loads(ok("reflect", "--week", "2026-W48", "--json"))
    assert "plan.carried_repeatedly" not in {
        o["code"] for t in reflect["tips"] for o in t["observations"]
    }


def test_an_old_journal_upgrades_and_an_old_export_imports(
    journal_path: Path, tmp_path: Path
) -> None:
    from selvleder.storage.schema import CURRENT_VERSION

    journal_path.parent.mkdir(parents=True)
    conn = old_journal(journal_path, "m005_add_priority_moves")
    conn.execute(
        "INSERT INTO priorities (week, rank, title, created_at) "
        "VALUES ('2026-W48', 1, 'Old', '2026-11-23T08:00:00+00:00')"
    )
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 4
    conn.close()
    journal_path.chmod(0o600)
    ok("priority", "move", "1", "--week", "2026-W49")  # migrates, then records the move
    with closing(sqlite3.connect(journal_path)) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == CURRENT_VERSION >= 5
        applied = [r[0] for r in conn.execute("SELECT name FROM _sqlite_migrations")]
        assert applied[4] == "m005_add_priority_moves"
    assert week_json()["moved_away"] == [{"id": 1, "title": "Old", "to": "2026-W49"}]

    exported = json.loads(ok("export"))
    assert exported["priority_moves"][0]["priority_id"] == 1
    assert exported["priority_moves"][0]["from_week"] == "2026-W48"
    fresh = tmp_path / "fresh.db"
    full = tmp_path / "full.json"
    full.write_text(json.dumps(exported))
    ok("--db", str(fresh), "import", str(full))
    assert (
        json.loads(ok("--db", str(fresh), "export"))["priority_moves"]
        == (exported["priority_moves"])
    )
    old = dict(exported)
    del old["priority_moves"]  # an export made before v5
    older = tmp_path / "old.json"
    older.write_text(json.dumps(old))
    other = tmp_path / "other.db"
    ok("--db", str(other), "import", str(older))
    plan = json.loads(ok("--db", str(other), "week", "--week", "2026-W49", "--json"))
    assert ids(plan) == [1]

    ok("forget", "--all", "--yes")
    assert moves(journal_path) == []


# -- 2-5. the coach on snapshots ---------------------------------------------------------


def said(s: Snapshot, code: str) -> tuple[str, str, Observation]:
    """What the coach says under ``code`` in nb and en, and the observation."""
    obs = next(o for found in observe(s).values() for o in found if o.code == code)
    return observation_text(obs, Messages("nb")), observation_text(obs, Messages("en")), obs


def plan(*priorities: Priority, moved: list[MovedAway] | None = None) -> WeekPlan:
    return WeekPlan("2026-W48", buffer_pct=20, priorities=list(priorities), moved_away=moved or [])


def test_a_carried_week_is_never_praised() -> None:
    s = calm(plan=plan(prio(1, "done"), prio(2, "carried")), today=MONDAY_AFTER)
    nb, en, obs = said(s, "plan.completion")
    assert nb == "1 av 2 prioriteringer ble gjort. Hva hindret den siste?"
    assert en == "1 of 2 priorities done. What held back the last one?"
    assert obs.data["rate"] == 0.5 and obs.data["over"] is True
    moved = calm(
        plan=plan(prio(1, "done"), moved=[MovedAway(2, "P2", "2026-W49")]), today=MONDAY_AFTER
    )
    assert said(moved, "plan.completion")[1] == en


def test_a_week_with_dropped_and_the_rest_done_gets_a_neutral_line() -> None:
    s = calm(plan=plan(prio(1, "done"), prio(2, "dropped"), prio(3, "done")), today=MONDAY_AFTER)
    nb, en, obs = said(s, "plan.completion")
    assert nb == "Alt du beholdt, ble gjort (2 av 2); resten la du bort. Hva ga det rom for?"
    assert en == (
        "Everything you kept got done (2 of 2); the rest you let go. "
        "What did letting it go make room for?"
    )
    assert obs.data["rate"] == 1.0
    clean = calm(plan=plan(prio(1, "done"), prio(3, "done")), today=MONDAY_AFTER)
    assert said(clean, "plan.completion")[1] == "Both priorities done. What made that possible?"


@pytest.mark.parametrize(
    ("today", "nb", "en"),
    [
        (
            date(2026, 11, 25),  # Wednesday of the week
            "1 av 3 er gjort så langt. Hva vil du få gjort ferdig innen fredag?",
            "1 of 3 done so far. What will you finish by Friday?",
        ),
        (
            date(2026, 11, 16),  # a week before it: a future week
            "1 av 3 er gjort så langt. Hva vil du få gjort ferdig innen fredag?",
            "1 of 3 done so far. What will you finish by Friday?",
        ),
        (
            date(2026, 11, 28),  # Saturday: not over, Friday is past
            "1 av 3 er gjort så langt. Hva tar du med til neste uke, og hva kan vente?",
            "1 of 3 done so far. What will you take into next week, and what can wait?",
        ),
    ],
)
def test_a_week_not_over_is_spoken_of_so_far(today: date, nb: str, en: str) -> None:
    s = calm(plan=plan(prio(1, "done"), prio(2), prio(3, "carried")), today=today)
    said_nb, said_en, obs = said(s, "plan.completion")
    assert (said_nb, said_en) == (nb, en)
    assert obs.data["over"] is False
    for text in (said_nb, said_en):
        assert "hindret" not in text and "held back" not in text
    done = calm(plan=plan(prio(1, "done")), today=today)
    assert "so far: everything you planned" in said(done, "plan.completion")[1]


def declining(rates: tuple[int, ...], size: int = 5) -> list[WeekPlan]:
    """The four weeks before WEEK, each with ``size`` priorities, ``done`` of them done."""
    return [
        WeekPlan(
            str(WEEK.shift(-4 + i)),
            priorities=[prio(10 * i + j, "done" if j < done else "planned") for j in range(size)],
        )
        for i, done in enumerate(rates)
    ]


def test_a_declining_slide_is_said_in_words_with_its_numbers() -> None:
    s = calm(recent_plans=declining((4, 3, 2, 1)))
    nb, en, obs = said(s, "plan.completion_declining")
    assert nb == (
        "De siste fire ukene har andelen gjorte prioriteringer falt: "
        "80 % → 60 % → 40 % → 20 %. Hva kan hjelpe deg å få gjort mer neste uke?"
    )
    assert en == (
        "Over the last four weeks the share of priorities done has slid: "
        "80 % → 60 % → 40 % → 20 %. What would help you finish more next week?"
    )
    assert obs.data == {
        "rates": [
            {"week": "2026-W44", "rate": 0.8},
            {"week": "2026-W45", "rate": 0.6},
            {"week": "2026-W46", "rate": 0.4},
            {"week": "2026-W47", "rate": 0.2},
        ]
    }


def codes(s: Snapshot) -> set[str]:
    return {o.code for found in observe(s).values() for o in found}


@pytest.mark.parametrize(
    ("rates", "size", "speaks"),
    [
        ((4, 3, 2, 1), 5, True),  # three falls
        ((5, 5, 3, 2), 5, True),  # sustained: 100 % -> 40 %, never rising
        ((5, 4, 4, 4), 5, False),  # one step down, then flat
        ((3, 4, 2, 1), 5, False),  # a rise in between
        ((5, 5, 5, 5), 5, False),
        ((1, 4, 3, 2), 5, False),  # rising overall
        ((2, 1, 1, 0), 2, True),  # 100 % -> 50 % -> 50 % -> 0 %
        ((1, 1, 1, 0), 1, False),  # a week with fewer than two priorities
    ],
)
def test_completion_declining_needs_a_slide(
    rates: tuple[int, ...], size: int, speaks: bool
) -> None:
    assert ("plan.completion_declining" in codes(calm(recent_plans=declining(rates, size)))) is (
        speaks
    )


def test_completion_declining_looks_only_at_ended_weeks() -> None:
    # On the Monday after, the week in view has ended and is the newest of the four.
    plans = declining((4, 3, 2, 2))
    s = calm(recent_plans=plans, plan=plan(*[prio(j) for j in range(5)]), today=MONDAY_AFTER)
    assert "plan.completion_declining" in codes(s)  # 60 % -> 40 % -> 40 % -> 0 %
    # A moved-away or carried priority counts as not done in the slide too.
    moved = [MovedAway(90 + j, "M", "2026-W49") for j in range(4)]
    s = calm(recent_plans=declining((4, 4, 4, 4)), plan=plan(prio(1, "done"), moved=moved))
    assert "plan.completion_declining" not in codes(s)  # W48 is not over on Friday
    s.today = MONDAY_AFTER
    assert "plan.completion_declining" not in codes(s)  # 80, 80, 80, 20: one fall
    s.recent_plans = declining((4, 5, 4, 4))
    assert "plan.completion_declining" in codes(s)  # 100, 80, 80, 20: never rising, two falls


def test_value_inversion_counts_carried_moved_and_dropped_high_value_as_undone() -> None:
    high = [
        Priority(1, "2026-W48", 1, "Carried", "carried", None, "high"),
        Priority(2, "2026-W48", 2, "Dropped", "dropped", None, "high"),
    ]
    low = Priority(3, "2026-W48", 3, "Low", "done", None, "low")
    moved = [MovedAway(4, "Moved", "2026-W49", "high")]
    s = calm(plan=plan(*high, low, moved=moved), today=MONDAY_AFTER)
    nb, en, obs = said(s, "plan.value_inversion")
    assert [u["title"] for u in obs.data["undone"]] == ["Carried", "Dropped", "Moved"]  # type: ignore[index, union-attr]
    assert "What took the time?" in en
    s.today = date(2026, 11, 25)
    nb, en, _ = said(s, "plan.value_inversion")
    assert en.startswith("So far low-value “Low” got done") and "pulled" not in en
    assert nb.startswith("Så langt er «Low» med lav verdi gjort")


def test_no_advice_to_split_or_drop_a_priority_already_done() -> None:
    s = calm(carried_times={1: 3, 2: 4}, today=MONDAY_AFTER)  # P1 is done, P2 planned
    nb, en, obs = said(s, "plan.carried_repeatedly")
    assert obs.data == {"priorities": [{"id": 2, "title": "P2", "times": 4}]}
    assert en == (
        "“P2” has been carried over or moved 4 times. Should it be split, handed over, or "
        "dropped? If it can go: 'selvleder priority drop 2 --reason \"…\"' (why, in your own "
        "words)."
    )
    assert nb == (
        "«P2» er overført eller flyttet 4 ganger. "
        "Bør den deles opp, gis til noen andre eller legges bort? Kan den legges bort: "
        '«selvleder priority drop 2 --reason "…"» (hvorfor, med dine egne ord).'
    )
    assert "plan.carried_repeatedly" not in codes(calm(carried_times={1: 3}))


# -- 6-7. review: only what still holds, ranked ------------------------------------------------


def test_review_ranks_a_slide_and_old_requests_above_a_missing_log(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for week, done in (("2026-W44", 4), ("2026-W45", 3), ("2026-W46", 2), ("2026-W47", 1)):
        titles = [f"{week} task {i}" for i in range(5)]
        out = ok(
            "plan-week", "--week", week, "--buffer", "10", *[a for t in titles for a in ("-p", t)]
        )
        assert out
        first = ids(week_json(week))[0]
        for i in range(done):
            ok("priority", "done", str(first + i))
    monkeypatch.setenv("SELVLEDER_NOW", "2026-11-10T10:00:00+01:00")
    ok("ask-leader", "--need", "decision", "--topic", "The template", "--no-context")
    monkeypatch.setenv("SELVLEDER_NOW", "2026-11-23T10:00:00+01:00")
    ok("energy", "log", "3")  # Monday only: the other workdays so far have no log
    ok("init", "--role", "Case officer", "--no-input")
    monkeypatch.setenv("SELVLEDER_NOW", FRI)
    found = json.loads(ok("review", "--json"))
    highlights = [h["code"] for h in found["highlights"]]
    assert highlights[:2] == ["plan.completion_declining", "feedback.open_old"]
    this_week = json.loads(ok("review", "--weeks", "1", "--json"))["highlights"]
    assert [h["code"] for h in this_week] == [
        "plan.completion_declining",
        "feedback.open_old",
        "energy.gaps",
    ]
    slide = found["highlights"][0]
    assert slide["week"] == "2026-W48"
    assert "80 % → 60 % → 40 % → 20 %" in slide["message"]
    text = " ".join(ok("review").split())  # unwrapped
    assert "80 % → 60 % → 40 % → 20 %" in text


def test_review_highlights_nothing_since_resolved(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A missing log six weeks ago, a request since answered, a low pulse since reported
    fine: none of them holds now, so none is a highlight (each was, before issue 13)."""
    monkeypatch.setenv("SELVLEDER_NOW", "2026-10-12T10:00:00+02:00")  # Monday of W42
    ok("energy", "log", "3")
    ok("init", "--role", "Case officer", "--no-input")
    ok("ask-leader", "--need", "decision", "--topic", "The template", "--no-context")
    monkeypatch.setenv("SELVLEDER_NOW", "2026-10-16T16:00:00+02:00")
    answers = tmp_path / "low.toml"
    answers.write_text("[pulse]\nautonomy = 1\n")
    ok("reflect", "--week", "2026-W42", "--answers", str(answers), "--no-input")
    monkeypatch.setenv("SELVLEDER_NOW", FRI)
    before = [h["code"] for h in json.loads(ok("review", "--weeks", "8", "--json"))["highlights"]]
    assert before[:2] == ["feedback.open_old", "energy.pulse_low"]  # these still hold
    ok("ask-leader", "answered", "1")
    answers.write_text("[pulse]\nautonomy = 4\n")
    ok("reflect", "--week", "2026-W46", "--answers", str(answers), "--no-input")
    highlights = [
        h["code"] for h in json.loads(ok("review", "--weeks", "8", "--json"))["highlights"]
    ]
    # W42's gaps and energy level are history, not something that holds: the room left
    # stays empty (before issue 13, the low pulse and W42's gaps filled it)
    assert highlights == ["feedback.none_recent", "feedback.given"]


# -- random completion: the plan side claims no slide from noise -----------------------------


def random_weeks(rng: random.Random, first: int, count: int) -> list[WeekPlan]:
    """Weeks of 2-5 priorities, each done with the week's own random chance."""
    plans = []
    for i in range(count):
        chance = rng.random()
        size = rng.randint(2, 5)
        plans.append(
            WeekPlan(
                str(WEEK.shift(first + i)),
                priorities=[
                    prio(100 * i + j, "done" if rng.random() < chance else "planned")
                    for j in range(size)
                ],
            )
        )
    return plans


def test_completion_declining_is_rare_on_random_completion() -> None:
    """Measured over 2,000 random snapshots: about 5 % of weeks (the literal "the last 30
    points below the first" alone would be about 27 %); a planted slide always speaks."""
    rng = random.Random(13)
    fired = 0
    runs = 2000
    for _ in range(runs):
        s = calm(recent_plans=random_weeks(rng, -4, 4))
        fired += "plan.completion_declining" in codes(s)
    assert fired / runs < 0.07, fired / runs


def test_review_adds_no_plan_claims_from_random_completion(tmp_path: Path) -> None:
    """Twenty journals of random completion over twelve weeks: review's highlights hold
    at most one completion slide among them all (one in twenty weeks is the noise rate)."""
    from selvleder.domain.dates import utc_stamp
    from selvleder.entities import Priority as Row

    today = date(2026, 11, 27)
    slides = 0
    for seed in range(20):
        rng = random.Random(seed)
        path = tmp_path / f"random{seed}.db"
        with closing(Journal.open(str(path))) as journal, journal.write():
            stamp = utc_stamp()
            for plan_ in random_weeks(rng, -11, 12):
                journal.ensure_week(plan_.week, stamp)
                for rank, p in enumerate(plan_.priorities, 1):
                    new = journal.add_priority(Row(0, plan_.week, rank, p.title), stamp)
                    if p.status == "done":
                        journal.update_priority(new, {"status": "done"})
        with closing(Journal.open(str(path))) as journal:
            found = review(journal, 8, today, Config())
        codes_ = [h.observation.code for h in found.highlights]
        slides += codes_.count("plan.completion_declining")
        assert not {"plan.carried_repeatedly", "plan.value_inversion"} & set(codes_)
    assert slides <= 2, slides


def test_snapshot_today_is_the_only_clock() -> None:
    """`over` follows the snapshot's today: the Sunday itself is not over, Monday is."""
    s = calm(today=IsoWeek(2026, 48).sunday())
    assert said(s, "plan.completion")[2].data["over"] is False
    s.today = MONDAY_AFTER
    assert said(s, "plan.completion")[2].data["over"] is True
