"""Read a filled xlsx scorecard into a yamlsource.Document: the same plain data a YAML card
gives, with sheet cells as positions, so cards.card_from_data checks every format alike.

The layout it reads is the one xlsx_card writes (the rating and notes columns, the overall
notes row, the hidden meta sheet); problems name the cell: `FILE:Оценка!F9: message`.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

from .i18n import N_, _
from .problems import Problem
from .vocab import XLSX_META_MARK, XLSX_META_SHEET, XLSX_SHEET, is_not_assessed
from .yamlsource import MAX_BYTES, Document

RATING_COL = 6  # F
NOTES_COL = 7  # G
FIRST_ROW = 9
"""The first competency row (under the header row 8)."""
OVERALL_LABEL = "Общие заметки"
FORMULA_START = ("=", "+", "-", "@")
"""A text cell starting with one of these is written with a leading ' so it is never a formula."""

_REMAKE = N_("сделайте лист командой `accountpath scorecard --format xlsx`")


def load(path: str | Path, label: str | None = None) -> tuple[Document | None, list[Problem]]:
    """The scorecard data of an xlsx file, or the problems saying why it cannot be read."""
    label = label or str(path)
    wb, problems = _open(path, label)
    if wb is None:
        return None, problems
    meta_sheet = wb[XLSX_META_SHEET]
    meta = {str(r[0].value): r[1].value for r in meta_sheet.iter_rows(min_row=1, max_row=10, max_col=2) if r[0].value}
    data: dict[str, Any] = {"scorecard": meta.get("scorecard"), "role": meta.get("role"), "level": meta.get("level")}
    doc = Document(label, data)
    _read_sheet(wb[XLSX_SHEET], doc)
    return doc, []


def at_cells(label: str, problems: list[Problem]) -> list[Problem]:
    """Problems found in a loaded sheet, with the cell instead of a line (`FILE:Оценка!F9`)."""
    return [
        Problem(f"{label}:{XLSX_SHEET}!{coordinate(p.line, p.col)}", 0, 0, p.message) if p.line else p for p in problems
    ]


def coordinate(row: int, col: int) -> str:
    """A spreadsheet cell name: (9, 6) -> "F9"."""
    letters = ""
    n = max(col, 1)
    while n:
        n, rest = divmod(n - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return f"{letters}{row}"


def _open(path: str | Path, label: str) -> tuple[Any, list[Problem]]:
    from openpyxl import load_workbook  # a second of start-up that YAML-only runs never pay

    try:
        if Path(path).stat().st_size > MAX_BYTES:
            return None, [Problem(label, 1, 0, _("файл больше 5 МБ: это не оценочный лист Account Path"))]
        wb = load_workbook(path, data_only=True)
    except FileNotFoundError:
        return None, [Problem(label, 0, 0, _("файл не найден"))]
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError) as exc:
        return None, [
            Problem(
                label,
                1,
                0,
                _("не читается как файл xlsx ({error}): {remake}").format(error=type(exc).__name__, remake=_(_REMAKE)),
            )
        ]
    except Exception as exc:  # openpyxl raises many kinds on a broken workbook
        return None, [Problem(label, 1, 0, _("не читается как файл xlsx ({error})").format(error=type(exc).__name__))]
    if (
        XLSX_META_SHEET not in wb.sheetnames
        or XLSX_SHEET not in wb.sheetnames
        or wb[XLSX_META_SHEET]["B1"].value != XLSX_META_MARK
    ):
        message = _("этот xlsx не оценочный лист Account Path (нет листа «{sheet}» с отметкой {mark}): {remake}")
        return None, [
            Problem(label, 1, 0, message.format(sheet=XLSX_META_SHEET, mark=XLSX_META_MARK, remake=_(_REMAKE)))
        ]
    return wb, []


def _at(doc: Document, key_path: tuple[str, ...], cell: Any) -> None:
    doc.value_pos[key_path] = (cell.row, cell.column)
    doc.key_pos[key_path] = (cell.row, cell.column)


def _read_sheet(ws: Any, doc: Document) -> None:
    data = doc.data
    for row, key in ((4, "candidate"), (5, "interviewer"), (6, "date")):
        cell = ws.cell(row=row, column=2)
        value = cell.value
        if hasattr(value, "date"):
            value = value.date().isoformat()
        data[key] = _strip_quote(value)
        _at(doc, (key,), cell)
    ratings: dict[str, Any] = {}
    notes: dict[str, str] = {}
    for r in range(FIRST_ROW, ws.max_row + 1):
        first = ws.cell(row=r, column=1).value
        if first == OVERALL_LABEL:
            cell = ws.cell(row=r, column=2)
            data["overall_notes"] = _strip_quote(cell.value) if cell.value is not None else None
            _at(doc, ("overall_notes",), cell)
            break
        if isinstance(first, str) and first.strip():
            cid = first.strip()
            rcell = ws.cell(row=r, column=RATING_COL)
            ratings[cid] = _rating(rcell.value)
            _at(doc, ("ratings", cid), rcell)
            ncell = ws.cell(row=r, column=NOTES_COL)
            if ncell.value is not None:
                notes[cid] = str(ncell.value)
                _at(doc, ("notes", cid), ncell)
    data["ratings"] = ratings
    data["notes"] = notes


def _rating(value: Any) -> Any:
    """A rating cell as the YAML reader would see it: whole numbers, None for not assessed."""
    if isinstance(value, str):
        if is_not_assessed(value):
            return None
        if value.strip().isdigit():
            return int(value.strip())
    elif isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _strip_quote(value: Any) -> Any:
    if isinstance(value, str) and value.startswith("'") and value[1:2] in FORMULA_START:
        return value[1:]
    return value
