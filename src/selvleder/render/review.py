"""The review across weeks: a compact table with sparklines, then the highlights."""

from __future__ import annotations

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.segment import Segment
from rich.style import Style
from rich.table import Table
from rich.text import Text

from selvleder.domain.models import PULSE_KEYS, TIP_KEYS
from selvleder.domain.review import Review, WeekRow
from selvleder.i18n import Messages
from selvleder.render.energy import spark
from selvleder.render.reflection import observation_text
from selvleder.render.text import rich_text

TYPE_CHECKING = False
if TYPE_CHECKING:
    from selvleder.message_keys import MessageKey

COLUMNS: tuple[tuple[MessageKey, str], ...] = (
    ("review.col.week", "left"),
    ("review.col.done", "right"),
    ("review.col.carried", "right"),
    ("review.col.energy", "right"),
    ("review.col.requests", "right"),
    ("review.col.ratings", "left"),
    ("review.col.pulse", "left"),
)


def _spark_line(values: list[float | None], low: float, high: float) -> Text:
    out = Text()
    for v in values:
        if v is None:
            out.append("·", style="dim")
        else:
            out.append(spark(1 + 4 * (v - low) / (high - low) if high > low else 3))
    return out


def _cells(row: WeekRow, t: Messages) -> list[str]:
    rate, mean, pulse = row.completion_rate, row.energy_mean, row.pulse or {}
    return [
        t.week(row.week),
        f"{round(rate * 100)} %" if rate is not None else "·",
        str(row.carried + row.moved_away),  # left unfinished: carried on or moved away
        f"{t.num(mean)} ({row.energy_count})" if mean is not None else "·",
        str(row.requests),
        " ".join(str(row.ratings[k]) if row.ratings.get(k) else "·" for k in TIP_KEYS),
        " ".join(str(pulse[k]) if k in pulse else "·" for k in PULSE_KEYS),
    ]


def _fit(text: str, width: int, justify: str) -> str:
    pad = " " * (width - cell_len(text))
    return pad + text if justify == "right" else text + pad


class WeekTable:
    """The week rows as Rich's ``Table(box=None, pad_edge=False)`` prints them, written
    line by line when the table fits the width (a Rich table of 520 weeks takes longer
    than everything else review does); Rich's own table when it has to shrink."""

    def __init__(self, headers: list[str], rows: list[list[str]]) -> None:
        self.headers = headers
        self.rows = rows

    def table(self) -> Table:
        table = Table(box=None, show_header=True, header_style="bold", pad_edge=False)
        for header, (_, justify) in zip(self.headers, COLUMNS, strict=True):
            table.add_column(header, justify=justify, no_wrap=True)  # type: ignore[arg-type]
        for cells in self.rows:
            table.add_row(*cells)
        return table

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        columns = zip(self.headers, *self.rows, strict=True)
        widths = [max(cell_len(cell) for cell in column) for column in columns]
        if sum(widths) + 2 * (len(widths) - 1) > options.max_width:
            yield self.table()
            return
        bold = Style(bold=True)
        justify = [j for _, j in COLUMNS]
        last = len(widths) - 1
        for i, header in enumerate(self.headers):
            if i:
                yield Segment(" ", bold)
            yield Segment(_fit(header, widths[i], justify[i]), bold)
            if i < last:
                yield Segment(" ", bold)
        yield Segment.line()
        for cells in self.rows:
            yield Segment("  ".join(map(_fit, cells, widths, justify)))
            yield Segment.line()


def review_view(review: Review, t: Messages) -> RenderableType:
    rows = review.rows
    parts: list[RenderableType] = [Text(t("review.heading", weeks=len(rows)), style="bold")]
    trend = Text().append(f"{t('review.completion')}: ", style="dim")
    trend.append_text(_spark_line([r.completion_rate for r in rows], 0, 1))
    trend.append(f"   {t('review.energy')}: ", style="dim")
    trend.append_text(_spark_line([r.energy_mean for r in rows], 1, 5))
    parts.append(trend)
    parts.append(WeekTable([t(key) for key, _ in COLUMNS], [_cells(r, t) for r in rows]))
    parts.append(Text(t("review.legend"), style="dim"))
    parts.append(Text(""))
    parts.append(Text(t("review.highlights"), style="bold"))
    if not review.highlights:
        parts.append(Text("  " + t("review.no_highlights"), style="italic"))
    for highlight in review.highlights:
        line = Text().append(f"  {t.week(highlight.week)}: ", style="dim")
        line.append_text(rich_text(observation_text(highlight.observation, t)))
        parts.append(line)
    return Group(*parts)
