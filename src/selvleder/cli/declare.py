"""Each command declared once: its words, help key, parameters and body.

A module under ``cli/`` declares its commands with ``Commands.add`` right above
the body, a plain module-level function that takes the ``AppContext`` first.
From that one declaration ``cli.build`` makes the Typer command (help, types,
short and long names), and ``parse`` below reads the same declaration to
recognise the plain forms of the quick commands without importing Typer
(PRODUCT.md, Speed). ``parse`` follows Click's rules for what it accepts and
raises ``Declined`` for anything else, so Typer gives its usual message.
``tests/test_quick_paths.py`` checks both against each other on generated words.

Nothing here imports Typer, and nothing heavier than the standard library.
"""

from __future__ import annotations

import keyword

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import TypeVar

    Value = str | int | bool | list[str] | None
    Body = Callable[..., None]
    F = TypeVar("F", bound=Body)

    from selvleder.message_keys import MessageKey

TEXT, NUMBER, FLAG = "text", "number", "flag"


def number(text: str) -> int:
    """A whole number the way Click reads one (``int()``); ValueError otherwise."""
    return int(text)


class Opt:
    """An option: ``--long`` (and ``-s``), its catalogue help key and what it takes.

    ``dest`` is the body's parameter name (``--can-wait`` -> ``can_wait``, ``--from`` ->
    ``from_``); ``off`` names the form that sets a flag to False (``--no-carry``).
    """

    __slots__ = (
        "default",
        "dest",
        "help",
        "kind",
        "long",
        "metavar",
        "off",
        "repeat",
        "required",
        "short",
    )

    def __init__(
        self,
        long: str,
        help: MessageKey,
        *,
        short: str | None = None,
        kind: str = TEXT,
        metavar: str | None = None,
        repeat: bool = False,
        required: bool = False,
        default: str | int | bool | None = None,
        off: str | None = None,
        dest: str = "",
    ) -> None:
        if repeat and kind != TEXT:
            raise ValueError(f"{long}: only text options repeat")
        if not dest:
            dest = long[2:].replace("-", "_")
            dest = dest + "_" if keyword.iskeyword(dest) else dest
        self.long, self.help, self.short, self.kind = long, help, short, kind
        self.metavar, self.repeat, self.required, self.off = metavar, repeat, required, off
        self.default = False if kind == FLAG and default is None and off is None else default
        self.dest = dest

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(n for n in (self.long, self.short, self.off) if n)

    def empty(self) -> Value:
        """The value the body gets when the option is not given."""
        return [] if self.repeat else self.default


class Arg:
    """A positional argument: where it goes, its metavar and help key."""

    __slots__ = ("dest", "help", "kind", "metavar", "required")

    def __init__(
        self,
        dest: str,
        metavar: str,
        help: MessageKey | None = None,
        *,
        kind: str = TEXT,
        required: bool = True,
    ) -> None:
        self.dest, self.metavar, self.help, self.kind, self.required = (
            dest,
            metavar,
            help,
            kind,
            required,
        )


class Command:
    """One command: the words that name it, its help key (the example is
    ``help + ".example"``), its parameters in help order, and its body.
    ``quick``: the quick path may run it without Typer."""

    __slots__ = ("body", "help", "params", "path", "quick")

    def __init__(
        self,
        path: tuple[str, ...],
        help: MessageKey,
        params: tuple[Opt | Arg, ...],
        body: Body,
        quick: bool = False,
    ) -> None:
        self.path, self.help, self.params, self.body, self.quick = path, help, params, body, quick

    @property
    def epilog(self) -> MessageKey:
        from selvleder.i18n import message_key

        return message_key(f"{self.help}.example")

    @property
    def options(self) -> tuple[Opt, ...]:
        return tuple(p for p in self.params if isinstance(p, Opt))

    @property
    def arguments(self) -> tuple[Arg, ...]:
        return tuple(p for p in self.params if isinstance(p, Arg))


class Group:
    """A command word with subcommands (``energy``, ``goal``). With ``compose``, the
    command declared under the group's own name runs when no subcommand is given
    (``ask-leader``); without, the group shows its help."""

    __slots__ = ("compose", "epilog", "help", "name")

    def __init__(
        self, name: str, help: MessageKey, epilog: MessageKey | None = None, compose: bool = False
    ) -> None:
        self.name, self.help, self.epilog, self.compose = name, help, epilog, compose


