#!/usr/bin/env python3
"""Generated site files for an engine without hooks (Zensical), from the command line.

    scripts/site_files.py generate [--model competencies.yml] [--docs docs]
        write the generated pages and JSON into docs/ (gitignored paths)
    scripts/site_files.py post SITE_DIR [--model competencies.yml]
        after a build: the search index of SITE_DIR as UTF-8

MkDocs does both through scripts/mkdocs_hooks.py; `make site-zensical` calls this script.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from accountpath.model import load as model_mod
from accountpath.site import site_files


def _model(path: str):
    model, problems = model_mod.check(Path(path))
    for p in problems:
        print(p, file=sys.stderr)
    return None if problems else model


def main(argv: list[str] | None = None) -> int:
    """Run one step; 0 on success, 1 on a broken model or a clash with a hand-written file."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("step", choices=("generate", "post"))
    ap.add_argument("site_dir", nargs="?", help="the built site (for post)")
    ap.add_argument("--model", default=model_mod.DEFAULT_MODEL)
    ap.add_argument("--docs", default="docs")
    args = ap.parse_args(argv)
    if args.step == "generate":
        model = _model(args.model)
        if model is None:
            return 1
        try:
            written = site_files.write_generated(Path(args.docs), site_files.generated(model))
        except ValueError as exc:
            print(exc, file=sys.stderr)
            return 1
        print(f"{len(written)} generated file(s) updated in {args.docs}")
        return 0
    if not args.site_dir:
        ap.error("post needs SITE_DIR")
    for rel, before, after in site_files.post_build(Path(args.site_dir)):
        print(f"{rel}: {before} -> {after} bytes (UTF-8)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
