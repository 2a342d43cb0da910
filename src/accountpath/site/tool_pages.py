"""The in-browser tools' pages, rendered at build time from the model (adapter): pages.build()
adds tools/evaluator.md and tools/self-assessment.md. Each is its prose
(templates/pages/tool_*.md.j2) around the tool's static HTML: the evaluator's from
tool_evaluator.py, the self-assessment's from here (the form of every competency, the
result's heading and a chart frame of fixed size). The scripts adopt these elements and
only enhance them, so the page does not move when they start.
"""

from __future__ import annotations

from html import escape

from accountpath.i18n import _
from accountpath.model.types import Competency, Model, Role
from accountpath.render import kit
from accountpath.render.templating import template_env
from accountpath.site.tool_evaluator import MODEL_URL, _button, _field, el, evaluator_app, js_notes
from accountpath.site.tool_plan import plan_app
from accountpath.site.tool_team import team_app, team_workbook_links
from accountpath.vocab import RATINGS

PAGES = {
    "tools/evaluator.md": "pages/tool_evaluator.md.j2",
    "tools/self-assessment.md": "pages/tool_self_assessment.md.j2",
    "tools/team.md": "pages/tool_team.md.j2",
    "tools/plan.md": "pages/tool_plan.md.j2",
}


def self_block(model: Model, role: Role, comp: Competency) -> str:
    """One competency of the self-assessment form, nothing chosen (selfassess.js competencyBlock)."""
    names = {s.level: s.name for s in model.scale}
    rc = role.weighted(comp.id)
    options = [
        el(
            "label",
            {"class": "ap-choice"},
            el(
                "input",
                {"type": "radio", "name": f"self-{comp.id}", "value": str(n), "data-testid": f"self-{comp.id}-{n}"},
            ),
            el(
                "span",
                {"class": "ap-choice__body"},
                el("span", {"class": "ap-choice__title"}, text=f"{n} · {names.get(n, '')}"),
                el("span", {"class": "ap-choice__text"}, text=" ".join(comp.levels.get(n, ()))),
            ),
        )
        for n in RATINGS
    ]
    options.append(
        el(
            "label",
            {"class": "ap-choice ap-choice--na"},
            el(
                "input",
                {
                    "type": "radio",
                    "name": f"self-{comp.id}",
                    "value": "na",
                    "checked": True,
                    "data-testid": f"self-{comp.id}-na",
                },
            ),
            el(
                "span",
                {"class": "ap-choice__body"},
                el("span", {"class": "ap-choice__title"}, text=_("Пока не оцениваю")),
            ),
        )
    )
    badges = (
        [el("span", {"class": "ap-badge"}, text=_("вес в роли {w}").format(w=rc.weight))]
        if rc
        else [el("span", {"class": "ap-badge ap-badge--muted"}, text=_("без веса: в расчёт готовности не входит"))]
    )
    if rc and rc.must_have:
        badges.append(el("span", {"class": "ap-badge ap-badge--must"}, text=_("обязательная")))
    return el(
        "fieldset",
        {"class": "ap-comp ap-self", "data-competency": comp.id},
        el("legend", {}, el("span", {"class": "ap-comp__name"}, text=comp.name), badges),
        el("p", {"class": "ap-hint"}, text=comp.summary) if comp.summary else "",
        el("div", {"class": "ap-choices"}, options),
    )


def self_form(model: Model, role: Role) -> str:
    """Every competency of the model by group, as selfassess.js renderForm draws it."""
    groups: dict[str, list[Competency]] = {}
    for comp in model.competencies:
        groups.setdefault(comp.group, []).append(comp)
    return "".join(
        el("h3", {"class": "ap-group"}, text=g[:1].upper() + g[1:]) + "".join(self_block(model, role, c) for c in cs)
        for g, cs in groups.items()
    )


