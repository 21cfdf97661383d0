"""The coach: rules over one week of the journal, per self-leadership tip.

``observe(snapshot)`` is a pure function from a ``Snapshot`` (the week, the
four weeks before it, the energy logs of the 12 weeks ending with it, the
profile, mandate and goals) to observations. Each
observation has a stable ``code`` (part of the scripting interface), the
data that triggered it, and a message key with parameters; the catalogues
hold the text in nb and en: the fact from the journal, then one question or
one small step, never a judgement.

Each rule is declared once, with ``@rule`` above its function: the codes it
can give with their usefulness rank, and whether it reads the energy logs.
``RULES``, ``USEFULNESS`` and ``RANK`` are derived from those declarations.
A snapshot is cut from a ``CoachWindow`` (what the journal holds over a run
of weeks) by ``snapshot_of``, for ``reflect`` and ``review`` alike.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from datetime import date, timedelta
from itertools import pairwise

from selvleder.domain.dates import IsoWeek, utc_midnight
from selvleder.domain.energy import CLEAR_DELTA, EVIDENCE_WEEKS, MIN_LOGS, Insights, Log, Span, mean
from selvleder.domain.hints import FILL, FILL_TEXT, command
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
from selvleder.entities import field
from selvleder.i18n import message_key

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Mapping, Sequence
    from typing import TypeAlias, TypedDict

    from selvleder.message_keys import MessageKey

    # An observation's data is JSON (the scripting interface); its parameters are what
    # the message needs: numbers stay numbers, lists of titles are joined by the renderer.
    Json: TypeAlias = str | int | float | bool | Sequence["Json"] | Mapping[str, "Json"] | None
    JsonObject: TypeAlias = dict[str, Json]
    Param: TypeAlias = str | int | float | list[str] | list[tuple[str, int]]

    class ObservationJson(TypedDict):
        code: str
        message: str
        data: JsonObject


STALE_DAYS = 28
OPEN_OLD_DAYS = 7
RECENT_WEEKS = 4
# How many weeks before a CoachWindow's first week its energy logs reach: the evidence
# window of its first snapshot (weeks[RECENT_WEEKS]) starts this far back.
LOG_WEEKS_BEFORE = EVIDENCE_WEEKS - 1 - RECENT_WEEKS


class Snapshot(Record):
    """What the coach reads for one week (``snapshot_of`` cuts it from a ``CoachWindow``)."""

    week: IsoWeek
    today: date
    profile: Profile
    mandate: list[MandateItem]
    goals: list[Goal]  # active goals
    last_progress: dict[int, str]  # goal id -> latest progress date
    plan: WeekPlan
    recent_plans: list[WeekPlan]  # the 4 weeks before, oldest first
    carried_times: dict[int, int]  # priority id -> how often it has been carried over
    logs: list[Log]  # this week's energy logs
    recent_logs: list[Log]  # the 4 weeks before (energy.level compares with them)
    requests: list[Request]  # open ones, and any made in the last 4 weeks
    feedback_given: int  # in the 4 weeks ending with this week
    reflection: Reflection
    max_goals: int = 5
    max_priorities: int = 5
    feedback_asked: int = 0  # asked of colleagues or the leader, in the same 4 weeks (v6)
    # The EVIDENCE_WEEKS weeks ending with this week (this week's logs included): the
    # window of every energy claim (tags and slots).
    window_logs: list[Log] = field(default_factory=list)
    # The calendar's meeting minutes per working day (ISO date), where it was read
    # (the journal's busy_days over the evidence window), and the working day's length.
    busy: dict[str, int] = field(default_factory=dict)
    workday_minutes: int = 480

    @property
    def reference(self) -> date:
        """'Now' for this week: today, or the week's Sunday for a week that is over."""
        return min(self.today, self.week.sunday())


