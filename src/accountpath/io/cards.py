"""Read filled scorecards (YAML, JSON, our xlsx card or a round workbook) into checked Scorecard values.

The value rules live in cardcheck (the same for every format); every problem names the file
and the line (or the sheet cell) and says what to do.
"""

from __future__ import annotations

from pathlib import Path

from accountpath.io import xlsx_read
from accountpath.io.cardcheck import card_from_data
from accountpath.method.evaluate import Scorecard
from accountpath.model import yamlsource
from accountpath.model.types import Model
from accountpath.problems import Problem
from accountpath.vocab import CARD_SUFFIXES

MAX_BYTES = yamlsource.MAX_BYTES
"""The largest card file read, YAML, JSON or xlsx (5 MB): cards are a few KB."""

BROWSER_MAX_CARDS = 500
"""The most cards the browser's evaluator imports at once (one file or many): a panel has a
handful, a round workbook a few dozen; more is refused before any is checked."""


def read_limits() -> dict[str, int]:
    """The limits the browser's import applies (model.json `read_limits`), stated in README."""
    return {"max_bytes": MAX_BYTES, "max_cards": BROWSER_MAX_CARDS}


def read_card(path: str | Path, model: Model, lenient: bool = False) -> tuple[Scorecard | None, list[Problem]]:
    """One filled scorecard from a file, checked against the model (`lenient`: see card_from_data)."""
    if xlsx_read.is_xlsx(path):
        return xlsx_read.read_card(path, model)
    doc, problems = yamlsource.load(path, str(path))
    if doc is None or problems:
        return None, problems
    return card_from_data(doc, model, lenient)


def read_cards(path: str | Path, model: Model) -> tuple[list[Scorecard], list[Problem]]:
    """Every scorecard in a file: one for a card, one per filled row for a round workbook. A round
    loses nothing it need not: a bad date is reported and the card's ratings still count."""
    if xlsx_read.is_xlsx(path):
        return xlsx_read.read_xlsx(path, model)
    card, problems = read_card(path, model, lenient=True)
    return ([card] if card else []), problems


def find_cards(folder: str | Path) -> list[Path]:
    """Every scorecard file under a folder, in a stable order (hidden files and lock files skipped)."""
    return [p for p in card_entries(folder) if p.is_file()]


def card_entries(folder: str | Path) -> list[Path]:
    """Every entry under a folder named like a scorecard (files or not; hidden ones and lock files
    skipped), in path order."""
    root = Path(folder)
    depth = len(root.parts)
    found = [
        p
        for p in root.rglob("*")
        if p.suffix.lower() in CARD_SUFFIXES and not any(part.startswith((".", "~$")) for part in p.parts[depth:])
    ]
    return sorted(found, key=lambda p: p.parts)  # Path order, without Path.__lt__ per comparison
