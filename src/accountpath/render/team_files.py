"""Blank assessment files (YAML with the level's behaviours as comments, JSON, xlsx) and the
team workbook (one protected sheet, a row per person, a column per competency, drop-downs).
The layouts are the ones io.assessments reads; the same input gives the same bytes."""

from __future__ import annotations

import json
from typing import Any

from accountpath.i18n import _
from accountpath.io.assessments import (
    ASSESSMENT_MARK,
    EVIDENCE_HEADER,
    HEAD_LABELS,
    ID_HEADER,
    RATING_HEADER,
    SHEET,
    TEAM_FIRST_ROW,
    TEAM_HEAD,
    TEAM_MARK,
    TEAM_SHEET,
)
from accountpath.model.types import Model, Role, RoleLevel
from accountpath.render import xlsx_out
from accountpath.render.cardtext import card_title
from accountpath.vocab import NOT_ASSESSED, XLSX_META_SHEET

BLANK_ROWS = 30


def _resolve(model: Model, role_id: str, level_id: str) -> tuple[Role, RoleLevel]:
    role = model.role(role_id)
    level = role.level(level_id) if role else None
    if role is None or level is None:
        raise ValueError(f"unknown role or level: {role_id}/{level_id}")
    return role, level


def filename(role_id: str, level_id: str, fmt: str) -> str:
    """The default file name of a blank assessment."""
    return f"assessment-{role_id}-{level_id}.{'yml' if fmt == 'yaml' else fmt}"


def _comment(text: str, indent: str = "") -> str:
    return f"{indent}# " + " ".join(str(text).split())


def blank_data(model: Model, role_id: str, level_id: str, relation: str = "self") -> dict[str, Any]:
    """The blank assessment as plain data: every competency of the model unrated."""
    role, level = _resolve(model, role_id, level_id)
    return {
        "assessment": 1,
        "person": "",
        "person_id": "",
        "role": role.id,
        "level": level.id,
        "assessor": "",
        "relation": relation,
        "date": None,
        "ratings": {c.id: None for c in model.competencies},
        "evidence": {c.id: "" for c in model.competencies},
    }


def blank_yaml(model: Model, role_id: str, level_id: str, relation: str = "self") -> str:
    """The fillable YAML form: each competency with the level's target and its behaviours as comments."""
    role, level = _resolve(model, role_id, level_id)
    scale = {s.level: s.name for s in model.scale}
    lines = [
        "# " + _("Account Path: оценка сотрудника (самооценка или оценка руководителя)"),
        _comment(
            _("{title} (роль {rid}, уровень {lid})").format(title=card_title(role, level), rid=role.id, lid=level.id)
        ),
        "# " + _("Шкала: ") + "; ".join(f"{s.level} — {s.name}" for s in model.scale),
        "# " + _("Оценивайте по примерам из работы за последние полгода; пример запишите в evidence."),
        "# " + _("Командный обзор: `accountpath team ПАПКА_С_ОЦЕНКАМИ`"),
        "assessment: 1",
        'person: ""  ' + _comment(_("ФИО сотрудника")),
        'person_id: ""  ' + _comment(_("табельный номер или другой id (необязательно)")),
        f"role: {role.id}",
        f"level: {level.id}",
        'assessor: ""  ' + _comment(_("кто оценивает: сам сотрудник или его руководитель")),
        f"relation: {relation}  " + _comment(_("self — самооценка, manager — оценка руководителя")),
        "date: null  " + _comment(_("ГГГГ-ММ-ДД")),
        "ratings:  " + _comment(_("целое 1..5 или null, если оценить нечем")),
    ]
    for c in model.competencies:
        target = level.targets[c.id]
        rc = role.weighted(c.id)
        mark = (_(", обязательная") if rc.must_have else "") if rc else _(", роль не проверяет")
        lines.append("")
        lines.append(
            _comment(
                f"{c.name}: " + _("цель — {t} ({name}){mark}").format(t=target, name=scale[target], mark=mark), "  "
            )
        )
        for b in c.levels.get(target, ()):
            lines.append(_comment(b, "    "))
        lines.append(f"  {c.id}: null")
    lines.append("evidence:  " + _comment(_("пример из работы по каждой компетенции: что сделал, где, с каким итогом")))
    for c in model.competencies:
        lines.append(f'  {c.id}: ""')
    return "\n".join(lines) + "\n"


def blank_json(model: Model, role_id: str, level_id: str, relation: str = "self") -> str:
    """The blank assessment as JSON (what the self-assessment page reads back)."""
    return json.dumps(blank_data(model, role_id, level_id, relation), ensure_ascii=False, indent=2) + "\n"


