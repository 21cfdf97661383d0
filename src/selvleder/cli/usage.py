"""The CLI framework's usage errors and help words, in the user's language.

Only Typer's and Click's public hooks are used: the ``cls`` classes Typer
builds commands with (``typer.core.TyperCommand`` / ``TyperGroup``) and the
Click methods they inherit (``format_usage``, ``get_help_option``,
``parse_args``, ``resolve_command``), a ``parser`` for whole numbers, and the
attributes of Click's exception classes (``option_name``, ``possibilities``,
``param``, ``ctx``). No message text is parsed. One hook is private:
Typer's section titles, its ``required``/``default`` words and "Missing
command." go through ``typer.core._`` (gettext without a catalogue), which
``localize_framework`` points at our catalogue.

Typer 0.27 and later vendor Click as ``typer._click``; 0.24 uses ``click``.
Click's exception classes are found from the public ``typer.BadParameter``, so
no private module path is named (README, Install, says which versions work).
"""

from __future__ import annotations

import sys
from difflib import get_close_matches
from typing import Any

import typer
import typer.core

from selvleder.cli.declare import ROOT, number
from selvleder.i18n import Messages

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typer._click import exceptions as click_exc

    from selvleder.message_keys import MessageKey
else:
    click_exc = sys.modules[typer.BadParameter.__module__]

__all__ = [
    "ClickException",
    "NotANumber",
    "UsageProblem",
    "click_exc",
    "command_classes",
    "is_help_request",
    "localize_framework",
    "usage_message",
    "whole_number",
]
GLOBAL_OPTIONS = frozenset(name for option in ROOT for name in option.names)
ClickException = click_exc.ClickException


class UsageProblem(Exception):
    """A usage error we detect ourselves, with its catalogue key (Click would say it in English)."""

    def __init__(self, ctx: typer.Context, key: MessageKey, **params: str) -> None:
        super().__init__(key)
        self.ctx = ctx
        self.key = key
        self.params = params


class NotANumber(typer.BadParameter):
    """A value that should be a whole number."""

    def __init__(self, value: str) -> None:
        super().__init__(value)
        self.value = value


def whole_number(value: str | int) -> int:
    """Typer's ``parser`` for whole numbers: the quick path's rule, our message."""
    if isinstance(value, int):  # a declared default
        return value
    try:
        return number(value)
    except ValueError:
        raise NotANumber(value) from None


def _param_name(exc: click_exc.BadParameter) -> str:
    if exc.param_hint:
        hint = exc.param_hint
        return " / ".join(hint) if isinstance(hint, (list, tuple)) else str(hint)
    if exc.param is not None:
        opts = exc.param.opts
        if opts and str(opts[0]).startswith("-"):
            return str(opts[0])
        return str(exc.param.metavar or exc.param.name or "?").upper()
    return "?"


def _is_flag(option_name: str, command: Any) -> bool:
    """Whether ``option_name`` is a flag of ``command`` or of a command under it."""
    for param in command.params:
        if option_name in (*param.opts, *param.secondary_opts):
            return bool(getattr(param, "is_flag", False))
    return any(_is_flag(option_name, sub) for sub in getattr(command, "commands", {}).values())


def is_help_request(exc: BaseException) -> bool:
    """A group called without a subcommand: Click raises its help as an error."""
    return isinstance(exc, getattr(click_exc, "NoArgsIsHelpError", ()))


def usage_message(exc: ClickException | UsageProblem, t: Messages, root: Any = None) -> str:
    """One line in the user's language. ``root`` is the command that ran: Click raises
    BadOptionUsage both for ``--flag=x`` and for a value option without its value."""
    ctx = getattr(exc, "ctx", None)
    path = ctx.command_path if ctx is not None else "selvleder"
    if isinstance(exc, UsageProblem):
        text = t(exc.key, **{k: v for k, v in exc.params.items() if k != "guess"})
        if exc.params.get("guess"):
            text += " " + t("usage.did_you_mean", options=exc.params["guess"])
    elif isinstance(exc, click_exc.NoSuchOption) and exc.option_name in GLOBAL_OPTIONS:
        command = path.removeprefix("selvleder").strip()
        text = t("usage.global_option", option=exc.option_name, command=command)
    elif isinstance(exc, click_exc.NoSuchOption):
        text = t("usage.no_such_option", option=exc.option_name)
        if exc.possibilities:
            text += " " + t("usage.did_you_mean", options=", ".join(sorted(exc.possibilities)))
    elif isinstance(exc, click_exc.MissingParameter):
        text = t("usage.missing", param=_param_name(exc))
    elif isinstance(exc, NotANumber):
        text = t("usage.not_number", param=_param_name(exc), value=exc.value)
    elif isinstance(exc, click_exc.BadParameter):
        text = t("usage.bad_value", param=_param_name(exc), detail=exc.message)
    elif isinstance(exc, click_exc.BadOptionUsage) and not (
        root is not None and _is_flag(exc.option_name, root)
    ):
        text = t("usage.needs_value", option=exc.option_name)
    else:
        text = t("usage.generic", detail=exc.format_message())
    return f"{text} {t('usage.hint', command=path + ' --help')}"


def command_classes(
    t: Messages,
) -> tuple[type[typer.core.TyperCommand], type[typer.core.TyperGroup]]:
    """Typer's command classes, speaking ``t``'s language in help and usage errors."""

    def write_usage(command: Any, ctx: typer.Context, formatter: Any) -> None:
        pieces = " ".join(command.collect_usage_pieces(ctx))
        formatter.write_usage(ctx.command_path, pieces, t("usage.prefix"))

    def localized_help(option: Any) -> Any:
        if option is not None:
            option.help = t("usage.help_option")
        return option

    class Command(typer.core.TyperCommand):
        def format_usage(self, ctx: Any, formatter: Any) -> None:
            write_usage(self, ctx, formatter)

        def get_help_option(self, ctx: Any) -> Any:
            return localized_help(super().get_help_option(ctx))

        def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
            ctx.allow_extra_args = True  # left-over words are reported below, in our words
            rest = super().parse_args(ctx, args)
            if rest and not ctx.resilient_parsing:
                raise UsageProblem(ctx, "usage.extra_args", args=" ".join(rest))
            return rest

    class Group(typer.core.TyperGroup):
        def format_usage(self, ctx: Any, formatter: Any) -> None:
            write_usage(self, ctx, formatter)

        def get_help_option(self, ctx: Any) -> Any:
            return localized_help(super().get_help_option(ctx))

        def resolve_command(self, ctx: Any, args: list[str]) -> Any:
            name = args[0]
            if self.get_command(ctx, name) is None and not name.startswith("-"):
                guesses = get_close_matches(name, self.list_commands(ctx))
                guess = guesses[0] if guesses else ""
                raise UsageProblem(ctx, "usage.no_such_command", name=name, guess=guess)
            return super().resolve_command(ctx, args)

    return Command, Group


_FRAMEWORK_KEYS: dict[str, MessageKey] = {
    "Arguments": "usage.section.arguments",
    "Options": "usage.section.options",
    "Commands": "usage.section.commands",
    "required": "usage.required",
    "default: {default}": "usage.default",
    "Missing command.": "usage.missing_command",
}


def localize_framework(t: Messages) -> None:
    """Route the handful of words Typer looks up through ``gettext`` to our catalogue.

    The one private hook left: Typer has no public way to translate its section
    titles. Without it, help still works, in English.
    """

    def translate(message: str) -> str:
        key = _FRAMEWORK_KEYS.get(message)
        return t(key).replace("{{default}}", "{default}") if key else message

    if hasattr(typer.core, "_"):
        typer.core._ = translate
