"""The `accountpath` command line: one command group, the only place that prints, reads
arguments and exits.

Every command is a pair of functions: `configure_<name>(parser)` adds its arguments and
`run_<name>(args)` does the work with the library (model, cards, evaluate, rounds and the
renderers), through the shared helpers below: `load_model`, `print_problems`,
`output_format` and `write_output`. Argument errors (a missing or conflicting option, a
format the command cannot write) are found by `check_<name>(args)` before any file is read
and exit with 2; bad input files exit with 1, every problem printed as FILE:LINE:COL.
Text is Russian unless `--lang en` or the locale (LC_ALL, LC_MESSAGES, LANG) says English.
"""

from __future__ import annotations

import argparse
import datetime
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from . import __version__, i18n, output, pages, report, round_files, rounds, scorecard
from . import model as model_mod
from .debrief import debrief
from .i18n import N_, _
from .model import Model
from .problems import Problem

PROG = "accountpath"
EXIT_OK, EXIT_INPUT, EXIT_USAGE = 0, 1, 2

SCORECARD_FORMATS = scorecard.FORMATS
EVALUATE_FORMATS = ("text", "json", "md", "html", "csv")
ROUND_FORMATS = ("text", "json", "csv", "md")
BINARY_FORMATS = ("xlsx",)
EXTENSIONS = {
    ".html": "html",
    ".htm": "html",
    ".md": "md",
    ".yml": "yaml",
    ".yaml": "yaml",
    ".json": "json",
    ".xlsx": "xlsx",
    ".csv": "csv",
    ".txt": "text",
}
"""The format an output file name implies when --format is not given."""


class UsageError(Exception):
    """A wrong combination of arguments, found before any file is read."""


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


# ---------------------------------------------------------------- shared helpers


def print_problems(problems: Sequence[Problem]) -> None:
    """Every problem on stderr, one per line, as FILE:LINE:COL: message."""
    for p in problems:
        print(p, file=sys.stderr)


def load_model(args: argparse.Namespace) -> Model | None:
    """The model of --model, or None after printing its problems and what to do."""
    path = args.model
    model, problems = model_mod.check(path)
    if model is None:
        print_problems(problems)
        print(
            _("{path}: проблем в модели: {n}; исправьте их и проверьте: accountpath validate {path}").format(
                path=path, n=len(problems)
            ),
            file=sys.stderr,
        )
    return model


def output_format(args: argparse.Namespace, allowed: Sequence[str], default: str) -> str:
    """--format, else the format the -o file name implies, else `default`; UsageError when not allowed."""
    fmt = args.format
    if fmt is None and getattr(args, "output", None):
        fmt = EXTENSIONS.get(Path(args.output).suffix.lower())
        if fmt is None or fmt not in allowed:
            raise UsageError(
                _("по имени файла {name} формат не понять: укажите --format ({formats})").format(
                    name=args.output, formats=", ".join(allowed)
                )
            )
    fmt = fmt or default
    if fmt not in allowed:
        raise UsageError(
            _("формат {fmt} здесь не подходит; можно: {formats}").format(fmt=fmt, formats=", ".join(allowed))
        )
    if fmt in BINARY_FORMATS and not getattr(args, "output", None) and sys.stdout.isatty():
        raise UsageError(_("{fmt} — двоичный формат: укажите файл, -o ФАЙЛ.{fmt}").format(fmt=fmt))
    return fmt


def write_output(content: str | bytes, path: str | None) -> int:
    """Write to the file (atomically) or to stdout; 0, or 1 after saying why the file cannot be written."""
    try:
        output.emit(content, path)
    except OSError as exc:
        print(_("{path}: не удалось записать: {error}").format(path=path, error=exc.strerror or exc), file=sys.stderr)
        return EXIT_INPUT
    return EXIT_OK


def iso_date(text: str) -> str:
    """argparse type: a date as YYYY-MM-DD."""
    try:
        datetime.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(_("дата нужна в виде ГГГГ-ММ-ДД, а не {value!r}").format(value=text)) from None
    return text


# ---------------------------------------------------------------- validate


def configure_validate(p: argparse.ArgumentParser) -> None:
    """Arguments of `validate`."""
    p.add_argument(
        "path", nargs="?", metavar=_("ФАЙЛ"), help=_("файл модели (по умолчанию --model или ./competencies.yml)")
    )


def run_validate(args: argparse.Namespace) -> int:
    """Check the model; print a summary, or every problem."""
    path = args.path or args.model
    model, problems = model_mod.check(path)
    if model is None:
        print_problems(problems)
        return EXIT_INPUT
    print(_("{path}: ошибок нет: {summary}").format(path=path, summary=model.summary()))
    return EXIT_OK


# ---------------------------------------------------------------- pages


def configure_pages(p: argparse.ArgumentParser) -> None:
    """Arguments of `pages`."""
    p.add_argument("--out", required=True, metavar=_("ПАПКА"), help=_("папка, куда записать страницы"))


def run_pages(args: argparse.Namespace) -> int:
    """Write the site's generated Markdown pages."""
    model = load_model(args)
    if model is None:
        return EXIT_INPUT
    result = pages.build(model)
    output.write_tree(Path(args.out), result)
    print(_("Страниц записано: {n}, папка {out}").format(n=len(result), out=args.out))
    return EXIT_OK


# ---------------------------------------------------------------- scorecard


