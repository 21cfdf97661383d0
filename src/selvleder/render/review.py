"""The review across weeks: a compact table with sparklines, then the highlights."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from selvleder.domain.coach import Observation
from selvleder.domain.models import PULSE_KEYS, TIP_KEYS
from selvleder.i18n import Messages
from selvleder.render.energy import spark
from selvleder.render.reflection import observation_text
from selvleder.render.text import rich_text


def _spark_line(values: list[float | None], low: float, high: float) -> Text:
    out = Text()
    for v in values:
        if v is None:
            out.append("·", style="dim")
        else:
            out.append(spark(1 + 4 * (v - low) / (high - low) if high > low else 3))
    return out


def review_view(
    rows: list[dict[str, object]], highlights: list[tuple[str, Observation]], t: Messages
) -> RenderableType:
    parts: list[RenderableType] = [Text(t("review.heading", weeks=len(rows)), style="bold")]
    completion = [r["completion_rate"] for r in rows]
    energy = [r["energy_mean"] for r in rows]
    trend = Text(f"{t('review.completion')}: ", style="dim")
    trend.append_text(
        _spark_line([float(str(v)) if v is not None else None for v in completion], 0, 1)
    )
    trend.append(f"   {t('review.energy')}: ", style="dim")
    trend.append_text(_spark_line([float(str(v)) if v is not None else None for v in energy], 1, 5))
    parts.append(trend)
    table = Table(box=None, show_header=True, header_style="bold", pad_edge=False)
    for key, justify in (
        ("review.col.week", "left"),
        ("review.col.done", "right"),
        ("review.col.carried", "right"),
        ("review.col.energy", "right"),
        ("review.col.requests", "right"),
        ("review.col.ratings", "left"),
        ("review.col.pulse", "left"),
    ):
        table.add_column(t(key), justify=justify, no_wrap=True)  # type: ignore[arg-type]
    for r in rows:
        rate = r["completion_rate"]
        mean = r["energy_mean"]
        ratings = r["ratings"]
        pulse = r["pulse"]
        assert isinstance(ratings, dict)
        table.add_row(
            t.week(str(r["week"])),
            f"{round(float(str(rate)) * 100)} %" if rate is not None else "·",
            str(r["carried"]),
            f"{t.num(float(str(mean)))} ({r['energy_count']})" if mean is not None else "·",
            str(r["requests"]),
            " ".join(str(ratings[k]) if ratings.get(k) else "·" for k in TIP_KEYS),
            " ".join(
                str(pulse[k]) if isinstance(pulse, dict) and k in pulse else "·" for k in PULSE_KEYS
            ),
        )
    parts.append(table)
    parts.append(Text(t("review.legend"), style="dim"))
    parts.append(Text(""))
    parts.append(Text(t("review.highlights"), style="bold"))
    if not highlights:
        parts.append(Text("  " + t("review.no_highlights"), style="italic"))
    for week, obs in highlights:
        line = Text(f"  {t.week(week)}: ", style="dim")
        line.append_text(rich_text(observation_text(obs, t)))
        parts.append(line)
    return Group(*parts)
