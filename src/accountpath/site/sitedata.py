"""The compact model the in-browser tools read (assets/data/model.json): scale, evaluation
settings, competencies with behaviours, development steps and questions (level range, answer
anchors), roles with weights and every target, and the glossary."""

from __future__ import annotations

from typing import Any

from accountpath import messages, vocab
from accountpath.io import assessments, cardcheck, cards, xlsx_read
from accountpath.method.promotion import PROMOTION_TOLERANCE
from accountpath.model.types import MANAGER_FROM, TEAM_COMPETENCY, Competency, Model, Question, Role
from accountpath.render import cardtext
from accountpath.render.scorecard import takes_graduates


def _question(q: Question) -> dict[str, Any]:
    return {
        "id": q.id,
        "text": q.text,
        "kind": q.kind,
        "levels": list(q.levels),
        "anchors": {"weak": q.anchors.weak, "solid": q.anchors.solid, "strong": q.anchors.strong},
        "also_for": list(q.also_for),
        "audience": q.audience,
        "roles": list(q.roles),
    }


def _competency(c: Competency) -> dict[str, Any]:
    return {
        "id": c.id,
        "name": c.name,
        "group": c.group,
        "summary": c.summary,
        "levels": {str(n): list(b) for n, b in c.levels.items()},
        "develop": {str(n): list(a) for n, a in c.develop.items()},
        "questions": [_question(q) for q in c.questions],
    }


def _role(r: Role) -> dict[str, Any]:
    return {
        "id": r.id,
        "name": r.name,
        "competencies": [{"id": rc.id, "weight": rc.weight, "must_have": rc.must_have} for rc in r.competencies],
        "levels": [
            {
                "id": lv.id,
                "name": lv.name,
                "time_in_level": lv.time_in_level,
                "targets": dict(lv.targets),
                "scope": dict(lv.scope.rows()) if lv.scope else None,
                "interview": {
                    "interviewers": lv.interview.interviewers,
                    "minutes": lv.interview.minutes,
                    "panel": list(lv.interview.panel),
                    # the competencies each seat rates ([] where the model leaves them to the plan: planmake.js panelFocus)
                    "seats": [{"who": seat.who, "focus": list(seat.focus)} for seat in lv.interview.seats],
                    "unscored": lv.interview.unscored,
                }
                if lv.interview
                else None,
                "graduates": takes_graduates(lv),  # its sheets put a situational question first everywhere
            }
            for lv in r.levels
        ],
        "career_to": list(r.career.to),
    }


def xlsx_layout() -> dict[str, Any]:
    """Where the xlsx readers find things (xlsx_read's names): the browser reads workbooks the same way."""
    return {
        "sheet": xlsx_read.SHEET,
        "meta_sheet": xlsx_read.META_SHEET,
        "meta_mark": xlsx_read.META_MARK,
        "round_sheet": xlsx_read.ROUND_SHEET,
        "round_mark": xlsx_read.ROUND_MARK,
        "head_fields": dict(xlsx_read.HEAD_FIELDS),
        "id_header": xlsx_read.ID_HEADER,
        "rating_header": xlsx_read.RATING_HEADER,
        "notes_header": xlsx_read.NOTES_HEADER,
        "round_head": list(xlsx_read.ROUND_HEAD),
        "round_first_row": xlsx_read.ROUND_FIRST_ROW,
        "notes_prefix": xlsx_read.NOTES_PREFIX,
        "formula_start": list(xlsx_read.FORMULA_START),
        "card_rows": xlsx_read.CARD_ROWS,
        "card_columns": xlsx_read.CARD_COLUMNS,
        "max_cell_chars": xlsx_read.MAX_CELL_CHARS,
    }


def team_layout() -> dict[str, Any]:
    """Where the readers find things in an xlsx assessment and a team workbook (io.assessments' names)."""
    return {
        "assessment_mark": assessments.ASSESSMENT_MARK,
        "team_mark": assessments.TEAM_MARK,
        "sheet": assessments.SHEET,
        "team_sheet": assessments.TEAM_SHEET,
        "team_first_row": assessments.TEAM_FIRST_ROW,
        "team_head": list(assessments.TEAM_HEAD),
        "head_labels": dict(assessments.HEAD_LABELS),
        "id_header": assessments.ID_HEADER,
        "rating_header": assessments.RATING_HEADER,
        "evidence_header": assessments.EVIDENCE_HEADER,
    }


def site_data(model: Model) -> dict[str, Any]:
    """The compact model the in-browser tools read (assets/data/model.json)."""
    ev = model.evaluation
    return {
        "vocab": {
            **vocab.browser_vocab(),
            "xlsx": xlsx_layout(),
            "team_xlsx": team_layout(),
            "scope_labels": dict(vocab.SCOPE_LABELS),
            # what the planner's sheets print beside the questions, as the Python cards do
            "card_texts": {
                "open_block": vocab.OPEN_BLOCK,
                "open_note": cardtext.OPEN_NOTE,
                "graduate_first": cardtext.GRADUATE_FIRST,
                "graduate_lead": cardtext.GRADUATE_LEAD,
            },
        },
        "messages": messages.russian_table(),
        "card_schema": cardcheck.schema(),
        "read_limits": cards.read_limits(),
        "scale": [{"level": s.level, "name": s.name, "summary": s.summary} for s in model.scale],
        "evaluation": {
            "min_coverage": ev.min_coverage,
            "disagreement_spread": ev.disagreement_spread,
            "must_have_tolerance": ev.must_have_tolerance,
            "tolerance": ev.tolerance,
            "bands": {"strong_hire": ev.bands.strong_hire, "hire": ev.bands.hire, "no_hire": ev.bands.no_hire},
        },
        "promotion": {"tolerance": PROMOTION_TOLERANCE},
        "plan_rules": {"team_competency": TEAM_COMPETENCY, "manager_from": MANAGER_FROM},
        "competencies": [_competency(c) for c in model.competencies],
        "roles": [_role(r) for r in model.roles],
        "glossary": [{"term": g.term, "definition": g.definition, "avoid": list(g.avoid)} for g in model.glossary],
    }
