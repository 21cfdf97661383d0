"""``doctor``: the health of the journal and its surroundings, as data."""

from __future__ import annotations

import os
import sqlite3
import stat
from datetime import UTC, datetime, timedelta

from selvleder.domain.doctor import DoctorReport
from selvleder.domain.reminders import PAUSE_KEY
from selvleder.errors import SelvlederError
from selvleder.services.backups import list_backups
from selvleder.storage.connection import (
    SIDE_SUFFIXES,
    choose_journal_mode,
    open_journal,
    sqlite_version,
)


def _mode(path: str) -> int | None:
    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        return None


def permission_problems(path: str, chosen: bool) -> list[str]:
    """Files that are not 0600 and product folders that are not 0700."""
    problems = []
    for candidate in (path, *(path + s for s in SIDE_SUFFIXES), *list_backups(path)):
        mode = _mode(candidate)
        if mode is not None and mode & 0o077:  # the owner may make it read-only (0400)
            problems.append(f"{candidate} {mode:04o}")
    folders = [os.path.join(os.path.dirname(path), "backups")]
    if not chosen:
        folders.append(os.path.dirname(path))
    for folder in folders:
        mode = _mode(folder)
        if mode is not None and mode != 0o700:
            problems.append(f"{folder} {mode:04o}")
    return problems


def writable(path: str) -> bool:
    """Whether a write could go in: the journal and its folder writable, not on a read-only
    mount (doctor must not say "All good" where every command that saves would fail)."""
    real = os.path.realpath(path)
    folder = os.path.dirname(real)
    try:
        if os.statvfs(folder).f_flag & os.ST_RDONLY:
            return False
    except OSError:
        return False
    return os.access(real, os.W_OK) and os.access(folder, os.W_OK | os.X_OK)


def diagnose(path: str, chosen: bool, config_problem: str | None = None) -> DoctorReport:
    """The journal at ``path`` and its surroundings; ``config_problem`` is a bad
    config.toml's message, which ``doctor`` reports instead of refusing to run."""
    from selvleder.services.reminders import remind_log_tail

    wanted, reason = choose_journal_mode(sqlite_version())
    report = DoctorReport(
        db_path=path,
        sqlite_version=sqlite3.sqlite_version,
        journal_mode=wanted,
        journal_mode_reason=reason,
        backups=list_backups(path),
    )
    _inspect(report, path, chosen)
    report.remind_log = remind_log_tail()
    _reachability(report, path)
    report.config_problem = config_problem
    if config_problem is not None:
        report.problems.append("doctor.config_bad")
    return report


def _inspect(report: DoctorReport, path: str, chosen: bool) -> None:
    try:
        from selvleder.storage.journal import Journal

        journal = Journal(open_journal(path, chosen=chosen))
    except SelvlederError as exc:
        report.integrity = exc.key
        report.problems.append(exc.key)
        return
    try:
        report.journal_mode = journal.journal_mode()
        report.schema_version = journal.schema_version()
        report.integrity = journal.integrity()
        report.reminders_paused_until = journal.setting(PAUSE_KEY)
    except sqlite3.Error as exc:
        report.integrity = str(exc)
    finally:
        journal.close()
    report.permission_problems = permission_problems(path, chosen)
    report.writable = writable(path)
    if not report.writable:
        report.problems.append("doctor.readonly")
    from selvleder.services.safety import leftover_files

    report.leftovers = leftover_files(path)
    if report.leftovers:
        report.problems.append("doctor.leftovers")
    if report.integrity != "ok":
        report.problems.append("error.journal_corrupt")
    if report.permission_problems:
        report.problems.append("doctor.permissions_bad")


RECENT = timedelta(days=7)  # remind.log failures older than this no longer warn


def _reachability(report: DoctorReport, path: str) -> None:
    """Whether reminders can reach the user: the crontab block (and the journal it names),
    a running cron daemon, a notifier; and the reminders that failed lately."""
    from selvleder.integrations.crontab import (
        block_journals,
        cron_daemon_running,
        read_crontab,
        split_block,
    )
    from selvleder.integrations.notify import notifier_available

    block = split_block(read_crontab() or "")[1]
    report.reminders_installed = block is not None
    if block is not None:
        real = os.path.realpath(path)
        named = [os.path.realpath(j) for j in block_journals(block)]
        report.reminders_match_journal = real in named
    report.cron_running = cron_daemon_running()
    report.notifier_available = notifier_available()
    since = datetime.now(UTC) - RECENT
    for line in report.remind_log:
        try:
            when = datetime.fromisoformat(line.split(" ", 1)[0])
        except ValueError:
            continue
        if when.tzinfo is not None and when >= since:
            report.remind_failures.append(line)
    report.check_reachability()
