"""The truth harness: the coach speaks of patterns that are there and of nothing else.

Journals are built whole (an export document, imported through the real ``import``)
from a seeded random generator: pure noise (levels uniform 1-5, tags at random), and
planted patterns (a drainer, an energiser, a tag on most logs, a low and a high slot,
a completion slide, carry chains and moves, a value inversion, old open requests, weeks
across the clock changes). Each is read back through the public interface only
(``reflect --json``, ``energy insights --json``, ``review --json``, ``week --json``),
and the rates of PRODUCT.md's evidence rules are asserted:

- random data: fewer than 0.1 energy claims per reflected week, at most 2 review
  highlights from noise in 20 journals, a lowest/highest slot named in at most 1
  journal in 10;
- planted data: a difference of 1.5 points with 8 logs each side is found every time.

A few seeds run by default; ``-m slow`` runs the many-seed loops (50+ seeds).
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import pytest

from helpers import run_cli
from selvleder.domain.dates import IsoWeek

NOW = "2026-11-27T16:00:00+01:00"  # Friday afternoon of week 48
TODAY = date(2026, 11, 27)
CURRENT = IsoWeek.of(TODAY)
ENDED = [CURRENT.shift(-i) for i in range(4, 0, -1)]  # the four ended weeks before it
TAGS = ("møter", "fokus", "kunder", "reise", "skriving", "team")
SEEDS = range(4)  # the default run
MANY = range(60)  # under -m slow


@pytest.fixture(autouse=True)
def friday(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SELVLEDER_NOW", NOW)


# -- building journals ----------


def stamp(day: date, hour: int, minute: int = 0) -> str:
    """A local time as the export writes it: ISO 8601 with the offset of its own date."""
    return datetime.combine(day, time(hour, minute)).astimezone().isoformat(timespec="seconds")


@dataclass
class Build:
    """An export document under construction."""

    logs: list[dict[str, Any]] = field(default_factory=list)
    weeks: list[dict[str, Any]] = field(default_factory=list)
    priorities: list[dict[str, Any]] = field(default_factory=list)
    requests: list[dict[str, Any]] = field(default_factory=list)
    reflections: list[dict[str, Any]] = field(default_factory=list)

    def log(self, day: date, hour: int, level: int, tags: list[str] | tuple[str, ...] = ()) -> None:
        self.logs.append(
            {
                "id": len(self.logs) + 1,
                "at": stamp(day, hour),
                "level": level,
                "note": None,
                "tags": sorted(set(tags)),
            }
        )

    def week(self, week: IsoWeek, statuses: list[str], **fields: Any) -> list[int]:
        """A week's plan with one priority per status; returns their ids."""
        name = str(week)
        if not any(w["week"] == name for w in self.weeks):
            self.weeks.append(
                {
                    "week": name,
                    "focus": None,
                    "buffer_pct": 20,
                    "can_wait": [],
                    "created_at": stamp(week.monday(), 8),
                    "updated_at": stamp(week.monday(), 8),
                }
            )
        ids = []
        for status in statuses:
            pid = len(self.priorities) + 1
            self.priorities.append(
                {
                    "id": pid,
                    "week": name,
                    "rank": len([p for p in self.priorities if p["week"] == name]) + 1,
                    "title": f"Priority {pid}",
                    "status": status,
                    "goal_id": None,
                    "value": None,
                    "energy": None,
                    "estimate_minutes": None,
                    "when": None,
                    "carried_from": None,
                    "drop_reason": None,
                    "created_at": stamp(week.monday(), 8),
                    "done_at": stamp(week.day(3), 15) if status == "done" else None,
                }
                | fields
            )
            ids.append(pid)
        return ids

    def document(self) -> dict[str, Any]:
        return {
            "format": "selvleder-export",
            "schema_version": 4,
            "exported_at": stamp(TODAY, 12),
            "profile": {
                "role": "Case officer",
                "mission": "Fair, fast decisions",
                "org_goals": [],
                "motivation": {"strengths": [], "values": [], "drivers": [], "joy": None},
                "updated_at": stamp(TODAY - timedelta(days=120), 9),
            },
            "mandate": [],
            "goals": [],
            "weeks": self.weeks,
            "priorities": self.priorities,
            "energy_logs": self.logs,
            "reflections": self.reflections,
            "requests": self.requests,
            "feedback": [],
            "nudges": [],
            "settings": {},
        }

    def save(self, folder: Path) -> Path:
        folder.mkdir(parents=True, exist_ok=True)
        source = folder / "journal.json"
        source.write_text(json.dumps(self.document(), ensure_ascii=False), encoding="utf-8")
        db = folder / "journal.db"
        result = run_cli("--db", str(db), "import", str(source))
        assert result.code == 0, result.err
        return db


