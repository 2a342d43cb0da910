"""Blank interview scorecards for one role and level: html, md, yaml (the fillable form that
`accountpath evaluate` reads) and xlsx (read back too). Pure: model in, bytes out.

A card is full (every weighted competency of the role, every level-matched question) or focused
(a subset `focus`, from a plan's interviewer or an explicit list, with the plan's questions or two
level-matched ones per competency). Every card asks for the interviewer's overall recommendation
and key take-aways and carries `focus`, so a filled card says what it covered."""

from __future__ import annotations

import dataclasses
import json
import re
from dataclasses import dataclass
from typing import Any, Sequence

from accountpath.i18n import _, model_language, nplural
from accountpath.method.plan import choose_questions, offered, open_placement, open_questions, place_questions
from accountpath.model.types import Competency, Model, Question, Role, RoleCompetency, RoleLevel
from accountpath.names import short_hash
from accountpath.render.cardtext import (
    FOCUSED_INSTRUCTION,
    GRADUATE_FIRST,
    GRADUATE_LEAD,
    OPEN_HOME,
    OPEN_NOTE,
    REVEALS_LABEL,
    card_title,
    level_heading,
    top_rating_rule,
)
from accountpath.render.templating import phrases, template_env
from accountpath.render.vacancy import experience_id
from accountpath.render.xlsx_card import write as write_xlsx
from accountpath.vocab import (
    ANCHOR_LABELS,
    CARD_VERSION,
    NOT_ASSESSED,
    OPEN_BLOCK,
    QUESTION_KIND_LABELS,
    RECOMMENDATIONS,
    SCOPE_LABELS,
    SCORECARD_INSTRUCTION,
    TAKE_HOME_NOT_DONE,
    TAKE_HOME_SHEET,
    anchors_rule,
    recommendation_label,
    take_home_rule,
)

FORMATS = ("html", "md", "yaml", "json", "xlsx")
INSTRUCTION = SCORECARD_INSTRUCTION
KIND_LABELS = {kind: label.lower() for kind, label in QUESTION_KIND_LABELS.items()}
"""Question kinds as a Russian card names them inside a line: «(поведенческий)»."""


def kind_labels() -> dict[str, str]:
    """Question kinds as a card names them inside a line, in the language in force."""
    return {kind: _(label).lower() for kind, label in QUESTION_KIND_LABELS.items()}


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
    graduate_first: bool = False  # the first question is the situational one a graduate answers first

    @property
    def instead(self) -> bool:
        """A graduate-first item with a behavioural question: the situational one is asked instead of it."""
        return self.graduate_first and any(q.kind == "behavioral" for q in self.questions)


def takes_graduates(level: RoleLevel) -> bool:
    """The level is open to people without experience (hh.ru's «нет опыта»): the kit's screening and the
    sheets treat its candidates as possible graduates."""
    return experience_id(level) == "noExperience"


def graduate_questions(comp: Competency, target: int) -> list[Question]:
    """The competency's situational questions whose levels hold the target: what a graduate shows it on."""
    return [q for q in comp.questions if q.kind == "situational" and q.levels[0] <= target <= q.levels[-1]]


def _graduates_first(it: Item, avoid: Sequence[str]) -> Item:
    """Any competency on a card of a level that takes graduates (review 6, finding 6: not only the
    must-haves): a situational question first (one of the card's own, else one the other sheets of the
    plan do not ask, else any level-matched one), labelled: with a behavioural question beside it
    GRADUATE_FIRST (a graduate answers it instead), else GRADUATE_LEAD. Unchanged when the competency has
    no situational question at its target."""
    qs = list(it.questions)
    own = [q for q in qs if q.kind == "situational"]
    if own:
        first = own[0]
        qs.remove(first)
    else:
        found = [q for q in graduate_questions(it.competency, it.target) if q not in qs]
        if not found:
            return it
        first = next((q for q in found if q.id not in avoid), found[0])
    return dataclasses.replace(it, questions=(first, *qs), graduate_first=True)


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
    focus: tuple[str, ...] = ()  # the competency ids this card covers (all of the role's on a full card)
    focused: bool = False
    candidate_id: str | None = None  # the candidate's ATS id (Huntflow, hh.ru), from the plan
    open_questions: tuple[Question, ...] = ()  # the last block: asked at the end, a note, no rating

    @property
    def title(self) -> str:
        return card_title(self.role, self.level)

    @property
    def heading(self) -> str:
        """The document's title: «Оценочный лист» for an interviewer's (focused) sheet; the full card
        is the reference with every question, «Справочник интервьюера: … (все вопросы)»."""
        if self.focused:
            return _("Оценочный лист: {title}").format(title=self.title)
        return _("Справочник интервьюера: {title} (все вопросы)").format(title=self.title)


