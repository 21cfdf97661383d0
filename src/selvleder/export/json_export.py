"""The ``export --format json`` document, built from the journal's table rows.

Which columns a section has, under which key and how each value is shown
comes from the declarations in ``selvleder.entities`` (``export=``,
``codec=``); only the nesting (progress notes in goals, tags in energy logs,
answers and pulse in reflections, the profile) is written here. Stored UTC
timestamps are shown with the local offset (energy logs with the offset they
were logged in); ``domain.importing`` reads the same shape back.
"""

from __future__ import annotations

import json
from collections import defaultdict

from selvleder import entities
from selvleder.domain.dates import local_stamp
from selvleder.entities import (
    JSON_LIST,
    LOCAL_AT,
    PULSE_KEYS,
    STAMP,
    Entity,
    local_at,
)

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Mapping, Sequence
    from typing import Any

    Row = dict[str, Any]
    # A section's spec: (key, the column it shows, or a function of the row for a child)
    Spec = list[tuple[str, entities.Column | Callable[[Any], object]]]

FORMAT = entities.EXPORT_FORMAT
# The tables build_document nests by hand, with the columns that nesting carries
# (list order stands for ``position``; ids of these rows are not kept). A column
# added to one of them must be written there and read in ``domain.importing``;
# a test holds this list to the declarations, so it cannot be dropped unseen.
HAND_NESTED: dict[str, tuple[str, ...]] = {
    "profile": ("id", "role", "mission", "joy", "updated_at"),
    "org_goals": ("id", "position", "text"),
    "motivation": ("id", "kind", "position", "text"),
    "can_wait": ("id", "week", "position", "title"),
    "energy_tags": ("log_id", "tag"),
    "settings": ("key", "value"),
}


def exported_columns(entity: type[Entity]) -> list[entities.Column]:
    return [c for c in entity.COLUMNS if c.export is not None]


def section_spec(entity: type[Entity]) -> Spec:
    """(key, column) for each exported column, in declaration order."""
    return [(str(c.export), c) for c in exported_columns(entity)]


def _local_stamp(stored: str | None) -> str | None:
    """``local_stamp``, once per distinct value (many rows share a time)."""
    shown = _STAMPS.get(stored)
    if shown is None and stored is not None:
        shown = _STAMPS[stored] = local_stamp(stored)
    return shown


_STAMPS: dict[str | None, str | None] = {}
_CODECS = {
    STAMP: "stamp(row[{name!r}])",
    JSON_LIST: "loads(row[{name!r}] or '[]')",
    LOCAL_AT: "local_at(row[{name!r}], row['utc_offset'])",
}


def encoder(spec: Spec) -> Callable[[Any], Row]:
    """A function from a row to its section entry, compiled from the spec: a
    10-year journal has tens of thousands of rows to show."""
    scope: dict[str, object] = {"stamp": _local_stamp, "loads": json.loads, "local_at": local_at}
    items = []
    for number, (key, source) in enumerate(spec):
        if isinstance(source, entities.Column):
            value = _CODECS.get(source.codec, "row[{name!r}]").format(name=source.name)
        else:
            scope[f"child{number}"] = source
            value = f"child{number}(row)"
        items.append(f"{key!r}: {value}")
    exec(f"def encode(row):\n    return {{{', '.join(items)}}}", scope)
    encode: Callable[[Any], Row] = scope["encode"]  # type: ignore[assignment]
    return encode


def _with(spec: Spec, after: str | None, *added: tuple[str, Callable[[Any], object]]) -> Spec:
    """The spec with children added after the key ``after`` (at the end when None)."""
    at = len(spec) if after is None else [k for k, _ in spec].index(after) + 1
    return [*spec[:at], *added, *spec[at:]]


def _section(spec: Spec, rows: Sequence[Any]) -> list[Row]:
    encode = encoder(spec)
    return [encode(row) for row in rows]


