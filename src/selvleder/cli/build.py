"""Typer commands made from the declarations in ``cli/*.py`` (see ``declare.py``).

Each declared parameter becomes an ``Annotated`` Typer parameter with the same
names, type, metavar and help; the command's callback hands the parsed values
and the ``AppContext`` (Click's ``ctx.obj``) to the declared body.
"""

from __future__ import annotations

import inspect
from typing import Annotated, Any

import typer

from selvleder.cli.declare import FLAG, NUMBER, TEXT, Arg, Command, Commands, Opt
from selvleder.cli.usage import command_classes, whole_number
from selvleder.context import AppContext
from selvleder.i18n import Messages

_TYPES: dict[str, type] = {FLAG: bool, NUMBER: int}


def metavar(param: Opt | Arg, t: Messages) -> str | None:
    """The metavariable shown in help and usage, in the user's language (``TITTEL`` in nb):
    the declared one, or for an option without one the kind of value it takes."""
    name = param.metavar or {TEXT: "TEXT", NUMBER: "NUMBER"}.get(param.kind)
    if name is None:
        return None  # a flag takes no value
    import re

    def word(m: re.Match[str]) -> str:
        key = f"metavar.{m[0]}"
        return t(key) if t.has(key) else m[0]

    # each metavariable word in it ("[NOTE]", "FILE.toml"); the literal choices stay
    # ("json|markdown")
    return re.sub(r"[A-Z]+", word, name)


def annotation(param: Opt | Arg, t: Messages) -> Any:
    """The ``Annotated[type, typer.Option/Argument(...)]`` Typer reads for one parameter."""
    base: Any = _TYPES.get(param.kind, str)
    parser = whole_number if param.kind == NUMBER else None
    help_text = t(param.help) if param.help else None
    if isinstance(param, Arg):
        info: Any = typer.Argument(metavar=metavar(param, t), help=help_text, parser=parser)
        return Annotated[base if param.required else base | None, info]
    names: tuple[str, ...] = (param.long + "/" + param.off,) if param.off else (param.long,)
    if param.short:
        names = (*names, param.short)
    info = typer.Option(*names, metavar=metavar(param, t), help=help_text, parser=parser)
    if param.repeat:
        base = list[base]
    if param.repeat or (param.default is None and not param.required):
        base = base | None
    return Annotated[base, info]


def signature(command: Command, t: Messages) -> inspect.Signature:
    """The signature Typer inspects: ``ctx`` and then the declared parameters, in order."""
    params = [
        inspect.Parameter("ctx", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=typer.Context)
    ]
    for p in command.params:
        default: Any = None  # an optional argument, a repeatable option (Typer gives None)
        if p.required:
            default = inspect.Parameter.empty
        elif isinstance(p, Opt) and not p.repeat:
            default = p.default
        params.append(
            inspect.Parameter(
                p.dest, inspect.Parameter.KEYWORD_ONLY, annotation=annotation(p, t), default=default
            )
        )
    return inspect.Signature(params)


def callback(command: Command, t: Messages, group: bool = False) -> Any:
    """The function Typer calls: it runs the declared body with the app context."""

    def invoke(ctx: typer.Context, **values: Any) -> None:
        if group and ctx.invoked_subcommand is not None:
            return
        for option in command.options:
            if option.repeat and values[option.dest] is None:
                values[option.dest] = []
        app = ctx.obj
        assert isinstance(app, AppContext)
        command.body(app, **values)

    invoke.__signature__ = signature(command, t)  # type: ignore[attr-defined]
    invoke.__name__ = command.body.__name__
    return invoke


def add_module(app: typer.Typer, commands: Commands, t: Messages, word: str | None) -> None:
    """Add the module's commands named ``word`` (all of them when None) to ``app``."""
    command_cls, group_cls = command_classes(t)
    groups: dict[str, typer.Typer] = {}
    for g in commands.groups:
        if word not in (None, g.name):
            continue
        sub = typer.Typer(
            cls=group_cls,
            help=t(g.help),
            epilog=t(g.epilog) if g.epilog else None,
            no_args_is_help=not g.compose,
            invoke_without_command=g.compose,
            options_metavar=t("usage.options_metavar"),
            subcommand_metavar=t("usage.subcommand_metavar"),
        )
        app.add_typer(sub, name=g.name)
        groups[g.name] = sub
    for command in commands.declared:
        if word not in (None, command.path[0]):
            continue
        if command.path[0] in groups and len(command.path) == 1:
            groups[command.path[0]].callback()(callback(command, t, group=True))
            continue
        target = groups[command.path[0]] if len(command.path) == 2 else app
        target.command(
            command.path[-1],
            cls=command_cls,
            help=t(command.help),
            epilog=t(command.epilog),
            options_metavar=t("usage.options_metavar"),
        )(callback(command, t))
