"""The root Typer app and the single place where errors become exit codes.

Help texts are looked up in the catalogues when the app is built, in the
language the run will use, so ``--help`` speaks nb or en like the rest.
"""

import sys
from typing import Annotated

import typer

from selvleder import __version__
from selvleder.context import AppContext
from selvleder.errors import BAD_INPUT, ENVIRONMENT, SelvlederError
from selvleder.failures import ABORTED, debug_enabled, failed, report
from selvleder.i18n import Messages
from selvleder.i18n.choose import fallback_lang, lazy_lang

_current: AppContext | None = None


def app_context() -> AppContext:
    """The running command's context (set by ``run``)."""
    if _current is None:  # pragma: no cover - only reachable by misuse
        raise RuntimeError("no command is running")
    return _current


def lang_option(argv: list[str]) -> str | None:
    """The root --lang value, found before parsing (the root callback may never run
    when parsing fails, and help texts are needed before parsing)."""
    option = None
    for i, arg in enumerate(argv):
        if arg in ("init", "--"):
            break  # init has its own --lang: the language to save
        if arg == "--lang" and i + 1 < len(argv):
            option = argv[i + 1]
        elif arg.startswith("--lang="):
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


# Which module registers each top-level command. A run builds only the module
# of the command it runs (importing and building every command costs time on
# each start); root help and unknown commands build them all.
COMMAND_MODULES = {
    "init": "profile",
    "role": "profile",
    "mandate": "mandate",
    "goal": "goal",
    "plan-week": "plan",
    "week": "plan",
    "priority": "plan",
    "energy": "energy",
    "reflect": "reflect",
    "review": "reflect",
    "ask-leader": "ask",
    "feedback": "ask",
    "doctor": "doctor",
    "export": "data",
    "import": "data",
    "demo": "demo",
    "remind": "remind",
    "backup": "safety",
    "restore": "safety",
    "forget": "safety",
}
ALL_MODULES = tuple(dict.fromkeys(COMMAND_MODULES.values()))
# The one-line help of each top-level command, in the order root help lists them.
COMMAND_HELP = {
    "init": "help.init",
    "role": "help.role",
    "mandate": "help.mandate",
    "goal": "help.goal",
    "plan-week": "help.plan_week",
    "week": "help.week",
    "priority": "help.priority",
    "energy": "help.energy",
    "reflect": "help.reflect",
    "review": "help.review",
    "ask-leader": "help.ask",
    "feedback": "help.feedback",
    "export": "help.export",
    "import": "help.import",
    "doctor": "help.doctor",
    "remind": "help.remind",
    "backup": "help.backup",
    "restore": "help.restore",
    "forget": "help.forget",
    "demo": "help.demo",
}


def command_name(argv: list[str]) -> str | None:
    """The first word after the global options, if any."""
    args = iter(argv)
    for arg in args:
        if arg in ("--db", "--lang"):
            next(args, None)
        elif not arg.startswith("-"):
            return arg
    return None


def _modules_for(command: str | None) -> tuple[str, ...]:
    module = COMMAND_MODULES.get(command or "")
    return (module,) if module else ALL_MODULES


def _register_overview(app: typer.Typer, t: Messages) -> None:
    """Root help (or no command at all) lists the commands; it needs only their names
    and one-line help, not their parameters, which are slow to inspect."""
    for name, key in COMMAND_HELP.items():
        app.command(name, help=t(key), add_help_option=False)(_overview_only)


def _overview_only() -> None:  # pragma: no cover - never invoked: no command word was given
    raise typer.Exit(2)


def _keep_only(app: typer.Typer, command: str) -> None:
    """Drop the module's other commands before Typer inspects their signatures."""

    def name_of(info: object) -> str:
        name = getattr(info, "name", None)
        if name:
            return str(name)
        callback = getattr(info, "callback", None)
        return str(getattr(callback, "__name__", "")).replace("_", "-")

    app.registered_commands = [c for c in app.registered_commands if name_of(c) == command]
    app.registered_groups = [g for g in app.registered_groups if name_of(g) == command]


