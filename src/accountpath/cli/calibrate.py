"""`accountpath calibrate`: interviewer calibration over the scorecards of any number of rounds
(folders, round workbooks, single card files): leniency, agreement, panel reliability."""

from __future__ import annotations

import argparse
from pathlib import Path

from accountpath.cli.common import (
    EXIT_INPUT,
    Command,
    add_output,
    load_model,
    output_format,
    print_problems,
    to_pdf,
    write_output,
)
from accountpath.i18n import N_, _
from accountpath.io import round_files
from accountpath.method import calibrate
from accountpath.problems import Problem
from accountpath.render import calibrate_report
from accountpath.vocab import CARD_SUFFIXES

FORMATS = ("text", "md", "html", "json", "xlsx", "pdf")


def configure(p: argparse.ArgumentParser) -> None:
    """Arguments of `calibrate`."""
    p.add_argument(
        "paths",
        nargs="+",
        metavar=_("ПУТЬ"),
        help=_("папки раундов, книги раундов (.xlsx) или отдельные листы; сколько угодно раундов"),
    )
    add_output(p, FORMATS, _("формат (по умолчанию по расширению -o, иначе text)"))


def check(args: argparse.Namespace) -> None:
    """Argument errors of `calibrate`."""
    args.format = output_format(args, FORMATS, "text")


def card_files(paths: list[str]) -> tuple[list[Path], list[Problem]]:
    """The scorecard files of every path: a folder's cards, a workbook, or a card file itself."""
    files: dict[Path, None] = {}
    problems: list[Problem] = []
    for path in paths:
        p = Path(path)
        if p.is_file() and p.suffix.lower() in CARD_SUFFIXES:
            found: list[Path] = [p]
        else:
            found, trouble = round_files.round_files(p)
            problems += trouble
        files.update(dict.fromkeys(found))
    return list(files), problems


def run(args: argparse.Namespace) -> int:
    """Read every card, calibrate, write the report; unreadable cards are reported and skipped (exit 1)."""
    model = load_model(args)
    if model is None:
        return EXIT_INPUT
    files, problems = card_files(args.paths)
    if not files:
        print_problems(problems)
        return EXIT_INPUT
    cards, found = round_files.read_files(model, files)
    if not cards:  # nothing could be read: an earlier output stays as it is
        print_problems(problems + found)
        return EXIT_INPUT
    result, refused = calibrate.calibrate(model, cards)
    problems += found + refused
    print_problems(problems)
    if args.format == "pdf":
        content: str | bytes | None = to_pdf(calibrate_report.to_html(model, result))
    else:
        content = calibrate_report.render(model, result, args.format)
    rc = write_output(content, args.output)
    return EXIT_INPUT if problems else rc


COMMAND = Command(
    "calibrate",
    N_("калибровка интервьюеров по листам любых раундов: мягкость, согласие, надёжность панели"),
    configure,
    check,
    run,
)
