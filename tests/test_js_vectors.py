"""The browser's method (docs/assets/js/evaluate.js) on the shared vectors, under node, in the
fast lane: every case gives the expected result and the very text `evaluate --format json`
prints; the browser lane repeats this inside Chromium."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from accountpath import cards, evaluate, report, vocab, yamlsource

from conftest import VECTORS

RUNNER = Path(__file__).resolve().parent / "js" / "run_vectors.mjs"
NODE = shutil.which("node")
pytestmark = pytest.mark.skipif(NODE is None, reason="node is not installed: `make node` installs it")


def _python_text(model, raw_cards) -> str:
    cs = []
    for i, raw in enumerate(raw_cards):
        doc, problems = yamlsource.parse(json.dumps(raw, ensure_ascii=False), f"card{i}.json")
        assert not problems
        card, problems = cards.card_from_data(doc, model)
        assert not problems, problems
        cs.append(card)
    return report.to_json(evaluate.evaluate(model, cs[0].role, cs[0].level, cs))


def run_node(model_json: dict, cases: list[dict], tmp_path: Path) -> list[dict]:
    """The runner's output for these cases on this model (as model.json carries it)."""
    src = tmp_path / "input.json"
    src.write_text(json.dumps({"model": model_json, "cases": cases}, ensure_ascii=False), encoding="utf-8")
    proc = subprocess.run([NODE, str(RUNNER), str(src)], capture_output=True, text=True, timeout=60, check=False)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def test_js_method_matches_vectors_and_python(vectors, vector_model, tmp_path):
    model_json = dict(vectors["model"], vocab=vocab.browser_vocab())
    got = run_node(model_json, vectors["cases"], tmp_path)
    assert [g["name"] for g in got] == [c["name"] for c in vectors["cases"]]
    for case, g in zip(vectors["cases"], got, strict=True):
        assert g["problems"] == [] and g["panel"] == [], case["name"]
        assert json.loads(g["text"]) == case["expected"], case["name"]
        assert g["text"] == _python_text(vector_model, case["scorecards"]), case["name"]


def test_js_reader_rejects_what_python_rejects(vectors, tmp_path):
    model_json = dict(vectors["model"], vocab=vocab.browser_vocab())
    good = vectors["cases"][0]["scorecards"][0]
    bad = [dict(good, ratng={}), dict(good, scorecard=7), dict(good, ratings={**good["ratings"], "x-unknown": 3})]
    got = run_node(model_json, [{"name": f"bad{i}", "scorecards": [card]} for i, card in enumerate(bad)], tmp_path)
    assert all(g["problems"] for g in got), got
    assert "ratng" in got[0]["problems"][0] and ", ".join(vocab.CARD_KEYS) in got[0]["problems"][0]


def test_vectors_file_is_where_conftest_says():
    assert VECTORS.exists()
