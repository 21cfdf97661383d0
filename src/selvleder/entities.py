"""Every entity of the journal, declared once.

Each table is one class below: its annotated fields are the columns, in
column order, with their metadata (``column(...)``: key, checks, foreign key,
how it looks in the JSON export, the schema version that added it). From
these declarations ``storage.schema`` derives the tables and migrations,
``storage.journal`` maps rows to records, ``export.json_export`` and
``domain.importing`` derive the export fields and the import validation, and
``domain.demo`` builds its rows. Adding a field here is enough for all of them
(``tests/test_entities.py`` shows it), except for the few tables the export
nests by hand (``export.json_export.HAND_NESTED``: a test names what is missing).

The classes are also the records the journal returns; ``Profile``,
``WeekPlan``, ``Reflection``, ``Request`` and ``Log`` are views over several
tables, declared with ``field(...)`` only.

This module sits at the bottom of the package: it imports nothing else of
selvleder and nothing heavy (no ``dataclasses``, no ``typing`` at run time),
because every command, the quick ``energy log`` too, imports it. The
``__init__`` of a class is generated on its first use, so classes a command
never builds cost nothing.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any, ClassVar, dataclass_transform
else:

    def dataclass_transform(**_options: object) -> object:
        return lambda decorated: decorated


# The "format" of an export document (export writes it, import checks it).
EXPORT_FORMAT = "selvleder-export"
TIP_KEYS = ("role", "goals", "plan", "feedback", "energy")
MANDATE_KINDS = ("mine", "leader", "bounded", "unclear")
MOTIVATION_KINDS = ("strength", "value", "driver")
PULSE_KEYS = ("competence", "autonomy", "belonging", "meaning")
GOAL_STATUSES = ("active", "done", "dropped")
PRIORITY_STATUSES = ("planned", "done", "dropped", "carried")
VALUES = ("high", "medium", "low")
ENERGY_EFFECTS = ("gives", "neutral", "drains")
REQUEST_STATUSES = ("open", "answered", "closed")
FEEDBACK_KINDS = ("given", "asked")  # feedback you gave; feedback you asked a colleague for
NEEDS = (
    "feedback",
    "clarify-mandate",
    "expectations",
    "decision",
    "priorities",
    "support",
    "resources",
    "learning",
)
MAX_ID = 2**63 - 1
MAX_ESTIMATE_MINUTES = 7 * 24 * 60

# How a column's stored value appears in the JSON export (and is read back).
PLAIN = "plain"
STAMP = "stamp"  # stored UTC, exported with the local offset
DATE = "date"  # an ISO date
WEEK = "week"  # an ISO week, "2026-W48"
JSON_LIST = "json-list"  # a JSON list of texts in one column
LOCAL_AT = "local-at"  # energy logs: UTC plus the offset they were logged in

_MISSING = object()
_SQL_TYPES = {"int": "INTEGER", "str": "TEXT"}


class Column:
    """A stored field: one column of the entity's table."""

    __slots__ = (
        "at_most",
        "attr",
        "autoincrement",
        "between",
        "choices",
        "codec",
        "default",
        "export",
        "factory",
        "name",
        "nonempty",
        "null",
        "on_delete",
        "pk",
        "references",
        "since",
        "sql",
        "sql_check",
        "sql_default",
    )

    def __init__(
        self,
        *,
        default: object = _MISSING,
        name: str | None = None,
        pk: bool = False,
        autoincrement: bool = True,
        references: str | None = None,
        on_delete: str | None = None,
        choices: tuple[str, ...] | None = None,
        sql_check: bool = True,
        between: tuple[int, int | None] | None = None,
        at_most: int | None = None,
        nonempty: bool = False,
        export: str | object | None = _MISSING,
        codec: str = PLAIN,
        since: int = 1,
        sql_default: str | int | None = None,
    ) -> None:
        self.attr = ""  # set by the class that declares it
        self.default = default
        self.factory: Callable[[], object] | None = None
        self.name = name or ""
        self.pk = pk
        self.autoincrement = autoincrement
        self.references = references  # "table(column)"
        self.on_delete = on_delete
        self.choices = choices
        self.sql_check = sql_check
        self.between = between
        self.at_most = at_most  # an import limit that the table does not check
        self.nonempty = nonempty  # import refuses an empty text
        self.export = export  # the key in the JSON export; None: not exported
        self.codec = codec
        self.since = since  # the schema version that added the column
        self.sql_default = sql_default
        self.sql = ""
        self.null = False

    @property
    def stored(self) -> bool:
        return True

    def __repr__(self) -> str:
        return f"Column({self.name}: {self.sql}{'' if self.null else ' NOT NULL'})"


