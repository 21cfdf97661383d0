"""One-line confirmations for energy logs. No Rich: the quick path prints these."""

from __future__ import annotations

from datetime import datetime

from selvleder.i18n import Messages, message_key

TYPE_CHECKING = False
if TYPE_CHECKING:
    from datetime import date

    from selvleder.domain.energy import EnergyEntry
    from selvleder.storage.journal import Row


def when_text(t: Messages, moment: datetime, today: date) -> str:
    clock = t.clock(moment)
    if moment.date() == today:
        return t("energy.when_today", clock=clock)
    day = t(message_key(f"weekday.{moment.weekday()}"))
    return t("energy.when_day", day=day, date=t.date(moment.date()), clock=clock)


def logged_line(t: Messages, log_id: int, entry: EnergyEntry) -> str:
    from selvleder.domain.dates import today

    tags = "".join(f" #{tag}" for tag in entry.tags)
    when = when_text(t, entry.at, today())
    return t("energy.logged", level=entry.level, when=when, id=log_id) + tags


def removed_line(t: Messages, row: Row) -> str:
    from selvleder.domain.energy_row import local_at

    moment = datetime.fromisoformat(local_at(row["at"], row["utc_offset"]))
    when = t("energy.when_short", date=t.short_date(moment.date()), clock=t.clock(moment))
    return t("energy.removed", id=row["id"], level=row["level"], when=when)
