"""Load competencies.yml, check it against the JSON Schema and every cross-reference, and
return typed, immutable objects.

`check(path)` returns (model or None, problems); `load(path)` returns the model or raises
ProblemsError carrying every problem. Each problem names the line and column of the key or
value at fault.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib.resources import files
from pathlib import Path
from types import MappingProxyType
from typing import Any, Mapping

from . import __version__, yamlsource
from .cache import cache_dir
from .problems import Problem, ProblemsError, close_match

SCHEMA_RESOURCE = "data/competencies.schema.json"
DEFAULT_MODEL = "competencies.yml"


# ---------------------------------------------------------------- typed model


@dataclass(frozen=True)
class ScaleLevel:
    level: int
    name: str
    summary: str


@dataclass(frozen=True)
class Bands:
    strong_hire: float
    hire: float
    no_hire: float


@dataclass(frozen=True)
class Evaluation:
    min_coverage: float
    disagreement_spread: float
    must_have_tolerance: float
    bands: Bands


@dataclass(frozen=True)
class Question:
    id: str
    competency: str
    text: str
    kind: str
    look_for: tuple[str, ...]
    red_flags: tuple[str, ...]
    reveals: str | None = None
    source: str | None = None


@dataclass(frozen=True)
class Competency:
    id: str
    name: str
    group: str
    summary: str
    levels: Mapping[int, tuple[str, ...]]
    develop: tuple[str, ...]
    questions: tuple[Question, ...]


@dataclass(frozen=True)
class RoleCompetency:
    id: str
    weight: int
    must_have: bool


@dataclass(frozen=True)
class RoleLevel:
    id: str
    name: str
    experience: str
    targets: Mapping[str, int]
    summary: str | None = None


@dataclass(frozen=True)
class Kpi:
    name: str
    measure: str


@dataclass(frozen=True)
class Salary:
    region: str
    segment: str
    experience: str
    min: int | None
    max: int | None
    source: str
    note: str | None = None


@dataclass(frozen=True)
class Career:
    from_: tuple[str, ...]
    to: tuple[str, ...]


@dataclass(frozen=True)
class Role:
    id: str
    name: str
    summary: str
    responsibilities: tuple[str, ...]
    kpis: tuple[Kpi, ...]
    competencies: tuple[RoleCompetency, ...]
    levels: tuple[RoleLevel, ...]
    salary: tuple[Salary, ...]
    career: Career
    sourcing: tuple[str, ...]

    def level(self, level_id: str) -> RoleLevel | None:
        """The role level with this id, or None."""
        return next((lv for lv in self.levels if lv.id == level_id), None)

    @property
    def total_weight(self) -> int:
        return sum(rc.weight for rc in self.competencies)

    def by_weight(self) -> tuple[RoleCompetency, ...]:
        """Role competencies, heaviest first; ties keep model order."""
        return tuple(sorted(self.competencies, key=lambda rc: -rc.weight))


@dataclass(frozen=True)
class VacancyFormat:
    format: str
    min: float
    max: float
    source: str
    note: str | None = None


@dataclass(frozen=True)
class Fact:
    text: str
    source: str


@dataclass(frozen=True)
class Market:
    vacancy_formats: tuple[VacancyFormat, ...]
    facts: tuple[Fact, ...]


@dataclass(frozen=True)
class Source:
    id: str
    title: str
    covers: str
    author: str | None = None
    year: int | None = None
    note: str | None = None


@dataclass(frozen=True)
class Model:
    version: int
    language: str
    scale: tuple[ScaleLevel, ...]
    evaluation: Evaluation
    competencies: tuple[Competency, ...]
    roles: tuple[Role, ...]
    market: Market
    sources: tuple[Source, ...]

    @cached_property
    def _competency_index(self) -> dict[str, Competency]:
        return {c.id: c for c in self.competencies}

    @cached_property
    def _role_index(self) -> dict[str, Role]:
        return {r.id: r for r in self.roles}

    @cached_property
    def _question_index(self) -> dict[str, Question]:
        return {q.id: q for c in self.competencies for q in c.questions}

    def competency(self, cid: str) -> Competency | None:
        return self._competency_index.get(cid)

    def role(self, rid: str) -> Role | None:
        return self._role_index.get(rid)

    def question(self, qid: str) -> Question | None:
        return self._question_index.get(qid)

    def source(self, sid: str) -> Source | None:
        return next((s for s in self.sources if s.id == sid), None)

    @property
    def questions(self) -> tuple[Question, ...]:
        return tuple(self._question_index.values())

    def summary(self) -> str:
        """One line of counts, as `accountpath validate` prints it."""
        levels = sum(len(r.levels) for r in self.roles)
        return (
            f"{len(self.competencies)} competencies, {len(self.questions)} questions, "
            f"{len(self.roles)} roles, {levels} role levels, {len(self.sources)} sources"
        )


# ---------------------------------------------------------------- loading


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
    call's start-up; the semantic checks always run.
    """
    key = _cache_key(text)
    cached = _cache_read(key)
    if cached is not None:
        doc = yamlsource.Document(label, cached)
        problems = _semantic_problems(doc)
        if not problems:
            return _build(doc.data), []
    doc, problems = yamlsource.parse(text, label)
    if doc is None:
        return None, problems
    model, problems = check_document(doc, problems)
    if model is not None:
        _cache_write(key, doc.data)
    return model, problems


