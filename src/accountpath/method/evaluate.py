"""Turn interviewers' ratings into a panel result. Pure functions, no I/O.

The method (settings from the model's `evaluation:`), mirrored digit for digit by the site's
JavaScript evaluator (docs/assets/js/core/evaluate.js):
- rating(c) = mean of the interviewers' ratings; spread(c) = max - min;
  disagreement(c) = spread >= disagreement_spread.
- gap(c) = rating(c) - target(c) for the role level.
- coverage = rated weight / total weight; gap = weighted mean of gap(c) over rated competencies.
- failed must-haves: rating(c) < target(c) - must_have_tolerance.
- the verdict from coverage and the bands, with a tolerance band (`evaluation.tolerance`, t)
  around each boundary instead of an exact comparison: strong_hire from strong_hire + t, hire
  from hire + t, no_hire from no_hire - t; a gap within t of the hire / no-hire boundary is
  not decided (`not_ready`, reason near_boundary), except a gap at or above the boundary when no
  rated competency is below its target (the level's profile is the hiring bar: a candidate who
  meets it everywhere is `hire`); a failed must-have caps the verdict at no_hire.
- `leaning`: today's knife edge (the same bands compared exactly, no band, no not_ready).
- `not_ready` reasons ({code, params}, see NOT_READY): near_boundary, one_interviewer_decides,
  must_have_disagreement, must_have_single_rater, must_have_one_point, unrated_focus; any of
  them makes the verdict `not_ready` (`ready` false). insufficient_data keeps its meaning.
- best_fit_level: the highest level at which the same ratings give hire or strong_hire; at the
  vacancy's level or below, a gap inside the band counts as a fit (never lower because of the band).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, TypedDict

from accountpath.model.types import Model, Role, RoleLevel
from accountpath.vocab import HIRE_VERDICTS, NO_HIRE_VERDICTS, VERDICTS

EPS = 1e-9
"""Comparisons tolerate float noise, so a gap of exactly 0 is `hire` in Python and JS alike."""

NOT_READY: tuple[str, ...] = (
    "near_boundary",
    "one_interviewer_decides",
    "must_have_disagreement",
    "must_have_single_rater",
    "must_have_one_point",
    "unrated_focus",
)
"""Codes of the reasons a verdict is not ready, in the order a result lists them."""


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


def side(verdict: str) -> str | None:
    """ "hire" for the hire verdicts, "no_hire" for the no-hire ones, None otherwise."""
    if verdict in HIRE_VERDICTS:
        return "hire"
    if verdict in NO_HIRE_VERDICTS:
        return "no_hire"
    return None


def _recommend(
    model: Model, coverage: float, gap: float | None, failed: bool, tol: float, *, below: bool = True
) -> str:
    """The verdict of a gap with a band of ±tol around each boundary (tol 0: the knife edge).
    `below`: some rated competency is under its target; without one, a gap at or above the hire
    boundary is `hire` even inside the band."""
    ev = model.evaluation
    if gap is None or coverage < ev.min_coverage - EPS:
        return "insufficient_data"
    bands = ev.bands
    if gap >= bands.strong_hire + tol - EPS:
        rec = "strong_hire"
    elif gap >= bands.hire + tol - EPS:
        rec = "hire"
    elif tol > 0 and gap > bands.hire - tol + EPS:
        # inside the band of the hire / no-hire boundary; on or above the bar with nothing under target is a hire
        rec = "hire" if not below and gap >= bands.hire - EPS else "not_ready"
    elif gap >= bands.no_hire - tol - EPS:
        rec = "no_hire"
    else:
        rec = "strong_no_hire"
    if failed and rec in (*HIRE_VERDICTS, "not_ready"):
        rec = "no_hire"
    return rec


class LevelResult(TypedDict):
    """What fixed mean ratings give at one role level."""

    coverage: float
    gap: float | None
    failed_must_haves: list[str]
    recommendation: str
    leaning: str


def rated(cards: Sequence[Scorecard], competency_id: str) -> list[int]:
    """The ratings the cards give a competency, card order, skipping «not assessed»."""
    return [r for c in cards if (r := c.ratings.get(competency_id)) is not None]


def means_of(role: Role, cards: Sequence[Scorecard]) -> dict[str, float]:
    """Mean rating of each rated competency of the role."""
    out = {}
    for rc in role.competencies:
        ratings = rated(cards, rc.id)
        if ratings:
            out[rc.id] = sum(ratings) / len(ratings)
    return out


def _at_level(model: Model, role: Role, level: RoleLevel, means: Mapping[str, float]) -> LevelResult:
    """Gap, coverage, failed must-haves and recommendation of fixed mean ratings at one level."""
    tol = model.evaluation.must_have_tolerance
    total = 0
    rated_weight = 0
    weighted = 0.0
    failed: list[str] = []
    below = False
    for rc in role.competencies:
        total += rc.weight
        mean = means.get(rc.id)
        if mean is None:
            continue
        target = level.targets[rc.id]
        below = below or mean < target - EPS
        rated_weight += rc.weight
        weighted += rc.weight * (mean - target)
        if rc.must_have and mean < target - tol - EPS:
            failed.append(rc.id)
    coverage = rated_weight / total if total else 0.0
    gap = weighted / rated_weight if rated_weight else None
    return {
        "coverage": coverage,
        "gap": gap,
        "failed_must_haves": failed,
        "recommendation": _recommend(model, coverage, gap, bool(failed), model.evaluation.tolerance, below=below),
        "leaning": _recommend(model, coverage, gap, bool(failed), 0.0),
    }


def _role_level(model: Model, role_id: str, level_id: str) -> tuple[Role, RoleLevel]:
    role = model.role(role_id)
    level = role.level(level_id) if role else None
    if role is None or level is None:
        raise ValueError(f"unknown role or level: {role_id}/{level_id}")
    return role, level


def _row(model: Model, rc: Any, target: int, ratings: list[int]) -> dict[str, Any]:
    if not ratings:
        return {
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
    mean = sum(ratings) / len(ratings)
    spread = max(ratings) - min(ratings)
    return {
        "id": rc.id,
        "weight": rc.weight,
        "must_have": rc.must_have,
        "target": target,
        "ratings": list(ratings),
        "rating": round2(mean),
        "gap": round2(mean - target),
        "spread": spread,
        "disagreement": spread >= model.evaluation.disagreement_spread - EPS,
    }


def best_fit(model: Model, role: Role, level: RoleLevel, means: Mapping[str, float]) -> str | None:
    """The highest level whose verdict is a hire; at the vacancy's level or below, a gap inside the band
    counts as a fit too (a miss within the tolerance never drops the fit below the vacancy)."""
    best = None
    top = role.levels.index(level)
    for i, lv in enumerate(role.levels):
        verdict = _at_level(model, role, lv, means)["recommendation"]
        if verdict in HIRE_VERDICTS or (verdict == "not_ready" and i <= top):
            best = lv.id
    return best


def evaluate(model: Model, role_id: str, level_id: str, cards: Sequence[Scorecard]) -> dict[str, Any]:
    """The panel result in the JSON contract's shape (numbers rounded to 2 decimals).

    The cards must already be checked (same candidate, role and level; valid ratings).
    """
    role, level = _role_level(model, role_id, level_id)
    rows = [_row(model, rc, level.targets[rc.id], rated(cards, rc.id)) for rc in role.competencies]
    means = means_of(role, cards)
    here = _at_level(model, role, level, means)
    reasons = (
        not_ready_reasons(model, role, level, cards, here) if here["recommendation"] != "insufficient_data" else []
    )
    verdict = "not_ready" if reasons else here["recommendation"]
    return {
        "candidate": cards[0].candidate if cards else "",
        "role": role.id,
        "level": level.id,
        "interviewers": [c.interviewer for c in cards],
        "coverage": round2(here["coverage"]),
        "gap": round2(here["gap"]),
        "recommendation": verdict,
        "failed_must_haves": here["failed_must_haves"],
        "best_fit_level": best_fit(model, role, level, means),
        "competencies": rows,
        "ready": verdict not in ("not_ready", "insufficient_data"),
        "not_ready": reasons,
        "leaning": here["leaning"],
    }


def base_result(model: Model, role_id: str, level_id: str, cards: Sequence[Scorecard]) -> LevelResult:
    """The verdict the ratings give before the not-ready checks (the band applied; no reasons)."""
    role, level = _role_level(model, role_id, level_id)
    return _at_level(model, role, level, means_of(role, cards))


def recommendation_only(model: Model, role_id: str, level_id: str, cards: Sequence[Scorecard]) -> str:
    """evaluate(...)["recommendation"] without building the rest of the result (for what-if recomputation)."""
    return str(evaluate(model, role_id, level_id, cards)["recommendation"])


# ---------------------------------------------------------------- why a verdict is not ready


def _reason(code: str, **params: Any) -> dict[str, Any]:
    return {"code": code, "params": params}


def raters(cards: Sequence[Scorecard], cid: str) -> list[str]:
    """The interviewers who rated a competency, card order."""
    return [c.interviewer for c in cards if c.ratings.get(cid) is not None]


def without_shared(cards: Sequence[Scorecard], i: int) -> list[Scorecard]:
    """The panel with card i's ratings left out where someone else also rated the competency
    (its ratings nobody else gave stay, so a focused panel keeps its coverage)."""
    shared = set(shared_by(cards, i))
    kept = replace(cards[i], ratings={cid: v for cid, v in cards[i].ratings.items() if cid not in shared})
    return [kept if j == i else c for j, c in enumerate(cards)]


def shared_by(cards: Sequence[Scorecard], i: int) -> list[str]:
    """The competencies card i rated that someone else rated too (card order of the ratings)."""
    others = {cid for j, c in enumerate(cards) if j != i for cid, v in c.ratings.items() if v is not None}
    return [cid for cid, v in cards[i].ratings.items() if v is not None and cid in others]


def leave_one_out(
    model: Model, role: Role, level: RoleLevel, cards: Sequence[Scorecard]
) -> list[tuple[int, LevelResult]]:
    """For each interviewer who shares a competency with someone, the base result without their shared ratings."""
    out: list[tuple[int, LevelResult]] = []
    if len(cards) < 2:
        return out
    sums = {rc.id: (sum(r), len(r)) for rc in role.competencies if (r := rated(cards, rc.id))}
    for i in range(len(cards)):
        shared = shared_by(cards, i)
        if not shared:
            continue  # nothing of theirs is shared: leaving them out changes nothing
        out.append((i, _at_level(model, role, level, _means_without(sums, cards[i], shared))))
    return out


def _means_without(sums: Mapping[str, tuple[int, int]], card: Scorecard, shared: Sequence[str]) -> dict[str, float]:
    """means_of(role, without_shared(cards, i)) from the panel's (sum, count) of each competency: the
    ratings are whole numbers, so (sum - rating) / (count - 1) is that mean to the last bit."""
    means = {cid: total / n for cid, (total, n) in sums.items()}
    for cid in shared:
        rating = card.ratings.get(cid)
        if cid not in sums or rating is None:
            continue  # not the role's (no mean of it either way), or not rated by this card
        total, n = sums[cid]
        means[cid] = (total - rating) / (n - 1)
    return means


def _near_boundary(
    model: Model, role: Role, level: RoleLevel, cards: Sequence[Scorecard], here: LevelResult
) -> dict[str, Any]:
    """near_boundary, naming the competency to check again (the one whose rating is least sure and
    moves the gap most: weight x (|gap| + spread) / sqrt(raters), ties to the heavier, fewer raters,
    model order) and who rated it."""
    rows = []
    for i, rc in enumerate(role.competencies):
        ratings = rated(cards, rc.id)
        if ratings:
            mean = sum(ratings) / len(ratings)
            sway = (
                rc.weight * (abs(mean - level.targets[rc.id]) + max(ratings) - min(ratings)) / math.sqrt(len(ratings))
            )
            rows.append((-round(sway, 6), -rc.weight, len(ratings), i, rc))
    rc = min(rows)[-1]
    return _reason(
        "near_boundary",
        gap=round2(here["gap"]),
        boundary=round2(model.evaluation.bands.hire),
        tolerance=round2(model.evaluation.tolerance),
        leaning=here["leaning"],
        competency=rc.id,
        competency_name=_name(model, rc.id),
        raters=", ".join(f"{n} — {r}" for n, r in zip(raters(cards, rc.id), rated(cards, rc.id))),
    )


def _name(model: Model, cid: str) -> str:
    c = next((c for c in model.competencies if c.id == cid), None)
    return c.name if c else cid


def _one_point(
    model: Model, role: Role, level: RoleLevel, cards: Sequence[Scorecard], rc: Any, now: str
) -> dict[str, Any] | None:
    """The first move of one rating of a must-have by one point that moves the verdict across hire / no hire."""
    means = means_of(role, cards)
    ratings = rated(cards, rc.id)
    total = sum(ratings)  # whole numbers: (total - v + to) / n is the moved panel's mean to the last bit
    for card in cards:
        v = card.ratings.get(rc.id)
        if v is None:
            continue
        for to in (v - 1, v + 1):
            if to < 1 or to > 5:
                continue
            moved = {**means, rc.id: (total - v + to) / len(ratings)}
            after = _at_level(model, role, level, moved)["recommendation"]
            if side(after) is not None and side(after) != now:
                return _reason(
                    "must_have_one_point",
                    competency=rc.id,
                    competency_name=_name(model, rc.id),
                    interviewer=card.interviewer,
                    rating=v,
                    to=to,
                    verdict=after,
                )
    return None


def _decides(model: Model, role: Role, level: RoleLevel, cards: Sequence[Scorecard], cid: str) -> bool:
    """True when the verdict is a hire with one side of a competency's disagreement and not with the
    other (its mean taken as the lowest rating, then as the highest)."""
    means = means_of(role, cards)
    ratings = rated(cards, cid)
    sides = {
        side(_at_level(model, role, level, {**means, cid: float(x)})["recommendation"])
        for x in (min(ratings), max(ratings))
    }
    return sides == {"hire", "no_hire"}


def _one_decides(
    model: Model, role: Role, level: RoleLevel, cards: Sequence[Scorecard], here: LevelResult, now: str
) -> list[dict[str, Any]]:
    """one_interviewer_decides: the verdict crosses hire / no hire without one interviewer's shared ratings."""
    out = []
    for i, alt in leave_one_out(model, role, level, cards):
        if side(alt["recommendation"]) in (None, now):
            continue
        shared = set(shared_by(cards, i))
        out.append(
            _reason(
                "one_interviewer_decides",
                interviewer=cards[i].interviewer,
                verdict=here["recommendation"] if side(here["recommendation"]) else here["leaning"],
                without=alt["recommendation"],
                competencies=", ".join(f"«{_name(model, rc.id)}»" for rc in role.competencies if rc.id in shared),
            )
        )
    return out


