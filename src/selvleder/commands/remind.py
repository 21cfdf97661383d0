"""The bodies of the remind commands: cron lines, the nudge run, the overview."""

from __future__ import annotations

import os
import shutil
import sys

from selvleder.context import AppContext
from selvleder.domain.reminders import KINDS, Schedule


def executable() -> str:
    """The absolute path of the installed ``selvleder`` executable."""
    beside = os.path.join(os.path.dirname(sys.executable), "selvleder")
    if os.access(beside, os.X_OK):
        return beside
    found = shutil.which("selvleder")
    return os.path.abspath(found or sys.argv[0])


def cron_environment(ctx: AppContext) -> dict[str, str]:
    """What a reminder needs under cron's bare environment."""
    env = {"SELVLEDER_DB": ctx.journal_path[0], "SELVLEDER_LANG": ctx.lang}
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "DBUS_SESSION_BUS_ADDRESS"):
        value = os.environ.get(name)
        if value:
            env[name] = value
    return env


def install_lines(ctx: AppContext, chosen: dict[str, Schedule]) -> list[str]:
    from selvleder.integrations.crontab import cron_line

    exe = executable()
    env = cron_environment(ctx)
    lines = []
    for kind in KINDS:
        lines.append(f"# {kind}: {chosen[kind].spec()}")
        lines += [cron_line(fields, exe, kind, env) for fields in chosen[kind].cron_fields()]
    return lines


def show_reminders(ctx: AppContext, json: bool = False) -> None:
    from selvleder.integrations.crontab import block_journals, read_crontab, split_block
    from selvleder.services.reminders import paused_until

    text = read_crontab()
    block = split_block(text or "")[1]
    shown: list[tuple[str, str]] = []
    for line in (block or "").splitlines():
        if line.startswith("# ") and ":" in line and not line.startswith(("# >>>", "# <<<")):
            kind, _, spec = line[2:].partition(":")
            if kind in KINDS:
                shown.append((kind, spec.strip()))
    until = paused_until(ctx.journal())
    if json:
        journals = block_journals(block or "")
        ctx.out.json(
            {
                "installed": block is not None,
                "reminders": [{"kind": kind, "spec": spec} for kind, spec in shown],
                "journals": journals,
                "matches_journal": _names_journal(journals, ctx.journal_path[0]) if block else None,
                "paused_until": until,
            }
        )
        return
    if block is None:
        ctx.out.say("remind.none")
    else:
        ctx.out.say("remind.show_heading")
        for kind, spec in shown:
            ctx.out.line(f"  {kind:<10} {spec}")
    if until:
        from datetime import date

        ctx.out.say("remind.paused", until=ctx.t.date(date.fromisoformat(until)))


def _names_journal(journals: list[str], path: str) -> bool:
    """Whether one of the journals the crontab block names is the one at ``path``."""
    real = os.path.realpath(path)
    return any(os.path.realpath(j) == real for j in journals)


def run_reminder(ctx: AppContext, kind_text: str) -> None:
    """Deliver one reminder: an inbox nudge, and a desktop notification where possible.
    Never prompts, prints nothing and exits 0, whatever happens."""
    from selvleder.domain.dates import now
    from selvleder.domain.reminders import COMMANDS, parse_kind
    from selvleder.services.reminders import log_failure, record_nudge

    try:
        kind = parse_kind(kind_text)
        nudged = record_nudge(ctx.journal(), kind, now())
        if nudged:
            from selvleder.i18n import message_key
            from selvleder.integrations.notify import notify

            notify("selvleder", ctx.t(message_key(f"nudge.{kind}"), command=COMMANDS[kind]))
    except Exception as exc:  # cron must not mail a traceback: remind.log says it in words
        from selvleder.failures import failure_text

        log_failure(kind_text, failure_text(ctx.error_messages(), exc))
    ctx.quiet = True
