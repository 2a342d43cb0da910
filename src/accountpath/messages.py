"""The message table: every problem, warning and verdict reason the core returns is a code with
parameters; this table gives each code its Russian wording (the gettext message id), and
`render()` turns a code and its parameters into a sentence in the language in force.

The core never formats a sentence: it returns `Problem(..., code, params)` or
`{"code": ..., "params": {...}}`; the CLI, the reports and the pages call `render()`, and the
browser gets the same table (Russian) through `model.json` (`messages`) and renders with it.

Placeholders are `{name}` (str.format). Numbers in params are plain JSON numbers; `render`
writes floats with the decimal comma in Russian. A code missing from the table is rendered as
it is: that is how problems written before the table existed still read (see `Problem`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from accountpath.i18n import N_, _, decimal

MESSAGES: dict[str, str] = {
    # Add entries as "area.what": N_("Русский текст с {параметрами}"). Keep the keys sorted by area.
    # Filled scorecards (io/cardcheck.py and docs/assets/js/core/cardcheck.js; schema codes from card.schema.json).
    "card.not-mapping": N_(
        "оценочный лист должен быть словарём с полями role, level, candidate, interviewer и ratings"
    ),
    "card.unknown-key": N_("неизвестное поле «{key}»; допустимые поля: {keys}"),
    "card.unknown-key-hint": N_("неизвестное поле «{key}» (может быть, «{hint}»?)"),
    "card.version": N_("«scorecard» — номер версии формата, 1 или 2; сейчас «{value}»"),
    "card.missing": N_("не заполнено поле «{key}»"),
    "card.not-text": N_("«{key}» должно быть текстом; сейчас «{value}»"),
    "card.text": N_("{key}: здесь нужен текст; сейчас «{value}»"),
    "card.date": N_(
        "{key}: дата пишется как ГГГГ-ММ-ДД или ДД.ММ.ГГГГ и должна существовать в календаре; сейчас «{value}»"
    ),
    "card.recommendation": N_("{key}: рекомендация — одно из: {options}; или пусто; сейчас «{value}»"),
    "card.rating": N_(
        "{key}: оценка должна быть целым числом 1..5; если компетенцию не оценивали, оставьте пусто "
        "или напишите «не оценивалось»; сейчас «{value}»"
    ),
    "card.ratings-missing": N_(
        "не заполнено поле «ratings»: дайте каждой компетенции оценку 1..5 или оставьте пусто, если её не оценивали"
    ),
    "card.ratings-not-mapping": N_("«ratings» — словарь «id компетенции: оценка»"),
    "card.notes-not-mapping": N_("«notes» — словарь «id компетенции: текст»"),
    "card.focus-not-list": N_("«focus» — список id компетенций роли"),
    "card.focus-repeated": N_("«{cid}» уже есть в «focus»"),
    "card.unknown-role": N_("неизвестная роль «{role}»; роли модели: {roles}"),
    "card.unknown-level": N_("у роли «{role}» нет уровня «{level}»; её уровни: {levels}"),
    "card.not-of-role": N_("роль «{role}» не оценивает компетенцию «{cid}»; её компетенции: {ids}"),
    "card.not-of-role-hint": N_("роль «{role}» не оценивает компетенцию «{cid}» (может быть, «{hint}»?)"),
    "card.unknown-competency": N_("неизвестная компетенция «{cid}»; её компетенции: {ids}"),
    "card.unknown-competency-hint": N_("неизвестная компетенция «{cid}» (может быть, «{hint}»?)"),
    # Reading card files (io/cards.py, io/xlsx_read.py, io/round_files.py and core/cardread.js, core/xlsx.js).
    "read.not-found": N_("файл не найден"),
    "read.empty": N_("файл пуст"),
    "read.unreadable": N_(
        "не читается как JSON или YAML: ошибка в строке {line}, столбце {col} — проверьте отступы, двоеточия и кавычки"
    ),
    "read.too-big": N_("файл больше {limit} МБ: это не оценочный лист Account Path"),
    "read.too-many-cards": N_("в файле {count} оценочных листов, а предел — {limit}: разделите его на части"),
    "read.duplicate-key": N_("ключ «{key}» повторяется (впервые в строке {first})"),
    "read.alias": N_(
        "якоря и ссылки YAML (&имя, *имя) не допускаются: это значение с якорем повторено ссылкой; "
        "выпишите каждое значение полностью"
    ),
    "read.failed": N_("не удалось прочитать файл"),
    "xlsx.not-zip": N_("это не файл Excel (xlsx): архив не читается"),
    "xlsx.no-workbook": N_("это не файл Excel (xlsx): в архиве нет книги"),
    "xlsx.broken-part": N_("часть книги {part} повреждена"),
    "xlsx.dtd": N_(
        "часть книги {part} содержит объявление DTD (<!DOCTYPE>): такие файлы не читаются — сохраните книгу заново в Excel"
    ),
    "xlsx.unreadable": N_(
        "не удаётся прочитать xlsx ({kind}): сделайте лист командой `accountpath scorecard --format xlsx`"
    ),
    "xlsx.not-ours": N_(
        "этот xlsx не оценочный лист Account Path (нет листа «{meta}» с отметкой формата): "
        "скачайте бланк Excel на странице «Оценочные листы», сделайте лист командой "
        "`accountpath scorecard --format xlsx` или книгу раунда командой `accountpath workbook`"
    ),
    "xlsx.round-as-card": N_("это книга раунда с несколькими листами оценки: читайте её как раунд (--round)"),
    "xlsx.round-empty": N_("в книге раунда нет заполненных строк"),
    "round.not-folder": N_("это не папка и не книга раунда (.xlsx)"),
    "round.no-cards": N_("в папке нет оценочных листов (*.yml, *.yaml, *.json, *.xlsx)"),
    "output.same-as-input": N_("«{output}» — это входной файл «{input}»: выберите для результата другое имя"),
}
"""code -> Russian message id (translated through the catalogs)."""


def _value(v: Any) -> Any:
    if isinstance(v, bool) or not isinstance(v, float):
        return v
    return decimal(v)


def render(code: str, params: Mapping[str, Any] | None = None) -> str:
    """The sentence for `code` with `params`, in the language in force."""
    template = MESSAGES.get(code)
    if template is None:
        return code
    values = {k: _value(v) for k, v in (params or {}).items()}
    try:
        return _(template).format(**values)
    except (KeyError, IndexError, ValueError):  # a translation with another placeholder: never crash on wording
        return template.format(**values)


def russian_table() -> dict[str, str]:
    """The table as the browser gets it (model.json `messages`): code -> Russian template."""
    return dict(sorted(MESSAGES.items()))
