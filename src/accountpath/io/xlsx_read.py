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
import functools
import re
import zipfile
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from accountpath.i18n import N_, in_every_language
from accountpath.io.cardcheck import card_from_data
from accountpath.method.evaluate import Scorecard
from accountpath.model.types import Model
from accountpath.model.yamlsource import DocPath, Document
from accountpath.problems import Problem
from accountpath.vocab import OPEN_BLOCK, XLSX_META_MARK, XLSX_META_SHEET, XLSX_SHEET

if TYPE_CHECKING:  # openpyxl loads on first use (start-up time)
    from openpyxl.workbook.workbook import Workbook

MAX_BYTES = 5 * 1024 * 1024
MAX_UNZIPPED = 50 * 1024 * 1024
"""Limits of an xlsx (stated in README), checked before the work: the archive unpacks to at most
50 MB; a card sheet is read within CARD_ROWS x CARD_COLUMNS (cells outside its layout are
ignored); a round workbook within ROUND_ROWS x ROUND_COLUMNS; a cell holds at most MAX_CELL_CHARS."""
CARD_ROWS = 300
CARD_COLUMNS = 7
ROUND_ROWS = 5000
ROUND_COLUMNS = 300
MAX_CELL_CHARS = 20000
SHEET = XLSX_SHEET  # the same names as the writer (xlsx_card) uses
META_SHEET = XLSX_META_SHEET
META_MARK = XLSX_META_MARK
ROUND_SHEET = "Раунд"
ROUND_MARK = "accountpath-round"
HEAD_FIELDS = {
    N_("Кандидат"): "candidate",
    N_("ID кандидата"): "candidate_id",
    N_("Интервьюер"): "interviewer",
    N_("Дата"): "date",
    N_("Рекомендация"): "recommendation",
    N_("Ключевые выводы"): "takeaways",
    N_("Общие заметки"): "overall_notes",
    OPEN_BLOCK: "open_note",
}
"""Column A labels of the scorecard sheet (Russian ids; the writer translates them into the model's
language) and the field each one's column-B cell fills."""


@functools.cache
def head_labels() -> dict[str, str]:
    """The column A labels in every language, as the reader accepts them: {label: field}."""
    return {word: field for label, field in HEAD_FIELDS.items() for word in in_every_language(label)}


def _column(columns: dict[str, int], header: str, default: int) -> int:
    """The column of a table header written in any language (the default column when it is missing)."""
    return next((columns[word] for word in in_every_language(header) if word in columns), default)


ID_HEADER = "id"
RATING_HEADER = N_("Оценка (1–5)")
NOTES_HEADER = N_("Заметки")
ROUND_HEAD = ("candidate", "interviewer", "date", "recommendation", "takeaways", "candidate_id", "focus")
OPTIONAL_HEAD = ("candidate_id", "focus")
"""Round columns a workbook may lack or leave empty (older workbooks have neither)."""
ROUND_FIRST_ROW = 3
NOTES_PREFIX = "notes:"
FORMULA_START = ("=", "+", "-", "@")
_FORMULA_START = FORMULA_START
_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def is_xlsx(path: str | Path) -> bool:
    """True for a file name ending in .xlsx."""
    return str(path).lower().endswith(".xlsx")


class TooLarge(Exception):
    """A limit of MAX_* exceeded before the work: carries the problem to report."""


def _zip_problem(label: str, path: str | Path) -> Problem | None:
    """A problem when the archive would unpack to more than MAX_UNZIPPED (read from its directory)."""
    with zipfile.ZipFile(path) as archive:
        total = sum(info.file_size for info in archive.infolist())
    if total > MAX_UNZIPPED:
        return Problem.at(
            label, 1, 0, "xlsx.too-large", size=total // (1024 * 1024), limit=MAX_UNZIPPED // (1024 * 1024)
        )
    return None


