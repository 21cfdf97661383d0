"""``energy log/show/insights/undo/delete``: tip 5, look after motivation and energy.

``energy log`` normally runs through ``selvleder.quick`` without Typer; this
Typer command is the same code for the forms the quick path hands over
(and for ``--help``).
"""

from typing import Annotated

import typer

from selvleder.i18n import Messages


def register(app: typer.Typer, t: Messages) -> None:
    group = typer.Typer(help=t("help.energy"), no_args_is_help=True)
    app.add_typer(group, name="energy")
    Weeks = Annotated[int | None, typer.Option("--weeks", metavar="N", help=t("help.opt.weeks"))]

    @group.command("log", help=t("help.energy.log"), epilog=t("help.energy.log.example"))
    def log(
        level: Annotated[str, typer.Argument(metavar="LEVEL", help=t("help.arg.level"))],
        note: Annotated[
            str | None, typer.Argument(metavar="[NOTE]", help=t("help.arg.energy_note"))
        ] = None,
        tag: Annotated[
            list[str] | None, typer.Option("--tag", "-t", metavar="TAG", help=t("help.opt.tag"))
        ] = None,
        at: Annotated[
            str | None, typer.Option("--at", metavar="WHEN", help=t("help.opt.at"))
        ] = None,
    ) -> None:
        from selvleder.cli import app_context
        from selvleder.domain.energy import make_entry
        from selvleder.render.energy_lines import logged_line
        from selvleder.services.energy import log_energy

        entry = make_entry(level, note, tag or [], at)
        ctx = app_context()
        log_id = log_energy(ctx.journal().connection, entry)
        ctx.out.line(logged_line(ctx.t, log_id, entry))

    @group.command("show", help=t("help.energy.show"), epilog=t("help.energy.show.example"))
    def show(
        weeks: Weeks = None,
        json: Annotated[bool, typer.Option("--json", help=t("help.opt.json"))] = False,
    ) -> None:
        from selvleder.cli import app_context
        from selvleder.commands.reports import energy_show

        energy_show(app_context(), weeks, json)

    @group.command(
        "insights", help=t("help.energy.insights"), epilog=t("help.energy.insights.example")
    )
    def insights(
        weeks: Weeks = None,
        json: Annotated[bool, typer.Option("--json", help=t("help.opt.json"))] = False,
    ) -> None:
        from selvleder.cli import app_context
        from selvleder.commands.reports import energy_insights

        energy_insights(app_context(), weeks, json)

    @group.command("undo", help=t("help.energy.undo"), epilog=t("help.energy.undo.example"))
    def undo() -> None:
        from selvleder.cli import app_context
        from selvleder.render.energy_lines import removed_line
        from selvleder.services.energy import undo_last

        ctx = app_context()
        ctx.out.line(removed_line(ctx.t, undo_last(ctx.journal())))

    @group.command("delete", help=t("help.energy.delete"), epilog=t("help.energy.delete.example"))
    def delete(log_id: Annotated[int, typer.Argument(metavar="ID")]) -> None:
        from selvleder.cli import app_context
        from selvleder.domain.text import check_id
        from selvleder.render.energy_lines import removed_line
        from selvleder.services.energy import delete_log

        check_id(log_id, "energy")
        ctx = app_context()
        ctx.out.line(removed_line(ctx.t, delete_log(ctx.journal(), log_id)))
