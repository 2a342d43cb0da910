"""The interview plan (core: no I/O, no adapters): who covers which competencies and asks which questions.

`make_plan` assigns every weighted competency of a role to an interviewer's focus (as the level's panel
seats name them where every seat does and the plan has one interviewer per seat, `panel_focus`): with two or
more interviewers each must-have to at least two of them, nobody more than MAX_FOCUS, spread
evenly (focus counts differ by one at most), then balanced by weight; each focus competency gets
QUESTIONS_PER_FOCUS questions (fewer on a level with its own lighter panel, see `questions_per_focus`;
at the 90-minute director meetings two on each must-have and one on the rest, see `question_counts`)
matched to the level's target: its own questions first (one of another competency only where it
has too few; never an open question: `open_placement` gives those a block of their own), deterministic, different kinds
preferred, no question asked twice in a panel where the model has enough. Where the rules cannot
be met, the notes say what is uncovered and how many interviewers the role needs; where an
interviewer's minutes give less than MIN_PER_QUESTION minutes a question, they say how many
minutes or interviewers would. `panel_size` is the level's panel (its `interview`, else the default);
`time_slots` splits an interviewer's minutes for the schedule;
`plan_check` validates an edited plan.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

from accountpath.i18n import _
from accountpath.messages import Msg
from accountpath.model.types import MAX_FOCUS as MAX_FOCUS  # the model's seat rule shares them
from accountpath.model.types import MUST_HAVE_COVER as MUST_HAVE_COVER
from accountpath.model.types import Model, Question, Role, RoleLevel
from accountpath.names import normalise_name

PLAN_VERSION = 1
QUESTIONS_PER_FOCUS = 2
DEFAULT_MINUTES = 60
MIN_MINUTES, MAX_MINUTES = 20, 240
INTRO_MINUTES = 5
CLOSING_MINUTES = 5
MIN_PER_QUESTION = 7
"""Minutes a question needs (asking, the answer, follow-ups, notes): below this the plan warns."""
OPEN_MINUTES = 5
"""Minutes an open question gets in its own slot at the end of the meeting, before the candidate's questions."""
OPEN_SLOT = "open"
"""The id `time_slots` gives the open-question slot (only where the interviewer's card has that block)."""
LIGHT_PANEL = "plan-note.light-panel"
"""The code of the note a lighter level panel gets instead of «nobody rates» (see `coverage_notes`)."""


class PlanError(ValueError):
    """An unknown role or level, or no interviewer: the message says what is valid."""


def resolve(model: Model, role_id: str, level_id: str) -> tuple[Role, RoleLevel]:
    """The role and level, or PlanError naming the valid ids."""
    role = model.role(role_id or "")
    if role is None:
        raise PlanError(
            _("неизвестная роль «{role}»; роли модели: {roles}").format(
                role=role_id, roles=", ".join(r.id for r in model.roles)
            )
        )
    level = role.level(level_id or "")
    if level is None:
        raise PlanError(
            _("у роли «{role}» нет уровня «{level}»; её уровни: {levels}").format(
                role=role.id, level=level_id, levels=", ".join(lv.id for lv in role.levels)
            )
        )
    return role, level


def offered(q: Question, competency_id: str, role: Role | None = None, level: RoleLevel | None = None) -> bool:
    """True when an interview for this role level may ask the question under this competency.

    By audience: manager questions only where the level's team-management target is MANAGER_FROM
    or more, individual ones only below it. An open question only to the roles its source article
    puts it to (`roles`), whether or not its competency is a must-have: it is asked in its own block at
    the end of the meeting and never rated (`open_questions`). Without role and level: any.
    """
    if level is not None and not level.offers(q):
        return False
    if q.kind == "open" and role is not None and q.roles and role.id not in q.roles:
        return False
    return True


def open_questions(model: Model, role: Role, level: RoleLevel) -> list[Question]:
    """The open questions («без правильного ответа») an interview for this role level asks, model order:
    `offered` to the role and level, with the level's target of its competency (or, where the role does not
    weigh that one, of a competency in its `also_for`) inside the question's levels. They sit in a block of
    their own at the end of a card, with a note and no rating (review 6, findings 9, 10)."""
    out = []
    for q in model.questions:
        if q.kind != "open":
            continue
        homes = [cid for cid in (q.competency, *q.also_for) if role.weighted(cid) is not None]
        if any(q.fits(level.targets[cid]) and offered(q, cid, role, level) for cid in homes[:1]):
            out.append(q)
    return out


