"""The promotion rule (core: data only): whether ratings meet a role level the way a promotion
is decided, as opposed to the hiring rule of `evaluate`. The growth page states the rule in words,
the self-assessment applies it in the browser (core/evaluate.js `promotionReady`)."""

from __future__ import annotations

from collections.abc import Mapping

from accountpath.model.types import Role, RoleLevel

PROMOTION_TOLERANCE = 0.5
"""How far below the level's target a competency that is not a must-have may be (the project's choice)."""


def shortfalls(role: Role, level: RoleLevel, ratings: Mapping[str, float | None]) -> dict[str, list[str]]:
    """The role's weighted competencies that keep `level` from being met by the promotion rule:
    {"must_have": [...], "other": [...], "unrated": [...]}, each in the role's order. A must-have
    needs its target; any other may be up to PROMOTION_TOLERANCE below it; an unrated one is missing."""
    out: dict[str, list[str]] = {"must_have": [], "other": [], "unrated": []}
    for rc in role.competencies:
        value, target = ratings.get(rc.id), level.targets[rc.id]
        if value is None:
            out["unrated"].append(rc.id)
        elif rc.must_have and value < target:
            out["must_have"].append(rc.id)
        elif not rc.must_have and value < target - PROMOTION_TOLERANCE:
            out["other"].append(rc.id)
    return out


def ready(role: Role, level: RoleLevel, ratings: Mapping[str, float | None]) -> bool:
    """True when the ratings meet the level by the promotion rule."""
    return not any(shortfalls(role, level, ratings).values())


def highest_ready(role: Role, ratings: Mapping[str, float | None]) -> RoleLevel | None:
    """The highest level of the role the ratings meet by the promotion rule, or None."""
    met = [lv for lv in role.levels if ready(role, lv, ratings)]
    return met[-1] if met else None
