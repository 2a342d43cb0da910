"""User-facing messages: Russian is the source language, other languages come from catalogs.

Every string a user reads in the CLI and in reports goes through `_()` (or `ngettext()`),
with the Russian text as the message id, so a missing translation still reads correctly.
`set_language("en")` switches to the English catalog in `locale/en/LC_MESSAGES/`.
"""

from __future__ import annotations

import gettext
from importlib.resources import as_file, files

DOMAIN = "accountpath"
LANGUAGES = ("ru", "en")
DEFAULT_LANGUAGE = "ru"


class _Catalog:
    """The active translations; one per process, switched by the CLI's --lang."""

    translations: gettext.NullTranslations = gettext.NullTranslations()
    language: str = DEFAULT_LANGUAGE


def set_language(lang: str | None) -> str:
    """Activate `lang` ("ru" or "en"; None or unknown means Russian) and return the language in force."""
    lang = lang if lang in LANGUAGES else DEFAULT_LANGUAGE
    translations: gettext.NullTranslations = gettext.NullTranslations()
    if lang != DEFAULT_LANGUAGE:
        with as_file(files(__package__) / "locale") as localedir:
            translations = gettext.translation(DOMAIN, localedir=str(localedir), languages=[lang], fallback=True)
    _Catalog.translations = translations
    _Catalog.language = lang
    return lang


def language() -> str:
    """The language in force ("ru" or "en")."""
    return _Catalog.language


def _(message: str) -> str:
    """Translate a Russian message id into the language in force."""
    return _Catalog.translations.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """Plural-aware translation (Russian ids; the catalog carries the other language's forms)."""
    return _Catalog.translations.ngettext(singular, plural, n)
