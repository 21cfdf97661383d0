"""``reflect --answers FILE.toml``: the answers file.

Read with tomllib and checked key by key (the format is small and fixed):
unknown tables or keys, ratings outside 1–5 and wrong types are refused,
naming the key, before anything is written.
"""

from __future__ import annotations

from typing import Any

from selvleder.domain.models import PULSE_KEYS, TIP_KEYS
from selvleder.domain.reflection import Answers
from selvleder.errors import BadInput


def answers_from(data: dict[str, Any]) -> Answers:
    """The answers in a parsed answers file, checked key by key."""
    answers = Answers()
    # every check below names the key it refuses
    for key, value in data.items():
        if key == "next_week":
            if not isinstance(value, str):
                raise BadInput("error.answers_type", key=key)
            answers.set_next_week(value)
        elif key == "pulse":
            if not isinstance(value, dict):
                raise BadInput("error.answers_type", key=key)
            for name, level in value.items():
                if name not in PULSE_KEYS:
                    raise BadInput("error.answers_key", key=f"pulse.{name}")
                answers.set_pulse(name, level)
        elif key in TIP_KEYS:
            if not isinstance(value, dict):
                raise BadInput("error.answers_type", key=key)
            unknown = set(value) - {"answer", "rating"}
            if unknown:
                raise BadInput("error.answers_key", key=f"{key}.{sorted(unknown)[0]}")
            answer, rating = value.get("answer"), value.get("rating")
            if answer is not None and not isinstance(answer, str):
                raise BadInput("error.answers_type", key=f"{key}.answer")
            answers.set_tip(key, answer, rating)
        else:
            raise BadInput("error.answers_key", key=key)
    return answers
