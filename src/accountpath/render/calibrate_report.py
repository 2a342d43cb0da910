"""Present a calibration (calibrate.calibrate()): text, Markdown, HTML, JSON and xlsx, in plain words
(Russian, or English with --lang en).

Says what the numbers mean and what to do: sharpen the rubric where agreement is low, talk
with a flagged interviewer; and that leniency means something only where panels overlap.
"""

from __future__ import annotations

import json
from html import escape
from typing import Any, Callable, Mapping, Sequence

from accountpath.i18n import _, decimal, language, nplural, signed, two_places
from accountpath.method.calibrate import MIN_RATINGS
from accountpath.model.types import Model
from accountpath.render import xlsx_out
from accountpath.render.mdtext import md_escape
from accountpath.render.round_report import text_table
from accountpath.vocab import verdict_label

LOW_ALPHA = 0.67
GOOD_ALPHA = 0.8


def meaning() -> list[str]:
    """What the numbers mean, one paragraph each."""
    return [
        _(
            "Согласие (альфа Криппендорфа, Krippendorff's alpha, интервальная шкала) показывает, насколько одинаково "
            "разные интервьюеры оценивают одного кандидата по одной компетенции: 1 — оценки совпадают, 0 — согласия "
            "не больше, чем при случайных оценках. От {good} на оценки можно опираться; ниже {low} одна оценка мало "
            "что говорит о кандидате."
        ).format(good=two_places(GOOD_ALPHA), low=two_places(LOW_ALPHA)),
        _(
            "Надёжность панели — насколько можно доверять среднему оценок по одной компетенции (прогноз по формуле "
            "Спирмена — Брауна из общего согласия). Считаем по тому, сколько интервьюеров на деле оценивали каждую "
            "компетенцию кандидата, а не по размеру панели: когда у каждого интервьюера свои компетенции, одну компетенцию обычно оценивают двое. "
            "Второе число показывает, что даст ещё одна оценка на компетенцию."
        ),
        _(
            "Мягкость интервьюера — насколько его оценки выше (+) или ниже (−), чем у коллег по тем же кандидатам и "
            "компетенциям. Все интервьюеры считаются вместе (метод наименьших квадратов по всем раундам), а ноль — "
            "это интервьюер посередине: один мягкий не делает остальных строгими. Рядом — диапазон, в котором "
            "мягкость лежит с уверенностью 95% (бутстреп по кандидатам). Отмечаем, если отклонение не меньше "
            "0,5 балла по модулю и сравнимых оценок не меньше 10, а диапазон не включает ноль."
        ),
        _(
            "Мягкость имеет смысл только там, где панели пересекаются: интервьюер, который всегда оценивает один, "
            "ни с кем не сравнивается, и его мягкость не определена. Чтобы её видеть, ставьте интервьюеров в разные "
            "панели вперемешку."
        ),
    ]


def advice(result: Mapping[str, Any], names: Mapping[str, str]) -> list[str]:
    """What to do, from the numbers: low agreement, flagged interviewers, too little data, or all is fine."""
    out = _agreement_advice(result, names)
    for i in result["interviewers"]:
        if i["flagged"]:
            out.append(_flagged(i))
    few = [i for i in result["interviewers"] if i["ratings"] < MIN_RATINGS]
    if few:
        out.append(
            _(
                "Данных пока мало: чтобы судить о мягкости, нужно не меньше {n} общих оценок на интервьюера "
                "(оценок того же кандидата по той же компетенции, что и у коллег); сейчас меньше у: {list}. "
                "Ставьте интервьюеров в разные панели вперемешку и повторите калибровку."
            ).format(n=MIN_RATINGS, list=", ".join(f"{i['name']} ({i['ratings']})" for i in few))
        )
    if result["alpha"] is None:
        out.append(
            _(
                "Согласие пока не посчитать: нужны хотя бы два кандидата, которых по одной компетенции оценили "
                "двое и больше."
            )
        )
    if result["panel_reliability"] is not None and result["panel_reliability_plus_one"] is not None:
        k = result.get("raters_per_competency") or result["panel_size"]
        out.append(
            nplural(
                k,
                "Каждую компетенцию кандидата в среднем оценивал {k} интервьюер: надёжность такой оценки {now}; "
                "ещё одна оценка на компетенцию подняла бы её до {more}.",
                "Каждую компетенцию кандидата в среднем оценивали {k} интервьюера: надёжность такой оценки {now}; "
                "ещё одна оценка на компетенцию подняла бы её до {more}.",
                "Каждую компетенцию кандидата в среднем оценивали {k} интервьюеров: надёжность такой оценки {now}; "
                "ещё одна оценка на компетенцию подняла бы её до {more}.",
            ).format(
                k=decimal(k),
                now=two_places(result["panel_reliability"]),
                more=two_places(result["panel_reliability_plus_one"]),
            )
        )
    if not few and not any(i["flagged"] for i in result["interviewers"]) and (result["alpha"] or 0) >= LOW_ALPHA:
        out.append(
            _(
                "Всё в порядке: согласие {alpha} (норма — от {low}), никто из интервьюеров не оценивает заметно мягче "
                "или строже коллег. Повторяйте калибровку раз в несколько раундов."
            ).format(alpha=two_places(result["alpha"]), low=two_places(LOW_ALPHA))
        )
    return out


