"""What every model rule needs: the parsed document, the ids of the model computed once, and
helpers to walk malformed data safely and to give «unknown id» problems their parameters."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import Any, TypeGuard

from accountpath.messages import Msg
from accountpath.model import yamlsource
from accountpath.model.schema_messages import where
from accountpath.model.yamlsource import DocPath
from accountpath.problems import Problem, close_match

MIN_QUESTIONS_PER_TARGET = 2
"""Questions a weighted competency needs at each role level whose range contains the target."""


def items(data: Any, key: str) -> list[tuple[int, dict[str, Any]]]:
    """(index, mapping) of the list under `key`, skipping anything that is not a mapping."""
    value = data.get(key) if isinstance(data, dict) else None
    if not isinstance(value, list):
        return []
    return [(i, item) for i, item in enumerate(value) if isinstance(item, dict)]


def is_int(value: Any) -> TypeGuard[int]:
    """True for an integer that is not a bool (YAML's true/false)."""
    return isinstance(value, int) and not isinstance(value, bool)


def hint(ident: str, known: Iterable[object]) -> Msg | str:
    """The «did you mean» tail for an unknown id: Msg("hint.maybe", hint=...), or "" when nothing is close."""
    found = close_match(ident, sorted(k for k in known if isinstance(k, str)))
    return Msg.of("hint.maybe", hint=found) if found else ""


@dataclass
class Ctx:
    """The document and the ids every rule needs, computed once."""

    doc: yamlsource.Document

    @property
    def data(self) -> Any:
        return self.doc.data

    @cached_property
    def comps(self) -> list[tuple[int, dict[str, Any]]]:
        return items(self.data, "competencies")

    @cached_property
    def roles(self) -> list[tuple[int, dict[str, Any]]]:
        return items(self.data, "roles")

    @cached_property
    def comp_ids(self) -> list[str]:
        return [c["id"] for _, c in self.comps if isinstance(c.get("id"), str)]

    @cached_property
    def source_ids(self) -> set[str]:
        return {s["id"] for _, s in items(self.data, "sources") if isinstance(s.get("id"), str)}

    @cached_property
    def role_ids(self) -> dict[str, int]:
        return {r["id"]: i for i, r in self.roles if isinstance(r.get("id"), str)}

    def problem(self, path: DocPath, code: str, rule: str, /, *, key: bool = False, **params: Any) -> Problem:
        """A rule's problem: the templates end with « [{rule}]», the rule's name."""
        return self.doc.problem(path, code, key=key, rule=rule, **params)

    def where(self, path: DocPath) -> str:
        return where(path, self.data)

    def levels(self, i: int, role: dict[str, Any]) -> list[tuple[DocPath, dict[str, Any]]]:
        """(path, level) of a role's levels that carry a targets mapping."""
        return [
            (("roles", i, "levels", j), lv) for j, lv in items(role, "levels") if isinstance(lv.get("targets"), dict)
        ]

    def questions(self) -> Iterator[tuple[DocPath, dict[str, Any], dict[str, Any]]]:
        """(path, question, competency) for every question of the model."""
        for i, c in self.comps:
            for j, q in items(c, "questions"):
                yield ("competencies", i, "questions", j), q, c