def workdays(weeks: list[IsoWeek]) -> Iterator[date]:
    for week in weeks:
        for i in range(5):
            day = week.day(i)
            if day <= TODAY:
                yield day


UNIFORM = (1, 2, 3, 4, 5)
SKEWED = (4, 4, 4, 4, 5, 5, 3, 1)  # a good working life with the odd bad day


def noise(
    rng: random.Random, weeks: int = 12, per_week: int = 5, levels: tuple[int, ...] = UNIFORM
) -> Build:
    """Random levels at random hours of random workdays, each log with 0-2 of six tags."""
    b = Build()
    span = CURRENT.last_n(weeks)
    days = list(workdays(span))
    for _ in range(weeks * per_week):
        tags = rng.sample(TAGS, rng.randint(0, 2))
        b.log(rng.choice(days), rng.randint(8, 19), rng.choice(levels), tags)
    return b


# -- reading them back ----------


def cli_json(db: Path, *args: str, lang: str = "en") -> Any:
    result = run_cli("--db", str(db), "--lang", lang, *args, "--json")
    assert result.code == 0, result.err
    return json.loads(result.out)


def reflect(db: Path, week: IsoWeek, lang: str = "en") -> dict[str, dict[str, Any]]:
    """The reflected week's observations by code."""
    doc = cli_json(db, "reflect", "--week", str(week), lang=lang)
    return {o["code"]: o for tip in doc["tips"] for o in tip["observations"]}


ENERGY_CLAIMS = ("energy.drainers", "energy.energisers")


def energy_claims(found: dict[str, dict[str, Any]]) -> int:
    """Tags named as draining or giving energy in one reflection."""
    return sum(len(found[code]["data"]["tags"]) for code in ENERGY_CLAIMS if code in found)


def tag_named(found: dict[str, dict[str, Any]], code: str, tag: str) -> bool:
    return code in found and any(t["tag"] == tag for t in found[code]["data"]["tags"])


def weekday_hour(rng: random.Random, weeks: list[IsoWeek]) -> tuple[date, int]:
    return rng.choice(list(workdays(weeks))), rng.randint(8, 19)


# -- random data: the coach stays silent ----------

# What review may highlight only from a pattern (not from a plain fact of the journal).
PATTERN_CODES = {"energy.drainers", "energy.energisers", "plan.completion_declining"}


def random_journals(
    seeds: range, tmp_path: Path, weeks: int, per_week: int, levels: tuple[int, ...]
) -> Iterator[Path]:
    for seed in seeds:
        rng = random.Random(seed)
        b = noise(rng, weeks, per_week, levels)
        for week in CURRENT.last_n(12)[:-1]:  # random completion too
            b.week(week, [rng.choice(("done", "planned")) for _ in range(rng.randint(2, 5))])
        yield b.save(tmp_path / f"noise-{seed}")


def noise_rates(
    seeds: range,
    tmp_path: Path,
    weeks: int = 12,
    per_week: int = 5,
    levels: tuple[int, ...] = UNIFORM,
) -> dict[str, float]:
    """The issue's sceptical user: 60 random logs over 12 weeks (or over 5, 12 a week),
    levels uniform or skewed (where one bad day in a small group could look like a pattern)."""
    claims = reflected = slots = patterns = directions = 0
    journals = 0
    for db in random_journals(seeds, tmp_path, weeks, per_week, levels):
        journals += 1
        for week in ENDED:
            found = reflect(db, week)
            claims += energy_claims(found)
            reflected += 1
            level = found.get("energy.level")
            directions += bool(level and level["data"]["direction"] in ("higher", "lower"))
        insights = cli_json(db, "energy", "insights")
        slots += bool(insights["lowest"] or insights["highest"])
        patterns += sum(h["code"] in PATTERN_CODES for h in cli_json(db, "review")["highlights"])
    return {
        "claims_per_week": claims / reflected,
        "slot_journals": slots / journals,
        "review_patterns_per_20": patterns / journals * 20,
        "direction_per_week": directions / reflected,
    }


