"""Rich views of the profile (role, mission, motivation) and the handlingsrom map."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from selvleder.domain.models import MANDATE_KINDS, MandateItem, Profile
from selvleder.i18n import Messages, message_key
from selvleder.render import palette
from selvleder.render.text import rich_text


def _heading(text: str) -> Text:
    return Text(text, style="bold")


def _field(label: str, value: str | None, t: Messages) -> Text:
    line = Text().append(f"  {label}: ", style="dim")
    line.append_text(rich_text(value) if value else Text(t("common.not_set"), style="italic"))
    return line


def _items(label: str, values: list[str], t: Messages) -> list[Text]:
    if not values:
        return [_field(label, None, t)]
    lines = [Text(f"  {label}:", style="dim")]
    lines += [Text("    • ").append_text(rich_text(v)) for v in values]
    return lines


def role_view(profile: Profile, mandate: list[MandateItem], t: Messages) -> RenderableType:
    m = profile.motivation
    parts: list[RenderableType] = [
        _heading(t("role.heading")),
        _field(t("role.role"), profile.role, t),
        _field(t("role.mission"), profile.mission, t),
        *_items(t("role.org_goals"), profile.org_goals, t),
        Text(""),
        _heading(t("role.motivation")),
        *_items(t("role.strengths"), m.strengths, t),
        *_items(t("role.values"), m.values, t),
        *_items(t("role.drivers"), m.drivers, t),
        _field(t("role.joy"), m.joy, t),
        Text(""),
        mandate_view(mandate, t),
    ]
    if not profile.has_role:
        parts += [Text(""), Text(t("role.start_hint"), style="italic")]
    return Group(*parts)


def mandate_view(items: list[MandateItem], t: Messages) -> RenderableType:
    title = _heading(t("mandate.heading"))
    if not items:
        return Group(title, Text(t("mandate.empty"), style="italic"))
    table = Table(show_header=True, header_style="bold", box=None, pad_edge=False)
    table.add_column(t("common.id"), justify="right", style="dim")
    table.add_column(t("mandate.column.kind"))
    table.add_column(t("mandate.column.text"), overflow="fold")
    for kind in MANDATE_KINDS:
        for item in items:
            if item.kind == kind:
                style = palette.ATTENTION if kind == "unclear" else ""
                table.add_row(
                    str(item.id),
                    Text(t(message_key(f"mandate.kind.{kind}")), style=style),
                    rich_text(item.text),
                )
    unclear = sum(1 for i in items if i.kind == "unclear")
    footer = Text(t("mandate.unclear_hint", count=unclear), style="italic") if unclear else Text("")
    return Group(title, table, footer)
