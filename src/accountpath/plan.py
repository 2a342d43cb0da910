"""The interview plan (core: no I/O, no adapters): who covers which competencies and asks which questions.

`make_plan` assigns every weighted competency of a role to an interviewer's focus: with two or
more interviewers each must-have to at least two of them, nobody more than MAX_FOCUS, balanced
by weight; each focus competency gets QUESTIONS_PER_FOCUS questions matched to the level's target
(deterministic, different kinds preferred, no question asked twice in a panel where the model
has enough). Where the rules cannot be met, the notes say what is uncovered and how many
interviewers the role needs. `check_plan`
validates an edited one, every problem at the line and column of the value at fault. `time_slots`
splits an interviewer's minutes for the schedule.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from . import yamlsource
from .cardcheck import normalise_name
from .i18n import _
from .model import Model, Question, Role, RoleLevel
from .problems import Problem, close_match
from .yamlsource import DocPath, Document

PLAN_VERSION = 1
MAX_FOCUS = 5
MUST_HAVE_COVER = 2
QUESTIONS_PER_FOCUS = 2
DEFAULT_MINUTES = 60
MIN_MINUTES, MAX_MINUTES = 20, 240
INTRO_MINUTES = 5
CLOSING_MINUTES = 5


class PlanError(ValueError):
    """An unknown role or level, or no interviewer: the message says what is valid."""


def resolve(model: Model, role_id: str, level_id: str) -> tuple[Role, RoleLevel]:
    """The role and level, or PlanError naming the valid ids."""
    role = model.role(role_id or "")
    if role is None:
        raise PlanError(_("неизвестная роль «{role}»; роли модели: {roles}").format(
            role=role_id, roles=", ".join(r.id for r in model.roles)))
    level = role.level(level_id or "")
    if level is None:
        raise PlanError(_("у роли «{role}» нет уровня «{level}»; её уровни: {levels}").format(
            role=role.id, level=level_id, levels=", ".join(lv.id for lv in role.levels)))
    return role, level


def candidate_questions(model: Model, competency_id: str, target: int) -> list[Question]:
    """Questions that can rate this competency at this target, best first (deterministic).

    The competency's own questions whose range contains the target come first, narrower ranges
    (they discriminate the target better) and ranges centred nearer the target before wider
    ones, model order last; then questions of other competencies that list it in `also_for`.
    """
    index = {q.id: i for i, q in enumerate(model.questions)}

    def rank(q: Question) -> tuple[bool, int, float, int]:
        low, high = q.levels
        return (q.competency != competency_id, high - low, abs((low + high) / 2 - target), index[q.id])

    fitting = [q for q in model.questions if q.rates(competency_id) and q.fits(target)]
    return sorted(fitting, key=rank)


def choose_questions(model: Model, competency_id: str, target: int, used: set[str] | None = None,
                     count: int = QUESTIONS_PER_FOCUS) -> list[Question]:
    """`count` level-matched questions for one competency, best first: questions not yet `used` in
    the panel before used ones, and within that a kind not yet picked before a repeated kind."""
    used = used or set()
    ranked = candidate_questions(model, competency_id, target)
    picked: list[Question] = []
    for fresh_only, new_kind in ((True, True), (True, False), (False, True), (False, False)):
        for q in ranked:
            if len(picked) >= count:
                return picked
            if q in picked or (fresh_only and q.id in used) or (new_kind and q.kind in {p.kind for p in picked}):
                continue
            picked.append(q)
    return picked


def needed_interviewers(role: Role) -> int:
    """The fewest interviewers that can meet the coverage rules for this role."""
    weighted = len(role.competencies)
    if weighted <= MAX_FOCUS:
        return 1
    musts = sum(1 for rc in role.competencies if rc.must_have)
    return max(2, math.ceil((weighted + (MUST_HAVE_COVER - 1) * musts) / MAX_FOCUS))


def assign_focus(role: Role, count: int) -> tuple[list[list[str]], list[str]]:
    """(focus ids per interviewer in weight order, competency ids left without an interviewer).

    Must-haves first (twice each when there are two or more interviewers), then the rest, heaviest
    first; each goes to the interviewer with the least weight so far who has room and does not
    have it yet (ties: fewer competencies, then plan order).
    """
    order = role.by_weight()
    copies = MUST_HAVE_COVER if count >= 2 else 1
    queue = [rc for rc in order if rc.must_have for _k in range(copies)] + [rc for rc in order if not rc.must_have]
    focus: list[list[str]] = [[] for _i in range(count)]
    load = [0] * count
    missing: list[str] = []
    for rc in queue:
        free = [i for i in range(count) if len(focus[i]) < MAX_FOCUS and rc.id not in focus[i]]
        if not free:
            missing.append(rc.id)
            continue
        best = min(free, key=lambda i: (load[i], len(focus[i]), i))
        focus[best].append(rc.id)
        load[best] += rc.weight
    rank = {rc.id: k for k, rc in enumerate(order)}
    return [sorted(f, key=rank.__getitem__) for f in focus], missing


def coverage_notes(model: Model, role: Role, focus: Sequence[Sequence[str]]) -> list[str]:
    """What the coverage rules miss in these focus lists, in words (empty when all rules are met)."""
    names = {c.id: c.name for c in model.competencies}
    counts = {rc.id: sum(rc.id in f for f in focus) for rc in role.competencies}
    notes = []
    uncovered = [rc.id for rc in role.by_weight() if counts[rc.id] == 0]
    if uncovered:
        notes.append(_("никто не оценивает: {names}").format(names=", ".join(f"{names[c]} ({c})" for c in uncovered)))
    if len(focus) >= 2:
        thin = [rc.id for rc in role.by_weight() if rc.must_have and counts[rc.id] == 1]
        if thin:
            notes.append(_("обязательные компетенции оценивает только один интервьюер: {names}").format(
                names=", ".join(f"{names[c]} ({c})" for c in thin)))
    if notes:
        need = needed_interviewers(role)
        notes.append(_("для роли «{role}» нужно интервьюеров: не меньше {n} (у каждого не больше {m} компетенций)").format(
            role=role.name, n=need, m=MAX_FOCUS))
    return notes


def assign_questions(model: Model, level: RoleLevel, focus: Sequence[Sequence[str]]) -> list[dict[str, list[Question]]]:
    """QUESTIONS_PER_FOCUS questions per interviewer and focus competency (index-aligned with `focus`).

    The interviewers sharing a competency get different questions while the model has enough,
    dealt so each of them hears different kinds; with too few, a question is repeated rather than missing.
    """
    out: list[dict[str, list[Question]]] = [{} for _f in focus]
    used: set[str] = set()
    order = [cid for ids in focus for cid in ids]
    for cid in dict.fromkeys(order):
        holders = [i for i, ids in enumerate(focus) if cid in ids]
        target = level.targets[cid]
        pool = choose_questions(model, cid, target, used, QUESTIONS_PER_FOCUS * len(holders))
        used.update(q.id for q in pool)
        hands: list[list[Question]] = [[] for _h in holders]
        while pool and any(len(h) < QUESTIONS_PER_FOCUS for h in hands):
            for hand in hands:
                if pool and len(hand) < QUESTIONS_PER_FOCUS:
                    kinds = {q.kind for q in hand}
                    hand.append(pool.pop(next((k for k, q in enumerate(pool) if q.kind not in kinds), 0)))
        for i, hand in zip(holders, hands):
            extra = [q for q in choose_questions(model, cid, target, {q.id for q in hand}) if q not in hand]
            out[i][cid] = hand + extra[:QUESTIONS_PER_FOCUS - len(hand)]
    return out


def make_plan(model: Model, role_id: str, level_id: str, interviewers: Sequence[str], candidate: str | None = None,
              minutes: int = DEFAULT_MINUTES) -> tuple[dict[str, Any], list[str]]:
    """(plan data, notes): the focus and questions of each interviewer; notes say what the rules miss."""
    role, level = resolve(model, role_id, level_id)
    names = [" ".join(n.split()) for n in interviewers if n and n.strip()]
    if not names:
        raise PlanError(_("нужен хотя бы один интервьюер (--interviewer ИМЯ)"))
    focus, _missing = assign_focus(role, len(names))
    chosen = assign_questions(model, level, focus)
    people = [{"name": name, "focus": list(ids), "questions": [q.id for cid in ids for q in chosen[i][cid]]}
              for i, (name, ids) in enumerate(zip(names, focus))]
    plan = {"plan": PLAN_VERSION, "role": role.id, "level": level.id, "candidate": candidate or None,
            "minutes": int(minutes), "interviewers": people}
    return plan, coverage_notes(model, role, focus)


def time_slots(model: Model, plan: dict[str, Any], person: dict[str, Any]) -> list[tuple[int, int, str | None]]:
    """(start, end, competency id or None) minutes of one interviewer's slot: intro, focus by weight, closing.

    None marks the introduction (first) and the candidate's questions (last). Minutes split by
    weight with largest remainders, so the parts always add up to the plan's minutes.
    """
    role = model.role(plan["role"])
    if role is None:  # a checked plan names a role of the model
        raise PlanError(f"unknown role: {plan['role']}")
    total = int(plan["minutes"])
    intro = INTRO_MINUTES if total >= 30 else 0
    closing = CLOSING_MINUTES if total >= 30 else 0
    ids = list(person["focus"])
    weights = [rc.weight if (rc := role.weighted(c)) else 1 for c in ids]
    shares = _split(total - intro - closing, weights)
    slots: list[tuple[int, int, str | None]] = []
    t = 0
    if intro:
        slots.append((0, intro, None))
        t = intro
    for cid, share in zip(ids, shares):
        slots.append((t, t + share, cid))
        t += share
    if closing:
        slots.append((t, t + closing, None))
    return slots


def _split(total: int, weights: Sequence[int]) -> list[int]:
    if not weights:
        return []
    whole = sum(weights)
    exact = [total * w / whole for w in weights]
    parts = [math.floor(x) for x in exact]
    for i in sorted(range(len(weights)), key=lambda i: (parts[i] - exact[i], i))[: total - sum(parts)]:
        parts[i] += 1
    return parts


PLAN_KEYS = ("plan", "role", "level", "candidate", "minutes", "interviewers")
PERSON_KEYS = ("name", "focus", "questions")


def check_plan(path_or_text: str | Path, model: Model, label: str | None = None) -> tuple[dict[str, Any] | None, list[Problem]]:
    """(plan data or None, problems) for an edited plan: a Path or a file name, or YAML text (with a newline).

    The plan comes back (names tidied) unless it cannot be used at all: YAML errors, unknown keys, role,
    level, competencies or questions, wrong types, duplicate names. Broken coverage rules, more than
    MAX_FOCUS competencies, a question outside the level's range and bad minutes are problems too,
    but leave the plan usable for cards (a panel may knowingly run short): `plan --check` fails on any.
    """
    if isinstance(path_or_text, Path) or "\n" not in path_or_text:
        doc, problems = yamlsource.load(path_or_text, label or str(path_or_text))
    else:
        doc, problems = yamlsource.parse(path_or_text, label or "plan.yml")
    if doc is None or problems:
        return None, problems
    fatal: list[Problem] = []
    soft: list[Problem] = []
    data = doc.data
    if not isinstance(data, dict):
        return None, [doc.problem((), _("план — словарь с полями {keys}").format(keys=", ".join(PLAN_KEYS)))]
    _keys(doc, (), data, PLAN_KEYS, fatal)
    if data.get("plan") != PLAN_VERSION:
        fatal.append(doc.problem(("plan",), _("«plan» — номер версии формата плана, {v}").format(v=PLAN_VERSION),
                                 key="plan" not in data))
    role, level = _role_level(doc, data, model, fatal)
    minutes = _minutes(doc, data, soft)
    candidate = data.get("candidate")
    if candidate is not None and not isinstance(candidate, str):
        fatal.append(doc.problem(("candidate",), _("«candidate» — имя кандидата текстом или null")))
    people = _people(doc, data, model, role, level, fatal, soft)
    if role is not None and people is not None and not fatal:
        _coverage(doc, model, role, [p["focus"] for p in people], soft)
    problems = sorted(fatal + soft)
    if fatal or role is None or level is None or people is None:
        return None, problems
    plan = {"plan": PLAN_VERSION, "role": role.id, "level": level.id,
            "candidate": " ".join(candidate.split()) if isinstance(candidate, str) and candidate.strip() else None,
            "minutes": minutes, "interviewers": people}
    return plan, problems


def _keys(doc: Document, path: DocPath, data: dict[str, Any], allowed: Sequence[str], out: list[Problem]) -> None:
    for key in data:
        if key not in allowed:
            hint = close_match(key, allowed)
            tip = (_(" (может быть, «{hint}»?)").format(hint=hint) if hint
                   else _("; допустимые поля: {keys}").format(keys=", ".join(allowed)))
            out.append(doc.problem(path + (key,), _("неизвестное поле «{key}»").format(key=key) + tip, key=True))


def _role_level(doc: Document, data: dict[str, Any], model: Model,
                out: list[Problem]) -> tuple[Role | None, RoleLevel | None]:
    role_id, level_id = data.get("role"), data.get("level")
    role = model.role(role_id) if isinstance(role_id, str) else None
    if role is None:
        out.append(doc.problem(("role",), _("неизвестная роль «{role}»; роли модели: {roles}").format(
            role=role_id, roles=", ".join(r.id for r in model.roles)), key="role" not in data))
        return None, None
    level = role.level(level_id) if isinstance(level_id, str) else None
    if level is None:
        out.append(doc.problem(("level",), _("у роли «{role}» нет уровня «{level}»; её уровни: {levels}").format(
            role=role.id, level=level_id, levels=", ".join(lv.id for lv in role.levels)), key="level" not in data))
    return role, level


def _minutes(doc: Document, data: dict[str, Any], out: list[Problem]) -> int:
    value = data.get("minutes", DEFAULT_MINUTES)
    if isinstance(value, bool) or not isinstance(value, int) or not MIN_MINUTES <= value <= MAX_MINUTES:
        out.append(doc.problem(("minutes",), _("«minutes» — целое число минут от {lo} до {hi}; сейчас «{value}»").format(
            lo=MIN_MINUTES, hi=MAX_MINUTES, value=value)))
        return DEFAULT_MINUTES
    return value


def _people(doc: Document, data: dict[str, Any], model: Model, role: Role | None, level: RoleLevel | None,
            fatal: list[Problem], soft: list[Problem]) -> list[dict[str, Any]] | None:
    raw = data.get("interviewers")
    if not isinstance(raw, list) or not raw:
        fatal.append(doc.problem(("interviewers",), _("«interviewers» — непустой список: у каждого name, focus и questions"),
                                 key="interviewers" not in data))
        return None
    people: list[dict[str, Any]] = []
    seen: dict[str, int] = {}
    for i, item in enumerate(raw):
        path = ("interviewers", i)
        if not isinstance(item, dict):
            fatal.append(doc.problem(path, _("интервьюер — словарь с полями name, focus и questions")))
            continue
        _keys(doc, path, item, PERSON_KEYS, fatal)
        name = item.get("name")
        if not isinstance(name, str) or not name.strip():
            fatal.append(doc.problem(path + ("name",), _("не заполнено имя интервьюера («name»)"), key="name" not in item))
            name = ""
        elif normalise_name(name) in seen:
            fatal.append(doc.problem(path + ("name",), _("интервьюер «{name}» уже есть в плане (строка {line})").format(
                name=name, line=seen[normalise_name(name)])))
        else:
            seen[normalise_name(name)] = doc.pos(path + ("name",))[0]
        focus = _focus(doc, path, item, model, role, fatal, soft)
        questions = _questions(doc, path, item, model, focus, level, fatal, soft)
        people.append({"name": " ".join(name.split()), "focus": focus, "questions": questions})
    return people


def _id_list(doc: Document, path: DocPath, item: dict[str, Any], key: str, out: list[Problem]) -> list[str]:
    value = item.get(key, [])
    if not isinstance(value, list) or not all(isinstance(x, str) for x in value):
        out.append(doc.problem(path + (key,), _("«{key}» — список id, например [client-focus, briefing]").format(key=key),
                               key=key not in item))
        return []
    return value


def _focus(doc: Document, path: DocPath, item: dict[str, Any], model: Model, role: Role | None, fatal: list[Problem],
           soft: list[Problem]) -> list[str]:
    focus = _id_list(doc, path, item, "focus", fatal)
    for k, cid in enumerate(focus):
        if cid in focus[:k]:
            fatal.append(doc.problem(path + ("focus", k), _("«{cid}» уже есть в фокусе").format(cid=cid)))
        elif role is not None and role.weighted(cid) is None:
            own = [rc.id for rc in role.competencies]
            hint = close_match(cid, own)
            tip = _(" (может быть, «{hint}»?)").format(hint=hint) if hint else _("; её компетенции: {ids}").format(ids=", ".join(own))
            what = (_("роль «{role}» не оценивает компетенцию «{cid}»") if model.competency(cid)
                    else _("неизвестная компетенция «{cid}»")).format(role=role.id, cid=cid)
            fatal.append(doc.problem(path + ("focus", k), what + tip))
    if len(focus) > MAX_FOCUS:
        soft.append(doc.problem(path + ("focus",), _("в фокусе {n} компетенций, больше {m}: за одно интервью их не "
                                                     "оценить; отдайте часть другому интервьюеру").format(n=len(focus), m=MAX_FOCUS)))
    return focus


def _questions(doc: Document, path: DocPath, item: dict[str, Any], model: Model, focus: list[str],
               level: RoleLevel | None, fatal: list[Problem], soft: list[Problem]) -> list[str]:
    questions = _id_list(doc, path, item, "questions", fatal)
    for k, qid in enumerate(questions):
        where = path + ("questions", k)
        q = model.question(qid)
        if q is None:
            hint = close_match(qid, [x.id for x in model.questions])
            tip = _(" (может быть, «{hint}»?)").format(hint=hint) if hint else ""
            fatal.append(doc.problem(where, _("неизвестный вопрос «{qid}»").format(qid=qid) + tip))
        elif qid in questions[:k]:
            fatal.append(doc.problem(where, _("вопрос «{qid}» уже есть у этого интервьюера").format(qid=qid)))
        elif not any(q.rates(cid) for cid in focus):
            fatal.append(doc.problem(where, _("вопрос «{qid}» относится к компетенции «{cid}», её нет в фокусе этого "
                                              "интервьюера").format(qid=qid, cid=q.competency)))
        elif level is not None and not any(q.rates(c) and q.fits(level.targets[c]) for c in focus):
            cid = next(c for c in focus if q.rates(c))
            soft.append(doc.problem(where, _("вопрос «{qid}» рассчитан на уровни {lo}–{hi}, а цель уровня «{level}» по "
                                             "«{cid}» — {t}").format(qid=qid, lo=q.levels[0], hi=q.levels[1], level=level.id,
                                                                    cid=cid, t=level.targets[cid])))
    return questions


def _coverage(doc: Document, model: Model, role: Role, focus: list[list[str]], out: list[Problem]) -> None:
    notes = coverage_notes(model, role, focus)
    if not notes:
        return
    *issues, advice = notes
    for k, note in enumerate(issues):
        out.append(doc.problem(("interviewers",), note + ("; " + advice if k == len(issues) - 1 else ""), key=True))
