"""``review``: one row per week in the window and the most useful observations across them.

The cost follows the window, not one query set per week: the rows come from a few
queries over the whole window (plans, energy per day, reflections, request stamps);
the highlights cut each week's snapshot from the coach's window read
(``reflection.read_window``, the same read and cut as ``reflect``) and run the rules
week by week from the newest back, only over the weeks where an observation can still
hold (``domain.review.holds_in``: the newest week for the state of the journal and
trends, the last HOLD_WEEKS for a week's own observations, the newest pulse for the
pulse). A rule runs for a week only while one of its codes could still make the
highlights: it may hold there, is not yet found in a newer week, and fewer than
``HIGHLIGHTS`` found codes rank above it. Ranked by usefulness (``coach.RANK``).
"""

from __future__ import annotations

from bisect import bisect_left
from datetime import date, timedelta

from selvleder.domain.coach import (
    RANK,
    RECENT_WEEKS,
    RULES,
    CoachWindow,
    Reflection,
    snapshot_of,
)
from selvleder.domain.dates import IsoWeek, utc_midnight
from selvleder.domain.energy import EVIDENCE_WEEKS, window
from selvleder.domain.models import TIP_KEYS
from selvleder.domain.review import HIGHLIGHTS, HOLD_WEEKS, Highlight, Review, WeekRow, holds_in
from selvleder.services.reflection import read_window

TYPE_CHECKING = False
if TYPE_CHECKING:
    from selvleder.config import Config
    from selvleder.storage.journal import Journal

# Energy logs read for the highlights first (the newest week's evidence window); each
# later read doubles.
FIRST_READ_WEEKS = EVIDENCE_WEEKS


def review(journal: Journal, weeks: int, today: date, config: Config) -> Review:
    window(weeks, today)
    # The window and the RECENT_WEEKS before it, which the coach compares with.
    span = IsoWeek.of(today).last_n(weeks + RECENT_WEEKS)
    with journal.read():
        coach_window = read_window(journal, span, today, config, FIRST_READ_WEEKS)
        rows = _rows(journal, coach_window)
        highlights = _highlights(coach_window)
    return Review(rows, highlights)


def _rows(journal: Journal, w: CoachWindow) -> list[WeekRow]:
    weeks = w.weeks[RECENT_WEEKS:]
    first_day, last_day = weeks[0].monday(), weeks[-1].sunday()
    totals = [0] * len(weeks)
    counts = [0] * len(weeks)
    for day, total, count in journal.energy_by_day(first_day.isoformat(), last_day.isoformat()):
        i = (date.fromisoformat(day) - first_day).days // 7
        totals[i] += total
        counts[i] += count
    # Requests per week: the UTC stamps of the window, cut at each local Monday midnight.
    bounds = [utc_midnight(first_day + timedelta(weeks=i)) for i in range(len(weeks) + 1)]
    stamps = journal.request_stamps(bounds[0], bounds[-1])
    rows = []
    for i, (week, plan) in enumerate(zip(weeks, w.plans[RECENT_WEEKS:], strict=True)):
        name = str(week)
        reflection = w.reflections.get(name) or Reflection()
        total, count = totals[i], counts[i]
        rows.append(
            WeekRow(
                week=name,
                completion_rate=plan.completion_rate if plan.planned_total else None,
                carried=sum(1 for p in plan.priorities if p.status == "carried"),
                moved_away=len(plan.moved_away),
                energy_mean=round(total / count, 2) if count else None,
                energy_count=count,
                requests=bisect_left(stamps, bounds[i + 1]) - bisect_left(stamps, bounds[i]),
                ratings={tip: reflection.ratings.get(tip) for tip in TIP_KEYS},
                pulse=reflection.pulse,
            )
        )
    return rows


def _highlights(w: CoachWindow) -> list[Highlight]:
    """The coach's rules run week by week from the newest back, over the weeks where an
    observation can still hold; a code's highlight is the newest week it was found in."""
    newest = len(w.weeks) - 1
    pulse_age = next(
        (
            newest - i
            for i in range(newest, RECENT_WEEKS - 1, -1)
            if (w.reflections.get(str(w.weeks[i])) or Reflection()).pulse
        ),
        None,
    )
    ages = sorted({*range(HOLD_WEEKS), *([] if pulse_age is None else [pulse_age])})
    latest: dict[str, Highlight] = {}
    for age in ages:
        i = newest - age
        if i < RECENT_WEEKS:
            break
        ranks = sorted(RANK[code] for code in latest)
        rules = [
            rule
            for rule in RULES
            if any(
                code not in latest
                and holds_in(code, age, pulse_age)
                and bisect_left(ranks, RANK[code]) < HIGHLIGHTS
                for code in rule.codes
            )
        ]
        if not rules:
            continue
        snapshot = snapshot_of(w, i, with_logs=any(rule.reads_logs for rule in rules))
        week = str(w.weeks[i])
        for rule in rules:
            for obs in rule(snapshot):
                if holds_in(obs.code, age, pulse_age):
                    latest.setdefault(obs.code, Highlight(week, obs))
    ranked = sorted(latest.values(), key=lambda h: RANK[h.observation.code])
    return ranked[:HIGHLIGHTS]
