"""The debrief's explanations in words (presentation, no I/O): why each must-have passes or
fails (rating against the threshold target − tolerance), whether the weighted gap sits on a
band's boundary, and what changes without the one interviewer the verdict hangs on.

Numbers come from the debrief's JSON only (debrief.debrief()); nothing here moves the method.
docs/assets/js/core/debrief.js says the same sentences, character for character.
"""

from __future__ import annotations

from typing import Any, Mapping

from accountpath.i18n import _, decimal, localised, percent
from accountpath.method.evaluate import EPS
from accountpath.model.types import Model
from accountpath.vocab import HIRE_VERDICTS, verdict_label

NEAR_BOUNDARY = 0.1
"""A weighted gap this close to a band's boundary is called «on the boundary» (a message only)."""

BAND_CODES = ("strong_hire", "hire", "no_hire")
"""The verdict each band boundary starts (bands of the model's `evaluation:`)."""


def two(x: float) -> str:
    """A number with two decimals (2,50), the decimal comma in Russian."""
    return localised(f"{x:.2f}")


def _threshold(model: Model, target: int) -> float:
    return float(target - model.evaluation.must_have_tolerance)


def must_have_status(model: Model, row: Mapping[str, Any], failed: bool) -> str:
    """«проходит: 2,50 при пороге 2,50 (цель 3 − 0,5)», on the threshold said so; or «не проходит: ...».

    `failed` is the method's own call (the result's failed_must_haves), never recomputed here."""
    if row["rating"] is None:
        return _("не оценивалась: в проверке обязательных не участвует")
    limit = _threshold(model, row["target"])
    args = {
        "rating": two(row["rating"]),
        "limit": two(limit),
        "target": row["target"],
        "tol": decimal(model.evaluation.must_have_tolerance),
    }
    if failed:
        return _("не проходит: {rating} при пороге {limit} (цель {target} − {tol})").format(**args)
    if abs(row["rating"] - limit) <= EPS:
        return _("проходит ровно на пороге: {rating} при пороге {limit} (цель {target} − {tol})").format(**args)
    return _("проходит: {rating} при пороге {limit} (цель {target} − {tol})").format(**args)


def _boundaries(model: Model) -> list[tuple[float, str]]:
    bands = model.evaluation.bands
    return [(float(getattr(bands, code)), code) for code in BAND_CODES]


def boundary_line(model: Model, r: Mapping[str, Any]) -> str | None:
    """«Итог на границе: 0,08 при пороге 0,00 ...» when the weighted gap is within 0.1 of a band's boundary
    (boundaries of the hire bands do not count while a failed must-have caps the verdict)."""
    if r["recommendation"] == "insufficient_data" or r["gap"] is None:
        return None
    capped = bool(r["failed_must_haves"])  # a failed must-have already caps the verdict below «hire»
    near = [
        (abs(r["gap"] - b), b, code)
        for b, code in _boundaries(model)
        if abs(r["gap"] - b) <= NEAR_BOUNDARY + EPS and not (capped and code in HIRE_VERDICTS)
    ]
    if not near:
        return None
    _dist, b, code = min(near)
    return _(
        "Итог на границе: {gap} при пороге {limit} (от {limit} — «{label}»): одна оценка на балл выше или ниже "
        "может изменить решение, обсудите спорные компетенции."
    ).format(gap=two(r["gap"]), limit=two(b), label=verdict_label(code))


def _crossed(model: Model, before: float, after: float) -> float | None:
    """The band boundary between two gaps nearest the first one (None when both are in one band)."""
    crossed = [b for b, _code in _boundaries(model) if (before >= b - EPS) != (after >= b - EPS)]
    return min(crossed, key=lambda b: abs(b - before)) if crossed else None


def _changes(model: Model, r: Mapping[str, Any], f: Mapping[str, Any]) -> list[str]:
    rows = {row["id"]: row for row in r["competencies"]}
    names = {c.id: c.name for c in model.competencies}
    out = []
    for cid, rating in f.get("must_have_ratings", {}).items():
        name = names.get(cid, cid)
        if rating is None:
            out.append(_("«{name}» (обязательная) осталась бы без оценки").format(name=name))
            continue
        args = {"name": name, "rating": two(rating), "limit": two(_threshold(model, rows[cid]["target"]))}
        if cid in f.get("failed_must_haves", []):
            out.append(_("«{name}» (обязательная) опустилась бы до {rating} при пороге {limit}").format(**args))
        else:
            out.append(_("«{name}» (обязательная) поднялась бы до {rating} при пороге {limit}").format(**args))
    if f.get("gap") is not None and r["gap"] is not None and f["recommendation"] != "insufficient_data":
        b = _crossed(model, r["gap"], f["gap"])
        if b is not None:
            out.append(
                _("средневзвешенное отклонение от цели стало бы {gap} при пороге {limit}").format(
                    gap=two(f["gap"]), limit=two(b)
                )
            )
    if f["recommendation"] == "insufficient_data" and r["recommendation"] != "insufficient_data":
        out.append(
            _("оценено было бы {done} веса роли при минимуме {need}").format(
                done=percent(f.get("coverage")), need=percent(model.evaluation.min_coverage)
            )
        )
    return out


def fragility_lines(r: Mapping[str, Any], model: Model) -> list[str]:
    """The fragility in words: one sentence per interviewer whose card carries the verdict, with what changes."""
    lines = []
    for f in r.get("fragile", []):
        head = _("Итог держится на листе одного интервьюера ({name}): без него итог был бы «{label}»").format(
            name=f["without"], label=verdict_label(f["recommendation"])
        )
        changes = _changes(model, r, f)
        lines.append(head + (" — " + "; ".join(changes) if changes else "") + ".")
    if not lines and len(r["interviewers"]) >= 3:
        lines.append(_("Итог устойчив: без любого одного интервьюера он остаётся тем же."))
    return lines
