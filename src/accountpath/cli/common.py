"""The helpers every `accountpath` command shares: one way to load the model, print problems,
choose the output format, refuse binary output on a terminal and write files.

Command modules (`cli_*.py`) describe one command each as a `Command`; `cli` gathers them into
the one command group. Nothing here parses argv or exits: argument errors are `UsageError`
(exit 2, raised before any file is read), bad input is reported and returned as exit 1.
"""

from __future__ import annotations

import argparse
import datetime
import sys
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import NamedTuple

from accountpath import output
from accountpath.i18n import _
from accountpath.model import load as model_mod
from accountpath.model.types import Model
from accountpath.problems import Problem
from accountpath.render import pdf

PROG = "accountpath"
EXIT_OK, EXIT_INPUT, EXIT_USAGE = 0, 1, 2

BINARY_FORMATS = ("xlsx", "pdf")
EXTENSIONS = {
    ".html": "html",
    ".htm": "html",
    ".md": "md",
    ".yml": "yaml",
    ".yaml": "yaml",
    ".json": "json",
    ".xlsx": "xlsx",
    ".csv": "csv",
    ".pdf": "pdf",
    ".txt": "text",
}
"""The format an output file name implies when --format is not given."""
SUFFIXES = {"yaml": "yml", "text": "txt"}
"""File name suffix of a format, where it is not the format's own name."""


class UsageError(Exception):
    """A wrong combination of arguments, found before any file is read."""


class Command(NamedTuple):
    """One command of the group: help text (a msgid), arguments, argument check, the work."""

    name: str
    help: str
    configure: Callable[[argparse.ArgumentParser], None]
    check: Callable[[argparse.Namespace], None] | None
    run: Callable[[argparse.Namespace], int]


# ---------------------------------------------------------------- arguments


def add_output(p: argparse.ArgumentParser, formats: Sequence[str], help_format: str) -> None:
    """The --format and -o/--output options of a command that writes one output."""
    p.add_argument("--format", choices=formats, help=help_format)
    p.add_argument("-o", "--output", metavar=_("ФАЙЛ"), help=_("куда записать (по умолчанию в stdout)"))


def id_list(text: str) -> list[str]:
    """argparse type: ids separated by commas (spaces ignored), at least one."""
    ids = [part.strip() for part in text.split(",") if part.strip()]
    if not ids:
        raise argparse.ArgumentTypeError(_("нужен список id через запятую, например client-focus,communication"))
    return ids


def iso_date(text: str) -> str:
    """argparse type: a date as YYYY-MM-DD."""
    try:
        datetime.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(_("дата нужна в виде ГГГГ-ММ-ДД, а не {value!r}").format(value=text)) from None
    return text


def output_format(args: argparse.Namespace, allowed: Sequence[str], default: str) -> str:
    """--format, else the format the -o file name implies, else `default`; UsageError when not allowed
    or when a binary format would go to a terminal."""
    fmt = args.format
    target = getattr(args, "output", None)
    if fmt is None and target:
        fmt = EXTENSIONS.get(Path(target).suffix.lower())
        if fmt is None or fmt not in allowed:
            raise UsageError(
                _("по имени файла {name} формат не понять: укажите --format ({formats})").format(
                    name=target, formats=", ".join(allowed)
                )
            )
    fmt = fmt or default
    if fmt not in allowed:
        raise UsageError(
            _("формат {fmt} здесь не подходит; можно: {formats}").format(fmt=fmt, formats=", ".join(allowed))
        )
    if fmt in BINARY_FORMATS and not target and sys.stdout.isatty():
        raise UsageError(_("{fmt} — двоичный формат: укажите файл, -o ФАЙЛ.{fmt}").format(fmt=fmt))
    return fmt


def refuse(args: argparse.Namespace, message: str, *names: str) -> None:
    """UsageError(message) when any of the options `names` (attribute names) is set."""
    if any(getattr(args, n, None) not in (None, False, []) for n in names):
        raise UsageError(message)


# ---------------------------------------------------------------- input


def print_problems(problems: Sequence[Problem]) -> None:
    """Every problem on stderr, one per line, as FILE:LINE:COL: message."""
    for p in problems:
        print(p, file=sys.stderr)


def say(message: str) -> None:
    """A message for the user on stderr (stdout may carry the output)."""
    print(message, file=sys.stderr)


def load_model(args: argparse.Namespace) -> Model | None:
    """The model of --model, or None after printing its problems and what to do."""
    path = args.model or model_mod.default_model_path()
    model, problems = model_mod.check(path)
    if model is None:
        print_problems(problems)
        say(
            _("{path}: проблем в модели: {n}; исправьте их и проверьте: accountpath validate {path}").format(
                path=path, n=len(problems)
            )
        )
    return model


# ---------------------------------------------------------------- output


def to_pdf(html: str | bytes) -> bytes | None:
    """The html as PDF, or None after saying why no PDF can be made."""
    try:
        return pdf.html_to_pdf(html.decode("utf-8") if isinstance(html, bytes) else html)
    except pdf.PdfError as exc:
        say(f"{PROG}: {exc}")
        return None


def write_output(content: str | bytes | None, path: str | None) -> int:
    """Write to the file (atomically, 0644 under umask 022) or to stdout; 0, or 1 when there is nothing
    to write (already explained) or after saying why the file cannot be written."""
    if content is None:
        return EXIT_INPUT
    try:
        output.emit(content, path)
    except OSError as exc:
        say(_("{path}: не удалось записать: {error}").format(path=path, error=exc.strerror or exc))
        return EXIT_INPUT
    return EXIT_OK


def write_files(folder: str, files: Mapping[str, str | bytes]) -> int:
    """Write {name: content} into a folder, each atomically; 0, or 1 after saying why not."""
    try:
        output.write_tree(Path(folder), files)
    except OSError as exc:
        say(_("{path}: не удалось записать: {error}").format(path=folder, error=exc.strerror or exc))
        return EXIT_INPUT
    return EXIT_OK


def html_files_to_pdf(files: Mapping[str, bytes]) -> dict[str, bytes] | None:
    """{name.html: html} as {name.pdf: pdf}, or None after saying why no PDF can be made."""
    out = {}
    for name, html in files.items():
        data = to_pdf(html)
        if data is None:
            return None
        out[str(Path(name).with_suffix(".pdf"))] = data
    return out
