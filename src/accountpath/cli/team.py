"""`accountpath assessment`, `accountpath team-workbook` and `accountpath team`: a person's
assessment file, a manager's team workbook, and the team review (readiness, ИПР, coverage,
heat map, managers' leniency; `--audience director` without names; `--add` what-if)."""

from __future__ import annotations

import argparse
from collections.abc import Callable

from accountpath.cli.common import (
    EXIT_INPUT,
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
from accountpath.io import assessments
from accountpath.messages import render as message
from accountpath.method import team
from accountpath.model import yamlsource
from accountpath.model.types import Model
from accountpath.problems import Problem
from accountpath.render import team_files, team_report

FORMATS = ("text", "md", "html", "json", "xlsx", "pdf")
BLANK_FORMATS = ("yaml", "json", "xlsx")
AUDIENCES = ("manager", "director")


# ---------------------------------------------------------------- assessment


def configure_assessment(p: argparse.ArgumentParser) -> None:
    p.add_argument("--role", required=True, help=_("id роли"))
    p.add_argument("--level", required=True, help=_("id уровня роли"))
    p.add_argument(
        "--relation",
        choices=team.RELATIONS,
        default="self",
        help=_("self — самооценка (по умолчанию), manager — оценка руководителя"),
    )
    add_output(p, BLANK_FORMATS, _("формат: yaml, json или xlsx (по умолчанию по расширению -o, иначе yaml)"))


def check_assessment(args: argparse.Namespace) -> None:
    args.format = output_format(args, BLANK_FORMATS, "yaml")


def _known_level(model: Model, role_id: str, level_id: str) -> bool:
    role = model.role(role_id)
    if role is None:
        say(
            _("неизвестная роль «{role}»; роли модели: {roles}").format(
                role=role_id, roles=", ".join(r.id for r in model.roles)
            )
        )
        return False
    if role.level(level_id) is None:
        say(
            _("у роли «{role}» нет уровня «{level}»; её уровни: {levels}").format(
                role=role.id, level=level_id, levels=", ".join(lv.id for lv in role.levels)
            )
        )
        return False
    return True


def run_assessment(args: argparse.Namespace) -> int:
    model = load_model(args)
    if model is None or not _known_level(model, args.role, args.level):
        return EXIT_INPUT
    writers: dict[str, Callable[[Model, str, str, str], str | bytes]] = {
        "yaml": team_files.blank_yaml,
        "json": team_files.blank_json,
        "xlsx": team_files.blank_xlsx,
    }
    writer = writers[args.format]
    return write_output(writer(model, args.role, args.level, args.relation), args.output)


ASSESSMENT = Command(
    "assessment",
    N_("пустой файл оценки сотрудника (самооценка или оценка руководителя): yaml, json или xlsx"),
    configure_assessment,
    check_assessment,
    run_assessment,
)


# ---------------------------------------------------------------- team-workbook


def configure_workbook(p: argparse.ArgumentParser) -> None:
    p.add_argument("--role", required=True, help=_("id роли"))
    p.add_argument("--level", required=True, help=_("id уровня роли"))
    p.add_argument("-o", "--output", required=True, metavar=_("ФАЙЛ"), help=_("куда записать книгу (.xlsx)"))


def check_workbook(args: argparse.Namespace) -> None:
    if not args.output.lower().endswith(".xlsx"):
        raise UsageError(_("книга команды — файл .xlsx: -o team.xlsx"))


def run_workbook(args: argparse.Namespace) -> int:
    model = load_model(args)
    if model is None or not _known_level(model, args.role, args.level):
        return EXIT_INPUT
    return write_output(team_files.team_workbook(model, args.role, args.level), args.output)


WORKBOOK = Command(
    "team-workbook",
    N_("книга команды для руководителя: строка на сотрудника, столбец на компетенцию, выпадающие списки"),
    configure_workbook,
    check_workbook,
    run_workbook,
)


# ---------------------------------------------------------------- team


def configure(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "paths", nargs="+", metavar=_("ПУТЬ"), help=_("файлы оценок (yaml, json, xlsx), папки с ними или книги команды")
    )
    p.add_argument(
        "--audience",
        choices=AUDIENCES,
        default="manager",
        help=_("manager — с именами (по умолчанию); director — без имён и id, только количества"),
    )
    p.add_argument(
        "--add",
        metavar=_("ФАЙЛ"),
        help=_(
            "что если: итог собеседования финалиста (JSON `accountpath evaluate --format json`) как ещё один человек"
        ),
    )
    add_output(p, FORMATS, _("формат (по умолчанию по расширению -o, иначе text)"))


def check(args: argparse.Namespace) -> None:
    args.format = output_format(args, FORMATS, "text")


def read_addition(path: str) -> tuple[team.Addition | None, list[Problem]]:
    """A debrief or evaluate result (JSON) as the what-if's added person."""
    doc, problems = yamlsource.load(path, path)
    if doc is None or problems:
        return None, problems
    data = doc.data
    try:
        ratings = {row["id"]: row["rating"] for row in data["competencies"]}
        return team.Addition(
            str(data.get("candidate") or _("Финалист")), str(data["role"]), str(data["level"]), ratings
        ), []
    except (KeyError, TypeError):
        return None, [Problem.at(path, 1, 1, "team.add-not-debrief")]


def run(args: argparse.Namespace) -> int:
    model = load_model(args)
    if model is None:
        return EXIT_INPUT
    found, problems = assessments.read_all(args.paths, model)
    add = None
    if args.add:
        add, trouble = read_addition(args.add)
        problems += trouble
        if add is not None and (model.role(add.role) is None or model.role(add.role).level(add.level) is None):  # type: ignore[union-attr]
            problems.append(Problem.at(args.add, 1, 1, "team.unknown-level", role=add.role, level=add.level))
            add = None
    if not found:
        print_problems(problems)
        say(message("team.no-assessments"))
        return EXIT_INPUT
    result, trouble = team.review(model, found, add=add)
    problems += trouble
    if args.audience == "director":
        result = team.director(result)
    print_problems(problems)
    if args.format == "pdf":
        content: str | bytes | None = to_pdf(team_report.to_html(model, result))
    else:
        content = team_report.render(model, result, args.format)
    rc = write_output(content, args.output)
    return EXIT_INPUT if problems else rc


COMMAND = Command(
    "team",
    N_("обзор команды: готовность к повышению, ИПР, покрытие компетенций, тепловая карта, мягкость руководителей"),
    configure,
    check,
    run,
)
