"""JSON Schema errors as problems (codes of the message table) at the line and column of the key or value at fault.

`describe(err, doc)` turns one jsonschema error into Problems; `where(path, data)` writes a
readable path such as roles[account-manager].levels[junior].targets.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from accountpath.i18n import _
from accountpath.messages import Msg
from accountpath.model.yamlsource import DocPath, Document
from accountpath.problems import Problem, close_match

if TYPE_CHECKING:  # jsonschema loads only when a model is validated (start-up time)
    from jsonschema.exceptions import ValidationError

LEVEL_KEYS = ("1", "2", "3", "4", "5")


def where(path: Iterable[str | int], data: Any) -> str:
    """A readable path such as roles[account-manager].levels[junior].targets."""
    parts: list[str] = []
    node = data
    for step in path:
        if isinstance(step, int):
            label = str(step + 1)
            if isinstance(node, list) and step < len(node) and isinstance(node[step], dict):
                ident = node[step].get("id", node[step].get("level", node[step].get("term")))
                if isinstance(ident, (str, int)) and not isinstance(ident, bool):
                    label = str(ident)
            parts.append(f"[{label}]")
            node = node[step] if isinstance(node, list) and step < len(node) else None
        else:
            parts.append(("." if parts else "") + str(step))
            node = node.get(step) if isinstance(node, dict) else None
    return "".join(parts) or _("верхний уровень")


TYPE_CODES = {t: f"schema.type.{t}" for t in ("string", "integer", "number", "boolean", "array", "object", "null")}
"""JSON Schema type -> the code of its Russian name («текстом», «целым числом», ...)."""


def _wanted(types: list[str]) -> Msg | str:
    """The expected types as a message: «текстом», or «целым числом или null» (joined by schema.type.or)."""
    names: list[Msg | str] = [Msg.of(TYPE_CODES[t]) if t in TYPE_CODES else t for t in types]
    wanted = names[-1]
    for name in reversed(names[:-1]):
        wanted = Msg.of("schema.type.or", first=name, second=wanted)
    return wanted


def _plain(value: Any) -> Any:
    """A parameter from a document value: scalars as they are, anything else as its repr."""
    return value if value is None or isinstance(value, (str, int, float, bool)) else repr(value)


def type_of(value: Any) -> Msg | str:
    """What a value is, as a message, for a «must be X, not Y» problem."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return Msg.of("schema.value.boolean")
    if isinstance(value, (int, float)):
        return Msg.of("schema.value.number", value=value)
    if isinstance(value, str):
        return Msg.of("schema.value.string", value=value[:40])
    if isinstance(value, list):
        return Msg.of("schema.value.array")
    if isinstance(value, dict):
        return Msg.of("schema.value.object")
    return type(value).__name__


def _additional(err: ValidationError, doc: Document, path: DocPath, at: str) -> list[Problem]:
    if not isinstance(err.instance, dict):
        return [doc.problem(path, "schema.other", at=at, error=err.message)]
    allowed = list(err.schema.get("properties", {}))
    out = []
    for key in err.instance:
        if key in allowed:
            continue
        hint = close_match(key, allowed)
        tip = Msg.of("hint.maybe", hint=hint) if hint else Msg.of("schema.allowed-keys", keys=", ".join(allowed))
        out.append(doc.problem(path + (key,), "schema.unknown-key", key=True, at=at, name=key, tip=tip))
    return out


def _number(text: str) -> int | str:
    return int(text) if text.isdigit() else text


def _required(err: ValidationError, doc: Document, path: DocPath, at: str) -> list[Problem]:
    missing = err.message.split("'")[1] if "'" in err.message else err.message
    last = path[-1] if path else None
    if last == "levels" and missing in LEVEL_KEYS:
        return [doc.problem(path, "schema.level-missing", key=True, at=at, n=_number(missing))]
    if last == "develop":
        return [doc.problem(path, "schema.develop-step-missing", key=True, at=at, n=_number(missing))]
    if last == "probation":
        return [doc.problem(path, "schema.probation-missing", key=True, at=at, n=_number(missing))]
    return [doc.problem(path, "schema.required", key=True, at=at, field=missing)]


def _type(err: ValidationError, doc: Document, path: DocPath, at: str) -> list[Problem]:
    expected: list[str] = err.validator_value if isinstance(err.validator_value, list) else [err.validator_value]
    return [doc.problem(path, "schema.type", at=at, wanted=_wanted(expected), actual=type_of(err.instance))]


def _enum(err: ValidationError, doc: Document, path: DocPath, at: str) -> list[Problem]:
    options = ", ".join(str(v) for v in err.validator_value)
    return [doc.problem(path, "schema.enum", at=at, value=_plain(err.instance), options=options)]


def _const(err: ValidationError, doc: Document, path: DocPath, at: str) -> list[Problem]:
    return [doc.problem(path, "schema.const", at=at, expected=repr(err.validator_value), actual=repr(err.instance))]


def _pattern(err: ValidationError, doc: Document, path: DocPath, at: str) -> list[Problem]:
    return [doc.problem(path, "schema.pattern", at=at, value=_plain(err.instance))]


def _range(err: ValidationError, doc: Document, path: DocPath, at: str) -> list[Problem]:
    sub = err.schema
    lo = sub.get("minimum", sub.get("exclusiveMinimum"))
    hi = sub.get("maximum", sub.get("exclusiveMaximum"))
    if lo is not None and hi is not None:
        rng = f"{lo}..{hi}"
    elif lo is not None:
        rng = f">= {lo}" if "minimum" in sub else f"> {lo}"
    else:
        rng = f"<= {hi}"
    return [doc.problem(path, "schema.range", at=at, value=_plain(err.instance), range=rng)]


def _min_items(err: ValidationError, doc: Document, path: DocPath, at: str) -> list[Problem]:
    if len(path) >= 2 and path[-2] == "levels" and path[-1] in LEVEL_KEYS:
        return [doc.problem(path, "schema.level-empty", at=at, n=_number(str(path[-1])))]
    return [doc.problem(path, "schema.min-items", at=at, n=err.validator_value)]


def _max_items(err: ValidationError, doc: Document, path: DocPath, at: str) -> list[Problem]:
    return [doc.problem(path, "schema.max-items", at=at, n=err.validator_value)]


def _min_length(err: ValidationError, doc: Document, path: DocPath, at: str) -> list[Problem]:
    return [doc.problem(path, "schema.min-length", at=at)]


def _property_names(err: ValidationError, doc: Document, path: DocPath, at: str) -> list[Problem]:
    return [doc.problem(path, "schema.property-name", at=at, value=_plain(err.instance))]


_HANDLERS: dict[str, Callable[[ValidationError, Document, DocPath, str], list[Problem]]] = {
    "additionalProperties": _additional,
    "required": _required,
    "type": _type,
    "enum": _enum,
    "const": _const,
    "pattern": _pattern,
    "minimum": _range,
    "maximum": _range,
    "exclusiveMinimum": _range,
    "exclusiveMaximum": _range,
    "minItems": _min_items,
    "maxItems": _max_items,
    "minLength": _min_length,
    "propertyNames": _property_names,
}


def describe(err: ValidationError, doc: Document) -> list[Problem]:
    """Problems for one jsonschema ValidationError, located in the document."""
    path = tuple(err.absolute_path)
    at = where(path, doc.data)
    handler = _HANDLERS.get(err.validator)
    if handler is None:
        return [doc.problem(path, "schema.other", at=at, error=err.message)]
    return handler(err, doc, path, at)
