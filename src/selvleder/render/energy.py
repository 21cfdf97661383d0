"""Rich views of energy: the trend (per week and day) and the insights."""

from __future__ import annotations

from datetime import date, timedelta

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from selvleder.domain.dates import IsoWeek
from selvleder.domain.energy import EnergyShow, Insights, Moment, TagEffect, window
from selvleder.domain.models import Profile
from selvleder.i18n import Messages, message_key
from selvleder.render.text import rich_text

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Mapping

    from selvleder.message_keys import MessageKey

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
    report: EnergyShow, weeks: int, today: date, profile: Profile, t: Messages
) -> RenderableType:
    first, last = window(weeks, today)
    parts: list[RenderableType] = [Text(t("energy.show.heading", weeks=weeks), style="bold")]
    if not report.logs:
        parts.append(Text(t("energy.show.empty"), style="italic"))
        parts += _motivation(profile, t)
        return Group(*parts)
    day_means = {d.day: d.mean for d in report.days}
    week_rows = {w.week: w for w in report.weeks}
    table = Table(box=None, show_header=True, header_style="bold", pad_edge=False)
    table.add_column(t("energy.column.week"), no_wrap=True)
    days = (t(message_key(f"weekday.short.{i}")) for i in range(7))
    table.add_column("  ".join(f"{day:<2}" for day in days), no_wrap=True)
    table.add_column(t("energy.column.mean"), justify="right", no_wrap=True)
    table.add_column(t("energy.column.count"), justify="right", no_wrap=True)
    table.add_column("", no_wrap=True)
    week = IsoWeek.of(first)
    while week.monday() <= last:
        cells = Text()
        for i in range(7):
            level = day_means.get(week.day(i))
            if i:
                cells.append("  ")
            if level is not None:
                cells.append(spark(level) * 2, style=LEVEL_STYLE[round(level)])
            else:
                cells.append("· ", style="dim")
        row = week_rows.get(week)
        if row:
            table.add_row(
                t.week(str(week)),
                cells,
                t.num(row.mean),
                str(row.count),
                Text(bar(row.mean, 15), style=LEVEL_STYLE[round(row.mean)]),
            )
        else:
            table.add_row(t.week(str(week)), cells, "–", "0", "")
        week = week.shift(1)
    parts.append(table)
    recent = [d for d in report.days if d.day >= today - timedelta(days=6)]
    if recent:
        parts.append(Text(""))
        parts.append(Text(t("energy.show.recent"), style="bold"))
        for d in recent:
            line = Text(f"  {t(message_key(f'weekday.{d.day.weekday()}')):<9} {_date(d.day, t)}  ")
            line.append(bar(d.mean), style=LEVEL_STYLE[round(d.mean)])
            line.append(f" {t.num(d.mean)}  ")
            line.append(t("energy.logs_count", count=d.count), style="dim")
            parts.append(line)
    parts += _motivation(profile, t)
    return Group(*parts)


def _date(day: date, t: Messages) -> str:
    return t.short_date(day)


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


def insights_view(report: Insights, t: Messages) -> RenderableType:
    span = report.span
    heading = t(
        "energy.insights.heading",
        weeks=span.weeks,
        first=t.date(span.first),
        last=t.date(span.last),
    )
    parts: list[RenderableType] = [Text(heading, style="bold")]
    if report.count == 0:
        parts.append(Text(t("energy.show.empty"), style="italic"))
        return Group(*parts)
    parts.append(Text(t("energy.insights.basis", count=report.count, mean=report.overall_mean)))
    parts.append(Text(""))
    if report.claims_nothing:
        parts.append(Text(t("energy.insights.no_pattern", weeks=span.weeks), style="italic"))
    else:
        sections: tuple[tuple[list[TagEffect], MessageKey, MessageKey], ...] = (
            (report.energisers, "energy.insights.energisers", "energy.insights.no_energisers"),
            (report.drainers, "energy.insights.drainers", "energy.insights.no_drainers"),
        )
        for tags, title, empty in sections:
            parts.append(Text(t(title), style="bold"))
            if not tags:
                parts.append(Text("  " + t(empty), style="italic"))
            for tag in tags:
                parts.append(Text("  ").append_text(rich_text(tag_evidence(tag, span.weeks, t))))
            parts.append(Text(""))
        candidates: tuple[tuple[MessageKey, Moment | None], ...] = (
            ("energy.insights.lowest", report.lowest),
            ("energy.insights.highest", report.highest),
        )
        moments = [(key, moment) for key, moment in candidates if moment is not None]
        for key, moment in moments:
            parts.append(Text(moment_evidence(key, moment, t)))
        if not moments:
            parts.append(Text(t("energy.insights.no_moments"), style="italic"))
        load = report.meeting_load
        if load is not None:
            shown = load.evidence()
            parts.append(
                Text(
                    t(
                        "energy.insights.meeting_load",
                        mean=shown["mean"],
                        mean_without=shown["mean_without"],
                        count=load.count,
                        count_without=load.count_without,
                    )
                )
            )
    parts.append(Text(""))
    parts.append(Text(t("energy.insights.rule"), style="dim"))
    return Group(*parts)


def tag_evidence(
    tag: TagEffect | Mapping[str, object], weeks: int, t: Messages, until: int = 0
) -> str:
    """'#meetings: 2.1 with, 3.6 without (8 and 31 logs, last 12 weeks)', from a tag's
    evidence (a ``TagEffect`` or its JSON row: the same rounded numbers); a window that
    ended with an earlier week is named by it ('the 12 weeks to week 40')."""
    row = tag.as_json() if isinstance(tag, TagEffect) else tag
    return t(
        "energy.evidence.until" if until else "energy.evidence",
        number=until,
        tag=row["tag"],
        mean=row["mean"],
        mean_without=row["mean_without"],
        count=row["count"],
        count_without=row["count_without"],
        weeks=weeks,
    )


def moment_evidence(key: MessageKey, moment: Moment, t: Messages) -> str:
    shown = moment.evidence()
    return t(
        key,
        when=_moment(moment, t),
        mean=shown["mean"],
        mean_without=shown["mean_without"],
        count=moment.count,
        count_without=moment.count_without,
    )


def _moment(moment: Moment, t: Messages) -> str:
    day = t(message_key(f"weekday.{moment.day}"))
    return t("energy.moment", day=day, time=t(message_key(f"tod.{moment.time_of_day}")))
