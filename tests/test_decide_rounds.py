"""Issue 17 on the file workflow: the decision record (`decide`), rounds that lose nothing
(refused cards and warnings in every format, a bad date refuses only itself, a card at another
level is its candidate's problem), plans and decision records in a round folder, `workbook --plan`."""

from __future__ import annotations

import csv
import io
import json

import pytest
import yaml
from openpyxl import load_workbook

from accountpath.io import special_files

ROLE, LEVEL = "account-manager", "middle"


def _write_card(
    folder, name, model, who, candidate="Анна Иванова", shift=None, level=LEVEL, date="2026-11-20", **extra
):
    lv = model.role(ROLE).level(LEVEL)
    ratings = {rc.id: lv.targets[rc.id] for rc in model.role(ROLE).competencies}
    for cid, d in (shift or {}).items():
        ratings[cid] += d
    data = {"scorecard": 1, "role": ROLE, "level": level, "candidate": candidate, "interviewer": who, "date": date}
    data.update(extra)
    data.update({"recommendation": "yes", "ratings": ratings})
    path = folder / name
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


@pytest.fixture
def knife_edge(tmp_path, real_model):
    """Every competency at target but «Инициативность и идеи» one below, three interviewers."""
    folder = tmp_path / "anna"
    folder.mkdir()
    files = [
        _write_card(folder, f"card-{n}.yml", real_model, who, shift={"initiative": -1})
        for n, who in enumerate(("Ирина Смирнова", "Пётр Петров", "Ольга Ким"), start=1)
    ]
    return folder, files


def test_decide_writes_the_record_with_hashes_and_override(cli_run, knife_edge):
    folder, files = knife_edge
    out = folder / "decision.yml"
    r = cli_run(
        "decide", *files, "--decision", "hire", "--by", "Мария", "--reason", "Инициативу проверили кейсом", "-o", out
    )
    assert r.returncode == 0, r.stderr
    data = yaml.safe_load(out.read_text(encoding="utf-8"))
    assert list(data)[:7] == ["decision", "by", "reason", "override", "tool_verdict", "date", "cards"]
    assert data["decision"] == "hire" and data["by"] == "Мария" and data["reason"] == "Инициативу проверили кейсом"
    assert data["tool_verdict"]["recommendation"] in ("no_hire", "not_ready", "hire")
    side = {"hire": "hire", "strong_hire": "hire", "no_hire": "no_hire", "strong_no_hire": "no_hire"}
    expected = (
        side.get(data["tool_verdict"]["recommendation"], "hold") != "hire" or data["tool_verdict"].get("ready") is False
    )
    assert data["override"] is expected
    assert [c["file"] for c in data["cards"]] == ["card-1.yml", "card-2.yml", "card-3.yml"]
    assert all(c["sha256"] == special_files.sha256(f) for c, f in zip(data["cards"], files))
    again = cli_run("decide", *files, "--decision", "hold", "--by", "М", "--reason", "r", "-o", out)
    assert again.returncode == 1 and str(out) in again.stderr
    assert yaml.safe_load(out.read_text(encoding="utf-8"))["decision"] == "hire"  # never overwritten


def test_evaluate_shows_the_decision_and_both_card_versions(cli_run, knife_edge, real_model):
    folder, files = knife_edge
    out = folder / "decision.yml"
    assert (
        cli_run(
            "decide", *files, "--decision", "no_hire", "--by", "Мария", "--reason", "ниже цели", "-o", out
        ).returncode
        == 0
    )
    newer = _write_card(folder, "card-1-2.yml", real_model, "Ирина Смирнова")  # corrected after the debrief
    every = sorted(folder.glob("*.yml"))  # the decision record is among them: skipped, not a card
    r = cli_run("evaluate", *every, "--format", "json")
    assert r.returncode == 0, r.stderr
    result = json.loads(r.stdout)
    d = result["decision"]
    assert d["decision"] == "no_hire" and d["by"] == "Мария"
    assert d["changes"]["superseded"] == [[str(files[0]), str(newer)]]
    text = cli_run("evaluate", *every).stdout
    assert "Записанное решение" in text and "card-1.yml" in text and "card-1-2.yml" in text
    rounds = cli_run("evaluate", "--round", folder, "--format", "json")
    assert rounds.returncode == 0, rounds.stderr
    assert json.loads(rounds.stdout)[0]["decision"]["decision"] == "no_hire"


