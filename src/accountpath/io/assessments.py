"""Read assessment files (YAML, JSON, our xlsx assessment or a team workbook) into checked
team.Assessment values, by the card reader's rules: the same rating, date and text values
(cardcheck), every problem at FILE:LINE:COL or FILE:Sheet!Cell.

File format (`assessment: 1`): person, person_id (optional), role, level, assessor,
relation (self | manager), date, ratings ({competency: 1..5 | null} over the model's
competencies), evidence ({competency: text}).

xlsx assessment: sheet «Оценка» (column A labels, column B values, then a table headed `id`
with the rating in «Оценка (1–5)» and the text in «Доказательства»); hidden sheet «meta»:
format accountpath-assessment, role, level, relation.
Team workbook: sheet «Команда», row 1 titles, row 2 ids (person, person_id, assessor, date,
then one column per competency), a person per row from row 3; meta: format accountpath-team,
role, level. Every row is a manager's assessment.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from accountpath.io import xlsx_read
from accountpath.io.cardcheck import FloatText, as_written, date_value, rating_value, text_value, value_text
from accountpath.method.team import RELATIONS, Assessment
from accountpath.model import yamlsource
from accountpath.model.types import Model
from accountpath.model.yamlsource import Document
from accountpath.problems import Problem, close_match
from accountpath.vocab import XLSX_META_SHEET

if TYPE_CHECKING:
    from openpyxl.workbook.workbook import Workbook

KEYS = ("assessment", "person", "person_id", "role", "level", "assessor", "relation", "date", "ratings", "evidence")
VERSIONS = (1,)
SUFFIXES = (".yml", ".yaml", ".json", ".xlsx")
ASSESSMENT_MARK = "accountpath-assessment"
TEAM_MARK = "accountpath-team"
SHEET = "Оценка"
TEAM_SHEET = "Команда"
TEAM_FIRST_ROW = 3
TEAM_HEAD = ("person", "person_id", "assessor", "date")
HEAD_LABELS = {
    "Сотрудник": "person",
    "id сотрудника": "person_id",
    "Кто оценивает": "assessor",
    "Дата": "date",
}
"""Column A labels of the xlsx assessment and the field their column-B cell fills."""
ID_HEADER = "id"
RATING_HEADER = "Оценка (1–5)"
EVIDENCE_HEADER = "Доказательства"


def _problem(doc: Document, path: tuple[str | int, ...], code: str, *, key: bool = False, **params: Any) -> Problem:
    line, col = doc.pos(path, key=key)
    return Problem.at(doc.path, line, col, code, **params)


def _text(doc: Document, data: dict[str, Any], key: str, out: list[Problem], *, required: bool) -> str | None:
    value = data.get(key)
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            out.append(
                _problem(doc, (key,) if key in data else (), "assessment.missing", key=key not in data, field=key)
            )
        return None
    if isinstance(value, bool) or not isinstance(value, (str, int, float, FloatText)):
        out.append(_problem(doc, (key,), "assessment.not-text", field=key))
        return None
    return " ".join(value_text(value).split())


def assessment_from_data(doc: Document, model: Model) -> tuple[Assessment | None, list[Problem]]:
    """Check parsed assessment data (positions from `doc`) and build an Assessment, or every problem found."""
    data = as_written(doc)
    if not isinstance(data, dict):
        return None, [_problem(doc, (), "assessment.not-mapping")]
    out: list[Problem] = []
    for key in data:
        if key not in KEYS:
            out.append(
                _problem(
                    doc,
                    (key,),
                    "assessment.unknown-key",
                    key=True,
                    field=key,
                    hint=close_match(str(key), KEYS) or "",
                    fields=", ".join(KEYS),
                )
            )
    version = data.get("assessment")
    if isinstance(version, bool) or version not in VERSIONS:  # `true` is no version 1
        out.append(
            _problem(
                doc,
                ("assessment",) if "assessment" in data else (),
                "assessment.version",
                value=value_text(data.get("assessment")),
            )
        )
    person = _text(doc, data, "person", out, required=True)
    person_id = _text(doc, data, "person_id", out, required=False)
    assessor = _text(doc, data, "assessor", out, required=True)
    role_id = _text(doc, data, "role", out, required=True)
    level_id = _text(doc, data, "level", out, required=True)
    relation = _text(doc, data, "relation", out, required=True)
    if relation is not None and relation not in RELATIONS:
        out.append(_problem(doc, ("relation",), "assessment.relation", value=relation))
    date, reason = date_value(data.get("date"))
    if reason:
        out.append(_problem(doc, ("date",), "assessment.value", field="date", reason=reason))
    role = model.role(role_id) if role_id else None
    if role_id and role is None:
        out.append(
            _problem(
                doc, ("role",), "assessment.unknown-role", role=role_id, roles=", ".join(r.id for r in model.roles)
            )
        )
    if role and level_id and role.level(level_id) is None:
        out.append(
            _problem(
                doc,
                ("level",),
                "assessment.unknown-level",
                role=role.id,
                level=level_id,
                levels=", ".join(lv.id for lv in role.levels),
            )
        )
    ratings = _mapping(doc, data, "ratings", model, out, rating_value)
    evidence = {k: v for k, v in _mapping(doc, data, "evidence", model, out, text_value).items() if v}
    if out:
        return None, sorted(out)
    full: dict[str, int | None] = {c.id: ratings.get(c.id) for c in model.competencies}
    return (
        Assessment(
            person=person or "",
            person_id=person_id,
            role=role_id or "",
            level=level_id or "",
            assessor=assessor or "",
            relation=relation or "",
            date=date,
            ratings=full,
            evidence=evidence,
            source=doc.path,
            line=doc.pos(("person",))[0],
        ),
        [],
    )


def _mapping(
    doc: Document, data: dict[str, Any], key: str, model: Model, out: list[Problem], parse: Any
) -> dict[str, Any]:
    raw = data.get(key)
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        out.append(_problem(doc, (key,), "assessment.not-competency-map", field=key))
        return {}
    found: dict[str, Any] = {}
    ids = [c.id for c in model.competencies]
    for cid, value in raw.items():
        if model.competency(str(cid)) is None:
            out.append(
                _problem(
                    doc,
                    (key, cid),
                    "assessment.unknown-competency",
                    key=True,
                    competency=str(cid),
                    hint=close_match(str(cid), ids) or "",
                    ids=", ".join(ids),
                )
            )
            continue
        parsed, reason = parse(value)
        if reason:
            out.append(_problem(doc, (key, cid), "assessment.value", field=f"{key}.{cid}", reason=reason))
        else:
            found[cid] = parsed
    return found


# ---------------------------------------------------------------- files


def read_assessments(path: str | Path, model: Model) -> tuple[list[Assessment], list[Problem]]:
    """Every assessment in a file: one for an assessment file, one per filled row of a team workbook."""
    if xlsx_read.is_xlsx(path):
        return _read_xlsx(path, model)
    doc, problems = yamlsource.load(path, str(path))
    if doc is None or problems:
        return [], problems
    found, problems = assessment_from_data(doc, model)
    return ([found] if found else []), problems


def assessment_files(paths: list[str]) -> tuple[list[Path], list[Problem]]:
    """The assessment files of every path: a folder's files (hidden and lock files skipped), or a file itself."""
    files: dict[Path, None] = {}
    problems: list[Problem] = []
    for path in paths:
        p = Path(path)
        if p.is_dir():
            for f in sorted(p.rglob("*")):
                rel = f.relative_to(p).parts
                if f.is_file() and f.suffix.lower() in SUFFIXES and not any(x.startswith((".", "~$")) for x in rel):
                    files[f] = None
        elif p.is_file():
            files[p] = None
        else:
            problems.append(Problem.at(str(p), 0, 0, "assessment.no-file"))
    return list(files), problems


