"""Rich views of energy: the trend (per week and day) and the insights."""

from __future__ import annotations

from datetime import date, timedelta

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from selvleder.domain.dates import IsoWeek
from selvleder.domain.energy import Log, by_day, by_week, window
from selvleder.domain.models import Profile
from selvleder.i18n import Messages
from selvleder.render.text import rich_text

SPARKS = "▁▂▃▄▅▆▇█"
LEVEL_STYLE = {1: "red", 2: "yellow", 3: "white", 4: "green", 5: "bold green"}


def spark(level: float) -> str:
    """1..5 as one of eight block heights."""
    index = round((level - 1) / 4 * (len(SPARKS) - 1))
    return SPARKS[max(0, min(len(SPARKS) - 1, index))]


def bar(level: float, width: int = 20) -> str:
    filled = round(level / 5 * width)
    return "█" * filled + "░" * (width - filled)


def energy_view(
    logs: list[Log], weeks: int, today: date, profile: Profile, t: Messages
) -> RenderableType:
    first, last = window(weeks, today)
    parts: list[RenderableType] = [Text(t("energy.show.heading", weeks=weeks), style="bold")]
    if not logs:
        parts.append(Text(t("energy.show.empty"), style="italic"))
        parts += _motivation(profile, t)
        return Group(*parts)
    day_means = {str(d["date"]): float(str(d["mean"])) for d in by_day(logs)}
    week_rows = {str(w["week"]): w for w in by_week(logs)}
    table = Table(box=None, show_header=True, header_style="bold", pad_edge=False)
    table.add_column(t("energy.column.week"), no_wrap=True)
    table.add_column("  ".join(f"{t(f'weekday.short.{i}'):<2}" for i in range(7)), no_wrap=True)
    table.add_column(t("energy.column.mean"), justify="right", no_wrap=True)
    table.add_column(t("energy.column.count"), justify="right", no_wrap=True)
    table.add_column("", no_wrap=True)
    week = IsoWeek.of(first)
    while week.monday() <= last:
        cells = Text()
        for i in range(7):
            iso = week.day(i).isoformat()
            if i:
                cells.append("  ")
            if iso in day_means:
                level = day_means[iso]
                cells.append(spark(level) * 2, style=LEVEL_STYLE[round(level)])
            else:
                cells.append("· ", style="dim")
        row = week_rows.get(str(week))
        if row:
            mean = float(str(row["mean"]))
            table.add_row(
                t.week(str(week)),
                cells,
                t.num(mean),
                str(row["count"]),
                Text(bar(mean, 15), style=LEVEL_STYLE[round(mean)]),
            )
        else:
            table.add_row(t.week(str(week)), cells, "–", "0", "")
        week = week.shift(1)
    parts.append(table)
    recent = [d for d in by_day(logs) if str(d["date"]) >= (today - timedelta(days=6)).isoformat()]
    if recent:
        parts.append(Text(""))
        parts.append(Text(t("energy.show.recent"), style="bold"))
        for d in recent:
            day = date.fromisoformat(str(d["date"]))
            mean = float(str(d["mean"]))
            line = Text(f"  {t(f'weekday.{day.weekday()}'):<9} {_date(day, t)}  ")
            line.append(bar(mean), style=LEVEL_STYLE[round(mean)])
            line.append(f" {t.num(mean)}  ")
            line.append(t("energy.logs_count", count=d["count"]), style="dim")
            parts.append(line)
    parts += _motivation(profile, t)
    return Group(*parts)


def _date(day: date, t: Messages) -> str:
    return day.strftime("%d.%m") if t.lang == "nb" else day.strftime("%m-%d")


def _motivation(profile: Profile, t: Messages) -> list[RenderableType]:
    m = profile.motivation
    items = [
        (t("role.strengths"), ", ".join(m.strengths)),
        (t("role.values"), ", ".join(m.values)),
        (t("role.drivers"), ", ".join(m.drivers)),
        (t("role.joy"), m.joy or ""),
    ]
    if not any(v for _, v in items):
        return [Text(""), Text(t("energy.show.no_profile"), style="italic")]
    lines: list[RenderableType] = [Text(""), Text(t("energy.show.profile"), style="bold")]
    for label, value in items:
        if value:
            line = Text(f"  {label}: ", style="dim")
            line.append_text(rich_text(value))
            lines.append(line)
    return lines


def insights_view(result: dict[str, object], weeks: int, t: Messages) -> RenderableType:
    count = int(str(result["count"]))
    parts: list[RenderableType] = [Text(t("energy.insights.heading", weeks=weeks), style="bold")]
    if count == 0:
        parts.append(Text(t("energy.show.empty"), style="italic"))
        return Group(*parts)
    parts.append(
        Text(t("energy.insights.basis", count=count, mean=float(str(result["overall_mean"]))))
    )
    for key, title, empty in (
        ("energisers", "energy.insights.energisers", "energy.insights.no_energisers"),
        ("drainers", "energy.insights.drainers", "energy.insights.no_drainers"),
    ):
        parts.append(Text(""))
        parts.append(Text(t(title), style="bold"))
        rows = result[key]
        assert isinstance(rows, list)
        if not rows:
            parts.append(Text("  " + t(empty), style="italic"))
        for row in rows:
            line = Text("  #")
            line.append_text(rich_text(str(row["tag"])))
            line.append(
                "  "
                + t(
                    "energy.insights.tag_line",
                    mean=float(row["mean"]),
                    delta=_signed(float(row["delta"]), t),
                    count=row["count"],
                ),
                style="dim",
            )
            parts.append(line)
    parts.append(Text(""))
    lowest, highest = result["lowest"], result["highest"]
    if isinstance(lowest, dict) and isinstance(highest, dict):
        for key, row in (("energy.insights.lowest", lowest), ("energy.insights.highest", highest)):
            when = _moment(row, t)
            parts.append(Text(t(key, when=when, mean=float(row["mean"]), count=row["count"])))
    else:
        parts.append(Text(t("energy.insights.no_moments"), style="italic"))
    parts.append(Text(""))
    parts.append(Text(t("energy.insights.rule"), style="dim"))
    return Group(*parts)


def _signed(value: float, t: Messages) -> str:
    return ("+" if value > 0 else "−" if value < 0 else "±") + t.num(abs(value))


def _moment(row: dict[str, object], t: Messages) -> str:
    from selvleder.domain.energy import WEEKDAY_KEYS

    day = t(f"weekday.{WEEKDAY_KEYS.index(str(row['weekday']))}")
    return t("energy.moment", day=day, time=t(f"tod.{row['time_of_day']}"))
