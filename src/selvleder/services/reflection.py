"""What the coach reads from the journal (for ``reflect`` and ``review``); answers saved to it.

All reads are windowed (a run of weeks, one query set for the whole run), so the
cost grows with the window, not with the journal's history.
"""

from __future__ import annotations

from datetime import date, timedelta

from selvleder.domain.coach import (
    LOG_WEEKS_BEFORE,
    RECENT_WEEKS,
    CoachWindow,
    Snapshot,
    snapshot_of,
)
from selvleder.domain.dates import IsoWeek, utc_midnight, utc_stamp
from selvleder.domain.models import WeekPlan
from selvleder.domain.reflection import Answers

TYPE_CHECKING = False
if TYPE_CHECKING:
    from selvleder.config import Config
    from selvleder.domain.coach import Reflection
    from selvleder.domain.energy import Log
    from selvleder.storage.journal import Journal


def load_answers_file(path: str) -> Answers:
    """``reflect --answers FILE.toml``: read and check the answers file."""
    from selvleder.domain.answersfile import answers_from
    from selvleder.services.portability import read_toml_file

    return answers_from(read_toml_file(path, "error.answers_syntax"))


def build_snapshot(journal: Journal, week: IsoWeek, config: Config, today: date) -> Snapshot:
    """The coach's snapshot of one week: the week and the RECENT_WEEKS before it, read at
    once (the energy logs of the evidence window, EVIDENCE_WEEKS, in one query)."""
    weeks = week.last_n(RECENT_WEEKS + 1)
    with journal.read():
        w = read_window(journal, weeks, today, config, len(weeks) + LOG_WEEKS_BEFORE)
        return snapshot_of(w, RECENT_WEEKS)


def read_window(
    journal: Journal, weeks: list[IsoWeek], today: date, config: Config, first_read: int
) -> CoachWindow:
    """What the coach reads over ``weeks`` (oldest first; the first RECENT_WEEKS only as
    the weeks before the others), one query set for the whole run; the energy logs are
    read when a snapshot first asks for them, ``first_read`` weeks back from the newest
    at first, and reach LOG_WEEKS_BEFORE weeks before ``weeks[0]`` (the evidence window
    of the first snapshot; ``WeekLogs``). Call it, and cut snapshots from it, in a read
    transaction."""
    first_recent = weeks[1].monday()  # the earliest week a snapshot counts requests from
    plans = journal.plans_between(str(weeks[0]), str(weeks[-1]))
    requests = journal.stamped_requests_for_coach(utc_midnight(first_recent))
    return CoachWindow(
        weeks=weeks,
        today=today,
        profile=journal.profile(),
        mandate=journal.mandate(),
        goals=journal.goals(steps=False),  # sub-goals are steps, not goals of their own
        last_progress=journal.last_progress_dates(),
        plans=[plans.get(str(w)) or WeekPlan(str(w)) for w in weeks],
        carried=journal.carried_counts(str(weeks[RECENT_WEEKS]), str(weeks[-1])),
        request_stamps=[stamp for stamp, _ in requests],
        requests=[request for _, request in requests],
        feedback=journal.feedback_dates(first_recent.isoformat(), weeks[-1].sunday().isoformat()),
        feedback_asked=journal.feedback_dates(
            first_recent.isoformat(), weeks[-1].sunday().isoformat(), kind="asked"
        ),
        reflections=journal.reflections_between(str(weeks[RECENT_WEEKS]), str(weeks[-1])),
        logs=WeekLogs(journal, weeks, first_read),
        max_goals=config.max_goals,
        max_priorities=config.max_priorities,
        busy={
            day: minutes
            for day, (minutes, _) in journal.busy_days(
                weeks[0].shift(-LOG_WEEKS_BEFORE).monday().isoformat(),
                weeks[-1].sunday().isoformat(),
            ).items()
        },
        workday_minutes=_workday_minutes(config),
    )


def _workday_minutes(config: Config) -> int:
    from selvleder.config import workday_minutes

    found = workday_minutes(config.workday)
    return found[1] - found[0] if found else 480


class WeekLogs:
    """The energy logs of a run of weeks, read from the newest week back as far as asked:
    ``first_read`` weeks at first, then spans that double (``review`` reads only as far
    back as its rules still need; ``reflect`` reads its evidence window in one query).
    Index 0 is ``weeks[0]``; indexes down to -LOG_WEEKS_BEFORE are the weeks before it."""

    def __init__(self, journal: Journal, weeks: list[IsoWeek], first_read: int) -> None:
        self.journal = journal
        self.before = LOG_WEEKS_BEFORE
        self.weeks = [weeks[0].shift(-k) for k in range(self.before, 0, -1)] + weeks
        self.by_week: dict[str, list[Log]] = {}
        self.read_from = weeks[-1].sunday() + timedelta(days=1)  # read: this day and on
        self.read_weeks = first_read

    def __call__(self, start: int, stop: int) -> list[Log]:
        """The logs of ``weeks[start:stop]``, oldest week first (``start`` >= -before)."""
        start, stop = max(start + self.before, 0), stop + self.before
        needed = self.weeks[start].monday()
        while needed < self.read_from:
            begin = min(needed, self.read_from - timedelta(weeks=self.read_weeks))
            end = self.read_from - timedelta(days=1)
            for log in self.journal.energy_logs(begin.isoformat(), end.isoformat()):
                week = str(IsoWeek.of(date.fromisoformat(log.date)))
                self.by_week.setdefault(week, []).append(log)
            self.read_from = begin
            self.read_weeks *= 2
        return [log for w in self.weeks[start:stop] for log in self.by_week.get(str(w), [])]


def save_answers(journal: Journal, week: IsoWeek, answers: Answers) -> None:
    with journal.write():
        journal.save_reflection(str(week), answers.reflection, utc_stamp())


def reflections_between(journal: Journal, first: IsoWeek, last: IsoWeek) -> dict[str, Reflection]:
    """The stored reflections of the weeks ``first``..``last``, by week name."""
    with journal.read():
        return journal.reflections_between(str(first), str(last))
