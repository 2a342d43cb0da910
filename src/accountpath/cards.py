"""Read filled scorecards (YAML, JSON, our xlsx card or a round workbook) into checked Scorecard values.

The value rules live in cardcheck (the same for every format); every problem names the file
and the line (or the sheet cell) and says what to do.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from . import xlsx_read, yamlsource
from .cardcheck import (
    CARD_KEYS,
    NOT_ASSESSED,
    RECOMMENDATION_LABELS,
    RECOMMENDATIONS,
    card_from_data,
    normalise_name,
    rating_value,
)
from .evaluate import Scorecard
from .i18n import _
from .model import Model
from .problems import Problem

__all__ = [  # the readers, and the card rules they re-export from cardcheck
    "CARD_KEYS", "CARD_SUFFIXES", "NOT_ASSESSED", "RECOMMENDATIONS", "RECOMMENDATION_LABELS", "card_from_data",
    "find_cards", "normalise_name", "panel_problems", "rating_problem", "rating_value", "read_card", "read_cards",
]

CARD_SUFFIXES = (".yml", ".yaml", ".json", ".xlsx")


def read_card(path: str | Path, model: Model) -> tuple[Scorecard | None, list[Problem]]:
    """One filled scorecard from a file, checked against the model."""
    if xlsx_read.is_xlsx(path):
        return xlsx_read.read_card(path, model)
    doc, problems = yamlsource.load(path, str(path))
    if doc is None or problems:
        return None, problems
    return card_from_data(doc, model)


def read_cards(path: str | Path, model: Model) -> tuple[list[Scorecard], list[Problem]]:
    """Every scorecard in a file: one for a card, one per filled row for a round workbook."""
    if xlsx_read.is_xlsx(path):
        return xlsx_read.read_xlsx(path, model)
    card, problems = read_card(path, model)
    return ([card] if card else []), problems


def rating_problem(value: Any) -> str | None:
    """Why a rating value is invalid, or None when it is 1..5 or "not assessed"."""
    return rating_value(value)[1]


def panel_problems(cards: Sequence[Scorecard]) -> list[Problem]:
    """Problems of a panel: mixed candidates, roles or levels, or one interviewer twice."""
    out: list[Problem] = []
    if not cards:
        return out
    first = cards[0]
    seen: dict[str, Scorecard] = {}
    for card in cards:
        for field_, same in (("candidate", normalise_name(card.candidate) == normalise_name(first.candidate)),
                             ("role", card.role == first.role), ("level", card.level == first.level)):
            if not same:
                line, col = card.lines.get(field_, (0, 0))
                out.append(Problem(card.source, line, col, _(
                    "{field} «{value}» не совпадает с «{first}» в {source}: оценивайте листы одного кандидата "
                    "на одну роль и уровень (или весь раунд: --round)").format(
                    field=field_, value=getattr(card, field_), first=getattr(first, field_), source=first.source)))
        key = normalise_name(card.interviewer)
        if key in seen:
            line, col = card.lines.get("interviewer", (0, 0))
            out.append(Problem(card.source, line, col, _(
                "интервьюер «{name}» уже оценил этого кандидата в {source}: один лист от каждого интервьюера").format(
                name=card.interviewer, source=seen[key].source)))
        else:
            seen[key] = card
    return out


def find_cards(folder: str | Path) -> list[Path]:
    """Every scorecard file under a folder, in a stable order (hidden files and lock files skipped)."""
    root = Path(folder)
    found = []
    for p in sorted(root.rglob("*")):
        rel = p.relative_to(root).parts
        if any(part.startswith((".", "~$")) for part in rel):
            continue
        if p.is_file() and p.suffix.lower() in CARD_SUFFIXES:
            found.append(p)
    return found

