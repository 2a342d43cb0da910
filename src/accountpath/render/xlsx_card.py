"""The xlsx scorecard: write a blank one (deterministic bytes); xlsx_read reads a filled one back.

Sheet «Оценка» is the form: labels in column A with the value in column B (Кандидат, Интервьюер,
Дата above the table; Рекомендация, Ключевые выводы, Общие заметки below it), and the table
under the `id` header (rating and notes columns found by their titles), as xlsx_read expects.
Sheet «Вопросы» holds what the interviewer reads: target behaviours and each question with what it
shows (open questions), its weak/solid/strong anchors, what to listen for (full cards only) and its red
flags. The hidden sheet «meta» says what the file is (format, version,
role, level, focus).

Everything is locked except the cells to fill. The protection has no password on purpose: it
stops accidental edits of ids, weights and targets (Review > Unprotect Sheet lifts it); the
workbook structure is locked too, so the hidden «meta» sheet is not unhidden or deleted by
mistake. Both sheets print on A4 at full width: repeated header row, a page header with the
candidate, role and level, wrapped text, column widths of about 130 characters in all, no header
cut off; a focused card fits each sheet on one page (two A4 pages in all, in LibreOffice and Excel).
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from accountpath.i18n import N_, _
from accountpath.io.xlsx_read import HEAD_FIELDS, ID_HEADER, META_MARK, META_SHEET, NOTES_HEADER, RATING_HEADER, SHEET
from accountpath.render import xlsx_out
from accountpath.render.cardtext import (
    GRADUATE_FIRST,
    GRADUATE_LEAD,
    OPEN_HOME,
    OPEN_NOTE,
    REVEALS_LABEL,
    level_heading,
    top_rating_rule,
)
from accountpath.render.templating import phrases
from accountpath.vocab import (
    ANCHOR_LABELS,
    CARD_VERSION,
    NOT_ASSESSED,
    OPEN_BLOCK,
    QUESTION_KIND_LABELS,
    RECOMMENDATION_LABELS,
    RECOMMENDATIONS,
    SCORECARD_INSTRUCTION,
    TAKE_HOME_SHEET,
    anchors_rule,
    take_home_rule,
)

if TYPE_CHECKING:  # scorecard imports this module
    from accountpath.model.types import Model
    from accountpath.render.scorecard import Card, Item

LABELS = {field: label for label, field in HEAD_FIELDS.items()}
"""Column A label of each field (the reader's HEAD_FIELDS turned round): one source for both."""
QUESTIONS_SHEET = "Вопросы"
HEADER_ROW = 8
FIRST_ROW = HEADER_ROW + 1
HEADER = (ID_HEADER, N_("Компетенция"), N_("Вес"), N_("Обязательная"), N_("Цель"), RATING_HEADER, NOTES_HEADER)
WIDTHS = tuple(max(w, len(h) + 3) for w, h in zip((20, 30, 6, 8, 6, 12, 56), HEADER))
"""Column widths (characters): no header is cut off («Обязательная» included)."""
RATING_COL = HEADER.index(RATING_HEADER) + 1  # F
NOTES_COL = HEADER.index(NOTES_HEADER) + 1  # G
REF_WIDTHS = (22, 88)
FILL = "FFF4CC"


def _styles() -> dict[str, Any]:  # openpyxl styles (untyped)
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side

    thin = Side(style="thin", color="999999")
    return {
        "wrap": Alignment(wrap_text=True, vertical="top"),
        "bold": Font(bold=True),
        "box": Border(left=thin, right=thin, top=thin, bottom=thin),
        "fill": PatternFill("solid", fgColor=FILL),
        "open": Protection(locked=False),
        "head": PatternFill("solid", fgColor=xlsx_out.HEAD_FILL),
    }


def _to_fill(cell: Any, st: dict[str, Any]) -> None:
    """A cell the interviewer fills: unlocked, yellow, boxed, wrapped."""
    cell.protection = st["open"]
    cell.fill = st["fill"]
    cell.border = st["box"]
    cell.alignment = st["wrap"]


def row_height(text: str, width: float, line: float = 13.0) -> float:
    """Points for a wrapped cell of this column width (characters): Excel does not fit row heights itself."""
    lines = sum(max(1, math.ceil(len(part) / max(width - 2, 1))) for part in str(text).split("\n"))
    return round(lines * line + 4, 1)


def _page(ws: Any, c: Card, landscape: bool) -> None:
    """A4, full width, header with candidate, role and level; page numbers in the footer."""
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 1 if c.focused else 0  # a focused card: one page a sheet, two in all
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.page_margins.top = ws.page_margins.bottom = 0.7
    candidate = c.candidate or "____________"
    ws.oddHeader.left.text = (_("Кандидат: {name}").format(name=candidate)).replace("&", "&&")
    ws.oddHeader.right.text = c.title.replace("&", "&&")
    ws.oddFooter.right.text = _("Стр. &P из &N")


def _protect(ws: Any) -> None:
    ws.protection.sheet = True
    ws.protection.formatRows = False  # rows may grow for long notes
    ws.protection.formatColumns = False


def _head(ws: Any, c: Card, st: dict[str, Any]) -> None:
    ws["A1"] = xlsx_out.cell_text(c.heading)
    ws["A1"].font = _bold14()
    ws.merge_cells("A1:G1")
    instruction = _(SCORECARD_INSTRUCTION)
    ws["A2"] = instruction
    ws["A2"].alignment = st["wrap"]
    ws.merge_cells("A2:G2")
    ws.row_dimensions[2].height = row_height(instruction, sum(WIDTHS))
    names = ", ".join(it.competency.name for it in c.items)
    focus = _("На этом листе — {names}") if c.focused else _("Все компетенции роли: {names}")
    ws["A3"] = focus.format(names=names)
    ws["A3"].alignment = st["wrap"]
    ws.merge_cells("A3:G3")
    ws.row_dimensions[3].height = row_height(ws["A3"].value, sum(WIDTHS))
    for row, field in enumerate(("candidate", "interviewer", "date"), start=4):
        ws.cell(row=row, column=1, value=_(LABELS[field])).font = st["bold"]
        value = getattr(c, field)
        cell = ws.cell(row=row, column=2, value=xlsx_out.cell_text(value) if value else None)
        _to_fill(cell, st)
    top = max(s.level for s in c.model.scale)
    ws["D4"] = (
        _("Шкала: ")
        + "; ".join(f"{s.level} — {s.name}" for s in c.model.scale)
        + ".\n"
        + top_rating_rule(c.model)
        + ". "
        + (take_home_rule(top) if c.interviewer == TAKE_HOME_SHEET else anchors_rule(top))
        + "."
    )
    ws["D4"].alignment = st["wrap"]
    ws.merge_cells("D4:G6")
    for row in (4, 5, 6):  # the scale and the rule for 5 wrap over the three rows of the merged cell
        ws.row_dimensions[row].height = max(15.0, round(row_height(ws["D4"].value, sum(WIDTHS[3:])) / 3, 1))


def _bold14() -> Any:  # an openpyxl Font
    from openpyxl.styles import Font

    return Font(bold=True, size=14)


def _table(ws: Any, c: Card, st: dict[str, Any]) -> int:
    """The competency rows under the header; returns the last row used."""
    from openpyxl.worksheet.datavalidation import DataValidation

    for col, title in enumerate(HEADER, start=1):
        cell = ws.cell(row=HEADER_ROW, column=col, value=_(title))
        cell.font, cell.border, cell.fill, cell.alignment = st["bold"], st["box"], st["head"], st["wrap"]
    dv = DataValidation(
        type="list",
        formula1=f'"1,2,3,4,5,{_(NOT_ASSESSED)}"',
        allow_blank=True,
        showErrorMessage=True,
        errorTitle=_("Оценка"),
        error=_("Выберите 1–5 или «{na}»").format(na=_(NOT_ASSESSED)),
    )
    ws.add_data_validation(dv)
    row = HEADER_ROW
    for it in c.items:
        row += 1
        values = (it.rc.id, it.competency.name, it.rc.weight, _("да") if it.rc.must_have else "", it.target, None, None)
        for col, value in enumerate(values, start=1):
            cell = ws.cell(row=row, column=col, value=xlsx_out.cell_text(value))
            cell.alignment, cell.border = st["wrap"], st["box"]
        _to_fill(ws.cell(row=row, column=RATING_COL), st)
        _to_fill(ws.cell(row=row, column=NOTES_COL), st)
        dv.add(ws.cell(row=row, column=RATING_COL).coordinate)
        ws.row_dimensions[row].height = 75
    return row


def _closing(ws: Any, row: int, st: dict[str, Any], c: Card | None = None) -> None:
    """Рекомендация (drop-down of the four labels), Ключевые выводы, Общие заметки: labels in A, values in B;
    last, where the card has open questions, their block: the label OPEN_BLOCK, the note cell (no rating) and
    the questions below it."""
    from openpyxl.worksheet.datavalidation import DataValidation

    labels = [_(RECOMMENDATION_LABELS[code]) for code in RECOMMENDATIONS]  # the reader accepts every language
    dv = DataValidation(
        type="list",
        formula1='"' + ",".join(labels) + '"',
        allow_blank=True,
        showErrorMessage=True,
        errorTitle=_(LABELS["recommendation"]),
        error=_("Выберите рекомендацию из списка"),
    )
    ws.add_data_validation(dv)
    hints = {
        "recommendation": _("Выберите: {labels}. Нейтрального варианта нет.").format(labels=" / ".join(labels)),
        "takeaways": _("Два-три главных вывода: что подтвердилось, что осталось под вопросом."),
        "overall_notes": _("Сильные стороны, риски, что проверить на следующем этапе."),
    }
    for field in ("recommendation", "takeaways", "overall_notes"):
        row += 2 if field == "recommendation" else 1
        ws.cell(row=row, column=1, value=_(LABELS[field])).font = st["bold"]
        cell = ws.cell(row=row, column=2)
        _to_fill(cell, st)
        if field == "recommendation":
            dv.add(cell.coordinate)
            ws.cell(row=row, column=3, value=hints[field]).alignment = st["wrap"]
            ws.merge_cells(start_row=row, start_column=3, end_row=row, end_column=7)
            ws.row_dimensions[row].height = 30
        else:
            ws.merge_cells(start_row=row, start_column=2, end_row=row, end_column=7)
            ws.row_dimensions[row].height = 80
            ws.cell(row=row + 1, column=2, value=hints[field]).font = _grey()
            row += 1
    if c is not None and c.open_questions:
        row += 2
        label = ws.cell(row=row, column=1, value=_(LABELS["open_note"]))
        label.font, label.alignment = st["bold"], st["wrap"]
        cell = ws.cell(row=row, column=2)
        _to_fill(cell, st)
        ws.merge_cells(start_row=row, start_column=2, end_row=row, end_column=7)
        ws.row_dimensions[row].height = 80
        texts = [f"{_(OPEN_NOTE)}."] + [f"{k}. {q.text}" for k, q in enumerate(c.open_questions, start=1)]
        hint = "\n".join(texts)
        ws.cell(row=row + 1, column=2, value=xlsx_out.cell_text(hint)).font = _grey()
        ws.cell(row=row + 1, column=2).alignment = st["wrap"]
        ws.merge_cells(start_row=row + 1, start_column=2, end_row=row + 1, end_column=7)
        ws.row_dimensions[row + 1].height = row_height(hint, sum(WIDTHS[1:]), 11.0)


def _grey() -> Any:  # an openpyxl Font
    from openpyxl.styles import Font

    return Font(color="777777", size=9)


def _reference(ws: Any, c: Card, st: dict[str, Any]) -> None:
    """Sheet «Вопросы»: per competency the behaviours around the target and each question with its anchors."""
    ws.column_dimensions["A"].width, ws.column_dimensions["B"].width = REF_WIDTHS
    ws["A1"] = xlsx_out.cell_text(_("Вопросы и ориентиры: {title}").format(title=c.title))
    ws["A1"].font = _bold14()
    ws.merge_cells("A1:B1")
    row = 2
    for n, it in enumerate(c.items, start=1):
        row += 1
        must = _(", обязательная") if it.rc.must_have else ""
        head = _("{n}. {name} — вес {w}{must}, цель {t} ({id})").format(
            n=n, name=it.competency.name, w=it.rc.weight, must=must, t=it.target, id=it.rc.id
        )
        cell = ws.cell(row=row, column=1, value=xlsx_out.cell_text(head))
        cell.font, cell.fill = st["bold"], st["head"]
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=2)
        for label, text in _reference_rows(c.model, it, c.focused):
            row += 1
            ws.cell(row=row, column=1, value=label).alignment = st["wrap"]
            ws.cell(row=row, column=1).font = st["bold"]
            ws.cell(row=row, column=2, value=xlsx_out.cell_text(text)).alignment = st["wrap"]
            ws.row_dimensions[row].height = max(row_height(text, REF_WIDTHS[1]), row_height(label, REF_WIDTHS[0]))
        row += 1
    if c.open_questions:
        row += 1
        cell = ws.cell(row=row, column=1, value=_(OPEN_BLOCK))
        cell.font, cell.fill = st["bold"], st["head"]
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=2)
        for label, text in _open_rows(c):
            row += 1
            ws.cell(row=row, column=1, value=label).alignment = st["wrap"]
            ws.cell(row=row, column=1).font = st["bold"]
            ws.cell(row=row, column=2, value=xlsx_out.cell_text(text)).alignment = st["wrap"]
            ws.row_dimensions[row].height = max(row_height(text, REF_WIDTHS[1]), row_height(label, REF_WIDTHS[0]))


