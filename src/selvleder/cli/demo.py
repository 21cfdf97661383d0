"""``demo``: a synthetic journal of one person's working life, in its own file."""

from typing import Annotated

import typer

from selvleder.i18n import Messages


def register(app: typer.Typer, t: Messages) -> None:
    @app.command(help=t("help.demo"), epilog=t("help.demo.example"))
    def demo(
        years: Annotated[int, typer.Option("--years", metavar="N", help=t("help.opt.years"))] = 1,
        seed: Annotated[int, typer.Option("--seed", metavar="S", help=t("help.opt.seed"))] = 1,
        db: Annotated[
            str | None, typer.Option("--db", metavar="PATH", help=t("help.opt.demo_db"))
        ] = None,
        force: Annotated[bool, typer.Option("--force", help=t("help.opt.demo_force"))] = False,
    ) -> None:
        import os

        from selvleder.cli import app_context
        from selvleder.domain.dates import IsoWeek, today
        from selvleder.paths import demo_journal_path
        from selvleder.services.demo import write_demo

        ctx = app_context()
        # Never the journal chosen by the global --db or SELVLEDER_DB: only demo's own --db.
        path = os.path.abspath(os.path.expanduser(db)) if db else demo_journal_path()
        if db and not os.path.isdir(os.path.dirname(path)):
            from selvleder.errors import BadInput

            raise BadInput("error.db_folder_missing", path=os.path.dirname(path))
        write_demo(path, years, seed, today(), ctx.lang, force)
        ctx.out.say("demo.built", years=years, path=path)
        ctx.out.say("demo.try", path=path)
        ctx.db_option = path
        from selvleder.domain.coach import observe
        from selvleder.render.reflection import reflection_view
        from selvleder.services.reflection import build_snapshot

        week = IsoWeek.of(today()).shift(-1)
        snapshot = build_snapshot(ctx.journal(), week, ctx.config, today())
        ctx.out.line()
        ctx.out.show(reflection_view(snapshot, observe(snapshot), [], ctx.t))
