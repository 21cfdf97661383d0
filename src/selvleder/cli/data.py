"""``export`` and ``import``: the whole journal as one portable file."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from selvleder.cli.declare import FLAG, Arg, Commands, Opt
from selvleder.context import AppContext

commands = Commands()


@contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """The whole journal as tens of thousands of rows and dicts, none in a cycle: the
    cycle collector would walk them ~100 times for nothing (~8% of a 10-year export)."""
    import gc

    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@commands.add(
    "export",
    "help.export",
    Opt(
        "--format",
        "help.opt.export_format",
        metavar="json|markdown",
        default="json",
        dest="format_",
    ),
    Opt("--out", "help.opt.out", metavar="FILE"),
    Opt("--force", "help.opt.force", kind=FLAG),
    quick=True,
)
def export(ctx: AppContext, format_: str, out: str | None, force: bool) -> None:
    from selvleder.errors import BadInput
    from selvleder.files import check_writable_target, write_private_file
    from selvleder.render.text import to_json
    from selvleder.services.portability import export_document

    if format_ not in ("json", "markdown"):
        raise BadInput("error.export_format", value=format_)
    if out:
        check_writable_target(out, force=force)
    with _no_cycle_collection():
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


@commands.add(
    "import",
    "help.import",
    Arg("file", "FILE", "help.arg.import_file"),
    Opt("--replace", "help.opt.replace", kind=FLAG),
    quick=True,
)
def import_(ctx: AppContext, file: str, replace: bool) -> None:
    from selvleder.services.portability import import_tables, load_import_file

    with _no_cycle_collection():
        tables = load_import_file(file)
        rows, backup = import_tables(ctx.journal(), tables, replace=replace)
    if backup:
        ctx.out.say("import.backed_up", path=backup)
    ctx.out.say("import.done", rows=rows)
