"""Typed queries over the journal. Every SQL statement of the product lives here.

``Journal`` wraps an open ``Connection``. Writes happen inside
``journal.write()`` (one ``BEGIN IMMEDIATE`` transaction per command), reads
inside ``journal.read()`` for a consistent view.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime

from selvleder import entities
from selvleder.entities import (
    PULSE_KEYS,
    FeedbackGiven,
    Goal,
    Log,
    MandateItem,
    Motivation,
    MovedAway,
    Priority,
    Profile,
    ProgressNote,
    Reflection,
    Request,
    WeekPlan,
    local_at,
)
from selvleder.storage.connection import Connection, Transaction, open_journal

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

Row = dict[str, "Any"]

# Reads only the window (the local_date index); tags come per log, so the
# cost grows with the window, not with the whole history.
ENERGY_WINDOW_SQL = (
    "SELECT l.id, l.at, l.utc_offset, l.local_date, l.local_time, l.level, l.note, "
    "(SELECT group_concat(t.tag, char(31)) FROM energy_tags t WHERE t.log_id = l.id) AS tags "
    "FROM energy_logs l WHERE l.local_date BETWEEN ? AND ? ORDER BY l.at, l.id"
)


class Journal:
    def __init__(self, connection: Connection) -> None:
        self.connection = connection
        self.conn = connection.conn
        self.conn.row_factory = sqlite3.Row

    @classmethod
    def open(cls, path: str, *, chosen: bool = False) -> Journal:
        return cls(open_journal(path, chosen=chosen))

    @property
    def path(self) -> str:
        return self.connection.path

    def write(self) -> Transaction:
        return self.connection.write()

    def read(self) -> Transaction:
        return self.connection.read()

    def close(self) -> None:
        self.connection.close()

    def _rows(self, sql: str, params: tuple[Any, ...] | list[Any] = ()) -> list[Row]:
        return [dict(r) for r in self.conn.execute(sql, params).fetchall()]

    def _one(self, sql: str, params: tuple[Any, ...] | list[Any] = ()) -> Row | None:
        row = self.conn.execute(sql, params).fetchone()
        return dict(row) if row is not None else None

    def _scalar(self, sql: str, params: tuple[Any, ...] | list[Any] = ()) -> Any:
        row = self.conn.execute(sql, params).fetchone()
        return row[0] if row is not None else None

    # -- health -------------------------------------------------------------

    def schema_version(self) -> int:
        return int(self._scalar("PRAGMA user_version"))

    def journal_mode(self) -> str:
        return str(self._scalar("PRAGMA journal_mode"))

    def integrity(self) -> str:
        rows = [r[0] for r in self.conn.execute("PRAGMA integrity_check").fetchall()]
        return "ok" if rows == ["ok"] else "; ".join(str(r) for r in rows[:5])

    def is_empty(self) -> bool:
        for e in entities.ENTITIES:
            if self._scalar(f"SELECT EXISTS (SELECT 1 FROM {e.TABLE})"):
                return False
        return True

    # -- settings -----------------------------------------------------------

    def setting(self, key: str) -> str | None:
        value = self._scalar("SELECT value FROM settings WHERE key = ?", (key,))
        return None if value is None else str(value)

    def set_setting(self, key: str, value: str | None) -> None:
        if value is None:
            self.conn.execute("DELETE FROM settings WHERE key = ?", (key,))
        else:
            self.conn.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (key, value),
            )

    # -- profile, org goals, motivation ------------------------------------

    def profile(self) -> Profile:
        row = self._one("SELECT role, mission, joy FROM profile WHERE id = 1") or {}
        motivation = Motivation(joy=row.get("joy"))
        for m in self._rows("SELECT kind, text FROM motivation ORDER BY kind, position, id"):
            {"strength": motivation.strengths, "value": motivation.values}.get(
                m["kind"], motivation.drivers
            ).append(m["text"])
        org_goals = [r["text"] for r in self._rows("SELECT text FROM org_goals ORDER BY position")]
        return Profile(row.get("role"), row.get("mission"), org_goals, motivation)

    def update_profile(self, stamp: str, **fields: str | None) -> None:
        """Set role, mission and/or joy; fields not given are left as they are."""
        self.conn.execute(
            "INSERT INTO profile (id, updated_at) VALUES (1, ?) "
            "ON CONFLICT (id) DO UPDATE SET updated_at = excluded.updated_at",
            (stamp,),
        )
        for name in ("role", "mission", "joy"):
            if name in fields:
                self.conn.execute(f"UPDATE profile SET {name} = ? WHERE id = 1", (fields[name],))

    def replace_org_goals(self, texts: list[str]) -> None:
        self.conn.execute("DELETE FROM org_goals")
        self.conn.executemany(
            "INSERT INTO org_goals (position, text) VALUES (?, ?)", list(enumerate(texts, 1))
        )

    def replace_motivation(self, kind: str, texts: list[str]) -> None:
        self.conn.execute("DELETE FROM motivation WHERE kind = ?", (kind,))
        self.conn.executemany(
            "INSERT INTO motivation (kind, position, text) VALUES (?, ?, ?)",
            [(kind, i, t) for i, t in enumerate(texts, 1)],
        )

    # -- mandate (handlingsrom) ----------------------------------------------

    def mandate(self) -> list[MandateItem]:
        rows = self.conn.execute("SELECT * FROM mandate ORDER BY id").fetchall()
        return [MandateItem.from_row(r) for r in rows]

    def add_mandate(self, kind: str, text: str, stamp: str) -> int:
        cur = self.conn.execute(
            "INSERT INTO mandate (kind, text, created_at) VALUES (?, ?, ?)", (kind, text, stamp)
        )
        return int(cur.lastrowid or 0)

    def remove_mandate(self, item_id: int) -> bool:
        return self.conn.execute("DELETE FROM mandate WHERE id = ?", (item_id,)).rowcount > 0

    # -- goals --------------------------------------------------------------

    def goals(
        self, *, include_closed: bool = False, with_progress: bool = False, steps: bool = True
    ) -> list[Goal]:
        """Goals by id; ``steps=False`` leaves out the sub-goals (the coach's goals)."""
        where = [] if include_closed else ["status = 'active'"]
        if not steps:
            where.append("parent_id IS NULL")
        sql = "SELECT * FROM goals" + (" WHERE " + " AND ".join(where) if where else "")
        goals = [Goal.from_row(r) for r in self.conn.execute(sql + " ORDER BY id")]
        if with_progress:
            for goal in goals:
                goal.progress = self.progress_notes(goal.id)
        return goals

    def goal(self, goal_id: int) -> Goal | None:
        row = self._one("SELECT * FROM goals WHERE id = ?", (goal_id,))
        if row is None:
            return None
        goal: Goal = Goal.from_row(row)
        goal.progress = self.progress_notes(goal_id)
        return goal

    def count_active_goals(self) -> int:
        """Active goals toward max_goals: sub-goals are steps and do not count."""
        return int(
            self._scalar("SELECT count(*) FROM goals WHERE status = 'active' AND parent_id IS NULL")
        )

    def steps(self, goal_id: int) -> list[Goal]:
        """A goal's sub-goals, every status, by id (the goals_parent index)."""
        rows = self.conn.execute("SELECT * FROM goals WHERE parent_id = ? ORDER BY id", (goal_id,))
        return [Goal.from_row(r) for r in rows]

    def add_goal(
        self,
        title: str,
        measure: str | None,
        due: str | None,
        org_goal: str | None,
        stamp: str,
        parent_id: int | None = None,
    ) -> int:
        cur = self.conn.execute(
            "INSERT INTO goals (title, measure, due, org_goal, status, created_at, parent_id) "
            "VALUES (?, ?, ?, ?, 'active', ?, ?)",
            (title, measure, due, org_goal, stamp, parent_id),
        )
        return int(cur.lastrowid or 0)

    def edit_goal(self, goal_id: int, fields: dict[str, str | None]) -> None:
        for name in ("title", "measure", "due", "org_goal"):
            if name in fields:
                self.conn.execute(
                    f"UPDATE goals SET {name} = ? WHERE id = ?", (fields[name], goal_id)
                )

    def set_goal_status(self, goal_id: int, status: str, stamp: str | None) -> None:
        self.conn.execute(
            "UPDATE goals SET status = ?, closed_at = ? WHERE id = ?", (status, stamp, goal_id)
        )

    def add_progress(self, goal_id: int, note: str, stamp: str, local_date: str) -> int:
        cur = self.conn.execute(
            "INSERT INTO goal_progress (goal_id, note, at, local_date) VALUES (?, ?, ?, ?)",
            (goal_id, note, stamp, local_date),
        )
        return int(cur.lastrowid or 0)

    def progress_notes(self, goal_id: int) -> list[ProgressNote]:
        rows = self.conn.execute(
            "SELECT * FROM goal_progress WHERE goal_id = ? ORDER BY at, id", (goal_id,)
        )
        return [ProgressNote.from_row(r) for r in rows]

    def last_progress_dates(self, include_closed: bool = False) -> dict[int, str]:
        """The latest progress date per goal (by the goal_progress index); a note on a
        sub-goal is progress on its goal too."""
        where = "" if include_closed else " WHERE g.status = 'active'"
        rows = self._rows(
            "SELECT g.id AS goal_id, nullif(max("
            "coalesce((SELECT max(p.local_date) FROM goal_progress p WHERE p.goal_id = g.id), ''),"
            " coalesce((SELECT max(p.local_date) FROM goals s JOIN goal_progress p "
            "ON p.goal_id = s.id WHERE s.parent_id = g.id), '')), '') AS last "
            f"FROM goals g{where}"
        )
        rows = [r for r in rows if r["last"] is not None]
        return {r["goal_id"]: r["last"] for r in rows}

    # -- weeks and priorities ------------------------------------------------

    def week_plan(self, week: str) -> WeekPlan:
        row = self._one("SELECT focus, buffer_pct FROM weeks WHERE week = ?", (week,))
        plan = WeekPlan(week, exists=row is not None)
        if row:
            plan.focus, plan.buffer_pct = row["focus"], row["buffer_pct"]
        plan.priorities = [
            Priority.from_row(r)
            for r in self.conn.execute(
                "SELECT * FROM priorities WHERE week = ? ORDER BY rank, id", (week,)
            )
        ]
        plan.can_wait = [
            r["title"]
            for r in self._rows(
                "SELECT title FROM can_wait WHERE week = ? ORDER BY position, id", (week,)
            )
        ]
        plan.moved_away = self.moved_away_between(week, week).get(week, [])
        return plan

    def moved_away_between(self, first: str, last: str) -> dict[str, list[MovedAway]]:
        """Per week in [first, last]: the priorities a move took out of it that are not in it
        now (one entry each, ``to`` from its latest move out of the week), by the
        from_week index."""
        found: dict[str, dict[int, MovedAway]] = {}
        for r in self.conn.execute(
            "SELECT m.from_week, m.to_week, p.id, p.title, p.value, p.focus_block "
            "FROM priority_moves m "
            "JOIN priorities p ON p.id = m.priority_id "
            "WHERE m.from_week BETWEEN ? AND ? AND p.week <> m.from_week "
            "ORDER BY m.from_week, m.id",
            (first, last),
        ):
            found.setdefault(r[0], {})[r[2]] = MovedAway(r[2], r[3], r[1], r[4], r[5])
        return {week: list(moved.values()) for week, moved in found.items()}

    def latest_move(self, priority_id: int) -> tuple[int, str, str] | None:
        """(id, from_week, to_week) of the priority's latest recorded move."""
        row = self.conn.execute(
            "SELECT id, from_week, to_week FROM priority_moves WHERE priority_id = ? "
            "ORDER BY id DESC LIMIT 1",
            (priority_id,),
        ).fetchone()
        return (row[0], row[1], row[2]) if row else None

    def add_move(self, priority_id: int, from_week: str, to_week: str, stamp: str) -> int:
        cur = self.conn.execute(
            "INSERT INTO priority_moves (priority_id, from_week, to_week, at) VALUES (?, ?, ?, ?)",
            (priority_id, from_week, to_week, stamp),
        )
        return int(cur.lastrowid or 0)

    def delete_move(self, move_id: int) -> None:
        self.conn.execute("DELETE FROM priority_moves WHERE id = ?", (move_id,))

    def ensure_week(self, week: str, stamp: str) -> None:
        self.conn.execute(
            "INSERT INTO weeks (week, created_at, updated_at) VALUES (?, ?, ?) "
            "ON CONFLICT (week) DO UPDATE SET updated_at = excluded.updated_at",
            (week, stamp, stamp),
        )

    def touch_week(self, week: str, stamp: str) -> None:
        """The week's plan or priorities changed: raise its revision (the calendar's
        SEQUENCE) and its updated_at (LAST-MODIFIED). A week with no row is left alone."""
        self.conn.execute(
            "UPDATE weeks SET revision = revision + 1, updated_at = ? WHERE week = ?",
            (stamp, week),
        )

    def week_revision(self, week: str) -> tuple[int, str, str] | None:
        """(revision, created_at, updated_at) of a week that has a row."""
        row = self._one(
            "SELECT revision, created_at, updated_at FROM weeks WHERE week = ?", (week,)
        )
        if row is None:
            return None
        return int(row["revision"]), str(row["created_at"]), str(row["updated_at"])

    def set_week_fields(self, week: str, fields: dict[str, object]) -> None:
        for name in ("focus", "buffer_pct"):
            if name in fields:
                self.conn.execute(
                    f"UPDATE weeks SET {name} = ? WHERE week = ?", (fields[name], week)
                )

    def add_can_wait(self, week: str, titles: list[str]) -> None:
        start = int(
            self._scalar("SELECT coalesce(max(position), 0) FROM can_wait WHERE week = ?", (week,))
        )
        existing = {
            r["title"].casefold()
            for r in self._rows("SELECT title FROM can_wait WHERE week = ?", (week,))
        }
        rows = []
        for title in titles:
            if title.casefold() not in existing:
                existing.add(title.casefold())
                start += 1
                rows.append((week, start, title))
        self.conn.executemany("INSERT INTO can_wait (week, position, title) VALUES (?, ?, ?)", rows)

    def next_rank(self, week: str) -> int:
        return int(
            self._scalar(
                "SELECT coalesce(max(rank), 0) + 1 FROM priorities WHERE week = ?", (week,)
            )
        )

    def add_priority(self, p: Priority, stamp: str) -> int:
        """A new planned priority (its id and done state are the table's)."""
        row = p.to_row()
        del row["id"]
        row.update(status="planned", created_at=stamp, done_at=None, drop_reason=None)
        return self._insert(Priority.TABLE, row)

    def priority(self, priority_id: int) -> Priority | None:
        row = self._one("SELECT * FROM priorities WHERE id = ?", (priority_id,))
        return Priority.from_row(row) if row else None

    def update_priority(self, priority_id: int, fields: dict[str, object]) -> None:
        """Set fields of a priority, named as on the record (``when``, not focus_block)."""
        for name, value in fields.items():
            column = Priority.column(name).name
            self.conn.execute(
                f"UPDATE priorities SET {column} = ? WHERE id = ?", (value, priority_id)
            )

    def goal_exists(self, goal_id: int) -> bool:
        return bool(self._scalar("SELECT EXISTS (SELECT 1 FROM goals WHERE id = ?)", (goal_id,)))

    def carried_chain(self, priority_id: int) -> int:
        """The links of this priority's chain: each carry (its carried_from chain) and each
        recorded move of any priority in that chain."""
        count = 0
        current: int | None = priority_id
        while current is not None and count < 100:
            count += int(
                self._scalar(
                    "SELECT count(*) FROM priority_moves WHERE priority_id = ?", (current,)
                )
            )
            current = self._scalar("SELECT carried_from FROM priorities WHERE id = ?", (current,))
            if current is not None:
                count += 1
        return count

    # -- reflections --------------------------------------------------------------

    def reflection(self, week: str) -> Reflection | None:
        row = self._one("SELECT * FROM reflections WHERE week = ?", (week,))
        if row is None:
            return None
        pulse = {k: row[k] for k in PULSE_KEYS if row[k] is not None}
        result = Reflection(pulse=pulse or None, next_week=row["next_week"])
        for a in self._rows(
            "SELECT tip, answer, rating FROM reflection_answers WHERE week = ?", (week,)
        ):
            result.answers[a["tip"]] = a["answer"]
            result.ratings[a["tip"]] = a["rating"]
        return result

    def reflections_between(self, first: str, last: str) -> dict[str, Reflection]:
        """Every reflection of the weeks in [first, last]: two queries for the whole window."""
        found: dict[str, Reflection] = {}
        for row in self._rows(
            "SELECT * FROM reflections WHERE week BETWEEN ? AND ? ORDER BY week", (first, last)
        ):
            pulse = {k: row[k] for k in PULSE_KEYS if row[k] is not None}
            found[row["week"]] = Reflection(pulse=pulse or None, next_week=row["next_week"])
        for a in self._rows(
            "SELECT week, tip, answer, rating FROM reflection_answers "
            "WHERE week BETWEEN ? AND ? ORDER BY week, tip",
            (first, last),
        ):
            reflection = found.get(a["week"])
            if reflection is not None:
                reflection.answers[a["tip"]] = a["answer"]
                reflection.ratings[a["tip"]] = a["rating"]
        return found

    def save_reflection(self, week: str, reflection: Reflection, stamp: str) -> None:
        """Insert or edit the week's reflection: given answers, ratings and pulse replace."""
        self.conn.execute(
            "INSERT INTO reflections (week, created_at, updated_at) VALUES (?, ?, ?) "
            "ON CONFLICT (week) DO UPDATE SET updated_at = excluded.updated_at",
            (week, stamp, stamp),
        )
        if reflection.next_week is not None:
            self.conn.execute(
                "UPDATE reflections SET next_week = ? WHERE week = ?",
                (reflection.next_week, week),
            )
        for key in PULSE_KEYS:
            if reflection.pulse and key in reflection.pulse:
                self.conn.execute(
                    f"UPDATE reflections SET {key} = ? WHERE week = ?",
                    (reflection.pulse[key], week),
                )
        for tip in set(reflection.answers) | set(reflection.ratings):
            self.conn.execute(
                "INSERT INTO reflection_answers (week, tip, answer, rating) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (week, tip) DO UPDATE SET "
                "answer = coalesce(excluded.answer, answer), "
                "rating = coalesce(excluded.rating, rating)",
                (week, tip, reflection.answers.get(tip), reflection.ratings.get(tip)),
            )

    def plans_between(self, first: str, last: str) -> dict[str, WeekPlan]:
        """Every week in [first, last] that has a plan or priorities, oldest first: three
        queries for the whole window (by the week indexes), not three per week."""
        plans: dict[str, WeekPlan] = {}
        for r in self._rows(
            "SELECT week, focus, buffer_pct FROM weeks WHERE week BETWEEN ? AND ?", (first, last)
        ):
            plans[r["week"]] = WeekPlan(r["week"], r["focus"], r["buffer_pct"], exists=True)
        for r in self._rows(
            "SELECT * FROM priorities WHERE week BETWEEN ? AND ? ORDER BY week, rank, id",
            (first, last),
        ):
            plan = plans.get(r["week"])
            if plan is None:
                plan = plans[r["week"]] = WeekPlan(r["week"])
            plan.priorities.append(Priority.from_row(r))
        for r in self._rows(
            "SELECT week, title FROM can_wait WHERE week BETWEEN ? AND ? "
            "ORDER BY week, position, id",
            (first, last),
        ):
            if r["week"] in plans:
                plans[r["week"]].can_wait.append(r["title"])
        for week, moved in self.moved_away_between(first, last).items():
            plan = plans.get(week)
            if plan is None:
                plan = plans[week] = WeekPlan(week)
            plan.moved_away = moved
        return {week: plans[week] for week in sorted(plans)}

    def first_day(self) -> str | None:
        """The first day the journal holds anything (YYYY-MM-DD; a UTC stamp's date), or
        None for an empty journal: the coach claims nothing about the time before it."""
        days = [
            self._scalar(sql)
            for sql in (
                "SELECT MIN(at) FROM energy_logs",  # by its index
                "SELECT MIN(local_date) FROM feedback_given",  # by its index
                "SELECT MIN(created_at) FROM goals",
                "SELECT MIN(created_at) FROM weeks",
                "SELECT MIN(created_at) FROM priorities",
                "SELECT MIN(created_at) FROM leader_requests",
                "SELECT MIN(created_at) FROM reflections",
                "SELECT MIN(created_at) FROM mandate",
                "SELECT MIN(updated_at) FROM profile",
            )
        ]
        found = [str(day)[:10] for day in days if day]
        return min(found) if found else None

    def carried_counts(self, first: str, last: str) -> dict[int, int]:
        """The links of the chain of each priority of the weeks in [first, last] that has
        one (as ``carried_chain``: carries and recorded moves): one query for the window."""
        rows = self.conn.execute(
            "WITH RECURSIVE chain (start, id, n) AS ("
            " SELECT id, id, 0 FROM priorities"
            " WHERE week BETWEEN ? AND ?"
            " AND (carried_from IS NOT NULL OR id IN (SELECT priority_id FROM priority_moves))"
            " UNION ALL"
            " SELECT chain.start, p.carried_from, chain.n + 1 FROM chain"
            " JOIN priorities p ON p.id = chain.id"
            " WHERE p.carried_from IS NOT NULL AND chain.n < 100"
            ") SELECT start, max(n) + sum("
            "(SELECT count(*) FROM priority_moves m WHERE m.priority_id = chain.id)"
            ") FROM chain GROUP BY start",
            (first, last),
        ).fetchall()
        return {start: n for start, n in rows if n}

    # -- requests to the leader and feedback given ----------------------------------

    def requests_for_coach(self, since: str) -> list[Request]:
        """Open requests, and any made since the given UTC timestamp."""
        return [request for _, request in self.stamped_requests_for_coach(since)]

    def stamped_requests_for_coach(self, since: str) -> list[tuple[str, Request]]:
        """``requests_for_coach`` with each request's UTC creation stamp."""
        rows = self._rows(
            "SELECT id, topic, status, created_at FROM leader_requests "
            "WHERE status = 'open' OR created_at >= ? ORDER BY created_at, id",
            (since,),
        )
        return [
            (
                r["created_at"],
                Request(
                    r["id"],
                    r["topic"],
                    r["status"],
                    datetime.fromisoformat(r["created_at"]).astimezone().date(),
                ),
            )
            for r in rows
        ]

    def add_request(self, need: str, topic: str, questions: str, week: str, stamp: str) -> int:
        cur = self.conn.execute(
            "INSERT INTO leader_requests (need, topic, questions, week, status, created_at) "
            "VALUES (?, ?, ?, ?, 'open', ?)",
            (need, topic, questions, week, stamp),
        )
        return int(cur.lastrowid or 0)

    def requests(self, only_open: bool = False) -> list[Row]:
        where = " WHERE status = 'open'" if only_open else ""
        return self._rows(f"SELECT * FROM leader_requests{where} ORDER BY created_at, id")

    def request(self, request_id: int) -> Row | None:
        return self._one("SELECT * FROM leader_requests WHERE id = ?", (request_id,))

    def set_request_status(
        self, request_id: int, status: str, stamp: str, note: str | None
    ) -> None:
        column = "answered_at" if status == "answered" else "closed_at"
        self.conn.execute(
            f"UPDATE leader_requests SET status = ?, {column} = ?, "
            "note = coalesce(?, note) WHERE id = ?",
            (status, stamp, note, request_id),
        )

    def add_feedback(
        self, to: str, text: str, stamp: str, local_date: str, week: str, kind: str = "given"
    ) -> int:
        """Feedback given to ``to``, or (kind "asked") asked of ``to``."""
        cur = self.conn.execute(
            "INSERT INTO feedback_given (to_name, text, at, local_date, week, kind) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (to, text, stamp, local_date, week, kind),
        )
        return int(cur.lastrowid or 0)

    def feedback(self) -> list[FeedbackGiven]:
        """Every piece of feedback given or asked for, newest first."""
        rows = self.conn.execute("SELECT * FROM feedback_given ORDER BY at DESC, id DESC")
        return [FeedbackGiven.from_row(r) for r in rows]

    def request_stamps(self, first_utc: str, last_utc: str) -> list[str]:
        """The UTC creation stamps of the requests in [first_utc, last_utc), in order."""
        return [
            stamp
            for (stamp,) in self.conn.execute(
                "SELECT created_at FROM leader_requests WHERE created_at >= ? AND created_at < ? "
                "ORDER BY created_at",
                (first_utc, last_utc),
            )
        ]

    def count_feedback_between(self, first: str, last: str, kind: str = "given") -> int:
        return int(
            self._scalar(
                "SELECT count(*) FROM feedback_given WHERE local_date BETWEEN ? AND ? AND kind = ?",
                (first, last, kind),
            )
        )

    def feedback_dates(self, first: str, last: str, kind: str = "given") -> list[str]:
        """The local date of each piece of feedback given (or, kind "asked", asked for)
        in [first, last], in order."""
        return [
            day
            for (day,) in self.conn.execute(
                "SELECT local_date FROM feedback_given WHERE local_date BETWEEN ? AND ? "
                "AND kind = ? ORDER BY local_date",
                (first, last, kind),
            )
        ]

    # -- energy ---------------------------------------------------------------

    def energy_logs(self, first: str, last: str) -> list[Log]:
        """Logs whose local date lies in [first, last] (uses the local_date index)."""
        rows = self.conn.execute(ENERGY_WINDOW_SQL, (first, last)).fetchall()
        return [
            Log(
                r["id"],
                local_at(r["at"], r["utc_offset"]),
                r["local_date"],
                r["local_time"],
                r["level"],
                r["note"],
                sorted(r["tags"].split("\x1f")) if r["tags"] else [],
            )
            for r in rows
        ]

    def energy_notes(self, first: str, last: str) -> list[tuple[str, int, str]]:
        """(local date, level, note) of the logs with a note in [first, last], in order
        (the period report's energy notes: only these rows are read)."""
        return [
            (day, level, note)
            for day, level, note in self.conn.execute(
                "SELECT local_date, level, note FROM energy_logs WHERE local_date BETWEEN ? AND ? "
                "AND note IS NOT NULL AND note != '' ORDER BY at, id",
                (first, last),
            )
        ]

    def energy_by_day(self, first: str, last: str) -> list[tuple[str, int, int]]:
        """(local date, sum of levels, number of logs) per day in [first, last], by the
        local_date index: what a per-week mean needs, without reading each log."""
        return [
            (day, total, count)
            for day, total, count in self.conn.execute(
                "SELECT local_date, sum(level), count(*) FROM energy_logs "
                "WHERE local_date BETWEEN ? AND ? GROUP BY local_date ORDER BY local_date",
                (first, last),
            )
        ]

    def last_energy_log(self) -> Row | None:
        """The log entered last: the highest id (ids are AUTOINCREMENT, never reused), not the
        latest ``at`` — a log typed with ``--at yesterday`` after one for now is still the last."""
        return self._one(
            "SELECT id, at, utc_offset, level, note FROM energy_logs ORDER BY id DESC LIMIT 1"
        )

    def energy_log(self, log_id: int) -> Row | None:
        return self._one(
            "SELECT id, at, utc_offset, level, note FROM energy_logs WHERE id = ?", (log_id,)
        )

    def delete_energy_log(self, log_id: int) -> bool:
        return self.conn.execute("DELETE FROM energy_logs WHERE id = ?", (log_id,)).rowcount > 0

    def energy_logged_since(self, moment: datetime) -> bool:
        from datetime import UTC

        stamp = moment.astimezone(UTC).isoformat(timespec="seconds")
        return bool(
            self._scalar("SELECT EXISTS (SELECT 1 FROM energy_logs WHERE at >= ?)", (stamp,))
        )

    # -- nudges (the reminder inbox) -------------------------------------------------

    # -- the calendar's busy time (v8) ---------------------------------------

    def busy_days(self, first: str, last: str) -> dict[str, tuple[int, str]]:
        """The stored working days from ``first`` to ``last``: date -> (minutes, blocks)."""
        rows = self.conn.execute(
            "SELECT date, minutes, blocks FROM busy_days WHERE date BETWEEN ? AND ? ORDER BY date",
            (first, last),
        ).fetchall()
        return {r[0]: (int(r[1]), str(r[2])) for r in rows}

    def replace_busy_days(self, first: str, last: str, days: dict[str, tuple[int, str]]) -> None:
        """The calendar was read for ``first`` to ``last``: these days replace what was
        stored for them."""
        self.conn.execute("DELETE FROM busy_days WHERE date BETWEEN ? AND ?", (first, last))
        self.conn.executemany(
            "INSERT INTO busy_days (date, minutes, blocks) VALUES (?, ?, ?)",
            [(day, minutes, blocks) for day, (minutes, blocks) in sorted(days.items())],
        )

    def add_nudge(self, kind: str, stamp: str) -> int:
        """One pending nudge per kind: a second reminder before the first was seen adds none."""
        existing = self._scalar("SELECT id FROM nudges WHERE kind = ? AND seen_at IS NULL", (kind,))
        if existing is not None:
            return int(existing)
        cur = self.conn.execute(
            "INSERT INTO nudges (kind, created_at) VALUES (?, ?)", (kind, stamp)
        )
        return int(cur.lastrowid or 0)

    def pending_nudges(self) -> list[Row]:
        return self._rows(
            "SELECT id, kind, created_at FROM nudges WHERE seen_at IS NULL ORDER BY id"
        )

    def mark_nudge_seen(self, nudge_id: int, stamp: str) -> None:
        self.conn.execute("UPDATE nudges SET seen_at = ? WHERE id = ?", (stamp, nudge_id))

    def drop_nudge(self, nudge_id: int) -> None:
        self.conn.execute("DELETE FROM nudges WHERE id = ?", (nudge_id,))

    # -- whole-journal dump and load (export / import / forget) -------------

    def dump(self) -> dict[str, list[sqlite3.Row]]:
        """Every data table's rows (by column name), in a stable order.

        sqlite3.Row, not dicts: the export reads each value once, and a 10-year
        journal has tens of thousands of rows.
        """
        return {
            e.TABLE: self.conn.execute(f"SELECT * FROM {e.TABLE} ORDER BY {e.ORDER}").fetchall()
            for e in entities.ENTITIES
        }

    def load(self, tables: dict[str, list[Row]]) -> None:
        """Insert rows table by table (parents first); the caller holds the transaction.

        Plain ``executemany``, not sqlite-utils' ``insert_all``: the tables exist and
        each table's rows have the same columns, so there is nothing for it to infer,
        and importing it would cost ``import`` 8.7x a bare interpreter.
        """
        for e in entities.ENTITIES:
            rows = tables.get(e.TABLE)
            if rows:
                columns = list(rows[0])
                self.conn.executemany(
                    f"INSERT INTO {e.TABLE} ({', '.join(columns)}) "
                    f"VALUES ({', '.join('?' for _ in columns)})",
                    [[row[c] for c in columns] for row in rows],
                )

    def erase_all(self) -> None:
        for e in reversed(entities.ENTITIES):
            self.conn.execute(f"DELETE FROM {e.TABLE}")

    def _insert(self, table: str, row: Row) -> int:
        columns = list(row)
        cur = self.conn.execute(
            f"INSERT INTO {table} ({', '.join(columns)}) "
            f"VALUES ({', '.join('?' for _ in columns)})",
            [row[c] for c in columns],
        )
        return int(cur.lastrowid or 0)


def insert_energy_log(conn: sqlite3.Connection, row: dict[str, object], tags: list[str]) -> int:
    """One energy log and its tags (the caller holds the transaction). A plain function,
    not a Journal method: the quick energy log works on a bare connection."""
    cur = conn.execute(
        "INSERT INTO energy_logs (at, utc_offset, local_date, local_time, week, level, note) "
        "VALUES (:at, :utc_offset, :local_date, :local_time, :week, :level, :note)",
        row,
    )
    log_id = int(cur.lastrowid or 0)
    conn.executemany(
        "INSERT INTO energy_tags (log_id, tag) VALUES (?, ?)", [(log_id, t) for t in tags]
    )
    return log_id


DATA_TABLES = entities.data_tables()
