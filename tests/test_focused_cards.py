"""Focused scorecards from a plan: content, the recommendation and take-aways in every format, the xlsx
card (locked, printable, read back by cards.read_cards) and the print length of the html (PDF)."""

from __future__ import annotations

import io

import pytest
import yaml
from openpyxl import load_workbook

from accountpath import vocab
from accountpath.io import cardcheck, cards, xlsx_read
from accountpath.method import plan as plan_mod
from accountpath.names import short_hash
from accountpath.render import pdf, plan_render, scorecard, xlsx_card

from conftest import pdf_pages

PANEL = ["Ирина Смирнова", "Олег Ким", "Мария Петрова"]
LABELS = list(cardcheck.RECOMMENDATION_LABELS.values())


@pytest.fixture(scope="module")
def panel_plan(real_model):
    plan, notes = plan_mod.make_plan(real_model, "account-manager", "middle", PANEL, "Анна Иванова", minutes=80)
    assert notes == []  # 80 minutes: at least 7 a question
    return plan


def test_focused_card_has_only_the_focus_and_the_plans_questions(real_model, panel_plan):
    files = scorecard.focused_cards(real_model, panel_plan, "html")
    tag = "c-" + short_hash("Анна Иванова")
    assert list(files) == [f"account-manager-middle-{tag}-interviewer-{n}.html" for n in (1, 2, 3)]
    for person, html in zip(panel_plan["interviewers"], (f.decode("utf-8") for f in files.values())):
        names = {c.id: c.name for c in real_model.competencies}
        for rc in real_model.role("account-manager").competencies:
            assert (f'id="{rc.id}"' in html) == (rc.id in person["focus"]), rc.id
        for qid in person["questions"]:
            q = real_model.question(qid)
            assert q.text in html and q.anchors.weak in html and q.anchors.strong in html
        assert person["name"] in html and "Анна Иванова" in html
        assert (
            "На этом листе —" in html
            and "Фокус этого листа" not in html
            and f"{len(person['focus'])} из {len(real_model.role('account-manager').competencies)}" in html
        )
        assert all(label in html for label in LABELS) and "Ключевые выводы" in html
        assert "Оценочный лист: Аккаунт-менеджер<" in html and names[person["focus"][0]] in html


def test_focus_without_plan_picks_level_matched_questions(real_model):
    c = scorecard.card(real_model, "account-manager", "senior", focus=["negotiation", "client-focus"])
    assert [it.rc.id for it in c.items] == ["client-focus", "negotiation"]  # weight order
    assert c.focused and c.focus == ("client-focus", "negotiation") and c.title == "Старший аккаунт-менеджер"
    for it in c.items:
        assert len(it.questions) == 2 and all(q.fits(it.target) for q in it.questions)
    with pytest.raises(scorecard.ScorecardError, match="leadership"):
        scorecard.card(real_model, "account-manager", "senior", focus=["leadership"])
    with pytest.raises(scorecard.ScorecardError, match="не оценивает ни одну"):
        scorecard.card(real_model, "account-manager", "senior", focus=["negotiation"], questions=["cf-lost-client"])


def test_full_card_stays_available_and_asks_for_a_recommendation(real_model):
    full = scorecard.render(real_model, "account-manager", "middle", "html").decode("utf-8")
    assert all(f'id="{rc.id}"' in full for rc in real_model.role("account-manager").competencies)
    assert "Все компетенции роли" in full and all(label in full for label in LABELS)
    md = scorecard.render(real_model, "account-manager", "middle", "md").decode("utf-8")
    assert "**Рекомендация:** ☐ Однозначно нет ☐ Нет ☐ Да ☐ Однозначно да" in md and "**Ключевые выводы:**" in md


def test_yaml_card_carries_focus_and_reads_back(real_model, panel_plan, tmp_path):
    person = panel_plan["interviewers"][0]
    text = next(iter(scorecard.focused_cards(real_model, panel_plan, "yaml").values())).decode("utf-8")
    data = yaml.safe_load(text)
    assert (
        data["scorecard"] in vocab.CARD_VERSIONS
        and data["focus"] == person["focus"]
        and list(data["ratings"]) == person["focus"]
    )
    assert data["interviewer"] == person["name"] and data["recommendation"] is None
    assert "strong_no — Однозначно нет" in text
    data["ratings"] = {cid: 3 for cid in person["focus"]}
    data["recommendation"] = "yes"
    data["takeaways"] = "Уверенно ведёт клиента."
    path = tmp_path / "card.yml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    card, problems = cards.read_card(path, real_model)
    assert not problems, [str(p) for p in problems]
    assert (
        card.focus == tuple(person["focus"])
        and card.recommendation == "yes"
        and card.takeaways == "Уверенно ведёт клиента."
    )


