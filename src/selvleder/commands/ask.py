"""The body of ``ask-leader``: compose (flags or guided), record, deliver; or the agenda."""

from __future__ import annotations

import sys

from selvleder.context import AppContext
from selvleder.domain.ask import Message

FORMATS = ("text", "markdown", "eml")


class OrderOptions:
    """What ``ask-leader`` was given on the command line."""

    __slots__ = (
        "agenda",
        "context",
        "dry_run",
        "force",
        "format",
        "need",
        "out",
        "questions",
        "share_calendar",
        "share_energy",
        "share_notes",
        "to",
        "topic",
        "week",
    )

    def __init__(
        self,
        need: str | None,
        topic: str | None,
        questions: list[str],
        context: bool,
        share_energy: bool,
        share_notes: bool,
        format: str,
        to: str | None,
        out: str | None,
        force: bool,
        agenda: bool,
        dry_run: bool,
        week: str | None,
    ) -> None:
        self.need = need
        self.topic = topic
        self.questions = questions
        self.context = context
        self.share_energy = share_energy
        self.share_notes = share_notes
        self.format = format
        self.to = to
        self.out = out
        self.force = force
        self.agenda = agenda
        self.dry_run = dry_run
        self.week = week
        self.share_calendar = False  # --share-calendar: the week's meeting hours only


def order_leadership(ctx: AppContext, o: OrderOptions) -> None:
    from selvleder.domain.ask import Request, Sharing
    from selvleder.domain.weeks import resolve_week
    from selvleder.errors import BadInput
    from selvleder.services.ask import compose, record

    # Everything given is checked before the journal is opened.
    if o.format not in FORMATS:
        raise BadInput("error.message_format", value=o.format)
    recipient = _recipient(o.to)
    if o.out:
        from selvleder.files import check_writable_target

        check_writable_target(o.out, force=o.force)
    target, _ = resolve_week(o.week, None)
    sharing = Sharing(o.context, o.share_energy or o.share_notes, o.share_notes, o.share_calendar)
    leader, me = ctx.config.leader_name, ctx.config.me_name
    if o.agenda:
        from selvleder.domain.dates import today
        from selvleder.services.ask import agenda

        message = agenda(ctx.journal(), today(), leader, me, ctx.t)
        deliver(ctx, message, o.format, recipient, o.out, o.force)
        return
    if o.topic is None:
        from selvleder.ui.prompts import require_terminal

        require_terminal("--topic")
        from selvleder.ui.guided_ask import guided_request

        request, sharing = guided_request(ctx, o.need, o.questions, sharing)
    else:
        request = Request(o.need or "feedback", o.topic, o.questions)
    if sharing.calendar:
        from selvleder.commands.calendar import refresh

        refresh(ctx, None, target.monday(), target.sunday())
    message = compose(
        ctx.journal(), request, sharing, target, leader, me, ctx.config.max_priorities, ctx.t
    )
    if o.topic is None:
        from selvleder.ui.guided_ask import confirm_preview

        confirm_preview(ctx, message, o.dry_run)
    request_id = None if o.dry_run else record(ctx.journal(), request, target)
    deliver(ctx, message, o.format, recipient, o.out, o.force)
    if request_id is not None:
        ctx.out.warn(ctx.t("ask.recorded", id=request_id))


def _recipient(to: str | None) -> str | None:
    if to is None:
        return None
    from selvleder.config import valid_email
    from selvleder.errors import BadInput

    if not valid_email(to.strip()):
        raise BadInput("error.email", field="--to", value=to)
    return to.strip()


def deliver(
    ctx: AppContext,
    message: Message,
    format_: str,
    to: str | None,
    out: str | None,
    force: bool,
) -> None:
    """The message as text, Markdown or an .eml draft, on stdout or in a 0600 file."""
    from selvleder.export.message import to_eml, to_markdown, to_text

    if format_ == "eml":
        from selvleder.domain.dates import now

        config = ctx.config
        address = to or config.leader_email
        recipient = (config.leader_name, address) if address else None
        sender = (config.me_name, config.me_email) if config.me_email else None
        data = to_eml(message, recipient, sender, now())
    elif format_ == "markdown":
        data = to_markdown(message).encode("utf-8")
    else:
        data = to_text(message).encode("utf-8")
    if out:
        from selvleder.files import write_private_file

        write_private_file(out, data, force=force)
        ctx.out.say("export.written", path=out)
        return
    sys.stdout.write(data.decode("utf-8"))  # an .eml is plain ASCII
