"""The quick paths: the everyday commands without Typer.

``selvleder [--db P] [--lang L] [--debug] energy log LEVEL [NOTE] [-t TAG]... [--at WHEN]``

Cron nudges people to log energy several times a day, so this command must
start in a few times a bare interpreter (PRODUCT.md, Speed), and importing
Typer alone costs more than that. This module recognises the plain forms of
the command and runs them with the same validation (``domain.energy``),
storage (``storage.connection``), output and error reporting
(``failures``) as the Typer command. Anything else (help, unknown options,
a missing level) returns None and goes through Typer, which gives the usual
messages.
"""

from __future__ import annotations

import sys


class QuickLog:
    __slots__ = ("at", "db", "debug", "lang", "level", "note", "tags")

    def __init__(self) -> None:
        self.db: str | None = None
        self.lang: str | None = None
        self.debug = False
        self.level: str | None = None
        self.note: str | None = None
        self.tags: list[str] = []
        self.at: str | None = None


def _global_options(args: list[str], q: QuickLog) -> list[str] | None:
    """Take --db, --lang and --debug off the front; None for anything else there."""
    while args and args[0].startswith("-"):
        arg = args.pop(0)
        if arg == "--debug":
            q.debug = True
        elif arg in ("--db", "--lang") and args:
            setattr(q, arg[2:], args.pop(0))
        elif arg.startswith(("--db=", "--lang=")):
            name, value = arg[2:].split("=", 1)
            setattr(q, name, value)
        else:
            return None
    return args


def parse_quick(argv: list[str]) -> QuickLog | None:
    """The parsed command, or None when it is not a plain ``energy log``."""
    q = QuickLog()
    args = _global_options(list(argv), q)
    if args is None:
        return None
    if args[:2] != ["energy", "log"]:
        return None
    args = args[2:]
    positionals: list[str] = []
    while args:
        arg = args.pop(0)
        if arg in ("-t", "--tag", "--at"):
            if not args:
                return None
            value = args.pop(0)
            if arg == "--at":
                q.at = value
            else:
                q.tags.append(value)
        elif arg.startswith("--tag="):
            q.tags.append(arg[6:])
        elif arg.startswith("--at="):
            q.at = arg[5:]
        elif arg.startswith("-t") and len(arg) > 2:
            q.tags.append(arg[2:])
        elif arg.startswith("-") and arg != "-":
            return None
        else:
            positionals.append(arg)
    if not 1 <= len(positionals) <= 2:
        return None
    q.level = positionals[0]
    q.note = positionals[1] if len(positionals) == 2 else None
    return q


def quick_energy_log(argv: list[str]) -> int | None:
    q = parse_quick(argv)
    if q is None:
        return None
    from selvleder.failures import debug_enabled

    q.debug = debug_enabled(q.debug)
    connection = None
    code = 0
    t = None
    try:
        from selvleder.i18n import Messages
        from selvleder.i18n.choose import lazy_lang

        t = Messages(lazy_lang(q.lang))
        from selvleder.domain.energy import make_entry
        from selvleder.paths import resolve_journal_path
        from selvleder.render.energy_lines import logged_line
        from selvleder.render.text import literal
        from selvleder.services.energy import log_energy
        from selvleder.storage.connection import open_journal

        entry = make_entry(q.level or "", q.note, q.tags, q.at)
        path, chosen = resolve_journal_path(q.db)
        connection = open_journal(path, chosen=chosen)
        log_id = log_energy(connection, entry)
        sys.stdout.write(literal(logged_line(t, log_id, entry)) + "\n")
        from selvleder.inbox import show_pending_nudges
        from selvleder.storage.journal import Journal

        show_pending_nudges(Journal(connection), t)
    except BaseException as exc:
        from selvleder.failures import failed, report

        if t is None:
            from selvleder.i18n import Messages
            from selvleder.i18n.choose import fallback_lang

            t = Messages(fallback_lang(q.lang))
        code = report(t, exc, q.debug)
        if connection is not None and failed(code):
            from selvleder.storage.connection import remove_created

            connection.close()
            remove_created(connection.made)
            connection = None
    finally:
        if connection is not None:
            connection.close()
    return code


# -- the everyday read commands --------------------------------------------------------

FLAG, TEXT, NUMBER = "flag", "text", "number"
REPORTS: dict[tuple[str, ...], tuple[str, dict[str, str]]] = {
    ("week",): ("show_week", {"--week": TEXT, "--json": FLAG}),
    ("energy", "show"): ("energy_show", {"--weeks": NUMBER, "--json": FLAG}),
    ("energy", "insights"): ("energy_insights", {"--weeks": NUMBER, "--json": FLAG}),
    ("review",): ("review", {"--weeks": NUMBER, "--json": FLAG}),
    ("reflect",): (
        "reflect",
        {
            "--week": TEXT,
            "--answers": TEXT,
            "--no-input": FLAG,
            "--show": FLAG,
            "--export": TEXT,
            "--force": FLAG,
            "--json": FLAG,
        },
    ),
}


def parse_report(argv: list[str]) -> tuple[QuickLog, str, dict[str, object]] | None:
    """(globals, function name, keyword arguments) for a plain report command, else None."""
    q = QuickLog()
    args = _global_options(list(argv), q)
    if args is None:
        return None
    for words, (function, options) in REPORTS.items():
        if tuple(args[: len(words)]) != words:
            continue
        kwargs: dict[str, object] = {}
        rest = args[len(words) :]
        while rest:
            arg = rest.pop(0)
            name, has_value, value = arg.partition("=")
            kind = options.get(name)
            key = name[2:].replace("-", "_")
            if kind is None or key in kwargs:
                return None
            if kind == FLAG:
                if has_value:
                    return None
                kwargs[key] = True
                continue
            if not has_value:
                if not rest:
                    return None
                value = rest.pop(0)
            if kind == NUMBER:
                if not value.strip().lstrip("-").isdigit():
                    return None  # Typer says what is wrong with it
                kwargs[key] = int(value)
            else:
                kwargs[key] = value
        return q, function, kwargs
    return None


def quick_report(argv: list[str]) -> int | None:
    parsed = parse_report(argv)
    if parsed is None:
        return None
    q, function, kwargs = parsed
    from selvleder.context import AppContext
    from selvleder.failures import failed, report

    ctx = AppContext(q.db, q.lang, q.debug)
    code = 0
    try:
        ctx.lang  # noqa: B018 - a bad --lang is refused before any work
        from selvleder.commands import reports

        getattr(reports, function)(ctx, **kwargs)
        ctx.show_nudges(function)
    except BaseException as exc:
        from selvleder.i18n import Messages
        from selvleder.i18n.choose import fallback_lang

        try:
            t = ctx.t
        except Exception:
            t = Messages(fallback_lang(q.lang))
        code = report(t, exc, ctx.debug)
    finally:
        if failed(code):
            ctx.discard_created()
        ctx.close()
    return code
