"""Filled scorecards: the shared vectors (tests/vectors/cards.json) through the YAML, JSON and xlsx readers."""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import pytest

from accountpath import names
from accountpath.io import cardcheck, cards, xlsx_read

from conftest import CARD_CASES, CARD_WRITERS

CASES = CARD_CASES
FORMATS = ("yaml", "json", "xlsx")
WRITERS = CARD_WRITERS


def _read(fmt: str, card: dict, tmp_path: Path, model):
    path = WRITERS[fmt](card, tmp_path / f"card.{fmt}")
    return cards.read_card(path, model)


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("case", CASES["valid"], ids=[c["name"] for c in CASES["valid"]])
def test_valid_vector(case, fmt, tmp_path, vector_model):
    card, problems = _read(fmt, case["card"], tmp_path, vector_model)
    assert not problems, [str(p) for p in problems]
    assert cardcheck.card_data(card) == case["expected"]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("case", CASES["invalid"], ids=[c["name"] for c in CASES["invalid"]])
def test_invalid_vector(case, fmt, tmp_path, vector_model):
    if fmt not in case.get("formats", FORMATS):
        pytest.skip("a structure this format cannot hold")
    card, problems = _read(fmt, case["card"], tmp_path, vector_model)
    assert card is None
    assert sorted(p.message for p in problems) == sorted(case["messages"])
    located = [str(p) for p in problems]
    if fmt == "xlsx":
        assert all(f":{xlsx_read.SHEET}!" in s for s in located), located
    else:
        assert all(re.search(r"card\.\w+:\d+:\d+: ", s) for s in located), located


def test_xlsx_date_cell_and_constants(tmp_path, vector_model):
    card = dict(CASES["valid"][0]["card"])
    path = WRITERS["xlsx"](card, tmp_path / "card.xlsx")
    from openpyxl import load_workbook

    wb = load_workbook(path)
    ws = wb[xlsx_read.SHEET]
    cell = next(r[1] for r in ws.iter_rows() if r[0].value == "Дата")
    cell.value = datetime.datetime(2026, 11, 28)
    wb.save(path)
    got, problems = cards.read_card(path, vector_model)
    assert not problems and got.date == "2026-11-28"


def test_names_compare_without_case_yo_and_spaces():
    assert names.normalise_name("  Пётр  ПЕТРОВ ") == names.normalise_name("петр петров")
