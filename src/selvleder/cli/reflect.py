"""``reflect`` (the weekly reflection on the five tips) and ``review`` (several weeks)."""

from typing import Annotated

import typer

from selvleder.i18n import Messages

EXPORT_KINDS = (".md", ".html", ".svg")


def register(app: typer.Typer, t: Messages) -> None:
    @app.command(help=t("help.reflect"), epilog=t("help.reflect.example"))
    def reflect(
        week: Annotated[
            str | None, typer.Option("--week", metavar="W", help=t("help.opt.week"))
        ] = None,
        answers: Annotated[
            str | None,
            typer.Option("--answers", metavar="FILE.toml", help=t("help.opt.answers")),
        ] = None,
        no_input: Annotated[
            bool, typer.Option("--no-input", help=t("help.opt.reflect_no_input"))
        ] = False,
        show: Annotated[bool, typer.Option("--show", help=t("help.opt.show"))] = False,
        export: Annotated[
            str | None,
            typer.Option("--export", metavar="FILE.md|.html|.svg", help=t("help.opt.export")),
        ] = None,
        force: Annotated[bool, typer.Option("--force", help=t("help.opt.force"))] = False,
        json: Annotated[bool, typer.Option("--json", help=t("help.opt.json"))] = False,
    ) -> None:
        from selvleder.cli import app_context
        from selvleder.cli.context import interactive
        from selvleder.domain.dates import reflect_default_week, today
        from selvleder.domain.reflection import build_snapshot, save_answers
        from selvleder.domain.weeks import resolve_week
        from selvleder.errors import BadInput
        from selvleder.files import check_writable_target

        target, defaulted = resolve_week(week, reflect_default_week)
        given = None
        if answers:
            from selvleder.domain.answersfile import load_answers_file

            given = load_answers_file(answers)
        if export:
            if not export.lower().endswith(EXPORT_KINDS):
                raise BadInput("error.export_kind", path=export)
            check_writable_target(export, force=force)
        ctx = app_context()
        journal = ctx.journal()
        if given is not None:
            save_answers(journal, target, given)
        guided = not (no_input or show or json or given) and interactive()
        if defaulted and not json:
            key = "reflect.default_this" if target.week == _this_week() else "reflect.default_last"
            ctx.out.say(key, number=target.week)
        snapshot = build_snapshot(journal, target, ctx.config, today())
        if guided:
            from selvleder.cli.guided_reflect import guided_reflection

            guided_reflection(ctx, snapshot)
            snapshot = build_snapshot(journal, target, ctx.config, today())
        _output(ctx, snapshot, json=json, export=export, force=force, quiet=guided)

    @app.command(help=t("help.review"), epilog=t("help.review.example"))
    def review(
        weeks: Annotated[
            int | None, typer.Option("--weeks", metavar="N", help=t("help.opt.weeks"))
        ] = None,
        json: Annotated[bool, typer.Option("--json", help=t("help.opt.json"))] = False,
    ) -> None:
        from selvleder.cli import app_context
        from selvleder.domain.dates import today
        from selvleder.domain.energy import window
        from selvleder.domain.review import review

        n = 8 if weeks is None else weeks
        window(n, today())
        ctx = app_context()
        rows, highlights = review(ctx.journal(), n, today(), ctx.config)
        from selvleder.render.reflection import observation_text

        if json:
            ctx.out.json(
                {
                    "weeks": rows,
                    "highlights": [
                        {**o.as_json(observation_text(o, ctx.t)), "week": w} for w, o in highlights
                    ],
                }
            )
            return
        from selvleder.render.review import review_view

        ctx.out.show(review_view(rows, highlights, ctx.t))


def _this_week() -> int:
    from selvleder.domain.dates import IsoWeek, today

    return IsoWeek.of(today()).week


def _output(
    ctx: object, snapshot: object, *, json: bool, export: str | None, force: bool, quiet: bool
) -> None:
    from selvleder.cli.context import AppContext
    from selvleder.domain.coach import Snapshot, observe
    from selvleder.domain.models import TIP_KEYS
    from selvleder.domain.reflection import journal_is_empty, reflection_json
    from selvleder.render.reflection import empty_view, observation_text, reflection_view
    from selvleder.render.week import week_heading

    assert isinstance(ctx, AppContext) and isinstance(snapshot, Snapshot)
    t = ctx.t
    found = observe(snapshot)
    if json:
        messages = {o.code: observation_text(o, t) for obs in found.values() for o in obs}
        tips = [{"title": t(f"tip.{tip}.title")} for tip in TIP_KEYS]
        ctx.out.json(reflection_json(snapshot, messages, tips))
    if journal_is_empty(snapshot):
        view = empty_view(week_heading(snapshot.week, t), t)
    else:
        view = reflection_view(snapshot, found, _pulse_history(ctx, snapshot), t)
    if not json and not quiet:
        ctx.out.show(view)
    elif quiet:
        from selvleder.render.reflection import pulse_view

        ctx.out.show(pulse_view(snapshot.reflection.pulse, _pulse_history(ctx, snapshot), t))
    if export:
        from selvleder.files import write_private_file

        write_private_file(export, _export_bytes(export, snapshot, found, view, t), force=force)
        if not json:
            ctx.out.say("export.written", path=export)


def _pulse_history(ctx: object, snapshot: object) -> list[tuple[str, dict[str, int] | None]]:
    from selvleder.cli.context import AppContext
    from selvleder.domain.coach import Snapshot

    assert isinstance(ctx, AppContext) and isinstance(snapshot, Snapshot)
    journal = ctx.journal()
    first = snapshot.week.shift(-3)
    with journal.read():
        found = journal.reflections_between(str(first), str(snapshot.week.shift(-1)))
    return [
        (str(w), found[str(w)].pulse if str(w) in found else None)
        for w in snapshot.week.shift(-1).last_n(3)
    ]


def _export_bytes(path: str, snapshot: object, found: object, view: object, t: Messages) -> bytes:
    from selvleder.domain.coach import Snapshot

    assert isinstance(snapshot, Snapshot)
    if path.lower().endswith(".md"):
        from selvleder.export.reflection_md import reflection_markdown

        return reflection_markdown(snapshot, found, t).encode("utf-8")  # type: ignore[arg-type]
    import io

    from rich.console import Console

    console = Console(
        record=True,
        width=100,
        file=io.StringIO(),
        markup=False,
        emoji=False,
        highlight=False,
        force_terminal=True,
    )
    console.print(view)
    title = t("reflect.heading", heading=str(snapshot.week))
    if path.lower().endswith(".svg"):
        return console.export_svg(title=title).encode("utf-8")
    return console.export_html(inline_styles=True).encode("utf-8")
