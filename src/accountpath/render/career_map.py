"""The career map of the site, drawn at build time from the model (no JavaScript).

`career_entries(model)` is the ladder's graph: for each role the roles and outside entries
leading in and out (links are symmetric); svg.career_ladder draws it for a wide screen.
`career_flow(model, careers)` is the same ladder as a short vertical Markdown list for a
phone (the page shows one or the other with CSS). Model text is escaped.
"""

from __future__ import annotations

from accountpath.i18n import _
from accountpath.model.types import Model, Role
from accountpath.render.mdtext import md_escape
from accountpath.vocab import PRACTICE_MARK


def career_entries(model: Model) -> dict[str, dict[str, list[str]]]:
    """For each role id: the roles and outside entries leading in and out.

    Links are symmetric: `to: [b]` on role a also counts as `from: [a]` on b.
    """
    ins: dict[str, list[str]] = {r.id: [] for r in model.roles}
    outs: dict[str, list[str]] = {r.id: [] for r in model.roles}

    def add(bucket: list[str], item: str) -> None:
        if item not in bucket:
            bucket.append(item)

    for r in model.roles:
        for e in r.career.from_:
            add(ins[r.id], e)
            if model.role(e):
                add(outs[e], r.id)
        for e in r.career.to:
            add(outs[r.id], e)
            if model.role(e):
                add(ins[e], r.id)
    return {r.id: {"from": ins[r.id], "to": outs[r.id]} for r in model.roles}


def career_rows(model: Model, careers: dict[str, dict[str, list[str]]]) -> list[list[Role]]:
    """The map's rungs, model order: a role stands beside the one before it (a parallel track,
    such as key accounts beside the group heads) when both are entered from the same roles and
    neither leads to the other; otherwise it starts the next rung."""

    def entered_from(role: Role) -> set[str]:
        return {e for e in careers[role.id]["from"] if model.role(e) is not None}

    rows: list[list[Role]] = []
    for role in model.roles:
        if rows:
            prev = rows[-1][-1]
            linked = role.id in careers[prev.id]["to"] or prev.id in careers[role.id]["to"]
            if entered_from(role) and entered_from(role) == entered_from(prev) and not linked:
                rows[-1].append(role)
                continue
        rows.append([role])
    return rows


def career_rungs(model: Model, careers: dict[str, dict[str, list[str]]]) -> dict[str, tuple[int, Role | None]]:
    """For each role id: its rung number (1 = first) and the role it runs parallel to (None)."""
    out: dict[str, tuple[int, Role | None]] = {}
    for n, group in enumerate(career_rows(model, careers), 1):
        for k, role in enumerate(group):
            out[role.id] = (n, group[0] if k else None)
    return out


def outside_entries(model: Model, careers: dict[str, dict[str, list[str]]]) -> list[tuple[str, list[Role]]]:
    """Free-text entries into roles (neighbouring professions) with the roles they lead to."""
    out: dict[str, list[Role]] = {}
    for r in model.roles:
        for e in careers[r.id]["from"]:
            if model.role(e) is None:
                out.setdefault(e, []).append(r)
    return list(out.items())


def branch_note(href: str) -> str:
    """After a next role reached at about the same pay band (pageviews.same_band_steps): the step is a
    change of branch, not a promotion (◇); `href` points at the growth page's pay bands. No lead: the
    caller joins it with « — » or «, »."""
    text = _(
        "смена ветки на том же уровне оплаты, не повышение %(mark)s (см. [«Вилки агентства по уровням»](%(href)s))"
    )
    return text % {"mark": PRACTICE_MARK, "href": href}


def career_flow(
    model: Model,
    careers: dict[str, dict[str, list[str]]],
    prefix: str = "roles/",
    branch: frozenset[tuple[str, str]] = frozenset(),
    pay_href: str = "growth.md#pay",
) -> str:
    """The ladder as a short vertical Markdown list (the map on a narrow screen). A next role whose
    (role id, next role id) pair is in `branch` carries the change-of-branch note."""
    lines = ['<div class="ap-career-flow" markdown>', ""]
    for n, group in enumerate(career_rows(model, careers), 1):
        for k, role in enumerate(group):
            levels = " → ".join(md_escape(lv.name) for lv in role.levels)
            nxt = [r for r in model.roles if r.id in careers[role.id]["to"]]  # model order, as the rungs
            link = f"**[{md_escape(role.name)}]({prefix}{role.id}.md)**  "
            if k:
                lines[-1] += "  "
                lines.append("    *" + _("Параллельная ветка:") + "* " + link)
            else:
                lines.append(f"{n}. {link}")
            lines.append(f"    {levels}" + ("  " if nxt else ""))
            if nxt:
                lines.append(
                    "    "
                    + _("Дальше:")
                    + " "
                    + ", ".join(
                        f"[{md_escape(r.name)}]({prefix}{r.id}.md)"
                        + (" — " + branch_note(pay_href) if (role.id, r.id) in branch else "")
                        for r in nxt
                    )
                )
    lines += ["", "</div>"]
    return "\n".join(lines)
