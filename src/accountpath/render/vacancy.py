"""The vacancy text of one role level (issue 19): a posting in three sections, «Обязанности»,
«Требования», «Условия», after an opening sentence with the level's title («Ищем …», from the
level's `title_accusative`) and a short intro the agency edits; the duties and the requirements are
the level's own (`duties`, `requirements`: what an outside candidate brings; the level's behaviours
stay on the scorecard), the conditions carry the level's pay.

`vacancy(model, role, level)` gathers the parts; `render_vacancy(..., fmt)` writes md, html, txt
(plain text that pastes cleanly into a job board's editor) or json: hh.ru's vacancy fields
`name`, `description` (HTML with p, ul, li, strong, em only), `key_skills`, `experience` and
`salary` (only when the level has `pay`). The site's «Текст вакансии» pages use the same function.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from typing import Any

from accountpath.model.types import Model, Pay, Role, RoleLevel
from accountpath.render.mdtext import md_escape, md_plain

VACANCY_FORMATS = ("md", "html", "txt", "json")
SECTIONS = ("Обязанности", "Требования", "Условия")
MAX_KEY_SKILLS = 30
EXPERIENCE_IDS = ("noExperience", "between1And3", "between3And6", "moreThan6")
INTRO = (
    "[Название агентства] — [тип агентства: рекламное, digital, PR] агентство; среди клиентов — [отрасли или бренды]. "
    "Клиентский сервис у нас — [сколько человек] аккаунт-менеджеров и директоров, которые ведут клиента "
    "от задачи до результата и отвечают перед ним за сроки, качество и деньги."
)
"""The intro after the opening sentence: the agency replaces the bracketed parts with its own facts."""
REQUIREMENTS_PLACEHOLDER = "[Что кандидат приносит с собой: опыт и где, инструменты, языки, отрасли клиентов]"

PROBATION_LINE = (
    "Испытательный срок — до трёх месяцев, с понятными целями на 30, 60 и 90 дней: их обсудим на собеседовании."
)
GROWTH_LINE = (
    "Рост по понятным правилам: уровни с описанным масштабом работы, ИПР на полгода, пересмотр уровня и оклада "
    "[два раза в год]."
)
"""Said where the level has a next step in the model: an agency that levels openly says so in its posting."""
NO_PAY_LINE = "Оплата: от [ ] до [ ] ₽ [до вычета НДФЛ / на руки] + бонус [до …% оклада, за что]."
FORMAT_LINE = "Формат работы и офис: [офис, гибрид или удалённо; адрес]."


@dataclass(frozen=True)
class Vacancy:
    """The parts of one posting, in plain text."""

    name: str
    intro: str
    duties: tuple[str, ...]
    requirements: tuple[str, ...]
    conditions: tuple[str, ...]
    key_skills: tuple[str, ...]
    experience: str
    pay: Pay | None

    def sections(self) -> tuple[tuple[str, tuple[str, ...]], ...]:
        return tuple(zip(SECTIONS, (self.duties, self.requirements, self.conditions)))


def money(value: int) -> str:
    """Roubles with a space between thousands: 120000 -> «120 000»."""
    return f"{value:,}".replace(",", " ")


def pay_text(pay: Pay) -> str:
    """«от 90 000 до 120 000 ₽ в месяц до вычета НДФЛ»."""
    parts = []
    if pay.from_ is not None:
        parts.append(f"от {money(pay.from_)}")
    if pay.to is not None:
        parts.append(f"до {money(pay.to)}")
    tax = "до вычета НДФЛ" if pay.gross else "на руки"
    return f"{' '.join(parts)} ₽ в месяц {tax}"


def experience_id(level: RoleLevel) -> str:
    """hh.ru's experience id from the level's bracket: the smallest number of years it names
    («до 1 года» and less than a year: noExperience; 1-2: between1And3; 3-5: between3And6; 6+: moreThan6)."""
    text = level.experience.casefold()
    years = [int(n) for n in re.findall(r"\d+", text)]
    low = 0 if not years or text.lstrip().startswith("до") else years[0]
    if low < 1:
        return "noExperience"
    if low < 3:
        return "between1And3"
    if low < 6:
        return "between3And6"
    return "moreThan6"


def _raw_level(model: Model, role: Role, level: RoleLevel) -> dict[str, Any]:
    """The level's mapping as written in the model (for keys the typed model does not carry)."""
    for r in model.data.get("roles", []):
        if isinstance(r, dict) and r.get("id") == role.id:
            for lv in r.get("levels", []):
                if isinstance(lv, dict) and lv.get("id") == level.id:
                    return lv
    return {}


