"""The rules of a filled scorecard, the same for YAML, JSON and xlsx (core: no I/O).

A reader turns its file into plain data plus positions (a yamlsource.Document) and calls
`card_from_data`; every value goes through the same functions here, so a value accepted or
rejected in one format is accepted or rejected, with the same message, in every other:
- a rating is a whole number 1..5 (also as text "4"); null, empty text, «не оценивалось»
  or «-» mean "not assessed"; 3.0, "3.5", true and everything else are refused;
- a date is YYYY-MM-DD or DD.MM.YYYY, a real calendar date, normalised to YYYY-MM-DD;
- a recommendation is strong_no | no | yes | strong_yes (or its Russian label), or empty.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

from accountpath.i18n import _
from accountpath.method.evaluate import Scorecard
from accountpath.model.types import Model, Role
from accountpath.model.yamlsource import Document
from accountpath.problems import Problem, close_match
from accountpath.vocab import CARD_KEYS, RECOMMENDATION_LABELS
from accountpath.vocab import CARD_VERSIONS as VERSIONS
from accountpath.vocab import NOT_ASSESSED_SPELLINGS as NOT_ASSESSED_WORDS

_T = TypeVar("_T")


_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_RU = re.compile(r"^(\d{2})\.(\d{2})\.(\d{4})$")


def shown(value: Any) -> str:
    """A value as the messages quote it, the same whichever format it came from."""
    if value is None:
        return "«»"
    if isinstance(value, bool):
        return "«true»" if value else "«false»"
    if isinstance(value, (datetime.date, datetime.datetime)):
        return f"«{value.isoformat()}»"
    return f"«{value}»"


def rating_value(value: Any) -> tuple[int | None, str | None]:
    """(rating or None for not assessed, None) or (None, the reason the value is refused)."""
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
    return None, _(
        "оценка должна быть целым числом 1..5; если компетенцию не оценивали, оставьте пусто "
        "или напишите «не оценивалось»; сейчас {value}"
    ).format(value=shown(value))


def date_value(value: Any) -> tuple[str | None, str | None]:
    """(YYYY-MM-DD or None when empty, None) or (None, the reason the date is refused)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None, None
    if isinstance(value, datetime.datetime):
        return value.date().isoformat(), None
    if isinstance(value, datetime.date):
        return value.isoformat(), None
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
    return None, _(
        "дата пишется как ГГГГ-ММ-ДД или ДД.ММ.ГГГГ и должна существовать в календаре; сейчас {value}"
    ).format(value=shown(value))


def recommendation_value(value: Any) -> tuple[str | None, str | None]:
    """(code or None when empty, None) or (None, the reason it is refused). yes/no read as YAML booleans count."""
    if value is None:
        return None, None
    if isinstance(value, bool):
        return ("yes" if value else "no"), None
    if isinstance(value, str):
        text = " ".join(value.split()).casefold()
        if text in NOT_ASSESSED_WORDS:
            return None, None
        for code, label in RECOMMENDATION_LABELS.items():
            if text in (code, label.casefold()):
                return code, None
    options = ", ".join(f"{code} ({label.lower()})" for code, label in RECOMMENDATION_LABELS.items())
    return None, _("рекомендация — одно из: {options}; или пусто; сейчас {value}").format(
        options=options, value=shown(value)
    )


def text_value(value: Any) -> tuple[str | None, str | None]:
    """Free text (a note, take-aways): None when empty; numbers are read as their text."""
    if value is None:
        return None, None
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        return None, _("здесь нужен текст; сейчас {value}").format(value=shown(value))
    text = str(value).strip()
    return (text or None), None