def _open_rows(c: Card) -> list[tuple[str, str]]:
    """(label, text) rows of the open-question block: the rule, then each question with its competency, what
    it shows, its anchors, what to listen for (full cards only) and the red flags."""
    rows = [("", f"{_(OPEN_NOTE)}.")]
    for k, q in enumerate(c.open_questions, start=1):
        comp = c.model.competency(q.competency)
        home = _(OPEN_HOME).format(name=comp.name if comp else q.competency)
        rows.append((_("Вопрос {k} · {home}").format(k=k, home=home), q.text))
        if q.reveals:
            rows.append((_(REVEALS_LABEL), q.reveals))
        rows += [(_(label), getattr(q.anchors, key)) for key, label in ANCHOR_LABELS.items()]
        if not c.focused:
            rows.append((_("Что хотим услышать"), phrases(q.look_for)))
        rows.append((_("Тревожные признаки"), phrases(q.red_flags)))
    return rows


def _reference_rows(model: Model, it: Item, focused: bool) -> list[tuple[str, str]]:
    """(label, text) rows of one competency: behaviours around the target, then each question with what
    it shows (open questions), its anchors, what to listen for (full cards only) and the red flags."""
    rows = []
    for lv, behaviours in ((it.target - 1, it.below), (it.target, it.at), (it.target + 1, it.above)):
        if behaviours:
            rows.append((level_heading(model, lv, it.target), phrases(behaviours)))
    for k, q in enumerate(it.questions, start=1):
        label = _("Вопрос {k} · {kind}").format(k=k, kind=_(QUESTION_KIND_LABELS[q.kind]).lower())
        if it.graduate_first and k == 1:
            label += f" · {_(GRADUATE_FIRST if it.instead else GRADUATE_LEAD)}"
        rows.append((label, q.text))
        if q.reveals:
            rows.append((_(REVEALS_LABEL), q.reveals))
        rows += [(_(label), getattr(q.anchors, key)) for key, label in ANCHOR_LABELS.items()]
        if not focused:
            rows.append((_("Что хотим услышать"), phrases(q.look_for)))
        rows.append((_("Тревожные признаки"), phrases(q.red_flags)))
    return rows


