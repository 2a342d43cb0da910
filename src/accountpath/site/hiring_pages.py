"""The site's hiring pages (issue 19): per role level a «Текст вакансии» page (the vacancy text of
`accountpath vacancy`, with a copy button and the hh.ru JSON) and a «Набор для найма» page (the kit of
`accountpath kit`, with the take-home card to download), plus hiring/index.md listing them all.
Generated from the same functions as the commands; the files go under hiring/files/."""

from __future__ import annotations

from html import escape

from accountpath.i18n import _
from accountpath.model.types import Model, Role, RoleLevel
from accountpath.render import kit as kit_mod
from accountpath.render import vacancy as vac
from accountpath.render.kit import PAY_EXPLAINED, UNKNOWN, full_title, pay_line, tenure_guides

__all__ = ["PAY_EXPLAINED", "UNKNOWN", "pay_line", "tenure_guides"]
from accountpath.render.mdtext import md_escape

FILES = "hiring/files"


def vacancy_page(role: Role, level: RoleLevel) -> str:
    return f"hiring/vacancy-{role.id}-{level.id}.md"


def kit_page(role: Role, level: RoleLevel) -> str:
    return f"hiring/kit-{role.id}-{level.id}.md"


def _vacancy_md(model: Model, role: Role, level: RoleLevel) -> str:
    v = vac.vacancy(model, role, level)
    text = vac.vacancy_txt(v)
    title = full_title(role, level)
    rows = max(12, text.count("\n") + 2)
    lines = [
        "---",
        f'title: "Текст вакансии: {title}"',
        "---",
        "",
        f"# Текст вакансии: {md_escape(title)}",
        "",
        "Это черновик вакансии для уровня — замените текст в квадратных скобках сведениями о своём агентстве, "
        "проверьте обязанности и условия и скопируйте текст в редактор вакансии "
        f"на hh.ru или другой площадке. Весь набор для этой вакансии — на странице [Набор для найма]({kit_page(role, level)[7:]}).",
        "",
        pay_line(model, role, level),
        "",
        PAY_EXPLAINED,
        "",
        '<div class="ap-copy" data-search-exclude>',
        '<label for="vacancy-text"><strong>Текст для вставки</strong></label>',
        f'<textarea id="vacancy-text" class="ap-copy__text" rows="{rows}" readonly>{escape(text)}</textarea>',
        '<p><button type="button" class="md-button md-button--primary ap-copy__button" data-copy="vacancy-text">'
        "Скопировать текст вакансии</button> "
        '<span class="ap-copy__status" role="status" aria-live="polite"></span></p>',
        "</div>",
        '<details class="ap-integration" data-search-exclude>',
        "<summary>Для интеграции с hh.ru</summary>",
        f'<p><a href="../files/{role.id}-{level.id}-hh.json" download>Файл для автоматической публикации на hh.ru</a>'
        " — передайте его тому, кто у вас подключал hh.ru к системе найма.</p>",
        "</details>",
        '<script type="module" src="../../assets/js/site/copytext.js"></script>',
        "",
        "## Как это выглядит",
        "",
        vac.vacancy_md(v, heading="###").split("\n", 2)[2],
    ]
    return "\n".join(lines).rstrip() + "\n"


def candidate_file(role: Role, level: RoleLevel) -> str:
    """The file name of a take-home's candidate part (task, time, materials; never the checker's notes)."""
    return f"{role.id}-{level.id}-take-home-candidate.txt"


