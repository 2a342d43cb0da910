"""The package installed from a wheel into a fresh venv works from any folder: schema,
templates and catalogs are package data, nothing is read from the source tree."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import venv
from pathlib import Path

import pytest
import yaml

from conftest import full_model_data

ROOT = Path(__file__).resolve().parent.parent


def _run(cmd: list[str], cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=600, check=False)


@pytest.mark.slow
def test_wheel_in_a_clean_venv_runs_every_command(tmp_path, vectors):
    wheels = tmp_path / "wheels"
    r = _run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--disable-pip-version-check",
            "-q",
            "-w",
            str(wheels),
            str(ROOT),
        ],
        cwd=tmp_path,
    )
    assert r.returncode == 0, r.stderr
    wheel = next(wheels.glob("accountpath-*.whl"))
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    py = env_dir / "bin" / "python"
    # the dependencies come from the same versions the project pins (pip's cache makes this quick)
    r = _run(
        [
            str(py),
            "-m",
            "pip",
            "install",
            "-q",
            "--disable-pip-version-check",
            "-c",
            str(ROOT / "requirements.lock"),
            str(wheel),
        ],
        cwd=tmp_path,
    )
    assert r.returncode == 0, r.stderr

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    model = tmp_path / "model.yml"
    model.write_text(
        yaml.safe_dump(full_model_data(vectors["model"]), allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    tool = str(env_dir / "bin" / "accountpath")
    env = dict(os.environ, ACCOUNTPATH_CACHE_DIR="off", LC_ALL="C.UTF-8")
    env.pop("PYTHONPATH", None)

    r = _run([tool, "--model", str(model), "validate"], elsewhere, env)
    assert r.returncode == 0 and "ошибок нет" in r.stdout, r.stdout + r.stderr
    r = _run([tool, "validate", "--lang", "en", str(model)], elsewhere, env)
    assert r.returncode == 0 and ": OK:" in r.stdout, r.stdout + r.stderr
    r = _run(
        [
            tool,
            "--model",
            str(model),
            "scorecard",
            "--role",
            "am",
            "--level",
            "middle",
            "-o",
            "card.json",
            "--candidate",
            "Анна",
            "--interviewer",
            "Ольга",
        ],
        elsewhere,
        env,
    )
    assert r.returncode == 0, r.stderr
    card = json.loads((elsewhere / "card.json").read_text(encoding="utf-8"))
    card["ratings"] = {"a": 4, "b": 3, "c": 3, "d": 3}  # clearly above target: outside the tolerance band
    (elsewhere / "card.json").write_text(json.dumps(card, ensure_ascii=False), encoding="utf-8")
    for fmt in ("html", "xlsx"):
        r = _run(
            [tool, "--model", str(model), "scorecard", "--role", "am", "--level", "middle", "-o", f"card.{fmt}"],
            elsewhere,
            env,
        )
        assert r.returncode == 0, r.stderr
    r = _run([tool, "--model", str(model), "evaluate", "card.json", "-o", "report.html"], elsewhere, env)
    assert r.returncode == 0, r.stderr
    assert "Нанимать" in (elsewhere / "report.html").read_text(encoding="utf-8")
    r = _run([tool, "--model", str(model), "--lang", "en", "evaluate", "card.json", "--format", "json"], elsewhere, env)
    assert r.returncode == 0 and json.loads(r.stdout)["recommendation"] == "hire", r.stderr
    r = _run([tool, "--lang", "en", "--help"], elsewhere, env)
    assert "Usage: accountpath" in r.stdout  # the compiled catalog was installed

    # the wheel carries the bundled model: no --model, an empty folder
    bundled = yaml.safe_load((ROOT / "competencies.yml").read_text(encoding="utf-8"))
    role = bundled["roles"][0]
    empty = tmp_path / "empty"
    empty.mkdir()
    r = _run(
        [tool, "scorecard", "--role", role["id"], "--level", role["levels"][-1]["id"], "-o", "card.md"], empty, env
    )
    assert r.returncode == 0, r.stderr
    assert role["levels"][-1]["name"] in (empty / "card.md").read_text(encoding="utf-8")
    r = _run([tool, "validate"], empty, env)
    assert r.returncode == 0 and "ошибок нет" in r.stdout, r.stdout + r.stderr
