"""The everyday read commands: parse nothing, read the window asked for, render."""

from __future__ import annotations

from selvleder.context import AppContext

TYPE_CHECKING = False
if TYPE_CHECKING:
    from rich.console import RenderableType

    from selvleder.domain.coach import Observation, Snapshot
    from selvleder.i18n import Messages


def show_week(
    ctx: AppContext,
    week: str | None = None,
    json: bool = False,
    ics: str | None = None,
    force: bool = False,
    calendar: str | None = None,
) -> None:
    from selvleder.commands.calendar import capacity, check_given
    from selvleder.domain.planning import week_json
    from selvleder.domain.weeks import resolve_week
    from selvleder.services.planning import read_week

    target, _ = resolve_week(week, None)
    check_given(calendar)
    if ics:
        from selvleder.files import check_writable_target, write_private_file
        from selvleder.services.planning import week_calendar_file

        check_writable_target(ics, force=force)
        write_private_file(ics, week_calendar_file(ctx.journal(), target), force=force)
        ctx.out.say("plan.ics_written", path=ics)
        return
    plan, titles, following = read_week(ctx.journal(), target, look_ahead=week is None and not json)
    found = capacity(ctx, calendar, plan)
    if json:
        ctx.out.json({**week_json(plan), "calendar": found.as_json() if found else None})
        return
    from selvleder.render.week import capacity_view, week_view

    ctx.out.show(week_view(plan, ctx.config.max_priorities, titles, ctx.t))
    if found is not None:
        ctx.out.show(capacity_view(found, ctx.t))
    if not plan.priorities and following is not None and following.priorities:
        ctx.out.say("week.next_planned", number=target.shift(1).week)


def energy_show(ctx: AppContext, weeks: int | None = None, json: bool = False) -> None:
    from selvleder.domain.dates import today
    from selvleder.domain.energy import EnergyShow, window
    from selvleder.services.energy import show_window

    n = 4 if weeks is None else weeks
    window(n, today())  # refuse a bad --weeks before the journal is opened
    logs, profile = show_window(ctx.journal(), n, today(), with_profile=not json)
    report = EnergyShow(logs)
    if json:
        ctx.out.json(report.as_json())
        return
    assert profile is not None
    from selvleder.render.energy import energy_view

    ctx.out.show(energy_view(report, n, today(), profile, ctx.t))


def energy_insights(
    ctx: AppContext, weeks: int | None = None, json: bool = False, calendar: str | None = None
) -> None:
    from selvleder.commands.calendar import check_given, refresh
    from selvleder.domain.calendar import Workday
    from selvleder.domain.dates import today
    from selvleder.domain.energy import EVIDENCE_WEEKS, Insights, Span, window
    from selvleder.services.calendar import stored_busy_minutes
    from selvleder.services.energy import logs_in_window

    n = EVIDENCE_WEEKS if weeks is None else weeks
    first, last = window(n, today())
    check_given(calendar)
    refresh(ctx, calendar, first, last)
    busy = stored_busy_minutes(ctx.journal(), first, last)
    logs = logs_in_window(ctx.journal(), n, today())
    report = Insights.of(logs, Span(first, n), busy, Workday(ctx.config.workday).minutes)
    if json:
        ctx.out.json(report.as_json())
        return
    from selvleder.render.energy import insights_view

    ctx.out.show(insights_view(report, ctx.t))


EXPORT_KINDS = (".md", ".html", ".svg")


def reflect(
    ctx: AppContext,
    week: str | None = None,
    answers: str | None = None,
    no_input: bool = False,
    show: bool = False,
    export: str | None = None,
    force: bool = False,
    json: bool = False,
    calendar: str | None = None,
) -> None:
    from selvleder.commands.calendar import check_given, refresh
    from selvleder.context import interactive
    from selvleder.domain.dates import IsoWeek, reflect_default_week, today
    from selvleder.domain.weeks import resolve_week
    from selvleder.errors import BadInput
    from selvleder.files import check_writable_target
    from selvleder.services.reflection import build_snapshot, save_answers

    target, defaulted = resolve_week(week, reflect_default_week)
    given = None
    if answers:
        from selvleder.services.reflection import load_answers_file

        given = load_answers_file(answers)
    if export:
        if not export.lower().endswith(EXPORT_KINDS):
            raise BadInput("error.export_kind", path=export)
        check_writable_target(export, force=force)
    check_given(calendar)
    journal = ctx.journal()
    if given is not None:
        save_answers(journal, target, given)
    from selvleder.domain.energy import Span

    span = Span.ending(target)
    refresh(ctx, calendar, span.first, span.last)
    guided = not (no_input or show or json or given) and interactive()
    if defaulted and not json:
        this_week = target == IsoWeek.of(today())
        ctx.out.say(
            "reflect.default_this" if this_week else "reflect.default_last", number=target.week
        )
    snapshot = build_snapshot(journal, target, ctx.config, today())
    if show and snapshot.reflection.is_empty and not json:
        ctx.out.say("reflect.none_stored", number=target.week, week=str(target))
        return
    if guided:
        from selvleder.ui.guided_reflect import guided_reflection

        guided_reflection(ctx, snapshot)
        snapshot = build_snapshot(journal, target, ctx.config, today())
    _reflection_output(ctx, snapshot, json=json, export=export, force=force, quiet=guided)


