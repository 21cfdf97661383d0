"""How an energy log is stored: shared by ``energy log`` (both paths) and ``import``.

Kept free of heavy imports: the quick ``energy log`` path uses it.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from selvleder.domain.dates import IsoWeek


def energy_row(log_id: int | None, at: datetime, level: int, note: str | None) -> dict[str, object]:
    """The stored columns: UTC time plus the local date, time of day and ISO week."""
    offset = at.utcoffset()
    minutes = int(offset.total_seconds() // 60) if offset is not None else 0
    row: dict[str, object] = {
        "at": at.astimezone(UTC).isoformat(timespec="seconds"),
        "utc_offset": minutes,
        "local_date": at.date().isoformat(),
        "local_time": at.strftime("%H:%M"),
        "week": str(IsoWeek.of(at.date())),
        "level": level,
        "note": note,
    }
    if log_id is not None:
        row = {"id": log_id, **row}
    return row


def local_at(stored_utc: str, utc_offset: int) -> str:
    """A stored UTC time shown with the offset it was logged in (ISO 8601)."""
    moment = datetime.fromisoformat(stored_utc)
    return moment.astimezone(timezone(timedelta(minutes=utc_offset))).isoformat(timespec="seconds")