def self_app(model: Model) -> str:
    """The self-assessment's whole static structure for the model's first role."""
    role = model.roles[0]

    def check(cid: str, label: str) -> str:
        return el("label", {"class": "ap-check"}, el("input", {"id": cid, "type": "checkbox"}), " " + label)

    return el(
        "div",
        {"id": "self-assessment-app", "data-model": MODEL_URL},
        js_notes("sa"),
        el(
            "fieldset",
            {"class": "ap-card ap-setup ap-noprint"},
            el("legend", {}, text=_("Роль")),
            _field(
                _("Роль, которую вы занимаете или к которой идёте"),
                el(
                    "select",
                    {"id": "sa-role"},
                    [el("option", {"value": r.id, "selected": r is role}, text=r.name) for r in model.roles],
                ),
            ),
            el(
                "p",
                {"class": "ap-hint"},
                escape_text(
                    _(
                        "Оцените себя по каждой компетенции: выберите уровень, поведение которого вы показываете регулярно, "
                        "а не в лучший день. "
                    )
                ),
                el(
                    "button",
                    {"type": "button", "class": "ap-linkbutton", "id": "sa-to-result"},
                    text=_("Перейти к результату"),
                ),
            ),
        ),
        el(
            "div",
            {"class": "ap-privacy ap-noprint"},
            check("sa-save", _("Сохранять на этом устройстве")),
            check("sa-manager", _("Оценка руководителя во второй колонке")),
            _button("sa-clear", _("Очистить всё")),
            el(
                "p",
                {"class": "ap-hint"},
                text=_(
                    "Оценки хранятся только в ссылке на эту страницу и, если хотите, в вашем браузере: "
                    "кому вы отправите ссылку, тот их и увидит."
                ),
            ),
        ),
        el(
            "section",
            {"class": "ap-noprint", "aria-labelledby": "sa-form-title"},
            el("h2", {"id": "sa-form-title"}, text=_("Самооценка по компетенциям")),
            el("div", {"id": "sa-form", "class": "ap-comps"}, self_form(model, role)),
        ),
        el(
            "section",
            {"id": "sa-result", "class": "ap-result", "aria-labelledby": "sa-result-title"},
            el("h2", {"id": "sa-result-title"}, text=_("Ваш профиль")),
            el("div", {"class": "ap-result__chart"}, el("div", {"class": "ap-chart-frame", "aria-hidden": "true"}, "")),
        ),
        el(
            "div",
            {"class": "ap-card ap-share ap-noprint"},
            _field(
                _("Ссылка для руководителя или наставника: в ней обе колонки оценок, и её получатель их увидит"),
                el(
                    "input",
                    {
                        "id": "sa-link",
                        "type": "text",
                        "readonly": True,
                        "class": "ap-link",
                        "aria-label": _("Ссылка на самооценку"),
                    },
                ),
            ),
            el(
                "div",
                {"class": "ap-actions"},
                _button("sa-copy", _("Скопировать ссылку")),
                _button("sa-print", _("Печать")),
            ),
        ),
        assessment_file_box(role),
        el("p", {"id": "sa-messages", "class": "ap-messages", "role": "status", "aria-live": "polite"}, ""),
    )


def assessment_file_box(role: Role) -> str:
    """Save the self-assessment as an assessment file (`accountpath team` and the team page read it) and open one back."""
    return el(
        "div",
        {"class": "ap-card ap-file ap-noprint", "id": "sa-file"},
        el("h3", {}, text=_("Файл для руководителя")),
        el(
            "p",
            {"class": "ap-hint"},
            text=_(
                "Сохраните самооценку файлом и передайте руководителю: он сведёт файлы всей команды на странице «Команда». "
                "Файл можно открыть здесь снова."
            ),
        ),
        _field(_("Ваше имя"), el("input", {"id": "sa-person", "type": "text", "autocomplete": "name"})),
        _field(
            _("Ваш уровень сейчас"),
            el("select", {"id": "sa-level"}, [el("option", {"value": lv.id}, text=lv.name) for lv in role.levels]),
        ),
        el(
            "div",
            {"class": "ap-actions"},
            _button("sa-save-file", _("Сохранить файл")),
            el("label", {"class": "md-button ap-button", "for": "sa-open-file"}, text=_("Открыть файл")),
            el(
                "input",
                {
                    "id": "sa-open-file",
                    "type": "file",
                    "accept": ".json,.yml,.yaml",
                    "class": "ap-visually-hidden",
                    "data-testid": "sa-open-file",
                },
            ),
        ),
    )


def escape_text(text: str) -> str:
    """Text as HTML (for mixed content next to elements)."""
    return escape(text, quote=False)


def build(model: Model) -> dict[str, str]:
    """{page path: Markdown} of the two tool pages (their HTML on one line each: Markdown leaves it alone)."""
    apps = {
        "tools/evaluator.md": evaluator_app(model),
        "tools/self-assessment.md": self_app(model),
        "tools/team.md": team_app(model),
        "tools/plan.md": plan_app(model),
    }
    env = template_env(False)
    extra = {"question_rule": kit.question_rule(model), "workbooks": team_workbook_links(model)}
    return {path: env.get_template(tpl).render(app=apps[path], **extra).rstrip() + "\n" for path, tpl in PAGES.items()}
