"""The product's exceptions: a message key with parameters and an exit code.

Domain and storage code raise these; the CLI's single exit point renders the
message in the user's language and exits with the code (PRODUCT.md exit codes).
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from selvleder.message_keys import MessageKey

BAD_INPUT = 2
ENVIRONMENT = 1


class SelvlederError(Exception):
    """An error the user can act on, shown as one translated line."""

    exit_code = ENVIRONMENT

    def __init__(self, key: MessageKey, /, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params = params

    def within(self, path: str, key: str) -> BadInput:
        """The same error, said to come from one key of a file the user gave."""
        return BadInput("error.in_file", path=path, key=key, detail=(self.key, self.params))

    def __str__(self) -> str:
        return f"{self.key} {self.params}" if self.params else self.key


class BadInput(SelvlederError):
    """Usage, values, files the user gave, config.toml: exit 2, nothing written."""

    exit_code = BAD_INPUT


class JournalError(SelvlederError):
    """The journal or the environment failed: exit 1, nothing written."""

    exit_code = ENVIRONMENT


class Aborted(SelvlederError):
    """The person stopped (Ctrl-C, end of input, or 'no' at the end): nothing is saved."""

    exit_code = 130

    def __init__(self) -> None:
        super().__init__("error.aborted")
