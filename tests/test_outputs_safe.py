"""Outputs never replace inputs or special files (issue 16): output equal to an input or inside an
input folder is refused (exit 2), an all-unreadable round writes nothing, a pipe stays a pipe, an
existing file keeps its mode, a long valid -o name works."""

from __future__ import annotations

import os
import stat
import threading
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


def _cards(folder: Path, n: int = 2) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for i in range(n):
        p = folder / f"card{i}.yml"
        p.write_text(CARD.format(who=f"Интервьюер {i}"), encoding="utf-8")
        out.append(p)
    return out


@pytest.mark.parametrize("command", ["evaluate", "calibrate", "plan-check"])
def test_output_equal_to_input_is_refused(cli_run, tmp_path, command):
    card = _cards(tmp_path)[0]
    before = card.read_bytes()
    if command == "plan-check":
        args = ("plan", "--check", card, "--format", "yaml", "-o", card)
    else:
        args = (command, card, "--format", "json", "-o", tmp_path / "x" / ".." / card.name)
    r = cli_run("--model", MINI, *args)
    assert r.returncode == 2
    assert "входной файл" in r.stderr and card.name in r.stderr
    assert card.read_bytes() == before


def test_output_inside_input_folder_or_through_a_link_is_refused(cli_run, tmp_path):
    cards = _cards(tmp_path / "round")
    r = cli_run("--model", MINI, "evaluate", "--round", tmp_path / "round", "-o", tmp_path / "round" / "res.json")
    assert r.returncode == 2 and "папке входных файлов" in r.stderr
    assert not (tmp_path / "round" / "res.json").exists()
    link = tmp_path / "link.yml"
    link.symlink_to(cards[0])
    r = cli_run("--model", MINI, "evaluate", cards[0], "--format", "json", "-o", link)
    assert r.returncode == 2 and cards[0].read_text(encoding="utf-8").startswith("scorecard")
    r = cli_run("--model", MINI, "evaluate", cards[0], "--format", "json", "-o", MINI)
    assert r.returncode == 2


def test_all_unreadable_round_leaves_earlier_output(cli_run, tmp_path):
    bad = tmp_path / "notzip.xlsx"
    bad.write_text("junk")
    out = tmp_path / "results.xlsx"
    out.write_bytes(b"earlier")
    r = cli_run("--model", MINI, "evaluate", "--round", bad, "-o", out)
    assert r.returncode == 1 and out.read_bytes() == b"earlier" and "notzip.xlsx" in r.stderr
    folder = tmp_path / "allbad"
    folder.mkdir()
    (folder / "x.yml").write_text("a: [\n")
    cal = tmp_path / "cal.html"
    cal.write_bytes(b"earlier")
    r = cli_run("--model", MINI, "calibrate", folder, "-o", cal)
    assert r.returncode == 1 and cal.read_bytes() == b"earlier"


def test_fifo_output_stays_a_fifo(cli_run, tmp_path):
    _cards(tmp_path / "round")
    fifo = tmp_path / "out.json"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()), daemon=True)
    reader.start()
    r = cli_run("--model", MINI, "evaluate", "--round", tmp_path / "round", "-o", fifo)
    reader.join(10)
    assert r.returncode == 0, r.stderr
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert got and got[0].startswith(b"[")


def test_existing_mode_kept_and_long_names_work(cli_run, tmp_path):
    out = tmp_path / "card.html"
    out.write_text("old")
    out.chmod(0o600)
    r = cli_run("--model", MINI, "scorecard", "--role", "account-manager", "--level", "junior", "-o", out)
    assert r.returncode == 0 and out.stat().st_mode & 0o777 == 0o600 and out.read_text() != "old"
    long = tmp_path / ("a" * 245 + ".html")
    r = cli_run("--model", MINI, "scorecard", "--role", "account-manager", "--level", "junior", "-o", long)
    assert r.returncode == 0, r.stderr
    assert long.exists() and [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_dev_null_is_written_not_replaced(cli_run):
    r = cli_run(
        "--model",
        MINI,
        "scorecard",
        "--role",
        "account-manager",
        "--level",
        "junior",
        "--format",
        "md",
        "-o",
        "/dev/null",
    )
    assert r.returncode == 0 and stat.S_ISCHR(os.stat("/dev/null").st_mode)
