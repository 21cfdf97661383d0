"""Questions at the terminal, in the user's language.

Line editing and history come from GNU readline (the standard library's
``readline``: about 2 ms at start-up, where prompt_toolkit cost over 200 ms),
loaded the first time a prompt is shown on a terminal. Every answer is
cleaned of escape sequences and control characters, so a key readline does
not know can never end up in the journal. Each prompt checks its answer where
it is typed and asks again with the reason; ``?`` shows the prompt's help.
Ctrl-C and end of input become ``Aborted``: the command saves nothing.
"""

from __future__ import annotations

import re
import sys

from selvleder.errors import Aborted, SelvlederError
from selvleder.i18n import Messages
from selvleder.render.text import literal, one_line

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Sequence
    from typing import TypeVar

    from selvleder.message_keys import MessageKey

    T = TypeVar("T")

YES = frozenset({"y", "yes", "j", "ja"})
NO = frozenset({"n", "no", "nei"})
HELP = "?"
EDIT = "e"  # typed alone at a prompt that allows it: write the answer in $EDITOR
MAX_PROMPT = 5000  # what one line at a prompt may hold; longer answers go through $EDITOR

# An escape sequence a key sends (CSI, SS3, or ESC and one character), then any control
# character left (tab and line breaks aside, which literal() shows escaped anyway).
_SEQUENCE = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|O.|.)?|\x9b[0-?]*[ -/]*[@-~]", re.DOTALL)
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")

_readline_ready = False


def clean(answer: str) -> str:
    """What the person meant to type: escape sequences and control characters removed."""
    if answer.isprintable():
        return answer.strip()
    return _CONTROL.sub("", _SEQUENCE.sub("", answer)).strip()


def _line_editing() -> None:
    """Arrow keys, Home/End, Backspace and history as in a shell (once per run)."""
    global _readline_ready
    if _readline_ready:
        return
    _readline_ready = True
    try:
        import readline
    except ImportError:  # a Python built without it: input() still works, cleaned
        return
    readline.set_completer(lambda text, state: None)  # Tab completes nothing, no file names
    readline.set_auto_history(True)  # this run's answers: ↑ brings one back (never saved)


def _width() -> int:
    import shutil

    return max(shutil.get_terminal_size((80, 24)).columns, 40)


def _read(prompt: str) -> str:
    """One raw line; a prompt wider than the terminal wrapped at word boundaries, its last
    line left as the prompt."""
    width = _width() - 2  # the text, then a space and the cursor on the same line
    if len(prompt.rstrip()) > width:
        import textwrap

        lines = textwrap.wrap(prompt, width) or [""]
        for line in lines[:-1]:
            sys.stdout.write(literal(line) + "\n")
        prompt = lines[-1] + " "
    if sys.stdin.isatty() and sys.stdout.isatty():
        _line_editing()
    try:
        return input(literal(prompt))
    except (EOFError, KeyboardInterrupt):
        sys.stdout.write("\n")
        raise Aborted() from None


def _shown(label: str, default: str | None) -> str:
    # a question already ends in its own mark: no colon after "?" (nor a second one)
    sep = " " if label.rstrip().endswith(("?", ":")) else ": "
    return f"{label} [{default}]{sep}" if default else f"{label}{sep}"


