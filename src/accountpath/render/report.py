"""Present a panel's debrief: a terminal report, Markdown, HTML and JSON.

Presentation only: every number comes from evaluate.evaluate() and every piece of evidence
from debrief.debrief(). Russian text writes numbers with a decimal comma; JSON keeps numbers.
Round tables live in round_report (re-exported here for the command line).
"""

from __future__ import annotations

import json
import re
from typing import Any, Mapping, Sequence

from markupsafe import Markup

from accountpath.i18n import _, decimal, percent, signed, two_places
from accountpath.method.debrief import enrich
from accountpath.method.evaluate import Scorecard, impact
from accountpath.model.types import Model, Role, RoleLevel
from accountpath.render.debrief_text import (
    boundary_line,
    fragility_lines,
    must_have_status,
    readiness_lines,
    warning_text,
    with_messages,
)
from accountpath.render.radar import radar_svg
from accountpath.render.round_report import text_table
from accountpath.render.templating import template_env
from accountpath.vocab import recommendation_label, verdict_label


def to_json(result: Any) -> str:
    """JSON text of a result or a list of results (the contract's shape); each warning gains its
    rendered `message` beside its code and params."""
    if isinstance(result, list):
        result = [with_messages(r) if isinstance(r, dict) else r for r in result]
    elif isinstance(result, dict):
        result = with_messages(result)
    return json.dumps(result, ensure_ascii=False, indent=2) + "\n"


num = two_places  # the names the report templates use
pct = percent


def _full(model: Model, result: Mapping[str, Any], cards: Sequence[Scorecard]) -> Mapping[str, Any]:
    """The debrief of the result: as given, or built from the cards when only evaluate()'s keys are there."""
    return result if "warnings" in result else enrich(model, result, cards)


def _reasons(model: Model, r: Mapping[str, Any], names: Mapping[str, str]) -> list[str]:
    ev = model.evaluation
    out = []
    if r["recommendation"] == "insufficient_data":
        out.append(
            _(
                "Оценено {done} веса роли, а нужно не меньше {need}: доберите оценки по пропущенным компетенциям."
            ).format(done=pct(r["coverage"]), need=pct(ev.min_coverage))
        )
    else:
        out.append(
            _(
                "Насколько кандидат в среднем выше или ниже цели (с учётом веса компетенций): {gap} "
                "(«Однозначно нанимать» от {strong}, «Нанимать» от {hire}, «Не нанимать» от {no})."
            ).format(
                gap=num(r["gap"]), strong=num(ev.bands.strong_hire), hire=num(ev.bands.hire), no=num(ev.bands.no_hire)
            )
        )
        out.append(
            _("Оценено {done} веса роли (минимум {need}).").format(done=pct(r["coverage"]), need=pct(ev.min_coverage))
        )
    border = boundary_line(model, r)
    if border:
        out.append(border)
    if r["failed_must_haves"]:
        out.append(
            _(
                "Не дотягивают обязательные компетенции (средняя по компетенции ниже порога: цель − {tol}): {failed}. "
                "Поэтому итог не выше «Не нанимать»."
            ).format(tol=decimal(ev.must_have_tolerance), failed=", ".join(names[c] for c in r["failed_must_haves"]))
        )
    out.append(
        _(
            "Рекомендации интервьюеров («да», «нет») показаны ниже для обсуждения, но в расчёт итога не входят: "
            "итог считается только по оценкам компетенций."
        )
    )
    return out


def _evidence(row: Mapping[str, Any], focus: Mapping[str, tuple[str, ...]]) -> list[dict[str, Any]]:
    notes: dict[str, list[str]] = {}
    for n in row.get("notes", []):
        notes.setdefault(n["interviewer"], []).append(n["text"])
    out = []
    for x in row.get("interviewer_ratings", []):
        if x["rating"] is not None:
            shown = num(x["rating"])
        elif focus.get(x["interviewer"]) and row["id"] not in focus[x["interviewer"]]:
            shown = _("не в фокусе")
        else:
            shown = _("не оценивал(а)")
        out.append({"who": x["interviewer"], "rating": shown, "note": " ".join(notes.get(x["interviewer"], []))})
    return out


