"""The guided reflection on a terminal.

After each tip's panel: its guiding questions, a free answer (Enter keeps
what is there, ``e`` opens $EDITOR) and a 1–5 rating; then the
empowerment pulse and one line for next week. Everything is saved at the
end in one transaction: Ctrl-C or end of input before that saves nothing.
"""

from __future__ import annotations

from selvleder.context import AppContext
from selvleder.domain.coach import Snapshot, observe
from selvleder.domain.models import PULSE_KEYS, TIP_KEYS
from selvleder.domain.reflection import Answers
from selvleder.errors import SelvlederError
from selvleder.i18n import message_key
from selvleder.render.reflection import tip_panel
from selvleder.services.reflection import save_answers
from selvleder.ui.prompts import ask


def _ask_rating(ctx: AppContext, label: str, current: int | None) -> int | None:
    while True:
        answer = ask(label, str(current) if current else None)
        if not answer:
            return None
        if answer in ("1", "2", "3", "4", "5"):
            return int(answer)
        ctx.out.say("guided.reflect.rating_again")


def _ask_answer(ctx: AppContext, tip: str, current: str | None) -> str | None:
    t = ctx.t
    shown = current if current and "\n" not in current and len(current) <= 60 else None
    if current and not shown:
        ctx.out.say("guided.reflect.has_answer")
    answer = ask(t("guided.reflect.answer"), shown)
    if answer.strip().lower() == "e":
        from selvleder.integrations.editor import edit_text

        title = t(message_key(f"tip.{tip}.title"))
        edited = edit_text(current or "", title + "\n" + t("guided.reflect.editor"))
        if edited is None:
            ctx.out.say("guided.reflect.no_editor")
            return _ask_answer(ctx, tip, current)
        return edited or None
    if not answer or answer == shown:
        return None  # keep what is there
    return answer


def guided_reflection(ctx: AppContext, snapshot: Snapshot) -> None:
    t, out = ctx.t, ctx.out
    found = observe(snapshot)
    answers = Answers()
    current = snapshot.reflection
    out.say("guided.reflect.intro")
    for number, tip in enumerate(TIP_KEYS, 1):
        out.show(tip_panel(number, tip, snapshot, found[tip], t))
        for i in (1, 2, 3, 4):  # each tip's guiding questions (the seed's, and ours)
            key = f"tip.{tip}.q{i}"
            if t.has(key):
                out.line("  ? " + t(key))
        text = _ask_answer(ctx, tip, current.answers.get(tip))
        rating = _ask_rating(ctx, t("guided.reflect.rating"), current.ratings.get(tip))
        try:
            answers.set_tip(tip, text, rating)
        except SelvlederError as exc:
            out.line(t(exc.key, **exc.params))
        out.line()
    out.say("guided.reflect.pulse_intro")
    for key in PULSE_KEYS:
        label = t(message_key(f"guided.reflect.pulse.{key}"))
        value = _ask_rating(ctx, label, (current.pulse or {}).get(key))
        if value is not None:
            answers.set_pulse(key, value)
    out.line()
    next_week = ask(t("guided.reflect.next_week"), current.next_week)
    if next_week and next_week != current.next_week:
        answers.set_next_week(next_week)
    save_answers(ctx.journal(), snapshot.week, answers)
    out.say("guided.reflect.saved", number=snapshot.week.week)
