"""The market page's salary table: every salary entry of the model as one scannable row.

`salary_table(model)` orders the rows by role (model order) and, inside a role, by the role
level the entry matches (`level`, optional; entries without one come last), then as the
model lists them. Each row carries what the table and the chart show: a short label, the tenure,
segment and region the article gives (a field the article leaves open is None), its source
and whether the project computed it (`basis: estimate`, shown as ◇) and, when it has a note, the note's footnote
number: 1, 2, 3 … in table order, with no gaps for rows without a note.
`role_salary_rows(role)` gives the same rows for one role page, numbered for that page.
Fields the model does not have yet read as None.
"""

from __future__ import annotations

from dataclasses import dataclass

from accountpath.i18n import _
from accountpath.model.types import Model, Role, RoleLevel, Salary

ESTIMATE_LABEL = "◇"
"""How a figure the project computed (basis: estimate) is marked, everywhere."""


@dataclass(frozen=True)
class SalaryRow:
    """One salary entry as the market page shows it."""

    role: Role
    level: RoleLevel | None
    s: Salary
    estimate: bool
    note_number: int | None  # the note's footnote number (consecutive over rows with a note), None without a note

    @property
    def label(self) -> str:
        """The role level's name, or the role's name when the entry names no level."""
        return self.level.name if self.level is not None else self.role.name

    @property
    def detail(self) -> str:
        """What the figure is for, as one label: see `describe`."""
        return describe(self.s)

    @property
    def anchor(self) -> str:
        """Link target on the role page: the level when known, else the salary section."""
        return f"level-{self.level.id}" if self.level is not None else "salary"


def thousands(v: float) -> str:
    """Roubles as rounded thousands: 75000 -> '75 тыс.'."""
    n = int(round(v / 1000))
    return f"{n:,}".replace(",", "\u202f") + " " + _("тыс.")


def short_range(s: Salary) -> str:
    """'20–40 тыс.', 'от 40 тыс.', 'до 90 тыс.'; the article's average maximum follows when it gives one:
    'от 20 тыс.; средний максимум 100–130 тыс.'."""
    lo, hi = s.min, s.max
    if lo is not None and hi is not None:
        text = thousands(lo) if lo == hi else f"{thousands(lo).rsplit(' ', 1)[0]}–{thousands(hi)}"
    elif lo is not None:
        text = _("от {x}").format(x=thousands(lo))
    else:
        text = _("до {x}").format(x=thousands(hi)) if hi is not None else ""
    if s.average_max is not None:
        a, b = s.average_max
        text += _("; средний максимум {a}–{b}").format(a=thousands(a).rsplit(" ", 1)[0], b=thousands(b))
    return text


def describe(s: Salary) -> str:
    """Whom the figure is for, tenure, segment and region the article gives, e.g. 'без опыта, регион не назван',
    'B2C, Москва', 'в среднем, рядовой специалист, регион не назван'."""
    parts = [x for x in (getattr(s, "who", None), s.experience, s.segment) if x]
    parts.append(s.region or _("регион не назван"))
    return ", ".join(parts)


def _level(role: Role, s: Salary) -> RoleLevel | None:
    level_id = getattr(s, "level", None)
    return role.level(level_id) if level_id else None


def _rows(entries: list[tuple[Role, RoleLevel | None, Salary]]) -> list[SalaryRow]:
    """Rows in the given order; notes numbered 1, 2, 3 … over the rows that have one."""
    rows, n = [], 0
    for role, lv, s in entries:
        n += 1 if s.note else 0
        rows.append(SalaryRow(role, lv, s, getattr(s, "basis", None) == "estimate", n if s.note else None))
    return rows


def _role_entries(role: Role) -> list[tuple[Role, RoleLevel | None, Salary]]:
    """One role's salary entries ordered by the level they match (none last), then as the model lists them
    (the articles' own grouping: by tenure, by segment, by region)."""
    ids = [lv.id for lv in role.levels]
    keyed = []
    for i, s in enumerate(role.salary):
        lv = _level(role, s)
        rank = ids.index(lv.id) if lv is not None else len(ids)
        keyed.append(((rank, i), lv, s))
    return [(role, lv, s) for _key, lv, s in sorted(keyed, key=lambda k: k[0])]


def role_salary_rows(role: Role) -> list[SalaryRow]:
    """The salary entries of one role in the market table's order, notes numbered for its role page."""
    return _rows(_role_entries(role))


def salary_table(model: Model) -> list[SalaryRow]:
    """Every salary entry of every role, ordered by role, level and model order."""
    return _rows([e for role in model.roles for e in _role_entries(role)])


def roles_without_salary(model: Model) -> list[Role]:
    """Roles for which the sources give no salary figures, model order."""
    return [r for r in model.roles if not r.salary]
