"""The reflection: five panels (one per tip), the empowerment pulse and next week.

Reads well at 80 columns and wider; every piece of journal text goes in as
``Text`` through ``rich_text``, never as markup.
"""

from __future__ import annotations

from typing import cast

from rich.box import ROUNDED
from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from selvleder.domain.coach import Observation, Snapshot
from selvleder.domain.models import PULSE_KEYS, TIP_KEYS
from selvleder.i18n import Messages, message_key
from selvleder.render import palette
from selvleder.render.energy import spark, tag_evidence
from selvleder.render.text import rich_text
from selvleder.render.week import week_heading

TYPE_CHECKING = False
if TYPE_CHECKING:
    from selvleder.message_keys import MessageKey

QUOTES = {"nb": ("«", "»"), "en": ("“", "”")}
EVIDENCE_CODES = ("energy.drainers", "energy.energisers")


def observation_text(obs: Observation, t: Messages) -> str:
    """The observation's message; lists of titles are quoted and joined per language."""
    params = dict(obs.params)
    params.pop("variant", None)
    if obs.code in EVIDENCE_CODES:
        # Each tag's evidence, from the data (the same rounded numbers as the JSON).
        rows = cast("list[dict[str, object]]", obs.data["tags"])
        weeks = cast("int", params.pop("weeks"))
        until = cast("int", params.pop("until", 0))
        params.pop("tags", None)
        params["evidence"] = t.listed((tag_evidence(row, weeks, t, until) for row in rows), "; ")
    left, right = QUOTES.get(t.lang, QUOTES["en"])
    steps = params.pop("steps", None)
    if isinstance(steps, list) and isinstance(obs.params["dimensions"], list):
        # one sentence per low pulse dimension, each with its next step
        params["steps"] = " ".join(
            t(message_key(f"obs.energy.pulse_low.step.{d}"), hint=step)
            for d, step in zip(obs.params["dimensions"], steps, strict=True)
        )
    for key, value in params.items():
        if isinstance(value, list):
            if key == "dimensions":
                params[key] = t.listed(t(message_key(f"pulse.{d}")).lower() for d in value)
            elif key == "chains":  # (title, times): each title with its own count
                params[key] = t.listed(
                    t(
                        message_key(f"obs.{obs.code}.item.{'two' if item[1] == 2 else 'more'}"),
                        title=f"{left}{item[0]}{right}",
                        times=item[1],
                    )
                    for item in value
                    if isinstance(item, tuple)
                )
            else:
                params[key] = t.listed(f"{left}{v}{right}" for v in value)
    return t(obs.key, **params)


def _rating(value: int | None) -> Text:
    if value is None:
        return Text("–", style="dim")
    return Text("●" * value + "○" * (5 - value) + f"  {value}/5")


def _line(label: str, value: str | Text, t: Messages) -> Text:
    line = Text().append(f"{label}: ", style=palette.LABEL)
    line.append_text(value if isinstance(value, Text) else Text(value))
    return line


def _energy_spark(s: Snapshot) -> Text:
    levels: dict[str, list[int]] = {}
    for log in s.logs:
        levels.setdefault(log.date, []).append(log.level)
    out = Text()
    for i in range(7):
        day = s.week.day(i).isoformat()
        if day in levels:
            out.append(spark(sum(levels[day]) / len(levels[day])))
        else:
            out.append("·", style="dim")
    return out


