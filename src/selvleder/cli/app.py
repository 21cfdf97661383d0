"""The root Typer app and the single place where errors become exit codes.

Help texts are looked up in the catalogues when the app is built, in the
language the run will use, so ``--help`` speaks nb or en like the rest. The
run's ``AppContext`` travels as Click's ``ctx.obj`` to every command.
"""

import importlib
import sys
from typing import Annotated, Any

import typer

from selvleder import __version__
from selvleder.cli import COMMAND_HELP, COMMAND_MODULES
from selvleder.cli.declare import FLAG, ROOT, Opt
from selvleder.cli.usage import (
    UsageProblem,
    click_exc,
    command_classes,
    is_help_request,
    localize_framework,
    usage_message,
)
from selvleder.context import AppContext, run_command
from selvleder.errors import BAD_INPUT, ENVIRONMENT, SelvlederError
from selvleder.failures import ABORTED, debug_enabled, report
from selvleder.i18n import Messages
from selvleder.i18n.choose import fallback_lang, lazy_lang


def _root(dest: str) -> Opt:
    return next(o for o in ROOT if o.dest == dest)


LANG, DEBUG = _root("lang"), _root("debug")
VALUED = frozenset(o.long for o in ROOT if o.kind != FLAG)  # root options that take a value


def lang_option(argv: list[str]) -> str | None:
    """The root --lang value, found before parsing (the root callback may never run
    when parsing fails, and help texts are needed before parsing)."""
    option = None
    for i, arg in enumerate(argv):
        if arg in ("init", "--"):
            break  # init has its own --lang: the language to save
        if arg == LANG.long and i + 1 < len(argv):
            option = argv[i + 1]
        elif arg.startswith(LANG.long + "="):
            option = arg.split("=", 1)[1]
    return option


def help_lang(option: str | None) -> str:
    """The language for help texts."""
    try:
        return lazy_lang(option)
    except SelvlederError:
        return fallback_lang(option)


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"selvleder {__version__}\n")
        raise typer.Exit()


def command_name(argv: list[str]) -> str | None:
    """The first word after the global options, if any."""
    args = iter(argv)
    for arg in args:
        if arg in VALUED:
            next(args, None)
        elif not arg.startswith("-"):
            return arg
    return None


def _register_overview(app: typer.Typer, t: Messages) -> None:
    """Root help (or no command at all, or an unknown one) lists the commands; it needs
    only their names and one-line help, not their parameters."""
    for name, key in COMMAND_HELP.items():
        app.command(name, help=t(key), add_help_option=False)(_overview_only)


def _overview_only() -> None:  # pragma: no cover - never invoked: resolve_command refuses first
    raise typer.Exit(2)


def _root_option(dest: str, t: Messages, eager: bool = False) -> Any:
    """A root option as ``declare.ROOT`` declares it (the quick path reads the same)."""
    option = _root(dest)
    if eager:  # --version prints and stops before anything else runs
        return typer.Option(option.long, help=t(option.help), callback=_version, is_eager=True)
    from selvleder.cli.build import metavar

    return typer.Option(option.long, metavar=metavar(option, t), help=t(option.help))


def build_app(t: Messages, command: str | None = None) -> typer.Typer:
    """The root app with ``command``'s declarations (only the names, for root help)."""
    group_cls = command_classes(t)[1]
    app = typer.Typer(
        name="selvleder",
        cls=group_cls,
        help=t("help.root"),
        epilog=t("help.root.epilog"),
        add_completion=False,
        rich_markup_mode=None,
        pretty_exceptions_enable=False,
        no_args_is_help=True,
        context_settings={"help_option_names": ["-h", "--help"]},
        options_metavar=t("usage.options_metavar"),
        subcommand_metavar=t("usage.subcommand_metavar"),
    )

    @app.callback()
    def root(
        click_ctx: typer.Context,
        db: Annotated[str | None, _root_option("db", t)] = None,
        lang: Annotated[str | None, _root_option("lang", t)] = None,
        version: Annotated[bool, _root_option("version", t, eager=True)] = False,
        debug: Annotated[bool, _root_option("debug", t)] = False,
    ) -> None:
        ctx = click_ctx.obj
        assert isinstance(ctx, AppContext)
        ctx.db_option = db
        ctx.lang_option = lang
        ctx.debug = debug_enabled(debug)
        if click_ctx.invoked_subcommand != "doctor":  # doctor reports a bad config itself
            ctx.lang  # noqa: B018 - resolve now: a bad --lang is refused before any work

    module = COMMAND_MODULES.get(command or "")
    if module is None:
        _register_overview(app, t)
        return app
    from selvleder.cli.build import add_module

    add_module(app, importlib.import_module(f"selvleder.cli.{module}").commands, t, command)
    return app


def run(argv: list[str] | None = None) -> int:
    """Run one command; return its exit code. Never raises, never shows a traceback
    unless --debug or SELVLEDER_DEBUG=1 asks for it."""
    args = list(sys.argv[1:] if argv is None else argv)
    ctx = AppContext(lang=lang_option(args), debug=any(a in DEBUG.names for a in args))
    word = command_name(args)
    command = None  # the Click command, once built: usage errors name it

    def work() -> int:
        nonlocal command
        t = Messages(help_lang(ctx.lang_option))
        localize_framework(t)
        command = typer.main.get_command(build_app(t, word))
        result = command.main(args=args, prog_name="selvleder", standalone_mode=False, obj=ctx)
        code = result if isinstance(result, int) else 0
        if code == ABORTED:  # Typer turns a Ctrl-C outside our prompts into exit 130
            code = report(ctx.error_messages(), KeyboardInterrupt(), ctx.debug)
        return code

    # the one place every failure of a Typer run becomes an exit code
    return run_command(ctx, word, work, lambda exc: _failure(ctx, exc, command))


def _failure(ctx: AppContext, exc: BaseException, command: object) -> int:
    t = ctx.error_messages()
    if isinstance(exc, SystemExit):
        return exc.code if isinstance(exc.code, int) else ENVIRONMENT
    if isinstance(exc, typer.Abort):
        return report(t, KeyboardInterrupt(), ctx.debug)
    if is_help_request(exc):
        assert isinstance(exc, click_exc.ClickException)
        sys.stdout.write(exc.format_message() + "\n")
        return 0
    if isinstance(exc, (click_exc.ClickException, UsageProblem)):
        from selvleder.render.text import literal

        if ctx.debug:
            import traceback

            traceback.print_exception(exc)
        sys.stderr.write(literal(usage_message(exc, t, command)) + "\n")
        return BAD_INPUT
    return report(t, exc, ctx.debug)
