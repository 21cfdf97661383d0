"""``remind install/show/remove/run/pause/resume``: cron reminders that know the journal."""

from __future__ import annotations

from selvleder.cli.declare import FLAG, Arg, Commands, Group, Opt
from selvleder.context import AppContext

commands = Commands(Group("remind", "help.remind"))


@commands.add(
    "remind install",
    "help.remind.install",
    Opt("--plan-week", "help.opt.spec", metavar="SPEC"),
    Opt("--energy", "help.opt.spec", metavar="SPEC"),
    Opt("--reflect", "help.opt.spec", metavar="SPEC"),
    Opt("--follow-up", "help.opt.spec", metavar="SPEC"),
    Opt("--dry-run", "help.opt.remind_dry_run", kind=FLAG),
)
def remind_install(
    ctx: AppContext,
    plan_week: str | None,
    energy: str | None,
    reflect: str | None,
    follow_up: str | None,
    dry_run: bool,
) -> None:
    from selvleder.commands.remind import install_lines
    from selvleder.domain.reminders import schedules

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


@commands.add("remind show", "help.remind.show", Opt("--json", "help.opt.json", kind=FLAG))
def remind_show(ctx: AppContext, json: bool) -> None:
    from selvleder.commands.remind import show_reminders

    show_reminders(ctx, json)


@commands.add("remind remove", "help.remind.remove")
def remind_remove(ctx: AppContext) -> None:
    from selvleder.integrations.crontab import (
        read_crontab,
        split_block,
        without_block,
        write_crontab,
    )

    current = read_crontab()
    if not current or split_block(current)[1] is None:
        ctx.out.say("remind.none")
        return
    write_crontab(without_block(current))
    ctx.out.say("remind.removed")


@commands.add("remind run", "help.remind.run", Arg("kind", "KIND", "help.arg.remind_kind"))
def remind_run(ctx: AppContext, kind: str) -> None:
    from selvleder.commands.remind import run_reminder

    run_reminder(ctx, kind)


@commands.add(
    "remind pause",
    "help.remind.pause",
    Opt("--until", "help.opt.until", metavar="DATE", required=True),
)
def remind_pause(ctx: AppContext, until: str) -> None:
    from selvleder.domain.dates import parse_date, today
    from selvleder.errors import BadInput
    from selvleder.services.reminders import set_pause

    day = parse_date(until, today(), direction="future")
    if day < today():
        raise BadInput("error.pause_past", value=until)
    set_pause(ctx.journal(), day)
    ctx.out.say("remind.paused", until=ctx.t.date(day))


@commands.add("remind resume", "help.remind.resume")
def remind_resume(ctx: AppContext) -> None:
    from selvleder.services.reminders import set_pause

    set_pause(ctx.journal(), None)
    ctx.out.say("remind.resumed")