def check_noise(rates: dict[str, float]) -> None:
    assert rates["claims_per_week"] < 0.1, rates
    assert rates["slot_journals"] <= 0.1, rates
    assert rates["review_patterns_per_20"] <= 2, rates
    # one test at 0.05 for a week against the four before: about 5 % by design
    assert rates["direction_per_week"] <= 0.1, rates


def test_random_journals_give_no_pattern(tmp_path: Path) -> None:
    check_noise(noise_rates(range(100, 110), tmp_path))


def test_skewed_random_journals_give_no_pattern(tmp_path: Path) -> None:
    check_noise(noise_rates(range(200, 210), tmp_path, levels=SKEWED))


@pytest.mark.slow
@pytest.mark.parametrize(
    "weeks, per_week, levels", [(12, 5, UNIFORM), (5, 12, UNIFORM), (12, 5, SKEWED)]
)
def test_random_journals_give_no_pattern_over_many_seeds(
    weeks: int, per_week: int, levels: tuple[int, ...], tmp_path: Path
) -> None:
    rates = noise_rates(MANY, tmp_path, weeks, per_week, levels)
    print(weeks, per_week, levels, rates)
    check_noise(rates)


def test_one_bad_day_on_a_rarely_used_tag_is_no_drainer(tmp_path: Path) -> None:
    """A hundred good logs; #reise on three of them, one at level 1: a coin could do that."""
    rng = random.Random(1)
    b = Build()
    span = CURRENT.last_n(12)
    for level in [rng.choice((4, 4, 4, 5)) for _ in range(97)]:
        b.log(*weekday_hour(rng, span), level)
    for level in (1, 4, 4):
        b.log(*weekday_hour(rng, span), level, ["reise"])
    db = b.save(tmp_path)
    assert cli_json(db, "energy", "insights")["drainers"] == []
    assert "energy.drainers" not in reflect(db, CURRENT)


# -- planted energy patterns: the coach finds them every time ----------


def planted(rng: random.Random, tag: str, with_levels: list[int], without: list[int]) -> Build:
    """Logs of the last 12 weeks: ``tag`` on the ones at ``with_levels``, none on the others;
    a random second tag on some of each, so other tags are tested too."""
    b = Build()
    span = CURRENT.last_n(12)
    for levels, tags in ((with_levels, [tag]), (without, [])):
        for level in rng.sample(levels, len(levels)):
            extra = [rng.choice([t for t in TAGS if t != tag])] if rng.random() < 0.3 else []
            b.log(*weekday_hour(rng, span), level, [*tags, *extra])
    return b


# 8 logs each side, 1.5 points apart, with spread on both sides
LOW_8 = [1, 2, 2, 2, 2, 2, 3, 2]  # mean 2.0
HIGH_8 = [3, 4, 3, 4, 3, 4, 4, 3]  # mean 3.5


@pytest.mark.parametrize("seed", SEEDS)
def test_a_planted_drainer_is_found(seed: int, tmp_path: Path) -> None:
    db = planted(random.Random(seed), "møter", LOW_8, HIGH_8).save(tmp_path)
    insights = cli_json(db, "energy", "insights")
    (drainer,) = [t for t in insights["drainers"] if t["tag"] == "møter"]
    assert (drainer["mean"], drainer["count"], drainer["mean_without"]) == (2.0, 8, 3.5)
    assert drainer["delta"] == -1.5 and drainer["p"] < 0.05
    assert tag_named(reflect(db, CURRENT), "energy.drainers", "møter")


@pytest.mark.parametrize("seed", SEEDS)
def test_a_planted_energiser_is_found(seed: int, tmp_path: Path) -> None:
    db = planted(random.Random(seed), "fokus", [6 - x for x in LOW_8], [6 - x for x in HIGH_8])
    found = reflect(db.save(tmp_path), CURRENT)
    assert tag_named(found, "energy.energisers", "fokus")


@pytest.mark.slow
def test_planted_differences_are_found_over_many_seeds(tmp_path: Path) -> None:
    for seed in MANY:
        db = planted(random.Random(seed), "møter", LOW_8, HIGH_8).save(tmp_path / str(seed))
        assert tag_named(reflect(db, CURRENT), "energy.drainers", "møter"), seed


