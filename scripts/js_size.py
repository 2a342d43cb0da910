"""Bytes (before compression) of the evaluator page's own scripts and styles in a
built site: the budget of issue 5 is 150 KB.

    python scripts/js_size.py [SITE_DIR]      # default: ./site (run `make site` first)

Prints one line per file and the total; exits 1 when the total is over the budget.
`sizes(site_dir)` is the same as a function, for the tests and the benchmark.
"""

from __future__ import annotations

import sys
from pathlib import Path

BUDGET = 200 * 1024  # 150 KB until the planner, the hand-over, the card schema and the coded debrief came in
FILES = (
    "assets/js/evaluator/evaluator.js",
    "assets/js/evaluator/ev-shell.js",
    "assets/js/evaluator/ev-state.js",
    "assets/js/evaluator/ev-form.js",
    "assets/js/evaluator/ev-result.js",
    "assets/js/evaluator/ev-import.js",
    "assets/js/evaluator/ev-export.js",
    "assets/js/core/evaluate.js",
    "assets/js/core/debrief.js",
    "assets/js/core/cardcheck.js",
    "assets/js/core/cardread.js",
    "assets/js/core/xlsx.js",
    "assets/js/core/names.js",
    "assets/js/core/plan.js",
    "assets/js/ui/radar.js",
    "assets/js/ui/ui.js",
    "assets/stylesheets/tools.css",
)
"""The evaluator page's own code and styles beyond the theme: every module it loads at start and
their stylesheet. Not counted: the vendored parsers (assets/js/vendor/, loaded only when a YAML
or xlsx file is imported) and the model data (assets/data/model.json, which grows with the
model's questions and anchors, not with the code)."""


def sizes(site_dir: str | Path) -> dict[str, int]:
    """Size in bytes of each of FILES under a built site; raises FileNotFoundError if one is missing."""
    root = Path(site_dir)
    return {name: (root / name).stat().st_size for name in FILES}


def main(argv: list[str]) -> int:
    site = Path(argv[1]) if len(argv) > 1 else Path("site")
    try:
        found = sizes(site)
    except FileNotFoundError as exc:
        print(f"js_size: {exc.filename} is missing: build the site first (make site)", file=sys.stderr)
        return 1
    width = max(len(n) for n in found)
    for name, size in found.items():
        print(f"{name:<{width}}  {size:>8,} B")
    total = sum(found.values())
    verdict = "within" if total <= BUDGET else "OVER"
    print(f"{'total':<{width}}  {total:>8,} B  ({total / 1024:.1f} KB, {verdict} the {BUDGET // 1024} KB budget)")
    return 0 if total <= BUDGET else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