def _xlsx(real_model, plan, n=0) -> bytes:
    return list(scorecard.focused_cards(real_model, plan, "xlsx").values())[n]


def test_xlsx_round_trip_through_read_cards(real_model, panel_plan, tmp_path):
    person = panel_plan["interviewers"][1]
    wb = load_workbook(io.BytesIO(_xlsx(real_model, panel_plan, 1)))
    ws = wb[xlsx_read.SHEET]
    rows = {ws.cell(row=r, column=1).value: r for r in range(1, ws.max_row + 1)}
    assert ws.cell(row=rows["Кандидат"], column=2).value == "Анна Иванова"
    assert ws.cell(row=rows["Интервьюер"], column=2).value == person["name"]
    ws.cell(row=rows["Дата"], column=2).value = "28.11.2026"
    for k, cid in enumerate(person["focus"]):
        ws.cell(row=rows[cid], column=xlsx_card.RATING_COL).value = [4, "3", "не оценивалось", 2, 5][k]
        ws.cell(row=rows[cid], column=xlsx_card.NOTES_COL).value = f"Пример по {cid}"
    ws.cell(row=rows["Рекомендация"], column=2).value = "Однозначно да"
    ws.cell(row=rows["Ключевые выводы"], column=2).value = "Сильный бриф, слабые переговоры."
    path = tmp_path / "filled.xlsx"
    wb.save(path)
    found, problems = cards.read_cards(path, real_model)
    assert not problems, [str(p) for p in problems]
    (card,) = found
    assert card.focus == tuple(person["focus"]) and card.recommendation == "strong_yes"
    assert card.takeaways == "Сильный бриф, слабые переговоры." and card.date == "2026-11-28"
    assert card.ratings == dict(zip(person["focus"], [4, 3, None, 2, 5]))
    assert card.notes[person["focus"][0]] == f"Пример по {person['focus'][0]}"


def test_xlsx_locks_all_but_the_cells_to_fill_and_prints_on_a4(real_model, panel_plan):
    wb = load_workbook(io.BytesIO(_xlsx(real_model, panel_plan)))
    ws = wb[xlsx_read.SHEET]
    assert ws.protection.sheet and wb.security.lockStructure
    meta = wb[xlsx_read.META_SHEET]
    assert meta.sheet_state == "hidden" and meta.protection.sheet
    assert meta["B5"].value == ",".join(panel_plan["interviewers"][0]["focus"])
    assert wb[xlsx_card.QUESTIONS_SHEET].protection.sheet
    rows = {ws.cell(row=r, column=1).value: r for r in range(1, ws.max_row + 1)}
    fill = [
        (rows[label], 2)
        for label in ("Кандидат", "Интервьюер", "Дата", "Рекомендация", "Ключевые выводы", "Общие заметки")
    ]
    for cid in panel_plan["interviewers"][0]["focus"]:
        fill += [(rows[cid], xlsx_card.RATING_COL), (rows[cid], xlsx_card.NOTES_COL)]
        for col in range(1, 6):  # id, name, weight, must-have, target
            assert ws.cell(row=rows[cid], column=col).protection.locked
    assert all(not ws.cell(row=r, column=c).protection.locked for r, c in fill)
    merged = {(r, c) for rng in ws.merged_cells.ranges for r, c in rng.cells} - {
        (rng.min_row, rng.min_col) for rng in ws.merged_cells.ranges
    }
    unlocked = {(c.row, c.column) for row in ws.iter_rows() for c in row if not c.protection.locked} - merged
    assert unlocked == set(fill)
    dv = {str(d.sqref): d.formula1 for d in ws.data_validations.dataValidation}
    assert any(all(label in f for label in LABELS) for f in dv.values())
    widths = sum(ws.column_dimensions[c].width for c in "ABCDEFG")
    assert widths <= 150 and int(ws.page_setup.paperSize) == int(ws.PAPERSIZE_A4) and ws.page_setup.fitToWidth == 1
    # issue 19: two A4 pages in all (one a sheet, fit to page), no header cut off
    for sheet in (ws, wb[xlsx_card.QUESTIONS_SHEET]):
        assert sheet.page_setup.fitToHeight == 1 and sheet.sheet_properties.pageSetUpPr.fitToPage
    for col, title in zip("ABCDEFG", xlsx_card.HEADER):
        assert ws.column_dimensions[col].width >= len(title) + 2, title
    assert ws.print_title_rows.replace("$", "") == f"{xlsx_card.HEADER_ROW}:{xlsx_card.HEADER_ROW}"
    assert "Анна Иванова" in ws.oddHeader.left.text and "Аккаунт-менеджер" in ws.oddHeader.right.text
    assert ws.cell(row=rows["client-focus"], column=xlsx_card.NOTES_COL).alignment.wrap_text