def points(x: float) -> str:
    """«1 балл», «2 балла», «5 баллов», «0,75 балла» (the value as given, its sign dropped)."""
    value = abs(x)
    return nplural(value, "{n} балл", "{n} балла", "{n} баллов").format(n=decimal(value))


def _flagged(i: Mapping[str, Any]) -> str:
    """What to do about one flagged interviewer, and the decisions that hang on their cards."""
    side = _("выше") if i["leniency"] > 0 else _("ниже")
    text = nplural(
        i["ratings"],
        "{name}: ставит в среднем на {value} {side} коллег, оценивавших тех же кандидатов по тем же компетенциям "
        "({n} сравнимая оценка; с уверенностью 95% — от {low} до {high}). Нужен спокойный разговор: разберите "
        "вместе 2–3 кандидатов, где оценки разошлись, и сверьтесь с описаниями уровней; оценки задним числом "
        "не правьте.",
        "{name}: ставит в среднем на {value} {side} коллег, оценивавших тех же кандидатов по тем же компетенциям "
        "({n} сравнимые оценки; с уверенностью 95% — от {low} до {high}). Нужен спокойный разговор: разберите "
        "вместе 2–3 кандидатов, где оценки разошлись, и сверьтесь с описаниями уровней; оценки задним числом "
        "не правьте.",
        "{name}: ставит в среднем на {value} {side} коллег, оценивавших тех же кандидатов по тем же компетенциям "
        "({n} сравнимых оценок; с уверенностью 95% — от {low} до {high}). Нужен спокойный разговор: разберите "
        "вместе 2–3 кандидатов, где оценки разошлись, и сверьтесь с описаниями уровней; оценки задним числом "
        "не правьте.",
    ).format(
        name=i["name"],
        value=points(i["leniency"]),
        side=side,
        n=i["ratings"],
        low=_signed(i.get("ci_low")),
        high=_signed(i.get("ci_high")),
    )
    decisions = i.get("decisions") or []
    if not decisions:
        return text + " " + _("Ни одно прошлое решение без его листов не изменилось бы.")
    listed = "; ".join(
        _("{candidate}{file}: {verdict}, без его листа — {without}").format(
            candidate=d["candidate"],
            file=f" ({d['file']})" if d["file"] else "",
            verdict=verdict_label(d["verdict"]),
            without=verdict_label(d["verdict_without"]),
        )
        for d in decisions
    )
    return (
        text
        + " "
        + nplural(
            len(decisions),
            "Без его листов изменилось бы {n} прошлое решение — пересмотрите его: {list}.",
            "Без его листов изменились бы {n} прошлых решения — пересмотрите их: {list}.",
            "Без его листов изменились бы {n} прошлых решений — пересмотрите их: {list}.",
        ).format(n=len(decisions), list=listed)
    )


def _agreement_advice(result: Mapping[str, Any], names: Mapping[str, str]) -> list[str]:
    """Low agreement overall (said with what a negative alpha means) and per competency."""
    out = []
    alpha = result["alpha"]
    if alpha is not None and alpha < LOW_ALPHA:
        worse = _(" Ниже нуля: интервьюеры расходятся сильнее, чем если бы ставили оценки наугад.") if alpha < 0 else ""
        out.append(
            _("Согласие низкое: {alpha} при норме от {low} — одна оценка пока мало что говорит о кандидате.").format(
                alpha=two_places(alpha), low=two_places(LOW_ALPHA)
            )
            + worse
        )
    low = [
        names.get(c["id"], c["id"]) for c in result["competencies"] if c["alpha"] is not None and c["alpha"] < LOW_ALPHA
    ]
    if low:
        out.append(
            _(
                "Уточните рубрику по компетенциям с низким согласием ({list}): перепишите описания уровней и якоря "
                "ответов так, чтобы «3» и «4» различались наблюдаемым поведением, и разберите вместе пару "
                "записанных ответов."
            ).format(list=", ".join(low))
        )
    elif alpha is not None and alpha < LOW_ALPHA:
        out.append(
            _(
                "Уточните рубрику: перепишите описания уровней и якоря ответов так, чтобы «3» и «4» различались "
                "наблюдаемым поведением, и разберите вместе пару записанных ответов."
            )
        )
    return out


