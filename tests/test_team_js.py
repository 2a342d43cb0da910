"""The browser's team review (docs/assets/js/core/team.js) on the team of six under node, in
the fast lane: the same people, coverage and heat map as `accountpath team --format json`
(tests/vectors/team.json), the same director view, and bad files refused with the same codes."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from accountpath.io import assessments
from accountpath.model import yamlsource
from accountpath.site import sitedata

RUNNER = Path(__file__).resolve().parent / "js" / "run_team.mjs"
NODE = shutil.which("node")
pytestmark = pytest.mark.skipif(NODE is None, reason="node is not installed: `make node` installs it")


def run_node(model, today: str, texts: list[dict], tmp_path: Path) -> dict:
    src = tmp_path / "input.json"
    payload = {"model": sitedata.site_data(model), "today": today, "texts": texts}
    src.write_text(json.dumps(payload, ensure_ascii=False), encoding="utf-8")
    proc = subprocess.run([NODE, str(RUNNER), str(src)], capture_output=True, text=True, timeout=60, check=False)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


@pytest.mark.parametrize("as_yaml", [False, True])
def test_team_of_six_in_javascript(team_vector, team_model, tmp_path, as_yaml):
    dump = (
        (lambda d: yaml.safe_dump(d, allow_unicode=True)) if as_yaml else (lambda d: json.dumps(d, ensure_ascii=False))
    )
    texts = [{"name": f"{i:02d}.json", "text": dump(a)} for i, a in enumerate(team_vector["assessments"])]
    out = run_node(team_model, team_vector["today"], texts, tmp_path)
    assert out["problems"] == []
    assert out["manager"] == team_vector["expected"]["manager"]
    assert out["director"] == team_vector["expected"]["director"]
    assert out["warnings"] == []


BAD = [
    {
        "assessment": 1,
        "person": "Икс",
        "role": "account-manager",
        "level": "middle",
        "assessor": "Икс",
        "relation": "boss",
    },
    {"assessment": 2, "person": "", "role": "nope", "level": "middle", "assessor": "Икс", "relation": "self"},
    {
        "assessment": 1,
        "person": "Икс",
        "role": "account-manager",
        "level": "top",
        "assessor": "Икс",
        "relation": "self",
        "ratings": {"finance": 3.5, "nope": 2, "strategy": "4"},
        "date": "31.02.2026",
        "extra": 1,
    },
]


def test_bad_files_same_codes(team_model, tmp_path):
    texts = [{"name": f"bad{i}.json", "text": json.dumps(d, ensure_ascii=False)} for i, d in enumerate(BAD)]
    out = run_node(team_model, "2026-11-01", texts, tmp_path)
    js = sorted(
        (p["name"], p["code"], json.dumps(p["params"], ensure_ascii=False, sort_keys=True)) for p in out["problems"]
    )
    py = []
    for t in texts:
        doc, problems = yamlsource.parse(t["text"], t["name"])
        assert doc is not None
        _found, problems = assessments.assessment_from_data(doc, team_model)
        py += [(t["name"], p.code, json.dumps(dict(p.params), ensure_ascii=False, sort_keys=True)) for p in problems]
    assert js == sorted(py)
    assert len(py) >= 8


def test_warnings_in_javascript(team_vector, team_model, tmp_path):
    files = [a for a in team_vector["assessments"] if not (a["person_id"] == "e-101" and a["relation"] == "self")]
    files = [dict(a, date="2025-01-10") if a["person_id"] == "e-103" else a for a in files]
    texts = [{"name": f"{i:02d}.json", "text": json.dumps(a, ensure_ascii=False)} for i, a in enumerate(files)]
    out = run_node(team_model, "2026-11-01", texts, tmp_path)
    codes = sorted((w["code"], w["params"]["person"]) for w in out["warnings"])
    assert codes == [
        ("team.manager-only", "Пётр Алексеев"),
        ("team.old", "Глеб Васильев"),
        ("team.old", "Глеб Васильев"),
    ]
