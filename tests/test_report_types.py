"""Report data is typed from the domain to the renderer and the JSON output (issue 18):
numbers stay numbers until the renderer formats them in the user's language, and each
report's ``as_json()`` is exactly the documented JSON shape."""

from __future__ import annotations

import io
from datetime import date

from rich.console import Console, RenderableType

from selvleder.domain.coach import Observation, Reflection, Snapshot, observe
from selvleder.domain.dates import IsoWeek
from selvleder.domain.energy import EnergyShow, Insights, Log, Span, insights
from selvleder.domain.models import Priority, Profile, WeekPlan
from selvleder.domain.reflection import reflection_json
from selvleder.i18n import Messages
from selvleder.render.energy import insights_view
from selvleder.render.reflection import observation_text


def log(level: int, tags: list[str], day: str = "2026-11-23", clock: str = "10:00") -> Log:
    return Log(0, f"{day}T{clock}:00+01:00", day, clock, level, None, tags)


def text(view: RenderableType) -> str:
    console = Console(file=io.StringIO(), width=100, markup=False, color_system=None)
    console.print(view)
    out = console.file
    assert isinstance(out, io.StringIO)
    return out.getvalue()


PATTERN = (
    [log(2, ["meetings"], "2026-11-23", "15:00")] * 8  # Monday afternoon
    + [log(4, ["focus"], "2026-11-24", "09:00")] * 8  # Tuesday morning
)
SPAN = Span(date(2026, 9, 7), 12)


def test_insights_keep_numbers_and_moments_typed() -> None:
    report = Insights.of(PATTERN, SPAN)
    assert (report.count, report.overall_mean) == (16, 3.0)
    [drainer] = report.drainers
    [energiser] = report.energisers
    assert (drainer.tag, drainer.mean, drainer.delta, drainer.count) == ("meetings", 2.0, -2.0, 8)
    assert (drainer.mean_without, drainer.count_without) == (4.0, 8)
    assert (energiser.tag, energiser.mean, energiser.delta) == ("focus", 4.0, 2.0)
    assert all(
        isinstance(v, float) for v in (report.overall_mean, drainer.mean, drainer.delta, drainer.p)
    )
    assert report.lowest is not None and report.highest is not None
    assert (report.lowest.day, report.lowest.time_of_day, report.lowest.mean) == (
        0,
        "afternoon",
        2.0,
    )
    assert (report.highest.day, report.highest.time_of_day) == (1, "morning")


def test_insights_json_is_the_documented_shape_in_order() -> None:
    document = Insights.of(PATTERN, SPAN).as_json()
    assert document == insights(PATTERN, SPAN)
    assert list(document) == [
        "window",
        "test",
        "overall_mean",
        "count",
        "energisers",
        "drainers",
        "lowest",
        "highest",
        "meeting_load",
    ]
    assert document["window"] == {"from": "2026-09-07", "to": "2026-11-29", "weeks": 12}
    assert list(document["drainers"][0]) == [
        "tag",
        "mean",
        "count",
        "mean_without",
        "count_without",
        "delta",
        "p",
    ]
    assert document["lowest"] == {
        "weekday": "monday",
        "time_of_day": "afternoon",
        "mean": 2.0,
        "count": 8,
        "p": document["drainers"][0]["p"],  # the same logs, the same family: the same p
        "mean_without": 4.0,
        "count_without": 8,
        "delta": -2.0,
    }


