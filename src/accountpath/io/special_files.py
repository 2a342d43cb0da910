"""Files in a round folder that are not scorecards: interview plans and decision records.

A plan (`plan: 1` at the top, what `accountpath plan` writes) or a decision record (`decision:`
at the top, what `accountpath decide` writes) in a folder of cards is recognised by its first
top-level key and skipped by the card readers, with a note, instead of being refused as a
broken card. Decision records are read here too, and cards are hashed (SHA-256) for them.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

DECISION_KEYS = ("decision", "by", "reason", "override", "tool_verdict", "date", "cards")
"""The keys of a decision record, in the order `decide` writes them."""
DECISIONS = ("hire", "no_hire", "hold")
"""What a person can decide."""

_TOP = re.compile(r"^(plan|decision)[ \t]*:", re.MULTILINE)


def kind(path: Path) -> str | None:
    """ "plan" or "decision" for such a YAML file, else None (a card, or anything else)."""
    if path.suffix.lower() not in (".yml", ".yaml"):
        return None
    try:
        with open(path, "rb") as fh:
            head = fh.read(4096).decode("utf-8", errors="replace")
    except OSError:
        return None
    for line in head.splitlines():
        if not line.strip() or line.lstrip().startswith("#") or line.startswith("---"):
            continue
        found = _TOP.match(line)
        return found.group(1) if found else None
    return None


def split(files: Sequence[Path]) -> tuple[list[Path], list[Path], list[Path]]:
    """(cards, plans, decision records) of a folder's files, each in the order given."""
    cards: list[Path] = []
    plans: list[Path] = []
    decisions: list[Path] = []
    for f in files:
        k = kind(f)
        (plans if k == "plan" else decisions if k == "decision" else cards).append(f)
    return cards, plans, decisions


def sha256(path: str | Path) -> str:
    """The SHA-256 of a file's bytes, hex."""
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 16), b""):
            digest.update(block)
    return digest.hexdigest()


def read_decision(path: Path) -> dict[str, Any] | None:
    """A decision record as data, or None when the file is not one (or cannot be read)."""
    import yaml

    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return None
    if not isinstance(data, dict) or data.get("decision") not in DECISIONS or not isinstance(data.get("cards"), list):
        return None
    return data


def decisions_beside(files: Sequence[str | Path]) -> list[tuple[Path, dict[str, Any]]]:
    """The decision records in the folders of these card files (each folder once), sorted by path.
    The card files themselves are not read again (a round has thousands)."""
    parents: dict[Path, Path] = {}  # a folder as given -> resolved (once per folder, not per file)
    cards: dict[Path, set[str]] = {}  # resolved folder -> the names of the card files in it
    for f in files:
        path = Path(f)
        if path.is_symlink():
            real = path.resolve()
        else:  # the name is no link: resolving the folder resolves the file
            folder = parents.get(path.parent) or parents.setdefault(path.parent, path.parent.resolve())
            real = folder / path.name
        cards.setdefault(real.parent, set()).add(real.name)
    found = []
    for folder in sorted(cards):
        known = cards[folder]
        for name in sorted(os.listdir(folder)):  # one folder: name order is path order
            p = folder / name
            if name not in known and p.is_file() and kind(p) == "decision":
                record = read_decision(p)
                if record is not None:
                    found.append((p, record))
    return found


def card_changes(decision_path: Path, record: dict[str, Any], files: Sequence[str | Path]) -> dict[str, Any]:
    """How the cards now differ from the ones the decision was based on:
    {"changed": [file recorded whose bytes differ now], "missing": [recorded, gone],
     "new": [card files now present that the decision did not see]}."""
    base = decision_path.parent
    recorded = {}
    for entry in record.get("cards") or []:
        if isinstance(entry, dict) and isinstance(entry.get("file"), str):
            recorded[(base / entry["file"]).resolve()] = str(entry.get("sha256", ""))
    now = {Path(f).resolve(): f for f in files}
    hashes = set(recorded.values())
    changed, missing = [], []
    for path, digest in recorded.items():
        if not path.exists():
            missing.append(str(path.relative_to(base)) if path.is_relative_to(base) else str(path))
        elif sha256(path) != digest:
            changed.append(str(now.get(path, path)))
    new = [str(f) for p, f in now.items() if p not in recorded and sha256(p) not in hashes]
    return {"changed": changed, "missing": missing, "new": new}
