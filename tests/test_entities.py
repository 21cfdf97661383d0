"""One declaration per entity: a field added to a declaration reaches the table
(new and upgraded journals), the export and the import, with no other code changed."""

from __future__ import annotations

import ast
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from selvleder import entities
from selvleder.entities import Goal, column
from selvleder.errors import BadInput
from selvleder.services.portability import export_document, import_tables, load_import_file
from selvleder.storage.journal import Journal
from selvleder.storage.schema import CURRENT_VERSION, create_table_sql, migrations

NEXT = CURRENT_VERSION + 1


class GoalWithEffort(Goal):
    """The goals declaration with one more column, as a later release would add it."""

    effort: int | None = column(default=None, between=(1, 5), since=NEXT)


@pytest.fixture
def effort_declared(monkeypatch: pytest.MonkeyPatch) -> None:
    swapped = tuple(GoalWithEffort if e is Goal else e for e in entities.ENTITIES)
    monkeypatch.setattr(entities, "ENTITIES", swapped)


def goal_columns(path: Path) -> dict[str, str]:
    conn = sqlite3.connect(path)
    try:
        return {r[1]: r[2] for r in conn.execute("PRAGMA table_info(goals)")}
    finally:
        conn.close()


def make_journal_with_a_goal(path: Path) -> None:
    journal = Journal.open(str(path), chosen=True)
    try:
        with journal.write():
            journal.add_goal(
                "Shorter queues",
                "median < 20 days",
                "2027-06-30",
                None,
                "2026-11-02T08:00:00+00:00",
            )
    finally:
        journal.close()


def test_an_added_field_is_in_the_derived_table_and_its_migration(
    tmp_path: Path, effort_declared: None
) -> None:
    # schema: derived from the declaration, with its check
    assert "effort INTEGER CHECK (effort BETWEEN 1 AND 5)" in create_table_sql(GoalWithEffort, NEXT)
    assert migrations()[-1][0] == f"m{NEXT:03d}_add_goals_effort"


