"""The `accountpath` command line: one command group, the only place that prints, reads
arguments and exits.

Each command lives in a `cli_*` module as a `Command` (name, help, `configure(parser)` adding
its arguments, `check(args)` finding argument errors, `run(args)` doing the work with the
library); they share the helpers of `cli_common` (load the model, print problems, pick the
format from `-o`, refuse binary output on a terminal, write files atomically with the usual
permissions), re-exported here. Argument errors (a missing or conflicting option, a format
the command cannot write) are found before any file is read and exit with 2; bad input files
exit with 1, every problem printed as FILE:LINE:COL. Text is Russian unless `--lang en` or
the locale (LC_ALL, LC_MESSAGES, LANG) says English.

Commands: validate, pages, plan, scorecard, evaluate, workbook, calibrate.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager

from . import __version__, cli_calibrate, cli_evaluate, cli_model, cli_plan, cli_scorecard, i18n
from . import model as model_mod
from .cli_common import (
    BINARY_FORMATS,
    EXIT_INPUT,
    EXIT_OK,
    EXIT_USAGE,
    EXTENSIONS,
    PROG,
    UsageError,
    load_model,
    output_format,
    print_problems,
    write_output,
)
from .i18n import N_, _

__all__ = [
    "BINARY_FORMATS",
    "COMMANDS",
    "EXIT_INPUT",
    "EXIT_OK",
    "EXIT_USAGE",
    "EXTENSIONS",
    "PROG",
    "UsageError",
    "argparse_language",
    "build_parser",
    "load_model",
    "main",
    "output_format",
    "print_problems",
    "write_output",
]


# ---------------------------------------------------------------- argparse in the user's language

ARGPARSE_MESSAGES = {
    "usage: ": N_("Использование: "),
    "positional arguments": N_("аргументы"),
    "options": N_("параметры"),
    "show this help message and exit": N_("показать эту справку и выйти"),
    "the following arguments are required: %s": N_("не хватает аргументов: %s"),
    "unrecognized arguments: %s": N_("непонятные аргументы: %s"),
    "invalid choice: %(value)r (choose from %(choices)s)": N_("недопустимое значение %(value)r (можно: %(choices)s)"),
    "argument %(argument_name)s: %(message)s": N_("аргумент %(argument_name)s: %(message)s"),
    "%(prog)s: error: %(message)s\n": N_("%(prog)s: ошибка: %(message)s\n"),
    "expected one argument": N_("нужно значение"),
    "expected at most one argument": N_("нужно не больше одного значения"),
    "expected at least one argument": N_("нужно хотя бы одно значение"),
    "not allowed with argument %s": N_("нельзя вместе с %s"),
    "ambiguous option: %(option)s could match %(matches)s": N_(
        "неоднозначный параметр %(option)s: подходят %(matches)s"
    ),
    "invalid %(type)s value: %(value)r": N_("недопустимое значение %(value)r"),
    "one of the arguments %s is required": N_("нужен один из аргументов: %s"),
    "ignored explicit argument %r": N_("лишнее значение %r"),
}
"""argparse's own messages (its English is the key) in our catalog's terms (Russian ids)."""


def _argparse_text(message: str) -> str:
    return _(ARGPARSE_MESSAGES.get(message, message))


@contextmanager
def argparse_language() -> Iterator[None]:
    """argparse's headers and errors in the language in force, for the duration of the block."""
    saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]
    argparse._ = _argparse_text  # type: ignore[attr-defined]
    argparse.ngettext = lambda one, many, n: _argparse_text(one if n == 1 else many)  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]


def requested_language(argv: Sequence[str]) -> str:
    """The language of --lang in argv (before parsing: help texts depend on it), else the locale's."""
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return i18n.language_from_env()


# ---------------------------------------------------------------- the command group

COMMANDS: dict[
    str,
    tuple[
        str,
        Callable[[argparse.ArgumentParser], None],
        Callable[[argparse.Namespace], None] | None,
        Callable[[argparse.Namespace], int],
    ],
] = {
    c.name: (c.help, c.configure, c.check, c.run)
    for c in (
        cli_model.VALIDATE,
        cli_model.PAGES,
        cli_plan.COMMAND,
        cli_scorecard.COMMAND,
        cli_evaluate.COMMAND,
        cli_evaluate.WORKBOOK,
        cli_calibrate.COMMAND,
    )
}
"""name -> (help, configure, check or None, run), in the order `--help` lists them."""


def _common(p: argparse.ArgumentParser, top: bool) -> None:
    default = model_mod.DEFAULT_MODEL if top else argparse.SUPPRESS
    p.add_argument(
        "--model", default=default, metavar=_("ФАЙЛ"), help=_("файл модели (по умолчанию ./competencies.yml)")
    )
    p.add_argument(
        "--lang",
        choices=i18n.LANGUAGES,
        default=argparse.SUPPRESS,
        help=_("язык сообщений: ru или en (по умолчанию по локали, иначе ru)"),
    )


def build_parser() -> argparse.ArgumentParser:
    """The parser of the whole command group (build it inside argparse_language())."""
    parser = argparse.ArgumentParser(
        prog=PROG,
        description=_(
            "Account Path: модель компетенций аккаунт-ролей агентства, её сайт, "
            "оценочные листы и подсчёт итога интервью."
        ),
    )
    _common(parser, top=True)
    parser.add_argument(
        "--version", action="version", version=f"%(prog)s {__version__}", help=_("показать версию и выйти")
    )
    sub = parser.add_subparsers(dest="command", metavar=_("КОМАНДА"), title=_("команды"))
    sub.required = True
    for name, (help_, configure, _check, _run) in COMMANDS.items():
        p = sub.add_parser(name, help=_(help_), description=_(help_))
        _common(p, top=False)
        configure(p)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `accountpath` console script; returns the exit code."""
    argv = list(sys.argv[1:] if argv is None else argv)
    i18n.set_language(requested_language(argv))
    with argparse_language():
        parser = build_parser()
        try:
            args = parser.parse_args(argv)
            _help, _configure, check, run = COMMANDS[args.command]
            if check is not None:
                check(args)
        except SystemExit as exc:  # --help, --version, or an argument error already printed
            return exc.code if isinstance(exc.code, int) else EXIT_USAGE
        except UsageError as exc:
            print(f"{PROG} {args.command}: {exc}", file=sys.stderr)
            return EXIT_USAGE
    try:
        return run(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK
