"""Inline SVG charts drawn at build time from the model: no JavaScript, no library.

Each chart function returns one `<figure>` element (a raw HTML block for Markdown) or "" when
the model has nothing to draw. Output is deterministic: coordinates are formatted with a
fixed precision and the order follows the model. Colours come from CSS classes styled in
docs/assets/stylesheets/extra.css, so the charts follow the light and dark palettes.
All text from the model is HTML-escaped.

Range charts are honest about open ranges: a range with only a lower bound fades out
towards the edge and ends in an arrow, a bound beyond the scale is drawn past a break
mark at the edge; every bar carries its figures as text.
"""

from __future__ import annotations

import textwrap
from html import escape
from typing import Any, Callable, Iterable

from accountpath.i18n import _
from accountpath.model.types import Model
from accountpath.render.career_map import career_rows
from accountpath.render.market_page import ESTIMATE_LABEL, salary_table, short_range

FONT = 13
LINE = 17
CHAR_W = 7.0  # average glyph width at FONT px, for wrapping and label space


def f(x: float) -> str:
    """A coordinate with at most one decimal, no trailing zeros."""
    s = f"{x:.1f}"
    return s[:-2] if s.endswith(".0") else s


def e(text: object) -> str:
    """HTML-escape text (quotes too)."""
    return escape(str(text), quote=True)


def wrap(text: str, width: int) -> list[str]:
    """Text wrapped to lines of at most `width` characters (at least one line)."""
    return textwrap.wrap(" ".join(str(text).split()), width=width, break_long_words=True) or [""]


def _nice_step(span: float, max_ticks: int = 8) -> float:
    """A round tick step so that span / step <= max_ticks."""
    for base in (1, 2, 2.5, 5):
        for exp in range(0, 10):
            step: float = base * 10**exp
            if span / step <= max_ticks:
                return step
    return span  # pragma: no cover


def figure(svg: str, caption: str, cls: str) -> str:
    """A <figure> holding one SVG and its caption, kept out of Markdown processing."""
    return f'<figure class="ap-figure {cls}" markdown="0">\n{svg}\n<figcaption>{e(caption)}</figcaption>\n</figure>'


def svg_open(width: float, height: float, title: str, desc: str, ident: str, font: int = FONT) -> str:
    """The opening <svg> tag with an accessible title and description."""
    return (
        f'<svg class="ap-chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {f(width)} {f(height)}" '
        f'width="100%" role="img" aria-labelledby="{ident}-title {ident}-desc" font-size="{font}">'
        f'<title id="{ident}-title">{e(title)}</title><desc id="{ident}-desc">{e(desc)}</desc>'
    )


def arrow_defs(ident: str = "ap-arrow") -> str:
    """An arrowhead marker for lines (class ap-arrowhead)."""
    return (
        f'<defs><marker id="{ident}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" '
        'orient="auto-start-reverse"><path class="ap-arrowhead" d="M0,0 L10,5 L0,10 z"/></marker></defs>'
    )


def box(x: float, y: float, w: float, h: float, cls: str, lines: Iterable[tuple[str, str]]) -> list[str]:
    """A rounded box with lines of (css class, text) from its top left."""
    out = [f'<rect class="{cls}" x="{f(x)}" y="{f(y)}" width="{f(w)}" height="{f(h)}" rx="6"/>']
    ty = y + 8 + LINE - 4
    for kind, text in lines:
        out.append(f'<text class="{kind}" x="{f(x + 10)}" y="{f(ty)}">{e(text)}</text>')
        ty += LINE
    return out


# ---------------------------------------------------------------- range charts

Row = tuple[list[str], "float | None", "float | None", str]
"""Label lines, low, high, the range as text."""


