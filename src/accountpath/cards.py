"""Read filled scorecards (YAML, JSON or our xlsx) into checked Scorecard values.

Every problem names the file and the line (or the sheet cell) and says what to do.
"""

from __future__ import annotations

import datetime
import re
from pathlib import Path
from typing import Any, Sequence

from . import sheetsource, yamlsource
from .evaluate import Scorecard
from .model import Model
from .problems import Problem, close_match
from .vocab import CARD_KEYS, CARD_SUFFIXES

DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def normalise_name(name: str) -> str:
    """Key for comparing names: case and repeated spaces do not make another person."""
    return " ".join(name.split()).casefold()


def read_card(path: str | Path, model: Model) -> tuple[Scorecard | None, list[Problem]]:
    """One filled scorecard from a file, checked against the model."""
    label = str(path)
    if label.lower().endswith(".xlsx"):
        doc, problems = sheetsource.load(path, label)
        if doc is None:
            return None, problems
        card, found = card_from_data(doc, model)
        return card, sheetsource.at_cells(label, found)
    doc, problems = yamlsource.load(path, label)
    if doc is None:
        return None, problems
    if problems:
        return None, problems
    return card_from_data(doc, model)


def card_from_data(doc: yamlsource.Document, model: Model) -> tuple[Scorecard | None, list[Problem]]:
    """Check parsed scorecard data (positions from `doc`) and build a Scorecard."""
    data = doc.data
    if not isinstance(data, dict):
        return None, [doc.problem((), "a scorecard must be a mapping with role, level, candidate, interviewer and ratings")]
    out: list[Problem] = []
    for key in data:
        if key not in CARD_KEYS:
            hint = close_match(key, CARD_KEYS)
            tip = f" (did you mean '{hint}'?)" if hint else f"; allowed keys: {', '.join(CARD_KEYS)}"
            out.append(doc.problem((key,), f"unknown key '{key}'{tip}", key=True))
    if "scorecard" in data and data["scorecard"] != 1:
        out.append(doc.problem(("scorecard",), f"'scorecard' must be 1 (the format version), not {data['scorecard']!r}"))

    def text(key: str, required: bool) -> str | None:
        value = data.get(key)
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                out.append(doc.problem((key,) if key in data else (), f"missing '{key}': fill it in", key=key not in data))
            return None
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            out.append(doc.problem((key,), f"'{key}' must be text"))
            return None
        return " ".join(str(value).split())

    role_id = text("role", True)
    level_id = text("level", True)
    candidate = text("candidate", True)
    interviewer = text("interviewer", True)
    overall = data.get("overall_notes")
    if overall is not None and not isinstance(overall, str):
        out.append(doc.problem(("overall_notes",), "'overall_notes' must be text"))
        overall = None

    date = data.get("date")
    if isinstance(date, datetime.date):
        date = date.isoformat()
    elif date is not None and not (isinstance(date, str) and DATE_RE.match(date)):
        out.append(doc.problem(("date",), f"'date' must be YYYY-MM-DD, not {date!r}"))
        date = None

    role = model.role(role_id) if role_id else None
    if role_id and role is None:
        out.append(doc.problem(("role",), f"unknown role '{role_id}'; valid roles: {', '.join(r.id for r in model.roles)}"))
    level = role.level(level_id) if role and level_id else None
    if role and level_id and level is None:
        out.append(doc.problem(("level",), f"role '{role.id}' has no level '{level_id}'; valid levels: {', '.join(lv.id for lv in role.levels)}"))

    ratings: dict[str, int | None] = {}
    if "ratings" not in data or data["ratings"] is None:
        out.append(doc.problem(("ratings",) if "ratings" in data else (), "missing 'ratings': give each competency a rating 1..5, or null when not assessed", key="ratings" not in data))
    elif not isinstance(data["ratings"], dict):
        out.append(doc.problem(("ratings",), "'ratings' must be a mapping: competency-id: rating"))
    else:
        own = {rc.id for rc in role.competencies} if role else None
        for cid, value in data["ratings"].items():
            path = ("ratings", cid)
            if own is not None and cid not in own:
                out.append(doc.problem(path, _not_of_role(cid, role, model), key=True))
                continue
            problem = rating_problem(value)
            if problem:
                out.append(doc.problem(path, f"{cid}: {problem}"))
                continue
            ratings[cid] = value

    notes: dict[str, str] = {}
    raw_notes = data.get("notes")
    if raw_notes is not None and not isinstance(raw_notes, dict):
        out.append(doc.problem(("notes",), "'notes' must be a mapping: competency-id: text"))
    elif raw_notes:
        own = {rc.id for rc in role.competencies} if role else None
        for cid, value in raw_notes.items():
            if own is not None and cid not in own:
                out.append(doc.problem(("notes", cid), _not_of_role(cid, role, model), key=True))
            elif value is not None and not isinstance(value, (str, int, float)):
                out.append(doc.problem(("notes", cid), f"the note on {cid} must be text"))
            elif value is not None and str(value).strip():
                notes[cid] = str(value)

    if out:
        return None, sorted(out)
    lines = {k: doc.pos((k,)) for k in ("role", "level", "candidate", "interviewer")}
    return Scorecard(role=role.id, level=level.id, candidate=candidate, interviewer=interviewer,
                     ratings=ratings, date=date, notes=notes, overall_notes=overall or None,
                     source=doc.path, lines=lines), []


def rating_problem(value: Any) -> str | None:
    """Why a rating value is invalid, or None when it is 1..5 or null (not assessed)."""
    if value is None:
        return None
    if isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 5:
        return None
    return f"rating must be a whole number 1..5, or null when not assessed; got {value!r}"


def _not_of_role(cid: str, role, model: Model) -> str:
    own = [rc.id for rc in role.competencies]
    hint = close_match(cid, own)
    tip = f" (did you mean '{hint}'?)" if hint else f"; its competencies: {', '.join(own)}"
    what = "a competency" if model.competency(cid) else "an unknown competency"
    return f"'{cid}' is {what} that the role '{role.id}' does not assess{tip}"


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
                out.append(Problem(card.source, line, col,
                                   f"{field_} '{getattr(card, field_)}' differs from '{getattr(first, field_)}' in {first.source}: "
                                   "evaluate one candidate's scorecards for one role and level at a time (or use --round DIR)"))
        key = normalise_name(card.interviewer)
        if key in seen:
            line, col = card.lines.get("interviewer", (0, 0))
            out.append(Problem(card.source, line, col,
                               f"interviewer '{card.interviewer}' already rated this candidate in {seen[key].source}: "
                               "one scorecard per interviewer"))
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

