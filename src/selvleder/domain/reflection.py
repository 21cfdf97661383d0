"""The weekly reflection: gathering the snapshot, saving answers.

All reads are windowed (the week and the four before it), so the cost grows
with the window, not with the journal's history.
"""

from __future__ import annotations

from datetime import date, datetime, time

from selvleder.domain.coach import RECENT_WEEKS, Reflection, Snapshot, observe
from selvleder.domain.dates import IsoWeek, utc_stamp
from selvleder.domain.models import PULSE_KEYS, TIP_KEYS, WeekPlan
from selvleder.domain.text import MAX_NOTE, optional_text
from selvleder.errors import BadInput

TYPE_CHECKING = False
if TYPE_CHECKING:
    from selvleder.config import Config
    from selvleder.storage.journal import Journal


def _utc_midnight(day: date) -> str:
    return utc_stamp(datetime.combine(day, time(0, 0)).astimezone())


def build_snapshot(journal: Journal, week: IsoWeek, config: Config, today: date) -> Snapshot:
    first_recent = week.shift(-RECENT_WEEKS)
    with journal.read():
        plan = journal.week_plan(str(week))
        plans = journal.plans_between(str(first_recent), str(week.shift(-1)))
        recent_plans = [plans.get(str(w)) or _empty(w) for w in week.shift(-1).last_n(RECENT_WEEKS)]
        all_logs = journal.energy_logs(first_recent.monday().isoformat(), week.sunday().isoformat())
        window_start = week.shift(-(RECENT_WEEKS - 1)).monday()
        snapshot = Snapshot(
            week=week,
            today=today,
            profile=journal.profile(),
            mandate=journal.mandate(),
            goals=journal.goals(),
            last_progress=journal.last_progress_dates(),
            plan=plan,
            recent_plans=recent_plans,
            carried_times={p.id: journal.carried_chain(p.id) for p in plan.priorities},
            logs=[log for log in all_logs if log.date >= week.monday().isoformat()],
            recent_logs=[log for log in all_logs if log.date < week.monday().isoformat()],
            requests=journal.requests_for_coach(_utc_midnight(window_start)),
            feedback_given=journal.count_feedback_between(
                window_start.isoformat(), week.sunday().isoformat()
            ),
            reflection=journal.reflection(str(week)) or Reflection(),
            max_goals=config.max_goals,
            max_priorities=config.max_priorities,
        )
    return snapshot


def _empty(week: IsoWeek) -> WeekPlan:
    return WeekPlan(str(week))


def journal_is_empty(s: Snapshot) -> bool:
    """Nothing to reflect on yet: no profile, goals, plans, logs or requests."""
    return not (
        s.profile.role
        or s.profile.mission
        or s.goals
        or s.plan.priorities
        or any(p.priorities for p in s.recent_plans)
        or s.logs
        or s.recent_logs
        or s.requests
        or not s.reflection.is_empty
    )


class Answers:
    """Validated answers for one week: per tip an answer and a rating, pulse, next week."""

    def __init__(self) -> None:
        self.reflection = Reflection()

    def set_tip(self, tip: str, answer: str | None, rating: int | None) -> None:
        if tip not in TIP_KEYS:
            raise BadInput("error.answers_key", key=tip)
        if answer is not None:
            self.reflection.answers[tip] = optional_text(answer, tip, MAX_NOTE)
        if rating is not None:
            self.reflection.ratings[tip] = check_rating(rating, f"{tip}.rating")

    def set_pulse(self, key: str, value: int) -> None:
        if key not in PULSE_KEYS:
            raise BadInput("error.answers_key", key=f"pulse.{key}")
        pulse = self.reflection.pulse or {}
        pulse[key] = check_rating(value, f"pulse.{key}")
        self.reflection.pulse = pulse

    def set_next_week(self, text: str | None) -> None:
        if text is not None:
            self.reflection.next_week = optional_text(text, "next_week", MAX_NOTE)


def check_rating(value: int, key: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 5:
        raise BadInput("error.rating", key=key, value=value)
    return value


def save_answers(journal: Journal, week: IsoWeek, answers: Answers) -> None:
    with journal.write():
        journal.save_reflection(str(week), answers.reflection, utc_stamp())


def reflection_json(
    s: Snapshot, messages: dict[str, str], tips: list[dict[str, str]]
) -> dict[str, object]:
    """The ``reflect --json`` document; messages maps observation codes to text."""
    found = observe(s)
    r = s.reflection
    return {
        "week": str(s.week),
        "tips": [
            {
                "number": i + 1,
                "key": tip,
                "title": tips[i]["title"],
                "observations": [o.as_json(messages[o.code]) for o in found[tip]],
                "answer": r.answers.get(tip),
                "rating": r.ratings.get(tip),
            }
            for i, tip in enumerate(TIP_KEYS)
        ],
        "pulse": r.pulse,
        "next_week": r.next_week,
    }
