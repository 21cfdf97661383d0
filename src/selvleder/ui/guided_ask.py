"""The guided ``ask-leader`` on a terminal: kind, topic, questions, what to share,
then a preview of exactly what will be shared; saved only on confirmation."""

from __future__ import annotations

from selvleder.context import AppContext
from selvleder.domain.ask import Message, Request, Sharing, parse_need
from selvleder.domain.models import NEEDS
from selvleder.errors import Aborted, SelvlederError
from selvleder.i18n import message_key
from selvleder.ui.prompts import ask, ask_list, confirm


def guided_request(
    app: AppContext, preset_need: str | None, questions: list[str], sharing: Sharing
) -> tuple[Request, Sharing]:
    t, out = app.t, app.out
    out.say("guided.ask.intro")
    for i, kind in enumerate(NEEDS, 1):
        out.line(f"  {i}. {t(message_key(f'ask.need.{kind}'))} ({kind})")
    need = preset_need or _choose_need(app)
    topic = ""
    while not topic:
        topic = ask(t("guided.ask.topic"))
    asked = questions or ask_list(t("guided.ask.questions"), t)
    if not sharing.energy:
        sharing.energy = confirm(t("guided.ask.share_energy"), t, default=False)
    if sharing.energy and not sharing.notes:
        sharing.notes = confirm(t("guided.ask.share_notes"), t, default=False)
    return Request(need, topic, asked), sharing


def _choose_need(app: AppContext) -> str:
    while True:
        answer = ask(app.t("guided.ask.kind"))
        try:
            return NEEDS[int(answer) - 1] if answer.isdigit() else parse_need(answer)
        except (IndexError, ValueError, SelvlederError):
            app.out.say("guided.ask.kind_again")


def confirm_preview(app: AppContext, message: Message, dry_run: bool) -> None:
    from selvleder.export.message import to_text

    app.out.line()
    app.out.say("guided.ask.preview")
    app.out.line("─" * 40)
    app.out.line(to_text(message).rstrip("\n"))
    app.out.line("─" * 40)
    if dry_run:
        return
    if not confirm(app.t("guided.ask.confirm"), app.t):
        raise Aborted()
