"""README.md documents the command line: every command and every option of the parser."""

from __future__ import annotations

import argparse
from pathlib import Path

from accountpath.cli import main as cli

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def _parsers() -> dict[str, argparse.ArgumentParser]:
    with cli.argparse_language():
        top = cli.build_parser()
    out = {"": top}
    for action in top._actions:
        if isinstance(action, argparse._SubParsersAction):
            out.update(action.choices)
    return out


def test_readme_names_every_command():
    missing = [name for name in _parsers() if name and f"accountpath {name}" not in README]
    assert not missing, f"README.md does not show: {', '.join('accountpath ' + m for m in missing)}"


def test_readme_names_every_option():
    missing = []
    for name, parser in _parsers().items():
        for action in parser._actions:
            for opt in action.option_strings:
                if opt.startswith("--") and opt != "--help" and opt not in README:
                    missing.append(f"{name or 'accountpath'} {opt}")
    assert not missing, "README.md does not mention: " + ", ".join(sorted(set(missing)))


def test_every_command_is_in_the_parser():
    assert set(_parsers()) - {""} == set(cli.COMMANDS)
