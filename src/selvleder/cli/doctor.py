"""``doctor``: is the journal healthy, private and backed up?"""

from typing import Annotated

import typer

from selvleder.i18n import Messages


def register(app: typer.Typer, t: Messages) -> None:
    @app.command(help=t("help.doctor"), epilog=t("help.doctor.example"))
    def doctor(
        json: Annotated[bool, typer.Option("--json", help=t("help.opt.json"))] = False,
    ) -> None:
        from selvleder.cli import app_context
        from selvleder.domain.doctor import diagnose

        ctx = app_context()
        ctx.lang  # noqa: B018 - a bad config is reported before the journal is touched
        path, chosen = ctx.journal_path
        report = diagnose(path, chosen)
        if json:
            ctx.out.json({k: v for k, v in report.items() if k != "problems"})
        else:
            from selvleder.render.doctor import doctor_view

            ctx.out.show(doctor_view(report, ctx.t))
        if report["problems"]:
            raise typer.Exit(1)