def resolve(model: Model, role_id: str | None, level_id: str | None) -> tuple[Role, RoleLevel]:
    """The role and level, or ScorecardError naming the valid ids."""
    role = model.role(role_id or "")
    if role is None:
        raise ScorecardError(
            _("неизвестная роль «{role}»; роли модели: {roles}").format(
                role=role_id, roles=", ".join(r.id for r in model.roles)
            )
        )
    level = role.level(level_id or "")
    if level is None:
        raise ScorecardError(
            _("у роли «{role}» нет уровня «{level}»; её уровни: {levels}").format(
                role=role.id, level=level_id, levels=", ".join(lv.id for lv in role.levels)
            )
        )
    return role, level


def level_questions(model: Model, role: Role, level: RoleLevel) -> dict[str, tuple[Question, ...]]:
    """The rated questions an interview at this role level asks, by weighted competency (weight order).

    Chosen by the level's target and the role: a competency's own questions whose `levels` contain
    its target and that are `offered` to the level (audience) and the role; then questions of other
    competencies that list it in `also_for` on the same terms. Each question appears once per card: under
    its own competency when that fits, else under the first also_for competency of the card that fits.
    Never an open question: those are the card's own last block (`open_questions`), not any competency's.
    """
    order = [rc.id for rc in role.by_weight()]
    out: dict[str, list[Question]] = {cid: [] for cid in order}
    placed: set[str] = set()
    for cid in order:
        comp = model.competency(cid)
        assert comp is not None, cid  # a role rates competencies of its model
        for q in comp.questions_for(level.targets[cid]):
            if q.kind != "open" and offered(q, cid, role, level):
                out[cid].append(q)
                placed.add(q.id)
    for cid in order:
        for q in model.questions:
            if (
                q.kind != "open"
                and q.id not in placed
                and cid in q.also_for
                and q.fits(level.targets[cid])
                and offered(q, cid, role, level)
            ):
                out[cid].append(q)
                placed.add(q.id)
    return {cid: tuple(qs) for cid, qs in out.items()}


def card(
    model: Model,
    role_id: str,
    level_id: str,
    candidate: str | None = None,
    interviewer: str | None = None,
    date: str | None = None,
    focus: Sequence[str] | None = None,
    questions: Sequence[str] | None = None,
    avoid: Sequence[str] = (),
    open_ids: Sequence[str] | None = None,
) -> Card:
    """The content of a blank scorecard: full, or focused on `focus` (ids of the role's weighted
    competencies) with the given question ids or, without them, two level-matched ones per competency.
    A card of a level that takes graduates puts each competency's situational question first
    (`avoid`: the ids the plan's other sheets ask, so a borrowed one differs where it can).

    The open questions go to the last block (`Card.open_questions`), never under a competency: on a full
    card all of the level's (`open_questions`), on a focused one those whose competency or also_for is in
    the focus, or exactly `open_ids` when given (a plan's placement; () for none); an open id among
    `questions` joins the block too."""
    role, level = resolve(model, role_id, level_id)
    order = [rc.id for rc in role.by_weight()]
    if focus is None:
        picked = level_questions(model, role, level)
    else:
        unknown = [cid for cid in focus if cid not in order]
        if unknown or not focus:
            raise ScorecardError(
                _("в фокусе должны быть компетенции роли «{role}» ({ids}); не подходит: {bad}").format(
                    role=role.id, ids=", ".join(order), bad=", ".join(unknown) or _("пустой список")
                )
            )
        picked = focus_questions(model, role, level, [cid for cid in order if cid in focus], questions)
    offered_open = open_questions(model, role, level)
    if open_ids is not None:
        block = [q for qid in open_ids if (q := model.question(qid)) is not None and q.kind == "open"]
    elif focus is None:
        block = list(offered_open)
    else:
        block = [q for q in offered_open if any(cid in focus for cid in (q.competency, *q.also_for))]
    for qs in picked.values():
        block += [q for q in qs if q.kind == "open" and q not in block]
    picked = {cid: tuple(q for q in qs if q.kind != "open") for cid, qs in picked.items()}
    items = []
    for rc in role.by_weight():
        if rc.id not in picked:
            continue
        comp = model.competency(rc.id)
        assert comp is not None, rc.id
        t = level.targets[rc.id]
        it = Item(rc, comp, t, comp.levels.get(t - 1, ()), comp.levels[t], comp.levels.get(t + 1, ()), picked[rc.id])
        items.append(_graduates_first(it, avoid) if takes_graduates(level) else it)
    return Card(
        model,
        role,
        level,
        tuple(items),
        candidate or "",
        interviewer or "",
        date or "",
        tuple(it.rc.id for it in items),
        focus is not None,
        open_questions=tuple(block),
    )


