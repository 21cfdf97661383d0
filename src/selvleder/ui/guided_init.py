"""The guided ``init`` on a terminal: a few questions, current answers as defaults."""

from __future__ import annotations

from selvleder.context import AppContext
from selvleder.domain.setup import Setup
from selvleder.i18n import message_key
from selvleder.ui.prompts import ask, ask_list, confirm


def guided_setup(ctx: AppContext) -> Setup:
    t, out = ctx.t, ctx.out
    from selvleder.services.profile import read_profile

    profile = read_profile(ctx.journal())
    config = ctx.config
    out.say("init.intro")
    out.line()
    out.say("init.section.role")
    role = ask(t("init.ask.role"), profile.role)
    mission = ask(t("init.ask.mission"), profile.mission)
    org_goals = ask_list(t("init.ask.org_goals"), t) or profile.org_goals
    out.line()
    out.say("init.section.motivation")
    strengths = ask_list(t("init.ask.strengths"), t) or profile.motivation.strengths
    values = ask_list(t("init.ask.values"), t) or profile.motivation.values
    drivers = ask_list(t("init.ask.drivers"), t) or profile.motivation.drivers
    joy = ask(t("init.ask.joy"), profile.motivation.joy)
    out.line()
    out.say("init.section.mandate")
    mandate: list[tuple[str, str]] = []
    for kind in ("mine", "leader", "bounded", "unclear"):
        mandate += [
            (kind, text) for text in ask_list(t(message_key(f"init.ask.mandate_{kind}")), t)
        ]
    out.line()
    out.say("init.section.leader")
    leader_name = ask(t("init.ask.leader_name"), config.leader_name)
    leader_email = ask(t("init.ask.leader_email"), config.leader_email)
    me_name = ask(t("init.ask.me_name"), config.me_name)
    me_email = ask(t("init.ask.me_email"), config.me_email)
    lang = ask(t("init.ask.lang"), config.lang or ctx.lang)
    setup = Setup(
        role=role or None,
        mission=mission or None,
        org_goals=org_goals,
        strengths=strengths,
        values=values,
        drivers=drivers,
        joy=joy or None,
        leader_name=leader_name or None,
        leader_email=leader_email or None,
        me_name=me_name or None,
        me_email=me_email or None,
        lang=lang or None,
        mandate=mandate,
    )
    if not confirm(t("init.confirm"), t):
        from selvleder.errors import Aborted

        raise Aborted()
    return setup
