"""Texts the scorecard writers share (html, md, yaml, xlsx) beyond the vocabulary: the focused card's
instruction, the rule for the top rating, the anchor labels and the title rule."""

from __future__ import annotations

import re

from accountpath.i18n import N_, _
from accountpath.model.types import Model, Role, RoleLevel

FOCUSED_INSTRUCTION = N_(
    "Оценивайте самостоятельно и до общего обсуждения (дебрифа): не смотрите в оценки коллег. "
    "На этом листе только ваши компетенции. Задайте вопросы и сравните ответ с ориентирами: слабый, хороший, сильный. "
    "Ставьте 1–5; «не оценивалось» — только если вопрос не успели задать, а нет своего примера — это 1–2. "
    "В заметки — факты и цитаты. В конце — рекомендация и ключевые выводы."
)

TOP_RATING_RULE = N_(
    "{top} — только с примером, который подтверждает уровень «{name}» (его подход перенимают за пределами своей группы); "
    "у кандидата со стороны — по примерам с прежнего места: его подходы перенимали другие группы или отделы"
)
LEVEL_BELOW = N_("{n} — {name} (на балл ниже цели)")
LEVEL_AT = N_("{n} — {name} (цель уровня)")
LEVEL_ABOVE = N_("{n} — {name} (на балл выше цели)")
"""A card's heading over the behaviours of one level: its number, its name on the scale and how it
stands to the target (review 4, finding 11: not «Ниже цели» over positive behaviours)."""
GRADUATE_FIRST = N_("если опыта в агентстве нет — задайте вместо поведенческого")
"""The label of a competency's situational question, put first on a sheet of a level that takes graduates,
where a behavioural question stands beside it."""
GRADUATE_LEAD = N_("если опыта в агентстве нет — начните с него")
"""The same label where no behavioural question stands beside it (a case or another situational one)."""

OPEN_NOTE = N_(
    "Задают в конце встречи отдельным блоком; балл по компетенции ставят по другим вопросам. Ответ — заметка "
    "к оценке; образцы — как слушать ответ, а не как ставить балл"
)
"""What a card says in its open-question block: the answer never moves a rating."""
OPEN_HOME = N_("компетенция «{name}»")
"""Beside an open question in the block: the competency it comes from (its answer gives notes to it)."""
REVEALS_LABEL = N_("Что показывает")
"""The label of an open question's `reveals` text on a card (as on the site's question pages)."""


def top_rating_rule(model: Model) -> str:
    """The one-line rule printed by the rating scale: the top rating needs an example at that level."""
    top = max(model.scale, key=lambda s: s.level)
    return _(TOP_RATING_RULE).format(top=top.level, name=top.name)


def level_heading(model: Model, level: int, target: int) -> str:
    """«1 — Знакомство (на балл ниже цели)», «2 — Типовые задачи (цель уровня)», «3 — … (на балл выше цели)»:
    the scale's name of `level`, placed against `target` (one below, at, one above)."""
    names = {s.level: s.name for s in model.scale}
    template = LEVEL_AT if level == target else LEVEL_BELOW if level < target else LEVEL_ABOVE
    return _(template).format(n=level, name=names.get(level, ""))


def card_title(role: Role, level: RoleLevel) -> str:
    """«Роль — уровень», or the level's name alone when it already names the role
    («Старший аккаунт-менеджер», not «Аккаунт-менеджер — Старший аккаунт-менеджер»)."""
    core = re.sub(r"\s*\([^)]*\)", "", role.name).strip().casefold()
    name = level.name.casefold()
    if core in name or name in role.name.casefold():
        return level.name
    return f"{role.name} — {level.name}"
