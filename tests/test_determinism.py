"""Generated pages and scorecards are byte-identical across processes with different hash
seeds: nothing depends on set or dict-of-set iteration order."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "mini.yml"

SCRIPT = """
import hashlib, sys
from accountpath.model import load as model
from accountpath.site import pages
from accountpath.render import scorecard
m = model.load(sys.argv[1])
files = {**{"pages/" + k: v.encode() for k, v in pages.build(m).items()},
         **{"cards/" + k: v for k, v in scorecard.render_all(m).items()}}
import json
files["model.json"] = json.dumps(pages.site_data(m), ensure_ascii=False, sort_keys=True).encode()
for name in sorted(files):
    print(name, hashlib.sha256(files[name]).hexdigest())
"""


def _start(seed: str, tmp: Path) -> subprocess.Popen[str]:
    env = dict(os.environ, PYTHONHASHSEED=seed, ACCOUNTPATH_CACHE_DIR=str(tmp / f"cache-{seed}"))
    return subprocess.Popen(
        [sys.executable, "-c", SCRIPT, str(FIXTURE)], env=env, text=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )


def _digests(proc: subprocess.Popen[str]) -> str:
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err
    return out


@pytest.mark.slow
def test_same_bytes_under_different_hash_seeds(tmp_path):
    procs = [_start("1", tmp_path), _start("4242", tmp_path)]  # side by side: half the wall time
    first, second = (_digests(p) for p in procs)
    assert first.count("\n") > 10
    assert first == second, "output depends on hash order:\n" + "\n".join(
        sorted(set(first.splitlines()) ^ set(second.splitlines()))
    )
