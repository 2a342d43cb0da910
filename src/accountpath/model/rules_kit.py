"""Rules of the hiring kit (issue 19): pay bands, the phone screen, take-home tasks and reference
questions. Each problem carries a code of the message table (`accountpath.messages`) and the
position of the offending value: pay-range, pay-source, pay-ratio, screening-count,
screening-stop, take-home-scoring, take-home-table,
reference-count, reference-coverage, vacancy-requirements, interview-panel, panel-seats."""

from __future__ import annotations

import math
from typing import Any, TypeGuard

from accountpath.model.rulebase import Ctx, hint, is_int, items
from accountpath.model.types import MAX_FOCUS, MUST_HAVE_COVER
from accountpath.model.yamlsource import DocPath
from accountpath.problems import Problem

SCREENING_MIN, SCREENING_MAX = 6, 8
REFERENCE_MIN, REFERENCE_MAX = 2, 3
REQUIREMENTS_MIN, REQUIREMENTS_MAX = 3, 7
STOP_WORD = "стоп"  # a knock-out's listen_for says «Стоп, если …»


def _at(ctx: Ctx, path: DocPath, code: str, *, key: bool = False, **params: Any) -> Problem:
    line, col = ctx.doc.pos(path, key=key)
    return Problem.at(ctx.doc.path, line, col, code, **params)


def pay_range(ctx: Ctx) -> list[Problem]:
    """A pay band has `from`, `to` or both, `from` <= `to`; a band of basis source names its source."""
    out = []
    for i, role in ctx.roles:
        for j, lv in items(role, "levels"):
            pay = lv.get("pay")
            if not isinstance(pay, dict):
                continue
            path, at = ("roles", i, "levels", j, "pay"), ctx.where(("roles", i, "levels", j))
            lo, hi = pay.get("from"), pay.get("to")
            if "from" in pay and "to" in pay and lo is None and hi is None:
                out.append(_at(ctx, path, "model.pay-empty", key=True, at=at))
            elif is_int(lo) and is_int(hi) and lo > hi:
                out.append(_at(ctx, path + ("from",), "model.pay-order", at=at, low=lo, high=hi))
            src = pay.get("source")
            if pay.get("basis") == "source" and not isinstance(src, str):
                out.append(_at(ctx, path + ("basis",), "model.pay-no-source", at=at))
            elif isinstance(src, str) and src not in ctx.source_ids:
                out.append(_at(ctx, path + ("source",), "model.pay-unknown-source", at=at, source=src))
    return out


def _is_number(value: Any) -> TypeGuard[float]:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def pay_ratio(ctx: Ctx) -> list[Problem]:
    """A level's `pay_ratio` compares it with a known level earlier on the ladder (roles in model order,
    levels in role order), `min` <= `max`, and `min` > 1: pay rises along every step."""
    out = []
    order: dict[str, int] = {}
    for _i, role in ctx.roles:
        for _j, lv in items(role, "levels"):
            if isinstance(lv.get("id"), str):
                order.setdefault(lv["id"], len(order))
    for i, role in ctx.roles:
        for j, lv in items(role, "levels"):
            ratio = lv.get("pay_ratio")
            if not isinstance(ratio, dict):
                continue
            path, at = ("roles", i, "levels", j, "pay_ratio"), ctx.where(("roles", i, "levels", j))
            base, lo, hi = ratio.get("of"), ratio.get("min"), ratio.get("max")
            if isinstance(base, str):
                if base not in order:
                    out.append(
                        _at(ctx, path + ("of",), "model.pay-ratio-unknown", at=at, level=base, tip=hint(base, order))
                    )
                elif order[base] >= order.get(str(lv.get("id")), len(order)):
                    out.append(_at(ctx, path + ("of",), "model.pay-ratio-later", at=at, level=base))
            if _is_number(lo) and _is_number(hi) and lo > hi:
                out.append(_at(ctx, path + ("min",), "model.pay-ratio-order", at=at, low=lo, high=hi))
            if _is_number(lo) and lo <= 1:
                out.append(_at(ctx, path + ("min",), "model.pay-ratio-rise", at=at, low=lo))
    return out


def _screens(ctx: Ctx) -> list[tuple[DocPath, str, list[Any]]]:
    """Every phone screen of the model: (its path, where it is, its questions), the role's and the levels' own."""
    out: list[tuple[DocPath, str, list[Any]]] = []
    for i, role in ctx.roles:
        if isinstance(role.get("screening"), list):
            out.append((("roles", i, "screening"), ctx.where(("roles", i)), role["screening"]))
        for j, lv in items(role, "levels"):
            if isinstance(lv.get("screening"), list):
                out.append(
                    (("roles", i, "levels", j, "screening"), ctx.where(("roles", i, "levels", j)), lv["screening"])
                )
    return out


def _screened(role: dict[str, Any]) -> bool:
    """The role has a phone screen: its own or one of its levels'."""
    return isinstance(role.get("screening"), list) or any(
        isinstance(lv.get("screening"), list) for _j, lv in items(role, "levels")
    )


