"""The `accountpath` command line: the only place that prints, reads arguments and exits."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import model as model_mod
from .problems import Problem


def _print_problems(problems: list[Problem]) -> None:
    for p in problems:
        print(p, file=sys.stderr)


def _load_model(path: str) -> model_mod.Model | None:
    model, problems = model_mod.check(path)
    if problems or model is None:
        _print_problems(problems)
        print(f"{path}: the model has {len(problems)} problem(s); fix them and run `accountpath validate {path}`", file=sys.stderr)
        return None
    return model


def cmd_validate(args: argparse.Namespace) -> int:
    path = args.path or args.model
    model, problems = model_mod.check(path)
    if problems or model is None:
        _print_problems(problems)
        return 1
    print(f"{path}: OK: {model.summary()}")
    return 0


def cmd_pages(args: argparse.Namespace) -> int:
    from . import pages, output

    model = _load_model(args.model)
    if model is None:
        return 1
    result = pages.build(model)
    output.write_tree(Path(args.out), result)
    print(f"{len(result)} pages written to {args.out}")
    return 0


def cmd_scorecard(args: argparse.Namespace) -> int:
    from . import scorecard_cli

    return scorecard_cli.run(args)


def cmd_evaluate(args: argparse.Namespace) -> int:
    from . import evaluate_cli

    return evaluate_cli.run(args)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="accountpath",
        description="Account Path: the competency model of agency account roles, its pages, scorecards and evaluator.",
    )
    parser.add_argument("--model", default=model_mod.DEFAULT_MODEL, help="path to the competency model (default: ./competencies.yml)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True

    def add(name: str, help_: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_, description=help_)
        # --model is accepted after the subcommand too
        p.add_argument("--model", default=argparse.SUPPRESS, help="path to the competency model (default: ./competencies.yml)")
        return p

    p = add("validate", "check the competency model and report every problem as FILE:LINE:COL: message")
    p.add_argument("path", nargs="?", help="the model file (default: ./competencies.yml)")
    p.set_defaults(func=cmd_validate)

    p = add("pages", "write the site's generated Markdown pages to a folder")
    p.add_argument("--out", required=True, help="folder to write the pages into")
    p.set_defaults(func=cmd_pages)

    p = add("scorecard", "a blank interview scorecard for a role and level (or all of them)")
    p.add_argument("--role", help="role id, e.g. account-manager")
    p.add_argument("--level", help="level id of the role, e.g. middle")
    p.add_argument("--candidate", help="candidate's name, printed on the card")
    p.add_argument("--interviewer", help="interviewer's name, printed on the card")
    p.add_argument("--date", help="interview date, YYYY-MM-DD")
    p.add_argument("--format", choices=["html", "md", "yaml", "xlsx"], default="html", help="output format (default: html)")
    p.add_argument("-o", "--output", help="file to write (default: stdout for text formats)")
    p.add_argument("--all", action="store_true", help="every role x level in every format, into --out")
    p.add_argument("--out", help="folder for --all")
    p.set_defaults(func=cmd_scorecard)

    p = add("evaluate", "turn interviewers' filled scorecards into a recommendation")
    p.add_argument("files", nargs="*", metavar="FILE", help="one candidate's filled scorecards (yaml, json or xlsx)")
    p.add_argument("--round", metavar="DIR", help="evaluate every scorecard under DIR, grouped by candidate")
    p.add_argument("--format", choices=["text", "json", "md", "html", "csv"], default="text", help="output format (default: text)")
    p.add_argument("-o", "--output", help="file to write (default: stdout)")
    p.set_defaults(func=cmd_evaluate)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of the `accountpath` console script."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
