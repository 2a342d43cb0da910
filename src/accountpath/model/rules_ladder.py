"""Rules that keep the career ladder one coherent matrix, plus the vocabulary rule:
targets-complete, ladder-monotonic, ladder-sum, career-edge, questions-per-target, glossary-avoid.
Each reports at the offending target (or text): a code whose template ends with the rule's name in brackets."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

from accountpath.model.rulebase import MIN_QUESTIONS_PER_TARGET, Ctx, hint, is_int, items
from accountpath.model.yamlsource import DocPath
from accountpath.problems import Problem


def targets_complete(ctx: Ctx) -> list[Problem]:
    """Every role level has a target for every competency of the model, and no unknown ids."""
    out = []
    known = set(ctx.comp_ids)
    for i, role in ctx.roles:
        for lp, lv in ctx.levels(i, role):
            targets, tp, at = lv["targets"], lp + ("targets",), ctx.where(lp)
            for cid in targets:
                if cid not in known:
                    out.append(
                        ctx.problem(
                            tp + (cid,),
                            "model.target-unknown",
                            "targets-complete",
                            key=True,
                            at=at,
                            ident=cid,
                            tip=hint(cid, known),
                        )
                    )
            missing = [cid for cid in ctx.comp_ids if cid not in targets]
            if missing:
                ids = ", ".join(f"«{c}»" for c in missing)
                out.append(ctx.problem(tp, "model.targets-missing", "targets-complete", key=True, at=at, ids=ids))
    return out


def _target(lv: dict[str, Any], cid: str) -> int | None:
    value = lv["targets"].get(cid)
    return value if is_int(value) else None


def ladder_monotonic(ctx: Ctx) -> list[Problem]:
    """Within a role, a competency's target never goes down from one level to the next."""
    out = []
    for i, role in ctx.roles:
        levels = ctx.levels(i, role)
        for (_p0, lv0), (p1, lv1) in zip(levels, levels[1:]):
            for cid in ctx.comp_ids:
                t0, t1 = _target(lv0, cid), _target(lv1, cid)
                if t0 is not None and t1 is not None and t1 < t0:
                    out.append(
                        ctx.problem(
                            p1 + ("targets", cid),
                            "model.ladder-monotonic",
                            "ladder-monotonic",
                            at=ctx.where(p1),
                            cid=cid,
                            t1=t1,
                            prev=lv0.get("id"),
                            t0=t0,
                        )
                    )
    return out


def _sum(lv: dict[str, Any], comp_ids: list[str]) -> int | None:
    values = [_target(lv, cid) for cid in comp_ids]
    known = [v for v in values if v is not None]
    return sum(known) if values and len(known) == len(values) else None


def ladder_sum(ctx: Ctx) -> list[Problem]:
    """Each level's sum of targets is strictly higher than the level below."""
    out = []
    for i, role in ctx.roles:
        levels = ctx.levels(i, role)
        for (_p0, lv0), (p1, lv1) in zip(levels, levels[1:]):
            s0, s1 = _sum(lv0, ctx.comp_ids), _sum(lv1, ctx.comp_ids)
            if s0 is not None and s1 is not None and s1 <= s0:
                out.append(
                    ctx.problem(
                        p1 + ("targets",),
                        "model.ladder-sum",
                        "ladder-sum",
                        key=True,
                        at=ctx.where(p1),
                        s1=s1,
                        prev=lv0.get("id"),
                        s0=s0,
                    )
                )
    return out


def _edges(ctx: Ctx) -> Iterator[tuple[int, dict[str, Any], int, dict[str, Any]]]:
    """(from index, from role, to index, to role) for each career step between roles of the model,
    whether written as `career.to` on the earlier role or as `career.from` on the later one (once each)."""
    seen: set[tuple[int, int]] = set()
    for i, role in ctx.roles:
        roles = ctx.data["roles"]  # there are roles to walk, so the list exists
        career = role.get("career")
        for key in ("to", "from"):
            entries = career.get(key) if isinstance(career, dict) else None
            for entry in entries if isinstance(entries, list) else []:
                if isinstance(entry, str) and entry in ctx.role_ids and entry != role.get("id"):
                    j = ctx.role_ids[entry]
                    edge = (i, j) if key == "to" else (j, i)
                    if edge not in seen:
                        seen.add(edge)
                        yield edge[0], roles[edge[0]], edge[1], roles[edge[1]]


