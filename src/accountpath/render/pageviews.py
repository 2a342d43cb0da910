"""Derived views of the model that the pages present: what changes between levels and along
career edges, who needs a competency, which questions a role level asks, what each source
contributed, the worked example of the method. Pure functions; the templates decide nothing."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping

from accountpath.i18n import _, decimal
from accountpath.method.evaluate import Scorecard, evaluate
from accountpath.model.types import Competency, Model, Question, Role, RoleLevel
from accountpath.render.debrief_text import reason_text
from accountpath.render.market_page import describe, short_range
from accountpath.render.scorecard import level_questions
from accountpath.vocab import VERDICT_LABELS as RECOMMENDATION_LABELS  # noqa: E402  (the verdicts' labels, re-exported)


def question_anchor(question_id: str) -> str:
    """The HTML id of a question on every page that shows it: 'q-' + id, unless the id
    already starts with 'q-' (then the id itself)."""
    return question_id if question_id.startswith("q-") else f"q-{question_id}"


@dataclass(frozen=True)
class Change:
    """A competency whose target rises from one level to the next: the behaviour at the new
    target and the development steps that lead there."""

    competency: Competency
    before: int
    after: int
    behaviours: tuple[str, ...]
    develop: tuple[tuple[int, tuple[str, ...]], ...]


@dataclass(frozen=True)
class Step:
    """One level of a role with what changes compared to the level below."""

    level: RoleLevel
    previous: RoleLevel | None
    changes: tuple[Change, ...]


@dataclass(frozen=True)
class Bridge:
    """A career edge between two roles: the top level of one, the first level of the next."""

    source: Role
    source_level: RoleLevel
    target: Role
    target_level: RoleLevel
    changes: tuple[Change, ...]
    via: Role | None = None  # a skipped one-level role in between (agencies without that step)


def changes(model: Model, lower: Mapping[str, int], upper: Mapping[str, int]) -> tuple[Change, ...]:
    """Every competency (model order) whose target rises from `lower` to `upper`."""
    out = []
    for comp in model.competencies:
        t0, t1 = lower[comp.id], upper[comp.id]
        if t1 > t0:
            steps = tuple((n, comp.develop[n]) for n in range(t0 + 1, t1 + 1) if n in comp.develop)
            out.append(Change(comp, t0, t1, comp.levels[t1], steps))
    return tuple(out)


def level_steps(model: Model, role: Role) -> tuple[Step, ...]:
    """Each level of the role with the competencies whose target rises compared to the level below."""
    steps = []
    prev: RoleLevel | None = None
    for lv in role.levels:
        steps.append(Step(lv, prev, changes(model, prev.targets, lv.targets) if prev else ()))
        prev = lv
    return tuple(steps)


def bridges(model: Model) -> tuple[Bridge, ...]:
    """Every career edge between roles of the model (`career.to` naming a role id), model order."""
    out = []
    for role in model.roles:
        for entry in role.career.to:
            nxt = model.role(entry)
            if nxt is None or nxt.id == role.id:
                continue
            top, first = role.levels[-1], nxt.levels[0]
            out.append(Bridge(role, top, nxt, first, changes(model, top.targets, first.targets)))
    return tuple(out)


def skip_bridges(model: Model) -> tuple[Bridge, ...]:
    """Paths that skip a one-level role in between (A -> B -> C along `career.to`, B with one level,
    no edge A -> C): agencies without B's step promote from A's top level straight to C's first. Such a
    path is no career edge (targets may rise by two), so the pages present it from the two levels' targets."""
    out = []
    for b1 in bridges(model):
        if len(b1.target.levels) != 1:
            continue
        for b2 in bridges(model):
            if b2.source.id != b1.target.id or b2.target.id == b1.source.id:
                continue
            if b2.target.id in b1.source.career.to:
                continue
            top, first = b1.source_level, b2.target_level
            out.append(Bridge(b1.source, top, b2.target, first, changes(model, top.targets, first.targets), b1.target))
    return tuple(out)


def grid_columns(model: Model) -> list[tuple[Role, RoleLevel]]:
    """Every role level of the model, role by role: the columns of the growth grid."""
    return [(r, lv) for r in model.roles for lv in r.levels]


def pay_ratios(model: Model) -> list[dict[str, Any]]:
    """The project's pay guide (◇) in ladder order: each level with a `pay_ratio` whose base level exists,
    with both (role, level) pairs and the ratio as text («1,3–1,5» in Russian)."""
    where = {lv.id: (r, lv) for r, lv in reversed(grid_columns(model))}
    rows = []
    for r, lv in grid_columns(model):
        ratio = lv.pay_ratio
        if ratio is None or ratio.of not in where:
            continue
        low, high = decimal(ratio.min), decimal(ratio.max)
        text = low if low == high else f"{low}–{high}"
        rows.append({"role": r, "level": lv, "base": where[ratio.of], "text": text})
    return rows


