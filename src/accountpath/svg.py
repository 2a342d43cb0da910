"""Inline SVG charts drawn at build time from the model: no JavaScript, no library.

Each function returns one `<figure>` element (a raw HTML block for Markdown) or "" when
the model has nothing to draw. Output is deterministic: coordinates are formatted with a
fixed precision and the order follows the model. Colours come from CSS classes styled in
docs/assets/stylesheets/extra.css, so the charts follow the light and dark palettes.
All text from the model is HTML-escaped.
"""

from __future__ import annotations

import textwrap
from html import escape
from typing import Iterable

from .model import Model

FONT = 13
LINE = 17
CHAR_W = 7.0  # average glyph width at FONT px, for wrapping and label space


def _f(x: float) -> str:
    """A coordinate with at most one decimal, no trailing zeros."""
    s = f"{x:.1f}"
    return s[:-2] if s.endswith(".0") else s


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def _wrap(text: str, width: int) -> list[str]:
    return textwrap.wrap(" ".join(str(text).split()), width=width, break_long_words=True) or [""]


def _nice_step(span: float, max_ticks: int = 8) -> float:
    """A round tick step so that span / step <= max_ticks."""
    for base in (1, 2, 2.5, 5):
        for exp in range(0, 10):
            step = base * 10 ** exp
            if span / step <= max_ticks:
                return step
    return span  # pragma: no cover


def _figure(svg: str, caption: str, cls: str) -> str:
    return f'<figure class="ap-figure {cls}" markdown="0">\n{svg}\n<figcaption>{_e(caption)}</figcaption>\n</figure>'


def _svg_open(width: float, height: float, title: str, desc: str, ident: str) -> str:
    return (f'<svg class="ap-chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {_f(width)} {_f(height)}" '
            f'width="100%" role="img" aria-labelledby="{ident}-title {ident}-desc" font-size="{FONT}">'
            f'<title id="{ident}-title">{_e(title)}</title><desc id="{ident}-desc">{_e(desc)}</desc>')


