"""The debrief: the panel result plus the evidence behind it (core, pure, no I/O).

`debrief()` returns evaluate.evaluate()'s result unchanged (the method does not move) with
keys added:
- per competency `interviewer_ratings` ([{"interviewer", "rating"}], every interviewer, null
  when not rated) and `notes` ([{"interviewer", "text"}], every note);
- `recommendations` ([{"interviewer", "recommendation"}], the interviewer's own call or null)
  and `takeaways` ([{"interviewer", "text"}], non-empty only);
- `fragile`: the verdict before the not-ready checks (evaluate.base_result) recomputed without
  each interviewer's ratings of the competencies someone else also rated (panels of two
  included; ratings nobody else gave stay), listed where it changes: [{"without",
  "recommendation", "gap", "coverage", "failed_must_haves", "must_have_ratings"}], with
  `must_have_ratings` ({id: mean or null} without them) for each must-have whose pass or fail changes;
- `warnings`: [{"code", "params"}] (codes in vocab.WARNINGS; the sentence is rendered at the
  edge from messages.MESSAGES as "warning.<code>"): single_interviewer, extreme_without_note
  (a 1 or a 5 with no note), unrated_focus (a competency in an interviewer's focus they did not
  rate), missing_recommendation, thin_note (one per interviewer: the competencies whose rating is
  THIN_DISTANCE or more from the target with a note that names no example, see `names_an_example`,
  as params {interviewer, competencies: [{competency, competency_name, rating, target}]} in the role's
  order: one warning per interviewer, not one per competency); similar_candidates is added by rounds.
"""

from __future__ import annotations

import re
from typing import Any, Mapping, Sequence

from accountpath.method.evaluate import (
    Scorecard,
    base_result,
    evaluate,
    leave_one_out,
    means_of,
    round2,
    without_shared,
)
from accountpath.model.types import Model

EXTREMES = (1, 5)
THIN_DISTANCE = 2
"""A rating this far from the target (or farther) needs a note that names an example."""

_WORD = re.compile(r"[^\W\d_]+")
_PAST = ("л", "ла", "ло", "ли", "лся", "лась", "лось", "лись")


def coded(code: str, **params: Any) -> dict[str, Any]:
    """One warning in the contract's shape: a code and its parameters."""
    return {"code": code, "params": params}


def names_an_example(note: str) -> bool:
    """The thin-note rule: a note names an example when it has a number, the word «клиент»
    (or "client") in any form, or a verb in the past tense (a word of four or more letters ending
    in -л, -ла, -ло, -ли, -лся, -лась, -лось or -лись: «провёл», «договорилась»)."""
    text = note.casefold()
    if any(ch.isdigit() for ch in text) or "клиент" in text or "client" in text:
        return True
    return any(len(w) >= 4 and w.endswith(_PAST) for w in _WORD.findall(text))


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
    """Where leaving out one interviewer's shared ratings changes the verdict before the not-ready checks."""
    role = model.role(result["role"])
    level = role.level(result["level"]) if role else None
    if role is None or level is None:
        return []
    here = base_result(model, result["role"], result["level"], cards)
    out = []
    for i, alt in leave_one_out(model, role, level, cards):
        if alt["recommendation"] == here["recommendation"]:
            continue
        before, after = set(here["failed_must_haves"]), set(alt["failed_must_haves"])
        means = means_of(role, without_shared(list(cards), i))
        out.append(
            {
                "without": cards[i].interviewer,
                "recommendation": alt["recommendation"],
                "gap": round2(alt["gap"]),
                "coverage": round2(alt["coverage"]),
                "failed_must_haves": alt["failed_must_haves"],
                "must_have_ratings": {
                    rc.id: round2(means.get(rc.id))
                    for rc in role.competencies
                    if rc.must_have and (rc.id in before) != (rc.id in after)
                },
            }
        )
    return out


def panel_warnings(model: Model, cards: Sequence[Scorecard]) -> list[dict[str, Any]]:
    """Warnings about the panel itself, card by card in the role's competency order (a card's
    thin_note after its other warnings: one warning listing every thin note of that interviewer)."""
    out = []
    if len(cards) == 1:
        out.append(coded("single_interviewer", interviewer=cards[0].interviewer))
    names = {c.id: c.name for c in model.competencies}
    role = model.role(cards[0].role) if cards else None
    level = role.level(cards[0].level) if role else None
    order = [rc.id for rc in role.competencies] if role else []
    for card in cards:
        if card.recommendation is None:
            out.append(coded("missing_recommendation", interviewer=card.interviewer))
        thin: list[dict[str, Any]] = []
        for cid in order:
            rating = card.ratings.get(cid)
            note = card.notes.get(cid) or ""
            name = names.get(cid, cid)
            if cid in card.focus and rating is None:
                out.append(coded("unrated_focus", interviewer=card.interviewer, competency=cid, competency_name=name))
            if rating is None:
                continue
            target = level.targets.get(cid) if level else None
            if rating in EXTREMES and not note:
                out.append(
                    coded(
                        "extreme_without_note",
                        interviewer=card.interviewer,
                        rating=rating,
                        competency=cid,
                        competency_name=name,
                    )
                )
            elif target is not None and abs(rating - target) >= THIN_DISTANCE and not names_an_example(note):
                thin.append({"competency": cid, "competency_name": name, "rating": rating, "target": target})
        if thin:
            out.append(coded("thin_note", interviewer=card.interviewer, competencies=thin))
    return out
