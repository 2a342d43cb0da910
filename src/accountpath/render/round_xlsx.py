"""Round workbooks for HR: the round's results as xlsx, and a blank round workbook to fill in.

- `round_xlsx(model, results)`: sheet «Итоги» (rank, verdict, gap, coverage, interviewers, fit
  level, warnings), sheet «Сетка» (candidates x competencies, the panel's mean rating coloured
  against the target) and one sheet per candidate with each interviewer's ratings and notes.
- `round_workbook(model, role_id, level_id)`: one sheet where each row is one interviewer's
  scorecard for one candidate (layout in xlsx_read), drop-downs, protected header rows.
Both give the same bytes for the same input.
"""

from __future__ import annotations

import re
from typing import Any, Mapping, Sequence

from accountpath.i18n import _
from accountpath.io.xlsx_read import META_SHEET, NOTES_PREFIX, ROUND_FIRST_ROW, ROUND_HEAD, ROUND_MARK, ROUND_SHEET
from accountpath.model.types import Model
from accountpath.render import xlsx_out
from accountpath.render.debrief_text import fragility_lines, warning_text
from accountpath.vocab import NOT_ASSESSED, RECOMMENDATION_LABELS, verdict_label

BLANK_ROWS = 200
_SHEET_BAD = re.compile(r"[\[\]:*?/\\]")


def _colour(rating: float | None, target: int, tolerance: float) -> str | None:
    if rating is None:
        return None
    if rating >= target - 1e-9:
        return xlsx_out.GOOD_FILL
    if rating >= target - tolerance - 1e-9:
        return xlsx_out.NEAR_FILL
    return xlsx_out.BAD_FILL


def _summary_sheet(ws: Any, model: Model, results: Sequence[Mapping[str, Any]]) -> None:
    xlsx_out.header(
        ws,
        1,
        (
            "#",
            _("Кандидат"),
            _("Итог"),
            _("Код итога"),
            _("Отклонение от цели"),
            _("Оценено (доля веса)"),
            _("Интервьюеров"),
            _("Подходящий уровень"),
            _("Роль"),
            _("Уровень"),
            _("Предупреждения"),
        ),
        (5, 28, 22, 16, 12, 10, 10, 16, 18, 10, 70),
    )
    for i, r in enumerate(results, start=1):
        warnings = (
            [warning_text(w) for w in r.get("warnings", [])]
            + fragility_lines(r, model)[: len(r.get("fragile", []))]
            + [_("Не учтён лист: {message}").format(message=p.get("message", "")) for p in r.get("problems", [])]
        )
        values = (
            i,
            xlsx_out.cell_text(r["candidate"]),
            verdict_label(r["recommendation"]),
            r["recommendation"],
            r["gap"],
            r["coverage"],
            len(r["interviewers"]),
            r["best_fit_level"],
            r["role"],
            r["level"],
            "\n".join(warnings),
        )
        for col, v in enumerate(values, start=1):
            ws.cell(row=i + 1, column=col, value=xlsx_out.cell_text(v))
        ws.cell(row=i + 1, column=6).number_format = "0%"
    ws.freeze_panes = "C2"


def _grid_sheet(ws: Any, model: Model, results: Sequence[Mapping[str, Any]]) -> None:
    names = {c.id: c.name for c in model.competencies}
    present = {row["id"] for r in results for row in r["competencies"]}
    ids = [c.id for c in model.competencies if c.id in present]
    xlsx_out.header(ws, 1, [_("Кандидат")] + [names[c] for c in ids], [28] + [14] * len(ids))
    ws.cell(
        row=len(results) + 3,
        column=1,
        value=_(
            "Цвет: зелёный — на цели или выше; жёлтый — чуть ниже цели "
            "(в пределах допуска); красный — заметно ниже; пусто — не оценивали."
        ),
    )
    tol = model.evaluation.must_have_tolerance
    for i, r in enumerate(results, start=2):
        ws.cell(row=i, column=1, value=xlsx_out.cell_text(r["candidate"]))
        rows = {row["id"]: row for row in r["competencies"]}
        for col, cid in enumerate(ids, start=2):
            row = rows.get(cid)
            if row is None:
                continue
            cell = ws.cell(row=i, column=col, value=row["rating"])
            colour = _colour(row["rating"], row["target"], tol)
            if colour:
                xlsx_out.fill(cell, colour)
    ws.freeze_panes = "B2"


def _sheet_title(rank: int, name: str, used: set[str]) -> str:
    base = _SHEET_BAD.sub(" ", xlsx_out.clean_text(f"{rank}. {name}"))[:31].strip() or str(rank)
    title, k = base, 2
    while title.casefold() in used:
        title = f"{base[:27]} ({k})"
        k += 1
    used.add(title.casefold())
    return title


