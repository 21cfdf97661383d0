"""``plan-week --from FILE.toml``: the plan file, validated with pydantic.

Unknown keys, wrong types and bad values are refused naming the key, before
anything is written.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from selvleder.domain.planning import PlanInput, PriorityFields
from selvleder.domain.text import error_location
from selvleder.errors import BadInput, SelvlederError


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)


class PriorityEntry(_Strict):
    title: str
    goal: Annotated[int, Field(ge=1)] | None = None
    value: str | None = None
    energy: str | None = None
    estimate: str | None = None
    when: str | None = None


class PlanFile(_Strict):
    week: str | None = None
    focus: str | None = None
    buffer: Annotated[int, Field(ge=0, le=90)] | None = None
    can_wait: list[str] = []
    priority: list[PriorityEntry] = []


def plan_from(data: dict[str, Any], path: str) -> PlanInput:
    """The plan in a parsed plan file (path names the file in error messages)."""
    try:
        doc = PlanFile.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        raise BadInput(
            "error.plan_file_key",
            path=path,
            key=error_location(tuple(first["loc"])),
            detail=first["msg"],
        ) from None
    priorities = []
    for i, entry in enumerate(doc.priority):
        try:
            priorities.append(
                PriorityFields(
                    title=entry.title,
                    goal=entry.goal,
                    value=entry.value,
                    energy=entry.energy,
                    estimate=entry.estimate,
                    when=entry.when,
                )
            )
        except SelvlederError as exc:
            raise exc.within(path, f"priority[{i}]") from None
    try:
        return PlanInput(priorities, doc.can_wait, doc.focus, doc.buffer, doc.week)
    except SelvlederError as exc:
        raise exc.within(path, "(file)") from None
