"""The evaluator page's static HTML, rendered at build time from the model (adapter; tool_pages
builds both tool pages): the import box, the role and level choice, the first interviewer's
form for the first role and level, the result's empty frame. evaluator.js adopts these
elements and only enhances them, so nothing moves when it starts, and a browser without
JavaScript still shows the form and says what to do.

The markup mirrors what the scripts render (ev-form.js competencyBlock and overallBlock,
evaluator.js renderPanel): the same elements, classes and ids, so the sizes are the same.
"""

from __future__ import annotations

from html import escape
from typing import Any

from accountpath.i18n import _
from accountpath.model.types import Competency, Model, Role, RoleCompetency
from accountpath.vocab import NOT_ASSESSED, RATINGS, RECOMMENDATION_LABELS, RECOMMENDATIONS

MODEL_URL = "../../assets/data/model.json"
VOID = ("input",)


def el(tag: str, attrs: dict[str, Any] | None = None, *children: Any, text: str | None = None) -> str:
    """One element as HTML: attributes escaped (True writes a bare attribute, None/False none), text escaped."""
    parts = [tag]
    for key, value in (attrs or {}).items():
        if value is None or value is False:
            continue
        parts.append(key if value is True else f'{key}="{escape(str(value), quote=True).replace(chr(10), "&#10;")}"')
    if tag in VOID:
        return f"<{' '.join(parts)}>"
    inner = escape(text, quote=False) if text is not None else "".join(_flat(children))
    return f"<{' '.join(parts)}>{inner}</{tag}>"


def _flat(children: Any) -> list[str]:
    out: list[str] = []
    for child in children:
        if isinstance(child, (list, tuple)):
            out += _flat(child)
        elif child:
            out.append(child)
    return out


def _scale(model: Model) -> dict[int, str]:
    return {s.level: s.name for s in model.scale}


def _button(bid: str, label: str, primary: bool = False) -> str:
    cls = "md-button md-button--primary ap-button" if primary else "md-button ap-button"
    return el("button", {"type": "button", "id": bid, "class": cls}, text=label)


def _field(label: str, control: str) -> str:
    return el("label", {"class": "ap-field"}, el("span", {}, text=label), control)


def _ladder(model: Model, comp: Competency, target: int) -> str:
    names = _scale(model)
    steps = []
    for n in (target - 1, target, target + 1):
        if not 1 <= n <= 5:
            continue
        where = _(" — цель") if n == target else _(" — ниже цели") if n < target else _(" — выше цели")
        cls = "ap-ladder__step ap-ladder__step--target" if n == target else "ap-ladder__step"
        steps.append(
            el(
                "div",
                {"class": cls},
                el("p", {"class": "ap-ladder__title"}, text=f"{n} · {names.get(n, '')}{where}"),
                el("ul", {}, [el("li", {}, text=b) for b in comp.levels.get(n, ())]),
            )
        )
    return el("div", {"class": "ap-ladder"}, steps)


def _rating_radios(model: Model, cid: str) -> list[str]:
    names = _scale(model)
    radios = [
        el(
            "label",
            {"class": "ap-radio", "title": names.get(n, "")},
            el(
                "input",
                {
                    "type": "radio",
                    "name": f"rating-{cid}",
                    "value": str(n),
                    "data-testid": f"rating-{cid}-{n}",
                    "class": "ap-radio__input",
                },
            ),
            el(
                "span",
                {"class": "ap-radio__box"},
                el("span", {"class": "ap-radio__num"}, text=str(n)),
                el("span", {"class": "ap-radio__name"}, text=names.get(n, "")),
            ),
        )
        for n in RATINGS
    ]
    radios.append(
        el(
            "label",
            {"class": "ap-radio ap-radio--na"},
            el(
                "input",
                {
                    "type": "radio",
                    "name": f"rating-{cid}",
                    "value": "na",
                    "data-testid": f"rating-{cid}-na",
                    "class": "ap-radio__input",
                },
            ),
            el("span", {"class": "ap-radio__box"}, el("span", {"class": "ap-radio__name"}, text=NOT_ASSESSED)),
        )
    )
    return radios


