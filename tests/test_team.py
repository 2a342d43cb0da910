"""The team review (issue 20): assessment files, the team workbook and `accountpath team` on
the team of six (tests/vectors/team.json, built on a fixture model)."""

from __future__ import annotations

import datetime
import json

import pytest
import yaml

from accountpath.io import assessments
from accountpath.method import team

from conftest import fill_team_workbook, write_team

NAMES = ("Пётр Алексеев", "Вера Борисова", "Глеб Васильев", "Дарья Григорьева", "Егор Дмитриев", "Жанна Ефимова")


def _assessments(vector):
    return [
        team.Assessment(
            person=a["person"],
            person_id=a["person_id"],
            role=a["role"],
            level=a["level"],
            assessor=a["assessor"],
            relation=a["relation"],
            date=a["date"],
            ratings=a["ratings"],
            evidence=a["evidence"],
            source=f"{i}.yml",
        )
        for i, a in enumerate(vector["assessments"])
    ]


@pytest.fixture(scope="module")
def reviewed(team_vector, team_model):
    result, problems = team.review(
        team_model, _assessments(team_vector), today=datetime.date.fromisoformat(team_vector["today"])
    )
    assert problems == []
    return result


def _person(result, name):
    return next(p for p in result["people"] if p["person"] == name)


def test_the_six_facts(reviewed):
    assert [p["person"] for p in reviewed["people"] if p["ready"]] == ["Пётр Алексеев"]
    vera = _person(reviewed, "Вера Борисова")
    assert vera["blocking"] == [{"competency": "finance", "target": 4, "rating": 2, "must_have": True}]
    finance = next(c for c in reviewed["coverage"] if c["competency"] == "finance")
    assert finance == {
        "competency": "finance",
        "at_target": 1,
        "people": ["Пётр Алексеев"],
        "single_point": True,
        "gap": False,
    }
    assert [c["competency"] for c in reviewed["coverage"] if c["single_point"]] == ["finance"]
    assert not any(c["gap"] for c in reviewed["coverage"])
    flagged = [m for m in reviewed["managers"] if m["flagged"]]
    assert [(m["name"], m["effect"]) for m in flagged] == [("Анна Лебедева", 1)]
    assert {m["name"]: m["effect"] for m in reviewed["managers"]}["Мария Ветрова"] == 0
    assert all(m["ratings"] >= team.MIN_RATINGS for m in reviewed["managers"])
    assert reviewed["warnings"] == []


def test_person_fields(reviewed, team_model):
    petr = _person(reviewed, "Пётр Алексеев")
    assert petr["next"] == {"role": "account-manager", "level": "senior"}
    assert petr["ready"] is True and petr["ready_self"] is True and petr["idp"] == []
    gleb = _person(reviewed, "Глеб Васильев")
    assert gleb["self_vs_manager"] == [{"competency": "negotiation", "self": 5, "manager": 3, "diff": -2}]
    # the ИПР rule: at most three, must-haves first, then the largest gap; steps to the next level's target
    assert [i["competency"] for i in gleb["idp"]] == ["finance", "client-communication", "project-management"]
    assert gleb["idp"][0]["develop"] == list(team_model.competency("finance").develop[4])
    assert [i["competency"] for i in _person(reviewed, "Вера Борисова")["idp"]] == ["finance"]


def test_matches_the_shared_vector(reviewed, team_vector):
    assert team.browser_view(reviewed) == team_vector["expected"]["manager"]
    assert team.browser_view(team.director(reviewed)) == team_vector["expected"]["director"]


def test_promotions_changed_when_a_soft_manager_made_someone_ready(team_vector, team_model):
    found = _assessments(team_vector)
    # Жанна's manager (+1 on everything) now gives 4 on every competency: ready only thanks to the +1
    found = [
        a
        if not (a.person == "Жанна Ефимова" and a.relation == "manager")
        else team.Assessment(**{**a.__dict__, "ratings": dict.fromkeys(a.ratings, 4)})
        for a in found
    ]
    found = [
        a
        if not (a.person == "Жанна Ефимова" and a.relation == "self")
        else team.Assessment(**{**a.__dict__, "ratings": dict.fromkeys(a.ratings, 3)})
        for a in found
    ]
    result, _ = team.review(team_model, found, today=datetime.date(2026, 11, 1))
    soft = next(m for m in result["managers"] if m["name"] == "Анна Лебедева")
    assert soft["flagged"] and soft["promotions_changed"] == ["Жанна Ефимова"]


def test_under_three_managers_no_effects(team_vector, team_model):
    two = [a for a in _assessments(team_vector) if a.assessor != "Анна Лебедева" and a.person not in NAMES[4:]]
    result, _ = team.review(team_model, two, today=datetime.date(2026, 11, 1))
    assert result["managers"] == []