def test_a_tag_on_most_logs_is_compared_with_the_logs_without_it(tmp_path: Path) -> None:
    """40 of 50 logs carry #møter at 2.5, the other 10 are at 4.0: compared with the overall
    mean (2.8) it would look harmless; compared with the logs without it, it drains."""
    with_levels = [2, 3] * 20
    without = [4, 4, 4, 4, 3, 5, 4, 4, 5, 3]
    db = planted(random.Random(1), "møter", with_levels, without).save(tmp_path)
    (drainer,) = [t for t in cli_json(db, "energy", "insights")["drainers"] if t["tag"] == "møter"]
    assert (drainer["count"], drainer["count_without"]) == (40, 10)
    assert drainer["mean_without"] == 4.0 and drainer["delta"] == -1.5


def test_a_tag_on_two_logs_says_nothing(tmp_path: Path) -> None:
    b = planted(random.Random(2), "reise", [1, 1], [4, 4, 4, 5, 4, 4, 5, 4, 4, 4])
    found = reflect(b.save(tmp_path), CURRENT)
    assert not tag_named(found, "energy.drainers", "reise")


def slots_journal(rng: random.Random, weekday: int, hour: int, levels: list[int]) -> Build:
    """A low or high moment: ``levels`` on one weekday at ``hour``, 3-4 at other times."""
    b = Build()
    span = CURRENT.last_n(12)
    for week, level in zip(span[-len(levels) :], levels, strict=True):
        b.log(week.day(weekday), hour, level)
    others = [d for d in workdays(span) if d.weekday() != weekday]
    for _ in range(40):
        b.log(rng.choice(others), rng.randint(8, 19), rng.choice((3, 4, 3, 4, 5, 3)))
    return b


def test_a_low_moment_is_named_from_enough_logs(tmp_path: Path) -> None:
    db = slots_journal(random.Random(3), 0, 9, [1, 2, 1, 2, 2, 1, 2, 1]).save(tmp_path)
    lowest = cli_json(db, "energy", "insights")["lowest"]
    assert lowest is not None
    assert (lowest["weekday"], lowest["time_of_day"], lowest["count"]) == ("monday", "morning", 8)


def test_a_high_moment_is_named_from_enough_logs(tmp_path: Path) -> None:
    db = slots_journal(random.Random(4), 3, 14, [5, 5, 5, 5, 5, 5, 5, 5]).save(tmp_path)
    highest = cli_json(db, "energy", "insights")["highest"]
    assert highest is not None
    assert (highest["weekday"], highest["time_of_day"]) == ("thursday", "afternoon")


# -- plans: honest history ----------


def slide(b: Build, rates: list[tuple[int, int]]) -> None:
    """Ended weeks, oldest first, each with (done, not done) priorities."""
    for week, (done, undone) in zip(ENDED[-len(rates) :], rates, strict=True):
        b.week(week, ["done"] * done + ["planned"] * undone)


def test_a_completion_slide_is_said_in_words_and_leads_the_review(tmp_path: Path) -> None:
    b = Build()
    slide(b, [(4, 1), (3, 2), (2, 3), (1, 4)])  # 80 % -> 60 % -> 40 % -> 20 %
    db = b.save(tmp_path)
    found = reflect(db, ENDED[-1])
    declining = found["plan.completion_declining"]
    assert [r["rate"] for r in declining["data"]["rates"]] == [0.8, 0.6, 0.4, 0.2]
    for number in ("80", "60", "40", "20"):
        assert number in declining["message"]
    nb = reflect(db, ENDED[-1], lang="nb")["plan.completion_declining"]["message"]
    assert "80" in nb and "20" in nb
    codes = [h["code"] for h in cli_json(db, "review")["highlights"]]
    assert codes[0] == "plan.completion_declining", codes


def test_a_steady_or_rising_record_is_no_decline(tmp_path: Path) -> None:
    b = Build()
    slide(b, [(2, 3), (3, 2), (2, 3), (3, 2)])
    assert "plan.completion_declining" not in reflect(b.save(tmp_path), ENDED[-1])


def carry_chain(b: Build, title: str, weeks: list[IsoWeek], last: str) -> list[int]:
    """One priority carried from week to week: carried in every week but the last."""
    ids: list[int] = []
    for i, week in enumerate(weeks):
        status = last if i == len(weeks) - 1 else "carried"
        fields = {"title": title, "carried_from": ids[-1] if ids else None}
        ids += b.week(week, [status], **fields)
    return ids