def _scope(model: Model, role: Role, level: RoleLevel) -> list[str]:
    """The level's scope lines when the model has them (a list or a mapping of texts), else its summary."""
    raw: Any = None
    for r in model.data.get("roles", []):
        if isinstance(r, dict) and r.get("id") == role.id:
            for lv in r.get("levels", []):
                if isinstance(lv, dict) and lv.get("id") == level.id:
                    raw = lv.get("scope")
    if isinstance(raw, str):
        return [raw]
    if isinstance(raw, list):
        return [str(x) for x in raw if isinstance(x, (str, int, float))]
    if isinstance(raw, dict):
        return [str(v) for v in raw.values() if isinstance(v, (str, int, float))]
    return [level.summary] if level.summary else []


def _duties(model: Model, role: Role, level: RoleLevel) -> list[str]:
    """The level's own `duties` («вы»), else its scope lines and the role's responsibilities."""
    raw = _raw_level(model, role, level).get("duties")
    if isinstance(raw, list) and raw:
        return [str(x) for x in raw]
    return _scope(model, role, level) + list(role.responsibilities)


def experience_line(level: RoleLevel) -> str:
    """The experience requirement of a level without its own `requirements`; a level open to newcomers says so."""
    if experience_id(level) == "noExperience":
        return "Опыт в агентстве до года или стажировка; рассматриваем выпускников."
    return f"Опыт: {level.experience}."


def _requirements(level: RoleLevel) -> list[str]:
    """The level's own `requirements` (what an outside candidate brings), else its experience and a line
    for the agency to fill; never the level's behaviours, which belong on the scorecard."""
    if level.requirements:
        return list(level.requirements)
    return [experience_line(level), REQUIREMENTS_PLACEHOLDER]


def opening(level: RoleLevel) -> str:
    """The posting's first sentence: «Ищем младшего аккаунт-менеджера.» from the level's `title_accusative`."""
    if level.title_accusative:
        return f"Ищем {level.title_accusative}."
    return f"Открыта вакансия: {level.name}."


HH_NAME_MAX = 100
"""The longest posting title the vacancy gives (hh.ru keeps titles short; candidates search by them)."""


def posting_title(level: RoleLevel) -> str:
    """The level's name with the titles agencies post it under (`also_called`, without their Russian
    glosses), e.g. «Младший аккаунт-менеджер (Junior Account Manager / Account Executive)»: candidates
    search hh.ru by the English titles. Titles that repeat the name are left out; so are the last ones
    when the whole would pass HH_NAME_MAX characters."""
    extra: list[str] = []
    for name in level.also_called:
        short = name.split(" (")[0].strip()
        if short and short.lower() not in level.name.lower() and short not in extra:
            extra.append(short)
    while extra and len(f"{level.name} ({' / '.join(extra)})") > HH_NAME_MAX:
        extra.pop()
    return f"{level.name} ({' / '.join(extra)})" if extra else level.name


