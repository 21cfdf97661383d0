"""The journal's content as records, shared by domain, render and export.

The records are declared once, with their tables, in ``selvleder.entities``
(the bottom of the package, which storage may import); this module names
them for the domain layer.
"""

from __future__ import annotations

from selvleder.entities import (
    MANDATE_KINDS,
    NEEDS,
    PULSE_KEYS,
    TIP_KEYS,
    Goal,
    MandateItem,
    Motivation,
    Priority,
    Profile,
    ProgressNote,
    Record,
    WeekPlan,
)

__all__ = [
    "MANDATE_KINDS",
    "NEEDS",
    "PULSE_KEYS",
    "TIP_KEYS",
    "Goal",
    "MandateItem",
    "Motivation",
    "Priority",
    "Profile",
    "ProgressNote",
    "Record",
    "WeekPlan",
]
