"""Present a hiring round: a terminal table, Markdown, HTML (also the PDF's source) and CSV (the xlsx is round_xlsx).

A round loses nothing without saying so: every format carries every warning (fragility
included) and the refused cards or rows (file, row or line, what was wrong). CSV: the
`warnings` column holds the codes; the refused cards follow the candidates as a `problems`
section (a blank line, then `problem_file,line,col,code,message` rows).

Results come ranked from rounds.evaluate_round(). Text and Markdown are for people (Russian,
decimal comma, a loud line for every warning); CSV is for machines: stable English column
ids, recommendation codes, dot decimals, lists joined with ';'.
"""

from __future__ import annotations

import csv
import io
from html import escape
from typing import Any, Iterable, Mapping, Sequence

from accountpath.i18n import N_, _, percent, two_places
from accountpath.render.debrief_text import warning_text
from accountpath.render.mdtext import md_escape
from accountpath.vocab import verdict_label

ROUND_COLUMNS = (
    "candidate",
    "role",
    "level",
    "interviewers",
    "recommendation",
    "gap",
    "coverage",
    "failed_must_haves",
    "disagreements",
    "best_fit_level",
    "warnings",
)


def text_table(table: Sequence[Sequence[str]]) -> list[str]:
    """Rows padded into columns, a rule under the first (header) row."""
    widths = [max(len(t[i]) for t in table) for i in range(len(table[0]))]
    lines = []
    for i, t in enumerate(table):
        lines.append("  ".join(cell.ljust(widths[j]) for j, cell in enumerate(t)).rstrip())
        if i == 0:
            lines.append("  ".join("-" * w for w in widths).rstrip())
    return lines


