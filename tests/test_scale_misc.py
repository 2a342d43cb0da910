"""Issue 16, the low ones: duplicate interviewers refused at plan time, a corrupted model cache
discarded, --round says what it skipped, Russian messages for an unknown role."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MINI = ROOT / "tests" / "fixtures" / "mini.yml"
CARD = """scorecard: 2
role: account-manager
level: junior
candidate: Анна
interviewer: {who}
ratings: {{client-communication: 3, project-management: 2, finance: 2}}
"""


def test_plan_refuses_the_same_interviewer_twice(cli_run, tmp_path):
    out = tmp_path / "plan.yml"
    r = cli_run(
        "--model", MINI, "plan", "--role", "account-manager", "--level", "junior",
        "--interviewer", "Ирина", "--interviewer", "ирина ", "-o", out,
    )  # fmt: skip
    assert r.returncode == 1 and "дважды" in r.stderr and not out.exists()


def test_corrupted_model_cache_is_discarded(cli_run, tmp_path, monkeypatch):
    monkeypatch.setenv("ACCOUNTPATH_CACHE_DIR", str(tmp_path / "cache"))
    assert cli_run("--model", MINI, "validate").returncode == 0
    cached = list((tmp_path / "cache").glob("model-*.json"))
    assert cached
    for bad in ({"roles": 5, "competencies": "x"}, {"version": [1], "scale": {"a": None}}):
        cached[0].write_text(json.dumps(bad), encoding="utf-8")
        r = cli_run("--model", MINI, "validate")
        assert r.returncode == 0, r.stderr


def test_round_reports_dangling_links_and_special_files(cli_run, tmp_path):
    folder = tmp_path / "round"
    folder.mkdir()
    (folder / "a.yml").write_text(CARD.format(who="Ирина"), encoding="utf-8")
    (folder / "b.yml").write_text(CARD.format(who="Пётр"), encoding="utf-8")
    (folder / "gone.yml").symlink_to(tmp_path / "nowhere.yml")
    os.mkfifo(folder / "pipe.yml")
    r = cli_run("--model", MINI, "evaluate", "--round", folder, "--format", "json")
    assert r.returncode == 1
    assert f"{folder / 'gone.yml'}: ссылка никуда не ведёт" in r.stderr
    assert f"{folder / 'pipe.yml'}: это не обычный файл" in r.stderr
    assert json.loads(r.stdout)[0]["candidate"] == "Анна"


@pytest.mark.parametrize("command", ["scorecard", "workbook"])
def test_unknown_role_is_said_in_russian(cli_run, command):
    r = cli_run(
        "--model",
        MINI,
        command,
        "--role",
        "nobody",
        "--level",
        "junior",
        "--format",
        "md" if command == "scorecard" else "xlsx",
        "-o",
        "/dev/null",
    )
    assert r.returncode == 1 and "неизвестная роль «nobody»" in r.stderr and "unknown" not in r.stderr