class Extra(Column):
    """A field of the record that is not a column (children, derived values)."""

    __slots__ = ()

    @property
    def stored(self) -> bool:
        return False


def column(
    *,
    default: Any = _MISSING,
    name: str | None = None,
    pk: bool = False,
    autoincrement: bool = True,
    references: str | None = None,
    on_delete: str | None = None,
    choices: tuple[str, ...] | None = None,
    sql_check: bool = True,
    between: tuple[int, int | None] | None = None,
    at_most: int | None = None,
    nonempty: bool = False,
    export: str | object | None = _MISSING,
    codec: str = PLAIN,
    since: int = 1,
    sql_default: str | int | None = None,
) -> Any:
    """Declare a column. ``default`` is for building records in memory; the
    table's own default is ``sql_default``."""
    return Column(
        default=default,
        name=name,
        pk=pk,
        autoincrement=autoincrement,
        references=references,
        on_delete=on_delete,
        choices=choices,
        sql_check=sql_check,
        between=between,
        at_most=at_most,
        nonempty=nonempty,
        export=export,
        codec=codec,
        since=since,
        sql_default=sql_default,
    )


def field(*, default: Any = _MISSING, default_factory: Callable[[], Any] | None = None) -> Any:
    """Declare a field of the record that is not stored in its table."""
    extra = Extra(default=default)
    extra.factory = default_factory
    return extra


@dataclass_transform(eq_default=False, field_specifiers=(column, field))
class EntityMeta(type):
    """Builds ``__slots__``, the field list and (lazily) ``__init__`` from annotations."""

    def __new__(
        mcs, name: str, bases: tuple[type, ...], namespace: dict[str, Any], **options: Any
    ) -> EntityMeta:
        annotations: dict[str, str] = namespace.get("__annotations__", {})
        inherited: tuple[Column, ...] = next(
            (getattr(b, "FIELDS", ()) for b in bases if isinstance(b, EntityMeta)), ()
        )
        fields: list[Column] = []
        for attr, declared in annotations.items():
            # a string, unless the declaring module lacks postponed annotations
            annotation = getattr(declared, "__name__", None) or str(declared)
            if annotation.startswith(("ClassVar", "typing.ClassVar")):
                continue
            value = namespace.pop(attr, _MISSING)
            spec = value if isinstance(value, Column) else field(default=value)
            spec.attr = attr
            spec.name = spec.name or attr
            if spec.export is _MISSING:
                spec.export = attr
            parts = [p.strip() for p in annotation.split("|")]
            spec.null = "None" in parts
            if spec.stored:
                base = next(p for p in parts if p != "None")
                spec.sql = _SQL_TYPES[base]
            fields.append(spec)
        if not fields and "__slots__" in namespace:
            # A record with its own __slots__ and __init__: compare and show its slots.
            for attr in namespace["__slots__"]:
                fields.append(field())
                fields[-1].attr = fields[-1].name = attr
            namespace["FIELDS"] = (*inherited, *fields)
            return super().__new__(mcs, name, bases, namespace, **options)
        namespace["__slots__"] = tuple(f.attr for f in fields)
        if fields:
            every = (*inherited, *fields)
            namespace["FIELDS"] = every
            namespace["COLUMNS"] = tuple(f for f in every if f.stored)
            namespace["__init__"] = _lazy_init
        return super().__new__(mcs, name, bases, namespace, **options)