class CoachWindow(Record):
    """What the coach reads over a run of weeks, read once, in one transaction
    (``services.reflection.read_window``). ``snapshot_of`` cuts from it the snapshot of
    any week with RECENT_WEEKS weeks before it in the run: ``reflect`` reads the week and
    the four before it, ``review`` its whole window and the four before that."""

    weeks: list[IsoWeek]  # oldest first
    today: date
    profile: Profile
    mandate: list[MandateItem]
    goals: list[Goal]  # active goals
    last_progress: dict[int, str]  # goal id -> latest progress date
    plans: list[WeekPlan]  # one per week
    carried: dict[int, int]  # priority id -> times carried over (weeks[RECENT_WEEKS:])
    request_stamps: list[str]  # the UTC creation stamp of each request below
    requests: list[Request]  # open ones, and any made from weeks[1]'s Monday, by stamp
    feedback: list[str]  # the date of each feedback given from weeks[1]'s Monday, in order
    reflections: dict[str, Reflection]  # by week (weeks[RECENT_WEEKS:])
    # The energy logs of weeks[start:stop], by week; ``start`` may go below 0, down to
    # -LOG_WEEKS_BEFORE: the weeks before weeks[0] that the evidence window reaches.
    logs: Callable[[int, int], list[Log]]
    max_goals: int
    max_priorities: int
    feedback_asked: list[str] = field(default_factory=list)  # as ``feedback``, asked for
    busy: dict[str, int] = field(default_factory=dict)  # meeting minutes per working day
    workday_minutes: int = 480


def snapshot_of(w: CoachWindow, i: int, *, with_logs: bool = True) -> Snapshot:
    """The snapshot of the week ``w.weeks[i]`` (``i >= RECENT_WEEKS``); its energy logs
    left empty (and not read) when no rule that reads them will run."""
    week = w.weeks[i]
    since = w.weeks[i - RECENT_WEEKS + 1].monday()  # RECENT_WEEKS, ending with this week
    plan = w.plans[i]
    made_since = bisect_left(w.request_stamps, utc_midnight(since))
    return Snapshot(
        week=week,
        today=w.today,
        profile=w.profile,
        mandate=w.mandate,
        goals=w.goals,
        last_progress=w.last_progress,
        plan=plan,
        recent_plans=w.plans[i - RECENT_WEEKS : i],
        carried_times={p.id: w.carried.get(p.id, 0) for p in plan.priorities},
        logs=w.logs(i, i + 1) if with_logs else [],
        recent_logs=w.logs(i - RECENT_WEEKS, i) if with_logs else [],
        window_logs=w.logs(i - EVIDENCE_WEEKS + 1, i + 1) if with_logs else [],
        requests=[r for r in w.requests[:made_since] if r.status == "open"]
        + w.requests[made_since:],
        feedback_given=bisect_right(w.feedback, week.sunday().isoformat())
        - bisect_left(w.feedback, since.isoformat()),
        feedback_asked=bisect_right(w.feedback_asked, week.sunday().isoformat())
        - bisect_left(w.feedback_asked, since.isoformat()),
        reflection=w.reflections.get(str(week)) or Reflection(),
        max_goals=w.max_goals,
        max_priorities=w.max_priorities,
        busy=w.busy,
        workday_minutes=w.workday_minutes,
    )


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
    def key(self) -> MessageKey:
        """The catalogue key; some rules pick one of a few phrasings (a 'variant')."""
        variant = self.params.get("variant")
        return message_key(f"obs.{self.code}.{variant}" if variant else f"obs.{self.code}")

    def as_json(self, message: str) -> ObservationJson:
        return {"code": self.code, "message": message, "data": self.data}


def _counts(code: str, **numbers: int) -> Observation:
    """An observation whose data and message parameters are the same few numbers."""
    return Observation(code, {**numbers}, {**numbers})


class Rule:
    """A coach rule, declared once with ``@rule`` above its function: the codes it can
    give, each with its usefulness rank, and whether it reads the energy logs."""

    __slots__ = ("check", "codes", "reads_logs")

    def __init__(
        self,
        check: Callable[[Snapshot], list[Observation]],
        codes: dict[str, int],
        reads_logs: bool,
    ) -> None:
        self.check = check
        self.codes = codes  # code -> usefulness rank: lower ranks first in review's highlights
        self.reads_logs = reads_logs  # reads s.logs, s.recent_logs or s.window_logs

    def __call__(self, s: Snapshot) -> list[Observation]:
        return self.check(s)

    def __repr__(self) -> str:
        return f"rule {self.check.__name__}"