def test_xlsx_and_all_formats_are_deterministic(real_model, panel_plan):
    for fmt in scorecard.FORMATS:
        assert scorecard.focused_cards(real_model, panel_plan, fmt) == scorecard.focused_cards(
            real_model, panel_plan, fmt
        )


@pytest.mark.slow
def test_weasyprint_pdf_of_a_card_and_the_plan(real_model, panel_plan):
    if pdf.engine() != "weasyprint":
        pytest.skip("WeasyPrint is not installed (make venv)")
    html = next(iter(scorecard.focused_cards(real_model, panel_plan, "html").values())).decode("utf-8")
    data = pdf.html_to_pdf(html)
    assert data.startswith(b"%PDF") and pdf_pages(data) <= 2
    schedule = plan_render.render_plan(real_model, panel_plan, "html")
    assert pdf_pages(pdf.html_to_pdf(schedule)) == 1


@pytest.mark.browser
def test_focused_cards_print_on_two_a4_pages_in_chromium(real_model, panel_plan):
    """The measure of the issue: Chromium print-to-PDF, pages counted with pypdf."""
    if pdf._chromium() is None:
        pytest.skip("no /usr/bin/chromium")
    counts = {}
    for name, html in scorecard.focused_cards(real_model, panel_plan, "html").items():
        counts[name] = pdf_pages(pdf.html_to_pdf(html.decode("utf-8"), "chromium"))
    assert all(n <= 2 for n in counts.values()), counts
    four = scorecard.card(
        real_model,
        "account-director",
        "group-account-director",
        focus=["team-management", "project-management", "finance", "client-focus"],
    )
    html = scorecard.render_card(four, "html").decode("utf-8")
    assert pdf_pages(pdf.html_to_pdf(html, "chromium")) <= 2
    schedule = plan_render.render_plan(real_model, panel_plan, "html")
    assert pdf_pages(pdf.html_to_pdf(schedule, "chromium")) == 1


@pytest.mark.slow
@pytest.mark.parametrize(
    "role_id", ["account-manager", "key-account-manager", "account-director", "client-services-director"]
)
def test_every_plan_prints_short_in_weasyprint(real_model, role_id):
    """With the panel a role needs, every focused card fits two A4 pages and the schedule one."""
    if pdf.engine() != "weasyprint":
        pytest.skip("WeasyPrint is not installed (make venv)")
    role = real_model.role(role_id)
    names = [f"Интервьюер Номер {i + 1}" for i in range(plan_mod.needed_interviewers(role))]
    for level in role.levels:
        plan, notes = plan_mod.make_plan(real_model, role_id, level.id, names, "Анна Иванова")
        role_focus = [p["focus"] for p in plan["interviewers"]]
        assert plan_mod.coverage_notes(real_model, role, role_focus) == [], notes
        pages = {
            name: pdf_pages(pdf.html_to_pdf(html.decode("utf-8")))
            for name, html in scorecard.focused_cards(real_model, plan, "html").items()
        }
        assert all(n <= 2 for n in pages.values()), (level.id, pages)
        assert pdf_pages(pdf.html_to_pdf(plan_render.render_plan(real_model, plan, "html"))) == 1, level.id


