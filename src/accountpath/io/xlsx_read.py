"""Read filled xlsx files: one scorecard, or a round workbook (one row per interviewer and candidate).

Both turn cells into the same plain data a YAML card gives and go through cardcheck, so the
values accepted and the messages are those of every other format; a problem names the sheet
cell (`FILE:Оценка!F9`). openpyxl is imported on first use: most runs read no xlsx.

Round workbook layout (written by round_xlsx.round_workbook):
- sheet «Раунд»: row 1 the column titles for people, row 2 the machine ids, one scorecard per
  row from row 3: candidate, interviewer, date, recommendation, takeaways, then for each
  competency of the role its rating column (id) and its notes column (`notes:` + id);
- hidden sheet «meta»: format accountpath-round, role, level.
"""

from __future__ import annotations

import datetime
import re
import zipfile
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from accountpath.io.cardcheck import card_from_data
from accountpath.method.evaluate import Scorecard
from accountpath.model.types import Model
from accountpath.model.yamlsource import DocPath, Document
from accountpath.problems import Problem
from accountpath.vocab import XLSX_META_MARK, XLSX_META_SHEET, XLSX_SHEET

if TYPE_CHECKING:  # openpyxl loads on first use (start-up time)
    from openpyxl.cell.cell import Cell
    from openpyxl.workbook.workbook import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

MAX_BYTES = 5 * 1024 * 1024
SHEET = XLSX_SHEET  # the same names as the writer (xlsx_card) uses
META_SHEET = XLSX_META_SHEET
META_MARK = XLSX_META_MARK
ROUND_SHEET = "Раунд"
ROUND_MARK = "accountpath-round"
HEAD_FIELDS = {
    "Кандидат": "candidate",
    "Интервьюер": "interviewer",
    "Дата": "date",
    "Рекомендация": "recommendation",
    "Ключевые выводы": "takeaways",
    "Общие заметки": "overall_notes",
}
"""Column A labels of the scorecard sheet and the field each one's column-B cell fills."""
ID_HEADER = "id"
RATING_HEADER = "Оценка (1–5)"
NOTES_HEADER = "Заметки"
ROUND_HEAD = ("candidate", "interviewer", "date", "recommendation", "takeaways")
ROUND_FIRST_ROW = 3
NOTES_PREFIX = "notes:"
FORMULA_START = ("=", "+", "-", "@")
_FORMULA_START = FORMULA_START
_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def is_xlsx(path: str | Path) -> bool:
    """True for a file name ending in .xlsx."""
    return str(path).lower().endswith(".xlsx")