_declared: list[Rule] = []


def rule(
    codes: dict[str, int], *, reads_logs: bool = False
) -> Callable[[Callable[[Snapshot], list[Observation]]], Rule]:
    """Declare a coach rule: every code it can give (``tip.what``) with a usefulness rank
    no other code has; ``reads_logs`` when it reads the energy logs (``review`` leaves
    them empty for a rule that does not). The declaration order is the order of the
    observations within a tip."""
    ranks = {rank: code for r in _declared for code, rank in r.codes.items()}
    for code, rank in codes.items():
        if code.split(".", 1)[0] not in TIP_KEYS or "." not in code:
            raise ValueError(f"coach rule code {code!r} does not start with a tip key")
        if code in ranks.values():
            raise ValueError(f"coach rule code {code!r} is declared twice")
        if rank in ranks:
            raise ValueError(f"usefulness rank {rank} of {code!r} is {ranks[rank]!r}'s")
    if not codes:
        raise ValueError("a coach rule declares the codes it can give")

    def declare(check: Callable[[Snapshot], list[Observation]]) -> Rule:
        declared = Rule(check, dict(codes), reads_logs)
        _declared.append(declared)
        return declared

    return declare


def observe(s: Snapshot) -> dict[str, list[Observation]]:
    """Observations per tip key, in tip order."""
    found: dict[str, list[Observation]] = {tip: [] for tip in TIP_KEYS}
    for declared in RULES:
        for obs in declared(s):
            found[obs.tip].append(obs)
    return found


# -- tip 1: role and mission --------------------------------------------------------------


@rule({"role.missing": 160})
def role_missing(s: Snapshot) -> list[Observation]:
    if s.profile.role or s.profile.mission:
        return []
    hint = command("init", "--role", FILL_TEXT, "--mission", FILL_TEXT)
    return [Observation("role.missing", {}, {"hint": hint})]


@rule({"role.goal_links": 140})
def role_goal_links(s: Snapshot) -> list[Observation]:
    counted = s.plan.counted
    linked = sum(1 for p in counted if p.goal_id is not None)
    if not counted or linked == len(counted):
        return []
    obs = _counts("role.goal_links", linked=linked, total=len(counted))
    obs.params["unlinked"] = len(counted) - linked  # the message's pronoun agrees with it
    return [obs]


