"""Hostile paths, names and encodings through the whole CLI (issue 16): every case a clean
answer, a bounded time, an untouched earlier output."""

from __future__ import annotations

import io
import os
import stat
import threading

import fuzzkit
import pytest
from fuzzkit import TIME_LIMIT
from openpyxl import load_workbook

pytestmark = pytest.mark.slow

CARD = """scorecard: 2
role: account-manager
level: junior
candidate: "{candidate}"
interviewer: "{who}"
ratings: {{client-communication: 3, project-management: 2, finance: 2}}
notes: {{finance: "{note}"}}
"""


def _card(folder, name="card.yml", candidate="Анна", who="Ирина", note="пример"):
    folder.mkdir(parents=True, exist_ok=True)
    p = folder / name
    p.write_text(CARD.format(candidate=candidate, who=who, note=note), encoding="utf-8")
    return p


@pytest.mark.parametrize(
    "args",
    [
        ("evaluate", "{card}", "--format", "json", "-o", "{card}"),
        ("evaluate", "--round", "{folder}", "--format", "json", "-o", "{card}"),
        ("calibrate", "{folder}", "--format", "json", "-o", "{folder}/new.json"),
        ("plan", "--check", "{card}", "--format", "yaml", "-o", "{card}"),
        ("scorecard", "--plan", "{card}", "--out", "{card}"),
    ],
)
def test_output_equal_to_an_input_is_refused(tmp_path, args):
    card = _card(tmp_path / "round")
    before = card.read_bytes()
    filled = [a.format(card=card, folder=tmp_path / "round") for a in args]
    r = fuzzkit.run_cli(*filled)
    assert r.returncode == 2 and "Traceback" not in r.stderr, r.stderr
    assert card.read_bytes() == before and r.seconds < TIME_LIMIT


def test_fifo_stays_a_fifo_and_0600_stays_0600(tmp_path):
    folder = tmp_path / "round"
    _card(folder, "a.yml", who="Ирина")
    _card(folder, "b.yml", who="Пётр")
    fifo = tmp_path / "out.csv"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()), daemon=True)
    reader.start()
    r = fuzzkit.run_cli("evaluate", "--round", folder, "-o", fifo)
    reader.join(20)
    assert r.returncode == 0 and stat.S_ISFIFO(fifo.stat().st_mode) and got and got[0].startswith(b"candidate")
    private = tmp_path / "res.csv"
    private.write_text("old")
    private.chmod(0o600)
    r = fuzzkit.run_cli("evaluate", "--round", folder, "-o", private)
    assert r.returncode == 0 and stat.S_IMODE(private.stat().st_mode) == 0o600


def test_no_formula_and_no_control_character_in_round_xlsx(tmp_path):
    folder = tmp_path / "round"
    _card(folder, "a.yml", candidate="=1+1", who='=HYPERLINK(\\"http://x\\",\\"y\\")')
    _card(folder, "b.yml", candidate="=1+1", who="@SUM(A1)", note="-2+3")
    out = tmp_path / "res.xlsx"
    r = fuzzkit.run_cli("evaluate", "--round", folder, "-o", out)
    assert r.returncode == 0, r.stderr
    wb = load_workbook(io.BytesIO(out.read_bytes()))
    formulas = [c.coordinate for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.data_type == "f"]
    assert formulas == []


def test_no_escape_reaches_the_terminal(tmp_path):
    card = _card(tmp_path, candidate="Анна\\e]0;title\\a", note="\\e[2J\\e[31m")
    r = fuzzkit.run_cli("evaluate", card)
    assert r.returncode == 1 and "\x1b" not in r.stdout + r.stderr and "\x07" not in r.stdout + r.stderr


def test_narrow_encoding_and_long_names(tmp_path):
    card = _card(tmp_path, candidate="Анна 😀")
    r = fuzzkit.run_cli("evaluate", card, env={"PYTHONIOENCODING": "cp1251"})
    assert r.returncode in (0, 1) and "Traceback" not in r.stderr
    long = tmp_path / ("a" * 245 + ".txt")
    r = fuzzkit.run_cli("evaluate", card, "-o", long)
    assert "Traceback" not in r.stderr and "too long" not in r.stderr