def screening_count(ctx: Ctx) -> list[Problem]:
    """A phone screen (a role's or a level's own) has 6 to 8 questions, at least one of them a knock-out."""
    out = []
    for path, at, screen in _screens(ctx):
        if not SCREENING_MIN <= len(screen) <= SCREENING_MAX:
            out.append(
                _at(
                    ctx,
                    path,
                    "model.screening-count",
                    key=True,
                    at=at,
                    n=len(screen),
                    lo=SCREENING_MIN,
                    hi=SCREENING_MAX,
                )
            )
        if screen and not any(isinstance(q, dict) and q.get("knock_out") is True for q in screen):
            out.append(_at(ctx, path, "model.screening-knock-out", key=True, at=at))
    return out


def screening_stop(ctx: Ctx) -> list[Problem]:
    """A knock-out question's `listen_for` says when to stop: it has «Стоп» («Стоп, если …»)."""
    out = []
    for path, at, screen in _screens(ctx):
        for k, q in enumerate(screen):
            if not isinstance(q, dict) or q.get("knock_out") is not True:
                continue
            listen = q.get("listen_for")
            if isinstance(listen, str) and STOP_WORD not in listen.casefold():
                out.append(_at(ctx, path + (k, "listen_for"), "model.screening-stop", at=at, n=k + 1))
    return out


def take_home_scoring(ctx: Ctx) -> list[Problem]:
    """A take-home scores weighted competencies of its role, each once."""
    out = []
    for i, role in ctx.roles:
        weighted = {rc.get("id") for _k, rc in items(role, "competencies")}
        for j, lv in items(role, "levels"):
            seen: set[str] = set()
            at = ctx.where(("roles", i, "levels", j))
            for k, row in items(lv.get("take_home"), "scoring"):
                cid = row.get("competency")
                path = ("roles", i, "levels", j, "take_home", "scoring", k, "competency")
                if not isinstance(cid, str):
                    continue
                if cid not in weighted:
                    out.append(_at(ctx, path, "model.take-home-unweighted", at=at, competency=cid))
                elif cid in seen:
                    out.append(_at(ctx, path, "model.take-home-repeated", at=at, competency=cid))
                seen.add(cid)
    return out


def take_home_table(ctx: Ctx) -> list[Problem]:
    """Every row of a take-home handout's table has as many cells as the table has columns."""
    out = []
    for i, role in ctx.roles:
        for j, lv in items(role, "levels"):
            th = lv.get("take_home")
            at = ctx.where(("roles", i, "levels", j))
            for k, doc in items(th, "handout"):
                table = doc.get("table") if isinstance(doc, dict) else None
                if not isinstance(table, dict) or not isinstance(table.get("columns"), list):
                    continue
                n = len(table["columns"])
                rows = table.get("rows")
                for r, row in enumerate(rows if isinstance(rows, list) else []):
                    if isinstance(row, list) and len(row) != n:
                        path = ("roles", i, "levels", j, "take_home", "handout", k, "table", "rows", r)
                        out.append(_at(ctx, path, "model.take-home-table", at=at, row=r + 1, cells=len(row), columns=n))
    return out


def reference_coverage(ctx: Ctx) -> list[Problem]:
    """A competency's reference questions number 2 or 3; every must-have competency of a role
    that has a phone screen (a role with a hiring kit) has them."""
    out = []
    must = {
        rc.get("id")
        for _i, r in ctx.roles
        if _screened(r)
        for _j, rc in items(r, "competencies")
        if rc.get("must_have") is True
    }
    for i, c in ctx.comps:
        refs = c.get("reference_questions")
        n = len(refs) if isinstance(refs, list) else 0
        if (n or c.get("id") in must) and not REFERENCE_MIN <= n <= REFERENCE_MAX:
            given = isinstance(refs, list)
            path = ("competencies", i, "reference_questions" if given else "id")
            params = {"competency": str(c.get("id")), "n": n, "lo": REFERENCE_MIN, "hi": REFERENCE_MAX}
            out.append(_at(ctx, path, "model.reference-count", key=given, **params))
    return out


def vacancy_requirements(ctx: Ctx) -> list[Problem]:
    """Every level of a role with a phone screen (a role with a vacancy) has 3 to 7 vacancy requirements;
    a level of another role that has them has 3 to 7 too."""
    out = []
    for i, role in ctx.roles:
        screened = _screened(role)
        for j, lv in items(role, "levels"):
            reqs = lv.get("requirements")
            given = isinstance(reqs, list)
            n = len(reqs) if isinstance(reqs, list) else 0
            if (given or screened) and not REQUIREMENTS_MIN <= n <= REQUIREMENTS_MAX:
                path = ("roles", i, "levels", j) + (("requirements",) if given else ("id",))
                at = ctx.where(("roles", i, "levels", j))
                out.append(
                    _at(
                        ctx,
                        path,
                        "model.vacancy-requirements",
                        key=given,
                        at=at,
                        n=n,
                        lo=REQUIREMENTS_MIN,
                        hi=REQUIREMENTS_MAX,
                    )
                )
    return out