@rule({"role.unclear_mandate": 70})
def role_unclear_mandate(s: Snapshot) -> list[Observation]:
    items = [m.text for m in s.mandate if m.kind == "unclear"]
    if not items:
        return []
    hint = command("ask-leader", "--need", "clarify-mandate", "--topic", items[0])
    return [
        Observation(
            "role.unclear_mandate",
            {"items": items},
            {
                "count": len(items),
                "items": list(items),
                "hint": hint,
                "variant": "one" if len(items) == 1 else "some",
            },
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


@rule({"goals.unclear": 110})
def goals_unclear(s: Snapshot) -> list[Observation]:
    unclear = [g for g in s.goals if not g.clear]
    if not unclear:
        return []
    first = unclear[0]  # the hint asks only for what the first one lacks
    words: list[str | int] = ["goal", "edit", first.id]
    if not first.measure:
        words += ["--measure", FILL_TEXT]
    if not first.due:
        words += ["--due", FILL]
    obs = _goals_observation("goals.unclear", unclear, with_id=True)
    obs.params["hint"] = command(*words)
    obs.params["first"] = [first.title]
    missing = "both" if not (first.measure or first.due) else "due" if first.measure else "measure"
    obs.params["variant"] = missing if len(unclear) == 1 else f"{missing}.some"
    return [obs]


@rule({"goals.overdue": 60})
def goals_overdue(s: Snapshot) -> list[Observation]:
    ref = s.reference.isoformat()
    overdue = [g for g in s.goals if g.due and g.due < ref]
    if not overdue:
        return []
    return [_goals_observation("goals.overdue", overdue)]


@rule({"goals.stale": 80})
def goals_stale(s: Snapshot) -> list[Observation]:
    limit = (s.reference - timedelta(days=STALE_DAYS)).isoformat()
    stale = []
    for g in s.goals:
        last = s.last_progress.get(g.id) or g.created_at[:10]
        if last < limit:
            stale.append(g)
    if not stale:
        return []
    obs = _goals_observation("goals.stale", stale, with_id=True)
    obs.params["hint"] = command("goal", "progress", stale[0].id, FILL_TEXT)
    return [obs]


def _same_text(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


@rule({"goals.unlinked": 115})
def goals_unlinked(s: Snapshot) -> list[Observation]:
    """The seed: goals *støtter opp under virksomhetens prioriteringer*. An active goal
    whose --org-goal names none of the profile's organisation goals (case and spacing
    aside) is unlinked; silent when the profile lists no organisation goals."""
    org = s.profile.org_goals
    if not org:
        return []
    unlinked = [
        g for g in s.goals if not (g.org_goal and any(_same_text(g.org_goal, o) for o in org))
    ]
    if not unlinked:
        return []
    obs = _goals_observation("goals.unlinked", unlinked, with_id=True)
    # One organisation goal: the hint names it; several: the user fills in which.
    target = org[0] if len(org) == 1 else FILL_TEXT
    obs.params["hint"] = command("goal", "edit", unlinked[0].id, "--org-goal", target)
    obs.params["org_goals"] = list(org)
    obs.params["first"] = [unlinked[0].title]
    obs.params["variant"] = ("one" if len(org) == 1 else "several") + (
        "" if len(unlinked) == 1 else ".some"
    )
    return [obs]


@rule({"goals.over_cap": 100})
def goals_over_cap(s: Snapshot) -> list[Observation]:
    if len(s.goals) <= s.max_goals:
        return []
    return [_counts("goals.over_cap", count=len(s.goals), cap=s.max_goals)]


# -- tip 3: prioritise and plan ------------------------------------------------------------------


def week_over(s: Snapshot) -> bool:
    """The week has ended (its Sunday is past): only then does the coach look back at it."""
    return s.today > s.week.sunday()


def _rate(plan: WeekPlan) -> float | None:
    return plan.completion_rate if plan.planned_total else None


@rule({"plan.completion": 180})
def plan_completion(s: Snapshot) -> list[Observation]:
    """Done of planned (the completion rule: carried and moved away count as not done).
    A week that is not over is spoken of "so far", with a question forward; a week that
    ended with anything carried, moved away or dropped is never praised as all done."""
    plan = s.plan
    total = plan.planned_total
    if not total:
        return []
    over = week_over(s)
    trend: list[float | None] = [_rate(p) for p in [*s.recent_plans[-3:], plan]]
    data: JsonObject = {
        "done": plan.done,
        "total": total,
        "rate": plan.completion_rate,
        "trend": trend,
        "over": over,
    }
    undone = plan.undone
    if not over:
        if not undone:
            variant = "so_far_all"
        elif s.today >= s.week.day(5):
            variant = "so_far_weekend"
        elif s.today == s.week.day(4):
            variant = "so_far_friday"  # "by Friday" is today
        else:
            variant = "so_far"
    elif undone:
        variant = "some" if undone > 1 else "last"
    elif plan.slipped:
        variant = "rest_dropped"  # all it kept got done; some of it was let go
    else:
        variant = "one" if total == 1 else "all"
    return [
        Observation(
            "plan.completion",
            data,
            {"done": plan.done, "total": total, "undone": undone, "variant": variant},
        )
    ]


DECLINE_WEEKS = 4
DECLINE_MIN_PRIORITIES = 2
DECLINE_POINTS = 0.30


def _percent(rate: float) -> str:
    return f"{round(rate * 100)} %"


@rule({"plan.completion_declining": 15})
def plan_completion_declining(s: Snapshot) -> list[Observation]:
    """The last four ended weeks, each with at least two priorities, slid: each rate lower
    than the week before (three falls in a row), or the last 30 points or more below the
    first in a sustained slide (no week above the one before it, and at least two of the
    three steps down). A rise in between, or one step down between flat weeks, is the
    swing random weeks give: with 2-5 priorities done at random, "the last 30 points
    below the first" alone holds in about one week in four; as here, in one in twenty
    (tests/test_history.py measures it)."""
    # the snapshot's weeks are consecutive: the last ended ones are the newest of them
    ended = [p for p in [*s.recent_plans, s.plan] if IsoWeek.parse(p.week).sunday() < s.today]
    last = ended[-DECLINE_WEEKS:]
    if len(last) < DECLINE_WEEKS or any(p.planned_total < DECLINE_MIN_PRIORITIES for p in last):
        return []
    rates = [p.completion_rate for p in last]
    falls = sum(after < before for before, after in pairwise(rates))
    rises = sum(after > before for before, after in pairwise(rates))
    slid = not rises and falls >= 2 and rates[0] - rates[-1] >= DECLINE_POINTS - 1e-9
    if falls < DECLINE_WEEKS - 1 and not slid:
        return []
    return [
        Observation(
            "plan.completion_declining",
            {"rates": [{"week": p.week, "rate": p.completion_rate} for p in last]},
            {"rates": " → ".join(_percent(r) for r in rates)},
        )
    ]


@rule({"plan.carried_repeatedly": 10})
def plan_carried_repeatedly(s: Snapshot) -> list[Observation]:
    """Each unfinished priority whose own chain (carries and moves) has 2+ links, with its
    own count; silent for one since done, dropped or carried on (its new copy speaks)."""
    chains = [
        (p, s.carried_times.get(p.id, 0))
        for p in s.plan.priorities
        if p.status == "planned" and s.carried_times.get(p.id, 0) >= 2
    ]
    if not chains:
        return []
    params: dict[str, Param]
    if len(chains) == 1:
        ((first, times),) = chains
        params = {"title": [first.title], "times": times, "variant": "two" if times == 2 else "one"}
    else:
        params = {"chains": [(p.title, n) for p, n in chains], "variant": "some"}
    # letting it go is one answer; the hint drops the first, with the reason in the user's words
    params["hint"] = command("priority", "drop", chains[0][0].id, "--reason", FILL_TEXT)
    return [
        Observation(
            "plan.carried_repeatedly",
            {"priorities": [{"id": p.id, "title": p.title, "times": n} for p, n in chains]},
            params,
        )
    ]


@rule({"plan.over_cap": 90})
def plan_over_cap(s: Snapshot) -> list[Observation]:
    count = len(s.plan.counted)
    if count <= s.max_priorities:
        return []
    return [_counts("plan.over_cap", count=count, cap=s.max_priorities)]


@rule({"plan.no_buffer": 130})
def plan_no_buffer(s: Snapshot) -> list[Observation]:
    if not s.plan.priorities or s.plan.buffer_pct:
        return []
    return [Observation("plan.no_buffer", {})]


@rule({"plan.meeting_heavy": 95})
def plan_meeting_heavy(s: Snapshot) -> list[Observation]:
    """With a calendar: a week with meetings for at least half its working hours, or with
    more estimated work than free time (working hours - meetings - the buffer), in one
    line: "22 hours of meetings, 6 free for 11 hours of estimates"."""
    days = [s.week.day(i).isoformat() for i in range(5)]
    known = [s.busy[d] for d in days if d in s.busy]
    if not known:
        return []
    working = s.workday_minutes * len(known)
    meetings = sum(known)
    buffer = round(working * (s.plan.buffer_pct or 0) / 100)
    free = max(0, working - meetings - buffer)
    estimate = sum(p.estimate_minutes or 0 for p in s.plan.priorities if p.counts)
    if meetings * 2 < working and estimate <= free:
        return []
    data: JsonObject = {
        "meeting_minutes": meetings,
        "free_minutes": free,
        "estimate_minutes": estimate,
        "working_minutes": working,
    }
    params: dict[str, Param] = {
        "meetings": round(meetings / 60),
        "free": round(free / 60),
        "estimate": round(estimate / 60),
        "variant": "estimates" if estimate else "plain",
    }
    return [Observation("plan.meeting_heavy", data, params)]


@rule({"plan.value_inversion": 50})
def plan_value_inversion(s: Snapshot) -> list[Observation]:
    """High-value priorities not done (planned, carried, moved away or dropped) while
    low-value ones were done; for a week not over, "so far"."""
    undone = [
        (p.id, p.title)
        for p in s.plan.priorities
        if p.value == "high" and p.status in ("planned", "carried", "dropped")
    ] + [(m.id, m.title) for m in s.plan.moved_away if m.value == "high"]
    done = [(p.id, p.title) for p in s.plan.priorities if p.value == "low" and p.status == "done"]
    if not undone or not done:
        return []
    params: dict[str, Param] = {"undone": [t for _, t in undone], "done": [t for _, t in done]}
    if not week_over(s):
        params["variant"] = "so_far"
    return [
        Observation(
            "plan.value_inversion",
            {
                "undone": [{"id": i, "title": t} for i, t in undone],
                "done": [{"id": i, "title": t} for i, t in done],
            },
            params,
        )
    ]


# -- tip 4: feedback and ordering leadership ----------------------------------------------------


@rule({"feedback.open_old": 20})
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
                "hint": command("ask-leader", "--agenda"),
                "variant": "one" if len(old) == 1 else "some",
            },
        )
    ]


