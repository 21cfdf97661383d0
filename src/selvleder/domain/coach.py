"""The coach: rules over one week of the journal, per self-leadership tip.

``observe(snapshot)`` is a pure function from a ``Snapshot`` (the week, the
four weeks before it, the profile, mandate and goals) to observations. Each
observation has a stable ``code`` (part of the scripting interface), the
data that triggered it, and a message key with parameters; the catalogues
hold the text in nb and en: the fact from the journal, then one question or
one small step, never a judgement.
"""

from __future__ import annotations

from datetime import date, timedelta

from selvleder.domain.dates import IsoWeek
from selvleder.domain.energy import Insights, Log, mean, week_means
from selvleder.domain.models import (
    PULSE_KEYS,
    TIP_KEYS,
    Goal,
    MandateItem,
    Profile,
    Record,
    WeekPlan,
)
from selvleder.entities import Reflection as Reflection
from selvleder.entities import Request as Request

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence
    from typing import TypeAlias, TypedDict

    # An observation's data is JSON (the scripting interface); its parameters are what
    # the message needs: numbers stay numbers, lists of titles are joined by the renderer.
    Json: TypeAlias = str | int | float | bool | Sequence["Json"] | Mapping[str, "Json"] | None
    JsonObject: TypeAlias = dict[str, Json]
    Param: TypeAlias = str | int | float | list[str]

    class ObservationJson(TypedDict):
        code: str
        message: str
        data: JsonObject


STALE_DAYS = 28
OPEN_OLD_DAYS = 7
RECENT_WEEKS = 4


class Snapshot(Record):
    """What the coach reads for one week."""

    __slots__ = (
        "carried_times",
        "feedback_given",
        "goals",
        "last_progress",
        "logs",
        "mandate",
        "max_goals",
        "max_priorities",
        "plan",
        "profile",
        "recent_logs",
        "recent_plans",
        "reflection",
        "requests",
        "today",
        "week",
    )

    def __init__(
        self,
        week: IsoWeek,
        today: date,
        profile: Profile,
        mandate: list[MandateItem],
        goals: list[Goal],  # active goals
        last_progress: dict[int, str],  # goal id -> latest progress date
        plan: WeekPlan,
        recent_plans: list[WeekPlan],  # the 4 weeks before, oldest first
        carried_times: dict[int, int],  # priority id -> how often it has been carried over
        logs: list[Log],  # this week's energy logs
        recent_logs: list[Log],  # the 4 weeks before (for trends and tag insights)
        requests: list[Request],  # open ones, and any made in the last 4 weeks
        feedback_given: int,  # in the 4 weeks ending with this week
        reflection: Reflection,
        max_goals: int = 5,
        max_priorities: int = 5,
    ) -> None:
        self.week = week
        self.today = today
        self.profile = profile
        self.mandate = mandate
        self.goals = goals
        self.last_progress = last_progress
        self.plan = plan
        self.recent_plans = recent_plans
        self.carried_times = carried_times
        self.logs = logs
        self.recent_logs = recent_logs
        self.requests = requests
        self.feedback_given = feedback_given
        self.reflection = reflection
        self.max_goals = max_goals
        self.max_priorities = max_priorities

    @property
    def reference(self) -> date:
        """'Now' for this week: today, or the week's Sunday for a week that is over."""
        return min(self.today, self.week.sunday())


class Observation(Record):
    __slots__ = ("code", "data", "params")

    def __init__(self, code: str, data: JsonObject, params: dict[str, Param] | None = None) -> None:
        self.code = code
        self.data = data
        self.params = params if params is not None else {}

    @property
    def tip(self) -> str:
        return self.code.split(".", 1)[0]

    @property
    def key(self) -> str:
        """The catalogue key; some rules pick one of a few phrasings (a 'variant')."""
        variant = self.params.get("variant")
        return f"obs.{self.code}.{variant}" if variant else f"obs.{self.code}"

    def as_json(self, message: str) -> ObservationJson:
        return {"code": self.code, "message": message, "data": self.data}


def _counts(code: str, **numbers: int) -> Observation:
    """An observation whose data and message parameters are the same few numbers."""
    return Observation(code, {**numbers}, {**numbers})


def observe(s: Snapshot) -> dict[str, list[Observation]]:
    """Observations per tip key, in tip order."""
    found: dict[str, list[Observation]] = {tip: [] for tip in TIP_KEYS}
    for rule in RULES:
        for obs in rule(s):
            found[obs.tip].append(obs)
    return found


