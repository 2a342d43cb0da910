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
from accountpath.method.plan import make_plan, panel_focus, panel_size, questions_per_focus, splits_by_must_have
from accountpath.model.types import Handout, HandoutTable, Model, ReferenceQuestion, Role, RoleLevel, TakeHome
from accountpath.render import scorecard
from accountpath.render.cardtext import GRADUATE_FIRST, card_title
from accountpath.render.mdtext import md_escape, md_plain_cell
from accountpath.render.vacancy import Vacancy, experience_id, money, pay_text, vacancy
from accountpath.vocab import TAKE_HOME_NOT_DONE, TAKE_HOME_SHEET, TAKE_HOME_WEAK_MAX, take_home_rule

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
NEWCOMER_NOTE = N_(
    "Выпускник без опыта в агентстве показывает компетенции не рассказом о прошлой работе, а ответом "
    "на ситуационный вопрос собеседования — что он сделает в предложенной ситуации; оценка цели уровня "
    "ставится за такой ответ, стаж для неё не нужен. Поэтому для уровня «{level}» ситуационный вопрос стоит "
    "первым во всех компетенциях листов интервьюеров, с пометкой «{label}»: {items}."
)
"""At a level open to newcomers: every competency a graduate shows on a situational question (review 4, finding 5;
review 6, finding 6)."""
PRODUCTION_NOTE = N_(
    "Кандидата из производственного направления оценивайте по его отделу и внутренним клиентам ◇: "
    "продакшн-, медиа- или креативный директор показывает менеджмент команды и баланс интересов на своём "
    "отделе и на группах, которым отдел служит. Высшую оценку по ним ставьте, если его порядок работы "
    "переняли другие отделы агентства. Переговоров с внешним клиентом у него могло не быть: это не повод "
    "отказать, а первая строка плана на испытательный срок."
)
"""At a level whose role is sourced from production heads (the CSD, after the article): how to rate a candidate
who ran a department with internal clients rather than client service (review 7, finding 3)."""
PRODUCTION_SOURCING = "производствен"
"""The word of a role's sourcing line that names production heads (case-insensitive)."""
REFERENCE_NOTE = (
    "Два-три разговора по 10–15 минут с бывшими руководителями или коллегами, после финального интервью. "
    "Спрашивайте о поступках, а не о характере; отмечайте, что должно насторожить."
)
REFERENCE_NOTE_GRADUATE = "Для выпускника — руководитель стажировки или преподаватель, который вёл его проект."
"""At a level open to newcomers: whom to call when a graduate has no former manager (review 6, finding 29)."""

PAY_EXPLAINED = (
    "Вилку в вакансии пишите явно: «до вычета НДФЛ» (gross, из этой суммы агентство удержит налог) или «на руки» "
    "(net, сумма после налога) — кандидаты сравнивают предложения по одной из этих цифр, и путаница стоит доверия. "
    "По ТК РФ на испытательном сроке работник защищён трудовым правом полностью, поэтому оклад ниже, чем у коллег "
    "на той же должности, трудно обосновать; если агентство всё же платит на испытательном сроке меньше, "
    "назовите в вакансии обе суммы."
)
"""Gross and net, and probation pay, in two sentences (the pages' wording, not legal advice)."""


UNKNOWN = "не указан"
"""How older models write a salary row's experience the article does not give (the bundled one leaves it out)."""


def _roubles(low: int | None, high: int | None) -> str:
    """«от 40 000 ₽», «до 40 000 ₽», «75 000 – 80 000 ₽»."""
    if low is not None and high is not None:
        return f"{money(low)} – {money(high)} ₽"
    return f"от {money(low)} ₽" if low is not None else f"до {money(high or 0)} ₽"


def tenure_guides(model: Model, role: Role) -> list[str]:
    """The role's article figures that give pay by tenure, not by level: «без опыта — от 40 000 ₽ (№ 3)»."""
    numbers = {s.id: n for n, s in enumerate(model.sources, start=1)}
    return [
        f"{s.experience} — {_roubles(s.min, s.max)} (№ {numbers.get(s.source, '?')})"
        for s in role.salary
        if s.level is None and s.experience not in (None, UNKNOWN) and not s.is_estimate and (s.min or s.max)
    ]


