"""A radar chart of rating vs target as inline SVG (no JavaScript, no external assets).

An unrated competency is a gap in its series (the outline breaks there, no spike to the
centre) and its label says «не оценено». Long labels wrap onto several lines, and the
viewBox grows to hold every label, so nothing is clipped whatever the names.
"""

from __future__ import annotations

import math
from html import escape
from typing import Sequence

from accountpath.i18n import _

FONT = 12
CHAR_W = 7.2  # a generous average glyph width at 12px (Cyrillic is wide), so estimates err outwards
LINE_H = 15
WRAP = 18


def _pt(cx: float, cy: float, r: float, i: int, n: int) -> tuple[float, float]:
    angle = -math.pi / 2 + 2 * math.pi * i / n
    return (round(cx + r * math.cos(angle), 1), round(cy + r * math.sin(angle), 1))


def wrap(label: str, width: int = WRAP) -> list[str]:
    """Split a label into lines of at most `width` characters where possible (words never cut)."""
    lines: list[str] = []
    for word in label.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines or [""]


def _label(
    x: float, y: float, cx: float, lines: list[str], muted: bool
) -> tuple[str, tuple[float, float, float, float]]:
    """The <text> of one label and its estimated box (x0, y0, x1, y1)."""
    anchor = "middle" if abs(x - cx) < 5 else ("start" if x > cx else "end")
    width = max(len(s) for s in lines) * CHAR_W
    x0 = x - width / 2 if anchor == "middle" else (x if anchor == "start" else x - width)
    height = LINE_H * len(lines)
    top = y - height / 2 + LINE_H / 2
    style = ' fill="#666" font-style="italic"' if muted else ""
    spans = "".join(f'<tspan x="{x}" y="{round(top + k * LINE_H, 1)}">{escape(s)}</tspan>' for k, s in enumerate(lines))
    return (
        f'<text text-anchor="{anchor}" dominant-baseline="middle"{style}>{spans}</text>',
        (x0, top - LINE_H / 2, x0 + width, top + height - LINE_H / 2),
    )


def _series(
    cx: float, cy: float, r: float, values: Sequence[float | None], max_value: int, name: str, colour: str
) -> str:
    n = len(values)
    pts = [None if v is None else _pt(cx, cy, r * v / max_value, i, n) for i, v in enumerate(values)]
    title = f"<title>{escape(name)}</title>"
    drawn = [p for p in pts if p is not None]
    if len(drawn) == len(pts):
        coords = " ".join(f"{x},{y}" for x, y in drawn)
        return (
            f'<polygon points="{coords}" fill="{colour}" fill-opacity="0.18" stroke="{colour}" '
            f'stroke-width="2">{title}</polygon>'
        )
    parts = []
    for i, p in enumerate(pts):
        q = pts[(i + 1) % n]
        if p is not None and q is not None and n > 1:
            parts.append(f'<line x1="{p[0]}" y1="{p[1]}" x2="{q[0]}" y2="{q[1]}" stroke="{colour}" stroke-width="2"/>')
        if p is not None:
            parts.append(f'<circle cx="{p[0]}" cy="{p[1]}" r="3.5" fill="{colour}"/>')
    return f"<g>{title}{''.join(parts)}</g>"


def radar_svg(
    labels: Sequence[str],
    series: Sequence[tuple[str, Sequence[float | None], str]],
    size: int = 420,
    max_value: int = 5,
    title: str = "",
) -> str:
    """SVG radar: `series` is (name, values 1..max or None when not rated, css colour)."""
    n = len(labels)
    if n == 0:
        return ""
    r = size / 2 - 10
    cx, cy = 0.0, 0.0
    unrated = [any(s[1][i] is None for s in series) for i in range(n)]
    body, boxes = [], [(-r, -r, r, r)]
    for level in range(1, max_value + 1):
        pts = " ".join(f"{x},{y}" for x, y in (_pt(cx, cy, r * level / max_value, i, n) for i in range(n)))
        body.append(f'<polygon points="{pts}" fill="none" stroke="#bbb" stroke-width="1"/>')
    for i, label in enumerate(labels):
        x, y = _pt(cx, cy, r, i, n)
        body.append(f'<line x1="{cx}" y1="{cy}" x2="{x}" y2="{y}" stroke="#ccc"/>')
        lines = wrap(label) + ([_("(не оценено)")] if unrated[i] else [])
        lx, ly = _pt(cx, cy, r + 16, i, n)
        text, box = _label(lx, ly, cx, lines, unrated[i])
        body.append(text)
        boxes.append(box)
    for name, values, colour in series:
        body.append(_series(cx, cy, r, values, max_value, name, colour))
    x0 = min(b[0] for b in boxes) - 8
    y0 = min(b[1] for b in boxes) - 8 - 28  # room for the legend above
    x1 = max(b[2] for b in boxes) + 8
    y1 = max(b[3] for b in boxes) + 8
    legend, lx = [], x0 + 10
    for name, _values, colour in series:
        legend.append(
            f'<rect x="{round(lx, 1)}" y="{round(y0 + 8, 1)}" width="12" height="12" fill="{colour}"/>'
            f'<text x="{round(lx + 18, 1)}" y="{round(y0 + 18, 1)}">{escape(name)}</text>'
        )
        lx += 30 + CHAR_W * len(name)
    x1 = max(x1, lx)
    x0, y0 = math.floor(x0), math.floor(y0)
    w, h = math.ceil(x1 - x0), math.ceil(y1 - y0)
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{x0} {y0} {w} {h}" role="img" '
        f'aria-label="{escape(title or _("Радар: оценка и цель"))}" class="radar" font-family="sans-serif" font-size="{FONT}">'
    )
    return head + (f"<title>{escape(title)}</title>" if title else "") + "".join(legend + body) + "</svg>"
