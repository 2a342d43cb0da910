"""The xlsx scorecard: write a blank one (deterministic bytes); xlsx_read reads a filled one back."""

from __future__ import annotations

import io
import re
import zipfile
from typing import Any

from .vocab import NOT_ASSESSED, QUESTION_KIND_LABELS, SCORECARD_INSTRUCTION, XLSX_META_MARK, XLSX_META_SHEET, XLSX_SHEET
from .xlsx_read import FORMULA_START as _FORMULA_START

RATING_COL = 6  # F
NOTES_COL = 7  # G
OVERALL_LABEL = "Общие заметки"

HEADER = ("id", "Компетенция", "Вес", "Обязательная", "Цель", "Оценка (1–5)", "Заметки",
          "Ниже цели", "Соответствует цели", "Выше цели", "Вопросы")
FIXED_TIME = (2020, 1, 1, 0, 0, 0)


def _cell_text(text: str) -> str:
    """Text as a plain cell value: a leading = + - @ would make Excel treat it as a formula."""
    return "'" + text if text.startswith(_FORMULA_START) else text


def write(c: Any) -> bytes:
    """The blank xlsx scorecard for a scorecard.Card."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.worksheet.datavalidation import DataValidation

    wb = Workbook()
    ws = wb.active
    ws.title = XLSX_SHEET
    wrap = Alignment(wrap_text=True, vertical="top")
    bold = Font(bold=True)
    thin = Side(style="thin", color="999999")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    fill = PatternFill("solid", fgColor="FFF4CC")

    ws["A1"] = _cell_text(f"Оценочный лист: {c.role.name}, уровень «{c.level.name}»")
    ws["A1"].font = Font(bold=True, size=14)
    ws["A2"] = SCORECARD_INSTRUCTION
    ws["A2"].alignment = wrap
    ws.merge_cells("A2:K2")
    ws.row_dimensions[2].height = 60
    for row, (label, value) in enumerate((("Кандидат", c.candidate), ("Интервьюер", c.interviewer), ("Дата", c.date)), start=4):
        ws.cell(row=row, column=1, value=label).font = bold
        cell = ws.cell(row=row, column=2, value=_cell_text(value) if value else None)
        cell.fill = fill
        cell.border = box
    ws["D4"] = "Шкала: " + "; ".join(f"{s.level} — {s.name}" for s in c.model.scale)
    ws["D4"].alignment = wrap
    ws.merge_cells("D4:K6")

    head = 8
    for col, title in enumerate(HEADER, start=1):
        cell = ws.cell(row=head, column=col, value=title)
        cell.font = bold
        cell.border = box
    dv = DataValidation(type="list", formula1=f'"1,2,3,4,5,{NOT_ASSESSED}"', allow_blank=True,
                        showErrorMessage=True, errorTitle="Оценка", error=f"Выберите 1–5 или «{NOT_ASSESSED}»")
    ws.add_data_validation(dv)
    row = head
    for it in c.items:
        row += 1
        questions = "\n".join(f"• {q.text} ({QUESTION_KIND_LABELS[q.kind].lower()})" for q in it.questions)
        values = (it.rc.id, it.competency.name, it.rc.weight, "да" if it.rc.must_have else "", it.target, None, None,
                  "\n".join(it.below), "\n".join(it.at), "\n".join(it.above), questions)
        for col, value in enumerate(values, start=1):
            cell = ws.cell(row=row, column=col, value=_cell_text(value) if isinstance(value, str) else value)
            cell.alignment = wrap
            cell.border = box
        ws.cell(row=row, column=RATING_COL).fill = fill
        ws.cell(row=row, column=NOTES_COL).fill = fill
        dv.add(ws.cell(row=row, column=RATING_COL).coordinate)
    row += 2
    ws.cell(row=row, column=1, value=OVERALL_LABEL).font = bold
    ws.cell(row=row, column=2).fill = fill
    ws.cell(row=row, column=2).border = box
    ws.cell(row=row, column=2).alignment = wrap
    ws.merge_cells(start_row=row, start_column=2, end_row=row, end_column=7)
    ws.row_dimensions[row].height = 80
    for col, width in zip("ABCDEFGHIJK", (18, 28, 6, 8, 6, 14, 40, 40, 40, 40, 50)):
        ws.column_dimensions[col].width = width
    ws.freeze_panes = ws.cell(row=head + 1, column=3)
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True

    meta = wb.create_sheet(XLSX_META_SHEET)
    for r, (k, v) in enumerate((("format", XLSX_META_MARK), ("scorecard", 1), ("role", c.role.id), ("level", c.level.id)), start=1):
        meta.cell(row=r, column=1, value=k)
        meta.cell(row=r, column=2, value=v)
    meta.sheet_state = "hidden"
    buf = io.BytesIO()
    wb.save(buf)
    return _deterministic(buf.getvalue())


def _deterministic(data: bytes) -> bytes:
    """Rewrite the zip with fixed timestamps, so the same model gives the same bytes."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            content = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = re.sub(rb"(<dcterms:(created|modified)[^>]*>)[^<]*", rb"\g<1>2020-01-01T00:00:00Z", content)
            zi = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            dst.writestr(zi, content)
    return out.getvalue()
