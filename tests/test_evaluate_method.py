"""The evaluation method on hand-computed cases (tests/vectors/evaluate.json)."""

from __future__ import annotations

import json

import pytest

from accountpath.method import evaluate

from conftest import CASES, _cards


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_vector(case, vector_model):
    cs = _cards(vector_model, case["scorecards"])
    result = evaluate.evaluate(vector_model, cs[0].role, cs[0].level, cs)
    assert result == case["expected"]
    # the JSON text has the contract's key order and no float noise
    assert json.loads(json.dumps(result)) == case["expected"]
    assert list(result) == [
        "candidate",
        "role",
        "level",
        "interviewers",
        "coverage",
        "gap",
        "recommendation",
        "failed_must_haves",
        "best_fit_level",
        "competencies",
        "ready",
        "not_ready",
        "leaning",
    ]


def test_round2_half_away_from_zero():
    assert evaluate.round2(0.125) == 0.13
    assert evaluate.round2(-0.125) == -0.13
    assert evaluate.round2(2.675) == 2.68  # 2.675 is 2.67499999... in binary; the epsilon keeps the decimal intent
    assert evaluate.round2(1 / 3) == 0.33
    assert evaluate.round2(3.0) == 3 and isinstance(evaluate.round2(3.0), int)
    assert evaluate.round2(None) is None


def test_rank_key_orders_recommendation_then_gap():
    rs = [
        {"recommendation": "hire", "gap": 0.1, "candidate": "b"},
        {"recommendation": "insufficient_data", "gap": 3, "candidate": "c"},
        {"recommendation": "hire", "gap": 0.3, "candidate": "a"},
        {"recommendation": "strong_hire", "gap": 0.6, "candidate": "d"},
    ]
    assert [r["candidate"] for r in sorted(rs, key=evaluate.rank_key)] == ["d", "a", "b", "c"]


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_recommendation_only_agrees(case, vector_model):
    cs = _cards(vector_model, case["scorecards"])
    for k in range(1, len(cs) + 1):
        sub = cs[:k]
        full = evaluate.evaluate(vector_model, sub[0].role, sub[0].level, sub)["recommendation"]
        assert evaluate.recommendation_only(vector_model, sub[0].role, sub[0].level, sub) == full
