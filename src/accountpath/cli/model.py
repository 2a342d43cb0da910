"""`accountpath validate` and `accountpath pages`: the model itself and the site's generated pages."""

from __future__ import annotations

import argparse
from pathlib import Path

from accountpath.cli.common import EXIT_INPUT, EXIT_OK, Command, load_model, print_problems, write_files
from accountpath.i18n import N_, _
from accountpath.model import load as model_mod
from accountpath.site import pages


def configure_validate(p: argparse.ArgumentParser) -> None:
    """Arguments of `validate`."""
    p.add_argument(
        "path", nargs="?", metavar=_("ФАЙЛ"), help=_("файл модели (по умолчанию --model или ./competencies.yml)")
    )
    p.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help=_("text — строки ФАЙЛ:СТРОКА:СТОЛБЕЦ: сообщение; json — список проблем в stdout (пустой, если их нет)"),
    )


def run_validate(args: argparse.Namespace) -> int:
    """Check the model; print a summary, or every problem."""
    path = args.path or args.model or model_mod.default_model_path()
    model, problems = model_mod.check(path)
    if model is None:
        print_problems(problems)
        return EXIT_INPUT
    if args.format == "json":
        print("[]")
        return EXIT_OK
    print(_("{path}: ошибок нет: {summary}").format(path=path, summary=model.summary()))
    return EXIT_OK


def configure_pages(p: argparse.ArgumentParser) -> None:
    """Arguments of `pages`."""
    p.add_argument("--out", required=True, metavar=_("ПАПКА"), help=_("папка, куда записать страницы"))


def run_pages(args: argparse.Namespace) -> int:
    """Write the site's generated Markdown pages."""
    model = load_model(args)
    if model is None:
        return EXIT_INPUT
    result = pages.build(model)
    rc = write_files(args.out, result)
    if rc == EXIT_OK:
        print(_("Страниц записано: {n}, папка {out}").format(n=len(result), out=Path(args.out)))
    return rc


VALIDATE = Command(
    "validate",
    N_("проверить модель и вывести каждую проблему как ФАЙЛ:СТРОКА:СТОЛБЕЦ: сообщение"),
    configure_validate,
    None,
    run_validate,
)
PAGES = Command(
    "pages", N_("записать сгенерированные страницы сайта (Markdown) в папку"), configure_pages, None, run_pages
)
