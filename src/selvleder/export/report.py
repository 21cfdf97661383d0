"""The period report as a document (PRODUCT.md, The period report): the sections in the
order a medarbeidersamtale takes them, as blocks rendered to Markdown or to one
self-contained HTML page with inline charts (``export.html``)."""

from __future__ import annotations

from datetime import date

from selvleder.domain.models import PULSE_KEYS, TIP_KEYS
from selvleder.domain.report import Report, RequestItem
from selvleder.export import html as h
from selvleder.export.blocks import Block, Card, Chart, Heading, Item, Items, Para, Table
from selvleder.i18n import Messages, message_key

TYPE_CHECKING = False
if TYPE_CHECKING:
    from selvleder.entities import FeedbackGiven, Goal


class Words:
    """Dates, months and numbers the report writes, in the user's language."""

    def __init__(self, t: Messages, today: date) -> None:
        self.t, self.today = t, today

    def day(self, d: date) -> str:
        """A date of this year as '23.11.' / '23 Nov', another year's in full ('23.11.2025'
        / '23 Nov 2025')."""
        if d.year == self.today.year:
            return self.t.short_date(d)
        return self.t.date(d) if self.t.lang == "nb" else f"{self.t.short_date(d)} {d.year}"

    def month(self, year: int, month: int) -> str:
        return f"{self.t(message_key(f'month.{month}'))} {year}"

    def month_short(self, month: int) -> str:
        return self.t(message_key(f"month.short.{month}"))

    def pct(self, rate: float | None) -> str:
        return "–" if rate is None else f"{round(rate * 100)} %"

    def mean(self, value: float | None) -> str:
        return "–" if value is None else self.t.num(value)

    def span(self, first: date, last: date) -> str:
        sep = "–" if self.t.lang == "nb" else " – "
        return f"{self.t.date(first)}{sep}{self.t.date(last)}"


def report_blocks(r: Report, t: Messages, today: date) -> list[Block]:
    w = Words(t, today)
    out: list[Block] = [
        Heading(1, t("report.title", span=w.span(r.window.first, r.window.last))),
        Para(t("report.made", date=t.date(today)), style="muted"),
        Card(_summary(r, t, w)),
    ]
    out += _role(r, t)
    out += _goals(r, t, w)
    out += _weeks(r, t, w)
    out += _requests(r, t, w)
    out += _feedback(r, t, w)
    out += _mandate(r, t)
    out += _learning(r, t, w)
    if r.energy is not None:
        out += _energy(r, t, w)
    if r.notes is not None:
        out += _notes(r, t, w)
    if r.reflections is not None:
        out += _reflections(r, t)
    out += _questions(r, t, w)
    return out


def sharing_line(r: Report, t: Messages) -> tuple[str | None, str | None]:
    """'Shared: …' and 'Not included (private): …' (None when a side is empty)."""
    s = r.sharing
    # energy and pulse are one flag but two words: "energi, puls og energinotater", never
    # "energi og puls og energinotater"
    parts = {"energy": s.energy, "pulse": s.energy, "notes": s.notes, "reflections": s.reflections}
    shared = [t(message_key(f"report.part.{k}")) for k, on in parts.items() if on]
    private = [t(message_key(f"report.part.{k}")) for k, on in parts.items() if not on]
    return (
        t("report.shared", parts=t.listed(shared)) if shared else None,
        t("report.not_shared", parts=t.listed(private)) if private else None,
    )


def preview_lines(r: Report, t: Messages, today: date) -> list[str]:
    """What a terminal shows before the file is written: the summary, what is shared."""
    return [f"  {line}" for line in _summary(r, t, Words(t, today))]


def _summary(r: Report, t: Messages, w: Words) -> list[str]:
    lines = []
    if r.total:
        lines.append(
            t(
                "report.summary.weeks",
                weeks=r.planned_weeks,
                done=r.done,
                total=r.total,
                pct=w.pct(r.rate),
            )
        )
    else:
        lines.append(t("report.summary.no_weeks"))
    lines.append(
        t("report.summary.goals", reached=len(r.reached), dropped=len(r.dropped), open=len(r.open))
    )
    open_count = sum(1 for q in r.requests if q.status == "open")
    if r.requests:
        lines.append(t("report.summary.requests", count=len(r.requests), open=open_count))
    else:  # not "0, ingen av dem er åpne"
        lines.append(t("report.summary.no_requests"))
    lines.append(t("report.summary.feedback", given=len(r.given), asked=len(r.asked)))
    shared, private = sharing_line(r, t)
    lines += [line for line in (shared, private) if line]
    return lines


