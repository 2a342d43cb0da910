"""Check an edited interview plan (core: no adapters): every problem at the line and column of the value at fault.

`check_plan` reads the plan (a file or YAML text) against the model: unknown keys, role, level,
competencies or questions, wrong types and duplicate names make it unusable; broken coverage rules,
more than MAX_FOCUS competencies, a question outside the level's range and bad minutes are problems
that leave it usable for cards. Too little time per question is a warning, not a problem.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from accountpath.messages import Msg
from accountpath.method.plan import (
    DEFAULT_MINUTES,
    LIGHT_PANEL,
    MAX_FOCUS,
    MAX_MINUTES,
    MIN_MINUTES,
    PLAN_VERSION,
    coverage_notes,
    time_notes,
)
from accountpath.model import yamlsource
from accountpath.model.types import Model, Role, RoleLevel
from accountpath.model.yamlsource import DocPath, Document
from accountpath.names import normalise_name
from accountpath.problems import Problem, close_match

PLAN_KEYS = ("plan", "role", "level", "candidate", "candidate_id", "minutes", "interviewers")
PERSON_KEYS = ("name", "focus", "questions")


def check_plan(
    path_or_text: str | Path, model: Model, label: str | None = None, warnings: list[Problem] | None = None
) -> tuple[dict[str, Any] | None, list[Problem]]:
    """(plan data or None, problems) for an edited plan: a Path or a file name, or YAML text (with a newline).

    The plan comes back (names tidied) unless it cannot be used at all: YAML errors, unknown keys, role,
    level, competencies or questions, wrong types, duplicate names. Broken coverage rules, more than
    MAX_FOCUS competencies, a question outside the level's range and bad minutes are problems too,
    but leave the plan usable for cards (a panel may knowingly run short): `plan --check` fails on any.
    Too little time per question is no problem: it goes to `warnings` (at `minutes`) when given.
    """
    if isinstance(path_or_text, Path) or "\n" not in path_or_text:
        doc, problems = yamlsource.load(path_or_text, label or str(path_or_text))
    else:
        doc, problems = yamlsource.parse(path_or_text, label or "plan.yml")
    if doc is None or problems:
        return None, problems
    fatal: list[Problem] = []
    soft: list[Problem] = []
    data = doc.data
    if not isinstance(data, dict):
        return None, [doc.problem((), "plan.not-a-mapping", keys=", ".join(PLAN_KEYS))]
    _keys(doc, (), data, PLAN_KEYS, fatal)
    if data.get("plan") != PLAN_VERSION:
        fatal.append(doc.problem(("plan",), "plan.version", key="plan" not in data, version=PLAN_VERSION))
    role, level = _role_level(doc, data, model, fatal)
    minutes = _minutes(doc, data, soft)
    candidate = data.get("candidate")
    if candidate is not None and not isinstance(candidate, str):
        fatal.append(doc.problem(("candidate",), "plan.candidate"))
    candidate_id = data.get("candidate_id")
    if candidate_id is not None and (isinstance(candidate_id, bool) or not isinstance(candidate_id, (str, int))):
        fatal.append(doc.problem(("candidate_id",), "plan.candidate-id"))
    people = _people(doc, data, model, role, level, fatal, soft)
    if role is not None and people is not None and not fatal:
        _coverage(doc, model, role, level, [p["focus"] for p in people], soft)
    problems = sorted(fatal + soft)
    if fatal or role is None or level is None or people is None:
        return None, problems
    plan = {
        "plan": PLAN_VERSION,
        "role": role.id,
        "level": level.id,
        "candidate": " ".join(candidate.split()) if isinstance(candidate, str) and candidate.strip() else None,
        **({"candidate_id": str(candidate_id).strip()} if candidate_id not in (None, "") else {}),
        "minutes": minutes,
        "interviewers": people,
    }
    if warnings is not None:
        where = ("minutes",) if "minutes" in data else ("interviewers",)
        warnings += [
            doc.problem(where, "plan.warning", key="minutes" not in data, note=note) for note in time_notes(model, plan)
        ]
    return plan, problems


def _plain(value: Any) -> Any:
    """A parameter from a plan value: scalars as they are, anything else as its repr."""
    return value if value is None or isinstance(value, (str, int, float, bool)) else repr(value)


def _keys(doc: Document, path: DocPath, data: dict[str, Any], allowed: Sequence[str], out: list[Problem]) -> None:
    for key in data:
        if key not in allowed:
            hint = close_match(key, allowed)
            tip = Msg.of("plan.hint", hint=hint) if hint else Msg.of("plan.allowed-fields", keys=", ".join(allowed))
            out.append(doc.problem(path + (key,), "plan.unknown-field", key=True, name=key, tip=tip))


def _role_level(
    doc: Document, data: dict[str, Any], model: Model, out: list[Problem]
) -> tuple[Role | None, RoleLevel | None]:
    role_id, level_id = data.get("role"), data.get("level")
    role = model.role(role_id) if isinstance(role_id, str) else None
    if role is None:
        out.append(
            doc.problem(
                ("role",),
                "plan.unknown-role",
                key="role" not in data,
                role=_plain(role_id),
                roles=", ".join(r.id for r in model.roles),
            )
        )
        return None, None
    level = role.level(level_id) if isinstance(level_id, str) else None
    if level is None:
        out.append(
            doc.problem(
                ("level",),
                "plan.unknown-level",
                key="level" not in data,
                role=role.id,
                level=_plain(level_id),
                levels=", ".join(lv.id for lv in role.levels),
            )
        )
    return role, level


def _minutes(doc: Document, data: dict[str, Any], out: list[Problem]) -> int:
    value = data.get("minutes", DEFAULT_MINUTES)
    if isinstance(value, bool) or not isinstance(value, int) or not MIN_MINUTES <= value <= MAX_MINUTES:
        out.append(doc.problem(("minutes",), "plan.minutes", lo=MIN_MINUTES, hi=MAX_MINUTES, value=_plain(value)))
        return DEFAULT_MINUTES
    return value


def _people(
    doc: Document,
    data: dict[str, Any],
    model: Model,
    role: Role | None,
    level: RoleLevel | None,
    fatal: list[Problem],
    soft: list[Problem],
) -> list[dict[str, Any]] | None:
    raw = data.get("interviewers")
    if not isinstance(raw, list) or not raw:
        fatal.append(doc.problem(("interviewers",), "plan.interviewers", key="interviewers" not in data))
        return None
    people: list[dict[str, Any]] = []
    seen: dict[str, int] = {}
    for i, item in enumerate(raw):
        path = ("interviewers", i)
        if not isinstance(item, dict):
            fatal.append(doc.problem(path, "plan.interviewer-not-a-mapping"))
            continue
        _keys(doc, path, item, PERSON_KEYS, fatal)
        name = item.get("name")
        if not isinstance(name, str) or not name.strip():
            fatal.append(doc.problem(path + ("name",), "plan.name-missing", key="name" not in item))
            name = ""
        elif normalise_name(name) in seen:
            fatal.append(doc.problem(path + ("name",), "plan.name-twice", name=name, line=seen[normalise_name(name)]))
        else:
            seen[normalise_name(name)] = doc.pos(path + ("name",))[0]
        focus = _focus(doc, path, item, model, role, fatal, soft)
        questions = _questions(doc, path, item, model, focus, level, fatal, soft)
        people.append({"name": " ".join(name.split()), "focus": focus, "questions": questions})
    return people


def _id_list(doc: Document, path: DocPath, item: dict[str, Any], key: str, out: list[Problem]) -> list[str]:
    value = item.get(key, [])
    if not isinstance(value, list) or not all(isinstance(x, str) for x in value):
        out.append(doc.problem(path + (key,), "plan.id-list", key=key not in item, field=key))
        return []
    return value


def _focus(
    doc: Document,
    path: DocPath,
    item: dict[str, Any],
    model: Model,
    role: Role | None,
    fatal: list[Problem],
    soft: list[Problem],
) -> list[str]:
    focus = _id_list(doc, path, item, "focus", fatal)
    for k, cid in enumerate(focus):
        if cid in focus[:k]:
            fatal.append(doc.problem(path + ("focus", k), "plan.focus-twice", cid=cid))
        elif role is not None and role.weighted(cid) is None:
            own = [rc.id for rc in role.competencies]
            hint = close_match(cid, own)
            tip = Msg.of("plan.hint", hint=hint) if hint else Msg.of("plan.own-competencies", ids=", ".join(own))
            code = "plan.focus-not-rated" if model.competency(cid) else "plan.focus-unknown"
            fatal.append(doc.problem(path + ("focus", k), code, role=role.id, cid=cid, tip=tip))
    if len(focus) > MAX_FOCUS:
        soft.append(doc.problem(path + ("focus",), "plan.focus-too-many", n=len(focus), m=MAX_FOCUS))
    return focus


def _questions(
    doc: Document,
    path: DocPath,
    item: dict[str, Any],
    model: Model,
    focus: list[str],
    level: RoleLevel | None,
    fatal: list[Problem],
    soft: list[Problem],
) -> list[str]:
    questions = _id_list(doc, path, item, "questions", fatal)
    for k, qid in enumerate(questions):
        where = path + ("questions", k)
        q = model.question(qid)
        if q is None:
            hint = close_match(qid, [x.id for x in model.questions])
            tip = Msg.of("plan.hint", hint=hint) if hint else ""
            fatal.append(doc.problem(where, "plan.question-unknown", qid=qid, tip=tip))
        elif qid in questions[:k]:
            fatal.append(doc.problem(where, "plan.question-twice", qid=qid))
        elif not any(q.rates(cid) for cid in focus):
            fatal.append(doc.problem(where, "plan.question-off-focus", qid=qid, cid=q.competency))
        elif level is not None and not any(q.rates(c) and q.fits(level.targets[c]) for c in focus):
            cid = next(c for c in focus if q.rates(c))
            soft.append(
                doc.problem(
                    where,
                    "plan.question-level",
                    qid=qid,
                    lo=q.levels[0],
                    hi=q.levels[1],
                    level=level.id,
                    cid=cid,
                    t=level.targets[cid],
                )
            )
    return questions


def _coverage(
    doc: Document, model: Model, role: Role, level: RoleLevel | None, focus: list[list[str]], out: list[Problem]
) -> None:
    """Coverage notes as soft problems (a lighter panel's note is no problem: its level is short on purpose)."""
    notes = [n for n in coverage_notes(model, role, focus, level) if n.code != LIGHT_PANEL]
    if not notes:
        return
    *issues, advice = notes
    for k, note in enumerate(issues):
        if k == len(issues) - 1:
            out.append(doc.problem(("interviewers",), "plan.coverage-advice", key=True, note=note, advice=advice))
        else:
            out.append(doc.problem(("interviewers",), "plan.coverage", key=True, note=note))
