"""Checks of the bundled content (competencies.yml) that the engine tests on fixtures cannot make."""

from __future__ import annotations

from accountpath.method import debrief
from accountpath.method.evaluate import Scorecard
from accountpath.render import report


def test_bundled_model_sets_the_tolerance_band(real_model):
    assert real_model.evaluation.tolerance == 0.1


def test_the_three_percent_miss_is_not_a_no_hire_at_junior(real_model):
    """Issue 17: a middle account manager exactly on target except «Инициативность и идеи» (weight 3)
    one point below, by all three interviewers: the gap -0.03 is inside the band: «Решение не готово»,
    the fit stays at the vacancy's level instead of dropping to junior."""
    role = real_model.role("account-manager")
    level = role.level("middle")
    ratings = {rc.id: level.targets[rc.id] for rc in role.competencies}
    ratings["initiative"] -= 1
    cards = [
        Scorecard(
            role.id,
            level.id,
            "Кандидат",
            name,
            ratings,
            recommendation="yes",
            notes={"initiative": "Идей не предложила."},
        )
        for name in ("Ирина Смирнова", "Пётр Петров", "Ольга Ким")
    ]
    r = debrief.debrief(real_model, role.id, level.id, cards)
    assert r["gap"] == -0.03
    assert r["recommendation"] == "not_ready" and r["ready"] is False
    assert [x["code"] for x in r["not_ready"]][0] == "near_boundary"
    assert r["best_fit_level"] == "middle"
    text = report.to_text(real_model, r, cards)
    head = text.splitlines()[3]
    assert head.startswith("Итог панели: Решение не готово (not_ready)")
    assert "Не нанимать (no_hire)" not in text
    assert "Подходящий уровень: Аккаунт-менеджер (middle)" in text
    assert "«Инициативность и идеи»" in text
