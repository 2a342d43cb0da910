"""The rules of a filled scorecard, the same for YAML, JSON and xlsx (core: no I/O).

A reader turns its file into plain data plus positions (a yamlsource.Document) and calls
`card_from_data`. The shape (keys, types, required fields, date form, rating range) is the
card's JSON Schema, package data `accountpath/data/card.schema.json`, which the browser
applies too (docs/assets/js/core/schema.js); each schema node names its problem code
(`x-code`). What stays here is what a schema cannot say, the same in docs/assets/js/core/cardcheck.js:
- a rating is a whole number 1..5 (also as text "4"); null, empty text, «не оценивалось»
  or «-» mean "not assessed"; 3.0, "3.5", true and everything else are refused;
- a date is YYYY-MM-DD or DD.MM.YYYY (ASCII digits), a real calendar date, normalised to YYYY-MM-DD;
- a recommendation is strong_no | no | yes | strong_yes (or its Russian label), or empty;
  a YAML 1.1 boolean (on, off, true) is not a recommendation;
- role, level and competency ids belong to the model.
Values are read as written, as YAML 1.2's core schema (the browser's js-yaml) reads them: a YAML 1.1
boolean such as `on` or `yes` is its text, `0o4` or `0x1F` is text, a float keeps its written
text (`3.00`), a date is its text. Every problem is a code of `accountpath.messages` with params.
"""

from __future__ import annotations

import datetime
import json
import re
from collections.abc import Callable
from functools import lru_cache
from importlib import resources
from typing import Any, TypeVar

from accountpath.i18n import in_every_language
from accountpath.method.evaluate import Scorecard
from accountpath.model.types import Model, Role
from accountpath.model.yamlsource import DocPath, Document
from accountpath.problems import Problem, close_match
from accountpath.vocab import CARD_KEYS, RECOMMENDATION_LABELS
from accountpath.vocab import NOT_ASSESSED_SPELLINGS as NOT_ASSESSED_WORDS

_T = TypeVar("_T")

_ISO = re.compile(r"^([0-9]{4})-([0-9]{2})-([0-9]{2})$")
_RU = re.compile(r"^([0-9]{2})\.([0-9]{2})\.([0-9]{4})$")
_DECIMAL = re.compile(r"^[-+]?[0-9]+$")
_YAML12_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}


class FloatText:
    """A number written with a point or an exponent (3.0, 2.5, 1e0): kept as written, never a
    rating; the browser's FloatValue (core/cardread.js)."""

    __slots__ = ("text", "value")

    def __init__(self, text: str):
        self.text = text
        folded = text.replace("_", "").lower().replace(".inf", "inf").replace(".nan", "nan")
        try:
            self.value = float(folded)
        except ValueError:
            self.value = float("nan")

    def __lt__(self, other: float) -> bool:
        return self.value < other

    def __gt__(self, other: float) -> bool:
        return self.value > other

    def __le__(self, other: float) -> bool:
        return self.value <= other

    def __ge__(self, other: float) -> bool:
        return self.value >= other

    def __eq__(self, other: object) -> bool:
        return isinstance(other, FloatText) and other.text == self.text

    def __hash__(self) -> int:
        return hash(self.text)

    def __repr__(self) -> str:
        return f"FloatText({self.text!r})"


Reason = tuple[str, dict[str, Any]]
"""A refused value: (problem code, params)."""


@lru_cache(maxsize=1)
def schema() -> dict[str, Any]:
    """The card's JSON Schema (package data accountpath/data/card.schema.json)."""
    text = resources.files("accountpath").joinpath("data", "card.schema.json").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def written(value: Any, source: str | None) -> Any:
    """A scalar as written: YAML 1.2 core reading of the source text PyYAML (YAML 1.1) constructed."""
    if isinstance(value, bool):
        if source is None or source in _YAML12_BOOL:
            return value
        return source
    if isinstance(value, int):
        if source is None:
            return value
        return int(source) if _DECIMAL.match(source) else source
    if isinstance(value, float):
        return FloatText(source if source is not None else repr(value))
    if isinstance(value, (datetime.date, datetime.datetime)):
        return source if source is not None else value.isoformat()
    if source is not None:  # a timestamp (PyYAML's datetime, given as ISO text), `=`, `<<`: as written
        return source
    return value