def title(role: Role, level: RoleLevel) -> str:
    """Role and level in one phrase, never saying the role twice: «Старший аккаунт-менеджер (account-manager/senior)»."""
    base = re.sub(r"\s*\([^)]*\)\s*$", "", role.name).strip().casefold()
    if base and base in level.name.casefold():
        return f"{level.name} ({role.id}/{level.id})"
    return _("{role}, уровень «{level}» ({rid}/{lid})").format(
        role=role.name, level=level.name, rid=role.id, lid=level.id
    )


def view(model: Model, result: Mapping[str, Any], cards: Sequence[Scorecard]) -> dict[str, Any]:
    """Everything the debrief templates and the text report show."""
    r = _full(model, result, cards)
    role = model.role(r["role"])
    assert role is not None, r["role"]  # a result names a role and a level of its model
    level = role.level(r["level"])
    assert level is not None, r["level"]
    total = sum(rc.weight for rc in role.competencies)
    names = {c.id: c.name for c in model.competencies}
    focus = {c.interviewer: tuple(c.focus) for c in cards}
    rows = [
        {
            **row,
            "name": names[row["id"]],
            "impact": impact(row, total),
            "evidence": _evidence(row, focus),
            "status": must_have_status(model, row, row["id"] in r["failed_must_haves"]) if row["must_have"] else "",
            "by_name": "; ".join(
                f"{x['interviewer']}: {num(x['rating'])}"
                for x in row.get("interviewer_ratings", [])
                if x["rating"] is not None
            )
            or "—",
        }
        for row in r["competencies"]
    ]
    takeaways = {t["interviewer"]: t["text"] for t in r.get("takeaways", [])}
    calls = [
        {
            "who": c["interviewer"],
            "call": recommendation_label(c["recommendation"]) if c["recommendation"] else _("не указана"),
            "takeaways": takeaways.get(c["interviewer"], ""),
        }
        for c in r.get("recommendations", [])
    ]
    for call, card in zip(calls, cards):
        call["overall"] = card.overall_notes or ""
    best = role.level(r["best_fit_level"]) if r["best_fit_level"] else None
    radar = radar_svg(
        [row["name"] for row in rows],
        [
            (_("Цель"), [row["target"] for row in rows], "#757575"),
            (_("Средняя по компетенции"), [row["rating"] for row in rows], "#1565c0"),
        ],
        title=_("Средние по компетенциям и цель: {name}").format(name=r["candidate"]),
    )
    return {
        "r": r,
        "role": role,
        "level": level,
        "title": title(role, level),
        "label": verdict_label(r["recommendation"]),
        "readiness": readiness_lines(r),
        "ready": bool(r.get("ready")),
        "reasons": _reasons(model, r, names),
        "fragile": fragility_lines(r, model),
        "warnings": [warning_text(w) for w in r["warnings"]],
        "calls": calls,
        "rows": sorted(rows, key=lambda x: (x["rating"] is None, -abs(x["impact"]), x["id"])),
        "evidence": rows,
        "disagreements": [x for x in rows if x["disagreement"]],
        "must": [x for x in rows if x["must_have"]],
        "best": best,
        "radar": radar,
        "num": num,
        "signed": signed,
        "pct": pct,
        "ev": model.evaluation,
    }


def to_markdown(model: Model, result: Mapping[str, Any], cards: Sequence[Scorecard]) -> str:
    """The debrief report in Markdown (names escaped)."""
    return template_env(False).get_template("report.md.j2").render(**view(model, result, cards))


def to_html(model: Model, result: Mapping[str, Any], cards: Sequence[Scorecard]) -> str:
    """The debrief report as one self-contained HTML file (everything escaped)."""
    v = view(model, result, cards)
    v["radar"] = Markup(v["radar"])  # built by radar_svg, which escapes every label itself
    return template_env(True).get_template("report.html.j2").render(**v)


