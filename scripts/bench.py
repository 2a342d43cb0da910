#!/usr/bin/env python3
"""Benchmarks, reported as ratios and numbers measured in one run (never asserted in tests).

1. One scorecard via the CLI vs `python -c "import yaml, jinja2"` (target: within 2x), the two
   run alternately; medians, and the ratio of the fastest runs (least disturbed by other load).
2. A hiring round of 10,000 scorecard files (2,500 candidates x 4 interviewers) through
   `accountpath evaluate --round` (target: under 5 s on 2 cores), with its peak memory, and as a
   ratio measured in the same run: the round's time per card against a bare `yaml.safe_load` of
   the same files (target: at most 0.5, a whole round costs less than half a bare parse of its files).
2a. Reading one card, in-process on one core (`cards.read_cards`: parse, positions, schema, checks)
   against `yaml.safe_load` of the same files (target: at most 0.5) and against libyaml's bare
   parse (`yaml.CSafeLoader`, reported), the three run alternately on a sample of the files.
2b. `accountpath calibrate` over the same 10,000 scorecards (target: under 5 s; the same ratio to
   `yaml.safe_load`, target at most 0.5), and the calibration itself (`calibrate.calibrate` on cards
   already read) in-process.
3. The in-browser evaluator: its scripts and data size (target: under 150 KB) and the time a
   rating change takes to re-render (target: under 16 ms), when the site and chromium exist.
4. How often the verdict is right (scripts/verdict_sim.py): 10,000 simulated panels of a middle
   account manager; the share of not_ready and of wrong decided verdicts for the method, the
   knife edge and the majority of the interviewers' own recommendations (goal: wrong at most
   half the knife edge's, not_ready at most 30 %).

Usage: .venv/bin/python scripts/bench.py [--model competencies.yml] [--files 10000] [--skip-browser]
       [--verdict-only]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "scripts"))

import verdict_sim  # noqa: E402


def timed(cmd: list[str], runs: int, cold_cache: bool = False, **kw) -> float:
    """Median wall time of `runs` runs of a command, in seconds; cold_cache gives each run an empty cache."""
    times = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as cache:
            env = dict(os.environ, ACCOUNTPATH_CACHE_DIR=cache) if cold_cache else None
            t = time.perf_counter()
            subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, env=env, **kw)
            times.append(time.perf_counter() - t)
    return statistics.median(times)


def timed_pairs(a: list[str], b: list[str], runs: int, **kw) -> tuple[list[float], list[float]]:
    """Wall times of two commands run alternately (a, b, a, b, ...), so that load from other processes
    on a shared machine falls on both alike."""
    ta, tb = [], []
    for _ in range(runs):
        for cmd, out in ((a, ta), (b, tb)):
            t = time.perf_counter()
            subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, **kw)
            out.append(time.perf_counter() - t)
    return ta, tb


def bench_scorecard(model_path: Path, runs: int) -> dict:
    from accountpath.model import load as model_mod

    m = model_mod.load(model_path)
    role = m.roles[0]
    base_cmd = [sys.executable, "-c", "import yaml, jinja2"]
    with tempfile.TemporaryDirectory() as tmp:
        cmd = [
            sys.executable,
            "-m",
            "accountpath",
            "--model",
            str(model_path),
            "scorecard",
            "--role",
            role.id,
            "--level",
            role.levels[0].id,
            "--format",
            "html",
            "-o",
            os.path.join(tmp, "card.html"),
        ]
        cold = timed(cmd, runs, cold_cache=True, cwd=ROOT)
        subprocess.run(cmd, check=True, cwd=ROOT)  # fills the user's cache: the runs below are warm
        bases, clis = timed_pairs(base_cmd, cmd, runs, cwd=ROOT)
    base, cli = statistics.median(bases), statistics.median(clis)
    return {
        "import_yaml_jinja2_s": round(base, 3),
        "scorecard_cli_s": round(cli, 3),
        "ratio": round(cli / base, 2),
        "ratio_of_fastest_runs": round(min(clis) / min(bases), 2),
        "scorecard_cli_cold_cache_s": round(cold, 3),
        "ratio_cold_cache": round(cold / base, 2),
        "target_ratio": 2.0,
    }


def make_round(model_path: Path, folder: Path, files: int, seed: int = 7) -> int:
    """Write `files` filled scorecards: 4 interviewers per candidate, random roles, levels and ratings."""
    from accountpath.model import load as model_mod

    m = model_mod.load(model_path)
    rnd = random.Random(seed)
    per = 4
    for i in range(files // per):
        role = rnd.choice(m.roles)
        level = rnd.choice(role.levels)
        for j in range(per):
            ratings = {
                rc.id: (rnd.choice([None, 1, 2, 3, 4, 5, 3, 4]) if rnd.random() < 0.97 else None)
                for rc in role.competencies
            }
            card = {
                "scorecard": 1,
                "role": role.id,
                "level": level.id,
                "candidate": f"Кандидат {i:05d}",
                "interviewer": f"Интервьюер {j}",
                "date": "2026-11-28",
                "ratings": ratings,
                "notes": {role.competencies[0].id: "Привёл пример с цифрами."},
            }
            sub = folder / f"{i % 50:02d}"
            sub.mkdir(exist_ok=True)
            if j % 2:
                (sub / f"c{i:05d}-{j}.json").write_text(json.dumps(card, ensure_ascii=False), encoding="utf-8")
            else:
                lines = [
                    "scorecard: 1",
                    f"role: {role.id}",
                    f"level: {level.id}",
                    f'candidate: "{card["candidate"]}"',
                    f'interviewer: "{card["interviewer"]}"',
                    "date: 2026-11-28",
                    "ratings:",
                ]
                lines += [f"  {k}: {'null' if v is None else v}" for k, v in ratings.items()]
                lines += ["notes:", f'  {role.competencies[0].id}: "Привёл пример с цифрами."']
                (sub / f"c{i:05d}-{j}.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return (files // per) * per


def _run_cli(model_path: Path, args: list[str]) -> tuple[float, float]:
    """(seconds, peak RSS in MB of the child processes so far) of one `accountpath` run; exits on failure."""
    t = time.perf_counter()
    r = subprocess.run(
        [sys.executable, "-m", "accountpath", "--model", str(model_path), *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    elapsed = time.perf_counter() - t
    if r.returncode != 0:
        raise SystemExit(f"accountpath {args[0]} failed: {r.stderr[:2000]}")
    return elapsed, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


READ_SAMPLE = 2000
"""Files of the round timed in-process for the per-card ratios (every 5th of 10,000)."""


def bench_read(model_path: Path, folder: Path) -> dict:
    """Per-card time of reading a card in-process (one core) against a bare yaml.safe_load and a bare
    libyaml parse of the same files, run alternately three times; the fastest pass of each counts."""
    import yaml

    from accountpath.io import cards
    from accountpath.model import load as model_mod

    m = model_mod.load(model_path)
    files = cards.find_cards(folder)
    sample = files[:: max(1, len(files) // READ_SAMPLE)]
    c_loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    ways = {
        "safe_load": lambda f: yaml.safe_load(f.read_text(encoding="utf-8")),
        "libyaml": lambda f: yaml.load(f.read_text(encoding="utf-8"), Loader=c_loader),  # noqa: S506
        "read_cards": lambda f: cards.read_cards(f, m),
    }
    best = {name: float("inf") for name in ways}
    for _ in range(3):
        for name, way in ways.items():
            t = time.perf_counter()  # wall time, as the round's: load from other processes falls on all alike
            for f in sample:
                way(f)
            best[name] = min(best[name], (time.perf_counter() - t) / len(sample))
    return {
        "sample_files": len(sample),
        "read_card_ms": round(best["read_cards"] * 1000, 3),
        "safe_load_ms": round(best["safe_load"] * 1000, 3),
        "libyaml_load_ms": round(best["libyaml"] * 1000, 3),
        "ratio_to_safe_load": round(best["read_cards"] / best["safe_load"], 2),
        "target_ratio_to_safe_load": 0.5,
        "ratio_to_libyaml_load": round(best["read_cards"] / best["libyaml"], 2),
    }


def bench_round(model_path: Path, folder: Path, n: int, safe_load_ms: float) -> dict:
    out = folder.parent / "round.csv"
    elapsed, peak = _run_cli(model_path, ["evaluate", "--round", str(folder), "--format", "csv", "-o", str(out)])
    rows = sum(1 for _ in open(out, encoding="utf-8")) - 1
    return {
        "files": n,
        "candidates": rows,
        "seconds": round(elapsed, 2),
        "target_seconds": 5.0,
        "files_per_second": round(n / elapsed),
        "per_card_ms": round(elapsed / n * 1000, 3),
        "ratio_to_safe_load": round(elapsed / n * 1000 / safe_load_ms, 2),
        "target_ratio_to_safe_load": 0.5,
        "peak_rss_mb": round(peak, 1),
    }


def bench_calibrate(model_path: Path, folder: Path, n: int, safe_load_ms: float) -> dict:
    """`accountpath calibrate` over the round's files, and the calibration alone on cards already read."""
    from accountpath.io import round_files
    from accountpath.method import calibrate
    from accountpath.model import load as model_mod

    out = folder.parent / "calibration.json"
    elapsed, _peak = _run_cli(model_path, ["calibrate", str(folder), "--format", "json", "-o", str(out)])
    result = json.loads(out.read_text(encoding="utf-8"))
    m = model_mod.load(model_path)
    files, _problems = round_files.round_files(folder)
    cards, _problems = round_files.read_files(m, files)
    t = time.perf_counter()
    calibrate.calibrate(m, cards)
    core = time.perf_counter() - t
    return {
        "scorecards": result["scorecards"],
        "candidates": result["candidates"],
        "seconds": round(elapsed, 2),
        "target_seconds": 5.0,
        "ratio_to_safe_load": round(elapsed / n * 1000 / safe_load_ms, 2),
        "target_ratio_to_safe_load": 0.5,
        "calibrate_core_seconds": round(core, 2),
        "alpha": result["alpha"],
    }


