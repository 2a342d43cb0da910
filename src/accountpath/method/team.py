"""Team review for a manager or a director (core, pure, no I/O): assessments of 3-7 people
against the model, in the JSON contract's shape of issue 20.

- An `Assessment` is one file: one person rated by themselves (`relation` self) or by their
  manager (`relation` manager) at their role and level, every competency 1..5 or null.
- Per person (`people[]`): the next step along the career (`next`), the promotion rule on the
  manager's ratings (`ready`, `ready_self` beside it), the competencies that block it
  (`blocking`), the ИПР (`idp`, by the ИПР rule, with the `develop` steps to the next level's
  target) and where self and manager differ by 2 or more (`self_vs_manager`).
- The team (`coverage[]`): per weighted competency of the people's roles, who is at or above
  their own level's target; `single_point` when one person carries it, `gap` when nobody does.
  `heatmap`: people x competencies, the rating minus the person's own target.
- Managers (`managers[]`, from three managers on): a manager rates only their own people, so
  the effect is identified through the self-assessments: a joint least-squares model
  rating = person x competency + assessor, `self` one more assessor, effects centred on the
  median manager; flagged like interviewer calibration (95 % interval excludes 0, |effect| >= 0.5,
  >= 10 ratings). `promotions_changed`: whose `ready` flips without that manager's effect.
- `director()`: the same review without any person's name or id: per role and level counts,
  averages only for groups of four or more.

The promotion rule and the ИПР rule are those the growth page states (site.pages quotes them).
"""

from __future__ import annotations

import datetime
import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from accountpath.method.evaluate import round2
from accountpath.model.types import Model, Role, RoleLevel
from accountpath.names import normalise_name, spelling_key
from accountpath.problems import Problem

PROMOTION_TOLERANCE = 0.5
"""How far below the next level's target a non-must-have competency may be at a promotion
(the project's choice, like every threshold of the method; the growth page states it)."""
IDP_MAX = 3
"""The ИПР takes two or three competencies: at most three."""
DISAGREEMENT = 2
"""Self and manager differ by at least this much: shown in `self_vs_manager`."""
EFFECT_FLAG = 0.5
MIN_RATINGS = 10
MIN_MANAGERS = 3
MIN_GROUP_FOR_AVERAGES = 4
OLD_DAYS = 365
Z95 = 1.959964
RELATIONS = ("self", "manager")
EPS = 1e-9


@dataclass(frozen=True)
class Assessment:
    """One assessment file: a person rated by themselves or by their manager."""

    person: str
    role: str
    level: str
    assessor: str
    relation: str
    ratings: Mapping[str, int | None]
    evidence: Mapping[str, str] = field(default_factory=dict)
    person_id: str | None = None
    date: str | None = None
    source: str = ""
    line: int = 0

    @property
    def key(self) -> str:
        """Who the assessment is about: the person id when given, else the normalised name."""
        return f"id:{self.person_id}" if self.person_id else f"name:{normalise_name(self.person)}"


@dataclass
class _Person:
    key: str
    name: str
    person_id: str | None
    role: Role
    level: RoleLevel
    self_: Assessment | None = None
    manager: Assessment | None = None

    @property
    def ratings(self) -> Mapping[str, int | None]:
        """The ratings the review uses: the manager's, else the self-assessment's."""
        found = self.manager or self.self_
        return found.ratings if found else {}


# ---------------------------------------------------------------- the rules


def next_step(model: Model, role: Role, level: RoleLevel) -> tuple[Role, RoleLevel] | None:
    """The next level of the role, else the first level of the first role the career leads to."""
    ids = [lv.id for lv in role.levels]
    i = ids.index(level.id)
    if i + 1 < len(ids):
        return role, role.levels[i + 1]
    for entry in role.career.to:
        nxt = model.role(entry)
        if nxt is not None and nxt.levels:
            return nxt, nxt.levels[0]
    return None


