"""JSON Schema errors as Russian problems at the line and column of the key or value at fault.

`describe(err, doc)` turns one jsonschema error into Problems; `where(path, data)` writes a
readable path such as roles[account-manager].levels[junior].targets.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from accountpath.i18n import _
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


def type_names() -> dict[str, str]:
    """JSON Schema type names in Russian."""
    return {
        "string": _("текстом"),
        "integer": _("целым числом"),
        "number": _("числом"),
        "boolean": _("true или false"),
        "array": _("списком"),
        "object": _("словарём (ключ: значение)"),
        "null": _("null"),
    }


def type_of(value: Any) -> str:
    """What a value is, in Russian, for a «must be X, not Y» message."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return _("true/false")
    if isinstance(value, (int, float)):
        return _("число {value}").format(value=value)
    if isinstance(value, str):
        return _("текст «{value}»").format(value=value[:40])
    if isinstance(value, list):
        return _("список")
    if isinstance(value, dict):
        return _("словарь")
    return type(value).__name__


def _additional(err: ValidationError, doc: Document, path: DocPath, at: str) -> list[Problem]:
    if not isinstance(err.instance, dict):
        return [doc.problem(path, f"{at}: {err.message}")]
    allowed = list(err.schema.get("properties", {}))
    out = []
    for key in err.instance:
        if key in allowed:
            continue
        hint = close_match(key, allowed)
        tip = (
            _(" (возможно, «{hint}»?)").format(hint=hint)
            if hint
            else _("; допустимые ключи: {keys}").format(keys=", ".join(allowed))
        )
        out.append(
            doc.problem(
                path + (key,), _("{at}: неизвестный ключ «{key}»{tip}").format(at=at, key=key, tip=tip), key=True
            )
        )
    return out


def _required(err: ValidationError, doc: Document, path: DocPath, at: str) -> list[Problem]:
    missing = err.message.split("'")[1] if "'" in err.message else err.message
    last = path[-1] if path else None
    if last == "levels" and missing in LEVEL_KEYS:
        msg = _("{at}: у уровня {n} нет поведения: перечислите наблюдаемое поведение под «{n}:»")
        return [doc.problem(path, msg.format(at=at, n=missing), key=True)]
    if last == "develop":
        msg = _("{at}: нет шага «{n}»: перечислите действия, которые ведут на уровень {n} [develop-steps]")
        return [doc.problem(path, msg.format(at=at, n=missing), key=True)]
    if last == "probation":
        msg = _("{at}: нет целей на {n} дней испытательного срока")
        return [doc.problem(path, msg.format(at=at, n=missing), key=True)]
    return [doc.problem(path, _("{at}: нет обязательного поля «{field}»").format(at=at, field=missing), key=True)]


def _type(err: ValidationError, doc: Document, path: DocPath, at: str) -> list[Problem]:
    expected: list[str] = err.validator_value if isinstance(err.validator_value, list) else [err.validator_value]
    names = type_names()
    wanted = _(" или ").join(names.get(t, t) for t in expected)
    return [
        doc.problem(
            path,
            _("{at}: должно быть {wanted}, а не {actual}").format(at=at, wanted=wanted, actual=type_of(err.instance)),
        )
    ]


def _enum(err: ValidationError, doc: Document, path: DocPath, at: str) -> list[Problem]:
    options = ", ".join(str(v) for v in err.validator_value)
    return [
        doc.problem(
            path, _("{at}: «{value}» — не одно из: {options}").format(at=at, value=err.instance, options=options)
        )
    ]


def _const(err: ValidationError, doc: Document, path: DocPath, at: str) -> list[Problem]:
    msg = _("{at}: должно быть {expected!r}, а не {actual!r}")
    return [doc.problem(path, msg.format(at=at, expected=err.validator_value, actual=err.instance))]


def _pattern(err: ValidationError, doc: Document, path: DocPath, at: str) -> list[Problem]:
    msg = _("{at}: «{value}» — не идентификатор в kebab-case (строчные латинские буквы, цифры, одиночные дефисы)")
    return [doc.problem(path, msg.format(at=at, value=err.instance))]


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
    return [
        doc.problem(
            path, _("{at}: {value} вне допустимого диапазона {range}").format(at=at, value=err.instance, range=rng)
        )
    ]


def _min_items(err: ValidationError, doc: Document, path: DocPath, at: str) -> list[Problem]:
    if len(path) >= 2 and path[-2] == "levels" and path[-1] in LEVEL_KEYS:
        msg = _("{at}: у уровня {n} нет поведения: перечислите хотя бы одно наблюдаемое поведение")
        return [doc.problem(path, msg.format(at=at, n=path[-1]))]
    return [doc.problem(path, _("{at}: нужно не меньше {n} элементов списка").format(at=at, n=err.validator_value))]


def _max_items(err: ValidationError, doc: Document, path: DocPath, at: str) -> list[Problem]:
    return [
        doc.problem(path, _("{at}: допускается не больше {n} элементов списка").format(at=at, n=err.validator_value))
    ]


def _min_length(err: ValidationError, doc: Document, path: DocPath, at: str) -> list[Problem]:
    return [doc.problem(path, _("{at}: не должно быть пустым").format(at=at))]


def _property_names(err: ValidationError, doc: Document, path: DocPath, at: str) -> list[Problem]:
    return [doc.problem(path, _("{at}: «{value}» — не идентификатор в kebab-case").format(at=at, value=err.instance))]


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
        return [doc.problem(path, f"{at}: {err.message}")]
    return handler(err, doc, path, at)
