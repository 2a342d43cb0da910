"""User text goes through one writer per format (issue 16): no live formula and no crash on control
characters in xlsx, no ESC/OSC/BEL on the terminal, escapes instead of a traceback on a narrow
encoding, and control characters refused by the card rules at their place."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

from openpyxl import load_workbook

from accountpath.method import rounds
from accountpath.method.evaluate import Scorecard
from accountpath.model import load as model_mod
from accountpath.render import round_xlsx

ROOT = Path(__file__).resolve().parent.parent
MINI = ROOT / "tests" / "fixtures" / "mini.yml"
RATINGS = {"client-communication": 3, "project-management": 2, "finance": 2}
CARD = """scorecard: 2
role: account-manager
level: junior
candidate: "{candidate}"
interviewer: Ирина
ratings: {{client-communication: {rating}, project-management: 2, finance: 2}}
notes: {{finance: "{note}"}}
"""


def _card(tmp_path: Path, candidate="Анна", rating="3", note="ok") -> Path:
    p = tmp_path / "card.yml"
    p.write_text(CARD.format(candidate=candidate, rating=rating, note=note), encoding="utf-8")
    return p


def _cli(*args, env=None):
    return subprocess.run(
        [sys.executable, "-m", "accountpath", "--model", str(MINI), *map(str, args)],
        capture_output=True,
        env={**os.environ, "PYTHONIOENCODING": "utf-8", **(env or {})},
        timeout=120,
    )


def test_round_xlsx_has_no_formula_and_survives_control_characters():
    model = model_mod.load(MINI)
    hostile = '=HYPERLINK("http://x","y")'
    cards = [
        Scorecard("account-manager", "junior", "Анна\x07", who, RATINGS, notes={"finance": "-1+1\x1b[2J"})
        for who in (hostile, "@SUM(1)", "Пётр\x00")
    ]
    results, _ = rounds.evaluate_round(model, cards)
    data = round_xlsx.round_xlsx(model, results)
    wb = load_workbook(io.BytesIO(data))
    cells = [c for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.value is not None]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    texts = [c.value for c in cells if isinstance(c.value, str)]
    assert any(hostile in t for t in texts)
    assert not [t for t in texts if "\x1b" in t or "\x07" in t or "\x00" in t]


def test_control_characters_in_names_and_notes_are_refused_at_their_place(tmp_path):
    card = _card(tmp_path, candidate="Анна\\e]0;title\\a", note="x\\e[2J")
    r = _cli("evaluate", card)
    err = r.stderr.decode()
    assert r.returncode == 1 and b"\x1b" not in r.stderr + r.stdout and b"\x07" not in r.stderr
    assert f"{card}:4:" in err and "candidate" in err and "U+001B" in err
    assert f"{card}:7:" in err and "notes.finance" in err


def test_refused_values_reach_the_terminal_escaped(tmp_path):
    card = _card(tmp_path, rating='"3\\e]0;x\\a"')
    r = _cli("evaluate", card)
    assert r.returncode == 1 and b"\x1b" not in r.stderr and b"\x07" not in r.stderr
    assert b"\\x1b" in r.stderr


def test_narrow_output_encoding_gives_escapes_not_a_traceback(tmp_path):
    card = _card(tmp_path, candidate="Анна 😀 Ли")
    r = _cli("evaluate", card, env={"PYTHONIOENCODING": "cp1251"})
    assert r.returncode == 0, r.stderr
    assert b"Traceback" not in r.stderr and b"\\U0001f600" in r.stdout