def _lazy_init(self: Record, *args: Any, **kwargs: Any) -> None:
    """Compile the class's real ``__init__`` on first use, then call it."""
    cls = type(self)
    for owner in cls.__mro__:
        if owner.__dict__.get("__init__") is _lazy_init:
            owner.__init__ = _compile_init(owner)  # type: ignore[misc]
            break
    cls.__init__(self, *args, **kwargs)


def _compile_init(cls: type) -> Callable[..., None]:
    fields: tuple[Column, ...] = cls.FIELDS  # type: ignore[attr-defined]
    params, body = [], []
    scope: dict[str, object] = {"_MISSING": _MISSING}
    for f in fields:
        if f.factory is not None:
            scope[f"_factory_{f.attr}"] = f.factory
            params.append(f"{f.attr}=_MISSING")
            body.append(
                f"self.{f.attr} = _factory_{f.attr}() if {f.attr} is _MISSING else {f.attr}"
            )
        else:
            if f.default is not _MISSING:
                scope[f"_default_{f.attr}"] = f.default
                params.append(f"{f.attr}=_default_{f.attr}")
            else:
                params.append(f.attr)
            body.append(f"self.{f.attr} = {f.attr}")
    source = f"def __init__(self, {', '.join(params)}):\n    " + "\n    ".join(body)
    exec(source, scope)
    init: Callable[..., None] = scope["__init__"]  # type: ignore[assignment]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    return init


def _compile_from_row(cls: type[Entity]) -> Callable[[Any], Any]:
    arguments = ", ".join(f"{c.attr}=row[{c.name!r}]" for c in cls.COLUMNS)
    scope: dict[str, object] = {"cls": cls}
    exec(f"def from_row(row):\n    return cls({arguments})", scope)
    mapper: Callable[[Any], Any] = scope["from_row"]  # type: ignore[assignment]
    return mapper


class Record(metaclass=EntityMeta):
    """Equality and a readable repr from the fields (for tests and debugging)."""

    __slots__ = ()
    FIELDS: ClassVar[tuple[Column, ...]] = ()
    COLUMNS: ClassVar[tuple[Column, ...]] = ()

    def _values(self) -> tuple[object, ...]:
        return tuple(getattr(self, f.attr) for f in self.FIELDS)

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, Record)
            and type(other) is type(self)
            and (self._values() == other._values())
        )

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        fields = ", ".join(f"{f.attr}={getattr(self, f.attr)!r}" for f in self.FIELDS)
        return f"{type(self).__name__}({fields})"


class Entity(Record):
    """A record that is one row of one table."""

    __slots__ = ()
    TABLE = ""
    ORDER = "id"  # the dump order (stable exports)
    KEY: ClassVar[tuple[str, ...]] = ()  # a table-level primary key (then WITHOUT ROWID)
    # (name, "column, column"), or (name, columns, since) for an index a later version added
    INDEXES: ClassVar[tuple[tuple[str, str] | tuple[str, str, int], ...]] = ()
    EXPORT: ClassVar[str | None] = None  # the export section of a flat table
    SINCE = 1  # the schema version that added the table

    @classmethod
    def columns_at(cls, version: int) -> tuple[Column, ...]:
        return tuple(c for c in cls.COLUMNS if c.since <= version)

    @classmethod
    def indexes_at(cls, version: int, *, only: bool = False) -> list[tuple[str, str]]:
        """(name, columns) of the indexes the table has at a schema version (``only``:
        those that version added)."""
        found = []
        for name, columns, *since in cls.INDEXES:
            added = since[0] if since else cls.SINCE
            if added == version or (added <= version and not only):
                found.append((name, columns))
        return found

    @classmethod
    def column(cls, attr: str) -> Column:
        for c in cls.COLUMNS:
            if c.attr == attr:
                return c
        raise KeyError(f"{cls.__name__} has no column {attr}")

    @classmethod
    def from_row(cls, row: Any) -> Any:
        """The record for a table row (a mapping by column name).

        Compiled for each class on first use: every report builds many records.
        """
        mapper = cls.__dict__.get("_from_row")
        if mapper is None:
            mapper = _compile_from_row(cls)
            type.__setattr__(cls, "_from_row", mapper)
        return mapper(row)

    @classmethod
    def row(cls, **values: Any) -> dict[str, Any]:
        """A table row from field values by attribute name; missing fields take
        their declared default (a field without one must be given)."""
        row = {}
        for c in cls.COLUMNS:
            if c.attr in values:
                row[c.name] = values.pop(c.attr)
            elif c.default is not _MISSING:
                row[c.name] = c.default
            elif c.null:
                row[c.name] = None
            else:
                raise TypeError(f"{cls.__name__}.row() needs {c.attr}")
        if values:
            raise TypeError(f"{cls.__name__} has no column {', '.join(values)}")
        return row

    def to_row(self) -> dict[str, object]:
        return {c.name: getattr(self, c.attr) for c in self.COLUMNS}


