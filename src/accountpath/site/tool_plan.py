"""The plan builder's page (tools/plan.md, issue 19): the static form «План собеседования» with
the controls «Роль», «Уровень», «Кандидат», «Интервьюеры» and «Минут на интервью», and empty
frames the planner script (docs/assets/js/planner/planner.js) fills: the notes, the schedule,
each interviewer's focus and focused card, and the downloads (plan.yml byte for byte as
`accountpath plan` writes it; each card as YAML and JSON)."""

from __future__ import annotations

from accountpath.method.plan import MAX_MINUTES, MIN_MINUTES, panel_size
from accountpath.model.types import Model, RoleLevel
from accountpath.site.tool_evaluator import MODEL_URL, _button, el

EXAMPLE_PANEL = ("Ирина Смирнова", "Пётр Петров", "Ольга Ким")


def _labelled(cid: str, label: str, control: str, hint: str = "", extra: str = "") -> str:
    return el(
        "div",
        {"class": "ap-field"},
        el("label", {"for": cid}, el("span", {}, text=label)),
        control,
        el("span", {"class": "ap-hint"}, text=hint) if hint else "",
        extra,
    )


def panel_hint(level: RoleLevel) -> str:
    """«Кого позвать интервьюерами ◇: 1 — …; 2 — …» from the level's `interview.panel` (planner.js `panelHint` writes the
    same for the chosen level), or "" when the model does not say."""
    seats = level.interview.panel if level.interview is not None else ()
    if not seats:
        return ""
    return "Кого позвать интервьюерами ◇: " + "; ".join(f"{n} — {seat}" for n, seat in enumerate(seats, start=1))


def plan_app(model: Model) -> str:
    """The plan builder's static structure; the first role's levels in «Уровень»."""
    role = model.roles[0]
    level = role.levels[min(1, len(role.levels) - 1)]
    roles = [el("option", {"value": r.id, "selected": r is role}, text=r.name) for r in model.roles]
    levels = [el("option", {"value": lv.id, "selected": lv is level}, text=lv.name) for lv in role.levels]
    form = el(
        "fieldset",
        {"class": "ap-card ap-setup ap-noprint", "id": "pl-form"},
        el("legend", {}, text="План собеседования"),
        el(
            "div",
            {"class": "ap-grid"},
            _labelled("pl-role", "Роль", el("select", {"id": "pl-role"}, roles)),
            _labelled("pl-level", "Уровень", el("select", {"id": "pl-level"}, levels)),
            _labelled(
                "pl-candidate", "Кандидат", el("input", {"id": "pl-candidate", "type": "text", "autocomplete": "off"})
            ),
            _labelled(
                "pl-minutes",
                "Минут на интервью",
                el(
                    "input",
                    {
                        "id": "pl-minutes",
                        "type": "number",
                        "min": MIN_MINUTES,
                        "max": MAX_MINUTES,
                        "step": 5,
                        "value": panel_size(role, level)[1],
                        "inputmode": "numeric",
                    },
                ),
                f"у каждого интервьюера, от {MIN_MINUTES} до {MAX_MINUTES}",
            ),
        ),
        _labelled(
            "pl-interviewers",
            "Интервьюеры",
            el("textarea", {"id": "pl-interviewers", "rows": 4}, text="\n".join(EXAMPLE_PANEL)),
            "по одному на строку",
            el("span", {"class": "ap-hint", "id": "pl-panel-hint"}, text=panel_hint(level)),
        ),
    )
    return el(
        "div",
        {"id": "planner-app", "data-model": MODEL_URL},
        el(
            "noscript",
            {},
            el(
                "p",
                {"class": "ap-alert"},
                text="Конструктор плана работает только с JavaScript. Без него распределите компетенции и вопросы по странице «Как проводить интервью».",
            ),
        ),
        form,
        el("div", {"id": "pl-notes", "class": "ap-messages ap-noprint", "role": "status", "aria-live": "polite"}),
        el(
            "div",
            {"class": "ap-actions ap-noprint"},
            _button("pl-download", "Скачать план (файл для оценщика)", primary=True),
            _button("pl-print-schedule", "Печать расписания"),
        ),
        el("section", {"id": "pl-schedule", "class": "ap-plan-schedule", "aria-label": "Расписание"}, ""),
        el("section", {"id": "pl-cards", "class": "ap-plan-cards", "aria-label": "Листы интервьюеров"}, ""),
    )
