"""`accountpath scorecard`: a blank scorecard (full, or focused on a few competencies), one focused
card per interviewer of a plan, or every blank card at once."""

from __future__ import annotations

import argparse
from pathlib import Path

from accountpath.cli.common import (
    BINARY_FORMATS,
    EXIT_INPUT,
    EXIT_OK,
    PROG,
    Command,
    UsageError,
    add_output,
    html_files_to_pdf,
    id_list,
    iso_date,
    load_model,
    output_format,
    print_problems,
    refuse,
    say,
    to_pdf,
    write_files,
    write_output,
)
from accountpath.i18n import N_, _
from accountpath.io import plan_check
from accountpath.model.types import Model
from accountpath.render import scorecard

FORMATS = (*scorecard.FORMATS, "pdf")


def configure(p: argparse.ArgumentParser) -> None:
    """Arguments of `scorecard`."""
    p.add_argument("--role", metavar="ID", help=_("роль, например account-manager"))
    p.add_argument("--level", metavar="ID", help=_("уровень роли, например middle"))
    p.add_argument(
        "--focus", type=id_list, metavar="ID,ID", help=_("только эти компетенции роли (лист одного интервьюера)")
    )
    p.add_argument(
        "--questions",
        type=id_list,
        metavar="ID,ID",
        help=_("вопросы для --focus (по умолчанию по два под цель уровня)"),
    )
    p.add_argument("--plan", metavar=_("ФАЙЛ"), help=_("план интервью: по листу на каждого интервьюера, в папку --out"))
    p.add_argument("--candidate", metavar=_("ИМЯ"), help=_("имя кандидата на листе"))
    p.add_argument("--interviewer", metavar=_("ИМЯ"), help=_("имя интервьюера на листе"))
    p.add_argument("--date", type=iso_date, metavar=_("ГГГГ-ММ-ДД"), help=_("дата интервью"))
    add_output(
        p,
        FORMATS,
        _("формат (по умолчанию по расширению -o, иначе html); json — пустой лист для оценщика в браузере"),
    )
    p.add_argument("--all", action="store_true", help=_("все роли и уровни во всех форматах, в папку --out"))
    p.add_argument("--out", metavar=_("ПАПКА"), help=_("папка для --all и --plan"))
    p.add_argument(
        "--force",
        action="store_true",
        help=_("для --plan: перезаписать листы, которые уже есть в папке (без него существующий лист не трогается)"),
    )


def check(args: argparse.Namespace) -> None:
    """Argument errors of `scorecard`."""
    if args.all:
        if not args.out:
            raise UsageError(_("для --all нужна папка: --out ПАПКА"))
        refuse(
            args,
            _("--all пишет всё сразу: без --role, --level, --format и -o"),
            "role",
            "level",
            "output",
            "format",
            "plan",
            "focus",
            "questions",
        )
        return
    if args.plan:
        if not args.out:
            raise UsageError(_("для --plan нужна папка: --out ПАПКА (по листу на интервьюера)"))
        refuse(
            args,
            _(
                "--plan берёт роль, уровень, кандидата и фокус из плана: без --role, --level, --candidate, "
                "--interviewer, --focus, --questions и -o"
            ),
            "role",
            "level",
            "candidate",
            "interviewer",
            "focus",
            "questions",
            "output",
        )
        args.format = output_format(args, FORMATS, "html")
        return
    if args.out:
        raise UsageError(_("--out только вместе с --all или --plan; для одного листа -o ФАЙЛ"))
    if not args.role or not args.level:
        raise UsageError(
            _("укажите --role и --level (или --all --out ПАПКА); роли и уровни перечислены на сайте и в модели")
        )
    if args.questions and not args.focus:
        raise UsageError(_("--questions только вместе с --focus"))
    args.format = output_format(args, FORMATS, "html")


def run(args: argparse.Namespace) -> int:
    """A blank scorecard, the focused cards of a plan, or all of them."""
    model = load_model(args)
    if model is None:
        return EXIT_INPUT
    if args.all:
        files = scorecard.render_all(model)
        rc = write_files(args.out, files)
        if rc == EXIT_OK:
            print(_("Листов записано: {n}, папка {out}").format(n=len(files), out=args.out))
        return rc
    if args.plan:
        return _run_plan(model, args)
    fmt = "html" if args.format == "pdf" else args.format
    try:
        data = scorecard.render(
            model,
            args.role,
            args.level,
            fmt,
            candidate=args.candidate,
            interviewer=args.interviewer,
            date=args.date,
            focus=args.focus,
            questions=args.questions,
        )
    except scorecard.ScorecardError as exc:
        say(f"{PROG} scorecard: {exc}")
        return EXIT_INPUT
    if args.format == "pdf":
        return write_output(to_pdf(data), args.output)
    return write_output(data if args.format in BINARY_FORMATS else data.decode("utf-8"), args.output)


def _run_plan(model: Model, args: argparse.Namespace) -> int:
    """One focused card per interviewer of the plan; problems that leave the plan usable are printed."""
    plan, problems = plan_check.check_plan(Path(args.plan), model)
    print_problems(problems)
    if plan is None:
        return EXIT_INPUT
    fmt = "html" if args.format == "pdf" else args.format
    files: dict[str, bytes] | None = scorecard.focused_cards(model, plan, fmt, args.date)
    if args.format == "pdf" and files is not None:
        files = html_files_to_pdf(files)
    if files is None:
        return EXIT_INPUT
    existing = [str(Path(args.out) / name) for name in files if (Path(args.out) / name).exists()]
    if existing and not args.force:
        for path in existing:
            say(
                _(
                    "{path}: лист уже есть, не перезаписываю (в нём могут быть оценки). Другой кандидат получает "
                    "другие имена файлов; чтобы всё же заменить пустым листом: --force"
                ).format(path=path)
            )
        return EXIT_INPUT
    rc = write_files(args.out, files)
    if rc == EXIT_OK:
        print(_("Листов записано: {n}, папка {out}").format(n=len(files), out=args.out))
    return rc


COMMAND = Command(
    "scorecard",
    N_("пустой оценочный лист для роли и уровня: полный, для одного интервьюера (--focus) или по плану (--plan)"),
    configure,
    check,
    run,
)
