"""Cells are read as written (issue 16): a formula without a saved value, a competency row twice,
merged id cells and a formula in a round's id row are problems at their cell, never silent values."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from accountpath.io import cards, xlsx_read
from accountpath.model import load as model_mod
from accountpath.render import round_xlsx

ROOT = Path(__file__).resolve().parent.parent
MINI = ROOT / "tests" / "fixtures" / "mini.yml"
RATINGS = {"client-communication": 3, "project-management": 2, "finance": 2}


@pytest.fixture(scope="module")
def mini():
    return model_mod.load(MINI)


def _card(path: Path, ratings=RATINGS, extra=None) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = xlsx_read.SHEET
    ws.append(["Кандидат", "Анна"])
    ws.append(["Интервьюер", "Ирина"])
    ws.append(["id", "Компетенция", xlsx_read.RATING_HEADER, xlsx_read.NOTES_HEADER])
    for cid, value in ratings.items():
        ws.append([cid, cid, value])
    if extra:
        extra(ws)
    meta = wb.create_sheet(xlsx_read.META_SHEET)
    for pair in (("format", xlsx_read.META_MARK), ("scorecard", 2), ("role", "account-manager"), ("level", "junior")):
        meta.append(pair)
    wb.save(path)
    return path


def test_plain_card_reads(mini, tmp_path):
    card, problems = cards.read_card(_card(tmp_path / "c.xlsx"), mini)
    assert not problems and card.ratings == RATINGS


def test_formula_without_saved_value_is_a_problem(mini, tmp_path):
    path = _card(tmp_path / "c.xlsx", {**RATINGS, "finance": "=1+1"})
    card, problems = cards.read_card(path, mini)
    assert card is None
    assert [p.path for p in problems] == [f"{path}:Оценка!C6"]
    assert problems[0].code == "xlsx.formula-without-value" and "формула" in problems[0].message


def test_competency_row_twice_is_a_problem(mini, tmp_path):
    path = _card(tmp_path / "c.xlsx", extra=lambda ws: ws.append(["finance", "finance", 5]))
    card, problems = cards.read_card(path, mini)
    assert card is None and [p.path for p in problems] == [f"{path}:Оценка!A7"]
    assert "finance" in problems[0].message


def test_merged_id_cells_are_a_problem(mini, tmp_path):
    path = _card(tmp_path / "c.xlsx", extra=lambda ws: ws.merge_cells("A5:A6"))
    card, problems = cards.read_card(path, mini)
    assert card is None and [p.code for p in problems] == ["xlsx.merged-id"]
    assert problems[0].path == f"{path}:Оценка!A5"


def test_round_id_row_formula_and_duplicate(mini, tmp_path):
    path = tmp_path / "round.xlsx"
    path.write_bytes(round_xlsx.round_workbook(mini, "account-manager", "junior"))
    wb = load_workbook(path)
    ws = wb[xlsx_read.ROUND_SHEET]
    ids = [c.value for c in ws[2]]
    col = {k: i + 1 for i, k in enumerate(ids)}
    ws.cell(row=3, column=col["candidate"], value="Анна")
    ws.cell(row=3, column=col["interviewer"], value="Ирина")
    for cid, value in RATINGS.items():
        ws.cell(row=3, column=col[cid], value=value)
    wb.save(path)
    found, problems = cards.read_cards(path, mini)
    assert not problems and len(found) == 1
    ws.cell(row=2, column=col["finance"], value='="fin"&"ance"')
    wb.save(path)
    found, problems = cards.read_cards(path, mini)
    letter = xlsx_read.column_letter(col["finance"])
    assert found == [] and [(p.path, p.code) for p in problems] == [(f"{path}:Раунд!{letter}2", "xlsx.formula-in-id")]
    ws.cell(row=2, column=col["finance"], value="project-management")
    wb.save(path)
    found, problems = cards.read_cards(path, mini)
    assert found == [] and [p.code for p in problems] == ["xlsx.duplicate-id"]


def test_round_rating_formula_without_value(mini, tmp_path):
    path = tmp_path / "round.xlsx"
    path.write_bytes(round_xlsx.round_workbook(mini, "account-manager", "junior"))
    wb = load_workbook(path)
    ws = wb[xlsx_read.ROUND_SHEET]
    col = {c.value: c.column for c in ws[2]}
    ws.cell(row=3, column=col["candidate"], value="Анна")
    ws.cell(row=3, column=col["interviewer"], value="Ирина")
    for cid in RATINGS:
        ws.cell(row=3, column=col[cid], value="=2+1")
    wb.save(path)
    found, problems = cards.read_cards(path, mini)
    assert found == [] and {p.code for p in problems} == {"xlsx.formula-without-value"} and len(problems) == 3