def configure_scorecard(p: argparse.ArgumentParser) -> None:
    """Arguments of `scorecard`."""
    p.add_argument("--role", metavar="ID", help=_("роль, например account-manager"))
    p.add_argument("--level", metavar="ID", help=_("уровень роли, например middle"))
    p.add_argument("--candidate", metavar=_("ИМЯ"), help=_("имя кандидата на листе"))
    p.add_argument("--interviewer", metavar=_("ИМЯ"), help=_("имя интервьюера на листе"))
    p.add_argument("--date", type=iso_date, metavar=_("ГГГГ-ММ-ДД"), help=_("дата интервью"))
    p.add_argument(
        "--format",
        choices=SCORECARD_FORMATS,
        help=_("формат (по умолчанию по расширению -o, иначе html); json — пустой лист для оценщика в браузере"),
    )
    p.add_argument("-o", "--output", metavar=_("ФАЙЛ"), help=_("куда записать (по умолчанию в stdout)"))
    p.add_argument("--all", action="store_true", help=_("все роли и уровни во всех форматах, в папку --out"))
    p.add_argument("--out", metavar=_("ПАПКА"), help=_("папка для --all"))


def check_scorecard(args: argparse.Namespace) -> None:
    """Argument errors of `scorecard`."""
    if args.all:
        if not args.out:
            raise UsageError(_("для --all нужна папка: --out ПАПКА"))
        if args.role or args.level or args.output or args.format:
            raise UsageError(_("--all пишет всё сразу: без --role, --level, --format и -o"))
        return
    if args.out:
        raise UsageError(_("--out только вместе с --all; для одного листа -o ФАЙЛ"))
    if not args.role or not args.level:
        raise UsageError(
            _("укажите --role и --level (или --all --out ПАПКА); роли и уровни перечислены на сайте и в модели")
        )
    args.format = output_format(args, SCORECARD_FORMATS, "html")


def run_scorecard(args: argparse.Namespace) -> int:
    """A blank scorecard (or all of them)."""
    model = load_model(args)
    if model is None:
        return EXIT_INPUT
    if args.all:
        files = scorecard.render_all(model)
        output.write_tree(Path(args.out), files)
        print(_("Листов записано: {n}, папка {out}").format(n=len(files), out=args.out))
        return EXIT_OK
    try:
        data = scorecard.render(
            model,
            args.role,
            args.level,
            args.format,
            candidate=args.candidate,
            interviewer=args.interviewer,
            date=args.date,
        )
    except scorecard.ScorecardError as exc:
        print(f"{PROG} scorecard: {exc}", file=sys.stderr)
        return EXIT_INPUT
    return write_output(data if args.format in BINARY_FORMATS else data.decode("utf-8"), args.output)


# ---------------------------------------------------------------- evaluate


def configure_evaluate(p: argparse.ArgumentParser) -> None:
    """Arguments of `evaluate`."""
    p.add_argument(
        "files", nargs="*", metavar=_("ФАЙЛ"), help=_("заполненные листы одного кандидата (yaml, json или xlsx)")
    )
    p.add_argument("--round", metavar=_("ПАПКА"), help=_("все листы в папке: итог по каждому кандидату, лучшие сверху"))
    p.add_argument(
        "--format",
        choices=EVALUATE_FORMATS,
        help=_("формат (по умолчанию по расширению -o, иначе text); csv и без html — для --round"),
    )
    p.add_argument("-o", "--output", metavar=_("ФАЙЛ"), help=_("куда записать (по умолчанию в stdout)"))


def check_evaluate(args: argparse.Namespace) -> None:
    """Argument errors of `evaluate`."""
    if args.round and args.files:
        raise UsageError(_("укажите либо файлы, либо --round ПАПКА, но не то и другое"))
    if not args.round and not args.files:
        raise UsageError(_("укажите заполненные листы одного кандидата (ФАЙЛ ...) или --round ПАПКА"))
    allowed = ROUND_FORMATS if args.round else tuple(f for f in EVALUATE_FORMATS if f != "csv")
    args.format = output_format(args, allowed, "text")


def run_evaluate(args: argparse.Namespace) -> int:
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
    render = {
        "json": lambda: report.to_json(result),
        "md": lambda: report.to_markdown(model, result, panel),
        "html": lambda: report.to_html(model, result, panel),
        "text": lambda: report.to_text(model, result, panel),
    }
    return write_output(render[args.format](), args.output)


def _run_round(model: Model, args: argparse.Namespace) -> int:
    files, problems = round_files.round_files(args.round)
    if problems:
        print_problems(problems)
        return EXIT_INPUT
    cards, problems = round_files.read_files(model, files)
    results, grouping = rounds.evaluate_round(model, cards)
    problems += grouping
    print_problems(problems)
    render = {"json": report.to_json, "csv": report.round_csv, "md": report.round_markdown, "text": report.round_text}
    rc = write_output(render[args.format](results), args.output)
    return EXIT_INPUT if problems else rc


# ---------------------------------------------------------------- the command group

Command = tuple[
    str,
    Callable[[argparse.ArgumentParser], None],
    Callable[[argparse.Namespace], None] | None,
    Callable[[argparse.Namespace], int],
]
COMMANDS: dict[str, Command] = {
    "validate": (
        N_("проверить модель и вывести каждую проблему как ФАЙЛ:СТРОКА:СТОЛБЕЦ: сообщение"),
        configure_validate,
        None,
        run_validate,
    ),
    "pages": (N_("записать сгенерированные страницы сайта (Markdown) в папку"), configure_pages, None, run_pages),
    "scorecard": (
        N_("пустой оценочный лист для роли и уровня (или все сразу)"),
        configure_scorecard,
        check_scorecard,
        run_scorecard,
    ),
    "evaluate": (
        N_("свести заполненные листы интервьюеров в итог панели"),
        configure_evaluate,
        check_evaluate,
        run_evaluate,
    ),
}
"""name -> (help, configure, check or None, run)."""


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
