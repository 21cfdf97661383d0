"""The list of requests to the leader; the feedback given and asked for."""

from __future__ import annotations

from datetime import datetime

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.segment import Segment
from rich.style import Style
from rich.table import Table
from rich.text import Text

from selvleder.i18n import Messages, message_key
from selvleder.render import palette
from selvleder.render.text import rich_text

STATUS_STYLE = {"open": palette.ATTENTION, "answered": palette.GOOD, "closed": "dim"}


def _table(t: Messages) -> Table:
    table = Table(box=None, show_header=True, header_style="bold", pad_edge=False)
    table.add_column(t("common.id"), justify="right", style="dim")
    table.add_column(t("ask.list.status"), no_wrap=True)
    table.add_column(t("ask.list.kind"), no_wrap=True)
    table.add_column(t("ask.list.topic"), overflow="fold", ratio=3)
    table.add_column(t("ask.list.created"), no_wrap=True)
    return table


class RequestTable:
    """The requests as Rich's table prints them (one row each), written line by line
    when the table fits the width without wrapping: a Rich table of every request ever
    made takes longer than the rest of the command. Rich's own table otherwise."""

    def __init__(self, rows: list[dict[str, object]], t: Messages) -> None:
        self.t = t
        self.rows: list[tuple[str, str, str, str, Text, str]] = []
        for r in rows:
            topic = rich_text(str(r["topic"]))
            if r["note"]:
                topic.append("\n")
                topic.append_text(rich_text(str(r["note"]), style="dim"))
            self.rows.append(
                (
                    str(r["id"]),
                    t(message_key(f"ask.status.{r['status']}")),
                    STATUS_STYLE[str(r["status"])],
                    t(message_key(f"ask.need.{r['need']}")),
                    topic,
                    t.date(datetime.fromisoformat(str(r["created_at"])).date()),
                )
            )

    def table(self) -> Table:
        table = _table(self.t)
        for id_, status, style, need, topic, created in self.rows:
            table.add_row(id_, Text(status, style=style), need, topic, created)
        return table

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        headers = [str(column.header) for column in _table(self.t).columns]
        topics = [r[4].split("\n") for r in self.rows]
        columns = [
            [r[0] for r in self.rows],
            [r[1] for r in self.rows],
            [r[3] for r in self.rows],
            [line.plain for lines in topics for line in lines],
            [r[5] for r in self.rows],
        ]
        widths = [
            max(cell_len(value) for value in [header, *column])
            for header, column in zip(headers, columns, strict=True)
        ]
        if sum(widths) + 2 * (len(widths) - 1) > options.max_width:
            yield self.table()
            return
        bold, dim = Style(bold=True), console.get_style("dim")
        for i, header in enumerate(headers):
            if i:
                yield Segment(" ", bold)
            yield Segment(_fit(header, widths[i], right=i == 0), bold)
            if i < len(headers) - 1:
                yield Segment(" ", bold)
        yield Segment.line()
        w_id, w_status, w_need, w_topic, w_day = widths
        for (id_, status, style, need, _, day), lines in zip(self.rows, topics, strict=True):
            for n, line in enumerate(lines):
                first = n == 0
                yield Segment(_fit(id_ if first else "", w_id, right=True), dim)
                yield Segment(" ", dim)
                yield Segment(" ")
                if first:
                    yield Segment(_fit(status, w_status), console.get_style(style))
                    yield Segment(f"  {_fit(need, w_need)}  ")
                else:
                    yield Segment(" " * (w_status + 2 + w_need + 2))
                yield from line.render(console)
                yield Segment(
                    " " * (w_topic - line.cell_len) + "  " + _fit(day if first else "", w_day)
                )
                yield Segment.line()


def _fit(text: str, width: int, *, right: bool = False) -> str:
    pad = " " * (width - cell_len(text))
    return pad + text if right else text + pad


def requests_view(
    rows: list[dict[str, object]], t: Messages, only_open: bool = False
) -> RenderableType:
    if not rows:
        return Text(t("ask.list.none_open" if only_open else "ask.list.empty"), style="italic")
    return Group(RequestTable(rows, t))


class FeedbackLines:
    """``feedback list``, newest first: one line each, columns padded by hand and a long
    text wrapped under itself (a Rich table of every piece of feedback ever noted costs
    more than the rest of the command)."""

    def __init__(self, rows: list[dict[str, object]], t: Messages) -> None:
        from datetime import date

        self.asked = t("feedback.kind.asked")
        kinds = {"given": t("feedback.kind.given"), "asked": self.asked}
        self.headers = [
            t("common.id"),
            t("feedback.column.date"),
            t("feedback.column.kind"),
            t("feedback.column.who"),
            t("feedback.column.text"),
        ]
        self.rows = [
            (
                str(r["id"]),
                t.date(date.fromisoformat(str(r["date"]))),
                kinds[str(r["kind"])],
                rich_text(str(r["to"])),
                rich_text(str(r["text"])),
            )
            for r in rows
        ]

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        widths = [
            max(cell_len(self.headers[0]), *(cell_len(r[0]) for r in self.rows)),
            max(cell_len(self.headers[1]), *(cell_len(r[1]) for r in self.rows)),
            max(cell_len(self.headers[2]), *(cell_len(r[2]) for r in self.rows)),
            min(max(cell_len(self.headers[3]), *(r[3].cell_len for r in self.rows)), 24),
        ]
        indent = sum(widths) + 2 * len(widths)
        if options.max_width - indent < 20:  # too narrow: each text on lines of its own
            indent = 4
        room = max(options.max_width - indent, 1)
        bold, dim = Style(bold=True), console.get_style("dim")
        for i, header in enumerate(self.headers):
            yield Segment(_fit(header, widths[i], right=i == 0) if i < 4 else header, bold)
            yield Segment("  " if i < 4 else "", bold)
        yield Segment.line()
        for id_, day, kind, who, text in self.rows:
            yield Segment(_fit(id_, widths[0], right=True), dim)
            yield Segment(f"  {_fit(day, widths[1])}  ")
            yield Segment(
                _fit(kind, widths[2]),
                console.get_style(palette.TEAL if kind == self.asked else "none"),
            )
            yield Segment("  ")
            start = sum(widths[:3]) + 6  # where the name begins
            for n, line in enumerate(who.wrap(console, max(options.max_width - start, 1))):
                if n:
                    yield Segment.line()
                    yield Segment(" " * start)
                yield from line.render(console)
            yield Segment(" " * max(widths[3] - who.cell_len, 0) + "  ")
            apart = indent == 4 or who.cell_len > widths[3]  # the text below, indented
            for n, line in enumerate(text.wrap(console, room)):
                if n or apart:
                    yield Segment.line()
                    yield Segment(" " * indent)
                yield from line.render(console)
            yield Segment.line()


def feedback_table(rows: list[dict[str, object]], t: Messages) -> RenderableType:
    """``feedback list``: newest first, given and asked for."""
    if not rows:
        return Text(t("feedback.empty"), style="italic")
    return FeedbackLines(rows, t)
