"""The evidence rules of every energy claim (PRODUCT.md, Evidence rules): planted
patterns are found, random data stays silent, the coach's tip 5 speaks over one 12-week
window, says "so far" for a week that is not over, and its numbers are the JSON's."""

from __future__ import annotations

import json
import random
import re
from datetime import date
from pathlib import Path

import pytest

from helpers import run_cli
from selvleder.domain.coach import Reflection, Snapshot, energy_gaps, energy_level, energy_tags
from selvleder.domain.dates import IsoWeek
from selvleder.domain.energy import EVIDENCE_WEEKS, Insights, Log, Span
from selvleder.domain.models import Profile, WeekPlan
from selvleder.i18n import Messages
from selvleder.render.reflection import observation_text

WEEK = IsoWeek(2026, 48)
FRIDAY = date(2026, 11, 27)
AFTER = date(2026, 12, 2)  # a Wednesday after WEEK ended
SPAN = Span.ending(WEEK)
TAGS = ("meetings", "email", "focus", "travel", "client", "admin")


def log(day: date, clock: str, level: int, tags: list[str] | None = None) -> Log:
    iso = day.isoformat()
    return Log(0, f"{iso}T{clock}:00+01:00", iso, clock, level, None, tags or [])


def snapshot(window: list[Log], today: date = AFTER, week: IsoWeek = WEEK) -> Snapshot:
    """The coach's snapshot of ``week`` with ``window`` as its 12-week evidence window."""
    monday = week.monday().isoformat()
    recent = week.shift(-4).monday().isoformat()
    return Snapshot(
        week=week,
        today=today,
        profile=Profile(role="Case officer"),
        mandate=[],
        goals=[],
        last_progress={},
        plan=WeekPlan(str(week)),
        recent_plans=[],
        carried_times={},
        logs=[g for g in window if monday <= g.date <= week.sunday().isoformat()],
        recent_logs=[g for g in window if recent <= g.date < monday],
        requests=[],
        feedback_given=0,
        reflection=Reflection(),
        window_logs=window,
    )


def planted(
    rng: random.Random, tag: str, shift: float, with_tag: int = 8, without: int = 8
) -> list[Log]:
    """``without`` logs at 3 and 4 in turn (mean 3.5; 2 and 3 for an energiser) and
    ``with_tag`` logs carrying ``tag`` ``shift`` points away (all at 2, or at 4), with
    small noise: on each side one log one level up and one one level down, chosen at
    random (the means stay 1.5 apart); spread at random over the window's weekdays and
    times of day."""
    rest = (3, 4) if shift < 0 else (2, 3)
    base = sum(rest) / 2 + shift
    sides = [[round(base)] * with_tag, [rest[i % 2] for i in range(without)]]
    for levels in sides:
        up, down = rng.sample(range(len(levels)), 2) if len(levels) >= 2 else (None, None)
        if up is not None and down is not None:
            levels[up] += 1
            levels[down] -= 1
    logs = []
    for i, level in enumerate([*sides[0], *sides[1]]):
        day = SPAN.first.toordinal() + rng.randrange(EVIDENCE_WEEKS) * 7 + rng.randrange(5)
        clock = f"{rng.randrange(8, 18):02d}:{rng.randrange(60):02d}"
        tags = [tag] if i < with_tag else []
        logs.append(log(date.fromordinal(day), clock, max(1, min(5, level)), tags))
    return sorted(logs, key=lambda g: (g.date, g.time))


# -- planted patterns are found ----------------------------------------------------------


@pytest.mark.parametrize("seed", range(0, 2000, 100))  # all 2000 seeds pass; 20 run here
def test_a_planted_drainer_and_energiser_of_one_and_a_half_points_are_found(seed: int) -> None:
    rng = random.Random(seed)
    drain = planted(rng, "meetings", -1.5)
    lift = planted(rng, "focus", 1.5)
    for logs, tag, side in ((drain, "meetings", "drainers"), (lift, "focus", "energisers")):
        found = Insights.of(logs, SPAN)
        assert [t.tag for t in getattr(found, side)] == [tag], (seed, found.as_json())
        other = "energisers" if side == "drainers" else "drainers"
        assert getattr(found, other) == []


