"""``remind install/show/remove/run/pause/resume``: cron reminders that know the journal."""

from typing import Annotated

import typer

from selvleder.i18n import Messages


def register(app: typer.Typer, t: Messages) -> None:
    group = typer.Typer(help=t("help.remind"), no_args_is_help=True)
    app.add_typer(group, name="remind")

    @group.command(
        "install", help=t("help.remind.install"), epilog=t("help.remind.install.example")
    )
    def install(
        plan_week: Annotated[
            str | None, typer.Option("--plan-week", metavar="SPEC", help=t("help.opt.spec"))
        ] = None,
        energy: Annotated[
            str | None, typer.Option("--energy", metavar="SPEC", help=t("help.opt.spec"))
        ] = None,
        reflect: Annotated[
            str | None, typer.Option("--reflect", metavar="SPEC", help=t("help.opt.spec"))
        ] = None,
        follow_up: Annotated[
            str | None, typer.Option("--follow-up", metavar="SPEC", help=t("help.opt.spec"))
        ] = None,
        dry_run: Annotated[
            bool, typer.Option("--dry-run", help=t("help.opt.remind_dry_run"))
        ] = False,
    ) -> None:
        from selvleder.cli import app_context
        from selvleder.commands.remind import install_lines
        from selvleder.domain.reminders import schedules

        ctx = app_context()
        chosen = schedules(
            ctx.config.reminders,
            {"plan-week": plan_week, "energy": energy, "reflect": reflect, "follow-up": follow_up},
        )
        lines = install_lines(ctx, chosen)
        if dry_run:
            for line in lines:
                ctx.out.line(line)
            return
        from selvleder.integrations.crontab import read_crontab, with_block, write_crontab

        current = read_crontab()
        if current is None:
            from selvleder.errors import JournalError

            raise JournalError("error.no_crontab")
        write_crontab(with_block(current, lines))
        ctx.out.say("remind.installed")
        for kind, schedule in chosen.items():
            ctx.out.line(f"  {kind:<10} {schedule.spec()}")

    @group.command("show", help=t("help.remind.show"), epilog=t("help.remind.show.example"))
    def show() -> None:
        from selvleder.cli import app_context
        from selvleder.commands.remind import show_reminders

        show_reminders(app_context())

    @group.command("remove", help=t("help.remind.remove"), epilog=t("help.remind.remove.example"))
    def remove() -> None:
        from selvleder.cli import app_context
        from selvleder.integrations.crontab import (
            read_crontab,
            split_block,
            without_block,
            write_crontab,
        )

        ctx = app_context()
        current = read_crontab()
        if not current or split_block(current)[1] is None:
            ctx.out.say("remind.none")
            return
        write_crontab(without_block(current))
        ctx.out.say("remind.removed")

    @group.command("run", help=t("help.remind.run"), epilog=t("help.remind.run.example"))
    def run(
        kind: Annotated[str, typer.Argument(metavar="KIND", help=t("help.arg.remind_kind"))],
    ) -> None:
        from selvleder.cli import app_context
        from selvleder.commands.remind import run_reminder

        run_reminder(app_context(), kind)

    @group.command("pause", help=t("help.remind.pause"), epilog=t("help.remind.pause.example"))
    def pause(
        until: Annotated[str, typer.Option("--until", metavar="DATE", help=t("help.opt.until"))],
    ) -> None:
        from selvleder.cli import app_context
        from selvleder.domain.dates import parse_date, today
        from selvleder.errors import BadInput
        from selvleder.services.reminders import set_pause

        day = parse_date(until, today(), direction="future")
        if day < today():
            raise BadInput("error.pause_past", value=until)
        ctx = app_context()
        set_pause(ctx.journal(), day)
        ctx.out.say("remind.paused", until=day.isoformat())

    @group.command("resume", help=t("help.remind.resume"), epilog=t("help.remind.resume.example"))
    def resume() -> None:
        from selvleder.cli import app_context
        from selvleder.services.reminders import set_pause

        ctx = app_context()
        set_pause(ctx.journal(), None)
        ctx.out.say("remind.resumed")
