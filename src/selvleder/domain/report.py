"""The period report's pure part: the window, what is shared, and what the journal says
about the window, computed from the records ``services.report`` reads (PRODUCT.md, The
period report). Rendered by ``export.report`` (Markdown and HTML).

Months: a week belongs to the month of its Thursday (the ISO rule that gives a week its
year), so every week is counted in exactly one month and the report's weeks are the
weeks whose Thursday lies in the window. Energy logs belong to the month of their day.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from selvleder.domain.dates import IsoWeek
from selvleder.entities import PULSE_KEYS, TIP_KEYS
from selvleder.errors import BadInput

TYPE_CHECKING = False
if TYPE_CHECKING:
    from selvleder.entities import (
        FeedbackGiven,
        Goal,
        MandateItem,
        Profile,
        Reflection,
        WeekPlan,
    )

DEFAULT_MONTHS = 12
MAX_MONTHS = 240  # twenty years: more than any journal this product has made
LOW_PULSE = 2  # a pulse dimension at 1-2 is low (as energy.pulse_low)
TOP_ITEMS = 8  # the most carried titles and can-wait titles listed


@dataclass(frozen=True, slots=True)
class Window:
    """The report's days, both ends included."""

    first: date
    last: date

    @property
    def months(self) -> list[tuple[int, int]]:
        """(year, month) of every month the window touches, oldest first."""
        found = []
        y, m = self.first.year, self.first.month
        while (y, m) <= (self.last.year, self.last.month):
            found.append((y, m))
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
        return found

    @property
    def weeks(self) -> list[IsoWeek]:
        """The ISO weeks whose Thursday lies in the window, oldest first."""
        week = IsoWeek.of(self.first)
        if thursday(week) < self.first:
            week = week.shift(1)
        found = []
        while thursday(week) <= self.last:
            found.append(week)
            week = week.shift(1)
        return found

    def holds(self, day: date) -> bool:
        return self.first <= day <= self.last


def thursday(week: IsoWeek) -> date:
    return week.monday() + timedelta(days=3)


def month_of(week: IsoWeek) -> tuple[int, int]:
    day = thursday(week)
    return day.year, day.month