def test_a_tag_on_most_logs_that_drains_is_found() -> None:
    """#work is on 30 of 38 logs: compared with the overall mean (which it makes) it looks
    harmless; compared with the 8 logs without it, it drains."""
    rng = random.Random(3)
    logs = planted(rng, "work", -1.5, with_tag=30, without=8)
    found = Insights.of(logs, SPAN)
    [drainer] = found.drainers
    assert drainer.tag == "work" and (drainer.count, drainer.count_without) == (30, 8)
    assert abs(drainer.mean - found.overall_mean) < 0.5  # the old rule would have missed it


def test_a_tag_on_two_logs_stays_silent() -> None:
    rng = random.Random(4)
    logs = planted(rng, "other", 0.0, with_tag=0, without=30)
    logs += [log(WEEK.day(1), "10:00", 1, ["rare"]), log(WEEK.day(2), "10:00", 1, ["rare"])]
    found = Insights.of(logs, SPAN)
    assert found.claims_nothing
    assert energy_tags(snapshot(logs)) == []


def test_a_planted_low_slot_is_found() -> None:
    """Friday afternoons at 1-2, the rest around 3-4, over 12 weeks."""
    rng = random.Random(5)
    logs = []
    for k in range(EVIDENCE_WEEKS):
        week = WEEK.shift(-k)
        logs.append(log(week.day(4), "15:00", rng.choice((1, 2, 2))))
        for day in range(4):
            logs.append(
                log(week.day(day), f"{rng.randrange(8, 17):02d}:00", rng.choice((3, 4, 4, 3, 5)))
            )
    found = Insights.of(logs, SPAN)
    assert found.lowest is not None
    assert (found.lowest.day, found.lowest.time_of_day, found.lowest.count) == (4, "afternoon", 12)
    assert found.lowest.p <= 0.05 and found.highest is None


def test_the_coach_quotes_the_evidence_in_both_languages() -> None:
    rng = random.Random(0)
    logs = planted(rng, "møter", -1.5)
    [obs] = energy_tags(snapshot(logs))
    assert obs.code == "energy.drainers"
    assert obs.data == {
        "tags": [
            {
                "tag": "møter",
                "mean": 2.0,
                "count": 8,
                "mean_without": 3.5,
                "count_without": 8,
                "delta": -1.5,
                "p": obs.data["tags"][0]["p"],  # type: ignore[index,call-overload]
            }
        ],
        "window": {"from": "2026-09-07", "to": "2026-11-29", "weeks": 12},
    }
    assert observation_text(obs, Messages("nb")) == (
        "Mindre energi henger ofte sammen med #møter: 2,0 med, 3,5 uten "
        "(8 og 8 registreringer, de 12 ukene til og med uke 48). Kan du ta hensyn til det "
        "når du planlegger uka, eller be om hjelp?"
    )
    assert observation_text(obs, Messages("en")) == (
        "Less energy often goes with #møter: 2.0 with, 3.5 without "
        "(8 and 8 logs, the 12 weeks to week 48). Can you take it into account when you plan "
        "the week, or ask for help?"
    )


# -- random data stays silent ---------------------------------------------------------------


def noise_window(seed: int, weeks: int = 5, per_week: int = 12) -> list[Log]:
    """Levels uniform 1-5, each log with 0-2 of six tags at random, ``per_week`` logs a
    week over the last ``weeks`` weeks of the window ending with WEEK."""
    rng = random.Random(seed)
    logs = []
    for k in range(weeks):
        week = WEEK.shift(-k)
        for _ in range(per_week):
            clock = f"{rng.randrange(8, 19):02d}:{rng.randrange(60):02d}"
            tags = rng.sample(TAGS, rng.choice((0, 1, 1, 2)))
            logs.append(log(week.day(rng.randrange(5)), clock, rng.randint(1, 5), tags))
    return sorted(logs, key=lambda g: (g.date, g.time))


def energy_claims(logs: list[Log]) -> int:
    """Tags named as drainers or energisers, and a direction higher/lower, in one window."""
    s = snapshot(logs)
    tags = sum(len(o.data["tags"]) for o in energy_tags(s))  # type: ignore[arg-type]
    [level] = energy_level(s)
    return tags + (level.data["direction"] in ("higher", "lower"))


def noise_rates(seeds: range, weeks: int, per_week: int) -> tuple[float, float]:
    claims = slots = 0
    for seed in seeds:
        logs = noise_window(seed, weeks, per_week)
        claims += energy_claims(logs)
        found = Insights.of(logs, SPAN)
        slots += found.lowest is not None or found.highest is not None
    return claims / len(seeds), slots / len(seeds)