def card_from_data(doc: Document, model: Model) -> tuple[Scorecard | None, list[Problem]]:
    """Check parsed scorecard data (positions from `doc`) and build a Scorecard, or every problem found."""
    data = doc.data
    if not isinstance(data, dict):
        return None, [
            doc.problem(
                (), _("оценочный лист должен быть словарём с полями role, level, candidate, interviewer и ratings")
            )
        ]
    out: list[Problem] = []
    _check_keys(doc, data, out)
    head = _head(doc, data, model, out)
    role = head.pop("_role")
    ratings = _ratings(doc, data, role, model, out)
    notes = _notes(doc, data, role, model, out)
    focus = _focus(doc, data, role, model, out)
    _control_characters(doc, data, out)
    if out:
        return None, sorted(out)
    lines = {k: doc.pos((k,)) for k in ("role", "level", "candidate", "interviewer")}
    return Scorecard(ratings=ratings, notes=notes, focus=focus, source=doc.path, lines=lines, **head), []


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
"""Control characters (C0 but tab and line breaks, DEL, C1): never part of a name or a note."""


def _control_characters(doc: Document, data: dict[str, Any], out: list[Problem]) -> None:
    """A name or a note with a control character (ESC, BEL, ...) is refused at its place."""
    places: list[tuple[tuple[str, ...], Any]] = [
        ((key,), data.get(key)) for key in ("candidate", "interviewer", "takeaways", "overall_notes")
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


def _check_keys(doc: Document, data: dict[str, Any], out: list[Problem]) -> None:
    for key in data:
        if key not in CARD_KEYS:
            hint = close_match(key, CARD_KEYS)
            tip = (
                _(" (может быть, «{hint}»?)").format(hint=hint)
                if hint
                else _("; допустимые поля: {keys}").format(keys=", ".join(CARD_KEYS))
            )
            out.append(doc.problem((key,), _("неизвестное поле «{key}»").format(key=key) + tip, key=True))
    if "scorecard" in data and data["scorecard"] not in VERSIONS:
        out.append(
            doc.problem(
                ("scorecard",),
                _("«scorecard» — номер версии формата, 1 или 2; сейчас {value}").format(value=shown(data["scorecard"])),
            )
        )


def _required_text(doc: Document, data: dict[str, Any], key: str, out: list[Problem]) -> str | None:
    value = data.get(key)
    if value is None or (isinstance(value, str) and not value.strip()):
        out.append(
            doc.problem(
                (key,) if key in data else (), _("не заполнено поле «{key}»").format(key=key), key=key not in data
            )
        )
        return None
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        out.append(
            doc.problem((key,), _("«{key}» должно быть текстом; сейчас {value}").format(key=key, value=shown(value)))
        )
        return None
    return " ".join(str(value).split())


def _head(doc: Document, data: dict[str, Any], model: Model, out: list[Problem]) -> dict[str, Any]:
    """role, level, names, date, recommendation, take-aways and overall notes."""
    role_id, level_id = _required_text(doc, data, "role", out), _required_text(doc, data, "level", out)
    candidate, interviewer = _required_text(doc, data, "candidate", out), _required_text(doc, data, "interviewer", out)
    values: dict[str, Any] = {}
    for key, check in (
        ("date", date_value),
        ("recommendation", recommendation_value),
        ("takeaways", text_value),
        ("overall_notes", text_value),
    ):
        values[key], problem = check(data.get(key))
        if problem:
            out.append(doc.problem((key,), f"{key}: {problem}"))
    role = model.role(role_id) if role_id else None
    if role_id and role is None:
        out.append(
            doc.problem(
                ("role",),
                _("неизвестная роль «{role}»; роли модели: {roles}").format(
                    role=role_id, roles=", ".join(r.id for r in model.roles)
                ),
            )
        )
    level = role.level(level_id) if role and level_id else None
    if role and level_id and level is None:
        out.append(
            doc.problem(
                ("level",),
                _("у роли «{role}» нет уровня «{level}»; её уровни: {levels}").format(
                    role=role.id, level=level_id, levels=", ".join(lv.id for lv in role.levels)
                ),
            )
        )
    return {
        "_role": role,
        "role": role.id if role else "",
        "level": level.id if level else "",
        "candidate": candidate or "",
        "interviewer": interviewer or "",
        **values,
    }


def _ratings(
    doc: Document, data: dict[str, Any], role: Role | None, model: Model, out: list[Problem]
) -> dict[str, int | None]:
    ratings: dict[str, int | None] = {}
    raw = data.get("ratings")
    if raw is None:
        out.append(
            doc.problem(
                ("ratings",) if "ratings" in data else (),
                _(
                    "не заполнено поле «ratings»: дайте каждой компетенции оценку 1..5 или оставьте пусто, если её не оценивали"
                ),
                key="ratings" not in data,
            )
        )
        return ratings
    if not isinstance(raw, dict):
        out.append(doc.problem(("ratings",), _("«ratings» — словарь «id компетенции: оценка»")))
        return ratings
    for cid, rating in _per_competency(doc, "ratings", raw, role, model, out, rating_value):
        ratings[cid] = rating  # None stays: «not assessed» is an answer too
    return ratings


def _notes(doc: Document, data: dict[str, Any], role: Role | None, model: Model, out: list[Problem]) -> dict[str, str]:
    notes: dict[str, str] = {}
    raw = data.get("notes")
    if raw is None:
        return notes
    if not isinstance(raw, dict):
        out.append(doc.problem(("notes",), _("«notes» — словарь «id компетенции: текст»")))
        return notes
    for cid, text in _per_competency(doc, "notes", raw, role, model, out, text_value):
        if text:
            notes[cid] = text
    return notes


def _per_competency(
    doc: Document,
    key: str,
    raw: dict[str, Any],
    role: Role | None,
    model: Model,
    out: list[Problem],
    parse: Callable[[Any], tuple[_T, str | None]],
) -> Iterator[tuple[str, _T]]:
    """(competency id, parsed value) of each entry of the mapping `key` (ratings, notes); an id
    outside the role or a value `parse` refuses becomes a problem at its line instead."""
    for cid, value in raw.items():
        if role is not None and not _own(role, cid):
            out.append(doc.problem((key, cid), _not_of_role(cid, role, model), key=True))
            continue
        parsed, problem = parse(value)
        if problem:
            out.append(doc.problem((key, cid), f"{cid}: {problem}"))
        else:
            yield cid, parsed


def _focus(doc: Document, data: dict[str, Any], role: Role | None, model: Model, out: list[Problem]) -> tuple[str, ...]:
    raw = data.get("focus")
    if raw is None:
        return ()
    if isinstance(raw, str):
        raw = [part.strip() for part in raw.split(",") if part.strip()]
    if not isinstance(raw, list) or not all(isinstance(x, str) for x in raw):
        out.append(doc.problem(("focus",), _("«focus» — список id компетенций роли")))
        return ()
    for i, cid in enumerate(raw):
        if role is not None and not _own(role, cid):
            out.append(doc.problem(("focus", i), _not_of_role(cid, role, model)))
        elif cid in raw[:i]:
            out.append(doc.problem(("focus", i), _("«{cid}» уже есть в «focus»").format(cid=cid)))
    return tuple(raw)


def _own(role: Role, cid: str) -> bool:
    return any(rc.id == cid for rc in role.competencies)


def _not_of_role(cid: str, role: Role, model: Model) -> str:
    own = [rc.id for rc in role.competencies]
    hint = close_match(cid, own)
    tip = (
        _(" (может быть, «{hint}»?)").format(hint=hint)
        if hint
        else _("; её компетенции: {ids}").format(ids=", ".join(own))
    )
    if model.competency(cid):
        return _("роль «{role}» не оценивает компетенцию «{cid}»").format(role=role.id, cid=cid) + tip
    return _("неизвестная компетенция «{cid}»").format(cid=cid) + tip


def card_data(card: Scorecard) -> dict[str, Any]:
    """A checked card as normalised plain data (what the shared vectors in tests/vectors/cards.json expect)."""
    return {
        "role": card.role,
        "level": card.level,
        "candidate": card.candidate,
        "interviewer": card.interviewer,
        "date": card.date,
        "recommendation": card.recommendation,
        "takeaways": card.takeaways,
        "focus": list(card.focus),
        "ratings": dict(card.ratings),
        "notes": dict(card.notes),
        "overall_notes": card.overall_notes,
    }
