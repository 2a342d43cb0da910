"""Load competencies.yml, check it against the JSON Schema and every rule, and return typed,
immutable objects.

`check(path)` returns (model or None, problems); `load(path)` returns the model or raises
ProblemsError carrying every problem. Each problem names the line and column of the key or
value at fault. The dataclasses live in `modeltypes` (re-exported here), the rules in `rules`
and `rules_ladder`, the schema's messages in `schema_messages`, the construction in `builder`.
"""

from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from typing import Any

from accountpath import __version__
from accountpath.cache import cache_dir
from accountpath.model import builder, rules, yamlsource
from accountpath.model.schema_messages import describe
from accountpath.model.types import (
    Model,
)
from accountpath.output import write_atomic
from accountpath.problems import Problem, ProblemsError

SCHEMA_RESOURCE = "data/competencies.schema.json"
DEFAULT_MODEL = "competencies.yml"
LOADER_MODULES = (
    "load.py",
    "types.py",
    "builder.py",
    "rules.py",
    "rulebase.py",
    "rules_ladder.py",
    "rules_steps.py",
    "rules_kit.py",
    "schema_messages.py",
    "yamlsource.py",
)
"""Modules whose code decides what a valid model is: the cache key covers them all."""


def default_model_path() -> Path:
    """The model used when none is named: ./competencies.yml when there is one; else the bundled
    model the wheel carries (accountpath/data/competencies.yml); else, in a source checkout, the
    repository's own; else ./competencies.yml (whose absence the loader reports)."""
    here = Path(DEFAULT_MODEL)
    if here.is_file():
        return here
    bundled = files("accountpath") / "data" / DEFAULT_MODEL
    if bundled.is_file():
        return Path(str(bundled))
    checkout = Path(__file__).resolve().parents[3] / DEFAULT_MODEL
    return checkout if checkout.is_file() else here


def load(path: str | Path = DEFAULT_MODEL) -> Model:
    """The model at `path`; raises ProblemsError listing every problem."""
    model, problems = check(path)
    if problems or model is None:
        raise ProblemsError(problems)
    return model


def check(path: str | Path = DEFAULT_MODEL) -> tuple[Model | None, list[Problem]]:
    """Load and validate; returns the model (None when anything is wrong) and all problems."""
    text, problems = yamlsource.read_text(path, str(path))
    if text is None:
        return None, problems
    return check_text(text, str(path))


def check_text(text: str, label: str = DEFAULT_MODEL) -> tuple[Model | None, list[Problem]]:
    """As check(), from text already in memory.

    A model that was valid before (same text, schema and loader: a content hash) is read back
    from the cache as JSON, skipping the YAML parse and the schema pass that dominate a CLI
    call's start-up; the rules always run.
    """
    key = _cache_key(text)
    cached = _cache_read(key)
    if cached is not None:
        known = yamlsource.Document(label, cached)
        try:  # a corrupted (even valid-JSON) cache is discarded, never trusted
            if not rules.problems(known):
                return builder.build(known.data), []
        except (TypeError, KeyError, AttributeError, ValueError, IndexError, RecursionError):
            pass
    doc, problems = yamlsource.parse(text, label)
    if doc is None:
        return None, problems
    model, problems = check_document(doc, problems)
    if model is not None:
        _cache_write(key, doc.data)
    return model, problems


def check_document(doc: yamlsource.Document, problems: list[Problem]) -> tuple[Model | None, list[Problem]]:
    """Schema and rule checks of a parsed document."""
    problems = list(problems)
    if not isinstance(doc.data, dict):
        problems.append(doc.problem((), "model.not-a-mapping"))
        return None, sorted(set(problems))
    problems += _schema_problems(doc)
    problems += rules.problems(doc)
    problems = sorted(set(problems))
    if problems:
        return None, problems
    return builder.build(doc.data), []


def _cache_key(text: str) -> str:
    h = hashlib.sha256()
    h.update(__version__.encode())
    package = files(__package__)  # the loader modules live beside this one
    for name in LOADER_MODULES:
        h.update((package / name).read_bytes())
    h.update(_schema_bytes())
    h.update(text.encode("utf-8"))
    return h.hexdigest()


def _cache_read(key: str) -> dict[str, Any] | None:
    folder = cache_dir()
    if folder is None:
        return None
    try:
        data = json.loads((folder / f"model-{key}.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def _cache_write(key: str, data: dict[str, Any]) -> None:
    folder = cache_dir()
    if folder is None:
        return
    try:  # a cache that cannot be written only costs speed
        write_atomic(folder / f"model-{key}.json", json.dumps(data, ensure_ascii=False))
    except (OSError, TypeError, ValueError):
        pass


def _schema_bytes() -> bytes:
    return (files("accountpath") / SCHEMA_RESOURCE).read_bytes()


@lru_cache(maxsize=1)
def schema() -> dict[str, Any]:
    """The JSON Schema of the model (package data: accountpath/data/competencies.schema.json)."""
    data: dict[str, Any] = json.loads(_schema_bytes().decode("utf-8"))
    return data


def _schema_problems(doc: yamlsource.Document) -> list[Problem]:
    import jsonschema  # deferred for start-up time (no cycle): a cached valid model never needs it

    validator = jsonschema.Draft202012Validator(schema())
    out = []
    for err in validator.iter_errors(doc.data):
        out.extend(describe(err, doc))
    return out