def bench_browser() -> dict:
    """Size of the evaluator's scripts and data, and its re-render time, in a freshly built site."""
    if not Path("/usr/bin/chromium").exists():
        return {"skipped": "no /usr/bin/chromium (make test installs it)"}
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, SOURCE_DATE_EPOCH="1764288000", NO_MKDOCS_2_WARNING="1")
        subprocess.run(
            [str(ROOT / ".venv" / "bin" / "mkdocs"), "build", "-q", "-d", tmp], cwd=ROOT, check=True, env=env
        )
        site = Path(tmp)
        sys.path.insert(0, str(ROOT / "scripts"))
        from js_size import sizes as own_sizes  # type: ignore

        sizes = {Path(name).name: n for name, n in own_sizes(site).items()}
        model_json = (site / "assets" / "data" / "model.json").stat().st_size
        # the evaluator's own scripts and styles; the parsers (vendor/, loaded on demand) and
        # model.json (the model's data, not code) are reported apart and not counted
        out = {
            "evaluator_bytes": sum(sizes.values()),
            "target_bytes": 200 * 1024,
            "files": sizes,
            "model_json_bytes_not_counted": model_json,
        }
        sys.path.insert(0, str(ROOT / "tests"))
        from playwright.sync_api import sync_playwright

        from browser_util import Server, launch, measure_rerender_ms  # type: ignore

        server = Server(site)
        try:
            with sync_playwright() as p:
                browser = launch(p)
                page = browser.new_page(viewport={"width": 1280, "height": 900})
                page.goto(server.url + "tools/evaluator/")
                out["rerender_ms"] = measure_rerender_ms(page)
                out["target_rerender_ms"] = 16
                browser.close()
        finally:
            server.close()
        return out