def window_of(months: int | None, first: str | None, last: str | None, today: date) -> Window:
    """``--months N`` (this month and the N-1 before it, to today) or ``--from/--to``
    (dates as everywhere else); bad input is BadInput, before the journal is opened."""
    from selvleder.domain.dates import parse_date

    if months is not None and (first or last):
        raise BadInput("error.report_window_both")
    if first or last:
        if not (first and last):
            raise BadInput("error.report_window_half")
        start, end = parse_date(first, today), parse_date(last, today)
        if start > end:
            raise BadInput("error.report_window_order", first=first, last=last)
        return Window(start, end)
    n = DEFAULT_MONTHS if months is None else months
    if not 1 <= n <= MAX_MONTHS:
        raise BadInput("error.report_months", value=n, most=MAX_MONTHS)
    index = today.year * 12 + today.month - 1 - (n - 1)
    return Window(date(index // 12, index % 12 + 1, 1), today)


@dataclass(frozen=True, slots=True)
class Sharing:
    """What private parts go in: ``--share-notes`` implies ``--share-energy``."""

    energy: bool = False
    notes: bool = False
    reflections: bool = False

    @classmethod
    def of(cls, energy: bool, notes: bool, reflections: bool) -> Sharing:
        return cls(energy or notes, notes, reflections)


@dataclass(slots=True)
class ReportInput:
    """What ``services.report.read_report`` reads for a window, in one transaction."""

    window: Window
    today: date
    profile: Profile
    mandate: list[MandateItem]
    goals: list[Goal]  # every goal, with its progress notes
    plans: dict[str, WeekPlan]  # the window's weeks that have a plan
    requests: list[RequestItem]  # every request, oldest first
    feedback: list[FeedbackGiven]  # every piece, newest first
    energy_days: list[tuple[str, int, int]]  # (date, sum, count) in the window
    reflections: dict[str, Reflection]  # the window's weeks
    notes: list[tuple[str, int, str]]  # (date, level, note) in the window, when shared


@dataclass(frozen=True, slots=True)
class RequestItem:
    id: int
    need: str
    topic: str
    questions: list[str]
    status: str
    created: date
    answered: date | None
    closed: date | None
    note: str | None


@dataclass(slots=True)
class MonthRow:
    """One month of the weeks: the honest rule pooled over its weeks."""

    year: int
    month: int
    weeks: int = 0  # weeks with something planned that counts
    done: int = 0
    total: int = 0  # planned + done + carried + moved away
    carried: int = 0
    moved: int = 0
    dropped: int = 0
    can_wait: int = 0

    @property
    def rate(self) -> float | None:
        return round(self.done / self.total, 4) if self.total else None


@dataclass(slots=True)
class EnergyMonth:
    year: int
    month: int
    total: int = 0
    count: int = 0
    pulse: dict[str, list[int]] = field(default_factory=dict)  # dimension -> the readings

    @property
    def mean(self) -> float | None:
        return self.total / self.count if self.count else None  # rounded where shown

    def pulse_mean(self, key: str) -> float | None:
        values = self.pulse.get(key) or []
        return sum(values) / len(values) if values else None


@dataclass(slots=True)
class Report:
    window: Window
    sharing: Sharing
    profile: Profile
    mandate: list[MandateItem]
    reached: list[Goal]
    dropped: list[Goal]
    open: list[Goal]
    months: list[MonthRow]
    carried: list[tuple[str, int]]  # title, weeks it was carried out of
    waited: list[tuple[str, int]]  # can-wait title, weeks it was named
    dropped_priorities: int
    requests: list[RequestItem]
    given: list[FeedbackGiven]
    asked: list[FeedbackGiven]
    learning: list[RequestItem]
    energy: list[EnergyMonth] | None  # None: not shared
    notes: list[tuple[str, int, str]] | None  # (date, level, note)
    reflections: list[tuple[str, Reflection]] | None
    open_requests: list[RequestItem]
    unclear: list[MandateItem]
    low_pulse: list[tuple[str, int, str]] | None  # dimension, latest reading, its week

    @property
    def done(self) -> int:
        return sum(m.done for m in self.months)

    @property
    def total(self) -> int:
        return sum(m.total for m in self.months)

    @property
    def rate(self) -> float | None:
        return round(self.done / self.total, 4) if self.total else None

    @property
    def planned_weeks(self) -> int:
        return sum(m.weeks for m in self.months)

    @property
    def has_questions(self) -> bool:
        return bool(self.open_requests or self.unclear or self.low_pulse)


def _day(stamp: str | None) -> date | None:
    """A stored UTC stamp as the local date it fell on."""
    if not stamp:
        return None
    from datetime import datetime

    return datetime.fromisoformat(stamp).astimezone().date()


def _goal_in_window(goal: Goal, w: Window) -> Goal:
    """The goal with only the progress notes of the window (its steps likewise)."""
    goal.progress = [p for p in goal.progress if w.holds(date.fromisoformat(p.local_date))]
    for step in goal.steps:
        _goal_in_window(step, w)
    return goal


def _ranked(counts: dict[str, int]) -> list[tuple[str, int]]:
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:TOP_ITEMS]


def build_report(data: ReportInput, sharing: Sharing) -> Report:
    w = data.window
    goals = {g.id: g for g in data.goals}
    for g in data.goals:
        g.steps = []
    for g in data.goals:
        if g.parent_id is not None and g.parent_id in goals:
            goals[g.parent_id].steps.append(g)
    top = [g for g in data.goals if g.parent_id is None or g.parent_id not in goals]
    reached: list[Goal] = []
    dropped: list[Goal] = []
    open_: list[Goal] = []
    for g in top:
        closed = _day(g.closed_at)
        created = _day(g.created_at)
        if g.status != "active" and closed is not None and w.holds(closed):
            (reached if g.status == "done" else dropped).append(_goal_in_window(g, w))
        elif (created is None or created <= w.last) and (
            g.status == "active" or (closed is not None and closed > w.last)
        ):
            # open at the window's end: still active, or closed only after the window (a
            # goal worked on in the first half-year and reached in the autumn belongs in
            # the first half-year's report)
            open_.append(_goal_in_window(g, w))

    weeks = w.weeks
    months = {(y, m): MonthRow(y, m) for y, m in w.months}
    carried: dict[str, int] = {}
    waited: dict[str, int] = {}
    dropped_priorities = 0
    for week in weeks:
        plan = data.plans.get(str(week))
        if plan is None:
            continue
        row = months[month_of(week)]
        if plan.planned_total:
            row.weeks += 1
        row.done += plan.done
        row.total += plan.planned_total
        row.moved += len(plan.moved_away)
        row.can_wait += len(plan.can_wait)
        for p in plan.priorities:
            if p.status == "carried":
                row.carried += 1
                carried[p.title] = carried.get(p.title, 0) + 1
            elif p.status == "dropped":
                row.dropped += 1
                dropped_priorities += 1
        for title in plan.can_wait:
            waited[title] = waited.get(title, 0) + 1

    requests = [r for r in data.requests if w.holds(r.created)]
    feedback = [f for f in reversed(data.feedback) if w.holds(date.fromisoformat(f.local_date))]
    energy = notes = reflections = low_pulse = None
    if sharing.energy:
        by_month = {(y, m): EnergyMonth(y, m) for y, m in w.months}
        for day, total, count in data.energy_days:
            month = by_month.get((int(day[:4]), int(day[5:7])))
            if month is not None:
                month.total += total
                month.count += count
        latest: dict[str, tuple[int, str]] = {}
        for week in weeks:
            reflection = data.reflections.get(str(week))
            if reflection is None or not reflection.pulse:
                continue
            month = by_month[month_of(week)]
            for key, value in reflection.pulse.items():
                month.pulse.setdefault(key, []).append(value)
                latest[key] = (value, str(week))
        energy = list(by_month.values())
        low_pulse = [
            (key, latest[key][0], latest[key][1])
            for key in PULSE_KEYS
            if key in latest and latest[key][0] <= LOW_PULSE
        ]
    if sharing.notes:
        notes = list(data.notes)
    if sharing.reflections:
        reflections = [
            (str(week), data.reflections[str(week)])
            for week in weeks
            if str(week) in data.reflections and _has_words(data.reflections[str(week)])
        ]
    return Report(
        window=w,
        sharing=sharing,
        profile=data.profile,
        mandate=data.mandate,
        reached=reached,
        dropped=dropped,
        open=open_,
        months=list(months.values()),
        carried=_ranked(carried),
        waited=_ranked(waited),
        dropped_priorities=dropped_priorities,
        requests=requests,
        given=[f for f in feedback if f.kind == "given"],
        asked=[f for f in feedback if f.kind == "asked"],
        learning=[r for r in requests if r.need == "learning"],
        energy=energy,
        notes=notes,
        reflections=reflections,
        open_requests=[r for r in data.requests if r.status == "open" and r.created <= w.last],
        unclear=[m for m in data.mandate if m.kind == "unclear"],
        low_pulse=low_pulse,
    )


def _has_words(r: Reflection) -> bool:
    return any(r.answers.get(tip) for tip in TIP_KEYS) or bool(r.next_week)
