"""``demo``: a synthetic journal of one person's working life, in its own file."""

from __future__ import annotations

from selvleder.cli.declare import FLAG, NUMBER, Commands, Opt
from selvleder.context import AppContext

commands = Commands()


@commands.add(
    "demo",
    "help.demo",
    Opt("--years", "help.opt.years", kind=NUMBER, metavar="N", default=1),
    Opt("--seed", "help.opt.seed", kind=NUMBER, metavar="S", default=1),
    Opt("--db", "help.opt.demo_db", metavar="PATH"),
    Opt("--force", "help.opt.demo_force", kind=FLAG),
)
def demo(ctx: AppContext, years: int, seed: int, db: str | None, force: bool) -> None:
    import os

    from selvleder.domain.dates import IsoWeek, today
    from selvleder.paths import demo_journal_path
    from selvleder.services.demo import write_demo

    # Never the journal chosen by the global --db or SELVLEDER_DB: only demo's own --db.
    path = os.path.abspath(os.path.expanduser(db)) if db else demo_journal_path()
    if db and not os.path.isdir(os.path.dirname(path)):
        from selvleder.errors import BadInput

        raise BadInput("error.db_folder_missing", path=os.path.dirname(path))
    write_demo(path, years, seed, today(), ctx.lang, force)
    ctx.out.say("demo.built", years=years, path=path)
    from shlex import quote

    ctx.out.say("demo.try", path=quote(path))  # a hint runs as shown, spaces and all
    ctx.db_option = path
    from selvleder.domain.coach import observe
    from selvleder.render.reflection import reflection_view
    from selvleder.services.reflection import build_snapshot

    week = IsoWeek.of(today()).shift(-1)
    snapshot = build_snapshot(ctx.journal(), week, ctx.config, today())
    ctx.out.line()
    ctx.out.show(reflection_view(snapshot, observe(snapshot), [], ctx.t))
