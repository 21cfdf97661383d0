"""Which week a command works on: the argument, else the command's default rule."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from selvleder.domain.dates import IsoWeek, parse_week, today


def resolve_week(
    text: str | None, default_rule: Callable[[date], IsoWeek] | None
) -> tuple[IsoWeek, bool]:
    """(week, whether the default rule chose it). Without a rule the default is this week."""
    if text:
        return parse_week(text, today()), False
    if default_rule is None:
        return IsoWeek.of(today()), False
    return default_rule(today()), True
