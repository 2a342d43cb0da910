"""`accountpath evaluate`: read filled scorecards, evaluate, print or write the result."""

from __future__ import annotations

import argparse
import multiprocessing
import os
import sys
from collections import OrderedDict
from pathlib import Path

from . import cards as cards_mod
from . import model as model_mod
from . import output, report
from .evaluate import Scorecard, evaluate, rank_key
from .problems import Problem


def _err(problems: list[Problem]) -> None:
    for p in problems:
        print(p, file=sys.stderr)


def run(args: argparse.Namespace) -> int:
    """Run the subcommand; 0 on success, 1 on any bad input."""
    model, problems = model_mod.check(args.model)
    if model is None:
        _err(problems)
        return 1
    if args.round:
        if args.files:
            print("accountpath evaluate: give FILEs or --round DIR, not both", file=sys.stderr)
            return 1
        return _run_round(model, args)
    if not args.files:
        print("accountpath evaluate: give one candidate's scorecard FILEs (or --round DIR)", file=sys.stderr)
        return 1
    if args.format == "csv":
        print("accountpath evaluate: csv is for --round; use text, json, md or html", file=sys.stderr)
        return 1
    cards: list[Scorecard] = []
    problems = []
    for f in args.files:
        card, found = cards_mod.read_card(f, model)
        problems += found
        if card is not None:
            cards.append(card)
    if not problems:
        problems = cards_mod.panel_problems(cards)
    if problems:
        _err(problems)
        return 1
    result = evaluate(model, cards[0].role, cards[0].level, cards)
    if args.format == "json":
        text = report.to_json(result)
    elif args.format == "md":
        text = report.to_markdown(model, result, cards)
    elif args.format == "html":
        text = report.to_html(model, result, cards)
    else:
        text = report.to_text(model, result, cards)
    return _emit(text, args.output)


def _emit(text: str, path: str | None) -> int:
    try:
        output.emit(text, path)
    except OSError as exc:
        print(f"accountpath evaluate: cannot write {path}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    return 0


_WORKER_MODEL = None
PARALLEL_FROM = 400
"""Rounds this large are read by one process per core: parsing dominates and is CPU-bound."""


def _read_in_worker(path: Path):
    return cards_mod.read_card(path, _WORKER_MODEL)


def read_cards(model, files: list[Path]) -> list[tuple]:
    """(card or None, problems) for each file, in file order; large rounds use every core."""
    global _WORKER_MODEL
    cpus = os.cpu_count() or 1
    if len(files) < PARALLEL_FROM or cpus < 2 or multiprocessing.get_start_method() != "fork":
        return [cards_mod.read_card(f, model) for f in files]
    _WORKER_MODEL = model  # inherited by the forked workers, never pickled
    try:
        with multiprocessing.Pool(processes=min(cpus, 8)) as pool:
            return pool.map(_read_in_worker, files, chunksize=max(50, len(files) // (cpus * 8)))
    finally:
        _WORKER_MODEL = None


def evaluate_round(model, files: list[Path]) -> tuple[list[dict], list[Problem]]:
    """Evaluate every group (candidate, role, level) of a round; bad files are reported and skipped."""
    problems: list[Problem] = []
    groups: "OrderedDict[tuple, list[Scorecard]]" = OrderedDict()
    for card, found in read_cards(model, files):
        if card is None:
            problems += found
            continue
        key = (cards_mod.normalise_name(card.candidate), card.role, card.level)
        group = groups.setdefault(key, [])
        dup = cards_mod.panel_problems(group + [card])
        if dup:
            problems += [p for p in dup if p.path == card.source]
            continue
        group.append(card)
    results = [evaluate(model, g[0].role, g[0].level, g) for g in groups.values()]
    results.sort(key=rank_key)
    return results, problems


def _run_round(model, args: argparse.Namespace) -> int:
    folder = Path(args.round)
    if not folder.is_dir():
        print(f"{folder}: not a folder", file=sys.stderr)
        return 1
    files = cards_mod.find_cards(folder)
    if not files:
        print(f"{folder}: no scorecards (*.yml, *.yaml, *.json, *.xlsx) found", file=sys.stderr)
        return 1
    results, problems = evaluate_round(model, files)
    _err(problems)
    fmt = args.format
    if fmt == "json":
        text = report.to_json(results)
    elif fmt == "csv":
        text = report.round_csv(results)
    elif fmt == "md":
        text = report.round_markdown(results)
    elif fmt == "html":
        print("accountpath evaluate: --round prints text, json, csv or md", file=sys.stderr)
        return 1
    else:
        text = report.round_text(results)
    rc = _emit(text, args.output)
    return 1 if problems else rc
