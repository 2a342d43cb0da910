"""Present a panel's debrief: a terminal report, Markdown, HTML and JSON.

Presentation only: every number comes from evaluate.evaluate() and every piece of evidence
from debrief.debrief(). Russian text writes numbers with a decimal comma; JSON keeps numbers.
Round tables live in round_report (re-exported here for the command line).
"""

from __future__ import annotations

import json
from typing import Any, Mapping, Sequence

from markupsafe import Markup

from .debrief import enrich
from .evaluate import Scorecard, impact
from .i18n import _, localised
from .model import Model
from .radar import radar_svg
from .round_report import round_csv, round_markdown, round_rows, round_text, text_table  # noqa: F401
from .templating import template_env
from .vocab import recommendation_label, verdict_label


def to_json(result: Any) -> str:
    """JSON text of a result or a list of results (the contract's shape)."""
    return json.dumps(result, ensure_ascii=False, indent=2) + "\n"


def num(x: Any) -> str:
    """A number for Russian text: two decimals with a decimal comma; «—» for none."""
    if x is None:
        return "—"
    if isinstance(x, float):
        return localised(f"{x:.2f}")
    return str(x)


def signed(x: float) -> str:
    """A signed number with a decimal comma (+0,25)."""
    return localised(f"{x:+.2f}")


def pct(x: float | None) -> str:
    """A share as whole percent."""
    return "—" if x is None else f"{round(x * 100)}%"


def _full(model: Model, result: Mapping[str, Any], cards: Sequence[Scorecard]) -> Mapping[str, Any]:
    """The debrief of the result: as given, or built from the cards when only evaluate()'s keys are there."""
    return result if "warnings" in result else enrich(model, result, cards)


def _reasons(model: Model, r: Mapping[str, Any], names: Mapping[str, str]) -> list[str]:
    ev = model.evaluation
    out = []
    if r["recommendation"] == "insufficient_data":
        out.append(_("Оценено {done} веса роли, а нужно не меньше {need}: доберите оценки по пропущенным компетенциям.").format(
            done=pct(r["coverage"]), need=pct(ev.min_coverage)))
    else:
        out.append(_("Средневзвешенное отклонение от цели: {gap} («Однозначно нанимать» от {strong}, «Нанимать» от {hire}, "
                     "«Не нанимать» от {no}).").format(gap=num(r["gap"]), strong=num(ev.bands.strong_hire),
                                                      hire=num(ev.bands.hire), no=num(ev.bands.no_hire)))
        out.append(_("Оценено {done} веса роли (минимум {need}).").format(done=pct(r["coverage"]), need=pct(ev.min_coverage)))
    if r["failed_must_haves"]:
        out.append(_("Не дотягивают обязательные компетенции (оценка ниже цели больше чем на {tol}): {failed}. "
                     "Поэтому итог не выше «Не нанимать».").format(
            tol=num(ev.must_have_tolerance), failed=", ".join(names[c] for c in r["failed_must_haves"])))
    return out


def fragility_lines(r: Mapping[str, Any]) -> list[str]:
    """The fragility in words: one sentence per interviewer whose ratings carry the verdict."""
    lines = [_("Итог зависит от оценок интервьюера {name}: без них итог панели был бы «{label}».").format(
        name=f["without"], label=verdict_label(f["recommendation"])) for f in r.get("fragile", [])]
    if not lines and len(r["interviewers"]) >= 3:
        lines.append(_("Итог устойчив: без любого одного интервьюера он остаётся тем же."))
    return lines


def _evidence(row: Mapping[str, Any]) -> list[dict[str, Any]]:
    notes: dict[str, list[str]] = {}
    for n in row.get("notes", []):
        notes.setdefault(n["interviewer"], []).append(n["text"])
    return [{"who": x["interviewer"], "rating": num(x["rating"]) if x["rating"] is not None else _("не оценивал(а)"),
             "note": " ".join(notes.get(x["interviewer"], []))} for x in row.get("interviewer_ratings", [])]


