"""The handlingsrom map in the journal: add and remove items."""

from __future__ import annotations

from selvleder.domain.dates import utc_stamp
from selvleder.domain.models import MANDATE_KINDS
from selvleder.domain.text import check_id, require_text
from selvleder.errors import BadInput

TYPE_CHECKING = False
if TYPE_CHECKING:
    from selvleder.domain.models import MandateItem, Profile
    from selvleder.storage.journal import Journal


def read_profile(journal: Journal) -> Profile:
    with journal.read():
        return journal.profile()


def read_mandate(journal: Journal) -> list[MandateItem]:
    with journal.read():
        return journal.mandate()


def read_role(journal: Journal) -> tuple[Profile, list[MandateItem]]:
    """``role``: the profile and the handlingsrom map, in one read."""
    with journal.read():
        return journal.profile(), journal.mandate()


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