@rule({"feedback.none_recent": 120})
def feedback_none_recent(s: Snapshot) -> list[Observation]:
    since = s.week.shift(-(RECENT_WEEKS - 1)).monday()
    if any(since <= r.created <= s.week.sunday() for r in s.requests):
        return []
    hint = command("ask-leader", "--need", "feedback", "--topic", FILL_TEXT)
    return [
        Observation(
            "feedback.none_recent",
            {"weeks": RECENT_WEEKS},
            {"weeks": RECENT_WEEKS, "hint": hint},
        )
    ]


@rule({"feedback.given": 200})
def feedback_given(s: Snapshot) -> list[Observation]:
    key = "given" if s.feedback_given else "none"
    hint = command("feedback", "give", "--to", FILL_TEXT, FILL_TEXT)
    return [
        Observation(
            "feedback.given",
            {"count": s.feedback_given, "asked": s.feedback_asked},
            {"count": s.feedback_given, "variant": key, "hint": hint},
        )
    ]


# -- tip 5: motivation and energy ---------------------------------------------------------------


def _week_over(s: Snapshot) -> bool:
    """The week has ended: retrospective questions only then (PRODUCT.md, Weeks that are
    not over)."""
    return s.today > s.week.sunday()


@rule({"energy.level": 190}, reads_logs=True)
def energy_level(s: Snapshot) -> list[Observation]:
    """The week's logs against all logs of the 4 weeks before, pooled (each log weighs the
    same). A direction only when both sides have at least 3 logs, the difference is at
    least 0.5 (a smaller one is never called a change, however many logs) and the test
    rejects "no difference" at 0.05 (one test: no family to correct for)."""
    if not s.logs:
        return []
    levels = [log.level for log in s.logs]
    before = [log.level for log in s.recent_logs]
    avg = round(mean(levels), 1)
    before_mean = round(mean(before), 1) if before else None
    direction = "too_few"
    if len(levels) >= MIN_LOGS and len(before) >= MIN_LOGS:
        from selvleder.domain.stats import ALPHA, two_groups_p

        difference = mean(levels) - mean(before)
        changed = abs(difference) >= CLEAR_DELTA and two_groups_p(levels, before) <= ALPHA
        direction = ("higher" if difference > 0 else "lower") if changed else "same"
    data: JsonObject = {
        "mean": avg,
        "count": len(levels),
        "before_mean": before_mean,
        "before_count": len(before),
        "direction": direction,
    }
    params: dict[str, Param] = {
        "mean": avg,
        "count": len(levels),
        "before_count": len(before),
        "variant": direction if _week_over(s) else f"{direction}_so_far",
    }
    if before_mean is not None:
        params["before_mean"] = before_mean
    return [Observation("energy.level", data, params)]