def as_written(doc: Document) -> Any:
    """The document's data with every scalar as written (YAML 1.2 core, as the browser reads it):
    `yes`, `012`, `1:30`, `.inf` and timestamps stay the text they are."""
    return _plain(doc, doc.data, ())


def _plain(doc: Document, value: Any, path: DocPath) -> Any:
    if isinstance(value, dict):
        return {k: _plain(doc, v, (*path, k)) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(doc, v, (*path, i)) for i, v in enumerate(value)]
    return written(value, doc.scalar_text.get(path))


def value_text(value: Any) -> str:
    """A value as the messages quote it (params `value`), the same whichever format it came from:
    empty for null, true/false, a float as written, a list or mapping as compact JSON."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, FloatText):
        return value.text
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=value_text)
    return str(value)


def rating_value(value: Any) -> tuple[int | None, Reason | None]:
    """(rating or None for not assessed, None) or (None, (code, params)) when the value is refused."""
    if value is None:
        return None, None
    if isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 5:
        return value, None
    if isinstance(value, str):
        text = " ".join(value.split())
        if text.casefold() in NOT_ASSESSED_WORDS:
            return None, None
        if text in ("1", "2", "3", "4", "5"):
            return int(text), None
    return None, ("card.rating", {"value": value_text(value)})


def date_value(value: Any) -> tuple[str | None, Reason | None]:
    """(YYYY-MM-DD or None when empty, None) or (None, (code, params))."""
    if isinstance(value, datetime.datetime):
        value = value.date().isoformat() if value.time() == datetime.time() else value.isoformat()
    elif isinstance(value, datetime.date):
        value = value.isoformat()
    if value is None or (isinstance(value, str) and not value.strip()):
        return None, None
    if isinstance(value, str):
        text = value.strip()
        iso, ru = _ISO.match(text), _RU.match(text)
        parts = (
            (iso.group(1), iso.group(2), iso.group(3))
            if iso
            else (ru.group(3), ru.group(2), ru.group(1))
            if ru
            else None
        )
        if parts:
            try:
                return datetime.date(*(int(p) for p in parts)).isoformat(), None
            except ValueError:
                pass
    return None, ("card.date", {"value": value_text(value)})


def recommendation_options() -> str:
    """The recommendation codes with their labels, as the refusal lists them."""
    return ", ".join(f"{code} ({label.lower()})" for code, label in RECOMMENDATION_LABELS.items())


def recommendation_value(value: Any) -> tuple[str | None, Reason | None]:
    """(code or None when empty, None) or (None, (code, params)); a boolean is refused."""
    if value is None:
        return None, None
    if isinstance(value, str):
        text = " ".join(value.split()).casefold()
        if text in NOT_ASSESSED_WORDS:
            return None, None
        for code, label in RECOMMENDATION_LABELS.items():
            if text == code or text in (word.casefold() for word in in_every_language(label)):
                return code, None
    return None, ("card.recommendation", {"value": value_text(value), "options": recommendation_options()})


def text_value(value: Any) -> tuple[str | None, Reason | None]:
    """Free text (a note, take-aways): None when empty; numbers are read as written."""
    if value is None:
        return None, None
    if isinstance(value, bool) or not isinstance(value, (str, int, FloatText)):
        return None, ("card.text", {"value": value_text(value)})
    text = value_text(value).strip()
    return (text or None), None


def _validator() -> Any:
    import jsonschema  # deferred for start-up time: loaded only when a card is read

    global _VALIDATOR
    if _VALIDATOR is None:
        base = jsonschema.Draft202012Validator
        checker = base.TYPE_CHECKER.redefine_many(
            {
                "integer": lambda _c, v: isinstance(v, int) and not isinstance(v, bool),
                "number": lambda _c, v: isinstance(v, (int, float, FloatText)) and not isinstance(v, bool),
                "string": lambda _c, v: isinstance(v, str),
            }
        )
        cls = jsonschema.validators.extend(base, type_checker=checker)
        _VALIDATOR = cls(schema())
    return _VALIDATOR


_VALIDATOR: Any = None


_BLANK = re.compile(r"^\s*$")
_DATE_TEXT = re.compile(r"^\s*([0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{2}\.[0-9]{2}\.[0-9]{4})\s*$")
_REQUIRED = ("role", "level", "candidate", "interviewer", "ratings")
_TEXTS = ("candidate_id", "takeaways", "overall_notes", "open_note")


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float, FloatText)) and not isinstance(value, bool)


def _is_text(value: Any) -> bool:
    """The schema's `text`: string, number or null."""
    return value is None or isinstance(value, str) or _is_number(value)


