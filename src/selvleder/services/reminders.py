"""Journal-aware nudges: whether a reminder has something to say, the inbox, the pause."""

from __future__ import annotations

import os
from datetime import date, datetime, timedelta

from selvleder.domain.reminders import ENERGY_QUIET_HOURS, KINDS, PAUSE_KEY, paused

TYPE_CHECKING = False
if TYPE_CHECKING:
    from selvleder.storage.journal import Journal


def condition_holds(kind: str, journal: Journal, now: datetime) -> bool:
    """Whether the reminder still has something to say, given the journal's state."""
    from selvleder.domain.dates import plan_default_week, reflect_default_week

    today = now.date()
    if kind == "plan-week":
        return not journal.week_plan(str(plan_default_week(today))).counted
    if kind == "reflect":
        reflection = journal.reflection(str(reflect_default_week(today)))
        return reflection is None or not (
            any(reflection.answers.values()) or any(reflection.ratings.values())
        )
    if kind == "energy":
        since = (now - timedelta(hours=ENERGY_QUIET_HOURS)).astimezone()
        return not journal.energy_logged_since(since)
    if kind == "follow-up":
        limit = now - timedelta(days=7)
        return any(
            datetime.fromisoformat(r["created_at"]) < limit
            for r in journal.requests(only_open=True)
        )
    return False


def record_nudge(journal: Journal, kind: str, now: datetime) -> bool:
    """``remind run``: add a nudge to the inbox when the reminder has something to say."""
    from selvleder.domain.dates import utc_stamp

    with journal.write():
        if paused(journal.setting(PAUSE_KEY), now.date()):
            return False
        if not condition_holds(kind, journal, now):
            return False
        journal.add_nudge(kind, utc_stamp(now))
        return True


def take_pending(journal: Journal, now: datetime) -> list[str]:
    """The pending nudges to show now, marked seen; those whose condition no longer
    holds (the week got planned) are dropped instead."""
    from selvleder.domain.dates import utc_stamp

    shown: list[str] = []
    with journal.read():
        if not journal.pending_nudges():
            return shown
    with journal.write():
        for row in journal.pending_nudges():
            kind = str(row["kind"])
            if kind in KINDS and condition_holds(kind, journal, now):
                journal.mark_nudge_seen(int(row["id"]), utc_stamp(now))
                if kind not in shown:
                    shown.append(kind)
            else:
                journal.drop_nudge(int(row["id"]))
    return shown


def paused_until(journal: Journal) -> str | None:
    """The date reminders are paused until, as stored (None: not paused)."""
    with journal.read():
        return journal.setting(PAUSE_KEY)


def set_pause(journal: Journal, until: date | None) -> None:
    with journal.write():
        journal.set_setting(PAUSE_KEY, until.isoformat() if until else None)


def log_failure(kind: str, reason: str) -> None:
    """remind run never fails loudly under cron: it notes why in remind.log instead."""
    from selvleder.domain.dates import now
    from selvleder.paths import ensure_private_dir, remind_log_path

    path = remind_log_path()
    try:
        ensure_private_dir(os.path.dirname(path))
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        with os.fdopen(fd, "a", encoding="utf-8") as handle:
            kind, reason = " ".join(kind.split()) or "-", " ".join(reason.split())
            handle.write(f"{now().isoformat(timespec='seconds')} {kind} {reason}\n")
    except OSError:
        pass


def remind_log_tail(lines: int = 5) -> list[str]:
    from selvleder.paths import remind_log_path

    try:
        with open(remind_log_path(), encoding="utf-8", errors="replace") as handle:
            return handle.read().splitlines()[-lines:]
    except OSError:
        return []
