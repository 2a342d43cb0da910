"""The hiring kit of one vacancy (issue 19): everything a hiring manager and HR need for one role
level, in one document: the vacancy text, the HR phone screen, the panel outline, the take-home
task with its scoring key, the reference check with the consent line (152-ФЗ), and what to tell
the candidate about the process and its timing.

`kit_view(model, role, level)` gathers the parts; `render_kit(..., "md" | "html")` writes them
(PDF comes from the html through the pdf adapter). The site's kit pages use the same view.
A scored take-home is a focused card like any other: interviewer «Тестовое задание», the
scoring competencies as focus (`take_home_card`), so the debrief counts it.
"""

from __future__ import annotations

import dataclasses
import html
import math
import re
from dataclasses import dataclass
from typing import Any

from accountpath.i18n import N_, _, model_language, nplural
from accountpath.method.plan import assign_focus, make_plan, panel_size, questions_per_focus
from accountpath.model.types import Model, ReferenceQuestion, Role, RoleLevel
from accountpath.render import scorecard
from accountpath.render.cardtext import card_title
from accountpath.render.mdtext import md_escape, md_plain_cell
from accountpath.render.vacancy import Vacancy, experience_id, vacancy
from accountpath.vocab import ANCHORS_TO_RATING, TAKE_HOME_NOT_DONE, TAKE_HOME_SHEET

KIT_FORMATS = ("md", "html")
TAKE_HOME_INTERVIEWER = TAKE_HOME_SHEET
"""The interviewer name of a scored take-home's card: the debrief counts it like any other card."""

SECTIONS = (
    ("vacancy", "Текст вакансии"),
    ("screen", "Телефонный скрининг"),
    ("panel", N_("Собеседования с интервьюерами")),
    ("take_home", "Тестовое задание"),
    ("references", "Проверка рекомендаций"),
    ("candidate", "Что сказать кандидату о процессе и сроках"),
)
"""The kit's sections in order: (key, heading)."""

CONSENT_LINE = (
    "Рекомендации запрашиваем только с письменного согласия кандидата на обработку его персональных данных "
    "(152-ФЗ «О персональных данных») и только у людей, которых он назвал сам; без согласия — не звоним."
)
SCREEN_NOTE = N_(
    "15–20 минут по телефону или видеосвязи, ведёт HR. Стоп-вопрос: если ответ не подходит, "
    "дальше по процессу кандидата не ведём и вежливо говорим об этом в тот же день."
)
"""The phone screen's note where the level has a knock-out question."""
SCREEN_NOTE_OPEN = N_(
    "15–20 минут по телефону или видеосвязи, ведёт HR. Звонок нужен, чтобы сверить ожидания кандидата "
    "по деньгам, формату работы и дате выхода с вакансией и услышать, что он делал сам — на работе, "
    "стажировке или в учебном проекте. Стоп-вопросов на этом уровне нет: без опыта в агентстве никого "
    "не отсеивают, о навыках судят на собеседованиях; остановиться стоит, только если не сходятся деньги, "
    "формат работы или дата выхода. Если всё сходится, договоритесь о собеседованиях и назовите кандидату сроки."
)
"""The phone screen's note where no question knocks out (a level open to newcomers): what the call is for."""
REFERENCE_NOTE = (
    "Два-три разговора по 10–15 минут с бывшими руководителями или коллегами, после финального интервью. "
    "Спрашивайте о поступках, а не о характере; отмечайте, что должно насторожить."
)


@dataclass(frozen=True)
class Step:
    """One step of the process as the candidate hears it: what, how long, when."""

    name: str
    length: str
    when: str


def full_title(role: Role, level: RoleLevel) -> str:
    """card_title, with the role's abbreviation when the title names the role without it
    («Key Account Manager (KAM)»: KAM and CSD are introduced in full on first mention)."""
    title = card_title(role, level)
    abbr = re.search(r"\(([^)]+)\)\s*$", role.name)
    return f"{title} ({abbr.group(1)})" if abbr and "(" not in title else title