# -- tip 1: role and mission --------------------------------------------------------------


def role_missing(s: Snapshot) -> list[Observation]:
    if s.profile.role or s.profile.mission:
        return []
    return [Observation("role.missing", {})]


def role_goal_links(s: Snapshot) -> list[Observation]:
    counted = s.plan.counted
    linked = sum(1 for p in counted if p.goal_id is not None)
    if not counted or linked == len(counted):
        return []
    return [_counts("role.goal_links", linked=linked, total=len(counted))]


def role_unclear_mandate(s: Snapshot) -> list[Observation]:
    items = [m.text for m in s.mandate if m.kind == "unclear"]
    if not items:
        return []
    return [
        Observation(
            "role.unclear_mandate",
            {"items": items},
            {"count": len(items), "items": list(items)},
        )
    ]


# -- tip 2: clear goals ----------------------------------------------------------------------


def _goals_observation(code: str, goals: list[Goal], with_id: bool = False) -> Observation:
    """Data: the goals (id, title); message: how many, their titles (the renderer quotes
    and joins them in the user's language), and for some the first goal's id."""
    params: dict[str, Param] = {"count": len(goals), "goals": [g.title for g in goals]}
    if with_id:
        params["id"] = goals[0].id
    return Observation(code, {"goals": [{"id": g.id, "title": g.title} for g in goals]}, params)


def goals_unclear(s: Snapshot) -> list[Observation]:
    unclear = [g for g in s.goals if not g.clear]
    if not unclear:
        return []
    return [_goals_observation("goals.unclear", unclear, with_id=True)]


def goals_overdue(s: Snapshot) -> list[Observation]:
    ref = s.reference.isoformat()
    overdue = [g for g in s.goals if g.due and g.due < ref]
    if not overdue:
        return []
    return [_goals_observation("goals.overdue", overdue)]


def goals_stale(s: Snapshot) -> list[Observation]:
    limit = (s.reference - timedelta(days=STALE_DAYS)).isoformat()
    stale = []
    for g in s.goals:
        last = s.last_progress.get(g.id) or g.created_at[:10]
        if last < limit:
            stale.append(g)
    if not stale:
        return []
    return [_goals_observation("goals.stale", stale, with_id=True)]


def goals_over_cap(s: Snapshot) -> list[Observation]:
    if len(s.goals) <= s.max_goals:
        return []
    return [_counts("goals.over_cap", count=len(s.goals), cap=s.max_goals)]


# -- tip 3: prioritise and plan ------------------------------------------------------------------


def plan_completion(s: Snapshot) -> list[Observation]:
    counted = s.plan.counted
    if not counted:
        return []
    trend: list[float | None] = [
        p.completion_rate if p.counted else None for p in [*s.recent_plans[-3:], s.plan]
    ]
    rate = s.plan.completion_rate
    data: JsonObject = {"done": s.plan.done, "total": len(counted), "rate": rate, "trend": trend}
    undone = len(counted) - s.plan.done
    if undone:
        code_variant = "some" if undone > 1 else "last"
    else:
        code_variant = "one" if len(counted) == 1 else "all"
    return [
        Observation(
            "plan.completion",
            data,
            {"done": s.plan.done, "total": len(counted), "undone": undone, "variant": code_variant},
        )
    ]


def plan_carried_repeatedly(s: Snapshot) -> list[Observation]:
    carried = [
        (p, s.carried_times.get(p.id, 0))
        for p in s.plan.priorities
        if s.carried_times.get(p.id, 0) >= 2
    ]
    if not carried:
        return []
    return [
        Observation(
            "plan.carried_repeatedly",
            {"priorities": [{"id": p.id, "title": p.title, "times": n} for p, n in carried]},
            {"titles": [p.title for p, _ in carried], "times": max(n for _, n in carried)},
        )
    ]


def plan_over_cap(s: Snapshot) -> list[Observation]:
    count = len(s.plan.counted)
    if count <= s.max_priorities:
        return []
    return [_counts("plan.over_cap", count=count, cap=s.max_priorities)]


def plan_no_buffer(s: Snapshot) -> list[Observation]:
    if not s.plan.priorities or s.plan.buffer_pct:
        return []
    return [Observation("plan.no_buffer", {})]