def vacancy(model: Model, role: Role, level: RoleLevel) -> Vacancy:
    """The posting of one role level."""
    conditions = [f"Оплата: {pay_text(level.pay)}." if level.pay else NO_PAY_LINE, FORMAT_LINE]
    if level.probation or role.probation:
        conditions.append(PROBATION_LINE)
    if level is not role.levels[-1] or any(model.role(r) for r in role.career.to):
        conditions.append(GROWTH_LINE)
    conditions.append("Оформление по ТК РФ, [ДМС, обучение, другие условия агентства].")
    skills = [c.name for rc in role.by_weight() if (c := model.competency(rc.id))]
    return Vacancy(
        name=posting_title(level),
        intro=f"{opening(level)} {INTRO}",
        duties=tuple(_duties(model, role, level)),
        requirements=tuple(_requirements(level)),
        conditions=tuple(conditions),
        key_skills=tuple(dict.fromkeys(skills))[:MAX_KEY_SKILLS],
        experience=experience_id(level),
        pay=level.pay,
    )


# ---------------------------------------------------------------- formats


def description_html(v: Vacancy) -> str:
    """hh.ru's description: only p, ul, li, strong, em; every text escaped."""
    e = html.escape
    parts = [f"<p>{e(v.intro)}</p>"]
    for title, lines in v.sections():
        parts.append(f"<p><strong>{e(title)}</strong></p>")
        parts.append("<ul>" + "".join(f"<li>{e(line)}</li>" for line in lines) + "</ul>")
    return "".join(parts)


def hh_json(v: Vacancy) -> dict[str, Any]:
    """hh.ru's vacancy fields; `salary` only when the level has pay."""
    data: dict[str, Any] = {
        "name": v.name,
        "description": description_html(v),
        "key_skills": [{"name": s} for s in v.key_skills],
        "experience": {"id": v.experience},
    }
    if v.pay is not None:
        data["salary"] = {"from": v.pay.from_, "to": v.pay.to, "currency": "RUR", "gross": v.pay.gross}
    return data


def vacancy_md(v: Vacancy, heading: str = "#", *, plain: bool = False) -> str:
    """The posting as Markdown: escaped for the site's page, or `plain` for the download (text as written)."""
    e = md_plain if plain else md_escape
    lines = [f"{heading} {e(v.name)}", "", e(v.intro), ""]
    for title, items in v.sections():
        lines += [f"{heading}# {title}", ""] + [f"- {e(x)}" for x in items] + [""]
    return "\n".join(lines)


def vacancy_txt(v: Vacancy) -> str:
    """Plain text: no markup, one item a line with a bullet, a blank line between sections."""
    lines = [v.name, "", v.intro, ""]
    for title, items in v.sections():
        lines += [title, *(f"• {' '.join(x.split())}" for x in items), ""]
    return "\n".join(lines)


def vacancy_html(v: Vacancy) -> str:
    e = html.escape
    body = [f"<h1>{e(v.name)}</h1>", f"<p>{e(v.intro)}</p>"]
    for title, items in v.sections():
        body.append(f"<h2>{e(title)}</h2>")
        body.append("<ul>\n" + "\n".join(f"  <li>{e(x)}</li>" for x in items) + "\n</ul>")
    return (
        '<!doctype html>\n<html lang="ru">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{e(v.name)} — текст вакансии</title>\n"
        "<style>body{font:11pt/1.45 system-ui,sans-serif;max-width:46em;margin:2em auto;padding:0 1em}"
        "h2{font-size:1.15em;margin-top:1.4em}</style>\n</head>\n<body>\n" + "\n".join(body) + "\n</body>\n</html>\n"
    )


def render_vacancy(model: Model, role: Role, level: RoleLevel, fmt: str) -> str:
    """The posting in one of VACANCY_FORMATS."""
    v = vacancy(model, role, level)
    if fmt == "json":
        return json.dumps(hh_json(v), ensure_ascii=False, indent=2) + "\n"
    if fmt == "md":
        return vacancy_md(v, plain=True)
    if fmt == "txt":
        return vacancy_txt(v)
    if fmt == "html":
        return vacancy_html(v)
    raise ValueError(f"unknown vacancy format: {fmt}")
