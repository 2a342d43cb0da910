"""The model's rules beyond the JSON Schema: one function per rule, each returning Problems at the
line and column of the offending value, as a code of the message table with its parameters; every
rule's template ends with the rule's name in brackets, e.g. «... [ladder-monotonic]». Every rule tolerates malformed parts (the schema
reports those). `problems(doc)` runs them all; RULES lists them in order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from accountpath.messages import Msg
from accountpath.model import rules_kit, rules_ladder, rules_steps
from accountpath.model.rulebase import Ctx, hint, is_int, items
from accountpath.model.yamlsource import DocPath
from accountpath.problems import Problem

# ---------------------------------------------------------------- structure and references


def scale_order(ctx: Ctx) -> list[Problem]:
    """The scale lists levels 1..5 in order."""
    out = []
    for i, item in items(ctx.data, "scale"):
        lv = item.get("level")
        if is_int(lv) and lv != i + 1:
            out.append(ctx.problem(("scale", i, "level"), "model.scale-order", "scale-order", n=i + 1, level=lv))
    return out


def bands_order(ctx: Ctx) -> list[Problem]:
    """Bands go strong_hire > hire > no_hire."""
    ev = ctx.data.get("evaluation")
    bands = ev.get("bands") if isinstance(ev, dict) else None
    if not isinstance(bands, dict):
        return []
    order = ["strong_hire", "hire", "no_hire"]
    if not all(isinstance(bands.get(k), (int, float)) and not isinstance(bands.get(k), bool) for k in order):
        return []
    out = []
    for hi, lo in zip(order, order[1:]):
        if not bands[hi] > bands[lo]:
            out.append(
                ctx.problem(
                    ("evaluation", "bands", lo),
                    "model.bands-order",
                    "bands-order",
                    lo=lo,
                    vlo=bands[lo],
                    hi=hi,
                    vhi=bands[hi],
                )
            )
    return out


def _duplicates(ctx: Ctx, entries: list[tuple[DocPath, Any]], what: Msg) -> list[Problem]:
    seen: dict[str, int] = {}
    out = []
    for path, ident in entries:
        if not isinstance(ident, str):
            continue
        if ident in seen:
            out.append(ctx.problem(path, "model.duplicate-id", "unique-ids", what=what, ident=ident, line=seen[ident]))
        else:
            seen[ident] = ctx.doc.pos(path)[0]
    return out


def unique_ids(ctx: Ctx) -> list[Problem]:
    """Competency, source, role and question ids are unique in the model; levels and weights within a role."""
    out = _duplicates(
        ctx, [(("competencies", i, "id"), c.get("id")) for i, c in ctx.comps], Msg.of("model.id-of.competency")
    )
    out += _duplicates(
        ctx, [(("sources", i, "id"), s.get("id")) for i, s in items(ctx.data, "sources")], Msg.of("model.id-of.source")
    )
    out += _duplicates(
        ctx, [(p + ("id",), q.get("id")) for p, q, _c in ctx.questions()], Msg.of("model.id-of.question")
    )
    out += _duplicates(ctx, [(("roles", i, "id"), r.get("id")) for i, r in ctx.roles], Msg.of("model.id-of.role"))
    for i, role in ctx.roles:
        rp = ("roles", i)
        out += _duplicates(
            ctx,
            [(rp + ("competencies", j, "id"), rc.get("id")) for j, rc in items(role, "competencies")],
            Msg.of("model.id-of.role-competency", role=ctx.where(rp)),
        )
        out += _duplicates(
            ctx,
            [(rp + ("levels", j, "id"), lv.get("id")) for j, lv in items(role, "levels")],
            Msg.of("model.id-of.role-level", role=ctx.where(rp)),
        )
    return out


def _source_refs(ctx: Ctx) -> Iterator[tuple[DocPath, Any]]:
    for path, q, _c in ctx.questions():
        yield path + ("source",), q.get("source")
    for i, role in ctx.roles:
        for j, sal in items(role, "salary"):
            yield ("roles", i, "salary", j, "source"), sal.get("source")
        for j, view in items(role, "views"):
            yield ("roles", i, "views", j, "source"), view.get("source")
        fs = role.get("from_sources")
        for key in ("responsibilities", "kpis", "career"):
            for j, item in items(fs, key):
                yield ("roles", i, "from_sources", key, j, "source"), item.get("source")
        for j, lv in items(role, "levels"):
            yield ("roles", i, "levels", j, "experience_source"), lv.get("experience_source")
    market = ctx.data.get("market")
    for key in ("vacancy_formats", "facts"):
        for j, item in items(market, key):
            yield ("market", key, j, "source"), item.get("source")


def known_source(ctx: Ctx) -> list[Problem]:
    """Every `source` (and `experience_source`) names an entry of `sources`."""
    out = []
    for path, src in _source_refs(ctx):
        if isinstance(src, str) and src not in ctx.source_ids:
            out.append(
                ctx.problem(path, "model.unknown-source", "known-source", ident=src, tip=hint(src, ctx.source_ids))
            )
    return out


def role_competency(ctx: Ctx) -> list[Problem]:
    """A role's weighted competencies are competencies of the model."""
    out = []
    for i, role in ctx.roles:
        for j, rc in items(role, "competencies"):
            cid = rc.get("id")
            if isinstance(cid, str) and ctx.comp_ids and cid not in ctx.comp_ids:
                out.append(
                    ctx.problem(
                        ("roles", i, "competencies", j, "id"),
                        "model.unknown-competency",
                        "role-competency",
                        at=ctx.where(("roles", i)),
                        ident=cid,
                        tip=hint(cid, ctx.comp_ids),
                    )
                )
    return out