def test_warnings_and_role_mismatch(team_vector, team_model):
    found = _assessments(team_vector)
    found = [a for a in found if not (a.person == "Пётр Алексеев" and a.relation == "self")]
    found = [a for a in found if not (a.person == "Вера Борисова" and a.relation == "manager")]
    old = next(i for i, a in enumerate(found) if a.person == "Глеб Васильев")
    found[old] = team.Assessment(**{**found[old].__dict__, "date": "2025-01-10"})
    wrong = next(i for i, a in enumerate(found) if a.person == "Дарья Григорьева" and a.relation == "manager")
    found[wrong] = team.Assessment(**{**found[wrong].__dict__, "level": "senior"})
    result, problems = team.review(team_model, found, today=datetime.date(2026, 11, 1))
    codes = {(w["code"], w["params"]["person"]) for w in result["warnings"]}
    assert ("team.manager-only", "Пётр Алексеев") in codes
    assert ("team.self-only", "Вера Борисова") in codes
    assert ("team.old", "Глеб Васильев") in codes
    assert [p.code for p in problems] == ["team.role-mismatch"]
    assert sum(1 for p in result["people"] if p["person"] == "Дарья Григорьева") == 1
    assert "Дарья Григорьева" in problems[0].message


def test_what_if_closes_single_point(reviewed, team_vector, team_model):
    hire = team.Addition("Финалист Ф.", "account-manager", "middle", {"finance": 4, "strategy": 3})
    result, _ = team.review(team_model, _assessments(team_vector), today=datetime.date(2026, 11, 1), add=hire)
    assert result["what_if"]["closes_single_points"] == ["finance"]
    assert result["what_if"]["closes_gaps"] == []
    assert "Финалист Ф." not in json.dumps(team.director(result), ensure_ascii=False)


# ---------------------------------------------------------------- the CLI


@pytest.fixture
def team_dir(tmp_path, team_vector, team_model):
    recent = (datetime.date.today() - datetime.timedelta(days=20)).isoformat()
    return write_team(tmp_path, team_vector, team_model, date=recent)


def test_cli_json_reports_the_facts(cli_run, team_dir, team_vector):
    folder, model = team_dir
    r = cli_run("--model", model, "team", folder, "--format", "json")
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert team.browser_view(data) == team_vector["expected"]["manager"]
    assert [m["name"] for m in data["managers"] if m["flagged"]] == ["Анна Лебедева"]


@pytest.mark.parametrize("fmt", ["text", "md", "html", "json", "xlsx"])
def test_director_output_has_no_names(cli_run, team_dir, tmp_path, fmt):
    folder, model = team_dir
    out = tmp_path / f"review.{fmt if fmt != 'text' else 'txt'}"
    r = cli_run("--model", model, "team", folder, "--audience", "director", "--format", fmt, "-o", out)
    assert r.returncode == 0, r.stderr
    raw = out.read_bytes()
    if fmt == "xlsx":
        import zipfile

        with zipfile.ZipFile(out) as z:
            raw = b"".join(z.read(n) for n in z.namelist())
    text = raw.decode("utf-8")
    for name in NAMES:
        for part in name.split():
            assert part not in text, (fmt, part)
    for pid in ("e-101", "e-106"):
        assert pid not in text


def test_manager_html_has_heat_map(cli_run, team_dir):
    folder, model = team_dir
    r = cli_run("--model", model, "team", folder, "--format", "html")
    assert r.returncode == 0
    assert 'class="heatmap"' in r.stdout and "Пётр Алексеев" in r.stdout and "#ffcdd2" in r.stdout