def pay_line(model: Model, role: Role, level: RoleLevel, *, links: bool = True) -> str:
    """What the page says about the level's pay: the band; or the article's figures for the level; or,
    where the articles give pay by tenure only, those guides and a request for the agency's own band;
    or plainly that the articles have no figures. `links`: the site's link to the role page; without it (the
    download) the line says where on the site the figures are."""
    where = (
        f"[странице роли](../roles/{role.id}.md#salary)"
        if links
        else f"сайте, страница «{role.name}», раздел «Зарплаты»"
    )
    if level.pay is not None:
        basis = {"agency": "вилка агентства", "source": "по статье-источнику", "estimate": "оценка проекта"}
        return f"Оплата: {pay_text(level.pay)} ({basis.get(level.pay.basis, level.pay.basis)}, {level.pay.date})."
    if any(s.level == level.id for s in role.salary):
        return (
            "Вилки агентства для этого уровня здесь нет. Статьи-источники дают ориентир без даты и без пометки, "
            f"до или после налога, — он на {where}; в вакансию впишите свою вилку."
        )
    guides = tenure_guides(model, role)
    if guides:
        cited = {s.source for s in role.salary if s.level is None and s.experience not in (None, UNKNOWN)}
        undated = all(src is None or src.year is None for src in map(model.source, cited))
        when = "без года публикации и " if undated else ""
        # the figures stay on the role page: on the page HR copies from they would be taken for a band
        return (
            "Впишите вилку из грейдовой сетки своего агентства. Статьи-источники дают для этой роли только "
            f"ориентиры по стажу, {when}не именно для агентств, — они на {where}, "
            "для вакансии они не годятся."
        )
    return "В статьях-источниках цифр для этого уровня нет. Впишите в вакансию вилку своего агентства."


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
                _("Финальная встреча с генеральным директором или управляющим партнёром: кейс и условия"),
                level.take_home.time_limit,
                _("после собеседований"),
            )
        )
    steps.append(Step("Рекомендации", "2–3 звонка, с вашего согласия", "перед решением"))
    steps.append(
        Step("Решение и обратная связь", "звонок или письмо", "в течение 3 рабочих дней после последнего шага")
    )
    return steps


LIGHTER_LOOP = N_(
    "Если на финальной стадии у кандидата есть другие предложения, не растягивайте процесс ◇: объедините "
    "собеседования с интервьюерами 2 и 3 в одну встречу на {m} минут. Каждый спрашивает по своему листу и "
    "ставит оценки сам; общую для обоих компетенцию спрашивают один раз, а оценивают оба."
)
LIGHTER_LOOP_EXTRA = 30
"""Minutes a joint meeting of interviewers 2 and 3 adds to one interviewer's slot (the project's practice)."""


def lighter_loop(panel: dict[str, Any]) -> str | None:
    """The kit's offer of a shorter process for a strong candidate with other offers (review 6, finding 16):
    interviewers 2 and 3 in one meeting of their minutes plus LIGHTER_LOOP_EXTRA; None below three interviewers."""
    if panel["count"] < 3:
        return None
    return _(LIGHTER_LOOP).format(m=panel["minutes"] + LIGHTER_LOOP_EXTRA)


def reference_questions(
    model: Model, role: Role, level: RoleLevel | None = None
) -> list[tuple[str, tuple[ReferenceQuestion, ...]]]:
    """(competency name, its reference questions) for the role's must-haves, heaviest first; at a `level`
    open to graduates each question's graduate version where it has one."""
    graduates = level is not None and scorecard.takes_graduates(level)
    out = []
    for rc in role.by_weight():
        comp = model.competency(rc.id)
        if rc.must_have and comp and comp.reference_questions:
            out.append((comp.name, tuple(q.for_level(graduates) for q in comp.reference_questions)))
    return out