def view(model: Model, result: Mapping[str, Any], cards: Sequence[Scorecard]) -> dict[str, Any]:
    """Everything the debrief templates and the text report show."""
    r = _full(model, result, cards)
    role = model.role(r["role"])
    total = sum(rc.weight for rc in role.competencies)
    names = {c.id: c.name for c in model.competencies}
    rows = [{**row, "name": names[row["id"]], "impact": impact(row, total), "evidence": _evidence(row),
             "by_name": "; ".join(f"{x['interviewer']}: {num(x['rating'])}" for x in row.get("interviewer_ratings", [])
                                  if x["rating"] is not None) or "—"}
            for row in r["competencies"]]
    takeaways = {t["interviewer"]: t["text"] for t in r.get("takeaways", [])}
    calls = [{"who": c["interviewer"], "call": recommendation_label(c["recommendation"]) if c["recommendation"] else _("не указана"),
              "takeaways": takeaways.get(c["interviewer"], "")} for c in r.get("recommendations", [])]
    for call, card in zip(calls, cards):
        call["overall"] = card.overall_notes or ""
    best = role.level(r["best_fit_level"]) if r["best_fit_level"] else None
    radar = radar_svg([row["name"] for row in rows],
                      [(_("Цель уровня"), [row["target"] for row in rows], "#757575"),
                       (_("Средняя оценка"), [row["rating"] for row in rows], "#1565c0")],
                      title=_("Средние оценки и цель уровня: {name}").format(name=r["candidate"]))
    return {
        "r": r, "role": role, "level": role.level(r["level"]), "label": verdict_label(r["recommendation"]),
        "reasons": _reasons(model, r, names), "fragile": fragility_lines(r), "warnings": [w["message"] for w in r["warnings"]],
        "calls": calls, "rows": sorted(rows, key=lambda x: (x["rating"] is None, -abs(x["impact"]), x["id"])),
        "evidence": rows, "disagreements": [x for x in rows if x["disagreement"]], "must": [x for x in rows if x["must_have"]],
        "best": best, "radar": radar, "num": num, "signed": signed, "pct": pct, "ev": model.evaluation,
    }


def to_markdown(model: Model, result: Mapping[str, Any], cards: Sequence[Scorecard]) -> str:
    """The debrief report in Markdown (names escaped)."""
    return template_env(False).get_template("report.md.j2").render(**view(model, result, cards))


def to_html(model: Model, result: Mapping[str, Any], cards: Sequence[Scorecard]) -> str:
    """The debrief report as one self-contained HTML file (everything escaped)."""
    v = view(model, result, cards)
    v["radar"] = Markup(v["radar"])  # built by radar_svg, which escapes every label itself
    return template_env(True).get_template("report.html.j2").render(**v)


def to_text(model: Model, result: Mapping[str, Any], cards: Sequence[Scorecard]) -> str:
    """The debrief as plain text for a terminal."""
    v = view(model, result, cards)
    r = v["r"]
    best = f"{v['best'].name} ({v['best'].id})" if v["best"] else _("нет")
    lines = [
        _("Кандидат: {c}   Роль: {role} ({rid}), уровень {level} ({lid})").format(
            c=r["candidate"], role=v["role"].name, rid=r["role"], level=v["level"].name, lid=r["level"]),
        _("Интервьюеры: {names}").format(names=", ".join(r["interviewers"])),
        _("Итог панели: {label} ({code})   отклонение от цели {gap}   покрытие {cov}").format(
            label=v["label"], code=r["recommendation"], gap=num(r["gap"]), cov=pct(r["coverage"])),
        _("Подходящий уровень: {best}").format(best=best),
    ]
    lines += [f"  · {x}" for x in v["reasons"]]
    lines += [f"  ! {x}" for x in v["fragile"]]
    if v["warnings"]:
        lines += ["", _("Предупреждения:")] + [f"  ! {w}" for w in v["warnings"]]
    lines += ["", _("Рекомендации интервьюеров:")]
    for c in v["calls"]:
        extra = "".join(f" — {t}" for t in (c["takeaways"], c["overall"]) if t)
        lines.append(f"  {c['who']}: {c['call']}{extra}")
    lines.append("")
    head = (_("Компетенция"), _("Вес"), _("Обяз."), _("Цель"), _("Оценки"), _("Среднее"), _("Отклонение"), "")
    table = [head]
    for row in v["evidence"]:
        flag = [_("расхождение")] if row["disagreement"] else []
        if row["id"] in r["failed_must_haves"]:
            flag.append(_("обязательная не пройдена"))
        table.append((row["name"], str(row["weight"]), _("да") if row["must_have"] else "", str(row["target"]),
                      row["by_name"], num(row["rating"]), num(row["gap"]), "; ".join(flag)))
    lines += text_table(table)
    lines += ["", _("Оценки и заметки по компетенциям:")]
    for row in v["evidence"]:
        lines.append(_("  {name} (цель {target}, среднее {mean}):").format(name=row["name"], target=row["target"],
                                                                          mean=num(row["rating"])))
        lines += [f"    {e['who']}: {e['rating']}" + (f" — {e['note']}" if e["note"] else "") for e in row["evidence"]]
    return "\n".join(lines) + "\n"