def shape_ok(data: Any) -> bool:
    """True exactly when the card's JSON Schema (card.schema.json, with the type checker of
    `_validator`) finds nothing in `data`: the schema compiled by hand, so that a valid card
    skips the generic jsonschema walk (about 1.5 ms a card). False sends the card through the
    full walk, which names the problems; tests/test_cards.py checks the two agree on every vector
    and on generated cards, so a change to the schema must change this too."""
    if not isinstance(data, dict) or not data.keys() <= _CARD_KEY_SET:
        return False
    if any(key not in data for key in _REQUIRED):
        return False
    return _head_ok(data) and _ratings_ok(data["ratings"]) and _notes_ok(data.get("notes"))


def _head_ok(data: dict[str, Any]) -> bool:
    """scorecard, the required texts, the optional texts, date, recommendation and focus."""
    if "scorecard" in data:
        version = data["scorecard"]
        if type(version) is not int or version not in (1, 2):
            return False
    for key in ("role", "level", "candidate", "interviewer"):
        value = data[key]
        if not (isinstance(value, str) and not _BLANK.search(value)) and not _is_number(value):
            return False
    if any(key in data and not _is_text(data[key]) for key in _TEXTS):
        return False
    date = data.get("date")
    if date is not None and not (isinstance(date, str) and (_BLANK.search(date) or _DATE_TEXT.search(date))):
        return False
    if not isinstance(data.get("recommendation"), (str, type(None))):
        return False
    focus = data.get("focus")
    if isinstance(focus, list):
        return all(isinstance(item, str) for item in focus)
    return focus is None or isinstance(focus, str)


def _ratings_ok(ratings: Any) -> bool:
    """A mapping of null, text or a whole number 1..5."""
    if not isinstance(ratings, dict):
        return False
    return all(
        value is None or isinstance(value, str) or (type(value) is int and 1 <= value <= 5)
        for value in ratings.values()
    )


def _notes_ok(notes: Any) -> bool:
    """Absent, null or a mapping of texts."""
    return notes is None or (isinstance(notes, dict) and all(_is_text(v) for v in notes.values()))


_CARD_KEY_SET = frozenset(CARD_KEYS)


def shape_problems(doc: Document, data: Any) -> tuple[list[Problem], set[DocPath]]:
    """The card's JSON Schema on the data: (a problem per failing node, with its `x-code` and
    the params its `x-params` names, at the value or key; the paths of the values refused)."""
    if shape_ok(data):  # the common case, ~100x cheaper than the full walk below
        return [], set()
    out: list[Problem] = []
    bad: set[DocPath] = set()
    root = schema()
    for err in _validator().iter_errors(data):
        path = tuple(err.absolute_path)
        node = err.schema
        if err.validator == "required":
            for key in err.validator_value:
                if key not in err.instance:
                    code = root["properties"].get(key, {}).get("x-missing", root["x-missing"])
                    line, col = doc.pos((), key=True)
                    params = {} if code == "card.ratings-missing" else {"key": key}
                    out.append(Problem.at(doc.path, line, col, code, **params))
                    bad.add((key,))
        elif node is root["propertyNames"]:
            out.append(_unknown_key(doc, str(err.instance)))
            bad.add((str(err.instance),))
        else:
            code = node["x-code"]
            line, col = doc.pos(path)
            out.append(Problem.at(doc.path, line, col, code, **_params(node, path, err.instance)))
            bad.add(path)
    return sorted(set(out)), bad


def _params(node: dict[str, Any], path: DocPath, value: Any) -> dict[str, Any]:
    """The params a schema node's problem carries: `x-params` (default key and value)."""
    names = node.get("x-params", ["key", "value"])
    known = {
        "key": str(path[-1]) if path else "",
        "value": value_text(value),
        "options": recommendation_options(),
    }
    return {name: known[name] for name in names}