def open_workbook(path: str | Path) -> tuple[Workbook | None, list[Problem]]:
    """(openpyxl read-only workbook or None, problems): size, zip and format failures become problems.
    The workbook is read lazily (read-only mode): close it with `wb.close()`."""
    from openpyxl import load_workbook

    label = str(path)
    try:
        if Path(path).stat().st_size > MAX_BYTES:
            return None, [Problem.at(label, 0, 0, "read.too-big", limit=MAX_BYTES // 1024 // 1024)]
        dtd = dtd_part(path)
        if dtd:
            return None, [Problem.at(label, 0, 0, "xlsx.dtd", part=dtd)]
        too_large = _zip_problem(label, path)
        if too_large is not None:
            return None, [too_large]
        return load_workbook(path, read_only=True, data_only=True), []
    except FileNotFoundError:
        return None, [Problem.at(label, 0, 0, "file.not-found")]
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


class XCell(NamedTuple):
    """One non-empty cell as read: its place, its (cached) value and whether it holds a formula."""

    row: int
    column: int
    value: Any
    formula: bool = False


Rows = dict[int, dict[int, XCell]]


def sheet_rows(wb: Workbook, name: str, max_row: int, max_col: int) -> tuple[Rows, int | None]:
    """The non-empty cells of a sheet within max_row x max_col, streamed from the sheet XML (never
    the sheet's stated dimensions), and the first row beyond max_row that holds a value (or None).
    Cells right of max_col are ignored."""
    from openpyxl.worksheet._reader import FORMULA_TAG, WorkSheetParser

    class _Parser(WorkSheetParser):  # type: ignore[misc]
        def parse_cell(self, element: Any) -> dict[str, Any]:
            cell: dict[str, Any] = super().parse_cell(element)
            cell["formula"] = element.find(FORMULA_TAG) is not None
            return cell

    ws = wb[name]
    rows: Rows = {}
    with ws._get_source() as src:
        parser = _Parser(
            src,
            ws._shared_strings,
            data_only=True,
            epoch=wb.epoch,
            date_formats=wb._date_formats,
            timedelta_formats=wb._timedelta_formats,
        )
        for idx, row in parser.parse():
            filled = [c for c in row if c["value"] is not None or c["formula"]]
            if idx > max_row:
                return rows, (idx if filled else _first_value_row(ws, max_row))
            cells = {
                c["column"]: XCell(idx, c["column"], c["value"], c["formula"]) for c in filled if c["column"] <= max_col
            }
            if cells:
                rows[idx] = cells
    return rows, None


_VALUE_CELL = re.compile(rb'\br="[A-Z]{1,3}(\d{1,7})"[^>]*(?<!/)>\s*<(?:\w+:)?(?:v|f|is)\b')


def _first_value_row(ws: Any, max_row: int) -> int | None:
    """The first row beyond max_row with a value, by a byte scan of the sheet XML (empty rows
    after the limit cost no parsing)."""
    tail = b""
    with ws._get_source() as src:
        while chunk := src.read(1 << 20):
            data = tail + chunk
            for m in _VALUE_CELL.finditer(data):
                if int(m.group(1)) > max_row:
                    return int(m.group(1))
            tail = data[-300:]
    return None


_MERGE = re.compile(rb'mergeCell\s+ref="([A-Z]{1,3})(\d{1,7})(?::([A-Z]{1,3})(\d{1,7}))?"')


def merged_ranges(wb: Workbook, name: str) -> list[tuple[int, int, int, int]]:
    """(min_row, min_col, max_row, max_col) of every merged range of a sheet, from a byte scan
    of its XML (read-only worksheets do not keep merges)."""
    ws = wb[name]
    found: list[tuple[int, int, int, int]] = []
    tail = b""
    with ws._get_source() as src:
        while chunk := src.read(1 << 20):
            data = tail + chunk
            tail = data[-200:]
            if b"mergeCell" not in data:
                continue
            for m in _MERGE.finditer(data):
                c1, r1 = column_index(m.group(1).decode()), int(m.group(2))
                c2 = column_index(m.group(3).decode()) if m.group(3) else c1
                r2 = int(m.group(4)) if m.group(4) else r1
                found.append((r1, c1, r2, c2))
    return list(dict.fromkeys(found))


def column_index(letters: str) -> int:
    """A -> 1, AA -> 27."""
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n


def _at(label: str, sheet: str, at_row: int, at_col: int, code: str, **params: Any) -> Problem:
    return Problem.at(f"{label}:{sheet}!{column_letter(at_col)}{at_row}", 0, 0, code, **params)


def cell_problems(label: str, sheet: str, rows: Rows) -> list[Problem]:
    """A formula without a saved value, or a text over MAX_CELL_CHARS: problems at their cells."""
    out = []
    for cells in rows.values():
        for c in cells.values():
            if c.formula and c.value is None:
                out.append(_at(label, sheet, c.row, c.column, "xlsx.formula-without-value"))
            elif isinstance(c.value, str) and len(c.value) > MAX_CELL_CHARS:
                out.append(
                    _at(label, sheet, c.row, c.column, "xlsx.cell-too-long", chars=len(c.value), limit=MAX_CELL_CHARS)
                )
    return out


def workbook_kind(wb: Workbook) -> str | None:
    """META_MARK, ROUND_MARK or None for a workbook that is not ours."""
    if META_SHEET not in wb.sheetnames:
        return None
    mark = _meta(wb).get("format")
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
    try:
        return _read_open(wb, str(path), model)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError, EOFError, SyntaxError) as exc:
        return [], [Problem.at(str(path), 0, 0, "xlsx.unreadable", kind=type(exc).__name__)]
    finally:
        wb.close()


def _read_open(wb: Workbook, label: str, model: Model) -> tuple[list[Scorecard], list[Problem]]:
    kind = workbook_kind(wb)
    if kind == META_MARK:
        card, problems = _card_sheet(wb, label, model)
        return ([card] if card else []), problems
    if kind == ROUND_MARK:
        return _round_sheet(wb, label, model)
    return [], [Problem.at(label, 0, 0, "xlsx.not-ours", meta=META_SHEET)]


def read_card(path: str | Path, model: Model) -> tuple[Scorecard | None, list[Problem]]:
    """One filled xlsx scorecard -> (Scorecard or None, problems naming the sheet cell)."""
    found, problems = read_xlsx(path, model)
    if len(found) > 1:
        return None, [Problem.at(str(path), 0, 0, "xlsx.round-as-card")]
    return (found[0] if found else None), problems


def _meta(wb: Workbook) -> dict[str, Any]:
    """The meta sheet's key -> value (column A -> column B, first 20 rows); B1 is the format mark."""
    rows, _beyond = sheet_rows(wb, META_SHEET, 20, 2)
    meta = {str(r[1].value): r[2].value for r in rows.values() if 1 in r and 2 in r and r[1].value}
    first = rows.get(1, {}).get(2)
    meta["format"] = first.value if first else None
    return meta


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

    def at(self, key_path: DocPath, cell: XCell) -> None:
        """Record that the value at key_path came from this cell."""
        self.doc.value_pos[key_path] = (cell.row, cell.column)
        self.doc.key_pos[key_path] = (cell.row, cell.column)


def _blank(row: int, column: int) -> XCell:
    return XCell(row, column, None)


def _card_sheet(wb: Workbook, label: str, model: Model) -> tuple[Scorecard | None, list[Problem]]:
    meta = _meta(wb)
    rows, _beyond = sheet_rows(wb, SHEET, CARD_ROWS, CARD_COLUMNS)  # cells outside the layout are ignored
    problems = cell_problems(label, SHEET, rows)
    data: dict[str, Any] = {"scorecard": meta.get("scorecard"), "role": meta.get("role"), "level": meta.get("level")}
    if meta.get("focus"):
        data["focus"] = str(meta["focus"])
    cells = _Cells(label, data)
    columns: dict[str, int] = {}
    header_row = 0
    seen: dict[str, int] = {}
    for r in sorted(rows):
        row = rows[r]
        first = row.get(1)
        title = first.value.strip() if first is not None and isinstance(first.value, str) else None
        value = row.get(2, _blank(r, 2))
        if title in head_labels():
            data[head_labels()[title]] = cell_value(value.value)
            cells.at((head_labels()[title],), value)
        elif not header_row and title == ID_HEADER:
            header_row = r
            columns = {str(c.value).strip(): c.column for c in row.values() if c.value is not None}
        elif header_row and title and _ID.match(title):  # other notes in column A are not competencies
            if title in seen:
                problems.append(_at(label, SHEET, r, 1, "xlsx.duplicate-id", id=title, first=seen[title]))
                continue
            seen[title] = r
            _competency_row(row, r, title, columns, data, cells)
    if header_row:
        problems += _merged_problems(label, SHEET, wb, lambda r1, c1, r2, c2: c1 == 1 and r2 > r1 and r2 > header_row)
    if problems:
        return None, problems
    return _located(label, SHEET, *card_from_data(cells.doc, model))


def _merged_problems(label: str, sheet: str, wb: Workbook, hides: Any) -> list[Problem]:
    """A merged range that would hide an id (a row or a column): a problem at its first cell."""
    return [
        _at(label, sheet, r1, c1, "xlsx.merged-id", ref=f"{column_letter(c1)}{r1}:{column_letter(c2)}{r2}")
        for r1, c1, r2, c2 in merged_ranges(wb, sheet)
        if hides(r1, c1, r2, c2)
    ]


def _competency_row(
    row: dict[int, XCell], r: int, cid: str, columns: dict[str, int], data: dict[str, Any], cells: _Cells
) -> None:
    col = _column(columns, RATING_HEADER, 6)
    rcell = row.get(col, _blank(r, col))
    data.setdefault("ratings", {})[cid] = cell_value(rcell.value)
    cells.at(("ratings", cid), rcell)
    col = _column(columns, NOTES_HEADER, 7)
    ncell = row.get(col, _blank(r, col))
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


def _round_ids(label: str, rows: Rows) -> tuple[dict[int, str], list[Problem]]:
    """Column -> machine id of the id row (row 2); a formula there, or an id twice, is a problem."""
    ids: dict[int, str] = {}
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    for c in rows.get(2, {}).values():
        if c.formula:
            problems.append(_at(label, ROUND_SHEET, 2, c.column, "xlsx.formula-in-id"))
            continue
        key = str(c.value).strip()
        if key in seen:
            problems.append(
                _at(label, ROUND_SHEET, 2, c.column, "xlsx.duplicate-id", id=key, first=column_letter(seen[key]))
            )
            continue
        seen[key] = c.column
        ids[c.column] = key
    return ids, problems


def _round_sheet(wb: Workbook, label: str, model: Model) -> tuple[list[Scorecard], list[Problem]]:
    meta = _meta(wb)
    rows, beyond = sheet_rows(wb, ROUND_SHEET, ROUND_ROWS, ROUND_COLUMNS)
    if beyond is not None:
        return [], [_at(label, ROUND_SHEET, beyond, 1, "xlsx.too-many-rows", row=beyond, limit=ROUND_ROWS)]
    ids, problems = _round_ids(label, rows)
    problems += _merged_problems(label, ROUND_SHEET, wb, lambda r1, c1, r2, c2: r2 >= 2 and (r1 != r2 or c1 != c2))
    if problems:
        return [], problems
    cards: list[Scorecard] = []
    for r in sorted(rows):
        if r < ROUND_FIRST_ROW:
            continue
        row = rows[r]
        if all(isinstance(c.value, str) and not c.value.strip() for c in row.values()):
            continue
        found = cell_problems(label, ROUND_SHEET, {r: row})
        if found:
            problems += found
            continue
        card, found = _round_card(row, r, ids, meta, label, model)
        problems += found
        if card:
            cards.append(replace(card, source=f"{label}:{ROUND_SHEET}!{r}", lines={}))
    return cards, problems


def _round_card(
    row: dict[int, XCell], r: int, ids: dict[int, str], meta: dict[str, Any], label: str, model: Model
) -> tuple[Scorecard | None, list[Problem]]:
    data: dict[str, Any] = {
        "scorecard": 2,
        "role": meta.get("role"),
        "level": meta.get("level"),
        "ratings": {},
        "notes": {},
    }
    cells = _Cells(label, data)
    for column, key in ids.items():
        c = row.get(column, _blank(r, column))
        if key in ROUND_HEAD:
            if key in OPTIONAL_HEAD and (c.value is None or (isinstance(c.value, str) and not c.value.strip())):
                continue
            data[key] = cell_value(c.value)
            cells.at((key,), c)
        elif key.startswith(NOTES_PREFIX):
            cid = key[len(NOTES_PREFIX) :]
            if c.value is not None:
                data["notes"][cid] = cell_value(c.value)
                cells.at(("notes", cid), c)
        else:
            data["ratings"][key] = cell_value(c.value)
            cells.at(("ratings", key), c)
    cells.doc.value_pos[()] = (r, 1)  # a missing field points at the row
    return _located(label, ROUND_SHEET, *card_from_data(cells.doc, model, lenient=True))
