"""``init`` (guided set-up, re-running edits) and ``role`` (the profile and handlingsrom)."""

from __future__ import annotations

from selvleder.cli.declare import FLAG, Commands, Opt
from selvleder.context import AppContext

commands = Commands()


@commands.add(
    "init",
    "help.init",
    Opt("--role", "help.opt.role"),
    Opt("--mission", "help.opt.mission"),
    Opt("--org-goal", "help.opt.org_goal", repeat=True),
    Opt("--strength", "help.opt.strength", repeat=True),
    Opt("--value", "help.opt.value", repeat=True),
    Opt("--driver", "help.opt.driver", repeat=True),
    Opt("--joy", "help.opt.joy"),
    Opt("--leader-name", "help.opt.leader_name"),
    Opt("--leader-email", "help.opt.leader_email"),
    Opt("--me-name", "help.opt.me_name"),
    Opt("--me-email", "help.opt.me_email"),
    Opt("--lang", "help.opt.init_lang", metavar="nb|en"),
    Opt("--no-input", "help.opt.no_input", kind=FLAG),
)
def init(
    ctx: AppContext,
    role: str | None,
    mission: str | None,
    org_goal: list[str],
    strength: list[str],
    value: list[str],
    driver: list[str],
    joy: str | None,
    leader_name: str | None,
    leader_email: str | None,
    me_name: str | None,
    me_email: str | None,
    lang: str | None,
    no_input: bool,
) -> None:
    from selvleder.domain.setup import Setup
    from selvleder.services.setup import apply_setup

    setup = Setup(
        role=role,
        mission=mission,
        org_goals=org_goal or None,
        strengths=strength or None,
        values=value or None,
        drivers=driver or None,
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


@commands.add("role", "help.role", Opt("--json", "help.opt.json", kind=FLAG), quick=True)
def role(ctx: AppContext, json: bool) -> None:
    from selvleder.domain.setup import role_json
    from selvleder.services.profile import read_role

    profile, mandate = read_role(ctx.journal())
    if json:
        ctx.out.json(role_json(profile, mandate))
        return
    from selvleder.render.profile import role_view

    ctx.out.show(role_view(profile, mandate, ctx.t))
