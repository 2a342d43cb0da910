"""Rounds: names normalised, similar names warned, interviewer counts, CSV for machines, xlsx for HR, round workbooks."""

from __future__ import annotations

import csv
import io
import random
from itertools import combinations

import pytest
from openpyxl import load_workbook

from accountpath.io import cards, xlsx_read
from accountpath.method import rounds
from accountpath.method.evaluate import Scorecard
from accountpath.render import debrief_text, round_report, round_xlsx

ROLE, LEVEL = "account-manager", "middle"


def _card(model, candidate, who, shift=0, notes=None):
    level = model.role(ROLE).level(LEVEL)
    ratings = {rc.id: max(1, min(5, level.targets[rc.id] + shift)) for rc in model.role(ROLE).competencies}
    return Scorecard(
        role=ROLE,
        level=LEVEL,
        candidate=candidate,
        interviewer=who,
        ratings=ratings,
        notes=notes or {},
        source=f"{candidate}-{who}.yml",
    )


def _round(model):
    return [
        _card(model, "Анна Иванова", "Ирина"),
        _card(model, "АННА  ИВАНОВА", "Пётр", notes={"client-focus": "Пример."}),
        _card(model, "Анна Иванова", "Ольга"),
        _card(model, "Анна Иванов", "Ирина", shift=1),
        _card(model, "Алёна Сидорова", "Пётр", shift=-1),
        _card(model, "алена сидорова", "Ольга", shift=-1),
    ]


def test_names_grouped_and_similar_names_warned(real_model):
    results, problems = rounds.evaluate_round(real_model, _round(real_model))
    assert not problems
    by = {r["candidate"]: r for r in results}
    assert set(by) == {"Анна Иванова", "Анна Иванов", "Алёна Сидорова"}
    assert len(by["Анна Иванова"]["interviewers"]) == 3 and len(by["Алёна Сидорова"]["interviewers"]) == 2
    for name, other in (("Анна Иванова", "Анна Иванов"), ("Анна Иванов", "Анна Иванова")):
        similar = [w for w in by[name]["warnings"] if w["code"] == "similar_candidates"]
        assert similar == [{"code": "similar_candidates", "params": {"candidate": name, "others": [other], "more": 0}}]
        assert f"«{other}»" in debrief_text.warning_text(similar[0])
    assert not [w for w in by["Алёна Сидорова"]["warnings"] if w["code"] == "similar_candidates"]
    assert [w["code"] for w in by["Анна Иванов"]["warnings"]][0] == "single_interviewer"


def test_round_tables_show_interviewers_and_warnings(real_model):
    results, _ = rounds.evaluate_round(real_model, _round(real_model))
    text = round_report.round_text(results)
    assert text.startswith("ВНИМАНИЕ: Имя «Анна Иванов")
    assert "Интервьюеров" in text
    row = next(line for line in text.splitlines() if "Анна Иванова " in line and line[:1].isdigit())
    assert "  3  " in row
    md = round_report.round_markdown(results)
    assert "| Интервьюеров |" in md and "## Предупреждения" in md
    rows = list(csv.DictReader(io.StringIO(round_report.round_csv(results))))
    assert list(rows[0]) == list(round_report.ROUND_COLUMNS)
    anna = next(r for r in rows if r["candidate"] == "Анна Иванов")
    assert anna["interviewers"] == "1" and anna["recommendation"] in ("hire", "strong_hire")
    assert anna["warnings"] == "missing_recommendation;similar_candidates;single_interviewer"
    assert all("," not in r["gap"] for r in rows)
    sid = next(r for r in rows if r["candidate"] == "Алёна Сидорова")
    assert float(sid["gap"]) < 0 and "," not in sid["coverage"]


def test_similar_pairs_match_brute_force():
    rnd = random.Random(5)
    alphabet = "абвгде "
    names = sorted({"".join(rnd.choice(alphabet) for _ in range(rnd.randint(3, 8))) for _ in range(150)})
    brute = sorted((a, b) for a, b in combinations(names, 2) if rounds.edit_distance(a, b, 3) <= 2)
    assert rounds.similar_pairs(names) == brute
    assert rounds.similar_pairs(["кандидат 00001", "кандидат 00002", "кандидат 0001"]) == []
    assert rounds.edit_distance("анна иванова", "анна иванов") == 1
    assert rounds.edit_distance("kitten", "sitting", 10) == 3


