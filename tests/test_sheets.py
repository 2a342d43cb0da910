"""Review 4, findings 2, 11, 12, 13, 29, 36, 37: interviewer sheets HR prints without the planner (the
focused cards of the kit's default panel, generated with the site), one question rule from the model,
level headings by the scale's names, the outside candidate's top rating, blank team workbooks on the
team page, the chair code's label and the hh.ru file folded away."""

from __future__ import annotations

import io
import re

import pytest
import yaml
from openpyxl import load_workbook

from accountpath.io import assessments
from accountpath.method import plan as plan_mod
from accountpath.render import kit, scorecard, xlsx_card
from accountpath.render.cardtext import level_heading, top_rating_rule
from accountpath.site import hiring_pages, site_files, tool_evaluator, tool_pages, tool_team
from accountpath.site import pages as site_pages

ROLE, LEVEL = "account-manager", "middle"


def _role_level(model, role_id=ROLE, level_id=LEVEL):
    role = model.role(role_id)
    return role, role.level(level_id)


# ---------------------------------------------------------------- finding 12: the sheets of the kit's panel


def test_interviewer_sheets_are_the_focused_cards_of_the_kits_panel(agency_model):
    role, level = _role_level(agency_model)
    count, minutes = plan_mod.panel_size(role, level)
    plan, _notes = plan_mod.make_plan(agency_model, ROLE, LEVEL, [f"Интервьюер {n}" for n in range(1, count + 1)])
    sheets = kit.interviewer_sheets(agency_model, role, level, "yaml")
    assert list(sheets) == [f"{ROLE}-{LEVEL}-interviewer-{n}.yml" for n in range(1, count + 1)]
    for person, data in zip(plan["interviewers"], sheets.values()):
        card = yaml.safe_load(data)
        assert card["focus"] == person["focus"]
        assert card["interviewer"] == "" and card["candidate"] == ""  # written in by hand
        text = data.decode("utf-8")
        for qid in person["questions"]:
            assert agency_model.question(qid).text in text
    view = kit.kit_view(agency_model, role, level)
    assert [f for _n, f in view["panel"]["people"]] == [
        [agency_model.competency(c).name for c in p["focus"]] for p in plan["interviewers"]
    ]


def test_interviewer_sheets_are_deterministic_and_name_nobody(agency_model):
    role, level = _role_level(agency_model)
    for fmt in ("html", "xlsx"):
        assert kit.interviewer_sheets(agency_model, role, level, fmt) == kit.interviewer_sheets(
            agency_model, role, level, fmt
        )
    files = hiring_pages.downloads(agency_model)
    sheets = sorted(p for p in files if "-interviewer-" in p)
    expected = {
        f"hiring/files/{r.id}-{lv.id}-interviewer-{n}.{ext}"
        for r in agency_model.roles
        for lv in r.levels
        for n in range(1, plan_mod.panel_size(r, lv)[0] + 1)
        for ext in ("html", "xlsx")
    }
    assert set(sheets) == expected
    assert all(re.fullmatch(r"hiring/files/[a-z0-9-]+-interviewer-\d\.(html|xlsx)", p) for p in sheets)
    assert set(sheets) <= set(site_files.downloads(agency_model))


def test_kit_page_links_each_interviewers_sheet_and_the_download_names_them(agency_model):
    role, level = _role_level(agency_model)
    page = hiring_pages.build(agency_model)[hiring_pages.kit_page(role, level)]
    count = plan_mod.panel_size(role, level)[0]
    for n in range(1, count + 1):
        stem = f"{ROLE}-{LEVEL}-interviewer-{n}"
        assert f"[Интервьюер {n} — лист для печати](files/{stem}.html) · [Excel](files/{stem}.xlsx)" in page
    md = kit.render_kit(agency_model, role, level, "md")
    html = kit.render_kit(agency_model, role, level, "html")
    for text in (md, html):
        assert "interviewer-1.html" not in text and "interviewer-1.xlsx" not in text
        assert "раздел «Собеседования с интервьюерами»" in text and "страница «Набор для найма: " in text
        assert "](files/" not in text


def test_one_question_rule_from_the_model_everywhere(agency_model):
    assert kit.question_rule(agency_model) == "на встрече 60 минут — два вопроса на компетенцию"
    rule = kit.question_rule(agency_model)
    built = site_pages.build(agency_model)
    assert rule in built["scorecards/index.md"]
    assert rule in tool_pages.build(agency_model)["tools/plan.md"]
    assert "по два вопроса на каждую" not in built["scorecards/index.md"]
    # the kit says the same for its own level (its minutes, its questions per competency)
    role, level = _role_level(agency_model)
    assert "у каждого 60 минут, по 2 вопроса на каждую компетенцию" in built[hiring_pages.kit_page(role, level)]


# ---------------------------------------------------------------- finding 13: which card goes into the room