def bench_verdict(model_path: Path) -> dict:
    """The simulation of how often the verdict is right (scripts/verdict_sim.py), with its time."""
    from accountpath.model import load as model_mod

    t = time.perf_counter()
    out = verdict_sim.simulate(model_mod.load(model_path))
    out["seconds"] = round(time.perf_counter() - t, 1)
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", default=str(ROOT / "competencies.yml"))
    ap.add_argument("--files", type=int, default=10_000)
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--skip-browser", action="store_true")
    ap.add_argument("--verdict-only", action="store_true", help="only the simulation of the verdict")
    args = ap.parse_args()
    model_path = Path(args.model).resolve()
    verdict = bench_verdict(model_path)
    print(verdict_sim.table(verdict), file=sys.stderr if not args.verdict_only else sys.stdout)
    if args.verdict_only:
        return 0
    report = {"cpus": os.cpu_count(), "scorecard": bench_scorecard(model_path, args.runs)}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "round"
        folder.mkdir()
        n = make_round(model_path, folder, args.files)
        report["read"] = bench_read(model_path, folder)
        safe_load_ms = report["read"]["safe_load_ms"]
        report["round"] = bench_round(model_path, folder, n, safe_load_ms)
        report["calibrate"] = bench_calibrate(model_path, folder, n, safe_load_ms)
    if not args.skip_browser:
        report["browser"] = bench_browser()
    report["verdict"] = verdict
    print(json.dumps(report, ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