@pytest.mark.parametrize("weeks, per_week", [(5, 12), (12, 12)])
def test_random_data_makes_almost_no_energy_claims_a_few_seeds(weeks: int, per_week: int) -> None:
    claims, slots = noise_rates(range(10), weeks, per_week)
    assert claims <= 0.2 and slots <= 0.2


@pytest.mark.slow
@pytest.mark.parametrize("weeks, per_week", [(5, 12), (12, 12)])
def test_random_data_makes_fewer_than_one_claim_in_ten_windows(weeks: int, per_week: int) -> None:
    """Over 300 journals of noise: fewer than 0.1 energy claims per window, and a lowest
    or highest slot named in at most 1 journal in 10."""
    claims, slots = noise_rates(range(1000, 1300), weeks, per_week)
    assert claims < 0.1, claims
    assert slots <= 0.1, slots


@pytest.mark.slow
def test_review_of_noise_has_an_energy_highlight_in_at_most_one_journal_in_ten() -> None:
    """review looks at 8 weeks, each with its own 12-week window: over 100 journals of
    noise, a drainer or energiser highlight in at most 1 in 10 (the issue's "at most 2
    in 20"; measured: about 1 in 18)."""
    flagged = 0
    journals = 100
    for seed in range(journals):
        logs = noise_window(2000 + seed, weeks=EVIDENCE_WEEKS + 7, per_week=12)
        for back in range(8):
            week = WEEK.shift(-back)
            first = week.shift(-(EVIDENCE_WEEKS - 1)).monday().isoformat()
            window = [g for g in logs if first <= g.date <= week.sunday().isoformat()]
            if energy_tags(snapshot(window, week=week)):
                flagged += 1
                break
    assert flagged / journals <= 0.1, flagged


# -- energy.level: pooled logs, a direction only with evidence -------------------------------


def week_logs(week: IsoWeek, levels: list[int]) -> list[Log]:
    return [log(week.day(i % 5), f"{9 + i // 5:02d}:00", level) for i, level in enumerate(levels)]


def level_of(before: list[int], this: list[int], today: date = AFTER) -> dict[str, object]:
    logs = week_logs(WEEK.shift(-2), before) + week_logs(WEEK, this)
    [obs] = energy_level(snapshot(logs, today=today))
    return {**obs.data, "variant": obs.params["variant"]}


def test_energy_level_pools_the_logs_of_the_four_weeks_before() -> None:
    found = level_of([4, 4, 5, 4, 4, 5, 4, 4], [2, 2, 1, 2, 2])
    assert found == {
        "mean": 1.8,
        "count": 5,
        "before_mean": 4.2,
        "before_count": 8,
        "direction": "lower",
        "variant": "lower",
    }
    assert level_of([2, 2, 1, 2, 2, 2], [4, 4, 5, 4])["direction"] == "higher"


def test_one_log_is_never_a_direction() -> None:
    """One case said 'higher' from a single log: now too few to compare."""
    found = level_of([3, 3, 3, 3], [5])
    assert found["direction"] == "too_few" and found["count"] == 1
    assert level_of([], [1, 1, 1])["direction"] == "too_few"
    assert level_of([], [1, 1, 1])["before_mean"] is None


def test_a_small_or_noisy_difference_is_the_same() -> None:
    assert level_of([3, 4, 3, 4, 3, 4], [4, 3, 4, 4])["direction"] == "same"  # 0.25 apart
    assert level_of([1, 5, 2, 4, 1, 5], [5, 2, 5])["direction"] == "same"  # noisy


def test_a_week_that_is_not_over_is_so_far_and_asks_forward() -> None:
    found = level_of([4, 4, 5, 4, 4, 5, 4, 4], [2, 2, 1], today=WEEK.day(2))
    assert found["variant"] == "lower_so_far"
    for lang, so_far, past in (("en", "so far", "What helped"), ("nb", "så langt", "Hva hjalp")):
        for direction in ("higher", "lower", "same", "too_few"):
            text = Messages(lang)(f"obs.energy.level.{direction}_so_far")
            assert so_far in text and past not in text
            assert "held back" not in text and "hindret" not in text


