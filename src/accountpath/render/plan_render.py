"""Render an interview plan: the editable YAML file and a one-page schedule (html with print CSS, md).

The schedule shows, per interviewer, the time slots of their `minutes` (introduction, each focus
competency by weight, the candidate's questions) and the texts of their questions; a coverage
grid shows who rates which competency. PDF comes from the html via the pdf adapter.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from typing import Any, Sequence

from accountpath.i18n import _, model_language
from accountpath.messages import Msg, render
from accountpath.method.plan import (
    LIGHT_PANEL,
    MAX_FOCUS,
    OPEN_SLOT,
    PLAN_VERSION,
    candidate_questions,
    coverage_notes,
    minutes_per_question,
    person_open_questions,
    placement,
    resolve,
    time_notes,
    time_slots,
)
from accountpath.model.types import Competency, Model, Question
from accountpath.render.cardtext import card_title
from accountpath.render.scorecard import kind_labels
from accountpath.render.templating import template_env
from accountpath.vocab import OPEN_BLOCK

PLAN_FORMATS = ("yaml", "html", "md")
DENSE_QUESTIONS = 26
"""Above this many questions in a plan the schedule prints in a smaller font to stay on one A4 page."""
DENSER_QUESTIONS = 28
"""... and above this many, smaller still (long question texts of the director levels)."""


@dataclass(frozen=True)
class Slot:
    """One part of an interviewer's time: a focus competency with its questions, or intro/closing."""

    start: int
    end: int
    label: str
    competency: Competency | None
    questions: tuple[Question, ...]
    open: bool = False  # the open-question block of the interviewer's card (a note, no rating)

    @property
    def per_question(self) -> str:
        """Minutes per question of this slot, «7» or «7,5» (empty without questions)."""
        return minutes_text((self.end - self.start) / len(self.questions)) if self.questions else ""


def minutes_text(value: float) -> str:
    """Minutes for the schedule: whole, or with one decimal and a comma (the schedule is Russian)."""
    value = math.floor(value * 10) / 10
    return f"{value:.0f}" if value == int(value) else f"{value:.1f}".replace(".", ",")


def _q(text: str | None) -> str:
    """A YAML scalar: null, or a double-quoted string (JSON strings are valid YAML)."""
    return "null" if text is None else json.dumps(text, ensure_ascii=False)


def _comment(text: str, indent: str = "") -> str:
    return f"{indent}# " + " ".join(str(text).split())


def plan_yaml(model: Model, plan: dict[str, Any], notes: Sequence[object] = ()) -> str:
    """The plan as an editable YAML file with Russian comments (its data reads back as `plan`)."""
    role, level = resolve(model, plan["role"], plan["level"])
    names = {c.id: c.name for c in model.competencies}
    lines = [
        _comment(render("plan-file.head")),
        _comment(render("plan-file.rules", {"title": card_title(role, level), "m": MAX_FOCUS})),
    ]
    lines += [_comment(render("plan-file.warning", {"note": note})) for note in notes]
    lines += [
        f"plan: {PLAN_VERSION}",
        f"role: {role.id}",
        f"level: {level.id}",
        f"candidate: {_q(plan.get('candidate'))}  " + _comment(render("plan-file.candidate")),
        f"minutes: {int(plan['minutes'])}  " + _comment(render("plan-file.minutes")),
        "interviewers:",
    ]
    for person in plan["interviewers"]:
        lines.append(f"  - name: {_q(person['name'])}")
        lines.append(_comment("; ".join(_describe(model, plan, cid) for cid in person["focus"]), "    "))
        lines.append(f"    focus: [{', '.join(person['focus'])}]")
        lines.append("    questions:" + ("" if person["questions"] else " []"))
        for qid in person["questions"]:
            q = model.question(qid)
            lines.append(f"      - {qid}  " + _comment(f"{names[q.competency]}: {q.text}" if q else ""))
    lines.append("")
    lines.append(_comment(render("plan-file.spare")))
    for rc in role.by_weight():
        ids = ", ".join(q.id for q in candidate_questions(model, rc.id, level.targets[rc.id], role, level))
        lines.append(_comment(f"{rc.id}: {ids}"))
    return "\n".join(lines) + "\n"


