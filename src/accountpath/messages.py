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
    "model.pay-empty": N_("{at}: в вилке оплаты (pay) нет ни from, ни to: укажите хотя бы одну границу [pay-range]"),
    "model.pay-no-source": N_("{at}: вилка с basis: source называет свой источник (source) [pay-source]"),
    "model.pay-order": N_("{at}: нижняя граница оплаты ({low}) больше верхней ({high}) [pay-range]"),
    "model.pay-unknown-source": N_("{at}: источника «{source}» нет в sources [pay-source]"),
    "model.reference-count": N_(
        "компетенция «{competency}»: вопросов для рекомендаций {n}, а нужно от {lo} до {hi} "
        "(у каждой обязательной компетенции роли с телефонным скринингом) [reference-coverage]"
    ),
    "model.screening-count": N_("{at}: в телефонном скрининге {n} вопросов, а нужно от {lo} до {hi} [screening-count]"),
    "model.screening-knock-out": N_(
        "{at}: в телефонном скрининге нет ни одного стоп-вопроса (knock_out: true) [screening-count]"
    ),
    "model.take-home-repeated": N_(
        "{at}: компетенция «{competency}» оценивается в тестовом задании дважды [take-home-scoring]"
    ),
    "model.take-home-unweighted": N_(
        "{at}: тестовое задание оценивает «{competency}», а у роли нет такой взвешенной компетенции [take-home-scoring]"
    ),
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
