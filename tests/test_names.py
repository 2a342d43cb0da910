"""Names: one person whatever the case, «ё», spaces, word order or look-alike letters; an id decides
identity; a near name says which letter differs; Python and the browser's names.js agree (node)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from accountpath import names
from accountpath.render.scorecard import candidate_tag

from conftest import ROOT

VECTOR = ROOT / "tests" / "vectors" / "names.json"
CASES = json.loads(VECTOR.read_text(encoding="utf-8"))["cases"]


def test_word_order_case_yo_and_lookalikes_are_one_person():
    key = names.person_key
    assert key("Иванова Анна") == key("Анна  Иванова") == key("АННА ИВАНОВА")
    assert key("Aнна Иванова") == key("Анна Иванова")  # a Latin «A» inside a Cyrillic word
    assert key("Пётр Петров") == key("петр петров")
    assert key("Анна Иванова") != key("Анна Иваново")


def test_difference_names_the_letter():
    latin = names.difference("Aнна Иванова", "Анна Иванова")
    assert latin == {"position": 1, "letter": "a", "instead": "а", "latin": True}
    typo = names.difference("Анна Иваново", "Анна Иванова")
    assert typo["letter"] == "о" and typo["instead"] == "а" and typo["position"] == 12
    assert names.difference("Анна Иванова", "Борис Смирнов") is None


def test_candidate_id_decides_identity():
    assert names.identity("Анна Иванова", "HF-1042") == names.identity("Иванова А.", " hf-1042")
    assert names.identity("Анна Иванова", "HF-1042") != names.identity("Анна Иванова", "HF-2001")
    assert names.identity("Анна Иванова") == names.identity("Иванова Анна", "")


def test_short_hash_hides_the_name():
    h = names.short_hash("Анна Иванова")
    assert len(h) == 8 and h == names.short_hash("Иванова  анна") and "Анна" not in h


@pytest.mark.parametrize("case", CASES, ids=[c["a"] for c in CASES])
def test_python_matches_the_vector(case):
    assert names.person_key(case["a"]) == case["expected"]["key"][0]
    assert names.person_key(case["b"]) == case["expected"]["key"][1]
    assert names.identity(case["a"], case.get("id_a")) == case["expected"]["identity"][0]
    assert names.difference(case["a"], case["b"]) == case["expected"]["difference"]
    assert names.short_hash(case["a"]) == case["expected"]["hash"]
    assert candidate_tag({"candidate": case["a"], "candidate_id": case.get("id_a")}) == case["expected"]["tag"]


@pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed: `make node` installs it")
def test_javascript_matches_the_vector():
    runner = Path(__file__).resolve().parent / "js" / "run_names.mjs"
    proc = subprocess.run(
        [shutil.which("node"), str(runner), str(VECTOR)], capture_output=True, text=True, timeout=60, check=False
    )
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout) == [c["expected"] for c in CASES]
