"""Each coach rule fires on a hand-built snapshot that should trigger it, and not on one
that should not (domain/coach.py)."""

from __future__ import annotations

import inspect
from datetime import date
from typing import NoReturn

import pytest

from selvleder.domain import coach
from selvleder.domain.coach import (
    RULES,
    USEFULNESS,
    Observation,
    Reflection,
    Request,
    Rule,
    Snapshot,
    observe,
    rule,
)
from selvleder.domain.dates import IsoWeek
from selvleder.domain.energy import Log
from selvleder.domain.models import Goal, MandateItem, Priority, Profile, WeekPlan
from selvleder.i18n import Messages
from selvleder.render.reflection import observation_text

WEEK = IsoWeek(2026, 48)
FRIDAY = date(2026, 11, 27)


def goal(
    i: int,
    measure: str | None = "m",
    due: str | None = "2027-06-30",
    created: str = "2026-11-20T10:00:00+00:00",
) -> Goal:
    return Goal(i, f"Goal {i}", measure, due, None, "active", created)


def prio(
    i: int,
    status: str = "planned",
    goal_id: int | None = 1,
    value: str | None = None,
    week: str = "2026-W48",
) -> Priority:
    return Priority(i, week, i, f"P{i}", status, goal_id, value)


def log(day: str, level: int, tags: list[str] | None = None) -> Log:
    return Log(0, f"{day}T10:00:00+01:00", day, "10:00", level, None, tags or [])


def tagged_window(tag: str, level_with: float, level_without: float) -> list[Log]:
    """The 12-week evidence window with 8 logs carrying ``tag`` around ``level_with`` and 8
    without it around ``level_without`` (a little noise: -1, 0 or +1 on some logs), over
    the 8 weeks ending with WEEK, on different weekdays."""
    noise = [0, 1, 0, -1, 0, 0, 1, -1]
    logs = []
    for k in range(8):
        week = WEEK.shift(-k)
        with_level = round(level_with + noise[k] * 0.5 + 0.01)
        without_level = round(level_without + noise[(k + 3) % 8] * 0.5 + 0.01)
        logs.append(log(week.day(k % 5).isoformat(), with_level, [tag]))
        logs.append(log(week.day((k + 2) % 5).isoformat(), without_level))
    return sorted(logs, key=lambda g: g.date)


def meeting_window(heavy_level: int, light_level: int) -> dict[str, object]:
    """The evidence window with the calendar read: on each of the 8 weeks ending with
    WEEK, Monday and Tuesday full of meetings (300 of 480 minutes) and Wednesday to Friday
    light (60); one log a day, ``heavy_level`` (a little noise) on heavy days,
    ``light_level`` on light ones."""
    noise = [0, 1, 0, -1, 0, 0, 1, -1]
    logs, busy = [], {}
    for k in range(8):
        week = WEEK.shift(-k)
        for i in range(5):
            day = week.day(i).isoformat()
            heavy = i < 2
            busy[day] = 300 if heavy else 60
            level = heavy_level if heavy else light_level
            logs.append(log(day, max(1, min(5, level + (noise[(k + i) % 8] if i == 4 else 0)))))
    return {"window_logs": sorted(logs, key=lambda g: g.date), "busy": busy}


def calm(**changes: object) -> Snapshot:
    """A week where nothing calls for a remark (but the always-on ones)."""
    base = Snapshot(
        week=WEEK,
        today=FRIDAY,
        profile=Profile(role="Case officer", mission="Fair decisions"),
        mandate=[MandateItem(1, "mine", "My cases")],
        goals=[goal(1)],
        last_progress={1: "2026-11-25"},
        plan=WeekPlan("2026-W48", buffer_pct=20, priorities=[prio(1, "done"), prio(2, "planned")]),
        recent_plans=[WeekPlan(str(WEEK.shift(-i))) for i in range(4, 0, -1)],
        carried_times={},
        logs=[log(f"2026-11-{d}", 3) for d in (23, 24, 25, 26, 27)],
        recent_logs=[],
        requests=[Request(1, "Template", "answered", date(2026, 11, 24))],
        feedback_given=2,
        feedback_asked=1,
        reflection=Reflection(),
    )
    for key, value in changes.items():
        setattr(base, key, value)
    return base


def codes(s: Snapshot) -> set[str]:
    return {o.code for obs in observe(s).values() for o in obs}


ALWAYS = {"plan.completion", "feedback.given", "energy.level"}


def test_a_calm_week_has_only_the_always_on_observations() -> None:
    assert codes(calm()) == ALWAYS


