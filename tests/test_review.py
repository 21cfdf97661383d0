"""review over many weeks: window-level reads give what one query set per week gave.

The reference below is review as it was computed before (a snapshot and every rule
per week, the rows from per-week queries); ``services.review`` reads the window once,
cuts each week's snapshot from it (``coach.snapshot_of``, as reflect does), runs a
rule only while it can still change the highlights, and the table renders without
Rich's table when it fits. These tests hold the two to the same result on demo
journals with open, old requests, carried chains and feedback on week boundaries, and
hold every snapshot cut from a window to what per-week queries read.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from contextlib import closing
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
from rich.console import Console

from helpers import run_cli
from selvleder.config import Config
from selvleder.domain import coach
from selvleder.domain.coach import (
    RECENT_WEEKS,
    USEFULNESS,
    Observation,
    Reflection,
    Snapshot,
    observe,
    snapshot_of,
)
from selvleder.domain.dates import IsoWeek, today, utc_stamp
from selvleder.domain.energy import EVIDENCE_WEEKS, by_week
from selvleder.domain.models import TIP_KEYS
from selvleder.domain.review import HIGHLIGHTS, WeekRow, holds_in
from selvleder.i18n import Messages
from selvleder.render.review import WeekTable, review_view
from selvleder.services.reflection import build_snapshot, read_window
from selvleder.services.review import review
from selvleder.storage.journal import Journal

NOW = "2026-11-27T16:00:00+01:00"


@pytest.fixture(autouse=True)
def friday(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SELVLEDER_NOW", NOW)


def _midnight(day: date) -> str:
    return utc_stamp(datetime.combine(day, time(0, 0)).astimezone())


def reference(
    journal: Journal, weeks: int, config: Config
) -> tuple[list[WeekRow], list[tuple[str, Observation]]]:
    """review as it was: per-week queries for the rows, every rule on every week."""
    names = [str(w) for w in IsoWeek.of(today()).last_n(weeks)]
    rows = []
    with journal.read():
        first = IsoWeek.parse(names[0]).monday().isoformat()
        logs = journal.energy_logs(first, IsoWeek.parse(names[-1]).sunday().isoformat())
        energy = {str(w["week"]): w for w in by_week(logs)}
        for name in names:
            plan = journal.week_plan(name)
            r = journal.reflection(name) or Reflection()
            e = energy.get(name)
            monday = IsoWeek.parse(name).monday()
            requests = journal.conn.execute(
                "SELECT count(*) FROM leader_requests WHERE created_at >= ? AND created_at < ?",
                (_midnight(monday), _midnight(monday + timedelta(days=7))),
            ).fetchone()[0]
            rows.append(
                WeekRow(
                    week=name,
                    completion_rate=plan.completion_rate if plan.planned_total else None,
                    carried=sum(1 for p in plan.priorities if p.status == "carried"),
                    moved_away=len(plan.moved_away),
                    energy_mean=e["mean"] if e else None,  # type: ignore[arg-type]
                    energy_count=e["count"] if e else 0,  # type: ignore[arg-type]
                    requests=requests,
                    ratings={tip: r.ratings.get(tip) for tip in TIP_KEYS},
                    pulse=r.pulse,
                )
            )
    # every rule on every week; a code's highlight is the newest week where it holds
    window = IsoWeek.of(today()).last_n(weeks)
    pulses = [
        age
        for age, week in enumerate(reversed(window))
        if (journal.reflection(str(week)) or Reflection()).pulse
    ]
    pulse_age = pulses[0] if pulses else None
    latest: dict[str, tuple[str, Observation]] = {}
    for age, week in enumerate(reversed(window)):
        for observations in observe(build_snapshot(journal, week, config, today())).values():
            for obs in observations:
                if holds_in(obs.code, age, pulse_age):
                    latest.setdefault(obs.code, (str(week), obs))
    ranked = sorted(latest.values(), key=lambda item: USEFULNESS.index(item[1].code))
    return rows, ranked[:HIGHLIGHTS]


@pytest.fixture(scope="module")
def journals(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Path]]:
    """Demo journals; one with open requests (one old), one carried chain with a gap."""
    folder = tmp_path_factory.mktemp("review")
    made = {}
    from conftest import ENV_KEYS

    with pytest.MonkeyPatch.context() as mp:
        # set up before the autouse ``home``: a home of its own, none of the real settings
        for key in ENV_KEYS:
            mp.delenv(key, raising=False)
        mp.setenv("SELVLEDER_NOW", NOW)
        mp.setenv("HOME", str(folder))
        for name, years, seed in (("one", "1", "1"), ("three", "3", "7")):
            db = folder / f"{name}.db"
            assert run_cli("demo", "--years", years, "--seed", seed, "--db", str(db)).code == 0
            made[name] = db
        busy = made["three"]
        ask = ("ask-leader", "--need", "decision", "--topic", "Malen", "-q", "Fredag?")
        mp.setenv("SELVLEDER_NOW", "2026-10-05T10:00:00+02:00")
        assert run_cli("--db", str(busy), *ask).code == 0
        mp.setenv("SELVLEDER_NOW", NOW)
        assert run_cli("--db", str(busy), *ask).code == 0
        with closing(Journal.open(str(busy))) as journal, journal.write():
            chained = journal.conn.execute(
                "SELECT id, carried_from FROM priorities WHERE carried_from IS NOT NULL "
                "ORDER BY id DESC LIMIT 1"
            ).fetchone()
            journal.conn.execute(
                "UPDATE priorities SET carried_from = NULL WHERE id = ?", (chained[1],)
            )
            # Feedback given on the first and the last day of a week (a snapshot counts
            # the four weeks from a Monday through a Sunday).
            for day in ("2026-08-03", "2026-08-09", "2026-09-20", "2026-09-21"):
                week = str(IsoWeek.of(date.fromisoformat(day)))
                journal.conn.execute(
                    "INSERT INTO feedback_given (to_name, text, at, local_date, week) "
                    "VALUES ('Kari', 'Takk', ?, ?, ?)",
                    (f"{day}T10:00:00+00:00", day, week),
                )
            # A low pulse only before the weeks where more useful codes are found, so the
            # highlights must look past them for it.
            journal.conn.execute(
                "UPDATE reflections SET competence = 4, autonomy = 4, belonging = 4, "
                "meaning = 4 WHERE week >= '2026-W30'"
            )
    yield made


@pytest.mark.parametrize(
    ("name", "weeks"),
    [("one", 1), ("one", 8), ("one", 60), ("three", 3), ("three", 26), ("three", 170)],
)
def test_review_matches_one_query_set_per_week(
    journals: dict[str, Path], name: str, weeks: int
) -> None:
    config = Config()
    with closing(Journal.open(str(journals[name]))) as journal:
        rows, highlights = reference(journal, weeks, config)
        found = review(journal, weeks, today(), config)
    assert found.rows == rows
    assert [(h.week, h.observation) for h in found.highlights] == highlights


def test_highlights_are_what_holds_now(journals: dict[str, Path], tmp_path: Path) -> None:
    """The low pulse before W30 was reported fine since, and the carried chains of older
    weeks are history: review looks back only as far as an observation can still hold
    (``domain.review.holds_in``), and a low newest pulse is found however old it is."""
    import shutil

    copy = tmp_path / "three.db"
    shutil.copy(journals["three"], copy)
    with closing(Journal.open(str(copy))) as journal:
        found = review(journal, 52, today(), Config())
        codes = [(h.observation.code, h.week) for h in found.highlights]
        assert codes[0] == ("feedback.open_old", "2026-W48")
        assert {week for _, week in codes} == {"2026-W48"}
        assert "energy.pulse_low" not in {code for code, _ in codes}
        with journal.write():  # no pulse since W30, and the newest before it low
            journal.conn.execute(
                "UPDATE reflections SET competence = NULL, autonomy = NULL, "
                "belonging = NULL, meaning = NULL WHERE week >= '2026-W30'"
            )
            journal.conn.execute(
                "UPDATE reflections SET autonomy = 1 WHERE week = "
                "(SELECT max(week) FROM reflections WHERE competence IS NOT NULL)"
            )
        found = review(journal, 52, today(), Config())
    codes = [(h.observation.code, h.week < "2026-W30") for h in found.highlights]
    assert codes[:2] == [("feedback.open_old", False), ("energy.pulse_low", True)]


def test_rule_codes_name_what_each_rule_finds(journals: dict[str, Path]) -> None:
    seen: set[str] = set()
    with closing(Journal.open(str(journals["three"]))) as journal:
        for week in IsoWeek.of(today()).last_n(170):
            snapshot = build_snapshot(journal, week, Config(), today())
            for rule in coach.RULES:
                for obs in rule(snapshot):
                    assert obs.code in rule.codes, (rule, obs.code)
                    seen.add(obs.code)
    assert len(seen) >= 12  # the demo plants most patterns


def per_week_snapshot(journal: Journal, week: IsoWeek, config: Config) -> Snapshot:
    """The snapshot as reflect read it before the coach's window: queries for one week."""
    first_recent = week.shift(-RECENT_WEEKS)
    since = week.shift(-(RECENT_WEEKS - 1)).monday()
    with journal.read():
        plan = journal.week_plan(str(week))
        first_evidence = week.shift(-(EVIDENCE_WEEKS - 1)).monday().isoformat()
        logs = journal.energy_logs(first_evidence, week.sunday().isoformat())
        monday = week.monday().isoformat()
        recent = first_recent.monday().isoformat()
        return Snapshot(
            week=week,
            today=today(),
            profile=journal.profile(),
            mandate=journal.mandate(),
            goals=journal.goals(),
            last_progress=journal.last_progress_dates(),
            plan=plan,
            recent_plans=[journal.week_plan(str(w)) for w in week.shift(-1).last_n(RECENT_WEEKS)],
            carried_times={p.id: journal.carried_chain(p.id) for p in plan.priorities},
            logs=[log for log in logs if log.date >= monday],
            recent_logs=[log for log in logs if recent <= log.date < monday],
            window_logs=logs,
            requests=journal.requests_for_coach(_midnight(since)),
            feedback_given=journal.count_feedback_between(
                since.isoformat(), week.sunday().isoformat()
            ),
            reflection=journal.reflection(str(week)) or Reflection(),
            max_goals=config.max_goals,
            max_priorities=config.max_priorities,
            since=date.fromisoformat(journal.first_day() or "9999-12-31"),
        )


