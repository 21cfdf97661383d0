"""Rich views of goals: the list with clarity and progress, one goal with its notes."""

from __future__ import annotations

from datetime import date

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from selvleder.domain.models import Goal
from selvleder.i18n import Messages, message_key
from selvleder.render import palette
from selvleder.render.text import rich_text


def _date(value: str | None, t: Messages) -> str:
    return t.date(date.fromisoformat(value)) if value else "–"


def goals_table(goals: list[Goal], last: dict[int, str], cap: int, t: Messages) -> RenderableType:
    if not goals:
        return Text(t("goal.empty"), style="italic")
    table = Table(show_header=True, header_style="bold", box=None, pad_edge=False)
    table.add_column(t("common.id"), justify="right", style="dim")
    table.add_column(t("goal.column.title"), overflow="fold", ratio=3)
    table.add_column(t("goal.column.measure"), overflow="fold", ratio=2)
    table.add_column(t("goal.column.due"), no_wrap=True)
    table.add_column(t("goal.column.status"), no_wrap=True)
    table.add_column(t("goal.column.progress"), no_wrap=True)
    active = 0
    shown = {g.id for g in goals}
    for goal in goals:  # each goal followed by its steps (services.goals.list_goals)
        active += goal.status == "active" and not goal.is_step
        status = t(message_key(f"goal.status.{goal.status}"))
        flagged = goal.status == "active" and not goal.clear and not goal.is_step
        if flagged:
            status = t("goal.status.unclear")
        title = rich_text(goal.title)
        if goal.parent_id in shown:  # a sub-goal, shown under its goal
            title = Text("↳ ", style="dim") + title
        elif goal.parent_id is not None:  # its goal is closed: say whose step it is
            parent = t("goal.parent_ref", id=goal.parent_id)
            title.append(f"  ({t('goal.column.parent')}: {parent})", style="dim")
        table.add_row(
            str(goal.id),
            title,
            rich_text(goal.measure) if goal.measure else Text("–", style="dim"),
            _date(goal.due, t),
            Text(status, style=palette.ATTENTION if flagged else ""),
            _date(last.get(goal.id), t),
        )
    footer = Text(t("goal.count", active=active, cap=cap), style="dim")
    unclear = [g for g in goals if g.status == "active" and not g.clear and not g.is_step]
    parts: list[RenderableType] = [table, footer]
    if unclear:
        parts.append(Text(t("goal.unclear_footer", count=len(unclear)), style="italic"))
    return Group(*parts)


def goal_view(goal: Goal, t: Messages) -> RenderableType:
    title = Text(f"{t('goal.heading')} {goal.id}: ", style="bold")
    title.append_text(rich_text(goal.title, style="bold"))
    lines: list[RenderableType] = [title]
    fields: list[tuple[str, str | None]] = []
    if goal.parent_id is not None:
        fields.append((t("goal.column.parent"), t("goal.parent_ref", id=goal.parent_id)))
    for label, value in [
        *fields,
        (t("goal.column.measure"), goal.measure),
        (t("goal.column.due"), _date(goal.due, t) if goal.due else None),
        (t("goal.column.org_goal"), goal.org_goal),
        (t("goal.column.status"), t(message_key(f"goal.status.{goal.status}"))),
    ]:
        line = Text().append(f"  {label}: ", style="dim")
        line.append_text(rich_text(value) if value else Text("–"))
        lines.append(line)
    if goal.status == "active" and not goal.clear and not goal.is_step:
        lines.append(Text(t("goal.unclear_hint", id=goal.id), style="italic"))
    if not goal.is_step:
        lines += [Text(""), *steps_lines(goal, t)]
    lines.append(Text(""))
    lines.append(Text(t("goal.progress_heading"), style="bold"))
    if not goal.progress:
        lines.append(Text(t("goal.no_progress", id=goal.id), style="italic"))
    for note in goal.progress:
        line = Text(f"  {_date(note.local_date, t)}  ", style="dim")
        line.append_text(rich_text(note.note))
        lines.append(line)
    return Group(*lines)


def steps_done(goal: Goal, t: Messages) -> str:
    """'2 of 3 steps done' (a dropped step counts in neither)."""
    done, total = goal.steps_counted
    if total == 1:
        return t("goal.steps_done.one", done=done, total=total)
    return t("goal.steps_done.other", done=done, total=total)


def steps_lines(goal: Goal, t: Messages) -> list[RenderableType]:
    """A goal's sub-goals, each with its status, and how many are done."""
    heading = Text(t("goal.steps_heading"), style="bold")
    if not goal.steps:
        return [heading, Text(t("goal.no_steps", id=goal.id), style="italic")]
    lines: list[RenderableType] = [heading]
    for step in goal.steps:
        mark = {"done": "✓", "dropped": "–"}.get(step.status, "·")
        line = Text(f"  {mark} {step.id}  ", style="dim")
        line.append_text(rich_text(step.title))
        if step.status != "active":
            line.append(f"  ({t(message_key(f'goal.status.{step.status}'))})", style="dim")
        lines.append(line)
    lines.append(Text(f"  {steps_done(goal, t)}", style="dim"))
    return lines
