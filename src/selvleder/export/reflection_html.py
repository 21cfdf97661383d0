"""A week's reflection as a styled, printable HTML document (``reflect --export
FILE.html``): the five tips with the week's data, the coach's observations, the answers
and ratings, the pulse and the next step; the same page module as the period report."""

from __future__ import annotations

from selvleder.domain.coach import Observation, Snapshot
from selvleder.domain.models import PULSE_KEYS, TIP_KEYS
from selvleder.export import html as h
from selvleder.export.blocks import Block, Heading, Item, Items, Para, Table, to_html
from selvleder.i18n import Messages, message_key
from selvleder.render.reflection import observation_text, tip_data
from selvleder.render.week import week_heading


def reflection_html(s: Snapshot, found: dict[str, list[Observation]], t: Messages) -> str:
    title = t("reflect.heading", heading=week_heading(s.week, t, inline=True))
    r = s.reflection
    blocks: list[Block] = [Heading(1, title)]
    for i, tip in enumerate(TIP_KEYS, 1):
        blocks += [
            Heading(2, f"{i}. {t(message_key(f'tip.{tip}.title'))}"),
            Para(t(message_key(f"tip.{tip}.meaning")), style="muted"),
        ]
        data = [line.plain.strip() for line in tip_data(tip, s, t) if line.plain.strip()]
        if data:
            blocks.append(Items([Item(line) for line in data], style="plain"))
        if found[tip]:
            blocks.append(Items([Item(observation_text(o, t)) for o in found[tip]], style="coach"))
        if r.answers.get(tip):
            blocks.append(Para(r.answers[tip] or "", t("reflect.your_answer"), style="answer"))
        if r.ratings.get(tip):
            blocks.append(Para(f"{r.ratings[tip]}/5", t("reflect.rating")))
    if r.pulse:
        blocks += [
            Heading(2, t("reflect.pulse.heading")),
            Table(
                [t("reflect.pulse.heading"), t("reflect.pulse.this_week")],
                [
                    [t(message_key(f"pulse.{k}")), f"{r.pulse[k]}/5"]
                    for k in PULSE_KEYS
                    if k in r.pulse
                ],
                numeric=(1,),
            ),
        ]
    blocks.append(Heading(2, t("reflect.next_week")))
    blocks.append(
        Para(r.next_week, style="answer")
        if r.next_week
        else Para(t("reflect.next_week_empty"), style="muted")
    )
    return h.page(t.lang, title, to_html(blocks))