# -- the tables, parents before children --------------------------------------------


class ProfileRow(Entity):
    TABLE = "profile"
    id: int = column(pk=True, autoincrement=False, between=(1, 1))
    role: str | None = column(default=None)
    mission: str | None = column(default=None)
    joy: str | None = column(default=None)
    updated_at: str | None = column(default=None, codec=STAMP)


class OrgGoal(Entity):
    TABLE = "org_goals"
    ORDER = "position, id"
    id: int = column(pk=True)
    position: int = column()
    text: str = column(nonempty=True)


class MotivationItem(Entity):
    TABLE = "motivation"
    ORDER = "kind, position, id"
    id: int = column(pk=True)
    kind: str = column(choices=MOTIVATION_KINDS)
    position: int = column()
    text: str = column(nonempty=True)


class MandateItem(Entity):
    TABLE = "mandate"
    EXPORT = "mandate"
    INDEXES = (("mandate_kind", "kind"),)
    id: int = column(pk=True)
    kind: str = column(choices=MANDATE_KINDS)
    text: str = column(nonempty=True)
    created_at: str = column(default="", codec=STAMP)


class ProgressNote(Entity):
    TABLE = "goal_progress"
    INDEXES = (("goal_progress_goal", "goal_id, at"),)
    id: int = column(pk=True)
    goal_id: int = column(references="goals(id)", on_delete="CASCADE", export=None)
    note: str = column(nonempty=True)
    at: str = column(codec=STAMP)
    local_date: str = column(export="date", codec=DATE)


class Goal(Entity):
    TABLE = "goals"
    EXPORT = "goals"
    # v6: a goal's steps (goal show; ON DELETE CASCADE looks them up)
    INDEXES = (("goals_status", "status"), ("goals_parent", "parent_id", 6))
    id: int = column(pk=True)
    title: str = column(nonempty=True)
    measure: str | None = column()
    due: str | None = column(codec=DATE)
    org_goal: str | None = column()
    status: str = column(choices=GOAL_STATUSES, sql_default="active")
    created_at: str = column(codec=STAMP)
    closed_at: str | None = column(default=None, codec=STAMP)
    # v6: a sub-goal (delmål, a step) names its goal; one level only, never counted
    # toward max_goals; deleting a goal deletes its steps.
    parent_id: int | None = column(
        default=None, references="goals(id)", on_delete="CASCADE", since=6
    )
    progress: list[ProgressNote] = field(default_factory=list)
    steps: list[Goal] = field(default_factory=list)  # its sub-goals (goal show reads them)

    @property
    def clear(self) -> bool:
        """Few, clear goals: clear means it has a measure and a due date."""
        return bool(self.measure and self.due)

    @property
    def is_step(self) -> bool:
        """A sub-goal (a step toward its goal)."""
        return self.parent_id is not None

    @property
    def steps_counted(self) -> tuple[int, int]:
        """(done, total) of its steps; a dropped step counts in neither."""
        kept = [g for g in self.steps if g.status != "dropped"]
        return sum(1 for g in kept if g.status == "done"), len(kept)


