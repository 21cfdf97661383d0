"""The guided ``ask-leader`` on a terminal: kind, topic, questions, what to share,
then a preview of exactly what will be shared; saved only on confirmation."""

from __future__ import annotations

from selvleder.context import AppContext
from selvleder.domain.ask import Message, Request, Sharing, parse_need
from selvleder.domain.models import NEEDS
from selvleder.errors import Aborted, BadInput, SelvlederError
from selvleder.i18n import message_key
from selvleder.render import guided
from selvleder.ui.prompts import Prompter

STEPS = 3


def guided_request(
    app: AppContext, preset_need: str | None, questions: list[str], sharing: Sharing
) -> tuple[Request, Sharing]:
    t, out = app.t, app.out
    ask = Prompter(t)
    out.show(guided.heading(t("guided.ask.title")))
    out.line()
    out.show(guided.step(1, STEPS, t("guided.ask.intro")))
    if preset_need:
        need = preset_need
        out.show(guided.words(t("guided.ask.kind_label"), t(message_key(f"ask.need.{need}"))))
    else:
        labels = [t(message_key(f"ask.need.{kind}")) for kind in NEEDS]
        out.show(*guided.numbered(labels))
        need = _choose_need(ask, t("guided.ask.kind"), labels)
    out.line()
    out.show(guided.step(2, STEPS, t("guided.ask.step.topic")))
    topic = ""
    while not topic:
        topic = ask.text(t("guided.ask.topic"), help="guided.ask.help.topic", limit=300)
    asked = questions or ask.list(t("guided.ask.questions"), help="guided.ask.help.questions")
    out.line()
    out.show(guided.step(3, STEPS, t("guided.ask.step.share")))
    if not sharing.energy:
        sharing.energy = ask.confirm(
            t("guided.ask.share_energy"), default=False, help="guided.ask.help.share"
        )
    if sharing.energy and not sharing.notes:
        sharing.notes = ask.confirm(
            t("guided.ask.share_notes"), default=False, help="guided.ask.help.share"
        )
    return Request(need, topic, asked or []), sharing


def _choose_need(ask: Prompter, label: str, labels: list[str]) -> str:
    """A number from the menu, or a kind's name in either language."""

    def parse(answer: str) -> str:
        if answer.isdigit() and 1 <= int(answer) <= len(NEEDS):
            return NEEDS[int(answer) - 1]
        for kind, shown in zip(NEEDS, labels, strict=True):
            if answer.casefold() == shown.casefold():
                return kind
        try:
            return parse_need(answer)
        except SelvlederError:
            raise BadInput("guided.ask.kind_again", count=len(NEEDS)) from None

    while True:
        need = ask.checked(label, parse, help="guided.ask.help.kind")
        if need is not None:
            return need
        ask.echo(ask.t("guided.ask.kind_again", count=len(NEEDS)))


def confirm_preview(app: AppContext, message: Message, dry_run: bool) -> None:
    from selvleder.export.message import to_text

    app.out.line()
    app.out.show(guided.heading(app.t("guided.ask.preview")))
    app.out.line("─" * 40)
    app.out.line(to_text(message).rstrip("\n"))
    app.out.line("─" * 40)
    if dry_run:
        return
    if not Prompter(app.t).confirm(app.t("guided.ask.confirm"), help="guided.ask.help.confirm"):
        raise Aborted()
