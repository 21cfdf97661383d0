"""``completion bash|zsh|fish``: the shell completion scripts, and what they ask for.

A script calls ``selvleder __complete SHELL WORD...`` on every Tab (the words
after ``selvleder``, the last one the word being completed); ``complete`` below
answers with one candidate a line, ``value<TAB>description``, or ``__files__``
where a file name is expected. It runs on the quick path (``quick.py``), never
imports Typer and knows the commands from the same declarations the commands
are built from; ids come from one read-only glance at the journal
(``storage.peek``), which never creates or migrates it. So a Tab costs no more
than a plain command (``benchmarks/run.py`` measures it).
"""

from __future__ import annotations

from selvleder.cli.declare import FLAG, Arg, Command, Commands, Opt
from selvleder.context import AppContext

TYPE_CHECKING = False
if TYPE_CHECKING:
    from selvleder.i18n import Messages

commands = Commands()
SHELLS = ("bash", "zsh", "fish")
FILES = "__files__"  # the line that asks the shell for file names
HIDDEN = "__complete"  # the word the scripts call; not a command a person types


@commands.add(
    "completion",
    "help.completion",
    Arg("shell", "bash|zsh|fish", "help.arg.shell"),
    quick=True,
)
def completion(ctx: AppContext, shell: str) -> None:
    import sys

    from selvleder.errors import BadInput

    if shell not in SHELLS:
        raise BadInput("error.completion_shell", value=shell)
    sys.stdout.write(SCRIPTS[shell])


# The scripts: each hands the words to `selvleder __complete` and shows what comes back.
BASH = r"""# selvleder completion for bash. Load it in ~/.bashrc with:
#   eval "$(selvleder completion bash)"
_selvleder_complete() {
    local cur=${COMP_WORDS[COMP_CWORD]} line value
    local IFS=$'\n'
    local -a lines ids=()
    lines=($(command selvleder __complete bash "${COMP_WORDS[@]:1:COMP_CWORD}" 2>/dev/null))
    COMPREPLY=()
    for line in "${lines[@]}"; do
        if [[ $line == __files__ ]]; then
            compopt -o filenames 2>/dev/null
            COMPREPLY+=($(compgen -f -- "$cur"))
            continue
        fi
        value=${line%%$'\t'*}
        COMPREPLY+=("$value")
        [[ $line == *$'\t'* ]] && ids+=("$value -- ${line#*$'\t'}")
    done
    # ids with their titles: shown when there is a choice, the bare id is inserted
    if (( ${#ids[@]} > 1 && ${#ids[@]} == ${#COMPREPLY[@]} )); then
        COMPREPLY=("${ids[@]}")
    fi
    return 0
}
complete -F _selvleder_complete selvleder
"""

ZSH = r"""#compdef selvleder
# selvleder completion for zsh. Load it in ~/.zshrc (after compinit) with:
#   source <(selvleder completion zsh)
_selvleder() {
    local line files=0
    local -a lines described
    lines=("${(@f)$(command selvleder __complete zsh "${(@)words[2,CURRENT]}" 2>/dev/null)}")
    for line in "${lines[@]}"; do
        [[ -z $line ]] && continue
        if [[ $line == __files__ ]]; then
            files=1
        elif [[ $line == *$'\t'* ]]; then
            described+=("${${line%%$'\t'*}//:/\\:}:${line#*$'\t'}")
        else
            described+=("${line//:/\\:}")
        fi
    done
    (( files )) && _files
    (( ${#described} )) && _describe selvleder described
    return 0
}
if (( $+functions[compdef] )); then
    compdef _selvleder selvleder
fi
"""

FISH = r"""# selvleder completion for fish. Load it with:
#   selvleder completion fish | source
# or keep it: selvleder completion fish > ~/.config/fish/completions/selvleder.fish
function __selvleder_complete
    set -l words (commandline -opc) (commandline -ct)
    for line in (command selvleder __complete fish $words[2..-1] 2>/dev/null)
        if test "$line" = __files__
            __fish_complete_path (commandline -ct)
        else
            printf '%s\n' $line
        end
    end
end
complete -c selvleder -f -a '(__selvleder_complete)'
"""