def write(c: Any) -> bytes:
    """The blank xlsx scorecard for a scorecard.Card (full or focused), as deterministic bytes."""
    from openpyxl.workbook.protection import WorkbookProtection

    st = _styles()
    wb = xlsx_out.new_workbook()
    ws = wb.active
    ws.title = SHEET
    for col, width in zip("ABCDEFG", WIDTHS):
        ws.column_dimensions[col].width = width
    _head(ws, c, st)
    _closing(ws, _table(ws, c, st), st, c)
    ws.freeze_panes = ws.cell(row=FIRST_ROW, column=3)
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    _page(ws, c, landscape=True)
    _protect(ws)
    ref = wb.create_sheet(QUESTIONS_SHEET)
    _reference(ref, c, st)
    _page(ref, c, landscape=False)
    _protect(ref)
    meta = wb.create_sheet(META_SHEET)
    pairs = (
        ("format", META_MARK),
        ("scorecard", CARD_VERSION),
        ("role", c.role.id),
        ("level", c.level.id),
        ("focus", ",".join(c.focus)),
    )
    for r, (k, v) in enumerate(pairs, start=1):
        meta.cell(row=r, column=1, value=k)
        meta.cell(row=r, column=2, value=v)
    meta.sheet_state = "hidden"
    _protect(meta)
    wb.security = WorkbookProtection(lockStructure=True)
    return xlsx_out.save(wb)