def _candidate_sheet(ws: Any, model: Model, r: Mapping[str, Any]) -> None:
    names = {c.id: c.name for c in model.competencies}
    who = list(r["interviewers"])
    ws.cell(row=1, column=1, value=xlsx_out.cell_text(r["candidate"]))
    ws.cell(row=2, column=1, value=f"{verdict_label(r['recommendation'])} ({r['recommendation']})")
    for k, line in enumerate(fragility_lines(r, model) + [warning_text(w) for w in r.get("warnings", [])], start=3):
        ws.cell(row=k, column=1, value=xlsx_out.cell_text(line))
    top = 4 + len(fragility_lines(r, model)) + len(r.get("warnings", []))
    xlsx_out.header(
        ws,
        top,
        [_("Компетенция"), _("Цель"), _("Среднее")] + who + [_("Заметки")],
        [36, 8, 10] + [16] * len(who) + [80],
    )
    tol = model.evaluation.must_have_tolerance
    for i, row in enumerate(r["competencies"], start=top + 1):
        given = {x["interviewer"]: x["rating"] for x in row.get("interviewer_ratings", [])}
        notes = "\n".join(f"{n['interviewer']}: {n['text']}" for n in row.get("notes", []))
        values = [names.get(row["id"], row["id"]), row["target"], row["rating"]] + [given.get(w) for w in who]
        for col, v in enumerate(values + [notes or None], start=1):
            ws.cell(row=i, column=col, value=xlsx_out.cell_text(v))
        colour = _colour(row["rating"], row["target"], tol)
        if colour:
            xlsx_out.fill(ws.cell(row=i, column=3), colour)
    calls = {c["interviewer"]: c["recommendation"] for c in r.get("recommendations", [])}
    takeaways = {t["interviewer"]: t["text"] for t in r.get("takeaways", [])}
    base = top + len(r["competencies"]) + 2
    xlsx_out.header(ws, base, (_("Интервьюер"), _("Рекомендация"), _("Ключевые выводы")))
    for k, w in enumerate(who, start=base + 1):
        ws.cell(row=k, column=1, value=xlsx_out.cell_text(w))
        ws.cell(row=k, column=2, value=RECOMMENDATION_LABELS.get(calls.get(w, ""), _("не указана")))
        ws.cell(row=k, column=3, value=xlsx_out.cell_text(takeaways.get(w)) if takeaways.get(w) else None)


def _problems_sheet(ws: Any, problems: Sequence[Any]) -> None:
    xlsx_out.header(ws, 1, (_("Файл"), _("Строка"), _("Что не так")), (50, 10, 100))
    for i, p in enumerate(problems, start=2):
        j = p.as_json()
        ws.cell(row=i, column=1, value=xlsx_out.cell_text(str(j["file"])))
        ws.cell(row=i, column=2, value=j["line"] or None)
        ws.cell(row=i, column=3, value=xlsx_out.cell_text(j["message"]))


def round_xlsx(model: Model, results: Sequence[Mapping[str, Any]], problems: Sequence[Any] = ()) -> bytes:
    """The round's results (rounds.evaluate_round, ranked) as a workbook; refused cards and rows on a sheet
    of their own («Не учтено»), named in the summary's first row."""
    wb = xlsx_out.new_workbook()
    summary = wb.active
    summary.title = _("Итоги")
    _summary_sheet(summary, model, results)
    if problems:
        _problems_sheet(wb.create_sheet(_("Не учтено"), 1), problems)
        row = len(results) + 3
        summary.cell(
            row=row,
            column=2,
            value=_("Не учтено листов и строк с ошибками: {n} — см. лист «Не учтено».").format(n=len(problems)),
        )
        xlsx_out.fill(summary.cell(row=row, column=2), xlsx_out.BAD_FILL)
    _grid_sheet(wb.create_sheet(_("Сетка")), model, results)
    used = {summary.title.casefold(), _("Сетка").casefold(), _("Не учтено").casefold()}
    for rank, r in enumerate(results, start=1):
        _candidate_sheet(wb.create_sheet(_sheet_title(rank, r["candidate"], used)), model, r)
    return xlsx_out.save(wb)


def round_columns(model: Model, role_id: str) -> list[tuple[str, str]]:
    """(machine id, title) of every column of a round workbook for the role."""
    role = model.role(role_id)
    assert role is not None, role_id  # the CLI checks the role id before it builds a workbook
    names = {c.id: c.name for c in model.competencies}
    titles = dict(
        zip(
            ROUND_HEAD,
            (
                _("Кандидат"),
                _("Интервьюер"),
                _("Дата (ГГГГ-ММ-ДД или ДД.ММ.ГГГГ)"),
                _("Рекомендация"),
                _("Ключевые выводы"),
                _("ID кандидата в ATS (необязательно)"),
                _("Фокус интервьюера (id компетенций через запятую; пусто — все)"),
            ),
        )
    )
    cols = [(key, titles[key]) for key in ROUND_HEAD]
    for rc in role.competencies:
        mark = _(" (обяз.)") if rc.must_have else ""
        cols.append((rc.id, f"{names[rc.id]}{mark}: " + _("оценка 1–5")))
        cols.append((NOTES_PREFIX + rc.id, f"{names[rc.id]}: " + _("заметки")))
    return cols


