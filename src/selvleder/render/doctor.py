"""The doctor report as a short checklist."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.text import Text

from selvleder.domain.doctor import DoctorReport
from selvleder.i18n import Messages
from selvleder.render import palette
from selvleder.render.text import rich_text


def _row(ok: bool | None, label: str, value: str) -> Text:
    """A checked line: ✓ good, ✗ a problem, – not needed (None)."""
    if ok is None:
        line = Text("  – ", style="dim")
    else:
        line = Text("  ✓ " if ok else "  ✗ ", style=palette.GOOD if ok else palette.BAD)
    line.append(f"{label}: ", style="dim")
    line.append_text(rich_text(value))
    return line


def doctor_view(report: DoctorReport, t: Messages) -> RenderableType:
    integrity = report.integrity
    intact = integrity == "ok"
    lines: list[RenderableType] = [
        Text(t("doctor.heading"), style="bold"),
        _row(True, t("doctor.path"), report.db_path),
        _row(True, t("doctor.sqlite"), report.sqlite_version),
        _row(
            True,
            t("doctor.journal_mode"),
            f"{report.journal_mode} – {t(report.journal_mode_reason)}",
        ),
        _row(
            report.schema_version is not None,
            t("doctor.schema"),
            str(report.schema_version if report.schema_version is not None else "–"),
        ),
        _row(intact, t("doctor.integrity"), t("doctor.ok") if intact else _said(integrity, t)),
        _row(
            report.permissions_ok,
            t("doctor.permissions"),
            t("doctor.ok") if report.permissions_ok else ", ".join(report.permission_problems),
        ),
        _row(
            True,
            t("doctor.reminders"),
            t("doctor.yes") if report.reminders_installed else t("doctor.no"),
        ),
    ]
    lines.append(
        _row(
            report.config_ok,
            t("doctor.config"),
            t("doctor.ok") if report.config_ok else str(report.config_problem),
        )
    )
    if report.reminders_paused_until:
        lines.append(_row(True, t("doctor.paused"), report.reminders_paused_until))
    if not report.writable:
        lines.append(_row(False, t("doctor.writable"), t("doctor.no")))
    for path in report.leftovers:
        lines.append(_row(False, t("doctor.leftover"), path))
    lines.append(_row(True, t("doctor.backups"), str(len(report.backups))))
    for path in report.backups[-3:]:
        lines.append(Text("      ").append_text(rich_text(path)))
    if report.reminders_installed:
        lines.append(
            _row(
                report.reminders_match_journal is not False,
                t("doctor.reminders_journal"),
                t("doctor.yes") if report.reminders_match_journal else t("doctor.no"),
            )
        )
    known = report.cron_running is not None
    cron = t("doctor.unknown") if not known else _yes_no(bool(report.cron_running), t)
    notifier = _yes_no(report.notifier_available, t)
    if report.reminders_installed:
        lines.append(_row(report.cron_running is not False, t("doctor.cron"), cron))
        lines.append(_row(report.notifier_available, t("doctor.notifier"), notifier))
    else:  # without reminders neither is needed: a missing one is no problem
        for label, value, there in (
            (t("doctor.cron"), cron, report.cron_running),
            (t("doctor.notifier"), notifier, report.notifier_available),
        ):
            said = value if there else t("doctor.only_reminders", value=value)
            lines.append(_row(True if there else None, label, said))
    for entry in report.remind_log:
        shown = readable_log_line(entry, t)
        lines.append(Text("      ").append_text(rich_text(f"{t('doctor.remind_log')}: {shown}")))
    if report.problems or report.warnings:
        lines.append(Text(""))
        for key in [*report.problems, *report.warnings]:
            hint = f"{key}.hint"
            lines.append(Text(t(hint) if t.has(hint) else t(key), style=palette.ATTENTION))
    else:
        lines.append(Text(t("doctor.all_good"), style=palette.GOOD))
    return Group(*lines)


def _yes_no(value: bool, t: Messages) -> str:
    return t("doctor.yes") if value else t("doctor.no")


def readable_log_line(line: str, t: Messages) -> str:
    """A remind.log line in words. Lines from before this release end in a message key
    (``error.remind_kind``): that is said in words too, its details left out."""
    import re

    stamp, _, rest = line.partition(" ")
    kind, _, reason = rest.partition(" ")
    if not t.has(reason):
        return line
    # with no parameters a message comes back as written: its {fields} become …
    words = re.sub(r"'?«?\{[^}]*\}»?'?", "…", t(reason))
    return f"{stamp} {kind} {words}"


def _said(integrity: str, t: Messages) -> str:
    """The journal's state: a message key when selvleder named the problem, else SQLite's words."""
    return t(integrity) if t.has(integrity) else integrity
