"""Generate the site's Markdown pages from the model.

`build(model)` is pure: it returns {relative .md path: markdown} and never touches the disk.
The MkDocs hook (scripts/mkdocs_hooks.py) adds these pages to the site as generated files;
`accountpath pages --out DIR` writes the same pages to a folder.

Templates live in templates/pages/*.md.j2 and only present what this module hands them:
every fact comes from the model. Model text is escaped for Markdown with the `md` filter
(and `cell` inside table cells), so `<`, `|`, `*` and friends cannot change the page.
`site_data(model)` is the compact JSON the in-browser tools read.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import jinja2

from . import svg
from .career_map import career_entries, career_flow, outside_entries  # noqa: F401 (re-exported)
from .evaluate import round2
from .market_page import ESTIMATE_LABEL, roles_without_salary, salary_table
from .mdtext import md_escape
from .model import Competency, Model, Question, Role, RoleLevel

KIND_LABELS = {
    "behavioral": "Поведенческий",
    "situational": "Ситуационный",
    "case": "Кейс",
    "open": "Без правильного ответа",
}
"""Russian names of the question kinds, in the model's order."""

KIND_PLURALS = {
    "behavioral": "Поведенческие вопросы",
    "situational": "Ситуационные вопросы",
    "case": "Кейсы",
    "open": "Вопросы без правильного ответа",
}

RECOMMENDATION_LABELS = {
    "strong_hire": "Однозначно нанимать",
    "hire": "Нанимать",
    "no_hire": "Не нанимать",
    "strong_no_hire": "Однозначно не нанимать",
    "insufficient_data": "Недостаточно данных",
}

SCORECARD_FORMATS = (("html", "HTML"), ("md", "Markdown"), ("yaml", "YAML"), ("xlsx", "Excel"))
"""Blank scorecard formats linked from the site, with their labels."""

SCORECARD_DIR = "scorecards/files"
"""Folder of the site (relative to docs) where the hook puts the blank scorecards."""


# ---------------------------------------------------------------- escaping and formatting

def cell(text: object) -> str:
    """Escape model text for a Markdown table cell (pipes included, one line)."""
    return md_escape(text)