def _fade_defs(ident: str) -> str:
    return (
        f'<defs><linearGradient id="{ident}-up"><stop class="ap-stop" offset="0"/>'
        f'<stop class="ap-stop ap-stop-end" offset="1"/></linearGradient>'
        f'<linearGradient id="{ident}-down"><stop class="ap-stop ap-stop-end" offset="0"/>'
        f'<stop class="ap-stop" offset="1"/></linearGradient>'
        f'<marker id="{ident}-open-end" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" '
        'orient="auto-start-reverse"><path class="ap-arrowhead" d="M0,0 L10,5 L0,10 z"/></marker>'
        f'<pattern id="{ident}-hatch" width="6" height="6" patternUnits="userSpaceOnUse" '
        'patternTransform="rotate(45)"><rect class="ap-hatch" width="3" height="6" fill="#fff" fill-opacity=".6"/>'
        "</pattern></defs>"
    )


def _bar(
    lo: float | None,
    hi: float | None,
    text: str,
    x: Callable[[float], float],
    left: float,
    right: float,
    by: float,
    ident: str,
) -> list[str]:
    """One range bar at height `by` with its figures; an open end fades out and ends in an
    arrow, its label sits in the faded part; a bound past the scale gets a break mark."""
    mid, ty, tw = by + 7, by + 11, len(text) * 6.6 + 14
    if not text:
        return [el for el in _bar(lo, hi, " ", x, left, right, by, ident) if not el.startswith("<text")]
    if lo is not None and hi is not None:
        x0, x1 = x(lo), max(x(hi), x(lo) + 3)
        if x1 + tw < right + 30:
            label = f'<text class="ap-value" x="{f(x1 + 6)}" y="{f(ty)}">{e(text)}</text>'
        elif x0 - tw >= left - 14:
            label = f'<text class="ap-value" x="{f(x0 - 6)}" y="{f(ty)}" text-anchor="end">{e(text)}</text>'
        else:  # too long for either side (e.g. «от 20 тыс.; средний максимум 100–130 тыс.»): above the bar
            label = f'<text class="ap-value" x="{f(x0)}" y="{f(by - 3)}">{e(text)}</text>'

        return [f'<rect class="ap-bar" x="{f(x0)}" y="{f(by)}" width="{f(x1 - x0)}" height="14" rx="3"/>', label]
    if lo is not None:
        beyond = x(lo) > right - 90
        x0 = right - 90 if beyond else x(lo)
        out = [
            f'<rect class="ap-bar ap-open" x="{f(x0)}" y="{f(by)}" width="{f(right - x0)}" height="14" '
            f'style="fill:url(#{ident}-up)"/>',
            f'<line class="ap-open-edge" x1="{f(x0)}" y1="{f(mid)}" x2="{f(right + 8)}" y2="{f(mid)}" '
            f'marker-end="url(#{ident}-open-end)"/>',
        ]
        if beyond:  # a break mark: the bound lies past the end of the scale
            out.append(
                f'<path class="ap-break" d="M{f(x0 - 9)},{f(by + 18)} l6,-22 M{f(x0 - 4)},{f(by + 18)} l6,-22"/>'
            )
            out.append(f'<text class="ap-value" x="{f(x0 - 14)}" y="{f(ty)}" text-anchor="end">{e(text)}</text>')
        elif right - x0 > tw + 40:  # in the faded half of the bar, clear of its dark start
            out.append(f'<text class="ap-value" x="{f(right - 4)}" y="{f(by - 3)}" text-anchor="end">{e(text)}</text>')
        else:
            out.append(f'<text class="ap-value" x="{f(x0 - 6)}" y="{f(ty)}" text-anchor="end">{e(text)}</text>')
        return out
    if hi is not None:
        x1 = x(hi)
        return [
            f'<rect class="ap-bar ap-open" x="{f(left)}" y="{f(by)}" width="{f(max(x1 - left, 3))}" height="14" '
            f'style="fill:url(#{ident}-down)"/>',
            f'<text class="ap-value" x="{f(x1 + 6)}" y="{f(ty)}">{e(text)}</text>',
        ]
    return []