def weights_sum(ctx: Ctx) -> list[Problem]:
    """A role's competency weights are whole numbers summing to 100."""
    out = []
    for i, role in ctx.roles:
        weights: list[Any] = [rc.get("weight") for _j, rc in items(role, "competencies")]
        if not weights or not all(is_int(w) for w in weights) or sum(weights) == 100:
            continue
        out.append(
            ctx.problem(
                ("roles", i, "competencies"),
                "model.weights-sum",
                "weights-sum",
                key=True,
                role=ctx.where(("roles", i)),
                total=sum(weights),
            )
        )
    return out


def salary_range(ctx: Ctx) -> list[Problem]:
    """A salary range has min, max or both, and min <= max (also inside its `average_max` band)."""
    out = []
    for i, role in ctx.roles:
        at = ctx.where(("roles", i))
        for j, sal in items(role, "salary"):
            top = sal.get("average_max")
            pairs: list[tuple[tuple[str | int, ...], Any, Any]] = [
                (("roles", i, "salary", j, "max"), sal.get("min"), sal.get("max"))
            ]
            if isinstance(top, dict):
                pairs.append((("roles", i, "salary", j, "average_max", "max"), top.get("min"), top.get("max")))
            for path, lo, hi in pairs:
                if is_int(lo) and is_int(hi) and lo > hi:
                    out.append(ctx.problem(path, "model.salary-max", "salary-range", at=at, hi=hi, lo=lo))
            if sal.get("min") is None and sal.get("max") is None:
                out.append(ctx.problem(("roles", i, "salary", j), "model.salary-empty", "salary-range", at=at))
    return out


def salary_level(ctx: Ctx) -> list[Problem]:
    """A salary's `level` names a level of the same role."""
    out = []
    for i, role in ctx.roles:
        level_ids = {lv.get("id") for _j, lv in items(role, "levels")}
        for j, sal in items(role, "salary"):
            lv = sal.get("level")
            if isinstance(lv, str) and lv not in level_ids:
                out.append(
                    ctx.problem(
                        ("roles", i, "salary", j, "level"),
                        "model.unknown-level",
                        "salary-level",
                        at=ctx.where(("roles", i)),
                        ident=lv,
                        tip=hint(lv, level_ids),
                    )
                )
    return out


def _looks_like_id(text: str) -> bool:
    return "-" in text and text == text.lower() and " " not in text and text.isascii()


def career_id(ctx: Ctx) -> list[Problem]:
    """A kebab-case career entry that is no role id is a typo (free text names outside roles)."""
    out = []
    for i, role in ctx.roles:
        career = role.get("career")
        if not isinstance(career, dict):
            continue
        for key in ("from", "to"):
            entries = career.get(key)
            for j, entry in enumerate(entries if isinstance(entries, list) else []):
                if isinstance(entry, str) and entry not in ctx.role_ids and _looks_like_id(entry):
                    out.append(
                        ctx.problem(
                            ("roles", i, "career", key, j),
                            "model.unknown-career-role",
                            "career-id",
                            role=ctx.where(("roles", i)),
                            direction=key,
                            ident=entry,
                            tip=hint(entry, ctx.role_ids),
                        )
                    )
    return out


def question_levels(ctx: Ctx) -> list[Problem]:
    """A question's `levels: [min, max]` has min <= max."""
    out = []
    for path, q, _c in ctx.questions():
        lv = q.get("levels")
        if isinstance(lv, list) and len(lv) == 2 and all(is_int(x) for x in lv) and lv[0] > lv[1]:
            out.append(
                ctx.problem(
                    path + ("levels",),
                    "model.question-levels",
                    "question-levels",
                    at=ctx.where(path),
                    lo=lv[0],
                    hi=lv[1],
                )
            )
    return out


def also_for(ctx: Ctx) -> list[Problem]:
    """`also_for` names competencies of the model other than the question's own."""
    out = []
    for path, q, c in ctx.questions():
        names = q.get("also_for")
        for k, cid in enumerate(names if isinstance(names, list) else []):
            if not isinstance(cid, str):
                continue
            if cid not in ctx.comp_ids:
                out.append(
                    ctx.problem(
                        path + ("also_for", k),
                        "model.also-for-unknown",
                        "also-for",
                        at=ctx.where(path),
                        ident=cid,
                        tip=hint(cid, ctx.comp_ids),
                    )
                )
            elif cid == c.get("id"):
                out.append(
                    ctx.problem(path + ("also_for", k), "model.also-for-own", "also-for", at=ctx.where(path), cid=cid)
                )
    return out


Rule = Callable[[Ctx], list[Problem]]

RULES: tuple[Rule, ...] = (
    scale_order,
    bands_order,
    unique_ids,
    known_source,
    role_competency,
    weights_sum,
    salary_range,
    salary_level,
    career_id,
    question_levels,
    also_for,
    *rules_ladder.RULES,
    *rules_kit.RULES,
    *rules_steps.RULES,
)
"""Every rule, in the order their problems are gathered (the output is sorted by position anyway)."""


def problems(doc: Any) -> list[Problem]:
    """Every rule's problems for a parsed document (a yamlsource.Document holding a mapping)."""
    ctx = Ctx(doc)
    out: list[Problem] = []
    for rule in RULES:
        out.extend(rule(ctx))
    return out
