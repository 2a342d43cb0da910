"""Rules that keep the career ladder one coherent matrix, plus the vocabulary rule:
targets-complete, ladder-monotonic, ladder-sum, career-edge, questions-per-target, glossary-avoid.
Each reports at the offending target (or text) with the rule's name in brackets."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

from accountpath.i18n import _
from accountpath.model.rulebase import MIN_QUESTIONS_PER_TARGET, Ctx, is_int, items, unknown
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
                    msg = _("{at}: цель для {what}").format(
                        at=at, what=unknown(_("такой компетенции в модели нет"), cid, known)
                    )
                    out.append(ctx.problem(tp + (cid,), msg, "targets-complete", key=True))
            missing = [cid for cid in ctx.comp_ids if cid not in targets]
            if missing:
                msg = _(
                    "{at}: нет целей для компетенций {ids}: у каждого уровня роли есть цель 1..5 по каждой компетенции модели"
                )
                out.append(
                    ctx.problem(
                        tp, msg.format(at=at, ids=", ".join(f"«{c}»" for c in missing)), "targets-complete", key=True
                    )
                )
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
                    msg = _(
                        "{at}: цель по «{cid}» {t1} ниже, чем на предыдущем уровне «{prev}» ({t0}): внутри роли цели не снижаются"
                    )
                    msg = msg.format(at=ctx.where(p1), cid=cid, t1=t1, prev=lv0.get("id"), t0=t0)
                    out.append(ctx.problem(p1 + ("targets", cid), msg, "ladder-monotonic"))
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
                msg = _(
                    "{at}: сумма целей {s1} не выше, чем на предыдущем уровне «{prev}» ({s0}): следующий уровень требует больше"
                )
                out.append(
                    ctx.problem(
                        p1 + ("targets",),
                        msg.format(at=ctx.where(p1), s1=s1, prev=lv0.get("id"), s0=s0),
                        "ladder-sum",
                        key=True,
                    )
                )
    return out


def _edges(ctx: Ctx) -> Iterator[tuple[int, dict[str, Any], int, dict[str, Any]]]:
    """(from index, from role, to index, to role) for each `career.to` that names a role of the model."""
    for i, role in ctx.roles:
        career = role.get("career")
        entries = career.get("to") if isinstance(career, dict) else None
        for entry in entries if isinstance(entries, list) else []:
            if isinstance(entry, str) and entry in ctx.role_ids and entry != role.get("id"):
                j = ctx.role_ids[entry]
                yield i, role, j, ctx.data["roles"][j]


def career_edge(ctx: Ctx) -> list[Problem]:
    """Along `career.to`, the next role's first level is at least this role's top level, per competency."""
    out = []
    for i, role, j, nxt in _edges(ctx):
        top, first = ctx.levels(i, role), ctx.levels(j, nxt)
        if not top or not first:
            continue
        (tp, top_lv), (fp, first_lv) = top[-1], first[0]
        for cid in ctx.comp_ids:
            t0, t1 = _target(top_lv, cid), _target(first_lv, cid)
            if t0 is not None and t1 is not None and t1 < t0:
                msg = _(
                    "{at}: цель по «{cid}» {t1} ниже, чем на верхнем уровне {prev} ({t0}), откуда ведёт переход: "
                    "первая ступень следующей роли не ниже последней ступени предыдущей"
                )
                msg = msg.format(at=ctx.where(fp), cid=cid, t1=t1, prev=ctx.where(tp), t0=t0)
                out.append(ctx.problem(fp + ("targets", cid), msg, "career-edge"))
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
                    msg = _(
                        "{at}: по «{cid}» с целью {t} подходят вопросов: {n}, нужно не меньше {need} "
                        "(вопросы компетенции, у которых levels включает {t})"
                    )
                    msg = msg.format(at=ctx.where(lp), cid=cid, t=t, n=n, need=MIN_QUESTIONS_PER_TARGET)
                    out.append(ctx.problem(lp + ("targets", cid), msg, "questions-per-target"))
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
            msg = _("{at}: «{found}» — вариант, которого избегаем; по глоссарию пишем «{term}»")
            msg = msg.format(at=ctx.where(path), found=m.group(0), term=terms[m.group("variant").lower()])
            out.append(ctx.problem(path, msg, "glossary-avoid"))
    return out


RULES = (targets_complete, ladder_monotonic, ladder_sum, career_edge, questions_per_target, glossary_avoid)
