"""The browser's reader and debrief (docs/assets/js/) on the shared vectors, under node, in the
fast lane: every evaluation case gives the very text `evaluate --format json` prints (the
debrief's notes, recommendations, takeaways, fragile and warnings included), and every card
of tests/vectors/cards.json, as JSON and as YAML, is accepted or refused exactly as Python
does, with the same messages. The browser lane repeats this inside Chromium, xlsx included."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from accountpath.io import cardcheck, cards
from accountpath.method import debrief, rounds
from accountpath.model import yamlsource
from accountpath.render import debrief_text, report
from accountpath.site import sitedata

from conftest import CARD_VECTORS, VECTORS, card_case_formats, write_card_case

RUNNER = Path(__file__).resolve().parent / "js" / "run_vectors.mjs"
NODE = shutil.which("node")
CARDS = CARD_VECTORS
pytestmark = pytest.mark.skipif(NODE is None, reason="node is not installed: `make node` installs it")


def _card(model, raw: dict, label: str = "card.json"):
    doc, problems = yamlsource.parse(json.dumps(raw, ensure_ascii=False), label)
    assert not problems
    return cards.card_from_data(doc, model)


def run_node(model, cases: list[dict], card_cases: list[dict], tmp_path: Path) -> dict:
    """The runner's output for these cases, the model given as the site's model.json carries it."""
    src = tmp_path / "input.json"
    payload = {"model": sitedata.site_data(model), "cases": cases, "cards": card_cases}
    src.write_text(json.dumps(payload, ensure_ascii=False), encoding="utf-8")
    proc = subprocess.run([NODE, str(RUNNER), str(src)], capture_output=True, text=True, timeout=60, check=False)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def _debrief_cases(vectors) -> list[dict]:
    """The evaluation vectors plus panels that exercise every debrief key."""
    base = vectors["cases"][0]["scorecards"][0]
    card = lambda name, ratings, **extra: dict(base, interviewer=name, ratings=ratings, **extra)  # noqa: E731
    extra = [
        {
            "name": "fragile: a must-have rated 5 / 2 / 4",
            "scorecards": [
                card(
                    "Ирина",
                    {"a": 5, "b": 3, "c": 3, "d": 2},
                    notes={"a": "Два примера."},
                    recommendation="strong_yes",
                    takeaways="Сильная в брифах.",
                ),
                card("Пётр", {"a": 2, "b": 3, "c": 3, "d": 2}, recommendation="no"),
                card("Анна", {"a": 4, "b": 3, "c": 3, "d": 1}, notes={"b": "Сбивалась."}),
            ],
        },
        {
            "name": "a must-have falls below its threshold without one interviewer",
            "scorecards": [
                card("Мария Белова", {"a": 4, "b": 4, "c": 3, "d": 2}),
                card("Пётр", {"a": 2, "b": 4, "c": 3, "d": 2}),
                card("Анна", {"a": 2, "b": 4, "c": 3, "d": 2}),
            ],
        },
        {
            "name": "a must-have exactly on its threshold",
            "scorecards": [card("И1", {"a": 3, "b": 3, "c": 3, "d": 2}), card("И2", {"a": 2, "b": 3, "c": 3, "d": 2})],
        },
        {
            "name": "the weighted gap near a band's boundary",
            "scorecards": [card("И1", {"a": 3, "b": 3, "c": 3, "d": 2}), card("И2", {"a": 3, "b": 3, "c": 3, "d": 3})],
        },
        {
            "name": "the only rating of a must-have",
            "scorecards": [
                card("И1", {"a": 1, "b": 3, "c": 3, "d": 2}, notes={"a": "Не смог."}),
                card("И2", {"a": None, "b": 3, "c": 3, "d": 2}),
                card("И3", {"a": None, "b": 3, "c": 3, "d": 2}),
            ],
        },
        {
            "name": "a competency in focus nobody rated; a thin note; a missing recommendation",
            "scorecards": [
                card("И1", {"a": 3, "b": None, "c": None, "d": None}, focus=["a", "c"], recommendation="yes"),
                card(
                    "И2",
                    {"a": 3, "b": 1, "c": None, "d": 2},
                    focus=["a", "b", "d"],
                    notes={"b": "Слабо, без конкретики."},
                ),
            ],
        },
        {
            "name": "notes and an extreme without a note",
            "scorecards": [
                card(
                    "И1", {"a": 1, "b": 5, "c": None, "d": 2}, notes={"b": "Пример."}, recommendation="однозначно нет"
                ),
                card("И2", {"a": 3, "b": 4, "c": 3, "d": 2}, takeaways="  Коротко.  "),
            ],
        },
    ]
    return [*vectors["cases"], *extra]


def _lines(model, r) -> dict:
    """The debrief's sentences as Python says them (the runner's `lines`)."""
    return {
        "fragile": debrief_text.fragility_lines(r, model),
        "must": [
            debrief_text.must_have_status(model, row, row["id"] in r["failed_must_haves"])
            for row in r["competencies"]
            if row["must_have"]
        ],
        "boundary": debrief_text.boundary_line(model, r),
        "readiness": debrief_text.readiness_lines(r),
        "warnings": [debrief_text.warning_text(w) for w in r["warnings"]],
    }


def test_js_debrief_equals_python(vectors, vector_model, tmp_path):
    cases = _debrief_cases(vectors)
    inputs = [{"name": c["name"], "texts": [json.dumps(s, ensure_ascii=False) for s in c["scorecards"]]} for c in cases]
    got = run_node(vector_model, inputs, [], tmp_path)["cases"]
    assert [g["name"] for g in got] == [c["name"] for c in cases]
    for case, g in zip(cases, got, strict=True):
        assert g["problems"] == [] and g["panel"] == [], (case["name"], g)
        panel = [_card(vector_model, s)[0] for s in case["scorecards"]]
        full = debrief.debrief(vector_model, panel[0].role, panel[0].level, panel)
        assert g["text"] == report.to_json(full), case["name"]
        assert g["lines"] == _lines(vector_model, full), case["name"]
        if "expected" in case:
            assert {k: v for k, v in json.loads(g["text"]).items() if k in case["expected"]} | {
                "competencies": [
                    {k: v for k, v in row.items() if k in case["expected"]["competencies"][0]}
                    for row in json.loads(g["text"])["competencies"]
                ]
            } == case["expected"], case["name"]
    assert any(json.loads(g["text"])["fragile"] for g in got), "no case is fragile"
    said = " ".join(
        " ".join(g["lines"]["fragile"] + g["lines"]["must"] + [g["lines"]["boundary"] or ""] + g["lines"]["readiness"])
        for g in got
    )
    assert {x["code"] for g in got for x in json.loads(g["text"])["not_ready"]} >= {
        "unrated_focus",
        "near_boundary",
        "one_interviewer_decides",
        "must_have_disagreement",
        "must_have_single_rater",
        "must_have_one_point",
    }
    warned = {w["code"] for g in got for w in json.loads(g["text"])["warnings"]}
    assert warned >= {"extreme_without_note", "missing_recommendation", "thin_note", "unrated_focus"}
    for words in (
        "опустилась бы до 2,00 при пороге 2,50",
        "проходит ровно на пороге: 2,50",
        "Итог у самой границы «Нанимать» / «Не нанимать»: разница с целью в среднем 0,07, граница — 0,00, запас — 0,10",
        "Итог устойчив",
        "Решение готово",
    ):
        assert words in said, words


def _similar_round(vectors, vector_model, tmp_path, others: list[str]) -> tuple[dict, dict]:
    """Анна Иванова rated by two interviewers in a round with `others` (one card each): Python's result
    for her and the browser's, which gets her two cards and the other names."""
    base = vectors["cases"][0]["scorecards"][0]
    raw = [dict(base, candidate="Анна Иванова", interviewer=f"И{k}") for k in (1, 2)]
    raw += [dict(base, candidate=name, interviewer=f"И{k}") for k, name in enumerate(others, 3)]
    results, problems = rounds.evaluate_round(
        vector_model, [_card(vector_model, r, f"c{i}.json")[0] for i, r in enumerate(raw)]
    )
    assert not problems
    python = next(r for r in results if r["candidate"] == "Анна Иванова")
    inputs = [{"name": "round", "texts": [json.dumps(r, ensure_ascii=False) for r in raw[:2]], "others": others}]
    return python, run_node(vector_model, inputs, [], tmp_path)["cases"][0]


