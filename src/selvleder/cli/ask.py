"""``ask-leader`` (compose, --agenda, list, answered, close) and ``feedback give`` (tip 4)."""

from typing import Annotated

import typer

from selvleder.i18n import Messages

TYPE_CHECKING = False
if TYPE_CHECKING:
    from selvleder.context import AppContext
    from selvleder.domain.ask import Message

FORMATS = ("text", "markdown", "eml")


def register(app: typer.Typer, t: Messages) -> None:
    group = typer.Typer(
        help=t("help.ask"), epilog=t("help.ask.example"), invoke_without_command=True
    )
    app.add_typer(group, name="ask-leader")

    @group.callback()
    def compose(
        ctx: typer.Context,
        need: Annotated[
            str | None, typer.Option("--need", metavar="KIND", help=t("help.opt.need"))
        ] = None,
        topic: Annotated[str | None, typer.Option("--topic", help=t("help.opt.topic"))] = None,
        question: Annotated[
            list[str] | None,
            typer.Option("--question", "-q", metavar="QUESTION", help=t("help.opt.question")),
        ] = None,
        context: Annotated[
            bool, typer.Option("--context/--no-context", help=t("help.opt.context"))
        ] = True,
        share_energy: Annotated[
            bool, typer.Option("--share-energy", help=t("help.opt.share_energy"))
        ] = False,
        share_notes: Annotated[
            bool, typer.Option("--share-notes", help=t("help.opt.share_notes"))
        ] = False,
        format_: Annotated[
            str, typer.Option("--format", metavar="text|markdown|eml", help=t("help.opt.format"))
        ] = "text",
        to: Annotated[
            str | None, typer.Option("--to", metavar="EMAIL", help=t("help.opt.to"))
        ] = None,
        out: Annotated[
            str | None, typer.Option("--out", metavar="FILE", help=t("help.opt.out"))
        ] = None,
        force: Annotated[bool, typer.Option("--force", help=t("help.opt.force"))] = False,
        agenda: Annotated[bool, typer.Option("--agenda", help=t("help.opt.agenda"))] = False,
        dry_run: Annotated[bool, typer.Option("--dry-run", help=t("help.opt.dry_run"))] = False,
        week: Annotated[
            str | None, typer.Option("--week", metavar="W", help=t("help.opt.week"))
        ] = None,
    ) -> None:
        if ctx.invoked_subcommand is not None:
            return
        from selvleder.cli import app_context
        from selvleder.domain.ask import Request, Sharing
        from selvleder.domain.weeks import resolve_week
        from selvleder.errors import BadInput

        if format_ not in FORMATS:
            raise BadInput("error.message_format", value=format_)
        recipient = _recipient(to)
        if out:
            from selvleder.files import check_writable_target

            check_writable_target(out, force=force)
        target, _ = resolve_week(week, None)
        sharing = Sharing(context=context, energy=share_energy or share_notes, notes=share_notes)
        app = app_context()
        if agenda:
            from selvleder.domain.ask import agenda as build_agenda
            from selvleder.domain.dates import today

            message = build_agenda(
                app.journal(), today(), _leader_name(app), app.config.me_name, app.t
            )
            _deliver(app, message, format_, recipient, out, force)
            return
        if topic is None:
            from selvleder.cli.prompts import require_terminal

            require_terminal("--topic")
            from selvleder.cli.guided_ask import guided_request

            request, sharing = guided_request(app, need, question or [], sharing)
        else:
            request = Request(need or "feedback", topic, question)
        from selvleder.domain.ask import compose as build
        from selvleder.domain.ask import record

        message = build(
            app.journal(),
            request,
            sharing,
            target,
            _leader_name(app),
            app.config.me_name,
            app.config.max_priorities,
            app.t,
        )
        if topic is None:
            from selvleder.cli.guided_ask import confirm_preview

            confirm_preview(app, message, dry_run)
        if not dry_run:
            request_id = record(app.journal(), request, target)
        _deliver(app, message, format_, recipient, out, force)
        if not dry_run:
            app.out.warn(app.t("ask.recorded", id=request_id))

    @group.command("list", help=t("help.ask.list"), epilog=t("help.ask.list.example"))
    def list_(
        open_: Annotated[bool, typer.Option("--open", help=t("help.opt.open"))] = False,
        json: Annotated[bool, typer.Option("--json", help=t("help.opt.json"))] = False,
    ) -> None:
        from selvleder.cli import app_context
        from selvleder.domain.ask import request_json

        app = app_context()
        journal = app.journal()
        with journal.read():
            rows = [request_json(r) for r in journal.requests(only_open=open_)]
        if json:
            app.out.json(rows)
            return
        from selvleder.render.ask import requests_view

        app.out.show(requests_view(rows, app.t, only_open=open_))

    @group.command("answered", help=t("help.ask.answered"), epilog=t("help.ask.answered.example"))
    def answered(
        request_id: Annotated[int, typer.Argument(metavar="ID")],
        note: Annotated[str | None, typer.Option("--note", help=t("help.opt.answer_note"))] = None,
    ) -> None:
        _status(request_id, "answered", note, "ask.answered")

    @group.command("close", help=t("help.ask.close"), epilog=t("help.ask.close.example"))
    def close(request_id: Annotated[int, typer.Argument(metavar="ID")]) -> None:
        _status(request_id, "closed", None, "ask.closed")

    feedback = typer.Typer(help=t("help.feedback"), no_args_is_help=True)
    app.add_typer(feedback, name="feedback")

    @feedback.command("give", help=t("help.feedback.give"), epilog=t("help.feedback.give.example"))
    def give(
        to: Annotated[str, typer.Option("--to", metavar="NAME", help=t("help.opt.feedback_to"))],
        text: Annotated[str, typer.Argument(metavar="TEXT", help=t("help.arg.feedback_text"))],
    ) -> None:
        from selvleder.cli import app_context
        from selvleder.domain.ask import give_feedback
        from selvleder.domain.text import MAX_NOTE, require_text

        require_text(to, "to", 120)
        require_text(text, "text", MAX_NOTE)
        app = app_context()
        feedback_id = give_feedback(app.journal(), to, text)
        app.out.say("feedback.logged", id=feedback_id, to=to)


def _status(request_id: int, status: str, note: str | None, key: str) -> None:
    from selvleder.cli import app_context
    from selvleder.domain.ask import set_request_status
    from selvleder.domain.text import check_id

    check_id(request_id, "request")
    app = app_context()
    row = set_request_status(app.journal(), request_id, status, note)
    app.out.say(key, id=row["id"], topic=row["topic"])


def _recipient(to: str | None) -> str | None:
    if to is None:
        return None
    from selvleder.config import valid_email
    from selvleder.errors import BadInput

    if not valid_email(to.strip()):
        raise BadInput("error.email", field="--to", value=to)
    return to.strip()


def _leader_name(app: "AppContext") -> str | None:
    return app.config.leader_name


def _deliver(
    app: "AppContext",
    message: "Message",
    format_: str,
    to: str | None,
    out: str | None,
    force: bool,
) -> None:
    from selvleder.export.message import to_eml, to_markdown, to_text

    if format_ == "eml":
        from selvleder.domain.dates import now

        config = app.config
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
        app.out.say("export.written", path=out)
        return
    import sys

    sys.stdout.write(data.decode("utf-8"))  # an .eml is plain ASCII
