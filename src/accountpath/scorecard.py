"""Blank interview scorecards for one role and level: html, md, yaml (the fillable form that
`accountpath evaluate` reads) and xlsx (read back too). Pure: model in, bytes out."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache

import jinja2

from .cache import template_cache
from .mdtext import md_escape
from .model import Competency, Model, Question, Role, RoleCompetency, RoleLevel

FORMATS = ("html", "md", "yaml", "xlsx")
SHEET = "Оценка"
META_SHEET = "meta"
META_MARK = "accountpath-scorecard"
NOT_ASSESSED = "не оценивалось"
INSTRUCTION = (
    "Оценивайте самостоятельно и до общего обсуждения (дебрифа): не смотрите в оценки коллег. "
    "По каждой компетенции сравните то, что кандидат показал примерами, с поведением целевого уровня: "
    "«ниже», «соответствует» и «выше» описаны рядом, а у каждого вопроса — как звучат слабый, хороший и сильный ответ. "
    "Ставьте 1–5 или «не оценивалось», если данных не было. "
    "В заметки пишите факты и цитаты, а не впечатления."
)
KIND_LABELS = {"behavioral": "поведенческий", "situational": "ситуационный", "case": "кейс", "open": "без правильного ответа"}
ANCHOR_LABELS = {"weak": "Слабый ответ", "solid": "Хороший ответ", "strong": "Сильный ответ"}
"""How the three answer anchors of a question are labelled on scorecards and pages."""


class ScorecardError(ValueError):
    """An unknown role or level; the message lists the valid ids."""


@dataclass(frozen=True)
class Item:
    """One competency as the scorecard shows it."""

    rc: RoleCompetency
    competency: Competency
    target: int
    below: tuple[str, ...]
    at: tuple[str, ...]
    above: tuple[str, ...]
    questions: tuple[Question, ...]


@dataclass(frozen=True)
class Card:
    """Everything a blank scorecard shows, in weight order."""

    model: Model
    role: Role
    level: RoleLevel
    items: tuple[Item, ...]
    candidate: str
    interviewer: str
    date: str


def resolve(model: Model, role_id: str | None, level_id: str | None) -> tuple[Role, RoleLevel]:
    """The role and level, or ScorecardError naming the valid ids."""
    role = model.role(role_id or "")
    if role is None:
        raise ScorecardError(f"unknown role '{role_id}'; valid roles: {', '.join(r.id for r in model.roles)}")
    level = role.level(level_id or "")
    if level is None:
        raise ScorecardError(f"role '{role.id}' has no level '{level_id}'; valid levels: {', '.join(lv.id for lv in role.levels)}")
    return role, level


def level_questions(model: Model, role: Role, level: RoleLevel) -> dict[str, tuple[Question, ...]]:
    """The questions an interview at this role level asks, by weighted competency (weight order).

    Chosen by the level's target only: a competency's own questions whose `levels` contain its
    target; then questions of other competencies that list it in `also_for` (the open questions)
    and whose range contains its target. Each question appears once per card: under its own
    competency when that fits, else under the first also_for competency of the card that fits.
    """
    order = [rc.id for rc in role.by_weight()]
    out: dict[str, list[Question]] = {cid: [] for cid in order}
    placed: set[str] = set()
    for cid in order:
        for q in model.competency(cid).questions_for(level.targets[cid]):
            out[cid].append(q)
            placed.add(q.id)
    for cid in order:
        for q in model.questions:
            if q.id not in placed and cid in q.also_for and q.fits(level.targets[cid]):
                out[cid].append(q)
                placed.add(q.id)
    return {cid: tuple(qs) for cid, qs in out.items()}


def card(model: Model, role_id: str, level_id: str, candidate: str | None = None,
         interviewer: str | None = None, date: str | None = None) -> Card:
    """The content of a blank scorecard."""
    role, level = resolve(model, role_id, level_id)
    questions = level_questions(model, role, level)
    items = []
    for rc in role.by_weight():
        comp = model.competency(rc.id)
        t = level.targets[rc.id]
        items.append(Item(rc, comp, t, comp.levels.get(t - 1, ()), comp.levels[t], comp.levels.get(t + 1, ()),
                          questions[rc.id]))
    return Card(model, role, level, tuple(items), candidate or "", interviewer or "", date or "")


def filename(role_id: str, level_id: str, fmt: str) -> str:
    """File name of a blank scorecard: ids only, never a person's name."""
    ext = {"yaml": "yml"}.get(fmt, fmt)
    return f"{role_id}-{level_id}.{ext}"


