"""Which language a run speaks: --lang, SELVLEDER_LANG, config.toml, the locale."""

from __future__ import annotations

import os

from selvleder.config import Config, load_config
from selvleder.errors import BadInput
from selvleder.i18n import locale_lang, normalize_lang
from selvleder.paths import ENV_LANG


def resolve_lang(option: str | None, config: Config | None) -> str:
    """--lang, else SELVLEDER_LANG, else config.toml's lang, else the locale."""
    if option:
        lang = normalize_lang(option)
        if lang is None:
            raise BadInput("error.lang", value=option)
        return lang
    env = os.environ.get(ENV_LANG)
    if env:
        lang = normalize_lang(env)
        if lang is None:
            raise BadInput("error.lang_env", value=env)
        return lang
    if config is not None and config.lang:
        return config.lang
    return locale_lang()


def lazy_lang(option: str | None) -> str:
    """resolve_lang, reading config.toml only when neither --lang nor SELVLEDER_LANG decide."""
    if option or os.environ.get(ENV_LANG):
        return resolve_lang(option, None)
    return resolve_lang(None, load_config())


def fallback_lang(option: str | None) -> str:
    """A language for error messages when the normal resolution itself failed."""
    for candidate in (option, os.environ.get(ENV_LANG)):
        if candidate and normalize_lang(candidate):
            return normalize_lang(candidate) or "en"
    return locale_lang()