class Prompter:
    """Asks in one language; what it says between questions goes to ``say``."""

    def __init__(self, t: Messages) -> None:
        self.t = t

    def echo(self, text: str) -> None:
        """A line between questions, wrapped at word boundaries (indented as it starts)."""
        width = _width() - 1
        if len(text) > width:
            import textwrap

            indent = " " * (len(text) - len(text.lstrip(" ")))
            text = "\n".join(textwrap.wrap(text, width, subsequent_indent=indent))
        sys.stdout.write(literal(text) + "\n")

    def refuse(self, exc: SelvlederError) -> None:
        self.echo(one_line(self.t(exc.key, **exc.params)))

    def help(
        self,
        help_key: MessageKey | None,
        default: str | None,
        editor: bool,
        more: Sequence[str] = (),
    ) -> None:
        t = self.t
        if help_key is not None:
            self.echo("  " + t(help_key))
        for line in more:
            self.echo("    " + line)
        if default:
            self.echo("  " + t("prompt.help.default", value=default))
        if editor:
            self.echo("  " + t("prompt.help.editor", max=self.thousands(MAX_PROMPT)))
        self.echo("  " + t("prompt.help.keys"))

    def thousands(self, n: int) -> str:
        text = f"{n:,}"
        return text.replace(",", "\u00a0") if self.t.lang == "nb" else text

    def text(
        self,
        label: str,
        default: str | None = None,
        *,
        help: MessageKey | None = None,
        limit: int = MAX_PROMPT,
        editor: str | None = None,
        more: Sequence[str] = (),
        initial: str | None = None,
    ) -> str:
        """A line of text (Enter: the default, or ''). ``editor``: the comment shown in
        $EDITOR when the person types ``e`` (the editor opens on ``initial``, else the
        default, and takes up to ``limit`` characters); ``more``: lines for the help."""
        while True:
            answer = clean(_read(_shown(label, default)))
            if answer == HELP:
                self.help(help, default, editor is not None, more)
                continue
            if editor is not None and answer.lower() == EDIT:
                written = self.edit(initial or default or "", editor, limit)
                if written is None:
                    continue
                return written
            if not answer:
                return default or ""
            if len(answer) > min(limit, MAX_PROMPT):
                if editor is not None:  # nothing typed is lost: the editor opens on it
                    self.echo(self.t("prompt.to_editor", count=self.thousands(len(answer))))
                    written = self.edit(answer, editor, limit)
                    if written is not None:
                        return written
                self.too_long(len(answer), min(limit, MAX_PROMPT))
                continue
            return answer

    def too_long(self, count: int, limit: int) -> None:
        self.echo(self.t("prompt.too_long", count=self.thousands(count), max=self.thousands(limit)))

    def edit(self, initial: str, comment: str, limit: int) -> str | None:
        """The answer written in $EDITOR (nothing of it lost when it is too long: the
        editor opens again on it); None when no editor could be started."""
        from selvleder.integrations.editor import edit_text

        text = initial
        while True:
            written = edit_text(text, comment)
            if written is None:
                self.echo(self.t("prompt.no_editor"))
                return None
            lines = (_CONTROL.sub("", _SEQUENCE.sub("", line)) for line in written.splitlines())
            written = "\n".join(lines).strip()
            if len(written) <= limit:
                if written:
                    self.echo(self.t("prompt.edited", count=self.thousands(len(written))))
                return written
            self.echo(
                self.t(
                    "prompt.too_long_again",
                    count=self.thousands(len(written)),
                    max=self.thousands(limit),
                )
            )
            text = written

    def checked(
        self,
        label: str,
        parse: Callable[[str], T],
        default: str | None = None,
        *,
        help: MessageKey | None = None,
        limit: int = MAX_PROMPT,
    ) -> T | None:
        """Ask until the answer is empty (None) or ``parse`` takes it; a refused answer
        is said with its reason and asked again at once."""
        while True:
            answer = self.text(label, default, help=help, limit=limit)
            if not answer:
                return None
            try:
                return parse(answer)
            except SelvlederError as exc:
                self.refuse(exc)
            except ValueError:
                self.echo(self.t("prompt.not_understood", value=answer))

    def number(
        self,
        label: str,
        low: int,
        high: int,
        default: int | None = None,
        *,
        help: MessageKey | None = None,
    ) -> int | None:
        """A whole number from ``low`` to ``high``; Enter: the default (None: no answer)."""
        while True:
            answer = self.text(label, str(default) if default is not None else None, help=help)
            if not answer:
                return None
            if answer.isdigit() and low <= int(answer) <= high:
                return int(answer)
            self.echo(self.t("prompt.number_again", value=answer, low=low, high=high))

    def list(
        self, label: str, current: list[str] | None = None, *, help: MessageKey | None = None
    ) -> list[str] | None:
        """Several answers, one per line; an empty line ends. With ``current``: Enter at
        once keeps them (None), '-' empties the list."""
        t = self.t
        if current:
            self.echo(literal(label) + " " + t("prompt.list_hint_current"))
            for item in current:
                self.echo("    " + item)
        else:
            self.echo(literal(label) + " " + t("prompt.list_hint"))
        items: list[str] = []
        while True:
            answer = self.text("  -", help=help, limit=300)
            if not answer:
                return None if current and not items else items
            if answer == "-" and current and not items:
                return []
            items.append(answer)

    def confirm(self, label: str, default: bool = True, *, help: MessageKey | None = None) -> bool:
        t = self.t
        hint = t("prompt.yes_no_default_yes") if default else t("prompt.yes_no_default_no")
        while True:
            answer = clean(_read(_shown(f"{label} {hint}", None))).lower()
            if answer == HELP:
                self.help(help, None, False)
                continue
            if not answer:
                return default
            if answer in YES:
                return True
            if answer in NO:
                return False
            self.echo(t("prompt.yes_no_again"))


def ask(label: str, default: str | None = None) -> str:
    """One line of text, cleaned (Enter: the default)."""
    answer = clean(_read(_shown(label, default)))
    return answer if answer else (default or "")


def confirm(label: str, t: Messages, default: bool = True) -> bool:
    return Prompter(t).confirm(label, default)


def require_terminal(flag_hint: str) -> None:
    """Commands that need answers exit 2 off a terminal, naming the flag to use."""
    from selvleder.context import interactive
    from selvleder.errors import BadInput

    if not interactive():
        raise BadInput("error.needs_terminal", flags=flag_hint)