class WeekRow(Entity):
    TABLE = "weeks"
    ORDER = "week"
    week: str = column(pk=True, codec=WEEK)
    focus: str | None = column(default=None)
    buffer_pct: int | None = column(default=None, between=(0, 100))
    created_at: str = column(default="", codec=STAMP)
    updated_at: str = column(default="", codec=STAMP)
    # v7: raised each time the week's plan or its priorities change; the calendar file's
    # SEQUENCE (week --ics), so a re-imported week updates its events. Exported, so a
    # journal moved by export and import goes on counting (an older export: 0).
    revision: int = column(default=0, sql_default=0, since=7, between=(0, None))


class Priority(Entity):
    TABLE = "priorities"
    EXPORT = "priorities"
    INDEXES = (
        ("priorities_week", "week, rank"),
        ("priorities_goal", "goal_id"),
        # v4: ON DELETE SET NULL looks up the rows carried from each deleted one
        # (forget --all on a 10-year journal: 1.0 s without it, 0.1 s with it)
        ("priorities_carried_from", "carried_from", 4),
    )
    id: int = column(pk=True)
    week: str = column(codec=WEEK)
    rank: int = column()
    title: str = column(nonempty=True)
    status: str = column(default="planned", choices=PRIORITY_STATUSES, sql_default="planned")
    goal_id: int | None = column(default=None, references="goals(id)", on_delete="SET NULL")
    value: str | None = column(default=None, choices=VALUES)
    energy: str | None = column(default=None, choices=ENERGY_EFFECTS)
    estimate_minutes: int | None = column(
        default=None, between=(1, None), at_most=MAX_ESTIMATE_MINUTES
    )
    when: str | None = column(default=None, name="focus_block")
    carried_from: int | None = column(
        default=None, references="priorities(id)", on_delete="SET NULL"
    )
    drop_reason: str | None = column(default=None)
    created_at: str = column(default="", codec=STAMP)
    done_at: str | None = column(default=None, codec=STAMP)

    @property
    def counts(self) -> bool:
        """Only planned and done priorities count toward the cap and completion."""
        return self.status in ("planned", "done")


class PriorityMove(Entity):
    """``priority move`` of an unfinished priority: the week it left keeps this trace (it
    lists the priority as moved away and counts it as not done there), and each move is a
    link in the priority's chain (``plan.carried_repeatedly``). v5."""

    TABLE = "priority_moves"
    EXPORT = "priority_moves"
    SINCE = 5
    INDEXES = (
        ("priority_moves_from", "from_week"),
        ("priority_moves_priority", "priority_id"),
    )
    id: int = column(pk=True)
    priority_id: int = column(references="priorities(id)", on_delete="CASCADE")
    from_week: str = column(codec=WEEK)
    to_week: str = column(codec=WEEK)
    at: str = column(codec=STAMP)


class CanWait(Entity):
    TABLE = "can_wait"
    ORDER = "week, position, id"
    INDEXES = (("can_wait_week", "week, position"),)
    id: int = column(pk=True)
    week: str = column(codec=WEEK)
    position: int = column()
    title: str = column(nonempty=True)


class EnergyLog(Entity):
    TABLE = "energy_logs"
    EXPORT = "energy_logs"
    INDEXES = (
        ("energy_logs_date", "local_date"),
        ("energy_logs_week", "week"),
        ("energy_logs_at", "at"),
    )
    id: int = column(pk=True)
    at: str = column(codec=LOCAL_AT)
    utc_offset: int = column(export=None)
    local_date: str = column(export=None)
    local_time: str = column(export=None)
    week: str = column(export=None)
    level: int = column(between=(1, 5))
    note: str | None = column(default=None)