def _names(model: Model) -> dict[str, str]:
    return {c.id: c.name for c in model.competencies}


def _summary(result: Mapping[str, Any]) -> list[tuple[str, str]]:
    return [
        (_("Оценочных листов"), two_places(result["scorecards"])),
        (_("Кандидатов"), two_places(result["candidates"])),
        (_("Средний размер панели"), two_places(result["panel_size"])),
        (_("Согласие (альфа)"), two_places(result["alpha"])),
        (_("Надёжность панели"), two_places(result["panel_reliability"])),
        (_("Надёжность с ещё одним интервьюером"), two_places(result["panel_reliability_plus_one"])),
    ]


def _tables(model: Model, result: Mapping[str, Any]) -> tuple[Sequence[tuple[str, ...]], Sequence[tuple[str, ...]]]:
    names = _names(model)
    people = [
        (_("Интервьюер"), _("Оценок для сравнения"), _("Мягкость"), _("Диапазон 95%"), _("Отмечен"), _("Решений"))
    ]
    people += [
        (
            i["name"],
            str(i["ratings"]),
            _signed(i["leniency"]),
            _interval(i),
            _("да") if i["flagged"] else "",
            str(len(i.get("decisions") or [])) if i["flagged"] else "",
        )
        for i in result["interviewers"]
    ]
    comps = [(_("Компетенция"), _("Согласие (альфа)"), _("Кандидатов с двумя оценками и больше"))]
    comps += [
        (names.get(c["id"], c["id"]), two_places(c["alpha"]), str(c["candidates"])) for c in result["competencies"]
    ]
    return people, comps


def _signed(x: float | None) -> str:
    """Signed with two decimals; zero without a sign."""
    return two_places(0.0) if x == 0 else signed(x)


def _interval(i: Mapping[str, Any]) -> str:
    if i.get("ci_low") is None or i.get("ci_high") is None:
        return "—"
    return f"{_signed(i['ci_low'])} … {_signed(i['ci_high'])}"


def to_text(model: Model, result: Mapping[str, Any]) -> str:
    """Plain text for a terminal."""
    people, comps = _tables(model, result)
    lines = [_("Калибровка интервьюеров"), ""] + [f"{k}: {v}" for k, v in _summary(result)]
    lines += ["", _("Что делать:")] + [f"  · {a}" for a in advice(result, _names(model))]
    lines += [""] + text_table(people) + [""] + text_table(comps)
    lines += ["", _("Что значат числа:")] + [f"  {p}" for p in meaning()]
    return "\n".join(lines) + "\n"


def _md_table(rows: Sequence[tuple[str, ...]]) -> list[str]:
    out = ["| " + " | ".join(md_escape(c) for c in rows[0]) + " |", "|" + " --- |" * len(rows[0])]
    return out + ["| " + " | ".join(md_escape(c) for c in r) + " |" for r in rows[1:]]


def to_markdown(model: Model, result: Mapping[str, Any]) -> str:
    """Markdown (text escaped)."""
    people, comps = _tables(model, result)
    lines = ["# " + _("Калибровка интервьюеров"), ""] + [f"- {k}: **{v}**" for k, v in _summary(result)]
    lines += ["", "## " + _("Что делать"), ""] + [f"- {md_escape(a)}" for a in advice(result, _names(model))]
    lines += ["", "## " + _("Интервьюеры"), ""] + _md_table(people)
    lines += ["", "## " + _("Компетенции"), ""] + _md_table(comps)
    lines += ["", "## " + _("Что значат числа"), ""] + [md_escape(p) + "\n" for p in meaning()]
    return "\n".join(lines).rstrip() + "\n"


