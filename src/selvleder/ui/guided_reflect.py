"""The guided reflection on a terminal.

Seven short steps: the five tips, each a panel (the week's facts and what
the coach says) and one guiding question with one answer (``?`` shows the
tip's other questions; ``e`` opens $EDITOR for a longer answer) and a 1–5
rating; then the empowerment pulse and one small step for next week.
Everything is saved at the end in one transaction: Ctrl-C or end of input
before that saves nothing. On an empty journal it shows the start guide and
the five tips with their questions instead of panels of zeros.
"""

from __future__ import annotations

from selvleder.context import AppContext
from selvleder.domain.coach import Snapshot, observe
from selvleder.domain.models import PULSE_KEYS, TIP_KEYS
from selvleder.domain.reflection import Answers
from selvleder.domain.text import MAX_ANSWER
from selvleder.errors import SelvlederError
from selvleder.i18n import message_key
from selvleder.render import guided
from selvleder.render.reflection import tip_panel
from selvleder.services.reflection import save_answers
from selvleder.ui.prompts import Prompter

STEPS = len(TIP_KEYS) + 2  # the tips, the pulse, next week


def _answer(ctx: AppContext, ask: Prompter, tip: str, current: str | None) -> str | None:
    """The tip's answer: its first guiding question, one line or the editor; None keeps
    what is there."""
    t = ctx.t
    shown = current if current and "\n" not in current and len(current) <= 60 else None
    if current and not shown:
        ctx.out.show(guided.words(t("reflect.your_answer"), current))
        ctx.out.say("guided.reflect.has_answer")
    # the tip's guiding questions: the first one asked, the others in its help ('?')
    questions = [t(key) for i in (1, 2, 3, 4) if t.has(key := f"tip.{tip}.q{i}")]
    comment = t(message_key(f"tip.{tip}.title")) + "\n" + t("guided.reflect.editor")
    answer = ask.text(
        questions[0],
        shown,
        help="guided.reflect.help.answer",
        more=questions[1:],
        limit=MAX_ANSWER,
        editor=comment,
        initial=current,
    )
    if not answer or answer == current:
        return None  # keep what is there
    return answer


def guided_reflection(ctx: AppContext, snapshot: Snapshot) -> None:
    t, out = ctx.t, ctx.out
    ask = Prompter(t)
    found = observe(snapshot)
    answers = Answers()
    current = snapshot.reflection
    out.say("guided.reflect.intro")
    out.line()
    for number, tip in enumerate(TIP_KEYS, 1):
        out.show(tip_panel(number, tip, snapshot, found[tip], t, progress=f"{number}/{STEPS}"))
        text = _answer(ctx, ask, tip, current.answers.get(tip))
        rating = ask.number(
            t("guided.reflect.rating"),
            1,
            5,
            current.ratings.get(tip),
            help="guided.reflect.help.rating",
        )
        try:
            answers.set_tip(tip, text, rating)
        except SelvlederError as exc:  # checked at the prompt; a last line of defence
            ask.refuse(exc)
        out.line()
    out.show(guided.step(STEPS - 1, STEPS, t("reflect.pulse.heading")))
    out.say("guided.reflect.pulse_intro")
    for key in PULSE_KEYS:
        label = t(message_key(f"guided.reflect.pulse.{key}"))
        value = ask.number(
            label, 1, 5, (current.pulse or {}).get(key), help="guided.reflect.help.pulse"
        )
        if value is not None:
            answers.set_pulse(key, value)
    out.line()
    out.show(guided.step(STEPS, STEPS, t("reflect.next_week")))
    next_week = ask.text(
        t("guided.reflect.next_week"), current.next_week, help="guided.reflect.help.next_week"
    )
    if next_week and next_week != current.next_week:
        answers.set_next_week(next_week)
    save_answers(ctx.journal(), snapshot.week, answers)
    out.say("guided.reflect.saved", number=snapshot.week.week)
