"""Problems found in input files: values, not exceptions, until the CLI prints them."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with an input file, at a 1-based line and column (0 = unknown)."""

    path: str
    line: int
    col: int
    message: str

    def __str__(self) -> str:
        if self.line and self.col:
            return f"{self.path}:{self.line}:{self.col}: {self.message}"
        if self.line:
            return f"{self.path}:{self.line}: {self.message}"
        return f"{self.path}: {self.message}"


class ProblemsError(Exception):
    """Raised at an API boundary that must return a value: carries every problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


def close_match(word: str, options: Iterable[object]) -> str | None:
    """The option most like `word` (for "did you mean"), or None."""
    import difflib  # only needed when something is wrong: keep it off the start-up path

    found = difflib.get_close_matches(word, [o for o in options if isinstance(o, str)], n=1, cutoff=0.6)
    return found[0] if found else None
