"""Requests to the leader and feedback in the journal: compose, record, agenda, status."""

from __future__ import annotations

import json
from datetime import date

from selvleder.domain.ask import Message, Request, Section, Sharing, first_name
from selvleder.domain.dates import IsoWeek, utc_stamp
from selvleder.domain.text import MAX_NOTE, check_id, optional_text, require_text
from selvleder.errors import BadInput
from selvleder.i18n import message_key
from selvleder.services.goals import goal_titles

TYPE_CHECKING = False
if TYPE_CHECKING:
    from selvleder.i18n import Messages
    from selvleder.storage.journal import Journal


def _status_word(status: str, t: Messages) -> str:
    return t(message_key(f"priority.status.{status}"))


def list_requests(journal: Journal, only_open: bool) -> list[dict[str, object]]:
    """``ask-leader list``: the requests as their JSON rows."""
    from selvleder.domain.ask import request_json

    with journal.read():
        return [request_json(r) for r in journal.requests(only_open=only_open)]


def compose(
    journal: Journal,
    request: Request,
    sharing: Sharing,
    week: IsoWeek,
    leader: str | None,
    me: str | None,
    cap: int,
    t: Messages,
) -> Message:
    """The request as a message in the user's language (reads the week; writes nothing)."""
    with journal.read():
        plan = journal.week_plan(str(week))
        goals = goal_titles(journal)
        mandate = journal.mandate()
        logs = (
            journal.energy_logs(week.monday().isoformat(), week.sunday().isoformat())
            if sharing.energy or sharing.notes
            else []
        )
        busy = (
            journal.busy_days(week.monday().isoformat(), week.sunday().isoformat())
            if sharing.calendar
            else None
        )
        before = (
            journal.energy_logs(
                week.shift(-1).monday().isoformat(), week.shift(-1).sunday().isoformat()
            )
            if sharing.energy or sharing.notes
            else []
        )
    need = request.need
    message = Message(
        subject=t(message_key(f"ask.subject.{need}"), topic=request.topic),
        greeting=t("ask.greeting", name=first_name(leader)) if leader else t("ask.greeting_plain"),
        intro=t(message_key(f"ask.intro.{need}"), topic=request.topic),
        next_step=t(message_key(f"ask.step.{need}")),
        closing=t("ask.closing"),
        signature=me,
    )
    if sharing.context:
        shown = [p for p in plan.priorities if p.status in ("planned", "done")]
        if shown:
            lines = []
            for p in shown:
                line = f"{p.title} ({_status_word(p.status, t)})"
                if p.goal_id is not None and p.goal_id in goals:
                    line += " – " + t("ask.goal", title=goals[p.goal_id])
                lines.append(line)
            message.sections.append(Section(t("ask.section.working_on", number=week.week), lines))
        if need == "clarify-mandate":
            unclear = [m.text for m in mandate if m.kind == "unclear"]
            if unclear:
                message.sections.append(Section(t("ask.section.unclear"), unclear))
        if need == "priorities":
            lines = [t("ask.priorities_cap", count=len(plan.counted), cap=cap)]
            if plan.can_wait:
                lines.append(t("ask.can_wait", items="; ".join(plan.can_wait)))
            message.sections.append(Section(t("ask.section.plan"), lines))
    if request.questions:  # the intro already names the topic
        message.sections.append(
            Section(
                # the need's label, in the middle of a sentence
                t("ask.section.need", kind=t(message_key(f"ask.need.{need}")).lower()),
                request.questions,
            )
        )
    if sharing.energy or sharing.notes:
        lines = []
        if logs:
            avg = sum(log.level for log in logs) / len(logs)
            lines.append(t("ask.energy", mean=float(avg), count=len(logs)))
            if before:
                prev = sum(log.level for log in before) / len(before)
                lines.append(t("ask.energy_before", mean=float(prev)))
        else:
            lines.append(t("ask.energy_none"))
        if sharing.notes:
            lines += [log.note for log in logs if log.note]
        message.sections.append(Section(t("ask.section.energy"), lines))
    if busy is not None:  # only with --share-calendar: the meeting hours, nothing else
        minutes = sum(m for m, _ in busy.values())
        if not busy:
            said = t("ask.calendar_none")
        elif not minutes:
            said = t("ask.calendar_no_meetings")
        elif minutes % 60 == 0:  # "6 timer med møter", in words a person writes to a person
            said = t("ask.calendar", hours=minutes // 60)
        else:
            said = t("ask.calendar_part", hours=t.num(minutes / 60))
        message.sections.append(Section(t("ask.section.calendar"), [said]))
    return message


def record(journal: Journal, request: Request, week: IsoWeek) -> int:
    with journal.write():
        return journal.add_request(
            request.need,
            request.topic,
            json.dumps(request.questions, ensure_ascii=False),
            str(week),
            utc_stamp(),
        )


def agenda(
    journal: Journal, today: date, leader: str | None, me: str | None, t: Messages
) -> Message:
    """One message from all open requests, for the next one-to-one (records nothing)."""
    with journal.read():
        open_requests = journal.requests(only_open=True)
    message = Message(
        subject=t("ask.agenda.subject"),
        greeting=t("ask.greeting", name=first_name(leader)) if leader else t("ask.greeting_plain"),
        intro=t("ask.agenda.intro", count=len(open_requests)),
        next_step=t("ask.agenda.step"),
        closing=t("ask.closing"),
        signature=me,
    )
    from datetime import datetime

    for r in open_requests:
        days = (today - datetime.fromisoformat(r["created_at"]).astimezone().date()).days
        kind = t(message_key(f"ask.need.{r['need']}"))
        heading = t("ask.agenda.item", kind=kind, topic=r["topic"], days=days)
        message.sections.append(Section(heading, json.loads(r["questions"] or "[]")))
    if not open_requests:
        message.intro = t("ask.agenda.none")
    return message


def set_request_status(
    journal: Journal, request_id: int, status: str, note: str | None = None
) -> dict[str, object]:
    check_id(request_id, "request")
    clean = optional_text(note, "note", MAX_NOTE)
    with journal.write():
        row = journal.request(request_id)
        if row is None:
            raise BadInput("error.request_unknown", id=request_id)
        journal.set_request_status(request_id, status, utc_stamp(), clean)
        updated = journal.request(request_id)
        assert updated is not None
        return updated


def give_feedback(journal: Journal, to: str, text: str, kind: str = "given") -> int:
    """Feedback given to ``to``, or (kind "asked", ``feedback ask --from``) asked of them."""
    from selvleder.domain.dates import now

    name = require_text(to, "to" if kind == "given" else "from", 120)
    body = require_text(text, "text", MAX_NOTE)
    moment = now()
    with journal.write():
        return journal.add_feedback(
            name,
            body,
            utc_stamp(moment),
            moment.date().isoformat(),
            str(IsoWeek.of(moment.date())),
            kind,
        )


def list_feedback(journal: Journal) -> list[dict[str, object]]:
    """``feedback list``: given and asked for, newest first, as their JSON rows."""
    from selvleder.domain.ask import feedback_json

    with journal.read():
        return [feedback_json(f) for f in journal.feedback()]
