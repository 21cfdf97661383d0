"""``reflect`` (the weekly reflection on the five tips) and ``review`` (several weeks)."""

from typing import Annotated

import typer

from selvleder.i18n import Messages


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
        from selvleder.commands.reports import reflect as run_reflect

        run_reflect(app_context(), week, answers, no_input, show, export, force, json)

    @app.command(help=t("help.review"), epilog=t("help.review.example"))
    def review(
        weeks: Annotated[
            int | None, typer.Option("--weeks", metavar="N", help=t("help.opt.weeks"))
        ] = None,
        json: Annotated[bool, typer.Option("--json", help=t("help.opt.json"))] = False,
    ) -> None:
        from selvleder.cli import app_context
        from selvleder.commands.reports import review as run_review

        run_review(app_context(), weeks, json)
