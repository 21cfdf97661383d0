"""``import``: validate a whole export file with pydantic, then write it in one go.

Nothing is written unless the whole file is valid. Errors name the place in
the file ("energy_logs[3].level") and what is wrong with it.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from selvleder.domain.dates import IsoWeek
from selvleder.domain.energy_row import energy_row
from selvleder.domain.models import PULSE_KEYS
from selvleder.domain.text import error_location
from selvleder.errors import BadInput
from selvleder.export.json_export import FORMAT

Rating = Annotated[int, Field(ge=1, le=5)]
Id = Annotated[int, Field(ge=1, le=2**63 - 1)]
Text = Annotated[str, Field(min_length=1)]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=False)


def _week(value: str) -> str:
    return str(IsoWeek.parse(value))


def _stamp(value: str | None) -> str | None:
    if value is None:
        return None
    moment = datetime.fromisoformat(value)
    if moment.tzinfo is None:
        raise ValueError("timestamp needs a UTC offset")
    return moment.astimezone(UTC).isoformat(timespec="seconds")


class Motivation(_Model):
    strengths: list[Text] = []
    values: list[Text] = []
    drivers: list[Text] = []
    joy: str | None = None


class ProfileDoc(_Model):
    role: str | None = None
    mission: str | None = None
    org_goals: list[Text] = []
    motivation: Motivation = Motivation()
    updated_at: str | None = None


class MandateDoc(_Model):
    id: Id
    kind: Literal["mine", "leader", "bounded", "unclear"]
    text: Text
    created_at: str


class ProgressDoc(_Model):
    id: Id
    note: Text
    at: str
    date: date


class GoalDoc(_Model):
    id: Id
    title: Text
    measure: str | None = None
    due: date | None = None
    org_goal: str | None = None
    status: Literal["active", "done", "dropped"]
    created_at: str
    closed_at: str | None = None
    progress: list[ProgressDoc] = []


class WeekDoc(_Model):
    week: str
    focus: str | None = None
    buffer_pct: Annotated[int, Field(ge=0, le=100)] | None = None
    can_wait: list[Text] = []
    created_at: str | None = None
    updated_at: str | None = None

    _check_week = field_validator("week")(_week)


class PriorityDoc(_Model):
    id: Id
    week: str
    rank: int
    title: Text
    status: Literal["planned", "done", "dropped", "carried"]
    goal_id: Id | None = None
    value: Literal["high", "medium", "low"] | None = None
    energy: Literal["gives", "neutral", "drains"] | None = None
    estimate_minutes: Annotated[int, Field(ge=1, le=10080)] | None = None
    when: str | None = None
    carried_from: Id | None = None
    drop_reason: str | None = None
    created_at: str
    done_at: str | None = None

    _check_week = field_validator("week")(_week)


class EnergyDoc(_Model):
    id: Id
    at: datetime
    level: Rating
    note: str | None = None
    tags: list[Text] = []

    @field_validator("at")
    @classmethod
    def _aware(cls, value: datetime) -> datetime:
        if value.tzinfo is None:
            raise ValueError("timestamp needs a UTC offset")
        return value


class Answer(_Model):
    answer: str | None = None
    rating: Rating | None = None


class Pulse(_Model):
    competence: Rating | None = None
    autonomy: Rating | None = None
    belonging: Rating | None = None
    meaning: Rating | None = None


class ReflectionDoc(_Model):
    week: str
    next_week: str | None = None
    answers: dict[Literal["role", "goals", "plan", "feedback", "energy"], Answer] = {}
    pulse: Pulse | None = None
    created_at: str
    updated_at: str

    _check_week = field_validator("week")(_week)


class RequestDoc(_Model):
    id: Id
    need: Literal[
        "feedback",
        "clarify-mandate",
        "expectations",
        "decision",
        "priorities",
        "support",
        "resources",
        "learning",
    ]
    topic: Text
    questions: list[Text] = []
    week: str
    status: Literal["open", "answered", "closed"]
    created_at: str
    answered_at: str | None = None
    closed_at: str | None = None
    note: str | None = None

    _check_week = field_validator("week")(_week)


class FeedbackDoc(_Model):
    id: Id
    to: Text
    text: Text
    at: str


class NudgeDoc(_Model):
    id: Id
    kind: Text
    created_at: str
    seen_at: str | None = None


class ExportDoc(_Model):
    format: Literal["selvleder-export"]
    schema_version: int
    exported_at: str
    profile: ProfileDoc = ProfileDoc()
    mandate: list[MandateDoc] = []
    goals: list[GoalDoc] = []
    weeks: list[WeekDoc] = []
    priorities: list[PriorityDoc] = []
    energy_logs: list[EnergyDoc] = []
    reflections: list[ReflectionDoc] = []
    requests: list[RequestDoc] = []
    feedback: list[FeedbackDoc] = []
    nudges: list[NudgeDoc] = []
    settings: dict[str, str] = {}


def parse_export(raw: bytes) -> ExportDoc:
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BadInput("error.import_json", detail=str(exc)) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise BadInput("error.import_format")
    try:
        doc = ExportDoc.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        raise BadInput(
            "error.import_invalid", where=error_location(tuple(first["loc"])), detail=first["msg"]
        ) from None
    except ValueError as exc:
        raise BadInput("error.import_invalid", where="(file)", detail=str(exc)) from None
    return doc


def to_tables(doc: ExportDoc) -> dict[str, list[dict[str, Any]]]:
    """The document as table rows, ready for ``Journal.load``."""
    try:
        return _rows(doc)
    except ValueError as exc:
        raise BadInput("error.import_invalid", where="(file)", detail=str(exc)) from None


def _rows(doc: ExportDoc) -> dict[str, list[dict[str, Any]]]:
    p = doc.profile
    tables: dict[str, list[dict[str, Any]]] = {}
    has_profile = p.role or p.mission or p.motivation.joy or p.updated_at
    tables["profile"] = (
        [
            {
                "id": 1,
                "role": p.role,
                "mission": p.mission,
                "joy": p.motivation.joy,
                "updated_at": _stamp(p.updated_at),
            }
        ]
        if has_profile
        else []
    )
    tables["org_goals"] = [{"position": i, "text": t} for i, t in enumerate(p.org_goals, 1)]
    tables["motivation"] = [
        {"kind": kind, "position": i, "text": t}
        for kind, texts in (
            ("strength", p.motivation.strengths),
            ("value", p.motivation.values),
            ("driver", p.motivation.drivers),
        )
        for i, t in enumerate(texts, 1)
    ]
    tables["mandate"] = [
        {"id": m.id, "kind": m.kind, "text": m.text, "created_at": _stamp(m.created_at)}
        for m in doc.mandate
    ]
    tables["goals"] = [
        {
            "id": g.id,
            "title": g.title,
            "measure": g.measure,
            "due": g.due.isoformat() if g.due else None,
            "org_goal": g.org_goal,
            "status": g.status,
            "created_at": _stamp(g.created_at),
            "closed_at": _stamp(g.closed_at),
        }
        for g in doc.goals
    ]
    tables["goal_progress"] = [
        {
            "id": n.id,
            "goal_id": g.id,
            "note": n.note,
            "at": _stamp(n.at),
            "local_date": n.date.isoformat(),
        }
        for g in doc.goals
        for n in g.progress
    ]
    tables["weeks"] = [
        {
            "week": w.week,
            "focus": w.focus,
            "buffer_pct": w.buffer_pct,
            "created_at": _stamp(w.created_at) or _stamp(doc.exported_at),
            "updated_at": _stamp(w.updated_at) or _stamp(doc.exported_at),
        }
        for w in doc.weeks
    ]
    tables["can_wait"] = [
        {"week": w.week, "position": i, "title": t}
        for w in doc.weeks
        for i, t in enumerate(w.can_wait, 1)
    ]
    tables["priorities"] = [
        {
            "id": x.id,
            "week": x.week,
            "rank": x.rank,
            "title": x.title,
            "status": x.status,
            "goal_id": x.goal_id,
            "value": x.value,
            "energy": x.energy,
            "estimate_minutes": x.estimate_minutes,
            "focus_block": x.when,
            "carried_from": x.carried_from,
            "drop_reason": x.drop_reason,
            "created_at": _stamp(x.created_at),
            "done_at": _stamp(x.done_at),
        }
        for x in doc.priorities
    ]
    tables["energy_logs"] = [energy_row(e.id, e.at, e.level, e.note) for e in doc.energy_logs]
    tables["energy_tags"] = [
        {"log_id": e.id, "tag": tag} for e in doc.energy_logs for tag in dict.fromkeys(e.tags)
    ]
    tables["reflections"] = [
        {
            "week": r.week,
            "next_week": r.next_week,
            **{k: getattr(r.pulse, k) if r.pulse else None for k in PULSE_KEYS},
            "created_at": _stamp(r.created_at),
            "updated_at": _stamp(r.updated_at),
        }
        for r in doc.reflections
    ]
    tables["reflection_answers"] = [
        {"week": r.week, "tip": tip, "answer": a.answer, "rating": a.rating}
        for r in doc.reflections
        for tip, a in r.answers.items()
    ]
    tables["leader_requests"] = [
        {
            "id": q.id,
            "need": q.need,
            "topic": q.topic,
            "questions": json.dumps(q.questions, ensure_ascii=False),
            "week": q.week,
            "status": q.status,
            "created_at": _stamp(q.created_at),
            "answered_at": _stamp(q.answered_at),
            "closed_at": _stamp(q.closed_at),
            "note": q.note,
        }
        for q in doc.requests
    ]
    tables["feedback_given"] = [feedback_row(f.id, f.to, f.text, f.at) for f in doc.feedback]
    tables["nudges"] = [
        {
            "id": n.id,
            "kind": n.kind,
            "created_at": _stamp(n.created_at),
            "seen_at": _stamp(n.seen_at),
        }
        for n in doc.nudges
    ]
    tables["settings"] = [{"key": k, "value": v} for k, v in doc.settings.items()]
    return tables


def feedback_row(row_id: int, to: str, text: str, at: str) -> dict[str, Any]:
    stored = _stamp(at) or ""
    local = datetime.fromisoformat(at)
    return {
        "id": row_id,
        "to_name": to,
        "text": text,
        "at": stored,
        "local_date": local.date().isoformat(),
        "week": str(IsoWeek.of(local.date())),
    }