def _band_index(model: Model) -> dict[str, tuple[float, float]]:
    """Each level's band middle as a (low, high) multiple of the first level's, following the `pay_ratio`
    chain; a level whose chain does not reach the first level is left out."""
    columns = grid_columns(model)
    if not columns:
        return {}
    levels = {lv.id: lv for _r, lv in columns}
    index: dict[str, tuple[float, float]] = {columns[0][1].id: (1.0, 1.0)}

    def walk(level_id: str, seen: frozenset[str]) -> tuple[float, float] | None:
        if level_id in index:
            return index[level_id]
        lv = levels.get(level_id)
        if lv is None or lv.pay_ratio is None or level_id in seen:
            return None
        base = walk(lv.pay_ratio.of, seen | {level_id})
        if base is None:
            return None
        index[level_id] = (base[0] * lv.pay_ratio.min, base[1] * lv.pay_ratio.max)
        return index[level_id]

    for _r, lv in columns:
        walk(lv.id, frozenset())
    return index


SAME_BAND = 1.2  # band middles closer than the usual 20 % step count as about the same band (◇)


def same_band_steps(model: Model) -> list[dict[str, Any]]:
    """Career edges between roles (top level of one role -> first level of the next) along which the pay
    ratios put both band middles within the usual step of each other: a change of branch rather than a
    promotion in pay. Model order, each edge once, as {source, target} roles and {low, high} levels."""
    index = _band_index(model)
    out: list[dict[str, Any]] = []
    for role in model.roles:
        edges: list[tuple[Role | None, Role | None]] = [(role, model.role(rid)) for rid in role.career.to]
        edges += [(model.role(rid), role) for rid in role.career.from_]
        for src, dst in edges:
            if src is None or dst is None or src is dst or not src.levels or not dst.levels:
                continue
            lo, hi = src.levels[-1], dst.levels[0]
            if lo.id not in index or hi.id not in index or any(e["low"] is lo and e["high"] is hi for e in out):
                continue
            mid_lo, mid_hi = sum(index[lo.id]) / 2, sum(index[hi.id]) / 2
            if max(mid_lo, mid_hi) < SAME_BAND * min(mid_lo, mid_hi):
                out.append({"source": src, "target": dst, "low": lo, "high": hi})
    return out


def late_rise(model: Model, competency_id: str) -> tuple[Role, RoleLevel] | None:
    """The first grid column after the first role whose target for the competency is above the first
    role's top level (e.g. where initiative rises again after the senior AM), or None."""
    if not model.roles or not model.roles[0].levels or model.competency(competency_id) is None:
        return None
    top = model.roles[0].levels[-1].targets[competency_id]
    return next(
        ((r, lv) for r, lv in grid_columns(model)[len(model.roles[0].levels) :] if lv.targets[competency_id] > top),
        None,
    )


def roles_needing(model: Model, competency_id: str) -> list[dict[str, Any]]:
    """Every role (model order) with its weight for the competency (None: not rated in interviews)
    and its target at each level."""
    return [
        {"role": r, "rc": r.weighted(competency_id), "targets": [(lv, lv.targets[competency_id]) for lv in r.levels]}
        for r in model.roles
    ]


def question_roles(model: Model, q: Question) -> list[Role]:
    """Roles (model order) that ask this question at some level: a weighted competency it rates
    has a target there inside the question's level range. An open question goes only to the
    roles its article names (`roles`)."""
    return [
        r
        for r in model.roles
        if (not q.roles or r.id in q.roles)
        and any(q.rates(rc.id) and q.fits(lv.targets[rc.id]) for rc in r.competencies for lv in r.levels)
    ]


def also_asked(model: Model, competency_id: str) -> list[Question]:
    """Questions of other competencies that also rate this one (`also_for`), model order."""
    return [q for q in model.questions if competency_id in q.also_for]


def groups(model: Model) -> list[tuple[str, list[Competency]]]:
    """Competencies by group; groups in order of first appearance, model order inside."""
    out: dict[str, list[Competency]] = {}
    for c in model.competencies:
        out.setdefault(c.group, []).append(c)
    return list(out.items())


def role_level_questions(model: Model, role: Role) -> dict[str, list[tuple[Competency, int, tuple[Question, ...]]]]:
    """For each level id: (competency, target, questions) in weight order, as the scorecard picks them."""
    comps = {c.id: c for c in model.competencies}
    out = {}
    for lv in role.levels:
        picked = level_questions(model, role, lv)
        out[lv.id] = [(comps[cid], lv.targets[cid], qs) for cid, qs in picked.items()]
    return out


_ORDINALS = ("первый", "второй", "третий", "четвёртый", "пятый", "шестой")
_OF = {2: "двух", 3: "трёх", 4: "четырёх", 5: "пяти", 6: "шести"}


def level_position(role: Role, level: RoleLevel) -> str:
    """Where a level stands in its role, in words: 'второй из трёх уровней', or 'единственный уровень'."""
    n, i = len(role.levels), [lv.id for lv in role.levels].index(level.id)
    if n == 1:
        return "единственный уровень"
    if n not in _OF:
        return f"уровень {i + 1} из {n}"
    return f"{_ORDINALS[i]} из {_OF[n]} уровней"


def role_level_name(role: Role, level: RoleLevel) -> str:
    """'Role: level' for a level shown outside its role page, or just the level when it is named like
    its role (never 'Аккаунт-менеджер: Аккаунт-менеджер')."""
    return level.name if level.name == role.name else f"{role.name}: {level.name}"