def _must_have_doubts(model: Model, role: Role, level: RoleLevel, cards: Sequence[Scorecard]) -> list[dict[str, Any]]:
    """must_have_disagreement (a disagreement whose sides decide hire / no hire) and must_have_single_rater."""
    out = []
    spread = model.evaluation.disagreement_spread
    for rc in role.competencies:
        if not rc.must_have:
            continue
        ratings = rated(cards, rc.id)
        who = raters(cards, rc.id)
        wide = len(ratings) >= 2 and max(ratings) - min(ratings) >= spread - EPS
        if wide and _decides(model, role, level, cards, rc.id):
            out.append(
                _reason(
                    "must_have_disagreement",
                    competency=rc.id,
                    competency_name=_name(model, rc.id),
                    ratings=", ".join(f"{n} — {r}" for n, r in zip(who, ratings)),
                    spread=max(ratings) - min(ratings),
                )
            )
        if len(cards) >= 2 and len(ratings) == 1:
            out.append(
                _reason(
                    "must_have_single_rater", competency=rc.id, competency_name=_name(model, rc.id), interviewer=who[0]
                )
            )
    return out


def _unrated_focus(model: Model, role: Role, cards: Sequence[Scorecard]) -> list[dict[str, Any]]:
    """unrated_focus: a competency in someone's focus that nobody rated."""
    out = []
    for rc in role.competencies:
        planned = [c.interviewer for c in cards if rc.id in c.focus]
        if planned and not raters(cards, rc.id):
            out.append(
                _reason(
                    "unrated_focus",
                    competency=rc.id,
                    competency_name=_name(model, rc.id),
                    interviewers=", ".join(planned),
                )
            )
    return out


def not_ready_reasons(
    model: Model, role: Role, level: RoleLevel, cards: Sequence[Scorecard], here: LevelResult
) -> list[dict[str, Any]]:
    """Why the panel's verdict is not ready to be defended: [{code, params}] in NOT_READY's order (empty when ready)."""
    out: list[dict[str, Any]] = []
    now = side(here["recommendation"]) or side(here["leaning"])  # inside the band: the side the ratings lean to
    if here["recommendation"] == "not_ready":
        out.append(_near_boundary(model, role, level, cards, here))
    if now is not None:
        out += _one_decides(model, role, level, cards, here, now)
    out += _must_have_doubts(model, role, level, cards)
    if now is not None:
        out += [m for rc in role.competencies if rc.must_have and (m := _one_point(model, role, level, cards, rc, now))]
    return out + _unrated_focus(model, role, cards)


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
