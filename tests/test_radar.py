"""The radar: unrated competencies are a gap, labels are never clipped."""

from __future__ import annotations

import re

from accountpath.render.radar import CHAR_W, radar_svg, wrap

LABELS = [
    "Клиентоориентированность",
    "Матчасть: реклама, digital, продакшн",
    "Развитие аккаунта: допродажи, расширение",
    "Переговоры",
    "Стрессоустойчивость и ответственность",
]


def _svg(values):
    return radar_svg(LABELS, [("Цель", [3, 3, 3, 2, 3], "#777"), ("Средняя оценка", values, "#15c")], title="t")


def test_unrated_is_a_gap_not_a_spike():
    svg = _svg([3, None, 4, 2, 3])
    assert "(не оценено)" in svg
    # the rated series is drawn as segments and dots; nothing goes to the centre (0,0)
    series = svg.split("<title>Средняя оценка</title>", 1)[1]
    assert "0.0,0.0" not in series and 'cx="0.0" cy="0.0"' not in series
    assert series.count("<circle") == 4
    full = _svg([3, 3, 4, 2, 3])
    assert "(не оценено)" not in full and full.count("<polygon") == 5 + 2


def test_labels_fit_inside_the_viewbox():
    svg = _svg([3, 3, 4, 2, 3])
    x0, y0, w, h = map(float, re.search(r'viewBox="([-\d.]+) ([-\d.]+) ([\d.]+) ([\d.]+)"', svg).groups())
    for text in re.findall(r'<text text-anchor="(\w+)"[^>]*>(.*?)</text>', svg):
        anchor, spans = text
        for x, y, line in re.findall(r'<tspan x="([-\d.]+)" y="([-\d.]+)">([^<]*)</tspan>', spans):
            x, y, width = float(x), float(y), len(line) * CHAR_W
            left = {"start": x, "end": x - width, "middle": x - width / 2}[anchor]
            assert x0 <= left and left + width <= x0 + w, line
            assert y0 <= y - 8 and y + 8 <= y0 + h, line
    assert max(len(line) for label in LABELS for line in wrap(label)) <= 24