def test_js_similar_candidates_warning_equals_a_python_round(vectors, vector_model, tmp_path):
    python, got = _similar_round(vectors, vector_model, tmp_path, ["анна иванов", "Кандидат 2"])
    assert [w["code"] for w in python["warnings"]].count("similar_candidates") == 1
    assert got["text"] == report.to_json(python)


def test_js_similar_candidates_with_two_similar_names_equals_python(vectors, vector_model, tmp_path):
    """Two other similar names: one warning {code, params: {candidate, others, more}} on both sides,
    the same sentence rendered from the message table."""
    python, got = _similar_round(vectors, vector_model, tmp_path, ["Анна Иванов", "Анну Иванова"])
    similar = [w for w in python["warnings"] if w["code"] == "similar_candidates"]
    assert similar == [
        {
            "code": "similar_candidates",
            "params": {"candidate": "Анна Иванова", "others": ["Анна Иванов", "Анну Иванова"], "more": 0},
        }
    ]
    assert got["text"] == report.to_json(python)
    assert got["lines"]["warnings"] == [debrief_text.warning_text(w) for w in python["warnings"]]
    assert "«Анна Иванов», «Анну Иванова»" in debrief_text.warning_text(similar[0])


def _problems(problems, file: str | None = None) -> list[dict]:
    """Problems as the JSON contract gives them, without the sentence: {file, line, col, code, params}."""
    out = [{k: v for k, v in p.as_json().items() if k != "message"} for p in problems]
    return sorted(({**p, "file": file} if file else p for p in out), key=json.dumps)


