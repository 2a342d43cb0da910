"""The compact model the in-browser tools read (assets/data/model.json): scale, evaluation
settings, competencies with behaviours, development steps and questions (level range, answer
anchors), roles with weights and every target, and the glossary."""

from __future__ import annotations

from typing import Any

from accountpath import messages, vocab
from accountpath.io import xlsx_read
from accountpath.model.types import Competency, Model, Question, Role


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


def xlsx_layout() -> dict[str, Any]:
    """Where the xlsx readers find things (xlsx_read's names): the browser reads workbooks the same way."""
    return {"sheet": xlsx_read.SHEET, "meta_sheet": xlsx_read.META_SHEET, "meta_mark": xlsx_read.META_MARK,
            "round_sheet": xlsx_read.ROUND_SHEET, "round_mark": xlsx_read.ROUND_MARK,
            "head_fields": dict(xlsx_read.HEAD_FIELDS), "id_header": xlsx_read.ID_HEADER,
            "rating_header": xlsx_read.RATING_HEADER, "notes_header": xlsx_read.NOTES_HEADER,
            "round_head": list(xlsx_read.ROUND_HEAD), "round_first_row": xlsx_read.ROUND_FIRST_ROW,
            "notes_prefix": xlsx_read.NOTES_PREFIX, "formula_start": list(xlsx_read.FORMULA_START)}


def site_data(model: Model) -> dict[str, Any]:
    """The compact model the in-browser tools read (assets/data/model.json)."""
    ev = model.evaluation
    return {
        "vocab": {**vocab.browser_vocab(), "xlsx": xlsx_layout()},
        "messages": messages.russian_table(),
        "scale": [{"level": s.level, "name": s.name, "summary": s.summary} for s in model.scale],
        "evaluation": {
            "min_coverage": ev.min_coverage,
            "disagreement_spread": ev.disagreement_spread,
            "must_have_tolerance": ev.must_have_tolerance,
            "tolerance": ev.tolerance,
            "bands": {"strong_hire": ev.bands.strong_hire, "hire": ev.bands.hire, "no_hire": ev.bands.no_hire},
        },
        "competencies": [_competency(c) for c in model.competencies],
        "roles": [_role(r) for r in model.roles],
        "glossary": [{"term": g.term, "definition": g.definition, "avoid": list(g.avoid)} for g in model.glossary],
    }
