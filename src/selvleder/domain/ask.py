"""Tip 4, *bestill ledelse*: a short, concrete request to the leader.

``services.ask.compose`` builds a ``Message`` (subject, greeting, sections, a suggested
next step) from the week's data and what the person chose to share. It is
private by default: energy figures only with ``share_energy``, energy notes
only with ``share_notes``, and nothing from reflections, ever. The text comes
from the catalogues; ``export.message`` turns it into plain text, Markdown or
an .eml draft.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from selvleder.domain.models import NEEDS
from selvleder.domain.text import MAX_NOTE, require_text
from selvleder.errors import BadInput

TYPE_CHECKING = False
if TYPE_CHECKING:
    from selvleder.entities import FeedbackGiven

NEED_WORDS = {
    **{n: n for n in NEEDS},
    "tilbakemelding": "feedback",
    "handlingsrom": "clarify-mandate",
    "avklaring": "clarify-mandate",
    "forventninger": "expectations",
    "beslutning": "decision",
    "prioriteringer": "priorities",
    "prioritering": "priorities",
    "støtte": "support",
    "ressurser": "resources",
    "læring": "learning",
}


def parse_need(text: str) -> str:
    need = NEED_WORDS.get(text.strip().lower())
    if need is None:
        raise BadInput("error.need", value=text)
    return need


@dataclass(slots=True)
class Section:
    heading: str
    lines: list[str]


@dataclass(slots=True)
class Message:
    subject: str
    greeting: str
    intro: str
    sections: list[Section] = field(default_factory=list)
    next_step: str = ""
    closing: str = ""
    signature: str | None = None


class Request:
    """What the person asks for, validated before the journal is opened."""

    def __init__(self, need: str, topic: str, questions: list[str] | None = None) -> None:
        self.need = parse_need(need)
        self.topic = require_text(topic, "topic")
        self.questions = [require_text(q, "question", MAX_NOTE) for q in questions or [] if q]


@dataclass(slots=True)
class Sharing:
    context: bool = True
    energy: bool = False
    notes: bool = False
    calendar: bool = False  # the week's meeting hours (nothing else of the calendar)


def first_name(name: str | None) -> str | None:
    """'Kari Nordmann' -> 'Kari': a greeting uses the first name."""
    return name.split()[0] if name and name.split() else None


def feedback_json(f: FeedbackGiven) -> dict[str, object]:
    """One ``feedback list --json`` row (PRODUCT.md, "JSON shapes")."""
    from selvleder.domain.dates import local_stamp

    return {
        "id": f.id,
        "kind": f.kind,
        "to": f.to_name,
        "text": f.text,
        "at": local_stamp(f.at),
        "date": f.local_date,
    }


def request_json(row: dict[str, object]) -> dict[str, object]:
    from selvleder.domain.dates import local_stamp

    return {
        "id": row["id"],
        "need": row["need"],
        "topic": row["topic"],
        "questions": json.loads(str(row["questions"] or "[]")),
        "status": row["status"],
        "created_at": local_stamp(str(row["created_at"])),
        "answered_at": local_stamp(str(row["answered_at"])) if row["answered_at"] else None,
        "note": row["note"],
    }
