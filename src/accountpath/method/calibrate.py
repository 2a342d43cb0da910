"""Interviewer calibration across rounds (core, pure): rater effects, agreement, panel reliability.

A unit is one candidate at one role and level (names compared after names.identity); a cell is
a unit and one competency.
- Rater effects are estimated jointly by least squares over every round:
  rating = cell effect + rater effect. Only cells rated by two or more interviewers say anything
  about raters; within a cell the cell effect is removed by centring, and the normal equations
  of the rater effects are solved with numpy (pseudo-inverse: raters who never share a cell
  with anyone have no effect). The effects are centred on the median rater, so one lenient
  interviewer does not make the colleagues look harsh. `leniency` is that effect.
- The interval is a bootstrap over candidates (units drawn with replacement, `BOOTSTRAP` draws,
  seeded: the same cards give the same report), the 2.5 and 97.5 percentiles.
- `flagged` only when the interval excludes 0, |effect| >= 0.5 and the interviewer has at least
  10 comparable ratings (ratings in cells someone else also rated).
- For each flagged interviewer, `decisions`: the panels whose verdict changes without their
  card (candidate, the card's file, the verdict with and without).
- Agreement: Krippendorff's alpha, interval metric (the `krippendorff` package), per
  competency (units = candidates) and overall (units = candidate x competency); null where
  fewer than 2 units have two ratings.
- Spearman-Brown: the reliability of the mean of k ratings from alpha (one rating's
  reliability): k*a / (1 + (k-1)*a), where k is the real mean number of ratings per rated cell
  (focused panels rate each competency by fewer people than sit on the panel), and for k+1;
  null when alpha is null or negative.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from typing import Any

from accountpath.method.evaluate import Scorecard, rated, recommendation_only, round2
from accountpath.method.rounds import group_cards
from accountpath.model.types import Model
from accountpath.names import person_key
from accountpath.problems import Problem

LENIENCY_FLAG = 0.5
MIN_RATINGS = 10
SCALE = (1, 2, 3, 4, 5)
BOOTSTRAP = 400
"""Bootstrap draws for the intervals (over candidates)."""
SEED = 20260
"""The bootstrap's seed: the same cards always give the same intervals."""


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
    """Projected reliability of the mean of k ratings from one rating's reliability."""
    if alpha is None or alpha < 0 or k <= 0:
        return None
    return k * alpha / (1 + (k - 1) * alpha)


class _Design:
    """The least-squares problem of the rater effects, summed per unit so the bootstrap can reweigh units.

    Within a cell of n ratings the cell effect is removed by centring: the cell adds
    diag(c) - c c^T / n to X'X (c: which raters rated it) and the centred ratings to X'y.
    """

    def __init__(self, groups: Sequence[Sequence[Scorecard]], order: Sequence[str], keys: Sequence[Sequence[int]]):
        import numpy as np

        self.size = size = 1 + max((k for ks in keys for k in ks), default=-1)
        self.units = len(groups)
        cell_of: list[int] = []
        unit_of: list[int] = []
        rater_of: list[int] = []
        value_of: list[int] = []
        cell = 0
        for u, (group, ks) in enumerate(zip(groups, keys)):
            for cid in order:
                given = [(k, r) for c, k in zip(group, ks) if (r := c.ratings.get(cid)) is not None]
                if len(given) < 2:
                    continue
                for k, r in given:
                    cell_of.append(cell)
                    unit_of.append(u)
                    rater_of.append(k)
                    value_of.append(r)
                cell += 1
        cells = np.array(cell_of, dtype=np.int64)
        units = np.array(unit_of, dtype=np.int64)
        raters = np.array(rater_of, dtype=np.int64)
        values = np.array(value_of, dtype=float)
        n = np.bincount(cells, minlength=cell).astype(float)
        means = np.bincount(cells, weights=values, minlength=cell) / np.maximum(n, 1)
        self.counts = np.bincount(raters, minlength=size).astype(int).tolist() if size else []
        # X'y per (unit, rater)
        self.b_unit, self.b_rater, self.b_val = self._reduce(units, raters, values - means[cells], size)
        # X'X per (unit, r1*R+r2): the diagonal, then - 1/n for every ordered pair within a cell
        parts_u, parts_f, parts_v = [units], [raters * size + raters], [np.ones(len(raters))]
        starts = np.concatenate(([0], np.cumsum(n)[:-1])).astype(np.int64) if cell else np.zeros(0, np.int64)
        for s in np.unique(n).astype(int).tolist():
            chosen = starts[n == s]
            idx = chosen[:, None] + np.arange(s)[None, :]
            m = raters[idx]
            flat = (m[:, :, None] * size + m[:, None, :]).reshape(len(chosen), -1)
            parts_u.append(np.repeat(units[chosen], s * s))
            parts_f.append(flat.ravel())
            parts_v.append(np.full(flat.size, -1.0 / s))
        self.a_unit, self.a_flat, self.a_val = self._reduce(
            np.concatenate(parts_u), np.concatenate(parts_f), np.concatenate(parts_v), size * size
        )

    @staticmethod
    def _reduce(units: Any, index: Any, values: Any, width: int) -> tuple[Any, Any, Any]:
        """Sum values per (unit, index): far fewer entries for the bootstrap to reweigh."""
        import numpy as np

        if not len(units):
            return units, index, values
        keys, inverse = np.unique(units * max(width, 1) + index, return_inverse=True)
        sums = np.bincount(inverse.ravel(), weights=values)
        return keys // max(width, 1), keys % max(width, 1), sums

    def effects(self, weights: Any = None) -> Any:
        """Rater effects (centred on the median of the comparable raters; NaN for raters without overlap)."""
        import numpy as np

        size = self.size
        wa = self.a_val if weights is None else self.a_val * weights[self.a_unit]
        wb = self.b_val if weights is None else self.b_val * weights[self.b_unit]
        xtx = np.bincount(self.a_flat, weights=wa, minlength=size * size).reshape(size, size)
        xty = np.bincount(self.b_rater, weights=wb, minlength=size)
        beta = np.linalg.pinv(xtx, rcond=1e-10, hermitian=True) @ xty
        seen = np.diag(xtx) > 1e-12
        beta[~seen] = np.nan
        if seen.any():
            beta = beta - np.median(beta[seen])
        return beta