def blocking(role: Role, level: RoleLevel, ratings: Mapping[str, float | None]) -> list[dict[str, Any]]:
    """The promotion rule: what stops readiness for `level` of `role` (empty = ready). A must-have
    needs the target, every other weighted competency the target minus PROMOTION_TOLERANCE;
    an unrated competency blocks (nothing shows it is met)."""
    out = []
    for rc in role.competencies:
        target = level.targets[rc.id]
        rating = ratings.get(rc.id)
        need = target if rc.must_have else target - PROMOTION_TOLERANCE
        if rating is None or rating < need - EPS:
            out.append({"competency": rc.id, "target": target, "rating": round2(rating), "must_have": rc.must_have})
    return out


def idp(model: Model, role: Role, level: RoleLevel, ratings: Mapping[str, float | None]) -> list[dict[str, Any]]:
    """The ИПР rule: two or three competencies with the largest negative deviation from the next
    level's target, must-haves of the role first; each with the steps that take a person to that target."""
    found = []
    for pos, rc in enumerate(role.competencies):
        rating, target = ratings.get(rc.id), level.targets[rc.id]
        if rating is not None and rating < target - EPS:
            found.append((not rc.must_have, rating - target, pos, rc, rating, target))
    found.sort(key=lambda t: t[:3])
    out = []
    for _mh, gap, _pos, rc, rating, target in found[:IDP_MAX]:
        comp = model.competency(rc.id)
        steps = list(comp.develop.get(target, ())) if comp else []
        out.append(
            {
                "competency": rc.id,
                "rating": round2(rating),
                "target": target,
                "gap": round2(gap),
                "must_have": rc.must_have,
                "develop": steps,
            }
        )
    return out


def _ready(step: tuple[Role, RoleLevel] | None, ratings: Mapping[str, float | None] | None) -> bool | None:
    if step is None or ratings is None:
        return None
    return not blocking(step[0], step[1], ratings)


# ---------------------------------------------------------------- people


def _people(model: Model, assessments: Sequence[Assessment]) -> tuple[list[_Person], list[Problem]]:
    people: dict[str, _Person] = {}
    problems: list[Problem] = []
    for a in sorted(assessments, key=lambda a: (a.date or "", a.source)):
        role = model.role(a.role)
        level = role.level(a.level) if role else None
        if role is None or level is None:  # readers check this; a caller's own data may not be
            problems.append(Problem.at(a.source, a.line, 0, "team.unknown-level", role=a.role, level=a.level))
            continue
        p = people.get(a.key)
        if p is None:
            p = people[a.key] = _Person(a.key, a.person, a.person_id, role, level)
        elif (p.role.id, p.level.id) != (role.id, level.id):
            problems.append(
                Problem.at(
                    a.source,
                    a.line,
                    0,
                    "team.role-mismatch",
                    person=a.person,
                    role=role.id,
                    level=level.id,
                    first_role=p.role.id,
                    first_level=p.level.id,
                )
            )
            continue
        if a.relation == "self":
            p.self_ = a  # the latest date wins
        else:
            p.manager = a
    return sorted(people.values(), key=lambda p: (spelling_key(p.name), p.key)), problems


def _person_result(model: Model, p: _Person) -> dict[str, Any]:
    step = next_step(model, p.role, p.level)
    manager = dict(p.manager.ratings) if p.manager else None
    own = dict(p.self_.ratings) if p.self_ else None
    used = manager if manager is not None else own or {}
    diffs = []
    if manager is not None and own is not None:
        for c in model.competencies:
            s, m = own.get(c.id), manager.get(c.id)
            if s is not None and m is not None and abs(m - s) >= DISAGREEMENT:
                diffs.append({"competency": c.id, "self": s, "manager": m, "diff": m - s})
    return {
        "person": p.name,
        "person_id": p.person_id,
        "role": p.role.id,
        "level": p.level.id,
        "manager": p.manager.assessor if p.manager else None,
        "next": {"role": step[0].id, "level": step[1].id} if step else None,
        "ready": _ready(step, manager),
        "ready_self": _ready(step, own),
        "blocking": blocking(step[0], step[1], used) if step and used else [],
        "idp": idp(model, step[0], step[1], used) if step else [],
        "self_vs_manager": diffs,
    }


