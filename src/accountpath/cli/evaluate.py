"""`accountpath evaluate` (one candidate's panel, or a whole round) and `accountpath workbook`
(the blank round workbook HR fills in, read back by `evaluate --round`)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from accountpath.cli.common import (
    EXIT_INPUT,
    EXIT_OK,
    PROG,
    Command,
    UsageError,
    add_output,
    load_model,
    output_format,
    print_problems,
    say,
    to_pdf,
    write_output,
)
from accountpath.i18n import N_, _
from accountpath.io import round_files
from accountpath.method import rounds
from accountpath.method.debrief import debrief
from accountpath.model.types import Model
from accountpath.render import report, round_report, round_xlsx, scorecard

PANEL_FORMATS = ("text", "json", "md", "html", "pdf")
ROUND_FORMATS = ("text", "json", "csv", "md", "html", "xlsx", "pdf")
FORMATS = tuple(dict.fromkeys(PANEL_FORMATS + ROUND_FORMATS))


def configure(p: argparse.ArgumentParser) -> None:
    """Arguments of `evaluate`."""
    p.add_argument(
        "files", nargs="*", metavar=_("ФАЙЛ"), help=_("заполненные листы одного кандидата (yaml, json или xlsx)")
    )
    p.add_argument(
        "--round",
        metavar=_("ПАПКА"),
        help=_("все листы в папке или книге раунда (.xlsx): итог по каждому кандидату, лучшие сверху"),
    )
    add_output(
        p,
        FORMATS,
        _("формат (по умолчанию по расширению -o, иначе text); csv и xlsx — только для --round"),
    )


def check(args: argparse.Namespace) -> None:
    """Argument errors of `evaluate`."""
    if args.round and args.files:
        raise UsageError(_("укажите либо файлы, либо --round ПАПКА, но не то и другое"))
    if not args.round and not args.files:
        raise UsageError(_("укажите заполненные листы одного кандидата (ФАЙЛ ...) или --round ПАПКА"))
    args.format = output_format(args, ROUND_FORMATS if args.round else PANEL_FORMATS, "text")


def run(args: argparse.Namespace) -> int:
    """A panel's result, or a whole round's."""
    model = load_model(args)
    if model is None:
        return EXIT_INPUT
    if args.round:
        return _run_round(model, args)
    panel, problems = round_files.read_panel(model, args.files)
    if problems:
        print_problems(problems)
        return EXIT_INPUT
    result = debrief(model, panel[0].role, panel[0].level, panel)
    render: dict[str, Callable[[], str | bytes | None]] = {
        "json": lambda: report.to_json(result),
        "md": lambda: report.to_markdown(model, result, panel),
        "html": lambda: report.to_html(model, result, panel),
        "pdf": lambda: to_pdf(report.to_html(model, result, panel)),
        "text": lambda: report.to_text(model, result, panel),
    }
    return write_output(render[args.format](), args.output)


def render_round(model: Model, results: list[dict[str, Any]], fmt: str) -> str | bytes | None:
    """A round's results in one format (pdf from the html; None after saying why it cannot be made)."""
    if fmt == "xlsx":
        return round_xlsx.round_xlsx(model, results)
    if fmt == "pdf":
        return to_pdf(round_report.round_html(results))
    render: dict[str, Callable[[Any], str]] = {
        "json": report.to_json,
        "csv": round_report.round_csv,
        "md": round_report.round_markdown,
        "html": round_report.round_html,
        "text": round_report.round_text,
    }
    return render[fmt](results)


def _run_round(model: Model, args: argparse.Namespace) -> int:
    """Every card of the folder or workbook; bad files are reported and skipped (exit 1), the rest ranked."""
    files, problems = round_files.round_files(args.round)
    if problems:
        print_problems(problems)
        return EXIT_INPUT
    cards, problems = round_files.read_files(model, files)
    if not cards:  # nothing could be read: an earlier output stays as it is
        print_problems(problems)
        if not problems:
            say(_empty_round(args.round))
        return EXIT_INPUT
    results, grouping = rounds.evaluate_round(model, cards)
    problems += grouping
    print_problems(problems)
    if not results and not problems:
        say(_empty_round(args.round))
        return EXIT_INPUT
    rc = write_output(render_round(model, results, args.format), args.output)
    return EXIT_INPUT if problems else rc


def _empty_round(source: str) -> str:
    """Why nothing is ranked: the workbook or folder has no filled card."""
    if source.lower().endswith(".xlsx"):
        return _(
            "{path}: в книге раунда нет заполненных строк. Впишите в каждую строку кандидата, интервьюера и "
            "оценки 1–5, сохраните книгу и запустите снова: accountpath evaluate --round {path}"
        ).format(path=source)
    return _("{path}: нет заполненных оценочных листов. Заполните листы и запустите снова.").format(path=source)


def configure_workbook(p: argparse.ArgumentParser) -> None:
    """Arguments of `workbook`."""
    p.add_argument("--role", metavar="ID", required=True, help=_("роль, например account-manager"))
    p.add_argument("--level", metavar="ID", required=True, help=_("уровень роли, например middle"))
    p.add_argument("--format", choices=("xlsx",), help=_("формат: xlsx (единственный)"))
    p.add_argument("-o", "--output", metavar=_("ФАЙЛ"), help=_("куда записать книгу, например round.xlsx"))


def check_workbook(args: argparse.Namespace) -> None:
    """Argument errors of `workbook`."""
    args.format = output_format(args, ("xlsx",), "xlsx")


def run_workbook(args: argparse.Namespace) -> int:
    """A blank round workbook for one role and level."""
    model = load_model(args)
    if model is None:
        return EXIT_INPUT
    try:
        role, level = scorecard.resolve(model, args.role, args.level)
    except scorecard.ScorecardError as exc:
        say(f"{PROG} workbook: {exc}")
        return EXIT_INPUT
    rc = write_output(round_xlsx.round_workbook(model, role.id, level.id), args.output)
    if rc == EXIT_OK and args.output:
        print(
            _("Книга раунда записана: {path}; заполненную читает accountpath evaluate --round {path}").format(
                path=args.output
            )
        )
    return rc


COMMAND = Command(
    "evaluate",
    N_("свести заполненные листы интервьюеров в итог панели"),
    configure,
    check,
    run,
)
WORKBOOK = Command(
    "workbook",
    N_("пустая книга раунда (xlsx): строка на каждый лист интервьюера, читается evaluate --round"),
    configure_workbook,
    check_workbook,
    run_workbook,
)
