"""The model's rules beyond the JSON Schema: one function per rule, each returning Problems at the
line and column of the offending value, with a Russian message that ends with the rule's name
in brackets, e.g. «... [ladder-monotonic]». Every rule tolerates malformed parts (the schema
reports those). `problems(doc)` runs them all; RULES lists them in order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from accountpath.i18n import _
from accountpath.model import rules_ladder, rules_steps
from accountpath.model.rulebase import Ctx, is_int, items, unknown
from accountpath.model.yamlsource import DocPath
from accountpath.problems import Problem

# ---------------------------------------------------------------- structure and references


def scale_order(ctx: Ctx) -> list[Problem]:
    """The scale lists levels 1..5 in order."""
    out = []
    for i, item in items(ctx.data, "scale"):
        lv = item.get("level")
        if is_int(lv) and lv != i + 1:
            msg = _("scale[{n}]: уровень должен быть {n} (шкала перечисляет уровни 1..5 по порядку), а не {lv}")
            out.append(ctx.problem(("scale", i, "level"), msg.format(n=i + 1, lv=lv), "scale-order"))
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
            msg = _(
                "evaluation.bands: {lo} ({vlo}) должен быть ниже, чем {hi} ({vhi}): пороги идут strong_hire > hire > no_hire"
            )
            out.append(
                ctx.problem(
                    ("evaluation", "bands", lo), msg.format(lo=lo, vlo=bands[lo], hi=hi, vhi=bands[hi]), "bands-order"
                )
            )
    return out


def _duplicates(ctx: Ctx, entries: list[tuple[DocPath, Any]], what: str) -> list[Problem]:
    seen: dict[str, int] = {}
    out = []
    for path, ident in entries:
        if not isinstance(ident, str):
            continue
        if ident in seen:
            msg = _("повторяется id {what} «{ident}» (впервые в строке {line})")
            out.append(ctx.problem(path, msg.format(what=what, ident=ident, line=seen[ident]), "unique-ids"))
        else:
            seen[ident] = ctx.doc.pos(path)[0]
    return out


def unique_ids(ctx: Ctx) -> list[Problem]:
    """Competency, source, role and question ids are unique in the model; levels and weights within a role."""
    out = _duplicates(ctx, [(("competencies", i, "id"), c.get("id")) for i, c in ctx.comps], _("компетенции"))
    out += _duplicates(
        ctx, [(("sources", i, "id"), s.get("id")) for i, s in items(ctx.data, "sources")], _("источника")
    )
    out += _duplicates(ctx, [(p + ("id",), q.get("id")) for p, q, _c in ctx.questions()], _("вопроса"))
    out += _duplicates(ctx, [(("roles", i, "id"), r.get("id")) for i, r in ctx.roles], _("роли"))
    for i, role in ctx.roles:
        rp = ("roles", i)
        out += _duplicates(
            ctx,
            [(rp + ("competencies", j, "id"), rc.get("id")) for j, rc in items(role, "competencies")],
            _("компетенции роли {role}").format(role=ctx.where(rp)),
        )
        out += _duplicates(
            ctx,
            [(rp + ("levels", j, "id"), lv.get("id")) for j, lv in items(role, "levels")],
            _("уровня роли {role}").format(role=ctx.where(rp)),
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
                ctx.problem(path, unknown(_("такого источника нет в sources"), src, ctx.source_ids), "known-source")
            )
    return out


def role_competency(ctx: Ctx) -> list[Problem]:
    """A role's weighted competencies are competencies of the model."""
    out = []
    for i, role in ctx.roles:
        for j, rc in items(role, "competencies"):
            cid = rc.get("id")
            if isinstance(cid, str) and ctx.comp_ids and cid not in ctx.comp_ids:
                msg = (
                    f"{ctx.where(('roles', i))}: {unknown(_('такой компетенции в модели нет'), cid, set(ctx.comp_ids))}"
                )
                out.append(ctx.problem(("roles", i, "competencies", j, "id"), msg, "role-competency"))
    return out


def weights_sum(ctx: Ctx) -> list[Problem]:
    """A role's competency weights are whole numbers summing to 100."""
    out = []
    for i, role in ctx.roles:
        weights: list[Any] = [rc.get("weight") for _j, rc in items(role, "competencies")]
        if not weights or not all(is_int(w) for w in weights) or sum(weights) == 100:
            continue
        msg = _("{role}: веса компетенций в сумме дают {total}, а должны давать 100")
        out.append(
            ctx.problem(
                ("roles", i, "competencies"),
                msg.format(role=ctx.where(("roles", i)), total=sum(weights)),
                "weights-sum",
                key=True,
            )
        )
    return out


def salary_range(ctx: Ctx) -> list[Problem]:
    """A salary range has min, max or both, and min <= max."""
    out = []
    for i, role in ctx.roles:
        at = ctx.where(("roles", i))
        for j, sal in items(role, "salary"):
            lo, hi = sal.get("min"), sal.get("max")
            if is_int(lo) and is_int(hi) and lo > hi:
                msg = _("{at}: верхняя граница зарплаты {hi} ниже нижней {lo}").format(at=at, hi=hi, lo=lo)
                out.append(ctx.problem(("roles", i, "salary", j, "max"), msg, "salary-range"))
            if lo is None and hi is None:
                msg = _("{at}: у зарплатной вилки нужна нижняя граница, верхняя или обе").format(at=at)
                out.append(ctx.problem(("roles", i, "salary", j), msg, "salary-range"))
    return out


def salary_level(ctx: Ctx) -> list[Problem]:
    """A salary's `level` names a level of the same role."""
    out = []
    for i, role in ctx.roles:
        level_ids = {lv.get("id") for _j, lv in items(role, "levels")}
        for j, sal in items(role, "salary"):
            lv = sal.get("level")
            if isinstance(lv, str) and lv not in level_ids:
                msg = f"{ctx.where(('roles', i))}: {unknown(_('такого уровня у роли нет'), lv, level_ids)}"
                out.append(ctx.problem(("roles", i, "salary", j, "level"), msg, "salary-level"))
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
                    msg = _("{role}: career.{key}: {what} (для роли вне модели напишите обычный текст)")
                    what = unknown(_("такой роли в модели нет"), entry, set(ctx.role_ids))
                    msg = msg.format(role=ctx.where(("roles", i)), key=key, what=what)
                    out.append(ctx.problem(("roles", i, "career", key, j), msg, "career-id"))
    return out


def question_levels(ctx: Ctx) -> list[Problem]:
    """A question's `levels: [min, max]` has min <= max."""
    out = []
    for path, q, _c in ctx.questions():
        lv = q.get("levels")
        if isinstance(lv, list) and len(lv) == 2 and all(is_int(x) for x in lv) and lv[0] > lv[1]:
            msg = _("{at}: levels [{lo}, {hi}]: нижняя граница больше верхней, нужно [min, max]")
            out.append(
                ctx.problem(path + ("levels",), msg.format(at=ctx.where(path), lo=lv[0], hi=lv[1]), "question-levels")
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
                msg = f"{ctx.where(path)}: also_for: {unknown(_('такой компетенции в модели нет'), cid, set(ctx.comp_ids))}"
            elif cid == c.get("id"):
                msg = _("{at}: also_for повторяет собственную компетенцию вопроса «{cid}»").format(
                    at=ctx.where(path), cid=cid
                )
            else:
                continue
            out.append(ctx.problem(path + ("also_for", k), msg, "also-for"))
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
