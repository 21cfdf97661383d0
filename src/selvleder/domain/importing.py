"""``import``: validate a whole export file with pydantic, then write it in one go.

Nothing is written unless the whole file is valid. Errors name the place in
the file ("energy_logs[3].level") and what is wrong with it. The models of
the file's sections are derived from the entity declarations
(``selvleder.entities``): a column's export key, type, choices, limits and
whether it may be missing; only the nesting is written here, as in
``export.json_export``.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, date, datetime
from functools import cache
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError, create_model

from selvleder import entities
from selvleder.domain.dates import IsoWeek
from selvleder.domain.energy_row import energy_row
from selvleder.domain.text import MAX_NOTE, MAX_TITLE, error_location
from selvleder.entities import (
    DATE,
    JSON_LIST,
    LOCAL_AT,
    MAX_ID,
    PULSE_KEYS,
    STAMP,
    TIP_KEYS,
    WEEK,
    Column,
    Entity,
)
from selvleder.entities import EXPORT_FORMAT as FORMAT
from selvleder.errors import BadInput

Id = Annotated[int, Field(ge=1, le=MAX_ID)]
# as strict as the commands: a title is at most MAX_TITLE characters, any other text MAX_NOTE
Text = Annotated[str, Field(min_length=1, max_length=MAX_TITLE)]
Note = Annotated[str, Field(max_length=MAX_NOTE)]
SqlInt = Annotated[int, Field(ge=-(2**63), le=2**63 - 1)]  # what SQLite can store
FIRST_YEAR, LAST_YEAR = 1900, 9998  # dates and times outside are typing errors, not history
TITLE_KEYS = frozenset(("title", "topic", "measure", "org_goal"))


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=False)


def _week(value: str) -> str:
    week = IsoWeek.parse(value)
    if not FIRST_YEAR <= week.year <= LAST_YEAR:
        raise ValueError(f"week outside {FIRST_YEAR}-{LAST_YEAR}")
    return str(week)


def _in_range(moment: datetime) -> datetime:
    """An aware moment whose UTC time lies in the years a journal can hold."""
    if moment.tzinfo is None:
        raise ValueError("timestamp needs a UTC offset")
    try:
        utc = moment.astimezone(UTC)
    except OverflowError:
        raise ValueError(f"timestamp outside {FIRST_YEAR}-{LAST_YEAR}") from None
    if not FIRST_YEAR <= utc.year <= LAST_YEAR or not FIRST_YEAR <= moment.year <= LAST_YEAR:
        raise ValueError(f"timestamp outside {FIRST_YEAR}-{LAST_YEAR}")
    return moment


def _aware(value: datetime) -> datetime:
    return _in_range(value)


IMPORT_FUTURE_TOLERANCE_S = 24 * 3600  # a file from a machine whose clock ran ahead


def _logged(value: datetime) -> datetime:
    """An energy log's time: in range and not in the future (as ``energy log --at``; by a
    day's tolerance for the clock of the machine the file came from)."""
    from selvleder.domain.dates import now

    moment = _in_range(value)
    if (moment - now()).total_seconds() > IMPORT_FUTURE_TOLERANCE_S:
        raise ValueError("an energy log cannot be in the future")
    return moment


def _date(value: date) -> date:
    if not FIRST_YEAR <= value.year <= LAST_YEAR:
        raise ValueError(f"date outside {FIRST_YEAR}-{LAST_YEAR}")
    return value


def _stamp_text(value: str) -> str:
    _stamp(value)
    return value


@cache  # a pure function of the text; many rows share a time
def _stamp(value: str | None) -> str | None:
    if value is None:
        return None
    moment = _in_range(datetime.fromisoformat(value))
    return moment.astimezone(UTC).isoformat(timespec="seconds")


Stamp = Annotated[str, AfterValidator(_stamp_text)]