PLANTED: list[tuple[str, dict[str, object]]] = [
    ("role.missing", {"profile": Profile()}),
    (
        "role.goal_links",
        {"plan": WeekPlan("2026-W48", buffer_pct=10, priorities=[prio(1), prio(2, goal_id=None)])},
    ),
    ("role.unclear_mandate", {"mandate": [MandateItem(1, "unclear", "Who signs?")]}),
    ("goals.unclear", {"goals": [goal(1, measure=None)]}),
    ("goals.overdue", {"goals": [goal(1, due="2026-11-01")]}),
    (
        "goals.stale",
        {
            "last_progress": {1: "2026-10-01"},
            "goals": [goal(1, created="2026-09-01T10:00:00+00:00")],
        },
    ),
    (
        "goals.over_cap",
        {
            "goals": [goal(i) for i in range(1, 7)],
            "last_progress": {i: "2026-11-25" for i in range(1, 7)},
        },
    ),
    ("plan.carried_repeatedly", {"carried_times": {2: 2}}),
    (
        "plan.completion_declining",
        {
            "recent_plans": [
                WeekPlan(
                    str(WEEK.shift(-4 + i)),
                    priorities=[
                        prio(10 * i + j, "done" if j < done else "planned") for j in range(5)
                    ],
                )
                for i, done in enumerate((4, 3, 2, 1))
            ]
        },
    ),
    (
        "plan.over_cap",
        {"plan": WeekPlan("2026-W48", buffer_pct=10, priorities=[prio(i) for i in range(1, 7)])},
    ),
    ("plan.no_buffer", {"plan": WeekPlan("2026-W48", priorities=[prio(1)])}),
    (
        "plan.value_inversion",
        {
            "plan": WeekPlan(
                "2026-W48",
                buffer_pct=10,
                priorities=[prio(1, "planned", value="high"), prio(2, "done", value="low")],
            )
        },
    ),
    ("feedback.open_old", {"requests": [Request(1, "Template", "open", date(2026, 11, 10))]}),
    ("feedback.none_recent", {"requests": []}),
    ("energy.drainers", {"window_logs": tagged_window("meetings", 2, 3.5)}),
    ("energy.energisers", {"window_logs": tagged_window("focus", 4, 2.5)}),
    ("energy.meeting_load", meeting_window(2, 4)),
    ("plan.meeting_heavy", {"busy": {WEEK.day(i).isoformat(): 300 for i in range(5)}}),
    ("energy.gaps", {"logs": [log("2026-11-23", 3)]}),
    ("energy.pulse_low", {"reflection": Reflection(pulse={"autonomy": 2, "meaning": 4})}),
    (
        "goals.unlinked",
        {"profile": Profile(role="Case officer", org_goals=["Faster cases", "Plain language"])},
    ),
]


@pytest.mark.parametrize("code, changes", PLANTED)
def test_each_rule_fires_when_it_should(code: str, changes: dict[str, object]) -> None:
    found = codes(calm(**changes))
    assert code in found
    assert code not in codes(calm())


def test_always_on_rules_need_their_data() -> None:
    empty = calm(plan=WeekPlan("2026-W48"), logs=[])
    assert "plan.completion" not in codes(empty)
    assert "energy.level" not in codes(empty)
    assert "energy.gaps" not in codes(empty)
    assert "plan.no_buffer" not in codes(empty)


def test_data_keys_match_the_spec() -> None:
    s = calm(
        plan=WeekPlan("2026-W48", priorities=[prio(1, "done"), prio(2, goal_id=None)]),
        mandate=[MandateItem(1, "unclear", "Who signs?")],
        goals=[goal(1, measure=None, due="2026-01-01", created="2025-01-01T00:00:00+00:00")],
        last_progress={},
        requests=[Request(3, "Budget", "open", date(2026, 11, 1))],
        reflection=Reflection(pulse={"competence": 1}),
        carried_times={2: 3},
    )
    data = {o.code: o.data for obs in observe(s).values() for o in obs}
    assert data["role.goal_links"] == {"linked": 1, "total": 2}
    assert data["role.unclear_mandate"] == {"items": ["Who signs?"]}
    assert data["goals.unclear"] == {"goals": [{"id": 1, "title": "Goal 1"}]}
    assert data["goals.overdue"] == {"goals": [{"id": 1, "title": "Goal 1"}]}
    assert data["goals.stale"] == {"goals": [{"id": 1, "title": "Goal 1"}]}
    assert set(data["plan.completion"]) == {"done", "total", "rate", "trend", "over"}
    assert data["plan.completion"]["rate"] == 0.5
    assert data["plan.carried_repeatedly"] == {"priorities": [{"id": 2, "title": "P2", "times": 3}]}
    assert data["plan.no_buffer"] == {}
    assert data["feedback.open_old"] == {"requests": [{"id": 3, "topic": "Budget", "days": 26}]}
    assert data["feedback.given"] == {"count": 2, "asked": 1}
    assert set(data["energy.level"]) == {
        "mean",
        "count",
        "before_mean",
        "before_count",
        "direction",
    }
    assert data["energy.pulse_low"] == {
        "dimensions": ["competence"],
        "steps": [
            {
                "dimension": "competence",
                "step": 'selvleder ask-leader --need learning --topic "…"',
            }
        ],
    }


