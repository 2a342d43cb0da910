"""Turn interviewers' ratings into a panel result. Pure functions, no I/O.

The method (settings from the model's `evaluation:`), mirrored digit for digit by the site's
JavaScript evaluator (docs/assets/js/core/evaluate.js):
- rating(c) = mean of the interviewers' ratings; spread(c) = max - min;
  disagreement(c) = spread >= disagreement_spread.
- gap(c) = rating(c) - target(c) for the role level.
- coverage = rated weight / total weight; gap = weighted mean of gap(c) over rated competencies.
- failed must-haves: rating(c) < target(c) - must_have_tolerance.
- recommendation from coverage and the bands; a failed must-have caps it at no_hire.
- best_fit_level: the highest level at which the same ratings give hire or strong_hire.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, TypedDict

from accountpath.model.types import Model, Role, RoleLevel
from accountpath.vocab import HIRE_VERDICTS, VERDICTS

EPS = 1e-9
"""Comparisons tolerate float noise, so a gap of exactly 0 is `hire` in Python and JS alike."""


@dataclass(frozen=True)
class Scorecard:
    """One interviewer's filled scorecard for one candidate."""

    role: str
    level: str
    candidate: str
    interviewer: str
    ratings: Mapping[str, int | None]
    date: str | None = None
    notes: Mapping[str, str] = field(default_factory=dict)
    overall_notes: str | None = None
    source: str = ""  # file name, for messages and reports
    recommendation: str | None = None  # the interviewer's own: strong_no | no | yes | strong_yes
    takeaways: str | None = None  # the interviewer's key take-aways
    focus: tuple[str, ...] = ()  # the competencies this interviewer was asked to cover
    lines: Mapping[str, tuple[int, int]] = field(default_factory=dict, compare=False)  # field -> (line, col)
    candidate_id: str | None = None  # an ATS id (Huntflow, hh.ru): when given, it decides who the card is about


def round2(x: float | None) -> float | int | None:
    """Round half away from zero to 2 decimals; integral results become ints.

    Written with floor so that Python and JavaScript (Math.floor) give the same digits.
    """
    if x is None:
        return None
    sign = -1.0 if x < 0 else 1.0
    r = sign * math.floor(abs(x) * 100 + 0.5 + EPS) / 100
    if r == int(r):
        return int(r)
    return r


def _recommend(model: Model, coverage: float, gap: float | None, failed: bool) -> str:
    ev = model.evaluation
    if gap is None or coverage < ev.min_coverage - EPS:
        return "insufficient_data"
    bands = ev.bands
    if gap >= bands.strong_hire - EPS:
        rec = "strong_hire"
    elif gap >= bands.hire - EPS:
        rec = "hire"
    elif gap >= bands.no_hire - EPS:
        rec = "no_hire"
    else:
        rec = "strong_no_hire"
    if failed and rec in HIRE_VERDICTS:
        rec = "no_hire"
    return rec


class LevelResult(TypedDict):
    """What fixed mean ratings give at one role level."""

    coverage: float
    gap: float | None
    failed_must_haves: list[str]
    recommendation: str


def rated(cards: Sequence[Scorecard], competency_id: str) -> list[int]:
    """The ratings the cards give a competency, card order, skipping «not assessed»."""
    return [r for c in cards if (r := c.ratings.get(competency_id)) is not None]


def _at_level(model: Model, role: Role, level: RoleLevel, means: Mapping[str, float]) -> LevelResult:
    """Gap, coverage, failed must-haves and recommendation of fixed mean ratings at one level."""
    tol = model.evaluation.must_have_tolerance
    total = sum(rc.weight for rc in role.competencies)
    rated_weight = 0
    weighted = 0.0
    failed: list[str] = []
    for rc in role.competencies:
        if rc.id not in means:
            continue
        target = level.targets[rc.id]
        rated_weight += rc.weight
        weighted += rc.weight * (means[rc.id] - target)
        if rc.must_have and means[rc.id] < target - tol - EPS:
            failed.append(rc.id)
    coverage = rated_weight / total if total else 0.0
    gap = weighted / rated_weight if rated_weight else None
    return {
        "coverage": coverage,
        "gap": gap,
        "failed_must_haves": failed,
        "recommendation": _recommend(model, coverage, gap, bool(failed)),
    }


def evaluate(model: Model, role_id: str, level_id: str, cards: Sequence[Scorecard]) -> dict[str, Any]:
    """The panel result in the JSON contract's shape (numbers rounded to 2 decimals).

    The cards must already be checked (same candidate, role and level; valid ratings).
    """
    role = model.role(role_id)
    level = role.level(level_id) if role else None
    if role is None or level is None:
        raise ValueError(f"unknown role or level: {role_id}/{level_id}")
    spread_flag = model.evaluation.disagreement_spread
    means: dict[str, float] = {}
    rows: list[dict[str, Any]] = []
    for rc in role.competencies:
        ratings = rated(cards, rc.id)
        target = level.targets[rc.id]
        if ratings:
            mean = sum(ratings) / len(ratings)
            means[rc.id] = mean
            spread = max(ratings) - min(ratings)
            row = {
                "id": rc.id,
                "weight": rc.weight,
                "must_have": rc.must_have,
                "target": target,
                "ratings": list(ratings),
                "rating": round2(mean),
                "gap": round2(mean - target),
                "spread": spread,
                "disagreement": spread >= spread_flag - EPS,
            }
        else:
            row = {
                "id": rc.id,
                "weight": rc.weight,
                "must_have": rc.must_have,
                "target": target,
                "ratings": [],
                "rating": None,
                "gap": None,
                "spread": None,
                "disagreement": False,
            }
        rows.append(row)
    here = _at_level(model, role, level, means)
    best = None
    for lv in role.levels:
        if _at_level(model, role, lv, means)["recommendation"] in HIRE_VERDICTS:
            best = lv.id
    candidate = cards[0].candidate if cards else ""
    return {
        "candidate": candidate,
        "role": role.id,
        "level": level.id,
        "interviewers": [c.interviewer for c in cards],
        "coverage": round2(here["coverage"]),
        "gap": round2(here["gap"]),
        "recommendation": here["recommendation"],
        "failed_must_haves": here["failed_must_haves"],
        "best_fit_level": best,
        "competencies": rows,
    }


def recommendation_only(model: Model, role_id: str, level_id: str, cards: Sequence[Scorecard]) -> str:
    """evaluate(...)["recommendation"] without building the rest of the result (for what-if recomputation)."""
    role = model.role(role_id)
    level = role.level(level_id) if role else None
    if role is None or level is None:
        raise ValueError(f"unknown role or level: {role_id}/{level_id}")
    means = {}
    for rc in role.competencies:
        ratings = rated(cards, rc.id)
        if ratings:
            means[rc.id] = sum(ratings) / len(ratings)
    return _at_level(model, role, level, means)["recommendation"]


def rank_key(result: Mapping[str, Any]) -> tuple[int, float, str]:
    """Sort key for a hiring round: recommendation best first, then the larger gap, then name."""
    gap = result.get("gap")
    return (
        VERDICTS.index(result["recommendation"]),
        -(gap if gap is not None else -math.inf),
        result.get("candidate", ""),
    )


def impact(row: Mapping[str, Any], total_weight: int) -> float:
    """How much a competency moved the weighted gap: weight share x its gap (0 when not rated)."""
    if row.get("gap") is None or not total_weight:
        return 0.0
    return float(row["weight"] * row["gap"] / total_weight)
