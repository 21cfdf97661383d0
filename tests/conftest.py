"""Every test runs in its own home (HOME, XDG folders, language, clock and width) with a fake
``crontab`` and ``notify-send`` first on PATH, so no test reaches the real user's crontab or
desktop (PRODUCT.md, "Quality bars")."""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from helpers import FakeTools, make_fake_tools

# Examples run whole CLI commands: no per-example deadline, and the autouse
# home fixture is shared on purpose (each test makes its own fresh journals).
settings.register_profile(
    "selvleder", deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
settings.load_profile("selvleder")

# A run started in the background by a shell without job control ignores SIGINT, and every
# program it starts inherits that: the tests that press Ctrl-C in a terminal would hang.
if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
    signal.signal(signal.SIGINT, signal.default_int_handler)

ENV_KEYS = (
    "SELVLEDER_DB",
    "SELVLEDER_LANG",
    "SELVLEDER_DEBUG",
    "SELVLEDER_NOW",
    "SELVLEDER_BUSY_TIMEOUT_MS",
    "XDG_DATA_HOME",
    "XDG_CONFIG_HOME",
    "XDG_STATE_HOME",
    "LC_ALL",
    "LC_MESSAGES",
    "LANG",
    "TYPER_USE_RICH",
    "SELVLEDER_NOTIFY",
    # without a session bus nothing is sent to a desktop, even by a program that
    # finds the real notify-send (cron's PATH); tests that want one set a fake bus
    "DBUS_SESSION_BUS_ADDRESS",
)


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    for key in ENV_KEYS:
        monkeypatch.delenv(key, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.setenv("TZ", "Europe/Oslo")
    monkeypatch.setenv("NO_COLOR", "1")
    # A message key no catalogue has raises instead of showing the key (i18n._unknown).
    monkeypatch.setenv("SELVLEDER_STRICT_KEYS", "1")
    import time

    time.tzset()
    yield home
    time.tzset()


@pytest.fixture(autouse=True)
def no_unknown_message_key() -> Iterator[None]:
    """A test fails when the code met a key no catalogue has, even where the error the strict
    mode raises was caught (an error's own message, a guarded inbox line)."""
    from selvleder.i18n import MISSED

    MISSED.clear()
    yield
    missed, MISSED[:] = list(MISSED), []
    assert not missed, f"message keys no catalogue has: {missed}"


@pytest.fixture(autouse=True)
def fakes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> FakeTools:
    """A fake crontab and notify-send, first on PATH here and in every subprocess."""
    tools = make_fake_tools(tmp_path / "fakes")
    monkeypatch.setenv("PATH", f"{tools.bin}{os.pathsep}{os.environ.get('PATH', os.defpath)}")
    return tools


@pytest.fixture
def data_dir(home: Path) -> Path:
    return home / ".local" / "share" / "selvleder"


@pytest.fixture
def journal_path(data_dir: Path) -> Path:
    return data_dir / "journal.db"