def open_placement(model: Model, role: Role, level: RoleLevel, focus: Sequence[Sequence[str]]) -> list[list[Question]]:
    """The open questions of the level by interviewer (index-aligned with `focus`), each asked once in the
    panel: by an interviewer whose focus has its competency, else one of its `also_for`, else anyone; among
    those the one with the fewest open questions so far (the earlier on a tie), so the minutes spread."""
    out: list[list[Question]] = [[] for _f in focus]
    if not focus:
        return out
    everyone = list(range(len(focus)))
    for q in open_questions(model, role, level):
        hosts = [i for i in everyone if q.competency in focus[i]]
        hosts = hosts or [i for i in everyone if any(c in focus[i] for c in q.also_for)] or everyone
        out[min(hosts, key=lambda i: (len(out[i]), i))].append(q)
    return out


def candidate_questions(
    model: Model, competency_id: str, target: int, role: Role | None = None, level: RoleLevel | None = None
) -> list[Question]:
    """Questions that can rate this competency at this target, best first (deterministic).

    The competency's own questions whose range contains the target come first, open questions
    after the others, narrower ranges (they discriminate the target better) and ranges centred
    nearer the target before wider ones, model order last; then questions of other competencies
    that list it in `also_for`. With a role and level, only the questions `offered` to them.
    """
    index = {q.id: i for i, q in enumerate(model.questions)}

    def rank(q: Question) -> tuple[bool, bool, int, float, int]:
        low, high = q.levels
        return (
            q.competency != competency_id,
            q.kind == "open",
            high - low,
            abs((low + high) / 2 - target),
            index[q.id],
        )

    fitting = [
        q
        for q in model.questions
        if q.rates(competency_id) and q.fits(target) and offered(q, competency_id, role, level)
    ]
    return sorted(fitting, key=rank)


def eligible_questions(
    model: Model, competency_id: str, target: int, role: Role | None = None, level: RoleLevel | None = None
) -> list[Question]:
    """The questions a plan or a focused card may pick for this competency, best first: its own
    level-matched questions; those of other competencies via also_for too only when it has fewer than
    QUESTIONS_PER_FOCUS of its own. Never an open question: those have their own block on a card
    (`open_questions`), they rate nothing."""
    ranked = [q for q in candidate_questions(model, competency_id, target, role, level) if q.kind != "open"]
    own = [q for q in ranked if q.competency == competency_id]
    if len(own) >= QUESTIONS_PER_FOCUS:
        return own
    return ranked


def choose_questions(
    model: Model,
    competency_id: str,
    target: int,
    used: set[str] | None = None,
    count: int = QUESTIONS_PER_FOCUS,
    role: Role | None = None,
    level: RoleLevel | None = None,
) -> list[Question]:
    """`count` level-matched questions for one competency from `eligible_questions`, best first:
    questions not yet `used` in the panel before used ones, and within that a kind not yet picked
    before a repeated kind (fewer when the model has fewer)."""
    used = used or set()
    ranked = eligible_questions(model, competency_id, target, role, level)
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


def panel_size(role: Role, level: RoleLevel) -> tuple[int, int]:
    """(interviewers, minutes each) of the level's panel: the level's `interview` where the model sets one
    (a lighter junior panel), else the fewest interviewers that meet the coverage rules, two at least,
    DEFAULT_MINUTES each. The kit, the hiring pages, `plan` without --minutes and the plan tool follow it."""
    if level.interview is not None:
        return level.interview.interviewers, level.interview.minutes
    return max(2, needed_interviewers(role)), DEFAULT_MINUTES