def _role(r: Report, t: Messages) -> list[Block]:
    p = r.profile
    out: list[Block] = [Heading(2, t("role.heading"))]
    entries = [
        Item(p.role or t("common.not_set"), t("role.role")),
        Item(p.mission or t("common.not_set"), t("role.mission")),
    ]
    if p.org_goals:
        entries.append(Item("; ".join(p.org_goals), t("role.org_goals")))
    m = p.motivation
    for label, values in (
        (t("role.strengths"), m.strengths),
        (t("role.values"), m.values),
        (t("role.drivers"), m.drivers),
    ):
        if values:
            entries.append(Item("; ".join(values), label))
    if m.joy:
        entries.append(Item(m.joy, t("role.joy")))
    out.append(Items(entries))
    return out


def _dated(day: str, text: str, w: Words) -> Item:
    return Item(text, w.day(date.fromisoformat(day)), sep=" –")


def _goal(g: Goal, t: Messages, w: Words) -> list[Block]:
    facts = []
    if g.measure:
        facts.append(f"{t('report.goal.measure')}: {g.measure}")
    if g.due:
        facts.append(f"{t('report.goal.due')}: {w.day(date.fromisoformat(g.due))}")
    if g.org_goal:
        facts.append(f"{t('goal.column.org_goal')}: {g.org_goal}")  # one goal it supports
    created = _local(g.created_at)
    if created:
        facts.append(f"{t('report.goal.created')}: {w.day(created)}")
    closed = _local(g.closed_at)
    if closed and g.status in ("done", "dropped"):
        label = t("report.h.reached") if g.status == "done" else t("report.h.dropped")
        facts.append(f"{label}: {w.day(closed)}")
    out: list[Block] = [Heading(4, g.title), Para(" · ".join(facts), style="muted")]
    notes = [_dated(n.local_date, n.note, w) for n in g.progress]
    if g.steps:
        out.append(
            Items(
                [
                    Item(
                        f"{s.title} ({t(message_key(f'goal.status.{s.status}'))})",
                        t("report.goal.step"),
                        [_dated(n.local_date, n.note, w) for n in s.progress],
                    )
                    for s in g.steps
                ]
            )
        )
    out.append(Items(notes) if notes else Para(t("report.goal.no_progress"), style="muted"))
    return out


def _goals(r: Report, t: Messages, w: Words) -> list[Block]:
    out: list[Block] = [Heading(2, t("report.h.goals"))]
    for key, goals in (
        ("report.h.reached", r.reached),
        ("report.h.dropped", r.dropped),
        ("report.h.open", r.open),
    ):
        out.append(Heading(3, f"{t(message_key(key))} ({len(goals)})"))
        if not goals:
            out.append(Para(t("report.none"), style="muted"))
        for g in goals:
            out += _goal(g, t, w)
    return out


def _month_labels(r: Report, w: Words) -> list[str]:
    months = [(m.year, m.month) for m in r.months]
    if len(months) <= 13:
        return [w.month_short(m) for _, m in months]
    # a long window: the year at each January (and at the start), nothing between
    return [str(y) if m == 1 or i == 0 else "" for i, (y, m) in enumerate(months)]


