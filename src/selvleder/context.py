"""What every command gets: paths, language, messages, output, the journal.

Nothing here opens the journal until a command asks for it, so argument
errors, ``--help`` and ``--version`` leave no file behind.
"""

from __future__ import annotations

import os
import sys

from selvleder.config import Config, load_config
from selvleder.failures import debug_enabled, failed, report
from selvleder.i18n import Messages
from selvleder.i18n.choose import resolve_lang
from selvleder.paths import ENV_LANG, resolve_journal_path

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable

    from selvleder.errors import SelvlederError
    from selvleder.render.terminal import Terminal
    from selvleder.storage.journal import Journal


class AppContext:
    def __init__(self, db: str | None = None, lang: str | None = None, debug: bool = False) -> None:
        self.db_option = db
        self.lang_option = lang
        self.debug = debug_enabled(debug)
        self._config: Config | None = None
        self._lang: str | None = None
        self._messages: Messages | None = None
        self._terminal: Terminal | None = None
        self._journal: Journal | None = None
        self.quiet = False  # set by remind run: it never prints, not even nudges
        self.calendar_option: str | None = None  # plan-week --calendar, for the guided flow

    @property
    def config(self) -> Config:
        if self._config is None:
            self._config = load_config()
        return self._config

    def config_problem(self) -> SelvlederError | None:
        """A bad config.toml's error, or None. ``doctor`` reports it instead of refusing;
        the run then speaks the language chosen without the config."""
        from selvleder.errors import SelvlederError

        try:
            self.config  # noqa: B018 - loading is the check
        except SelvlederError as exc:
            from selvleder.i18n.choose import fallback_lang

            self.lang_option = self.lang_option or fallback_lang(None)
            return exc
        return None

    @property
    def lang(self) -> str:
        if self._lang is None:
            if self.lang_option or os.environ.get(ENV_LANG):
                self._lang = resolve_lang(self.lang_option, None)
            else:
                self._lang = resolve_lang(None, self.config)
        return self._lang

    @property
    def t(self) -> Messages:
        if self._messages is None:
            self._messages = Messages(self.lang)
        return self._messages

    def error_messages(self) -> Messages:
        """The run's messages, or the fallback language's when choosing the language is
        what failed (a bad --lang or config.toml): an error must always be said."""
        try:
            return self.t
        except Exception:
            from selvleder.i18n.choose import fallback_lang

            return Messages(fallback_lang(self.lang_option))

    @property
    def out(self) -> Terminal:
        if self._terminal is None:
            from selvleder.render.terminal import Terminal

            self._terminal = Terminal(self.t)
        return self._terminal

    @property
    def journal_path(self) -> tuple[str, bool]:
        return resolve_journal_path(self.db_option)

    def journal(self) -> Journal:
        if self._journal is None:
            from selvleder.storage.journal import Journal

            path, chosen = self.journal_path
            self._journal = Journal.open(path, chosen=chosen)
        return self._journal

    def close(self) -> None:
        if self._journal is not None:
            self._journal.close()
            self._journal = None

    def show_nudges(self, command: str | None) -> None:
        """After a command that printed for a person: pending nudges, once, on stderr."""
        if self._journal is None or self.quiet or command in ("export", "remind"):
            return
        if self._terminal is not None and self._terminal.printed_json:
            return
        from selvleder.inbox import show_pending_nudges

        show_pending_nudges(self._journal, self.t)

    def discard_created(self) -> None:
        """A failed command leaves nothing behind: remove a journal this run created."""
        if self._journal is not None and self._journal.connection.made:
            from selvleder.storage.connection import remove_created

            made = self._journal.connection.made
            self.close()
            remove_created(made)


def run_command(
    ctx: AppContext,
    word: str | None,
    work: Callable[[], int],
    failure: Callable[[BaseException], int] | None = None,
) -> int:
    """What both front doors (``cli/app.py``, ``quick.py``) do around a command: run
    ``work``; after success show pending nudges (``word`` is the command word); turn any
    failure into one line and an exit code (``failure``, by default ``failures.report``
    in the run's language); after a failure remove a journal this run created; close."""
    from selvleder.files import SAVED

    SAVED.clear()
    code = 0
    try:
        code = work()
        if code == 0:
            ctx.show_nudges(word)
        sys.stdout.flush()  # a failure to print is reported here, knowing what was saved
    except BaseException as exc:  # every failure becomes an exit code, never a traceback
        code = report(ctx.error_messages(), exc, ctx.debug) if failure is None else failure(exc)
    finally:
        if failed(code):
            ctx.discard_created()
        ctx.close()
    return code


def interactive() -> bool:
    """On a terminal: stdin and stdout are both TTYs."""
    try:
        return sys.stdin.isatty() and sys.stdout.isatty()
    except (AttributeError, ValueError):
        return False
