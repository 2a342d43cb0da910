"""The debrief keeps the evidence, says when the verdict is fragile, and warns (issue example included)."""

from __future__ import annotations

import json
import re

import pytest

from accountpath.method import debrief, evaluate
from accountpath.method.evaluate import Scorecard
from accountpath.render import debrief_text, report

from conftest import CASES, NOTE, _cards, _panel

FORMATS = ("text", "md", "html", "json")


def _render(fmt, model, result, cards):
    return (
        {"text": report.to_text, "md": report.to_markdown, "html": report.to_html}[fmt](model, result, cards)
        if fmt != "json"
        else report.to_json(result)
    )


def test_issue_panel_is_not_ready_in_every_format(real_model):
    """The issue's middle AM panel (communication, a must-have, rated 5 / 2 / 4; gap 0.03): no green «Нанимать»
    over the disagreement: «Решение не готово», the reasons with what to do first, then the evidence."""
    cards = _panel(real_model)
    result = debrief.debrief(real_model, "account-manager", "middle", cards)
    assert result["recommendation"] == "not_ready" and result["ready"] is False
    assert result["leaning"] == "hire"
    assert [x["code"] for x in result["not_ready"]] == ["near_boundary", "must_have_disagreement"]
    assert result["not_ready"][1]["params"]["competency"] == "communication"
    assert result["best_fit_level"] == "middle"
    for fmt in FORMATS:
        out = _render(fmt, real_model, result, cards)
        if fmt == "json":
            data = json.loads(out)
            assert data["not_ready"] == result["not_ready"] and data["ready"] is False
            continue
        assert "Решение не готово" in out, fmt
        assert "Обязательная «Деловая коммуникация»: оценки расходятся на 3 балла" in out, fmt
        assert "Итог слишком близко к границе «Нанимать» / «Не нанимать»: разница с целью в среднем" in out, fmt
        assert (
            "Итог у самой границы «Нанимать» / «Не нанимать»: разница с целью в среднем 0,03, граница — 0,00, запас — 0,10"
            in out
        ), fmt
        assert "в расчёт итога не входят" in out, fmt
        assert (
            out.index("Решение не готово") < out.index("оценки расходятся на 3 балла") < out.index("Почему такой итог")
        )


def test_method_keys_unchanged_and_evidence_added(real_model):
    cards = _panel(real_model)
    plain = evaluate.evaluate(real_model, "account-manager", "middle", cards)
    full = debrief.debrief(real_model, "account-manager", "middle", cards)
    assert list(full)[: len(plain)] == list(plain)
    for key in plain:
        if key != "competencies":
            assert full[key] == plain[key]
    for a, b in zip(plain["competencies"], full["competencies"]):
        assert {k: b[k] for k in a} == a
    comm = next(c for c in full["competencies"] if c["id"] == "communication")
    assert comm["interviewer_ratings"] == [
        {"interviewer": "Ирина Смирнова", "rating": 5},
        {"interviewer": "Пётр Петров", "rating": 2},
        {"interviewer": "Ольга Ким", "rating": 4},
    ]
    cf = next(c for c in full["competencies"] if c["id"] == "client-focus")
    assert cf["notes"] == [{"interviewer": "Пётр Петров", "text": NOTE}]
    assert full["recommendations"] == [
        {"interviewer": "Ирина Смирнова", "recommendation": "strong_yes"},
        {"interviewer": "Пётр Петров", "recommendation": "no"},
        {"interviewer": "Ольга Ким", "recommendation": None},
    ]
    assert full["takeaways"] == [{"interviewer": "Ольга Ким", "text": "Сильные брифы."}]
    codes = [w["code"] for w in full["warnings"]]
    assert codes == ["extreme_without_note", "missing_recommendation"]  # Ирина's 5 has no note; Ольга gave no call
    assert full["warnings"][0]["params"] == {
        "interviewer": "Ирина Смирнова",
        "rating": 5,
        "competency": "communication",
        "competency_name": "Деловая коммуникация",
    }
    message = json.loads(report.to_json(full))["warnings"][0]["message"]
    assert "Ирина Смирнова" in message and "Деловая коммуникация" in message


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_report_shows_names_notes_calls(fmt, real_model):
    cards = _panel(real_model)
    result = debrief.debrief(real_model, "account-manager", "middle", cards)
    out = _render(fmt, real_model, result, cards)
    assert NOTE in out
    assert "Сильные брифы." in out
    if fmt == "json":
        return
    assert re.search(r"Ирина Смирнова</strong>: 5|Ирина Смирнова\*\*: 5|Ирина Смирнова: 5", out)
    assert re.search(r"Пётр Петров(</strong>|\*\*)?: 2", out)
    for label in ("Однозначно да", "Нет", "не указана", "Нанимать"):
        assert label in out, label
    assert "3,67" in out and "3.67" not in out  # decimal comma in Russian text
    assert "без заметки" in out


def test_single_interviewer_is_warned_in_every_format(real_model):
    cards = _panel(real_model)[1:2]
    result = debrief.debrief(real_model, "account-manager", "middle", cards)
    assert [w["code"] for w in result["warnings"]] == ["single_interviewer"]
    assert result["fragile"] == []
    for fmt in FORMATS:
        assert "один интервьюер" in _render(fmt, real_model, result, cards), fmt


