"""`accountpath plan`: write an interview plan (who rates which competencies with which questions)
or check an edited one; either renders as a one-page schedule (html, md, pdf)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
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
    refuse,
    say,
    to_pdf,
    write_output,
)
from accountpath.i18n import N_, _
from accountpath.io import plan_check
from accountpath.method import plan as plan_mod
from accountpath.model.types import Model
from accountpath.problems import Problem
from accountpath.render.plan_render import PLAN_FORMATS, render_plan

FORMATS = (*PLAN_FORMATS, "pdf")


def minutes(text: str) -> int:
    """argparse type: whole minutes within the plan's limits."""
    try:
        value = int(text)
    except ValueError:
        value = 0
    if not plan_mod.MIN_MINUTES <= value <= plan_mod.MAX_MINUTES:
        raise argparse.ArgumentTypeError(
            _("нужно целое число минут от {lo} до {hi}, а не {value!r}").format(
                lo=plan_mod.MIN_MINUTES, hi=plan_mod.MAX_MINUTES, value=text
            )
        )
    return value


def configure(p: argparse.ArgumentParser) -> None:
    """Arguments of `plan`."""
    p.add_argument("--role", metavar="ID", help=_("роль, например account-manager"))
    p.add_argument("--level", metavar="ID", help=_("уровень роли, например middle"))
    p.add_argument(
        "--interviewer",
        action="append",
        metavar=_("ИМЯ"),
        help=_("интервьюер; повторите для каждого (--interviewer А --interviewer Б)"),
    )
    p.add_argument("--candidate", metavar=_("ИМЯ"), help=_("имя кандидата"))
    p.add_argument(
        "--minutes",
        type=minutes,
        metavar=_("МИНУТ"),
        help=_(
            "длительность интервью у каждого интервьюера (по умолчанию {n}, а у уровня со своими собеседованиями "
            "в модели — сколько задано там)"
        ).format(n=plan_mod.DEFAULT_MINUTES),
    )
    p.add_argument(
        "--check", metavar=_("ФАЙЛ"), help=_("проверить отредактированный план (ошибки как ФАЙЛ:СТРОКА:СТОЛБЕЦ)")
    )
    add_output(
        p,
        FORMATS,
        _("формат (по умолчанию по расширению -o, иначе yaml); html, md и pdf — расписание на одну страницу"),
    )


def check(args: argparse.Namespace) -> None:
    """Argument errors of `plan`."""
    if args.check:
        refuse(
            args,
            _("--check проверяет готовый план: без --role, --level, --interviewer, --candidate и --minutes"),
            "role",
            "level",
            "interviewer",
            "candidate",
            "minutes",
        )
        if args.format or args.output:
            args.format = output_format(args, FORMATS, "yaml")
        return
    if not args.role or not args.level or not args.interviewer:
        raise UsageError(_("укажите --role, --level и хотя бы одного --interviewer ИМЯ (или --check ФАЙЛ)"))
    args.format = output_format(args, FORMATS, "yaml")


def render(model: Model, plan: dict[str, Any], fmt: str, notes: Sequence[object]) -> str | bytes | None:
    """The plan in `fmt`; pdf from the schedule's html (None after saying why it cannot be made)."""
    if fmt == "pdf":
        return to_pdf(render_plan(model, plan, "html"))
    return render_plan(model, plan, fmt, notes)


def run(args: argparse.Namespace) -> int:
    """Write a new plan, or check (and optionally render) an edited one."""
    model = load_model(args)
    if model is None:
        return EXIT_INPUT
    if args.check:
        return _run_check(model, args)
    try:
        plan, notes = plan_mod.make_plan(model, args.role, args.level, args.interviewer, args.candidate, args.minutes)
    except plan_mod.PlanError as exc:
        say(f"{PROG} plan: {exc}")
        return EXIT_INPUT
    for note in notes:
        say(_("Внимание: {note}").format(note=note))
    # the notes are messages: the plan, a Russian document, renders them in Russian whatever --lang says
    return write_output(render(model, plan, args.format, notes), args.output)


def _run_check(model: Model, args: argparse.Namespace) -> int:
    warnings: list[Problem] = []
    plan, problems = plan_check.check_plan(Path(args.check), model, warnings=warnings)
    if problems or plan is None:
        print_problems(problems)
        return EXIT_INPUT
    print_problems(warnings)  # too little time per question: a recommendation, the check still passes
    if not args.format:
        print(_("{path}: план без ошибок").format(path=args.check))
        return EXIT_OK
    rc = write_output(render(model, plan, args.format, []), args.output)
    if rc == EXIT_OK and args.output:
        print(_("{path}: план без ошибок").format(path=args.check), file=sys.stdout)
    return rc


COMMAND = Command(
    "plan",
    N_("план интервью: кто из панели какие компетенции оценивает и какими вопросами; --check проверяет план"),
    configure,
    check,
    run,
)
