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
    "round.dangling-link": N_("ссылка никуда не ведёт: файла, на который она указывает, нет; лист не прочитан"),
    "round.not-a-file": N_("это не обычный файл (канал, устройство или сокет): лист не прочитан"),
    "round.read-failed": N_("файл не удалось прочитать ({kind}): проверьте, что это оценочный лист Account Path"),
    "round.worker-died": N_(
        "процесс, читавший файл, завершился аварийно (код {exitcode}): вероятно, файл слишком велик или повреждён"
    ),
    "xlsx.cell-too-long": N_("в ячейке {chars} символов, больше предела {limit}: сократите текст"),
    "xlsx.duplicate-id": N_("«{id}» уже есть (строка или столбец {first}): оставьте одну строку на компетенцию"),
    "xlsx.formula-in-id": N_("в строке id формула: id пишутся текстом, как в выданной книге; верните исходную строку"),
    "xlsx.formula-without-value": N_(
        "в ячейке формула без сохранённого значения: пересчитайте и сохраните книгу в Excel или LibreOffice "
        "или впишите значение вместо формулы"
    ),
    "xlsx.merged-id": N_("ячейки {ref} объединены: объединение прячет строку или столбец оценок; разъедините ячейки"),
    "xlsx.too-large": N_("xlsx распаковывается в {size} МБ, больше предела {limit} МБ: это не файл Account Path"),
    "xlsx.too-many-rows": N_(
        "заполнена строка {row}, а в книге раунда читаются только первые {limit} строк: разбейте раунд на несколько книг"
    ),
    "card.control-character": N_(
        "в «{field}» управляющий символ {char}: в именах и заметках только обычный текст; удалите его"
    ),
    "output.inside-input": N_("«{output}» лежит в папке входных файлов «{input}»: запишите результат в другую папку"),
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