def test_two_interviewers_are_fragile_when_one_carries_the_shared_ratings(real_model):
    """Panels of two count too: without Ирина's shared ratings the verdict would change."""
    cards = _panel(real_model)[:2]
    result = debrief.debrief(real_model, "account-manager", "middle", cards)
    assert [f["without"] for f in result["fragile"]] == ["Ирина Смирнова", "Пётр Петров"]
    assert result["recommendation"] == "not_ready"


def test_focused_interviewers_alone_are_not_fragile(real_model):
    """Each interviewer rating only their own competencies leaves nothing to leave out."""
    role = real_model.role("account-manager")
    level = role.level("middle")
    ids = [rc.id for rc in role.competencies]
    halves = (ids[::2], ids[1::2])
    cards = [
        Scorecard(role.id, level.id, "К", name, {cid: level.targets[cid] + 1 for cid in part}, focus=tuple(part))
        for name, part in zip(("А", "Б"), halves)
    ]
    result = debrief.debrief(real_model, role.id, level.id, cards)
    assert result["fragile"] == []
    assert "one_interviewer_decides" not in [x["code"] for x in result["not_ready"]]


def test_reports_accept_a_plain_evaluate_result(real_model):
    cards = _panel(real_model)
    plain = evaluate.evaluate(real_model, "account-manager", "middle", cards)
    assert NOTE in report.to_text(real_model, plain, cards)


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_vectors_keep_their_numbers_in_the_debrief(case, vector_model):
    cs = _cards(vector_model, case["scorecards"])
    full = debrief.debrief(vector_model, cs[0].role, cs[0].level, cs)
    for key, value in case["expected"].items():
        if key == "competencies":
            assert [{k: row[k] for k in exp} for row, exp in zip(full[key], value)] == value
        else:
            assert full[key] == value


def test_threshold_focus_and_title_are_explained(real_model):
    """A must-have on its threshold says so; a focused card's other competencies read «не в фокусе»; the level
    whose name is the role's is said once; disagreements come before the reasons."""
    cards = _panel(real_model, communication=(3, 2, 3))
    a, b, c = cards
    b = Scorecard(**{**b.__dict__, "ratings": {**b.ratings, "communication": 2}})
    c = Scorecard(
        **{
            **c.__dict__,
            "ratings": {**c.ratings, "communication": None, "finance": None},
            "focus": ("client-focus", "briefing", "finance"),
        }
    )
    panel = [a, b, c]
    result = debrief.debrief(real_model, "account-manager", "middle", panel)
    comm = next(x for x in result["competencies"] if x["id"] == "communication")
    assert comm["rating"] == 2.5 and "communication" not in result["failed_must_haves"]
    for fmt in ("text", "md", "html"):
        out = _render(fmt, real_model, result, panel)
        assert "проходит ровно на пороге: 2,50 при пороге 2,50 (цель 3 − 0,5)" in out, fmt
        assert re.search(r"Ольга Ким(</strong>|\*\*)?: не в фокусе", out), fmt
        assert re.search(r"Ольга Ким(</strong>|\*\*)?: не оценивал\(а\)", out), fmt  # finance was in her focus
        assert "Аккаунт-менеджер (account-manager/middle)" in out and "уровень Аккаунт-менеджер" not in out, fmt
        assert "итог панели был бы" not in out and "средняя по компетенции" in out.lower(), fmt
    text = report.to_text(real_model, result, panel)
    assert text.index("Расхождения — обсудите до решения") < text.index("Почему такой итог")


@pytest.mark.parametrize("fmt", ("text", "md", "html"))
def test_every_report_shows_one_thin_note_line_per_interviewer(fmt, vector_model):
    """An interviewer whose ratings are far from the targets without examples gets one warning that names
    every such competency, not one warning per competency."""
    far = {"a": 5, "b": 1, "c": 5, "d": 4}  # targets 3, 3, 3, 2: every rating two or more away
    notes = {cid: "Говорит уверенно." for cid in far}
    cards = [
        Scorecard("am", "middle", "К", "Ирина", far, notes=notes, recommendation="yes"),
        Scorecard("am", "middle", "К", "Пётр", far, notes=notes, recommendation="no"),
    ]
    result = debrief.debrief(vector_model, "am", "middle", cards)
    assert [w["code"] for w in result["warnings"]] == ["thin_note", "thin_note"]
    out = _render(fmt, vector_model, result, cards)
    names = [vector_model.competency(cid).name for cid in far]
    lines = [line for line in re.split(r"\n|<li>", out) if "нет примера" in line]
    assert len(lines) == 2 and "Ирина" in lines[0] and "Пётр" in lines[1]
    assert all(all(name in line for name in names) for line in lines)


def test_a_not_ready_verdict_says_by_when_and_who_decides_otherwise(real_model):
    """Review 6, finding 17: under «Решение не готово» the last line sets the extra meeting within three
    working days, else the hiring manager decides and writes down why; a ready verdict has no such line."""
    cards = _panel(real_model)
    result = debrief.debrief(real_model, "account-manager", "middle", cards)
    lines = debrief_text.readiness_lines(result)
    assert lines[-1].startswith("Проведите дополнительную встречу в течение трёх рабочих дней ◇.")
    assert "решение принимает нанимающий менеджер и записывает, почему" in lines[-1]
    for fmt in ("text", "md", "html"):
        assert "в течение трёх рабочих дней" in _render(fmt, real_model, result, cards), fmt
    ready = dict(result, not_ready=[], ready=True, recommendation="hire")
    assert not any("трёх рабочих дней" in x for x in debrief_text.readiness_lines(ready))