class EnergyTag(Entity):
    TABLE = "energy_tags"
    ORDER = "log_id, tag"
    KEY = ("log_id", "tag")
    INDEXES = (("energy_tags_tag", "tag"),)
    log_id: int = column(references="energy_logs(id)", on_delete="CASCADE")
    tag: str = column(nonempty=True)


class ReflectionRow(Entity):
    TABLE = "reflections"
    ORDER = "week"
    week: str = column(pk=True, codec=WEEK)
    next_week: str | None = column(default=None)
    competence: int | None = column(default=None, between=(1, 5))
    autonomy: int | None = column(default=None, between=(1, 5))
    belonging: int | None = column(default=None, between=(1, 5))
    meaning: int | None = column(default=None, between=(1, 5))
    created_at: str = column(default="", codec=STAMP)
    updated_at: str = column(default="", codec=STAMP)


class ReflectionAnswer(Entity):
    TABLE = "reflection_answers"
    ORDER = "week, tip"
    KEY = ("week", "tip")
    week: str = column(references="reflections(week)", on_delete="CASCADE", codec=WEEK)
    tip: str = column(choices=TIP_KEYS)
    answer: str | None = column(default=None)
    rating: int | None = column(default=None, between=(1, 5))


class LeaderRequest(Entity):
    TABLE = "leader_requests"
    EXPORT = "requests"
    INDEXES = (("requests_status", "status, created_at"), ("requests_week", "week"))
    id: int = column(pk=True)
    need: str = column(choices=NEEDS, sql_check=False)
    topic: str = column(nonempty=True)
    questions: str = column(codec=JSON_LIST, sql_default="[]")
    week: str = column(codec=WEEK)
    status: str = column(choices=REQUEST_STATUSES, sql_default="open")
    created_at: str = column(codec=STAMP)
    answered_at: str | None = column(default=None, codec=STAMP)
    closed_at: str | None = column(default=None, codec=STAMP)
    note: str | None = column(default=None)


class FeedbackGiven(Entity):
    """Feedback you gave someone, or (v6, ``kind`` "asked") asked someone for: ``to_name``
    is the person either way (the export's "to")."""

    TABLE = "feedback_given"
    EXPORT = "feedback"
    INDEXES = (("feedback_date", "local_date"),)
    id: int = column(pk=True)
    to_name: str = column(export="to", nonempty=True)
    text: str = column(nonempty=True)
    at: str = column(codec=STAMP)
    local_date: str = column(export=None)
    week: str = column(export=None)
    kind: str = column(default="given", choices=FEEDBACK_KINDS, sql_default="given", since=6)


class Nudge(Entity):
    TABLE = "nudges"
    EXPORT = "nudges"
    INDEXES = (("nudges_unseen", "seen_at"),)
    id: int = column(pk=True)
    kind: str = column(nonempty=True)
    created_at: str = column(codec=STAMP)
    seen_at: str | None = column(default=None, codec=STAMP)


class BusyDay(Entity):
    """The calendar's busy time on one working day, inside working hours, overlaps
    merged: the minutes and the blocks ("09:00-10:00 13:30-15:00"). Only times: no
    title, person or place. Refreshed whenever the calendar is read; the meeting load
    of ``energy.meeting_load``. v8."""

    TABLE = "busy_days"
    EXPORT = "busy_days"
    ORDER = "date"
    SINCE = 8
    date: str = column(pk=True, autoincrement=False, codec=DATE)
    minutes: int = column(between=(0, 1440))
    blocks: str = column(default="", sql_default="", at_most=1000)


class Setting(Entity):
    TABLE = "settings"
    ORDER = "key"
    KEY = ("key",)
    key: str = column()
    value: str | None = column(default=None)


ENTITIES: tuple[type[Entity], ...] = (
    ProfileRow,
    OrgGoal,
    MotivationItem,
    MandateItem,
    Goal,
    ProgressNote,
    WeekRow,
    Priority,
    PriorityMove,
    CanWait,
    EnergyLog,
    EnergyTag,
    ReflectionRow,
    ReflectionAnswer,
    LeaderRequest,
    FeedbackGiven,
    Nudge,
    BusyDay,
    Setting,
)