@pytest.mark.parametrize("fmt", ["json", "yaml"])
def test_js_reader_gives_python_s_problems_on_the_card_vectors(fmt, vector_model, tmp_path):
    """Every text case of tests/vectors/cards.json (cards written as JSON or YAML, and the raw
    texts: duplicate keys, 0o4, on/off, aliases, __proto__...): the same card, or JSON-equal
    problems {file, line, col, code, params}, from the Python readers and the browser's."""
    cases = [(kind, c) for kind in ("valid", "invalid") for c in CARDS[kind] if fmt in card_case_formats(c)]
    paths = [write_card_case(c, fmt, tmp_path / f"c{i}.{fmt}") for i, (_, c) in enumerate(cases)]
    inputs = [
        {"name": c["name"], "text": p.read_text(encoding="utf-8"), "file": p.name} for (_, c), p in zip(cases, paths)
    ]
    got = run_node(vector_model, [], inputs, tmp_path)["cards"]
    for (kind, case), path, g in zip(cases, paths, got, strict=True):
        card, problems = cards.read_card(path, vector_model)
        assert sorted(g["problems"], key=json.dumps) == _problems(problems, path.name), case["name"]
        assert g["card"] == (cardcheck.card_data(card) if card else None), case["name"]
        if kind == "valid":
            assert g["card"] == case["expected"], case["name"]
        else:
            keys = ("line", "col", "code", "params") if "text" in case else ("code", "params")
            mine = sorted(({k: p[k] for k in keys} for p in g["problems"]), key=json.dumps)
            assert mine == sorted(case["problems"], key=json.dumps), case["name"]


def test_js_refusals_match_python_beyond_the_vectors(vector_model, tmp_path):
    """Odd cards (did-you-mean hints, wrong types, focus as text): JSON-equal problems."""
    base = CARDS["valid"][0]["card"]
    odd = [
        dict(base, ratng={}),
        dict(base, scorecard="1"),
        dict(base, ratings={**base["ratings"], "bb": 3}),
        dict(base, notes=["x"]),
        dict(base, focus="a, b, a"),
        dict(base, candidate=True, takeaways=["x"]),
        dict(base, date=20261128, recommendation="скорее да"),
        dict(base, overall_notes={"x": 1}),
        [1, 2],
    ]
    texts = [json.dumps(c, ensure_ascii=False, indent=1) for c in odd]
    got = run_node(
        vector_model, [], [{"name": str(i), "text": t, "file": "card.json"} for i, t in enumerate(texts)], tmp_path
    )["cards"]
    for text, g in zip(texts, got, strict=True):
        doc, problems = yamlsource.parse(text, "card.json")
        card, problems = cards.card_from_data(doc, vector_model)
        assert sorted(g["problems"], key=json.dumps) == _problems(problems), text
        assert g["card"] == (cardcheck.card_data(card) if card else None)
        assert g["messages"] and all(m in {p.message for p in problems} for m in g["messages"]), text


def test_vectors_file_is_where_conftest_says():
    assert VECTORS.exists()