def test_round_loses_nothing(cli_run, tmp_path, real_model):
    folder = tmp_path / "round"
    folder.mkdir()
    _write_card(folder, "a1.yml", real_model, "Ирина")
    _write_card(folder, "a2.yml", real_model, "Пётр", date="2026-13-45")  # bad date: reported, ratings counted
    _write_card(folder, "a3.yml", real_model, "Ольга", level="senior")  # another level: Anna's problem
    _write_card(folder, "b1.yml", real_model, "Марк", candidate="Иванова Анна")
    (folder / "broken.yml").write_text("role: [\n", encoding="utf-8")
    plan = cli_run("plan", "--role", ROLE, "--level", LEVEL, "--interviewer", "А", "--interviewer", "Б")
    (folder / "plan.yml").write_text(plan.stdout, encoding="utf-8")
    r = cli_run("evaluate", "--round", folder, "--format", "json")
    assert r.returncode == 1
    assert "plan.yml" in r.stderr and "пропущен" in r.stderr
    results = json.loads(r.stdout)
    assert len(results) == 1  # «Иванова Анна» is «Анна Иванова»; the senior card is no second candidate
    anna = results[0]
    assert sorted(anna["interviewers"]) == ["Ирина", "Марк", "Пётр"]
    assert [p["code"] for p in anna["problems"]] == ["round.level-mismatch"]
    assert anna["problems"][0]["file"].endswith("a3.yml") and anna["problems"][0]["line"] == 3
    listed = {p["file"].rsplit("/", 1)[-1] for p in anna["round_problems"]}
    assert {"a2.yml", "a3.yml", "broken.yml"} <= listed
    for fmt in ("text", "md", "html", "csv"):
        out = cli_run("evaluate", "--round", folder, "--format", fmt).stdout
        for name in ("a2.yml", "a3.yml", "broken.yml"):
            assert name in out, (fmt, name)
    rows = list(csv.reader(io.StringIO(cli_run("evaluate", "--round", folder, "--format", "csv").stdout)))
    assert rows[0][-1] == "warnings"
    at = rows.index(["problem_file", "line", "col", "code", "message"])
    assert rows[at - 1] == [] and len(rows) - at - 1 == len(anna["round_problems"])
    xlsx = tmp_path / "results.xlsx"
    cli_run("evaluate", "--round", folder, "-o", xlsx)
    wb = load_workbook(xlsx)
    assert "Не учтено" in wb.sheetnames
    cells = [c for row in wb["Не учтено"].iter_rows(values_only=True) for c in row if c]
    assert any("a3.yml" in str(c) for c in cells) and any("broken.yml" in str(c) for c in cells)


def test_candidate_id_decides_identity_in_a_round(cli_run, tmp_path, real_model):
    folder = tmp_path / "round"
    folder.mkdir()
    _write_card(folder, "1.yml", real_model, "Ирина", candidate="Анна Иванова", candidate_id="HF-1")
    _write_card(folder, "2.yml", real_model, "Пётр", candidate="Анна Иванова", candidate_id="HF-2")
    _write_card(folder, "3.yml", real_model, "Ольга", candidate="Иванова А.", candidate_id="HF-1")
    results = json.loads(cli_run("evaluate", "--round", folder, "--format", "json").stdout)
    assert sorted((r["candidate_id"], len(r["interviewers"])) for r in results) == [("HF-1", 2), ("HF-2", 1)]


def test_workbook_from_a_plan_has_each_interviewers_focus(cli_run, tmp_path):
    plan = tmp_path / "plan.yml"
    made = cli_run(
        "plan",
        "--role",
        ROLE,
        "--level",
        LEVEL,
        "--candidate",
        "Анна Иванова",
        "--interviewer",
        "Ирина",
        "--interviewer",
        "Пётр",
        "--interviewer",
        "Ольга",
        "-o",
        plan,
    )
    assert made.returncode == 0, made.stderr
    book = tmp_path / "round.xlsx"
    r = cli_run("workbook", "--plan", plan, "-o", book)
    assert r.returncode == 0, r.stderr
    ws = load_workbook(book).worksheets[0]
    ids = [c.value for c in ws[2]]
    rows = [dict(zip(ids, (c.value for c in row))) for row in ws.iter_rows(min_row=3, max_row=5)]
    focus = {p["name"]: p["focus"] for p in yaml.safe_load(plan.read_text(encoding="utf-8"))["interviewers"]}
    assert [r["interviewer"] for r in rows] == list(focus)
    for row in rows:
        assert row["candidate"] == "Анна Иванова" and row["focus"].split(", ") == focus[row["interviewer"]]
    assert cli_run("workbook", "--plan", plan, "--role", ROLE, "-o", book).returncode == 2
