"""Role, mission, organisation goals, motivation profile and the handlingsrom map."""

from __future__ import annotations

from selvleder.domain.dates import utc_stamp
from selvleder.domain.models import MANDATE_KINDS
from selvleder.domain.text import MAX_NOTE, check_id, optional_text, require_text
from selvleder.errors import BadInput

TYPE_CHECKING = False
if TYPE_CHECKING:
    from selvleder.storage.journal import Journal


class ProfileUpdate:
    """What init was given; None means 'leave as it is'."""

    def __init__(
        self,
        role: str | None = None,
        mission: str | None = None,
        org_goals: list[str] | None = None,
        strengths: list[str] | None = None,
        values: list[str] | None = None,
        drivers: list[str] | None = None,
        joy: str | None = None,
    ) -> None:
        self.role = None if role is None else optional_text(role, "role", MAX_NOTE)
        self.mission = None if mission is None else optional_text(mission, "mission", MAX_NOTE)
        self.org_goals = _texts(org_goals, "org-goal")
        self.strengths = _texts(strengths, "strength")
        self.values = _texts(values, "value")
        self.drivers = _texts(drivers, "driver")
        self.joy = None if joy is None else optional_text(joy, "joy", MAX_NOTE)
        self._given = {
            "role": role is not None,
            "mission": mission is not None,
            "joy": joy is not None,
        }

    def is_empty(self) -> bool:
        lists = (self.org_goals, self.strengths, self.values, self.drivers)
        return not any(self._given.values()) and all(x is None for x in lists)

    def apply(self, journal: Journal) -> None:
        fields = {k: getattr(self, k) for k, given in self._given.items() if given}
        if fields:
            journal.update_profile(utc_stamp(), **fields)
        if self.org_goals is not None:
            journal.replace_org_goals(self.org_goals)
        for kind, texts in (
            ("strength", self.strengths),
            ("value", self.values),
            ("driver", self.drivers),
        ):
            if texts is not None:
                journal.replace_motivation(kind, texts)


def _texts(values: list[str] | None, field: str) -> list[str] | None:
    if values is None:
        return None
    return [require_text(v, field) for v in values if v.strip()]


def add_mandate_item(journal: Journal, kind: str, text: str) -> int:
    if kind not in MANDATE_KINDS:
        raise BadInput("error.mandate_kind", value=kind)
    clean = require_text(text, kind)
    with journal.write():
        return journal.add_mandate(kind, clean, utc_stamp())


def remove_mandate_item(journal: Journal, item_id: int) -> None:
    check_id(item_id, "mandate")
    with journal.write():
        if not journal.remove_mandate(item_id):
            raise BadInput("error.mandate_unknown", id=item_id)
