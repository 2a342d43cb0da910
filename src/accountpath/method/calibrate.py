"""Interviewer calibration across rounds (core, pure): leniency, agreement, panel reliability.

A unit is one candidate at one role and level (names compared after normalise_name).
- Leniency of an interviewer: the mean, over every rating they gave where at least one other
  interviewer rated the same candidate and competency, of (their rating - the mean of the
  others' ratings there). `flagged` when |leniency| >= 0.5 over at least 10 such ratings.
- Agreement: Krippendorff's alpha, interval metric (the `krippendorff` package), per
  competency (units = candidates) and overall (units = candidate x competency); null where
  fewer than 2 units have two ratings. The package gets per-unit value counts, which give the
  same alpha as the coders x units matrix without its size.
- Spearman-Brown: the reliability of a panel of k interviewers from alpha (one interviewer's
  reliability): k*a / (1 + (k-1)*a), for the mean panel size k and for k+1; null when alpha is
  null or negative.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from accountpath.method.evaluate import Scorecard, rated, round2
from accountpath.method.rounds import group_cards
from accountpath.model.types import Model
from accountpath.names import normalise_name
from accountpath.problems import Problem

LENIENCY_FLAG = 0.5
MIN_RATINGS = 10
SCALE = (1, 2, 3, 4, 5)


def alpha_from_units(units: Sequence[Sequence[int]]) -> float | None:
    """Interval alpha of units (each a list of the ratings it got), or None when under 2 units have two ratings."""
    import krippendorff  # with numpy about 0.2 s: loaded only when a calibration runs, not by every CLI call
    import numpy as np

    paired = [u for u in units if len(u) >= 2]
    if len(paired) < 2:
        return None
    counts = np.zeros((len(paired), len(SCALE)), dtype=float)
    for row, unit in enumerate(paired):
        for value in unit:
            counts[row, value - 1] += 1
    try:
        with np.errstate(invalid="ignore", divide="ignore"):
            alpha = krippendorff.alpha(value_counts=counts, value_domain=list(SCALE), level_of_measurement="interval")
    except (ValueError, ZeroDivisionError):  # every rating the same value: agreement is undefined
        return None
    return None if alpha is None or np.isnan(alpha) else float(alpha)


def spearman_brown(alpha: float | None, k: float) -> float | None:
    """Projected reliability of the mean of k interviewers from one interviewer's reliability."""
    if alpha is None or alpha < 0 or k <= 0:
        return None
    return k * alpha / (1 + (k - 1) * alpha)


def _leniency(groups: Sequence[Sequence[Scorecard]], order: Sequence[str]) -> list[dict[str, Any]]:
    names: dict[str, str] = {}
    sums: dict[str, float] = {}
    counts: dict[str, int] = {}
    for group in groups:
        for card in group:
            names.setdefault(normalise_name(card.interviewer), card.interviewer)
        for cid in order:
            given = [(normalise_name(c.interviewer), r) for c in group if (r := c.ratings.get(cid)) is not None]
            if len(given) < 2:
                continue
            total = sum(v for _k, v in given)
            for key, value in given:
                others = (total - value) / (len(given) - 1)
                sums[key] = sums.get(key, 0.0) + value - others
                counts[key] = counts.get(key, 0) + 1
    out = []
    for key in sorted(names, key=lambda k: (names[k].casefold(), names[k])):
        n = counts.get(key, 0)
        lenient = sums[key] / n if n else None
        out.append(
            {
                "name": names[key],
                "ratings": n,
                "leniency": round2(lenient),
                "flagged": bool(lenient is not None and n >= MIN_RATINGS and abs(lenient) >= LENIENCY_FLAG - 1e-9),
            }
        )
    return out


def _competency_order(model: Model, groups: Sequence[Sequence[Scorecard]]) -> list[str]:
    seen = {cid for g in groups for c in g for cid, v in c.ratings.items() if v is not None}
    return [c.id for c in model.competencies if c.id in seen]


def calibrate(model: Model, cards: Sequence[Scorecard]) -> tuple[dict[str, Any], list[Problem]]:
    """The calibration report in the JSON contract's shape (numbers rounded to 2), and problems for refused cards."""
    groups, problems = group_cards(cards)
    order = _competency_order(model, groups)
    per_comp: dict[str, list[list[int]]] = {cid: [] for cid in order}
    for group in groups:
        for cid in order:
            per_comp[cid].append(rated(group, cid))
    overall = alpha_from_units([u for units in per_comp.values() for u in units])
    k = sum(len(g) for g in groups) / len(groups) if groups else 0.0
    result = {
        "scorecards": sum(len(g) for g in groups),
        "candidates": len(groups),
        "panel_size": round2(k) if groups else None,
        "alpha": round2(overall),
        "panel_reliability": round2(spearman_brown(overall, k)),
        "panel_reliability_plus_one": round2(spearman_brown(overall, k + 1)),
        "interviewers": _leniency(groups, order),
        "competencies": [
            {
                "id": cid,
                "alpha": round2(alpha_from_units(per_comp[cid])),
                "candidates": sum(1 for u in per_comp[cid] if len(u) >= 2),
            }
            for cid in order
        ],
    }
    return result, problems
