"""The calendar step of the guided ``plan-week``: the week's capacity before the
priorities are asked for, and the largest free slots offered as focus blocks.

One call from ``ui.guided_plan``; without a calendar it shows nothing.
"""

from __future__ import annotations

from selvleder.context import AppContext

TYPE_CHECKING = False
if TYPE_CHECKING:
    from selvleder.domain.models import WeekPlan

OFFERED = 3


def guided_calendar(ctx: AppContext, plan: WeekPlan) -> None:
    from selvleder.domain.dates import today
    from selvleder.errors import BadInput
    from selvleder.services.calendar import week_capacity

    path = ctx.calendar_option or ctx.config.calendar
    if not path:
        return
    try:
        found = week_capacity(ctx.journal(), path, plan, ctx.config, today())
    except BadInput as exc:
        if ctx.calendar_option:
            raise
        ctx.out.warn(ctx.t("calendar.config_warning", detail=ctx.t(exc.key, **exc.params)))
        return
    from selvleder.domain.calendar import WEEKDAY_NAMES, clock
    from selvleder.render.week import capacity_view, focus_block

    ctx.out.line()
    ctx.out.show(capacity_view(found, ctx.t, guided=True))
    slots = sorted(
        (
            (slot[1] - slot[0], day.day.weekday(), slot)
            for day in found.days
            for slot in day.free
            if slot[1] - slot[0] >= 60
        ),
        key=lambda item: (-item[0], item[1]),
    )[:OFFERED]
    if slots:
        blocks = [
            focus_block(f"{WEEKDAY_NAMES[weekday]} {clock(s)}-{clock(e)}", ctx.t)
            for _, weekday, (s, e) in sorted(slots, key=lambda item: (item[1], item[2]))
        ]
        ctx.out.say("guided.plan.free_slots", slots=ctx.t.listed(blocks))