def focus_questions(
    model: Model, role: Role, level: RoleLevel, focus: Sequence[str], questions: Sequence[str] | None
) -> dict[str, tuple[Question, ...]]:
    """The questions of a focused card by competency: the given ids (placed as a plan's schedule places
    them), or two level-matched ones per competency as a plan chooses them (its own ones first)."""
    out: dict[str, list[Question]] = {cid: [] for cid in focus}
    if questions is None:
        used: set[str] = set()
        for cid in focus:
            out[cid] = choose_questions(model, cid, level.targets[cid], used, role=role, level=level)
            used.update(q.id for q in out[cid])
    else:
        asked = []
        for qid in dict.fromkeys(questions):
            q = model.question(qid)
            if q is None or not any(q.rates(cid) for cid in focus):
                raise ScorecardError(
                    _("вопрос «{qid}» не оценивает ни одну компетенцию фокуса ({ids})").format(
                        qid=qid, ids=", ".join(focus)
                    )
                )
            asked.append(q)
        out = place_questions(focus, asked)
    return {cid: tuple(qs) for cid, qs in out.items()}


def filename(role_id: str, level_id: str, fmt: str) -> str:
    """File name of a blank scorecard: ids only, never a person's name."""
    ext = {"yaml": "yml"}.get(fmt, fmt)
    return f"{role_id}-{level_id}.{ext}"


@model_language
def render(
    model: Model,
    role_id: str,
    level_id: str,
    fmt: str,
    *,
    candidate: str | None = None,
    interviewer: str | None = None,
    date: str | None = None,
    focus: Sequence[str] | None = None,
    questions: Sequence[str] | None = None,
    open_ids: Sequence[str] | None = None,
) -> bytes:
    """A blank scorecard in one format, as bytes (UTF-8 for text formats); `focus` makes it a focused card
    (`open_ids`: its block of open questions, see `card`)."""
    if fmt not in FORMATS:
        raise ScorecardError(f"unknown format '{fmt}'; valid formats: {', '.join(FORMATS)}")
    return render_card(
        card(model, role_id, level_id, candidate, interviewer, date, focus, questions, open_ids=open_ids), fmt
    )


def open_home(model: Model, q: Question) -> str:
    """«компетенция «…»»: where an open question of the block comes from."""
    comp = model.competency(q.competency)
    return _(OPEN_HOME).format(name=comp.name if comp else q.competency)


@model_language
def render_card(c: Card, fmt: str) -> bytes:
    """One card's content in one format."""
    if fmt in ("html", "md"):
        ctx = _ctx() | {
            "top_rule": top_rating_rule(c.model),
            "level_heading": lambda level, target: level_heading(c.model, level, target),
            "open_home": lambda q: open_home(c.model, q),
        }
        return template_env(fmt == "html").get_template(f"scorecard.{fmt}.j2").render(c=c, **ctx).encode("utf-8")
    if fmt == "yaml":
        return render_yaml(c).encode("utf-8")
    if fmt == "json":
        return render_json(c).encode("utf-8")
    if fmt == "xlsx":
        return write_xlsx(c)
    raise ScorecardError(f"unknown format '{fmt}'; valid formats: {', '.join(FORMATS)}")


@model_language
def render_all(model: Model) -> dict[str, bytes]:
    """Every role x level in every format: {file name: bytes}."""
    out = {}
    for role in model.roles:
        for level in role.levels:
            for fmt in FORMATS:
                out[filename(role.id, level.id, fmt)] = render(model, role.id, level.id, fmt)
    return out


def candidate_tag(plan: dict[str, Any]) -> str:
    """What names a candidate in file names: the plan's candidate_id (made file-safe), else a short hash
    of the candidate's name, never the name itself; «candidate» when the plan names nobody."""
    cid = plan.get("candidate_id")
    if cid:
        safe = re.sub(r"[^A-Za-z0-9_.-]+", "-", str(cid)).strip("-.")
        if safe:
            return f"id-{safe}"
    if plan.get("candidate"):
        return f"c-{short_hash(plan['candidate'])}"
    return "candidate"


