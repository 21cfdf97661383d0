"""Role, mission, organisation goals, motivation profile and the handlingsrom map."""

from __future__ import annotations

from selvleder.domain.text import MAX_NOTE, optional_text, require_text


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

    def profile_fields(self) -> dict[str, str | None]:
        """The single-text fields that were given (None clears a field)."""
        return {k: getattr(self, k) for k, given in self._given.items() if given}

    def motivation(self) -> list[tuple[str, list[str]]]:
        """The motivation lists that were given, by kind."""
        lists = (("strength", self.strengths), ("value", self.values), ("driver", self.drivers))
        return [(kind, texts) for kind, texts in lists if texts is not None]


def _texts(values: list[str] | None, field: str) -> list[str] | None:
    if values is None:
        return None
    return [require_text(v, field) for v in values if v.strip()]
