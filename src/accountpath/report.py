"""Present panel results: a terminal table, the debrief report (md, html) and round tables.
Presentation only: every number comes from evaluate.evaluate()."""

from __future__ import annotations

import csv
import io
import json
from typing import Any, Mapping, Sequence

from markupsafe import Markup

from .evaluate import Scorecard, impact
from .i18n import decimal
from .mdtext import md_escape
from .model import Model
from .radar import radar_svg
from .templating import template_env
from .vocab import verdict_label


def to_json(result: Any) -> str:
    """JSON text of a result or a list of results (the contract's shape)."""
    return json.dumps(result, ensure_ascii=False, indent=2) + "\n"


def _fmt(x: Any) -> str:
    if x is None:
        return "—"
    return decimal(x)


def _pct(x: float | None) -> str:
    return "—" if x is None else f"{round(x * 100)}%"


def view(model: Model, result: Mapping[str, Any], cards: Sequence[Scorecard]) -> dict[str, Any]:
    """Everything the debrief templates show, derived from the result and the cards."""
    role = model.role(result["role"])
    level = role.level(result["level"])
    total = sum(rc.weight for rc in role.competencies)
    names = {c.id: c.name for c in model.competencies}
    rows = []
    for row in result["competencies"]:
        rows.append({**row, "name": names[row["id"]], "impact": impact(row, total),
                     "notes": [(c.interviewer, c.ratings.get(row["id"]), c.notes.get(row["id"], "")) for c in cards]})
    by_impact = sorted(rows, key=lambda r: (r["rating"] is None, -abs(r["impact"]), r["id"]))
    ev = model.evaluation
    best = role.level(result["best_fit_level"]) if result["best_fit_level"] else None
    reasons = []
    if result["recommendation"] == "insufficient_data":
        reasons.append(f"Оценено {_pct(result['coverage'])} веса роли, а нужно не меньше {_pct(ev.min_coverage)}: "
                       "доберите оценки по пропущенным компетенциям.")
    else:
        reasons.append(f"Средневзвешенный разрыв с целевым уровнем: {_fmt(result['gap'])} "
                       f"(«Однозначно нанимать» от {_fmt(ev.bands.strong_hire)}, «Нанимать» от {_fmt(ev.bands.hire)}, «Не нанимать» от {_fmt(ev.bands.no_hire)}).")
        reasons.append(f"Оценено {_pct(result['coverage'])} веса роли (минимум {_pct(ev.min_coverage)}).")
    if result["failed_must_haves"]:
        failed = ", ".join(names[c] for c in result["failed_must_haves"])
        reasons.append(f"Не дотягивают обязательные компетенции (оценка ниже цели больше чем на {_fmt(ev.must_have_tolerance)}): {failed}. "
                       "Поэтому итог не выше «Не нанимать».")
    radar = radar_svg(
        [names[r["id"]] for r in result["competencies"]],
        [("Цель", [r["target"] for r in result["competencies"]], "#888888"),
         ("Оценка панели", [r["rating"] for r in result["competencies"]], "#1565c0")],
        title=f"Оценка панели и цель уровня: {result['candidate']}",
    )
    return {
        "r": result, "role": role, "level": level, "label": verdict_label(result["recommendation"]),
        "reasons": reasons, "rows": by_impact, "disagreements": [r for r in rows if r["disagreement"]],
        "must": [r for r in rows if r["must_have"]], "best": best, "radar": radar, "cards": cards,
        "fmt": _fmt, "pct": _pct, "ev": ev,
    }


def to_markdown(model: Model, result: Mapping[str, Any], cards: Sequence[Scorecard]) -> str:
    """The debrief report in Markdown (names escaped)."""
    return template_env(False).get_template("report.md.j2").render(**view(model, result, cards))


def to_html(model: Model, result: Mapping[str, Any], cards: Sequence[Scorecard]) -> str:
    """The debrief report as one self-contained HTML file (everything escaped)."""
    v = view(model, result, cards)
    v["radar"] = Markup(v["radar"])  # built by radar_svg, which escapes every label itself
    return template_env(True).get_template("report.html.j2").render(**v)


def _text_table(table: Sequence[Sequence[str]]) -> list[str]:
    """Rows padded into columns, a rule under the first (header) row."""
    widths = [max(len(t[i]) for t in table) for i in range(len(table[0]))]
    lines = []
    for i, t in enumerate(table):
        lines.append("  ".join(cell.ljust(widths[j]) for j, cell in enumerate(t)).rstrip())
        if i == 0:
            lines.append("  ".join("-" * w for w in widths).rstrip())
    return lines