def interviews_length(count: int, minutes: int) -> str:
    """How long the interviews take, as the candidate hears it: «по 45 минут с каждым из 2 интервьюеров»."""
    if count == 1:
        return _("{m} минут с одним интервьюером").format(m=minutes)
    return _("по {m} минут с каждым из {n} интервьюеров, можно в один день").format(m=minutes, n=count)


def process_steps(model: Model, role: Role, level: RoleLevel, panel: int, minutes: int | None = None) -> list[Step]:
    """The process the candidate is told about, with timings (the project's practice); the interviews
    as the level's panel has them (`panel` interviewers, `minutes` each, default the level's)."""
    minutes = panel_size(role, level)[1] if minutes is None else minutes
    stage = level.take_home.stage if level.take_home else None
    steps = [Step("Телефонный разговор с HR", "15–20 минут", "в течение 2–3 рабочих дней после отклика")]
    if level.take_home and stage == "before_interviews":
        # the cheapest filter first: the interviewers then discuss the work the candidate sent
        steps.append(Step("Тестовое задание", level.take_home.time_limit, _("после телефонного разговора")))
    steps.append(
        Step(
            _("Собеседования с интервьюерами"),
            interviews_length(panel, minutes),
            _("после тестового задания")
            if stage == "before_interviews"
            else "в течение недели после телефонного разговора",
        )
    )
    if level.take_home and stage == "after_interviews":
        steps.append(Step("Тестовое задание", level.take_home.time_limit, _("после собеседований")))
    if level.take_home and stage == "final_meeting":
        steps.append(
            Step(
                _("Финальная встреча с руководителем клиентского сервиса или управляющим партнёром: кейс и условия"),
                level.take_home.time_limit,
                _("после собеседований"),
            )
        )
    steps.append(Step("Рекомендации", "2–3 звонка, с вашего согласия", "перед решением"))
    steps.append(
        Step("Решение и обратная связь", "звонок или письмо", "в течение 3 рабочих дней после последнего шага")
    )
    return steps


def reference_questions(model: Model, role: Role) -> list[tuple[str, tuple[ReferenceQuestion, ...]]]:
    """(competency name, its reference questions) for the role's must-haves, heaviest first."""
    out = []
    for rc in role.by_weight():
        comp = model.competency(rc.id)
        if rc.must_have and comp and comp.reference_questions:
            out.append((comp.name, comp.reference_questions))
    return out


def panel_outline(model: Model, role: Role, level: RoleLevel) -> dict[str, Any]:
    """The suggested panel (`panel_size`: the level's own, else the fewest interviewers that meet the
    coverage rules, two at least), each interviewer's focus, the questions per focus competency, the
    competencies no focus holds (a lighter panel leaves the lightest out) with their weight and the
    weight the hiring rule needs, and the weighted competencies with their targets."""
    count, minutes = panel_size(role, level)
    plan, _notes = make_plan(model, role.id, level.id, [f"Интервьюер {n}" for n in range(1, count + 1)])
    focus = [p["focus"] for p in plan["interviewers"]]
    names = {c.id: c.name for c in model.competencies}
    left = [rc for rc in role.by_weight() if not any(rc.id in f for f in focus)]
    total = sum(rc.weight for rc in role.competencies)
    return {
        "count": count,
        "minutes": minutes,
        "per_focus": questions_per_focus(level, minutes, focus),
        "left_out": [names[rc.id] for rc in left],
        "left_weight": sum(rc.weight for rc in left),
        "total_weight": total,
        "need_weight": math.ceil(model.evaluation.min_coverage * total - 1e-9),
        "people": [(p["name"], [names[c] for c in p["focus"]]) for p in plan["interviewers"]],
        "sheets": [sheet_stem(role, level, n) for n in range(1, count + 1)],
        "competencies": [
            (names[rc.id], rc.weight, rc.must_have, level.targets[rc.id], model.competency(rc.id))
            for rc in role.by_weight()
        ],
    }


SHEET_FORMATS = (("html", N_("лист для печати")), ("xlsx", "Excel"))
"""The interviewer sheets a kit page offers: (file extension, link text)."""


COUNT_WORDS = {1: N_("один"), 2: N_("два"), 3: N_("три"), 4: N_("четыре")}


