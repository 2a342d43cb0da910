"""Present a team review (method.team.review() or director()): text, Markdown, HTML (PDF from
it), JSON and xlsx. The heat map (people or groups x competencies, coloured by rating minus
target) is in HTML, PDF and xlsx. A director's review carries no person's name: these
renderers only show what the result holds."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from html import escape
from typing import Any

from accountpath.i18n import _, signed, two_places
from accountpath.messages import render as message
from accountpath.model.types import Model
from accountpath.render import xlsx_out
from accountpath.render.cardtext import card_title
from accountpath.render.mdtext import md_escape

GOOD, NEAR, BAD = "#c8e6c9", "#fff3c4", "#ffcdd2"


def _name(model: Model, cid: str) -> str:
    c = model.competency(cid)
    return c.name if c else cid


def _level(model: Model, role_id: str, level_id: str) -> str:
    role = model.role(role_id)
    level = role.level(level_id) if role else None
    return card_title(role, level) if role and level else f"{role_id}/{level_id}"


def _manager_label(name: str) -> str:
    """A manager's name, or «Руководитель N» for the numbered managers of a director's review."""
    return _("Руководитель {n}").format(n=name[1:]) if name.startswith("#") and name[1:].isdigit() else name


def _ready(value: bool | None) -> str:
    return _("нет данных") if value is None else _("готов") if value else _("не готов")


def _num(value: float | None) -> str:
    return "—" if value is None else two_places(value)


def lines(model: Model, result: Mapping[str, Any]) -> list[tuple[str, str]]:
    """The review as (kind, text) lines: h1/h2/li/p; text and Markdown are made from these."""
    out: list[tuple[str, str]] = [("h1", _("Команда: готовность, ИПР, кто закрывает компетенции"))]
    if result["audience"] == "director":
        out += _director_lines(model, result)
    else:
        out += _people_lines(model, result)
    out.append(("h2", _("Кто закрывает компетенции")))
    for row in result["coverage"]:
        mark = (
            _(" — никого на цели") if row["gap"] else _(" — держится на одном человеке") if row["single_point"] else ""
        )
        who = f" ({', '.join(row['people'])})" if row.get("people") else ""
        out.append(
            (
                "li",
                _("{name}: на цели {n}{who}{mark}").format(
                    name=_name(model, row["competency"]), n=row["at_target"], who=who, mark=mark
                ),
            )
        )
    if result["managers"]:
        out.append(("h2", _("Мягкость руководителей")))
        out.append(
            (
                "p",
                _(
                    "Оценка руководителя против самооценок его людей, относительно медианного руководителя. "
                    "Отмечено, если 95-% интервал не включает 0, отклонение не меньше 0,5 балла и оценок не меньше 10."
                ),
            )
        )
        for m in result["managers"]:
            changed = m["promotions_changed"]
            flips = ", ".join(changed) if isinstance(changed, list) else str(changed)
            out.append(
                (
                    "li",
                    _(
                        "{name}: {effect} (интервал {lo}…{hi}, оценок {n}){flag}; готовность меняется без этого сдвига: {flips}"
                    ).format(
                        name=_manager_label(m["name"]),
                        effect=signed(m["effect"]),
                        lo=_num(m["ci"][0]),
                        hi=_num(m["ci"][1]),
                        n=m["ratings"],
                        flag=_(" — отмечен") if m["flagged"] else "",
                        flips=flips or _("ни у кого"),
                    ),
                )
            )
    if "what_if" in result:
        w = result["what_if"]
        out.append(("h2", _("Если нанять финалиста")))
        out.append(
            (
                "li",
                _("закроет пробелы: {list}").format(list=", ".join(_name(model, c) for c in w["closes_gaps"]) or "—"),
            )
        )
        out.append(
            (
                "li",
                _("снимет зависимость от одного человека: {list}").format(
                    list=", ".join(_name(model, c) for c in w["closes_single_points"]) or "—"
                ),
            )
        )
    if result["warnings"]:
        out.append(("h2", _("Предупреждения")))
        out += [("li", message(w["code"], w["params"])) for w in result["warnings"]]
    return out


def _people_lines(model: Model, result: Mapping[str, Any]) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for p in result["people"]:
        out.append(("h2", f"{p['person']} — {_level(model, p['role'], p['level'])}"))
        nxt = _level(model, p["next"]["role"], p["next"]["level"]) if p["next"] else _("нет следующего шага")
        out.append(
            (
                "li",
                _("Следующий шаг: {next}; по оценке руководителя: {ready}; по самооценке: {self}").format(
                    next=nxt, ready=_ready(p["ready"]), self=_ready(p["ready_self"])
                ),
            )
        )
        if p["blocking"]:
            out.append(
                (
                    "li",
                    _("Мешает: ")
                    + "; ".join(
                        _("{name} — {rating} при цели {target}").format(
                            name=_name(model, b["competency"]), rating=_num(b["rating"]), target=b["target"]
                        )
                        for b in p["blocking"]
                    ),
                )
            )
        for i in p["idp"]:
            steps = " ".join(i["develop"])
            out.append(
                (
                    "li",
                    _("ИПР: {name} ({rating} → {target}): {steps}").format(
                        name=_name(model, i["competency"]), rating=_num(i["rating"]), target=i["target"], steps=steps
                    ),
                )
            )
        for d in p["self_vs_manager"]:
            out.append(
                (
                    "li",
                    _("Расхождение: {name} — сам {self}, руководитель {manager}").format(
                        name=_name(model, d["competency"]), self=d["self"], manager=d["manager"]
                    ),
                )
            )
    return out


def _director_lines(model: Model, result: Mapping[str, Any]) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = [
        ("p", _("Без имён: по каждой роли и уровню — только количества; средние — в группах от 4 человек."))
    ]
    for g in result["groups"]:
        out.append(("h2", f"{_level(model, g['role'], g['level'])}: " + _("человек {n}").format(n=g["count"])))
        out.append(("li", _("готовы к следующему шагу: {n}").format(n=g["ready"])))
        if g["blocking"]:
            out.append(("li", _("мешает: ") + ", ".join(f"{_name(model, c)} ({n})" for c, n in g["blocking"].items())))
        if g["idp"]:
            out.append(("li", _("в ИПР: ") + ", ".join(f"{_name(model, c)} ({n})" for c, n in g["idp"].items())))
        out.append(
            (
                "li",
                _("расхождений самооценки и оценки руководителя на 2 балла и больше: {n}").format(
                    n=g["self_vs_manager"]
                ),
            )
        )
        if g["averages"] is None:
            out.append(("li", _("средних нет: в группе меньше 4 человек")))
    return out


def to_text(model: Model, result: Mapping[str, Any]) -> str:
    out = []
    for kind, text in lines(model, result):
        if kind == "h1":
            out += [text, "=" * len(text)]
        elif kind == "h2":
            out += ["", text]
        elif kind == "li":
            out.append(f"  - {text}")
        else:
            out.append(text)
    return "\n".join(out) + "\n"


def to_md(model: Model, result: Mapping[str, Any]) -> str:
    prefix = {"h1": "# ", "h2": "\n## ", "li": "- ", "p": ""}
    return "\n".join(prefix[k] + md_escape(t) for k, t in lines(model, result)) + "\n"


def _colour(diff: float | None) -> str:
    if diff is None:
        return ""
    return GOOD if diff >= 0 else NEAR if diff >= -1 else BAD


def heat_rows(result: Mapping[str, Any]) -> tuple[list[str], list[tuple[str, list[tuple[str, float | None]]]]]:
    """(competency ids, [(row label, [(cell text, diff)])]): people, or groups with averages."""
    if result["audience"] == "director":
        ids = [row["competency"] for row in result["coverage"]]
        rows = []
        for g in result["groups"]:
            avg = g["averages"] or {}
            rows.append(
                (
                    f"{g['role']}/{g['level']} ({g['count']})",
                    [(_num(avg.get(cid)) if g["averages"] else "·", avg.get(cid)) for cid in ids],
                )
            )
        return ids, rows
    heat = result["heatmap"]
    return heat["competencies"], [
        (
            r["person"],
            [("—" if c["rating"] is None else f"{c['rating']} ({signed(c['diff'])})", c["diff"]) for c in r["cells"]],
        )
        for r in heat["rows"]
    ]


def to_html(model: Model, result: Mapping[str, Any]) -> str:
    body = []
    for kind, text in lines(model, result):
        tag = "li" if kind == "li" else kind
        body.append(f"<{tag}>{escape(text)}</{tag}>")
    ids, rows = heat_rows(result)
    head = "".join(f"<th>{escape(_name(model, cid))}</th>" for cid in ids)
    trs = []
    for label, cells in rows:
        tds = "".join(
            f'<td style="background:{_colour(d)}">{escape(t)}</td>' if _colour(d) else f"<td>{escape(t)}</td>"
            for t, d in cells
        )
        trs.append(f"<tr><th>{escape(label)}</th>{tds}</tr>")
    heat = (
        f"<h2>{escape(_('Тепловая карта: оценка минус цель своего уровня'))}</h2>"
        f'<table class="heatmap"><tr><th></th>{head}</tr>{"".join(trs)}</table>'
    )
    style = (
        "body{font-family:sans-serif;max-width:60em;margin:2em auto}table{border-collapse:collapse}"
        "td,th{border:1px solid #ccc;padding:.3em .5em;text-align:center}"
    )
    return (
        f'<!DOCTYPE html><html lang="ru"><head><meta charset="utf-8"><title>{escape(_("Команда"))}</title>'
        f"<style>{style}</style></head><body>{''.join(body)}{heat}</body></html>\n"
    )


def to_json(result: Mapping[str, Any]) -> str:
    return json.dumps(result, ensure_ascii=False, indent=2) + "\n"


def to_xlsx(model: Model, result: Mapping[str, Any]) -> bytes:
    wb = xlsx_out.new_workbook()
    ws = wb.active
    ws.title = _("Обзор")
    for r, (_kind, text) in enumerate(lines(model, result), start=1):
        ws.cell(row=r, column=1, value=xlsx_out.cell_text(text))
    ws.column_dimensions["A"].width = 120
    heat = wb.create_sheet(_("Тепловая карта"))
    ids, rows = heat_rows(result)
    xlsx_out.header(heat, 1, ["", *(_name(model, cid) for cid in ids)], [28] + [16] * len(ids))
    for r, (label, cells) in enumerate(rows, start=2):
        heat.cell(row=r, column=1, value=xlsx_out.cell_text(label))
        for c, (text, diff) in enumerate(cells, start=2):
            cell = heat.cell(row=r, column=c, value=text)
            if diff is not None:
                xlsx_out.fill(cell, _colour(diff).lstrip("#").upper())
    return xlsx_out.save(wb)


def render(model: Model, result: Mapping[str, Any], fmt: str) -> str | bytes:
    """The review in one format (pdf: the caller converts to_html)."""
    if fmt == "json":
        return to_json(result)
    if fmt == "md":
        return to_md(model, result)
    if fmt == "html":
        return to_html(model, result)
    if fmt == "xlsx":
        return to_xlsx(model, result)
    return to_text(model, result)


__all__: Sequence[str] = ("render", "to_html", "lines", "heat_rows")
