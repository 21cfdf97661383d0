"""A read-only glance at the journal for shell completion.

Completion runs on every Tab, so it must cost no more than a plain command and
never change anything: the file is opened read-only through an SQLite URI
(``mode=ro``), so a missing journal is not created and an old one is not
migrated; anything unexpected (no such table yet, locked, not a journal) gives
no rows rather than an error.
"""

from __future__ import annotations

import os

# What each kind of id lists: (id, its title, the week it belongs to or NULL).
QUERIES = {
    "goal": "SELECT id, title, NULL FROM goals WHERE status = 'active' ORDER BY id LIMIT 200",
    "goal-closed": "SELECT id, title, NULL FROM goals WHERE status != 'active'"
    " ORDER BY id DESC LIMIT 200",
    "goal-any": "SELECT id, title, NULL FROM goals ORDER BY id DESC LIMIT 200",
    # the latest weeks first (the priorities_week index, read backwards)
    "priority": "SELECT id, title, week FROM priorities"
    " WHERE status = 'planned' ORDER BY week DESC, rank LIMIT 40",
    "priority-done": "SELECT id, title, week FROM priorities"
    " WHERE status = 'done' ORDER BY week DESC, rank LIMIT 40",
    "priority-any": "SELECT id, title, week FROM priorities"
    " WHERE status IN ('planned', 'done') ORDER BY week DESC, rank LIMIT 40",
    "request": "SELECT id, topic, NULL FROM leader_requests WHERE status = 'open'"
    " ORDER BY id LIMIT 200",
    "request-unclosed": "SELECT id, topic, NULL FROM leader_requests WHERE status != 'closed'"
    " ORDER BY id LIMIT 200",
    "mandate": "SELECT id, text, NULL FROM mandate ORDER BY id LIMIT 200",
}


def id_rows(path: str, kind: str) -> list[tuple[int, str, str | None]]:
    """The ids of ``kind`` (a key of ``QUERIES``) with their titles (and weeks); [] when
    the journal is missing or cannot be read as it is."""
    import sqlite3
    from urllib.parse import quote

    if kind not in QUERIES or not os.path.isfile(path):
        return []
    try:
        conn = sqlite3.connect(f"file:{quote(path)}?mode=ro", uri=True, timeout=0.2)
    except sqlite3.Error:
        return []
    try:
        rows = conn.execute(QUERIES[kind]).fetchall()
    except sqlite3.Error:
        return []
    finally:
        conn.close()
    return [(int(i), str(text), None if week is None else str(week)) for i, text, week in rows]
