"""Read a YAML (or JSON) file safely into plain data plus the position of every key and value.

Every failure is returned as a Problem with the file's line and column: unreadable or
oversized files, bytes that are not UTF-8, empty documents, syntax errors, a second document,
aliases (refused, so an alias bomb cannot expand), any explicit tag (`!!binary`, `!!python/...`,
`!custom`), merge keys (`<<`), keys that are lists or mappings, nesting deeper than MAX_DEPTH and
duplicate keys. A key is its text as written (`~`, `null`, `true`, `1.5` stay those words).
Only PyYAML's safe constructors are used. docs/assets/js/core/cardread.js reads a text the same
way: the same data, or the same problems at the same lines (tests/vectors/cards.json `yaml`).
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


MAX_DEPTH = 64
"""Collections nested deeper than this are refused (a card is 3 deep; libyaml stops at 1000 and the
browser's stack earlier, so both readers refuse at the same node long before either parser fails)."""

TAG = re.compile(r"(?:&[^\s,\[\]{}]+[ \t]+)?(!(?:<[^>]*>|[^\s,\[\]{}]*))")
"""An explicit tag where a node starts (after an anchor, if any), as written: `!!binary`, `!x`, `!<...>`."""

CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
"""Control characters (C0 but tab and line breaks, DEL, C1 with NEL): refused anywhere in a YAML or JSON
file, as docs/assets/js/core/cardread.js does (a card's values: io/cardcheck.py)."""


SURROGATE = re.compile(r"(?<!\\)(?:\\\\)*\\u((?i:d[89a-f][0-9a-f]{2}))(?:\\u((?i:d[c-f][0-9a-f]{2})))?")
"""A `\\uD83D` escape (after an even run of backslashes), with the low half that may follow it."""


def _surrogates(text: str) -> tuple[str, int | None]:
    """JSON's escaped surrogate pairs (`\\ud83d\\ude00`, as json.dumps writes an emoji) as the one
    escape PyYAML reads (`\\U0001F600`), and the offset of a lone half, refused (PyYAML refuses it,
    and the browser does). A pair's line reads 2 characters shorter after it."""
    lone: list[int] = []

    def pair(m: re.Match[str]) -> str:
        high, low = int(m.group(1), 16), m.group(2)
        if high >= 0xDC00 or low is None:
            lone.append(m.end(1) - 4)
            return m.group(0)
        code = 0x10000 + ((high - 0xD800) << 10) + (int(low, 16) - 0xDC00)
        return f"{m.group(0)[: m.start(1) - m.start(0) - 2]}\\U{code:08X}"

    out = SURROGATE.sub(pair, text) if "\\u" in text else text
    return out, (lone[0] if lone else None)


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
    source = text
    text, lone = _surrogates(text)
    if lone is not None:
        line, col = source.count("\n", 0, lone) + 1, lone - (source.rfind("\n", 0, lone) + 1) + 1
        return None, [Problem.at(label, line, col, "read.unreadable", line=line, col=col)]
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        loader.dispose()
        return None, [_syntax_problem(text, label, exc)]
    except yaml.YAMLError as exc:  # pragma: no cover - PyYAML raises marked errors for text input
        loader.dispose()
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
        doc.data = _to_data(node, (), doc, problems, loader, seen, text)
    except _Refused as refused:
        return None, [Problem.at(label, *refused.at, refused.code, **refused.params)]
    finally:
        loader.dispose()
    return doc, problems


def _syntax_problem(text: str, label: str, exc: yaml.MarkedYAMLError) -> Problem:
    """PyYAML's refusal as the browser's: a second document, nesting past MAX_DEPTH, or a syntax
    error at its line and column (PyYAML's English words are not shown; js-yaml has others)."""
    mark = exc.problem_mark or exc.context_mark
    line, col = _mark(mark) if mark else (1, 1)
    after_end = mark is not None and re.search(r"^\.\.\.(?:[ \t]|$)", text[: mark.index], re.MULTILINE)
    if "single document" in (exc.context or "") or ("expected <document start>" in (exc.problem or "") and after_end):
        return Problem.at(label, line, col, "read.multi-document")
    if "maximum nesting depth" in (exc.problem or ""):
        line, col = _too_deep_at(text, mark.index if mark else len(text)) or (line, col)
        return Problem.at(label, line, col, "read.too-deep", limit=MAX_DEPTH)
    if "undefined alias" in (exc.problem or ""):
        return Problem.at(label, line, col, "read.alias")
    return Problem.at(label, line, col, "read.unreadable", line=line, col=col)


def _too_deep_at(text: str, end: int) -> tuple[int, int] | None:
    """Where the first collection at depth MAX_DEPTH with something in it starts, as _to_data
    finds it: libyaml refused the text at offset `end`, deeper still. PyYAML's pure-Python parser
    reads the text up to there (cut after the brackets nest MAX_DEPTH + 2 deep: its flow keys cost
    the square of the depth)."""
    depth = 0
    for i, ch in enumerate(text[:end]):
        depth += 1 if ch in "[{" else -1 if ch in "]}" else 0
        if depth > MAX_DEPTH + 1:
            end = i + 1
            break
    text = text[:end]
    open_: list[tuple[int, int]] = []
    try:
        for event in yaml.parse(text, Loader=yaml.SafeLoader):  # pure Python: no depth limit
            if isinstance(event, yaml.NodeEvent) and len(open_) > MAX_DEPTH:
                return open_[MAX_DEPTH]
            if isinstance(event, yaml.CollectionStartEvent) and event.start_mark is not None:
                open_.append((event.start_mark.line + 1, event.start_mark.column + 1))
            elif isinstance(event, yaml.CollectionEndEvent):
                open_.pop()
    except yaml.YAMLError:
        pass
    return None  # pragma: no cover - libyaml's limit is far beyond MAX_DEPTH


def load(path: str | Path, label: str | None = None) -> tuple[Document | None, list[Problem]]:
    """read_text + parse."""
    label = label or str(path)
    text, problems = read_text(path, label)
    if text is None:
        return None, problems
    return parse(text, label)


class _Refused(Exception):
    """A node refused with the whole file, before it can expand or nest further: an alias (alias
    bombs), an explicit tag, a collection nested past MAX_DEPTH (the browser stops at the same one)."""

    def __init__(self, mark: yaml.Mark, code: str, **params: Any):
        super().__init__(code)
        self.at, self.code, self.params = _mark(mark), code, params


def _tag(node: yaml.Node, text: str) -> str | None:
    """The explicit tag the node is written with (`!!binary`, `!x`), or None."""
    found = TAG.match(text, node.start_mark.index)
    return found.group(1) if found else None


def _refuse(node: yaml.Node, depth: int, seen: set[int], text: str) -> None:
    """Raise _Refused for an alias, an explicit tag or a collection past MAX_DEPTH at this node."""
    if id(node) in seen:  # scalars too: an alias of any node is refused
        raise _Refused(node.start_mark, "read.alias")
    seen.add(id(node))
    tag = _tag(node, text)
    if tag is not None:  # every explicit tag, safe or not: a card or a model needs none
        raise _Refused(node.start_mark, "yaml.tag", tag=tag)
    if not isinstance(node, yaml.ScalarNode) and node.value and depth >= MAX_DEPTH:
        raise _Refused(node.start_mark, "read.too-deep", limit=MAX_DEPTH)


def _visit(node: yaml.Node, depth: int, seen: set[int], text: str) -> None:
    """_refuse over a node left out of the data (a refused or repeated key and its value): the
    browser's parser reads it all, so an alias, a tag or a depth there refuses the file too."""
    _refuse(node, depth, seen, text)
    if isinstance(node, yaml.MappingNode):
        for pair in node.value:
            for part in pair:
                _visit(part, depth + 1, seen, text)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            _visit(item, depth + 1, seen, text)


def _to_data(
    node: yaml.Node,
    path: DocPath,
    doc: Document,
    problems: list[Problem],
    loader: SafeConstructor,
    seen: set[int],
    text: str,
    depth: int = 0,
) -> Any:
    _refuse(node, depth, seen, text)
    doc.value_pos[path] = _mark(node.start_mark)
    if isinstance(node, yaml.MappingNode):
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                _visit(key_node, depth + 1, seen, text)
                problems.append(Problem.at(doc.path, *_mark(key_node.start_mark), "yaml.complex-key"))
                _visit(value_node, depth + 1, seen, text)
                continue
            _refuse(key_node, depth + 1, seen, text)
            if key_node.tag == _MERGE_TAG:
                problems.append(Problem.at(doc.path, *_mark(key_node.start_mark), "yaml.merge-key"))
                _visit(value_node, depth + 1, seen, text)
                continue
            key = key_node.value  # as written: `~`, `null`, `true`, `010` and `1.5` are those words
            child = path + (key,)
            if key in out:
                first = doc.key_pos[child][0]
                problems.append(
                    Problem.at(doc.path, *_mark(key_node.start_mark), "read.duplicate-key", key=key, first=first)
                )
                _visit(value_node, depth + 1, seen, text)
                continue
            doc.key_pos[child] = _mark(key_node.start_mark)
            out[key] = _to_data(value_node, child, doc, problems, loader, seen, text, depth + 1)
        return out
    if isinstance(node, yaml.SequenceNode):
        return [
            _to_data(item, path + (i,), doc, problems, loader, seen, text, depth + 1)
            for i, item in enumerate(node.value)
        ]
    assert isinstance(node, yaml.ScalarNode)  # the three node kinds
    value = _scalar(node, loader, doc, problems)
    if value is not None and not node.style and node.tag != _STR_TAG:
        doc.scalar_text[path] = node.value
    return value


_STR_TAG = "tag:yaml.org,2002:str"
_MERGE_TAG = "tag:yaml.org,2002:merge"


def _scalar(node: yaml.ScalarNode, loader: SafeConstructor, doc: Document, problems: list[Problem]) -> Any:
    if node.tag == _STR_TAG:
        return node.value  # what SafeConstructor.construct_yaml_str gives, without its three calls
    constructor = loader.yaml_constructors.get(node.tag)
    if constructor is None:  # `=` and `<<` as values (YAML 1.1's value and merge): text, as in the browser
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