def test_sheet_keeps_anchors_and_red_flags_and_the_scorecards_page_says_which_card_to_take(agency_model):
    role, level = _role_level(agency_model)
    html = next(iter(kit.interviewer_sheets(agency_model, role, level, "html").values())).decode("utf-8")
    for label in ("Слабый ответ", "Хороший ответ", "Сильный ответ", "Тревожные признаки"):
        assert label in html
    assert "Что хотим услышать" not in html
    index = site_pages.build(agency_model)["scorecards/index.md"]
    assert "то, что интервьюер берёт на встречу" in index
    assert "на встречу его не берут" in index


# ---------------------------------------------------------------- finding 11: level headings


def test_level_heading_names_the_level_and_its_place(agency_model):
    assert level_heading(agency_model, 1, 2) == "1 — Знакомство (на балл ниже цели)"
    assert level_heading(agency_model, 2, 2) == "2 — Типовые задачи (цель уровня)"
    assert level_heading(agency_model, 3, 2) == "3 — Уверенное владение (на балл выше цели)"


@pytest.mark.parametrize("fmt", ["md", "html", "yaml"])
def test_every_card_format_heads_levels_by_name(agency_model, fmt):
    role, level = _role_level(agency_model)
    full = scorecard.render(agency_model, ROLE, LEVEL, fmt).decode("utf-8")
    it = scorecard.card(agency_model, ROLE, LEVEL).items[0]
    assert level_heading(agency_model, it.target, it.target) in full
    if it.below:
        assert level_heading(agency_model, it.target - 1, it.target) in full
    assert "Ниже цели (" not in full and "Выше цели (" not in full and "Соответствует (" not in full
    if fmt == "html":
        focused = next(iter(kit.interviewer_sheets(agency_model, role, level, "html").values())).decode("utf-8")
        assert "(цель уровня):" in focused and "Цель (" not in focused


def test_xlsx_card_heads_levels_by_name(agency_model):
    data = scorecard.render(agency_model, ROLE, LEVEL, "xlsx")
    ws = load_workbook(io.BytesIO(data))[xlsx_card.QUESTIONS_SHEET]
    labels = {str(c.value) for row in ws.iter_rows() for c in row if c.value}
    assert any(label.endswith("(на балл ниже цели)") for label in labels)
    assert any(label.endswith("(цель уровня)") for label in labels)
    assert not any(label.startswith("Ниже цели") for label in labels)


# ---------------------------------------------------------------- finding 2: the outside candidate's 5


def test_top_rating_rule_says_how_an_outside_candidate_shows_it(agency_model):
    rule = top_rating_rule(agency_model)
    assert rule.startswith("5 — только с примером, который подтверждает уровень «Эталон»")
    assert "у кандидата со стороны — по примерам с прежнего места" in rule
    assert "перенимали другие группы или отделы" in rule
    assert rule in scorecard.render(agency_model, ROLE, LEVEL, "md").decode("utf-8")


# ---------------------------------------------------------------- finding 29: blank team workbooks


def test_team_page_offers_a_blank_workbook_per_level(agency_model, tmp_path):
    files = tool_team.workbook_downloads(agency_model)
    assert set(files) == {f"tools/files/team-{r.id}-{lv.id}.xlsx" for r in agency_model.roles for lv in r.levels}
    assert set(files) <= set(site_files.downloads(agency_model))
    path = tmp_path / "team.xlsx"
    path.write_bytes(files[f"tools/files/team-{ROLE}-{LEVEL}.xlsx"])
    people, problems = assessments.read_assessments(path, agency_model)
    assert (people, problems) == ([], [])  # a blank book reads back: nobody in it yet, nothing wrong
    page = tool_pages.build(agency_model)["tools/team.md"]
    assert "впишите в неё свои оценки" in page
    assert "Скачать пустую книгу команды (Excel)" in page
    assert f"(files/team-{ROLE}-{LEVEL}.xlsx)" in page
    assert "её готовит тот, кто ведёт сайт" not in page


# ---------------------------------------------------------------- findings 36, 37


def test_chair_code_label_says_what_it_does(agency_model):
    app = tool_evaluator.evaluator_app(agency_model)
    assert "Код ведущего дебрифа (необязательно): задайте до начала" in app
    assert "никто не откроет итог и чужие листы, пока не готовы все листы" in app


def test_hh_file_sits_in_a_folded_block(agency_model):
    role, level = _role_level(agency_model)
    page = hiring_pages.build(agency_model)[hiring_pages.vacancy_page(role, level)]
    block = page[page.index("<details") : page.index("</details>")]
    assert "<summary>Для интеграции с hh.ru</summary>" in block
    assert f'href="../files/{ROLE}-{LEVEL}-hh.json" download>Файл для автоматической публикации на hh.ru</a>' in block
    assert page.count("-hh.json") == 1
