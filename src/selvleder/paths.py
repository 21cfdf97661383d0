"""Where selvleder keeps its files, and the environment variables it reads.

On Linux the folders follow the XDG base directory spec exactly as
platformdirs does (a test holds the two together); importing platformdirs
costs about twice a bare interpreter, which the quick ``energy log`` cannot
afford, so it is imported only on other systems.
"""

from __future__ import annotations

import os
import sys

APP = "selvleder"

ENV_DB = "SELVLEDER_DB"
ENV_LANG = "SELVLEDER_LANG"
ENV_DEBUG = "SELVLEDER_DEBUG"
ENV_STRICT_KEYS = "SELVLEDER_STRICT_KEYS"  # an unknown message key raises (tests set it)

JOURNAL_NAME = "journal.db"
DEMO_NAME = "demo.db"
CONFIG_NAME = "config.toml"
BACKUP_DIR = "backups"
REMIND_LOG = "remind.log"

# Computed once; a plain name (not sys.platform itself) so type checkers on
# Linux do not flag the other systems' branches as unreachable.
ON_LINUX = sys.platform.startswith("linux")


def _xdg(var: str, fallback: str) -> str:
    value = os.environ.get(var, "").strip()
    if not value:
        value = os.path.expanduser(fallback)
    return os.path.join(value, APP)


def user_data_dir() -> str:
    if ON_LINUX:
        return _xdg("XDG_DATA_HOME", "~/.local/share")
    import platformdirs

    return platformdirs.user_data_dir(APP, appauthor=False)


def user_config_dir() -> str:
    if ON_LINUX:
        return _xdg("XDG_CONFIG_HOME", "~/.config")
    import platformdirs

    return platformdirs.user_config_dir(APP, appauthor=False)


def user_state_dir() -> str:
    if ON_LINUX:
        return _xdg("XDG_STATE_HOME", "~/.local/state")
    import platformdirs

    return platformdirs.user_state_dir(APP, appauthor=False)


def default_journal_path() -> str:
    return os.path.join(user_data_dir(), JOURNAL_NAME)


def demo_journal_path() -> str:
    return os.path.join(user_data_dir(), DEMO_NAME)


def config_path() -> str:
    return os.path.join(user_config_dir(), CONFIG_NAME)


def remind_log_path() -> str:
    return os.path.join(user_state_dir(), REMIND_LOG)


def resolve_journal_path(option: str | None) -> tuple[str, bool]:
    """The journal's absolute path and whether the user chose it (--db or env)."""
    chosen = option or os.environ.get(ENV_DB) or None
    if chosen:
        return os.path.abspath(os.path.expanduser(chosen)), True
    return default_journal_path(), False


def ensure_private_dir(path: str) -> list[str]:
    """Create a folder the product owns with mode 0700; return the folders made.

    Missing parents are made too (with the process umask) and listed, so a
    refused command can remove exactly what it created.
    """
    made: list[str] = []
    missing = []
    current = os.path.abspath(path)
    while current and not os.path.isdir(current):
        missing.append(current)
        parent = os.path.dirname(current)
        if parent == current:
            break
        current = parent
    for folder in reversed(missing):
        try:
            os.mkdir(folder, 0o700 if folder == missing[0] else 0o777)
        except FileExistsError:
            continue
        made.append(folder)
    if made and made[-1] == os.path.abspath(path):
        os.chmod(path, 0o700)
    return made
