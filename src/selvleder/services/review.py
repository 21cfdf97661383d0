"""``review``: one row per week in the window and the most useful observations across them.

The cost follows the window, not one query set per week: the rows come from a few
queries over the whole window (plans, energy per day, reflections, request stamps);
the highlights run the coach's rules week by week from the newest back, over the same
plans plus energy logs read in spans that double, and stop as soon as no older week
can change them. A rule runs for a week only while one of its codes could still make
the highlights: not yet found in a newer week, and fewer than ``HIGHLIGHTS`` found
codes rank above it.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from datetime import date, datetime, time, timedelta

from selvleder.domain import coach
from selvleder.domain.coach import RECENT_WEEKS, USEFULNESS, Observation, Reflection, Snapshot
from selvleder.domain.dates import IsoWeek, utc_stamp
from selvleder.domain.energy import window
from selvleder.domain.models import TIP_KEYS, WeekPlan
from selvleder.domain.review import HIGHLIGHTS, RULE_CODES, Highlight, Review, WeekRow

TYPE_CHECKING = False
if TYPE_CHECKING:
    from selvleder.config import Config
    from selvleder.domain.coach import Request
    from selvleder.domain.energy import Log
    from selvleder.storage.journal import Journal

FIRST_SPAN_WEEKS = 8  # energy logs read for the highlights first; each later read doubles


def _utc_midnight(day: date) -> str:
    return utc_stamp(datetime.combine(day, time(0, 0)).astimezone())


def review(journal: Journal, weeks: int, today: date, config: Config) -> Review:
    window(weeks, today)
    # The window and the RECENT_WEEKS before it, which the coach compares with.
    span = IsoWeek.of(today).last_n(weeks + RECENT_WEEKS)
    names = [str(w) for w in span]
    with journal.read():
        reflections = journal.reflections_between(names[RECENT_WEEKS], names[-1])
        plans = journal.plans_between(names[0], names[-1])
        rows = _rows(journal, span[RECENT_WEEKS:], plans, reflections)
        highlights = _Highlights(journal, span, today, config, plans, reflections).find()
    return Review(rows, highlights)


def _rows(
    journal: Journal,
    weeks: list[IsoWeek],
    plans: dict[str, WeekPlan],
    reflections: dict[str, Reflection],
) -> list[WeekRow]:
    first_day, last_day = weeks[0].monday(), weeks[-1].sunday()
    totals = [0] * len(weeks)
    counts = [0] * len(weeks)
    for day, total, count in journal.energy_by_day(first_day.isoformat(), last_day.isoformat()):
        i = (date.fromisoformat(day) - first_day).days // 7
        totals[i] += total
        counts[i] += count
    # Requests per week: the UTC stamps of the window, cut at each local Monday midnight.
    bounds = [_utc_midnight(first_day + timedelta(weeks=i)) for i in range(len(weeks) + 1)]
    stamps = journal.request_stamps(bounds[0], bounds[-1])
    rows = []
    for i, week in enumerate(weeks):
        name = str(week)
        plan = plans.get(name)
        reflection = reflections.get(name) or Reflection()
        total, count = totals[i], counts[i]
        rows.append(
            WeekRow(
                week=name,
                completion_rate=plan.completion_rate if plan and plan.counted else None,
                carried=sum(1 for p in plan.priorities if p.status == "carried") if plan else 0,
                energy_mean=round(total / count, 2) if count else None,
                energy_count=count,
                requests=bisect_left(stamps, bounds[i + 1]) - bisect_left(stamps, bounds[i]),
                ratings={tip: reflection.ratings.get(tip) for tip in TIP_KEYS},
                pulse=reflection.pulse,
            )
        )
    return rows


RANK = {code: i for i, code in enumerate(USEFULNESS)}
# The rules that read the energy logs: other weeks' snapshots need not read them.
LOG_RULES = (coach.energy_level, coach.energy_tags, coach.energy_gaps)


class _Highlights:
    """The highlights: the coach's rules run week by week from the newest back."""

    def __init__(
        self,
        journal: Journal,
        span: list[IsoWeek],
        today: date,
        config: Config,
        plans: dict[str, WeekPlan],
        reflections: dict[str, Reflection],
    ) -> None:
        self.journal = journal
        self.span = span  # RECENT_WEEKS before the window, then the window
        self.today = today
        self.config = config
        self.plans = [plans.get(str(w)) or WeekPlan(str(w)) for w in span]
        self.reflections = reflections
        first_recent = span[1].monday()  # RECENT_WEEKS - 1 before the window's first week
        requests = journal.stamped_requests_for_coach(_utc_midnight(first_recent))
        self.request_stamps = [stamp for stamp, _ in requests]  # in order
        self.requests = [r for _, r in requests]
        self.feedback = journal.feedback_dates(
            first_recent.isoformat(), span[-1].sunday().isoformat()
        )
        self.carried = journal.carried_counts(str(span[RECENT_WEEKS]), str(span[-1]))
        self.profile = journal.profile()
        self.mandate = journal.mandate()
        self.goals = journal.goals()
        self.last_progress = journal.last_progress_dates()
        self.logs: dict[str, list[Log]] = {}  # by ISO week
        self.logs_from = span[-1].sunday() + timedelta(days=1)
        self.read_weeks = FIRST_SPAN_WEEKS

    def find(self) -> list[Highlight]:
        latest: dict[str, Highlight] = {}
        for i in range(len(self.span) - 1, RECENT_WEEKS - 1, -1):
            ranks = sorted(RANK[code] for code in latest)
            rules = [
                rule
                for rule in coach.RULES
                if any(
                    code not in latest and bisect_left(ranks, RANK[code]) < HIGHLIGHTS
                    for code in RULE_CODES[rule]
                )
            ]
            if not rules:
                break
            snapshot = self._snapshot(i, with_logs=any(rule in LOG_RULES for rule in rules))
            found: dict[str, Observation] = {}
            for rule in rules:
                for obs in rule(snapshot):
                    found[obs.code] = obs
            week = str(self.span[i])
            for code, obs in found.items():
                latest.setdefault(code, Highlight(week, obs))
        ranked = sorted(latest.values(), key=lambda h: RANK[h.observation.code])
        return ranked[:HIGHLIGHTS]

    def _snapshot(self, i: int, *, with_logs: bool) -> Snapshot:
        """What ``reflection.build_snapshot`` reads for the week ``span[i]``, from the
        window's data; without the energy logs when no rule to run reads them."""
        week = self.span[i]
        window_start = self.span[i - RECENT_WEEKS + 1].monday()
        plan = self.plans[i]
        return Snapshot(
            week=week,
            today=self.today,
            profile=self.profile,
            mandate=self.mandate,
            goals=self.goals,
            last_progress=self.last_progress,
            plan=plan,
            recent_plans=self.plans[i - RECENT_WEEKS : i],
            carried_times={p.id: self.carried.get(p.id, 0) for p in plan.priorities},
            logs=self._logs(i, i + 1) if with_logs else [],
            recent_logs=self._logs(i - RECENT_WEEKS, i) if with_logs else [],
            requests=self._requests(_utc_midnight(window_start)),
            feedback_given=bisect_right(self.feedback, week.sunday().isoformat())
            - bisect_left(self.feedback, window_start.isoformat()),
            reflection=self.reflections.get(str(week)) or Reflection(),
            max_goals=self.config.max_goals,
            max_priorities=self.config.max_priorities,
        )

    def _requests(self, since: str) -> list[Request]:
        """Open requests, and any made since then, in order (as ``requests_for_coach``)."""
        first = bisect_left(self.request_stamps, since)
        older = [r for r in self.requests[:first] if r.status == "open"]
        return older + self.requests[first:]

    def _logs(self, start: int, stop: int) -> list[Log]:
        """The energy logs of the weeks ``span[start:stop]``, oldest first; reads further
        back (in spans that double) when they are not read yet."""
        needed = self.span[start].monday()
        while needed < self.logs_from:
            begin = min(needed, self.logs_from - timedelta(weeks=self.read_weeks))
            end = self.logs_from - timedelta(days=1)
            for log in self.journal.energy_logs(begin.isoformat(), end.isoformat()):
                week = str(IsoWeek.of(date.fromisoformat(log.date)))
                self.logs.setdefault(week, []).append(log)
            self.logs_from = begin
            self.read_weeks *= 2
        return [log for w in self.span[start:stop] for log in self.logs.get(str(w), [])]
