"""The journal's schema: sqlite-utils migrations derived from ``selvleder.entities``.

The first two migrations are history, kept as the SQL they ran (never edit an
applied migration). From version 3 on the schema is derived from the entity
declarations: m003 rebuilt every table from them (ids became AUTOINCREMENT,
so a deleted id is never reused), and each later version N is the columns
and tables declared with ``since=N``, added by a migration derived from them.

A new journal skips the history: ``create_new`` makes the tables as declared
now and records every migration as applied (tests check that this is the
schema the migrations build, and that sqlite-utils reads the record).

The schema version has one source: the position of a migration in
``migrations()``. Each migration sets ``PRAGMA user_version`` to its
position inside its own transaction (beside sqlite-utils' record of it), so
opening a journal can tell whether a migration is due without importing
sqlite-utils.

sqlite-utils' ``Table.create()`` and ``transform()`` cannot declare
AUTOINCREMENT or CHECK constraints (simonw/sqlite-utils#664; 4.2 has them only
as private arguments), so the CREATE TABLE statements are written here from
the declarations; sqlite-utils keeps the migration record and runs each
migration in a savepoint. A later migration that must rebuild a table (change
a column's type, drop one) can use ``Table.transform()``: it keeps
AUTOINCREMENT, CHECK and foreign keys, though not WITHOUT ROWID
(energy_tags, reflection_answers, settings), which it would have to write
itself.
"""

from __future__ import annotations

from selvleder import entities

TYPE_CHECKING = False
if TYPE_CHECKING:
    import sqlite3
    from collections.abc import Callable
    from typing import Any

    from selvleder.entities import Column, Entity

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

MIGRATION_SET = "selvleder"
REBUILD_VERSION = 3  # m003: every table rebuilt from the declarations


# Changes a declaration cannot express (a column's type changed, a column dropped,
# data moved), each at its own version: {version: (name, function)}. A version is
# either declared (``since=``) or hand-written here, never both. A new journal is
# made from the declarations as they are now, so it records these as applied.
HAND_WRITTEN: dict[int, tuple[str, Callable[[sqlite3.Connection], None]]] = {}


def _declared_versions() -> set[int]:
    versions: set[int] = set()
    for entity in entities.ENTITIES:
        versions |= {entity.SINCE, *(c.since for c in entity.COLUMNS)}
        versions |= {index[2] for index in entity.INDEXES if len(index) > 2}
    return {v for v in versions if v > REBUILD_VERSION}


def current_version() -> int:
    """The newest schema version this release knows (declarations and hand-written)."""
    return max([REBUILD_VERSION, *_declared_versions(), *HAND_WRITTEN])


CURRENT_VERSION = current_version()


def migrations() -> list[tuple[str, Callable[[sqlite3.Connection], None]]]:
    """(name, function) per schema version, oldest first; position + 1 is the version."""
    found: list[tuple[str, Callable[[sqlite3.Connection], None]]] = [
        ("m001_base_schema", _statements(BASE_SCHEMA)),
        ("m002_window_indexes", _statements(INDEXES)),
        ("m003_autoincrement_ids", _rebuild_all),
    ]
    declared = _declared_versions()
    for version in range(REBUILD_VERSION + 1, current_version() + 1):
        if version in HAND_WRITTEN:
            if version in declared:
                raise ValueError(f"schema version {version} is both declared and hand-written")
            found.append(HAND_WRITTEN[version])
        else:
            found.append((_added_name(version), _adder(version)))
    return found


def migration_set() -> Any:
    """The sqlite-utils ``Migrations`` for the journal (imports sqlite-utils)."""
    from sqlite_utils.migrations import Migrations

    migrations_ = Migrations(MIGRATION_SET)
    for version, (name, apply) in enumerate(migrations(), start=1):
        migrations_(name=name)(_versioned(version, apply))
    return migrations_


# sqlite-utils' record of applied migrations, in the shape its Migrations.ensure_migrations_table
# makes (tests/test_storage.py checks that sqlite-utils reads what create_new writes).
MIGRATIONS_TABLE = (
    'CREATE TABLE "_sqlite_migrations" (\n   "id" INTEGER PRIMARY KEY,\n   "migration_set" TEXT,'
    '\n   "name" TEXT,\n   "applied_at" TEXT\n)',
    'CREATE UNIQUE INDEX "idx__sqlite_migrations_migration_set_name"\n'
    '    ON "_sqlite_migrations" ("migration_set", "name")',
)


def create_new(conn: sqlite3.Connection) -> None:
    """A new, empty journal: every table as declared now, every migration recorded.

    The same schema as migrating from nothing (a test compares them), made
    without sqlite-utils: importing it costs 8.7x a bare interpreter, and the
    first use of a journal, ``demo`` and ``import`` into a new file all start
    here. The caller holds the transaction.
    """
    from datetime import UTC, datetime

    version = current_version()
    for entity in entities.ENTITIES:
        conn.execute(create_table_sql(entity, version))
        for statement in index_sql(entity, version):
            conn.execute(statement)
    for statement in MIGRATIONS_TABLE:
        conn.execute(statement)
    applied_at = str(datetime.now(UTC))
    conn.executemany(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES (?, ?, ?)",
        [(MIGRATION_SET, name, applied_at) for name, _apply in migrations()],
    )
    conn.execute(f"PRAGMA user_version = {version:d}")