def _unknown_key(doc: Document, key: str) -> Problem:
    line, col = doc.pos((key,), key=True)
    hint = close_match(key, CARD_KEYS)
    if hint:
        return Problem.at(doc.path, line, col, "card.unknown-key-hint", key=key, hint=hint)
    return Problem.at(doc.path, line, col, "card.unknown-key", key=key, keys=", ".join(CARD_KEYS))


def _problem(doc: Document, path: DocPath, reason: Reason, *, key: bool = False) -> Problem:
    line, col = doc.pos(path, key=key)
    code, params = reason
    return Problem.at(doc.path, line, col, code, **params)


def card_from_data(doc: Document, model: Model, lenient: bool = False) -> tuple[Scorecard | None, list[Problem]]:
    """Check parsed scorecard data (positions from `doc`) and build a Scorecard, or every problem found.

    `lenient` (rounds): a refused field nothing else depends on (the date) refuses only itself: the
    card comes back with that problem, its ratings still count."""
    data = as_written(doc)
    out, bad = shape_problems(doc, data)
    if not isinstance(data, dict):
        return None, out
    soft: list[Problem] = []  # a refused field nothing else depends on: reported, the card still counts
    if lenient and ("date",) in bad:
        soft += [p for p in out if (p.line, p.col) == doc.pos(("date",))]
        out = [p for p in out if p not in soft]
    shaped = {k for k in data if (k,) not in bad}
    head = _head(doc, data, model, shaped, out, soft if lenient else out)
    role = head.pop("_role")
    ratings = _per_competency(doc, data, "ratings", role, model, bad, out, rating_value)
    notes = _per_competency(doc, data, "notes", role, model, bad, out, text_value)
    focus = _focus(doc, data, role, model, out) if "focus" in shaped else ()
    _control_characters(doc, data, out)
    if out:
        return None, sorted(out + soft)
    lines = {k: doc.pos((k,)) for k in ("role", "level", "candidate", "interviewer", "candidate_id")}
    texts = {cid: text for cid, text in notes.items() if text}
    card = Scorecard(ratings=ratings, notes=texts, focus=focus, source=doc.path, lines=lines, **head)
    return card, sorted(soft)


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
"""Control characters (C0 but tab and line breaks, DEL, C1): never part of a name or a note."""


def _control_characters(doc: Document, data: dict[str, Any], out: list[Problem]) -> None:
    """A name or a note with a control character (ESC, BEL, ...) is refused at its place."""
    places: list[tuple[tuple[str, ...], Any]] = [
        ((key,), data.get(key)) for key in ("candidate", "interviewer", "takeaways", "overall_notes", "open_note")
    ]
    notes = data.get("notes")
    if isinstance(notes, dict):
        places += [(("notes", str(cid)), text) for cid, text in notes.items()]
    for path, value in places:
        found = _CONTROL.search(value) if isinstance(value, str) else None
        if found:
            line, col = doc.pos(path)
            out.append(
                Problem.at(
                    doc.path,
                    line,
                    col,
                    "card.control-character",
                    field=".".join(path),
                    char=f"U+{ord(found.group()):04X}",
                )
            )


def _text(data: dict[str, Any], key: str) -> str | None:
    value = data.get(key)
    if value is None or isinstance(value, (bool, list, dict)):
        return None
    text = " ".join(value_text(value).split())
    return text or None


