"""The calendar step of the guided ``plan-week``: the week's capacity before the
priorities are asked for, and the largest free slots offered as focus blocks.

One call from ``ui.guided_plan``; without a calendar it shows nothing.
"""

from __future__ import annotations

from selvleder.context import AppContext

TYPE_CHECKING = False
if TYPE_CHECKING:
    from selvleder.domain.calendar import Capacity
    from selvleder.domain.models import WeekPlan

OFFERED = 3


def guided_calendar(ctx: AppContext, plan: WeekPlan) -> Capacity | None:
    """Show the week's capacity and its largest free slots; the capacity, for the focus
    block question's ``auto`` answer (None without a calendar)."""
    from selvleder.domain.dates import today
    from selvleder.errors import BadInput
    from selvleder.services.calendar import week_capacity

    path = ctx.calendar_option or ctx.config.calendar
    if not path:
        return None
    try:
        found = week_capacity(ctx.journal(), path, plan, ctx.config, today())
    except BadInput as exc:
        if ctx.calendar_option:
            raise
        ctx.out.warn(ctx.t("calendar.config_warning", detail=ctx.t(exc.key, **exc.params)))
        return None
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
        from selvleder.render import guided

        said = ctx.t("guided.plan.free_slots", slots=ctx.t.listed(blocks))
        ctx.out.show(guided.coach(said, indent=""))  # a coach hint, wrapped between words
    return found


class AutoWhen:
    """The focus block question's ``auto`` answer: the largest free slot of the week that
    neither a meeting nor another focus block (saved, or chosen earlier in this flow)
    takes, as long as the priority's estimate (an hour without one)."""

    __slots__ = ("capacity", "taken")

    def __init__(self, capacity: Capacity, plan: WeekPlan) -> None:
        from selvleder.domain.calendar import focus_minutes

        self.capacity = capacity
        self.taken = [
            block
            for p in plan.priorities
            if p.counts
            for block in [focus_minutes(p.when)]
            if block is not None
        ]

    def place(self, minutes: int | None) -> str:
        from selvleder.domain.calendar import place
        from selvleder.errors import BadInput

        placed = place(self.capacity, minutes, self.taken)
        if placed is None:
            raise BadInput("guided.plan.when_full")
        return placed

    def took(self, when: str) -> None:
        from selvleder.domain.calendar import focus_minutes

        block = focus_minutes(when)
        if block is not None:
            self.taken.append(block)