def test_round_xlsx(real_model):
    results, _ = rounds.evaluate_round(real_model, _round(real_model))
    data = round_xlsx.round_xlsx(real_model, results)
    assert data == round_xlsx.round_xlsx(real_model, results)
    wb = load_workbook(io.BytesIO(data))
    assert wb.sheetnames[:2] == ["Итоги", "Сетка"] and len(wb.sheetnames) == 2 + len(results)
    summary = wb["Итоги"]
    head = [c.value for c in summary[1]]
    assert head[:8] == [
        "#",
        "Кандидат",
        "Итог",
        "Код итога",
        "Отклонение от цели",
        "Оценено (доля веса)",
        "Интервьюеров",
        "Подходящий уровень",
    ]
    names = [summary.cell(row=i, column=2).value for i in range(2, 2 + len(results))]
    assert names == [r["candidate"] for r in results]
    ivanov = names.index("Анна Иванов") + 2
    assert (
        summary.cell(row=ivanov, column=7).value == 1 and "почти совпадает" in summary.cell(row=ivanov, column=11).value
    )
    grid = wb["Сетка"]
    low = names.index("Алёна Сидорова") + 2
    assert grid.cell(row=low, column=2).fill.fgColor.rgb.endswith("FFCDD2")
    sheet = wb[next(s for s in wb.sheetnames if "Анна Иванова" in s)]
    values = [c.value for row in sheet.iter_rows() for c in row if c.value is not None]
    assert "Пётр: Пример." in values and "Ольга" in values


@pytest.mark.slow
def test_round_workbook_round_trip(real_model, tmp_path):
    blank = round_xlsx.round_workbook(real_model, ROLE, LEVEL)
    assert blank == round_xlsx.round_workbook(real_model, ROLE, LEVEL)
    path = tmp_path / "round.xlsx"
    path.write_bytes(blank)
    wb = load_workbook(path)
    ws = wb[xlsx_read.ROUND_SHEET]
    assert ws.protection.sheet and ws["A1"].protection.locked and not ws["A3"].protection.locked
    assert len(ws.data_validations.dataValidation) == 2
    ids = [c.value for c in ws[2]]
    col = {k: i + 1 for i, k in enumerate(ids)}
    role = real_model.role(ROLE)
    level = role.level(LEVEL)
    rows = [
        ("Анна Иванова", "Ирина", "28.11.2026", "Да", 0),
        ("Анна Иванова", "Пётр", None, "Однозначно да", 1),
        ("Борис", "Ирина", "2026-11-29", None, -1),
    ]
    for r, (cand, who, date, call, shift) in enumerate(rows, start=3):
        ws.cell(row=r, column=col["candidate"], value=cand)
        ws.cell(row=r, column=col["interviewer"], value=who)
        ws.cell(row=r, column=col["date"], value=date)
        ws.cell(row=r, column=col["recommendation"], value=call)
        for rc in role.competencies:
            ws.cell(row=r, column=col[rc.id], value=max(1, min(5, level.targets[rc.id] + shift)))
    ws.cell(row=3, column=col["notes:client-focus"], value="Пример про клиента.")
    ws.cell(row=4, column=col["negotiation"], value="не оценивалось")
    wb.save(path)
    found, problems = cards.read_cards(path, real_model)
    assert not problems, problems
    assert [(c.candidate, c.interviewer, c.date, c.recommendation) for c in found] == [
        ("Анна Иванова", "Ирина", "2026-11-28", "yes"),
        ("Анна Иванова", "Пётр", None, "strong_yes"),
        ("Борис", "Ирина", "2026-11-29", None),
    ]
    assert found[0].notes == {"client-focus": "Пример про клиента."} and found[1].ratings["negotiation"] is None
    results, _ = rounds.evaluate_round(real_model, found)
    assert [len(r["interviewers"]) for r in results] == [2, 1]
    ws.cell(row=5, column=col["reporting"], value="3.5")
    wb.save(path)
    found, problems = cards.read_cards(path, real_model)
    letter = xlsx_read.column_letter(col["reporting"])
    assert len(found) == 2 and [str(p).split(": ", 1)[0] for p in problems] == [f"{path}:Раунд!{letter}5"]
    assert "«3.5»" in problems[0].message
