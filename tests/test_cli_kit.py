"""The hiring kit from the command line, in-process through cli.main, as a panel uses it:
plan -> plan --check -> focused scorecards -> evaluate (a fragile panel) -> workbook -> calibrate;
formats from the file name, binary output refused on a terminal, file permissions, PDF."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest
import yaml
from openpyxl import load_workbook

from accountpath.io import xlsx_read
from accountpath.names import short_hash

from conftest import BIAS, NOTE, ROOT, _panel, make_round

MODEL = ROOT / "tests" / "fixtures" / "agency.yml"  # the engine fixture, not the bundled content
ROLE, LEVEL = "account-manager", "middle"
PANEL = ("Ирина Смирнова", "Пётр Петров", "Ольга Ким")


@pytest.fixture
def ap(cli_run):
    """ap(ARGS...) runs `accountpath --model competencies.yml ARGS` in-process."""
    return lambda *args: cli_run("--model", MODEL, *args)


@pytest.fixture
def umask022():
    old = os.umask(0o022)
    yield
    os.umask(old)


def make_plan_file(ap, folder: Path, name: str = "plan.yml", minutes: int = 80) -> Path:
    out = folder / name
    people = [x for who in PANEL for x in ("--interviewer", who)]
    r = ap(
        "plan",
        "--role",
        ROLE,
        "--level",
        LEVEL,
        *people,
        "--candidate",
        "Анна Иванова",
        "--minutes",
        str(minutes),
        "-o",
        out,
    )
    assert r.returncode == 0, r.stderr
    if minutes >= 80:  # three interviewers cover a middle account manager, 7 minutes a question: no notes
        assert r.stderr == "" and r.stdout == ""
    return out


# ------------------------------------------------------------------ plan


def test_plan_for_three_meets_the_coverage_rules(ap, real_model, tmp_path, umask022):
    path = make_plan_file(ap, tmp_path)
    assert path.stat().st_mode & 0o777 == 0o644
    plan = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert (plan["plan"], plan["role"], plan["level"], plan["candidate"], plan["minutes"]) == (
        1,
        ROLE,
        LEVEL,
        "Анна Иванова",
        80,
    )
    assert [p["name"] for p in plan["interviewers"]] == list(PANEL)
    role, level = real_model.role(ROLE), real_model.role(ROLE).level(LEVEL)
    focus = [p["focus"] for p in plan["interviewers"]]
    for rc in role.competencies:
        holders = sum(rc.id in f for f in focus)
        assert holders >= (2 if rc.must_have else 1), rc.id
    assert all(1 <= len(f) <= 5 for f in focus)
    for person in plan["interviewers"]:
        assert len(person["questions"]) == 2 * len(person["focus"])
        for qid in person["questions"]:
            q = real_model.question(qid)
            assert any(q.rates(cid) and q.fits(level.targets[cid]) for cid in person["focus"]), qid
    # without -o the plan goes to stdout; one interviewer is told what is uncovered (stderr), still exit 0
    r = ap("plan", "--role", ROLE, "--level", LEVEL, "--interviewer", "Ирина")
    assert r.returncode == 0 and r.stdout.startswith("# Account Path: план интервью")
    assert "никто не оценивает" in r.stderr and "не меньше 3" in r.stderr


def _line(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


def test_plan_check_finds_an_edited_plans_errors_at_their_lines(ap, tmp_path):
    path = make_plan_file(ap, tmp_path)
    r = ap("plan", "--check", path)
    assert r.returncode == 0 and f"{path}: план без ошибок" in r.stdout
    text = path.read_text(encoding="utf-8")
    first_focus = next(line for line in text.splitlines() if line.strip().startswith("focus:"))
    edited = text.replace(first_focus, first_focus.replace("client-focus", "telepathy"), 1)
    edited = edited.replace("minutes: 80", "minutes: 5", 1)
    bad = tmp_path / "edited.yml"
    bad.write_text(edited, encoding="utf-8")
    out = tmp_path / "schedule.html"
    r = ap("plan", "--check", bad, "-o", out)
    assert r.returncode == 1 and "Traceback" not in r.stderr and not out.exists()
    assert f"{bad}:{_line(edited, 'telepathy')}:" in r.stderr and "telepathy" in r.stderr
    # an unknown competency makes the plan unusable; fix it and the soft problems show at their lines
    edited = text.replace("minutes: 80", "minutes: 5", 1).replace(
        first_focus, first_focus.replace("client-focus, ", "", 1), 1
    )
    bad.write_text(edited, encoding="utf-8")
    r = ap("plan", "--check", bad)
    assert r.returncode == 1
    assert f"{bad}:{_line(edited, 'minutes: 5')}:" in r.stderr and "«minutes»" in r.stderr
    assert "client-focus" in r.stderr  # a must-have now rated by one interviewer only


def test_too_little_time_is_a_recommendation_not_an_error(ap, tmp_path):
    """60 minutes for five competencies (10 questions) is 5 minutes a question: said on stderr, in the
    plan's comments and the schedule, and by `plan --check` as a warning at `minutes` that passes (exit 0)."""
    path = make_plan_file(ap, tmp_path, minutes=60)
    text = path.read_text(encoding="utf-8")
    assert "# Внимание: мало времени на вопрос: «Ирина Смирнова», «Пётр Петров» — 5 мин" in text
    assert "дайте каждому интервьюеру 80 мин (--minutes 80) или позовите 5 интервьюеров" in text
    r = ap("plan", "--check", path)
    assert r.returncode == 0 and f"{path}: план без ошибок" in r.stdout
    assert f"{path}:{_line(text, 'minutes: 60')}:10: внимание (не ошибка): мало времени на вопрос" in r.stderr
    r = ap("plan", "--check", path, "--format", "md")
    assert r.returncode == 0 and "Мало времени на вопросы (рекомендация)." in r.stdout
    assert "_(по 5 мин на вопрос)_" in r.stdout and "В среднем 5 мин на вопрос." in r.stdout
    r = ap("plan", "--check", make_plan_file(ap, tmp_path, "long.yml"))
    assert r.returncode == 0 and r.stderr == ""