def _meta(wb: Any, rows: tuple[tuple[str, Any], ...]) -> None:
    meta = wb.create_sheet(XLSX_META_SHEET)
    for r, (k, v) in enumerate(rows, start=1):
        meta.cell(row=r, column=1, value=k)
        meta.cell(row=r, column=2, value=v)
    meta.protection.sheet = True
    meta.sheet_state = "hidden"


def _rating_validation() -> Any:
    from openpyxl.worksheet.datavalidation import DataValidation

    return DataValidation(
        type="list",
        formula1=f'"1,2,3,4,5,{NOT_ASSESSED}"',
        allow_blank=True,
        showErrorMessage=True,
        errorTitle=_("Оценка"),
        error=_("Выберите 1–5 или «не оценивалось»"),
    )


def blank_xlsx(model: Model, role_id: str, level_id: str, relation: str = "self") -> bytes:
    """The blank assessment as a protected xlsx sheet (head fields, then a row per competency)."""
    from openpyxl.styles import Alignment, Font, Protection

    role, level = _resolve(model, role_id, level_id)
    wb = xlsx_out.new_workbook()
    ws = wb.active
    ws.title = SHEET
    ws.cell(row=1, column=1, value=card_title(role, level)).font = Font(bold=True, size=14)
    row = 2
    for label in HEAD_LABELS:
        ws.cell(row=row, column=1, value=label).font = Font(bold=True)
        ws.cell(row=row, column=2).protection = Protection(locked=False)
        row += 1
    row += 1
    xlsx_out.header(
        ws,
        row,
        (ID_HEADER, _("Компетенция"), _("Цель"), RATING_HEADER, EVIDENCE_HEADER, _("Поведение на уровне цели")),
        (22, 30, 8, 12, 50, 60),
    )
    validation = _rating_validation()
    ws.add_data_validation(validation)
    for c in model.competencies:
        row += 1
        target = level.targets[c.id]
        ws.cell(row=row, column=1, value=c.id)
        ws.cell(row=row, column=2, value=c.name)
        ws.cell(row=row, column=3, value=target)
        rating = ws.cell(row=row, column=4)
        rating.protection = Protection(locked=False)
        validation.add(rating.coordinate)
        evidence = ws.cell(row=row, column=5)
        evidence.protection = Protection(locked=False)
        evidence.alignment = Alignment(wrap_text=True, vertical="top")
        ws.cell(row=row, column=6, value=" ".join(c.levels.get(target, ()))).alignment = Alignment(
            wrap_text=True, vertical="top"
        )
    ws.protection.sheet = True
    _meta(
        wb,
        (
            ("format", ASSESSMENT_MARK),
            ("assessment", 1),
            ("role", role.id),
            ("level", level.id),
            ("relation", relation),
        ),
    )
    return xlsx_out.save(wb)


def team_workbook(model: Model, role_id: str, level_id: str) -> bytes:
    """A blank team workbook: a manager rates all their people, a row per person, drop-downs."""
    from openpyxl.styles import Font, Protection

    role, level = _resolve(model, role_id, level_id)
    wb = xlsx_out.new_workbook()
    ws = wb.active
    ws.title = TEAM_SHEET
    titles = [_("Сотрудник"), _("id сотрудника"), _("Руководитель (кто оценивает)"), _("Дата (ГГГГ-ММ-ДД)")]
    ids = list(TEAM_HEAD)
    for c in model.competencies:
        rc = role.weighted(c.id)
        mark = _(" (обяз.)") if rc and rc.must_have else ""
        titles.append(f"{c.name}{mark}: " + _("цель {t}").format(t=level.targets[c.id]))
        ids.append(c.id)
    xlsx_out.header(ws, 1, titles, [28, 14, 24, 14] + [16] * len(model.competencies))
    ws.row_dimensions[1].height = 60
    for col, key in enumerate(ids, start=1):
        ws.cell(row=2, column=col, value=key).font = Font(color="888888", size=8)
    last = TEAM_FIRST_ROW + BLANK_ROWS - 1
    validation = _rating_validation()
    ws.add_data_validation(validation)
    for col, key in enumerate(ids, start=1):
        letter = xlsx_out.column_letter(col)
        if key not in TEAM_HEAD:
            validation.add(f"{letter}{TEAM_FIRST_ROW}:{letter}{last}")
        for row in range(TEAM_FIRST_ROW, last + 1):
            ws.cell(row=row, column=col).protection = Protection(locked=False)
    ws.protection.sheet = True
    ws.freeze_panes = ws.cell(row=TEAM_FIRST_ROW, column=2)
    ws.page_setup.orientation = "landscape"
    _meta(wb, (("format", TEAM_MARK), ("role", role.id), ("level", level.id)))
    return xlsx_out.save(wb)
