"""``doctor``'s findings: the journal's health, privacy, reminders and backups."""

from __future__ import annotations

from dataclasses import dataclass, field

TYPE_CHECKING = False
if TYPE_CHECKING:
    from selvleder.message_keys import MessageKey


@dataclass
class DoctorReport:
    """What ``doctor`` found; ``problems`` are the message keys of what needs a hand
    (any makes ``doctor`` exit 1)."""

    db_path: str
    sqlite_version: str
    journal_mode: str
    journal_mode_reason: MessageKey
    schema_version: int | None = None
    integrity: str = "ok"
    permission_problems: list[str] = field(default_factory=list)
    reminders_installed: bool = False
    reminders_paused_until: str | None = None
    backups: list[str] = field(default_factory=list)
    remind_log: list[str] = field(default_factory=list)
    config_problem: str | None = None  # the config.toml error, in the user's language
    writable: bool = True  # the journal and its folder can be written
    leftovers: list[str] = field(default_factory=list)  # temp files of killed runs
    problems: list[MessageKey] = field(default_factory=list)
    # can reminders reach the user? (None: not known, or nothing to check)
    reminders_match_journal: bool | None = None  # the crontab block names this journal
    cron_running: bool | None = None  # a cron daemon is running (from /proc)
    notifier_available: bool = False  # notify-send (or SELVLEDER_NOTIFY) is there
    remind_failures: list[str] = field(default_factory=list)  # remind.log, the last week
    # what keeps doctor from saying "All good" without being a failure (exit 0)
    warnings: list[MessageKey] = field(default_factory=list)

    def check_reachability(self) -> None:
        """The warnings about reminders that cannot reach the user."""
        if self.reminders_installed:
            if self.reminders_match_journal is False:
                self.warnings.append("doctor.reminders_other_journal")
            if self.cron_running is False:
                self.warnings.append("doctor.cron_not_running")
            if not self.notifier_available:
                self.warnings.append("doctor.no_notifier")
        if self.remind_failures:
            self.warnings.append("doctor.remind_failed")

    @property
    def permissions_ok(self) -> bool:
        return not self.permission_problems

    @property
    def config_ok(self) -> bool:
        return self.config_problem is None

    def as_json(self) -> dict[str, object]:
        """PRODUCT.md's ``doctor --json`` shape (``problems`` is not part of it)."""
        shown: dict[str, object] = {
            "db_path": self.db_path,
            "sqlite_version": self.sqlite_version,
            "journal_mode": self.journal_mode,
            "journal_mode_reason": self.journal_mode_reason,
            "schema_version": self.schema_version,
            "integrity": self.integrity,
            "permissions_ok": self.permissions_ok,
            "permission_problems": self.permission_problems,
            "reminders_installed": self.reminders_installed,
            "reminders_paused_until": self.reminders_paused_until,
            "backups": self.backups,
            "remind_log": self.remind_log,
            "config_ok": self.config_ok,
            "writable": self.writable,
            "leftover_files": self.leftovers,
            "reminders_match_journal": self.reminders_match_journal,
            "cron_running": self.cron_running,
            "notifier_available": self.notifier_available,
            "remind_failures": self.remind_failures,
        }
        if self.config_problem is not None:
            shown["config_problem"] = self.config_problem
        return shown