def read_all(paths: list[str], model: Model) -> tuple[list[Assessment], list[Problem]]:
    """Every assessment of the paths (folders, files, team workbooks) and every problem found."""
    files, problems = assessment_files(paths)
    found: list[Assessment] = []
    for f in files:
        got, trouble = read_assessments(f, model)
        found += got
        problems += trouble
    return found, problems


# ---------------------------------------------------------------- xlsx


class _Cells:
    def __init__(self, label: str, data: dict[str, Any]):
        self.doc = Document(label, data)

    def at(self, key_path: tuple[str | int, ...], row: int, col: int) -> None:
        self.doc.value_pos[key_path] = (row, col)
        self.doc.key_pos[key_path] = (row, col)


def _located(
    label: str, sheet: str, found: Assessment | None, problems: list[Problem]
) -> tuple[Assessment | None, list[Problem]]:
    out = [
        Problem(f"{label}:{sheet}!{xlsx_read.column_letter(max(p.col, 1))}{p.line}", 0, 0, p.code, p.params)
        if p.line
        else p
        for p in problems
    ]
    return found, out


def _meta(wb: Workbook) -> dict[str, Any]:
    rows = wb[XLSX_META_SHEET].iter_rows(min_row=1, max_row=20, max_col=2)
    return {str(r[0].value): r[1].value for r in rows if r[0].value}


def _read_xlsx(path: str | Path, model: Model) -> tuple[list[Assessment], list[Problem]]:
    wb, problems = xlsx_read.open_workbook(path)
    if wb is None:
        return [], problems
    label = str(path)
    meta = _meta(wb) if XLSX_META_SHEET in wb.sheetnames else {}
    if meta.get("format") == ASSESSMENT_MARK and SHEET in wb.sheetnames:
        found, trouble = _assessment_sheet(wb, label, meta, model)
        return ([found] if found else []), trouble
    if meta.get("format") == TEAM_MARK and TEAM_SHEET in wb.sheetnames:
        return _team_sheet(wb, label, meta, model)
    return [], [Problem.at(label, 1, 0, "assessment.not-ours")]