def interview_panel(ctx: Ctx) -> list[Problem]:
    """A level's `interview.panel` names one seat per interviewer: as many entries as `interviewers`."""
    out = []
    for i, role in ctx.roles:
        for j, lv in items(role, "levels"):
            interview = lv.get("interview")
            if not isinstance(interview, dict):
                continue
            panel, count = interview.get("panel"), interview.get("interviewers")
            if isinstance(panel, list) and is_int(count) and len(panel) != count:
                path = ("roles", i, "levels", j, "interview", "panel")
                at = ctx.where(("roles", i, "levels", j))
                out.append(_at(ctx, path, "model.interview-panel", key=True, at=at, n=len(panel), count=count))
    return out


def _weighted(role: dict[str, Any]) -> dict[str, tuple[float, bool]]:
    """{competency id: (weight, must-have)} of a role's weighted competencies (malformed entries skipped)."""
    out = {}
    for _k, rc in items(role, "competencies"):
        weight = rc.get("weight")
        if isinstance(rc.get("id"), str):
            out[rc["id"]] = (weight if _is_number(weight) else 0, rc.get("must_have") is True)
    return out


def _seat_focus(ctx: Ctx, path: DocPath, at: str, n: int, focus: list[Any], weighted: dict[str, Any]) -> list[Problem]:
    """One seat's `focus`: the role's weighted competencies, each once, at most MAX_FOCUS."""
    out = []
    seen: set[str] = set()
    for m, cid in enumerate(focus):
        if not isinstance(cid, str):
            continue
        if cid not in weighted:
            out.append(
                _at(
                    ctx, path + (m,), "model.seat-focus-unweighted", at=at, n=n, competency=cid, tip=hint(cid, weighted)
                )
            )
        elif cid in seen:
            out.append(_at(ctx, path + (m,), "model.seat-focus-repeated", at=at, n=n, competency=cid))
        seen.add(cid)
    if len(focus) > MAX_FOCUS:
        out.append(_at(ctx, path, "model.seat-focus-max", key=True, at=at, n=n, count=len(focus), most=MAX_FOCUS))
    return out


def _min_coverage(ctx: Ctx) -> float | None:
    ev = ctx.data.get("evaluation") if isinstance(ctx.data, dict) else None
    value = ev.get("min_coverage") if isinstance(ev, dict) else None
    return float(value) if _is_number(value) else None


def panel_seats(ctx: Ctx) -> list[Problem]:
    """A panel seat that names its competencies (`{who, focus}`) rates weighted competencies of its role, each
    once, at most MAX_FOCUS; either every seat of a panel names them or none; where all do, every must-have is
    on MUST_HAVE_COVER seats (one on a panel of one) and the seats together rate competencies of at least the
    hiring rule's coverage (`evaluation.min_coverage` of the role's weight)."""
    out = []
    coverage = _min_coverage(ctx)
    for i, role in ctx.roles:
        weighted = _weighted(role)
        for j, lv in items(role, "levels"):
            interview = lv.get("interview")
            panel = interview.get("panel") if isinstance(interview, dict) else None
            if not isinstance(panel, list) or not panel:
                continue
            path, at = ("roles", i, "levels", j, "interview", "panel"), ctx.where(("roles", i, "levels", j))
            focus: list[list[Any]] = []
            for k, seat in enumerate(panel):
                given = seat.get("focus") if isinstance(seat, dict) else None
                if isinstance(given, list) and given:
                    out += _seat_focus(ctx, path + (k, "focus"), at, k + 1, given, weighted)
                    focus.append(given)
            if not focus:
                continue
            if len(focus) < len(panel):
                out.append(_at(ctx, path, "model.seat-focus-partial", key=True, at=at, n=len(focus), count=len(panel)))
                continue
            need = MUST_HAVE_COVER if len(panel) >= 2 else 1
            for cid, (_w, must) in weighted.items():
                held = sum(cid in f for f in focus)
                if must and held < need:
                    out.append(
                        _at(ctx, path, "model.seat-focus-must-have", key=True, at=at, competency=cid, n=held, need=need)
                    )
            total = sum(w for w, _m in weighted.values())
            rated = sum(w for cid, (w, _m) in weighted.items() if any(cid in f for f in focus))
            if coverage is not None and total and rated < math.ceil(coverage * total - 1e-9):
                left = ", ".join(cid for cid in weighted if not any(cid in f for f in focus))
                need_w = math.ceil(coverage * total - 1e-9)
                out.append(
                    _at(
                        ctx,
                        path,
                        "model.seat-focus-coverage",
                        key=True,
                        at=at,
                        w=rated,
                        total=total,
                        need=need_w,
                        ids=left,
                    )
                )
    return out


RULES = (
    pay_range,
    pay_ratio,
    screening_count,
    screening_stop,
    take_home_scoring,
    take_home_table,
    reference_coverage,
    vacancy_requirements,
    interview_panel,
    panel_seats,
)
