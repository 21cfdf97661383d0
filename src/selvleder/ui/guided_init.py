"""The guided ``init`` on a terminal: four short steps, the saved answers as defaults
(lists shown, Enter keeps them), each answer checked where it is typed."""

from __future__ import annotations

from selvleder.context import AppContext
from selvleder.domain.setup import Setup
from selvleder.errors import BadInput
from selvleder.i18n import message_key
from selvleder.render import guided
from selvleder.ui.prompts import Prompter

STEPS = 4


def _email(text: str) -> str:
    from selvleder.config import valid_email

    if not valid_email(text):
        raise BadInput("guided.init.email_again", value=text)
    return text


def _lang(text: str) -> str:
    from selvleder.i18n import normalize_lang

    lang = normalize_lang(text)
    if lang is None:
        raise BadInput("guided.init.lang_again", value=text)
    return lang


def guided_setup(ctx: AppContext) -> Setup:
    t, out = ctx.t, ctx.out
    from selvleder.services.profile import read_role

    profile, mandate_now = read_role(ctx.journal())
    config = ctx.config
    ask = Prompter(t)
    out.show(guided.heading(t("init.title")))
    out.say("init.intro")
    out.line()
    out.show(guided.step(1, STEPS, t("init.section.role")))
    role = ask.text(t("init.ask.role"), profile.role, help="init.help.role")
    mission = ask.text(t("init.ask.mission"), profile.mission, help="init.help.mission")
    org_goals = ask.list(t("init.ask.org_goals"), profile.org_goals, help="init.help.org_goals")
    out.line()
    out.show(guided.step(2, STEPS, t("init.section.motivation")))
    m = profile.motivation
    strengths = ask.list(t("init.ask.strengths"), m.strengths, help="init.help.motivation")
    values = ask.list(t("init.ask.values"), m.values, help="init.help.motivation")
    drivers = ask.list(t("init.ask.drivers"), m.drivers, help="init.help.motivation")
    joy = ask.text(t("init.ask.joy"), m.joy, help="init.help.motivation")
    out.line()
    out.show(guided.step(3, STEPS, t("init.section.mandate")))
    mandate: list[tuple[str, str]] = []
    for kind in ("mine", "leader", "bounded", "unclear"):
        there = [item.text for item in mandate_now if item.kind == kind]
        if there:
            out.show(guided.words(t("init.mandate_there"), "; ".join(there)))
        added = ask.list(t(message_key(f"init.ask.mandate_{kind}")), help="init.help.mandate")
        mandate += [(kind, text) for text in added or []]
    out.line()
    out.show(guided.step(4, STEPS, t("init.section.leader")))
    leader_name = ask.text(t("init.ask.leader_name"), config.leader_name, limit=120)
    leader_email = ask.checked(
        t("init.ask.leader_email"), _email, config.leader_email, help="init.help.email"
    )
    me_name = ask.text(t("init.ask.me_name"), config.me_name, limit=120)
    me_email = ask.checked(t("init.ask.me_email"), _email, config.me_email, help="init.help.email")
    lang = ask.checked(t("init.ask.lang"), _lang, config.lang or ctx.lang, help="init.help.lang")
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
    out.line()
    if not ask.confirm(t("init.confirm")):
        from selvleder.errors import Aborted

        raise Aborted()
    return setup
