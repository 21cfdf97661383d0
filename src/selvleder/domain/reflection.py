"""The weekly reflection: the answers, their checks and the JSON shape.

The snapshot is read and the answers saved by ``services.reflection``.
"""

from __future__ import annotations

from selvleder.domain.coach import Reflection, Snapshot
from selvleder.domain.models import PULSE_KEYS, TIP_KEYS
from selvleder.domain.text import MAX_ANSWER, MAX_NOTE, optional_text
from selvleder.errors import BadInput

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import TypedDict

    from selvleder.domain.coach import Observation, ObservationJson

    class TipJson(TypedDict):
        number: int
        key: str
        title: str
        observations: list[ObservationJson]
        answer: str | None
        rating: int | None

    class ReflectionJson(TypedDict):
        week: str
        tips: list[TipJson]
        pulse: dict[str, int] | None
        next_week: str | None


def journal_is_empty(s: Snapshot) -> bool:
    """Nothing to reflect on yet: no profile, goals, plans, logs, requests or feedback."""
    return not (
        s.profile.role
        or s.profile.mission
        or s.goals
        or s.plan.priorities
        or any(p.priorities for p in s.recent_plans)
        or s.logs
        or s.recent_logs
        or s.requests
        or s.feedback_given
        or s.feedback_asked
        or not s.reflection.is_empty
    )


class Answers:
    """Validated answers for one week: per tip an answer and a rating, pulse, next week."""

    def __init__(self) -> None:
        self.reflection = Reflection()

    def set_tip(self, tip: str, answer: str | None, rating: int | None) -> None:
        if tip not in TIP_KEYS:
            raise BadInput("error.answers_key", key=tip)
        if answer is not None:
            self.reflection.answers[tip] = optional_text(answer, tip, MAX_ANSWER)
        if rating is not None:
            self.reflection.ratings[tip] = check_rating(rating, f"{tip}.rating")

    def set_pulse(self, key: str, value: int) -> None:
        if key not in PULSE_KEYS:
            raise BadInput("error.answers_key", key=f"pulse.{key}")
        pulse = self.reflection.pulse or {}
        pulse[key] = check_rating(value, f"pulse.{key}")
        self.reflection.pulse = pulse

    def set_next_week(self, text: str | None) -> None:
        if text is not None:
            self.reflection.next_week = optional_text(text, "next_week", MAX_NOTE)


def check_rating(value: int, key: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 5:
        raise BadInput("error.rating", key=key, value=value)
    return value


def reflection_json(
    s: Snapshot,
    found: dict[str, list[Observation]],
    messages: dict[str, str],
    titles: list[str],
) -> ReflectionJson:
    """The ``reflect --json`` document: the observations found for the week, with
    ``messages`` (code -> text) and the tips' ``titles`` in the user's language."""
    r = s.reflection
    return {
        "week": str(s.week),
        "tips": [
            {
                "number": i + 1,
                "key": tip,
                "title": titles[i],
                "observations": [o.as_json(messages[o.code]) for o in found[tip]],
                "answer": r.answers.get(tip),
                "rating": r.ratings.get(tip),
            }
            for i, tip in enumerate(TIP_KEYS)
        ],
        "pulse": r.pulse,
        "next_week": r.next_week,
    }
