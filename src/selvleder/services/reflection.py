"""The reflection snapshot and review rows read from the journal; answers saved to it.

All reads are windowed (the week and the four before it), so the cost grows
with the window, not with the journal's history.
"""

from __future__ import annotations

from datetime import date, datetime, time

from selvleder.domain.coach import RECENT_WEEKS, Reflection, Snapshot
from selvleder.domain.dates import IsoWeek, utc_stamp
from selvleder.domain.models import WeekPlan
from selvleder.domain.reflection import Answers

TYPE_CHECKING = False
if TYPE_CHECKING:
    from selvleder.config import Config
    from selvleder.storage.journal import Journal


def load_answers_file(path: str) -> Answers:
    """``reflect --answers FILE.toml``: read and check the answers file."""
    from selvleder.domain.answersfile import answers_from
    from selvleder.services.portability import read_toml_file

    return answers_from(read_toml_file(path, "error.answers_syntax"))


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


def save_answers(journal: Journal, week: IsoWeek, answers: Answers) -> None:
    with journal.write():
        journal.save_reflection(str(week), answers.reflection, utc_stamp())


def reflections_between(journal: Journal, first: IsoWeek, last: IsoWeek) -> dict[str, Reflection]:
    """The stored reflections of the weeks ``first``..``last``, by week name."""
    with journal.read():
        return journal.reflections_between(str(first), str(last))