def weighted_ids(model: Model, roles: Sequence[Role]) -> list[str]:
    """The competencies weighted by any of these roles, model order."""
    ids = {rc.id for r in roles for rc in r.competencies}
    return [c.id for c in model.competencies if c.id in ids]


def coverage(model: Model, people: Sequence[_Person]) -> list[dict[str, Any]]:
    """Per weighted competency: who is at or above their own level's target."""
    out = []
    for cid in weighted_ids(model, [p.role for p in people]):
        carriers = [
            p.name
            for p in people
            if p.role.weighted(cid) and (r := p.ratings.get(cid)) is not None and r >= p.level.targets[cid] - EPS
        ]
        out.append(
            {
                "competency": cid,
                "at_target": len(carriers),
                "people": carriers,
                "single_point": len(carriers) == 1,
                "gap": not carriers,
            }
        )
    return out


def heatmap(model: Model, people: Sequence[_Person]) -> dict[str, Any]:
    """People x competencies: the rating used minus the person's own target (null when unrated)."""
    ids = weighted_ids(model, [p.role for p in people])
    rows = []
    for p in people:
        cells = []
        for cid in ids:
            r, t = p.ratings.get(cid), p.level.targets[cid]
            cells.append({"competency": cid, "rating": r, "target": t, "diff": None if r is None else r - t})
        rows.append({"person": p.name, "cells": cells})
    return {"competencies": ids, "rows": rows}


# ---------------------------------------------------------------- managers: the joint model


def _joint(people: Sequence[_Person], managers: Sequence[str]) -> dict[str, Any]:
    """Least squares of rating = person x competency + assessor (self = 0): the managers'
    coefficients, their covariance and how many ratings each has beside a self-rating."""
    import numpy as np  # loaded only when three managers are compared

    cells: dict[tuple[str, str], int] = {}
    obs: list[tuple[int, int | None, float]] = []  # (cell column, manager column or None, rating)
    counts = dict.fromkeys(managers, 0)
    for p in people:
        for a in (p.self_, p.manager):
            if a is None:
                continue
            for cid, r in sorted(a.ratings.items()):
                if r is None:
                    continue
                col = cells.setdefault((p.key, cid), len(cells))
                m = managers.index(a.assessor) if a.relation == "manager" else None
                obs.append((col, m, float(r)))
                if m is not None and p.self_ is not None and p.self_.ratings.get(cid) is not None:
                    counts[a.assessor] += 1
    n_cells, n_m = len(cells), len(managers)
    x = np.zeros((len(obs), n_cells + n_m))
    y = np.zeros(len(obs))
    for i, (col, mcol, value) in enumerate(obs):
        x[i, col] = 1.0
        if mcol is not None:
            x[i, n_cells + mcol] = 1.0
        y[i] = value
    coef, _res, rank, _sv = np.linalg.lstsq(x, y, rcond=None)
    resid = y - x @ coef
    df = len(obs) - int(rank)
    sigma2 = float(resid @ resid) / df if df > 0 else None
    cov = np.linalg.pinv(x.T @ x)[n_cells:, n_cells:]
    return {"b": [float(v) for v in coef[n_cells:]], "cov": cov, "sigma2": sigma2, "counts": counts}