SCRIPTS = {"bash": BASH, "zsh": ZSH, "fish": FISH}

ROOT_HELP = "--help"
WEEK_WORDS = ("this", "denne", "next", "neste", "last", "forrige")
# Which ids an argument or option lists, by its name and (for an argument) its command.
ID_KINDS = {
    "goal_id": "goal",
    "goal": "goal",
    "under": "goal",
    "priority_id": "priority-any",
    "request_id": "request",
    "item_id": "mandate",
}
ID_BY_COMMAND: dict[tuple[str, ...], str] = {
    ("goal", "show"): "goal-any",
    ("goal", "reopen"): "goal-closed",
    ("priority", "done"): "priority",
    ("priority", "drop"): "priority",
    ("priority", "move"): "priority",
    ("priority", "edit"): "priority",
    ("priority", "undone"): "priority-done",
    ("ask-leader", "close"): "request-unclosed",
}


class Completer:
    """The candidates for one Tab: what the words so far allow at the last one."""

    def __init__(self, shell: str, words: list[str]) -> None:
        self.shell = shell
        self.words = words[:-1]
        self.cur = words[-1] if words else ""
        self.db: str | None = None
        self.lang: str | None = None
        self._t: Messages | None = None

    @property
    def describe(self) -> bool:
        """bash shows no descriptions (ids get their titles anyway)."""
        return self.shell != "bash"

    @property
    def t(self) -> Messages:
        if self._t is None:
            from selvleder.i18n import Messages
            from selvleder.i18n.choose import fallback_lang, lazy_lang

            try:
                lang = lazy_lang(self.lang)
            except Exception:
                lang = fallback_lang(self.lang)
            self._t = Messages(lang)
        return self._t

    def text(self, key: str) -> str:
        if not self.describe:
            return ""
        t = self.t
        return t(key) if t.has(key) else ""

    def candidates(self) -> list[tuple[str, str]]:
        from selvleder.cli import COMMAND_HELP, COMMAND_MODULES
        from selvleder.cli.declare import ROOT

        rest = list(self.words)
        pending = self._root_options(rest, ROOT)
        if pending is not None:
            return self._values(pending, None)
        if not rest:
            if self.cur.startswith("-"):
                return [(o.long, self.text(o.help)) for o in ROOT] + [(ROOT_HELP, "")]
            return [(name, self.text(key)) for name, key in COMMAND_HELP.items()]
        module = COMMAND_MODULES.get(rest[0])
        if module is None:
            return []
        import importlib

        declared: Commands = importlib.import_module(f"selvleder.cli.{module}").commands
        group = declared.group(rest[0])
        if group is not None and len(rest) == 1:
            found = declared.find(rest)
            subs = [
                (c.path[1], self.text(c.help))
                for c in declared.declared
                if len(c.path) == 2 and c.path[0] == group.name
            ]
            if found is None or not self.cur.startswith("-"):
                return subs
        found = declared.find(rest)
        if found is None:
            return []
        command, after = found
        return self._command(command, after)

    def _root_options(self, rest: list[str], root: tuple[Opt, ...]) -> Opt | None:
        """Take the root options off ``rest`` (remembering --db and --lang); the option
        whose value is being completed, if any."""
        known = {name: o for o in root for name in o.names}
        while rest and rest[0].startswith("-"):
            option = known.get(rest[0].split("=", 1)[0])
            word = rest.pop(0)
            if option is None or option.kind == FLAG or "=" in word:
                if option is not None and "=" in word:
                    self._remember(option, word.split("=", 1)[1])
                continue
            if not rest:
                return option
            self._remember(option, rest.pop(0))
        return None

    def _remember(self, option: Opt, value: str) -> None:
        if option.dest == "db":
            self.db = value
        elif option.dest == "lang":
            self.lang = value

    def _command(self, command: Command, after: list[str]) -> list[tuple[str, str]]:
        known = {name: o for o in command.options for name in o.names}
        pending: Opt | None = None
        positionals = 0
        only_args = False
        for word in after:
            if pending is not None:
                pending = None
            elif only_args or word == "-" or not word.startswith("-"):
                positionals += 1
            elif word == "--":
                only_args = True
            elif "=" not in word:
                option = known.get(word if word.startswith("--") else word[:2])
                if option is not None and option.kind != FLAG and len(word) <= len(option.long):
                    pending = option
        if pending is not None:
            return self._values(pending, command)
        arguments = command.arguments
        if self.cur.startswith("-") and not only_args:
            return self._options(command)
        if positionals < len(arguments):
            return self._values(arguments[positionals], command)
        return self._options(command) if not self.cur else []

    def _options(self, command: Command) -> list[tuple[str, str]]:
        found: list[tuple[str, str]] = []
        for option in command.options:
            for name in (option.long, option.off):
                if name:
                    found.append((name, self.text(option.help)))
        return [*found, (ROOT_HELP, "")]

    def _values(self, param: Opt | Arg, command: Command | None) -> list[tuple[str, str]]:
        metavar = param.metavar or ""
        dest = param.dest
        if any(word in metavar for word in ("FILE", "PATH", "BACKUP")):
            return [(FILES, "")]
        if dest == "week":
            return self._weeks()
        kind = ID_KINDS.get(dest)
        if kind is not None:
            if isinstance(param, Arg) and command is not None:
                kind = ID_BY_COMMAND.get(command.path, kind)
            from selvleder.services.completion import completion_ids

            return [
                (str(i), _one_line(title) + (f" ({week})" if week else ""))
                for i, title, week in completion_ids(self.db, kind)
            ]
        if dest == "need":
            from selvleder.entities import NEEDS

            return [(need, self.text(f"ask.need.{need}")) for need in NEEDS]
        if command is not None and command.path == ("remind", "run"):
            from selvleder.domain.reminders import KINDS

            return [(kind, "") for kind in KINDS]
        if dest == "level":
            return [(str(n), "") for n in range(1, 6)]
        if "|" in metavar and " " not in metavar:
            return [(choice, "") for choice in metavar.split("|")]
        return []

    def _weeks(self) -> list[tuple[str, str]]:
        from datetime import date, timedelta

        today = date.today()
        words = [(w, "") for w in WEEK_WORDS]
        for shift in range(-4, 5):
            year, number, _ = (today + timedelta(weeks=shift)).isocalendar()
            words.append((f"W{number:02d}", f"{year}-W{number:02d}" if self.describe else ""))
        return words


def _one_line(text: str, width: int = 70) -> str:
    """A title as one short line: no tabs, newlines or other control characters."""
    flat = " ".join("".join(c if c.isprintable() else " " for c in text).split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def complete(args: list[str]) -> int:
    """``selvleder __complete SHELL WORD...``: the candidates, one a line. Always exit 0
    and never a traceback: a Tab must not print an error into the command line."""
    import sys

    try:
        shell, words = (args[0], args[1:]) if args else ("bash", [])
        completer = Completer(shell, words or [""])
        cur = completer.cur.casefold()
        lines = []
        for value, description in completer.candidates():
            if value == FILES:
                lines.append(FILES)
            elif value.casefold().startswith(cur):
                lines.append(f"{value}\t{description}" if description else value)
        if lines:
            sys.stdout.write("\n".join(lines) + "\n")
    except Exception:  # pragma: no cover - a broken journal or catalogue: no candidates
        if completer_debug():
            raise
    return 0


def completer_debug() -> bool:
    from selvleder.failures import debug_enabled

    return debug_enabled(False)
