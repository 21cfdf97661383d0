"""``review``: one row per week in the window and the most useful observations across them."""

from __future__ import annotations

from datetime import date

from selvleder.domain.coach import USEFULNESS, Observation, observe
from selvleder.domain.dates import IsoWeek
from selvleder.services.reflection import build_snapshot, review_rows

TYPE_CHECKING = False
if TYPE_CHECKING:
    from selvleder.config import Config
    from selvleder.storage.journal import Journal

HIGHLIGHTS = 3


def review(
    journal: Journal, weeks: int, today: date, config: Config
) -> tuple[list[dict[str, object]], list[tuple[str, Observation]]]:
    rows = review_rows(journal, weeks, today)
    latest: dict[str, tuple[str, Observation]] = {}
    for week in IsoWeek.of(today).last_n(weeks):
        snapshot = build_snapshot(journal, week, config, today)
        for observations in observe(snapshot).values():
            for obs in observations:
                latest[obs.code] = (str(week), obs)
    ranked = sorted(latest.values(), key=lambda item: USEFULNESS.index(item[1].code))
    return rows, ranked[:HIGHLIGHTS]
