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

Commands: validate, pages, plan, scorecard, evaluate, workbook, calibrate, decide, assessment, team-workbook, team,
vacancy, kit.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from accountpath import __version__, i18n
from accountpath.cli.common import (
    EXIT_OK,
    EXIT_USAGE,
    PROG,
    Command,
    UsageError,
    begin_problems,
    check_output_paths,
    end_problems,
)
from accountpath.i18n import N_, _

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

COMMANDS: dict[str, tuple[str, str]] = {
    "validate": ("model", "VALIDATE"),
    "pages": ("model", "PAGES"),
    "plan": ("plan", "COMMAND"),
    "scorecard": ("scorecard", "COMMAND"),
    "evaluate": ("evaluate", "COMMAND"),
    "workbook": ("evaluate", "WORKBOOK"),
    "calibrate": ("calibrate", "COMMAND"),
    "decide": ("decide", "COMMAND"),
    "assessment": ("team", "ASSESSMENT"),
    "team-workbook": ("team", "WORKBOOK"),
    "team": ("team", "COMMAND"),
    "vacancy": ("vacancy", "COMMAND"),
    "kit": ("kit", "COMMAND"),
}
"""name -> (its module in the package, the module's Command), in the order `--help` lists them.
A call imports the module of its own command only: `scorecard` does not pay for the reports,
the site's pages or the calibration (start-up time, see scripts/bench.py)."""


def command(name: str) -> Command:
    """The Command called `name` (its module is imported on first use)."""
    module, attr = COMMANDS[name]
    found: Command = getattr(importlib.import_module(f"{__package__}.{module}"), attr)
    return found


def requested_command(argv: Sequence[str]) -> str | None:
    """The command named in argv (the first word that is no option or option value), if known."""
    words = iter(argv)
    for arg in words:
        if arg in ("--model", "--lang"):
            next(words, None)
        elif not arg.startswith("-"):
            return arg if arg in COMMANDS else None
    return None


PERSONAL_DATA = N_(
    "Персональные данные. Имена кандидатов и интервьюеров, оценки и заметки лежат в планах, листах,\n"
    "книгах раунда, записях решений и отчётах; в именах файлов, которые пишет инструмент, имён нет\n"
    "(только id, номера и хеш). Всё считается на этом компьютере: ничего не отправляется в сеть.\n"
    "Храните файлы кандидата не дольше, чем нужно для решения и его проверки (практика проекта:\n"
    "6 месяцев, затем удалить), и предупредите кандидата: «Мы записываем оценки интервьюеров и\n"
    "заметки по интервью, чтобы принять решение; храним их N месяцев и удаляем по вашей просьбе».\n"
    "Отчёт калибровки — персональные данные сотрудников-интервьюеров: показывайте его только им\n"
    "и тем, кто ведёт найм."
)
"""The personal-data note of `accountpath --help` (README: «Personal data»)."""


def _common(p: argparse.ArgumentParser, top: bool) -> None:
    default = None if top else argparse.SUPPRESS
    p.add_argument(
        "--model",
        default=default,
        metavar=_("ФАЙЛ"),
        help=_("файл модели (по умолчанию ./competencies.yml, а без него — модель, которая идёт с программой)"),
    )
    p.add_argument(
        "--lang",
        choices=i18n.LANGUAGES,
        default=argparse.SUPPRESS,
        help=_("язык сообщений: ru или en (по умолчанию по локали, иначе ru)"),
    )


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The parser of the command group (build it inside argparse_language()): every command, or
    the one named `only` (what a call needs: the others' modules stay unloaded)."""
    parser = argparse.ArgumentParser(
        prog=PROG,
        description=_(
            "Account Path: модель компетенций аккаунт-ролей агентства, её сайт, "
            "оценочные листы и подсчёт итога интервью."
        ),
        epilog=_(PERSONAL_DATA),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _common(parser, top=True)
    parser.add_argument(
        "--version", action="version", version=f"%(prog)s {__version__}", help=_("показать версию и выйти")
    )
    sub = parser.add_subparsers(dest="command", metavar=_("КОМАНДА"), title=_("команды"))
    sub.required = True
    for name in COMMANDS if only is None else (only,):
        c = command(name)
        p = sub.add_parser(name, help=_(c.help), description=_(c.help))
        _common(p, top=False)
        c.configure(p)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `accountpath` console script; returns the exit code."""
    argv = list(sys.argv[1:] if argv is None else argv)
    for stream in (sys.stdout, sys.stderr):  # a narrow encoding (cp1251) shows escapes, never a traceback
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")
    i18n.set_language(requested_language(argv))
    with argparse_language():
        parser = build_parser(requested_command(argv))
        try:
            args = parser.parse_args(argv)
            chosen = command(args.command)
            if chosen.check is not None:
                chosen.check(args)
            check_output_paths(args)
        except SystemExit as exc:  # --help, --version, or an argument error already printed
            return exc.code if isinstance(exc.code, int) else EXIT_USAGE
        except UsageError as exc:
            print(f"{PROG} {args.command}: {exc}", file=sys.stderr)
            return EXIT_USAGE
    begin_problems(args)
    try:
        return end_problems(chosen.run(args))
    except KeyboardInterrupt:
        return end_problems(130)
    except BrokenPipeError:
        return EXIT_OK