def test_carrying_never_raises_a_past_weeks_rate(tmp_path: Path) -> None:
    b = Build()
    b.week(ENDED[0], ["done"])
    carry_chain(b, "Budget draft", ENDED[:2], "planned")
    db = b.save(tmp_path)
    week = cli_json(db, "week", "--week", str(ENDED[0]))
    assert week["completion_rate"] == 0.5  # 1 done of 2: the carried one was not done there
    rows = {r["week"]: r for r in cli_json(db, "review")["weeks"]}
    assert rows[str(ENDED[0])]["completion_rate"] == 0.5
    for lang in ("en", "nb"):
        completion = reflect(db, ENDED[0], lang=lang)["plan.completion"]
        assert (completion["data"]["done"], completion["data"]["total"]) == (1, 2)
        assert "possible" not in completion["message"] and "mulig" not in completion["message"]


def test_each_priority_counts_its_own_chain(tmp_path: Path) -> None:
    b = Build()
    twice = carry_chain(b, "Budget draft", ENDED[1:], "planned")  # carried twice
    once = carry_chain(b, "Archive", ENDED[2:], "planned")  # carried once
    db = b.save(tmp_path)
    found = reflect(db, ENDED[-1])["plan.carried_repeatedly"]
    assert found["data"]["priorities"] == [{"id": twice[-1], "title": "Budget draft", "times": 2}]
    assert "Archive" not in found["message"] and once
    assert run_cli("--db", str(db), "priority", "done", str(twice[-1])).code == 0
    assert "plan.carried_repeatedly" not in reflect(db, ENDED[-1])  # resolved: silent
    assert all(h["code"] != "plan.carried_repeatedly" for h in cli_json(db, "review")["highlights"])


def test_a_move_leaves_a_trace_and_counts_as_not_done(tmp_path: Path) -> None:
    b = Build()
    done, moved = b.week(ENDED[-1], ["done", "planned"])
    db = b.save(tmp_path)
    assert (
        run_cli("--db", str(db), "priority", "move", str(moved), "--week", str(CURRENT)).code == 0
    )
    week = cli_json(db, "week", "--week", str(ENDED[-1]))
    assert week["moved_away"] == [{"id": moved, "title": f"Priority {moved}", "to": str(CURRENT)}]
    assert week["completion_rate"] == 0.5 and done


def test_a_move_adds_a_link_to_the_chain(tmp_path: Path) -> None:
    b = Build()
    ids = carry_chain(b, "Budget draft", ENDED[2:], "planned")  # carried once
    db = b.save(tmp_path)
    assert (
        run_cli("--db", str(db), "priority", "move", str(ids[-1]), "--week", str(CURRENT)).code == 0
    )
    found = reflect(db, CURRENT)["plan.carried_repeatedly"]
    assert found["data"]["priorities"] == [{"id": ids[-1], "title": "Budget draft", "times": 2}]


def test_a_carried_high_value_priority_is_undone_in_a_value_inversion(tmp_path: Path) -> None:
    b = Build()
    b.week(ENDED[-1], ["carried"], value="high", title="Budget")
    b.week(ENDED[-1], ["done"], value="low", title="Tidy")
    found = reflect(b.save(tmp_path), ENDED[-1])
    assert found["plan.value_inversion"]["data"]["undone"][0]["title"] == "Budget"


def test_old_open_requests_rank_above_a_missing_log(tmp_path: Path) -> None:
    b = Build()
    b.log(CURRENT.monday(), 10, 3)  # the other workdays have no log
    b.requests.append(
        {
            "id": 1,
            "need": "decision",
            "topic": "Template",
            "questions": [],
            "week": str(CURRENT.shift(-5)),
            "status": "open",
            "created_at": stamp(TODAY - timedelta(days=30), 10),
            "answered_at": None,
            "closed_at": None,
            "note": None,
        }
    )
    codes = [h["code"] for h in cli_json(b.save(tmp_path), "review")["highlights"]]
    assert "feedback.open_old" in codes
    if "energy.gaps" in codes:
        assert codes.index("feedback.open_old") < codes.index("energy.gaps")


# -- time: weeks that are not over, and the clock changes ----------


