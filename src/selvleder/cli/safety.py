"""``backup``, ``restore`` and ``forget``."""

from __future__ import annotations

from selvleder.cli.declare import FLAG, Arg, Commands, Opt
from selvleder.context import AppContext

commands = Commands()
YES = Opt("--yes", "help.opt.yes", kind=FLAG)


@commands.add(
    "backup",
    "help.backup",
    Arg("file", "[FILE]", "help.arg.backup_file", required=False),
    Opt("--force", "help.opt.force", kind=FLAG),
)
def backup(ctx: AppContext, file: str | None, force: bool) -> None:
    from selvleder.files import check_writable_target
    from selvleder.services.backups import backup_journal

    if file:
        check_writable_target(file, force=force)
    path = backup_journal(ctx.journal(), file, force=force)
    ctx.out.say("backup.written", path=path)


@commands.add(
    "restore", "help.restore", Arg("file", "BACKUP", "help.arg.restore_file"), YES, quick=True
)
def restore(ctx: AppContext, file: str, yes: bool) -> None:
    from selvleder.services.safety import check_backup
    from selvleder.services.safety import restore as run_restore

    check_backup(file)
    if not yes:
        from selvleder.errors import Aborted
        from selvleder.ui.prompts import confirm, require_terminal

        require_terminal("--yes")
        if not confirm(ctx.t("restore.confirm", path=file), ctx.t, default=False):
            raise Aborted()
    safety = run_restore(ctx.journal(), file)
    ctx.close()
    ctx.out.say("restore.done", path=file, safety=safety)


@commands.add(
    "forget",
    "help.forget",
    Opt("--all", "help.opt.forget_all", kind=FLAG, dest="all_"),
    YES,
    quick=True,
)
def forget(ctx: AppContext, all_: bool, yes: bool) -> None:
    from selvleder.errors import BadInput

    if not all_:
        raise BadInput("error.forget_all")
    if not yes:
        from selvleder.errors import Aborted
        from selvleder.ui.prompts import confirm, require_terminal

        require_terminal("--yes")
        if not confirm(ctx.t("forget.confirm", path=ctx.journal_path[0]), ctx.t, default=False):
            raise Aborted()
    from selvleder.services.safety import forget_everything

    removed = forget_everything(ctx.journal())
    _remove_reminders(ctx.journal_path[0])
    from selvleder.config import forget_cache

    forget_cache()
    ctx.out.say("forget.done", backups=len(removed))
    ctx.out.say("forget.config_stays")


def _remove_reminders(journal_path: str) -> None:
    """The reminders of this journal, not those another journal (``--db``) installed."""
    from selvleder.integrations.crontab import (
        belongs_to,
        read_crontab,
        split_block,
        without_block,
        write_crontab,
    )

    text = read_crontab()
    block = split_block(text)[1] if text else None
    if text and block is not None and belongs_to(block, journal_path):
        write_crontab(without_block(text))