def competency_block(model: Model, rc: RoleCompetency, target: int) -> str:
    """One competency of an interviewer's form (ev-form.js competencyBlock, no plan)."""
    comp = model.competency(rc.id)
    name = comp.name if comp else rc.id
    badges = [
        el("span", {"class": "ap-badge"}, text=_("вес {w}").format(w=rc.weight)),
        el("span", {"class": "ap-badge"}, text=_("цель {t}").format(t=target)),
    ]
    if rc.must_have:
        badges.append(el("span", {"class": "ap-badge ap-badge--must"}, text=_("обязательная")))
    notes = f"notes-{rc.id}"
    return el(
        "article",
        {"class": "ap-comp", "data-competency": rc.id},
        el("h3", {"class": "ap-comp__title"}, el("span", {}, text=name), " ", badges),
        el("p", {"class": "ap-hint"}, text=comp.summary) if comp and comp.summary else "",
        el(
            "div",
            {"class": "ap-comp__body"},
            el(
                "div",
                {"class": "ap-comp__rate"},
                _ladder(model, comp, target) if comp else "",
                el(
                    "fieldset",
                    {"class": "ap-rating", "data-competency": rc.id},
                    el("legend", {}, text=_("Оценка: {name}").format(name=name)),
                    el("div", {"class": "ap-rating__options"}, _rating_radios(model, rc.id)),
                ),
                el(
                    "label",
                    {"class": "ap-field", "for": notes},
                    el("span", {}, text=_("Заметки: факты и примеры из ответа")),
                ),
                el(
                    "textarea", {"id": notes, "name": notes, "rows": "2", "data-competency": rc.id, "class": "ap-notes"}
                ),
            ),
        ),
    )


def overall_block() -> str:
    """The interviewer's recommendation (no neutral) and take-aways (ev-form.js overallBlock)."""
    choices = [
        el(
            "label",
            {"class": "ap-radio ap-radio--rec"},
            el(
                "input",
                {
                    "type": "radio",
                    "name": "ev-recommendation",
                    "value": code,
                    "data-testid": f"rec-{code}",
                    "class": "ap-radio__input",
                },
            ),
            el(
                "span",
                {"class": "ap-radio__box"},
                el("span", {"class": "ap-radio__name"}, text=_(RECOMMENDATION_LABELS[code])),
            ),
        )
        for code in RECOMMENDATIONS
    ]
    return el(
        "section",
        {"class": "ap-card ap-overall", "aria-labelledby": "ev-overall-title"},
        el("h3", {"id": "ev-overall-title"}, text=_("Ваш вывод")),
        el(
            "fieldset",
            {"class": "ap-rating", "id": "ev-recommendation"},
            el("legend", {}, text=_("Рекомендация интервьюера (без нейтрального варианта)")),
            el("div", {"class": "ap-rating__options"}, choices),
        ),
        el("label", {"class": "ap-field", "for": "ev-takeaways"}, el("span", {}, text=_("Ключевые выводы"))),
        el("textarea", {"id": "ev-takeaways", "rows": "3"}),
        el("label", {"class": "ap-field", "for": "ev-overall"}, el("span", {}, text=_("Общий комментарий"))),
        el("textarea", {"id": "ev-overall", "rows": "2"}),
    )


