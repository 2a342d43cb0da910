"""Texts every scorecard format shares (html, md, yaml, xlsx): the instruction, labels and the title."""

from __future__ import annotations

import re

from .model import Role, RoleLevel

INSTRUCTION = (
    "Оценивайте самостоятельно и до общего обсуждения (дебрифа): не смотрите в оценки коллег. "
    "По каждой компетенции сравните то, что кандидат показал примерами, с поведением целевого уровня: "
    "«ниже», «соответствует» и «выше» описаны рядом, а у каждого вопроса — как звучат слабый, хороший и сильный ответ. "
    "Ставьте 1–5 или «не оценивалось», если данных не было. "
    "В заметки пишите факты и цитаты, а не впечатления. "
    "В конце отметьте свою общую рекомендацию и ключевые выводы."
)
FOCUSED_INSTRUCTION = (
    "Оценивайте самостоятельно и до общего обсуждения (дебрифа): не смотрите в оценки коллег. "
    "На этом листе только ваши компетенции. Задайте вопросы и сравните ответ с ориентирами: слабый, хороший, сильный. "
    "Ставьте 1–5 или «не оценивалось»; в заметки — факты и цитаты. В конце — рекомендация и ключевые выводы."
)
KIND_LABELS = {"behavioral": "поведенческий", "situational": "ситуационный", "case": "кейс", "open": "без правильного ответа"}
ANCHOR_LABELS = {"weak": "Слабый ответ", "solid": "Хороший ответ", "strong": "Сильный ответ"}
"""How the three answer anchors of a question are labelled on scorecards and pages."""


def card_title(role: Role, level: RoleLevel) -> str:
    """«Роль — уровень», or the level's name alone when it already names the role
    («Старший аккаунт-менеджер», not «Аккаунт-менеджер — Старший аккаунт-менеджер»)."""
    core = re.sub(r"\s*\([^)]*\)", "", role.name).strip().casefold()
    name = level.name.casefold()
    if core in name or name in role.name.casefold():
        return level.name
    return f"{role.name} — {level.name}"


def phrases(items) -> str:
    """Join short sentences into one line: "a; b; c." (each item's own final full stop dropped)."""
    parts = [p for p in (str(i).strip().rstrip(".;").strip() for i in items) if p]
    # later items continue the sentence: "Называет…; описывает…" (but keep "KPI", "CRM")
    parts = [p if k == 0 or len(p) < 2 or not p[1].islower() else p[0].lower() + p[1:] for k, p in enumerate(parts)]
    text = "; ".join(parts)
    return text + "." if text else ""