def _describe(model: Model, plan: dict[str, Any], cid: str) -> str:
    role, level = resolve(model, plan["role"], plan["level"])
    rc = role.weighted(cid)
    comp = model.competency(cid)
    must = Msg.of("plan-file.must-have") if rc and rc.must_have else ""
    params = {"name": comp.name if comp else cid, "w": rc.weight if rc else 0, "must": must}
    return render("plan-file.focus", {**params, "t": level.targets.get(cid, "?")})


def slots(model: Model, plan: dict[str, Any], person: dict[str, Any]) -> list[Slot]:
    """The interviewer's time slots with their questions (each question under the first focus it rates)."""
    placed = placement(model, person)
    out = []
    for start, end, cid in time_slots(model, plan, person):
        if cid is None:
            label = _("Знакомство, как пройдёт интервью") if start == 0 else _("Вопросы кандидата, следующие шаги")
            out.append(Slot(start, end, label, None, ()))
            continue
        if cid == OPEN_SLOT:
            qs = tuple(person_open_questions(model, plan, person))
            out.append(Slot(start, end, _(OPEN_BLOCK), None, qs, open=True))
            continue
        comp = model.competency(cid)
        assert comp is not None, cid  # a checked plan names competencies of its model
        out.append(Slot(start, end, comp.name, comp, tuple(placed[cid])))
    return out


def schedule_view(model: Model, plan: dict[str, Any]) -> dict[str, Any]:
    """Everything the schedule templates show."""
    role, level = resolve(model, plan["role"], plan["level"])
    people = []
    for person in plan["interviewers"]:
        parts = slots(model, plan, person)
        intro = parts[0] if parts and parts[0].competency is None else None
        closing = parts[-1] if len(parts) > 1 and parts[-1].competency is None else None
        people.append(
            {
                "name": person["name"],
                "focus": person["focus"],
                "slots": parts,
                "intro": intro,
                "closing": closing,
                "parts": [s for s in parts if s.competency is not None or s.open],
                "per_question": minutes_text(minutes_per_question(model, plan, person)),
            }
        )
    comp_names = {c.id: c.name for c in model.competencies}
    coverage = coverage_notes(model, role, [p["focus"] for p in plan["interviewers"]], level)
    grid = [
        {
            "rc": rc,
            "name": comp_names[rc.id],
            "target": level.targets[rc.id],
            "marks": [rc.id in p["focus"] for p in plan["interviewers"]],
        }
        for rc in role.by_weight()
    ]
    return {
        "title": card_title(role, level),
        "role": role,
        "level": level,
        "plan": plan,
        "people": people,
        "grid": grid,
        "kinds": kind_labels(),
        "notes": [str(n) for n in coverage if n.code != LIGHT_PANEL],
        "light_notes": [str(n) for n in coverage if n.code == LIGHT_PANEL],
        "time_notes": [str(n) for n in time_notes(model, plan)],
        "clock": clock,
        "dense": sum(len(p["questions"]) for p in plan["interviewers"]) > DENSE_QUESTIONS,
        "denser": sum(len(p["questions"]) for p in plan["interviewers"]) > DENSER_QUESTIONS,
    }


def clock(minutes: int) -> str:
    """Minutes from the start as H:MM (0:05, 1:00)."""
    return f"{minutes // 60}:{minutes % 60:02d}"


@model_language
def render_plan(model: Model, plan: dict[str, Any], fmt: str, notes: Sequence[object] = ()) -> str:
    """The plan in one format: yaml (editable file), html (one-page schedule, print CSS) or md."""
    if fmt == "yaml":
        return plan_yaml(model, plan, notes)
    if fmt in ("html", "md"):
        return template_env(fmt == "html").get_template(f"plan.{fmt}.j2").render(**schedule_view(model, plan))
    raise ValueError(
        _("неизвестный формат плана «{fmt}»; форматы: {formats} (pdf — из html через accountpath.pdf)").format(
            fmt=fmt, formats=", ".join(PLAN_FORMATS)
        )
    )