def test_the_current_week_is_spoken_of_as_so_far(tmp_path: Path) -> None:
    b = Build()
    b.week(CURRENT, ["done", "planned", "planned"])
    b.week(CURRENT.shift(1), ["planned", "planned"])
    b.log(CURRENT.monday(), 10, 3)
    db = b.save(tmp_path)
    for week in (CURRENT, CURRENT.shift(1)):
        for lang, so_far, held in (("en", "so far", "held back"), ("nb", "så langt", "hindret")):
            completion = reflect(db, week, lang=lang)["plan.completion"]
            assert completion["data"]["over"] is False
            assert so_far in completion["message"].lower() and held not in completion["message"]
    gaps = reflect(db, CURRENT)["energy.gaps"]["data"]["days"]
    # Friday afternoon: Tuesday to Thursday have passed without a log; today is not over
    assert gaps == [str(CURRENT.day(i)) for i in (1, 2, 3)]


def test_logs_fall_in_their_local_week_across_the_clock_change(tmp_path: Path) -> None:
    """Summer time ended on Sunday 25 October 2026 (week 43): a log late that Sunday is
    week 43's, one just after midnight is week 44's, in every report."""
    b = Build()
    w43, w44 = IsoWeek(2026, 43), IsoWeek(2026, 44)
    for i in range(5):
        b.log(w43.day(i), 10, 4)
    b.logs.append(
        {"id": 99, "at": "2026-10-25T23:30:00+01:00", "level": 1, "note": None, "tags": []}
    )
    b.logs.append(
        {"id": 100, "at": "2026-10-26T00:30:00+01:00", "level": 5, "note": None, "tags": []}
    )
    db = b.save(tmp_path)
    assert reflect(db, w43)["energy.level"]["data"]["count"] == 6
    assert reflect(db, w44)["energy.level"]["data"]["count"] == 1
    weeks = {w["week"]: w["count"] for w in cli_json(db, "energy", "show", "--weeks", "6")["weeks"]}
    assert (weeks[str(w43)], weeks[str(w44)]) == (6, 1)


# -- what the coach says, quoted ----------------------------------------------------------------


def said(db: Path, week: IsoWeek, code: str) -> tuple[str, str]:
    return reflect(db, week, "en")[code]["message"], reflect(db, week, "nb")[code]["message"]


def test_what_the_coach_says_in_the_planted_scenarios(tmp_path: Path) -> None:
    """The words a person reads, in both languages, for the issue's scenarios."""
    drainer = planted(random.Random(0), "møter", LOW_8, HIGH_8).save(tmp_path / "drainer")
    en, nb = said(drainer, CURRENT, "energy.drainers")
    assert "#møter: 2.0 with, 3.5 without (8 and 8 logs, last 12 weeks)" in en
    assert "often goes with" in en and "cause" not in en
    assert "#møter: 2,0 med, 3,5 uten (8 og 8 registreringer, siste 12 uker)" in nb
    assert "henger ofte sammen med" in nb

    b = Build()
    slide(b, [(4, 1), (3, 2), (2, 3), (1, 4)])
    en, nb = said(b.save(tmp_path / "slide"), ENDED[-1], "plan.completion_declining")
    assert en == (
        "Over the last four weeks the share of priorities done has slid: "
        "80 % → 60 % → 40 % → 20 %. What would help you finish more next week?"
    )
    assert nb.startswith("De siste fire ukene har andelen gjorte prioriteringer falt: 80 % → 60 %")

    b = Build()
    b.week(ENDED[0], ["done"])
    carry_chain(b, "Budget draft", ENDED[:2], "planned")
    en, nb = said(b.save(tmp_path / "carried"), ENDED[0], "plan.completion")
    assert en == "1 of 2 priorities done. What held back the last one?"
    assert nb == "1 av 2 prioriteringer ble gjort. Hva hindret den siste?"

    b = Build()
    b.week(CURRENT, ["done", "planned", "planned"])
    en, nb = said(b.save(tmp_path / "so-far"), CURRENT, "plan.completion")
    # it is Friday afternoon: "by Friday" is today
    assert (
        en == "1 of 3 done so far. What will you finish today, and what can wait until next week?"
    )
    assert nb == (
        "1 av 3 er gjort så langt. "
        "Hva vil du få gjort ferdig i dag, og hva kan vente til neste uke?"
    )

    b = Build()
    b.week(ENDED[-1], ["done", "done", "dropped"])
    en, nb = said(b.save(tmp_path / "dropped"), ENDED[-1], "plan.completion")
    assert "possible" not in en and "let go" in en
    assert "mulig" not in nb and "la du bort" in nb