def entity(table: str) -> type[Entity]:
    """The declaration of a table (looked up at call time, so a test may swap one)."""
    for declared in ENTITIES:
        if table == declared.TABLE:
            return declared
    raise KeyError(f"no table {table}")


def data_tables() -> tuple[str, ...]:
    return tuple(e.TABLE for e in ENTITIES)


# -- views over several tables --------------------------------------------------------


class Motivation(Record):
    strengths: list[str] = field(default_factory=list)
    values: list[str] = field(default_factory=list)
    drivers: list[str] = field(default_factory=list)
    joy: str | None = None


class Profile(Record):
    role: str | None = None
    mission: str | None = None
    org_goals: list[str] = field(default_factory=list)
    motivation: Motivation = field(default_factory=Motivation)

    @property
    def has_role(self) -> bool:
        return bool(self.role or self.mission)


class MovedAway(Record):
    """A priority that ``priority move`` took out of a week unfinished (the week's trace)."""

    id: int
    title: str
    to: str  # the week it was moved to from this week
    value: str | None = None
    when: str | None = None  # its focus block now (the week's .ics cancels it there)


class WeekPlan(Record):
    week: str
    focus: str | None = None
    buffer_pct: int | None = None
    priorities: list[Priority] = field(default_factory=list)
    can_wait: list[str] = field(default_factory=list)
    exists: bool = False
    moved_away: list[MovedAway] = field(default_factory=list)

    @property
    def counted(self) -> list[Priority]:
        """The priorities that count toward the cap: planned and done."""
        return [p for p in self.priorities if p.counts]

    @property
    def done(self) -> int:
        return sum(1 for p in self.priorities if p.status == "done")

    @property
    def planned_total(self) -> int:
        """The completion rate's denominator: planned + done + carried + moved away
        (dropped counts in neither), so a priority that left the week unfinished stays
        not done in it."""
        kept = sum(1 for p in self.priorities if p.status != "dropped")
        return kept + len(self.moved_away)

    @property
    def undone(self) -> int:
        """Not done in this week: planned, carried or moved away."""
        return self.planned_total - self.done

    @property
    def slipped(self) -> bool:
        """Something of the week was carried, moved away or dropped."""
        return bool(self.moved_away) or any(
            p.status in ("carried", "dropped") for p in self.priorities
        )

    @property
    def completion_rate(self) -> float:
        """done / (planned + done + carried + moved away); 0 when there are none."""
        total = self.planned_total
        return round(self.done / total, 4) if total else 0.0

    @property
    def unfinished(self) -> list[Priority]:
        return [p for p in self.priorities if p.status == "planned"]


class Reflection(Record):
    answers: dict[str, str | None] = field(default_factory=dict)
    ratings: dict[str, int | None] = field(default_factory=dict)
    pulse: dict[str, int] | None = None
    next_week: str | None = None

    @property
    def is_empty(self) -> bool:
        return (
            not any(self.answers.values())
            and not any(self.ratings.values())
            and not self.pulse
            and not self.next_week
        )


class Request(Record):
    """A request to the leader as the coach reads it."""

    id: int
    topic: str
    status: str
    created: date


class Log(Record):
    """One energy log as the reports see it: local time, date and clock, tags."""

    id: int
    at: str
    date: str
    time: str
    level: int
    note: str | None
    tags: list[str]


_ZONES: dict[int, timezone] = {}


def local_at(stored_utc: str, utc_offset: int) -> str:
    """A stored UTC time shown with the offset it was logged in (ISO 8601)."""
    zone = _ZONES.get(utc_offset)
    if zone is None:
        zone = _ZONES[utc_offset] = timezone(timedelta(minutes=utc_offset))
    return datetime.fromisoformat(stored_utc).astimezone(zone).isoformat(timespec="seconds")