def safe_name_part(text: str) -> str:
    """A name made safe for a file name (latin, digits, hyphens), for callers that want one."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:40] or "x"


def render(model: Model, role_id: str, level_id: str, fmt: str, *, candidate: str | None = None,
           interviewer: str | None = None, date: str | None = None) -> bytes:
    """A blank scorecard in one format, as bytes (UTF-8 for text formats)."""
    c = card(model, role_id, level_id, candidate, interviewer, date)
    if fmt == "html":
        return template_env(True).get_template("scorecard.html.j2").render(c=c, **_ctx()).encode("utf-8")
    if fmt == "md":
        return template_env(False).get_template("scorecard.md.j2").render(c=c, **_ctx()).encode("utf-8")
    if fmt == "yaml":
        return render_yaml(c).encode("utf-8")
    if fmt == "xlsx":
        from .xlsx_card import write

        return write(c)
    raise ScorecardError(f"unknown format '{fmt}'; valid formats: {', '.join(FORMATS)}")


def render_all(model: Model) -> dict[str, bytes]:
    """Every role x level in every format: {file name: bytes}."""
    out = {}
    for role in model.roles:
        for level in role.levels:
            for fmt in FORMATS:
                out[filename(role.id, level.id, fmt)] = render(model, role.id, level.id, fmt)
    return out


def _ctx() -> dict:
    return {"instruction": INSTRUCTION, "kinds": KIND_LABELS, "not_assessed": NOT_ASSESSED, "anchor_labels": ANCHOR_LABELS}


def phrases(items) -> str:
    """Join short sentences into one line: "a; b; c." (each item's own final full stop dropped)."""
    parts = [p for p in (str(i).strip().rstrip(".;").strip() for i in items) if p]
    # later items continue the sentence: "Называет…; описывает…" (but keep "KPI", "CRM")
    parts = [p if k == 0 or len(p) < 2 or not p[1].islower() else p[0].lower() + p[1:] for k, p in enumerate(parts)]
    text = "; ".join(parts)
    return text + "." if text else ""


@lru_cache(maxsize=2)
def template_env(html: bool) -> jinja2.Environment:
    """The Jinja2 environment of the package's templates: autoescaped for HTML, with md/phrases filters."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("accountpath", "templates"),
        autoescape=html,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
        bytecode_cache=template_cache(),
    )
    env.filters["md"] = md_escape
    env.filters["phrases"] = phrases
    return env


def q(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def _comment(text: str, indent: str = "") -> str:
    return f"{indent}# " + " ".join(str(text).split())


def render_yaml(c: Card) -> str:
    """The fillable YAML form, with comments that guide the interviewer."""
    scale = {s.level: s.name for s in c.model.scale}
    lines = [
        "# Account Path: оценочный лист интервьюера",
        _comment(f"Роль: {c.role.name} ({c.role.id}); уровень: {c.level.name} ({c.level.id})"),
        _comment(INSTRUCTION),
        "# Шкала: " + "; ".join(f"{s.level} — {s.name}" for s in c.model.scale),
        "# Как сдать: сохраните файл и передайте его ведущему интервью;",
        "# итог панели считает `accountpath evaluate лист1.yml лист2.yml ...`",
        "scorecard: 1",
        f"role: {c.role.id}",
        f"level: {c.level.id}",
        f"candidate: {q(c.candidate)}  # ФИО кандидата",
        f"interviewer: {q(c.interviewer)}  # ваше имя",
        f"date: {q(c.date) if c.date else 'null'}  # ГГГГ-ММ-ДД",
        "ratings:  # целое 1..5 или null, если компетенцию не оценивали",
    ]
    for it in c.items:
        must = ", обязательная" if it.rc.must_have else ""
        lines.append("")
        lines.append(_comment(f"{it.competency.name}: вес {it.rc.weight}{must}; цель — {it.target} ({scale[it.target]})", "  "))
        for label, lv, behaviours in (("ниже", it.target - 1, it.below), ("цель", it.target, it.at), ("выше", it.target + 1, it.above)):
            if behaviours:
                lines.append(_comment(f"{label}, {lv}: " + phrases(behaviours), "  "))
        for qq in it.questions:
            lines.append(_comment(f"вопрос ({KIND_LABELS[qq.kind]}): {qq.text}", "  "))
            for key, label in ANCHOR_LABELS.items():
                lines.append(_comment(f"{label.lower()}: {getattr(qq.anchors, key)}", "    "))
        lines.append(f"  {it.rc.id}: null")
    lines.append("notes:  # факты и цитаты по каждой компетенции")
    for it in c.items:
        lines.append(f"  {it.rc.id}: \"\"")
    lines.append("overall_notes: \"\"  # общее впечатление, сильные стороны, риски")
    return "\n".join(lines) + "\n"
