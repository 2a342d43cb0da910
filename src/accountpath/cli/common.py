"""The helpers every `accountpath` command shares: one way to load the model, print problems,
choose the output format, refuse binary output on a terminal and write files.

Command modules (`cli_*.py`) describe one command each as a `Command`; `cli` gathers them into
the one command group. Nothing here parses argv or exits: argument errors are `UsageError`
(exit 2, raised before any file is read), bad input is reported and returned as exit 1.
"""

from __future__ import annotations

import argparse
import datetime
import json
import re
import sys
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import NamedTuple

from accountpath import output
from accountpath.i18n import _
from accountpath.messages import render
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


INPUT_OPTIONS = ("model", "path", "files", "round", "paths", "check", "plan")
"""Attributes of a command's arguments that name input files or folders."""
OUTPUT_OPTIONS = ("output", "out")
"""Attributes that name an output file (-o) or an output folder (--out)."""


def _named(args: argparse.Namespace, names: Sequence[str]) -> list[str]:
    found: list[str] = []
    for name in names:
        value = getattr(args, name, None)
        if isinstance(value, str) and value:
            found.append(value)
        elif isinstance(value, list):
            found += [v for v in value if isinstance(v, str) and v]
    return found


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or (a.exists() and b.exists() and a.samefile(b))
    except OSError:
        return False


def check_output_paths(args: argparse.Namespace) -> None:
    """UsageError (exit 2, before anything is read) when an output is an input file, or a file
    inside an input folder: the input would be replaced by the result."""
    inputs = _named(args, INPUT_OPTIONS)
    for out in _named(args, OUTPUT_OPTIONS):
        target = Path(out)
        for given in inputs:
            source = Path(given)
            if _same_file(target, source):
                raise UsageError(render("output.same-as-input", {"output": out, "input": given}))
            if source.is_dir() and not target.is_dir() and target.resolve().is_relative_to(source.resolve()):
                raise UsageError(render("output.inside-input", {"output": out, "input": given}))


def refuse(args: argparse.Namespace, message: str, *names: str) -> None:
    """UsageError(message) when any of the options `names` (attribute names) is set."""
    if any(getattr(args, n, None) not in (None, False, []) for n in names):
        raise UsageError(message)


# ---------------------------------------------------------------- input


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def terminal_text(text: str) -> str:
    """Text safe for a terminal: control and escape characters (ESC, OSC, BEL, CR, ...) shown
    escaped as \\xNN; tabs and line breaks stay."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


class _Problems:
    """How this call reports problems: text lines on stderr, or (--format json) one JSON list on stdout."""

    as_json = False
    held: list[Problem] = []
    stdout_taken = False


def begin_problems(args: argparse.Namespace) -> None:
    """Start a call: problems go out as JSON when the command's format is json (`main` calls this)."""
    _Problems.as_json = getattr(args, "format", None) == "json"
    _Problems.held = []
    _Problems.stdout_taken = False


def end_problems(code: int) -> int:
    """End a call with exit `code`: under --format json, a failed call prints the problems it met as
    [{"file", "line", "col", "code", "params", "message"}] on stdout. When stdout already carries the
    output (a call that succeeded, or a round ranked in spite of unreadable cards), the problems go
    to stderr as text lines, after the output."""
    held, _Problems.held = _Problems.held, []
    as_json, _Problems.as_json = _Problems.as_json, False
    if not as_json or not held:
        return code
    if code == EXIT_OK or _Problems.stdout_taken:
        for p in held:
            print(terminal_text(str(p)), file=sys.stderr)
    else:
        print(json.dumps([p.as_json() for p in held], ensure_ascii=False, indent=2))
    return code


def print_problems(problems: Sequence[Problem]) -> None:
    """Every problem on stderr, one per line, as FILE:LINE:COL: message; under --format json they are
    held and printed together as one JSON list when the call ends (`end_problems`)."""
    if _Problems.as_json:
        _Problems.held.extend(problems)
        return
    for p in problems:
        print(terminal_text(str(p)), file=sys.stderr)


def say(message: str) -> None:
    """A message for the user on stderr (stdout may carry the output)."""
    print(terminal_text(message), file=sys.stderr)


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
    if isinstance(content, str) and not path:
        content = terminal_text(content)
    _Problems.stdout_taken = _Problems.stdout_taken or not path
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
