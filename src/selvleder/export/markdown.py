"""The whole journal as a readable Markdown archive.

All user text goes through ``md``: the characters that make Markdown
structure (emphasis, code, link and image brackets, HTML, tables, headings and list
markers at the start of a line, URL schemes) get a backslash and control
characters are made visible, so a title cannot become a heading, a link, an
image or raw HTML in any viewer, while ordinary punctuation stays readable.
"""

from __future__ import annotations

import re

from selvleder.domain.models import TIP_KEYS
from selvleder.i18n import Messages, message_key
from selvleder.render.text import literal

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

    from selvleder.message_keys import MessageKey

_INLINE = re.compile(r"([\\`*_\[\]<>#!|~&])")
_LINE_START = re.compile(r"^(\s*)([-+=])", re.MULTILINE)
_NUMBERED = re.compile(r"^(\s*\d+)([.)])", re.MULTILINE)


# Anything the steps of ``md`` would change: text without it is returned as it is
# (most text in a journal; the export of a 10-year journal calls ``md`` ~19,000 times).
_ANY = re.compile(
    r"[\\`*_\[\]<>#!|~&\n]|://|www\.|^\s*[-+=]|^\s*\d+[.)]",
    re.MULTILINE,
)


def md(text: object) -> str:
    if text is None:
        return "–"
    shown = literal(str(text))
    if _ANY.search(shown) is None:
        return shown
    escaped = _INLINE.sub(r"\\\1", shown)
    escaped = escaped.replace("://", "\\://").replace("www.", "www\\.")
    escaped = _NUMBERED.sub(r"\1\\\2", _LINE_START.sub(r"\1\\\2", escaped))
    return escaped.replace("\n", "  \n")


