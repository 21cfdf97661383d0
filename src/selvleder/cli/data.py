"""``export`` and ``import``: the whole journal as one portable file."""

from typing import Annotated

import typer

from selvleder.i18n import Messages


def register(app: typer.Typer, t: Messages) -> None:
    @app.command(help=t("help.export"), epilog=t("help.export.example"))
    def export(
        format_: Annotated[
            str, typer.Option("--format", metavar="json|markdown", help=t("help.opt.export_format"))
        ] = "json",
        out: Annotated[
            str | None, typer.Option("--out", metavar="FILE", help=t("help.opt.out"))
        ] = None,
        force: Annotated[bool, typer.Option("--force", help=t("help.opt.force"))] = False,
    ) -> None:
        from selvleder.cli import app_context
        from selvleder.errors import BadInput
        from selvleder.files import check_writable_target, write_private_file
        from selvleder.render.text import to_json
        from selvleder.services.portability import export_document

        if format_ not in ("json", "markdown"):
            raise BadInput("error.export_format", value=format_)
        if out:
            check_writable_target(out, force=force)
        ctx = app_context()
        document = export_document(ctx.journal())
        if format_ == "json":
            text = to_json(document) + "\n"
        else:
            from selvleder.export.markdown import journal_markdown

            text = journal_markdown(document, ctx.t)
        if out is None:
            import sys

            sys.stdout.write(text)
            return
        write_private_file(out, text.encode("utf-8"), force=force)
        ctx.out.say("export.written", path=out)

    @app.command("import", help=t("help.import"), epilog=t("help.import.example"))
    def import_(
        file: Annotated[str, typer.Argument(metavar="FILE", help=t("help.arg.import_file"))],
        replace: Annotated[bool, typer.Option("--replace", help=t("help.opt.replace"))] = False,
    ) -> None:
        from selvleder.cli import app_context
        from selvleder.services.portability import import_tables, load_import_file

        tables = load_import_file(file)
        ctx = app_context()
        rows, backup = import_tables(ctx.journal(), tables, replace=replace)
        if backup:
            ctx.out.say("import.backed_up", path=backup)
        ctx.out.say("import.done", rows=rows)
