"""The quick path: the everyday commands without Typer.

Cron nudges people to log energy several times a day, and the weekly read
commands are run often, so these must start in a few times a bare
interpreter (PRODUCT.md, Speed); importing Typer alone costs more than that.
The commands declared ``quick=True`` in ``cli/*.py`` run here: their plain
forms are read from the same declarations the Typer commands are built from
(``cli/declare.py``), and the same body runs with the same ``AppContext``,
nudges and error reporting (``failures``). Anything else (help, unknown
options, a missing value) returns None and goes through Typer, which gives
the usual messages.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from selvleder.cli.declare import Command, Value


def parse_quick(argv: list[str]) -> tuple[dict[str, Value], Command, dict[str, Value]] | None:
    """(root options, command, the body's keyword arguments) for a plain quick form, else None."""
    import importlib

    from selvleder.cli import COMMAND_MODULES
    from selvleder.cli.declare import Declined, parse, parse_root

    try:
        root, words = parse_root(argv)
        module = COMMAND_MODULES.get(words[0]) if words else None
        if module is None:
            return None
        found = importlib.import_module(f"selvleder.cli.{module}").commands.find(words)
        if found is None or not found[0].quick:
            return None
        command, rest = found
        return root, command, parse(command, rest)
    except Declined:
        return None


def run_quick(argv: list[str]) -> int | None:
    """Run a quick command and return its exit code; None when Typer must handle argv."""
    if argv[:1] == ["__complete"]:  # a shell's Tab (cli/completion.py)
        from selvleder.cli.completion import complete

        return complete(argv[1:])
    parsed = parse_quick(argv)
    if parsed is None:
        return None
    root, command, values = parsed
    from selvleder.context import AppContext, run_command

    db, lang = root["db"], root["lang"]
    assert isinstance(db, str | None) and isinstance(lang, str | None)
    ctx = AppContext(db, lang, bool(root["debug"]))

    def work() -> int:
        if command.path[0] != "doctor":  # as cli/app.py: doctor reports a bad config itself
            ctx.lang  # noqa: B018 - a bad --lang is refused before any work
        command.body(ctx, **values)
        return 0

    return run_command(ctx, command.path[0], work)