def attr(text: object) -> str:
    """Escape text for an HTML attribute value inside raw HTML."""
    return (str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;").replace("'", "&#39;"))


def yq(text: object) -> str:
    """A YAML double-quoted scalar for front matter (JSON strings are valid YAML), HTML-escaped
    because the theme prints page.meta.description into a <meta> attribute unescaped."""
    return json.dumps(attr(" ".join(str(text).split())), ensure_ascii=False)


def title(text: object) -> str:
    """A page title for front matter. The theme prints it unescaped and also through
    `striptags` (which decodes entities), so angle brackets become look-alike quotes and the
    rest is entity-escaped: safe both ways."""
    s = " ".join(str(text).split()).replace("<", "‹").replace(">", "›")
    return json.dumps(s.replace("&", "&amp;").replace('"', "&quot;"), ensure_ascii=False)


def question_anchor(question_id: str) -> str:
    """The HTML id of a question on every page that shows it: 'q-' + id, unless the id
    already starts with 'q-' (then the id itself)."""
    return question_id if question_id.startswith("q-") else f"q-{question_id}"


def num(x: object) -> str:
    """A number the Russian way: decimal comma, true minus sign, at most 2 decimals."""
    if x is None:
        return "—"
    if isinstance(x, bool):
        return str(x)
    if isinstance(x, int):
        s = str(abs(x))
        neg = x < 0
    else:
        r = round2(float(x))  # the evaluator's own rounding, so the pages show its digits
        neg = r < 0
        s = f"{abs(r):.2f}".rstrip("0").rstrip(".")
    s = s.replace(".", ",")
    return ("−" + s) if neg and s not in ("0",) else s


def plural(n: int, one: str, few: str, many: str) -> str:
    """The Russian plural form for n: 1 вопрос, 2 вопроса, 5 вопросов."""
    n = abs(int(n))
    if n % 10 == 1 and n % 100 != 11:
        return one
    if n % 10 in (2, 3, 4) and n % 100 not in (12, 13, 14):
        return few
    return many


def ucfirst(text: object) -> str:
    """Capitalise the first letter only ('клиент' -> 'Клиент', 'P&L' stays)."""
    s = str(text)
    return s[:1].upper() + s[1:]


def tolerance(eps: float) -> str:
    """A tolerance like 1e-9 written as 10<sup>−9</sup>."""
    exp = round(math.log10(eps))
    if abs(10.0 ** exp - eps) > eps * 1e-6:
        return num(eps)
    return f"10<sup>−{-exp}</sup>" if exp < 0 else f"10<sup>{exp}</sup>"


def percent(x: float) -> str:
    """A share 0..1 as a percentage, e.g. 0.7 -> '70 %'."""
    return f"{num(float(x) * 100)} %"


def money(x: int | None) -> str:
    """Roubles with thin thousands separators, e.g. 120000 -> '120 000'."""
    if x is None:
        return "—"
    return f"{x:,}".replace(",", "\u202f")


def salary_range(lo: int | None, hi: int | None) -> str:
    """'80 000 – 120 000 ₽', 'от 50 000 ₽' or 'до 90 000 ₽'."""
    if lo is not None and hi is not None:
        return f"{money(lo)} – {money(hi)} ₽" if lo != hi else f"{money(lo)} ₽"
    if lo is not None:
        return f"от {money(lo)} ₽"
    return f"до {money(hi)} ₽"


def share_range(lo: float, hi: float) -> str:
    """A percentage range, e.g. '60–70 %'."""
    return f"{num(lo)} %" if lo == hi else f"{num(lo)}–{num(hi)} %"


# ---------------------------------------------------------------- derived views


@dataclass(frozen=True)
class Change:
    """A competency whose target rises between two consecutive levels of a role."""

    competency: Competency
    before: int
    after: int
    new: tuple[str, ...]


@dataclass(frozen=True)
class Step:
    """One level of a role with what changes compared to the level below."""

    level: RoleLevel
    previous: RoleLevel | None
    changes: tuple[Change, ...]


def level_steps(model: Model, role: Role) -> tuple[Step, ...]:
    """Each level of the role with the behaviours that are new compared to the level below:
    for every competency whose target rises, the behaviours of the newly required scale
    level(s) that are not already described at the lower target."""
    steps = []
    prev: RoleLevel | None = None
    for lv in role.levels:
        changes = []
        if prev is not None:
            for rc in role.competencies:
                t0, t1 = prev.targets[rc.id], lv.targets[rc.id]
                if t1 <= t0:
                    continue
                comp = model.competency(rc.id)
                known = {b for n in range(1, t0 + 1) for b in comp.levels[n]}
                new: list[str] = []
                for n in range(t0 + 1, t1 + 1):
                    for b in comp.levels[n]:
                        if b not in known and b not in new:
                            new.append(b)
                changes.append(Change(comp, t0, t1, tuple(new)))
        steps.append(Step(lv, prev, tuple(changes)))
        prev = lv
    return tuple(steps)


def roles_needing(model: Model, competency_id: str) -> list[dict[str, Any]]:
    """Roles (model order) that list the competency, with weight, must-have and targets."""
    out = []
    for role in model.roles:
        rc = next((x for x in role.competencies if x.id == competency_id), None)
        if rc is not None:
            out.append({"role": role, "rc": rc, "targets": [(lv, lv.targets[rc.id]) for lv in role.levels]})
    return out


def question_roles(model: Model, q: Question) -> list[Role]:
    """Roles whose competencies include the question's competency, model order."""
    return [r for r in model.roles if any(rc.id == q.competency for rc in r.competencies)]


def groups(model: Model) -> list[tuple[str, list[Competency]]]:
    """Competencies by group; groups in order of first appearance, model order inside."""
    out: dict[str, list[Competency]] = {}
    for c in model.competencies:
        out.setdefault(c.group, []).append(c)
    return list(out.items())


def role_link(model: Model, entry: str, prefix: str = "") -> str:
    """A career entry: a role id becomes a Markdown link, free text stays escaped text."""
    role = model.role(entry)
    if role is None:
        return md_escape(entry)
    return f"[{md_escape(role.name)}]({prefix}{role.id}.md)"


def scorecard_name(role_id: str, level_id: str, fmt: str) -> str:
    """File name of a blank scorecard (scorecard.filename when the module is there)."""
    try:
        from . import scorecard
    except ImportError:  # pragma: no cover - the lead's module may be missing early on
        scorecard = None
    if scorecard is not None and hasattr(scorecard, "filename"):
        return scorecard.filename(role_id, level_id, fmt)
    return f"{role_id}-{level_id}.{ {'yaml': 'yml'}.get(fmt, fmt) }"


def site_scorecard_name(role_id: str, level_id: str, fmt: str) -> str:
    """File name of a blank scorecard on the site: a Markdown one ends in .markdown, which
    Zensical copies as a file (an .md file would become a page)."""
    name = scorecard_name(role_id, level_id, fmt)
    return name[:-3] + ".markdown" if name.endswith(".md") else name


def scorecard_links(role: Role, level: RoleLevel, prefix: str) -> list[tuple[str, str]]:
    """(label, href) for each blank scorecard format of one role level."""
    return [(label, f"{prefix}{site_scorecard_name(role.id, level.id, fmt)}") for fmt, label in SCORECARD_FORMATS]


def worked_example(model: Model) -> dict[str, Any] | None:
    """A panel of two interviewers for the first role, evaluated by accountpath.evaluate.

    Ratings are derived from the targets so the example follows the model: interviewer A
    rates each competency at, above or below target in turn, B mostly agrees, disagrees
    strongly on one competency and leaves the last one unrated when the role has three or more.
    """
    try:
        from .evaluate import Scorecard, evaluate
    except ImportError:  # pragma: no cover
        return None
    role = model.roles[0]
    level = role.levels[(len(role.levels) - 1) // 2 if len(role.levels) > 1 else 0]
    clamp = lambda v: max(1, min(5, v))  # noqa: E731
    shifts_a = (0, 1, -1, 0, 1, 0, -1)
    a: dict[str, int | None] = {}
    b: dict[str, int | None] = {}
    comps = role.competencies
    for i, rc in enumerate(comps):
        t = level.targets[rc.id]
        a[rc.id] = clamp(t + shifts_a[i % len(shifts_a)])
        b[rc.id] = a[rc.id]
    first = comps[0].id
    b[first] = clamp(a[first] + 1) if a[first] < 5 else clamp(a[first] - 1)
    if len(comps) >= 2:
        cid = comps[1].id
        b[cid] = clamp(a[cid] - 2) if a[cid] - 2 >= 1 else clamp(a[cid] + 2)
    if len(comps) >= 3:
        a[comps[-1].id] = None
        b[comps[-1].id] = None
    cards = [
        Scorecard(role=role.id, level=level.id, candidate="Кандидат", interviewer="Интервьюер А", ratings=a),
        Scorecard(role=role.id, level=level.id, candidate="Кандидат", interviewer="Интервьюер Б", ratings=b),
    ]
    result = evaluate(model, role.id, level.id, cards)
    rows = []
    for row in result["competencies"]:
        rows.append(dict(row, competency=model.competency(row["id"]), a=a[row["id"]], b=b[row["id"]]))
    rated = [r for r in rows if r["rating"] is not None]
    best = role.level(result["best_fit_level"]) if result["best_fit_level"] else None
    return {
        "role": role, "level": level, "result": result, "rows": rows, "rated": rated,
        "rated_weight": sum(r["weight"] for r in rated), "total_weight": role.total_weight,
        "best": best, "label": RECOMMENDATION_LABELS[result["recommendation"]],
    }


# ---------------------------------------------------------------- rendering


@lru_cache(maxsize=1)
def _env() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("accountpath", "templates/pages"),
        autoescape=False,  # Markdown, not HTML: model text goes through the md/cell filters
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
        # attr_list anchors such as `{#role-id}` must not open Jinja comments
        comment_start_string="<#--",
        comment_end_string="--#>",
    )
    env.filters.update(md=md_escape, cell=cell, attr=attr, yq=yq, pagetitle=title, qa=question_anchor, num=num, percent=percent,
                       money=money, ucfirst=ucfirst)
    env.globals.update(
        kinds=KIND_LABELS, kind_plurals=KIND_PLURALS, labels=RECOMMENDATION_LABELS,
        salary_range=salary_range, share_range=share_range, role_link=role_link,
        scorecard_links=scorecard_links, plural=plural,
    )
    return env


def _render(name: str, **ctx: Any) -> str:
    text = _env().get_template(name).render(**ctx)
    # Collapse runs of blank lines the template logic leaves behind; end with one newline.
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.rstrip() + "\n"


def build(model: Model) -> dict[str, str]:
    """Every generated page of the site: {relative .md path: markdown}, deterministic."""
    scale = {s.level: s for s in model.scale}
    careers = career_entries(model)
    common = {"model": model, "scale": scale, "groups": groups(model), "careers": careers}
    pages: dict[str, str] = {}
    pages["roles/index.md"] = _render("roles_index.md.j2", **common)
    for role in model.roles:
        pages[f"roles/{role.id}.md"] = _render(
            "role.md.j2", role=role, steps=level_steps(model, role),
            comps=[(rc, model.competency(rc.id)) for rc in role.competencies], **common)
    pages["competencies/index.md"] = _render("competencies_index.md.j2", **common)
    for comp in model.competencies:
        pages[f"competencies/{comp.id}.md"] = _render(
            "competency.md.j2", c=comp, needs=roles_needing(model, comp.id),
            question_roles=lambda q: question_roles(model, q), **common)
    try:
        from .evaluate import EPS
    except ImportError:  # pragma: no cover
        EPS = 1e-9
    pages["interview/method.md"] = _render("method.md.j2", ex=worked_example(model), eps=tolerance(EPS), **common)
    pages["interview/questions.md"] = _render(
        "questions.md.j2", question_roles=lambda q: question_roles(model, q), **common)
    pages["interview/open-questions.md"] = _render(
        "open_questions.md.j2", open_qs=[q for q in model.questions if q.kind == "open"], **common)
    pages["scorecards/index.md"] = _render("scorecards_index.md.j2", files_prefix="files/", **common)
    pages["market.md"] = _render("market.md.j2", salaries=salary_table(model), estimate=ESTIMATE_LABEL,
                                 without=roles_without_salary(model), salary_chart=svg.salary_chart(model),
                                 formats_chart=svg.share_chart(model), **common)
    pages["career.md"] = _render("career.md.j2", ladder=svg.career_ladder(model, careers),
                                 flow=career_flow(model, careers), entries=outside_entries(model, careers), **common)
    pages["sources.md"] = _render("sources.md.j2", used=sources_used(model), **common)
    return pages


def sources_used(model: Model) -> dict[str, list[str]]:
    """For each source id, what the model takes from it (Russian labels), in a fixed order."""
    used: dict[str, list[str]] = {s.id: [] for s in model.sources}

    def mark(sid: str, what: str) -> None:
        if sid in used and what not in used[sid]:
            used[sid].append(what)

    for r in model.roles:
        for s in r.salary:
            mark(s.source, "зарплаты")
    for v in model.market.vacancy_formats:
        mark(v.source, "форматы вакансий")
    for f in model.market.facts:
        mark(f.source, "факты о рынке")
    for q in model.questions:
        if q.source:
            mark(q.source, "вопросы для собеседования")
    return used


def site_data(model: Model) -> dict[str, Any]:
    """The compact model the in-browser tools read (assets/data/model.json)."""
    ev = model.evaluation
    return {
        "scale": [{"level": s.level, "name": s.name, "summary": s.summary} for s in model.scale],
        "evaluation": {
            "min_coverage": ev.min_coverage,
            "disagreement_spread": ev.disagreement_spread,
            "must_have_tolerance": ev.must_have_tolerance,
            "bands": {"strong_hire": ev.bands.strong_hire, "hire": ev.bands.hire, "no_hire": ev.bands.no_hire},
        },
        "competencies": [
            {"id": c.id, "name": c.name, "group": c.group, "summary": c.summary,
             "levels": {str(n): list(b) for n, b in c.levels.items()}, "develop": list(c.develop)}
            for c in model.competencies
        ],
        "roles": [
            {"id": r.id, "name": r.name,
             "competencies": [{"id": rc.id, "weight": rc.weight, "must_have": rc.must_have} for rc in r.competencies],
             "levels": [{"id": lv.id, "name": lv.name, "targets": dict(lv.targets)} for lv in r.levels]}
            for r in model.roles
        ],
    }