def test_messages_state_a_fact_and_ask_without_judging() -> None:
    s = calm(
        plan=WeekPlan("2026-W48", priorities=[prio(1, "done"), prio(2), prio(3)]),
        today=date(2026, 11, 30),  # the week is over: the coach may look back at it
    )
    for lang in ("nb", "en"):
        t = Messages(lang)
        texts = [observation_text(o, t) for obs in observe(s).values() for o in obs]
        assert texts
        for text in texts:
            assert "!" not in text
            assert text.rstrip(")").rstrip("'»").endswith(("?", ".")), text
    nb = Messages("nb")
    text = next(observation_text(o, nb) for o in observe(s)["plan"])
    assert text == "1 av 3 prioriteringer ble gjort. Hva hindret de to siste?"
    en = next(observation_text(o, Messages("en")) for o in observe(s)["plan"])
    assert en == "1 of 3 priorities done. What held back the last two?"


# review's ranking before the rules declared their ranks: a new code may go anywhere in
# it, but these keep their order.
RANKED_BEFORE = (
    "plan.carried_repeatedly",
    "feedback.open_old",
    "energy.pulse_low",
    "energy.drainers",
    "plan.value_inversion",
    "goals.overdue",
    "role.unclear_mandate",
    "goals.stale",
    "plan.over_cap",
    "goals.over_cap",
    "goals.unclear",
    "feedback.none_recent",
    "plan.no_buffer",
    "role.goal_links",
    "energy.energisers",
    "role.missing",
    "energy.gaps",
    "plan.completion",
    "energy.level",
    "feedback.given",
)


def test_usefulness_is_derived_from_the_declared_ranks() -> None:
    assert [code for code in USEFULNESS if code in RANKED_BEFORE] == list(RANKED_BEFORE)
    assert sorted(USEFULNESS) == sorted(code for r in RULES for code in r.codes)
    assert len(set(USEFULNESS)) == len(USEFULNESS)


def test_every_rule_function_of_the_coach_is_declared() -> None:
    """A function over a snapshot that gives observations is a rule only with ``@rule``
    (then it is a ``Rule`` in RULES, with codes and ranks); a plain one would never run."""
    plain = [
        name
        for name, value in vars(coach).items()
        if inspect.isfunction(value)
        and value.__module__ == coach.__name__
        and list(inspect.signature(value).parameters) == ["s"]
        and inspect.signature(value).return_annotation == "list[Observation]"
    ]
    assert plain == []
    declared = [value for value in vars(coach).values() if isinstance(value, Rule)]
    assert declared == list(RULES)
    assert all(r.codes for r in RULES)
    assert [r.check.__name__ for r in RULES][:3] == [
        "role_missing",
        "role_goal_links",
        "role_unclear_mandate",
    ]


def _never(s: Snapshot) -> list[Observation]:
    return []


@pytest.mark.parametrize(
    "codes, problem",
    [
        ({}, "declares the codes"),
        ({"role.missing": 999}, "declared twice"),
        ({"energy.new": 190}, "rank 190"),
        ({"coffee.low": 999}, "tip key"),
        ({"energy": 999}, "tip key"),
    ],
)
def test_a_rule_is_refused_without_new_codes_and_ranks(codes: dict[str, int], problem: str) -> None:
    with pytest.raises(ValueError, match=problem):
        rule(codes)(_never)
    assert coach._declared == list(RULES)


def _codes_found(changes: dict[str, object]) -> list[tuple[Rule, str]]:
    s = calm(**changes)
    return [(r, obs.code) for r in RULES for obs in r(s)]


def test_each_rule_gives_only_its_declared_codes_and_each_code_is_planted() -> None:
    seen = set()
    for _, changes in [("", {}), *PLANTED]:
        for r, code in _codes_found(changes):
            assert code in r.codes, (r, code)
            seen.add(code)
    assert seen == set(USEFULNESS)


class Unread(list[Log]):
    """Energy logs that a rule must not read: any look at them fails the test."""

    def _read(self, *_: object) -> NoReturn:
        raise AssertionError("read the energy logs without reads_logs=True")

    __iter__ = __len__ = __bool__ = __getitem__ = __contains__ = _read


def test_only_rules_declared_to_read_the_logs_read_them() -> None:
    """review leaves the logs empty when no rule that reads them runs: a rule that reads
    them must say so, or it would see no logs in review and disagree with reflect."""
    for _, changes in [("", {}), *PLANTED]:
        s = calm(**changes)
        unread = calm(**changes)
        unread.logs, unread.recent_logs, unread.window_logs = Unread(), Unread(), Unread()
        for r in RULES:
            if not r.reads_logs:
                assert r(unread) == r(s), r
    readers = {r for r in RULES if r.reads_logs}
    assert readers == {coach.energy_level, coach.energy_tags, coach.energy_gaps}
    assert all(r(calm(logs=[], recent_logs=[], window_logs=[])) == [] for r in readers)