def questions_per_focus(level: RoleLevel, minutes: int, focus: Sequence[Sequence[str]]) -> int:
    """Questions per focus competency: QUESTIONS_PER_FOCUS, except on a level with its own `interview`
    (a panel made light on purpose, like the junior's two interviewers at 60 minutes). There the questions
    are fitted to the minutes: the most, from QUESTIONS_PER_FOCUS down to one, that give every question of
    the largest focus MIN_PER_QUESTION minutes after the introduction and closing (five competencies in
    45 minutes leave 35: one question each, seven minutes a question). Elsewhere the plan keeps
    QUESTIONS_PER_FOCUS and too few minutes give a time note with what would fix them."""
    if level.interview is None:
        return QUESTIONS_PER_FOCUS
    intro, closing = _frame(minutes)
    largest = max([len(f) for f in focus] + [1])
    return max(1, min(QUESTIONS_PER_FOCUS, (minutes - intro - closing) // (MIN_PER_QUESTION * largest)))


def splits_by_must_have(level: RoleLevel, minutes: int, focus: Sequence[Sequence[str]]) -> bool:
    """True where the level's own panel has minutes for two questions or more on every competency (the
    90-minute director meetings): there only the must-haves get them and the other competencies one, so a
    director's example has time for follow-up questions (review 6, finding 32)."""
    return level.interview is not None and questions_per_focus(level, minutes, focus) >= 2


def question_counts(role: Role, level: RoleLevel, minutes: int, focus: Sequence[Sequence[str]]) -> dict[str, int]:
    """Questions for each focus competency: `questions_per_focus` each, except where `splits_by_must_have`,
    where the must-haves keep that many and the other competencies get one."""
    per = questions_per_focus(level, minutes, focus)
    split = splits_by_must_have(level, minutes, focus)
    musts = {rc.id for rc in role.competencies if rc.must_have}
    return {cid: per if not split or cid in musts else 1 for ids in focus for cid in ids}


def assign_focus(role: Role, count: int) -> tuple[list[list[str]], list[str]]:
    """(focus ids per interviewer in weight order, competency ids left without an interviewer).

    Must-haves first (twice each when there are two or more interviewers), then the rest, heaviest
    first; each goes to the interviewer with the fewest competencies so far who has room and does
    not have it yet (ties: least weight, then plan order), so nobody has more than needed.
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
        best = min(free, key=lambda i: (len(focus[i]), load[i], i))
        focus[best].append(rc.id)
        load[best] += rc.weight
    rank = {rc.id: k for k, rc in enumerate(order)}
    return [sorted(f, key=rank.__getitem__) for f in focus], missing


def seat_focus(level: RoleLevel, count: int) -> list[list[str]] | None:
    """The competencies each seat of the level's panel rates (the model's `interview.panel` focus) where every
    seat names them and `count` interviewers is the panel's number of seats (the default kit); else None."""
    given = level.interview.seat_focus if level.interview is not None else None
    if given is None or len(given) != count:
        return None
    return [list(f) for f in given]


def panel_focus(role: Role, level: RoleLevel, count: int) -> tuple[list[list[str]], list[str]]:
    """(focus ids per interviewer, competency ids left without an interviewer) as `assign_focus` gives them,
    except that a panel of the level's seats that name their competencies (`seat_focus`) rates those, each
    seat's list in weight order; left without: what no seat rates, a must-have once for each seat it lacks."""
    seats = seat_focus(level, count)
    if seats is None:
        return assign_focus(role, count)
    order = role.by_weight()
    rank = {rc.id: k for k, rc in enumerate(order)}
    focus = [sorted((c for c in f if c in rank), key=rank.__getitem__) for f in seats]
    copies = MUST_HAVE_COVER if count >= 2 else 1
    missing = []
    for rc in order:
        held = sum(rc.id in f for f in focus)
        missing += [rc.id] * max(0, (copies if rc.must_have else 1) - held)
    return focus, missing


def coverage_notes(
    model: Model, role: Role, focus: Sequence[Sequence[str]], level: RoleLevel | None = None
) -> list[Msg]:
    """What the coverage rules miss in these focus lists, as messages (empty when all rules are met).

    On a level with its own `interview` (a lighter panel), competencies left out are one note that says
    what the interviews do not rate and why the result still counts, as long as every must-have is in a
    focus and the rest weighs at least the hiring rule's coverage (`evaluation.min_coverage`); otherwise
    the usual notes and the panel size the role needs."""
    names = {c.id: c.name for c in model.competencies}
    counts = {rc.id: sum(rc.id in f for f in focus) for rc in role.competencies}
    notes = []
    uncovered = [rc.id for rc in role.by_weight() if counts[rc.id] == 0]
    if uncovered and level is not None and level.interview is not None:
        total = sum(rc.weight for rc in role.competencies)
        left = sum(rc.weight for rc in role.competencies if counts[rc.id] == 0)
        need = math.ceil(model.evaluation.min_coverage * total - 1e-9)
        if not any(rc.must_have for rc in role.competencies if counts[rc.id] == 0) and total - left >= need:
            notes.append(
                Msg.of(
                    LIGHT_PANEL,
                    names=", ".join(f"{names[c]} ({c})" for c in uncovered),
                    w=left,
                    total=total,
                    need=need,
                )
            )
            uncovered = []
    if uncovered:
        notes.append(Msg.of("plan-note.uncovered", names=", ".join(f"{names[c]} ({c})" for c in uncovered)))
    if len(focus) >= 2:
        thin = [rc.id for rc in role.by_weight() if rc.must_have and counts[rc.id] == 1]
        if thin:
            notes.append(Msg.of("plan-note.must-have-once", names=", ".join(f"{names[c]} ({c})" for c in thin)))
    if any(n.code != LIGHT_PANEL for n in notes):
        notes.append(Msg.of("plan-note.panel-size", role=role.name, n=needed_interviewers(role), m=MAX_FOCUS))
    return notes


def _joined(parts: Sequence[Msg], code: str) -> Msg:
    """Messages joined into one: a, b, c as code(first=a, second=code(first=b, second=c))."""
    joined = parts[-1]
    for part in reversed(parts[:-1]):
        joined = Msg.of(code, first=part, second=joined)
    return joined


def assign_questions(
    model: Model,
    level: RoleLevel,
    focus: Sequence[Sequence[str]],
    role: Role | None = None,
    per: int | Mapping[str, int] = QUESTIONS_PER_FOCUS,
) -> list[dict[str, list[Question]]]:
    """`per` questions per interviewer and focus competency (index-aligned with `focus`): one number for
    every competency, or a number per competency id (`question_counts`).

    The interviewers sharing a competency get different questions while the model has enough,
    dealt so each of them hears different kinds; with too few, a question is repeated rather than missing.
    """
    out: list[dict[str, list[Question]]] = [{} for _f in focus]
    used: set[str] = set()
    order = [cid for ids in focus for cid in ids]
    for cid in dict.fromkeys(order):
        n = per if isinstance(per, int) else per[cid]
        holders = [i for i, ids in enumerate(focus) if cid in ids]
        target = level.targets[cid]
        pool = choose_questions(model, cid, target, used, n * len(holders), role, level)
        used.update(q.id for q in pool)
        for i, hand in zip(holders, _deal(pool, len(holders))):
            extra = [
                q for q in choose_questions(model, cid, target, {q.id for q in hand}, n, role, level) if q not in hand
            ]
            out[i][cid] = hand + extra[: n - len(hand)]
    return out


def _deal(pool: Sequence[Question], count: int) -> list[list[Question]]:
    """The pool dealt round-robin to `count` hands with the questions of one kind next to each other
    (the commonest kind first), so a kind lands in different hands; each hand in pool order."""
    rank = {q.id: k for k, q in enumerate(pool)}
    kinds = Counter(q.kind for q in pool)
    first: dict[str, int] = {}
    for q in pool:
        first.setdefault(q.kind, rank[q.id])
    spread = sorted(pool, key=lambda q: (-kinds[q.kind], first[q.kind], rank[q.id]))
    return [sorted(spread[h::count], key=lambda q: rank[q.id]) for h in range(count)]


def make_plan(
    model: Model,
    role_id: str,
    level_id: str,
    interviewers: Sequence[str],
    candidate: str | None = None,
    minutes: int | None = None,
) -> tuple[dict[str, Any], list[Msg]]:
    """(plan data, notes): the focus and questions of each interviewer; notes say what the rules miss
    and where the minutes are too few for the questions. Minutes None: the level's (`panel_size`)."""
    role, level = resolve(model, role_id, level_id)
    names = [" ".join(n.split()) for n in interviewers if n and n.strip()]
    if not names:
        raise PlanError(_("нужен хотя бы один интервьюер (--interviewer ИМЯ)"))
    seen: dict[str, str] = {}
    for name in names:  # the same rule as plan --check: one person, one part of the panel
        if normalise_name(name) in seen:
            raise PlanError(
                _("интервьюер «{name}» указан дважды (как «{first}»): у каждого интервьюера своё имя").format(
                    name=name, first=seen[normalise_name(name)]
                )
            )
        seen[normalise_name(name)] = name
    if minutes is None:
        minutes = panel_size(role, level)[1]
    focus, _missing = panel_focus(role, level, len(names))
    chosen = assign_questions(model, level, focus, role, question_counts(role, level, int(minutes), focus))
    people = [
        {"name": name, "focus": list(ids), "questions": [q.id for cid in ids for q in chosen[i][cid]]}
        for i, (name, ids) in enumerate(zip(names, focus))
    ]
    plan = {
        "plan": PLAN_VERSION,
        "role": role.id,
        "level": level.id,
        "candidate": candidate or None,
        "minutes": int(minutes),
        "interviewers": people,
    }
    return plan, coverage_notes(model, role, focus, level) + time_notes(model, plan)


def place_questions(focus: Sequence[str], questions: Sequence[Question]) -> dict[str, list[Question]]:
    """Questions by focus competency (each once, in the given order within a competency).

    A question that rates one competency of the focus goes there; one that rates several (an open
    question with also_for) goes to the one with the fewest questions so far, its own competency on
    a tie, then focus order. A question that rates none of the focus is left out.
    """
    out: dict[str, list[Question]] = {cid: [] for cid in focus}
    order = {q.id: k for k, q in enumerate(questions)}
    homes = {q.id: [cid for cid in focus if q.rates(cid)] for q in questions}
    for q in questions:
        if len(homes[q.id]) == 1:
            out[homes[q.id][0]].append(q)
    for q in questions:
        if len(homes[q.id]) > 1:
            best = min(homes[q.id], key=lambda cid: (len(out[cid]), cid != q.competency, focus.index(cid)))
            out[best].append(q)
    return {cid: sorted(qs, key=lambda q: order[q.id]) for cid, qs in out.items()}


def placement(model: Model, person: dict[str, Any]) -> dict[str, list[Question]]:
    """An interviewer's questions by focus competency, as `place_questions` places them."""
    qs = [q for qid in dict.fromkeys(person["questions"]) if (q := model.question(qid)) is not None]
    return place_questions(list(person["focus"]), qs)


def _frame(total: int) -> tuple[int, int]:
    """(introduction, closing) minutes of a slot of `total` minutes (none below 30 minutes)."""
    return (INTRO_MINUTES, CLOSING_MINUTES) if total >= 30 else (0, 0)


def _units(model: Model, person: dict[str, Any]) -> list[int]:
    """Questions per focus competency, at least one each (a focus without questions still takes time)."""
    return [max(1, len(qs)) for qs in placement(model, person).values()]


def person_open_questions(model: Model, plan: dict[str, Any], person: dict[str, Any]) -> list[Question]:
    """The open questions of this interviewer's card (`open_placement` over the plan's interviewers)."""
    role = model.role(plan["role"])
    level = role.level(plan["level"]) if role else None
    people = list(plan["interviewers"])
    if role is None or level is None or person not in people:
        return []
    return open_placement(model, role, level, [p["focus"] for p in people])[people.index(person)]


def _open_minutes(model: Model, plan: dict[str, Any], person: dict[str, Any], total: int) -> int:
    """Minutes of the interviewer's open-question slot: OPEN_MINUTES a question, none below 30 minutes."""
    return OPEN_MINUTES * len(person_open_questions(model, plan, person)) if total >= 30 else 0


def minutes_per_question(model: Model, plan: dict[str, Any], person: dict[str, Any]) -> float:
    """The minutes an interviewer's slot leaves per question after the introduction, the open-question
    slot and the closing."""
    total = int(plan["minutes"])
    intro, closing = _frame(total)
    extra = _open_minutes(model, plan, person, total)
    return (total - intro - closing - extra) / max(1, sum(_units(model, person)))


def time_slots(model: Model, plan: dict[str, Any], person: dict[str, Any]) -> list[tuple[int, int, str | None]]:
    """(start, end, competency id, OPEN_SLOT or None) minutes of one interviewer's slot: intro, focus, the
    open-question slot (only where the interviewer's card has that block), closing.

    None marks the introduction (first) and the candidate's questions (last). Each question gets
    MIN_PER_QUESTION minutes where the slot allows (else an equal share), the rest is split by
    weight; largest remainders, so the parts always add up to the plan's minutes.
    """
    role = model.role(plan["role"])
    if role is None:  # a checked plan names a role of the model
        raise PlanError(
            _("неизвестная роль «{role}»; роли модели: {roles}").format(
                role=plan["role"], roles=", ".join(r.id for r in model.roles)
            )
        )
    total = int(plan["minutes"])
    intro, closing = _frame(total)
    extra = _open_minutes(model, plan, person, total)
    ids = list(person["focus"])
    weights = [rc.weight if (rc := role.weighted(c)) else 1 for c in ids]
    units = _units(model, person)
    per = min(float(MIN_PER_QUESTION), minutes_per_question(model, plan, person))
    rest = total - intro - closing - extra - per * sum(units)
    exact = [per * u + rest * w / max(1, sum(weights)) for u, w in zip(units, weights)]
    shares = _round(total - intro - closing - extra, exact)
    slots: list[tuple[int, int, str | None]] = [(0, intro, None)] if intro else []
    t = intro
    for cid, share in zip(ids, shares):
        slots.append((t, t + share, cid))
        t += share
    if extra:
        slots.append((t, t + extra, OPEN_SLOT))
        t += extra
    if closing:
        slots.append((t, t + closing, None))
    return slots


def _round(total: int, exact: Sequence[float]) -> list[int]:
    """Whole minutes adding up to `total`, by largest remainders of the exact shares."""
    parts = [math.floor(x) for x in exact]
    for i in sorted(range(len(exact)), key=lambda i: (parts[i] - exact[i], i))[: total - sum(parts)]:
        parts[i] += 1
    return parts


def minutes_needed(questions: int) -> int:
    """The fewest minutes that give `questions` questions MIN_PER_QUESTION minutes each."""
    bare = max(MIN_MINUTES, MIN_PER_QUESTION * questions)
    return bare if bare < 30 else bare + INTRO_MINUTES + CLOSING_MINUTES


def panel_for_minutes(role: Role, count: int, minutes: int, extra: int = 0) -> tuple[int, int] | None:
    """(interviewers, focus each at most) for MIN_PER_QUESTION minutes a question at `minutes` (`extra` of
    them kept for the open-question slot), with more interviewers than `count`; None when no panel of up to
    12 does it."""
    intro, closing = _frame(minutes)
    fits = min(MAX_FOCUS, (minutes - intro - closing - extra) // (MIN_PER_QUESTION * QUESTIONS_PER_FOCUS))
    for k in range(count + 1, 13):
        focus, missing = assign_focus(role, k)
        if fits and not missing and all(len(f) <= fits for f in focus):
            return k, max(len(f) for f in focus)
    return None


def time_notes(model: Model, plan: dict[str, Any]) -> list[Msg]:
    """A note when an interviewer's minutes give less than MIN_PER_QUESTION minutes a question,
    with what would fix it: the minutes each slot needs, or a larger panel (empty when time is enough)."""
    people = plan["interviewers"]
    short = [(p, per) for p in people if (per := minutes_per_question(model, plan, p)) < MIN_PER_QUESTION]
    role = model.role(plan["role"])
    if not short or role is None:
        return []
    minutes = int(plan["minutes"])
    intro, closing = _frame(minutes)
    groups: dict[tuple[int, int, int], list[str]] = {}
    for p, per in short:  # interviewers with the same numbers share one mention
        t = minutes - intro - closing - _open_minutes(model, plan, p, minutes)
        groups.setdefault((math.floor(per), sum(_units(model, p)), t), []).append(f"«{p['name']}»")
    everyone = len(groups) == 1 and len(short) == len(people) > 1
    who = _joined(
        [
            Msg.of(
                "plan-note.short-group",
                names=Msg.of("plan-note.everyone") if everyone else ", ".join(names),
                m=m,
                n=n,
                t=t,
            )
            for (m, n, t), names in groups.items()
        ],
        "plan-note.and",
    )
    fixes = []
    opens = [OPEN_MINUTES * len(person_open_questions(model, plan, p)) for p in people]
    need = max(
        minutes_needed(sum(_units(model, p))) + OPEN_MINUTES * len(person_open_questions(model, plan, p))
        for p, _per in short
    )
    if need <= MAX_MINUTES:
        fixes.append(Msg.of("plan-note.fix-minutes", n=need))
    panel = panel_for_minutes(role, len(people), minutes, max(opens))
    if panel:
        k, f = panel
        fixes.append(
            Msg.of("plan-note.fix-one-more", f=f) if k == len(people) + 1 else Msg.of("plan-note.fix-panel", k=k, f=f)
        )
    if fixes:
        advice = _joined(fixes, "plan-note.or")
        return [Msg.of("plan-note.short-advice", who=who, m=MIN_PER_QUESTION, fixes=advice)]
    return [Msg.of("plan-note.short", who=who, m=MIN_PER_QUESTION)]
