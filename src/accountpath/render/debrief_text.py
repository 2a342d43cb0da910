"""The debrief's explanations in words (presentation, no I/O): why each must-have passes or
fails (rating against the threshold target − tolerance), where the weighted gap sits against
the hire / no-hire boundary and its tolerance band, what changes without the one interviewer
the verdict hangs on, why the verdict is or is not ready, and the warnings.

Numbers come from the debrief's JSON only (debrief.debrief()); nothing here moves the method.
Every sentence is a code of messages.MESSAGES rendered with its parameters;
docs/assets/js/core/debrief.js builds the same codes and parameters and renders them from
model.json's `messages`, so both say the same sentences, character for character.
"""

from __future__ import annotations

from typing import Any, Mapping

from accountpath.i18n import decimal, localised, percent
from accountpath.messages import MESSAGES, Msg, render
from accountpath.method.evaluate import EPS
from accountpath.model.types import Model
from accountpath.vocab import verdict_label

BAND_CODES = ("strong_hire", "hire", "no_hire")
"""The verdict each band boundary starts (bands of the model's `evaluation:`)."""

VERDICT_PARAMS = ("leaning", "verdict", "without")
"""Parameters of a reason that hold a verdict code; rendering adds `<name>_label`."""


def message_code(area: str, code: str) -> str:
    """The message table's key of a reason or warning code: «not-ready.near-boundary» for near_boundary."""
    return f"{area}.{code.replace('_', '-')}"


def two(x: float) -> str:
    """A number with two decimals (2,50), the decimal comma in Russian."""
    return localised(f"{x:.2f}")


def _threshold(model: Model, target: int) -> float:
    return float(target - model.evaluation.must_have_tolerance)


def must_have_status(model: Model, row: Mapping[str, Any], failed: bool) -> str:
    """«проходит: 2,50 при пороге 2,50 (цель 3 − 0,5)», on the threshold said so; or «не проходит: ...».

    `failed` is the method's own call (the result's failed_must_haves), never recomputed here."""
    if row["rating"] is None:
        return render("debrief.must-have.unrated")
    limit = _threshold(model, row["target"])
    args = {
        "rating": two(row["rating"]),
        "limit": two(limit),
        "target": row["target"],
        "tol": decimal(model.evaluation.must_have_tolerance),
    }
    if failed:
        return render("debrief.must-have.failed", args)
    if abs(row["rating"] - limit) <= EPS:
        return render("debrief.must-have.on-threshold", args)
    return render("debrief.must-have.passed", args)


def _boundaries(model: Model) -> list[tuple[float, str]]:
    bands = model.evaluation.bands
    return [(float(getattr(bands, code)), code) for code in BAND_CODES]


def boundary_line(model: Model, r: Mapping[str, Any]) -> str | None:
    """Where the weighted gap sits against the hire / no-hire boundary and its tolerance band
    (none while coverage is short or a failed must-have already caps the verdict)."""
    if r["gap"] is None or r["recommendation"] == "insufficient_data" or r["failed_must_haves"]:
        return None
    args = {
        "gap": two(r["gap"]),
        "limit": two(model.evaluation.bands.hire),
        "tolerance": two(model.evaluation.tolerance),
    }
    inside = any(x["code"] == "near_boundary" for x in r.get("not_ready", []))
    return render("debrief.boundary.inside" if inside else "debrief.boundary.outside", args)


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
            out.append(render("debrief.fragile.unrated", {"name": name}))
            continue
        args = {"name": name, "rating": two(rating), "limit": two(_threshold(model, rows[cid]["target"]))}
        fell = cid in f.get("failed_must_haves", [])
        out.append(render("debrief.fragile.fell" if fell else "debrief.fragile.rose", args))
    if f.get("gap") is not None and r["gap"] is not None and f["recommendation"] != "insufficient_data":
        b = _crossed(model, r["gap"], f["gap"])
        if b is not None:
            out.append(render("debrief.fragile.gap", {"gap": two(f["gap"]), "limit": two(b)}))
    if f["recommendation"] == "insufficient_data" and r["recommendation"] != "insufficient_data":
        out.append(
            render(
                "debrief.fragile.coverage",
                {"done": percent(f.get("coverage")), "need": percent(model.evaluation.min_coverage)},
            )
        )
    return out


def fragility_lines(r: Mapping[str, Any], model: Model) -> list[str]:
    """The fragility in words: one sentence per interviewer whose card carries the verdict, with what changes."""
    lines = []
    for f in r.get("fragile", []):
        head = render("debrief.fragile.head", {"name": f["without"], "label": verdict_label(f["recommendation"])})
        changes = _changes(model, r, f)
        lines.append(head + (" — " + "; ".join(changes) if changes else "") + ".")
    if not lines and len(r["interviewers"]) >= 3:
        lines.append(render("debrief.fragile.stable"))
    return lines


def with_labels(params: Mapping[str, Any]) -> dict[str, Any]:
    """A reason's parameters plus the label of each verdict code among them (`leaning_label`...)."""
    out = dict(params)
    for key in VERDICT_PARAMS:
        if isinstance(params.get(key), str):
            out[f"{key}_label"] = verdict_label(params[key])
    return out


def reason_text(reason: Mapping[str, Any]) -> str:
    """One not-ready reason as a sentence with what to do."""
    return render(message_code("not-ready", reason["code"]), with_labels(reason.get("params", {})))


def readiness_lines(r: Mapping[str, Any]) -> list[str]:
    """The lines under the verdict: why it is not ready and what to do, then by when (review 6, finding 17),
    or that it is ready."""
    if r["recommendation"] == "insufficient_data":
        return []
    reasons = r.get("not_ready", [])
    if not reasons:
        return [render("debrief.ready")]
    lead = [render("debrief.leaning", {"label": verdict_label(r["leaning"])})] if r.get("leaning") else []
    return lead + [reason_text(x) for x in reasons] + [render("debrief.not-ready-deadline")]


def similar_message(params: Mapping[str, Any]) -> Msg:
    """The `similar_candidates` warning's message: one other name, or the listed ones and how many more
    (core/evaluate.js similarMessage)."""
    others = list(params.get("others") or [])
    if len(others) == 1 and not params.get("more"):
        return Msg.of("warning.similar-candidates", candidate=params.get("candidate", ""), other=others[0])
    more = Msg.of("warning.similar-candidates-more", n=params["more"]) if params.get("more") else ""
    listed = ", ".join(render("warning.similar-candidates-name", {"name": o}) for o in others)
    return Msg.of("warning.similar-candidates-many", candidate=params.get("candidate", ""), others=listed, more=more)


def warning_text(w: Mapping[str, Any]) -> str:
    """A warning's sentence: rendered from its code and params, or the sentence it already carries."""
    if w.get("code") == "similar_candidates" and "params" in w:
        return str(similar_message(w["params"]))
    code = message_code("warning", str(w.get("code", "")))
    if "params" in w and code in MESSAGES:
        return render(code, w["params"])
    if w.get("message"):
        return str(w["message"])
    return render(str(w.get("code", "")), w.get("params") or {})


def with_messages(result: Mapping[str, Any]) -> dict[str, Any]:
    """The result for JSON output: each warning gains its rendered `message` (kept for compatibility)."""
    out = dict(result)
    if "warnings" in result:
        out["warnings"] = [w if "message" in w else {**w, "message": warning_text(w)} for w in result["warnings"]]
    return out
