"""Rich view of a week's plan, and the lines printed after planning."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from selvleder.domain.dates import IsoWeek, format_duration
from selvleder.domain.models import WeekPlan
from selvleder.i18n import Messages, message_key
from selvleder.render import palette
from selvleder.render.text import rich_text

TYPE_CHECKING = False
if TYPE_CHECKING:
    from selvleder.domain.calendar import Capacity
    from selvleder.domain.planning import PlanResult

STATUS_STYLE = {"planned": "", "done": palette.GOOD, "dropped": "dim", "carried": "dim"}
_DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def week_heading(week: IsoWeek, t: Messages, *, inline: bool = False) -> str:
    """'Uke 48 (23.11.–29.11.2026)'; ``inline`` for the middle of a sentence ('uke 48')."""
    return t.week_heading(week.week, week.monday(), week.sunday(), inline)


def focus_block(when: str | None, t: Messages) -> str:
    """'wed 08:00-10:00' as 'ons 08.00–10.00' (nb) or 'Wed 08:00–10:00' (en): a
    three-letter weekday that cannot be misread ('on', 'to' could), and nb clock times."""
    if not when:
        return ""
    day, _, hours = when.partition(" ")
    if day not in _DAYS:
        return when
    hours = hours.replace("-", "–")
    if t.lang == "nb":
        hours = hours.replace(":", ".")
    return f"{t(message_key(f'weekday.abbr.{_DAYS.index(day)}'))} {hours}"


def priority_details(
    value: str | None, energy: str | None, estimate: int | None, when: str | None, t: Messages
) -> str:
    """'High value · gives energy · 3h · Tue 08:00–11:00': what a priority has besides
    its title, or '' when it has nothing."""
    details = [
        t("priority.value_is", value=t(message_key(f"priority.value.{value}"))) if value else "",
        t(message_key(f"priority.energy_is.{energy}")) if energy else "",
        format_duration(estimate) if estimate else "",
        focus_block(when, t),
    ]
    return " · ".join(d for d in details if d)


def week_view(plan: WeekPlan, cap: int, goals: dict[int, str], t: Messages) -> RenderableType:
    week = IsoWeek.parse(plan.week)
    parts: list[RenderableType] = [Text(week_heading(week, t), style="bold")]
    focus = Text().append(f"{t('week.focus')}: ", style="dim")
    focus.append_text(rich_text(plan.focus) if plan.focus else Text("–"))
    parts.append(focus)
    if not plan.priorities:
        parts.append(Text(t("week.empty"), style="italic"))
    else:
        table = Table(box=None, show_header=True, header_style="bold", pad_edge=False)
        table.add_column("#", justify="right", style="dim")
        table.add_column(t("common.id"), justify="right", style="dim")
        table.add_column(t("week.column.title"), overflow="fold", min_width=16, ratio=3)
        table.add_column(t("week.column.status"), no_wrap=True)
        if any(p.goal_id for p in plan.priorities):
            # cut to 26 columns on a terminal; whole through a pipe, so grep finds it
            from selvleder.render.terminal import unbounded

            width = None if unbounded() else 26
            table.add_column(
                t("week.column.goal"), overflow="ellipsis", no_wrap=True, max_width=width
            )
        for p in plan.priorities:
            title = rich_text(p.title, style="strike dim" if p.status == "dropped" else "")
            details = priority_details(p.value, p.energy, p.estimate_minutes, p.when, t)
            if details:
                title.append("\n" + details, style="dim")
            cells: list[RenderableType] = [
                str(p.rank),
                str(p.id),
                title,
                Text(t(message_key(f"priority.status.{p.status}")), style=STATUS_STYLE[p.status]),
            ]
            if any(q.goal_id for q in plan.priorities):
                goal = Text("")
                if p.goal_id is not None:
                    goal = Text(f"{p.goal_id} ", style="dim")
                    goal.append_text(rich_text(goals.get(p.goal_id, "")))
                cells.append(goal)
            table.add_row(*cells)
        parts.append(table)
    if plan.moved_away:
        line = Text().append(f"{t('week.moved_away')}: ", style="dim")
        for i, moved in enumerate(plan.moved_away):
            if i:
                line.append("; ")
            line.append_text(rich_text(moved.title))
            line.append(f" ({moved.id}, {t('week.moved_to', week=t.week(moved.to))})", style="dim")
        parts.append(line)
    if plan.can_wait:
        line = Text().append(f"{t('week.can_wait')}: ", style="dim")
        for i, waiting in enumerate(plan.can_wait):
            if i:
                line.append("; ")
            line.append_text(rich_text(waiting))
        parts.append(line)
    if plan.buffer_pct is None:
        parts.append(Text(t("week.no_buffer"), style="italic"))
    else:
        parts.append(Text(t("week.buffer", pct=plan.buffer_pct), style="dim"))
    parts.append(
        Text(
            t(
                "week.completion",
                done=plan.done,
                total=plan.planned_total,
                pct=round(plan.completion_rate * 100),
                cap=cap,
            ),
            style="dim",
        )
    )
    return Group(*parts)


def plan_saved_lines(result: PlanResult, week: IsoWeek, defaulted: bool, t: Messages) -> list[str]:
    lines = []
    if defaulted:
        from selvleder.domain.dates import today

        this_week = week == IsoWeek.of(today())
        lines.append(t("plan.default_this" if this_week else "plan.default_next", number=week.week))
    for title in result.skipped:
        lines.append(t("plan.skipped", title=title))
    if result.carried:
        lines.append(t("plan.carried", count=len(result.carried)))
    return lines


def _slot(slot: tuple[int, int], t: Messages) -> str:
    """A free slot as the focus blocks show their hours: '10.30–16.00' (nb), '10:30–16:00'."""
    from selvleder.domain.calendar import clock

    return focus_block(f"mon {clock(slot[0])}-{clock(slot[1])}", t).split(" ", 1)[1]


def capacity_view(capacity: Capacity, t: Messages, guided: bool = False) -> RenderableType:
    """The week against the calendar: per working day the meetings, the free time and
    the largest free slot; the week's totals; a line when the estimates do not fit."""
    parts: list[RenderableType] = [Text(t("calendar.heading"), style="bold")]
    source = Text(f"{t('calendar.source')}: ", style="dim")
    source.append_text(rich_text(capacity.source))
    parts.append(source)
    table = Table(box=None, show_header=True, header_style="bold", pad_edge=False)
    table.add_column(t("calendar.column.day"), no_wrap=True)
    table.add_column(t("calendar.column.meetings"), justify="right", no_wrap=True)
    table.add_column(t("calendar.column.free"), justify="right", no_wrap=True)
    table.add_column(t("calendar.column.largest"), no_wrap=True)
    for day in capacity.days:
        slot = day.largest_free
        name = t(message_key(f"weekday.abbr.{day.day.weekday()}"))
        table.add_row(
            f"{name} {t.short_date(day.day)}",
            format_duration(day.meeting_minutes) if day.meeting_minutes else "–",
            format_duration(day.free_minutes) if day.free_minutes else "–",
            _slot(slot, t) if slot else "–",
        )
    parts.append(table)
    # none is "0h", as the other totals are written ("0 of meetings" read as a fraction)
    meetings = format_duration(capacity.meeting_minutes) if capacity.meeting_minutes else "0h"
    free_time = format_duration(capacity.free_minutes) if capacity.free_minutes else "0h"
    # "after the buffer" only when the week has one
    free = t("calendar.free_buffer" if capacity.buffer_pct else "calendar.free", free=free_time)
    if capacity.estimate_minutes:
        said = t(
            "calendar.week",
            meetings=meetings,
            free=free,
            estimate=format_duration(capacity.estimate_minutes),
        )
    elif guided:  # the guided plan asks for the estimates itself: no flag to point at
        said = t("calendar.week_plain", meetings=meetings, free=free)
    else:
        said = t("calendar.week_no_estimates", meetings=meetings, free=free)
    parts.append(Text(said, style="dim"))
    if not capacity.fits:
        parts.append(
            Text(
                t(
                    "calendar.no_fit",
                    estimate=format_duration(capacity.estimate_minutes),
                    free=format_duration(capacity.free_minutes),
                ),
                style="italic",
            )
        )
    return Group(*parts)
