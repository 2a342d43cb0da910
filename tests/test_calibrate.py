"""Calibration: a planted lenient and a planted harsh interviewer are flagged; alpha is the package's."""

from __future__ import annotations

import json
import random

import krippendorff
import numpy as np
import pytest

from accountpath.method import calibrate
from accountpath.method.evaluate import Scorecard
from accountpath.render import calibrate_report

from conftest import BIAS, INTERVIEWERS, make_round


def test_planted_lenient_and_harsh_are_flagged(real_model):
    cards = make_round(real_model)
    result, problems = calibrate.calibrate(real_model, cards)
    assert not problems
    flagged = {i["name"] for i in result["interviewers"] if i["flagged"]}
    assert flagged == set(BIAS)
    by_name = {i["name"]: i for i in result["interviewers"]}
    assert by_name["Интервьюер 3"]["leniency"] > 0.5 and by_name["Интервьюер 6"]["leniency"] < -0.5
    assert list(result) == [
        "scorecards",
        "candidates",
        "panel_size",
        "alpha",
        "panel_reliability",
        "panel_reliability_plus_one",
        "interviewers",
        "competencies",
        "raters_per_competency",
    ]
    assert result["scorecards"] == 180 and result["candidates"] == 60 and result["panel_size"] == 3


def _direct_alpha(cards, cids):
    """Coders x units matrix straight into krippendorff.alpha."""
    units = sorted({(c.candidate, cid) for c in cards for cid in cids})
    col = {u: j for j, u in enumerate(units)}
    data = np.full((len(INTERVIEWERS), len(units)), np.nan)
    for c in cards:
        for cid in cids:
            data[INTERVIEWERS.index(c.interviewer), col[(c.candidate, cid)]] = c.ratings[cid]
    return krippendorff.alpha(reliability_data=data, level_of_measurement="interval")


def test_alpha_matches_the_package(real_model):
    cards = make_round(real_model)
    result, _ = calibrate.calibrate(real_model, cards)
    cids = [c["id"] for c in result["competencies"]]
    assert result["alpha"] == calibrate.round2(_direct_alpha(cards, cids))
    for comp in result["competencies"]:
        assert comp["alpha"] == calibrate.round2(_direct_alpha(cards, [comp["id"]]))
        assert comp["candidates"] == 60
    a = _direct_alpha(cards, cids)
    assert result["panel_reliability"] == calibrate.round2(3 * a / (1 + 2 * a))
    assert result["panel_reliability_plus_one"] == calibrate.round2(4 * a / (1 + 3 * a))


def test_too_little_overlap_gives_null(real_model):
    cards = make_round(real_model, candidates=1, panel=2)
    result, _ = calibrate.calibrate(real_model, cards)
    assert result["candidates"] == 1 and result["panel_size"] == 2
    assert all(c["alpha"] is None for c in result["competencies"])  # one unit per competency
    lone = make_round(real_model, candidates=5, panel=1)
    result, _ = calibrate.calibrate(real_model, lone)
    assert result["alpha"] is None and result["panel_reliability"] is None
    assert all(i["leniency"] is None and not i["flagged"] for i in result["interviewers"])


@pytest.mark.parametrize("fmt", ["text", "md", "html", "json", "xlsx"])
def test_renderers(fmt, real_model):
    result, _ = calibrate.calibrate(real_model, make_round(real_model))
    out = calibrate_report.render(real_model, result, fmt)
    if fmt == "xlsx":
        assert out[:2] == b"PK" and out == calibrate_report.render(real_model, result, fmt)
        return
    if fmt == "json":
        assert json.loads(out) == result
        return
    assert "Интервьюер 3" in out and "Krippendorff" in out
    assert "пересека" in out  # leniency needs overlapping panels
    assert "разговор" in out  # what to do with a flagged interviewer
    assert str(result["alpha"]).replace(".", ",") in out


@pytest.mark.slow
def test_ten_thousand_scorecards(real_model):
    # the speed target lives in scripts/bench.py; here: a large round is counted whole
    cards = make_round(real_model, candidates=2500, panel=4, seed=3)
    result, _ = calibrate.calibrate(real_model, cards)
    assert result["scorecards"] == 10_000 and result["candidates"] == 2500


def _result(alpha, ratings=(12, 12), flagged=False, comp_alpha=None):
    return {
        "scorecards": 6,
        "candidates": 3,
        "panel_size": 2,
        "alpha": alpha,
        "panel_reliability": None,
        "panel_reliability_plus_one": None,
        "interviewers": [
            {"name": f"И{k}", "ratings": n, "leniency": 0.1, "flagged": flagged} for k, n in enumerate(ratings)
        ],
        "competencies": [{"id": "briefing", "alpha": comp_alpha, "candidates": 3}],
    }