def journal_markdown(doc: dict[str, Any], t: Messages) -> str:
    """The export document as Markdown. Dates and stamps are the product's own ISO text
    (validated on import, never user text), so they go in as they are, without ``md``."""
    as_day, as_moment = _formats(t)
    nb = t.lang == "nb"
    out: list[str] = [
        f"# {t('md.title')}",
        "",
        f"{t('md.exported')}: {as_moment(_local(doc['exported_at']))}",
        "",
    ]
    p = doc["profile"]
    out += [
        f"## {t('role.heading')}",
        "",
        f"- **{t('role.role')}:** {md(p['role'])}",
        f"- **{t('role.mission')}:** {md(p['mission'])}",
    ]
    out += [f"- **{t('role.org_goals')}:** " + "; ".join(md(g) for g in p["org_goals"])]
    m = p["motivation"]
    labels: tuple[tuple[str, MessageKey], ...] = (
        ("strengths", "role.strengths"),
        ("values", "role.values"),
        ("drivers", "role.drivers"),
    )
    for key, label in labels:
        out.append(f"- **{t(label)}:** " + "; ".join(md(x) for x in m[key]))
    out += [f"- **{t('role.joy')}:** {md(m['joy'])}", ""]
    out += [f"## {t('mandate.heading')}", ""]
    for x in doc["mandate"]:
        kind = t(message_key(f"mandate.kind.{x['kind']}"))
        out.append(f"- {kind}: {md(x['text'])}")
    out += ["", f"## {t('md.goals')}", ""]
    for g in doc["goals"]:
        status = t(message_key(f"goal.status.{g['status']}"))
        out.append(f"### {g['id']}\\. {md(g['title'])} ({status})")
        out.append("")
        out.append(f"- **{t('goal.column.measure')}:** {md(g['measure'])}")
        out.append(f"- **{t('goal.column.due')}:** {as_day(g['due']) if g['due'] else '–'}")
        if g.get("parent_id") is not None:
            parent = t("goal.parent_ref", id=g["parent_id"])
            out.append(f"- **{t('goal.column.parent')}:** {parent}")
        out += [f"- {as_day(n['date'])}: {md(n['note'])}" for n in g["progress"]]
        out.append("")
    weeks: dict[str, list[dict[str, Any]]] = {}
    for pr in doc["priorities"]:
        weeks.setdefault(pr["week"], []).append(pr)
    plans = {w["week"]: w for w in doc["weeks"]}
    from selvleder.domain.dates import IsoWeek

    energy: dict[str, list[dict[str, Any]]] = {}
    week_of: dict[str, str] = {}  # a log's local date (its stamp's first ten characters)
    for e in doc["energy_logs"]:
        day = e["at"][:10]
        week = week_of.get(day)
        if week is None:
            week = week_of[day] = str(IsoWeek.of(_date(e["at"])))
        energy.setdefault(week, []).append(e)
    reflections = {r["week"]: r for r in doc["reflections"]}
    all_weeks = sorted(set(weeks) | set(plans) | set(energy) | set(reflections))
    if all_weeks:
        out += [f"## {t('md.weeks')}", ""]
    for week in all_weeks:
        out += [f"### {t('md.week', number=int(week[6:]), year=week[:4])}", ""]
        plan = plans.get(week)
        if plan and plan.get("focus"):
            out.append(f"**{t('md.focus')}:** {md(plan['focus'])}")
            out.append("")
        for pr in sorted(weeks.get(week, []), key=lambda x: x["rank"]):
            status = t(message_key(f"priority.status.{pr['status']}"))
            out.append(f"{pr['rank']}\\. {md(pr['title'])} ({status})")
        for e in energy.get(week, []):
            tags = " ".join(f"\\#{md(tag)}" for tag in e["tags"])
            at = e["at"]  # the log's day and clock, cut from its ISO stamp
            when = (
                f"{at[8:10]}.{at[5:7]}. kl. {at[11:13]}.{at[14:16]}"
                if nb
                else f"{at[:10]} {at[11:16]}"
            )
            out.append(f"- {when}: {e['level']}/5 {md(e['note'] or '')} {tags}".rstrip())
        r = reflections.get(week)
        if r:
            for tip in TIP_KEYS:
                answer = r["answers"].get(tip)
                if not answer:
                    continue
                rating = f" ({answer['rating']}/5)" if answer.get("rating") else ""
                title = t(message_key(f"tip.{tip}.title"))
                out.append(f"- **{title}**{rating}: {md(answer.get('answer'))}")
            if r.get("next_week"):
                out.append(f"- **{t('md.next_week')}:** {md(r['next_week'])}")
        out.append("")
    if doc["requests"]:
        out += [f"## {t('md.requests')}", ""]
        for q in doc["requests"]:
            need = t(message_key(f"ask.need.{q['need']}"))
            status = t(message_key(f"ask.status.{q['status']}"))
            out.append(f"- {as_day(q['created_at'][:10])} {need}: {md(q['topic'])} ({status})")
        out.append("")
    for kind in ("given", "asked"):
        items = [f for f in doc["feedback"] if f.get("kind", "given") == kind]
        if items:
            out += [f"## {t('md.feedback' if kind == 'given' else 'md.feedback_asked')}", ""]
            out += [f"- {as_day(f['at'][:10])} → {md(f['to'])}: {md(f['text'])}" for f in items]
            out.append("")
    return "\n".join(out).rstrip() + "\n"


def _formats(t: Messages) -> tuple[Callable[[str], str], Callable[[str], str]]:
    """ISO dates and local stamps as a person reads them: 27.11.2026 and 27.11.2026 kl.
    10.00 in nb, 2026-11-27 and 2026-11-27 10:00 in en (LANGUAGE.md). Cut from the ISO
    text (the export's own, validated), not parsed: a 10-year archive has 4,000 logs."""
    if t.lang == "nb":
        return (
            lambda d: f"{d[8:10]}.{d[5:7]}.{d[0:4]}",
            lambda s: f"{s[8:10]}.{s[5:7]}.{s[0:4]} kl. {s[11:13]}.{s[14:16]}",
        )
    return (lambda d: d[:10], lambda s: f"{s[:10]} {s[11:16]}")


def _local(stamp: str) -> str:
    """A stamp in the local time zone (the export's own time is written in UTC)."""
    from datetime import datetime

    return datetime.fromisoformat(stamp).astimezone().isoformat(timespec="minutes")


def _date(stamp: str) -> Any:
    from datetime import datetime

    return datetime.fromisoformat(stamp).date()
