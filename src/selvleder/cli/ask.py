"""``ask-leader`` (compose, --agenda, list, answered, close) and ``feedback give`` (tip 4)."""

from typing import Annotated

import typer

from selvleder.i18n import Messages


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
        from selvleder.commands.ask import OrderOptions, order_leadership

        options = OrderOptions(
            need,
            topic,
            question or [],
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
        order_leadership(app_context(), options)

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
        from selvleder.domain.text import MAX_NOTE, require_text
        from selvleder.services.ask import give_feedback

        require_text(to, "to", 120)
        require_text(text, "text", MAX_NOTE)
        app = app_context()
        feedback_id = give_feedback(app.journal(), to, text)
        app.out.say("feedback.logged", id=feedback_id, to=to)


def _status(request_id: int, status: str, note: str | None, key: str) -> None:
    from selvleder.cli import app_context
    from selvleder.domain.text import check_id
    from selvleder.services.ask import set_request_status

    check_id(request_id, "request")
    app = app_context()
    row = set_request_status(app.journal(), request_id, status, note)
    app.out.say(key, id=row["id"], topic=row["topic"])