def questions_by_minutes(model: Model) -> dict[int, tuple[int, ...]]:
    """{minutes of an interview: the questions per focus competency the default panels of those minutes get},
    over every role level of the model (from the level's `interview` and `questions_per_focus`)."""
    out: dict[int, set[int]] = {}
    for role in model.roles:
        for level in role.levels:
            count, minutes = panel_size(role, level)
            focus, _missing = assign_focus(role, count)
            out.setdefault(minutes, set()).add(questions_per_focus(level, minutes, focus))
    return {m: tuple(sorted(out[m])) for m in sorted(out)}


def question_rule(model: Model) -> str:
    """The site's one rule for questions per competency, from the model: «на встрече 60 минут — один вопрос
    на компетенцию, 90 минут — два»."""
    parts = []
    for minutes, counts in questions_by_minutes(model).items():
        words = _(" или ").join(_(COUNT_WORDS[n]) if n in COUNT_WORDS else str(n) for n in counts)
        parts.append((_("{m} минут — {n}").format(m=minutes, n=words), counts[-1]))
    first, count = parts[0]
    noun = nplural(count, "вопрос", "вопроса", "вопросов")
    if len(parts) == 1:
        return _("на встрече {first} {noun} на компетенцию").format(first=first, noun=noun)
    return _("на встрече {first} {noun} на компетенцию, {rest}").format(
        first=first, noun=noun, rest=", ".join(p for p, _n in parts[1:])
    )


def sheet_stem(role: Role, level: RoleLevel, number: int) -> str:
    """The file name (without extension) of the default panel's `number`-th interviewer sheet: ids and the
    number, never a person's name."""
    return f"{role.id}-{level.id}-interviewer-{number}"


def interviewer_sheets(model: Model, role: Role, level: RoleLevel, fmt: str) -> dict[str, bytes]:
    """The focused cards of the kit's default panel ({sheet_stem.ext: bytes}, interviewer order): the plan the
    kit shows (`panel_outline`), each card with that interviewer's competencies and questions, the name left
    blank for the interviewer to write in."""
    count, _minutes = panel_size(role, level)
    plan, _notes = make_plan(model, role.id, level.id, [f"Интервьюер {n}" for n in range(1, count + 1)])
    plan["interviewers"] = [dict(p, name="") for p in plan["interviewers"]]
    cards = scorecard.focused_cards(model, plan, fmt).values()
    ext = {"yaml": "yml"}.get(fmt, fmt)
    return {f"{sheet_stem(role, level, n)}.{ext}": data for n, data in enumerate(cards, start=1)}


def kit_view(model: Model, role: Role, level: RoleLevel) -> dict[str, Any]:
    """Everything the kit shows for one role level."""
    panel = panel_outline(model, role, level)
    scale = {s.level: s.name for s in model.scale}
    return {
        "title": full_title(role, level),
        "role": role,
        "level": level,
        "vacancy": vacancy(model, role, level),
        # at a level open to newcomers only the knock-outs marked for them stop (format of work, pay):
        # a graduate has no agency task to recall
        "screening": tuple(
            dataclasses.replace(q, knock_out=q.stops(experience_id(level) == "noExperience")) for q in role.screening
        ),
        "panel": panel,
        "scale": scale,
        "take_home": level.take_home,
        "names": {c.id: c.name for c in model.competencies},
        "references": reference_questions(model, role),
        "steps": process_steps(model, role, level, panel["count"], panel["minutes"]),
    }


def take_home_card(model: Model, role: Role, level: RoleLevel, fmt: str) -> bytes | None:
    """The scored take-home as a focused card (interviewer «Тестовое задание»), or None without a take-home."""
    if level.take_home is None:
        return None
    focus = [s.competency for s in level.take_home.scoring]
    return scorecard.render(model, role.id, level.id, fmt, interviewer=TAKE_HOME_INTERVIEWER, focus=focus)


def screen_note(view: dict[str, Any]) -> str:
    """The phone screen's note: about stop-questions where one knocks out, else what the call is for."""
    return _(SCREEN_NOTE) if any(q.knock_out for q in view["screening"]) else _(SCREEN_NOTE_OPEN)


