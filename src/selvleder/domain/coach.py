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
from selvleder.domain.energy import Log, insights, mean
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

    def __init__(
        self, code: str, data: dict[str, object], params: dict[str, object] | None = None
    ) -> None:
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

    def as_json(self, message: str) -> dict[str, object]:
        return {"code": self.code, "message": message, "data": self.data}


def _titles(items: list[dict[str, object]], key: str = "title") -> list[str]:
    """Titles for a message; the renderer quotes and joins them in the user's language."""
    return [str(item[key]) for item in items]


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
    data: dict[str, object] = {"linked": linked, "total": len(counted)}
    return [Observation("role.goal_links", data, dict(data))]


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


def _goal_list(goals: list[Goal]) -> list[dict[str, object]]:
    return [{"id": g.id, "title": g.title} for g in goals]


def goals_unclear(s: Snapshot) -> list[Observation]:
    unclear = [g for g in s.goals if not g.clear]
    if not unclear:
        return []
    data = _goal_list(unclear)
    return [
        Observation(
            "goals.unclear",
            {"goals": data},
            {"count": len(data), "goals": _titles(data), "id": unclear[0].id},
        )
    ]


def goals_overdue(s: Snapshot) -> list[Observation]:
    ref = s.reference.isoformat()
    overdue = [g for g in s.goals if g.due and g.due < ref]
    if not overdue:
        return []
    data = _goal_list(overdue)
    return [
        Observation("goals.overdue", {"goals": data}, {"count": len(data), "goals": _titles(data)})
    ]


def goals_stale(s: Snapshot) -> list[Observation]:
    limit = (s.reference - timedelta(days=STALE_DAYS)).isoformat()
    stale = []
    for g in s.goals:
        last = s.last_progress.get(g.id) or g.created_at[:10]
        if last < limit:
            stale.append(g)
    if not stale:
        return []
    data = _goal_list(stale)
    return [
        Observation(
            "goals.stale",
            {"goals": data},
            {"count": len(data), "goals": _titles(data), "id": stale[0].id},
        )
    ]


def goals_over_cap(s: Snapshot) -> list[Observation]:
    if len(s.goals) <= s.max_goals:
        return []
    data: dict[str, object] = {"count": len(s.goals), "cap": s.max_goals}
    return [Observation("goals.over_cap", data, dict(data))]


# -- tip 3: prioritise and plan ------------------------------------------------------------------


def plan_completion(s: Snapshot) -> list[Observation]:
    counted = s.plan.counted
    if not counted:
        return []
    trend: list[float | None] = [
        p.completion_rate if p.counted else None for p in [*s.recent_plans[-3:], s.plan]
    ]
    rate = s.plan.completion_rate
    data: dict[str, object] = {
        "done": s.plan.done,
        "total": len(counted),
        "rate": rate,
        "trend": trend,
    }
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
    items = [
        {"id": p.id, "title": p.title, "times": s.carried_times.get(p.id, 0)}
        for p in s.plan.priorities
        if s.carried_times.get(p.id, 0) >= 2
    ]
    if not items:
        return []
    return [
        Observation(
            "plan.carried_repeatedly",
            {"priorities": items},
            {"titles": _titles(items), "times": max(int(str(i["times"])) for i in items)},
        )
    ]


def plan_over_cap(s: Snapshot) -> list[Observation]:
    count = len(s.plan.counted)
    if count <= s.max_priorities:
        return []
    data: dict[str, object] = {"count": count, "cap": s.max_priorities}
    return [Observation("plan.over_cap", data, dict(data))]


def plan_no_buffer(s: Snapshot) -> list[Observation]:
    if not s.plan.priorities or s.plan.buffer_pct:
        return []
    return [Observation("plan.no_buffer", {})]


def plan_value_inversion(s: Snapshot) -> list[Observation]:
    undone = [
        {"id": p.id, "title": p.title}
        for p in s.plan.priorities
        if p.value == "high" and p.status == "planned"
    ]
    done = [
        {"id": p.id, "title": p.title}
        for p in s.plan.priorities
        if p.value == "low" and p.status == "done"
    ]
    if not undone or not done:
        return []
    return [
        Observation(
            "plan.value_inversion",
            {"undone": undone, "done": done},
            {"undone": _titles(undone), "done": _titles(done)},
        )
    ]


# -- tip 4: feedback and ordering leadership ----------------------------------------------------


def feedback_open_old(s: Snapshot) -> list[Observation]:
    old = [
        {"id": r.id, "topic": r.topic, "days": (s.reference - r.created).days}
        for r in s.requests
        if r.status == "open" and (s.reference - r.created).days > OPEN_OLD_DAYS
    ]
    if not old:
        return []
    return [
        Observation(
            "feedback.open_old",
            {"requests": old},
            {
                "count": len(old),
                "topics": _titles(old, "topic"),
                "days": max(int(str(r["days"])) for r in old),
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


def _weekly_means(logs: list[Log], weeks: list[IsoWeek]) -> list[float | None]:
    by_week: dict[str, list[int]] = {}
    for log in logs:
        by_week.setdefault(str(IsoWeek.of(date.fromisoformat(log.date))), []).append(log.level)
    return [round(mean(by_week[str(w)]), 2) if str(w) in by_week else None for w in weeks]


def energy_level(s: Snapshot) -> list[Observation]:
    if not s.logs:
        return []
    weeks = s.week.last_n(RECENT_WEEKS)
    trend = _weekly_means([*s.recent_logs, *s.logs], weeks)
    avg = round(mean([log.level for log in s.logs]), 2)
    previous = [m for m in trend[:-1] if m is not None]
    direction = "first"
    if previous:
        before = sum(previous) / len(previous)
        direction = "up" if avg - before >= 0.5 else "down" if before - avg >= 0.5 else "steady"
    else:
        direction = "first"  # nothing logged in the weeks before: no comparison
    return [
        Observation(
            "energy.level",
            {"mean": avg, "count": len(s.logs), "trend": trend},
            {"mean": float(avg), "count": len(s.logs), "variant": direction},
        )
    ]


def energy_tags(s: Snapshot) -> list[Observation]:
    result = insights([*s.recent_logs, *s.logs])
    found = []
    for code, key in (("energy.drainers", "drainers"), ("energy.energisers", "energisers")):
        tags = result[key]
        assert isinstance(tags, list)
        if tags:
            found.append(
                Observation(code, {"tags": tags}, {"tags": ", ".join(f"#{t['tag']}" for t in tags)})
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
