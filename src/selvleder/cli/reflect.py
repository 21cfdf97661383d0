"""``reflect`` (the weekly reflection on the five tips) and ``review`` (several weeks)."""

from __future__ import annotations

from selvleder.cli.declare import FLAG, NUMBER, Commands, Opt
from selvleder.context import AppContext

commands = Commands()
JSON = Opt("--json", "help.opt.json", kind=FLAG)
CALENDAR = Opt("--calendar", "help.opt.calendar", metavar="PATH")


@commands.add(
    "reflect",
    "help.reflect",
    Opt("--week", "help.opt.week", metavar="W"),
    Opt("--answers", "help.opt.answers", metavar="FILE.toml"),
    Opt("--no-input", "help.opt.reflect_no_input", kind=FLAG),
    Opt("--show", "help.opt.show", kind=FLAG),
    Opt("--export", "help.opt.export", metavar="FILE.md|.html|.svg"),
    Opt("--force", "help.opt.force", kind=FLAG),
    JSON,
    CALENDAR,
    quick=True,
)
def reflect(
    ctx: AppContext,
    week: str | None,
    answers: str | None,
    no_input: bool,
    show: bool,
    export: str | None,
    force: bool,
    json: bool,
    calendar: str | None,
) -> None:
    from selvleder.commands.reports import reflect

    reflect(ctx, week, answers, no_input, show, export, force, json, calendar)


@commands.add(
    "review",
    "help.review",
    Opt("--weeks", "help.opt.weeks", kind=NUMBER, metavar="N"),
    JSON,
    CALENDAR,
    quick=True,
)
def review(ctx: AppContext, weeks: int | None, json: bool, calendar: str | None) -> None:
    from selvleder.commands.reports import review

    review(ctx, weeks, json, calendar)
