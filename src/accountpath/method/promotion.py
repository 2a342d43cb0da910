"""The promotion rule as the self-assessment and the tests use it: whether ratings meet a role level
the way a promotion is decided (method/team.py `blocking`, the one implementation of the rule), as
opposed to the hiring rule of `evaluate`."""

from __future__ import annotations

from collections.abc import Mapping

from accountpath.method.team import PROMOTION_TOLERANCE, blocking
from accountpath.model.types import Role, RoleLevel

__all__ = ["PROMOTION_TOLERANCE", "highest_ready", "ready"]


def ready(role: Role, level: RoleLevel, ratings: Mapping[str, float | None]) -> bool:
    """True when the ratings meet the level by the promotion rule."""
    return not blocking(role, level, ratings)


def highest_ready(role: Role, ratings: Mapping[str, float | None]) -> RoleLevel | None:
    """The highest level of the role the ratings meet by the promotion rule, or None."""
    met = [lv for lv in role.levels if ready(role, lv, ratings)]
    return met[-1] if met else None
