#!/usr/bin/env python3
"""How often the panel's verdict is right: a simulation from a known truth (printed by `make bench`).

10,000 candidates for a middle account manager of the bundled model: each candidate's true
level on a competency is the target plus a candidate effect (sd CANDIDATE_SD) plus a
competency effect (sd COMPETENCY_SD). A focused panel of three interviewers rates them: each
must-have is covered by two interviewers, every other competency by one (round robin); an
interviewer has a leniency (sd 0.3) and noise (sd 0.7) on the 1-5 scale, rounded and clipped.
The true verdict is the method on the true levels (the weighted gap against the hire boundary
and the must-have rule, exact). Figures, for the method as it stands (the tolerance band and
the not-ready rules), for the knife edge (no band, no not_ready: the method before issue 17)
and for the majority of the interviewers' own recommendations (each says yes when the weighted
gap of their own ratings is >= 0):
- not_ready: the share of panels the method leaves undecided;
- wrong: among decided panels, the share whose side (hire / no hire) differs from the truth,
  split into wrong hires and wrong no-hires (shares of the decided ones).
Seeded and deterministic; runs in seconds. Usage: .venv/bin/python scripts/verdict_sim.py
[--candidates N] [--seed S] [--sweep] (the sweep tries several tolerances).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import random
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from accountpath.method.evaluate import Scorecard, evaluate, side  # noqa: E402
from accountpath.model import load as model_load  # noqa: E402
from accountpath.model.types import Model  # noqa: E402

ROLE, LEVEL = "account-manager", "middle"
CANDIDATE_SD = 0.6
COMPETENCY_SD = 0.4
LENIENCY_SD = 0.3
NOISE_SD = 0.7
PANEL = 3


def _rating(x: float) -> int:
    return max(1, min(5, int(x + 0.5) if x >= 0 else -int(-x + 0.5)))


def panels(model: Model, n: int, seed: int) -> list[tuple[str, list[Scorecard], str]]:
    """n simulated panels: (true side, cards, majority side of the interviewers' own calls)."""
    rng = random.Random(seed)
    role = model.role(ROLE)
    level = role.level(LEVEL)
    must = [rc for rc in role.competencies if rc.must_have]
    rest = [rc for rc in role.competencies if not rc.must_have]
    tol = model.evaluation.must_have_tolerance
    total = sum(rc.weight for rc in role.competencies)
    out = []
    for k in range(n):
        a = rng.gauss(0, CANDIDATE_SD)
        true = {rc.id: level.targets[rc.id] + a + rng.gauss(0, COMPETENCY_SD) for rc in role.competencies}
        gap = sum(rc.weight * (true[rc.id] - level.targets[rc.id]) for rc in role.competencies) / total
        failed = any(true[rc.id] < level.targets[rc.id] - tol for rc in must)
        truth = "hire" if gap >= 0 and not failed else "no_hire"
        focus: list[list[str]] = [[] for _ in range(PANEL)]
        for j, rc in enumerate(must):
            focus[j % PANEL].append(rc.id)
            focus[(j + 1) % PANEL].append(rc.id)
        for j, rc in enumerate(rest):
            focus[(j + k) % PANEL].append(rc.id)
        cards = []
        votes = 0
        for i in range(PANEL):
            lenient = rng.gauss(0, LENIENCY_SD)
            ratings = {cid: _rating(true[cid] + lenient + rng.gauss(0, NOISE_SD)) for cid in focus[i]}
            weights = {rc.id: rc.weight for rc in role.competencies}
            own = sum(weights[c] * (r - level.targets[c]) for c, r in ratings.items()) / sum(
                weights[c] for c in ratings
            )
            votes += own >= 0
            cards.append(
                Scorecard(
                    ROLE,
                    LEVEL,
                    f"Кандидат {k}",
                    f"И{i + 1}",
                    ratings,
                    focus=tuple(focus[i]),
                    recommendation="yes" if own >= 0 else "no",
                )
            )
        out.append((truth, cards, "hire" if votes * 2 > PANEL else "no_hire"))
    return out


def _figures(calls: list[tuple[str, str | None]]) -> dict[str, Any]:
    """not_ready share and wrong shares among decided calls, from (truth, side or None) pairs."""
    decided = [(t, s) for t, s in calls if s is not None]
    wrong_hire = sum(1 for t, s in decided if s == "hire" and t == "no_hire")
    wrong_no = sum(1 for t, s in decided if s == "no_hire" and t == "hire")
    n = len(decided) or 1
    return {
        "not_ready": round(1 - len(decided) / len(calls), 3),
        "wrong": round((wrong_hire + wrong_no) / n, 3),
        "wrong_hire": round(wrong_hire / n, 3),
        "wrong_no_hire": round(wrong_no / n, 3),
    }


def simulate(model: Model, n: int = 10_000, seed: int = 17) -> dict[str, Any]:
    """The figures for the method, the knife edge and the majority of recommendations, with the reasons' counts."""
    method, knife, majority = [], [], []
    reasons: dict[str, int] = {}
    hires = 0
    for truth, cards, vote in panels(model, n, seed):
        r = evaluate(model, ROLE, LEVEL, cards)
        hires += truth == "hire"
        method.append((truth, side(r["recommendation"])))
        knife.append((truth, side(r["leaning"])))
        majority.append((truth, vote))
        for code in sorted({x["code"] for x in r["not_ready"]}):
            reasons[code] = reasons.get(code, 0) + 1
    return {
        "candidates": n,
        "tolerance": model.evaluation.tolerance,
        "true_hire_share": round(hires / n, 3),
        "method": _figures(method),
        "knife_edge": _figures(knife),
        "majority_of_recommendations": _figures(majority),
        "not_ready_reasons_share": {k: round(v / n, 3) for k, v in sorted(reasons.items())},
    }


def table(r: dict[str, Any]) -> str:
    """The figures as a short table a person reads (shares in percent)."""
    rows = [
        ("the method (band ± {:g}, not_ready)".format(r["tolerance"]), r["method"]),
        ("the knife edge (no band, no not_ready)", r["knife_edge"]),
        ("majority of the interviewers' own calls", r["majority_of_recommendations"]),
    ]
    lines = [
        f"How often the verdict is right: {r['candidates']} simulated panels of a middle account manager "
        f"(true hire share {r['true_hire_share']:.0%})",
        f"{'':42}  not_ready  wrong among decided  (wrong hire / wrong no-hire)",
    ]
    for name, f in rows:
        lines.append(
            f"{name:42}  {f['not_ready']:>8.1%}  {f['wrong']:>19.1%}  "
            f"({f['wrong_hire']:.1%} / {f['wrong_no_hire']:.1%})"
        )
    goal_wrong = r["method"]["wrong"] <= r["knife_edge"]["wrong"] / 2
    goal_ready = r["method"]["not_ready"] <= 0.30
    lines.append(
        "goal: wrong <= half the knife edge's ({:.1%}): {}; not_ready <= 30 %: {}".format(
            r["knife_edge"]["wrong"] / 2, "met" if goal_wrong else "NOT met", "met" if goal_ready else "NOT met"
        )
    )
    lines.append(
        "reasons (share of panels): " + ", ".join(f"{k} {v:.1%}" for k, v in r["not_ready_reasons_share"].items())
    )
    return "\n".join(lines)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", default=str(ROOT / "competencies.yml"))
    ap.add_argument("--candidates", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=17)
    ap.add_argument("--sweep", action="store_true")
    args = ap.parse_args()
    model = model_load.load(Path(args.model))
    if args.sweep:
        for tol in (0.0, 0.05, 0.1, 0.15, 0.2, 0.25):
            m = dataclasses.replace(model, evaluation=dataclasses.replace(model.evaluation, tolerance=tol))
            print(json.dumps(simulate(m, args.candidates, args.seed), ensure_ascii=False))
        return 0
    result = simulate(model, args.candidates, args.seed)
    print(table(result))
    print(json.dumps(result, ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
