"""Review 6, findings 9, 10: the open questions («без правильного ответа») are a card's last block, titled
«Вопрос без правильного ответа (заметка, без балла)», with a note field and no rating, in every format the
writers make; a card filled with that note reads back in each format with the same scores as without it."""

from __future__ import annotations

import io
import json

import pytest
import yaml
from openpyxl import load_workbook

from accountpath.io import cards, xlsx_read
from accountpath.method.evaluate import evaluate
from accountpath.render import scorecard

TITLE = "Вопрос без правильного ответа (заметка, без балла)"
NOTE = "Считала вслух: зарплаты с налогами, офис, техника; про найм забыла."


def _card(model):
    """The full card of the first role level of the model that offers an open question."""
    for role in model.roles:
        for level in role.levels:
            c = scorecard.card(model, role.id, level.id)
            if c.open_questions:
                return c
    pytest.skip("no role level of this model offers an open question")


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_the_block_comes_last_with_a_note_and_no_rating(real_model, fmt):
    c = _card(real_model)
    text = scorecard.render_card(c, fmt).decode("utf-8")
    plain = text.replace("&#34;", '"').replace("&quot;", '"').replace("&laquo;", "«").replace("&raquo;", "»")
    start = plain.index(TITLE)
    assert start > plain.index("Итог интервьюера")
    block = plain[start:]
    assert "Оценка:" not in block and "Заметка" in block
    for q in c.open_questions:
        assert q.text in block and q.text not in plain[:start]


def _filled(c, fmt, tmp_path, note):
    """The blank card written by the writer for `fmt`, with ratings and (when given) the open note filled."""
    data = scorecard.render_card(c, fmt)
    path = tmp_path / f"{'with' if note else 'without'}.{ {'yaml': 'yml'}.get(fmt, fmt) }"
    ratings = {it.rc.id: 3 + (k % 2) for k, it in enumerate(c.items)}
    if fmt in ("yaml", "json"):
        card = yaml.safe_load(data) if fmt == "yaml" else json.loads(data)
        assert "open_note" in card  # the blank card asks for it
        card.update(candidate="Анна Иванова", interviewer="Пётр Петров", ratings=ratings)
        card["open_note"] = note
        path.write_text(json.dumps(card, ensure_ascii=False), encoding="utf-8")
        return path
    wb = load_workbook(io.BytesIO(data))
    ws = wb[xlsx_read.SHEET]
    labels = {ws.cell(row=r, column=1).value: r for r in range(1, ws.max_row + 1) if ws.cell(row=r, column=1).value}
    ws.cell(row=labels["Кандидат"], column=2, value="Анна Иванова")
    ws.cell(row=labels["Интервьюер"], column=2, value="Пётр Петров")
    for cid, rating in ratings.items():
        ws.cell(row=labels[cid], column=6, value=rating)
    assert TITLE in labels  # the note cell's label, last on the sheet
    assert labels[TITLE] == max(r for r in labels.values())
    ws.cell(row=labels[TITLE], column=2, value=note or None)
    wb.save(path)
    return path


@pytest.mark.parametrize("fmt", ["yaml", "json", "xlsx"])
def test_a_filled_note_is_read_and_never_scored(real_model, fmt, tmp_path):
    c = _card(real_model)
    with_note, problems = cards.read_card(_filled(c, fmt, tmp_path, NOTE), real_model)
    assert not problems and with_note is not None
    without, problems = cards.read_card(_filled(c, fmt, tmp_path, ""), real_model)
    assert not problems and without is not None
    assert with_note.ratings == without.ratings
    assert evaluate(real_model, c.role.id, c.level.id, [with_note]) == evaluate(
        real_model, c.role.id, c.level.id, [without]
    )
