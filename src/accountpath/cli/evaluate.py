"""`accountpath evaluate` (one candidate's panel, or a whole round) and `accountpath workbook`
(the blank round workbook HR fills in, read back by `evaluate --round`)."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from html import escape
from pathlib import Path
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
from accountpath.io import plan_check, round_files, special_files
from accountpath.method import rounds
from accountpath.method.debrief import debrief
from accountpath.model.types import Model
from accountpath.names import person_key
from accountpath.problems import Problem
from accountpath.render import report, round_report, round_xlsx, scorecard
from accountpath.render.mdtext import md_escape

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
    files = skip_special([Path(f) for f in args.files])
    if not files:
        say(_("нет оценочных листов: укажите заполненные листы кандидата"))
        return EXIT_INPUT
    records = special_files.decisions_beside(files)
    files, superseded = supersede(files, records)
    panel, problems = round_files.read_panel(model, files)
    if problems:
        print_problems(problems)
        return EXIT_INPUT
    result = debrief(model, panel[0].role, panel[0].level, panel)
    attach_decisions([result], records, files, superseded)
    render: dict[str, Callable[[], str | bytes | None]] = {
        "json": lambda: report.to_json(result),
        "md": lambda: _with_decision(report.to_markdown(model, result, panel), result, "md"),
        "html": lambda: _with_decision(report.to_html(model, result, panel), result, "html"),
        "pdf": lambda: to_pdf(_with_decision(report.to_html(model, result, panel), result, "html")),
        "text": lambda: _with_decision(report.to_text(model, result, panel), result, "text"),
    }
    return write_output(render[args.format](), args.output)


def skip_special(files: list[Path]) -> list[Path]:
    """The card files among these; plans and decision records are skipped with a note on stderr."""
    cards, plans, decisions = special_files.split(files)
    for f in plans:
        say(_("{path}: это план интервью, а не оценочный лист: пропущен").format(path=f))
    for f in decisions:
        say(
            _("{path}: это запись решения (accountpath decide), а не оценочный лист: учтена как решение").format(path=f)
        )
    return cards


def supersede(
    files: list[Path], records: list[tuple[Path, dict[str, Any]]]
) -> tuple[list[Path], list[tuple[Path, str, str]]]:
    """Leave out a card a decision was based on when a newer version of it (same name with a suffix,
    e.g. card-2.yml or card.v2.yml, whose bytes the decision did not see) sits beside it.
    Returns the files to read and (record, old, new) for each card replaced."""
    replaced: list[tuple[Path, str, str]] = []
    keep = list(files)
    for path, record in records:
        hashes = {str(e.get("sha256")) for e in record.get("cards") or [] if isinstance(e, dict)}
        digests = {f: special_files.sha256(f) for f in keep if f.suffix.lower() != ".xlsx"}
        for old in [f for f, h in digests.items() if h in hashes]:
            newer = [
                f
                for f, h in digests.items()
                if f != old and h not in hashes and f.parent == old.parent and f.stem.startswith(old.stem)
            ]
            if newer and old in keep:
                keep.remove(old)
                replaced.append((path, str(old), str(newer[-1])))
    return keep, replaced


def attach_decisions(
    results: list[dict[str, Any]],
    records: list[tuple[Path, dict[str, Any]]],
    files: list[Path],
    superseded: list[tuple[Path, str, str]],
) -> None:
    """Give each result the decision recorded for its candidate (result["decision"]), with the cards changed since."""
    for path, record in records:
        who = person_key(str(record.get("candidate", "")))
        mine = [r for r in results if person_key(r["candidate"]) == who] if len(results) > 1 else results
        for r in mine:
            changes = special_files.card_changes(path, record, [str(f) for f in files])
            changes["superseded"] = [[old, new] for p, old, new in superseded if p == path]
            changes["new"] = [f for f in changes["new"] if f not in {new for _p, _o, new in superseded}]
            shown = {k: record.get(k) for k in special_files.DECISION_KEYS if k != "cards"}
            r["decision"] = {**shown, "file": str(path), "changes": changes}


def _with_decision(content: str, result: dict[str, Any], fmt: str) -> str:
    """The report with the recorded decision appended (text, Markdown or before </body> in HTML)."""
    d = result.get("decision")
    if not d:
        return content
    lines = round_report.decision_lines(d)
    title = _("Записанное решение")
    if fmt == "text":
        return content.rstrip("\n") + "\n\n" + title + ":\n" + "".join(f"  {line}\n" for line in lines)
    if fmt == "md":
        return content.rstrip("\n") + "\n\n## " + title + "\n\n" + "".join(f"- {md_escape(x)}\n" for x in lines)
    block = (
        f"<section><h2>{escape(title)}</h2><ul>" + "".join(f"<li>{escape(x)}</li>" for x in lines) + "</ul></section>"
    )
    return content.replace("</body>", block + "</body>", 1) if "</body>" in content else content + block


def render_round(
    model: Model, results: list[dict[str, Any]], fmt: str, problems: Sequence[Problem] = ()
) -> str | bytes | None:
    """A round's results in one format, the refused cards and rows included (pdf from the html; None after
    saying why it cannot be made). JSON stays the list of results: the round's refused cards are the first
    result's `round_problems`, a candidate's own ones (a card at another level) its `problems`."""
    if fmt == "xlsx":
        return round_xlsx.round_xlsx(model, results, problems)
    if fmt == "pdf":
        return to_pdf(round_report.round_html(results, problems))
    if fmt == "json":
        shown = [dict(r) for r in results]
        if shown and problems:
            shown[0]["round_problems"] = [p.as_json() for p in problems]
        return report.to_json(shown)
    render: dict[str, Callable[[Any, Any], str]] = {
        "csv": round_report.round_csv,
        "md": round_report.round_markdown,
        "html": round_report.round_html,
        "text": round_report.round_text,
    }
    return render[fmt](results, problems)


def _run_round(model: Model, args: argparse.Namespace) -> int:
    """Every card of the folder or workbook; bad files are reported and skipped (exit 1), the rest ranked;
    every output format carries the refused cards. Plans and decision records in the folder are skipped
    with a note; a decision record is shown with its candidate."""
    files, skipped = round_files.round_files(args.round)
    if not files:
        print_problems(skipped)
        return EXIT_INPUT
    files = skip_special(files)
    records = special_files.decisions_beside(files) if files else []
    files, superseded = supersede(files, records)
    cards, problems = round_files.read_files(model, files)
    problems = skipped + problems
    if not cards:  # nothing could be read: an earlier output stays as it is
        print_problems(problems)
        if not problems:
            say(_empty_round(args.round))
        return EXIT_INPUT
    results, grouping = rounds.evaluate_round(model, cards)
    attach_decisions(results, records, files, superseded)
    problems += grouping
    print_problems(problems)
    if not results and not problems:
        say(_empty_round(args.round))
        return EXIT_INPUT
    rc = write_output(render_round(model, results, args.format, problems), args.output)
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
    p.add_argument("--role", metavar="ID", help=_("роль, например account-manager"))
    p.add_argument("--level", metavar="ID", help=_("уровень роли, например middle"))
    p.add_argument(
        "--plan",
        metavar=_("ФАЙЛ"),
        help=_("план интервью: роль и уровень из плана, строка на каждого интервьюера с его фокусом"),
    )
    p.add_argument("--format", choices=("xlsx",), help=_("формат: xlsx (единственный)"))
    p.add_argument("-o", "--output", metavar=_("ФАЙЛ"), help=_("куда записать книгу, например round.xlsx"))


def check_workbook(args: argparse.Namespace) -> None:
    """Argument errors of `workbook`."""
    if args.plan and (args.role or args.level):
        raise UsageError(_("--plan берёт роль и уровень из плана: без --role и --level"))
    if not args.plan and not (args.role and args.level):
        raise UsageError(_("укажите --role и --level или --plan ФАЙЛ"))
    args.format = output_format(args, ("xlsx",), "xlsx")


def run_workbook(args: argparse.Namespace) -> int:
    """A blank round workbook for one role and level."""
    model = load_model(args)
    if model is None:
        return EXIT_INPUT
    plan = None
    if args.plan:
        plan, problems = plan_check.check_plan(Path(args.plan), model)
        print_problems(problems)
        if plan is None:
            return EXIT_INPUT
        args.role, args.level = plan["role"], plan["level"]
    try:
        role, level = scorecard.resolve(model, args.role, args.level)
    except scorecard.ScorecardError as exc:
        say(f"{PROG} workbook: {exc}")
        return EXIT_INPUT
    rc = write_output(round_xlsx.round_workbook(model, role.id, level.id, plan), args.output)
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
