"""``report``: what the period report reads, in one read transaction. The cost follows the
window (plans, energy per day, reflections and notes by their week and date indexes);
goals, requests, feedback and the handlingsrom are read whole, as they are few."""

from __future__ import annotations

import json
from datetime import date, datetime

from selvleder.domain.report import ReportInput, RequestItem, Sharing, Window

TYPE_CHECKING = False
if TYPE_CHECKING:
    from selvleder.storage.journal import Journal


def _local_day(stamp: object) -> date | None:
    return datetime.fromisoformat(str(stamp)).astimezone().date() if stamp else None


def read_report(journal: Journal, window: Window, sharing: Sharing, today: date) -> ReportInput:
    weeks = window.weeks
    first_week, last_week = (str(weeks[0]), str(weeks[-1])) if weeks else ("", "")
    first_day, last_day = window.first.isoformat(), window.last.isoformat()
    with journal.read():
        requests = []
        for r in journal.requests():
            created = _local_day(r["created_at"])
            assert created is not None
            requests.append(
                RequestItem(
                    id=int(r["id"]),
                    need=str(r["need"]),
                    topic=str(r["topic"]),
                    questions=[str(q) for q in json.loads(str(r["questions"] or "[]"))],
                    status=str(r["status"]),
                    created=created,
                    answered=_local_day(r["answered_at"]),
                    closed=_local_day(r["closed_at"]),
                    note=None if r["note"] is None else str(r["note"]),
                )
            )
        return ReportInput(
            window=window,
            today=today,
            profile=journal.profile(),
            mandate=journal.mandate(),
            goals=journal.goals(include_closed=True, with_progress=True),
            plans=journal.plans_between(first_week, last_week) if weeks else {},
            requests=requests,
            feedback=journal.feedback(),
            energy_days=journal.energy_by_day(first_day, last_day) if sharing.energy else [],
            reflections=(
                journal.reflections_between(first_week, last_week)
                if weeks and (sharing.energy or sharing.reflections)
                else {}
            ),
            notes=journal.energy_notes(first_day, last_day) if sharing.notes else [],
        )
