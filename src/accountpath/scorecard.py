"""Blank interview scorecards for one role and level: html, md, yaml (the fillable form that
`accountpath evaluate` reads) and xlsx (read back too). Pure: model in, bytes out."""

from __future__ import annotations

import json
from dataclasses import dataclass

from .model import Competency, Model, Question, Role, RoleCompetency, RoleLevel
from .templating import phrases, template_env
from .vocab import CARD_VERSION, NOT_ASSESSED, QUESTION_KIND_LABELS, QUESTION_KINDS, SCORECARD_INSTRUCTION
from .xlsx_card import write as write_xlsx

FORMATS = ("html", "md", "yaml", "json", "xlsx")
INSTRUCTION = SCORECARD_INSTRUCTION
KIND_LABELS = {kind: label.lower() for kind, label in QUESTION_KIND_LABELS.items()}
"""Question kinds as a card names them inside a line: «(поведенческий)»."""
_KIND_ORDER = QUESTION_KINDS
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
    if fmt == "json":
        return render_json(c).encode("utf-8")
    if fmt == "xlsx":
        return write_xlsx(c)
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


def render_json(c: Card) -> str:
    """The blank card as the browser evaluator imports it: the keys of a filled card, every rating null."""
    data = {
        "scorecard": CARD_VERSION, "role": c.role.id, "level": c.level.id, "candidate": c.candidate,
        "interviewer": c.interviewer, "date": c.date or None,
        "ratings": {it.rc.id: None for it in c.items}, "notes": {it.rc.id: "" for it in c.items},
        "overall_notes": "",
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
