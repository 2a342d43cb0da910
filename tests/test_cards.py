"""Filled scorecards: the shared vectors (tests/vectors/cards.json) through the YAML, JSON and xlsx readers."""

from __future__ import annotations

import datetime
import json
import re
from pathlib import Path

import pytest

from accountpath import names
from accountpath.io import cardcheck, cards, xlsx_read

from conftest import CARD_VECTORS, VECTORS, card_case_formats, model_from_compact, write_card_case, write_xlsx

CARD_MINI = json.loads(VECTORS.read_text(encoding="utf-8"))["model"]

CASES = CARD_VECTORS


def _read(case: dict, fmt: str, tmp_path: Path, model):
    path = write_card_case(case, fmt, tmp_path / f"card.{fmt}")
    return cards.read_card(path, model)


def _cases(kind: str) -> list:
    return [
        pytest.param(case, fmt, id=f"{case['name']}-{fmt}") for case in CASES[kind] for fmt in card_case_formats(case)
    ]


@pytest.mark.parametrize("case,fmt", _cases("valid"))
def test_valid_vector(case, fmt, tmp_path, vector_model):
    card, problems = _read(case, fmt, tmp_path, vector_model)
    assert not problems, [str(p) for p in problems]
    assert cardcheck.card_data(card) == case["expected"]


@pytest.mark.parametrize("case,fmt", _cases("invalid"))
def test_invalid_vector(case, fmt, tmp_path, vector_model):
    """Refused with the vector's codes and params (and, for a text case, at its line and column);
    every problem renders to a Russian sentence from the message table."""
    card, problems = _read(case, fmt, tmp_path, vector_model)
    assert card is None
    keys = ("line", "col", "code", "params") if "text" in case else ("code", "params")
    got = [{k: p.as_json()[k] for k in keys} for p in problems]
    assert sorted(got, key=json.dumps) == sorted(case["problems"], key=json.dumps)
    assert all(p.message != p.code and re.search("[а-яё]", p.message) for p in problems)
    located = [str(p) for p in problems]
    if fmt == "xlsx" and "card" in case:
        assert all(f":{xlsx_read.SHEET}!" in s for s in located), located
    elif fmt != "xlsx":
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


def test_card_schema_is_json_schema_and_names_every_code():
    """The card's JSON Schema is valid Draft 2020-12, lists exactly the card keys, and every node
    that can fail names a code of the message table (the browser gets the same file in model.json)."""
    import jsonschema

    from accountpath import messages, vocab
    from accountpath.site import sitedata

    schema = cardcheck.schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    assert tuple(schema["properties"]) == vocab.CARD_KEYS == tuple(schema["propertyNames"]["enum"])
    codes = set()

    def walk(node):
        if isinstance(node, dict):
            codes.update(v for k, v in node.items() if k in ("x-code", "x-missing"))
            for v in node.values():
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)

    walk(schema)
    assert codes and codes <= set(messages.MESSAGES)
    assert sitedata.site_data(model_from_compact(CARD_MINI))["card_schema"] == schema


def test_yaml_1_1_values_are_read_as_written(tmp_path, vector_model):
    """YAML 1.1 booleans, octal and hex numbers are text as YAML 1.2 (the browser) reads them."""
    text = (
        "scorecard: 2\nrole: am\nlevel: middle\ncandidate: yes\ninterviewer: 0x1F\n"
        "recommendation: no\ntakeaways: 3.50\nratings: {a: 03, b: 4, c: null, d: 2}\n"
    )
    path = tmp_path / "card.yml"
    path.write_text(text, encoding="utf-8")
    card, problems = cards.read_card(path, vector_model)
    assert not problems, [str(p) for p in problems]
    assert (card.candidate, card.interviewer, card.recommendation, card.takeaways) == ("yes", "0x1F", "no", "3.50")
    assert card.ratings["a"] == 3
