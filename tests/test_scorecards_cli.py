"""`accountpath scorecard` and `accountpath evaluate` as a user runs them (in-process, through
cli.main): formats, round trips, bad input, argument errors, languages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from openpyxl import load_workbook

from accountpath import vocab

from conftest import full_model_data, yaml_dump


@pytest.fixture(scope="module")
def model_file(tmp_path_factory, vectors) -> Path:
    path = tmp_path_factory.mktemp("model") / "model.yml"
    path.write_text(yaml_dump(full_model_data(vectors["model"]), allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


@pytest.fixture
def cli(cli_run):
    """cli(model_file, ARGS...) runs `accountpath --model MODEL ARGS` in-process."""
    return lambda model_file, *args: cli_run("--model", str(model_file), *args)


def blank_yaml(cli, model_file, tmp_path, name="blank.yml", **kw) -> Path:
    extra = [x for k, v in kw.items() for x in (f"--{k}", v)]
    out = tmp_path / name
    r = cli(model_file, "scorecard", "--role", "am", "--level", "middle", "--format", "yaml", "-o", str(out), *extra)
    assert r.returncode == 0, r.stderr
    return out


def fill_yaml(
    src: Path, dst: Path, interviewer: str, ratings: dict, candidate: str = "Анна Иванова", notes=None
) -> Path:
    data = yaml.safe_load(src.read_text(encoding="utf-8"))
    data["candidate"] = candidate
    data["interviewer"] = interviewer
    data["ratings"].update(ratings)
    if notes:
        data["notes"].update(notes)
    dst.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return dst


def test_blank_yaml_is_the_fillable_form(cli, model_file, tmp_path):
    out = blank_yaml(cli, model_file, tmp_path, candidate="Анна Иванова", date="2026-11-28")
    text = out.read_text(encoding="utf-8")
    assert "до общего обсуждения" in text  # the instruction to rate independently
    data = yaml.safe_load(text)
    assert data["scorecard"] == vocab.CARD_VERSION and data["role"] == "am" and data["level"] == "middle"
    assert data["focus"] == ["a", "b", "c", "d"] and data["recommendation"] is None and "takeaways" in data
    assert data["candidate"] == "Анна Иванова" and data["date"] == "2026-11-28"
    # weight order, every competency not assessed yet
    assert list(data["ratings"]) == ["a", "b", "c", "d"] and set(data["ratings"].values()) == {None}


def test_html_is_self_contained_and_escaped(cli, model_file):
    r = cli(model_file, "scorecard", "--role", "am", "--level", "middle", "--candidate", '<script>alert(1)</script>"x"')
    assert r.returncode == 0
    html = r.stdout
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "src=" not in html and "<link" not in html  # no external assets
    assert "@page" in html and "break-inside: avoid" in html
    # target behaviours plus the neighbours below and above
    for lv in (2, 3, 4):
        assert f"Поведение a на уровне {lv}" in html
    assert "Поведение a на уровне 5" not in html


def test_md_format_for_wikis(cli, model_file):
    r = cli(model_file, "scorecard", "--role", "am", "--level", "junior", "--format", "md", "--candidate", "A | B")
    assert r.returncode == 0
    assert r.stdout.startswith("# Справочник интервьюера: ")
    assert "A \\| B" in r.stdout  # a pipe cannot break the table


def test_unknown_role_or_level_lists_valid_ids(cli, model_file):
    r = cli(model_file, "scorecard", "--role", "nope", "--level", "middle")
    assert r.returncode == 1 and "am, x, y" in r.stderr and "Traceback" not in r.stderr
    r = cli(model_file, "scorecard", "--role", "am", "--level", "lead")
    assert r.returncode == 1 and "junior, middle, senior" in r.stderr


def test_all_writes_every_role_level_format(cli, model_file, tmp_path):
    r = cli(model_file, "scorecard", "--all", "--out", str(tmp_path / "all"))
    assert r.returncode == 0, r.stderr
    names = sorted(p.name for p in (tmp_path / "all").iterdir())
    assert len(names) == 5 * 5  # 5 role levels x 5 formats
    assert "am-middle.xlsx" in names and "y-l.yml" in names
    # deterministic: a second run gives the same bytes
    cli(model_file, "scorecard", "--all", "--out", str(tmp_path / "again"))
    for n in names:
        assert (tmp_path / "all" / n).read_bytes() == (tmp_path / "again" / n).read_bytes(), n


def test_yaml_round_trip_panel(cli, model_file, tmp_path):
    blank = blank_yaml(cli, model_file, tmp_path)
    f1 = fill_yaml(
        blank, tmp_path / "p1.yml", "Пётр", {"a": 4, "b": 3, "c": 2, "d": 2}, notes={"c": "Не смог назвать цифры"}
    )
    f2 = fill_yaml(blank, tmp_path / "p2.yml", "Ольга", {"a": 3, "b": 5, "c": 4, "d": None})
    r = cli(model_file, "evaluate", str(f1), str(f2), "--format", "json")
    assert r.returncode == 0, r.stderr
    res = json.loads(r.stdout)
    assert res["interviewers"] == ["Пётр", "Ольга"]
    rows = {c["id"]: c for c in res["competencies"]}
    assert rows["a"]["ratings"] == [4, 3] and rows["a"]["rating"] == 3.5
    assert rows["c"]["disagreement"] is True and rows["d"]["ratings"] == [2]
    # (40*0.5 + 30*1 + 20*0 + 10*0)/100
    # 0.5 is on the strong_hire boundary: strong_hire starts at 0.5 + the tolerance band (0.1)
    assert res["gap"] == 0.5 and res["recommendation"] == "hire" and res["leaning"] == "strong_hire"
    md = cli(model_file, "evaluate", str(f1), str(f2), "--format", "md").stdout
    assert "Расхождения — обсудите до решения" in md and "Не смог назвать цифры" in md and "<svg" in md


def test_xlsx_round_trip(cli, model_file, tmp_path):
    xlsx = tmp_path / "blank.xlsx"
    assert (
        cli(
            model_file, "scorecard", "--role", "am", "--level", "middle", "--format", "xlsx", "-o", str(xlsx)
        ).returncode
        == 0
    )
    wb = load_workbook(xlsx)
    ws = wb["Оценка"]
    assert ws.data_validations.dataValidation, "the rating column has a drop-down"
    ws["B4"] = "Анна Иванова"
    ws["B5"] = "Ольга"
    values = {"a": 3, "b": "5", "c": 4, "d": "не оценивалось"}
    for row in range(9, 20):
        cid = ws.cell(row=row, column=1).value
        if cid in values:
            ws.cell(row=row, column=6).value = values[cid]
    filled = tmp_path / "filled.xlsx"
    wb.save(filled)
    r = cli(model_file, "evaluate", str(filled), "--format", "json")
    assert r.returncode == 0, r.stderr
    res = json.loads(r.stdout)
    assert res["interviewers"] == ["Ольга"]
    assert [c["ratings"] for c in res["competencies"]] == [[3], [5], [4], []]


BAD_RATINGS = [(0, "0"), (6, "6"), (3.5, "3.5"), ("три", "три")]


@pytest.mark.parametrize("value,shown", BAD_RATINGS)
def test_bad_rating_names_file_and_line(cli, model_file, tmp_path, value, shown):
    blank = blank_yaml(cli, model_file, tmp_path)
    f = fill_yaml(blank, tmp_path / "bad.yml", "Пётр", {"a": 3, "b": value})
    out = tmp_path / "report.html"
    r = cli(model_file, "evaluate", str(f), "--format", "html", "-o", str(out))
    assert r.returncode == 1 and "Traceback" not in r.stderr
    line = next(
        i
        for i, text in enumerate(f.read_text(encoding="utf-8").splitlines(), 1)
        if text.strip().startswith("b:") and shown in text
    )
    assert f"{f}:{line}:" in r.stderr and "1..5" in r.stderr
    assert not out.exists()


def _write(tmp_path, name, text):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


CARD = "scorecard: 1\nrole: am\nlevel: middle\ncandidate: Анна\ninterviewer: {who}\nratings:\n  a: 3\n  b: 3\n  c: 3\n  d: 2\n"


@pytest.mark.parametrize(
    "text,line,needle",
    [
        (CARD.format(who="Пётр").replace("  d: 2", "  zz: 2"), 10, "неизвестная компетенция «zz»"),
        (CARD.format(who="Пётр").replace("role: am", "role: manager"), 2, "роли модели: am, x, y"),
        (CARD.format(who="Пётр").replace("level: middle", "level: lead"), 3, "её уровни: junior, middle, senior"),
        (
            "scorecard: 1\nrole: am\nlevel: middle\ncandidate: Анна\ninterviewer: Пётр\n",
            1,
            "не заполнено поле «ratings»",
        ),
        ("role: am\nlevel: [middle\n", 3, "синтаксическая ошибка YAML"),
        (CARD.format(who="Пётр").replace("ratings:", "ratngs:"), 6, "может быть, «ratings»?"),
    ],
)
def test_bad_card(cli, model_file, tmp_path, text, line, needle):
    f = _write(tmp_path, "card.yml", text)
    r = cli(model_file, "evaluate", str(f))
    assert r.returncode == 1 and "Traceback" not in r.stderr
    assert f"{f}:{line}:" in r.stderr and needle in r.stderr, r.stderr


def test_same_interviewer_twice_and_mixed_candidates(cli, model_file, tmp_path):
    f1 = _write(tmp_path, "1.yml", CARD.format(who="Пётр"))
    f2 = _write(tmp_path, "2.yml", CARD.format(who="пётр "))
    r = cli(model_file, "evaluate", str(f1), str(f2))
    assert r.returncode == 1 and f"{f2}:5:" in r.stderr and "уже оценил этого кандидата" in r.stderr
    f3 = _write(tmp_path, "3.yml", CARD.format(who="Ольга").replace("Анна", "Борис"))
    r = cli(model_file, "evaluate", str(f1), str(f3))
    assert r.returncode == 1 and f"{f3}:4:" in r.stderr and "candidate" in r.stderr


def test_empty_non_utf8_and_foreign_xlsx(cli, model_file, tmp_path):
    empty = _write(tmp_path, "empty.yml", "")
    r = cli(model_file, "evaluate", str(empty))
    assert r.returncode == 1 and f"{empty}:1:" in r.stderr and "файл пуст" in r.stderr
    latin = tmp_path / "cp1251.yml"
    latin.write_bytes(CARD.format(who="Пётр").encode("cp1251"))
    r = cli(model_file, "evaluate", str(latin))
    assert r.returncode == 1 and f"{latin}:4:" in r.stderr and "UTF-8" in r.stderr
    from openpyxl import Workbook

    foreign = tmp_path / "budget.xlsx"
    Workbook().save(foreign)
    r = cli(model_file, "evaluate", str(foreign))
    assert r.returncode == 1 and str(foreign) in r.stderr and "не оценочный лист Account Path" in r.stderr
    junk = _write(tmp_path, "junk.xlsx", "not a zip")
    r = cli(model_file, "evaluate", str(junk))
    assert r.returncode == 1 and "Traceback" not in r.stderr and "xlsx" in r.stderr


def test_round_ranks_and_skips_bad_files(cli, model_file, tmp_path):
    d = tmp_path / "round"
    d.mkdir()
    for who in ("Пётр", "Ольга"):
        _write(d, f"anna-{who}.yml", CARD.format(who=who))  # gap 0 -> hire
        _write(d, f"boris-{who}.yml", CARD.format(who=who).replace("Анна", "Борис").replace("a: 3", "a: 5"))  # strong
    _write(
        d,
        "carl.yml",
        CARD.format(who="Пётр").replace("Анна", "Карл").replace("c: 3", "c: null").replace("b: 3", "b: null"),
    )
    _write(d, "broken.yml", "role: [\n")
    r = cli(model_file, "evaluate", "--round", str(d), "--format", "json")
    assert r.returncode == 1 and "broken.yml:" in r.stderr
    res = json.loads(r.stdout)
    assert [x["candidate"] for x in res] == ["Борис", "Анна", "Карл"]
    # Анна is exactly on target everywhere (not near the boundary), but one point on the weight-40 must-have decides
    assert [x["recommendation"] for x in res] == ["strong_hire", "not_ready", "insufficient_data"]
    csv_out = cli(model_file, "evaluate", "--round", str(d), "--format", "csv").stdout.splitlines()
    assert csv_out[0].startswith("candidate,role,level") and csv_out[1].startswith("Борис,am,middle,2,strong_hire")
    text = cli(model_file, "evaluate", "--round", str(d)).stdout
    assert "Борис" in text and "Недостаточно данных" in text


def test_phrases_join_short_sentences():
    from accountpath.render.templating import phrases

    assert phrases(["Называет цифры.", "Описывает шаги.", "KPI знает."]) == "Называет цифры; описывает шаги; KPI знает."
    assert phrases([]) == ""


# ------------------------------------------------------------------ the blank card the browser imports


def test_blank_json_card_has_the_keys_of_a_filled_one(cli, model_file, tmp_path):
    out = tmp_path / "blank.json"
    r = cli(model_file, "scorecard", "--role", "am", "--level", "middle", "-o", out, "--interviewer", "Ольга")
    assert r.returncode == 0, r.stderr  # the format comes from the .json extension
    data = json.loads(out.read_text(encoding="utf-8"))
    assert set(data) <= set(vocab.CARD_KEYS) and {"scorecard", "role", "level", "ratings", "notes"} <= set(data)
    assert data["scorecard"] == vocab.CARD_VERSION and data["role"] == "am" and data["level"] == "middle"
    assert list(data["ratings"]) == ["a", "b", "c", "d"] and set(data["ratings"].values()) == {None}
    # filled in, the same file is what `evaluate` (and the browser) reads
    data["candidate"] = "Анна"
    data["ratings"].update({"a": 3, "b": 3, "c": 3, "d": 2})
    out.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    r = cli(model_file, "evaluate", out, "--format", "json")
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["leaning"] == "hire"


# ------------------------------------------------------------------ arguments, formats, files


@pytest.mark.parametrize(
    "args",
    [
        ["evaluate", "a.yml", "--format", "xlsx"],
        ["evaluate", "a.yml", "--round", "somewhere"],
        ["evaluate"],
        ["evaluate", "a.yml", "--format", "csv"],
        ["evaluate", "a.yml", "-o", "report.docx"],
        ["scorecard", "--role", "am"],
        ["scorecard", "--all"],
        ["scorecard", "--role", "am", "--level", "middle", "--date", "28.11.2026"],
        ["scorecard", "--role", "am", "--level", "middle", "--questions", "q-a-1"],
        ["scorecard", "--role", "am", "--level", "middle", "--focus", ","],
        ["scorecard", "--plan", "plan.yml"],
        ["scorecard", "--plan", "plan.yml", "--out", "cards", "--role", "am"],
        ["scorecard", "--role", "am", "--level", "middle", "--out", "cards"],
        ["plan", "--role", "am", "--level", "middle"],
        ["plan", "--role", "am", "--level", "middle", "--interviewer", "Ольга", "--minutes", "5"],
        ["plan", "--role", "am", "--level", "middle", "--interviewer", "Ольга", "-o", "plan.txt"],
        ["plan", "--check", "plan.yml", "--role", "am"],
        ["workbook", "--role", "am"],
        ["workbook", "--role", "am", "--level", "middle", "-o", "round.csv"],
        ["calibrate"],
        ["calibrate", "round", "-o", "calibration.docx"],
        ["nosuchcommand"],
    ],
)
def test_argument_errors_come_before_any_file_is_read(cli_run, tmp_path, args):
    missing_model = tmp_path / "no-such-model.yml"  # reading it would print a different error
    r = cli_run("--model", missing_model, *args)
    assert r.returncode == 2, (r.stdout, r.stderr)
    assert str(missing_model) not in r.stderr and "Traceback" not in r.stderr
    assert r.stdout == ""


def test_output_format_from_the_file_name(cli, model_file, tmp_path):
    md = tmp_path / "card.md"
    assert cli(model_file, "scorecard", "--role", "am", "--level", "middle", "-o", md).returncode == 0
    assert md.read_text(encoding="utf-8").startswith("# Справочник интервьюера: ")
    xlsx = tmp_path / "card.xlsx"
    assert cli(model_file, "scorecard", "--role", "am", "--level", "middle", "-o", xlsx).returncode == 0
    assert xlsx.read_bytes()[:2] == b"PK"
    assert xlsx.stat().st_mode & 0o777 == 0o666 & ~_umask()


def _umask() -> int:
    import os

    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def test_missing_model_is_one_line_not_a_traceback(cli_run, tmp_path):
    r = cli_run("--model", tmp_path / "nope.yml", "scorecard", "--role", "am", "--level", "middle")
    assert r.returncode == 1 and "Traceback" not in r.stderr
    assert "accountpath validate" in r.stderr


# ------------------------------------------------------------------ languages and numbers


def test_help_is_russian_by_default_and_english_with_lang_en(cli_run):
    r = cli_run("--help")
    assert r.returncode == 0 and "Использование: accountpath" in r.stdout and "параметры:" in r.stdout
    assert "show this help" not in r.stdout
    r = cli_run("evaluate", "--help", "--lang", "en")
    assert r.returncode == 0 and "Usage: accountpath evaluate" in r.stdout and "options:" in r.stdout
    assert "one candidate's filled scorecards" in r.stdout


def test_locale_picks_english(cli_run, monkeypatch):
    monkeypatch.setenv("LC_ALL", "en_GB.UTF-8")
    r = cli_run("evaluate")
    assert r.returncode == 2 and "give one candidate's filled scorecards" in r.stderr
    r = cli_run("--lang", "ru", "evaluate")
    assert "укажите заполненные листы" in r.stderr


def test_text_report_uses_the_decimal_comma_json_the_point(cli, model_file, tmp_path):
    f1 = _write(tmp_path, "1.yml", CARD.format(who="Пётр").replace("a: 3", "a: 4"))
    f2 = _write(tmp_path, "2.yml", CARD.format(who="Ольга"))
    text = cli(model_file, "evaluate", f1, f2).stdout
    assert "3,5" in text and "3.5" not in text  # the mean of 4 and 3
    english = cli(model_file, "--lang", "en", "evaluate", f1, f2).stdout
    assert "3.5" in english and "3,5" not in english
    data = json.loads(cli(model_file, "evaluate", f1, f2, "--format", "json").stdout)
    assert data["competencies"][0]["rating"] == 3.5
