"""`accountpath decide`: record the human decision on a panel beside the tool's verdict at that moment.

The record (YAML) holds `decision` (hire | no_hire | hold), `by`, `reason`, `override` (the
decision differs from the tool's side: hire for hire verdicts, no_hire for no-hire verdicts,
hold when the tool's verdict is not ready or there is too little data), `tool_verdict` (the
verdict and numbers now), `date` and `cards` ([{file, sha256}], file names relative to the
record's folder). `evaluate` shows it when the record sits beside the cards and says which
cards changed after it.
"""

from __future__ import annotations

import argparse
import datetime
import os
from pathlib import Path
from typing import Any

from accountpath.cli.common import (
    EXIT_INPUT,
    EXIT_OK,
    Command,
    iso_date,
    load_model,
    print_problems,
    say,
    write_output,
)
from accountpath.i18n import N_, _
from accountpath.io import round_files, special_files
from accountpath.method.debrief import debrief
from accountpath.vocab import HIRE_VERDICTS

NO_HIRE_VERDICTS = ("no_hire", "strong_no_hire")
TOOL_KEYS = ("recommendation", "gap", "coverage", "failed_must_haves", "best_fit_level", "ready", "not_ready")


def configure(p: argparse.ArgumentParser) -> None:
    """Arguments of `decide`."""
    p.add_argument(
        "files", nargs="+", metavar=_("ФАЙЛ"), help=_("заполненные листы панели, на которых основано решение")
    )
    p.add_argument(
        "--decision", required=True, choices=special_files.DECISIONS, help=_("решение: hire, no_hire или hold")
    )
    p.add_argument("--by", required=True, metavar=_("ИМЯ"), help=_("кто принял решение"))
    p.add_argument(
        "--reason",
        required=True,
        metavar=_("ТЕКСТ"),
        help=_("почему так решили (особенно если решение расходится с итогом)"),
    )
    p.add_argument("--date", type=iso_date, metavar=_("ГГГГ-ММ-ДД"), help=_("дата решения (по умолчанию сегодня)"))
    p.add_argument(
        "-o",
        "--output",
        metavar=_("ФАЙЛ"),
        help=_(
            "куда записать решение, например cards/decision.yml (по умолчанию в stdout); существующий файл не перезаписывается"
        ),
    )


def tool_side(result: dict[str, Any]) -> str:
    """The tool's side: hire, no_hire, or hold (not ready, too little data)."""
    if result.get("ready") is False:
        return "hold"
    if result["recommendation"] in HIRE_VERDICTS:
        return "hire"
    if result["recommendation"] in NO_HIRE_VERDICTS:
        return "no_hire"
    return "hold"


def record(result: dict[str, Any], args: argparse.Namespace, cards: list[dict[str, str]]) -> dict[str, Any]:
    """The decision record's data (keys in the contract's order, then the panel it is about)."""
    verdict = {"verdict": result["recommendation"]}
    verdict.update({k: result[k] for k in TOOL_KEYS if k in result})
    return {
        "decision": args.decision,
        "by": " ".join(args.by.split()),
        "reason": args.reason.strip(),
        "override": args.decision != tool_side(result),
        "tool_verdict": verdict,
        "date": args.date or datetime.date.today().isoformat(),
        "cards": cards,
        "candidate": result["candidate"],
        "role": result["role"],
        "level": result["level"],
    }


def _card_name(path: str, base: Path) -> str:
    """A card's path relative to the record's folder where it can be, else as given."""
    try:
        return Path(os.path.relpath(Path(path).resolve(), base.resolve())).as_posix()
    except ValueError:  # another drive
        return str(path)


def run(args: argparse.Namespace) -> int:
    """Evaluate the panel now and write the decision record (never over an existing file)."""
    import yaml

    model = load_model(args)
    if model is None:
        return EXIT_INPUT
    if not args.reason.strip() or not args.by.strip():
        say(_("decide: укажите, кто решил (--by) и почему (--reason): без этого запись ничего не объясняет"))
        return EXIT_INPUT
    if args.output and Path(args.output).exists():
        say(
            _(
                "{path}: файл уже есть, решение не перезаписывается. Новое решение — новый файл, например {other}"
            ).format(path=args.output, other=Path(args.output).with_name(Path(args.output).stem + "-2.yml"))
        )
        return EXIT_INPUT
    args.files, plans, decisions = special_files.split([Path(f) for f in args.files])
    for f in plans + decisions:
        say(_("{path}: это не оценочный лист (план или запись решения), пропущен").format(path=f))
    if not args.files:
        say(_("decide: нет оценочных листов"))
        return EXIT_INPUT
    panel, problems = round_files.read_panel(model, args.files)
    if problems:
        print_problems(problems)
        return EXIT_INPUT
    result = debrief(model, panel[0].role, panel[0].level, panel)
    base = Path(args.output).parent if args.output else Path.cwd()
    cards = [{"file": _card_name(str(f), base), "sha256": special_files.sha256(f)} for f in args.files]
    data = record(result, args, cards)
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
    rc = write_output(text, args.output)
    if rc == EXIT_OK and args.output:
        print(_("Решение записано: {path}").format(path=args.output))
        if data["override"]:
            print(_("Решение расходится с итогом инструмента: причина записана."))
    return rc


COMMAND = Command(
    "decide",
    N_("записать решение по панели: кто решил, почему, расходится ли с итогом, на каких листах (SHA-256)"),
    configure,
    None,
    run,
)
