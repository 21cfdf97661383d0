"""``init``: the setup applied to the journal and to config.toml."""

from __future__ import annotations

from selvleder.config import Config, save_config
from selvleder.domain.dates import utc_stamp
from selvleder.domain.setup import Setup

TYPE_CHECKING = False
if TYPE_CHECKING:
    from selvleder.storage.journal import Journal


def apply_setup(journal: Journal, config: Config, setup: Setup) -> None:
    with journal.write():
        stamp = utc_stamp()
        fields = setup.profile.profile_fields()
        if fields:
            journal.update_profile(stamp, **fields)
        if setup.profile.org_goals is not None:
            journal.replace_org_goals(setup.profile.org_goals)
        for kind, texts in setup.profile.motivation():
            journal.replace_motivation(kind, texts)
        for kind, text in setup.mandate:
            journal.add_mandate(kind, text, stamp)
    if setup.changes_config():
        for key, value in setup.people.items():
            if value is not None:
                setattr(config, key, value)
        if setup.lang is not None:
            config.lang = setup.lang
        save_config(config)