def plan_value_inversion(s: Snapshot) -> list[Observation]:
    undone = [p for p in s.plan.priorities if p.value == "high" and p.status == "planned"]
    done = [p for p in s.plan.priorities if p.value == "low" and p.status == "done"]
    if not undone or not done:
        return []
    return [
        Observation(
            "plan.value_inversion",
            {
                "undone": [{"id": p.id, "title": p.title} for p in undone],
                "done": [{"id": p.id, "title": p.title} for p in done],
            },
            {"undone": [p.title for p in undone], "done": [p.title for p in done]},
        )
    ]


# -- tip 4: feedback and ordering leadership ----------------------------------------------------


def feedback_open_old(s: Snapshot) -> list[Observation]:
    old = [
        (r, (s.reference - r.created).days)
        for r in s.requests
        if r.status == "open" and (s.reference - r.created).days > OPEN_OLD_DAYS
    ]
    if not old:
        return []
    return [
        Observation(
            "feedback.open_old",
            {"requests": [{"id": r.id, "topic": r.topic, "days": days} for r, days in old]},
            {
                "count": len(old),
                "topics": [r.topic for r, _ in old],
                "days": max(days for _, days in old),
            },
        )
    ]


def feedback_none_recent(s: Snapshot) -> list[Observation]:
    since = s.week.shift(-(RECENT_WEEKS - 1)).monday()
    if any(since <= r.created <= s.week.sunday() for r in s.requests):
        return []
    return [Observation("feedback.none_recent", {"weeks": RECENT_WEEKS}, {"weeks": RECENT_WEEKS})]


def feedback_given(s: Snapshot) -> list[Observation]:
    key = "given" if s.feedback_given else "none"
    return [
        Observation(
            "feedback.given",
            {"count": s.feedback_given},
            {"count": s.feedback_given, "variant": key},
        )
    ]


# -- tip 5: motivation and energy ---------------------------------------------------------------


def energy_level(s: Snapshot) -> list[Observation]:
    if not s.logs:
        return []
    weeks = s.week.last_n(RECENT_WEEKS)
    means = {w.week: w.mean for w in week_means([*s.recent_logs, *s.logs])}
    trend = [means.get(week) for week in weeks]
    avg = round(mean([log.level for log in s.logs]), 2)
    previous = [m for m in trend[:-1] if m is not None]
    direction = "first"  # nothing logged in the weeks before: no comparison
    if previous:
        before = sum(previous) / len(previous)
        direction = "up" if avg - before >= 0.5 else "down" if before - avg >= 0.5 else "steady"
    return [
        Observation(
            "energy.level",
            {"mean": avg, "count": len(s.logs), "trend": trend},
            {"mean": avg, "count": len(s.logs), "variant": direction},
        )
    ]


def energy_tags(s: Snapshot) -> list[Observation]:
    result = Insights.of([*s.recent_logs, *s.logs])
    found = []
    for code, tags in (
        ("energy.drainers", result.drainers),
        ("energy.energisers", result.energisers),
    ):
        if tags:
            found.append(
                Observation(
                    code,
                    {"tags": [t.as_json() for t in tags]},
                    {"tags": ", ".join(f"#{t.tag}" for t in tags)},
                )
            )
    return found


def energy_gaps(s: Snapshot) -> list[Observation]:
    if not s.logs:
        return []
    logged = {log.date for log in s.logs}
    days = [
        s.week.day(i).isoformat()
        for i in range(5)
        if s.week.day(i) <= s.reference and s.week.day(i).isoformat() not in logged
    ]
    if not days:
        return []
    return [Observation("energy.gaps", {"days": days}, {"count": len(days)})]


def energy_pulse_low(s: Snapshot) -> list[Observation]:
    pulse = s.reflection.pulse or {}
    low = [k for k in PULSE_KEYS if pulse.get(k) is not None and pulse[k] <= 2]
    if not low:
        return []
    return [Observation("energy.pulse_low", {"dimensions": low}, {"dimensions": low})]


RULES = (
    role_missing,
    role_goal_links,
    role_unclear_mandate,
    goals_unclear,
    goals_overdue,
    goals_stale,
    goals_over_cap,
    plan_completion,
    plan_carried_repeatedly,
    plan_over_cap,
    plan_no_buffer,
    plan_value_inversion,
    feedback_open_old,
    feedback_none_recent,
    feedback_given,
    energy_level,
    energy_tags,
    energy_gaps,
    energy_pulse_low,
)

# For review's highlights: the observations most worth a person's attention first.
USEFULNESS = (
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