def build_app(t: Messages, command: str | None = None) -> typer.Typer:
    app = typer.Typer(
        name="selvleder",
        help=t("help.root"),
        epilog=t("help.root.epilog"),
        add_completion=False,
        rich_markup_mode=None,
        pretty_exceptions_enable=False,
        no_args_is_help=True,
        context_settings={"help_option_names": ["-h", "--help"]},
    )

    @app.callback()
    def root(
        click_ctx: typer.Context,
        db: Annotated[
            str | None, typer.Option("--db", metavar="PATH", help=t("help.opt.db"))
        ] = None,
        lang: Annotated[
            str | None, typer.Option("--lang", metavar="nb|en", help=t("help.opt.lang"))
        ] = None,
        version: Annotated[
            bool,
            typer.Option("--version", callback=_version, is_eager=True, help=t("help.opt.version")),
        ] = False,
        debug: Annotated[bool, typer.Option("--debug", help=t("help.opt.debug"))] = False,
    ) -> None:
        ctx = app_context()
        ctx.db_option = db
        ctx.lang_option = lang
        ctx.debug = debug_enabled(debug)
        if click_ctx.invoked_subcommand != "doctor":  # doctor reports a bad config itself
            ctx.lang  # noqa: B018 - resolve now: a bad --lang is refused before any work

    if command is None:
        _register_overview(app, t)
        return app
    for name in _modules_for(command):
        import importlib

        importlib.import_module(f"selvleder.cli.{name}").register(app, t)
    if command in COMMAND_MODULES:
        _keep_only(app, command)
    return app


def run(argv: list[str] | None = None) -> int:
    """Run one command; return its exit code. Never raises, never shows a traceback
    unless --debug or SELVLEDER_DEBUG=1 asks for it."""
    global _current
    args = list(sys.argv[1:] if argv is None else argv)
    ctx = _current = AppContext(lang=lang_option(args), debug="--debug" in args)
    code = 0
    try:
        t = Messages(help_lang(ctx.lang_option))
        from selvleder.cli.usage import localize_framework

        localize_framework(t)
        command = typer.main.get_command(build_app(t, command_name(args)))
        result = command.main(args=args, prog_name="selvleder", standalone_mode=False)
        code = result if isinstance(result, int) else 0
        if code == ABORTED:  # Typer turns a Ctrl-C outside our prompts into exit 130
            code = report(_messages(ctx), KeyboardInterrupt(), ctx.debug)
        if code == 0:
            ctx.show_nudges(command_name(args))
    except BaseException as exc:  # the one place every failure becomes an exit code
        code = _failure(ctx, exc)
    finally:
        if failed(code):
            ctx.discard_created()
        ctx.close()
        _current = None
    return code


def _messages(ctx: AppContext) -> Messages:
    try:
        return ctx.t
    except SelvlederError:
        return Messages(fallback_lang(ctx.lang_option))


def _failure(ctx: AppContext, exc: BaseException) -> int:
    from typer._click import exceptions as click_exc

    t = _messages(ctx)
    if isinstance(exc, SystemExit):
        return exc.code if isinstance(exc.code, int) else ENVIRONMENT
    if isinstance(exc, typer.Abort):
        return report(t, KeyboardInterrupt(), ctx.debug)
    if isinstance(exc, click_exc.NoArgsIsHelpError):
        sys.stdout.write(exc.format_message() + "\n")
        return 0
    if isinstance(exc, click_exc.ClickException):
        from selvleder.cli.usage import usage_message
        from selvleder.render.text import literal

        if ctx.debug:
            import traceback

            traceback.print_exception(exc)
        sys.stderr.write(literal(usage_message(exc, t)) + "\n")
        return BAD_INPUT
    return report(t, exc, ctx.debug)