def column_type(c: Column) -> Any:
    """The type a column's value has in the export file."""
    kind: Any
    if c.codec == LOCAL_AT:
        kind = Annotated[datetime, AfterValidator(_logged if c.attr == "at" else _aware)]
    elif c.codec == DATE:
        kind = Annotated[date, AfterValidator(_date)]
    elif c.codec == STAMP:
        kind = Stamp
    elif c.codec == WEEK:
        kind = Annotated[str, AfterValidator(_week)]
    elif c.sql == "INTEGER" and (c.pk or (c.references or "").endswith("(id)")):
        kind = Id
    elif c.sql == "INTEGER" and c.between is not None:
        low, high = c.between
        kind = Annotated[int, Field(ge=low, le=high if high is not None else c.at_most)]
    elif c.sql == "INTEGER":
        kind = SqlInt
    elif c.choices:
        kind = Literal[c.choices]
    elif c.nonempty:
        kind = Text if c.export in TITLE_KEYS else Annotated[Note, Field(min_length=1)]
    else:
        kind = Annotated[str, Field(max_length=MAX_TITLE)] if c.export in TITLE_KEYS else Note
    return kind | None if c.null else kind


def section_model(
    name: str,
    entity: type[Entity],
    *,
    skip: tuple[str, ...] = (),
    optional: tuple[str, ...] = (),
    children: tuple[tuple[str | None, str, Any, Any], ...] = (),
) -> type[BaseModel]:
    """A pydantic model of one export section: its exported columns, then
    ``children`` (after key, key, type, default) where the export nests them."""
    fields: dict[str, Any] = {}
    for c in entity.COLUMNS:
        key = c.export
        if key is None or key in skip or not isinstance(key, str):
            continue
        if c.codec == JSON_LIST:
            fields[key] = (list[Text], [])
        elif c.null or key in optional:
            fields[key] = (column_type(c) | None, None)
        elif c.since > 1 and c.sql_default is not None:
            # added by a later version: an export made before it lacks the key
            fields[key] = (column_type(c), c.sql_default)
        else:
            fields[key] = (column_type(c), ...)
        for after, child, kind, default in children:
            if after == key:
                fields[child] = (kind, default)
    for after, child, kind, default in children:
        if after is None:
            fields[child] = (kind, default)
    model: type[BaseModel] = create_model(name, __base__=_Model, **fields)
    return model


class Motivation(_Model):
    strengths: list[Text] = []
    values: list[Text] = []
    drivers: list[Text] = []
    joy: Note | None = None


class ProfileDoc(_Model):
    role: Note | None = None
    mission: Note | None = None
    org_goals: list[Text] = []
    motivation: Motivation = Motivation()
    updated_at: Stamp | None = None


def _settings(value: dict[str, str]) -> dict[str, str]:
    """Only the settings the product keeps, each valid: a pause date that is no date would
    silence reminders for good."""
    from selvleder.domain.reminders import PAUSE_KEY

    for key, text in value.items():
        if key == PAUSE_KEY:
            _date(date.fromisoformat(text))
        elif key == "demo":
            json.loads(text)
        elif key == CALENDAR_KEY:  # services/calendar.py's digest; a stale one is re-read
            if len(text) > MAX_TITLE:
                raise ValueError(f"setting {key!r} is too long")
        else:
            raise ValueError(f"unknown setting {key!r}")
    return value


CALENDAR_KEY = "calendar.read"  # services.calendar.CACHE_KEY (the domain cannot import it)


def export_model(known: int = MAX_ID) -> type[BaseModel]:
    """The whole file's model, from the declarations as they are now; ``known``: the newest
    schema version this release reads."""
    e = entities
    reflections = e.entity("reflections")
    progress_doc = section_model("ProgressDoc", e.entity("goal_progress"))
    answer = section_model("Answer", e.entity("reflection_answers"), skip=("week", "tip"))
    pulse = section_model(
        "Pulse",
        reflections,
        skip=tuple(c.attr for c in reflections.COLUMNS if c.attr not in PULSE_KEYS),
    )
    sections: dict[str, type[BaseModel]] = {
        "mandate": section_model("MandateDoc", e.entity("mandate")),
        "goals": section_model(
            "GoalDoc",
            e.entity("goals"),
            children=((None, "progress", list[progress_doc], []),),  # type: ignore[valid-type]
        ),
        "weeks": section_model(
            "WeekDoc",
            e.entity("weeks"),
            optional=("created_at", "updated_at"),
            children=(("buffer_pct", "can_wait", list[Text], []),),
        ),
        "priorities": section_model("PriorityDoc", e.entity("priorities")),
        "energy_logs": section_model(
            "EnergyDoc", e.entity("energy_logs"), children=((None, "tags", list[Text], []),)
        ),
        "reflections": section_model(
            "ReflectionDoc",
            reflections,
            skip=PULSE_KEYS,
            children=(
                ("next_week", "answers", dict[Literal[TIP_KEYS], answer], {}),  # type: ignore[valid-type]
                ("next_week", "pulse", pulse | None, None),
            ),
        ),
    }
    for entity in e.ENTITIES:
        if entity.EXPORT and entity.EXPORT not in sections:
            sections[entity.EXPORT] = section_model(f"{entity.__name__}Doc", entity)
    fields: dict[str, Any] = {
        "format": (Literal[FORMAT], ...),
        "schema_version": (Annotated[int, Field(ge=1, le=known)], ...),
        "exported_at": (Stamp, ...),
        "profile": (ProfileDoc, ProfileDoc()),
    }
    order = ("mandate", "goals", "weeks", "priorities", "energy_logs", "reflections")
    for key in (*order, *(k for k in sections if k not in order)):
        fields[key] = (list[sections[key]], [])  # type: ignore[valid-type]
    fields["settings"] = (Annotated[dict[str, str], AfterValidator(_settings)], {})
    model: type[BaseModel] = create_model("ExportDoc", __base__=_Model, **fields)
    return model


