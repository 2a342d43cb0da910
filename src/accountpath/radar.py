"""A radar chart of rating vs target as inline SVG (no JavaScript, no external assets)."""

from __future__ import annotations

import math
from html import escape
from typing import Sequence


def _pt(cx: float, cy: float, r: float, i: int, n: int) -> tuple[float, float]:
    angle = -math.pi / 2 + 2 * math.pi * i / n
    return (round(cx + r * math.cos(angle), 1), round(cy + r * math.sin(angle), 1))


def radar_svg(labels: Sequence[str], series: Sequence[tuple[str, Sequence[float | None], str]],
              size: int = 420, max_value: int = 5, title: str = "") -> str:
    """SVG radar: `series` is (name, values 0..max or None, css colour). Unrated points sit at 0."""
    n = len(labels)
    if n == 0:
        return ""
    pad = 110
    w = size + 2 * pad
    cx, cy, r = w / 2, size / 2 + 30, size / 2 - 10
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w:.0f} {size + 60}" role="img" '
             f'aria-label="{escape(title or "Радар: оценка и цель")}" class="radar" font-family="sans-serif" font-size="12">']
    if title:
        parts.append(f"<title>{escape(title)}</title>")
    for level in range(1, max_value + 1):
        pts = " ".join(f"{x},{y}" for x, y in (_pt(cx, cy, r * level / max_value, i, n) for i in range(n)))
        parts.append(f'<polygon points="{pts}" fill="none" stroke="#bbb" stroke-width="1"/>')
    for i, label in enumerate(labels):
        x, y = _pt(cx, cy, r, i, n)
        parts.append(f'<line x1="{cx}" y1="{cy}" x2="{x}" y2="{y}" stroke="#ccc"/>')
        lx, ly = _pt(cx, cy, r + 14, i, n)
        anchor = "middle" if abs(lx - cx) < 5 else ("start" if lx > cx else "end")
        parts.append(f'<text x="{lx}" y="{ly}" text-anchor="{anchor}" dominant-baseline="middle">{escape(label)}</text>')
    for name, values, colour in series:
        pts = " ".join(f"{x},{y}" for x, y in (_pt(cx, cy, r * (v or 0) / max_value, i, n) for i, v in enumerate(values)))
        parts.append(f'<polygon points="{pts}" fill="{colour}" fill-opacity="0.18" stroke="{colour}" stroke-width="2"><title>{escape(name)}</title></polygon>')
    ly = 14
    lx = 10
    for name, _values, colour in series:
        parts.append(f'<rect x="{lx}" y="{ly - 9}" width="12" height="12" fill="{colour}"/>'
                     f'<text x="{lx + 18}" y="{ly + 1}">{escape(name)}</text>')
        lx += 30 + 8 * len(name)
    parts.append("</svg>")
    return "".join(parts)