def tip_data(tip: str, s: Snapshot, t: Messages, said: frozenset[str] = frozenset()) -> list[Text]:
    """What the journal shows for the week, per tip; a fact the coach already states
    (``said``: the codes of the tip's observations) is not shown twice."""
    lines: list[Text] = []
    if tip == "role":
        role = s.profile.role or s.profile.mission
        lines.append(_line(t("reflect.data.role"), rich_text(role) if role else Text("–"), t))
        counted = s.plan.counted
        if counted and "role.goal_links" not in said:
            linked = sum(1 for p in counted if p.goal_id)
            lines.append(Text(t("reflect.data.linked", linked=linked, total=len(counted))))
        unclear = sum(1 for m in s.mandate if m.kind == "unclear")
        lines.append(Text(t("reflect.data.mandate", count=len(s.mandate), unclear=unclear)))
    elif tip == "goals" and not s.goals:
        lines.append(Text(t("reflect.data.no_goals")))
    elif tip == "goals":
        clear = sum(1 for g in s.goals if g.clear)
        lines.append(
            Text(t("reflect.data.goals", count=len(s.goals), cap=s.max_goals, clear=clear))
        )
        moved = [
            g
            for g in s.goals
            if s.week.monday().isoformat()
            <= s.last_progress.get(g.id, "")
            <= s.week.sunday().isoformat()
        ]
        lines.append(Text(t("reflect.data.progress", count=len(moved))))
    elif tip == "plan":
        if (s.plan.priorities or s.plan.moved_away) and "plan.completion" not in said:
            lines.append(
                Text(
                    t(
                        "reflect.data.completion",
                        done=s.plan.done,
                        total=s.plan.planned_total,
                        pct=round(s.plan.completion_rate * 100),
                    )
                )
            )
        if s.plan.priorities or s.plan.moved_away:
            if s.plan.buffer_pct is not None:
                lines.append(Text(t("week.buffer", pct=s.plan.buffer_pct)))
            for p in s.plan.priorities:
                mark = {"done": "✓", "planned": "○", "dropped": "–", "carried": "→"}[p.status]
                line = Text(f"  {mark} ")
                line.append_text(rich_text(p.title))
                lines.append(line)
            for away in s.plan.moved_away:
                line = Text("  → ")
                line.append_text(rich_text(away.title))
                line.append(f" ({t('week.moved_to', week=t.week(away.to))})", style="dim")
                lines.append(line)
        else:
            lines.append(Text(t("reflect.data.no_plan"), style="italic"))
    elif tip == "feedback":
        open_ = sum(1 for r in s.requests if r.status == "open")
        week_requests = sum(
            1 for r in s.requests if s.week.monday() <= r.created <= s.week.sunday()
        )
        lines.append(Text(t("reflect.data.requests", count=week_requests, open=open_)))
        if not (s.feedback_given or s.feedback_asked or s.covers(s.week.shift(-3).monday())):
            lines.append(Text(t("reflect.data.feedback.none_yet")))  # a young journal
        elif "feedback.given" not in said or s.feedback_asked:
            lines.append(Text(feedback_line(s.feedback_given, s.feedback_asked, t)))
    elif tip == "energy":
        if s.logs and "energy.level" in said:  # the coach says the mean: the days only
            line = Text(t("reflect.data.energy_days") + "  ")
            line.append_text(_energy_spark(s))
            lines.append(line)
        elif s.logs:
            avg = sum(log.level for log in s.logs) / len(s.logs)
            line = Text(t("reflect.data.energy", mean=avg, count=len(s.logs)) + "  ")
            line.append_text(_energy_spark(s))
            lines.append(line)
        else:
            lines.append(Text(t("reflect.data.no_energy"), style="italic"))
        m = s.profile.motivation
        if m.strengths or m.drivers or m.joy:
            joy = m.joy or ", ".join([*m.strengths, *m.drivers])
            lines.append(_line(t("role.joy") if m.joy else t("role.strengths"), rich_text(joy), t))
    return lines


def tip_panel(
    number: int,
    tip: str,
    s: Snapshot,
    observations: list[Observation],
    t: Messages,
    progress: str | None = None,
) -> Panel:
    """One tip: what it means, the week's facts, what the coach says, the answer.
    ``progress`` ('2/7') replaces the number in the title in the guided flow."""
    body: list[RenderableType] = [Text(t(message_key(f"tip.{tip}.meaning")), style="italic")]
    body.append(Text(""))
    body += tip_data(tip, s, t, frozenset(o.code for o in observations))
    if observations:
        body.append(Text(""))
        for obs in observations:
            line = Text("› ", style=palette.COACH)
            line.append_text(rich_text(observation_text(obs, t), style=palette.COACH))
            body.append(line)
    answer = s.reflection.answers.get(tip)
    rating = s.reflection.ratings.get(tip)
    if answer or rating:
        body.append(Text(""))
        if answer:
            body.append(_line(t("reflect.your_answer"), rich_text(answer), t))
        body.append(_line(t("reflect.rating"), _rating(rating), t))
    title = Text(" ")
    if progress:
        title.append(progress + "  ", style=palette.STEP)
    else:
        title.append(f"{number}. ", style="bold")
    title.append(f"{t(message_key(f'tip.{tip}.title'))} ", style="bold")
    return Panel(Group(*body), title=title, title_align="left", box=ROUNDED, padding=(0, 1))


