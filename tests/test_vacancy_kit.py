"""The hiring kit of issue 19 on the fixture model: pay bands (schema and rules), the vacancy text
(md, html, txt and hh.ru's json fields), the kit (md, html, pdf) with every section, the take-home
as a card the debrief counts."""

from __future__ import annotations

import dataclasses
import html
import html.parser
import json
import re
from pathlib import Path

import pytest
import yaml

from accountpath.method import plan as plan_mod
from accountpath.model import load as model_load
from accountpath.render import kit as kit_mod
from accountpath.render import vacancy as vac

from conftest import ROOT, yaml_dump, yaml_load

MINI = ROOT / "tests" / "fixtures" / "mini.yml"
PAY = {"from": 90000, "to": 120000, "currency": "RUB", "gross": True, "date": "2026-09", "basis": "agency"}
SCREEN = [
    {
        "text": f"Вопрос {n}?",
        "listen_for": "Конкретный пример." + (" Стоп, если примера нет." if n == 1 else ""),
        "knock_out": n == 1,
    }
    for n in range(1, 7)
]
OWN_SCREEN = [
    {
        "text": f"Свой вопрос {n}?",
        "listen_for": "Клиент целиком." + (" Стоп, если не вёл сам." if n == 1 else ""),
        "knock_out": n == 1,
    }
    for n in range(1, 7)
]
TAKE_HOME = {
    "task": "Превратите письмо клиента в бриф.",
    "time_limit": "2 часа",
    "materials": ["Письмо клиента"],
    "scoring": [
        {
            "competency": "client-communication",
            "weak": "Пересказ.",
            "solid": "Цель и сроки.",
            "strong": "Противоречие найдено.",
        },
        {"competency": "project-management", "weak": "Нет плана.", "solid": "План.", "strong": "План с рисками."},
    ],
}
REFS = [{"text": "Как он держал клиента в курсе?", "worry": "Приходилось просить."}] * 2
REQS = ["Год работы в агентстве.", "Грамотная письменная речь.", "Уверенный Excel."]