def _weeks(r: Report, t: Messages, w: Words) -> list[Block]:
    out: list[Block] = [
        Heading(2, t("report.h.weeks")),
        Para(t("report.weeks.rule"), style="muted"),
    ]
    first, last = r.months[0], r.months[-1]
    desc = t(
        "report.chart.desc",
        first=w.month(first.year, first.month),
        last=w.month(last.year, last.month),
    )
    out.append(
        Chart(
            h.bar_chart(
                "completion",
                _month_labels(r, w),
                [m.rate for m in r.months],
                title=t("report.chart.completion"),
                desc=desc,
            ),
            t("report.chart.completion") + ". " + desc + ".",
        )
    )
    out.append(
        Table(
            [
                t("report.col.month"),
                t("report.col.weeks"),
                t("report.col.done"),
                t("report.col.of"),
                t("report.col.rate"),
                t("report.col.carried"),
                t("report.col.moved"),
                t("report.col.dropped"),
                t("report.col.can_wait"),
            ],
            [
                [
                    w.month(m.year, m.month),
                    str(m.weeks),
                    str(m.done),
                    str(m.total),
                    w.pct(m.rate),
                    str(m.carried),
                    str(m.moved),
                    str(m.dropped),
                    str(m.can_wait),
                ]
                for m in r.months
            ],
            numeric=(1, 2, 3, 4, 5, 6, 7, 8),
        )
    )
    out.append(Heading(3, t("report.weeks.carried")))
    out.append(
        Items([Item(f"{title} ({t('report.times', count=n)})") for title, n in r.carried])
        if r.carried
        else Para(t("report.none"), style="muted")
    )
    out.append(Heading(3, t("report.weeks.waited")))
    out.append(
        Items([Item(f"{title} ({t('report.times', count=n)})") for title, n in r.waited])
        if r.waited
        else Para(t("report.none"), style="muted")
    )
    out.append(Para(t("report.weeks.dropped", count=r.dropped_priorities)))
    return out


def _status(q: RequestItem, t: Messages, w: Words) -> str:
    word = t(message_key(f"ask.status.{q.status}"))
    when = q.answered if q.status == "answered" else q.closed if q.status == "closed" else None
    return f"{word} {w.day(when)}" if when else word


def _request_rows(requests: list[RequestItem], t: Messages, w: Words) -> Table:
    return Table(
        [
            t("report.col.date"),
            t("report.col.need"),
            t("report.col.topic"),
            t("report.col.status"),
            t("report.col.answer"),
        ],
        [
            [
                w.day(q.created),
                t(message_key(f"ask.need.{q.need}")),
                q.topic + ("".join(f" — {x}" for x in q.questions)),
                _status(q, t, w),
                q.note or "",
            ]
            for q in requests
        ],
    )


def _requests(r: Report, t: Messages, w: Words) -> list[Block]:
    out: list[Block] = [Heading(2, t("report.h.requests"))]
    if not r.requests:
        return [*out, Para(t("report.none"), style="muted")]
    return [*out, _request_rows(r.requests, t, w)]


def _feedback_table(items: list[FeedbackGiven], who: str, t: Messages, w: Words) -> Table:
    return Table(
        [t("report.col.date"), who, t("report.col.text")],
        [[w.day(date.fromisoformat(f.local_date)), f.to_name, f.text] for f in items],
    )


def _feedback(r: Report, t: Messages, w: Words) -> list[Block]:
    out: list[Block] = [Heading(2, t("report.h.feedback"))]
    out.append(Heading(3, f"{t('report.h.given')} ({len(r.given)})"))
    out.append(
        _feedback_table(r.given, t("report.col.to"), t, w)
        if r.given
        else Para(t("report.none"), style="muted")
    )
    if r.asked:  # asked of colleagues: only when the journal has any
        out.append(Heading(3, f"{t('report.h.asked')} ({len(r.asked)})"))
        out.append(_feedback_table(r.asked, t("report.col.from"), t, w))
    return out


def _mandate(r: Report, t: Messages) -> list[Block]:
    out: list[Block] = [Heading(2, t("mandate.heading"))]
    if not r.mandate:
        return [*out, Para(t("report.none"), style="muted")]
    kinds = ("mine", "leader", "bounded", "unclear")
    entries = []
    for kind in kinds:
        texts = [m.text for m in r.mandate if m.kind == kind]
        if texts:
            entries.append(
                Item("", t(message_key(f"mandate.kind.{kind}")), [Item(x) for x in texts])
            )
    out.append(Items(entries))
    if r.unclear:
        out.append(Para(t("report.mandate.unclear", count=len(r.unclear))))
    return out


def _learning(r: Report, t: Messages, w: Words) -> list[Block]:
    out: list[Block] = [Heading(2, t("report.h.learning"))]
    if not r.learning:
        return [*out, Para(t("report.learning.none"), style="muted")]
    return [*out, _request_rows(r.learning, t, w)]


