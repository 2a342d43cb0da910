"""Small helpers shared by the xlsx writers of rounds and calibration: deterministic bytes, cell text, styles."""

from __future__ import annotations

import datetime
import io
import re
import zipfile
from collections.abc import Iterable
from typing import Any

from accountpath.io.xlsx_read import column_letter as column_letter  # re-exported for the xlsx writers

FIXED_TIME = (2020, 1, 1, 0, 0, 0)
_FORMULA_START = ("=", "+", "-", "@")
HEAD_FILL = "EEEEEE"
GOOD_FILL = "C8E6C9"
NEAR_FILL = "FFF3C4"
BAD_FILL = "FFCDD2"


_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
CONTROL_MARK = "\ufffd"
"""What a control character becomes in a cell (openpyxl refuses them; a visible mark instead)."""


def clean_text(text: str) -> str:
    """Text without the control characters a workbook cannot hold (CONTROL_MARK in their place)."""
    return _ILLEGAL.sub(CONTROL_MARK, text)


def cell_text(value: object) -> object:
    """The one way user text goes into a cell: control characters become CONTROL_MARK, and text
    that starts like a formula gets a leading ' (never a live formula)."""
    if not isinstance(value, str):
        return value
    value = clean_text(value)
    if value.startswith(_FORMULA_START):
        return "'" + value
    return value


def new_workbook() -> Any:  # openpyxl has no types: a Workbook
    """An empty openpyxl workbook with fixed properties (same model, same bytes)."""
    from openpyxl import Workbook

    wb = Workbook()
    fixed = datetime.datetime(2020, 1, 1)
    wb.properties.creator = "Account Path"
    wb.properties.lastModifiedBy = "Account Path"
    wb.properties.created = fixed
    wb.properties.modified = fixed
    return wb


def header(ws: Any, row: int, titles: Iterable[object], widths: Iterable[float] | None = None) -> None:
    """Bold titles on a grey band; optional column widths."""
    from openpyxl.styles import Alignment, Font, PatternFill

    for col, title in enumerate(titles, start=1):
        cell = ws.cell(row=row, column=col, value=cell_text(title))
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor=HEAD_FILL)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for col, width in enumerate(widths or (), start=1):
        ws.column_dimensions[column_letter(col)].width = width


def fill(cell: Any, colour: str) -> None:
    """Paint a cell."""
    from openpyxl.styles import PatternFill

    cell.fill = PatternFill("solid", fgColor=colour)


def save(wb: Any) -> bytes:
    """The workbook as deterministic bytes: fixed zip timestamps and document dates."""
    buf = io.BytesIO()
    wb.save(buf)
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
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