OUT_OF_FOCUS_FILL = "EEEEEE"


def _prefill(ws: Any, cols: Sequence[tuple[str, str]], plan: Mapping[str, Any]) -> None:
    """One row per interviewer of the plan: candidate, id, interviewer, focus; other ratings shaded."""
    index = {key: col for col, (key, _title) in enumerate(cols, start=1)}
    for row, person in enumerate(plan.get("interviewers") or [], start=ROUND_FIRST_ROW):
        values = {
            "candidate": plan.get("candidate"),
            "candidate_id": plan.get("candidate_id"),
            "interviewer": person["name"],
            "focus": ", ".join(person["focus"]),
        }
        for key, value in values.items():
            if value:
                ws.cell(row=row, column=index[key], value=xlsx_out.cell_text(str(value)))
        for key, col in index.items():
            if key not in ROUND_HEAD and not key.startswith(NOTES_PREFIX) and key not in person["focus"]:
                xlsx_out.fill(ws.cell(row=row, column=col), OUT_OF_FOCUS_FILL)


def round_workbook(model: Model, role_id: str, level_id: str, plan: Mapping[str, Any] | None = None) -> bytes:
    """A blank round workbook: one row per interviewer and candidate, drop-downs, protected header rows.

    With a checked interview plan: one row per interviewer of the plan, the candidate (and its
    candidate_id), the interviewer and their focus filled in, and the rating columns outside each
    interviewer's focus shaded grey (they may still be filled)."""
    from openpyxl.styles import Alignment, Font, Protection
    from openpyxl.worksheet.datavalidation import DataValidation

    role = model.role(role_id)
    level = role.level(level_id) if role else None
    if role is None or level is None:
        raise ValueError(f"unknown role or level: {role_id}/{level_id}")
    wb = xlsx_out.new_workbook()
    ws = wb.active
    ws.title = ROUND_SHEET
    cols = round_columns(model, role_id)
    xlsx_out.header(
        ws, 1, [title for _key, title in cols], [24, 24, 16, 18, 40, 18, 30] + [14, 30] * len(role.competencies)
    )
    ws.row_dimensions[1].height = 60
    for col, (key, _title) in enumerate(cols, start=1):
        ws.cell(row=2, column=col, value=key).font = Font(color="888888", size=8)
    last = ROUND_FIRST_ROW + BLANK_ROWS - 1
    rating = DataValidation(
        type="list",
        formula1=f'"1,2,3,4,5,{NOT_ASSESSED}"',
        allow_blank=True,
        showErrorMessage=True,
        errorTitle=_("Оценка"),
        error=_("Выберите 1–5 или «не оценивалось»"),
    )
    calls = DataValidation(
        type="list",
        formula1='"' + ",".join(RECOMMENDATION_LABELS.values()) + '"',
        allow_blank=True,
        showErrorMessage=True,
        errorTitle=_("Рекомендация"),
        error=_("Выберите рекомендацию из списка"),
    )
    ws.add_data_validation(rating)
    ws.add_data_validation(calls)
    for col, (key, _title) in enumerate(cols, start=1):
        letter = xlsx_out.column_letter(col)
        if key == "recommendation":
            calls.add(f"{letter}{ROUND_FIRST_ROW}:{letter}{last}")
        elif key not in ROUND_HEAD and not key.startswith(NOTES_PREFIX):
            rating.add(f"{letter}{ROUND_FIRST_ROW}:{letter}{last}")
        for row in range(ROUND_FIRST_ROW, last + 1):
            cell = ws.cell(row=row, column=col)
            cell.protection = Protection(locked=False)
            if key.startswith(NOTES_PREFIX) or key == "takeaways":
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    if plan:
        _prefill(ws, cols, plan)
    ws.protection.sheet = True
    ws.protection.formatRows = False
    ws.protection.formatColumns = False
    ws.freeze_panes = ws.cell(row=ROUND_FIRST_ROW, column=3)
    ws.print_title_rows = "1:1"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    meta = wb.create_sheet(META_SHEET)
    for r, (k, v) in enumerate((("format", ROUND_MARK), ("round", 1), ("role", role.id), ("level", level.id)), start=1):
        meta.cell(row=r, column=1, value=k)
        meta.cell(row=r, column=2, value=v)
    meta.protection.sheet = True
    meta.sheet_state = "hidden"
    return xlsx_out.save(wb)