def _median_weights(b: Sequence[float]) -> list[float]:
    """Weights of the median manager's coefficient(s): one manager, or the two middle ones half each."""
    order = sorted(range(len(b)), key=lambda i: (b[i], i))
    n = len(order)
    w = [0.0] * n
    if n % 2:
        w[order[n // 2]] = 1.0
    else:
        w[order[n // 2 - 1]] = w[order[n // 2]] = 0.5
    return w


def manager_effects(model: Model, people: Sequence[_Person]) -> list[dict[str, Any]]:
    """Each manager's effect against the median manager (empty under three managers)."""
    managers = sorted({p.manager.assessor for p in people if p.manager})
    if len(managers) < MIN_MANAGERS:
        return []
    fit = _joint(people, managers)
    b, cov, sigma2 = fit["b"], fit["cov"], fit["sigma2"]
    med = _median_weights(b)
    centre = sum(v * w for v, w in zip(b, med, strict=True))
    out = []
    for i, name in enumerate(managers):
        effect = b[i] - centre
        contrast = [(1.0 if j == i else 0.0) - med[j] for j in range(len(b))]
        var = sum(contrast[j] * contrast[k] * float(cov[j, k]) for j in range(len(b)) for k in range(len(b)))
        se = (sigma2 * var) ** 0.5 if sigma2 is not None and var >= 0 else None
        lo, hi = (effect - Z95 * se, effect + Z95 * se) if se is not None else (None, None)
        excludes_zero = lo is not None and hi is not None and (lo > EPS or hi < -EPS)
        flagged = fit["counts"][name] >= MIN_RATINGS and abs(effect) >= EFFECT_FLAG - EPS and excludes_zero
        out.append(
            {
                "name": name,
                "effect": round2(effect),
                "ci": [round2(lo), round2(hi)],
                "ratings": fit["counts"][name],
                "people": sum(1 for p in people if p.manager and p.manager.assessor == name),
                "flagged": flagged,
                "promotions_changed": _flips(model, people, name, effect),
            }
        )
    return out


def _flips(model: Model, people: Sequence[_Person], manager: str, effect: float) -> list[str]:
    """The manager's people whose readiness changes when the effect is taken off their ratings."""
    out = []
    for p in people:
        if not p.manager or p.manager.assessor != manager:
            continue
        step = next_step(model, p.role, p.level)
        ratings = dict(p.manager.ratings)
        adjusted = {cid: (None if r is None else r - effect) for cid, r in ratings.items()}
        if _ready(step, ratings) != _ready(step, adjusted):
            out.append(p.name)
    return out


# ---------------------------------------------------------------- warnings and the what-if


def _older(date: str | None, today: datetime.date) -> bool:
    if not date:
        return False
    try:
        return (today - datetime.date.fromisoformat(date)).days > OLD_DAYS
    except ValueError:
        return False


def warnings(people: Sequence[_Person], today: datetime.date) -> list[dict[str, Any]]:
    """An assessment older than 12 months; a self-assessment without the manager's and the reverse."""
    out: list[dict[str, Any]] = []
    for p in people:
        for a in (p.self_, p.manager):
            if a is not None and _older(a.date, today):
                out.append({"code": "team.old", "params": {"person": p.name, "date": a.date, "file": a.source}})
        if p.manager is None:
            out.append({"code": "team.self-only", "params": {"person": p.name}})
        elif p.self_ is None:
            out.append({"code": "team.manager-only", "params": {"person": p.name}})
    return out


@dataclass(frozen=True)
class Addition:
    """A finalist for the what-if: the debrief's mean ratings at the role and level hired for."""

    person: str
    role: str
    level: str
    ratings: Mapping[str, float | None]


def what_if(
    model: Model, people: Sequence[_Person], before: Sequence[Mapping[str, Any]], add: Addition
) -> dict[str, Any]:
    """Which gaps and single points the hire would close."""
    role = model.role(add.role)
    level = role.level(add.level) if role else None
    if role is None or level is None:
        raise ValueError(f"unknown role or level: {add.role}/{add.level}")
    hire = _Person("added", add.person, None, role, level)
    hire.manager = Assessment(add.person, role.id, level.id, "", "manager", dict(add.ratings))  # type: ignore[arg-type]
    after = coverage(model, [*people, hire])
    was = {row["competency"]: row for row in before}
    closes_gaps, closes_single = [], []
    for row in after:
        old = was.get(row["competency"])
        carries = add.person in row["people"]
        if carries and (old is None or old["gap"]):
            closes_gaps.append(row["competency"])
        elif carries and old is not None and old["single_point"]:
            closes_single.append(row["competency"])
    return {
        "person": add.person,
        "role": role.id,
        "level": level.id,
        "closes_gaps": closes_gaps,
        "closes_single_points": closes_single,
        "coverage": after,
    }


# ---------------------------------------------------------------- the review


def review(
    model: Model,
    assessments: Sequence[Assessment],
    *,
    today: datetime.date | None = None,
    add: Addition | None = None,
) -> tuple[dict[str, Any], list[Problem]]:
    """The team review for a manager (names shown), and the problems (files that disagree)."""
    people, problems = _people(model, assessments)
    cov = coverage(model, people)
    result: dict[str, Any] = {
        "audience": "manager",
        "people": [_person_result(model, p) for p in people],
        "coverage": cov,
        "heatmap": heatmap(model, people),
        "managers": manager_effects(model, people),
        "warnings": warnings(people, today or datetime.date.today()),
    }
    if add is not None:
        result["what_if"] = what_if(model, people, cov, add)
    return result, problems


def browser_view(result: Mapping[str, Any]) -> dict[str, Any]:
    """The part of a review the browser computes too (the parity vectors): people, coverage, heat map."""
    return {k: result[k] for k in ("people", "coverage", "heatmap") if k in result} | (
        {"groups": result["groups"]} if "groups" in result else {}
    )


# ---------------------------------------------------------------- the director's view


def director(result: Mapping[str, Any]) -> dict[str, Any]:
    """The review without any person's name or id: per role and level counts; averages (mean
    rating minus target per competency) only for groups of MIN_GROUP_FOR_AVERAGES or more."""
    groups: dict[tuple[str, str], list[Mapping[str, Any]]] = {}
    for p in result["people"]:
        groups.setdefault((p["role"], p["level"]), []).append(p)
    rows = {r["person"]: r for r in result["heatmap"]["rows"]}
    out_groups = []
    for (role, level), members in groups.items():
        count = len(members)
        out_groups.append(
            {
                "role": role,
                "level": level,
                "count": count,
                "ready": sum(1 for p in members if p["ready"]),
                "blocking": _tally(b["competency"] for p in members for b in p["blocking"]),
                "idp": _tally(i["competency"] for p in members for i in p["idp"]),
                "self_vs_manager": sum(len(p["self_vs_manager"]) for p in members),
                "averages": _averages([rows[p["person"]] for p in members], result["heatmap"]["competencies"])
                if count >= MIN_GROUP_FOR_AVERAGES
                else None,
            }
        )
    managers = [
        {
            "name": f"#{i}",
            "effect": m["effect"],
            "ci": m["ci"],
            "ratings": m["ratings"],
            "people": m["people"],
            "flagged": m["flagged"],
            "promotions_changed": len(m["promotions_changed"]),
        }
        for i, m in enumerate(result["managers"], start=1)
    ]
    out: dict[str, Any] = {
        "audience": "director",
        "groups": out_groups,
        "coverage": [{k: v for k, v in row.items() if k != "people"} for row in result["coverage"]],
        "managers": managers,
        "warnings": [
            {"code": f"{code}-count", "params": {"count": n}}
            for code, n in _tally(w["code"] for w in result["warnings"]).items()
        ],
    }
    if "what_if" in result:
        w = result["what_if"]
        out["what_if"] = {
            "role": w["role"],
            "level": w["level"],
            "closes_gaps": w["closes_gaps"],
            "closes_single_points": w["closes_single_points"],
        }
    return out


def _tally(items: Any) -> dict[str, int]:
    out: dict[str, int] = {}
    for item in items:
        out[item] = out.get(item, 0) + 1
    return out


def _averages(rows: Sequence[Mapping[str, Any]], ids: Sequence[str]) -> dict[str, float | None]:
    out: dict[str, float | None] = {}
    for i, cid in enumerate(ids):
        diffs = [r["cells"][i]["diff"] for r in rows if r["cells"][i]["diff"] is not None]
        out[cid] = round2(statistics.fmean(diffs)) if diffs else None
    return out
