"""Rules that keep every promotion step reachable and every question offered to people it fits:
step-size, question-audience, open-question. Problems carry a code of the message table
(`accountpath.messages`, area «model.») and end with the rule's name in brackets."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from accountpath.model.rulebase import Ctx, is_int
from accountpath.model.types import MANAGER_FROM, TEAM_COMPETENCY
from accountpath.model.yamlsource import DocPath
from accountpath.problems import Problem

MAX_STEP = 1
"""A promotion step raises a target by this much at most."""

PRESUMES_TEAM = re.compile(
    r"(?<!\w)(?:ваш(?:ей|ему|его|их|ими|а|у|и|ем|ей)? (?:команд|групп|подчинённ|отдел|люд|сотрудник)\w*"
    r"|в вашей (?:команде|группе)|ваши подчинённые)",
    re.IGNORECASE,
)
"""Words by which a question presumes the candidate leads people («джуниору из вашей команды»)."""

SAYS_NO_TEAM = re.compile(r"(?<!\w)вы не руководитель", re.IGNORECASE)
"""Words by which a question presumes the candidate leads nobody."""


def _problem(ctx: Ctx, path: DocPath, code: str, *, key: bool = False, **params: Any) -> Problem:
    line, col = ctx.doc.pos(path, key=key)
    return Problem.at(ctx.doc.path, line, col, code, at=ctx.where(path), **params)


def _target(lv: dict[str, Any], cid: str) -> int | None:
    value = lv["targets"].get(cid)
    return value if is_int(value) else None


def _steps(ctx: Ctx) -> Iterator[tuple[DocPath, dict[str, Any], DocPath, dict[str, Any]]]:
    """(from path, from level, to path, to level) of every promotion step: consecutive levels of a
    role, and a role's top level to the first level of each role its `career.to` names."""
    for i, role in ctx.roles:
        levels = ctx.levels(i, role)
        yield from ((p0, lv0, p1, lv1) for (p0, lv0), (p1, lv1) in zip(levels, levels[1:]))
        career = role.get("career")
        entries = career.get("to") if isinstance(career, dict) else None
        for entry in entries if isinstance(entries, list) else []:
            if not isinstance(entry, str) or entry not in ctx.role_ids or entry == role.get("id"):
                continue
            j = ctx.role_ids[entry]
            nxt = ctx.levels(j, ctx.data["roles"][j])
            if levels and nxt:
                yield levels[-1][0], levels[-1][1], nxt[0][0], nxt[0][1]


def step_size(ctx: Ctx) -> list[Problem]:
    """Along every promotion step no target rises by more than MAX_STEP."""
    out = []
    for p0, lv0, p1, lv1 in _steps(ctx):
        for cid in ctx.comp_ids:
            t0, t1 = _target(lv0, cid), _target(lv1, cid)
            if t0 is not None and t1 is not None and t1 - t0 > MAX_STEP:
                out.append(
                    _problem(
                        ctx,
                        p1 + ("targets", cid),
                        "model.step-size",
                        cid=cid,
                        t0=t0,
                        t1=t1,
                        prev=ctx.where(p0),
                        most=MAX_STEP,
                    )
                )
    return out


def _team_targets(ctx: Ctx) -> list[int]:
    """The team-management target of every role level of the model."""
    return [t for i, role in ctx.roles for _p, lv in ctx.levels(i, role) if (t := _target(lv, TEAM_COMPETENCY))]


def question_audience(ctx: Ctx) -> list[Problem]:
    """A question that presumes a team says audience: manager, one that says «вы не руководитель»
    says audience: individual; a question with an audience fits at least one role level by it."""
    out = []
    team = _team_targets(ctx)
    for path, q, _c in ctx.questions():
        text, audience = q.get("text"), q.get("audience")
        if isinstance(text, str):
            found = PRESUMES_TEAM.search(text)
            if found and audience != "manager":
                out.append(_problem(ctx, path + ("text",), "model.question-audience-team", found=found.group(0)))
            solo = SAYS_NO_TEAM.search(text)
            if solo and audience != "individual":
                out.append(_problem(ctx, path + ("text",), "model.question-audience-solo", found=solo.group(0)))
        if audience == "manager" and not any(t >= MANAGER_FROM for t in team):
            out.append(_problem(ctx, path + ("audience",), "model.question-audience-none", least=MANAGER_FROM))
    return out


def open_question(ctx: Ctx) -> list[Problem]:
    """`roles` (the roles an open question's article puts it to) is only on open questions, names
    known roles, and comes with the question's `source`; an open question without `roles` may be
    asked for any role."""
    out = []
    for path, q, _c in ctx.questions():
        roles = q.get("roles")
        if q.get("kind") != "open":
            if roles is not None:
                out.append(_problem(ctx, path + ("roles",), "model.open-question-roles-closed", key=True))
            continue
        if roles is not None and not q.get("source"):
            out.append(_problem(ctx, path, "model.open-question-source"))
        for k, rid in enumerate(roles if isinstance(roles, list) else []):
            if isinstance(rid, str) and rid not in ctx.role_ids:
                out.append(_problem(ctx, path + ("roles", k), "model.open-question-unknown-role", role=rid))
    return out


RULES = (step_size, question_audience, open_question)
