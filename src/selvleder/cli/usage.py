"""The CLI framework's usage errors, in the user's language, on one line."""

from __future__ import annotations

import re
from typing import Any

from typer._click import exceptions as click_exc

from selvleder.i18n import Messages

GLOBAL_OPTIONS = ("--db", "--lang", "--debug", "--version")


def _param_name(exc: click_exc.BadParameter | click_exc.MissingParameter) -> str:
    if exc.param_hint:
        hint = exc.param_hint
        return " / ".join(hint) if isinstance(hint, (list, tuple)) else str(hint)
    if exc.param is not None:
        opts = getattr(exc.param, "opts", None)
        if opts and str(opts[0]).startswith("-"):
            return str(opts[0])
        return str(exc.param.human_readable_name).upper()
    return "?"


def usage_message(exc: click_exc.ClickException, t: Messages) -> str:
    ctx = getattr(exc, "ctx", None)
    path = ctx.command_path if ctx is not None else "selvleder"
    if isinstance(exc, click_exc.NoSuchOption) and exc.option_name in GLOBAL_OPTIONS:
        command = path.removeprefix("selvleder").strip()
        text = t("usage.global_option", option=exc.option_name, command=command)
    elif isinstance(exc, click_exc.NoSuchOption):
        text = t("usage.no_such_option", option=exc.option_name)
        if exc.possibilities:
            text += " " + t("usage.did_you_mean", options=", ".join(sorted(exc.possibilities)))
    elif isinstance(exc, click_exc.MissingParameter):
        text = t("usage.missing", param=_param_name(exc))
    elif isinstance(exc, click_exc.BadParameter):
        found = re.match(r"'(.*)' is not a valid (int|integer|float)\b", exc.message or "")
        if found:
            text = t("usage.not_number", param=_param_name(exc), value=found.group(1))
        else:
            text = t("usage.bad_value", param=_param_name(exc), detail=exc.message)
    elif isinstance(exc, click_exc.BadOptionUsage) and "requires an argument" in exc.message:
        text = t("usage.needs_value", option=exc.option_name)
    else:
        message = exc.format_message()
        command = re.match(r"No such command '([^']*)'", message)
        guess = re.search(r"Did you mean '([^']*)'", message)
        extra = re.match(r"Got unexpected extra arguments? \((.*)\)", message)
        if command:
            text = t("usage.no_such_command", name=command.group(1))
            if guess:
                text += " " + t("usage.did_you_mean", options=guess.group(1))
        elif extra:
            text = t("usage.extra_args", args=extra.group(1))
        else:
            text = t("usage.generic", detail=message)
    return f"{text} {t('usage.hint', command=path + ' --help')}"


_FRAMEWORK_KEYS = {
    "Arguments": "usage.section.arguments",
    "Options": "usage.section.options",
    "Commands": "usage.section.commands",
    "required": "usage.required",
    "default: {default}": "usage.default",
    "Missing command.": "usage.missing_command",
}


def localize_framework(t: Messages) -> None:
    """Make Typer's own help words (Usage, Options, ...) speak the user's language.

    Typer (and its vendored Click) look these up through ``gettext`` without a
    catalogue; we route the handful it uses to ours.
    """
    import typer.core
    from typer._click import decorators, formatting

    def translate(message: str) -> str:
        key = _FRAMEWORK_KEYS.get(message)
        return t(key).replace("{{default}}", "{default}") if key else message

    typer.core._ = translate  # type: ignore[attr-defined]
    original_usage = formatting.HelpFormatter.write_usage
    if not getattr(original_usage, "_selvleder", False):

        def write_usage(
            self: formatting.HelpFormatter, prog: str, args: str = "", prefix: str | None = None
        ) -> None:
            original_usage(self, prog, args, prefix or _USAGE[0])

        write_usage._selvleder = True  # type: ignore[attr-defined]
        formatting.HelpFormatter.write_usage = write_usage  # type: ignore[method-assign]
        original_help = decorators.help_option

        def help_option(param_decls: list[str]) -> Any:
            add = original_help(param_decls)

            def apply(command: Any) -> Any:
                result = add(command)
                command.params[-1].help = _USAGE[1]
                return result

            return apply

        decorators.help_option = help_option
    _USAGE[0] = t("usage.prefix")
    _USAGE[1] = t("usage.help_option")


_USAGE = ["Usage: ", "Show this message and exit."]