class Commands:
    """The commands one module declares, in the order help lists them."""

    def __init__(self, *groups: Group) -> None:
        self.groups = groups
        self.declared: list[Command] = []

    def add(
        self, path: str, help: MessageKey, *params: Opt | Arg, quick: bool = False
    ) -> Callable[[F], F]:
        def declare(body: F) -> F:
            self.declared.append(Command(tuple(path.split()), help, params, body, quick))
            return body

        return declare

    def group(self, name: str) -> Group | None:
        return next((g for g in self.groups if g.name == name), None)

    def find(self, words: list[str]) -> tuple[Command, list[str]] | None:
        """The command named by the first words (``ask-leader list`` before
        ``ask-leader``), and the words after it."""
        for command in sorted(self.declared, key=lambda c: -len(c.path)):
            if words[: len(command.path)] == list(command.path):
                return command, words[len(command.path) :]
        return None


# The root's own options, before the command word.
ROOT = (
    Opt("--db", "help.opt.db", metavar="PATH"),
    Opt("--lang", "help.opt.lang", metavar="nb|en"),
    Opt("--version", "help.opt.version", kind=FLAG),
    Opt("--debug", "help.opt.debug", kind=FLAG),
)


class Declined(Exception):
    """Not a plain form: Typer handles it (and says what is wrong, if anything)."""


def _by_name(options: tuple[Opt, ...]) -> dict[str, Opt]:
    return {name: o for o in options for name in o.names}


def _convert(option: Opt | Arg, text: str) -> str | int:
    if option.kind != NUMBER:
        return text
    try:
        return number(text)
    except ValueError:
        raise Declined() from None


def _store(values: dict[str, Value], option: Opt, name: str, text: str | None) -> None:
    """Keep the word as given; ``_finish`` converts it, as Click converts after parsing."""
    if option.kind == FLAG:
        values[option.dest] = name != option.off
    elif option.repeat:
        listed = values.setdefault(option.dest, [])
        assert isinstance(listed, list) and text is not None
        listed.append(text)
    else:
        values[option.dest] = text  # Click keeps the last of a repeated option


def _take_option(
    arg: str, rest: list[str], known: dict[str, Opt], values: dict[str, Value]
) -> None:
    """One option word (and its value) the way Click's parser reads it."""
    if arg.startswith("--"):
        name, has_value, text = arg.partition("=")
        option = known.get(name)
        if option is None:
            raise Declined()
        if option.kind == FLAG:
            if has_value:
                raise Declined()  # "does not take a value"
            _store(values, option, name, None)
            return
        if not has_value:
            if not rest:
                raise Declined()  # "requires an argument"
            text = rest.pop(0)
        _store(values, option, name, text)
        return
    option = known.get(arg[:2])
    if option is None or option.kind == FLAG:
        raise Declined()  # combined short flags: none of the quick commands has one
    if len(arg) > 2:
        _store(values, option, arg[:2], arg[2:])
    elif rest:
        _store(values, option, arg, rest.pop(0))
    else:
        raise Declined()


def parse_root(args: list[str]) -> tuple[dict[str, Value], list[str]]:
    """The root options before the command word, and the words from it on."""
    values: dict[str, Value] = {o.dest: o.empty() for o in ROOT}
    rest = list(args)
    known = _by_name(ROOT)
    while rest and rest[0].startswith("-") and rest[0] != "-":
        arg = rest.pop(0)
        if arg == "--":
            break  # Click: the command word follows
        _take_option(arg, rest, known, values)
    if values["version"]:
        raise Declined()  # --version prints and exits: Typer's callback does that
    return values, rest


def parse(command: Command, args: list[str]) -> dict[str, Value]:
    """The body's keyword arguments for the words after the command, or Declined."""
    values: dict[str, Value] = {}
    positionals: list[str] = []
    known = _by_name(command.options)
    rest = list(args)
    while rest:
        arg = rest.pop(0)
        if arg == "--":
            positionals.extend(rest)
            break
        if arg.startswith("-") and arg != "-":
            _take_option(arg, rest, known, values)
        else:
            positionals.append(arg)
    arguments = command.arguments
    if len(positionals) > len(arguments):
        raise Declined()  # "unexpected extra argument"
    for argument, text in zip(arguments, positionals, strict=False):
        values[argument.dest] = _convert(argument, text)
    for argument in arguments[len(positionals) :]:
        if argument.required:
            raise Declined()  # "missing argument"
        values[argument.dest] = None
    for option in command.options:
        if option.dest not in values:
            if option.required:
                raise Declined()
            values[option.dest] = option.empty()
        elif option.kind == NUMBER:
            given = values[option.dest]
            assert isinstance(given, str)
            values[option.dest] = _convert(option, given)
    return values
