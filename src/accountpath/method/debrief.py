"""The debrief: the panel result plus the evidence behind it (core, pure, no I/O).

`debrief()` returns evaluate.evaluate()'s result unchanged (the method does not move) with
keys added:
- per competency `interviewer_ratings` ([{"interviewer", "rating"}], every interviewer, null
  when not rated) and `notes` ([{"interviewer", "text"}], every note);
- `recommendations` ([{"interviewer", "recommendation"}], the interviewer's own call or null)
  and `takeaways` ([{"interviewer", "text"}], non-empty only);
- `fragile`: the result recomputed without each interviewer in turn (when at least two
  remain), listed where the recommendation changes: [{"without", "recommendation", "gap",
  "coverage", "failed_must_haves", "must_have_ratings"}]: the recommendation, weighted gap,
  coverage and failed must-haves without that interviewer, and `must_have_ratings`
  ({id: mean or null} without them) for each must-have whose pass or fail changes;
- `warnings`: [{"code", "message"}]: single_interviewer, extreme_without_note (and
  similar_candidates, added by rounds).
"""

from __future__ import annotations

from typing import Any, Mapping, Sequence

from accountpath.i18n import _
from accountpath.method.evaluate import Scorecard, evaluate, recommendation_only
from accountpath.model.types import Model

EXTREMES = (1, 5)


def warning(code: str, message: str) -> dict[str, str]:
    """One warning in the JSON contract's shape."""
    return {"code": code, "message": message}


def debrief(model: Model, role_id: str, level_id: str, cards: Sequence[Scorecard]) -> dict[str, Any]:
    """The panel result with the evidence, the interviewers' own calls, fragility and warnings."""
    return enrich(model, evaluate(model, role_id, level_id, cards), cards)


def enrich(model: Model, result: Mapping[str, Any], cards: Sequence[Scorecard]) -> dict[str, Any]:
    """Add the debrief keys to an evaluate() result of these cards (the result's own keys stay as they are)."""
    out = dict(result)
    out["competencies"] = [_evidence(row, cards) for row in result["competencies"]]
    out["recommendations"] = [{"interviewer": c.interviewer, "recommendation": c.recommendation} for c in cards]
    out["takeaways"] = [{"interviewer": c.interviewer, "text": c.takeaways} for c in cards if c.takeaways]
    out["fragile"] = fragility(model, result, cards)
    out["warnings"] = panel_warnings(model, cards)
    return out


def _evidence(row: Mapping[str, Any], cards: Sequence[Scorecard]) -> dict[str, Any]:
    cid = row["id"]
    return {
        **row,
        "interviewer_ratings": [{"interviewer": c.interviewer, "rating": c.ratings.get(cid)} for c in cards],
        "notes": [{"interviewer": c.interviewer, "text": c.notes[cid]} for c in cards if c.notes.get(cid)],
    }


def fragility(model: Model, result: Mapping[str, Any], cards: Sequence[Scorecard]) -> list[dict[str, Any]]:
    """Where leaving one interviewer out changes the recommendation (only while two or more remain)."""
    if len(cards) < 3:
        return []
    out = []
    for i, card in enumerate(cards):
        rest = [c for j, c in enumerate(cards) if j != i]
        changed = recommendation_only(model, result["role"], result["level"], rest)
        if changed != result["recommendation"]:
            out.append(_without(model, result, card.interviewer, rest))
    return out


def _without(model: Model, result: Mapping[str, Any], name: str, rest: Sequence[Scorecard]) -> dict[str, Any]:
    """One `fragile` entry: the result without `name`, and the must-haves whose pass or fail that changes."""
    alt = evaluate(model, result["role"], result["level"], rest)
    before, after = set(result["failed_must_haves"]), set(alt["failed_must_haves"])
    return {
        "without": name,
        "recommendation": alt["recommendation"],
        "gap": alt["gap"],
        "coverage": alt["coverage"],
        "failed_must_haves": alt["failed_must_haves"],
        "must_have_ratings": {
            row["id"]: row["rating"]
            for row in alt["competencies"]
            if row["must_have"] and (row["id"] in before) != (row["id"] in after)
        },
    }


def panel_warnings(model: Model, cards: Sequence[Scorecard]) -> list[dict[str, str]]:
    """Warnings about the panel itself: one interviewer alone; a 1 or a 5 with no note."""
    out = []
    if len(cards) == 1:
        out.append(
            warning(
                "single_interviewer",
                _(
                    "Кандидата оценивал один интервьюер ({name}): итог держится на одном мнении. "
                    "Добавьте хотя бы ещё одного интервьюера, прежде чем решать."
                ).format(name=cards[0].interviewer),
            )
        )
    names = {c.id: c.name for c in model.competencies}
    role = model.role(cards[0].role) if cards else None
    order = [rc.id for rc in role.competencies] if role else []
    for card in cards:
        for cid in order:
            rating = card.ratings.get(cid)
            if rating in EXTREMES and not card.notes.get(cid):
                out.append(
                    warning(
                        "extreme_without_note",
                        _(
                            "{name}: оценка {rating} по компетенции «{competency}» без заметки. Крайняя оценка требует "
                            "примера: попросите записать, что кандидат сказал или сделал."
                        ).format(name=card.interviewer, rating=rating, competency=names.get(cid, cid)),
                    )
                )
    return out