def _example_ratings(role: Role, level: RoleLevel) -> tuple[dict[str, int | None], dict[str, int | None]]:
    """Two interviewers' ratings derived from the targets: A at, above or below target in turn;
    B mostly agrees, disagrees strongly on one competency; the last one is left unrated."""

    def clamp(v: int) -> int:
        return max(1, min(5, v))

    shifts_a = (0, 1, -1, 0, 1, 0, -1)
    comps = role.competencies
    rated: dict[str, int] = {
        rc.id: clamp(level.targets[rc.id] + shifts_a[i % len(shifts_a)]) for i, rc in enumerate(comps)
    }
    a: dict[str, int | None] = dict(rated)
    b = dict(a)
    first = comps[0].id
    b[first] = clamp(rated[first] + 1) if rated[first] < 5 else clamp(rated[first] - 1)
    if len(comps) >= 2:
        cid = comps[1].id
        b[cid] = clamp(rated[cid] - 2) if rated[cid] - 2 >= 1 else clamp(rated[cid] + 2)
    if len(comps) >= 3:
        a[comps[-1].id] = None
        b[comps[-1].id] = None
    return a, b


def worked_example(model: Model) -> dict[str, Any] | None:
    """A panel of two interviewers for the first role's middle level, evaluated by accountpath.evaluate."""
    role = model.roles[0]
    level = role.levels[(len(role.levels) - 1) // 2 if len(role.levels) > 1 else 0]
    a, b = _example_ratings(role, level)
    cards = [
        Scorecard(role=role.id, level=level.id, candidate=_("Кандидат"), interviewer=_("Интервьюер А"), ratings=a),
        Scorecard(role=role.id, level=level.id, candidate=_("Кандидат"), interviewer=_("Интервьюер Б"), ratings=b),
    ]
    result = evaluate(model, role.id, level.id, cards)
    rows = [
        dict(row, competency=model.competency(row["id"]), a=a[row["id"]], b=b[row["id"]])
        for row in result["competencies"]
    ]
    rated = [r for r in rows if r["rating"] is not None]
    best = role.level(result["best_fit_level"]) if result["best_fit_level"] else None
    return {
        "role": role,
        "level": level,
        "result": result,
        "rows": rows,
        "rated": rated,
        "rated_weight": sum(r["weight"] for r in rated),
        "total_weight": role.total_weight,
        "best": best,
        "label": _(RECOMMENDATION_LABELS[result["recommendation"]]),
        "reasons": [reason_text(x) for x in result["not_ready"]],
        "position": level_position(role, level),
    }


@dataclass(frozen=True)
class Contribution:
    """What one source gave the site under one heading: (text, link from the site root) entries."""

    label: str
    entries: tuple[tuple[str, str], ...]


def _role_refs(r: Role) -> list[tuple[str | None, str, str, str]]:
    """(source id, heading, text, link) of everything one role takes from the articles."""
    refs: list[tuple[str | None, str, str, str]] = [
        (v.source, "Взгляд на роль", r.name, f"roles/{r.id}.md#views") for v in r.views
    ]
    for key, given in r.from_sources.items():  # the keys are the role page's section anchors
        refs += [
            (g.source, "Обязанности, KPI и карьера ролей", f"{r.name}: {g.text}", f"roles/{r.id}.md#{key}")
            for g in given
        ]
    refs += [
        (
            lv.experience_source,
            "Опыт по уровням",
            f"{role_level_name(r, lv)} — {lv.experience}",
            f"roles/{r.id}.md#level-{lv.id}",
        )
        for lv in r.levels
        if lv.experience_source
    ]
    refs += [
        (s.source, "Зарплаты", f"{r.name}, {describe(s)}: {short_range(s)}", f"roles/{r.id}.md#salary")
        for s in r.salary
    ]
    return refs


def _contributions(model: Model) -> dict[str, dict[str, list[tuple[str, str]]]]:
    used: dict[str, dict[str, list[tuple[str, str]]]] = {s.id: {} for s in model.sources}

    def mark(sid: str | None, label: str, text: str, link: str) -> None:
        if sid in used and (text, link) not in used[sid].setdefault(label, []):
            used[sid][label].append((text, link))

    for c in model.competencies:
        for q in c.questions:
            mark(q.source, "Вопросы для собеседования", q.text, f"competencies/{c.id}.md#{question_anchor(q.id)}")
    for r in model.roles:
        for sid, label, text, link in _role_refs(r):
            mark(sid, label, text, link)
    for vf in model.market.vacancy_formats:
        mark(vf.source, "Форматы вакансий", vf.format, "market.md#formats")
    for f in model.market.facts:
        mark(f.source, "Факты о рынке", f.text, "market.md#demand")
    return used


def sources_used(model: Model) -> dict[str, tuple[Contribution, ...]]:
    """For each source id, what the model takes from it (collected from every `source:` field)."""
    return {
        sid: tuple(Contribution(label, tuple(entries)) for label, entries in by_label.items())
        for sid, by_label in _contributions(model).items()
    }