def test_plan_schedule_formats_from_the_file_name(ap, tmp_path):
    path = make_plan_file(ap, tmp_path)
    for name, start in (("schedule.html", "<!DOCTYPE html>"), ("schedule.md", "# ")):
        r = ap("plan", "--check", path, "-o", tmp_path / name)
        assert r.returncode == 0, r.stderr
        assert (tmp_path / name).read_text(encoding="utf-8").startswith(start), name
    r = ap("plan", "--check", path, "--format", "md")
    assert r.returncode == 0 and r.stdout.startswith("# ") and "Ирина Смирнова" in r.stdout


# ------------------------------------------------------------------ focused scorecards


def test_focused_cards_one_per_interviewer(ap, real_model, tmp_path, umask022):
    plan_path = make_plan_file(ap, tmp_path)
    plan = yaml.safe_load(plan_path.read_text(encoding="utf-8"))
    out = tmp_path / "cards"
    r = ap("scorecard", "--plan", plan_path, "--out", out, "--format", "yaml", "--date", "2026-11-28")
    assert r.returncode == 0, r.stderr
    files = sorted(out.iterdir())
    tag = "c-" + short_hash("Анна Иванова")
    assert [f.name for f in files] == [f"{ROLE}-{LEVEL}-{tag}-interviewer-{n}.yml" for n in (1, 2, 3)]
    assert not any("Анна" in f.name or "Иванова" in f.name for f in files)
    for f, person in zip(files, plan["interviewers"]):
        assert f.stat().st_mode & 0o777 == 0o644
        card = yaml.safe_load(f.read_text(encoding="utf-8"))
        assert card["interviewer"] == person["name"] and card["candidate"] == "Анна Иванова"
        assert card["focus"] == person["focus"] and list(card["ratings"]) == person["focus"]
        assert card["date"] == "2026-11-28" and "recommendation" in card and "takeaways" in card
    r = ap("scorecard", "--plan", plan_path, "--out", tmp_path / "html")
    assert r.returncode == 0 and len(list((tmp_path / "html").glob("*.html"))) == 3
    # --focus: the same card without a plan; the full card stays the default
    r = ap("scorecard", "--role", ROLE, "--level", LEVEL, "--focus", "negotiation, client-focus", "--format", "yaml")
    assert r.returncode == 0, r.stderr
    card = yaml.safe_load(r.stdout)
    assert card["focus"] == ["client-focus", "negotiation"]
    full = yaml.safe_load(ap("scorecard", "--role", ROLE, "--level", LEVEL, "--format", "yaml").stdout)
    assert len(full["ratings"]) == len(real_model.role(ROLE).competencies)
    r = ap("scorecard", "--role", ROLE, "--level", LEVEL, "--focus", "leadership")
    assert r.returncode == 1 and "leadership" in r.stderr


# ------------------------------------------------------------------ evaluate: the fragile panel


