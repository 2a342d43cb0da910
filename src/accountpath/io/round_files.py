"""Reading a hiring round from disk: the scorecard files of a folder (or round workbooks),
read in parallel when the round is large. Library code: no printing; the panels are then
grouped, evaluated and ranked by `rounds`.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from accountpath.i18n import _
from accountpath.io import cards as cards_mod
from accountpath.method import rounds
from accountpath.method.evaluate import Scorecard
from accountpath.model.types import Model
from accountpath.problems import Problem

PARALLEL_FROM = 400
"""Rounds this large are read by one process per core: parsing dominates and is CPU-bound (why the
pool stays: a round of 10,000 files reads in about half the time on two cores, make bench)."""

ReadResult = tuple[list[Scorecard], list[Problem]]


class _Worker:
    """The model the forked workers inherit (never pickled)."""

    model: Model | None = None


def _read_in_worker(path: Path) -> ReadResult:
    assert _Worker.model is not None
    return cards_mod.read_cards(path, _Worker.model)


def round_files(source: str | Path) -> tuple[list[Path], list[Problem]]:
    """The scorecard files of a round (a folder, or one round workbook), or a problem saying why there are none."""
    root = Path(source)
    if root.is_file() and root.suffix.lower() == ".xlsx":
        return [root], []
    if not root.is_dir():
        return [], [Problem(str(root), 0, 0, _("это не папка и не книга раунда (.xlsx)"))]
    files = cards_mod.find_cards(root)
    if not files:
        return [], [Problem(str(root), 0, 0, _("в папке нет оценочных листов (*.yml, *.yaml, *.json, *.xlsx)"))]
    return files, []


def read_files(model: Model, files: Sequence[Path]) -> tuple[list[Scorecard], list[Problem]]:
    """Every card of every file, in file order, and every problem; large rounds use every core."""
    import multiprocessing  # about 6 ms of start-up that only a large round needs

    cpus = os.cpu_count() or 1
    if len(files) < PARALLEL_FROM or cpus < 2 or multiprocessing.get_start_method() != "fork":
        read = [cards_mod.read_cards(f, model) for f in files]
    else:
        _Worker.model = model
        try:
            with multiprocessing.Pool(processes=min(cpus, 8)) as pool:
                read = pool.map(_read_in_worker, files, chunksize=max(50, len(files) // (cpus * 8)))
        finally:
            _Worker.model = None
    cards: list[Scorecard] = []
    problems: list[Problem] = []
    for found_cards, found in read:
        cards += found_cards
        problems += found
    return cards, problems


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
        problems = rounds.panel_problems(panel)
    return panel, problems