def _kit_md(model: Model, role: Role, level: RoleLevel) -> str:
    view = kit_mod.kit_view(model, role, level, links=True)
    body = kit_mod.kit_md(view, level_heading="#", sheets_prefix="files/")
    title = full_title(role, level)
    body = body.replace(
        "## Текст вакансии\n\n",
        "## Текст вакансии\n\n"
        f"Текст с кнопкой «Скопировать» и полями для hh.ru — на странице [Текст вакансии]({vacancy_page(role, level)[7:]}).\n\n",
        1,
    )
    links = (
        f"Листы интервьюеров — ниже, в разделе «{_(kit_mod.SECTIONS[2][1])}»: у каждого интервьюера своя ссылка на "
        "лист для печати и Excel. Другое распределение, расписание и файлы для [оценщика](../tools/evaluator.md) "
        "соберите на странице [План собеседования](../tools/plan.md). "
        f"Лист проверяющего тестовое задание: "
        f"[для печати](files/{role.id}-{level.id}-take-home.html) · [Excel](files/{role.id}-{level.id}-take-home.xlsx) — "
        "его оценки войдут в общий итог вместе с листами интервьюеров."
    )
    body = body.replace("## Телефонный скрининг", f"{links}\n\n## Телефонный скрининг", 1) if level.take_home else body
    if level.take_home and level.take_home.handout:
        send = (
            f"Задание и материалы одним файлом для отправки кандидату: [{_(kit_mod.CANDIDATE_FILE)} (txt)]"
            f"(files/{candidate_file(role, level)}). Раздел «{_(kit_mod.FOR_CHECKER)}» в файл не входит."
        )
        head = f"### {_(kit_mod.FOR_CANDIDATE)}\n\n"
        body = body.replace(head, f"{head}{send}\n\n", 1)
    front = f'---\ntitle: "Набор для найма: {title}"\n---\n\n'
    return front + body


def index_md(model: Model) -> str:
    lines = [
        "# Набор для найма",
        "",
        "Всё, что нужно для одной вакансии до и после собеседований: текст вакансии для hh.ru, "
        "вопросы телефонного скрининга для HR, тестовое задание с ключом оценки, вопросы для рекомендаций "
        "и что сказать кандидату о процессе. Кто из интервьюеров что оценивает, решается на странице "
        "[План собеседования](../tools/plan.md).",
        "",
    ]
    for role in model.roles:
        lines += [
            f"## {md_escape(role.name)}",
            "",
            "| Уровень | Текст вакансии | Набор для найма |",
            "| --- | --- | --- |",
        ]
        for level in role.levels:
            lines.append(
                f"| {md_escape(level.name)} | [Текст вакансии]({vacancy_page(role, level)[7:]}) | "
                f"[Набор для найма]({kit_page(role, level)[7:]}) |"
            )
        lines.append("")
    return "\n".join(lines)


def build(model: Model) -> dict[str, str]:
    """{page path: Markdown} of the hiring pages."""
    out = {"hiring/index.md": index_md(model)}
    for role in model.roles:
        for level in role.levels:
            out[vacancy_page(role, level)] = _vacancy_md(model, role, level)
            out[kit_page(role, level)] = _kit_md(model, role, level)
    return out


def downloads(model: Model) -> dict[str, str | bytes]:
    """hh.ru's JSON of every role level, the interviewer sheets of the kit's default panel (for print and
    Excel) and the take-home cards (for print and Excel on the page; YAML and JSON for the maintainers'
    integrations), by docs/ path."""
    out: dict[str, str | bytes] = {}
    for role in model.roles:
        for level in role.levels:
            out[f"{FILES}/{role.id}-{level.id}-hh.json"] = vac.render_vacancy(model, role, level, "json")
            for fmt, _label in kit_mod.SHEET_FORMATS:
                for name, sheet in kit_mod.interviewer_sheets(model, role, level, fmt).items():
                    out[f"{FILES}/{name}"] = sheet
            if level.take_home and level.take_home.handout:
                out[f"{FILES}/{candidate_file(role, level)}"] = kit_mod.candidate_text(level.take_home)
            for fmt, ext in (("html", "html"), ("xlsx", "xlsx"), ("yaml", "yml"), ("json", "json")):
                card = kit_mod.take_home_card(model, role, level, fmt)
                if card is not None:
                    out[f"{FILES}/{role.id}-{level.id}-take-home.{ext}"] = card
    return out
