"""`accountpath scorecard`: arguments in, a blank scorecard (or all of them) out."""

from __future__ import annotations

import argparse
import datetime
import sys
from pathlib import Path

from . import model as model_mod
from . import output, scorecard


def run(args: argparse.Namespace) -> int:
    """Run the subcommand; 0 on success, 1 on bad input (message on stderr)."""
    model, problems = model_mod.check(args.model)
    if model is None:
        for p in problems:
            print(p, file=sys.stderr)
        return 1
    if args.all:
        if not args.out:
            print("accountpath scorecard: --all needs --out DIR", file=sys.stderr)
            return 1
        files = scorecard.render_all(model)
        output.write_tree(Path(args.out), files)
        print(f"{len(files)} scorecards written to {args.out}")
        return 0
    if not args.role or not args.level:
        roles = "; ".join(f"{r.id}: {', '.join(lv.id for lv in r.levels)}" for r in model.roles)
        print(f"accountpath scorecard: give --role and --level (or --all --out DIR). Roles and levels: {roles}", file=sys.stderr)
        return 1
    if args.date:
        try:
            datetime.date.fromisoformat(args.date)
        except ValueError:
            print(f"accountpath scorecard: --date must be YYYY-MM-DD, not {args.date!r}", file=sys.stderr)
            return 1
    try:
        data = scorecard.render(model, args.role, args.level, args.format, candidate=args.candidate,
                                interviewer=args.interviewer, date=args.date)
    except scorecard.ScorecardError as exc:
        print(f"accountpath scorecard: {exc}", file=sys.stderr)
        return 1
    if args.format == "xlsx" and not args.output:
        if sys.stdout.isatty():
            print("accountpath scorecard: xlsx is binary; give -o FILE.xlsx", file=sys.stderr)
            return 1
    try:
        output.emit(data if args.format == "xlsx" else data.decode("utf-8"), args.output)
    except OSError as exc:
        print(f"accountpath scorecard: cannot write {args.output}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    return 0