def parse_export(raw: bytes, parse: Callable[[str], Any] = json.loads, known: int = MAX_ID) -> Any:
    """The validated document (an instance of ``export_model()``); ``parse`` reads the JSON
    text (the service passes one that bounds its nesting), ``known`` is the newest schema
    version this release reads."""
    try:
        data = parse(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise BadInput("error.import_encoding") from None
    except json.JSONDecodeError as exc:
        # the place, in the user's language; not Python's English message
        raise BadInput("error.import_json", line=exc.lineno, column=exc.colno) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise BadInput("error.import_format")
    try:
        doc = export_model(known).model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        raise BadInput(
            "error.import_invalid", where=error_location(tuple(first["loc"])), detail=first["msg"]
        ) from None
    except ValueError as exc:
        raise BadInput("error.import_invalid", where="(file)", detail=str(exc)) from None
    return doc


def to_tables(doc: Any) -> dict[str, list[dict[str, Any]]]:
    """The document as table rows, ready for ``Journal.load``."""
    try:
        return _rows(doc)
    except ValueError as exc:
        raise BadInput("error.import_invalid", where="(file)", detail=str(exc)) from None


def _decoder(c: Column) -> Any:
    """How a value read from the file is stored (None: as it is)."""
    if c.codec == STAMP:
        return _stamp
    if c.codec == DATE:
        return lambda value: value.isoformat() if value is not None else None
    if c.codec == JSON_LIST:
        return lambda value: json.dumps(value, ensure_ascii=False)
    return None


def row_reader(entity: type[Entity], *given: str) -> Callable[..., dict[str, Any]]:
    """Reads one item of an export section back into a row of the entity's table:
    each exported column by its key; the ``given`` columns are passed to the reader
    (columns stored from another value are added by the caller)."""
    spec = [
        (c.name, c.export, _decoder(c))
        for c in entity.COLUMNS
        if isinstance(c.export, str) and c.codec != LOCAL_AT and c.name not in given
    ]

    from operator import attrgetter

    names = [name for name, _, _ in spec]
    keys = [key for _, key, _ in spec]
    # attrgetter of two or more keys gives a tuple (a run of 10-year import reads ~14,000 items)
    values: Callable[[Any], tuple[Any, ...]] = (
        attrgetter(*keys) if len(keys) > 1 else lambda item: tuple(getattr(item, k) for k in keys)
    )
    decoded = [(name, decode) for name, _, decode in spec if decode is not None]

    def read(item: Any, **fixed: Any) -> dict[str, Any]:
        row = dict(fixed)
        row.update(zip(names, values(item), strict=True))
        for name, decode in decoded:
            row[name] = decode(row[name])
        return row

    return read


def flat_rows(entity: type[Entity], items: list[Any], **fixed: Any) -> list[dict[str, Any]]:
    read = row_reader(entity, *fixed)
    return [read(item, **fixed) for item in items]


def _rows(doc: Any) -> dict[str, list[dict[str, Any]]]:
    e = entities
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
    for entity in e.ENTITIES:
        if entity.EXPORT and entity.EXPORT not in ("energy_logs", "feedback"):
            tables[entity.TABLE] = flat_rows(entity, getattr(doc, entity.EXPORT))
    _check_steps(tables["goals"])
    progress = row_reader(e.entity("goal_progress"), "goal_id")
    tables["goal_progress"] = [progress(n, goal_id=g.id) for g in doc.goals for n in g.progress]
    exported_at = _stamp(doc.exported_at)
    tables["weeks"] = flat_rows(e.entity("weeks"), doc.weeks)
    for row in tables["weeks"]:
        row["created_at"] = row["created_at"] or exported_at
        row["updated_at"] = row["updated_at"] or exported_at
    tables["can_wait"] = [
        {"week": w.week, "position": i, "title": t}
        for w in doc.weeks
        for i, t in enumerate(w.can_wait, 1)
    ]
    tables["energy_logs"] = [
        {**row, **energy_row(log.id, log.at, log.level, log.note)}
        for log, row in zip(
            doc.energy_logs, flat_rows(e.entity("energy_logs"), doc.energy_logs), strict=True
        )
    ]
    tables["energy_tags"] = [
        {"log_id": log.id, "tag": tag} for log in doc.energy_logs for tag in dict.fromkeys(log.tags)
    ]
    reflection = row_reader(e.entity("reflections"), *PULSE_KEYS)
    tables["reflections"] = [
        reflection(r, **{k: getattr(r.pulse, k) if r.pulse else None for k in PULSE_KEYS})
        for r in doc.reflections
    ]
    answer = row_reader(e.entity("reflection_answers"), "week", "tip")
    tables["reflection_answers"] = [
        answer(a, week=r.week, tip=tip) for r in doc.reflections for tip, a in r.answers.items()
    ]
    tables["feedback_given"] = [
        {**row, **_local_day(f.at)}
        for f, row in zip(
            doc.feedback, flat_rows(e.entity("feedback_given"), doc.feedback), strict=True
        )
    ]
    tables["settings"] = [{"key": k, "value": v} for k, v in doc.settings.items()]
    _check_keys(tables)
    return tables


def _place(entity: type[Entity], at: int, key: str | None) -> str:
    """Where a row of a table came from in the file (a section of its own: its index)."""
    section = entity.EXPORT or (entity.TABLE if entity.TABLE in ("weeks", "reflections") else None)
    if section:
        return f"{section}[{at}].{key}"
    return entity.TABLE


def _check_keys(tables: dict[str, list[dict[str, Any]]]) -> None:
    """Each id once in its section, and every reference to an id names a row of the file:
    exit 2 naming the place, before the journal sees the rows."""
    seen: dict[str, set[object]] = {}
    for entity in entities.ENTITIES:
        keys = [c for c in entity.COLUMNS if c.pk]
        rows = tables.get(entity.TABLE)
        if len(keys) != 1 or not rows or keys[0].name not in rows[0]:
            continue  # a key the file does not carry (made when stored)
        key = keys[0]
        found: set[object] = set()
        for at, row in enumerate(rows):
            value = row.get(key.name)
            if value in found:
                raise BadInput(
                    "error.import_invalid",
                    where=_place(entity, at, key.export if isinstance(key.export, str) else None),
                    detail=f"{value} appears twice",
                )
            found.add(value)
        seen[entity.TABLE] = found
    for entity in entities.ENTITIES:
        for c in entity.COLUMNS:
            target = (c.references or "").removesuffix("(id)")
            if not c.references or target not in seen or entity.TABLE not in tables:
                continue
            for at, row in enumerate(tables[entity.TABLE]):
                value = row.get(c.name)
                if value is not None and value not in seen[target]:
                    raise BadInput(
                        "error.import_invalid",
                        where=_place(entity, at, c.export if isinstance(c.export, str) else None),
                        detail=f"no row in {target} has id {value}",
                    )


def _check_steps(goals: list[dict[str, Any]]) -> None:
    """Sub-goals are one level deep: a goal's ``parent_id`` names another goal of the file
    that has no parent itself."""
    parents = {g["id"]: g.get("parent_id") for g in goals}
    for g in goals:
        parent = g.get("parent_id")
        if parent is None:
            continue
        if parent not in parents or parent == g["id"]:
            raise ValueError(f"goal {g['id']}: parent_id {parent} is not another goal")
        if parents[parent] is not None:
            raise ValueError(f"goal {g['id']}: goal {parent} is itself a sub-goal (one level)")


def _local_day(at: str) -> dict[str, str]:
    local = datetime.fromisoformat(at)
    return {"local_date": local.date().isoformat(), "week": str(IsoWeek.of(local.date()))}