def write_cards(cards, folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n, c in enumerate(cards, start=1):
        data = {
            "scorecard": 1,
            "role": c.role,
            "level": c.level,
            "candidate": c.candidate,
            "interviewer": c.interviewer,
            "ratings": dict(c.ratings),
            "notes": dict(c.notes or {}),
            "recommendation": c.recommendation,
            "takeaways": c.takeaways,
        }
        path = folder / f"card-{n:04d}.json"
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        paths.append(path)
    return paths


@pytest.mark.parametrize("fmt", ["text", "md", "html", "json"])
def test_disputed_must_have_panel_is_not_ready_in_every_format(ap, real_model, tmp_path, fmt):
    files = write_cards(_panel(real_model, communication=(5, 2, 4)), tmp_path / "panel")
    r = ap("evaluate", *files, "--format", fmt)
    assert r.returncode == 0, r.stderr
    if fmt == "json":
        res = json.loads(r.stdout)
        assert res["recommendation"] == "not_ready" and res["ready"] is False
        assert "must_have_disagreement" in [x["code"] for x in res["not_ready"]]
        comm = next(c for c in res["competencies"] if c["id"] == "communication")
        assert comm["ratings"] == [5, 2, 4]
    else:
        assert "Решение не готово" in r.stdout
        assert "Обязательная «Деловая коммуникация»: оценки расходятся на 3 балла" in r.stdout
        assert NOTE in r.stdout


def test_evaluate_format_from_the_file_name_and_pdf_refused_on_a_terminal(ap, real_model, tmp_path, monkeypatch):
    files = write_cards(_panel(real_model), tmp_path / "panel")
    for name, check in (
        ("report.html", lambda b: b.startswith(b"<!DOCTYPE html>")),
        ("report.json", lambda b: json.loads(b)["candidate"] == "Анна Иванова"),
        ("report.md", lambda b: b.startswith(b"# ")),
        ("report.txt", lambda b: b.startswith("Кандидат".encode())),
    ):
        r = ap("evaluate", *files, "-o", tmp_path / name)
        assert r.returncode == 0 and r.stdout == "", r.stderr
        assert check((tmp_path / name).read_bytes()), name
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    r = ap("evaluate", *files, "--format", "pdf")
    assert r.returncode == 2 and "-o" in r.stderr and r.stdout == ""


# ------------------------------------------------------------------ rounds: workbook in, xlsx out


def test_an_empty_round_workbook_says_so_and_fails(ap, tmp_path):
    book = tmp_path / "round.xlsx"
    assert ap("workbook", "--role", ROLE, "--level", LEVEL, "-o", book).returncode == 0
    out = tmp_path / "results.json"
    r = ap("evaluate", "--round", book, "-o", out)
    assert r.returncode == 1 and r.stdout == "" and not out.exists()
    assert "в книге раунда нет заполненных строк" in r.stderr and "запустите снова" in r.stderr


def test_workbook_filled_and_read_back_as_a_round(ap, real_model, tmp_path, umask022):
    book = tmp_path / "round.xlsx"
    r = ap("workbook", "--role", ROLE, "--level", LEVEL, "-o", book)
    assert r.returncode == 0, r.stderr
    assert book.stat().st_mode & 0o777 == 0o644
    wb = load_workbook(book)
    ws = wb[xlsx_read.ROUND_SHEET]
    col = {c.value: i + 1 for i, c in enumerate(ws[2])}
    level = real_model.role(ROLE).level(LEVEL)
    rows = [
        ("Анна Иванова", "Ирина", 0),
        ("Анна Иванова", "Пётр", 1),
        ("Борис Смирнов", "Ирина", -1),
        ("Борис Смирнов", "Пётр", -1),
    ]
    for r_, (cand, who, shift) in enumerate(rows, start=xlsx_read.ROUND_FIRST_ROW):
        ws.cell(row=r_, column=col["candidate"], value=cand)
        ws.cell(row=r_, column=col["interviewer"], value=who)
        for rc in real_model.role(ROLE).competencies:
            ws.cell(row=r_, column=col[rc.id], value=max(1, min(5, level.targets[rc.id] + shift)))
    wb.save(book)
    res = json.loads(ap("evaluate", "--round", book, "--format", "json").stdout)
    assert [x["candidate"] for x in res] == ["Анна Иванова", "Борис Смирнов"]
    out = tmp_path / "results.xlsx"
    r = ap("evaluate", "--round", book, "-o", out)
    assert r.returncode == 0, r.stderr
    assert out.read_bytes()[:2] == b"PK" and len(load_workbook(out).sheetnames) >= 4
    csv_text = ap("evaluate", "--round", book, "--format", "csv").stdout
    assert csv_text.splitlines()[0].startswith("candidate,role,level,interviewers,recommendation,gap")
    html = ap("evaluate", "--round", book, "--format", "html").stdout
    assert html.startswith("<!DOCTYPE html>") and "Борис Смирнов" in html
    r = ap("workbook", "--role", ROLE, "--level", "lead", "-o", tmp_path / "x.xlsx")
    assert r.returncode == 1 and "junior, middle, senior" in r.stderr and not (tmp_path / "x.xlsx").exists()


@pytest.mark.parametrize(
    "args",
    [
        ["scorecard", "--role", ROLE, "--level", LEVEL, "--format", "xlsx"],
        ["scorecard", "--role", ROLE, "--level", LEVEL, "--format", "pdf"],
        ["plan", "--role", ROLE, "--level", LEVEL, "--interviewer", "Ирина", "--format", "pdf"],
        ["evaluate", "--round", "somewhere", "--format", "xlsx"],
        ["workbook", "--role", ROLE, "--level", LEVEL],
        ["calibrate", "somewhere", "--format", "xlsx"],
    ],
)
def test_binary_output_is_refused_on_a_terminal(cli_run, monkeypatch, tmp_path, args):
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    missing = tmp_path / "no-model.yml"
    r = cli_run("--model", missing, *args)
    assert r.returncode == 2 and "-o" in r.stderr and str(missing) not in r.stderr and r.stdout == ""


# ------------------------------------------------------------------ calibrate


def test_calibrate_flags_the_planted_interviewers_through_files(ap, real_model, tmp_path):
    cards = make_round(real_model)
    half = len(cards) // 2
    round1 = write_cards(cards[:half], tmp_path / "round-1")
    write_cards(cards[half:], tmp_path / "round-2")
    # folders, and a card file given twice (once inside its folder) is read once
    r = ap("calibrate", tmp_path / "round-1", tmp_path / "round-2", round1[0], "--format", "json")
    assert r.returncode == 0, r.stderr
    res = json.loads(r.stdout)
    assert res["scorecards"] == len(cards) and res["candidates"] == 60
    assert {i["name"] for i in res["interviewers"] if i["flagged"]} == set(BIAS)
    text = ap("calibrate", tmp_path / "round-1", tmp_path / "round-2").stdout
    assert "Интервьюер 3" in text and "Интервьюер 6" in text
    out = tmp_path / "calibration.xlsx"
    assert ap("calibrate", tmp_path / "round-1", tmp_path / "round-2", "-o", out).returncode == 0
    assert out.read_bytes()[:2] == b"PK"
    html = tmp_path / "calibration.html"
    assert ap("calibrate", tmp_path / "round-1", "-o", html).returncode == 0
    assert html.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    r = ap("calibrate", tmp_path / "nowhere")
    assert r.returncode == 1 and "nowhere" in r.stderr


# ------------------------------------------------------------------ PDF (WeasyPrint)


@pytest.mark.slow
def test_pdf_of_a_plan_cards_a_report_and_a_round(ap, real_model, tmp_path):
    plan_path = make_plan_file(ap, tmp_path)
    r = ap("plan", "--check", plan_path, "-o", tmp_path / "plan.pdf")
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "plan.pdf").read_bytes()[:4] == b"%PDF"
    r = ap("scorecard", "--plan", plan_path, "--out", tmp_path / "cards", "--format", "pdf")
    assert r.returncode == 0, r.stderr
    pdfs = sorted((tmp_path / "cards").iterdir())
    assert len(pdfs) == 3 and all(p.suffix == ".pdf" and p.read_bytes()[:4] == b"%PDF" for p in pdfs)
    files = write_cards(_panel(real_model), tmp_path / "panel")
    r = ap("evaluate", *files, "-o", tmp_path / "report.pdf")
    assert r.returncode == 0 and (tmp_path / "report.pdf").read_bytes()[:4] == b"%PDF"
    r = ap("evaluate", "--round", tmp_path / "panel", "-o", tmp_path / "round.pdf")
    assert r.returncode == 0 and (tmp_path / "round.pdf").read_bytes()[:4] == b"%PDF"
    r = ap("calibrate", tmp_path / "panel", "-o", tmp_path / "calibration.pdf")
    assert r.returncode == 0 and (tmp_path / "calibration.pdf").read_bytes()[:4] == b"%PDF"


def test_output_to_a_device_writes_into_it_and_keeps_the_node():
    """-o /dev/null must not replace the device with a regular file (an atomic rename would)."""
    import stat

    from accountpath import output

    output.write_atomic("/dev/null", "x")
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)
