"""``backup``, ``restore`` and ``forget``."""

from typing import Annotated

import typer

from selvleder.i18n import Messages


def register(app: typer.Typer, t: Messages) -> None:
    @app.command(help=t("help.backup"), epilog=t("help.backup.example"))
    def backup(
        file: Annotated[
            str | None, typer.Argument(metavar="[FILE]", help=t("help.arg.backup_file"))
        ] = None,
        force: Annotated[bool, typer.Option("--force", help=t("help.opt.force"))] = False,
    ) -> None:
        from selvleder.cli import app_context
        from selvleder.files import check_writable_target
        from selvleder.services.backups import backup_journal

        if file:
            check_writable_target(file, force=force)
        ctx = app_context()
        journal = ctx.journal()
        path = backup_journal(journal, file)
        ctx.out.say("backup.written", path=path)

    @app.command(help=t("help.restore"), epilog=t("help.restore.example"))
    def restore(
        file: Annotated[str, typer.Argument(metavar="BACKUP", help=t("help.arg.restore_file"))],
        yes: Annotated[bool, typer.Option("--yes", help=t("help.opt.yes"))] = False,
    ) -> None:
        from selvleder.cli import app_context
        from selvleder.services.safety import check_backup
        from selvleder.services.safety import restore as run_restore

        check_backup(file)
        ctx = app_context()
        if not yes:
            from selvleder.errors import Aborted
            from selvleder.ui.prompts import confirm, require_terminal

            require_terminal("--yes")
            if not confirm(ctx.t("restore.confirm", path=file), ctx.t, default=False):
                raise Aborted()
        safety = run_restore(ctx.journal(), file)
        ctx.close()
        ctx.out.say("restore.done", path=file, safety=safety)

    @app.command(help=t("help.forget"), epilog=t("help.forget.example"))
    def forget(
        all_: Annotated[bool, typer.Option("--all", help=t("help.opt.forget_all"))] = False,
        yes: Annotated[bool, typer.Option("--yes", help=t("help.opt.yes"))] = False,
    ) -> None:
        from selvleder.cli import app_context
        from selvleder.errors import BadInput

        if not all_:
            raise BadInput("error.forget_all")
        ctx = app_context()
        if not yes:
            from selvleder.errors import Aborted
            from selvleder.ui.prompts import confirm, require_terminal

            require_terminal("--yes")
            if not confirm(ctx.t("forget.confirm", path=ctx.journal_path[0]), ctx.t, default=False):
                raise Aborted()
        from selvleder.services.safety import forget_everything

        removed = forget_everything(ctx.journal())
        _remove_reminders()
        from selvleder.config import forget_cache

        forget_cache()
        ctx.out.say("forget.done", backups=len(removed))
        ctx.out.say("forget.config_stays")


def _remove_reminders() -> None:
    from selvleder.integrations.crontab import (
        read_crontab,
        split_block,
        without_block,
        write_crontab,
    )

    text = read_crontab()
    if text and split_block(text)[1] is not None:
        write_crontab(without_block(text))