def pulse_view(
    current: dict[str, int] | None, history: list[tuple[str, dict[str, int] | None]], t: Messages
) -> RenderableType:
    table = Table(box=None, show_header=True, header_style="bold", pad_edge=False)
    table.add_column(t("reflect.pulse.heading"))
    table.add_column(t("reflect.pulse.this_week"), no_wrap=True)
    for week, _ in history:
        table.add_column(t.week(week), justify="center")
    for key in PULSE_KEYS:
        row: list[RenderableType] = [
            t(message_key(f"pulse.{key}")),
            _rating((current or {}).get(key)),
        ]
        for _, pulse in history:
            value = (pulse or {}).get(key)
            row.append(str(value) if value is not None else "·")
        table.add_row(*row)
    return table


def reflection_view(
    s: Snapshot,
    found: dict[str, list[Observation]],
    history: list[tuple[str, dict[str, int] | None]],
    t: Messages,
) -> RenderableType:
    parts: list[RenderableType] = [
        Text(t("reflect.heading", heading=week_heading(s.week, t, inline=True)), style="bold")
    ]
    for i, tip in enumerate(TIP_KEYS, 1):
        parts.append(tip_panel(i, tip, s, found[tip], t))
    parts.append(pulse_view(s.reflection.pulse, history, t))
    parts.append(Text(""))
    if s.reflection.next_week:
        parts.append(_line(t("reflect.next_week"), rich_text(s.reflection.next_week), t))
    else:
        parts.append(Text(t("reflect.next_week_empty"), style="italic"))
    return Group(*parts)


def empty_view(week_text: str, t: Messages) -> RenderableType:
    """A first run: the short start guide, then the five tips with their guiding
    questions (what the weekly reflection will ask about)."""
    return Group(
        Text(t("reflect.heading", heading=week_text), style="bold"),
        Text(""),
        Text(t("reflect.empty.intro")),
        Text(""),
        *[Text("  " + t(message_key(f"reflect.empty.step{i}"))) for i in range(1, 5)],
        Text(""),
        *tips_guide(t),
        Text(t("reflect.empty.outro"), style="italic"),
    )


def tips_guide(t: Messages) -> list[Text]:
    """The five tips, each with its guiding questions."""
    lines = [Text(t("reflect.empty.tips"), style="bold")]
    for number, tip in enumerate(TIP_KEYS, 1):
        lines.append(Text(f"{number}. {t(message_key(f'tip.{tip}.title'))}", style="bold"))
        for i in (1, 2, 3, 4):
            key = f"tip.{tip}.q{i}"
            if t.has(key):
                lines.append(Text("   " + t(key), style=palette.COACH))
    lines.append(Text(""))
    return lines


def feedback_line(given: int, asked: int, t: Messages) -> str:
    """Tip 4's data: how often you gave feedback and asked for it in the last 4 weeks."""
    if not given and not asked:
        return t("reflect.data.feedback.none")

    def times(count: int, none: MessageKey, one: MessageKey, other: MessageKey) -> str:
        return t(none) if count == 0 else t(one) if count == 1 else t(other, count=count)

    gave = times(
        given,
        "reflect.data.feedback.given.none",
        "reflect.data.feedback.given.one",
        "reflect.data.feedback.given.other",
    )
    sought = times(
        asked,
        "reflect.data.feedback.asked.none",
        "reflect.data.feedback.asked.one",
        "reflect.data.feedback.asked.other",
    )
    return t("reflect.data.feedback", given=gave, asked=sought)