def _cell_problems(wb: Workbook, label: str, sheet: str, max_row: int, max_col: int) -> dict[int, list[Problem]]:
    """Row -> its cells' problems (a formula never computed, a text too long), as the card
    reader refuses them (xlsx_read.cell_problems) and the browser's team page does."""
    rows, _beyond = xlsx_read.sheet_rows(wb, sheet, max_row, max_col)
    out = {r: xlsx_read.cell_problems(label, sheet, {r: cells}) for r, cells in rows.items()}
    return {r: found for r, found in out.items() if found}


def _assessment_sheet(
    wb: Workbook, label: str, meta: dict[str, Any], model: Model
) -> tuple[Assessment | None, list[Problem]]:
    bad = _cell_problems(wb, label, SHEET, xlsx_read.CARD_ROWS, xlsx_read.CARD_COLUMNS)
    if bad:
        return None, [p for r in sorted(bad) for p in bad[r]]
    ws = wb[SHEET]
    data: dict[str, Any] = {
        "assessment": meta.get("assessment"),
        "role": meta.get("role"),
        "level": meta.get("level"),
        "relation": meta.get("relation"),
    }
    cells = _Cells(label, data)
    columns: dict[str, int] = {}
    for row in ws.iter_rows(min_row=1, max_row=ws.max_row):
        first = row[0]
        title = first.value.strip() if isinstance(first.value, str) else None
        if not columns and title in HEAD_LABELS and len(row) > 1:
            data[HEAD_LABELS[title]] = xlsx_read.cell_value(row[1].value)
            cells.at((HEAD_LABELS[title],), row[1].row, 2)
        elif not columns and title == ID_HEADER:
            columns = {str(c.value).strip(): c.column for c in row if c.value is not None}
        elif columns and title and model.competency(title):
            rc = ws.cell(row=first.row, column=columns.get(RATING_HEADER, 4))
            data.setdefault("ratings", {})[title] = xlsx_read.cell_value(rc.value)
            cells.at(("ratings", title), rc.row, rc.column)
            ec = ws.cell(row=first.row, column=columns.get(EVIDENCE_HEADER, 5))
            if ec.value is not None:
                data.setdefault("evidence", {})[title] = xlsx_read.cell_value(ec.value)
                cells.at(("evidence", title), ec.row, ec.column)
    return _located(label, SHEET, *assessment_from_data(cells.doc, model))


def _team_sheet(wb: Workbook, label: str, meta: dict[str, Any], model: Model) -> tuple[list[Assessment], list[Problem]]:
    bad = _cell_problems(wb, label, TEAM_SHEET, xlsx_read.ROUND_ROWS, xlsx_read.ROUND_COLUMNS)
    merged = [  # a merged range from the id row down hides an id or a person's row (as in a round workbook)
        Problem.at(
            f"{label}:{TEAM_SHEET}!{xlsx_read.column_letter(c1)}{r1}",
            0,
            0,
            "xlsx.merged-id",
            ref=f"{xlsx_read.column_letter(c1)}{r1}:{xlsx_read.column_letter(c2)}{r2}",
        )
        for r1, c1, r2, c2 in xlsx_read.merged_ranges(wb, TEAM_SHEET)
        if r2 >= 2 and (r1 != r2 or c1 != c2)
    ]
    if merged or any(r < TEAM_FIRST_ROW for r in bad):
        return [], merged + [p for r in sorted(bad) if r < TEAM_FIRST_ROW for p in bad[r]]
    ws = wb[TEAM_SHEET]
    ids = {c.column: str(c.value).strip() for c in ws[2] if c.value is not None}
    found: list[Assessment] = []
    problems: list[Problem] = []
    for r, row in enumerate(ws.iter_rows(min_row=TEAM_FIRST_ROW, max_row=ws.max_row), start=TEAM_FIRST_ROW):
        if r in bad:  # a formula never computed or a text too long: the row is refused
            problems += bad[r]
            continue
        if all(c.value is None or (isinstance(c.value, str) and not c.value.strip()) for c in row):
            continue
        data: dict[str, Any] = {
            "assessment": 1,
            "role": meta.get("role"),
            "level": meta.get("level"),
            "relation": "manager",
            "ratings": {},
        }
        cells = _Cells(label, data)
        for c in row:
            key = ids.get(c.column)
            if key in TEAM_HEAD:
                data[key] = xlsx_read.cell_value(c.value)
                cells.at((key,), c.row, c.column)
            elif key:
                data["ratings"][key] = xlsx_read.cell_value(c.value)
                cells.at(("ratings", key), c.row, c.column)
        cells.doc.value_pos[()] = (row[0].row, 1)
        got, trouble = _located(label, TEAM_SHEET, *assessment_from_data(cells.doc, model))
        problems += trouble
        if got:
            found.append(got)
    return found, problems
