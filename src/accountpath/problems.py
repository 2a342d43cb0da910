"""Problems found in input files: values, not exceptions, until the CLI prints them.

A problem is data: where (path, 1-based line and column, 0 = unknown), a `code` from the message
table (`accountpath.messages`) and its `params`. The sentence is made at the edge by
`messages.render` (`Problem.message`). For code written before the table, `code` may still hold
a finished sentence: `render` returns an unknown code as it is.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from accountpath.messages import MESSAGES, Params, json_params, render


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with an input file, at a 1-based line and column (0 = unknown)."""

    path: str
    line: int
    col: int
    code: str
    params: Params = ()

    @classmethod
    def at(cls, path: str, line: int, col: int, code: str, /, **params: Any) -> Problem:
        """A problem with a code from the message table and its parameters."""
        return cls(path, line, col, code, tuple(sorted(params.items())))

    @property
    def message(self) -> str:
        """The sentence, in the language in force."""
        return render(self.code, dict(self.params))

    def as_json(self) -> dict[str, Any]:
        """The JSON contract: {"file", "line", "col", "code", "params", "message"}."""
        known = self.code in MESSAGES or not self.params and self.code.isascii()
        return {
            "file": self.path,
            "line": self.line,
            "col": self.col,
            "code": self.code if known else "text",
            "params": json_params(dict(self.params)) if known else {"text": self.code},
            "message": self.message,
        }

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