def _mini(tmp_path: Path, edit) -> Path:
    data = yaml_load(MINI.read_text(encoding="utf-8"))
    edit(data)
    path = tmp_path / "model.yml"
    path.write_text(yaml_dump(_copy(data), allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def _copy(value):
    return json.loads(json.dumps(value))


def _kit(data: dict) -> None:
    role = data["roles"][0]
    role["levels"][1]["pay"] = dict(PAY)
    role["levels"][1]["take_home"] = _copy(TAKE_HOME)
    role["screening"] = _copy(SCREEN)
    for level in role["levels"]:
        level["requirements"] = list(REQS)
    role["levels"][1]["title_accusative"] = "аккаунт-менеджера"
    for c in data["competencies"]:
        if c["id"] == "client-communication":
            c["reference_questions"] = _copy(REFS)


@pytest.fixture
def kit_model(tmp_path):
    return _mini(tmp_path, _kit)


def test_the_kit_keys_load_into_the_model(kit_model):
    model, problems = model_load.check(kit_model)
    assert not problems, problems
    level = model.role("account-manager").level("middle")
    assert level.pay.from_ == 90000 and level.pay.gross is True and level.pay.basis == "agency"
    assert [s.competency for s in level.take_home.scoring] == ["client-communication", "project-management"]
    assert len(model.role("account-manager").screening) == 6
    assert len(model.competency("client-communication").reference_questions) == 2


def _rejected(tmp_path, *edits):
    """The mini model after `edits`, checked: (its path, the problems, their text); it must not load."""

    def apply(data):
        for edit in edits:
            edit(data)

    path = _mini(tmp_path, apply)
    model, problems = model_load.check(path)
    assert model is None
    return path, problems, "\n".join(str(p) for p in problems)


@pytest.mark.parametrize(
    ("edit", "words"),
    [
        (lambda d: d["roles"][0]["levels"][1]["pay"].update({"from": 130000}), "[pay-range]"),
        (lambda d: d["roles"][0]["levels"][1]["pay"].update({"from": None, "to": None}), "[pay-range]"),
        (lambda d: d["roles"][0]["levels"][1]["pay"].update({"basis": "source"}), "[pay-source]"),
        (lambda d: d["roles"][0]["levels"][1]["pay"].update({"currency": "USD"}), "currency"),
        (lambda d: d["roles"][0]["levels"][1]["pay"].update({"date": "2026-13"}), "date"),
        (lambda d: d["roles"][0]["levels"][1]["pay"].pop("gross"), "gross"),
        (lambda d: d["roles"][0].update({"screening": SCREEN[:5]}), "[screening-count]"),
        (
            lambda d: d["roles"][0].update({"screening": [dict(q, knock_out=False) for q in SCREEN]}),
            "[screening-count]",
        ),
        (
            lambda d: d["roles"][0]["levels"][1]["take_home"]["scoring"].append(
                dict(TAKE_HOME["scoring"][0], competency="no-such")
            ),
            "[take-home-scoring]",
        ),
        (
            lambda d: d["roles"][0]["levels"][1]["take_home"]["scoring"].append(TAKE_HOME["scoring"][0]),
            "[take-home-scoring]",
        ),
        (lambda d: d["roles"][0]["levels"][1].update({"requirements": REQS[:2]}), "[vacancy-requirements]"),
        (lambda d: d["roles"][0]["levels"][1].update({"requirements": REQS * 3}), "[vacancy-requirements]"),
        (lambda d: d["roles"][0]["levels"][0].pop("requirements"), "[vacancy-requirements]"),
        (lambda d: d["competencies"][0].update({"reference_questions": _copy(REFS[:1])}), "[reference-coverage]"),
        (lambda d: d["competencies"][0].update({"reference_questions": _copy(REFS * 2)}), "[reference-coverage]"),
    ],
)
def test_kit_rules_name_the_line(tmp_path, edit, words):
    _path, problems, text = _rejected(tmp_path, _kit, edit)
    assert words in text, text
    assert all(p.line > 0 for p in problems), text


def test_missing_reference_questions_of_a_must_have_are_reported(tmp_path):
    def edit(data):
        _kit(data)
        for c in data["competencies"]:
            c.pop("reference_questions", None)

    model, problems = model_load.check(_mini(tmp_path, edit))
    assert model is None and "[reference-coverage]" in str(problems[0]) and "client-communication" in str(problems[0])


def _ratio(index: int, **ratio) -> object:
    return lambda d: d["roles"][0]["levels"][index].update({"pay_ratio": ratio})


@pytest.mark.parametrize(
    ("edit", "code"),
    [
        (_ratio(1, of="no-such", min=1.2, max=1.4), "model.pay-ratio-unknown"),
        (_ratio(0, of="middle", min=1.2, max=1.4), "model.pay-ratio-later"),
        (_ratio(1, of="middle", min=1.2, max=1.4), "model.pay-ratio-later"),
        (_ratio(1, of="junior", min=1.5, max=1.3), "model.pay-ratio-order"),
        (_ratio(1, of="junior", min=1, max=1.3), "model.pay-ratio-rise"),
    ],
)
def test_pay_ratio_rule_names_the_line(tmp_path, edit, code):
    """Review 6, finding 31: a level's pay guide compares it with a known lower level, min <= max, min > 1."""
    model, problems = model_load.check(_mini(tmp_path, edit))
    assert model is None
    assert [p.code for p in problems] == [code], problems
    assert all(p.line > 0 and "[pay-ratio]" in p.message for p in problems)


def test_pay_ratio_loads_and_the_growth_page_renders_it(tmp_path):
    from accountpath.site import pages

    model, problems = model_load.check(_mini(tmp_path, _ratio(1, of="junior", min=1.3, max=1.5)))
    assert not problems, problems
    level = model.role("account-manager").level("middle")
    assert (level.pay_ratio.of, level.pay_ratio.min, level.pay_ratio.max) == ("junior", 1.3, 1.5)
    pay = pages.build(model)["growth.md"]
    pay = pay[pay.index("{#pay}") : pay.index("{#ipr}")]
    assert f"**Соотношение вилок между уровнями** {pages.PRACTICE_MARK}" in pay
    assert f"{level.name} ≈ 1,3–1,5 × {model.role('account-manager').level('junior').name}." in pay
    model, problems = model_load.check(MINI)
    growth = pages.build(model)["growth.md"]
    assert "Соотношение вилок" not in growth


class _Tags(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: set[str] = set()

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        assert not attrs


def test_vacancy_json_has_hh_fields_and_salary_with_pay(kit_model, cli_run):
    r = cli_run("--model", kit_model, "vacancy", "--role", "account-manager", "--level", "middle", "--format", "json")
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert set(data) == {"name", "description", "key_skills", "experience", "salary"}
    assert data["salary"] == {"from": 90000, "to": 120000, "currency": "RUR", "gross": True}
    assert data["experience"] == {"id": "between1And3"}
    assert 3 <= len(data["key_skills"]) <= 30 and all(set(s) == {"name"} for s in data["key_skills"])
    assert len(data["description"]) >= 200
    parser = _Tags()
    parser.feed(data["description"])
    assert parser.tags <= {"p", "ul", "li", "strong", "em"}
    for section in vac.SECTIONS:
        assert f"<strong>{section}</strong>" in data["description"]
    r = cli_run("--model", kit_model, "vacancy", "--role", "account-manager", "--level", "junior", "--format", "json")
    data = json.loads(r.stdout)
    assert "salary" not in data and data["experience"] == {"id": "noExperience"}


@pytest.mark.parametrize("fmt", ["md", "html", "txt"])
def test_vacancy_text_formats_have_the_three_sections(kit_model, cli_run, tmp_path, fmt):
    out = tmp_path / f"v.{fmt}"
    r = cli_run("--model", kit_model, "vacancy", "--role", "account-manager", "--level", "middle", "-o", out)
    assert r.returncode == 0, r.stderr
    text = out.read_text(encoding="utf-8")
    for section in vac.SECTIONS:
        assert section in text
    assert "90 000" in text and "до вычета НДФЛ" in text
    if fmt == "txt":
        assert not any(mark in text for mark in ("<", "**", "##", "\\["))


def test_vacancy_arguments_and_unknown_ids(kit_model, cli_run):
    assert cli_run("--model", kit_model, "vacancy", "--role", "account-manager").returncode == 2
    assert cli_run("--model", kit_model, "vacancy", "--role", "x", "--level", "middle").returncode == 1
    r = cli_run("--model", kit_model, "vacancy", "--role", "account-manager", "--level", "y", "-o", "v.docx")
    assert r.returncode == 2


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("до 1 года", "noExperience"),
        ("1–3 года", "between1And3"),
        ("от 3 лет", "between3And6"),
        ("от 5 лет в работе с клиентами", "between3And6"),
        ("от 7 лет", "moreThan6"),
        ("без опыта", "noExperience"),
    ],
)
def test_experience_id_from_the_bracket(real_model, text, expected):
    level = real_model.roles[0].levels[0]
    from dataclasses import replace

    assert vac.experience_id(replace(level, experience=text)) == expected


def test_kit_md_and_html_have_every_section(kit_model, cli_run, tmp_path):
    for fmt in ("md", "html"):
        out = tmp_path / f"kit.{fmt}"
        r = cli_run("--model", kit_model, "kit", "--role", "account-manager", "--level", "middle", "-o", out)
        assert r.returncode == 0, r.stderr
        text = out.read_text(encoding="utf-8")
        for _key, heading in kit_mod.SECTIONS:
            assert heading in text, (fmt, heading)
        assert "152-ФЗ" in text and "Стоп-вопрос" in text and "Противоречие найдено." in text


def test_the_take_home_card_counts_in_the_debrief(kit_model, cli_run, tmp_path):
    model, _p = model_load.check(kit_model)
    role = model.role("account-manager")
    level = role.level("middle")
    card = yaml.safe_load(kit_mod.take_home_card(model, role, level, "yaml"))
    assert card["interviewer"] == "Тестовое задание"
    assert card["focus"] == ["client-communication", "project-management"]
    card["ratings"] = {"client-communication": 3, "project-management": 3}
    card["candidate"] = "Кандидат"
    other = dict(
        card,
        interviewer="Ирина",
        focus=None,
        ratings={"client-communication": 3, "project-management": 3, "finance": 2},
    )
    other.pop("focus")
    paths = []
    for n, c in enumerate((card, other)):
        p = tmp_path / f"c{n}.yml"
        p.write_text(yaml.safe_dump(c, allow_unicode=True), encoding="utf-8")
        paths.append(p)
    r = cli_run("--model", kit_model, "evaluate", *paths, "--format", "json")
    assert r.returncode == 0, r.stderr
    assert "Тестовое задание" in r.stdout


def test_vacancy_requirements_come_from_the_model_not_the_behaviours(kit_model):
    """Review 2, finding 3: «Требования» are the level's `requirements`; no behaviour text of any level."""
    model, _p = model_load.check(kit_model)
    role = model.role("account-manager")
    v = vac.vacancy(model, role, role.level("middle"))
    assert v.requirements == tuple(REQS)
    behaviours = [b for c in model.competencies for lines in c.levels.values() for b in lines]
    text = vac.render_vacancy(model, role, role.level("middle"), "txt")
    for b in behaviours:
        tail = b.split(" ", 1)[-1][:40]
        assert tail not in text, b


def test_vacancy_without_requirements_asks_the_agency_instead_of_pasting_behaviours(real_model):
    """A model without `requirements` (a role with no phone screen may omit them): the experience
    line and a bracketed line for the agency, never the behaviours."""
    role = real_model.roles[0]
    level = role.levels[0]
    from dataclasses import replace

    v = vac.vacancy(real_model, role, replace(level, requirements=(), title_accusative=None))
    assert v.requirements == (vac.experience_line(level), vac.REQUIREMENTS_PLACEHOLDER)
    assert v.intro.startswith(f"Открыта вакансия: {level.name}.")


def test_vacancy_opens_with_the_levels_title_from_the_model(kit_model):
    """Review 2, finding 34: «Ищем …» from the level's `title_accusative`; finding 36: people, not «аккаунтов»."""
    model, _p = model_load.check(kit_model)
    role = model.role("account-manager")
    v = vac.vacancy(model, role, role.level("middle"))
    assert v.intro.startswith("Ищем аккаунт-менеджера. ")
    assert "аккаунт-менеджеров и директоров" in v.intro and "человек] аккаунтов" not in v.intro
    data = json.loads(vac.render_vacancy(model, role, role.level("middle"), "json"))
    assert data["description"].startswith("<p>Ищем аккаунт-менеджера. ")


def test_newcomer_level_keeps_only_the_knock_outs_marked_for_newcomers(kit_model):
    """Review 2, finding 39: at a level open to graduates the format and pay knock-outs stay, the
    experience knock-out does not."""
    model, _p = model_load.check(kit_model)
    role = model.role("account-manager")
    screening = (
        dataclasses.replace(role.screening[0], knock_out=True),
        dataclasses.replace(role.screening[1], knock_out=True, knock_out_newcomers=True),
        *role.screening[2:],
    )
    role = dataclasses.replace(role, screening=screening)
    junior = kit_mod.kit_view(model, role, dataclasses.replace(role.level("junior"), experience="до 1 года"))
    middle = kit_mod.kit_view(model, role, role.level("middle"))
    assert [q.knock_out for q in junior["screening"][:2]] == [False, True]
    assert [q.knock_out for q in middle["screening"][:2]] == [True, True]


# ---------------------------------------------------------------- a level's own panel (`interview`)


def _light(data: dict) -> None:
    _kit(data)
    data["roles"][0]["levels"][0]["interview"] = {"interviewers": 2, "minutes": 30}


@pytest.fixture
def light_model(tmp_path):
    return model_load.load(_mini(tmp_path, _light))


@pytest.mark.parametrize(
    "interview",
    [
        {"interviewers": 2, "minutes": 5},
        {"interviewers": 0, "minutes": 45},
        {"interviewers": 2},
        {"interviewers": 2, "minutes": 45, "questions": 1},
        {"interviewers": "два", "minutes": 45},
    ],
)
def test_a_bad_interview_key_is_refused_at_its_line(tmp_path, interview):
    def edit(data):
        data["roles"][0]["levels"][0]["interview"] = interview

    model, problems = model_load.check(_mini(tmp_path, edit))
    assert model is None and problems and all(p.line > 0 for p in problems)
    assert "interview" in "\n".join(str(p) for p in problems)


def test_the_interview_key_sets_the_panel_and_fits_the_questions_to_its_minutes(light_model):
    """Two interviewers at 30 minutes: 20 minutes after the introduction and closing hold one question
    per focus competency at MIN_PER_QUESTION, not two; a level without the key keeps two questions per
    competency and the default panel."""
    role = light_model.role("account-manager")
    junior, middle = role.level("junior"), role.level("middle")
    assert junior.interview is not None and (junior.interview.interviewers, junior.interview.minutes) == (2, 30)
    assert plan_mod.panel_size(role, junior) == (2, 30)
    assert plan_mod.panel_size(role, middle) == (max(2, plan_mod.needed_interviewers(role)), plan_mod.DEFAULT_MINUTES)
    plan, notes = plan_mod.make_plan(light_model, role.id, "junior", ["А", "Б"])  # minutes: the level's
    assert plan["minutes"] == 30 and notes == []
    for person in plan["interviewers"]:
        assert len(person["questions"]) == len(person["focus"])
        assert plan_mod.minutes_per_question(light_model, plan, person) >= plan_mod.MIN_PER_QUESTION
    plan, _notes = plan_mod.make_plan(light_model, role.id, "middle", ["А", "Б"])
    assert plan["minutes"] == plan_mod.DEFAULT_MINUTES
    assert all(len(p["questions"]) == plan_mod.QUESTIONS_PER_FOCUS * len(p["focus"]) for p in plan["interviewers"])
    # the light level at generous minutes: two questions again, on the must-haves only (review 6, finding 32)
    plan, _notes = plan_mod.make_plan(light_model, role.id, "junior", ["А", "Б"], minutes=90)
    musts = {rc.id for rc in role.competencies if rc.must_have}
    for p in plan["interviewers"]:
        want = {cid: plan_mod.QUESTIONS_PER_FOCUS if cid in musts else 1 for cid in p["focus"]}
        assert {cid: len(qs) for cid, qs in plan_mod.placement(light_model, p).items()} == want
    assert any(cid not in musts for p in plan["interviewers"] for cid in p["focus"])


def test_the_kit_and_the_candidate_steps_follow_the_level_panel(light_model):
    role = light_model.role("account-manager")
    view = kit_mod.kit_view(light_model, role, role.level("junior"))
    assert (view["panel"]["count"], view["panel"]["minutes"], view["panel"]["per_focus"]) == (2, 30, 1)
    assert len(view["panel"]["people"]) == 2
    step = view["steps"][1]
    assert "30" in step.length and "2" in step.length
    text = kit_mod.render_kit(light_model, role, role.level("junior"), "md")
    assert "Интервьюеров: 2, у каждого 30 минут, по одному вопросу" in text
    middle = kit_mod.kit_view(light_model, role, role.level("middle"))
    assert middle["panel"]["minutes"] == plan_mod.DEFAULT_MINUTES and middle["panel"]["per_focus"] == 2
    assert str(plan_mod.DEFAULT_MINUTES) in middle["steps"][1].length


def test_the_phone_screen_note_speaks_of_stop_questions_only_where_one_knocks_out(light_model):
    role = light_model.role("account-manager")
    level = role.level("middle")
    view = kit_mod.kit_view(light_model, role, level)
    assert any(q.knock_out for q in view["screening"]) and "Стоп-вопрос:" in kit_mod.screen_note(view)
    soft = dict(view, screening=tuple(dataclasses.replace(q, knock_out=False) for q in view["screening"]))
    note = kit_mod.screen_note(soft)
    assert "Стоп-вопрос:" not in note and "Звонок нужен" in note
    assert note in kit_mod.kit_md(soft) and html.escape(note) in kit_mod.kit_html(soft)


ESCAPES = ("\\[", "\\]", "\\*", "\\_", "&#58;", "&#61;", "&amp;", "&nbsp;", "&lt;", "&gt;")
"""What the site's Markdown renderer needs and a downloaded file must not show."""
RAW = "[Название агентства] ждёт ответ до 18:30: P&L клиента, <бюджет>"


def _raw_text(data: dict) -> None:
    _kit(data)
    data["roles"][0]["levels"][1]["take_home"]["task"] = RAW
    data["roles"][0]["levels"][1]["requirements"][0] = RAW
    comp = next(c for c in data["competencies"] if c["id"] == "client-communication")
    for behaviours in comp["levels"].values():
        behaviours[0] = RAW


def test_downloaded_kit_card_and_vacancy_are_plain_text(tmp_path, cli_run):
    """Finding 12: the .md files HR opens in Word keep the model's text as written."""
    model = _mini(tmp_path, _raw_text)
    runs = {
        "kit.md": ("kit", "--role", "account-manager", "--level", "middle"),
        "card.md": ("scorecard", "--role", "account-manager", "--level", "middle"),
        "vacancy.md": ("vacancy", "--role", "account-manager", "--level", "middle"),
    }
    for name, args in runs.items():
        out = tmp_path / name
        r = cli_run("--model", model, *args, "-o", out)
        assert r.returncode == 0, r.stderr
        text = out.read_text(encoding="utf-8")
        assert RAW in text, name
        assert not [e for e in ESCAPES if e in text], name


def test_the_site_kit_page_still_escapes_model_text(tmp_path):
    model, problems = model_load.check(_mini(tmp_path, _raw_text))
    assert not problems
    role = model.role("account-manager")
    page = kit_mod.kit_md(kit_mod.kit_view(model, role, role.level("middle")))
    assert RAW not in page and "\\[Название агентства\\]" in page and "&lt;бюджет&gt;" in page


def test_a_take_home_not_done_scores_one_wherever_the_key_is_explained(kit_model):
    """Review 3, finding 34: the key has a floor below «слабый ответ — цель − 1»."""
    from accountpath.vocab import TAKE_HOME_NOT_DONE

    model, _problems = model_load.check(kit_model)
    role = model.role("account-manager")
    level = role.level("middle")
    view = kit_mod.kit_view(model, role, level)
    assert TAKE_HOME_NOT_DONE in kit_mod.kit_md(view) and TAKE_HOME_NOT_DONE in kit_mod.kit_html(view)
    for fmt in ("md", "html"):
        card = kit_mod.take_home_card(model, role, level, fmt).decode("utf-8")
        assert TAKE_HOME_NOT_DONE in card, fmt
    from accountpath.render import scorecard

    assert TAKE_HOME_NOT_DONE not in scorecard.render(model, role.id, level.id, "md").decode("utf-8")


def test_the_sites_markdown_downloads_are_plain_text(tmp_path):
    """The «Скачать» Markdown of the scorecards page is the same plain file as the CLI's."""
    from accountpath.site import site_files

    model, problems = model_load.check(_mini(tmp_path, _raw_text))
    assert not problems
    files = {p: c for p, c in site_files.downloads(model).items() if p.endswith(".markdown")}
    assert files
    for path, content in files.items():
        text = content.decode("utf-8") if isinstance(content, bytes) else content
        assert not [e for e in ESCAPES if e in text], path
    assert any(RAW in (c.decode("utf-8") if isinstance(c, bytes) else c) for c in files.values())


HANDOUT = [
    {
        "title": "Письмо клиента",
        "text": ["Добрый день! Хотим всё к лету, бюджет как в прошлом году."],
    },
    {
        "title": "Смета прошлого года",
        "table": {"columns": ["Позиция", "Сумма, ₽"], "rows": [["Посты", "96 000"], ["Итого", 96000]]},
        "note": "Цены без НДС.",
    },
]
CHECKER = ["Противоречие: к лету, но бюджет прошлого года.", "В смете ошибка в итоге."]


def _materials(data: dict) -> None:
    _kit(data)
    th = data["roles"][0]["levels"][1]["take_home"]
    th["handout"] = _copy(HANDOUT)
    th["checker_notes"] = list(CHECKER)


@pytest.fixture
def materials_model(tmp_path):
    return _mini(tmp_path, _materials)


def _split_at_checker(text: str) -> tuple[str, str]:
    """(everything before the checker's heading, the checker's part up to the next section)."""
    head = kit_mod._(kit_mod.FOR_CHECKER)
    assert text.count(head) == 1, text
    before, after = text.split(head)
    return before, after.split("Проверка рекомендаций")[0]


def test_the_materials_load_and_a_ragged_table_row_names_its_line(tmp_path, materials_model):
    """Review 4, finding 4: the take-home carries its materials; a row with a missing cell is an error."""
    model, problems = model_load.check(materials_model)
    assert not problems, problems
    th = model.role("account-manager").level("middle").take_home
    assert [d.title for d in th.handout] == ["Письмо клиента", "Смета прошлого года"]
    assert th.handout[1].table.rows[1] == ("Итого", "96000") and th.checker_notes == tuple(CHECKER)

    def ragged(data):
        _materials(data)
        data["roles"][0]["levels"][1]["take_home"]["handout"][1]["table"]["rows"][0] = ["Посты"]

    model, problems = model_load.check(_mini(tmp_path, ragged))
    assert model is None
    text = "\n".join(str(p) for p in problems)
    assert "[take-home-table]" in text and "строке 1" in text and all(p.line > 0 for p in problems), text

    def empty(data):
        _materials(data)
        data["roles"][0]["levels"][1]["take_home"]["handout"][0] = {"title": "Пусто"}

    model, problems = model_load.check(_mini(tmp_path, empty))
    assert model is None and problems


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_the_kit_download_carries_the_materials_and_keeps_the_checkers_part_apart(
    materials_model, cli_run, tmp_path, fmt
):
    out = tmp_path / f"kit.{fmt}"
    r = cli_run("--model", materials_model, "kit", "--role", "account-manager", "--level", "middle", "-o", out)
    assert r.returncode == 0, r.stderr
    text = out.read_text(encoding="utf-8")
    candidate, checker = _split_at_checker(text)
    assert kit_mod._(kit_mod.FOR_CANDIDATE) in candidate and "◇" in candidate
    for words in ("Письмо клиента", "Добрый день! Хотим всё к лету", "Смета прошлого года", "96 000", "Цены без НДС."):
        assert words in candidate, (fmt, words)
    for note in CHECKER:
        assert note in checker and note not in candidate, (fmt, note)
    assert "Противоречие найдено." in checker and "Противоречие найдено." not in candidate
    if fmt == "md":  # the download is plain text: the table is padded columns, not a Markdown table
        assert "| Позиция |" not in text and re.search(r"Посты\s+96 000", text)
    else:
        assert "<th>Позиция</th>" in text and "<td>96 000</td>" in text


def test_the_site_kit_page_shows_the_materials_as_markdown_tables(materials_model):
    model, _p = model_load.check(materials_model)
    role = model.role("account-manager")
    page = kit_mod.kit_md(kit_mod.kit_view(model, role, role.level("middle")))
    candidate, checker = _split_at_checker(page)
    assert "| Позиция | Сумма, ₽ |" in candidate and "| Посты | 96 000 |" in candidate
    assert all(note in checker for note in CHECKER)


def test_the_site_sends_the_candidate_a_file_without_the_checkers_part(materials_model):
    from accountpath.site import hiring_pages

    model, _p = model_load.check(materials_model)
    role = model.role("account-manager")
    level = role.level("middle")
    files = hiring_pages.downloads(model)
    name = f"{hiring_pages.FILES}/{hiring_pages.candidate_file(role, level)}"
    text = files[name]
    assert "Превратите письмо клиента в бриф." in text and "Добрый день!" in text and re.search(r"Посты\s+96 000", text)
    assert not any(note in text for note in CHECKER) and "Противоречие найдено." not in text
    page = hiring_pages.build(model)[hiring_pages.kit_page(role, level)]
    assert f"files/{hiring_pages.candidate_file(role, level)}" in page
    # a level without materials gets no file
    assert not any("junior-take-home-candidate" in p for p in files)


@pytest.mark.parametrize(
    ("target", "scores"),
    [(1, (1, 1, 2)), (2, (1, 2, 3)), (3, (2, 3, 4)), (4, (3, 4, 5)), (5, (3, 5, 5))],
)
def test_a_weak_take_home_never_scores_above_three(target, scores):
    """Review 4, finding 3: weak is one below the target but at most 3; strong is capped at the top, with a note."""
    assert kit_mod.key_scores(target, 5) == scores
    assert "«сильно»" in kit_mod.key_cells(5, 5)[2] and "«сильно»" not in kit_mod.key_cells(4, 5)[2]


def test_the_take_home_key_has_absolute_scores_and_no_interview_wording(materials_model):
    """Review 4, findings 3 and 35: the key names its rule with the scale's top and the weak cap, each row
    shows the scores, and the interview card's sentence about questions is gone from the key."""
    from accountpath.vocab import ANCHORS_TO_RATING, TAKE_HOME_WEAK_MAX, take_home_rule

    model, _p = model_load.check(materials_model)
    role = model.role("account-manager")
    level = role.level("middle")
    view = kit_mod.kit_view(model, role, level)
    rule = take_home_rule(5)
    assert f"не выше {TAKE_HOME_WEAK_MAX}" in rule and "при цели 5 — 5" in rule
    for text in (
        kit_mod.kit_md(view),
        kit_mod.kit_html(view),
        kit_mod.take_home_card(model, role, level, "md").decode(),
    ):
        assert rule in text and "Образцы ответов свои у каждого вопроса" not in text
    target = level.targets["client-communication"]
    weak, solid, strong = kit_mod.key_scores(target, 5)
    assert f"**{weak}** — Пересказ." in kit_mod.kit_md(view) and f"**{solid}** — Цель и сроки." in kit_mod.kit_md(view)
    # interview cards state the same weak-answer rule, with their own sentence about questions
    assert ANCHORS_TO_RATING.split(":")[0] in scorecard_md(model, role.id, level.id)


def test_one_weak_answer_rule_on_interview_cards_and_take_home_keys(materials_model):
    """Review 7, finding 1: an interview card and a take-home key cap a weak answer at the same score, so at
    a target of 5 a weak interview answer is 3, not 4; the rule is in the md, html and xlsx cards."""
    import io

    import openpyxl

    from accountpath.render import scorecard
    from accountpath.vocab import TAKE_HOME_WEAK_MAX, anchors_rule, take_home_rule

    rule = anchors_rule(5)
    assert "цель − 1" not in rule and f"не выше {TAKE_HOME_WEAK_MAX}" in rule and "при цели 5 — 5" in rule
    assert take_home_rule(5).startswith(rule.split(";")[0])
    model, _p = model_load.check(materials_model)
    role = model.role("account-manager")
    for fmt in ("md", "html"):
        assert rule in scorecard.render(model, role.id, "middle", fmt).decode("utf-8")
    wb = openpyxl.load_workbook(io.BytesIO(scorecard.render(model, role.id, "middle", "xlsx")))
    assert rule in wb.worksheets[0]["D4"].value


def scorecard_md(model, role_id, level_id):
    from accountpath.render import scorecard

    return scorecard.render(model, role_id, level_id, "md").decode("utf-8")


def test_a_reference_question_has_its_own_wording_for_graduates(tmp_path):
    """Review 7, finding 24: at a level open to graduates a reference question with a `graduate` version is
    asked in that version (the referee is a teacher or an internship supervisor); other levels keep it."""

    def edit(data):
        _kit(data)
        comp = next(c for c in data["competencies"] if c["id"] == "client-communication")
        comp["reference_questions"][0] = {
            **comp["reference_questions"][0],
            "graduate": {"text": "Какую задачу вы доверили бы ему без проверки?", "worry": "Ни одной."},
        }

    model, problems = model_load.check(_mini(tmp_path, edit))
    assert not problems, problems
    role = model.role("account-manager")
    junior, middle = role.level("junior"), role.level("middle")
    assert (
        kit_mod.reference_questions(model, role, junior)[0][1][0].text
        == "Какую задачу вы доверили бы ему без проверки?"
    )
    assert kit_mod.reference_questions(model, role, middle)[0][1][0].text == "Как он держал клиента в курсе?"
    assert kit_mod.reference_questions(model, role)[0][1][0].text == "Как он держал клиента в курсе?"
    assert "Ни одной." in kit_mod.render_kit(model, role, junior, "md")
    assert "Ни одной." not in kit_mod.render_kit(model, role, middle, "html")


@pytest.mark.parametrize(
    ("lead", "same"),
    [({"of": "junior", "min": 1.4, "max": 1.6}, True), ({"of": "middle", "min": 1.3, "max": 1.5}, False)],
)
def test_a_career_edge_within_the_usual_pay_step_is_named_a_change_of_branch(tmp_path, lead, same):
    """Review 7, finding 9: along a career edge between roles, band middles (from the pay ratios) closer than
    the usual 20 % step make the growth page call the move a change of branch (◇), with the bridge's link."""
    from accountpath.render.pageviews import same_band_steps
    from accountpath.site import pages

    def edit(d):
        d["roles"][0]["levels"][1]["pay_ratio"] = {"of": "junior", "min": 1.3, "max": 1.5}
        d["roles"][1]["levels"][0]["pay_ratio"] = lead

    model, problems = model_load.check(_mini(tmp_path, edit))
    assert not problems, problems
    steps = same_band_steps(model)
    assert [(e["low"].id, e["high"].id) for e in steps] == ([("middle", "lead")] if same else [])
    pay = pages.build(model)["growth.md"]
    pay = pay[pay.index("{#pay}") : pay.index("{#ipr}")]
    assert ("(#bridge-account-manager-account-director) — смена ветки, а не рост вилки" in pay) is same


# ---------------------------------------------------------------- a level's own phone screen (`screening`)


def _own_screen(data: dict) -> None:
    _kit(data)
    data["roles"][0]["levels"][1]["screening"] = _copy(OWN_SCREEN)


def test_a_levels_own_screening_replaces_the_roles_for_that_level_only(tmp_path, cli_run):
    model, problems = model_load.check(_mini(tmp_path, _own_screen))
    assert not problems, problems
    role = model.role("account-manager")
    junior, middle = role.level("junior"), role.level("middle")
    assert len(middle.screening) == 6 and junior.screening == ()
    assert role.screen(middle) == middle.screening and role.screen(junior) == role.screening
    assert [q.text for q in kit_mod.kit_view(model, role, middle)["screening"]][0] == "Свой вопрос 1?"
    assert [q.text for q in kit_mod.kit_view(model, role, junior)["screening"]][0] == "Вопрос 1?"
    mid_md = kit_mod.render_kit(model, role, middle, "md")
    assert "Свой вопрос 1?" in mid_md and "Вопрос 1?" not in mid_md.replace("Свой вопрос", "")
    assert "Свой вопрос 1?" not in kit_mod.render_kit(model, role, junior, "md")
    out = tmp_path / "kit.md"
    args = ["--model", str(tmp_path / "model.yml"), "kit", "--role", "account-manager", "--level", "middle"]
    result = cli_run(*args, "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert "Свой вопрос 1?" in out.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("edit", "words"),
    [
        (lambda d: d["roles"][0]["levels"][1].update({"screening": _copy(OWN_SCREEN[:5])}), "[screening-count]"),
        (
            lambda d: d["roles"][0]["levels"][1].update({"screening": [dict(q, knock_out=False) for q in OWN_SCREEN]}),
            "[screening-count]",
        ),
        (lambda d: d["roles"][0]["levels"][1]["screening"][0].pop("listen_for"), "listen_for"),
    ],
)
def test_a_levels_own_screening_is_checked_at_its_line(tmp_path, edit, words):
    path, problems, text = _rejected(tmp_path, _own_screen, edit)
    assert words in text, text
    lines = path.read_text(encoding="utf-8").splitlines()
    assert all(p.line > 0 for p in problems), text
    assert any("screening" in lines[p.line - 1] or "Свой вопрос" in lines[p.line - 1] for p in problems), text


def test_a_role_with_only_level_screens_still_needs_vacancy_requirements(tmp_path):
    def edit(data):
        _own_screen(data)
        data["roles"][0].pop("screening")
        data["roles"][0]["levels"][0].pop("requirements")

    model, problems = model_load.check(_mini(tmp_path, edit))
    assert model is None and "[vacancy-requirements]" in "\n".join(str(p) for p in problems)


@pytest.mark.parametrize("where", ["role", "level"])
def test_a_knock_out_without_a_stop_rule_is_reported_at_its_listen_for(tmp_path, where):
    """Review 8, finding 7: a stop-question's «Что услышать» says when to stop («Стоп, если …»)."""

    def edit(data):
        _own_screen(data)
        screen = data["roles"][0]["screening"] if where == "role" else data["roles"][0]["levels"][1]["screening"]
        screen[0]["listen_for"] = "Без правила остановки."

    path = _mini(tmp_path, edit)
    model, problems = model_load.check(path)
    assert model is None
    stops = [p for p in problems if "[screening-stop]" in str(p)]
    assert len(stops) == 1, problems
    assert "Без правила остановки." in path.read_text(encoding="utf-8").splitlines()[stops[0].line - 1]
    assert "стоп-вопрос 1" in str(stops[0])


def test_a_question_that_does_not_knock_out_needs_no_stop_rule(tmp_path):
    def edit(data):
        _own_screen(data)
        data["roles"][0]["screening"][1]["listen_for"] = "Без правила остановки."

    model, problems = model_load.check(_mini(tmp_path, edit))
    assert model is not None and not problems, problems