def focused_filename(plan: dict[str, Any], number: int, fmt: str) -> str:
    """File name of the focused card of the plan's `number`-th interviewer (1-based): ids, numbers and the
    candidate's id or name hash (two candidates' cards never share a name), never a person's name."""
    ext = {"yaml": "yml"}.get(fmt, fmt)
    return f"{plan['role']}-{plan['level']}-{candidate_tag(plan)}-interviewer-{number}.{ext}"


def plan_cards(model: Model, plan: dict[str, Any], date: str | None = None) -> list[Card]:
    """The focused card of each interviewer of a checked plan, in plan order: the interviewer's name, the
    plan's candidate, only their focus competencies and the plan's questions for them."""
    out = []
    role, level = resolve(model, plan["role"], plan["level"])
    blocks = open_placement(model, role, level, [p["focus"] for p in plan["interviewers"]])
    for n, person in enumerate(plan["interviewers"], start=1):
        others = [q for m, p in enumerate(plan["interviewers"], start=1) if m != n for q in p.get("questions") or ()]
        c = card(
            model,
            plan["role"],
            plan["level"],
            plan.get("candidate"),
            person["name"],
            date,
            person["focus"],
            person.get("questions") or None,
            others,
            [q.id for q in blocks[n - 1]],
        )
        if plan.get("candidate_id"):
            c = dataclasses.replace(c, candidate_id=str(plan["candidate_id"]))
        out.append(c)
    return out


@model_language
def focused_cards(model: Model, plan: dict[str, Any], fmt: str, date: str | None = None) -> dict[str, bytes]:
    """One focused card per interviewer of a checked plan (`plan_cards`): {file name: bytes}, in plan order."""
    return {
        focused_filename(plan, n, fmt): render_card(c, fmt)
        for n, c in enumerate(plan_cards(model, plan, date), start=1)
    }


def anchor_columns(question: Question) -> str:
    """CSS column widths of a focused card's anchor row, in proportion to the text of each column
    (weak answer with the red flags, solid, strong): balanced columns keep the row short."""
    sizes = [
        len(question.anchors.weak) + len(phrases(question.red_flags)) + 40,
        len(question.anchors.solid) + 20,
        len(question.anchors.strong) + 20,
    ]
    mean = sum(sizes) / len(sizes)
    return " ".join(f"{min(1.6, max(0.6, size / mean)):.2f}fr" for size in sizes)


def scope_text(level: RoleLevel) -> str:
    """A level's scope in one line: «Клиенты — …; Бюджет — …» (empty without a scope)."""
    if level.scope is None:
        return ""
    return "; ".join(f"{_(SCOPE_LABELS[k])} — {v}" for k, v in level.scope.rows()) + "."


def points(n: int | str, last: int | None = None) -> str:
    """A point (or range of points) of the 1–5 scale in words: «4 балла», «1–2 балла»; «уровень» is a grade."""
    return nplural(last if last is not None else int(n), "{n} балл", "{n} балла", "{n} баллов").format(n=n)


def _ctx() -> dict[str, Any]:
    return {
        "points": points,
        "instruction": _(INSTRUCTION),
        "focused_instruction": _(FOCUSED_INSTRUCTION),
        "kinds": kind_labels(),
        "not_assessed": _(NOT_ASSESSED),
        "anchor_labels": {key: _(label) for key, label in ANCHOR_LABELS.items()},
        "anchors_rule": anchors_rule,
        "take_home_sheet": TAKE_HOME_SHEET,
        "take_home_rule": take_home_rule,
        "take_home_not_done": _(TAKE_HOME_NOT_DONE),
        "reveals_label": _(REVEALS_LABEL),
        "open_note": _(OPEN_NOTE),
        "open_block": _(OPEN_BLOCK),
        "graduate_first": _(GRADUATE_FIRST),
        "graduate_lead": _(GRADUATE_LEAD),
        "scope_labels": {key: _(label) for key, label in SCOPE_LABELS.items()},
        "scope_text": scope_text,
        "anchor_columns": anchor_columns,
        "recommendations": {code: recommendation_label(code) for code in RECOMMENDATIONS},
    }