def open_workbook(path: str | Path) -> tuple[Workbook | None, list[Problem]]:
    """(openpyxl workbook or None, problems): size, zip and format failures become problems."""
    from openpyxl import load_workbook

    label = str(path)
    try:
        if Path(path).stat().st_size > MAX_BYTES:
            return None, [Problem.at(label, 0, 0, "read.too-big", limit=MAX_BYTES // 1024 // 1024)]
        dtd = dtd_part(path)
        if dtd:
            return None, [Problem.at(label, 0, 0, "xlsx.dtd", part=dtd)]
        return load_workbook(path, data_only=True), []
    except FileNotFoundError:
        return None, [Problem.at(label, 0, 0, "read.not-found")]
    except zipfile.BadZipFile:
        return None, [Problem.at(label, 0, 0, "xlsx.not-zip")]
    except Exception as exc:  # openpyxl raises many kinds on a broken workbook
        return None, [Problem.at(label, 0, 0, "xlsx.unreadable", kind=type(exc).__name__)]


def dtd_part(path: str | Path) -> str | None:
    """The first XML part of the workbook that declares a DTD (<!DOCTYPE ...>: entities, external
    or not), or None. Such a part is refused, as the browser does (core/xlsx.js)."""
    with zipfile.ZipFile(path) as zf:
        for info in sorted(zf.infolist(), key=lambda i: i.filename):
            if info.filename.endswith((".xml", ".rels", ".vml")):
                with zf.open(info) as part:
                    head = part.read(4096)
                if b"<!doctype" in head.lower():
                    return info.filename
    return None


def workbook_kind(wb: Workbook) -> str | None:
    """META_MARK, ROUND_MARK or None for a workbook that is not ours."""
    if META_SHEET not in wb.sheetnames:
        return None
    mark = wb[META_SHEET]["B1"].value
    if mark == META_MARK and SHEET in wb.sheetnames:
        return META_MARK
    if mark == ROUND_MARK and ROUND_SHEET in wb.sheetnames:
        return ROUND_MARK
    return None


def read_xlsx(path: str | Path, model: Model) -> tuple[list[Scorecard], list[Problem]]:
    """Every scorecard in an xlsx file: one for a scorecard workbook, one per row for a round workbook."""
    wb, problems = open_workbook(path)
    if wb is None:
        return [], problems
    kind = workbook_kind(wb)
    if kind == META_MARK:
        card, problems = _card_sheet(wb, str(path), model)
        return ([card] if card else []), problems
    if kind == ROUND_MARK:
        return _round_sheet(wb, str(path), model)
    return [], [Problem.at(str(path), 0, 0, "xlsx.not-ours", meta=META_SHEET)]


def read_card(path: str | Path, model: Model) -> tuple[Scorecard | None, list[Problem]]:
    """One filled xlsx scorecard -> (Scorecard or None, problems naming the sheet cell)."""
    found, problems = read_xlsx(path, model)
    if len(found) > 1:
        return None, [Problem.at(str(path), 0, 0, "xlsx.round-as-card")]
    return (found[0] if found else None), problems


def _meta(wb: Workbook) -> dict[str, Any]:
    rows = wb[META_SHEET].iter_rows(min_row=1, max_row=20, max_col=2)
    return {str(r[0].value): r[1].value for r in rows if r[0].value}


def cell_value(value: Any) -> Any:
    """A cell as plain data: dates become YYYY-MM-DD, a protective leading ' is dropped."""
    if isinstance(value, datetime.datetime):
        return value.date().isoformat() if value.time() == datetime.time() else value.isoformat()
    if isinstance(value, str) and value.startswith("'") and value[1:2] in _FORMULA_START:
        return value[1:]
    return value


class _Cells:
    """A Document whose positions are (row, column) of sheet cells."""

    def __init__(self, label: str, data: dict[str, Any]):
        self.doc = Document(label, data)

    def at(self, key_path: DocPath, cell: Cell) -> None:
        """Record that the value at key_path came from this cell."""
        self.doc.value_pos[key_path] = (cell.row, cell.column)
        self.doc.key_pos[key_path] = (cell.row, cell.column)


def _card_sheet(wb: Workbook, label: str, model: Model) -> tuple[Scorecard | None, list[Problem]]:
    meta = _meta(wb)
    ws = wb[SHEET]
    data: dict[str, Any] = {"scorecard": meta.get("scorecard"), "role": meta.get("role"), "level": meta.get("level")}
    if meta.get("focus"):
        data["focus"] = str(meta["focus"])
    cells = _Cells(label, data)
    columns: dict[str, int] = {}
    header_row = 0
    for row in ws.iter_rows(min_row=1, max_row=ws.max_row):
        first = row[0]
        title = first.value.strip() if isinstance(first.value, str) else None
        if not header_row and title in HEAD_FIELDS and len(row) > 1:
            data[HEAD_FIELDS[title]] = cell_value(row[1].value)
            cells.at((HEAD_FIELDS[title],), row[1])
        elif not header_row and title == ID_HEADER:
            header_row = first.row
            columns = {str(c.value).strip(): c.column for c in row if c.value is not None}
        elif header_row and title in HEAD_FIELDS and len(row) > 1:
            data[HEAD_FIELDS[title]] = cell_value(row[1].value)
            cells.at((HEAD_FIELDS[title],), row[1])
        elif header_row and title and _ID.match(title):  # other notes in column A are not competencies
            _competency_row(ws, first.row, title, columns, data, cells)
    return _located(label, SHEET, *card_from_data(cells.doc, model))


def _competency_row(
    ws: Worksheet, r: int, cid: str, columns: dict[str, int], data: dict[str, Any], cells: _Cells
) -> None:
    rcell = ws.cell(row=r, column=columns.get(RATING_HEADER, 6))
    data.setdefault("ratings", {})[cid] = cell_value(rcell.value)
    cells.at(("ratings", cid), rcell)
    ncell = ws.cell(row=r, column=columns.get(NOTES_HEADER, 7))
    if ncell.value is not None:
        data.setdefault("notes", {})[cid] = cell_value(ncell.value)
        cells.at(("notes", cid), ncell)


def _located(
    label: str, sheet: str, card: Scorecard | None, found: list[Problem]
) -> tuple[Scorecard | None, list[Problem]]:
    """Problems with the sheet cell in place of line:column."""
    out = [
        Problem(f"{label}:{sheet}!{column_letter(max(p.col, 1))}{p.line}", 0, 0, p.code, p.params) if p.line else p
        for p in found
    ]
    return card, out


def column_letter(col: int) -> str:
    """1 -> A, 27 -> AA."""
    letters = ""
    while col:
        col, rem = divmod(col - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def _round_sheet(wb: Workbook, label: str, model: Model) -> tuple[list[Scorecard], list[Problem]]:
    meta = _meta(wb)
    ws = wb[ROUND_SHEET]
    ids = {c.column: str(c.value).strip() for c in ws[2] if c.value is not None}
    cards: list[Scorecard] = []
    problems: list[Problem] = []
    for row in ws.iter_rows(min_row=ROUND_FIRST_ROW, max_row=ws.max_row):
        if all(c.value is None or (isinstance(c.value, str) and not c.value.strip()) for c in row):
            continue
        data: dict[str, Any] = {
            "scorecard": 2,
            "role": meta.get("role"),
            "level": meta.get("level"),
            "ratings": {},
            "notes": {},
        }
        cells = _Cells(label, data)
        for c in row:
            key = ids.get(c.column)
            if key in ROUND_HEAD:
                data[key] = cell_value(c.value)
                cells.at((key,), c)
            elif key and key.startswith(NOTES_PREFIX):
                cid = key[len(NOTES_PREFIX) :]
                if c.value is not None:
                    data["notes"][cid] = cell_value(c.value)
                    cells.at(("notes", cid), c)
            elif key:
                data["ratings"][key] = cell_value(c.value)
                cells.at(("ratings", key), c)
        cells.doc.value_pos[()] = (row[0].row, 1)  # a missing field points at the row
        card, found = _located(label, ROUND_SHEET, *card_from_data(cells.doc, model))
        problems += found
        if card:
            cards.append(replace(card, source=f"{label}:{ROUND_SHEET}!{row[0].row}", lines={}))
    return cards, problems