def _ranges(rows: list[tuple[list[str], float | None, float | None]], *, ident: str, title: str, desc: str,
            unit_label, axis_max: float | None = None, label_w: float = 300) -> str:
    """Horizontal range bars: each row has label lines and a (lo, hi) range; an open end
    (None) draws a dashed bar to the edge of the axis (lo only) or from 0 (hi only)."""
    width = 760.0
    left = label_w + 10
    right = width - 30
    top = 10.0
    values = [v for _, lo, hi in rows for v in (lo, hi) if v is not None]
    closed = [hi for _, lo, hi in rows if lo is not None and hi is not None]
    # the scale fits the closed ranges: one "from 1 million" figure must not squash every other bar
    vmax = axis_max if axis_max is not None else max(closed or values)
    step = _nice_step(vmax)
    axis_end = axis_max if axis_max is not None else step * -(-vmax // step)
    if axis_end <= 0:
        axis_end = step

    def x(v: float) -> float:
        return left + (right - left) * v / axis_end

    heights = [max(len(lines), 1) * LINE + 12 for lines, _, _ in rows]
    plot_h = sum(heights)
    height = top + plot_h + 34
    out = [_svg_open(width, height, title, desc, ident)]
    # grid and tick labels
    ticks = int(round(axis_end / step))
    for i in range(ticks + 1):
        v = step * i
        out.append(f'<line class="ap-grid" x1="{_f(x(v))}" y1="{_f(top)}" x2="{_f(x(v))}" y2="{_f(top + plot_h)}"/>')
        out.append(f'<text class="ap-tick" x="{_f(x(v))}" y="{_f(top + plot_h + 16)}" text-anchor="middle">{_e(unit_label(v))}</text>')
    y = top
    for (lines, lo, hi), h in zip(rows, heights):
        ty = y + (h - len(lines) * LINE) / 2 + LINE - 4
        for j, line in enumerate(lines):
            cls = "ap-label-main" if j == 0 else "ap-label"
            out.append(f'<text class="{cls}" x="{_f(label_w)}" y="{_f(ty + j * LINE)}" text-anchor="end">{_e(line)}</text>')
        bar_y = y + h / 2 - 7
        if lo is not None and hi is not None:
            out.append(f'<rect class="ap-bar" x="{_f(x(lo))}" y="{_f(bar_y)}" width="{_f(max(x(hi) - x(lo), 3))}" height="14" rx="3"/>')
        elif lo is not None and lo > axis_end:
            out.append(f'<text class="ap-tick" x="{_f(right)}" y="{_f(bar_y + 11)}" text-anchor="end">'
                       f'от {_e(unit_label(lo))} →</text>')
        elif lo is not None:
            out.append(f'<rect class="ap-bar ap-open" x="{_f(x(lo))}" y="{_f(bar_y)}" width="{_f(max(right - x(lo), 3))}" height="14" rx="3"/>')
        elif hi is not None:
            out.append(f'<rect class="ap-bar ap-open" x="{_f(left)}" y="{_f(bar_y)}" width="{_f(max(x(hi) - left, 3))}" height="14" rx="3"/>')
        y += h
    out.append(f'<line class="ap-axis" x1="{_f(left)}" y1="{_f(top + plot_h)}" x2="{_f(right)}" y2="{_f(top + plot_h)}"/>')
    out.append("</svg>")
    return "".join(out)


def _thousands(v: float) -> str:
    n = int(round(v / 1000))
    return f"{n:,}".replace(",", "\u202f") + " тыс."


def salary_chart(model: Model) -> str:
    """Salary ranges of every role (roubles a month), one bar per salary entry."""
    rows = []
    for role in model.roles:
        for s in role.salary:
            detail = ", ".join((s.region, s.segment, s.experience))
            lines = [role.name] + _wrap(detail, int(300 / CHAR_W))
            rows.append((lines, s.min, s.max))
    if not rows:
        return ""
    desc = "Горизонтальные полосы: диапазон зарплаты от минимума до максимума; пунктир — диапазон без одной из границ."
    svg = _ranges(rows, ident="salary-chart", title="Зарплатные вилки по ролям, ₽ в месяц", desc=desc,
                  unit_label=_thousands)
    return _figure(svg, "Зарплатные вилки, тысяч рублей в месяц. Пунктир: источник называет только одну границу.",
                   "ap-salary")


def share_chart(model: Model) -> str:
    """Shares of vacancy formats (percent ranges)."""
    rows = [(_wrap(v.format, int(200 / CHAR_W)), v.min, v.max) for v in model.market.vacancy_formats]
    if not rows:
        return ""
    svg = _ranges(rows, ident="formats-chart", title="Доля вакансий по формату работы, %",
                  desc="Горизонтальные полосы: доля вакансий от нижней до верхней оценки.",
                  unit_label=lambda v: f"{int(v)} %", axis_max=100, label_w=200)
    return _figure(svg, "Доля вакансий по формату работы, % от всех вакансий.", "ap-formats")


def _box(x: float, y: float, w: float, h: float, cls: str, lines: Iterable[tuple[str, str]]) -> list[str]:
    out = [f'<rect class="{cls}" x="{_f(x)}" y="{_f(y)}" width="{_f(w)}" height="{_f(h)}" rx="6"/>']
    ty = y + 8 + LINE - 4
    for kind, text in lines:
        out.append(f'<text class="{kind}" x="{_f(x + 10)}" y="{_f(ty)}">{_e(text)}</text>')
        ty += LINE
    return out


def career_ladder(model: Model, careers: dict[str, dict[str, list[str]]]) -> str:
    """The career map: roles top to bottom in model order with their levels; outside
    entries into a role on the left, exits to outside roles on the right; arrows between
    roles that the model links."""
    width = 760.0
    col_w = 220.0
    gap = 30.0
    lx, cx, rx = 10.0, 10.0 + col_w + gap, 10.0 + 2 * (col_w + gap)
    wrap_w = int((col_w - 20) / CHAR_W)
    top = 30.0
    row_gap = 34.0
    rows = []
    for role in model.roles:
        center = [("ap-box-title", t) for t in _wrap(role.name, wrap_w)]
        for lv in role.levels:
            center += [("ap-box-text", ("• " if i == 0 else "  ") + t) for i, t in enumerate(_wrap(lv.name, wrap_w - 2))]
        ins = [e for e in careers[role.id]["from"] if model.role(e) is None]
        outs = [e for e in careers[role.id]["to"] if model.role(e) is None]
        left = [("ap-box-text", ("• " if i == 0 else "  ") + t) for e in ins for i, t in enumerate(_wrap(e, wrap_w - 2))]
        right = [("ap-box-text", ("• " if i == 0 else "  ") + t) for e in outs for i, t in enumerate(_wrap(e, wrap_w - 2))]
        h = max(len(center), len(left), len(right), 1) * LINE + 16
        rows.append((role, center, left, right, h))
    height = top + sum(r[4] for r in rows) + row_gap * (len(rows) - 1) + 10
    out = [_svg_open(width, height, "Карта карьеры",
                     "Роли сверху вниз с уровнями; слева — откуда приходят из других профессий, справа — куда уходят; "
                     "стрелки — переходы между ролями.", "career-map")]
    out.append('<defs><marker id="ap-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" '
               'orient="auto-start-reverse"><path class="ap-arrowhead" d="M0,0 L10,5 L0,10 z"/></marker></defs>')
    out.append(f'<text class="ap-col" x="{_f(lx)}" y="18">Приходят из</text>')
    out.append(f'<text class="ap-col" x="{_f(cx)}" y="18">Роли и уровни</text>')
    out.append(f'<text class="ap-col" x="{_f(rx)}" y="18">Уходят в</text>')
    y = top
    pos: dict[str, tuple[float, float]] = {}
    for role, center, left, right, h in rows:
        pos[role.id] = (y, y + h)
        out += _box(cx, y, col_w, h, "ap-box ap-role", center)
        if left:
            lh = len(left) * LINE + 16
            ly = y + (h - lh) / 2
            out += _box(lx, ly, col_w, lh, "ap-box ap-ext", left)
            out.append(f'<line class="ap-edge ap-dashed" x1="{_f(lx + col_w)}" y1="{_f(y + h / 2)}" x2="{_f(cx - 2)}" '
                       f'y2="{_f(y + h / 2)}" marker-end="url(#ap-arrow)"/>')
        if right:
            rh = len(right) * LINE + 16
            ry = y + (h - rh) / 2
            out += _box(rx, ry, col_w, rh, "ap-box ap-ext", right)
            out.append(f'<line class="ap-edge ap-dashed" x1="{_f(cx + col_w)}" y1="{_f(y + h / 2)}" x2="{_f(rx - 2)}" '
                       f'y2="{_f(y + h / 2)}" marker-end="url(#ap-arrow)"/>')
        y += h + row_gap
    order = [r.id for r in model.roles]
    drawn = set()
    bend = 0
    for role in model.roles:
        for e in careers[role.id]["to"]:
            if model.role(e) is None or (role.id, e) in drawn:
                continue
            drawn.add((role.id, e))
            i, j = order.index(role.id), order.index(e)
            if j == i + 1:
                x = cx + col_w / 2
                out.append(f'<line class="ap-edge" x1="{_f(x)}" y1="{_f(pos[role.id][1])}" x2="{_f(x)}" '
                           f'y2="{_f(pos[e][0] - 2)}" marker-end="url(#ap-arrow)"/>')
            else:  # not adjacent: an elbow through the gap left of the role column
                bend += 1
                xg = cx - 6 - 5 * bend
                y1 = (pos[role.id][0] + pos[role.id][1]) / 2 + 6
                y2 = (pos[e][0] + pos[e][1]) / 2 - 6
                out.append(f'<path class="ap-edge" d="M{_f(cx)},{_f(y1)} H{_f(xg)} V{_f(y2)} H{_f(cx - 2)}" '
                           f'fill="none" marker-end="url(#ap-arrow)"/>')
    out.append("</svg>")
    return _figure("".join(out), "Карта карьеры: роли, их уровни и переходы. Пунктир — переходы из других профессий и в них.",
                   "ap-career")
