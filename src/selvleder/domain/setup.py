"""``init``: what a person sets up once and edits now and then.

Role, mission, organisation goals, motivation and handlingsrom go to the
journal; names, e-mail addresses and language go to config.toml.
"""

from __future__ import annotations

from selvleder.config import valid_email
from selvleder.domain.models import MANDATE_KINDS, MandateItem, Profile
from selvleder.domain.profile import ProfileUpdate
from selvleder.domain.text import require_text
from selvleder.errors import BadInput
from selvleder.i18n import normalize_lang


def _name(value: str | None, field: str) -> str | None:
    if value is None:
        return None
    text = require_text(value, field, 120)
    if any(c in text for c in "\r\n\0"):
        raise BadInput("error.bad_name", field=field)
    return text


def _email(value: str | None, field: str) -> str | None:
    if value is None:
        return None
    text = value.strip()
    if not valid_email(text):
        raise BadInput("error.email", field=field, value=value)
    return text


class Setup:
    """Everything init may set, validated at construction (before the journal opens)."""

    def __init__(
        self,
        role: str | None = None,
        mission: str | None = None,
        org_goals: list[str] | None = None,
        strengths: list[str] | None = None,
        values: list[str] | None = None,
        drivers: list[str] | None = None,
        joy: str | None = None,
        leader_name: str | None = None,
        leader_email: str | None = None,
        me_name: str | None = None,
        me_email: str | None = None,
        lang: str | None = None,
        mandate: list[tuple[str, str]] | None = None,
    ) -> None:
        self.profile = ProfileUpdate(role, mission, org_goals, strengths, values, drivers, joy)
        self.people = {
            "leader_name": _name(leader_name, "leader-name"),
            "leader_email": _email(leader_email, "leader-email"),
            "me_name": _name(me_name, "me-name"),
            "me_email": _email(me_email, "me-email"),
        }
        self.lang = None
        if lang is not None:
            self.lang = normalize_lang(lang)
            if self.lang is None:
                raise BadInput("error.lang", value=lang)
        self.mandate: list[tuple[str, str]] = []
        for kind, text in mandate or []:
            if kind not in MANDATE_KINDS:
                raise BadInput("error.mandate_kind", value=kind)
            self.mandate.append((kind, require_text(text, kind)))

    def is_empty(self) -> bool:
        return (
            self.profile.is_empty()
            and all(v is None for v in self.people.values())
            and self.lang is None
            and not self.mandate
        )

    def changes_config(self) -> bool:
        return self.lang is not None or any(v is not None for v in self.people.values())


def role_json(profile: Profile, mandate: list[MandateItem]) -> dict[str, object]:
    m = profile.motivation
    return {
        "role": profile.role,
        "mission": profile.mission,
        "org_goals": list(profile.org_goals),
        "motivation": {
            "strengths": list(m.strengths),
            "values": list(m.values),
            "drivers": list(m.drivers),
            "joy": m.joy,
        },
        "mandate": mandate_json(mandate),
    }


def mandate_json(mandate: list[MandateItem]) -> list[dict[str, object]]:
    return [{"id": item.id, "kind": item.kind, "text": item.text} for item in mandate]