def test_energy_show_groups_by_date_and_iso_week_across_new_year() -> None:
    logs = [
        log(2, [], "2026-12-31"),  # Thursday of 2026-W53
        log(4, [], "2026-12-31"),
        log(5, [], "2027-01-01"),  # still 2026-W53
        log(1, [], "2027-01-04"),  # Monday of 2027-W01
    ]
    report = EnergyShow(logs)
    assert [(d.day, d.mean, d.count) for d in report.days] == [
        (date(2026, 12, 31), 3.0, 2),
        (date(2027, 1, 1), 5.0, 1),
        (date(2027, 1, 4), 1.0, 1),
    ]
    assert [(w.week, w.mean, w.count) for w in report.weeks] == [
        (IsoWeek(2026, 53), 3.67, 3),
        (IsoWeek(2027, 1), 1.0, 1),
    ]
    document = report.as_json()
    assert list(document) == ["logs", "days", "weeks"]
    assert document["days"][0] == {"date": "2026-12-31", "mean": 3.0, "count": 2}
    assert document["weeks"] == [
        {"week": "2026-W53", "mean": 3.67, "count": 3},
        {"week": "2027-W01", "mean": 1.0, "count": 1},
    ]


def test_the_renderer_formats_the_numbers_in_the_users_language() -> None:
    report = Insights.of(PATTERN, SPAN)
    nb = text(insights_view(report, Messages("nb")))
    en = text(insights_view(report, Messages("en")))
    assert "Registreringer i disse ukene: 16, snitt 3,0." in nb
    assert "#meetings: 2,0 med, 4,0 uten (8 og 8 registreringer, siste 12 uker)" in nb
    assert "(07.09.2026–29.11.2026)" in nb
    assert "Logs in these weeks: 16, mean 3.0." in en
    assert "#focus: 4.0 with, 2.0 without (8 and 8 logs, last 12 weeks)" in en
    assert (
        "Energy is often lowest on Monday afternoon (12–17): 2.0, against 4.0 at other "
        "times (8 and 8 logs)."
    ) in en


def week_with_carried_priority() -> Snapshot:
    return Snapshot(
        week=IsoWeek(2026, 48),
        today=date(2026, 11, 27),
        profile=Profile(role="Case officer"),
        mandate=[],
        goals=[],
        last_progress={},
        plan=WeekPlan("2026-W48", buffer_pct=20, priorities=[Priority(7, "2026-W48", 1, "Budget")]),
        recent_plans=[],
        carried_times={7: 3},
        logs=[log(3, [], f"2026-11-{d}") for d in (23, 24, 25, 26, 27)],
        recent_logs=[],
        requests=[],
        feedback_given=0,
        reflection=Reflection(),
    )


def test_observation_parameters_stay_numbers_until_the_message() -> None:
    found = {o.code: o for obs in observe(week_with_carried_priority()).values() for o in obs}
    carried = found["plan.carried_repeatedly"]
    assert carried.params == {
        "title": ["Budget"],
        "times": 3,
        "variant": "one",
        "hint": 'selvleder priority drop 7 --reason "…"',
    }
    assert carried.data == {"priorities": [{"id": 7, "title": "Budget", "times": 3}]}
    level = found["energy.level"]
    assert level.params["mean"] == 3.0 and isinstance(level.params["mean"], float)
    assert level.data == {
        "mean": 3.0,
        "count": 5,
        "before_mean": None,
        "before_count": 0,
        "direction": "too_few",
    }
    assert "3,0" in observation_text(level, Messages("nb"))
    assert "3.0" in observation_text(level, Messages("en"))


def test_reflection_json_reports_the_observations_it_is_given() -> None:
    s = week_with_carried_priority()
    only = Observation("plan.no_buffer", {})
    found: dict[str, list[Observation]] = {tip: [] for tip in ("role", "goals", "feedback")}
    found |= {"plan": [only], "energy": []}
    titles = ["T1", "T2", "T3", "T4", "T5"]
    document = reflection_json(s, found, {"plan.no_buffer": "No buffer."}, titles)
    assert list(document) == ["week", "tips", "pulse", "next_week"]
    plan = document["tips"][2]
    assert (plan["number"], plan["key"], plan["title"]) == (3, "plan", "T3")
    assert plan["observations"] == [{"code": "plan.no_buffer", "message": "No buffer.", "data": {}}]
    assert all(not tip["observations"] for i, tip in enumerate(document["tips"]) if i != 2)