def to_text(model: Model, result: Mapping[str, Any], cards: Sequence[Scorecard]) -> str:
    """A readable terminal table."""
    v = view(model, result, cards)
    r = result
    lines = [
        f"Кандидат: {r['candidate']}   Роль: {v['role'].name} ({r['role']}), уровень {v['level'].name} ({r['level']})",
        f"Интервьюеры: {', '.join(r['interviewers'])}",
        f"Итог: {v['label']} ({r['recommendation']})   разрыв {_fmt(r['gap'])}   покрытие {_pct(r['coverage'])}",
        f"Подходящий уровень: {v['best'].name + ' (' + v['best'].id + ')' if v['best'] else 'нет'}",
    ]
    lines += [f"  · {reason}" for reason in v["reasons"]]
    lines.append("")
    head = ("Компетенция", "Вес", "Обяз.", "Цель", "Оценки", "Среднее", "Разрыв", "")
    table = [head]
    for row in r["competencies"]:
        name = next(c.name for c in model.competencies if c.id == row["id"])
        flag = []
        if row["disagreement"]:
            flag.append("расхождение")
        if row["id"] in r["failed_must_haves"]:
            flag.append("обязательная не пройдена")
        table.append((name, str(row["weight"]), "да" if row["must_have"] else "", str(row["target"]),
                      ",".join(str(x) for x in row["ratings"]) or "—", _fmt(row["rating"]), _fmt(row["gap"]), "; ".join(flag)))
    return "\n".join(lines + _text_table(table)) + "\n"


ROUND_COLUMNS = ("candidate", "role", "level", "interviewers", "recommendation", "gap", "coverage",
                 "failed_must_haves", "disagreements", "best_fit_level")


def round_rows(results: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """One flat row per candidate, already ranked."""
    rows = []
    for r in results:
        rows.append({
            "candidate": r["candidate"], "role": r["role"], "level": r["level"],
            "interviewers": len(r["interviewers"]), "recommendation": r["recommendation"],
            "gap": r["gap"], "coverage": r["coverage"],
            "failed_must_haves": list(r["failed_must_haves"]),
            "disagreements": [c["id"] for c in r["competencies"] if c["disagreement"]],
            "best_fit_level": r["best_fit_level"],
        })
    return rows


def round_csv(results: Sequence[Mapping[str, Any]]) -> str:
    """The round as CSV (lists joined with ';'; cells that start like a formula are quoted with ')."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(ROUND_COLUMNS)
    for row in round_rows(results):
        cells = []
        for k in ROUND_COLUMNS:
            v = row[k]
            v = ";".join(v) if isinstance(v, list) else ("" if v is None else str(v))
            if v[:1] in ("=", "+", "-", "@") and k == "candidate":
                v = "'" + v
            cells.append(v)
        w.writerow(cells)
    return buf.getvalue()


def round_text(results: Sequence[Mapping[str, Any]]) -> str:
    """The round as a terminal table, best first."""
    head = ("#", "Кандидат", "Роль/уровень", "Итог", "Разрыв", "Покрытие", "Обязательные не пройдены", "Расхождения", "Уровень")
    table = [head]
    for i, row in enumerate(round_rows(results), start=1):
        table.append((str(i), row["candidate"], f"{row['role']}/{row['level']}", verdict_label(row["recommendation"]),
                      _fmt(row["gap"]), _pct(row["coverage"]), ", ".join(row["failed_must_haves"]) or "—",
                      ", ".join(row["disagreements"]) or "—", row["best_fit_level"] or "—"))
    return "\n".join(_text_table(table)) + "\n"


def round_markdown(results: Sequence[Mapping[str, Any]]) -> str:
    """The round as a Markdown table, best first (names escaped)."""
    lines = ["# Итоги раунда найма", "",
             "| # | Кандидат | Роль / уровень | Итог | Разрыв | Покрытие | Обязательные не пройдены | Расхождения | Подходящий уровень |",
             "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"]
    for i, row in enumerate(round_rows(results), start=1):
        lines.append(f"| {i} | {md_escape(row['candidate'])} | {row['role']} / {row['level']} | {verdict_label(row['recommendation'])} | "
                     f"{_fmt(row['gap'])} | {_pct(row['coverage'])} | {', '.join(row['failed_must_haves']) or '—'} | "
                     f"{', '.join(row['disagreements']) or '—'} | {row['best_fit_level'] or '—'} |")
    return "\n".join(lines) + "\n"
