"""The calendar for the commands that read it (plan-week, week, energy insights, reflect,
review, priority --when auto): which file, read or not, and how a bad one is said.

A calendar given with ``--calendar`` that cannot be read stops the command (exit 2, one
line naming the file and the line); one that comes from config.toml gives a warning
line on stderr and the command goes on without it.
"""

from __future__ import annotations

from selvleder.context import AppContext

TYPE_CHECKING = False
if TYPE_CHECKING:
    from datetime import date

    from selvleder.domain.calendar import Capacity
    from selvleder.domain.models import WeekPlan
    from selvleder.domain.planning import PriorityFields
    from selvleder.errors import BadInput


def check_given(given: str | None) -> None:
    """Before the journal is opened: a ``--calendar`` PATH that is not there is exit 2."""
    if given is not None:
        from selvleder.services.calendar import check_source

        check_source(given)


def _source(ctx: AppContext, given: str | None) -> str | None:
    return given if given is not None else ctx.config.calendar


def _warn(ctx: AppContext, exc: BadInput) -> None:
    ctx.out.warn(ctx.t("calendar.config_warning", detail=ctx.t(exc.key, **exc.params)))


def refresh(ctx: AppContext, given: str | None, first: date, last: date) -> bool:
    """Read the calendar (or its cache) into the journal's busy days for ``first`` to
    ``last``; False when there is no calendar or the configured one cannot be read."""
    from selvleder.errors import BadInput

    path = _source(ctx, given)
    if not path:
        return False
    from selvleder.domain.dates import today
    from selvleder.services.calendar import busy_between

    try:
        busy_between(ctx.journal(), path, first, last, ctx.config, today())
    except BadInput as exc:
        if given is not None:
            raise
        _warn(ctx, exc)
        return False
    return True


def capacity(ctx: AppContext, given: str | None, plan: WeekPlan) -> Capacity | None:
    """The week of ``plan`` against the calendar; None without one (or a bad one from
    config, after its warning line)."""
    from selvleder.errors import BadInput

    path = _source(ctx, given)
    if not path:
        return None
    from selvleder.domain.dates import today
    from selvleder.services.calendar import week_capacity

    try:
        return week_capacity(ctx.journal(), path, plan, ctx.config, today())
    except BadInput as exc:
        if given is not None:
            raise
        _warn(ctx, exc)
        return None


AUTO = "auto"


def is_auto(when: str | None) -> bool:
    return when is not None and when.strip().lower() == AUTO


def require_calendar(ctx: AppContext, given: str | None) -> None:
    """``--when auto`` needs a calendar: exit 2 with a hint, before the journal is opened."""
    from selvleder.errors import BadInput

    if not _source(ctx, given):
        raise BadInput("error.when_auto_no_calendar")
    check_given(given)


def auto_when(
    ctx: AppContext,
    given: str | None,
    week: str,
    estimate: int | None,
    priority_id: int | None = None,
) -> str:
    """``--when auto``: the focus block for a priority of ``week`` (its estimate, an hour
    without one) at the start of the week's largest free slot, around the focus blocks
    the week's other priorities have. A configured calendar that cannot be read is exit 2
    here too: there is nothing to place against."""
    from selvleder.domain.calendar import focus_minutes, place
    from selvleder.domain.dates import IsoWeek
    from selvleder.errors import BadInput
    from selvleder.services.planning import read_week

    plan, _, _ = read_week(ctx.journal(), IsoWeek.parse(week), look_ahead=False)
    path = _source(ctx, given)
    assert path is not None
    from selvleder.domain.dates import today
    from selvleder.services.calendar import week_capacity

    found = week_capacity(ctx.journal(), path, plan, ctx.config, today())
    taken = [
        block
        for p in plan.priorities
        if p.id != priority_id and p.counts
        for block in [focus_minutes(p.when)]
        if block is not None
    ]
    placed = place(found, estimate, taken)
    if placed is None:
        raise BadInput("error.when_auto_full", week=IsoWeek.parse(week).week)
    return placed


def place_auto(
    ctx: AppContext,
    given: str | None,
    fields: PriorityFields,
    *,
    week: str | None = None,
    priority_id: int | None = None,
) -> None:
    """``priority add/edit --when auto``: set ``fields``' focus block from the calendar,
    for a new priority of ``week`` or the existing priority ``priority_id`` (its week,
    and its estimate unless a new one is given)."""
    require_calendar(ctx, given)
    minutes = fields.values.get("estimate_minutes")
    if priority_id is not None:
        from selvleder.services.planning import read_priority

        current = read_priority(ctx.journal(), priority_id)
        week = current.week
        minutes = fields.values.get("estimate_minutes", current.estimate_minutes)
    assert week is not None
    estimated = minutes if isinstance(minutes, int) else None
    fields.values["when"] = auto_when(ctx, given, week, estimated, priority_id)
