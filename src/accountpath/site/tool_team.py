"""The team page (tools/team.md, issue 20): the static frame of the in-browser team review
(docs/assets/js/team/team.js adopts it): the file import, the director switch, the result
area and the downloads. The layout names of the xlsx assessment and the team workbook go to
the browser in model.json (`vocab.team_xlsx`, sitedata.team_layout)."""

from __future__ import annotations

from accountpath.i18n import _
from accountpath.model.types import Model, Role, RoleLevel
from accountpath.render import team_files
from accountpath.render.mdtext import md_escape
from accountpath.site.tool_evaluator import MODEL_URL, _button, el, js_notes


def team_app(model: Model) -> str:
    """The team review's static structure: import, director switch, result, downloads."""
    return el(
        "div",
        {"id": "team-app", "data-model": MODEL_URL},
        js_notes("tm"),
        el(
            "div",
            {"class": "ap-card ap-import ap-noprint"},
            el(
                "label",
                {"class": "ap-field", "for": "tm-files"},
                el("span", {}, text=_("Файлы оценок или книга команды")),
            ),
            el(
                "input",
                {
                    "id": "tm-files",
                    "type": "file",
                    "multiple": True,
                    "accept": ".json,.yml,.yaml,.xlsx",
                    "data-testid": "tm-files",
                },
            ),
            el(
                "p",
                {"class": "ap-hint"},
                text=_(
                    "Файлы самооценки и оценки руководителя или книга команды в Excel. "
                    "Файлы читаются в браузере и никуда не отправляются."
                ),
            ),
        ),
        el(
            "div",
            {"class": "ap-privacy ap-noprint"},
            el(
                "label",
                {"class": "ap-check"},
                el("input", {"id": "tm-director", "type": "checkbox"}),
                " " + _("Для директора: без имён (только количества по ролям и уровням)"),
            ),
            _button("tm-clear", _("Очистить всё")),
        ),
        el("section", {"id": "tm-result", "class": "ap-result", "aria-live": "polite"}, ""),
        el(
            "div",
            {"class": "ap-actions ap-noprint"},
            _button("tm-json", _("Скачать обзор файлом")),
            _button("tm-md", _("Скачать обзор (текстовый файл)")),
        ),
        el("p", {"id": "tm-messages", "class": "ap-messages", "role": "status", "aria-live": "polite"}, ""),
    )


WORKBOOK_DIR = "tools/files"
"""Where the site keeps the blank team workbooks (one per role level), relative to docs/."""


def workbook_name(role: Role, level: RoleLevel) -> str:
    """The file name of a level's blank team workbook: ids only."""
    return f"team-{role.id}-{level.id}.xlsx"


def workbook_downloads(model: Model) -> dict[str, bytes]:
    """The blank team workbook of every role level (`accountpath team-workbook`), by docs/ path."""
    return {
        f"{WORKBOOK_DIR}/{workbook_name(role, level)}": team_files.team_workbook(model, role.id, level.id)
        for role in model.roles
        for level in role.levels
    }


def team_workbook_links(model: Model) -> str:
    """The team page's list of blank workbooks: a line per role, a link per level (Markdown)."""
    lines = []
    for role in model.roles:
        links = " · ".join(f"[{md_escape(level.name)}](files/{workbook_name(role, level)})" for level in role.levels)
        lines.append(f"- {md_escape(role.name)}: {links}")
    return "\n".join(lines)