def test_advice_tells_too_little_data_low_agreement_and_fine_apart():
    names = {"briefing": "Брифование"}
    few = " ".join(calibrate_report.advice(_result(0.9, ratings=(3, 12)), names))
    assert "Данных пока мало" in few and "не меньше 10 общих оценок на интервьюера" in few and "И0 (3)" in few
    assert "Всё в порядке" not in few
    low = " ".join(calibrate_report.advice(_result(-0.34, comp_alpha=-0.34), names))
    assert "Согласие низкое: -0,34 при норме от 0,67" in low and "Ниже нуля" in low
    assert "Уточните рубрику по компетенциям с низким согласием (Брифование)" in low
    assert "Данных пока мало" not in low and "Всё в порядке" not in low
    fine = " ".join(calibrate_report.advice(_result(0.85, comp_alpha=0.85), names))
    assert fine.startswith("Всё в порядке: согласие 0,85") and "мало" not in fine
    unknown = " ".join(calibrate_report.advice(_result(None), names))
    assert "Согласие пока не посчитать" in unknown and "Всё в порядке" not in unknown
    meaning = " ".join(calibrate_report.meaning())
    assert "отмечаем, если отклонение не меньше 0,5 балла по модулю и сравнимых оценок не меньше 10" in meaning.lower()


def _zero_noise(model, candidates=12):
    """Three interviewers rate every candidate; only «Интервьюер А» adds +1, nobody adds noise."""
    role = model.role("account-manager")
    rnd = random.Random(5)
    cards = []
    for n in range(candidates):
        truth = {rc.id: rnd.choice((2, 3, 4)) for rc in role.competencies}
        for who, bias in (("Интервьюер А", 1), ("Интервьюер Б", 0), ("Интервьюер В", 0)):
            ratings = {cid: t + bias for cid, t in truth.items()}
            cards.append(
                Scorecard(
                    role="account-manager",
                    level="middle",
                    candidate=f"Кандидат {n:02d}",
                    interviewer=who,
                    ratings=ratings,
                    source=f"round{n % 3}/card-{n}-{who[-1]}.yml",
                )
            )
    return cards


def test_zero_noise_blames_only_the_lenient(real_model):
    result, problems = calibrate.calibrate(real_model, _zero_noise(real_model))
    assert not problems
    by_name = {i["name"]: i for i in result["interviewers"]}
    assert by_name["Интервьюер А"]["leniency"] == 1 and by_name["Интервьюер А"]["flagged"]
    assert by_name["Интервьюер А"]["ci_low"] > 0
    for other in ("Интервьюер Б", "Интервьюер В"):
        assert abs(by_name[other]["leniency"]) <= 0.1 and not by_name[other]["flagged"]
    text = calibrate_report.render(real_model, result, "text")
    assert "+1,00" in text and "на 1 балл " in text
    assert text.count("Нужен спокойный разговор") == 1


def test_flagged_interviewer_lists_decisions_that_change(real_model):
    cards = _zero_noise(real_model)
    result, _ = calibrate.calibrate(real_model, cards)
    lenient = next(i for i in result["interviewers"] if i["name"] == "Интервьюер А")
    for d in lenient["decisions"]:
        assert set(d) == {"candidate", "file", "verdict", "verdict_without"}
        assert d["verdict"] != d["verdict_without"] and d["file"].endswith("-А.yml")
    assert lenient["decisions"], "with a +1 on every rating some panel changes"


def test_spearman_brown_uses_raters_per_competency(real_model):
    role = real_model.role("account-manager")
    cids = [rc.id for rc in role.competencies]
    rnd = random.Random(2)
    cards = []
    for n in range(30):
        truth = {cid: rnd.choice((2, 3, 4)) for cid in cids}
        for k, who in enumerate(rnd.sample(INTERVIEWERS, 3)):
            # focused panels: each interviewer rates two thirds of the competencies
            mine = {
                cid: max(1, min(5, truth[cid] + rnd.choice((-1, 0, 1)))) for j, cid in enumerate(cids) if j % 3 != k
            }
            cards.append(Scorecard("account-manager", "middle", f"Кандидат {n}", who, mine))
    result, _ = calibrate.calibrate(real_model, cards)
    assert result["panel_size"] == 3 and result["raters_per_competency"] == 2
    a = _direct_alpha_any(cards, cids)
    assert result["panel_reliability"] == calibrate.round2(2 * a / (1 + a))


def _direct_alpha_any(cards, cids):
    units = sorted({(c.candidate, cid) for c in cards for cid in cids})
    col = {u: j for j, u in enumerate(units)}
    data = np.full((len(INTERVIEWERS), len(units)), np.nan)
    for c in cards:
        for cid, v in c.ratings.items():
            data[INTERVIEWERS.index(c.interviewer), col[(c.candidate, cid)]] = v
    return krippendorff.alpha(reliability_data=data, level_of_measurement="interval")