def _energy(r: Report, t: Messages, w: Words) -> list[Block]:
    assert r.energy is not None
    months = r.energy
    out: list[Block] = [Heading(2, t("report.h.energy"))]
    total = sum(m.total for m in months)
    count = sum(m.count for m in months)
    if count:
        out.append(Para(t("report.energy.summary", mean=round(total / count, 1), count=count)))
    else:
        out.append(Para(t("report.energy.none"), style="muted"))
    first, last = months[0], months[-1]
    desc = t(
        "report.chart.desc",
        first=w.month(first.year, first.month),
        last=w.month(last.year, last.month),
    )
    labels = _month_labels(r, w)
    out.append(
        Chart(
            h.line_chart(
                "energy",
                labels,
                [(t("report.col.energy"), [m.mean for m in months])],
                title=t("report.chart.energy"),
                desc=desc,
            ),
            t("report.chart.energy") + ". " + desc + ".",
        )
    )
    pulse_names = [t(message_key(f"pulse.{k}")) for k in PULSE_KEYS]
    out.append(
        Chart(
            h.line_chart(
                "pulse",
                labels,
                [
                    (name, [m.pulse_mean(k) for m in months])
                    for name, k in zip(pulse_names, PULSE_KEYS, strict=True)
                ],
                title=t("report.chart.pulse"),
                desc=desc,
            ),
            t("report.chart.pulse") + ". " + desc + ".",
        )
    )
    out.append(
        Table(
            [t("report.col.month"), t("report.col.energy"), t("report.col.logs"), *pulse_names],
            [
                [
                    w.month(m.year, m.month),
                    w.mean(m.mean),
                    str(m.count),
                    *(w.mean(m.pulse_mean(k)) for k in PULSE_KEYS),
                ]
                for m in months
            ],
            numeric=(1, 2, 3, 4, 5, 6),
        )
    )
    return out


def _notes(r: Report, t: Messages, w: Words) -> list[Block]:
    assert r.notes is not None
    out: list[Block] = [Heading(2, t("report.h.notes"))]
    if not r.notes:
        return [*out, Para(t("report.none"), style="muted")]
    return [
        *out,
        Table(
            [t("report.col.date"), t("report.col.level"), t("report.col.note")],
            [[w.day(date.fromisoformat(day)), str(level), note] for day, level, note in r.notes],
            numeric=(1,),
        ),
    ]


def _reflections(r: Report, t: Messages) -> list[Block]:
    assert r.reflections is not None
    out: list[Block] = [Heading(2, t("report.h.reflections"))]
    if not r.reflections:
        return [*out, Para(t("report.none"), style="muted")]
    for week, reflection in r.reflections:
        year, number = week.split("-W")
        out.append(Heading(3, t("report.week", number=int(number), year=year)))
        entries = [
            Item(reflection.answers[tip] or "", t(message_key(f"tip.{tip}.title")))
            for tip in TIP_KEYS
            if reflection.answers.get(tip)
        ]
        if reflection.next_week:
            entries.append(Item(reflection.next_week, t("reflect.next_week")))
        out.append(Items(entries))
    return out


def _questions(r: Report, t: Messages, w: Words) -> list[Block]:
    out: list[Block] = [Heading(2, t("report.h.questions"))]
    entries = [
        Item(t("report.q.request", date=w.day(q.created), topic=q.topic)) for q in r.open_requests
    ]
    entries += [Item(t("report.q.unclear", text=m.text)) for m in r.unclear]
    for key, value, week in r.low_pulse or []:
        entries.append(
            Item(
                t(
                    "report.q.pulse",
                    dimension=t(message_key(f"pulse.{key}")),
                    value=value,
                    week=t.week(week),
                )
            )
        )
    if not entries:
        return [*out, Para(t("report.q.none"), style="muted")]
    return [*out, Items(entries)]


def _local(stamp: str | None) -> date | None:
    if not stamp:
        return None
    from datetime import datetime

    return datetime.fromisoformat(stamp).astimezone().date()


def report_markdown(r: Report, t: Messages, today: date) -> str:
    from selvleder.export.blocks import to_markdown

    return to_markdown(report_blocks(r, t, today))


def report_html(r: Report, t: Messages, today: date) -> str:
    from selvleder.export.blocks import to_html

    title = t("report.title", span=Words(t, today).span(r.window.first, r.window.last))
    return h.page(t.lang, title, to_html(report_blocks(r, t, today)))