def _versioned(version: int, apply: Callable[[sqlite3.Connection], None]) -> Any:
    def migration(db: Any) -> None:
        # conn.execute, never executescript: that would commit mid-migration.
        apply(db.conn)
        db.conn.execute(f"PRAGMA user_version = {version:d}")

    return migration


def _statements(statements: tuple[str, ...]) -> Callable[[sqlite3.Connection], None]:
    def apply(conn: sqlite3.Connection) -> None:
        for statement in statements:
            conn.execute(statement)

    return apply


# -- derived from the declarations ------------------------------------------------------


def column_sql(entity: type[Entity], column: Column) -> str:
    """One column's definition, as CREATE TABLE and ADD COLUMN write it."""
    parts = [column.name, column.sql]
    if column.pk and not entity.KEY:
        parts.append("PRIMARY KEY")
        if column.sql == "INTEGER" and column.autoincrement:
            parts.append("AUTOINCREMENT")
        elif column.sql != "INTEGER":
            parts.append("NOT NULL")
    elif not column.null:
        parts.append("NOT NULL")
    if column.sql_default is not None:
        parts.append(f"DEFAULT {_literal(column.sql_default)}")
    if column.choices and column.sql_check:
        choices = ", ".join(_literal(c) for c in column.choices)
        parts.append(f"CHECK ({column.name} IN ({choices}))")
    if column.between is not None:
        low, high = column.between
        if high is None:
            parts.append(f"CHECK ({column.name} >= {low:d})")
        else:
            parts.append(f"CHECK ({column.name} BETWEEN {low:d} AND {high:d})")
    if column.references:
        parts.append(f"REFERENCES {column.references}")
        if column.on_delete:
            parts.append(f"ON DELETE {column.on_delete}")
    return " ".join(parts)


def create_table_sql(entity: type[Entity], version: int, name: str | None = None) -> str:
    """The table as the declarations define it at a schema version."""
    lines = [column_sql(entity, c) for c in entity.columns_at(version)]
    if entity.KEY:
        lines.append(f"PRIMARY KEY ({', '.join(entity.KEY)})")
    body = ",\n    ".join(lines)
    rowid = " WITHOUT ROWID" if entity.KEY else ""
    return f"CREATE TABLE {name or entity.TABLE} (\n    {body}\n){rowid}"


def index_sql(entity: type[Entity], version: int, *, only: bool = False) -> list[str]:
    """The table's indexes at a schema version (``only``: those that version added)."""
    return [
        f"CREATE INDEX {name} ON {entity.TABLE}({columns})"
        for name, columns in entity.indexes_at(version, only=only)
    ]


def _literal(value: str | int) -> str:
    if isinstance(value, int):
        return str(value)
    return "'" + value.replace("'", "''") + "'"


def _rebuild_all(conn: sqlite3.Connection) -> None:
    """m003: every table re-created from the declarations, rows and ids kept.

    SQLite cannot add AUTOINCREMENT to a table, so each one is rebuilt: a new
    table, the rows copied, the old one dropped, the new one renamed, its
    indexes made again. Foreign keys are off while this runs (``open_journal``
    sees to it: a DROP would otherwise cascade) and checked before the commit.
    """
    for entity in entities.ENTITIES:
        if entity.SINCE > REBUILD_VERSION:
            continue
        columns = ", ".join(c.name for c in entity.columns_at(REBUILD_VERSION))
        temporary = f"{entity.TABLE}_rebuilt"
        conn.execute(create_table_sql(entity, REBUILD_VERSION, temporary))
        conn.execute(f"INSERT INTO {temporary} ({columns}) SELECT {columns} FROM {entity.TABLE}")
        conn.execute(f"DROP TABLE {entity.TABLE}")
        conn.execute(f"ALTER TABLE {temporary} RENAME TO {entity.TABLE}")
        for statement in index_sql(entity, REBUILD_VERSION):
            conn.execute(statement)


def _added_name(version: int) -> str:
    """A derived migration's name, from what it adds (stable once applied)."""
    added = []
    for entity in entities.ENTITIES:
        if version == entity.SINCE:
            added.append(entity.TABLE)
        else:
            added += [f"{entity.TABLE}_{c.name}" for c in entity.COLUMNS if c.since == version]
            added += [name for name, _ in entity.indexes_at(version, only=True)]
    return f"m{version:03d}_add_{'_'.join(added) or 'nothing'}"


def _adder(version: int) -> Callable[[sqlite3.Connection], None]:
    def apply(conn: sqlite3.Connection) -> None:
        for entity in entities.ENTITIES:
            if version == entity.SINCE:
                conn.execute(create_table_sql(entity, version))
                for statement in index_sql(entity, version):
                    conn.execute(statement)
            elif version > entity.SINCE:
                for column in entity.COLUMNS:
                    if column.since == version:
                        if not column.null and column.sql_default is None:
                            raise ValueError(
                                f"{entity.TABLE}.{column.name}: a NOT NULL column added "
                                "to an existing table needs a sql_default"
                            )
                        definition = column_sql(entity, column)
                        conn.execute(f"ALTER TABLE {entity.TABLE} ADD COLUMN {definition}")
                for statement in index_sql(entity, version, only=True):
                    conn.execute(statement)

    return apply
