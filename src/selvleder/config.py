"""``config.toml``: language, people, caps and reminder times.

Validated by hand rather than with pydantic: every command reads this file,
and a pydantic model costs more than the quick ``energy log`` may spend
(PRODUCT.md, Speed). A missing file means defaults; an invalid one is a
``BadInput`` naming the key.
"""

from __future__ import annotations

import os
import re

from selvleder.errors import BadInput, SelvlederError
from selvleder.paths import config_path

DEFAULT_MAX_PRIORITIES = 5
DEFAULT_MAX_GOALS = 5
REMINDER_KINDS = ("plan_week", "energy", "reflect", "follow_up")
DEFAULT_WORKDAY = "08:00-16:00"
# "08:00-16:00", and as Norwegians write times (Språkrådet): "8.00–16.00"
_WORKDAY = re.compile(r"([01]?\d|2[0-3])[:.]([0-5]\d)\s*[-–]\s*([01]?\d|2[0-4])[:.]([0-5]\d)")
_EMAIL = re.compile(r"[^@\s<>\"',;]+@[^@\s<>\"',;]+\.[^@\s<>\"',;]+")


def workday_minutes(spec: str) -> tuple[int, int] | None:
    """ "08:00-16:00" as minutes after midnight (480, 960); None if it is not one."""
    match = _WORKDAY.fullmatch(spec.strip())
    if not match:
        return None
    h1, m1, h2, m2 = (int(g) for g in match.groups())
    start, end = h1 * 60 + m1, h2 * 60 + m2
    return (start, end) if start < end <= 24 * 60 else None


def valid_email(value: str) -> bool:
    return bool(_EMAIL.fullmatch(value)) and len(value) <= 254


class Config:
    __slots__ = (
        "calendar",
        "lang",
        "leader_email",
        "leader_name",
        "max_goals",
        "max_priorities",
        "me_email",
        "me_name",
        "path",
        "reminders",
        "workday",
    )

    def __init__(self, path: str | None = None) -> None:
        self.path = path
        self.lang: str | None = None
        self.leader_name: str | None = None
        self.leader_email: str | None = None
        self.me_name: str | None = None
        self.me_email: str | None = None
        self.max_priorities = DEFAULT_MAX_PRIORITIES
        self.max_goals = DEFAULT_MAX_GOALS
        self.reminders: dict[str, str] = {}
        self.calendar: str | None = None  # a .ics file or a folder of them
        self.workday = DEFAULT_WORKDAY

    def to_toml_dict(self) -> dict[str, object]:
        data: dict[str, object] = {}
        if self.lang:
            data["lang"] = self.lang
        if self.max_priorities != DEFAULT_MAX_PRIORITIES:
            data["max_priorities"] = self.max_priorities
        if self.max_goals != DEFAULT_MAX_GOALS:
            data["max_goals"] = self.max_goals
        for table, name, email in (
            ("me", self.me_name, self.me_email),
            ("leader", self.leader_name, self.leader_email),
        ):
            person = {k: v for k, v in (("name", name), ("email", email)) if v}
            if person:
                data[table] = person
        if self.reminders:
            data["reminders"] = dict(self.reminders)
        if self.calendar:
            data["calendar"] = self.calendar
        if self.workday != DEFAULT_WORKDAY:
            data["workday"] = self.workday
        return data


CACHE_NAME = ".config-cache"


def load_config(path: str | None = None) -> Config:
    """The validated config. A parsed copy is cached beside the journal, keyed by the
    file's path, mtime, size and inode, so most runs skip tomllib (about 1.5x a bare
    interpreter, a third of the quick energy log's budget); any change re-parses."""
    path = path or config_path()
    config = Config(path)
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return config
    except OSError as exc:
        raise BadInput("error.config_unreadable", path=path, detail=exc.strerror or "") from exc
    stamp = f"{path}\0{st.st_mtime_ns}\0{st.st_size}\0{st.st_ino}"
    cached = _read_cache(stamp)
    if cached is not None:
        _apply(config, cached)
        return config
    from selvleder.files import parse_bounded, read_bounded

    try:
        raw = read_bounded(path)  # at most 10 MB, nesting bounded: read by every command
    except OSError as exc:
        raise BadInput("error.config_unreadable", path=path, detail=exc.strerror or "") from exc
    if not raw.strip():
        return config
    import tomllib

    try:
        parsed = parse_bounded(raw.decode("utf-8"), path, toml=True)
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        from selvleder.files import syntax_position

        line, column = syntax_position(exc, raw)
        raise BadInput("error.config_syntax", path=path, line=line, column=column) from exc
    assert isinstance(parsed, dict)
    data: dict[str, object] = parsed
    _apply(config, data)
    _write_cache(stamp, data)
    return config