def _head(
    doc: Document, data: dict[str, Any], model: Model, shaped: set[str], out: list[Problem], soft: list[Problem]
) -> dict[str, Any]:
    """role, level, names, date, recommendation, take-aways and overall notes (a bad date goes to `soft`:
    it refuses only itself, the ratings still count)."""
    role_id, level_id = _text(data, "role"), _text(data, "level")
    values: dict[str, Any] = {}
    checks: tuple[tuple[str, Callable[[Any], tuple[Any, Reason | None]]], ...] = (
        ("candidate_id", text_value),
        ("date", date_value),
        ("recommendation", recommendation_value),
        ("takeaways", text_value),
        ("overall_notes", text_value),
    )
    for key, check in checks:
        values[key], reason = check(data.get(key)) if key in shaped else (None, None)
        if reason:
            code, params = reason
            (soft if key == "date" else out).append(_problem(doc, (key,), (code, {"key": key, **params})))
    role = model.role(role_id) if role_id and "role" in shaped else None
    if role_id and "role" in shaped and role is None:
        line, col = doc.pos(("role",))
        out.append(
            Problem.at(
                doc.path, line, col, "card.unknown-role", role=role_id, roles=", ".join(r.id for r in model.roles)
            )
        )
    level = role.level(level_id) if role and level_id else None
    if role and level_id and level is None:
        line, col = doc.pos(("level",))
        out.append(
            Problem.at(
                doc.path,
                line,
                col,
                "card.unknown-level",
                role=role.id,
                level=level_id,
                levels=", ".join(lv.id for lv in role.levels),
            )
        )
    return {
        "_role": role,
        "role": role.id if role else "",
        "level": level.id if level else "",
        "candidate": _text(data, "candidate") or "",
        "candidate_id": _text(data, "candidate_id") if "candidate_id" in shaped else None,
        "interviewer": _text(data, "interviewer") or "",
        **values,
    }


def _per_competency(
    doc: Document,
    data: dict[str, Any],
    key: str,
    role: Role | None,
    model: Model,
    bad: set[DocPath],
    out: list[Problem],
    parse: Callable[[Any], tuple[_T, Reason | None]],
) -> dict[str, _T]:
    """{competency id: parsed value} of the mapping `key` (ratings, notes); an id outside the role
    or a value `parse` refuses becomes a problem at its line instead."""
    found: dict[str, _T] = {}
    raw = data.get(key)
    if not isinstance(raw, dict) or (key,) in bad:
        return found
    own = {rc.id for rc in role.competencies} if role is not None else set()
    for cid, value in raw.items():
        if role is not None and cid not in own:
            out.append(_not_of_role(doc, (key, cid), cid, role, model))
            continue
        if (key, cid) in bad:
            continue
        parsed, reason = parse(value)
        if reason:
            out.append(_problem(doc, (key, cid), (reason[0], {"key": cid, **reason[1]})))
        else:
            found[cid] = parsed  # None stays in ratings: «not assessed» is an answer too
    return found


def _focus(doc: Document, data: dict[str, Any], role: Role | None, model: Model, out: list[Problem]) -> tuple[str, ...]:
    raw = data.get("focus")
    if raw is None:
        return ()
    if isinstance(raw, str):
        raw = [part.strip() for part in raw.split(",") if part.strip()]
    for i, cid in enumerate(raw):
        if role is not None and not _own(role, cid):
            out.append(_not_of_role(doc, ("focus", i), cid, role, model, key=False))
        elif cid in raw[:i]:
            line, col = doc.pos(("focus", i))
            out.append(Problem.at(doc.path, line, col, "card.focus-repeated", cid=cid))
    return tuple(raw)


def _own(role: Role, cid: str) -> bool:
    return any(rc.id == cid for rc in role.competencies)


def _not_of_role(doc: Document, path: DocPath, cid: str, role: Role, model: Model, *, key: bool = True) -> Problem:
    line, col = doc.pos(path, key=key)
    own = [rc.id for rc in role.competencies]
    hint = close_match(cid, own)
    code = "card.not-of-role" if model.competency(cid) else "card.unknown-competency"
    if hint:
        return Problem.at(doc.path, line, col, code + "-hint", role=role.id, cid=cid, hint=hint)
    return Problem.at(doc.path, line, col, code, role=role.id, cid=cid, ids=", ".join(own))


def card_data(card: Scorecard) -> dict[str, Any]:
    """A checked card as normalised plain data (what the shared vectors in tests/vectors/cards.json expect)."""
    return {
        "role": card.role,
        "level": card.level,
        "candidate": card.candidate,
        **({"candidate_id": card.candidate_id} if card.candidate_id else {}),
        "interviewer": card.interviewer,
        "date": card.date,
        "recommendation": card.recommendation,
        "takeaways": card.takeaways,
        "focus": list(card.focus),
        "ratings": dict(card.ratings),
        "notes": dict(card.notes),
        "overall_notes": card.overall_notes,
    }