def panel_seats(level: RoleLevel) -> tuple[str, ...]:
    """Who sits on the level's panel, one description per interviewer (the model's `interview.panel`), or ()."""
    return level.interview.panel if level.interview is not None else ()


PANEL_SEATS = N_(
    "Кто проводит собеседования ◇: рядом с номером интервьюера написано, кого позвать, — тех, кто будет "
    "работать с человеком, и того, кто отвечает за найм. Оценку каждый ставит сам, итог считают по всем листам."
)


UNSCORED_LABEL = N_("Встреча без оценки")
"""The kit's label of the level's `interview.unscored` meeting (no sheet, nothing of it enters the result)."""


def seat_label(name: str, seat: str) -> str:
    """«Интервьюер 1 — будущий руководитель …»: the interviewer with their seat on the panel, or the name alone."""
    return f"{name} — {seat}" if seat else name


def panel_outline(model: Model, role: Role, level: RoleLevel) -> dict[str, Any]:
    """The suggested panel (`panel_size`: the level's own, else the fewest interviewers that meet the
    coverage rules, two at least), each interviewer's focus, the questions per focus competency, the
    competencies no focus holds (a lighter panel leaves the lightest out) with their weight and the
    weight the hiring rule needs, and the weighted competencies with their targets."""
    count, minutes = panel_size(role, level)
    plan, _notes = make_plan(model, role.id, level.id, [f"Интервьюер {n}" for n in range(1, count + 1)])
    focus = [p["focus"] for p in plan["interviewers"]]
    names = {c.id: c.name for c in model.competencies}
    seats = panel_seats(level)
    left = [rc for rc in role.by_weight() if not any(rc.id in f for f in focus)]
    total = sum(rc.weight for rc in role.competencies)
    return {
        "count": count,
        "minutes": minutes,
        "per_focus": questions_per_focus(level, minutes, focus),
        "split": splits_by_must_have(level, minutes, focus),
        "left_out": [names[rc.id] for rc in left],
        "left_weight": sum(rc.weight for rc in left),
        "total_weight": total,
        "need_weight": math.ceil(model.evaluation.min_coverage * total - 1e-9),
        "people": [(p["name"], [names[c] for c in p["focus"]]) for p in plan["interviewers"]],
        "seats": [seats[k] if k < len(seats) else "" for k in range(len(plan["interviewers"]))],
        "unscored": level.interview.unscored if level.interview is not None else None,
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
            focus, _missing = panel_focus(role, level, count)
            out.setdefault(minutes, set()).add(questions_per_focus(level, minutes, focus))
    return {m: tuple(sorted(out[m])) for m in sorted(out)}


def split_minutes(model: Model) -> set[int]:
    """The minutes at which a default panel gives two questions to each must-have and one to the other
    competencies (`splits_by_must_have`: the 90-minute director meetings)."""
    out = set()
    for role in model.roles:
        for level in role.levels:
            count, minutes = panel_size(role, level)
            focus, _missing = panel_focus(role, level, count)
            if splits_by_must_have(level, minutes, focus):
                out.add(minutes)
    return out


def question_rule(model: Model) -> str:
    """The site's one rule for questions per competency, from the model: «на встрече 60 минут — один вопрос
    на компетенцию, 90 минут — два на обязательную и один на остальные»."""
    parts = []
    split = split_minutes(model)
    for minutes, counts in questions_by_minutes(model).items():
        words = _(" или ").join(_(COUNT_WORDS[n]) if n in COUNT_WORDS else str(n) for n in counts)
        if minutes in split:
            words = _("{n} на обязательную и один на остальные").format(n=words)
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


def newcomer_questions(model: Model, role: Role, level: RoleLevel) -> list[tuple[str, str]]:
    """(competency name, question text): for a level open to newcomers, the situational question the kit's
    interviewer sheets put first, for every competency they rate (review 6, finding 6), weight order; else []."""
    if not scorecard.takes_graduates(level):
        return []
    count, _minutes = panel_size(role, level)
    plan, _notes = make_plan(model, role.id, level.id, [f"Интервьюер {n}" for n in range(1, count + 1)])
    first: dict[str, tuple[str, str]] = {}
    for c in scorecard.plan_cards(model, plan):
        for it in c.items:
            if it.graduate_first and it.rc.id not in first:
                first[it.rc.id] = (it.competency.name, it.questions[0].text)
    return [first[rc.id] for rc in role.by_weight() if rc.id in first]


def kit_view(model: Model, role: Role, level: RoleLevel, *, links: bool = False) -> dict[str, Any]:
    """Everything the kit shows for one role level (`links`: the site's page, with links to other pages)."""
    panel = panel_outline(model, role, level)
    scale = {s.level: s.name for s in model.scale}
    return {
        "title": full_title(role, level),
        "role": role,
        "level": level,
        "vacancy": vacancy(model, role, level),
        # the pay line and the gross/net paragraph: the same on the site's kit page and in the download
        "pay": f"{pay_line(model, role, level, links=links)} {PAY_EXPLAINED}",
        # at a level open to newcomers only the knock-outs marked for them stop (format of work, pay):
        # a graduate has no agency task to recall
        "screening": tuple(
            dataclasses.replace(q, knock_out=q.stops(experience_id(level) == "noExperience"))
            for q in role.screen(level)
        ),
        "panel": panel,
        "scale": scale,
        "newcomers": newcomer_questions(model, role, level),
        "take_home": level.take_home,
        "top": max(sl.level for sl in model.scale),
        "names": {c.id: c.name for c in model.competencies},
        "references": reference_questions(model, role, level),
        "reference_note": REFERENCE_NOTE + (" " + REFERENCE_NOTE_GRADUATE if scorecard.takes_graduates(level) else ""),
        "steps": process_steps(model, role, level, panel["count"], panel["minutes"]),
    }


def take_home_card(model: Model, role: Role, level: RoleLevel, fmt: str) -> bytes | None:
    """The scored take-home as a focused card (interviewer «Тестовое задание»), or None without a take-home."""
    if level.take_home is None:
        return None
    focus = [s.competency for s in level.take_home.scoring]
    return scorecard.render(model, role.id, level.id, fmt, interviewer=TAKE_HOME_INTERVIEWER, focus=focus, open_ids=())


def screen_note(view: dict[str, Any]) -> str:
    """The phone screen's note: about stop-questions where one knocks out, else what the call is for."""
    return _(SCREEN_NOTE) if any(q.knock_out for q in view["screening"]) else _(SCREEN_NOTE_OPEN)


def production_note(view: dict[str, Any]) -> str | None:
    """PRODUCTION_NOTE where the role's sourcing names production heads, else None."""
    if not any(PRODUCTION_SOURCING in line.casefold() for line in view["role"].sourcing):
        return None
    return _(PRODUCTION_NOTE)


def newcomer_note(view: dict[str, Any]) -> str | None:
    """NEWCOMER_NOTE with the competencies of the sheets and their situational questions, or None."""
    if not view["newcomers"]:
        return None
    items = "; ".join(f"«{name}» — {text}" for name, text in view["newcomers"])
    return _(NEWCOMER_NOTE).format(items=items, label=_(GRADUATE_FIRST), level=view["level"].name)


TAKE_HOME_COVERS = N_(
    "Из компетенций, которые не проверяют на собеседованиях, тестовое задание закрывает {names} — вместе {w} "
    "из {total} по весу."
)
TAKE_HOME_COVERS_ONE = N_(
    "Из компетенций, которые не проверяют на собеседованиях, тестовое задание закрывает {names} — {w} из "
    "{total} по весу."
)
TAKE_HOME_SECOND = N_("Кроме того, тест даёт вторую оценку компетенциям {names}: их оценивают и на собеседованиях.")
TAKE_HOME_SECOND_ONE = N_("Кроме того, тест даёт вторую оценку компетенции {names}: её оценивают и на собеседованиях.")
TAKE_HOME_TOTAL = N_("Лист проверяющего входит в общий итог вместе с листами интервьюеров.")


def take_home_covers(view: dict[str, Any]) -> str | None:
    """The note on the take-home beside the competencies no interviewer rates: which of them it scores, which
    competencies the interviewers also rate it scores a second time (review 11, finding 23: a reader must not
    conclude the test checks only the first), and that its sheet counts in the total; None when it scores
    none of them."""
    th, p = view["take_home"], view["panel"]
    if th is None or not p["left_out"]:
        return None
    weights = {view["names"][rc.id]: rc.weight for rc in view["role"].competencies}
    scored = [view["names"].get(s.competency, s.competency) for s in th.scoring]
    covered = [n for n in p["left_out"] if n in scored]
    if not covered:
        return None
    second = [n for n in scored if n not in p["left_out"]]

    def quoted(names: list[str]) -> str:
        return ", ".join(f"«{n}»" for n in names)

    out = [
        _(TAKE_HOME_COVERS if len(covered) > 1 else TAKE_HOME_COVERS_ONE).format(
            names=quoted(covered), w=sum(weights.get(n, 0) for n in covered), total=p["total_weight"]
        )
    ]
    if second:
        out.append(_(TAKE_HOME_SECOND if len(second) > 1 else TAKE_HOME_SECOND_ONE).format(names=quoted(second)))
    return " ".join(out + [_(TAKE_HOME_TOTAL)])


def panel_text(p: dict[str, Any]) -> tuple[str, str | None]:
    """(the interviews' opening sentence, the note on competencies no interviewer rates or None)."""
    if p.get("split"):
        per = _("по {n} вопроса на каждую обязательную компетенцию своего списка и по одному на остальные").format(
            n=p["per_focus"]
        )
    elif p["per_focus"] == 1:
        per = _("по одному вопросу на каждую компетенцию своего списка")
    else:
        per = _("по {n} вопроса на каждую компетенцию своего списка").format(n=p["per_focus"])
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


def panel_notes(view: dict[str, Any], left_note: str | None) -> list[str]:
    """The notes under the panel, in order: newcomers, production heads, competencies no interviewer rates
    (`left_note`) and the take-home that scores some of them."""
    notes = [n for n in (newcomer_note(view), production_note(view), left_note) if n]
    covers = take_home_covers(view) if left_note else None
    return notes + ([covers] if covers else [])


def sheet_links(name: str, stem: str, prefix: str | None, title: str = "") -> str:
    """What the kit says beside an interviewer: links to the sheet for print and in Excel on the site
    («Интервьюер 1 — лист для печати · Excel»), else where on the site the sheet is (page and section)."""
    if prefix is None:
        return _("лист для печати и Excel на сайте: страница «Набор для найма: {title}», раздел «{section}»").format(
            title=title, section=_("Собеседования с интервьюерами")
        )
    (html_ext, print_label), (xlsx_ext, xlsx_label) = SHEET_FORMATS
    return f"[{name} — {_(print_label)}]({prefix}{stem}.{html_ext}) · [{xlsx_label}]({prefix}{stem}.{xlsx_ext})"


KIT_PRACTICE = N_(
    "Длительности, сроки и число звонков в этом наборе — практика проекта ◇, а не данные статей; подставьте "
    "принятые в вашем агентстве."
)
TAKE_HOME_KEY = N_(
    "Проверяющий заполняет лист «{sheet}» по этим компетенциям; его оценки входят в общий итог "
    "вместе с листами интервьюеров."
)
TAKE_HOME_PARTS = N_(
    "Раздел в двух частях. «Для кандидата» HR отправляет кандидату целиком; «Для проверяющего» остаётся "
    "у того, кто проверяет работу, и кандидату не отправляется."
)
MATERIALS_MARK = N_(
    "◇ Материалы написаны проектом: клиент, компания, люди и цифры вымышлены. Можно отправить как есть "
    "или заменить своими — тогда поправьте и заметки для проверяющего."
)
FOR_CANDIDATE = N_("Для кандидата")
FOR_CHECKER = N_("Для проверяющего — кандидату не отправлять")
CHECKER_CATCH = N_("Что должен заметить хороший ответ")
CANDIDATE_FILE = N_("Материалы для кандидата")


def key_scores(target: int, top: int) -> tuple[int, int, int]:
    """The scores of a weak, a solid and a strong take-home at `target`: weak is one below the target
    but never above TAKE_HOME_WEAK_MAX (and never below 1), strong one above it within the scale."""
    return max(1, min(target - 1, TAKE_HOME_WEAK_MAX)), target, min(target + 1, top)


def key_cells(target: int, top: int) -> tuple[str, str, str]:
    """The score labels of the key's three columns: «2», «3», «4»; at the top «5, «сильно» в заметке»."""
    weak, solid, strong = key_scores(target, top)
    strong_label = _("{n} и «сильно» в заметке").format(n=strong) if target >= top else str(strong)
    return str(weak), str(solid), strong_label


def key_rows(th: Any, view: dict[str, Any]) -> list[tuple[str, int, tuple[tuple[str, str], ...]]]:
    """The take-home key's rows for every format: competency name, its target, and per column (weak, solid,
    strong) the score label with the model's description of such an answer."""
    out = []
    for s in th.scoring:
        target = view["level"].targets.get(s.competency, 1)
        labels = key_cells(target, view["top"])
        cells = tuple(zip(labels, (s.weak, s.solid, s.strong), strict=True))
        out.append((view["names"].get(s.competency, s.competency), target, cells))
    return out


def plain_table(table: HandoutTable) -> list[str]:
    """A handout table as plain text: columns padded to their widest cell, figures aligned right."""
    rows = [list(table.columns), *[list(r) for r in table.rows]]
    widths = [max(len(r[i]) for r in rows) for i in range(len(table.columns))]

    def line(cells: list[str], head: bool = False) -> str:
        out = []
        for i, c in enumerate(cells):
            numeric = not head and bool(re.fullmatch(r"[−\-+]?[\d\s ,.%]+", c))
            out.append(c.rjust(widths[i]) if numeric else c.ljust(widths[i]))
        return "  ".join(out).rstrip()

    return [line(rows[0], head=True), "  ".join("-" * w for w in widths), *[line(r) for r in rows[1:]]]


def handout_md(doc: Handout, h: str, e: Any, *, plain: bool) -> list[str]:
    """One handout document as Markdown (a page: a Markdown table) or plain text (a download: padded columns)."""
    lines = [f"{h} {e(doc.title)}", ""]
    for para in doc.text:
        lines += [e(para) if not plain else para, ""]
    if doc.table is not None:
        if plain:
            lines += ["```", *plain_table(doc.table), "```", ""]
        else:
            lines += ["| " + " | ".join(e(c) for c in doc.table.columns) + " |"]
            lines += ["|" + "---|" * len(doc.table.columns)]
            lines += ["| " + " | ".join(e(c) for c in row) + " |" for row in doc.table.rows]
            lines.append("")
    if doc.note:
        lines += [e(doc.note) if not plain else doc.note, ""]
    return lines


def candidate_text(th: TakeHome) -> str:
    """The candidate's part of a take-home as plain text (the file HR sends): the task, the time, the
    materials; never the checker's notes or the key."""
    lines = [_(CANDIDATE_FILE), "", _("Задание"), "", th.task, "", _("Время: {t}").format(t=th.time_limit), ""]
    for doc in th.handout:
        lines += [doc.title, "=" * len(doc.title), ""]
        for para in doc.text:
            lines += [para, ""]
        if doc.table is not None:
            lines += [*plain_table(doc.table), ""]
        if doc.note:
            lines += [doc.note, ""]
    return "\n".join(lines).rstrip() + "\n"


def take_home_md(view: dict[str, Any], h: str, e: Any, *, plain: bool) -> list[str]:
    """The take-home section's body: the candidate's part (task, time, materials) and, apart, the checker's
    part (what a good answer catches, the key with scores)."""
    th = view["take_home"]
    if th is None:
        return ["Для этого уровня тестового задания в модели нет.", ""]
    lines = [_(TAKE_HOME_PARTS), ""]
    if th.handout:
        lines += [_(MATERIALS_MARK), ""]
    lines += [f"{h}## {_(FOR_CANDIDATE)}", "", e(th.task), "", f"*Время:* {e(th.time_limit)}", "", "*Материалы:*", ""]
    lines += [f"- {e(m)}" for m in th.materials] + [""]
    for doc in th.handout:
        lines += handout_md(doc, f"{h}###", e, plain=plain)
    lines += [f"{h}## {_(FOR_CHECKER)}", ""]
    if th.checker_notes:
        lines += [f"*{_(CHECKER_CATCH)}:*", ""] + [f"- {e(n)}" for n in th.checker_notes] + [""]
    lines += [
        f"*Ключ оценки.* {e(_(TAKE_HOME_KEY).format(sheet=TAKE_HOME_INTERVIEWER))} {e(take_home_rule(view['top']))}. "
        f"{e(_(TAKE_HOME_NOT_DONE))}.",
        "",
        "| Компетенция | Цель | Слабо | Хорошо | Сильно |",
        "|---|---|---|---|---|",
    ]
    for name, target, cells in key_rows(th, view):
        scores = " | ".join(f"**{e(label)}** — {e(text)}" for label, text in cells)
        lines.append(f"| {e(name)} | {target} | {scores} |")
    lines.append("")
    return lines


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
    lines = [f"{h} Набор для найма: {e(view['title'])}", "", e(_(KIT_PRACTICE)), ""]
    lines += [f"{h}# Текст вакансии", "", view["pay"], "", *_vacancy_md(view["vacancy"], e)]
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
        "| Компетенция | Вес ◇ | Обязательная | Цель уровня |",
        "|---|---|---|---|",
    ]
    for name, weight, must, target, _c in p["competencies"]:
        lines.append(f"| {e(name)} | {weight} | {'да' if must else ''} | {target} — {e(view['scale'][target])} |")
    lines.append("")
    if any(p["seats"]):
        lines += [e(_(PANEL_SEATS)), ""]
    for (name, focus), seat, stem in zip(p["people"], p["seats"], p["sheets"]):
        sep = " ·" if sheets_prefix is not None else " —"
        links = sheet_links(name, stem, sheets_prefix, view["title"])
        lines.append(f"- **{e(seat_label(name, seat))}:** {e(', '.join(focus))}{sep} {links}")
    lines.append("")
    if p["unscored"]:
        lines += [f"**{e(_(UNSCORED_LABEL))}.** {e(p['unscored'])}", ""]
    for note in panel_notes(view, left_note):
        lines += [e(note), ""]
    lines += [f"{h}# Тестовое задание", "", *take_home_md(view, h, e, plain=plain)]
    lines += [f"{h}# Проверка рекомендаций", "", view["reference_note"], "", f"**Согласие.** {CONSENT_LINE}", ""]
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
    lines.append("")
    lighter = lighter_loop(view["panel"])
    if lighter:
        lines += [e(lighter), ""]
    lines += [
        "Сроки ◇ — практика проекта; назовите кандидату свои и держите их. "
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


def handout_html(doc: Handout) -> list[str]:
    """One handout document as HTML."""
    e = html.escape
    out = [f"<h4>{e(doc.title)}</h4>"] + [f"<p>{e(p)}</p>" for p in doc.text]
    if doc.table is not None:
        out.append("<table><tr>" + "".join(f"<th>{e(c)}</th>" for c in doc.table.columns) + "</tr>")
        out += ["<tr>" + "".join(f"<td>{e(c)}</td>" for c in row) + "</tr>" for row in doc.table.rows]
        out.append("</table>")
    if doc.note:
        out.append(f"<p>{e(doc.note)}</p>")
    return out


def take_home_html(view: dict[str, Any]) -> list[str]:
    """The take-home section's body as HTML: the candidate's part, then the checker's part."""
    e = html.escape
    th = view["take_home"]
    if th is None:
        return ["<p>Для этого уровня тестового задания в модели нет.</p>"]
    out = [f'<p class="note">{e(_(TAKE_HOME_PARTS))}</p>']
    if th.handout:
        out.append(f'<p class="note">{e(_(MATERIALS_MARK))}</p>')
    out += [
        f'<h3 id="take-home-candidate">{e(_(FOR_CANDIDATE))}</h3>',
        f"<p>{e(th.task)}</p>",
        f"<p><em>Время:</em> {e(th.time_limit)}</p>",
        "<p><em>Материалы:</em></p><ul>" + "".join(f"<li>{e(m)}</li>" for m in th.materials) + "</ul>",
    ]
    for doc in th.handout:
        out += handout_html(doc)
    out.append(f'<h3 id="take-home-checker">{e(_(FOR_CHECKER))}</h3>')
    if th.checker_notes:
        out.append(
            f"<p><em>{e(_(CHECKER_CATCH))}:</em></p><ul>"
            + "".join(f"<li>{e(n)}</li>" for n in th.checker_notes)
            + "</ul>"
        )
    out += [
        f"<p><em>Ключ оценки.</em> {e(_(TAKE_HOME_KEY).format(sheet=TAKE_HOME_INTERVIEWER))} "
        f"{e(take_home_rule(view['top']))}. {e(_(TAKE_HOME_NOT_DONE))}.</p>",
        "<table><tr><th>Компетенция</th><th>Цель</th><th>Слабо</th><th>Хорошо</th><th>Сильно</th></tr>",
    ]
    for name, target, cells in key_rows(th, view):
        scores = "".join(f"<td><strong>{e(label)}</strong> — {e(text)}</td>" for label, text in cells)
        out.append(f"<tr><td>{e(name)}</td><td>{target}</td>{scores}</tr>")
    out.append("</table>")
    return out


def kit_html(view: dict[str, Any]) -> str:
    """The kit as a standalone HTML document with print CSS."""
    e = html.escape
    out = [f"<h1>Набор для найма: {e(view['title'])}</h1>", f'<p class="note">{e(_(KIT_PRACTICE))}</p>']
    v = view["vacancy"]
    out += ['<h2 id="vacancy">Текст вакансии</h2>', f'<p class="note">{e(view["pay"])}</p>']
    out += [f"<p><strong>{e(v.name)}</strong></p>", f"<p>{e(v.intro)}</p>"]
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
        "<table><tr><th>Компетенция</th><th>Вес ◇</th><th>Обязательная</th><th>Цель уровня</th></tr>",
    ]
    for name, weight, must, target, _c in p["competencies"]:
        out.append(
            f"<tr><td>{e(name)}</td><td>{weight}</td><td>{'да' if must else ''}</td>"
            f"<td>{target} — {e(view['scale'][target])}</td></tr>"
        )
    out.append("</table>")
    if any(p["seats"]):
        out.append(f"<p>{e(_(PANEL_SEATS))}</p>")
    out.append("<ul>")
    out += [
        f"<li><strong>{e(seat_label(name, seat))}:</strong> {e(', '.join(focus))} — "
        f"{e(sheet_links(name, stem, None, view['title']))}</li>"
        for (name, focus), seat, stem in zip(p["people"], p["seats"], p["sheets"])
    ]
    out.append("</ul>")
    if p["unscored"]:
        out.append(f"<p><strong>{e(_(UNSCORED_LABEL))}.</strong> {e(p['unscored'])}</p>")
    out += [f'<p class="note">{e(note)}</p>' for note in panel_notes(view, left_note)]
    out.append('<h2 id="take-home">Тестовое задание</h2>')
    out += take_home_html(view)
    out += [
        '<h2 id="references">Проверка рекомендаций</h2>',
        f'<p class="note">{e(view["reference_note"])}</p>',
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
    out.append("</table>")
    lighter = lighter_loop(view["panel"])
    if lighter:
        out.append(f"<p>{e(lighter)}</p>")
    out += [
        "<p>Сроки ◇ — практика проекта; назовите кандидату свои и держите их. "
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