def _rater_effects(
    groups: Sequence[Sequence[Scorecard]], order: Sequence[str]
) -> tuple[dict[str, str], dict[str, int], list[int], Any, Any, Any, list[list[int]]]:
    """Names by key, index by key, comparable ratings, effects, interval low and high (arrays by index),
    and each card's rater index (per group)."""
    import numpy as np

    names: dict[str, str] = {}
    raw: list[list[str]] = []
    for group in groups:
        ks = []
        for card in group:
            key = person_key(card.interviewer)
            names.setdefault(key, card.interviewer)
            ks.append(key)
        raw.append(ks)
    index = {key: i for i, key in enumerate(sorted(names))}
    keys = [[index[k] for k in ks] for ks in raw]
    design = _Design(groups, order, keys)
    effects = design.effects()
    low = np.full(len(index), np.nan)
    high = np.full(len(index), np.nan)
    if len(groups) >= 2 and len(design.b_val):
        rng = np.random.default_rng(SEED)
        g = len(groups)
        draws = np.array(
            [design.effects(np.bincount(rng.integers(0, g, g), minlength=g).astype(float)) for _d in range(BOOTSTRAP)]
        )
        with warnings.catch_warnings():  # all-NaN columns (raters with no overlap) just give a null interval
            warnings.simplefilter("ignore", RuntimeWarning)
            low = np.nanpercentile(draws, 2.5, axis=0)
            high = np.nanpercentile(draws, 97.5, axis=0)
    return names, index, design.counts, effects, low, high, keys


def _number(x: Any) -> float | None:
    import math

    return None if x is None or math.isnan(float(x)) else float(x)


def _decisions(
    model: Model, groups: Sequence[Sequence[Scorecard]], keys: Sequence[Sequence[int]], rater: int
) -> list[dict[str, Any]]:
    """Panels whose verdict changes when this interviewer's card is left out (the rest must still be a panel)."""
    out = []
    for group, ks in zip(groups, keys):
        if rater not in ks:
            continue
        mine = [c for c, k in zip(group, ks) if k == rater]
        rest = [c for c, k in zip(group, ks) if k != rater]
        if not mine or not rest:
            continue
        first = group[0]
        with_ = recommendation_only(model, first.role, first.level, group)
        without = recommendation_only(model, first.role, first.level, rest)
        if with_ != without:
            out.append(
                {
                    "candidate": first.candidate,
                    "file": mine[0].source,
                    "verdict": with_,
                    "verdict_without": without,
                }
            )
    return out


def _interviewers(model: Model, groups: Sequence[Sequence[Scorecard]], order: Sequence[str]) -> list[dict[str, Any]]:
    names, index, counts, effects, low, high, keys = _rater_effects(groups, order)
    out = []
    for key in sorted(names, key=lambda k: (names[k].casefold(), names[k])):
        i = index[key]
        n = counts[i]
        effect = _number(effects[i]) if n else None
        lo, hi = (_number(low[i]), _number(high[i])) if n else (None, None)
        excludes_zero = lo is not None and hi is not None and (lo > 1e-9 or hi < -1e-9)
        flagged = bool(
            effect is not None and n >= MIN_RATINGS and abs(effect) >= LENIENCY_FLAG - 1e-9 and excludes_zero
        )
        out.append(
            {
                "name": names[key],
                "ratings": n,
                "leniency": round2(effect),
                "ci_low": round2(lo),
                "ci_high": round2(hi),
                "flagged": flagged,
                "decisions": _decisions(model, groups, keys, i) if flagged else [],
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
    cells = [len(u) for units in per_comp.values() for u in units if u]
    per_cell = sum(cells) / len(cells) if cells else 0.0
    result = {
        "scorecards": sum(len(g) for g in groups),
        "candidates": len(groups),
        "panel_size": round2(k) if groups else None,
        "alpha": round2(overall),
        "panel_reliability": round2(spearman_brown(overall, per_cell)),
        "panel_reliability_plus_one": round2(spearman_brown(overall, per_cell + 1)),
        "interviewers": _interviewers(model, groups, order),
        "competencies": [
            {
                "id": cid,
                "alpha": round2(alpha_from_units(per_comp[cid])),
                "candidates": sum(1 for u in per_comp[cid] if len(u) >= 2),
                "raters": round2(sum(len(u) for u in per_comp[cid] if u) / max(1, sum(1 for u in per_comp[cid] if u))),
            }
            for cid in order
        ],
        "raters_per_competency": round2(per_cell) if cells else None,
    }
    return result, problems
