"""`accountpath vacancy`: the vacancy text of one role level (md, html, txt or hh.ru's json)."""

from __future__ import annotations

import argparse
from pathlib import Path

from accountpath.cli.common import (
    EXIT_INPUT,
    PROG,
    Command,
    UsageError,
    add_output,
    load_model,
    say,
    write_output,
)
from accountpath.i18n import N_, _
from accountpath.method import plan as plan_mod
from accountpath.render.vacancy import VACANCY_FORMATS, render_vacancy

SUFFIX_FORMATS = {".md": "md", ".html": "html", ".htm": "html", ".txt": "txt", ".json": "json"}


def configure(p: argparse.ArgumentParser) -> None:
    """Arguments of `vacancy`."""
    p.add_argument("--role", metavar="ID", help=_("роль, например account-manager"))
    p.add_argument("--level", metavar="ID", help=_("уровень роли, например middle"))
    add_output(
        p,
        VACANCY_FORMATS,
        _("формат (по умолчанию по расширению -o, иначе md); json — поля вакансии hh.ru"),
    )


def file_format(args: argparse.Namespace, allowed: tuple[str, ...], default: str) -> str:
    """--format, else the format of the -o file's suffix, else `default` (UsageError when unknown)."""
    if args.format:
        return str(args.format)
    if not args.output:
        return default
    fmt = SUFFIX_FORMATS.get(Path(args.output).suffix.lower())
    if fmt is None or fmt not in allowed:
        raise UsageError(
            _("по имени файла {name} формат не понять: укажите --format ({formats})").format(
                name=args.output, formats=", ".join(allowed)
            )
        )
    return fmt


def check(args: argparse.Namespace) -> None:
    """Argument errors of `vacancy`."""
    if not args.role or not args.level:
        raise UsageError(_("укажите --role и --level"))
    args.format = file_format(args, VACANCY_FORMATS, "md")


def run(args: argparse.Namespace) -> int:
    """Write the vacancy text."""
    model = load_model(args)
    if model is None:
        return EXIT_INPUT
    try:
        role, level = plan_mod.resolve(model, args.role, args.level)
    except plan_mod.PlanError as exc:
        say(f"{PROG} vacancy: {exc}")
        return EXIT_INPUT
    return write_output(render_vacancy(model, role, level, args.format), args.output)


COMMAND = Command(
    "vacancy",
    N_("текст вакансии для роли и уровня: обязанности, требования, условия (md, html, txt или json для hh.ru)"),
    configure,
    check,
    run,
)
