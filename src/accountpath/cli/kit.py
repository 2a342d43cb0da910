"""`accountpath kit`: the hiring kit of one vacancy (vacancy text, phone screen, panel outline,
take-home with its scoring key, reference check, what to tell the candidate) as pdf, html or md."""

from __future__ import annotations

import argparse

from accountpath.cli.common import (
    EXIT_INPUT,
    PROG,
    Command,
    UsageError,
    add_output,
    load_model,
    output_format,
    say,
    to_pdf,
    write_output,
)
from accountpath.i18n import N_, _
from accountpath.method import plan as plan_mod
from accountpath.render.kit import KIT_FORMATS, render_kit

FORMATS = ("pdf", *KIT_FORMATS)


def configure(p: argparse.ArgumentParser) -> None:
    """Arguments of `kit`."""
    p.add_argument("--role", metavar="ID", help=_("роль, например account-manager"))
    p.add_argument("--level", metavar="ID", help=_("уровень роли, например middle"))
    add_output(p, FORMATS, _("формат (по умолчанию по расширению -o, иначе md); pdf — только в файл"))


def check(args: argparse.Namespace) -> None:
    """Argument errors of `kit`."""
    if not args.role or not args.level:
        raise UsageError(_("укажите --role и --level"))
    args.format = output_format(args, FORMATS, "md")


def run(args: argparse.Namespace) -> int:
    """Write the kit."""
    model = load_model(args)
    if model is None:
        return EXIT_INPUT
    try:
        role, level = plan_mod.resolve(model, args.role, args.level)
    except plan_mod.PlanError as exc:
        say(f"{PROG} kit: {exc}")
        return EXIT_INPUT
    if args.format == "pdf":
        return write_output(to_pdf(render_kit(model, role, level, "html")), args.output)
    return write_output(render_kit(model, role, level, args.format), args.output)


COMMAND = Command(
    "kit",
    N_(
        "набор для найма на вакансию: текст вакансии, телефонный скрининг, панель, тестовое задание, "
        "рекомендации, что сказать кандидату (pdf, html или md)"
    ),
    configure,
    check,
    run,
)
