"""Read a YAML (or JSON) file safely into plain data plus the position of every key and value.

Every failure is returned as a Problem with the file's line and column: unreadable or
oversized files, bytes that are not UTF-8, empty documents, syntax errors, aliases
(refused, so an alias bomb cannot expand), unsafe tags and duplicate keys.
Only PyYAML's safe constructors are used.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeAlias

import yaml
from yaml.constructor import SafeConstructor

from accountpath.messages import Msg
from accountpath.problems import Problem

MAX_BYTES = 5 * 1024 * 1024
"""The model and every scorecard are a few hundred KB at most; refuse anything far larger."""

DocPath: TypeAlias = tuple[str | int, ...]
"""Where a value stands in the data: mapping keys (text) and list indexes, from the root."""


@dataclass
class Document:
    """Plain data (dicts, lists, scalars) and where each part of it stands in the file."""

    path: str
    data: Any
    value_pos: dict[DocPath, tuple[int, int]] = field(default_factory=dict)
    key_pos: dict[DocPath, tuple[int, int]] = field(default_factory=dict)
    scalar_text: dict[DocPath, str] = field(default_factory=dict)
    """The source text of every plain scalar YAML read as something other than text (numbers,
    booleans, dates): the card readers read them as written (YAML 1.2 core, like the browser)."""

    def pos(self, path: Iterable[str | int], *, key: bool = False) -> tuple[int, int]:
        """Line and column of the value at `path` (or of its key), falling back to the nearest parent."""
        at = tuple(path)
        while True:
            if key and at in self.key_pos:
                return self.key_pos[at]
            if at in self.value_pos:
                return self.value_pos[at]
            if not at:
                return (1, 1)
            at = at[:-1]

    def problem(self, path: Iterable[str | int], code: str, /, *, key: bool = False, **params: Any) -> Problem:
        """A Problem (code of the message table, params) located at the value (or key) at `path`."""
        line, col = self.pos(path, key=key)
        return Problem.at(self.path, line, col, code, **params)


# libyaml's parser when PyYAML was built with it: the same safe constructors, ~10x faster.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
"""Control characters (C0 but tab and line breaks, DEL, C1 with NEL): refused anywhere in a YAML or JSON
file, as docs/assets/js/core/cardread.js does (a card's values: io/cardcheck.py)."""


def _mark(mark: yaml.Mark) -> tuple[int, int]:
    return (mark.line + 1, mark.column + 1)


def read_text(path: str | Path, label: str | None = None) -> tuple[str | None, list[Problem]]:
    """The file's text, or a problem saying why it cannot be read as UTF-8 text of sane size."""
    label = label or str(path)
    p = Path(path)
    try:
        size = p.stat().st_size
        if not p.is_file():
            return None, [Problem.at(label, 0, 0, "file.not-regular")]
        if size > MAX_BYTES:
            return None, [
                Problem.at(
                    label, 1, 1, "file.too-big", size=round(size / 1024 / 1024, 1), limit=MAX_BYTES // 1024 // 1024
                )
            ]
        raw = p.read_bytes()
    except FileNotFoundError:
        return None, [Problem.at(label, 0, 0, "file.not-found")]
    except OSError as exc:
        return None, [Problem.at(label, 0, 0, "file.unreadable", error=str(exc.strerror or exc))]
    return decode(raw, label)


def decode(raw: bytes, label: str) -> tuple[str | None, list[Problem]]:
    """Decode UTF-8 (a BOM is allowed) or report the first bad byte's line and column."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        col = exc.start - (before.rfind(b"\n") + 1) + 1
        return None, [Problem.at(label, line, col, "file.not-utf8", byte=f"{raw[exc.start]:02x}")]
    if not text.strip():
        return None, [Problem.at(label, 1, 1, "read.empty")]
    return text, []


def parse(text: str, label: str) -> tuple[Document | None, list[Problem]]:
    """Parse one YAML document (JSON is YAML too) into a Document, or problems."""
    control = CONTROL.search(text)
    if control:  # before PyYAML, whose refusal is English and names only an offset (the browser's parseText too)
        at = control.start()
        line, col = text.count("\n", 0, at) + 1, at - (text.rfind("\n", 0, at) + 1) + 1
        return None, [Problem.at(label, line, col, "read.control-character", char=f"U+{ord(control.group()):04X}")]
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = _mark(mark) if mark else (0, 0)
        what: str | Msg = exc.problem or Msg.of("yaml.invalid")
        if exc.context:
            return None, [Problem.at(label, line, col, "yaml.syntax-context", what=what, context=exc.context)]
        return None, [Problem.at(label, line, col, "yaml.syntax", what=what)]
    except yaml.YAMLError as exc:  # pragma: no cover - PyYAML raises marked errors for text input
        return None, [Problem.at(label, 1, 1, "yaml.error", error=str(exc))]
    except Exception:
        loader.dispose()
        raise
    if node is None:
        loader.dispose()
        return None, [Problem.at(label, 1, 1, "yaml.no-document")]
    doc = Document(label, None)
    problems: list[Problem] = []
    seen: set[int] = set()
    try:
        doc.data = _to_data(node, (), doc, problems, loader, seen)
    except _AliasFound as alias:
        return None, [Problem.at(label, alias.line, alias.col, "read.alias")]
    finally:
        loader.dispose()
    return doc, problems


def load(path: str | Path, label: str | None = None) -> tuple[Document | None, list[Problem]]:
    """read_text + parse."""
    label = label or str(path)
    text, problems = read_text(path, label)
    if text is None:
        return None, problems
    return parse(text, label)


_COLLECTION_TAGS = {"tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"}


class _AliasFound(Exception):
    """A node reached twice: an alias. Refused before it can expand (alias bombs)."""

    def __init__(self, line: int, col: int):
        super().__init__(line, col)
        self.line, self.col = line, col


def _to_data(
    node: yaml.Node, path: DocPath, doc: Document, problems: list[Problem], loader: SafeConstructor, seen: set[int]
) -> Any:
    if id(node) in seen:  # scalars too: an alias of any node is refused
        raise _AliasFound(*_mark(node.start_mark))
    seen.add(id(node))
    doc.value_pos[path] = _mark(node.start_mark)
    if not isinstance(node, yaml.ScalarNode) and node.tag not in _COLLECTION_TAGS:
        problems.append(Problem.at(doc.path, *_mark(node.start_mark), "yaml.tag", tag=node.tag))
        return None
    if isinstance(node, yaml.MappingNode):
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                problems.append(Problem.at(doc.path, *_mark(key_node.start_mark), "yaml.complex-key"))
                continue
            key = _scalar(key_node, loader, doc, problems)
            if key is None and key_node.tag.endswith(":null"):
                key = key_node.value or "null"
            key = str(key)
            child = path + (key,)
            if key in out:
                first = doc.key_pos[child][0]
                problems.append(
                    Problem.at(doc.path, *_mark(key_node.start_mark), "read.duplicate-key", key=key, first=first)
                )
                continue
            doc.key_pos[child] = _mark(key_node.start_mark)
            out[key] = _to_data(value_node, child, doc, problems, loader, seen)
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_to_data(item, path + (i,), doc, problems, loader, seen) for i, item in enumerate(node.value)]
    assert isinstance(node, yaml.ScalarNode)  # the three node kinds; the others returned above
    value = _scalar(node, loader, doc, problems)
    if value is not None and not node.style and node.tag != _STR_TAG:
        doc.scalar_text[path] = node.value
    return value


_STR_TAG = "tag:yaml.org,2002:str"


def _scalar(node: yaml.ScalarNode, loader: SafeConstructor, doc: Document, problems: list[Problem]) -> Any:
    if node.tag == _STR_TAG:
        return node.value  # what SafeConstructor.construct_yaml_str gives, without its three calls
    constructor = loader.yaml_constructors.get(node.tag)
    if constructor is None:
        problems.append(Problem.at(doc.path, *_mark(node.start_mark), "yaml.tag", tag=node.tag))
        return node.value
    try:
        value = constructor(loader, node)
    except yaml.YAMLError as exc:
        problems.append(
            Problem.at(doc.path, *_mark(node.start_mark), "yaml.bad-value", error=str(getattr(exc, "problem", exc)))
        )
        return node.value
    except ValueError:  # a timestamp-shaped value that is no calendar date (2026-02-30): keep the text
        return node.value
    if isinstance(value, datetime.datetime):
        return value.isoformat()
    return value