def test_snapshots_cut_from_a_window_match_the_per_week_reads(journals: dict[str, Path]) -> None:
    """reflect's snapshot (its own five weeks) and review's (cut from the whole window,
    the logs read back in doubling spans) are what per-week queries give."""
    config = Config()
    config.max_goals, config.max_priorities = 3, 4
    weeks = IsoWeek.of(today()).last_n(60 + RECENT_WEEKS)
    with closing(Journal.open(str(journals["three"]))) as journal:
        expected = [per_week_snapshot(journal, week, config) for week in weeks[RECENT_WEEKS:]]
        with journal.read():
            window = read_window(journal, weeks, today(), config, first_read=2)
            cut = [snapshot_of(window, i) for i in range(RECENT_WEEKS, len(weeks))]
            bare = snapshot_of(window, len(weeks) - 1, with_logs=False)
        reflect = [build_snapshot(journal, week, config, today()) for week in weeks[RECENT_WEEKS:]]
    assert cut == expected
    assert reflect == expected
    assert sum(bool(s.requests) for s in expected) > 10
    assert sum(s.feedback_given for s in expected) > 10
    assert sum(bool(s.carried_times) for s in expected) > 5
    assert sum(len(s.logs) for s in expected) > 100
    assert bare.logs == bare.recent_logs == bare.window_logs == [] and expected[-1].logs
    assert len(expected[0].window_logs) > len(expected[0].recent_logs) + len(expected[0].logs)


