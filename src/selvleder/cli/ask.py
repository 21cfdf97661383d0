"""``ask-leader`` (compose, --agenda, list, answered, close) and ``feedback give/ask/list``
(tip 4: ask for and give feedback, of colleagues too)."""

from __future__ import annotations

from selvleder.cli.declare import FLAG, NUMBER, Arg, Commands, Group, Opt
from selvleder.context import AppContext

TYPE_CHECKING = False
if TYPE_CHECKING:
    from selvleder.message_keys import MessageKey

commands = Commands(
    Group("ask-leader", "help.ask", epilog="help.ask.example", compose=True),
    Group("feedback", "help.feedback"),
)
ID = Arg("request_id", "ID", kind=NUMBER)


@commands.add(
    "ask-leader",
    "help.ask",
    Opt("--need", "help.opt.need", metavar="KIND"),
    Opt("--topic", "help.opt.topic"),
    Opt("--question", "help.opt.question", short="-q", metavar="QUESTION", repeat=True),
    Opt("--context", "help.opt.context", kind=FLAG, off="--no-context", default=True),
    Opt("--share-energy", "help.opt.share_energy", kind=FLAG),
    Opt("--share-notes", "help.opt.share_notes", kind=FLAG),
    Opt("--share-calendar", "help.opt.share_calendar", kind=FLAG),
    Opt("--format", "help.opt.format", metavar="text|markdown|eml", default="text", dest="format_"),
    Opt("--to", "help.opt.to", metavar="EMAIL"),
    Opt("--out", "help.opt.out", metavar="FILE"),
    Opt("--force", "help.opt.force", kind=FLAG),
    Opt("--agenda", "help.opt.agenda", kind=FLAG),
    Opt("--dry-run", "help.opt.dry_run", kind=FLAG),
    Opt("--week", "help.opt.week", metavar="W"),
)
def ask_leader(
    ctx: AppContext,
    need: str | None,
    topic: str | None,
    question: list[str],
    context: bool,
    share_energy: bool,
    share_notes: bool,
    share_calendar: bool,
    format_: str,
    to: str | None,
    out: str | None,
    force: bool,
    agenda: bool,
    dry_run: bool,
    week: str | None,
) -> None:
    from selvleder.commands.ask import OrderOptions, order_leadership

    options = OrderOptions(
        need,
        topic,
        question,
        context,
        share_energy,
        share_notes,
        format_,
        to,
        out,
        force,
        agenda,
        dry_run,
        week,
    )
    options.share_calendar = share_calendar
    order_leadership(ctx, options)


@commands.add(
    "ask-leader list",
    "help.ask.list",
    Opt("--open", "help.opt.open", kind=FLAG, dest="open_"),
    Opt("--json", "help.opt.json", kind=FLAG),
    quick=True,
)
def ask_list(ctx: AppContext, open_: bool, json: bool) -> None:
    from selvleder.services.ask import list_requests

    rows = list_requests(ctx.journal(), open_)
    if json:
        ctx.out.json(rows)
        return
    from selvleder.render.ask import requests_view

    ctx.out.show(requests_view(rows, ctx.t, only_open=open_))


@commands.add("ask-leader answered", "help.ask.answered", ID, Opt("--note", "help.opt.answer_note"))
def ask_answered(ctx: AppContext, request_id: int, note: str | None) -> None:
    _status(ctx, request_id, "answered", note, "ask.answered")


@commands.add("ask-leader close", "help.ask.close", ID)
def ask_close(ctx: AppContext, request_id: int) -> None:
    _status(ctx, request_id, "closed", None, "ask.closed")


@commands.add(
    "feedback give",
    "help.feedback.give",
    Opt("--to", "help.opt.feedback_to", metavar="NAME", required=True),
    Arg("text", "TEXT", "help.arg.feedback_text"),
)
def feedback_give(ctx: AppContext, to: str, text: str) -> None:
    from selvleder.domain.text import MAX_NOTE, require_text
    from selvleder.services.ask import give_feedback

    require_text(to, "to", 120)
    require_text(text, "text", MAX_NOTE)
    feedback_id = give_feedback(ctx.journal(), to, text)
    ctx.out.say("feedback.logged", id=feedback_id, to=to)


@commands.add(
    "feedback ask",
    "help.feedback.ask",
    Opt("--from", "help.opt.feedback_from", metavar="NAME", required=True, dest="from_"),
    Arg("text", "TEXT", "help.arg.feedback_question"),
)
def feedback_ask(ctx: AppContext, from_: str, text: str) -> None:
    from selvleder.domain.text import MAX_NOTE, require_text
    from selvleder.services.ask import give_feedback

    require_text(from_, "from", 120)
    require_text(text, "text", MAX_NOTE)
    feedback_id = give_feedback(ctx.journal(), from_, text, kind="asked")
    ctx.out.say("feedback.asked_logged", id=feedback_id, name=from_)


@commands.add(
    "feedback list", "help.feedback.list", Opt("--json", "help.opt.json", kind=FLAG), quick=True
)
def feedback_list(ctx: AppContext, json: bool) -> None:
    from selvleder.services.ask import list_feedback

    rows = list_feedback(ctx.journal())
    if json:
        ctx.out.json(rows)
        return
    from selvleder.render.ask import feedback_table

    ctx.out.show(feedback_table(rows, ctx.t))


def _status(
    ctx: AppContext, request_id: int, status: str, note: str | None, key: MessageKey
) -> None:
    from selvleder.domain.text import check_id
    from selvleder.services.ask import set_request_status

    check_id(request_id, "request")
    row = set_request_status(ctx.journal(), request_id, status, note)
    ctx.out.say(key, id=row["id"], topic=row["topic"])