@rule(
    {"energy.drainers": 40, "energy.energisers": 150, "energy.meeting_load": 45},
    reads_logs=True,
)
def energy_tags(s: Snapshot) -> list[Observation]:
    """The tags, and with a calendar the heavy-meeting days, that pass the evidence rules
    over the EVIDENCE_WEEKS weeks ending with this week: exactly ``energy insights`` over
    that window (one family of tests)."""
    span = Span.ending(s.week)
    busy = {d: m for d, m in s.busy.items() if span.first.isoformat() <= d <= span.last.isoformat()}
    result = Insights.of(s.window_logs, span, busy, s.workday_minutes)
    found = []
    for code, tags in (
        ("energy.drainers", result.drainers),
        ("energy.energisers", result.energisers),
    ):
        if tags:
            found.append(
                Observation(
                    code,
                    {"tags": [t.as_json() for t in tags], "window": span.as_json()},
                    {
                        "tags": [t.tag for t in tags],
                        "weeks": span.weeks,
                        # a week that is over: its window is named by its last week
                        "until": s.week.week if s.today > s.week.sunday() else 0,
                    },
                )
            )
    load = result.meeting_load
    if load is not None:
        evidence = load.evidence()
        found.append(
            Observation(
                "energy.meeting_load",
                {
                    "heavy": {"mean": evidence["mean"], "count": load.count},
                    "light": {"mean": evidence["mean_without"], "count": load.count_without},
                    "p": evidence["p"],
                    "window": span.as_json(),
                },
                {
                    "heavy_mean": round(load.mean, 1),
                    "light_mean": round(load.mean_without, 1),
                    "heavy_count": load.count,
                    "light_count": load.count_without,
                    "weeks": span.weeks,
                    "variant": "lower" if load.delta < 0 else "higher",
                },
            )
        )
    return found