def _import_box() -> str:
    accept = (
        ".json,.yml,.yaml,.xlsx,application/json,application/yaml,"
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    return el(
        "section",
        {"class": "ap-card ap-import ap-noprint", "id": "ev-import-box", "aria-labelledby": "ev-import-title"},
        el("h2", {"id": "ev-import-title"}, text=_("Импорт: оценочные листы и план собеседования")),
        el(
            "p",
            {"class": "ap-hint"},
            text=_(
                "Заполненные оценочные листы (Excel или файл листа) и файл плана собеседования. Можно выбрать "
                "несколько файлов сразу. Файлы читаются в браузере и никуда не отправляются."
            ),
        ),
        _field(
            _("Листы и план: Excel или файлы, скачанные с этого сайта"),
            el("input", {"id": "ev-import", "type": "file", "multiple": True, "accept": accept}),
        ),
        el(
            "details",
            {"class": "ap-paste"},
            el("summary", {}, text=_("…или вставьте текст листа или плана")),
            _field(
                _("Текст листа или плана"),
                el(
                    "textarea",
                    {
                        "id": "ev-paste",
                        "rows": "3",
                        "spellcheck": "false",
                        "placeholder": _("Вставьте сюда текст из файла листа или плана"),
                    },
                ),
            ),
            _button("ev-paste-import", _("Импортировать вставленное")),
        ),
        el("div", {"id": "ev-chooser", "class": "ap-chooser", "hidden": True}),
    )


def level_info(role: Role) -> str:
    """The line under the role and level choice (evaluator.js renderSetup)."""
    must = sum(1 for rc in role.competencies if rc.must_have)
    return _(
        "Компетенций у роли: {n}, из них обязательных: {must}. Поставьте каждой оценку от 1 до 5 по наблюдаемому "
        "поведению или отметьте «{na}»."
    ).format(n=len(role.competencies), must=must, na=NOT_ASSESSED)


def _setup(model: Model, role: Role) -> str:
    roles = [el("option", {"value": r.id, "selected": r is role}, text=r.name) for r in model.roles]
    levels = [el("option", {"value": lv.id, "selected": k == 0}, text=lv.name) for k, lv in enumerate(role.levels)]
    return el(
        "fieldset",
        {"class": "ap-card ap-setup", "id": "ev-setup"},
        el("legend", {}, text=_("Вакансия и кандидат")),
        el(
            "div",
            {"class": "ap-grid"},
            _field(_("Роль"), el("select", {"id": "ev-role"}, roles)),
            _field(_("Уровень"), el("select", {"id": "ev-level"}, levels)),
            _field(
                _("Кандидат"),
                el(
                    "input",
                    {"id": "ev-candidate", "type": "text", "autocomplete": "off", "placeholder": _("Имя и фамилия")},
                ),
            ),
            _field(_("Дата собеседования"), el("input", {"id": "ev-date", "type": "date"})),
        ),
        el("p", {"class": "ap-hint", "id": "ev-level-info"}, text=level_info(role)),
    )


def _privacy() -> str:
    return el(
        "div",
        {"class": "ap-privacy ap-noprint", "id": "ev-privacy"},
        el(
            "label",
            {"class": "ap-check"},
            el("input", {"id": "ev-save", "type": "checkbox"}),
            " " + _("Сохранять на этом устройстве"),
        ),
        el(
            "label",
            {"class": "ap-check"},
            el("input", {"id": "ev-show-all", "type": "checkbox"}),
            " " + _("Показать всё (для ведущего дебрифа)"),
        ),
        el(
            "label",
            {"class": "ap-check", "for": "ev-chair-code"},
            _(
                "Код ведущего дебрифа (необязательно): задайте до начала — без него никто не откроет итог и чужие листы, пока не готовы все листы"
            ),
            el("input", {"id": "ev-chair-code", "type": "password", "autocomplete": "off", "class": "ap-chair-code"}),
        ),
        _button("ev-clear", _("Очистить всё")),
    )


def interviewer_panel(model: Model, role: Role) -> str:
    """The first interviewer's empty form for the role's first level (evaluator.js renderPanel)."""
    level = role.levels[0]
    name = _("Интервьюер {n}").format(n=1)
    return el(
        "div",
        {"id": "ev-panel", "role": "tabpanel", "class": "ap-panel", "aria-labelledby": "ev-tab-1"},
        el(
            "div",
            {"class": "ap-grid"},
            _field(
                _("Имя интервьюера"),
                el("input", {"id": "ev-interviewer", "type": "text", "autocomplete": "off", "value": name}),
            ),
        ),
        el(
            "div",
            {"class": "ap-comps"},
            [competency_block(model, rc, level.targets[rc.id]) for rc in role.competencies],
        ),
        overall_block(),
        el(
            "div",
            {"class": "ap-donebar", "id": "ev-donebar"},
            el(
                "p",
                {"class": "ap-hint"},
                text=_(
                    "Оценивайте самостоятельно. Закончив, нажмите «Мой лист готов»: лист спрячется, "
                    "и устройство можно передать следующему интервьюеру."
                ),
            ),
            _button("ev-done", _("Мой лист готов"), primary=True),
        ),
        el(
            "div",
            {"class": "ap-actions"},
            _button("ev-export-card", _("Скачать лист этого интервьюера (файл для оценщика)")),
        ),
    )


def _interviewers(model: Model, role: Role) -> str:
    tab = el(
        "button",
        {
            "type": "button",
            "role": "tab",
            "id": "ev-tab-1",
            "aria-selected": "true",
            "aria-controls": "ev-panel",
            "tabindex": "0",
            "class": "ap-tab",
            "data-testid": "ev-tab-0",
        },
        text=f"{_('Интервьюер {n}').format(n=1)} · 0/{len(role.competencies)}",
    )
    live = el(
        "div",
        {"class": "ap-live ap-noprint", "id": "ev-live", "hidden": True},
        el("span", {"class": "ap-live__title"}, text=_("Итог сейчас:")),
        el("span", {"class": "ap-verdict ap-verdict--small", "id": "ev-live-verdict"}),
        el("span", {"class": "ap-live__facts", "id": "ev-live-facts"}),
        el("a", {"class": "ap-linkbutton", "href": "#ev-result"}, text=_("Подробно ↓")),
    )
    return el(
        "section",
        {"class": "ap-interviewers ap-noprint", "aria-labelledby": "ev-iv-title"},
        el("h2", {"id": "ev-iv-title"}, text=_("Оценки интервьюеров")),
        el(
            "div",
            {"class": "ap-tabbar"},
            el("div", {"role": "tablist", "aria-label": _("Интервьюеры"), "class": "ap-tabs", "id": "ev-tabs"}, tab),
            _button("ev-add-interviewer", _("+ Добавить интервьюера")),
        ),
        interviewer_panel(model, role),
        _handover(),
        live,
    )


def _handover() -> str:
    """The hand-over screen after «Мой лист готов»: nothing of the panel shows until the next starts."""
    return el(
        "div",
        {"class": "ap-card ap-handover", "id": "ev-handover", "hidden": True},
        el(
            "p",
            {},
            el("strong", {}, text=_("Лист готов и спрятан: ")),
            el("span", {"id": "ev-handover-name"}),
            text=None,
        ),
        el(
            "p",
            {},
            text=_(
                "Передайте устройство следующему интервьюеру: он начнёт свой лист, не видя оценок коллег. "
                "Итог панели откроет ведущий дебрифа, когда все листы сданы."
            ),
        ),
        el(
            "div",
            {"class": "ap-actions"},
            _button("ev-next", _("Начать следующий лист"), primary=True),
            _button("ev-handover-chair", _("Открыть итог (для ведущего дебрифа)")),
        ),
    )


def _result_frame() -> str:
    classes = {"chart": "ap-result__chart", "table": "ap-table-wrap"}
    parts = [
        el("div", {"id": f"ev-result-{k}", "class": classes.get(k)})
        for k in ("head", "verdict", "notes", "chart", "table", "debrief")
    ]
    return el(
        "section",
        {"id": "ev-result", "class": "ap-result", "aria-labelledby": "ev-result-title", "hidden": True},
        parts,
    )


def js_notes(tool: str) -> str:
    """What to do without JavaScript, and (shown by an inline script) when the page is opened as a file."""
    return "".join(
        [
            el(
                "noscript",
                {},
                el(
                    "p",
                    {"class": "ap-alert"},
                    text=_(
                        "Эта форма работает только с JavaScript, а он выключен в этом браузере. Включите его для этого сайта. "
                        "Без него распечатайте оценочные листы на странице «Оценочные листы» и сведите оценки по странице "
                        "«Метод оценки», а себя сравните с описанием уровней на страницах компетенций."
                    ),
                ),
            ),
            el(
                "p",
                {"class": "ap-alert", "id": f"{tool}-file-note", "hidden": True},
                text=_(
                    "Страница открыта как файл с диска, и браузер не даёт ей работать. Если инструмент не открывается, "
                    "заполните Excel-лист со страницы «Оценочные листы» и сведите оценки по странице «Метод оценки»; "
                    "чтобы открыть инструменты на своём компьютере, попросите того, кто ведёт сайт (инструкция — на его странице)."
                ),
            ),
            f'<script>if (location.protocol === "file:") document.getElementById("{tool}-file-note").hidden = false;</script>',
        ]
    )


def evaluator_app(model: Model) -> str:
    """The evaluator's whole static structure for the model's first role and level."""
    role = model.roles[0]
    return el(
        "div",
        {"id": "evaluator-app", "data-model": MODEL_URL},
        js_notes("ev"),
        _import_box(),
        el("div", {"id": "ev-messages", "class": "ap-messages ap-noprint", "role": "status", "aria-live": "polite"}),
        _setup(model, role),
        _privacy(),
        _interviewers(model, role),
        el("p", {"id": "ev-status", "class": "ap-visually-hidden", "role": "status", "aria-live": "polite"}),
        el(
            "p",
            {"id": "ev-hidden-note", "class": "ap-alert ap-noprint"},
            text=_(
                "Итог панели и листы коллег скрыты, пока все листы не сданы, а после — до шага ведущего дебрифа: так чужие оценки не влияют на вашу."
            ),
        ),
        _result_frame(),
        el(
            "div",
            {"class": "ap-actions ap-noprint", "id": "ev-export", "hidden": True},
            _button("ev-export-cards", _("Скачать панель одним архивом (листы и итог)"), primary=True),
            _button("ev-export-result", _("Скачать итог файлом")),
            _button("ev-print", _("Печать итога")),
        ),
    )