def test_js_plan_check_returns_codes_of_the_message_table(vector_model, tmp_path):
    """core/plan.js checkPlan holds no sentence: its problems are {code, params} of the message table,
    the sentences rendered from model.json's messages (Russian, every placeholder filled)."""
    from accountpath import messages

    data = sitedata.site_data(vector_model)
    src = tmp_path / "model.json"
    src.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    core = RUNNER.parent.parent.parent / "docs" / "assets" / "js" / "core"
    role = data["roles"][0]
    plans = [
        {"plan": 2, "role": role["id"], "level": "nope", "extra": 1, "interviewers": [7, {"focus": "x"}]},
        {"plan": 1, "role": "nope", "interviewers": []},
        {
            "plan": 1,
            "role": role["id"],
            "level": role["levels"][0]["id"],
            "interviewers": [
                {"name": "Анна", "focus": ["zz"], "questions": ["no-such-question"]},
                {"name": "анна", "focus": [], "questions": 3},
            ],
        },
        {"plan": 1, "role": role["id"], "level": role["levels"][0]["id"]},
    ]
    script = (
        f"import {{ checkPlan }} from {json.dumps((core / 'plan.js').as_uri())};"
        f"import {{ render }} from {json.dumps((core / 'messages.js').as_uri())};"
        "import { readFileSync } from 'node:fs';"
        f"const model = JSON.parse(readFileSync({json.dumps(str(src))}, 'utf-8'));"
        f"const plans = {json.dumps(plans, ensure_ascii=False)};"
        "process.stdout.write(JSON.stringify(plans.map((p) => checkPlan(model, p).problems.map((x) => "
        "({ ...x, message: render(model.messages, x.code, x.params) })))));"
    )
    proc = subprocess.run([NODE, "--input-type=module", "-e", script], capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr
    got = json.loads(proc.stdout)
    codes = {p["code"] for problems in got for p in problems}
    assert codes >= {
        "plan.unknown-field",
        "plan.version",
        "plan.unknown-level",
        "plan.of-interviewer",
        "plan.unknown-role",
        "plan.interviewers",
        "plan.name-repeated",
    }
    inner = {p["params"]["what"]["code"] for problems in got for p in problems if p["code"] == "plan.of-interviewer"}
    assert inner >= {"plan.interviewer-not-a-mapping", "plan.name-missing", "plan.id-list", "plan.focus-not-rated"}
    for problems in got:
        for p in problems:
            assert p["code"] in messages.MESSAGES, p
            assert p["message"] == messages.render(p["code"], p["params"]), p
            assert "{" not in p["message"] and re.search("[а-яё]", p["message"]), p


def test_mutated_cards_never_crash_and_both_readers_agree(vector_model, tmp_path):
    """300 cards (YAML and JSON) with a few random characters inserted, dropped or replaced
    (YAML indicators, tabs, `---`, tags, aliases, escapes): neither reader ever crashes, each
    refusal is a sentence of the message table, and Python and the browser accept or refuse the
    same files (measured: 99%; js-yaml and libyaml differ on a few malformed texts) and, when
    both read the card, read the same card."""
    import random

    from accountpath import messages

    rng = random.Random(20261203)
    card = CARDS["valid"][0]["card"]
    bases = [yaml.safe_dump(card, allow_unicode=True, sort_keys=False), json.dumps(card, ensure_ascii=False, indent=1)]
    pieces = [
        *":-[]{},'\"#&*!|>?%@`\t\n ",
        "---\n",
        "...\n",
        "!!str ",
        "<<: ",
        "~",
        "\r\n",
        "\\u",
        "\\ud83d",
        "&a ",
        "*a",
    ]
    texts = []
    for _ in range(300):
        t = rng.choice(bases)
        for _ in range(rng.randint(1, 3)):
            k = rng.randrange(len(t) + 1)
            op = rng.random()
            t = (
                t[:k] + rng.choice(pieces) + t[k:]
                if op < 0.5
                else t[:k] + t[k + rng.randint(1, 4) :]
                if op < 0.8
                else t[:k] + rng.choice(pieces) + t[k + 1 :]
            )
        texts.append(t)
    got = run_node(
        vector_model, [], [{"name": str(i), "text": t, "file": "card.yml"} for i, t in enumerate(texts)], tmp_path
    )["cards"]
    agree = 0
    for text, g in zip(texts, got, strict=True):
        doc, problems = yamlsource.parse(text, "card.yml")
        card_read = None
        if doc is not None and not problems:
            card_read, problems = cards.card_from_data(doc, vector_model)
        assert card_read is not None or problems, text
        assert all(p.code in messages.MESSAGES for p in problems), text
        assert g["card"] is not None or g["problems"], text
        if (g["card"] is None) == (card_read is None):
            agree += 1
            if card_read is not None:
                assert g["card"] == cardcheck.card_data(card_read), text
    assert agree >= 0.97 * len(texts), agree