def test_a_goal_that_names_an_organisation_goal_is_linked() -> None:
    """goals.unlinked: an active goal names one of the profile's organisation goals in its
    --org-goal (case and spacing aside); silent without organisation goals in the profile."""
    profile = Profile(role="Case officer", org_goals=["Faster cases", "Plain language"])
    linked = goal(1)
    linked.org_goal = "  faster   CASES "
    other = goal(2)
    other.org_goal = "Something else"
    found = observe(calm(profile=profile, goals=[linked, other]))["goals"]
    unlinked = [o for o in found if o.code == "goals.unlinked"]
    assert [o.data for o in unlinked] == [{"goals": [{"id": 2, "title": "Goal 2"}]}]
    assert "goals.unlinked" not in codes(calm(profile=profile, goals=[linked]))
    assert "goals.unlinked" not in codes(calm(goals=[other]))  # no organisation goals


def test_unlinked_hint_names_the_one_organisation_goal_or_asks_to_fill_it_in() -> None:
    one = Profile(role="Case officer", org_goals=['Faster "cases" $now'])
    (obs,) = [o for o in observe(calm(profile=one))["goals"] if o.code == "goals.unlinked"]
    assert obs.params["hint"] == r'selvleder goal edit 1 --org-goal "Faster \"cases\" \$now"'
    text = observation_text(obs, Messages("en"))
    assert text == (
        'Not linked to your organisation\'s goal “Faster "cases" $now”: “Goal 1”. Does it '
        "support it? Then link them: "
        '\'selvleder goal edit 1 --org-goal "Faster \\"cases\\" \\$now"\'.'
    )
    two = Profile(role="Case officer", org_goals=["Faster cases", "Plain language"])
    (obs,) = [o for o in observe(calm(profile=two))["goals"] if o.code == "goals.unlinked"]
    assert obs.params["hint"] == 'selvleder goal edit 1 --org-goal "…"'
    assert observation_text(obs, Messages("nb")) == (
        "Ikke knyttet til noen av virksomhetens mål («Faster cases» og «Plain language»): "
        "«Goal 1». Hvilket av dem støtter målet opp under? Fyll inn navnet: "
        '«selvleder goal edit 1 --org-goal "…"».'
    )


@pytest.mark.parametrize(
    "dimension, step",
    [
        ("autonomy", 'selvleder ask-leader --need clarify-mandate --topic "…"'),
        ("competence", 'selvleder ask-leader --need learning --topic "…"'),
        ("belonging", 'selvleder feedback give --to "…" "…"'),
        ("meaning", "selvleder role"),
    ],
)
def test_a_low_pulse_points_to_the_seeds_next_step(dimension: str, step: str) -> None:
    """Autonomy -> clarify the handlingsrom, competence -> learning, belonging -> feedback
    with colleagues, meaning -> tip 1 (role and mission); each step is in the text."""
    s = calm(reflection=Reflection(pulse={dimension: 1}))
    (obs,) = observe(s)["energy"][-1:]
    assert obs.code == "energy.pulse_low"
    assert obs.data["steps"] == [{"dimension": dimension, "step": step}]
    for lang in ("nb", "en"):
        assert step in observation_text(obs, Messages(lang))


def test_two_low_dimensions_each_get_their_step_in_order() -> None:
    s = calm(reflection=Reflection(pulse={"meaning": 2, "autonomy": 1, "competence": 4}))
    (obs,) = [o for o in observe(s)["energy"] if o.code == "energy.pulse_low"]
    assert observation_text(obs, Messages("en")) == (
        "Your pulse is low on autonomy and meaning. Autonomy grows with a clear room to act: "
        "ask your leader to clarify what you decide yourself: "
        "'selvleder ask-leader --need clarify-mandate --topic \"…\"'. For meaning, look again "
        "at your role and mission and at what your work contributes to (tip 1): "
        "'selvleder role'."
    )


def test_the_unclear_goal_hint_asks_only_for_what_is_missing() -> None:
    no_measure = observe(calm(goals=[goal(4, measure=None)]))["goals"]
    no_due = observe(calm(goals=[goal(4, due=None)]))["goals"]
    neither = observe(calm(goals=[goal(4, measure=None, due=None), goal(5, due=None)]))["goals"]
    hints = [o.params["hint"] for found in (no_measure, no_due, neither) for o in found]
    assert hints == [
        'selvleder goal edit 4 --measure "…"',
        "selvleder goal edit 4 --due …",
        'selvleder goal edit 4 --measure "…" --due …',
    ]
