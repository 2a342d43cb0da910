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


def _schema_finds_nothing(data) -> bool:
    return not any(True for _ in cardcheck._validator().iter_errors(data))


def _plain_of(text: str):
    from accountpath.model import yamlsource

    doc, problems = yamlsource.parse(text, "card.yml")
    return None if doc is None or problems else cardcheck._plain(doc, doc.data, ())


def test_shape_fast_path_agrees_with_the_schema():
    """cardcheck.shape_ok (the schema compiled by hand, the fast path of a valid card) says yes
    exactly when jsonschema finds nothing: on every vector and on generated cards mixing valid
    and refused values of every key (YAML text, so the values are those the readers see)."""
    import random

    datas = []
    for case in CASES["valid"] + CASES["invalid"]:
        if "card" in case:
            datas.append(_plain_of(json.dumps(case["card"], ensure_ascii=False)))
        elif case.get("format") in ("yaml", "yml", "json"):
            datas.append(_plain_of(case["text"]))
    good = {  # values the schema takes, then values it refuses
        "text": (["Анна", "3", "3.0", "yes", "2026-11-28", "x\\ty", "null"], ["  ", "''", "true", "[a]", "{a: 1}"]),
        "scorecard": (["1", "2"], ["3", "1.0", "true", "'1'", "null"]),
        "date": (
            ["2026-11-28", "28.11.2026", "' 2026-11-28 '", "''", "null", "2026-13-45"],
            ["28/11/2026", "5", "[1]"],
        ),
        "focus": (["null", "a", "[a, b]", "[]"], ["[a, 1]", "{a: 1}", "3"]),
        "rating": (["1", "5", "'4'", "null", "не оценивалось", "x"], ["0", "6", "3.0", "true", "[1]", "{a: 1}", "-1"]),
        "map": (["null"], ["[]", "3", "x"]),
    }
    kind = {"scorecard": "scorecard", "date": "date", "focus": "focus", "ratings": "map", "notes": "map"}
    rnd = random.Random(15)

    def pick(name: str) -> str:
        ok, refused = good[name]
        return rnd.choice(refused if rnd.random() < 0.04 else ok)

    for _ in range(1500):
        lines = []
        for key in cardcheck.CARD_KEYS:
            if rnd.random() < (0.02 if key in ("role", "level", "candidate", "interviewer", "ratings") else 0.5):
                continue
            if key in ("ratings", "notes") and rnd.random() < 0.9:
                inner = "rating" if key == "ratings" else "text"
                items = ", ".join(f"c{i}: {pick(inner)}" for i in range(rnd.randint(0, 3)))
                lines.append(f"{key}: {{{items}}}")
            else:
                lines.append(f"{key}: {pick(kind.get(key, 'text'))}")
        if rnd.random() < 0.03:
            lines.append("scorcard: 1")
        datas.append(_plain_of("\n".join(lines) + "\n" if lines else "[]\n"))
    datas += [[], "card", 3]
    checked = [d for d in datas if d is not None]
    assert len(checked) > 1000
    oks = 0
    for data in checked:
        assert cardcheck.shape_ok(data) == _schema_finds_nothing(data), data
        oks += cardcheck.shape_ok(data)
    assert 100 < oks < len(checked) - 100  # both answers are exercised
