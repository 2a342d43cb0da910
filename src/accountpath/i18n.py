"""User-facing messages: Russian is the source language, other languages come from catalogs.

Every string a user reads in the CLI and in reports goes through `_()` (or `ngettext()`),
with the Russian text as the message id, so a missing translation still reads correctly.
`set_language("en")` switches to the English catalog in `locale/en/LC_MESSAGES/`.
"""

from __future__ import annotations

import contextlib
import functools
import gettext
import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from importlib.resources import as_file, files
from typing import Any, ParamSpec, TypeVar

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
    _Catalog.translations = _catalog(lang)
    _Catalog.language = lang
    return lang


def language_from_env(environ: Mapping[str, str] | None = None) -> str:
    """ "en" when LC_ALL, LC_MESSAGES or LANG (the first one set) starts with "en", else "ru"."""
    env = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name)
        if value:
            return "en" if value.lower().startswith("en") else DEFAULT_LANGUAGE
    return DEFAULT_LANGUAGE


def language() -> str:
    """The language in force ("ru" or "en")."""
    return _Catalog.language


def _(message: str) -> str:
    """Translate a Russian message id into the language in force."""
    return _Catalog.translations.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """Plural-aware translation (Russian ids; the catalog carries the other language's forms)."""
    return _Catalog.translations.ngettext(singular, plural, n)


def nplural(n: float, one: str, few: str, many: str) -> str:
    """The form of a Russian phrase for the number n: «1 балл», «2 балла», «5 баллов», «0,75 балла»
    (Babel's CLDR category, `plural_form`; a fraction is «other», which takes the «few» form). In
    another language the catalog's ngettext(one, many, n) (extracted by `make catalogs` with the
    keyword nplural:2,4)."""
    whole = float(n).is_integer()
    if _Catalog.language != DEFAULT_LANGUAGE:
        return _Catalog.translations.ngettext(one, many, 1 if whole and abs(n) == 1 else 2)
    return {"one": one, "many": many}.get(plural_form(abs(n) if not whole else abs(int(n))), few)


@functools.cache
def _catalog(lang: str) -> gettext.NullTranslations:
    if lang == DEFAULT_LANGUAGE:
        return gettext.NullTranslations()
    with as_file(files(__package__) / "locale") as localedir:
        return gettext.translation(DOMAIN, localedir=str(localedir), languages=[lang], fallback=True)


def in_every_language(message: str) -> tuple[str, ...]:
    """A message id and its translation in every language, for readers that accept a label in any
    language (a card written from an English model says «Candidate» where a Russian one says «Кандидат»)."""
    return tuple(dict.fromkeys(_catalog(lang).gettext(message) for lang in LANGUAGES))


def N_(message: str) -> str:
    """Mark a message id for extraction without translating it now (translate at use with `_()`)."""
    return message


# ---------------------------------------------------------------- numbers, percents, plurals (Babel)
# One locale layer: Babel's CLDR data writes numbers for the language in force (3,67 and «80 %» with a
# no-break space in Russian, 3.67 and 80% in English), as Intl.NumberFormat does in the browser
# (docs/assets/js/core/messages.js). Both round the number's shortest decimal form (2.675, not the
# binary 2.67499...) half to even. Babel loads on the first number: commands without numbers skip it.


@functools.cache
def _babel_locale(lang: str) -> Any:
    from babel import Locale

    return Locale.parse(lang)


@functools.cache
def _pattern(text: str) -> Any:
    from babel.numbers import parse_pattern

    return parse_pattern(text)


def _format(x: float | int, pattern: str) -> str:
    text: str = _pattern(pattern).apply(x, _babel_locale(_Catalog.language))
    return text


def decimal(x: float | int | None, places: int = 2, empty: str = "—") -> str:
    """A number for running text: at most `places` decimals, no trailing zeros, and the decimal
    comma in Russian (3,67) or the point in English (3.67); None gives `empty`."""
    if x is None:
        return empty
    text = _format(x, "0." + "#" * places if places else "0")
    return "0" if text == "-0" else text


def localised(text: str) -> str:
    """A number already formatted with a point, with the decimal comma in Russian."""
    return text.replace(".", ",") if _Catalog.language == DEFAULT_LANGUAGE else text


def two_places(x: object) -> str:
    """A report's number: a float with two decimals (3,67 in Russian), other values as they are, «—» for none."""
    if x is None:
        return "—"
    return _format(x, "0.00") if isinstance(x, float) else str(x)


def signed(x: float | None) -> str:
    """A signed number with two decimals (+0,25 in Russian), «—» for none."""
    return "—" if x is None else _format(x, "+0.00;-0.00")


def percent(x: float | None) -> str:
    """A share as whole percent in the locale's style (0.8 -> «80 %» in Russian, "80%" in English), «—» for none."""
    if x is None:
        return "—"
    locale = _babel_locale(_Catalog.language)
    text: str = locale.percent_formats[None].apply(x, locale)
    return text


def plural_form(n: float) -> str:
    """The CLDR plural category of `n` in the language in force: one, few, many or other (Russian:
    1 компетенция, 2 компетенции, 5 компетенций), as Intl.PluralRules gives it in the browser."""
    form: str = _babel_locale(_Catalog.language).plural_form(n)
    return form


_P = ParamSpec("_P")
_R = TypeVar("_R")


@contextlib.contextmanager
def documents_in(lang: str | None) -> Iterator[str]:
    """Render documents in `lang` (a model's `language`; unknown means Russian) whatever --lang says,
    then restore the language in force: scorecards, plans, reports and the site follow the model."""
    saved = (_Catalog.translations, _Catalog.language)
    try:
        yield set_language(lang)
    finally:
        _Catalog.translations, _Catalog.language = saved


def _model_language(values: Iterable[object]) -> str | None:
    """The `language` of the first model among a renderer's arguments (a Model, or a card/plan with `.model`)."""
    for value in values:
        for candidate in (value, getattr(value, "model", None)):
            lang = getattr(candidate, "language", None)
            if isinstance(lang, str) and hasattr(candidate, "roles"):
                return lang
    return None


def model_language(render: Callable[_P, _R]) -> Callable[_P, _R]:
    """Run a renderer in the language of the model it is given (`documents_in(model.language)`):
    documents are written in the model's language; only messages follow --lang."""

    @functools.wraps(render)
    def wrapper(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        with documents_in(_model_language([*args, *kwargs.values()])):
            return render(*args, **kwargs)

    return wrapper