def test_cli_add_debrief(cli_run, team_dir, tmp_path):
    folder, model = team_dir
    debrief = tmp_path / "debrief.json"
    debrief.write_text(
        json.dumps(
            {
                "candidate": "Финалист Ф.",
                "role": "account-manager",
                "level": "middle",
                "competencies": [{"id": "finance", "rating": 3.5}, {"id": "strategy", "rating": None}],
            },
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    r = cli_run("--model", model, "team", folder, "--add", debrief, "--format", "json")
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["what_if"]["closes_single_points"] == ["finance"]


def test_blank_assessment_round_trips(cli_run, tmp_path, team_model, team_dir):
    _folder, model = team_dir
    for fmt in ("yml", "json"):
        out = tmp_path / f"blank.{fmt}"
        r = cli_run("--model", model, "assessment", "--role", "account-manager", "--level", "senior", "-o", out)
        assert r.returncode == 0, r.stderr
        data = yaml.safe_load(out.read_text(encoding="utf-8"))
        assert data["assessment"] == 1 and data["role"] == "account-manager" and data["relation"] == "self"
        assert set(data["ratings"]) == {c.id for c in team_model.competencies}
        data.update(person="Тест Тестов", assessor="Тест Тестов", date="2026-11-01")
        data["ratings"]["finance"] = 4
        out.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        found, problems = assessments.read_assessments(out, team_model)
        assert problems == [] and found[0].ratings["finance"] == 4


def test_blank_xlsx_and_team_workbook(cli_run, tmp_path, team_model, team_dir):
    from openpyxl import load_workbook

    _folder, model = team_dir
    card = tmp_path / "one.xlsx"
    assert (
        cli_run(
            "--model",
            model,
            "assessment",
            "--role",
            "account-manager",
            "--level",
            "middle",
            "--relation",
            "manager",
            "-o",
            card,
        ).returncode
        == 0
    )
    wb = load_workbook(card)
    ws = wb["Оценка"]
    ws["B2"], ws["B4"], ws["B5"] = "Пётр Алексеев", "Мария Ветрова", "2026-10-01"
    for row in ws.iter_rows(min_row=1):
        if row[0].value == "finance":
            row[3].value = 5
        if row[0].value == "strategy":
            row[3].value = 7
    wb.save(card)
    found, problems = assessments.read_assessments(card, team_model)
    assert found == [] and len(problems) == 1 and "Оценка!D" in problems[0].path

    book = tmp_path / "team.xlsx"
    r = cli_run("--model", model, "team-workbook", "--role", "account-manager", "--level", "middle", "-o", book)
    assert r.returncode == 0, r.stderr
    wb = load_workbook(book)
    ws = wb["Команда"]
    assert ws.protection.sheet
    ids = [c.value for c in ws[2]]
    ws.cell(row=3, column=1, value="Пётр Алексеев")
    ws.cell(row=3, column=3, value="Мария Ветрова")
    ws.cell(row=3, column=ids.index("finance") + 1, value=4)
    ws.cell(row=4, column=1, value="Вера Борисова")
    ws.cell(row=4, column=3, value="Мария Ветрова")
    ws.cell(row=4, column=ids.index("finance") + 1, value="9")
    wb.save(book)
    found, problems = assessments.read_assessments(book, team_model)
    assert [a.person for a in found] == ["Пётр Алексеев"] and found[0].relation == "manager"
    assert len(problems) == 1 and problems[0].path.endswith(f"Команда!{chr(64 + ids.index('finance') + 1)}4")


def test_bad_file_names_line(cli_run, tmp_path, team_dir):
    folder, model = team_dir
    bad = tmp_path / "bad.yml"
    bad.write_text(
        "assessment: 1\nperson: X\nrole: account-manager\nlevel: middle\nassessor: X\n"
        "relation: boss\nratings:\n  finance: 3.5\n  nope: 2\n",
        encoding="utf-8",
    )
    r = cli_run("--model", model, "team", bad)
    assert r.returncode == 1
    assert "bad.yml:6:" in r.stderr and "bad.yml:8:" in r.stderr and "bad.yml:9:" in r.stderr


def test_bad_arguments_exit_2(cli_run, tmp_path):
    assert cli_run("team-workbook", "--role", "x", "--level", "y", "-o", tmp_path / "t.csv").returncode == 2
    assert cli_run("team", tmp_path, "--audience", "ceo").returncode == 2


@pytest.mark.parametrize("kind", ["formula", "merge", "formula-in-head"])
def test_team_workbook_refuses_a_formula_without_value_and_merged_rows(kind, tmp_path, team_model, team_vector):
    """A formula saved without a value refuses its person's row (the other rows are read); cells
    merged over two people's rows, or such a formula in the id row, refuse the sheet: at the cell."""
    from accountpath.io import xlsx_read

    book = tmp_path / "team.xlsx"
    wb, ws, ids, rows = fill_team_workbook(book, team_vector, team_model)
    column = ids.index(next(iter(rows[1]["ratings"]))) + 1
    if kind == "formula":
        ws.cell(row=4, column=column, value="=2+2")
    elif kind == "formula-in-head":
        ws.cell(row=2, column=len(ids) + 1, value="=A2")
    else:
        ws.merge_cells(start_row=3, start_column=1, end_row=4, end_column=1)
    wb.save(book)
    found, problems = assessments.read_assessments(book, team_model)
    codes = [p.code for p in problems]
    if kind == "formula":
        assert len(found) == 1 and codes == ["xlsx.formula-without-value"]
        assert problems[0].path == f"{book}:Команда!{xlsx_read.column_letter(column)}4"
    else:
        assert found == [] and codes == [
            "xlsx.formula-without-value" if kind == "formula-in-head" else "xlsx.merged-id"
        ]
