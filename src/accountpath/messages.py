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
    # the debrief's sentences (render/debrief_text.py and docs/assets/js/core/debrief.js)
    "debrief.boundary.inside": N_(
        "Итог на границе «Нанимать» / «Не нанимать»: отклонение от цели {gap} при границе {limit} ± {tolerance} "
        "— внутри допуска, по этому числу решение не принимается."
    ),
    "debrief.boundary.outside": N_(
        "До границы «Нанимать» / «Не нанимать» ({limit}): отклонение от цели {gap}, это дальше допуска ± {tolerance}."
    ),
    "debrief.fragile.coverage": N_("оценено было бы {done} веса роли при минимуме {need}"),
    "debrief.fragile.fell": N_("«{name}» (обязательная) опустилась бы до {rating} при пороге {limit}"),
    "debrief.fragile.gap": N_("средневзвешенное отклонение от цели стало бы {gap} при пороге {limit}"),
    "debrief.fragile.head": N_(
        "Итог держится на листе одного интервьюера ({name}): без его оценок, которые есть и у других, итог был бы «{label}»"
    ),
    "debrief.fragile.rose": N_("«{name}» (обязательная) поднялась бы до {rating} при пороге {limit}"),
    "debrief.fragile.stable": N_("Итог устойчив: без любого одного интервьюера он остаётся тем же."),
    "debrief.fragile.unrated": N_("«{name}» (обязательная) осталась бы без оценки"),
    "debrief.must_have.failed": N_("не проходит: {rating} при пороге {limit} (цель {target} − {tol})"),
    "debrief.must_have.on_threshold": N_(
        "проходит ровно на пороге: {rating} при пороге {limit} (цель {target} − {tol})"
    ),
    "debrief.must_have.passed": N_("проходит: {rating} при пороге {limit} (цель {target} − {tol})"),
    "debrief.must_have.unrated": N_("не оценивалась: в проверке обязательных не участвует"),
    "debrief.ready": N_(
        "Решение готово: отклонение от цели дальше допуска от границы, итог не держится на одном интервьюере, "
        "обязательные компетенции оценены без расхождений."
    ),
    "debrief.leaning": N_("По оценкам итог ближе к «{label}», но защищать его пока нельзя. Что сделать до решения:"),
    # why a verdict is not ready (result `not_ready`: [{code, params}]), each with what to do
    "not_ready.must_have_disagreement": N_(
        "Обязательная «{competency_name}»: оценки расходятся на {spread} балла ({ratings}). Разберите с этими "
        "интервьюерами, что именно показал кандидат, и договоритесь об оценке по примерам."
    ),
    "not_ready.must_have_one_point": N_(
        "Обязательная «{competency_name}» решает итог: если оценку интервьюера {interviewer} сдвинуть на балл "
        "({rating} → {to}), итог станет «{verdict_label}». Перепроверьте с интервьюером {interviewer} примеры "
        "по этой компетенции."
    ),
    "not_ready.must_have_single_rater": N_(
        "Обязательную «{competency_name}» оценил только один интервьюер ({interviewer}): попросите ещё одного "
        "интервьюера проверить её (вопрос из банка или короткий созвон)."
    ),
    "not_ready.near_boundary": N_(
        "Отклонение от цели {gap} — в пределах ± {tolerance} от границы «Нанимать» / «Не нанимать» ({boundary}): "
        "разница меньше точности панели. Проверьте ещё раз «{competency_name}» (оценки: {raters}): ещё один "
        "интервьюер или вопрос с примерами по ней сдвинет итог с границы."
    ),
    "not_ready.one_interviewer_decides": N_(
        "Итог решает один интервьюер ({interviewer}): без его оценок компетенций, которые оценивали и другие "
        "({competencies}), итог был бы «{without_label}», а не «{verdict_label}». Разберите с ним и коллегами "
        "примеры по этим компетенциям."
    ),
    "not_ready.unrated_focus": N_(
        "«{competency_name}» была в фокусе ({interviewers}), но её никто не оценил: попросите поставить оценку "
        "по заметкам интервью или проверьте её на дополнительной встрече."
    ),
    # warnings of a panel (result `warnings`: [{code, params}])
    "warning.extreme_without_note": N_(
        "{interviewer}: оценка {rating} по компетенции «{competency_name}» без заметки. Крайняя оценка требует "
        "примера: попросите записать, что кандидат сказал или сделал."
    ),
    "warning.missing_recommendation": N_(
        "{interviewer}: нет общей рекомендации («да» или «нет»). Попросите указать её до дебрифа: в расчёт она "
        "не входит, но показывает, совпадает ли впечатление с оценками."
    ),
    "warning.single_interviewer": N_(
        "Кандидата оценивал один интервьюер ({interviewer}): итог держится на одном мнении. "
        "Добавьте хотя бы ещё одного интервьюера, прежде чем решать."
    ),
    "warning.thin_note": N_(
        "{interviewer}: оценка {rating} по компетенции «{competency_name}» при цели {target}, а в заметке нет "
        "примера (числа, клиента, действия в прошедшем времени). Попросите дописать, что кандидат сделал."
    ),
    "warning.unrated_focus": N_(
        "{interviewer}: компетенция «{competency_name}» была в фокусе, но оценки нет. Попросите поставить оценку "
        "или записать, почему проверить не удалось."
    ),
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
