"""``report``: the period report for the medarbeidersamtale (Markdown or HTML)."""

from __future__ import annotations

from selvleder.cli.declare import FLAG, NUMBER, Commands, Opt
from selvleder.context import AppContext

commands = Commands()


@commands.add(
    "report",
    "help.report",
    Opt("--months", "help.opt.report_months", kind=NUMBER, metavar="N"),
    Opt("--from", "help.opt.report_from", metavar="DATE"),
    Opt("--to", "help.opt.report_to", metavar="DATE"),
    Opt("--format", "help.opt.report_format", metavar="html|markdown", dest="format_"),
    Opt("--out", "help.opt.out", metavar="FILE"),
    Opt("--force", "help.opt.force", kind=FLAG),
    Opt("--share-energy", "help.opt.report_share_energy", kind=FLAG),
    Opt("--share-notes", "help.opt.report_share_notes", kind=FLAG),
    Opt("--share-reflections", "help.opt.report_share_reflections", kind=FLAG),
    quick=True,
)
def report(
    ctx: AppContext,
    months: int | None,
    from_: str | None,
    to: str | None,
    format_: str | None,
    out: str | None,
    force: bool,
    share_energy: bool,
    share_notes: bool,
    share_reflections: bool,
) -> None:
    from selvleder.commands.report import report

    report(
        ctx, months, from_, to, format_, out, force, share_energy, share_notes, share_reflections
    )