def _open_card(real_model, fmt):
    """A card with the open-question block (review 6, findings 9, 10): the full card of the first role level
    of the model that offers an open question. (A printed sheet leaves «what it shows» out to keep two pages.)"""
    for role in real_model.roles:
        for level in role.levels:
            c = scorecard.card(real_model, role.id, level.id)
            if c.open_questions:
                return c, list(c.open_questions), scorecard.render_card(c, fmt)
    pytest.skip("no role level of this model puts an open question on a card")


@pytest.mark.parametrize("fmt", ["html", "md", "yaml", "xlsx"])
def test_an_open_question_carries_what_it_shows(real_model, fmt):
    _c, opened, data = _open_card(real_model, fmt)
    if fmt == "xlsx":
        ref = load_workbook(io.BytesIO(data))[xlsx_card.QUESTIONS_SHEET]
        rows = [(ref.cell(row=r, column=1).value, ref.cell(row=r, column=2).value) for r in range(1, ref.max_row + 1)]
        for q in opened:
            k = next(i for i, (_label, text) in enumerate(rows) if text == q.text)
            assert rows[k + 1] == ("Что показывает", q.reveals)
        return
    text = data.decode("utf-8")
    for q in opened:
        assert q.reveals in text and text.index(q.reveals) > text.index(q.text) > 0
        assert text.index(q.reveals) < text.index(q.anchors.weak, text.index(q.text))
    assert text.casefold().count("что показывает") == len(opened)


@pytest.mark.parametrize("fmt", ["html", "md", "yaml", "xlsx"])
def test_the_top_rating_needs_an_example_and_titles_do_not_repeat_the_role(real_model, panel_plan, fmt):
    rule = (
        "5 — только с примером, который подтверждает уровень «Эталон» (его подход перенимают за пределами своей группы)"
    )
    for data in (
        next(iter(scorecard.focused_cards(real_model, panel_plan, fmt).values())),
        scorecard.render(real_model, "account-manager", "middle", fmt),
    ):
        if fmt == "xlsx":
            ws = load_workbook(io.BytesIO(data))[xlsx_read.SHEET]
            texts = [str(c.value) for row in ws.iter_rows() for c in row if c.value]
            assert any(rule in t for t in texts) and not any("Аккаунт-менеджер — Аккаунт-менеджер" in t for t in texts)
            continue
        text = data.decode("utf-8")
        assert text.count(rule) == 1, fmt
        assert "уровень Аккаунт-менеджер" not in text and "Аккаунт-менеджер — Аккаунт-менеджер" not in text


def test_focus_without_plan_takes_own_questions_first(real_model):
    c = scorecard.card(real_model, "account-manager", "middle", focus=["communication"])
    (item,) = c.items
    assert len(item.questions) == 2 and all(
        q.competency == "communication" and q.kind != "open" for q in item.questions
    )
    c, opened, _data = _open_card(real_model, "html")
    for q in opened:  # an open question sits in the card's last block, under no competency
        assert not any(q in it.questions for it in c.items)


def test_plan_cards_never_overwrite_and_carry_the_candidate_id(cli_run, real_model, panel_plan, tmp_path):
    import yaml

    plan = dict(panel_plan, candidate_id="HF-1042")
    path = tmp_path / "plan.yml"
    path.write_text(yaml.safe_dump(plan, allow_unicode=True, sort_keys=False), encoding="utf-8")
    out = tmp_path / "cards"
    first = cli_run("scorecard", "--plan", path, "--out", out, "--format", "yaml")
    assert first.returncode == 0, first.stderr
    names = sorted(p.name for p in out.iterdir())
    assert names == [f"account-manager-middle-id-HF-1042-interviewer-{n}.yml" for n in (1, 2, 3)]
    card = yaml.safe_load((out / names[0]).read_text(encoding="utf-8"))
    assert card["candidate_id"] == "HF-1042"
    (out / names[0]).write_text("half-filled", encoding="utf-8")
    again = cli_run("scorecard", "--plan", path, "--out", out, "--format", "yaml")
    assert again.returncode == 1 and names[0] in again.stderr and "--force" in again.stderr
    assert (out / names[0]).read_text(encoding="utf-8") == "half-filled"
    forced = cli_run("scorecard", "--plan", path, "--out", out, "--format", "yaml", "--force")
    assert forced.returncode == 0 and (out / names[0]).read_text(encoding="utf-8") != "half-filled"
