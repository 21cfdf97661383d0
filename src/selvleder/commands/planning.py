"""The body of ``plan-week``: flags or a plan file, or the guided flow, then the plan."""

from __future__ import annotations

from selvleder.context import AppContext


def plan_week(
    ctx: AppContext,
    week: str | None,
    priorities: list[str],
    can_wait: list[str] | None,
    focus: str | None,
    buffer: int | None,
    carry: bool,
    plan_file: str | None,
    ics: str | None,
    force: bool,
    calendar: str | None = None,
) -> None:
    from selvleder.domain.dates import plan_default_week
    from selvleder.domain.planning import PlanInput, PriorityFields
    from selvleder.domain.weeks import resolve_week
    from selvleder.files import check_writable_target
    from selvleder.services.planning import plan_week as save_plan

    # Everything given is checked before the journal is opened.
    request = PlanInput([PriorityFields(title=p) for p in priorities], can_wait, focus, buffer)
    if plan_file:
        from selvleder.services.planning import load_plan_file

        request = load_plan_file(plan_file).merged_with(request)
    if ics:
        check_writable_target(ics, force=force)
    target, defaulted = resolve_week(week or request.week, plan_default_week)
    from selvleder.commands.calendar import capacity, check_given

    check_given(calendar)
    ctx.calendar_option = calendar
    if not request.priorities and not plan_file:
        from selvleder.ui.prompts import require_terminal

        require_terminal("-p/--priority, --from FILE.toml")
        from selvleder.ui.guided_plan import guided_plan

        result = guided_plan(ctx, target, defaulted, request)
    else:
        result = save_plan(ctx.journal(), target, request, ctx.config.max_priorities, carry=carry)
        from selvleder.render.week import plan_saved_lines

        for line in plan_saved_lines(result, target, defaulted, ctx.t):
            ctx.out.line(line)
    from selvleder.render.week import week_view
    from selvleder.services.goals import read_goal_titles

    titles = read_goal_titles(ctx.journal())
    ctx.out.show(week_view(result.plan, ctx.config.max_priorities, titles, ctx.t))
    found = capacity(ctx, calendar, result.plan)
    if found is not None:
        from selvleder.render.week import capacity_view

        ctx.out.show(capacity_view(found, ctx.t))
    if ics:
        from selvleder.files import write_private_file
        from selvleder.services.planning import week_calendar_file

        write_private_file(ics, week_calendar_file(ctx.journal(), target), force=force)
        ctx.out.say("plan.ics_written", path=ics)
