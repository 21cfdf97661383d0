"""The list of requests to the leader."""

from __future__ import annotations

from datetime import datetime

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from selvleder.i18n import Messages
from selvleder.render.text import rich_text

STATUS_STYLE = {"open": "yellow", "answered": "green", "closed": "dim"}


def requests_view(
    rows: list[dict[str, object]], t: Messages, only_open: bool = False
) -> RenderableType:
    if not rows:
        return Text(t("ask.list.none_open" if only_open else "ask.list.empty"), style="italic")
    table = Table(box=None, show_header=True, header_style="bold", pad_edge=False)
    table.add_column(t("common.id"), justify="right", style="dim")
    table.add_column(t("ask.list.status"), no_wrap=True)
    table.add_column(t("ask.list.kind"), no_wrap=True)
    table.add_column(t("ask.list.topic"), overflow="fold", ratio=3)
    table.add_column(t("ask.list.created"), no_wrap=True)
    for r in rows:
        created = datetime.fromisoformat(str(r["created_at"])).date()
        topic = rich_text(str(r["topic"]))
        if r["note"]:
            topic.append("\n")
            topic.append_text(rich_text(str(r["note"]), style="dim"))
        table.add_row(
            str(r["id"]),
            Text(t(f"ask.status.{r['status']}"), style=STATUS_STYLE[str(r["status"])]),
            t(f"ask.need.{r['need']}"),
            topic,
            t.date(created),
        )
    return Group(table)
