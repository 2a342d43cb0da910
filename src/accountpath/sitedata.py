"""The compact model the in-browser tools read (assets/data/model.json): scale, evaluation
settings, competencies with behaviours, development steps and questions (level range, answer
anchors), roles with weights and every target, and the glossary."""

from __future__ import annotations

from typing import Any

from . import vocab
from .model import Competency, Model, Question, Role


def _question(q: Question) -> dict[str, Any]:
    return {"id": q.id, "text": q.text, "kind": q.kind, "levels": list(q.levels),
            "anchors": {"weak": q.anchors.weak, "solid": q.anchors.solid, "strong": q.anchors.strong},
            "also_for": list(q.also_for)}


def _competency(c: Competency) -> dict[str, Any]:
    return {"id": c.id, "name": c.name, "group": c.group, "summary": c.summary,
            "levels": {str(n): list(b) for n, b in c.levels.items()},
            "develop": {str(n): list(a) for n, a in c.develop.items()},
            "questions": [_question(q) for q in c.questions]}


def _role(r: Role) -> dict[str, Any]:
    return {"id": r.id, "name": r.name,
            "competencies": [{"id": rc.id, "weight": rc.weight, "must_have": rc.must_have} for rc in r.competencies],
            "levels": [{"id": lv.id, "name": lv.name, "time_in_level": lv.time_in_level, "targets": dict(lv.targets)}
                       for lv in r.levels]}


def site_data(model: Model) -> dict[str, Any]:
    """The compact model the in-browser tools read (assets/data/model.json)."""
    ev = model.evaluation
    return {
        "vocab": vocab.browser_vocab(),
        "scale": [{"level": s.level, "name": s.name, "summary": s.summary} for s in model.scale],
        "evaluation": {
            "min_coverage": ev.min_coverage,
            "disagreement_spread": ev.disagreement_spread,
            "must_have_tolerance": ev.must_have_tolerance,
            "bands": {"strong_hire": ev.bands.strong_hire, "hire": ev.bands.hire, "no_hire": ev.bands.no_hire},
        },
        "competencies": [_competency(c) for c in model.competencies],
        "roles": [_role(r) for r in model.roles],
        "glossary": [{"term": g.term, "definition": g.definition, "avoid": list(g.avoid)} for g in model.glossary],
    }