def career_edge(ctx: Ctx) -> list[Problem]:
    """Along every career step (`career.to` or `career.from`), the next role's first level is at least the
    previous role's top level, per competency."""
    out = []
    for i, role, j, nxt in _edges(ctx):
        top, first = ctx.levels(i, role), ctx.levels(j, nxt)
        if not top or not first:
            continue
        (tp, top_lv), (fp, first_lv) = top[-1], first[0]
        for cid in ctx.comp_ids:
            t0, t1 = _target(top_lv, cid), _target(first_lv, cid)
            if t0 is not None and t1 is not None and t1 < t0:
                out.append(
                    ctx.problem(
                        fp + ("targets", cid),
                        "model.career-edge",
                        "career-edge",
                        at=ctx.where(fp),
                        cid=cid,
                        t1=t1,
                        prev=ctx.where(tp),
                        t0=t0,
                    )
                )
    return out


def _ranges(ctx: Ctx) -> dict[str, list[tuple[int, int]]]:
    """Each competency id -> the [min, max] ranges of its own questions (well-formed ones only)."""
    out: dict[str, list[tuple[int, int]]] = {}
    for _p, q, c in ctx.questions():
        lv = q.get("levels")
        if isinstance(c.get("id"), str) and isinstance(lv, list) and len(lv) == 2 and all(is_int(x) for x in lv):
            out.setdefault(c["id"], []).append((lv[0], lv[1]))
    return out


def questions_per_target(ctx: Ctx) -> list[Problem]:
    """For every role level and weighted competency, enough questions whose range contains the target."""
    out = []
    ranges = _ranges(ctx)
    for i, role in ctx.roles:
        weighted: list[str] = [rc["id"] for _j, rc in items(role, "competencies") if rc.get("id") in ctx.comp_ids]
        for lp, lv in ctx.levels(i, role):
            for cid in weighted:
                t = _target(lv, cid)
                if t is None:
                    continue
                n = sum(1 for lo, hi in ranges.get(cid, ()) if lo <= t <= hi)
                if n < MIN_QUESTIONS_PER_TARGET:
                    out.append(
                        ctx.problem(
                            lp + ("targets", cid),
                            "model.questions-per-target",
                            "questions-per-target",
                            at=ctx.where(lp),
                            cid=cid,
                            t=t,
                            n=n,
                            need=MIN_QUESTIONS_PER_TARGET,
                        )
                    )
    return out


def _avoid_terms(ctx: Ctx) -> dict[str, str]:
    """Every `avoid` variant of the glossary (lower case) -> its term."""
    terms: dict[str, str] = {}
    for _i, g in items(ctx.data, "glossary"):
        avoid = g.get("avoid")
        for variant in avoid if isinstance(avoid, list) else []:
            if isinstance(variant, str) and variant.strip():
                terms.setdefault(variant.strip().lower(), str(g.get("term", "")))
    return terms


def _avoid_pattern(variants: Iterable[str]) -> re.Pattern[str]:
    """One case-insensitive pattern of the variants, longest first: a whole word, or the variant with a
    Russian ending of up to three letters (one listed form covers «продакшена», «продакшеном»)."""
    alternatives = "|".join(re.escape(v) for v in sorted(variants, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?P<variant>{alternatives})\w{{0,3}}(?!\w)", re.IGNORECASE)


def _texts(node: Any, path: DocPath) -> Iterator[tuple[DocPath, str]]:
    if isinstance(node, str):
        yield path, node
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from _texts(value, path + (key,))
    elif isinstance(node, list):
        for k, value in enumerate(node):
            yield from _texts(value, path + (k,))


def glossary_avoid(ctx: Ctx) -> list[Problem]:
    """No `avoid` variant of the glossary appears in the model's text (case-insensitive, whole word)."""
    terms = _avoid_terms(ctx)
    if not terms or not isinstance(ctx.data, dict):
        return []
    texts = [pt for key, value in ctx.data.items() if key != "glossary" for pt in _texts(value, (key,))]
    # only the variants found as substrings go into the whole-word regex: a pattern of every variant
    # run over every text costs more than all the other rules together (casefold: no false negative)
    blob = "\n".join(text for _path, text in texts).casefold()
    present = [variant for variant in terms if variant.casefold() in blob]
    if not present:
        return []
    pattern = _avoid_pattern(present)
    out = []
    for path, text in texts:
        for m in pattern.finditer(text):
            out.append(
                ctx.problem(
                    path,
                    "model.glossary-avoid",
                    "glossary-avoid",
                    at=ctx.where(path),
                    found=m.group(0),
                    term=terms[m.group("variant").lower()],
                )
            )
    return out


RULES = (targets_complete, ladder_monotonic, ladder_sum, career_edge, questions_per_target, glossary_avoid)
