"""Few, clear goals: the cap on active goals, clarity, progress notes."""

from __future__ import annotations

from selvleder.domain.dates import now, parse_date
from selvleder.domain.text import MAX_NOTE, optional_text, require_text

TYPE_CHECKING = False
if TYPE_CHECKING:
    from datetime import date
    from typing import NotRequired, TypedDict

    from selvleder.domain.models import Goal

    class ProgressJson(TypedDict):
        id: int
        note: str
        at: str | None
        date: str

    # ``goal list --json`` (PRODUCT.md, "JSON shapes"); ``goal show --json`` adds the rest.
    class GoalJson(TypedDict):
        id: int
        title: str
        measure: str | None
        due: str | None
        org_goal: str | None
        status: str
        clear: bool
        parent_id: int | None
        created_at: NotRequired[str | None]
        closed_at: NotRequired[str | None]
        progress: NotRequired[list[ProgressJson]]
        steps: NotRequired[list[GoalJson]]


def parse_due(text: str | None, today: date) -> str | None:
    """A due date as YYYY-MM-DD; a weekday name means the next one."""
    if text is None or not text.strip():
        return None
    return parse_date(text, today, direction="future").isoformat()


class GoalFields:
    """Validated goal fields; only the ones given are set."""

    def __init__(
        self,
        title: str | None = None,
        measure: str | None = None,
        due: str | None = None,
        org_goal: str | None = None,
    ) -> None:
        today = now().date()
        self.values: dict[str, str | None] = {}
        if title is not None:
            self.values["title"] = require_text(title, "title")
        if measure is not None:
            self.values["measure"] = optional_text(measure, "measure", MAX_NOTE)
        if due is not None:
            self.values["due"] = parse_due(due, today)
        if org_goal is not None:
            self.values["org_goal"] = optional_text(org_goal, "org-goal")


def goal_json(goal: Goal, with_progress: bool = False) -> GoalJson:
    from selvleder.domain.dates import local_stamp

    data: GoalJson = {
        "id": goal.id,
        "title": goal.title,
        "measure": goal.measure,
        "due": goal.due,
        "org_goal": goal.org_goal,
        "status": goal.status,
        "clear": goal.clear,
        "parent_id": goal.parent_id,
    }
    if with_progress:
        data["created_at"] = local_stamp(goal.created_at)
        data["closed_at"] = local_stamp(goal.closed_at)
        data["progress"] = [
            {"id": p.id, "note": p.note, "at": local_stamp(p.at), "date": p.local_date}
            for p in goal.progress
        ]
        data["steps"] = [goal_json(step) for step in goal.steps]
    return data


def tree_order(goals: list[Goal]) -> list[Goal]:
    """Each goal followed by its sub-goals among ``goals`` (by id); a sub-goal whose goal
    is not among them comes last, in id order."""
    shown = {g.id for g in goals if g.parent_id is None}
    steps: dict[int, list[Goal]] = {}
    for g in goals:
        if g.parent_id is not None and g.parent_id in shown:
            steps.setdefault(g.parent_id, []).append(g)
    ordered: list[Goal] = []
    for g in goals:
        if g.parent_id is None:
            ordered += [g, *steps.get(g.id, [])]
    return ordered + [g for g in goals if g.parent_id is not None and g.parent_id not in shown]