def _reflection_output(
    ctx: AppContext,
    snapshot: Snapshot,
    *,
    json: bool,
    export: str | None,
    force: bool,
    quiet: bool,
) -> None:
    from selvleder.domain.coach import observe
    from selvleder.domain.models import TIP_KEYS
    from selvleder.domain.reflection import journal_is_empty, reflection_json
    from selvleder.render.reflection import (
        empty_view,
        observation_text,
        pulse_view,
        reflection_view,
    )
    from selvleder.render.week import week_heading

    t = ctx.t
    found = observe(snapshot)
    if json:
        messages = {o.code: observation_text(o, t) for obs in found.values() for o in obs}
        from selvleder.i18n import message_key

        titles = [t(message_key(f"tip.{tip}.title")) for tip in TIP_KEYS]
        ctx.out.json(reflection_json(snapshot, found, messages, titles))
    history = _pulse_history(ctx, snapshot)
    if journal_is_empty(snapshot):
        view = empty_view(week_heading(snapshot.week, t, inline=True), t)
    else:
        view = reflection_view(snapshot, found, history, t)
    if quiet:
        ctx.out.show(pulse_view(snapshot.reflection.pulse, history, t))
    elif not json:
        ctx.out.show(view)
    if export:
        from selvleder.files import write_private_file

        write_private_file(export, _export_bytes(export, snapshot, found, view, t), force=force)
        if not json:
            ctx.out.say("export.written", path=export)


def _pulse_history(ctx: AppContext, snapshot: Snapshot) -> list[tuple[str, dict[str, int] | None]]:
    from selvleder.services.reflection import reflections_between

    found = reflections_between(ctx.journal(), snapshot.week.shift(-3), snapshot.week.shift(-1))
    return [
        (str(w), found[str(w)].pulse if str(w) in found else None)
        for w in snapshot.week.shift(-1).last_n(3)
    ]


def _export_bytes(
    path: str,
    snapshot: Snapshot,
    found: dict[str, list[Observation]],
    view: RenderableType,
    t: Messages,
) -> bytes:
    if path.lower().endswith(".md"):
        from selvleder.export.reflection_md import reflection_markdown

        return reflection_markdown(snapshot, found, t).encode("utf-8")
    if path.lower().endswith(".svg"):
        # our own drawing: a local font stack, borders drawn on the grid (export/svg.py)
        from selvleder.export.svg import view_svg
        from selvleder.render.week import week_heading

        title = t("reflect.heading", heading=week_heading(snapshot.week, t, inline=True))
        return view_svg(view, title).encode("utf-8")
    from selvleder.export.reflection_html import reflection_html

    return reflection_html(snapshot, found, t).encode("utf-8")


def review(
    ctx: AppContext, weeks: int | None = None, json: bool = False, calendar: str | None = None
) -> None:
    from datetime import timedelta

    from selvleder.commands.calendar import check_given, refresh
    from selvleder.domain.dates import today
    from selvleder.domain.energy import EVIDENCE_WEEKS, window
    from selvleder.render.reflection import observation_text
    from selvleder.services.review import review as compute

    n = 8 if weeks is None else weeks
    first, last = window(n, today())  # refuse a bad --weeks before the journal is opened
    first -= timedelta(weeks=EVIDENCE_WEEKS - 1)  # the evidence window of the first week
    check_given(calendar)
    refresh(ctx, calendar, first, last)
    found = compute(ctx.journal(), n, today(), ctx.config)
    if json:
        ctx.out.json(found.as_json(lambda obs: observation_text(obs, ctx.t)))
        return
    from selvleder.render.review import review_view

    ctx.out.show(review_view(found, ctx.t))