def _text_head(v: Mapping[str, Any]) -> list[str]:
    """The header, then the disagreements to settle before anything else."""
    r = v["r"]
    lines = [
        _("Кандидат: {c}").format(c=r["candidate"]),
        _("Роль и уровень: {title}").format(title=v["title"]),
        _("Интервьюеры: {names}").format(names=", ".join(r["interviewers"])),
        _("Итог панели: {label} ({code})   в среднем от цели {gap}   оценено {cov} веса роли").format(
            label=v["label"], code=r["recommendation"], gap=num(r["gap"]), cov=pct(r["coverage"])
        ),
    ]
    if v["readiness"]:
        lines += [readiness_head(v["ready"]) + ":"] + [f"  {'·' if v['ready'] else '!'} {x}" for x in v["readiness"]]
    lines += ["", disagreements_head() + ":"]
    if v["disagreements"]:
        lines.append(
            "  "
            + _(
                "Оценки расходятся на {spread} балла и больше: прежде чем усреднять, выясните, что видели интервьюеры."
            ).format(spread=num(v["ev"].disagreement_spread))
        )
        aim = _("цель {target}")
        lines += [f"  ! {d['name']} ({aim.format(target=d['target'])}): {d['by_name']}" for d in v["disagreements"]]
    else:
        lines.append("  " + _("Расхождений нет: оценки интервьюеров близки."))
    return lines


def readiness_head(ready: bool) -> str:
    """The heading of the lines right under the verdict: why it is (not) ready to be defended."""
    return _("Готово ли решение") if ready else _("Почему решение не готово и что сделать")


def disagreements_head() -> str:
    """The heading of the disagreements, the first thing after the verdict's line."""
    return _("Расхождения — обсудите до решения; после дебрифа исправьте листы и пересчитайте")


def to_text(model: Model, result: Mapping[str, Any], cards: Sequence[Scorecard]) -> str:
    """The debrief as plain text for a terminal: verdict, disagreements first, then the reasons and the evidence."""
    v = view(model, result, cards)
    r = v["r"]
    best = f"{v['best'].name} ({v['best'].id})" if v["best"] else _("нет")
    lines = _text_head(v) + ["", _("Почему такой итог:")]
    lines += [f"  · {x}" for x in v["reasons"]]
    lines += [f"  ! {x}" for x in v["fragile"]]
    lines += ["", _("Обязательные компетенции:")] + [f"  · {m['name']}: {m['status']}" for m in v["must"]]
    lines += ["", _("Подходящий уровень: {best}").format(best=best)]
    if v["warnings"]:
        lines += ["", _("Предупреждения:")] + [f"  ! {w}" for w in v["warnings"]]
    lines += ["", _("Рекомендации интервьюеров (в расчёт не входят):")]
    for c in v["calls"]:
        extra = "".join(f" — {t}" for t in (c["takeaways"], c["overall"]) if t)
        lines.append(f"  {c['who']}: {c['call']}{extra}")
    lines.append("")
    head = (
        _("Компетенция"),
        _("Вес"),
        _("Обяз."),
        _("Цель"),
        _("Оценки"),
        _("Средняя по компетенции"),
        _("Отклонение"),
        "",
    )
    table = [head]
    for row in v["evidence"]:
        flag = [_("расхождение")] if row["disagreement"] else []
        if row["id"] in r["failed_must_haves"]:
            flag.append(_("обязательная не пройдена"))
        table.append(
            (
                row["name"],
                str(row["weight"]),
                _("да") if row["must_have"] else "",
                str(row["target"]),
                row["by_name"],
                num(row["rating"]),
                num(row["gap"]),
                "; ".join(flag),
            )
        )
    lines += text_table(table)
    lines += ["", _("Оценки и заметки по компетенциям:")]
    for row in v["evidence"]:
        lines.append(
            "  "
            + _("{name} (цель {target}, средняя по компетенции {mean}):").format(
                name=row["name"], target=row["target"], mean=num(row["rating"])
            )
        )
        lines += [f"    {e['who']}: {e['rating']}" + (f" — {e['note']}" if e["note"] else "") for e in row["evidence"]]
    return "\n".join(lines) + "\n"
