"""A realistic, reproducible synthetic journal: one person's working life.

``build_demo_tables`` is a pure function of (years, seed, today, language):
the same seed on the same day gives the same journal. It plants believable
patterns that the coach and ``energy insights`` should find: meetings drain,
focus work energises, Fridays dip, a summer and a Christmas holiday without
logs, goals that move (or stall), requests to the leader that get answered.
"""

from __future__ import annotations

import json
import random
from datetime import date, datetime, time, timedelta
from typing import Any

from selvleder import entities as e
from selvleder.domain.dates import IsoWeek, utc_stamp
from selvleder.domain.energy_row import energy_row
from selvleder.entities import PULSE_KEYS, TIP_KEYS

Row = dict[str, Any]

CONTENT: dict[str, dict[str, Any]] = {
    "nb": {
        "role": "Seniorrådgiver i saksbehandlingen",
        "mission": "Rettferdige og raske vedtak for innbyggerne",
        "org_goals": ["Kortere saksbehandlingstid", "Bedre klarspråk i vedtakene"],
        "strengths": ["Struktur", "Skriving"],
        "values": ["Åpenhet", "Likebehandling"],
        "drivers": ["Å løse floker", "Å lære noe nytt"],
        "joy": "Når en vanskelig sak blir løst godt",
        "mandate": [
            ("mine", "Rekkefølgen på sakene mine"),
            ("mine", "Hvordan jeg skriver utkast"),
            ("leader", "Hvem som får de store sakene"),
            ("bounded", "Forvaltningsloven og klarspråksreglene"),
            ("unclear", "Hvem godkjenner nye brevmaler?"),
        ],
        "goals": [
            ("Kortere saksbehandlingstid i mine saker", "median under 20 dager"),
            ("Nye brevmaler i klarspråk", "5 maler godkjent"),
            ("Lære det nye fagsystemet", "kan ta alle sakstyper"),
            ("Bedre overlevering til kollegene", "rutine beskrevet"),
            ("Rydde restansene", "ingen saker over 60 dager"),
            ("Kurs i klarspråk for teamet", "2 kurs holdt"),
        ],
        "titles": [
            "Budsjettutkast",
            "Svar på høringen",
            "Vedtak i klagesaken",
            "Brevmal for avslag",
            "Møte med fagmiljøet",
            "Rapport til ledermøtet",
            "Gjennomgå restanser",
            "Opplæring i fagsystemet",
            "Ringe brukeren om dokumentasjon",
            "Skrive rutinebeskrivelse",
            "Forberede kurs",
            "Kvalitetssikre kollegas utkast",
            "Statistikk for kvartalet",
        ],
        "can_wait": ["Rydde arkivet", "Lese den nye veilederen", "Oppdatere lenkesamlingen"],
        "focus": ["Budsjettet", "Klagesakene", "Restansene", "Brevmalene", "Kvartalsrapporten"],
        "notes": [
            "Tre møter på rad",
            "God flyt i utkastet",
            "Mye e-post",
            "Bra samtale med bruker",
        ],
        "progress": [
            "Første utkast ferdig",
            "Diskutert med Kari",
            "Halvveis",
            "Testet med to saker",
        ],
        # each request of the kind it is: (need, topic, the questions it may carry)
        "requests": [
            ("decision", "Hvilken brevmal vi bruker", ["Kan du avgjøre innen fredag?"]),
            ("priorities", "Prioritering av restansene", ["Hva kan vente?"]),
            ("learning", "Kurs i fagsystemet", ["Kan jeg ta kurset i januar?"]),
            ("expectations", "Forventninger til rapporten", ["Hva er godt nok her?"]),
        ],
        "feedback_to": ["Ola", "Kari", "Ingrid", "Per"],
        "feedback": ["Takk for tydelige tall", "Godt innspill i møtet", "Fin struktur i utkastet"],
        "answers": {
            # (answer, whether it tells of a good week: the rating follows it)
            "role": [
                ("Sakene mine bidrar direkte til kortere saksbehandlingstid.", True),
                ("Mye tid gikk til saker som kunne ventet.", False),
            ],
            "goals": [("Brevmalmålet går framover.", True), ("Ett mål mangler frist.", False)],
            "plan": [("Møtene spiste av fokustiden.", False), ("God uke, bufferen hjalp.", True)],
            "feedback": [
                ("Spurte Kari om forventningene.", True),
                ("Fikk ikke tatt opp rapporten med lederen.", False),
            ],
            "energy": [
                ("Fokusmorgener gir energi.", True),
                ("Lange møtedager tapper meg.", False),
            ],
        },
        "next": [
            "Beskytte torsdag formiddag.",
            "Be om avklaring på brevmalen.",
            "Legge inn buffer i planen.",
        ],
    },
    "en": {
        "role": "Senior adviser in case handling",
        "mission": "Fair and fast decisions for the public",
        "org_goals": ["Shorter case handling times", "Plain language in every decision"],
        "strengths": ["Structure", "Writing"],
        "values": ["Openness", "Equal treatment"],
        "drivers": ["Untangling knots", "Learning something new"],
        "joy": "When a difficult case is solved well",
        "mandate": [
            ("mine", "The order of my cases"),
            ("mine", "How I write drafts"),
            ("leader", "Who gets the large cases"),
            ("bounded", "The Public Administration Act and plain-language rules"),
            ("unclear", "Who approves new letter templates?"),
        ],
        "goals": [
            ("Shorter handling time in my cases", "median under 20 days"),
            ("New letter templates in plain language", "5 templates approved"),
            ("Learn the new case system", "can handle every case type"),
            ("Better handovers to colleagues", "routine written down"),
            ("Clear the backlog", "no cases over 60 days"),
            ("Plain-language course for the team", "2 courses held"),
        ],
        "titles": [
            "Budget draft",
            "Consultation response",
            "Decision in the appeal",
            "Rejection template",
            "Meeting with the experts",
            "Report to the management meeting",
            "Review the backlog",
            "Training in the case system",
            "Call the client about documents",
            "Write the routine",
            "Prepare the course",
            "Check a colleague's draft",
            "Quarterly statistics",
        ],
        "can_wait": ["Tidy the archive", "Read the new guideline", "Update the link list"],
        "focus": [
            "The budget",
            "The appeals",
            "The backlog",
            "The templates",
            "The quarterly report",
        ],
        "notes": [
            "Three meetings in a row",
            "Good flow in the draft",
            "Lots of e-mail",
            "Good talk with a client",
        ],
        "progress": ["First draft done", "Discussed with Kari", "Halfway", "Tried on two cases"],
        "requests": [
            ("decision", "Which letter template to use", ["Can you decide by Friday?"]),
            ("priorities", "Priorities in the backlog", ["What can wait?"]),
            ("learning", "Training in the case system", ["Can I take the course in January?"]),
            ("expectations", "Expectations for the report", ["What is good enough here?"]),
        ],
        "feedback_to": ["Ola", "Kari", "Ingrid", "Per"],
        "feedback": [
            "Thanks for the clear numbers",
            "Good input in the meeting",
            "Nice structure in the draft",
        ],
        "answers": {
            "role": [
                ("My cases feed straight into shorter handling times.", True),
                ("Much of my time went to cases that could have waited.", False),
            ],
            "goals": [("The template goal is moving.", True), ("One goal has no due date.", False)],
            "plan": [
                ("Meetings ate my focus time.", False),
                ("A good week; the buffer helped.", True),
            ],
            "feedback": [
                ("Asked Kari about expectations.", True),
                ("Did not get to raise the report with my leader.", False),
            ],
            "energy": [
                ("Focus mornings give me energy.", True),
                ("Long meeting days drain me.", False),
            ],
        },
        "next": [
            "Protect Thursday morning.",
            "Ask for a decision on the template.",
            "Plan a buffer.",
        ],
    },
}

