"""The ``export --format json`` document, built from the journal's table rows.

Stored UTC timestamps are shown with the local offset (energy logs with the
offset they were logged in); ``domain.importing`` reads the same shape back.
"""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Any

from selvleder.domain.dates import local_stamp
from selvleder.domain.energy_row import local_at
from selvleder.domain.models import PULSE_KEYS

FORMAT = "selvleder-export"
Row = dict[str, Any]


def build_document(tables: dict[str, list[Row]], schema_version: int, exported_at: str) -> Row:
    profile_row = tables["profile"][0] if tables["profile"] else {}
    motivation: dict[str, list[str]] = {"strength": [], "value": [], "driver": []}
    for m in tables["motivation"]:
        motivation[m["kind"]].append(m["text"])
    progress: dict[int, list[Row]] = defaultdict(list)
    for p in tables["goal_progress"]:
        progress[p["goal_id"]].append(
            {"id": p["id"], "note": p["note"], "at": local_stamp(p["at"]), "date": p["local_date"]}
        )
    can_wait: dict[str, list[str]] = defaultdict(list)
    for c in tables["can_wait"]:
        can_wait[c["week"]].append(c["title"])
    tags: dict[int, list[str]] = defaultdict(list)
    for tag in tables["energy_tags"]:
        tags[tag["log_id"]].append(tag["tag"])
    answers: dict[str, dict[str, Row]] = defaultdict(dict)
    for a in tables["reflection_answers"]:
        answers[a["week"]][a["tip"]] = {"answer": a["answer"], "rating": a["rating"]}
    week_rows = {w["week"]: w for w in tables["weeks"]}
    return {
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
            "updated_at": local_stamp(profile_row.get("updated_at")),
        },
        "mandate": [
            {
                "id": m["id"],
                "kind": m["kind"],
                "text": m["text"],
                "created_at": local_stamp(m["created_at"]),
            }
            for m in tables["mandate"]
        ],
        "goals": [
            {
                "id": g["id"],
                "title": g["title"],
                "measure": g["measure"],
                "due": g["due"],
                "org_goal": g["org_goal"],
                "status": g["status"],
                "created_at": local_stamp(g["created_at"]),
                "closed_at": local_stamp(g["closed_at"]),
                "progress": progress.get(g["id"], []),
            }
            for g in tables["goals"]
        ],
        "weeks": [
            {
                "week": week,
                "focus": week_rows.get(week, {}).get("focus"),
                "buffer_pct": week_rows.get(week, {}).get("buffer_pct"),
                "can_wait": can_wait.get(week, []),
                "created_at": local_stamp(week_rows.get(week, {}).get("created_at")),
                "updated_at": local_stamp(week_rows.get(week, {}).get("updated_at")),
            }
            for week in sorted(set(week_rows) | set(can_wait))
        ],
        "priorities": [
            {
                "id": p["id"],
                "week": p["week"],
                "rank": p["rank"],
                "title": p["title"],
                "status": p["status"],
                "goal_id": p["goal_id"],
                "value": p["value"],
                "energy": p["energy"],
                "estimate_minutes": p["estimate_minutes"],
                "when": p["focus_block"],
                "carried_from": p["carried_from"],
                "drop_reason": p["drop_reason"],
                "created_at": local_stamp(p["created_at"]),
                "done_at": local_stamp(p["done_at"]),
            }
            for p in tables["priorities"]
        ],
        "energy_logs": [
            {
                "id": e["id"],
                "at": local_at(e["at"], e["utc_offset"]),
                "level": e["level"],
                "note": e["note"],
                "tags": tags.get(e["id"], []),
            }
            for e in tables["energy_logs"]
        ],
        "reflections": [
            {
                "week": r["week"],
                "next_week": r["next_week"],
                "answers": answers.get(r["week"], {}),
                "pulse": _pulse(r),
                "created_at": local_stamp(r["created_at"]),
                "updated_at": local_stamp(r["updated_at"]),
            }
            for r in tables["reflections"]
        ],
        "requests": [
            {
                "id": r["id"],
                "need": r["need"],
                "topic": r["topic"],
                "questions": json.loads(r["questions"] or "[]"),
                "week": r["week"],
                "status": r["status"],
                "created_at": local_stamp(r["created_at"]),
                "answered_at": local_stamp(r["answered_at"]),
                "closed_at": local_stamp(r["closed_at"]),
                "note": r["note"],
            }
            for r in tables["leader_requests"]
        ],
        "feedback": [
            {"id": f["id"], "to": f["to_name"], "text": f["text"], "at": local_stamp(f["at"])}
            for f in tables["feedback_given"]
        ],
        "nudges": [
            {
                "id": n["id"],
                "kind": n["kind"],
                "created_at": local_stamp(n["created_at"]),
                "seen_at": local_stamp(n["seen_at"]),
            }
            for n in tables["nudges"]
        ],
        "settings": {s["key"]: s["value"] for s in tables["settings"]},
    }


def _pulse(row: Row) -> dict[str, int] | None:
    values = {k: row[k] for k in PULSE_KEYS if row.get(k) is not None}
    return values or None
