"""Goals in the journal: add, edit, show, progress and close, each in one transaction."""

from __future__ import annotations

from selvleder.domain.dates import now, utc_stamp
from selvleder.domain.goals import GoalFields
from selvleder.domain.text import MAX_NOTE, check_id, require_text
from selvleder.errors import BadInput

TYPE_CHECKING = False
if TYPE_CHECKING:
    from selvleder.domain.models import Goal
    from selvleder.storage.journal import Journal


def _existing(journal: Journal, goal_id: int) -> Goal:
    check_id(goal_id, "goal")
    goal = journal.goal(goal_id)
    if goal is None:
        raise BadInput("error.goal_unknown", id=goal_id)
    return goal


def add_goal(journal: Journal, fields: GoalFields, cap: int, under: int | None = None) -> int:
    """A new active goal, or (``under``) a sub-goal of an active top-level goal: a step,
    which does not count toward the cap."""
    if under is not None:
        check_id(under, "goal")
    with journal.write():
        if under is None:
            active = journal.count_active_goals()
            if active >= cap:
                raise BadInput("error.goal_cap", count=active, cap=cap)
        else:
            parent = _existing(journal, under)
            if parent.parent_id is not None:
                raise BadInput("error.goal_step_nested", id=under, parent=parent.parent_id)
            if parent.status != "active":
                raise BadInput("error.goal_parent_closed", id=under)
        v = fields.values
        return journal.add_goal(
            v["title"] or "",
            v.get("measure"),
            v.get("due"),
            v.get("org_goal"),
            utc_stamp(),
            parent_id=under,
        )


def edit_goal(journal: Journal, goal_id: int, fields: GoalFields) -> Goal:
    if not fields.values:
        raise BadInput("error.nothing_to_edit")
    with journal.write():
        _existing(journal, goal_id)
        journal.edit_goal(goal_id, fields.values)
        return _existing(journal, goal_id)


def goal_titles(journal: Journal) -> dict[int, str]:
    """Every goal's title by id, closed goals too (call inside a transaction)."""
    return {g.id: g.title for g in journal.goals(include_closed=True)}


def read_goal_titles(journal: Journal) -> dict[int, str]:
    with journal.read():
        return goal_titles(journal)


def list_goals(journal: Journal, include_closed: bool) -> tuple[list[Goal], dict[int, str]]:
    """``goal list``: the goals, each followed by its sub-goals, and the date of each
    one's last progress note."""
    from selvleder.domain.goals import tree_order

    with journal.read():
        return (
            tree_order(journal.goals(include_closed=include_closed)),
            journal.last_progress_dates(include_closed=include_closed),
        )


def show_goal(journal: Journal, goal_id: int) -> Goal:
    """The goal with its progress notes and its steps."""
    with journal.read():
        goal = _existing(journal, goal_id)
        goal.steps = journal.steps(goal_id)
        return goal


def add_progress(journal: Journal, goal_id: int, note: str) -> Goal:
    text = require_text(note, "note", MAX_NOTE)
    moment = now()
    with journal.write():
        goal = _existing(journal, goal_id)
        journal.add_progress(goal_id, text, utc_stamp(moment), moment.date().isoformat())
        return goal


def close_goal(journal: Journal, goal_id: int, status: str, cap: int) -> tuple[Goal, Goal | None]:
    """done / dropped, or back to active (reopen counts toward the cap, a step's does
    not); a sub-goal's goal comes back too, with its steps."""
    with journal.write():
        goal = _existing(journal, goal_id)
        if status == "active" and goal.status != "active" and not goal.is_step:
            active = journal.count_active_goals()
            if active >= cap:
                raise BadInput("error.goal_cap", count=active, cap=cap)
        journal.set_goal_status(goal_id, status, None if status == "active" else utc_stamp())
        parent = None
        if goal.parent_id is not None:
            parent = journal.goal(goal.parent_id)
            if parent is not None:
                parent.steps = journal.steps(parent.id)
        return _existing(journal, goal_id), parent