def panel_text(p: dict[str, Any]) -> tuple[str, str | None]:
    """(the interviews' opening sentence, the note on competencies no interviewer rates or None)."""
    per = (
        _("по одному вопросу на каждую компетенцию своего списка")
        if p["per_focus"] == 1
        else _("по {n} вопроса на каждую компетенцию своего списка").format(n=p["per_focus"])
    )
    intro = _(
        "Интервьюеров: {n}, у каждого {m} минут, {per}. Каждый оценивает только свои компетенции "
        "и заполняет лист до общего обсуждения."
    ).format(n=p["count"], m=p["minutes"], per=per)
    if not p["left_out"]:
        return intro, None
    note = _(
        "На собеседованиях этого уровня не оцениваются: {names} — вместе {w} из {total} по весу. Решение "
        "можно принять, когда оценены компетенции весом не меньше {need} из {total}, поэтому каждый "
        "интервьюер ставит оценки по всем компетенциям своего списка."
    ).format(
        names=", ".join(f"«{n}»" for n in p["left_out"]),
        w=p["left_weight"],
        total=p["total_weight"],
        need=p["need_weight"],
    )
    return intro, note


def sheet_links(name: str, stem: str, prefix: str | None) -> str:
    """What the kit says beside an interviewer: links to the sheet for print and in Excel on the site
    («Интервьюер 1 — лист для печати · Excel»), else the names of the sheet files the site offers."""
    if prefix is None:
        files = ", ".join(f"{stem}.{ext}" for ext, _label in SHEET_FORMATS)
        return _("лист для печати и Excel на странице набора на сайте: {files}").format(files=files)
    (html_ext, print_label), (xlsx_ext, xlsx_label) = SHEET_FORMATS
    return f"[{name} — {_(print_label)}]({prefix}{stem}.{html_ext}) · [{xlsx_label}]({prefix}{stem}.{xlsx_ext})"


TAKE_HOME_KEY = N_(
    "Проверяющий заполняет лист «{sheet}» по этим компетенциям; его оценки входят в общий итог "
    "вместе с листами интервьюеров."
)


# ---------------------------------------------------------------- markdown


def _vacancy_md(v: Vacancy, e: Any = md_escape) -> list[str]:
    out = [f"**{e(v.name)}**", "", e(v.intro), ""]
    for title, items in v.sections():
        out += [f"**{title}**", ""] + [f"- {e(x)}" for x in items] + [""]
    return out