TAG_EFFECT = {"meetings": -1.0, "focus": 0.9, "email": -0.3, "client": 0.3}
TAG_WORDS = {
    "nb": {"meetings": "møter", "focus": "fokus", "email": "epost", "client": "bruker"},
    "en": {"meetings": "meetings", "focus": "focus", "email": "email", "client": "client"},
}


def _stamp(day: date, hour: int = 9, minute: int = 0) -> str:
    return utc_stamp(datetime.combine(day, time(hour, minute)).astimezone())


def _holiday(week: IsoWeek) -> bool:
    return week.week in (28, 29, 30) or week.week >= 52


def build_demo_tables(years: int, seed: int, today: date, lang: str) -> dict[str, list[Row]]:
    rng = random.Random(f"{seed}:{today.isoformat()}:{years}:{lang}")
    c = CONTENT[lang if lang in CONTENT else "en"]
    tags = TAG_WORDS[lang if lang in TAG_WORDS else "en"]
    current = IsoWeek.of(today)
    first = IsoWeek.of(today - timedelta(days=round(365.25 * years)))
    start_day = first.monday()
    tables: dict[str, list[Row]] = {name: [] for name in e.data_tables()}
    tables["profile"].append(
        e.ProfileRow.row(
            id=1,
            role=c["role"],
            mission=c["mission"],
            joy=c["joy"],
            updated_at=_stamp(start_day),
        )
    )
    tables["org_goals"] = [
        e.OrgGoal.row(id=i, position=i, text=t) for i, t in enumerate(c["org_goals"], 1)
    ]
    for kind, key in (("strength", "strengths"), ("value", "values"), ("driver", "drivers")):
        tables["motivation"] += [
            e.MotivationItem.row(id=len(tables["motivation"]) + i, kind=kind, position=i, text=t)
            for i, t in enumerate(c[key], 1)
        ]
    tables["mandate"] = [
        e.MandateItem.row(id=i, kind=k, text=t, created_at=_stamp(start_day))
        for i, (k, t) in enumerate(c["mandate"], 1)
    ]
    tables["settings"] = [
        e.Setting.row(key="demo", value=json.dumps({"years": years, "seed": seed}))
    ]

    goals: list[Row] = []
    active: list[Row] = []
    ids = {"priority": 0, "log": 0, "note": 0, "request": 0, "feedback": 0}
    previous_unfinished: list[Row] = []
    week = first
    while week <= current:
        monday = week.monday()
        in_progress = week == current
        # goals: a new one each quarter while there is room; old ones finish or stall
        if (week.week % 13 == 1 or not goals) and len(active) < 4:
            title, measure = c["goals"][len(goals) % len(c["goals"])]
            goal = e.Goal.row(
                id=len(goals) + 1,
                title=title,
                measure=measure,
                due=(monday + timedelta(weeks=rng.randint(14, 30))).isoformat()
                if rng.random() > 0.25
                else None,
                org_goal=rng.choice(c["org_goals"]),
                status="active",
                created_at=_stamp(monday),
            )
            goals.append(goal)
            active.append(goal)
        for goal in list(active):
            age = (monday - date.fromisoformat(goal["created_at"][:10])).days // 7
            if age > 22 and rng.random() < 0.25 and not in_progress:
                goal["status"] = "done" if rng.random() < 0.8 else "dropped"
                goal["closed_at"] = _stamp(monday + timedelta(days=4), 15)
                active.remove(goal)
            elif not _holiday(week) and rng.random() < (0.15 if goal["id"] == 1 else 0.4):
                ids["note"] += 1
                day = monday + timedelta(days=rng.randint(0, 4))
                if day <= today:
                    tables["goal_progress"].append(
                        e.ProgressNote.row(
                            id=ids["note"],
                            goal_id=goal["id"],
                            note=rng.choice(c["progress"]),
                            at=_stamp(day, 15),
                            local_date=day.isoformat(),
                        )
                    )
        if _holiday(week):
            previous_unfinished = []
            week = week.shift(1)
            continue
        # the week's plan
        name = str(week)
        tables["weeks"].append(
            e.WeekRow.row(
                week=name,
                focus=rng.choice(c["focus"]),
                buffer_pct=rng.choice([None, 10, 15, 20, 20, 25, 30]),
                created_at=_stamp(monday, 8, 30),
                updated_at=_stamp(monday, 8, 30),
            )
        )
        tables["can_wait"].append(
            e.CanWait.row(
                id=len(tables["can_wait"]) + 1,
                week=name,
                position=1,
                title=rng.choice(c["can_wait"]),
            )
        )
        plan: list[Row] = []
        for old in previous_unfinished:
            if rng.random() < 0.6:
                old["status"] = "carried"
                plan.append(
                    {
                        "title": old["title"],
                        "carried_from": old["id"],
                        "goal_id": old["goal_id"],
                        "value": old["value"],
                        "energy": old["energy"],
                    }
                )
            elif rng.random() < 0.5:
                old["status"] = "dropped"
                old["drop_reason"] = None
        titles = rng.sample(c["titles"], k=rng.randint(3, 5))
        for title in titles:
            if len(plan) >= 5 or any(p["title"] == title for p in plan):
                continue
            plan.append(
                {
                    "title": title,
                    "carried_from": None,
                    "goal_id": rng.choice(active)["id"] if active and rng.random() < 0.7 else None,
                    "value": rng.choice(["high", "high", "medium", "medium", "low"]),
                    "energy": rng.choice(["gives", "neutral", "drains", None]),
                }
            )
        unfinished = []
        for rank, p in enumerate(plan, 1):
            ids["priority"] += 1
            chance = {"high": 0.78, "medium": 0.7, "low": 0.62}.get(str(p["value"]), 0.7)
            done = rng.random() < (0.3 if in_progress else chance)
            when = None
            if rng.random() < 0.4:
                day_name = ("mon", "tue", "wed", "thu", "fri")[rng.randint(0, 4)]
                hour = rng.choice([8, 9, 10, 13, 14])
                when = f"{day_name} {hour:02d}:00-{hour + 2:02d}:00"
            row = e.Priority.row(
                id=ids["priority"],
                week=name,
                rank=rank,
                title=p["title"],
                status="done" if done else "planned",
                goal_id=p["goal_id"],
                value=p["value"],
                energy=p["energy"],
                estimate_minutes=rng.choice([None, 30, 60, 90, 120, 240]),
                when=when,
                carried_from=p["carried_from"],
                created_at=_stamp(monday, 8, 30),
                done_at=_stamp(monday + timedelta(days=rng.randint(0, 4)), 14) if done else None,
            )
            tables["priorities"].append(row)
            if not done:
                unfinished.append(row)
        previous_unfinished = unfinished
        # energy: most workdays, one to three logs
        for day_index in range(5):
            day = monday + timedelta(days=day_index)
            if day >= today or rng.random() > 0.85:
                continue  # nothing logged later than yesterday: the same day gives the same file
            for hour in sorted(rng.sample([9, 10, 11, 13, 14, 15, 16], k=rng.randint(1, 3))):
                moment = datetime.combine(day, time(hour, rng.choice([0, 15, 30, 45]))).astimezone()
                chosen = [
                    k
                    for k, p in (
                        ("meetings", 0.4),
                        ("focus", 0.35),
                        ("email", 0.2),
                        ("client", 0.15),
                    )
                    if rng.random() < p
                ]
                level = 3.4 + sum(TAG_EFFECT[k] for k in chosen) + rng.gauss(0, 0.6)
                level -= 0.8 if day_index == 4 else 0.0  # the Friday dip the coach can find
                level -= 0.3 if day_index == 0 and hour < 12 else 0.0
                ids["log"] += 1
                note = rng.choice(c["notes"]) if rng.random() < 0.2 else None
                tables["energy_logs"].append(
                    e.EnergyLog.row(
                        **energy_row(ids["log"], moment, max(1, min(5, round(level))), note)
                    )
                )
                tables["energy_tags"] += [
                    e.EnergyTag.row(log_id=ids["log"], tag=tags[k]) for k in chosen
                ]
        # requests to the leader, and feedback given
        if rng.random() < 0.35:
            ids["request"] += 1
            made = monday + timedelta(days=rng.randint(0, 4))
            age = (today - made).days
            status = "open"
            answered_at = closed_at = note = None
            if age > 10 or rng.random() < 0.5:
                roll = rng.random()
                status = "answered" if roll < 0.85 else "closed"
                answered = made + timedelta(days=rng.randint(1, 9))
                if answered <= today:
                    if status == "answered":
                        answered_at, note = _stamp(answered, 13), rng.choice(c["progress"])
                    else:
                        closed_at = _stamp(answered, 13)
                else:
                    status = "open"
            need, topic, questions = rng.choice(c["requests"])
            tables["leader_requests"].append(
                e.LeaderRequest.row(
                    id=ids["request"],
                    need=need,
                    topic=topic,
                    questions=json.dumps(
                        rng.sample(questions, k=rng.randint(0, len(questions))),
                        ensure_ascii=False,
                    ),
                    week=name,
                    status=status,
                    created_at=_stamp(made, 10),
                    answered_at=answered_at,
                    closed_at=closed_at,
                    note=note,
                )
            )
        if rng.random() < 0.5:
            ids["feedback"] += 1
            given = monday + timedelta(days=rng.randint(0, 4))
            if given <= today:
                tables["feedback_given"].append(
                    e.FeedbackGiven.row(
                        id=ids["feedback"],
                        to_name=rng.choice(c["feedback_to"]),
                        text=rng.choice(c["feedback"]),
                        at=_stamp(given, 15),
                        local_date=given.isoformat(),
                        week=name,
                    )
                )
        # the reflection (most past weeks)
        if not in_progress and rng.random() < 0.75:
            friday = monday + timedelta(days=4)
            pulse = {k: max(1, min(5, round(rng.gauss(3.6, 0.8)))) for k in PULSE_KEYS}
            tables["reflections"].append(
                e.ReflectionRow.row(
                    week=name,
                    next_week=rng.choice(c["next"]),
                    **pulse,
                    created_at=_stamp(friday, 14),
                    updated_at=_stamp(friday, 14),
                )
            )
            for tip in TIP_KEYS:
                if rng.random() < 0.7:
                    answer, good = rng.choice(c["answers"][tip])
                    tables["reflection_answers"].append(
                        e.ReflectionAnswer.row(
                            week=name,
                            tip=tip,
                            answer=answer,
                            rating=rng.randint(4, 5) if good else rng.randint(2, 3),
                        )
                    )
        week = week.shift(1)
    tables["goals"] = goals
    for i, kind in enumerate(("plan-week", "energy", "reflect"), 1):
        tables["nudges"].append(
            e.Nudge.row(
                id=i,
                kind=kind,
                created_at=_stamp(today - timedelta(days=7 * i), 8, 30),
                seen_at=_stamp(today - timedelta(days=7 * i), 9),
            )
        )
    return tables
