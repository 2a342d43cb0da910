"""The browser's planner (docs/assets/js/core/planmake.js) equals `accountpath plan` byte for byte:
for every input of tests/vectors/plans.json (roles, levels, 1-5 interviewers, 20-240 minutes) the
plan.yml node writes is the file the CLI writes, notes and errors included, and each interviewer's sheet
has the same questions (situational first where the level takes graduates), open-question block and time
slots as the CLI's focused card and schedule; in the fast lane under
node, on the bundled model and on the fixture model. The browser lane repeats it in Chromium
(tests/test_browser_kit.py)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from accountpath.i18n import model_language
from accountpath.method import plan as plan_mod
from accountpath.model import load as model_load
from accountpath.render import scorecard
from accountpath.render.plan_render import render_plan
from accountpath.site import sitedata

from conftest import ROOT

RUNNER = Path(__file__).resolve().parent / "js" / "run_plans.mjs"
NODE = shutil.which("node")
CASES = json.loads((ROOT / "tests" / "vectors" / "plans.json").read_text(encoding="utf-8"))["cases"]
pytestmark = pytest.mark.skipif(NODE is None, reason="node is not installed: `make node` installs it")


def python_plan(model, case: dict) -> dict:
    """What `accountpath plan` writes for the case (its yaml and notes), or its error."""
    make = model_language(plan_mod.make_plan)
    try:
        plan, notes = make(model, case["role"], case["level"], case["interviewers"], case["candidate"], case["minutes"])
    except plan_mod.PlanError as exc:
        return {"yaml": None, "notes": [], "error": str(exc), "sheets": []}
    words = [str(n) for n in notes]  # notes are messages (code, params): the sentences, in Russian
    sheets = []
    for person, card in zip(plan["interviewers"], scorecard.plan_cards(model, plan), strict=True):
        sheets.append(
            {
                "questions": {it.rc.id: [q.id for q in it.questions] for it in card.items},
                "graduate": sorted(it.rc.id for it in card.items if it.graduate_first),
                "open": [q.id for q in card.open_questions],
                "slots": [list(s) for s in plan_mod.time_slots(model, plan, person)],
            }
        )
    return {"yaml": render_plan(model, plan, "yaml", notes), "notes": words, "error": None, "sheets": sheets}


def node_plans(model, cases: list[dict], tmp_path: Path) -> list[dict]:
    src = tmp_path / "plans-input.json"
    src.write_text(
        json.dumps({"model": sitedata.site_data(model), "cases": cases}, ensure_ascii=False), encoding="utf-8"
    )
    proc = subprocess.run([NODE, str(RUNNER), str(src)], capture_output=True, text=True, timeout=120, check=False)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def test_browser_plan_equals_the_cli_plan_on_the_vectors(real_model, tmp_path):
    got = node_plans(real_model, CASES, tmp_path)
    assert len(got) == len(CASES)
    for case, g in zip(CASES, got, strict=True):
        assert g == python_plan(real_model, case), case
    assert sum(1 for g in got if g["notes"]) >= 5, "the vectors should exercise the notes"
    assert sum(1 for g in got if g["error"]) >= 3


def test_browser_plan_equals_the_cli_plan_on_the_fixture_model(tmp_path):
    model = model_load.load(ROOT / "tests" / "fixtures" / "mini.yml")
    cases = [
        {"role": r.id, "level": lv.id, "interviewers": [f"И{k}" for k in range(n)], "candidate": None, "minutes": m}
        for r in model.roles
        for lv in r.levels
        for n in (1, 2, 3)
        for m in (20, 45, 120)
    ]
    for case, g in zip(cases, node_plans(model, cases, tmp_path), strict=True):
        assert g == python_plan(model, case), case


def test_the_cli_writes_the_same_bytes(real_model, cli_run, tmp_path):
    case = next(c for c in CASES if len(c["interviewers"]) == 3 and c["candidate"])
    out = tmp_path / "plan.yml"
    args = ["plan", "--role", case["role"], "--level", case["level"], "--minutes", str(case["minutes"])]
    args += ["--candidate", case["candidate"]] + [a for n in case["interviewers"] for a in ("--interviewer", n)]
    assert cli_run(*args, "-o", out).returncode == 0
    assert out.read_bytes() == python_plan(real_model, case)["yaml"].encode("utf-8")


def test_browser_plan_follows_the_panel_seats_like_the_cli(seats_model, seat_vectors, tmp_path):
    """tests/vectors/seats.json: a level whose seats name their competencies, one with plain descriptions, one
    with no panel; 1-4 interviewers: model.json carries the seats and planmake.js plans as `accountpath plan`."""
    cases = seat_vectors["cases"]
    got = node_plans(seats_model, cases, tmp_path)
    assert len(got) == len(cases)
    for case, g in zip(cases, got, strict=True):
        assert g == python_plan(seats_model, case), case
    seated = [g for c, g in zip(cases, got, strict=True) if c["level"] == "seated" and len(c["interviewers"]) == 3]
    assert seated and all("focus: [a, c, g]" in g["yaml"] and "focus: [b, e]" in g["yaml"] for g in seated)
