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
    "output.same-as-input": N_("«{output}» — это входной файл «{input}»: выберите для результата другое имя"),
    # assessment files and the team review (issue 20)
    "assessment.missing": N_("не заполнено поле «{field}»"),
    "assessment.no-file": N_("нет такого файла или папки"),
    "assessment.not-competency-map": N_("«{field}» — словарь «id компетенции: значение»"),
    "assessment.not-mapping": N_(
        "файл оценки должен быть словарём с полями assessment, person, role, level, assessor, relation, date, ratings и evidence"
    ),
    "assessment.not-ours": N_(
        "этот xlsx не файл оценки Account Path: сделайте его командой `accountpath assessment --format xlsx` "
        "или `accountpath team-workbook`"
    ),
    "assessment.not-text": N_("«{field}» должно быть текстом"),
    "assessment.relation": N_("«relation» — self (самооценка) или manager (оценка руководителя); сейчас «{value}»"),
    "assessment.unknown-competency": N_("неизвестная компетенция «{competency}»; компетенции модели: {ids}"),
    "assessment.unknown-key": N_("неизвестное поле «{field}»; допустимые поля: {fields}"),
    "assessment.unknown-level": N_("у роли «{role}» нет уровня «{level}»; её уровни: {levels}"),
    "assessment.unknown-role": N_("неизвестная роль «{role}»; роли модели: {roles}"),
    "assessment.value": N_("{field}: {reason}"),
    "assessment.version": N_("«assessment» — номер версии формата, 1; сейчас «{value}»"),
    "team.add-not-debrief": N_(
        "это не итог собеседования: нужен JSON `accountpath evaluate --format json` с role, level и competencies"
    ),
    "team.manager-only": N_("{person}: есть оценка руководителя, но нет самооценки — расхождения не видны"),
    "team.manager-only-count": N_("без самооценки: {count}"),
    "team.no-assessments": N_("ни одного файла оценки: укажите файлы, папки или книгу команды"),
    "team.old": N_("{person}: оценке от {date} больше 12 месяцев — обновите её до решения о повышении"),
    "team.old-count": N_("оценок старше 12 месяцев: {count}"),
    "team.role-mismatch": N_(
        "{person}: здесь роль {role}, уровень {level}, а в другом файле этого сотрудника — {first_role}, {first_level}; "
        "исправьте один из файлов"
    ),
    "team.self-only": N_("{person}: есть самооценка, но нет оценки руководителя — готовность не определить"),
    "team.self-only-count": N_("без оценки руководителя: {count}"),
    "team.unknown-level": N_("у роли «{role}» нет уровня «{level}»"),
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
