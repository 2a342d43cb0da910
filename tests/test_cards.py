"""Filled scorecards: the shared vectors (tests/vectors/cards.json) through the YAML, JSON and xlsx readers."""

from __future__ import annotations

import datetime
import json
import re
from pathlib import Path

import pytest
import yaml
from openpyxl import Workbook

from accountpath import names
from accountpath.io import cardcheck, cards, xlsx_read

from conftest import ROOT

CASES = json.loads((ROOT / "tests" / "vectors" / "cards.json").read_text(encoding="utf-8"))
FORMATS = ("yaml", "json", "xlsx")
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def write_yaml(card: dict, path: Path) -> Path:
    """The card as a person writes YAML: an ISO date unquoted (YAML reads it as a date)."""
    data = dict(card)
    if isinstance(data.get("date"), str) and _ISO.match(data["date"]):
        try:
            data["date"] = datetime.date.fromisoformat(data["date"])
        except ValueError:
            pass  # not a calendar date: stays text, quoted
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def write_json(card: dict, path: Path) -> Path:
    path.write_text(json.dumps(card, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def _xlsx_value(value):
    if isinstance(value, float) and value.is_integer():
        return str(value)  # a number cell cannot hold 3.0 apart from 3: typed as text
    if isinstance(value, list):
        return ", ".join(map(str, value))
    return value


def write_xlsx(card: dict, path: Path) -> Path:
    """The card in the xlsx scorecard layout the reader understands (labels in column A, the table under `id`)."""
    wb = Workbook()
    ws = wb.active
    ws.title = xlsx_read.SHEET
    labels = {field: label for label, field in xlsx_read.HEAD_FIELDS.items()}
    row = 1
    for field in ("candidate", "interviewer", "date", "recommendation", "takeaways", "overall_notes"):
        if field in card:
            row += 1
            ws.cell(row=row, column=1, value=labels[field])
            ws.cell(row=row, column=2, value=_xlsx_value(card[field]))
    row += 2
    for col, title in enumerate(("id", "Компетенция", xlsx_read.RATING_HEADER, xlsx_read.NOTES_HEADER), start=1):
        ws.cell(row=row, column=col, value=title)
    notes = card.get("notes") or {}
    for cid, value in (card.get("ratings") or {}).items():
        row += 1
        ws.cell(row=row, column=1, value=cid)
        ws.cell(row=row, column=3, value=_xlsx_value(value))
        ws.cell(row=row, column=4, value=notes.get(cid))
    meta = wb.create_sheet(xlsx_read.META_SHEET)
    pairs = [
        ("format", xlsx_read.META_MARK),
        ("scorecard", card.get("scorecard")),
        ("role", card.get("role")),
        ("level", card.get("level")),
    ]
    if card.get("focus"):
        pairs.append(("focus", _xlsx_value(card["focus"])))
    for r, (k, v) in enumerate(pairs, start=1):
        meta.cell(row=r, column=1, value=k)
        meta.cell(row=r, column=2, value=v)
    wb.save(path)
    return path


WRITERS = {"yaml": write_yaml, "json": write_json, "xlsx": write_xlsx}


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
    path = write_xlsx(card, tmp_path / "card.xlsx")
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