def kit_md(
    view: dict[str, Any], level_heading: str = "#", *, plain: bool = False, sheets_prefix: str | None = None
) -> str:
    """The kit as Markdown (the site's kit page uses it with the same headings). `plain`: the download
    (`accountpath kit -o X.md`), read as plain text — model text as written, without the escapes the
    site's Markdown renderer needs. `sheets_prefix`: the site's folder of the interviewer sheets, linked
    beside each interviewer; without it the line names the sheet files."""
    h = level_heading
    e = md_plain_cell if plain else md_escape  # plain: only a pipe is escaped, it would split a table row
    lines = [f"{h} Набор для найма: {e(view['title'])}", ""]
    lines += [f"{h}# Текст вакансии", "", *_vacancy_md(view["vacancy"], e)]
    lines += [f"{h}# Телефонный скрининг", "", screen_note(view), ""]
    if view["screening"]:
        for n, q in enumerate(view["screening"], start=1):
            stop = " **Стоп-вопрос.**" if q.knock_out else ""
            lines += [f"{n}. {e(q.text)}{stop}", f"    *Что услышать:* {e(q.listen_for)}", ""]
    else:
        lines += ["Вопросов скрининга для этой роли в модели пока нет.", ""]
    p = view["panel"]
    intro, left_note = panel_text(p)
    lines += [
        f"{h}# {_(SECTIONS[2][1])}",
        "",
        e(intro),
        "",
        "| Компетенция | Вес | Обязательная | Цель уровня |",
        "|---|---|---|---|",
    ]
    for name, weight, must, target, _c in p["competencies"]:
        lines.append(f"| {e(name)} | {weight} | {'да' if must else ''} | {target} — {e(view['scale'][target])} |")
    lines.append("")
    for (name, focus), stem in zip(p["people"], p["sheets"]):
        sep = " ·" if sheets_prefix is not None else " —"
        lines.append(f"- **{e(name)}:** {e(', '.join(focus))}{sep} {sheet_links(name, stem, sheets_prefix)}")
    lines.append("")
    if left_note:
        lines += [e(left_note), ""]
    lines += [f"{h}# Тестовое задание", ""]
    th = view["take_home"]
    if th is None:
        lines += ["Для этого уровня тестового задания в модели нет.", ""]
    else:
        lines += [e(th.task), "", f"*Время:* {e(th.time_limit)}", "", "*Материалы:*", ""]
        lines += [f"- {e(m)}" for m in th.materials] + [""]
        lines += [
            f"*Ключ оценки.* {e(_(TAKE_HOME_KEY).format(sheet=TAKE_HOME_INTERVIEWER))} {e(ANCHORS_TO_RATING)}. "
            f"{e(_(TAKE_HOME_NOT_DONE))}.",
            "",
            "| Компетенция | Слабо | Хорошо | Сильно |",
            "|---|---|---|---|",
        ]
        for s in th.scoring:
            lines.append(
                f"| {e(view['names'].get(s.competency, s.competency))} | {e(s.weak)} | {e(s.solid)} | {e(s.strong)} |"
            )
        lines.append("")
    lines += [f"{h}# Проверка рекомендаций", "", REFERENCE_NOTE, "", f"**Согласие.** {CONSENT_LINE}", ""]
    for name, questions in view["references"]:
        lines += [f"**{e(name)}**", ""]
        for q in questions:
            lines += [f"- {e(q.text)}", f"    *Насторожит:* {e(q.worry)}"]
        lines.append("")
    lines += [
        f"{h}# Что сказать кандидату о процессе и сроках",
        "",
        "| Шаг | Сколько времени | Когда |",
        "|---|---|---|",
    ]
    lines += [f"| {e(s.name)} | {e(s.length)} | {e(s.when)} |" for s in view["steps"]]
    lines += [
        "",
        "Сроки — практика проекта; назовите кандидату свои и держите их. "
        "Отказ тоже сообщайте: коротко, по делу и в обещанный срок.",
        "",
    ]
    return "\n".join(lines)


# ---------------------------------------------------------------- html (print CSS; PDF comes from it)

CSS = """
@page { size: A4; margin: 14mm 14mm 16mm; }
body { font: 10pt/1.4 system-ui, "DejaVu Sans", sans-serif; color: #111; max-width: 48em; margin: 1.5em auto; padding: 0 1em; }
h1 { font-size: 1.5em; margin: 0 0 .6em; }
h2 { font-size: 1.2em; margin: 1.4em 0 .4em; border-bottom: 1px solid #999; break-after: avoid; }
table { border-collapse: collapse; width: 100%; margin: .4em 0; }
th, td { border: 1px solid #999; padding: .25em .4em; vertical-align: top; text-align: left; }
tr { break-inside: avoid; }
.note { color: #333; }
.stop { font-weight: bold; }
@media print { body { margin: 0; max-width: none; padding: 0; } }
"""


