"""``energy log/show/insights/undo/delete``: tip 5, look after motivation and energy.

``energy log``, ``show`` and ``insights`` normally run through ``selvleder.quick``
without Typer; both paths read the declarations below.
"""

from __future__ import annotations

from selvleder.cli.declare import FLAG, NUMBER, Arg, Commands, Group, Opt
from selvleder.context import AppContext

commands = Commands(Group("energy", "help.energy"))
WEEKS = Opt("--weeks", "help.opt.weeks", kind=NUMBER, metavar="N")
JSON = Opt("--json", "help.opt.json", kind=FLAG)


@commands.add(
    "energy log",
    "help.energy.log",
    Arg("level", "LEVEL", "help.arg.level"),
    Arg("note", "[NOTE]", "help.arg.energy_note", required=False),
    Opt("--tag", "help.opt.tag", short="-t", metavar="TAG", repeat=True),
    Opt("--at", "help.opt.at", metavar="WHEN"),
    quick=True,
)
def energy_log(
    ctx: AppContext, level: str, note: str | None, tag: list[str], at: str | None
) -> None:
    from selvleder.domain.energy import make_entry
    from selvleder.render.energy_lines import logged_line
    from selvleder.services.energy import log_energy

    entry = make_entry(level, note, tag, at)
    log_id = log_energy(ctx.journal().connection, entry)
    ctx.out.line(logged_line(ctx.t, log_id, entry))


@commands.add("energy show", "help.energy.show", WEEKS, JSON, quick=True)
def energy_show(ctx: AppContext, weeks: int | None, json: bool) -> None:
    from selvleder.commands.reports import energy_show

    energy_show(ctx, weeks, json)


@commands.add(
    "energy insights",
    "help.energy.insights",
    WEEKS,
    JSON,
    Opt("--calendar", "help.opt.calendar", metavar="PATH"),
    quick=True,
)
def energy_insights(ctx: AppContext, weeks: int | None, json: bool, calendar: str | None) -> None:
    from selvleder.commands.reports import energy_insights

    energy_insights(ctx, weeks, json, calendar)


@commands.add("energy undo", "help.energy.undo")
def energy_undo(ctx: AppContext) -> None:
    from selvleder.render.energy_lines import removed_line
    from selvleder.services.energy import undo_last

    ctx.out.line(removed_line(ctx.t, undo_last(ctx.journal())))


@commands.add("energy delete", "help.energy.delete", Arg("log_id", "ID", kind=NUMBER))
def energy_delete(ctx: AppContext, log_id: int) -> None:
    from selvleder.domain.text import check_id
    from selvleder.render.energy_lines import removed_line
    from selvleder.services.energy import delete_log

    check_id(log_id, "energy")
    ctx.out.line(removed_line(ctx.t, delete_log(ctx.journal(), log_id)))
