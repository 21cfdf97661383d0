"""``init`` (guided set-up, re-running edits) and ``role`` (the profile and handlingsrom)."""

from typing import Annotated

import typer

from selvleder.i18n import Messages


def register(app: typer.Typer, t: Messages) -> None:
    @app.command(help=t("help.init"), epilog=t("help.init.example"))
    def init(
        role: Annotated[str | None, typer.Option(help=t("help.opt.role"))] = None,
        mission: Annotated[str | None, typer.Option(help=t("help.opt.mission"))] = None,
        org_goal: Annotated[
            list[str] | None, typer.Option("--org-goal", help=t("help.opt.org_goal"))
        ] = None,
        strength: Annotated[
            list[str] | None, typer.Option("--strength", help=t("help.opt.strength"))
        ] = None,
        value: Annotated[
            list[str] | None, typer.Option("--value", help=t("help.opt.value"))
        ] = None,
        driver: Annotated[
            list[str] | None, typer.Option("--driver", help=t("help.opt.driver"))
        ] = None,
        joy: Annotated[str | None, typer.Option(help=t("help.opt.joy"))] = None,
        leader_name: Annotated[str | None, typer.Option(help=t("help.opt.leader_name"))] = None,
        leader_email: Annotated[str | None, typer.Option(help=t("help.opt.leader_email"))] = None,
        me_name: Annotated[str | None, typer.Option(help=t("help.opt.me_name"))] = None,
        me_email: Annotated[str | None, typer.Option(help=t("help.opt.me_email"))] = None,
        lang: Annotated[
            str | None, typer.Option("--lang", metavar="nb|en", help=t("help.opt.init_lang"))
        ] = None,
        no_input: Annotated[bool, typer.Option("--no-input", help=t("help.opt.no_input"))] = False,
    ) -> None:
        from selvleder.cli import app_context
        from selvleder.domain.setup import Setup
        from selvleder.services.setup import apply_setup

        ctx = app_context()
        setup = Setup(
            role=role,
            mission=mission,
            org_goals=org_goal,
            strengths=strength,
            values=value,
            drivers=driver,
            joy=joy,
            leader_name=leader_name,
            leader_email=leader_email,
            me_name=me_name,
            me_email=me_email,
            lang=lang,
        )
        if setup.is_empty() and not no_input:
            from selvleder.ui.prompts import require_terminal

            require_terminal("--role, --mission, --leader-name, --no-input")
            from selvleder.ui.guided_init import guided_setup

            setup = guided_setup(ctx)
        apply_setup(ctx.journal(), ctx.config, setup)
        ctx.out.say("init.saved", path=ctx.journal_path[0])
        ctx.out.say("init.next")

    @app.command(help=t("help.role"), epilog=t("help.role.example"))
    def role(
        json: Annotated[bool, typer.Option("--json", help=t("help.opt.json"))] = False,
    ) -> None:
        from selvleder.cli import app_context
        from selvleder.domain.setup import role_json

        ctx = app_context()
        journal = ctx.journal()
        with journal.read():
            profile = journal.profile()
            mandate = journal.mandate()
        if json:
            ctx.out.json(role_json(profile, mandate))
            return
        from selvleder.render.profile import role_view

        ctx.out.show(role_view(profile, mandate, ctx.t))
