"""The journal's schema, as sqlite-utils migrations.

Never edit an applied migration: add a new one. Each migration also records
its number in ``PRAGMA user_version`` inside the same transaction, so the
quick path can tell whether a migration is due without importing
sqlite-utils.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

BASE_SCHEMA = (
    """CREATE TABLE profile (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        role TEXT,
        mission TEXT,
        joy TEXT,
        updated_at TEXT
    )""",
    """CREATE TABLE org_goals (
        id INTEGER PRIMARY KEY,
        position INTEGER NOT NULL,
        text TEXT NOT NULL
    )""",
    """CREATE TABLE motivation (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('strength', 'value', 'driver')),
        position INTEGER NOT NULL,
        text TEXT NOT NULL
    )""",
    """CREATE TABLE mandate (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('mine', 'leader', 'bounded', 'unclear')),
        text TEXT NOT NULL,
        created_at TEXT NOT NULL
    )""",
    """CREATE TABLE goals (
        id INTEGER PRIMARY KEY,
        title TEXT NOT NULL,
        measure TEXT,
        due TEXT,
        org_goal TEXT,
        status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'done', 'dropped')),
        created_at TEXT NOT NULL,
        closed_at TEXT
    )""",
    """CREATE TABLE goal_progress (
        id INTEGER PRIMARY KEY,
        goal_id INTEGER NOT NULL REFERENCES goals(id) ON DELETE CASCADE,
        note TEXT NOT NULL,
        at TEXT NOT NULL,
        local_date TEXT NOT NULL
    )""",
    """CREATE TABLE weeks (
        week TEXT PRIMARY KEY,
        focus TEXT,
        buffer_pct INTEGER CHECK (buffer_pct BETWEEN 0 AND 100),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    )""",
    """CREATE TABLE priorities (
        id INTEGER PRIMARY KEY,
        week TEXT NOT NULL,
        rank INTEGER NOT NULL,
        title TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'planned'
            CHECK (status IN ('planned', 'done', 'dropped', 'carried')),
        goal_id INTEGER REFERENCES goals(id) ON DELETE SET NULL,
        value TEXT CHECK (value IN ('high', 'medium', 'low')),
        energy TEXT CHECK (energy IN ('gives', 'neutral', 'drains')),
        estimate_minutes INTEGER CHECK (estimate_minutes > 0),
        focus_block TEXT,
        carried_from INTEGER REFERENCES priorities(id) ON DELETE SET NULL,
        drop_reason TEXT,
        created_at TEXT NOT NULL,
        done_at TEXT
    )""",
    """CREATE TABLE can_wait (
        id INTEGER PRIMARY KEY,
        week TEXT NOT NULL,
        position INTEGER NOT NULL,
        title TEXT NOT NULL
    )""",
    """CREATE TABLE energy_logs (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        utc_offset INTEGER NOT NULL,
        local_date TEXT NOT NULL,
        local_time TEXT NOT NULL,
        week TEXT NOT NULL,
        level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5),
        note TEXT
    )""",
    """CREATE TABLE energy_tags (
        log_id INTEGER NOT NULL REFERENCES energy_logs(id) ON DELETE CASCADE,
        tag TEXT NOT NULL,
        PRIMARY KEY (log_id, tag)
    ) WITHOUT ROWID""",
    """CREATE TABLE reflections (
        week TEXT PRIMARY KEY,
        next_week TEXT,
        competence INTEGER CHECK (competence BETWEEN 1 AND 5),
        autonomy INTEGER CHECK (autonomy BETWEEN 1 AND 5),
        belonging INTEGER CHECK (belonging BETWEEN 1 AND 5),
        meaning INTEGER CHECK (meaning BETWEEN 1 AND 5),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    )""",
    """CREATE TABLE reflection_answers (
        week TEXT NOT NULL REFERENCES reflections(week) ON DELETE CASCADE,
        tip TEXT NOT NULL CHECK (tip IN ('role', 'goals', 'plan', 'feedback', 'energy')),
        answer TEXT,
        rating INTEGER CHECK (rating BETWEEN 1 AND 5),
        PRIMARY KEY (week, tip)
    ) WITHOUT ROWID""",
    """CREATE TABLE leader_requests (
        id INTEGER PRIMARY KEY,
        need TEXT NOT NULL,
        topic TEXT NOT NULL,
        questions TEXT NOT NULL DEFAULT '[]',
        week TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'answered', 'closed')),
        created_at TEXT NOT NULL,
        answered_at TEXT,
        closed_at TEXT,
        note TEXT
    )""",
    """CREATE TABLE feedback_given (
        id INTEGER PRIMARY KEY,
        to_name TEXT NOT NULL,
        text TEXT NOT NULL,
        at TEXT NOT NULL,
        local_date TEXT NOT NULL,
        week TEXT NOT NULL
    )""",
    """CREATE TABLE nudges (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL,
        created_at TEXT NOT NULL,
        seen_at TEXT
    )""",
    """CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT
    ) WITHOUT ROWID""",
)

INDEXES = (
    "CREATE INDEX priorities_week ON priorities(week, rank)",
    "CREATE INDEX priorities_goal ON priorities(goal_id)",
    "CREATE INDEX can_wait_week ON can_wait(week, position)",
    "CREATE INDEX energy_logs_date ON energy_logs(local_date)",
    "CREATE INDEX energy_logs_week ON energy_logs(week)",
    "CREATE INDEX energy_logs_at ON energy_logs(at)",
    "CREATE INDEX energy_tags_tag ON energy_tags(tag)",
    "CREATE INDEX goals_status ON goals(status)",
    "CREATE INDEX goal_progress_goal ON goal_progress(goal_id, at)",
    "CREATE INDEX mandate_kind ON mandate(kind)",
    "CREATE INDEX requests_status ON leader_requests(status, created_at)",
    "CREATE INDEX requests_week ON leader_requests(week)",
    "CREATE INDEX feedback_date ON feedback_given(local_date)",
    "CREATE INDEX nudges_unseen ON nudges(seen_at)",
)

# (migration name, statements); the position + 1 is the schema version.
MIGRATIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("m001_base_schema", BASE_SCHEMA),
    ("m002_window_indexes", INDEXES),
)

CURRENT_VERSION = len(MIGRATIONS)
MIGRATION_SET = "selvleder"


def migration_set() -> Any:
    """The sqlite-utils ``Migrations`` for the journal (imports sqlite-utils)."""
    from sqlite_utils.migrations import Migrations

    migrations = Migrations(MIGRATION_SET)
    for number, (name, statements) in enumerate(MIGRATIONS, start=1):
        migrations(name=name)(_migration(number, statements))
    return migrations


def _migration(version: int, statements: tuple[str, ...]) -> Any:
    def apply(db: Any) -> None:
        # conn.execute, never executescript: that would commit mid-migration.
        for statement in statements:
            db.conn.execute(statement)
        db.conn.execute(f"PRAGMA user_version = {version:d}")

    return apply