def round_rows(results: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """One flat row per candidate, in the order given (ranked)."""
    rows = []
    for r in results:
        rows.append(
            {
                "candidate": r["candidate"],
                "role": r["role"],
                "level": r["level"],
                "interviewers": len(r["interviewers"]),
                "recommendation": r["recommendation"],
                "gap": r["gap"],
                "coverage": r["coverage"],
                "failed_must_haves": list(r["failed_must_haves"]),
                "disagreements": [c["id"] for c in r["competencies"] if c["disagreement"]],
                "best_fit_level": r["best_fit_level"],
                "warnings": sorted(
                    {w["code"] for w in r.get("warnings", [])} | ({"fragile"} if r.get("fragile") else set())
                ),
                "warning_messages": [warning_text(w) for w in r.get("warnings", [])],
                "warning_codes": [w["code"] for w in r.get("warnings", [])],
                "fragile": [_fragile_line(f) for f in r.get("fragile", [])],
                "problems": [p.get("message", "") for p in r.get("problems", [])],
                "decision": r.get("decision"),
            }
        )
    return rows


def _fragile_line(f: Mapping[str, Any]) -> str:
    return _("Итог держится на листе одного интервьюера ({name}): без него итог был бы «{label}»").format(
        name=f["without"], label=verdict_label(f["recommendation"])
    )


def _notes(row: Mapping[str, Any]) -> list[str]:
    """Everything a reader must see about one candidate: warnings, fragility, refused cards, the recorded decision."""
    out = list(row["warning_messages"]) + list(row["fragile"])
    out += [_("Не учтён лист: {message}").format(message=m) for m in row["problems"]]
    if row.get("decision"):
        out += decision_lines(row["decision"])
    return out


def problem_lines(problems: Iterable[Any]) -> list[str]:
    """Refused cards or rows as `file:line: what was wrong` (Problem objects)."""
    return [str(p) for p in problems]


PROBLEM_COLUMNS = ("problem_file", "line", "col", "code", "message")


def _safe(v: str) -> str:
    """A cell that starts like a formula gets a leading '."""
    return "'" + v if v[:1] in ("=", "+", "-", "@") else v


def round_csv(results: Sequence[Mapping[str, Any]], problems: Sequence[Any] = ()) -> str:
    """The round as CSV (lists joined with ';'; a candidate name that starts like a formula gets a leading ');
    the refused cards and rows follow as a `problems` section after a blank line."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(ROUND_COLUMNS)
    for row in round_rows(results):
        cells = []
        for k in ROUND_COLUMNS:
            v = row[k]
            v = ";".join(v) if isinstance(v, list) else ("" if v is None else str(v))
            if k == "candidate":
                v = _safe(v)
            cells.append(v)
        w.writerow(cells)
    if problems:
        w.writerow([])
        w.writerow(PROBLEM_COLUMNS)
        for p in problems:
            j = p.as_json()
            w.writerow([_safe(str(j["file"])), j["line"], j["col"], j["code"], _safe(j["message"])])
    return buf.getvalue()


def round_text(results: Sequence[Mapping[str, Any]], problems: Sequence[Any] = ()) -> str:
    """The round as a terminal table, best first, with a loud line for every similar-name warning."""
    head = (
        "#",
        _("Кандидат"),
        _("Интервьюеров"),
        _("Роль/уровень"),
        _("Итог"),
        _("Отклонение"),
        _("Оценено (доля веса)"),
        _("Обязательные не пройдены"),
        _("Расхождения"),
        _("Уровень"),
        _("Предупреждения"),
    )
    table = [head]
    rows = round_rows(results)
    for i, row in enumerate(rows, start=1):
        table.append(
            (
                str(i),
                row["candidate"],
                str(row["interviewers"]),
                f"{row['role']}/{row['level']}",
                verdict_label(row["recommendation"]),
                two_places(row["gap"]),
                percent(row["coverage"]),
                ", ".join(row["failed_must_haves"]) or "—",
                ", ".join(row["disagreements"]) or "—",
                row["best_fit_level"] or "—",
                str(len(row["warning_messages"])) if row["warning_messages"] else "—",
            )
        )
    loud = [m for row in rows for m in _similar(row)]
    lines = loud + ([""] if loud else []) + text_table(table)
    noted = [(row, _notes(row)) for row in rows]
    if any(n for _row, n in noted):
        lines += ["", _("Предупреждения и решения:")]
        for row, notes in noted:
            lines += [f"  {row['candidate']}: {n}" for n in notes]
    if problems:
        lines += ["", _("Не учтено (листы и строки с ошибками; исправьте и запустите снова):")]
        lines += [f"  {p}" for p in problem_lines(problems)]
    return "\n".join(lines) + "\n"


def _similar(row: Mapping[str, Any]) -> list[str]:
    return [
        _("ВНИМАНИЕ: {message}").format(message=m)
        for m, code in zip(row["warning_messages"], row["warning_codes"])
        if code == "similar_candidates"
    ]


def _cells(i: int, row: Mapping[str, Any]) -> list[str]:
    return [
        str(i),
        row["candidate"],
        str(row["interviewers"]),
        f"{row['role']} / {row['level']}",
        verdict_label(row["recommendation"]),
        two_places(row["gap"]),
        percent(row["coverage"]),
        ", ".join(row["failed_must_haves"]) or "—",
        ", ".join(row["disagreements"]) or "—",
        row["best_fit_level"] or "—",
    ]


def _heads() -> list[str]:
    return [
        "#",
        _("Кандидат"),
        _("Интервьюеров"),
        _("Роль / уровень"),
        _("Итог"),
        _("Отклонение"),
        _("Оценено (доля веса)"),
        _("Обязательные не пройдены"),
        _("Расхождения"),
        _("Подходящий уровень"),
    ]


def round_markdown(results: Sequence[Mapping[str, Any]], problems: Sequence[Any] = ()) -> str:
    """The round as a Markdown table, best first (names escaped), warnings listed under it."""
    lines = ["# " + _("Итоги раунда найма"), "", "| " + " | ".join(_heads()) + " |", "| --- " * 10 + "|"]
    rows = round_rows(results)
    lines += ["| " + " | ".join(md_escape(c) for c in _cells(i, row)) + " |" for i, row in enumerate(rows, start=1)]
    warned = [(row, _notes(row)) for row in rows if _notes(row)]
    if warned:
        lines += ["", "## " + _("Предупреждения"), ""]
        lines += [f"- **{md_escape(row['candidate'])}**: {md_escape(m)}" for row, notes in warned for m in notes]
    if problems:
        lines += ["", "## " + _("Не учтено"), ""]
        lines += [f"- {md_escape(p)}" for p in problem_lines(problems)]
    return "\n".join(lines) + "\n"


ROUND_STYLE = (
    "@page{size:A4 landscape;margin:12mm}body{font-family:Arial,sans-serif;line-height:1.35}"
    "table{border-collapse:collapse;width:100%;font-size:10pt}th,td{border:1px solid #bbb;padding:1mm 2mm;"
    "text-align:left;vertical-align:top}th{background:#f0f0f0}thead{display:table-header-group}"
    "tr{break-inside:avoid}.warn{color:#b00020;font-weight:bold}"
)


def round_html(results: Sequence[Mapping[str, Any]], problems: Sequence[Any] = ()) -> str:
    """The round as one self-contained HTML page (everything escaped; A4 landscape when printed), best first."""
    rows = round_rows(results)
    title = escape(_("Итоги раунда найма"))
    head = "".join(f"<th>{escape(h)}</th>" for h in _heads())
    body = "".join(
        "<tr>" + "".join(f"<td>{escape(c)}</td>" for c in _cells(i, row)) + "</tr>"
        for i, row in enumerate(rows, start=1)
    )
    loud = "".join(f'<p class="warn">{escape(m)}</p>' for row in rows for m in _similar(row))
    warned = "".join(
        f"<li><strong>{escape(row['candidate'])}</strong>: {escape(m)}</li>" for row in rows for m in _notes(row)
    )
    warnings = f"<h2>{escape(_('Предупреждения'))}</h2><ul>{warned}</ul>" if warned else ""
    if problems:
        listed = "".join(f"<li>{escape(p)}</li>" for p in problem_lines(problems))
        warnings += f'<h2 class="warn">{escape(_("Не учтено"))}</h2><ul>{listed}</ul>'

    return (
        f'<!DOCTYPE html>\n<html lang="ru"><head><meta charset="utf-8"><title>{title}</title>'
        f"<style>{ROUND_STYLE}</style></head><body><h1>{title}</h1>{loud}"
        f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>{warnings}</body></html>\n"
    )


DECISION_LABELS = {"hire": N_("Нанимать"), "no_hire": N_("Не нанимать"), "hold": N_("Отложить")}
"""Labels of a recorded human decision (accountpath decide)."""


def decision_lines(d: Mapping[str, Any]) -> list[str]:
    """A recorded decision (result["decision"]) in sentences: what, who, when, why, override, cards changed since."""
    label = _(DECISION_LABELS.get(d.get("decision", ""), d.get("decision", "")))
    lines = [
        _("Записанное решение ({file}): {label} — {by}, {date}. Причина: {reason}").format(
            file=d.get("file", ""), label=label, by=d.get("by", ""), date=d.get("date", ""), reason=d.get("reason", "")
        )
    ]
    tool = d.get("tool_verdict") or {}
    if d.get("override"):
        lines.append(
            _("Решение расходится с итогом инструмента на тот момент: {verdict}, отклонение {gap}.").format(
                verdict=verdict_label(tool.get("recommendation") or tool.get("verdict") or ""),
                gap=two_places(tool.get("gap")),
            )
        )
    changes = d.get("changes") or {}
    for f in changes.get("changed", []):
        lines.append(
            _(
                "Лист {file} изменён после решения: решение принято по другой его версии. Исправления после "
                "дебрифа сохраняйте новым файлом, чтобы прежняя версия осталась."
            ).format(file=f)
        )
    for f in changes.get("missing", []):
        lines.append(_("Лист {file}, по которому принято решение, больше не найден.").format(file=f))
    for old, new in changes.get("superseded", []):
        lines.append(
            _("Лист исправлен после решения: в решении — {old}, в итоге теперь — {new}.").format(old=old, new=new)
        )
    for f in changes.get("new", []):
        lines.append(_("Лист {file} появился после решения: решение его не учитывало.").format(file=f))
    return lines