def test_round_trip_of_an_added_field(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    old = tmp_path / "old.db"
    make_journal_with_a_goal(old)  # a journal of this release, before the field exists
    assert "effort" not in goal_columns(old)
    swapped = tuple(GoalWithEffort if e is Goal else e for e in entities.ENTITIES)
    monkeypatch.setattr(entities, "ENTITIES", swapped)

    # migration: opening the older journal adds the column and keeps the row
    journal = Journal.open(str(old), chosen=True)
    assert journal.schema_version() == NEXT
    assert goal_columns(old)["effort"] == "INTEGER"
    with journal.write():
        journal.conn.execute("UPDATE goals SET effort = 4")
    with pytest.raises(sqlite3.IntegrityError):  # the declared check is in the table
        journal.conn.execute("UPDATE goals SET effort = 9")

    # export: the field appears under its name
    document = export_document(journal)
    journal.close()
    assert document["schema_version"] == NEXT
    assert document["goals"][0]["effort"] == 4
    assert document["goals"][0]["title"] == "Shorter queues"

    # import: into a new journal (made with the column from the start), then out again
    exported = tmp_path / "export.json"
    exported.write_text(json.dumps(document))
    fresh = tmp_path / "fresh.db"
    tables = load_import_file(str(exported))
    assert tables["goals"][0]["effort"] == 4
    journal = Journal.open(str(fresh), chosen=True)
    import_tables(journal, tables, replace=False)
    again = export_document(journal)
    journal.close()
    assert goal_columns(fresh) == goal_columns(old)
    assert {k: v for k, v in again.items() if k != "exported_at"} == {
        k: v for k, v in document.items() if k != "exported_at"
    }

    # import validation: derived from the same declaration
    document["goals"][0]["effort"] = 9
    exported.write_text(json.dumps(document))
    with pytest.raises(BadInput) as refused:
        load_import_file(str(exported))
    assert refused.value.params["where"] == "goals[0].effort"


def test_the_journal_has_the_tables_the_declarations_make(tmp_path: Path) -> None:
    """A new journal's tables are exactly the declared ones, column for column."""
    journal = Journal.open(str(tmp_path / "j.db"), chosen=True)
    try:
        for entity in entities.ENTITIES:
            stored = journal.conn.execute(
                "SELECT sql FROM sqlite_master WHERE name = ?", (entity.TABLE,)
            ).fetchone()[0]
            expected = create_table_sql(entity, CURRENT_VERSION)
            assert stored.replace(f'"{entity.TABLE}"', entity.TABLE) == expected
    finally:
        journal.close()


def test_records_map_to_rows_by_their_declared_column_names() -> None:
    row = entities.Priority.row(id=3, week="2026-W48", rank=1, title="Draft", when="tue 09-11")
    assert row["focus_block"] == "tue 09-11" and "when" not in row
    assert row["status"] == "planned" and row["done_at"] is None
    assert entities.Priority.from_row(row).when == "tue 09-11"
    with pytest.raises(TypeError, match="no column"):
        entities.Priority.row(id=3, week="2026-W48", rank=1, title="x", focus_block="y")
    with pytest.raises(TypeError, match="needs title"):
        entities.Goal.row(id=1)


def test_entities_sit_at_the_bottom_and_storage_imports_no_domain_module() -> None:
    code = (
        "import sys, selvleder.storage.journal, selvleder.storage.schema, selvleder.storage.files;"
        "print(sorted(m for m in sys.modules if m.startswith('selvleder.')))"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert "selvleder.entities" in loaded
    assert "selvleder.domain" not in loaded
    code = "import sys, selvleder.entities; print(sorted(sys.modules))"
    loaded = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert [m for m in ast.literal_eval(loaded) if m.startswith("selvleder.")] == [
        "selvleder.entities"
    ]
    assert not {"typing", "dataclasses", "pydantic", "sqlite_utils"} & set(ast.literal_eval(loaded))


def test_a_hand_written_migration_runs_at_its_own_version(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A change a declaration cannot express is a function at the next version: an
    older journal runs it once on opening, a new journal records it as applied."""
    from selvleder.storage import schema

    old = tmp_path / "old.db"
    make_journal_with_a_goal(old)

    def add_a_full_stop(conn: sqlite3.Connection) -> None:
        conn.execute("UPDATE goals SET title = title || '.'")

    monkeypatch.setitem(schema.HAND_WRITTEN, NEXT, (f"m{NEXT:03d}_full_stop", add_a_full_stop))
    assert schema.current_version() == NEXT
    assert schema.migrations()[-1][0] == f"m{NEXT:03d}_full_stop"

    journal = Journal.open(str(old), chosen=True)
    try:
        assert journal.schema_version() == NEXT
        with journal.read():
            assert [g.title for g in journal.goals()] == ["Shorter queues."]
    finally:
        journal.close()
    journal = Journal.open(str(old), chosen=True)  # opened again: not run twice
    try:
        with journal.read():
            assert [g.title for g in journal.goals()] == ["Shorter queues."]
    finally:
        journal.close()

    new = Journal.open(str(tmp_path / "new.db"), chosen=True)
    try:
        assert new.schema_version() == NEXT
        applied = {r[0] for r in new.conn.execute("SELECT name FROM _sqlite_migrations")}
        assert f"m{NEXT:03d}_full_stop" in applied
    finally:
        new.close()

    monkeypatch.setitem(schema.HAND_WRITTEN, CURRENT_VERSION, ("m_clash", add_a_full_stop))
    with pytest.raises(ValueError, match="both declared and hand-written"):
        schema.migrations()


class GoalWithWeight(Goal):
    """A later release's NOT NULL column with a table default."""

    weight: int = column(default=3, between=(1, 5), sql_default=3, since=NEXT)


def test_an_export_made_before_a_defaulted_column_still_imports(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    old = tmp_path / "old.db"
    make_journal_with_a_goal(old)
    journal = Journal.open(str(old), chosen=True)
    document = export_document(journal)  # made by this release: no "weight"
    journal.close()
    exported = tmp_path / "export.json"
    exported.write_text(json.dumps(document))

    swapped = tuple(GoalWithWeight if e is Goal else e for e in entities.ENTITIES)
    monkeypatch.setattr(entities, "ENTITIES", swapped)
    tables = load_import_file(str(exported))
    assert tables["goals"][0]["weight"] == 3  # the declared default
    fresh = Journal.open(str(tmp_path / "fresh.db"), chosen=True)
    try:
        import_tables(fresh, tables, replace=False)
        assert export_document(fresh)["goals"][0]["weight"] == 3
    finally:
        fresh.close()


def test_every_column_of_a_table_nested_by_hand_is_carried_by_the_export() -> None:
    """The profile, org goals, motivation, can-wait items, tags and settings are
    nested by hand in the export: a column declared on them but not written there
    would be lost on export without a word, so the list of what is written there
    must name every declared column."""
    from selvleder.export.json_export import HAND_NESTED

    for table, carried in HAND_NESTED.items():
        declared = tuple(c.name for c in entities.entity(table).COLUMNS)
        assert declared == carried, (
            f"{table}: the export nests {carried} by hand, the declaration has {declared}; "
            "write the new column in json_export.build_document and read it in importing"
        )


def test_a_column_added_to_a_table_nested_by_hand_is_caught(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from selvleder.entities import ProfileRow

    class ProfileWithPronoun(ProfileRow):
        pronoun: str | None = column(default=None, since=NEXT)

    swapped = tuple(ProfileWithPronoun if e is ProfileRow else e for e in entities.ENTITIES)
    monkeypatch.setattr(entities, "ENTITIES", swapped)
    with pytest.raises(AssertionError, match="profile"):
        test_every_column_of_a_table_nested_by_hand_is_carried_by_the_export()