def build_document(
    tables: Mapping[str, Sequence[Any]], schema_version: int, exported_at: str
) -> Row:
    """The whole document; ``tables`` is ``Journal.dump()``."""
    _STAMPS.clear()  # local times depend on the zone: remembered for one document only
    e = entities
    profile_row = dict(tables["profile"][0]) if tables["profile"] else {}
    motivation: dict[str, list[str]] = {kind: [] for kind in e.MOTIVATION_KINDS}
    for m in tables["motivation"]:
        motivation[m["kind"]].append(m["text"])
    progress: dict[int, list[Row]] = defaultdict(list)
    progress_entry = encoder(section_spec(e.entity("goal_progress")))
    for p in tables["goal_progress"]:
        progress[p["goal_id"]].append(progress_entry(p))
    can_wait: dict[str, list[str]] = defaultdict(list)
    for c in tables["can_wait"]:
        can_wait[c["week"]].append(c["title"])
    tags: dict[int, list[str]] = defaultdict(list)
    for tag in tables["energy_tags"]:
        tags[tag["log_id"]].append(tag["tag"])
    answer_entry = encoder(
        [
            (k, c)
            for k, c in section_spec(e.entity("reflection_answers"))
            if k not in ("week", "tip")
        ]
    )
    answers: dict[str, dict[str, Row]] = defaultdict(dict)
    for a in tables["reflection_answers"]:
        answers[a["week"]][a["tip"]] = answer_entry(a)
    week_rows = {w["week"]: w for w in tables["weeks"]}
    empty_week = dict.fromkeys(c.name for c in e.entity("weeks").COLUMNS)
    weeks = [
        week_rows.get(week) or {**empty_week, "week": week}
        for week in sorted(set(week_rows) | set(can_wait))
    ]
    reflection_spec = [
        (k, g) for k, g in section_spec(e.entity("reflections")) if k not in PULSE_KEYS
    ]
    flat = {x.EXPORT: x for x in e.ENTITIES if x.EXPORT}
    document = {
        "format": FORMAT,
        "schema_version": schema_version,
        "exported_at": exported_at,
        "profile": {
            "role": profile_row.get("role"),
            "mission": profile_row.get("mission"),
            "org_goals": [g["text"] for g in tables["org_goals"]],
            "motivation": {
                "strengths": motivation["strength"],
                "values": motivation["value"],
                "drivers": motivation["driver"],
                "joy": profile_row.get("joy"),
            },
            "updated_at": _local_stamp(profile_row.get("updated_at")),
        },
        "mandate": _section(section_spec(flat["mandate"]), tables[flat["mandate"].TABLE]),
        "goals": _section(
            _with(
                section_spec(flat["goals"]),
                None,
                ("progress", lambda g: progress.get(g["id"], [])),
            ),
            tables[flat["goals"].TABLE],
        ),
        "weeks": _section(
            _with(
                section_spec(e.entity("weeks")),
                "buffer_pct",
                ("can_wait", lambda w: can_wait.get(w["week"], [])),
            ),
            weeks,
        ),
        "priorities": _section(section_spec(flat["priorities"]), tables[flat["priorities"].TABLE]),
        "energy_logs": _section(
            _with(
                section_spec(flat["energy_logs"]),
                None,
                ("tags", lambda log: tags.get(log["id"], [])),
            ),
            tables[flat["energy_logs"].TABLE],
        ),
        "reflections": _section(
            _with(
                reflection_spec,
                "next_week",
                ("answers", lambda r: answers.get(r["week"], {})),
                ("pulse", _pulse),
            ),
            tables["reflections"],
        ),
        "requests": _section(section_spec(flat["requests"]), tables[flat["requests"].TABLE]),
        "feedback": _section(section_spec(flat["feedback"]), tables[flat["feedback"].TABLE]),
        "nudges": _section(section_spec(flat["nudges"]), tables[flat["nudges"].TABLE]),
        "settings": {s["key"]: s["value"] for s in tables["settings"]},
    }
    for name, entity in flat.items():  # a flat table declared later: its own section
        if name not in document:
            document[name] = _section(section_spec(entity), tables[entity.TABLE])
    return document


def _pulse(row: Mapping[str, Any]) -> dict[str, int] | None:
    values = {k: row[k] for k in PULSE_KEYS if row[k] is not None}
    return values or None
