"""Shared fixtures: paths, a full model built from a compact one, and CLI runners (in-process
`cli_run`, the default; `run_cli` spawns a real process for the few tests that need one)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

import browser_util as bu

# Tests never touch the user's cache; the CLI subprocesses inherit this.
os.environ["ACCOUNTPATH_CACHE_DIR"] = tempfile.mkdtemp(prefix="accountpath-test-cache-")
# Messages in the default language (Russian) whatever the machine's locale; tests of English say --lang en.
os.environ["LC_ALL"] = "C.UTF-8"

ROOT = Path(__file__).resolve().parent.parent
REAL_MODEL = ROOT / "competencies.yml"
VECTORS = ROOT / "tests" / "vectors" / "evaluate.json"


def full_model_data(compact: dict) -> dict:
    """Expand a compact model (evaluation + roles with weights and targets) into a valid full model:
    every level gets a target (1) for the competencies its role does not weigh, every question
    discriminates the whole scale."""
    comp_ids = sorted({rc["id"] for r in compact["roles"] for rc in r["competencies"]})
    anchors = {"weak": "Общие слова.", "solid": "Пример с фактами.", "strong": "Пример с фактами и выводами."}
    return {
        "version": 1,
        "language": "ru",
        "scale": [{"level": i, "name": f"Уровень {i}", "summary": f"Описание уровня {i}"} for i in range(1, 6)],
        "evaluation": compact["evaluation"],
        "competencies": [
            {"id": cid, "name": f"Компетенция {cid}", "group": "клиент", "summary": "Кратко.",
             "levels": {i: [f"Поведение {cid} на уровне {i}"] for i in range(1, 6)},
             "develop": {i: [f"Шаг к уровню {i}."] for i in range(2, 6)},
             "questions": [{"id": f"q-{cid}-{k}", "text": f"Вопрос {k} о {cid}?", "kind": k, "levels": [1, 5],
                            "anchors": dict(anchors), "look_for": ["Факты."], "red_flags": ["Общие слова."]}
                           for k in ("behavioral", "situational", "case")]}
            for cid in comp_ids
        ],
        "roles": [
            {"id": r["id"], "name": f"Роль {r['id']}", "summary": "Роль.", "responsibilities": ["Работа."],
             "kpis": [{"name": "KPI", "measure": "Мера."}],
             "competencies": r["competencies"],
             "probation": {d: [f"Цель на {d} дней."] for d in (30, 60, 90)},
             "levels": [{"id": lv["id"], "name": f"Уровень {lv['id']}", "experience": "—", "time_in_level": "—",
                         "targets": {cid: lv["targets"].get(cid, 1) for cid in comp_ids}}
                        for lv in r["levels"]]}
            for r in compact["roles"]
        ],
        "sources": [{"id": "src", "title": "Источник", "covers": "Всё."}],
        "glossary": [{"term": "бриф", "definition": "Задание клиента агентству."}],
    }


def model_from_compact(compact: dict):
    from accountpath import model

    text = yaml.safe_dump(full_model_data(compact), allow_unicode=True, sort_keys=False)
    m, problems = model.check_text(text, "compact.yml")
    assert not problems, problems
    return m


@pytest.fixture(scope="session")
def vectors() -> dict:
    return json.loads(VECTORS.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def vector_model(vectors):
    return model_from_compact(vectors["model"])


@pytest.fixture(scope="session")
def real_model():
    from accountpath import model

    return model.load(REAL_MODEL)


def run_cli(*args: str, cwd: Path | None = None, input: str | None = None) -> subprocess.CompletedProcess:
    """Run `python -m accountpath ARGS` as a user would, capturing text output."""
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "accountpath", *args],
        cwd=cwd or ROOT,
        input=input,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


@dataclass
class CliResult:
    """What an in-process CLI call returned and printed."""

    returncode: int
    stdout: str
    stderr: str


@pytest.fixture
def cli_run(capsys):
    """Call `accountpath ARGS` in this process (cli.main), capturing what it prints."""
    from accountpath import cli

    def run(*args: str) -> CliResult:
        capsys.readouterr()
        code = cli.main([str(a) for a in args])
        out, err = capsys.readouterr()
        return CliResult(code, out, err)

    return run


@pytest.fixture(autouse=True)
def _russian_after_each_test():
    """A test that switched the language (cli --lang en) does not leak it into the next one."""
    yield
    from accountpath import i18n

    i18n.set_language(i18n.DEFAULT_LANGUAGE)


# ---------------------------------------------------------------- the browser lane: one built site, one browser


@pytest.fixture(scope="session")
def chromium() -> str:
    """The path of Debian's chromium (the browser tests fail clearly when it is missing)."""
    return bu.require_chromium()


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory):
    """The site built once for every browser test (MkDocs, the bundled model)."""
    return bu.build_site(tmp_path_factory.mktemp("browser-site") / "site")


@pytest.fixture(scope="session")
def server(site_dir):
    """The built site served on 127.0.0.1."""
    srv = bu.Server(site_dir)
    yield srv
    srv.close()


@pytest.fixture(scope="session")
def browser(chromium):
    """Debian's chromium driven by Playwright (never a downloaded browser)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = bu.launch(pw)
        yield b
        b.close()