def _cache_path() -> str:
    from selvleder.paths import user_data_dir

    return os.path.join(user_data_dir(), CACHE_NAME)


def _read_cache(stamp: str) -> dict[str, object] | None:
    try:
        with open(_cache_path(), encoding="utf-8") as handle:
            head, _, body = handle.read().partition("\n")
        if head != stamp.replace("\0", "\t"):
            return None
        import json

        data = json.loads(body)
        return data if isinstance(data, dict) else None
    except (OSError, ValueError):
        return None


def _write_cache(stamp: str, data: dict[str, object]) -> None:
    """Only where the data folder already exists: reading config never creates folders."""
    target = _cache_path()
    if not os.path.isdir(os.path.dirname(target)):
        return
    import json

    try:
        text = stamp.replace("\0", "\t") + "\n" + json.dumps(data, ensure_ascii=False)
    except (TypeError, ValueError):
        return
    from selvleder.files import write_private_file

    try:
        write_private_file(target, text.encode("utf-8"), force=True)
    except SelvlederError:
        pass


def _apply(config: Config, data: dict[str, object]) -> None:
    for key, value in data.items():
        if key == "lang":
            from selvleder.i18n import normalize_lang

            lang = normalize_lang(value) if isinstance(value, str) else None
            if lang is None:
                raise BadInput("error.config_key", key="lang", value=_show(value))
            config.lang = lang
        elif key in ("max_priorities", "max_goals"):
            if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= 20:
                raise BadInput("error.config_key", key=key, value=_show(value))
            setattr(config, key, value)
        elif key == "calendar":
            if not isinstance(value, str) or not value.strip() or "\0" in value:
                raise BadInput("error.config_key", key=key, value=_show(value))
            # ~ is the home folder; a relative path is relative to config.toml's folder
            found = os.path.expanduser(value.strip())
            if not os.path.isabs(found) and config.path:
                found = os.path.join(os.path.dirname(config.path), found)
            config.calendar = found
        elif key == "workday":
            if not isinstance(value, str) or workday_minutes(value) is None:
                raise BadInput("error.config_key", key=key, value=_show(value))
            config.workday = value.strip()
        elif key in ("leader", "me"):
            _apply_person(config, key, value)
        elif key == "reminders":
            if not isinstance(value, dict):
                raise BadInput("error.config_key", key=key, value=_show(value))
            for kind, spec in value.items():
                if kind not in REMINDER_KINDS or not isinstance(spec, str) or not spec.strip():
                    raise BadInput("error.config_key", key=f"reminders.{kind}", value=_show(spec))
                config.reminders[kind] = spec
        else:
            raise BadInput("error.config_unknown", key=key)


def _apply_person(config: Config, table: str, value: object) -> None:
    if not isinstance(value, dict):
        raise BadInput("error.config_key", key=table, value=_show(value))
    for field, item in value.items():
        key = f"{table}.{field}"
        if field not in ("name", "email"):
            raise BadInput("error.config_unknown", key=key)
        if not isinstance(item, str) or not item.strip() or any(c in item for c in "\r\n\0"):
            raise BadInput("error.config_key", key=key, value=_show(item))
        if field == "email" and not valid_email(item.strip()):
            raise BadInput("error.config_key", key=key, value=_show(item))
        setattr(config, f"{table}_{field}", item.strip())


def _show(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def save_config(config: Config) -> str:
    """Write config.toml atomically (0600 in a 0700 folder). Comments are not kept."""
    import tomli_w

    from selvleder.files import write_private_file
    from selvleder.paths import ensure_private_dir

    path = config.path or config_path()
    ensure_private_dir(os.path.dirname(path))
    write_private_file(path, tomli_w.dumps(config.to_toml_dict()).encode("utf-8"), force=True)
    return path


def forget_cache() -> None:
    """forget: the cached copy of config.toml goes too (config.toml itself stays)."""
    try:
        os.unlink(_cache_path())
    except OSError:
        pass