def _html_table(rows: Sequence[tuple[str, ...]]) -> str:
    head = "".join(f"<th>{escape(c)}</th>" for c in rows[0])
    body = "".join("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in r) + "</tr>" for r in rows[1:])
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def to_html(model: Model, result: Mapping[str, Any]) -> str:
    """One self-contained HTML page (everything escaped)."""
    people, comps = _tables(model, result)
    title = escape(_("Калибровка интервьюеров"))
    summary = "".join(f"<li>{escape(k)}: <strong>{escape(v)}</strong></li>" for k, v in _summary(result))
    todo = "".join(f"<li>{escape(a)}</li>" for a in advice(result, _names(model)))
    about = "".join(f"<p>{escape(p)}</p>" for p in meaning())
    style = (
        "body{font-family:Arial,sans-serif;max-width:190mm;margin:0 auto;line-height:1.4}"
        "table{border-collapse:collapse;width:100%}th,td{border:1px solid #bbb;padding:1mm 2mm;text-align:left}"
        "th{background:#f0f0f0}"
    )
    return (
        f'<!DOCTYPE html>\n<html lang="{language()}"><head><meta charset="utf-8"><title>{title}</title><style>{style}</style>'
        f"</head><body><h1>{title}</h1><ul>{summary}</ul><h2>{escape(_('Что делать'))}</h2><ul>{todo}</ul>"
        f"<h2>{escape(_('Интервьюеры'))}</h2>{_html_table(people)}<h2>{escape(_('Компетенции'))}</h2>"
        f"{_html_table(comps)}<h2>{escape(_('Что значат числа'))}</h2>{about}</body></html>\n"
    )


def to_xlsx(model: Model, result: Mapping[str, Any]) -> bytes:
    """A workbook: summary with advice and meaning, interviewers, competencies (numbers as numbers)."""
    from openpyxl.styles import Alignment

    wb = xlsx_out.new_workbook()
    ws = wb.active
    ws.title = _("Сводка")
    keys = ("scorecards", "candidates", "panel_size", "alpha", "panel_reliability", "panel_reliability_plus_one")
    for r, ((label, _text), key) in enumerate(zip(_summary(result), keys), start=1):
        ws.cell(row=r, column=1, value=label)
        ws.cell(row=r, column=2, value=result[key])
    row = len(keys) + 2
    for text in [_("Что делать:")] + advice(result, _names(model)) + [_("Что значат числа:")] + meaning():
        ws.cell(row=row, column=1, value=xlsx_out.cell_text(text)).alignment = Alignment(wrap_text=True, vertical="top")
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=6)
        ws.row_dimensions[row].height = 15 * max(1, len(text) // 90 + 1)
        row += 1
    ws.column_dimensions["A"].width = 40
    people = wb.create_sheet(_("Интервьюеры"))
    xlsx_out.header(
        people,
        1,
        (_("Интервьюер"), _("Оценок для сравнения"), _("Мягкость"), _("От"), _("До"), _("Отмечен")),
        (30, 18, 12, 10, 10, 10),
    )
    for r, i in enumerate(result["interviewers"], start=2):
        cells = (
            xlsx_out.cell_text(i["name"]),
            i["ratings"],
            i["leniency"],
            i.get("ci_low"),
            i.get("ci_high"),
            _("да") if i["flagged"] else "",
        )
        for c, v in enumerate(cells, 1):
            people.cell(row=r, column=c, value=xlsx_out.cell_text(v))
        if i["flagged"]:
            xlsx_out.fill(people.cell(row=r, column=3), xlsx_out.BAD_FILL)
    comps = wb.create_sheet(_("Компетенции"))
    xlsx_out.header(comps, 1, (_("Компетенция"), "id", _("Согласие (альфа)"), _("Кандидатов")), (36, 20, 16, 12))
    names = _names(model)
    for r, c in enumerate(result["competencies"], start=2):
        for col, v in enumerate((names.get(c["id"], c["id"]), c["id"], c["alpha"], c["candidates"]), 1):
            comps.cell(row=r, column=col, value=xlsx_out.cell_text(v))
        if c["alpha"] is not None and c["alpha"] < LOW_ALPHA:
            xlsx_out.fill(comps.cell(row=r, column=3), xlsx_out.BAD_FILL)
    return xlsx_out.save(wb)


def render(model: Model, result: Mapping[str, Any], fmt: str) -> str | bytes:
    """The report in text | md | html | json | xlsx."""
    if fmt == "json":
        return json.dumps(result, ensure_ascii=False, indent=2) + "\n"
    writers: dict[str, Callable[[Model, Mapping[str, Any]], str | bytes]] = {
        "text": to_text,
        "md": to_markdown,
        "html": to_html,
        "xlsx": to_xlsx,
    }
    return writers[fmt](model, result)