@rule({"energy.gaps": 170}, reads_logs=True)
def energy_gaps(s: Snapshot) -> list[Observation]:
    """Workdays of the week that have passed (before today) with no log; none for a
    future week."""
    if not s.logs:
        return []
    logged = {log.date for log in s.logs}
    days = [
        s.week.day(i).isoformat()
        for i in range(5)
        if s.week.day(i) < s.today and s.week.day(i).isoformat() not in logged
    ]
    if not days:
        return []
    return [
        Observation(
            "energy.gaps",
            {"days": days},
            {"count": len(days), "variant": "one" if len(days) == 1 else "some"},
        )
    ]


# The next step for each dimension of the pulse, from the seed's model of empowered
# employees: autonomy grows with a clear handlingsrom, competence with learning,
# belonging with feedback between colleagues, meaning with tip 1 (role and mission).
PULSE_STEPS: dict[str, tuple[str, ...]] = {
    "autonomy": ("ask-leader", "--need", "clarify-mandate", "--topic", FILL_TEXT),
    "competence": ("ask-leader", "--need", "learning", "--topic", FILL_TEXT),
    "belonging": ("feedback", "give", "--to", FILL_TEXT, FILL_TEXT),
    "meaning": ("role",),
}


@rule({"energy.pulse_low": 30})
def energy_pulse_low(s: Snapshot) -> list[Observation]:
    pulse = s.reflection.pulse or {}
    low = [k for k in PULSE_KEYS if pulse.get(k) is not None and pulse[k] <= 2]
    if not low:
        return []
    steps = [command(*PULSE_STEPS[k]) for k in low]
    pairs = zip(low, steps, strict=True)
    return [
        Observation(
            "energy.pulse_low",
            {"dimensions": low, "steps": [{"dimension": k, "step": step} for k, step in pairs]},
            # the renderer gives each low dimension its sentence with its step
            {"dimensions": low, "steps": steps},
        )
    ]


# Derived from the declarations above.
RULES: tuple[Rule, ...] = tuple(_declared)
# For review's highlights: the codes, the most worth a person's attention first.
USEFULNESS: tuple[str, ...] = tuple(
    code for _, code in sorted((rank, code) for r in RULES for code, rank in r.codes.items())
)
RANK = {code: i for i, code in enumerate(USEFULNESS)}