def test_carried_counts_follow_the_chain(journals: dict[str, Path]) -> None:
    with closing(Journal.open(str(journals["three"]))) as journal, journal.read():
        ids = [r[0] for r in journal.conn.execute("SELECT id FROM priorities")]
        counts = journal.carried_counts("2000-W01", "2100-W01")
        assert {i: journal.carried_chain(i) for i in ids} == {i: counts.get(i, 0) for i in ids}
        assert max(counts.values()) >= 2


def test_window_reads_match_the_per_week_reads(journals: dict[str, Path]) -> None:
    with closing(Journal.open(str(journals["three"]))) as journal, journal.read():
        plans = journal.plans_between("2024-W01", "2026-W52")
        reflections = journal.reflections_between("2024-W01", "2026-W52")
        assert len(plans) > 100 and len(reflections) > 50
        assert all(plan == journal.week_plan(week) for week, plan in plans.items())
        assert all(r == journal.reflection(week) for week, r in reflections.items())


def _print(renderable: object, width: int, color: bool) -> str:
    out = io.StringIO()
    console = Console(
        file=out, width=width, force_terminal=color, color_system="truecolor" if color else None
    )
    console.print(renderable)
    return out.getvalue()


@pytest.mark.parametrize("width", [30, 60, 72, 100, 200])
@pytest.mark.parametrize("color", [False, True])
def test_week_table_prints_as_richs_table(
    journals: dict[str, Path], width: int, color: bool
) -> None:
    t = Messages("nb")
    with closing(Journal.open(str(journals["three"]))) as journal:
        found = review(journal, 52, today(), Config())
    view = review_view(found, t)
    table = next(part for part in view.renderables if isinstance(part, WeekTable))
    assert _print(table, width, color) == _print(table.table(), width, color)
    assert "De siste 52 ukene" in _print(view, width, color).splitlines()[0]
