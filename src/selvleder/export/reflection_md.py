"""A week's reflection as Markdown that reads well in any viewer (user text escaped)."""

from __future__ import annotations

from selvleder.domain.coach import Observation, Snapshot
from selvleder.domain.models import PULSE_KEYS, TIP_KEYS
from selvleder.export.markdown import md
from selvleder.i18n import Messages, message_key
from selvleder.render.reflection import observation_text
from selvleder.render.week import week_heading


def reflection_markdown(s: Snapshot, found: dict[str, list[Observation]], t: Messages) -> str:
    # Catalogue text is ours and written as Markdown-safe prose; user text goes through md().
    out = [f"# {t('reflect.heading', heading=week_heading(s.week, t, inline=True))}", ""]
    r = s.reflection
    for i, tip in enumerate(TIP_KEYS, 1):
        out += [
            f"## {i}\\. {md(t(message_key(f'tip.{tip}.title')))}",
            "",
            f"*{md(t(message_key(f'tip.{tip}.meaning')))}*",
            "",
        ]
        for obs in found[tip]:
            out.append(f"- {md(observation_text(obs, t))}")
        if found[tip]:
            out.append("")
        if r.answers.get(tip):
            out += [f"**{t('reflect.your_answer')}:** {md(r.answers[tip])}", ""]
        if r.ratings.get(tip):
            out += [f"**{t('reflect.rating')}:** {r.ratings[tip]}/5", ""]
    if r.pulse:
        out += [f"## {t('reflect.pulse.heading')}", ""]
        out += [
            f"- {t(message_key(f'pulse.{k}'))}: {r.pulse[k]}/5" for k in PULSE_KEYS if k in r.pulse
        ]
        out.append("")
    if r.next_week:
        out += [f"## {t('reflect.next_week')}", "", md(r.next_week), ""]
    return "\n".join(out).rstrip() + "\n"