def check_document(doc: yamlsource.Document, problems: list[Problem]) -> tuple[Model | None, list[Problem]]:
    """Schema and semantic checks of a parsed document."""
    problems = list(problems)
    if not isinstance(doc.data, dict):
        problems.append(doc.problem((), "the model must be a mapping with version, scale, evaluation, competencies, roles and sources"))
        return None, sorted(set(problems))
    problems += _schema_problems(doc)
    problems += _semantic_problems(doc)
    problems = sorted(set(problems))
    if problems:
        return None, problems
    return _build(doc.data), []


def _cache_key(text: str) -> str:
    h = hashlib.sha256()
    h.update(__version__.encode())
    h.update(Path(__file__).read_bytes())
    h.update(_schema_bytes())
    h.update((files(__package__) / "yamlsource.py").read_bytes())
    h.update(text.encode("utf-8"))
    return h.hexdigest()


def _cache_read(key: str) -> dict | None:
    folder = cache_dir()
    if folder is None:
        return None
    try:
        data = json.loads((folder / f"model-{key}.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def _cache_write(key: str, data: dict) -> None:
    folder = cache_dir()
    if folder is None:
        return
    try:  # a cache that cannot be written only costs speed
        from .output import write_atomic

        write_atomic(folder / f"model-{key}.json", json.dumps(data, ensure_ascii=False))
    except (OSError, TypeError, ValueError):
        pass


def _schema_bytes() -> bytes:
    return (files(__package__) / SCHEMA_RESOURCE).read_bytes()


@lru_cache(maxsize=1)
def schema() -> dict:
    """The JSON Schema of the model (package data: accountpath/data/competencies.schema.json)."""
    return json.loads(_schema_bytes().decode("utf-8"))


def _schema_problems(doc: yamlsource.Document) -> list[Problem]:
    import jsonschema  # imported here: a cached valid model never needs it

    validator = jsonschema.Draft202012Validator(schema())
    out = []
    for err in validator.iter_errors(doc.data):
        out.extend(_describe(err, doc))
    return out


def _where(path: tuple, data: Any) -> str:
    """A readable path such as roles[account-manager].levels[junior].targets."""
    parts: list[str] = []
    node = data
    for step in path:
        if isinstance(step, int):
            label = str(step + 1)
            if isinstance(node, list) and step < len(node) and isinstance(node[step], dict):
                ident = node[step].get("id", node[step].get("level"))
                if isinstance(ident, (str, int)) and not isinstance(ident, bool):
                    label = str(ident)
            parts.append(f"[{label}]")
            node = node[step] if isinstance(node, list) and step < len(node) else None
        else:
            parts.append(("." if parts else "") + str(step))
            node = node.get(step) if isinstance(node, dict) else None
    return "".join(parts) or "top level"


_TYPE_NAMES = {
    "string": "text", "integer": "a whole number", "number": "a number", "boolean": "true or false",
    "array": "a list", "object": "a mapping (key: value)", "null": "null",
}


def _type_of(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int):
        return f"the number {value}"
    if isinstance(value, float):
        return f"the number {value}"
    if isinstance(value, str):
        return f"text '{value[:40]}'"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def _describe(err, doc: yamlsource.Document) -> list[Problem]:
    path = tuple(err.absolute_path)
    where = _where(path, doc.data)
    kind = err.validator
    if kind == "additionalProperties" and isinstance(err.instance, dict):
        allowed = list(err.schema.get("properties", {}))
        out = []
        for key in err.instance:
            if key in allowed:
                continue
            hint = close_match(key, allowed)
            tip = f" (did you mean '{hint}'?)" if hint else f"; allowed keys: {', '.join(allowed)}"
            out.append(doc.problem(path + (key,), f"{where}: unknown key '{key}'{tip}", key=True))
        return out
    if kind == "required":
        missing = err.message.split("'")[1] if "'" in err.message else err.message
        if path and path[-1] == "levels" and missing in ("1", "2", "3", "4", "5"):
            return [doc.problem(path, f"{where}: level {missing} has no behaviours: add a list of observable behaviours under '{missing}:'", key=True)]
        return [doc.problem(path, f"{where}: missing field '{missing}'", key=True)]
    if kind == "type":
        expected = err.validator_value if isinstance(err.validator_value, list) else [err.validator_value]
        names = " or ".join(_TYPE_NAMES.get(t, t) for t in expected)
        return [doc.problem(path, f"{where}: must be {names}, not {_type_of(err.instance)}")]
    if kind == "enum":
        options = ", ".join(str(v) for v in err.validator_value)
        return [doc.problem(path, f"{where}: '{err.instance}' is not one of: {options}")]
    if kind == "const":
        return [doc.problem(path, f"{where}: must be {err.validator_value!r}, not {err.instance!r}")]
    if kind == "pattern":
        return [doc.problem(path, f"{where}: '{err.instance}' is not a kebab-case id (lowercase latin letters, digits, single hyphens)")]
    if kind in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
        sub = err.schema
        lo = sub.get("minimum", sub.get("exclusiveMinimum"))
        hi = sub.get("maximum", sub.get("exclusiveMaximum"))
        if lo is not None and hi is not None:
            rng = f"{lo}..{hi}"
        elif lo is not None:
            rng = f">= {lo}" if "minimum" in sub else f"> {lo}"
        else:
            rng = f"<= {hi}"
        return [doc.problem(path, f"{where}: {err.instance} is outside the allowed range {rng}")]
    if kind == "minItems":
        if len(path) >= 2 and path[-2] == "levels" and isinstance(path[-1], str):
            return [doc.problem(path, f"{where}: level {path[-1]} has no behaviours: list at least one observable behaviour")]
        return [doc.problem(path, f"{where}: must list at least {err.validator_value} item(s)")]
    if kind == "maxItems":
        return [doc.problem(path, f"{where}: must list at most {err.validator_value} item(s)")]
    if kind == "minLength":
        return [doc.problem(path, f"{where}: must not be empty")]
    if kind == "propertyNames":
        return [doc.problem(path, f"{where}: '{err.instance}' is not a kebab-case id")]
    return [doc.problem(path, f"{where}: {err.message}")]


def _items(data: Any, key: str) -> list[tuple[int, dict]]:
    value = data.get(key) if isinstance(data, dict) else None
    if not isinstance(value, list):
        return []
    return [(i, item) for i, item in enumerate(value) if isinstance(item, dict)]


def _str(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _semantic_problems(doc: yamlsource.Document) -> list[Problem]:
    """Cross-references and rules JSON Schema cannot say. Tolerates malformed parts."""
    data = doc.data
    out: list[Problem] = []

    def unique(items: list[tuple[tuple, Any]], what: str) -> None:
        seen: dict[str, int] = {}
        for path, ident in items:
            if not isinstance(ident, str):
                continue
            if ident in seen:
                out.append(doc.problem(path, f"duplicate {what} id '{ident}' (first at line {seen[ident]})"))
            else:
                seen[ident] = doc.pos(path)[0]

    # scale: exactly 1..5 in order
    for i, item in _items(data, "scale"):
        lv = item.get("level")
        if isinstance(lv, int) and not isinstance(lv, bool) and lv != i + 1:
            out.append(doc.problem(("scale", i, "level"), f"scale[{i + 1}]: level must be {i + 1} (the scale lists levels 1..5 in order), not {lv}"))

    # bands strictly decreasing
    ev = data.get("evaluation")
    bands = ev.get("bands") if isinstance(ev, dict) else None
    if isinstance(bands, dict):
        order = ["strong_hire", "hire", "no_hire"]
        vals = [bands.get(k) for k in order]
        if all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in vals):
            for hi, lo in zip(order, order[1:]):
                if not bands[hi] > bands[lo]:
                    out.append(doc.problem(("evaluation", "bands", lo),
                        f"evaluation.bands: {lo} ({bands[lo]}) must be lower than {hi} ({bands[hi]}): bands go strong_hire > hire > no_hire"))

    comps = _items(data, "competencies")
    comp_ids = {c.get("id") for _, c in comps if isinstance(c.get("id"), str)}
    source_ids = {s.get("id") for _, s in _items(data, "sources") if isinstance(s.get("id"), str)}
    unique([(("competencies", i, "id"), c.get("id")) for i, c in comps], "competency")
    unique([(("sources", i, "id"), s.get("id")) for i, s in _items(data, "sources")], "source")
    questions = []
    for i, c in comps:
        for j, q in _items(c, "questions"):
            questions.append((("competencies", i, "questions", j, "id"), q.get("id")))
            src = q.get("source")
            if isinstance(src, str) and src not in source_ids:
                out.append(doc.problem(("competencies", i, "questions", j, "source"), _unknown("source", src, source_ids)))
    unique(questions, "question")

    roles = _items(data, "roles")
    role_ids = {r.get("id") for _, r in roles if isinstance(r.get("id"), str)}
    unique([(("roles", i, "id"), r.get("id")) for i, r in roles], "role")
    for i, role in roles:
        rp = ("roles", i)
        where = _where(rp, data)
        rcs = _items(role, "competencies")
        unique([(rp + ("competencies", j, "id"), rc.get("id")) for j, rc in rcs], f"{where} competency")
        listed = []
        weights_ok = True
        total = 0
        for j, rc in rcs:
            cid = rc.get("id")
            if isinstance(cid, str):
                listed.append(cid)
                if comp_ids and cid not in comp_ids:
                    out.append(doc.problem(rp + ("competencies", j, "id"), f"{where}: {_unknown('competency', cid, comp_ids)}"))
            w = rc.get("weight")
            if isinstance(w, int) and not isinstance(w, bool):
                total += w
            else:
                weights_ok = False
        if rcs and weights_ok and total != 100:
            out.append(doc.problem(rp + ("competencies",), f"{where}: competency weights sum to {total}, they must sum to 100", key=True))
        levels = _items(role, "levels")
        unique([(rp + ("levels", j, "id"), lv.get("id")) for j, lv in levels], f"{where} level")
        for j, lv in levels:
            targets = lv.get("targets")
            if not isinstance(targets, dict):
                continue
            tp = rp + ("levels", j, "targets")
            lwhere = _where(rp + ("levels", j), data)
            for cid in targets:
                if cid not in listed:
                    msg = (f"{lwhere}: target for '{cid}', which is not a competency of this role"
                           if cid in comp_ids else f"{lwhere}: target names {_unknown('competency', cid, comp_ids)}")
                    out.append(doc.problem(tp + (cid,), msg, key=True))
            for cid in listed:
                if cid not in targets:
                    out.append(doc.problem(tp, f"{lwhere}: missing target for competency '{cid}' (every role competency needs a target 1..5)", key=True))
        for j, sal in _items(role, "salary"):
            src = sal.get("source")
            if isinstance(src, str) and src not in source_ids:
                out.append(doc.problem(rp + ("salary", j, "source"), f"{where}: {_unknown('source', src, source_ids)}"))
            lo, hi = sal.get("min"), sal.get("max")
            if isinstance(lo, int) and isinstance(hi, int) and lo > hi:
                out.append(doc.problem(rp + ("salary", j, "max"), f"{where}: salary max {hi} is below min {lo}"))
            if lo is None and hi is None:
                out.append(doc.problem(rp + ("salary", j), f"{where}: a salary range needs min, max or both"))

    market = data.get("market")
    if isinstance(market, dict):
        for key in ("vacancy_formats", "facts"):
            for j, item in _items(market, key):
                src = item.get("source")
                if isinstance(src, str) and src not in source_ids:
                    out.append(doc.problem(("market", key, j, "source"), f"market.{key}: {_unknown('source', src, source_ids)}"))
    # career entries: a role id or free text; a kebab-case word that is no role id is a typo
    for i, role in roles:
        career = role.get("career")
        if not isinstance(career, dict):
            continue
        for key in ("from", "to"):
            for j, entry in enumerate(career.get(key) or []):
                if isinstance(entry, str) and entry not in role_ids and _looks_like_id(entry):
                    out.append(doc.problem(("roles", i, "career", key, j), f"{_where(('roles', i), data)}: career.{key}: {_unknown('role', entry, role_ids)} (write free text for a role outside the model)"))
    return out


def _looks_like_id(text: str) -> bool:
    return "-" in text and text == text.lower() and " " not in text and text.isascii()


def _unknown(what: str, ident: str, known: set) -> str:
    hint = close_match(ident, sorted(k for k in known if isinstance(k, str)))
    tip = f" (did you mean '{hint}'?)" if hint else ""
    return f"unknown {what} '{ident}'{tip}"


def _build(d: dict) -> Model:
    ev = d["evaluation"]
    market = d.get("market") or {}

    def t(items):
        return tuple(items or ())

    competencies = tuple(
        Competency(
            id=c["id"], name=c["name"], group=c["group"], summary=c["summary"],
            levels=MappingProxyType({int(k): tuple(v) for k, v in sorted(c["levels"].items(), key=lambda kv: int(kv[0]))}),
            develop=t(c["develop"]),
            questions=tuple(
                Question(id=q["id"], competency=c["id"], text=q["text"], kind=q["kind"],
                         look_for=t(q["look_for"]), red_flags=t(q["red_flags"]),
                         reveals=q.get("reveals"), source=q.get("source"))
                for q in c["questions"]
            ),
        )
        for c in d["competencies"]
    )
    roles = tuple(
        Role(
            id=r["id"], name=r["name"], summary=r["summary"],
            responsibilities=t(r["responsibilities"]),
            kpis=tuple(Kpi(k["name"], k["measure"]) for k in r["kpis"]),
            competencies=tuple(RoleCompetency(rc["id"], rc["weight"], bool(rc.get("must_have", False))) for rc in r["competencies"]),
            levels=tuple(
                RoleLevel(id=lv["id"], name=lv["name"], experience=lv["experience"],
                          targets=MappingProxyType({rc["id"]: lv["targets"][rc["id"]] for rc in r["competencies"]}),
                          summary=lv.get("summary"))
                for lv in r["levels"]
            ),
            salary=tuple(Salary(s["region"], s["segment"], s["experience"], s.get("min"), s.get("max"), s["source"], s.get("note"))
                         for s in r.get("salary") or ()),
            career=Career(t((r.get("career") or {}).get("from")), t((r.get("career") or {}).get("to"))),
            sourcing=t(r.get("sourcing")),
        )
        for r in d["roles"]
    )
    return Model(
        version=d["version"], language=d["language"],
        scale=tuple(ScaleLevel(s["level"], s["name"], s["summary"]) for s in d["scale"]),
        evaluation=Evaluation(ev["min_coverage"], ev["disagreement_spread"], ev["must_have_tolerance"],
                              Bands(ev["bands"]["strong_hire"], ev["bands"]["hire"], ev["bands"]["no_hire"])),
        competencies=competencies,
        roles=roles,
        market=Market(
            tuple(VacancyFormat(v["format"], v["min"], v["max"], v["source"], v.get("note")) for v in market.get("vacancy_formats") or ()),
            tuple(Fact(f["text"], f["source"]) for f in market.get("facts") or ()),
        ),
        sources=tuple(Source(s["id"], s["title"], s["covers"], s.get("author"), s.get("year"), s.get("note")) for s in d["sources"]),
    )