def _ranges(
    rows: list[Row],
    *,
    ident: str,
    title: str,
    desc: str,
    unit_label: Callable[[float], str],
    axis_max: float | None = None,
    label_w: float = 250,
    width: float = 780,
    shades: list[tuple[float, float] | None] | None = None,
) -> str:
    """Horizontal range bars, one row per (label lines, lo, hi, text). The scale fits the
    closed ranges and lower bounds that are not outliers, so one «от 1 000 000» figure does
    not squash every other bar: it is drawn past a break mark at the right edge.
    label_w=0 stacks each label above its bar (the narrow form for a phone); the figures
    then end the label's first line. `shades`: per row, a (low, high) part of the bar drawn hatched (the
    article's «средний максимум»), or None."""
    stacked = label_w == 0
    left, right, top = (18.0 if stacked else label_w + 14), width - (20 if stacked else 30), 10.0
    closed = [hi for _, lo, hi, _ in rows if lo is not None and hi is not None]
    values = [v for _, lo, hi, _ in rows for v in (lo, hi) if v is not None]
    vmax = axis_max if axis_max is not None else max(closed or values)
    step = _nice_step(vmax, 4 if stacked else 8)
    axis_end = axis_max if axis_max is not None else step * -(-vmax // step)
    axis_end = axis_end if axis_end > 0 else step

    def x(v: float) -> float:
        return left + (right - left) * min(v, axis_end) / axis_end

    heights = [max(len(lines), 1) * LINE + (30 if stacked else 12) for lines, _, _, _ in rows]
    plot_h = sum(heights)
    out = [svg_open(width, top + plot_h + 34, title, desc, ident), _fade_defs(ident)]
    for i in range(int(round(axis_end / step)) + 1):
        v = step * i
        out.append(f'<line class="ap-grid" x1="{f(x(v))}" y1="{f(top)}" x2="{f(x(v))}" y2="{f(top + plot_h)}"/>')
        out.append(
            f'<text class="ap-tick" x="{f(x(v))}" y="{f(top + plot_h + 16)}" text-anchor="middle">{e(unit_label(v))}</text>'
        )
    y = top
    for (lines, lo, hi, text), h, shade in zip(rows, heights, shades or [None] * len(rows)):
        if stacked:
            lines = [f"{lines[0]}: {text}"] + lines[1:]
        ty = y + LINE - 2 if stacked else y + (h - len(lines) * LINE) / 2 + LINE - 4
        for j, line in enumerate(lines):
            cls = "ap-label-main" if j == 0 else "ap-label"
            anchor = f'x="{f(left)}"' if stacked else f'x="{f(label_w)}" text-anchor="end"'
            out.append(f'<text class="{cls}" {anchor} y="{f(ty + j * LINE)}">{e(line)}</text>')
        by = y + len(lines) * LINE + 6 if stacked else y + h / 2 - 7
        bar = _bar(lo, hi, "" if stacked else text, x, left, right, by, ident)
        if shade is not None:  # over the bar, under its figures
            bar.insert(
                1,
                f'<rect class="ap-shade" x="{f(x(shade[0]))}" y="{f(by)}" width="{f(x(shade[1]) - x(shade[0]))}" '
                f'height="14" style="fill:url(#{ident}-hatch)"/>',
            )
        out += bar
        y += h
    out.append(f'<line class="ap-axis" x1="{f(left)}" y1="{f(top + plot_h)}" x2="{f(right)}" y2="{f(top + plot_h)}"/>')
    out.append("</svg>")
    return "".join(out)


def _thousands(v: float) -> str:
    n = int(round(v / 1000))
    return f"{n:,}".replace(",", "\u202f") + " тыс."


def salary_chart(model: Model) -> str:
    """Salary ranges (roubles a month), one bar per salary entry in the market table's order:
    a wide chart and a narrow one for a phone in one figure (CSS shows one of them)."""
    wide: list[Row] = []
    narrow: list[Row] = []
    shades: list[tuple[float, float] | None] = []
    for r in salary_table(model):
        detail = r.detail
        if r.estimate:
            detail += f" ({ESTIMATE_LABEL})"
        text = short_range(r.s)
        # «от 20 тыс.; средний максимум 100–130 тыс.»: the article gives an upper reference, so the bar is
        # closed at the top of the average maximum and that band is hatched (review 11, finding 34)
        avg = r.s.average_max
        hi = r.s.max if r.s.max is not None or avg is None else avg[1]
        shades.append((avg[0], avg[1]) if avg is not None else None)
        wide.append(([r.label] + wrap(detail, int(250 / CHAR_W)), r.s.min, hi, text))
        narrow.append(([r.label] + wrap(detail, int(330 / CHAR_W)), r.s.min, hi, text))
    if not wide:
        return ""
    desc = (
        "Горизонтальные полосы: зарплата от нижней до верхней границы, рядом — цифры. Полоса, которая "
        "бледнеет к краю и кончается стрелкой, — источник назвал только нижнюю границу. Заштрихованный конец "
        "полосы — «средний максимум»: источник назвал его вместо верхней границы."
    )
    title = "Зарплатные вилки аккаунт-менеджера по статьям, ₽ в месяц"
    svg = _ranges(wide, ident="salary-chart", title=title, desc=desc, unit_label=_thousands, shades=shades).replace(
        'class="ap-chart"', 'class="ap-chart ap-wide"', 1
    ) + _ranges(
        narrow,
        ident="salary-chart-narrow",
        title=title,
        desc=desc,
        unit_label=_thousands,
        label_w=0,
        width=360,
        shades=shades,
    ).replace('class="ap-chart"', 'class="ap-chart ap-narrow"', 1)
    return figure(
        svg,
        "Зарплатные вилки, тысяч рублей в месяц. Бледнеющая полоса со стрелкой: источник называет "
        "только нижнюю границу; заштрихованный конец полосы: «средний максимум», который источник называет "
        "вместо верхней границы; знак разрыва: граница дальше края шкалы.",
        "ap-salary",
    )


def share_chart(model: Model) -> str:
    """Shares of vacancy formats (percent ranges)."""

    def pct(lo: float, hi: float, approx: bool) -> str:
        if lo == 0 and hi:
            return f"до {hi:g}\u00a0%"
        return f"{'около ' if approx else ''}{lo:g}\u00a0%" if lo == hi else f"{lo:g}–{hi:g}\u00a0%"

    rows: list[Row] = [
        (wrap(v.format, int(200 / CHAR_W)), v.min, v.max, pct(v.min, v.max, v.approx))
        for v in model.market.vacancy_formats
    ]
    if not rows:
        return ""
    svg = _ranges(
        rows,
        ident="formats-chart",
        title="Доля вакансий по формату работы, %",
        desc="Горизонтальные полосы: доля вакансий от нижней до верхней оценки, рядом — цифры.",
        unit_label=lambda v: f"{int(v)}\u00a0%",
        axis_max=100,
        label_w=200,
        width=760,
    )
    return figure(
        svg,
        "Доля вакансий по формату работы, % от всех вакансий, по статье; пересекаются ли форматы, статья не говорит.",
        "ap-formats",
    )


# ---------------------------------------------------------------- the career map

MAP_W = 940.0
LEFT_X = 8.0
SIDE_W = 200.0
ROLE_X = 254.0
ROLE_W = 432.0  # two roles of a rung side by side still hold «Key Account Manager (KAM)» on one line
RIGHT_X = 732.0
MAP_CHAR = 7.4  # average glyph width at the map's 14 px, for wrapping
TOP = 34.0
ROW_GAP = 36.0


def _bullets(items: list[str], width: int) -> list[tuple[str, str]]:
    lines = []
    for item in items:
        for i, t in enumerate(wrap(item, width - 2)):
            lines.append(("ap-box-text", ("• " if i == 0 else "  ") + t))
    return lines


ROLE_GAP = 16.0  # between two roles standing side by side on one rung


def _role_boxes(group: list[Any]) -> list[tuple[float, float]]:
    """(x, width) of each role box on a rung: the role column split evenly."""
    w = (ROLE_W - ROLE_GAP * (len(group) - 1)) / len(group)
    return [(ROLE_X + k * (w + ROLE_GAP), w) for k in range(len(group))]


def _outside(
    model: Model, careers: dict[str, dict[str, list[str]]], group: list[Any], key: str, side: int
) -> list[tuple[str, str]]:
    """The professions people come from (key "from") or leave for ("to"), under each role's name
    when several roles share the rung."""
    lines: list[tuple[str, str]] = []
    for role in group:
        items = [e for e in careers[role.id][key] if model.role(e) is None]
        if items and len(group) > 1:
            lines += [("ap-box-title", t) for t in wrap(role.name, side)]
        lines += _bullets(items, side)
    return lines


def _rows(model: Model, careers: dict[str, dict[str, list[str]]]) -> list[dict[str, Any]]:
    """One row per rung; roles of a parallel track share the row, side by side."""
    side = int((SIDE_W - 20) / MAP_CHAR)
    rows = []
    for group in career_rows(model, careers):
        centers = []
        for role, (_x, w) in zip(group, _role_boxes(group)):
            mid = int((w - 20) / MAP_CHAR)
            center = [("ap-box-title", t) for t in wrap(role.name, mid)]
            for n, lv in enumerate(role.levels, 1):
                for i, t in enumerate(wrap(lv.name, mid - 3)):
                    center.append(("ap-box-text", (f"{n}. " if i == 0 else "   ") + t))
            centers.append(center)

        left, right = _outside(model, careers, group, "from", side), _outside(model, careers, group, "to", side)
        h = max(*(len(c) for c in centers), len(left), len(right), 1) * LINE + 18
        rows.append({"roles": group, "centers": centers, "left": left, "right": right, "h": h})
    return rows


def _lanes(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """(side, lane) for each long step (row span): side -1 left of the roles, 1 right. Two
    steps whose spans interleave go to different sides; on a side, a longer step runs further
    out, so nested steps never cross."""

    def interleave(a: tuple[int, int], b: tuple[int, int]) -> bool:
        return a[0] < b[0] < a[1] < b[1] or b[0] < a[0] < b[1] < a[1]

    sides: dict[int, list[int]] = {-1: [], 1: []}
    for k, span in enumerate(spans):
        side = next((sd for sd in (-1, 1) if not any(interleave(span, spans[o]) for o in sides[sd])), -1)
        sides[side].append(k)
    out: dict[int, tuple[int, int]] = {}
    for side, members in sides.items():
        for lane, k in enumerate(sorted(members, key=lambda m: (spans[m][1] - spans[m][0], m)), 1):
            out[k] = (side, lane)
    return [out[k] for k in range(len(spans))]


def _edges(
    model: Model, careers: dict[str, dict[str, list[str]]], pos: dict[str, tuple[float, float, float, int]]
) -> list[str]:
    """Arrows between roles: to the next rung straight (or slanted to a role beside another),
    longer steps in lanes beside the roles."""
    out: list[str] = []
    longer: list[tuple[str, str]] = []
    for role in model.roles:
        for t in careers[role.id]["to"]:
            if model.role(t) is None:
                continue
            (_y0, y1, x1, i), (y2, _y3, x2, j) = pos[role.id], pos[t]
            if j == i + 1:
                out.append(
                    f'<line class="ap-edge" x1="{f(x1)}" y1="{f(y1)}" x2="{f(x2)}" '
                    f'y2="{f(y2 - 3)}" marker-end="url(#ap-arrow)"/>'
                )
            else:
                longer.append((role.id, t))
    spans = [(min(pos[a][3], pos[b][3]), max(pos[a][3], pos[b][3])) for a, b in longer]
    for (a, b), (side, lane) in zip(longer, _lanes(spans)):
        i, j = pos[a][3], pos[b][3]
        edge_x = ROLE_X if side < 0 else ROLE_X + ROLE_W
        xl = edge_x + side * 14 * lane
        y1 = pos[a][1] - 8 - 6 * (lane - 1) if j > i else pos[a][0] + 8 + 6 * (lane - 1)
        y2 = pos[b][0] + 10 + 6 * (lane - 1) if j > i else pos[b][1] - 10 - 6 * (lane - 1)
        up = " ap-up" if j < i else ""
        out.append(
            f'<path class="ap-edge{up}" d="M{f(edge_x)},{f(y1)} H{f(xl)} V{f(y2)} H{f(edge_x - side * 3)}" '
            f'fill="none" marker-end="url(#ap-arrow)"/>'
        )
    return out


def career_ladder(model: Model, careers: dict[str, dict[str, list[str]]]) -> str:
    """The career map for a wide screen as one <figure> ("" without roles): one band per
    role, top to bottom in model order, the role's levels in the middle, the professions
    people come from on the left and leave for on the right, arrows between roles (the next
    role straight down, a longer step in its own lane left of the roles: no line crosses)."""
    rows = _rows(model, careers)
    if not rows:
        return ""
    height = TOP + sum(r["h"] for r in rows) + ROW_GAP * (len(rows) - 1) + 8
    out = [
        svg_open(
            MAP_W,
            height,
            _("Карта карьеры в клиентском сервисе"),
            _(
                "Роли сверху вниз, от первой ступени к старшей, с уровнями внутри роли; параллельные ветки "
                "одной ступени — рядом в одной полосе. Слева в той же полосе — из каких профессий приходят "
                "в роль, справа — куда из неё уходят. Стрелки — переходы между ролями."
            ),
            "career-map",
            font=14,
        ),
        arrow_defs(),
    ]
    came_from, roles_head, went_to = (
        _("Приходят из других профессий →"),
        _("Роли и их уровни"),
        _("→ Уходят в другие профессии"),
    )
    out.append(f'<text class="ap-col" x="{f(LEFT_X)}" y="20" text-anchor="start">{came_from}</text>')
    out.append(f'<text class="ap-col" x="{f(ROLE_X + ROLE_W / 2)}" y="20" text-anchor="middle">{roles_head}</text>')
    out.append(f'<text class="ap-col" x="{f(RIGHT_X + SIDE_W)}" y="20" text-anchor="end">{went_to}</text>')
    y = TOP
    pos: dict[str, tuple[float, float, float, int]] = {}
    for n, row in enumerate(rows):
        h = row["h"]
        out.append(f'<rect class="ap-band" x="0" y="{f(y - 4)}" width="{f(MAP_W)}" height="{f(h + 8)}" rx="8"/>')
        for role, center, (x, w) in zip(row["roles"], row["centers"], _role_boxes(row["roles"])):
            pos[role.id] = (y, y + h, x + w / 2, n)
            out += box(x, y, w, h, "ap-box ap-role", center)
        if row["left"]:
            out += box(LEFT_X, y, SIDE_W, h, "ap-box ap-ext", row["left"])
        if row["right"]:
            out += box(RIGHT_X, y, SIDE_W, h, "ap-box ap-ext", row["right"])
        y += h + ROW_GAP
    out += _edges(model, careers, pos)
    out.append("</svg>")
    return figure(
        "".join(out),
        _(
            "Карта карьеры: роли и их уровни сверху вниз, параллельные ветки — рядом, слева — откуда приходят, "
            "справа — куда уходят из клиентского сервиса."
        ),
        "ap-career",
    )
