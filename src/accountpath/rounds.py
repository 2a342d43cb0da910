"""A hiring round: every filled scorecard under a folder, read (in parallel when large),
grouped by candidate, role and level, evaluated and ranked. Library code: no printing.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from . import cards as cards_mod
from .evaluate import Scorecard, evaluate, rank_key
from .i18n import _
from .model import Model
from .problems import Problem

PARALLEL_FROM = 400
"""Rounds this large are read by one process per core: parsing dominates and is CPU-bound."""

ReadResult = tuple[Scorecard | None, list[Problem]]


class _Worker:
    """The model the forked workers inherit (never pickled)."""

    model: Model | None = None


def _read_in_worker(path: Path) -> ReadResult:
    assert _Worker.model is not None
    return cards_mod.read_card(path, _Worker.model)


def round_files(folder: str | Path) -> tuple[list[Path], list[Problem]]:
    """The scorecard files of a round folder, or a problem saying why there are none."""
    root = Path(folder)
    if not root.is_dir():
        return [], [Problem(str(root), 0, 0, _("это не папка"))]
    files = cards_mod.find_cards(root)
    if not files:
        return [], [Problem(str(root), 0, 0, _("в папке нет оценочных листов (*.yml, *.yaml, *.json, *.xlsx)"))]
    return files, []


def read_cards(model: Model, files: Sequence[Path]) -> list[ReadResult]:
    """(card or None, problems) for each file, in file order; large rounds use every core."""
    cpus = os.cpu_count() or 1
    if len(files) < PARALLEL_FROM or cpus < 2 or multiprocessing.get_start_method() != "fork":
        return [cards_mod.read_card(f, model) for f in files]
    _Worker.model = model
    try:
        with multiprocessing.Pool(processes=min(cpus, 8)) as pool:
            return pool.map(_read_in_worker, files, chunksize=max(50, len(files) // (cpus * 8)))
    finally:
        _Worker.model = None


def group_cards(read: Sequence[ReadResult]) -> tuple[list[list[Scorecard]], list[Problem]]:
    """Panels of one candidate at one role and level, in first-seen order; a card that
    repeats an interviewer of its panel is reported and left out."""
    problems: list[Problem] = []
    groups: dict[tuple[str, str, str], list[Scorecard]] = {}
    for card, found in read:
        if card is None:
            problems += found
            continue
        key = (cards_mod.normalise_name(card.candidate), card.role, card.level)
        group = groups.setdefault(key, [])
        dup = cards_mod.panel_problems([*group, card])
        if dup:
            problems += [p for p in dup if p.path == card.source]
            continue
        group.append(card)
    return list(groups.values()), problems


def evaluate_round(model: Model, files: Sequence[Path]) -> tuple[list[dict[str, Any]], list[Problem]]:
    """Evaluate every panel of a round, best first; bad files are reported and skipped."""
    panels, problems = group_cards(read_cards(model, files))
    results = [evaluate(model, g[0].role, g[0].level, g) for g in panels]
    results.sort(key=rank_key)
    return results, problems


def read_panel(model: Model, files: Sequence[str | Path]) -> tuple[list[Scorecard], list[Problem]]:
    """One candidate's panel from its scorecard files: the cards, or every problem found
    (bad files first; then mixed candidates, roles or levels, or an interviewer twice)."""
    panel: list[Scorecard] = []
    problems: list[Problem] = []
    for f in files:
        card, found = cards_mod.read_card(f, model)
        problems += found
        if card is not None:
            panel.append(card)
    if not problems:
        problems = cards_mod.panel_problems(panel)
    return panel, problems