def kit_html(view: dict[str, Any]) -> str:
    """The kit as a standalone HTML document with print CSS."""
    e = html.escape
    out = [f"<h1>Набор для найма: {e(view['title'])}</h1>"]
    v = view["vacancy"]
    out += ['<h2 id="vacancy">Текст вакансии</h2>', f"<p><strong>{e(v.name)}</strong></p>", f"<p>{e(v.intro)}</p>"]
    for title, items in v.sections():
        out.append(f"<h3>{e(title)}</h3><ul>" + "".join(f"<li>{e(x)}</li>" for x in items) + "</ul>")
    out += ['<h2 id="screen">Телефонный скрининг</h2>', f'<p class="note">{e(screen_note(view))}</p>']
    if view["screening"]:
        out.append("<ol>")
        for q in view["screening"]:
            stop = ' <span class="stop">Стоп-вопрос.</span>' if q.knock_out else ""
            out.append(f"<li>{e(q.text)}{stop}<br><em>Что услышать:</em> {e(q.listen_for)}</li>")
        out.append("</ol>")
    else:
        out.append("<p>Вопросов скрининга для этой роли в модели пока нет.</p>")
    p = view["panel"]
    intro, left_note = panel_text(p)
    out += [
        f'<h2 id="panel">{e(_(SECTIONS[2][1]))}</h2>',
        f"<p>{e(intro)}</p>",
        "<table><tr><th>Компетенция</th><th>Вес</th><th>Обязательная</th><th>Цель уровня</th></tr>",
    ]
    for name, weight, must, target, _c in p["competencies"]:
        out.append(
            f"<tr><td>{e(name)}</td><td>{weight}</td><td>{'да' if must else ''}</td>"
            f"<td>{target} — {e(view['scale'][target])}</td></tr>"
        )
    out.append("</table><ul>")
    out += [
        f"<li><strong>{e(name)}:</strong> {e(', '.join(focus))} — {e(sheet_links(name, stem, None))}</li>"
        for (name, focus), stem in zip(p["people"], p["sheets"])
    ]
    out.append("</ul>")
    if left_note:
        out.append(f'<p class="note">{e(left_note)}</p>')
    out.append('<h2 id="take-home">Тестовое задание</h2>')
    th = view["take_home"]
    if th is None:
        out.append("<p>Для этого уровня тестового задания в модели нет.</p>")
    else:
        out += [
            f"<p>{e(th.task)}</p>",
            f"<p><em>Время:</em> {e(th.time_limit)}</p>",
            "<p><em>Материалы:</em></p><ul>" + "".join(f"<li>{e(m)}</li>" for m in th.materials) + "</ul>",
            f"<p><em>Ключ оценки.</em> {e(_(TAKE_HOME_KEY).format(sheet=TAKE_HOME_INTERVIEWER))} "
            f"{e(ANCHORS_TO_RATING)}. {e(_(TAKE_HOME_NOT_DONE))}.</p>",
            "<table><tr><th>Компетенция</th><th>Слабо</th><th>Хорошо</th><th>Сильно</th></tr>",
        ]
        for s in th.scoring:
            name = view["names"].get(s.competency, s.competency)
            out.append(f"<tr><td>{e(name)}</td><td>{e(s.weak)}</td><td>{e(s.solid)}</td><td>{e(s.strong)}</td></tr>")
        out.append("</table>")
    out += [
        '<h2 id="references">Проверка рекомендаций</h2>',
        f'<p class="note">{e(REFERENCE_NOTE)}</p>',
        f"<p><strong>Согласие.</strong> {e(CONSENT_LINE)}</p>",
    ]
    for name, questions in view["references"]:
        out.append(f"<h3>{e(name)}</h3><ul>")
        out += [f"<li>{e(q.text)}<br><em>Насторожит:</em> {e(q.worry)}</li>" for q in questions]
        out.append("</ul>")
    out += [
        '<h2 id="candidate">Что сказать кандидату о процессе и сроках</h2>',
        "<table><tr><th>Шаг</th><th>Сколько времени</th><th>Когда</th></tr>",
    ]
    out += [f"<tr><td>{e(s.name)}</td><td>{e(s.length)}</td><td>{e(s.when)}</td></tr>" for s in view["steps"]]
    out += [
        "</table>",
        "<p>Сроки — практика проекта; назовите кандидату свои и держите их. "
        "Отказ тоже сообщайте: коротко, по делу и в обещанный срок.</p>",
    ]
    return (
        f'<!doctype html>\n<html lang="ru">\n<head>\n<meta charset="utf-8">\n<title>Набор для найма: {e(view["title"])}'
        f"</title>\n<style>{CSS}</style>\n</head>\n<body>\n" + "\n".join(out) + "\n</body>\n</html>\n"
    )


@model_language
def render_kit(model: Model, role: Role, level: RoleLevel, fmt: str) -> str:
    """The kit in md or html."""
    view = kit_view(model, role, level)
    if fmt == "md":
        return kit_md(view, plain=True)
    if fmt == "html":
        return kit_html(view)
    raise ValueError(f"unknown kit format: {fmt}")