def q(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def _comment(text: str, indent: str = "") -> str:
    return f"{indent}# " + " ".join(str(text).split())


def render_yaml(c: Card) -> str:
    """The fillable YAML form, with comments that guide the interviewer."""
    scale = {s.level: s.name for s in c.model.scale}
    kinds = kind_labels()
    lines = [
        "# " + _("Account Path: оценочный лист интервьюера"),
        _comment(_("{title} (роль {role}, уровень {level})").format(title=c.title, role=c.role.id, level=c.level.id)),
        *(
            [
                _comment(
                    _("Масштаб уровня: ") + "; ".join(f"{_(SCOPE_LABELS[k])} — {v}" for k, v in c.level.scope.rows())
                )
            ]
            if c.level.scope
            else []
        ),
        _comment(_(INSTRUCTION)),
        "# " + _("Шкала: ") + "; ".join(f"{s.level} — {s.name}" for s in c.model.scale),
        _comment(top_rating_rule(c.model)),
        "# " + _("Заполненный лист передайте ведущему интервью — он загрузит его в онлайн-оценщик."),
        f"scorecard: {CARD_VERSION}",
        f"role: {c.role.id}",
        f"level: {c.level.id}",
        f"candidate: {q(c.candidate)}  # " + _("ФИО кандидата"),
        *([f"candidate_id: {q(c.candidate_id)}  # " + _("ID кандидата в ATS")] if c.candidate_id else []),
        f"interviewer: {q(c.interviewer)}  # " + _("ваше имя"),
        f"date: {q(c.date) if c.date else 'null'}  # " + _("ГГГГ-ММ-ДД"),
        f"focus: [{', '.join(c.focus)}]  " + _comment(_("компетенции этого листа; не меняйте")),
        "ratings:  # " + _("целое 1..5 или null, если компетенцию не оценивали"),
    ]
    for it in c.items:
        must = _(", обязательная") if it.rc.must_have else ""
        lines.append("")
        lines.append(
            _comment(
                _("{name}: вес {w}{must}; цель — {t} ({t_name})").format(
                    name=it.competency.name, w=it.rc.weight, must=must, t=it.target, t_name=scale[it.target]
                ),
                "  ",
            )
        )
        for lv, behaviours in ((it.target - 1, it.below), (it.target, it.at), (it.target + 1, it.above)):
            if behaviours:
                lines.append(_comment(f"{level_heading(c.model, lv, it.target)}: " + phrases(behaviours), "  "))
        for qq in it.questions:
            lines.append(_comment(_("вопрос ({kind}): {text}").format(kind=kinds[qq.kind], text=qq.text), "  "))
            if qq.reveals:
                lines.append(_comment(f"{_(REVEALS_LABEL).lower()}: {qq.reveals}", "    "))
            for key, label in ANCHOR_LABELS.items():
                lines.append(_comment(f"{_(label).lower()}: {getattr(qq.anchors, key)}", "    "))
            lines.append(_comment(_("тревожные признаки: {flags}").format(flags=phrases(qq.red_flags)), "    "))
        lines.append(f"  {it.rc.id}: null")
    lines.append("notes:  # " + _("факты и цитаты по каждой компетенции"))
    for it in c.items:
        lines.append(f'  {it.rc.id}: ""')
    codes = "; ".join(f"{code} — {recommendation_label(code)}" for code in RECOMMENDATIONS)
    lines.append(
        "recommendation: null  " + _comment(_("ваша общая рекомендация: {codes}; нейтральной нет").format(codes=codes))
    )
    lines.append('takeaways: ""  ' + _comment(_("ключевые выводы: что подтвердилось, что под вопросом")))
    lines.append('overall_notes: ""  ' + _comment(_("общее впечатление, сильные стороны, риски")))
    if c.open_questions:
        lines.append("")
        lines.append(_comment(f"{_(OPEN_BLOCK)}. {_(OPEN_NOTE)}."))
        for qq in c.open_questions:
            lines.append(_comment(f"{qq.text} ({open_home(c.model, qq)})"))
            if qq.reveals:
                lines.append(_comment(f"{_(REVEALS_LABEL).lower()}: {qq.reveals}", "  "))
            for key, label in ANCHOR_LABELS.items():
                lines.append(_comment(f"{_(label).lower()}: {getattr(qq.anchors, key)}", "  "))
        lines.append('open_note: ""  ' + _comment(_("заметка по ответу; балла за него нет")))
    return "\n".join(lines) + "\n"


def render_json(c: Card) -> str:
    """The blank card as the browser evaluator imports it: the keys of a filled card, every rating null."""
    data: dict[str, Any] = {
        "scorecard": CARD_VERSION,
        "role": c.role.id,
        "level": c.level.id,
        "candidate": c.candidate,
        **({"candidate_id": c.candidate_id} if c.candidate_id else {}),
        "interviewer": c.interviewer,
        "date": c.date or None,
        "focus": list(c.focus),
        "ratings": {it.rc.id: None for it in c.items},
        "notes": {it.rc.id: "" for it in c.items},
        "recommendation": None,
        "takeaways": "",
        "overall_notes": "",
        **({"open_note": ""} if c.open_questions else {}),
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
