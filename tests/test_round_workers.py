"""A large round always ends (issue 16): a worker that dies (OOM, killed) or fails becomes a
problem of its file, the other files are still read."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from accountpath.io import cards as cards_mod
from accountpath.io import round_files
from accountpath.model import load as model_mod

ROOT = Path(__file__).resolve().parent.parent
MINI = ROOT / "tests" / "fixtures" / "mini.yml"
CARD = """scorecard: 2
role: account-manager
level: junior
candidate: Кандидат {n}
interviewer: Ирина
ratings: {{client-communication: 3, project-management: 2, finance: 2}}
"""


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(os, "fork") or (os.cpu_count() or 1) < 2, reason="needs fork and two cores")
def test_dead_and_failing_workers_become_problems(tmp_path, monkeypatch):
    model = model_mod.load(MINI)
    files = []
    for n in range(60):
        p = tmp_path / f"card{n:03}.yml"
        p.write_text(CARD.format(n=n), encoding="utf-8")
        files.append(p)
    real = cards_mod.read_cards

    def hostile(path, m):
        if Path(path).name == "card007.yml":
            os._exit(137)  # as the OOM killer would
        if Path(path).name == "card050.yml":
            raise MemoryError
        return real(path, m)

    monkeypatch.setattr(round_files, "PARALLEL_FROM", 10)
    monkeypatch.setattr(cards_mod, "read_cards", hostile)
    found, problems = round_files.read_files(model, files)
    assert len(found) == 58
    assert sorted((Path(p.path).name, p.code) for p in problems) == [
        ("card007.yml", "round.worker-died"),
        ("card050.yml", "round.read-failed"),
    ]
    assert "завершился аварийно" in problems[0].message or "завершился аварийно" in problems[1].message


def test_similar_names_one_warning_per_candidate_linear():
    import itertools

    from accountpath.method import rounds

    names = ["кандидат " + "".join(p) for p in itertools.product("абв", repeat=6)]
    results = [{"candidate": n} for n in names]
    rounds.add_similar_warnings(results)
    assert [len(r["warnings"]) for r in results] == [1] * len(names)
    assert all(w["code"] == "similar_candidates" for r in results for w in r["warnings"])
    assert (
        results[0]["warnings"][0]["params"]["more"] == 723 and len(results[0]["warnings"][0]["params"]["others"]) == 5
    )
    from accountpath.render.debrief_text import warning_text

    assert "и ещё 723" in warning_text(results[0]["warnings"][0])