def test_the_level_message_shows_the_data_numbers() -> None:
    logs = week_logs(WEEK.shift(-2), [4, 4, 5, 4, 4, 5, 4, 4]) + week_logs(WEEK, [2, 2, 1, 2, 2])
    [obs] = energy_level(snapshot(logs))
    assert observation_text(obs, Messages("en")) == (
        "Energy averaged 1.8 this week (5 logs), lower than in the four weeks before "
        "(mean 4.2 from 8 logs). What could give you more room to rest next week?"
    )
    assert observation_text(obs, Messages("nb")) == (
        "Energien var i snitt 1,8 denne uka (5 registreringer), lavere enn i de fire ukene før "
        "(snitt 4,2 av 8 registreringer). Hva kan gi deg mer rom for hvile neste uke?"
    )
    [few] = energy_level(snapshot(week_logs(WEEK, [2]), today=FRIDAY))
    assert observation_text(few, Messages("en")).startswith(
        "Energy so far this week averages 2.0. Too few logs yet to compare"
    )


# -- energy.gaps: only workdays that have passed ---------------------------------------------


@pytest.mark.parametrize(
    "today, days",
    [
        (WEEK.day(2), ["2026-11-24"]),  # Wednesday: Monday logged, Tuesday passed, not today
        (FRIDAY, ["2026-11-24", "2026-11-25", "2026-11-26"]),
        (AFTER, ["2026-11-24", "2026-11-25", "2026-11-26", "2026-11-27"]),
        (WEEK.day(0), []),  # Monday: nothing has passed yet
    ],
)
def test_gaps_count_only_workdays_that_have_passed(today: date, days: list[str]) -> None:
    found = energy_gaps(snapshot([log(WEEK.day(0), "09:00", 3)], today=today))
    assert [o.data["days"] for o in found] == ([days] if days else [])


def test_a_future_week_has_no_gaps() -> None:
    future = WEEK.shift(1)
    s = snapshot([log(future.day(0), "09:00", 3)], today=FRIDAY, week=future)
    assert energy_gaps(s) == []
    assert energy_level(s)[0].params["variant"] == "too_few_so_far"


# -- reflect: the numbers in the text are the JSON's ------------------------------------------


@pytest.fixture
def journal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("SELVLEDER_NOW", "2026-12-02T10:00:00+01:00")  # after WEEK
    db = str(tmp_path / "j.db")
    rng = random.Random(11)
    for k in range(10):
        week = WEEK.shift(-k)
        for d in range(5):
            day = week.day(d).isoformat()
            meeting = (k + d) % 2 == 0
            level = rng.choice((1, 2, 2)) if meeting else rng.choice((3, 4, 4, 5))
            tags = ["-t", "møter"] if meeting else []
            assert (
                run_cli("--db", db, "energy", "log", str(level), *tags, "--at", f"{day}T10:00").code
                == 0
            )
    return db


def _plain(text: str) -> str:
    """The reflection's text without the panels' borders and line breaks."""
    return " ".join(re.sub(r"[│╭╮╰╯─→]", " ", text).split())


def test_reflect_numbers_in_the_text_equal_the_json(journal: str) -> None:
    for lang in ("en", "nb"):
        data = json.loads(
            run_cli("--db", journal, "--lang", lang, "reflect", "--week", "48", "--json").out
        )
        [energy] = [tip for tip in data["tips"] if tip["key"] == "energy"]
        found = {o["code"]: o for o in energy["observations"]}
        t = Messages(lang)
        level = found["energy.level"]["data"]
        assert t.num(level["mean"]) in found["energy.level"]["message"]
        assert t.num(level["before_mean"]) in found["energy.level"]["message"]
        drainer = found["energy.drainers"]
        assert drainer["data"]["window"] == {"from": "2026-09-07", "to": "2026-11-29", "weeks": 12}
        [row] = drainer["data"]["tags"]
        evidence = t(
            "energy.evidence.until",  # it is December: the window is named by its last week
            number=48,
            tag="møter",
            mean=row["mean"],
            mean_without=row["mean_without"],
            count=row["count"],
            count_without=row["count_without"],
            weeks=12,
        )
        assert evidence in drainer["message"]
        assert (row["count"], row["count_without"]) == (25, 25)
        text = _plain(
            run_cli("--db", journal, "--lang", lang, "reflect", "--week", "48", "--no-input").out
        )
        for obs in energy["observations"]:
            assert _plain(obs["message"]) in text, obs["message"]
