"""A hiring round (core, pure): group scorecards by candidate, evaluate each panel, rank, and
warn about names that look like one person typed twice.

Names are compared after cardcheck.normalise_name (case, «ё», spaces). Two different
candidates whose normalised names are within edit distance 2 both get a
`similar_candidates` warning. Similar pairs are found through shared deletion variants
(a name within distance k of another shares a variant with at most k deletions), so
thousands of candidates cost no pairwise comparison. Names with different digits are
numbered on purpose and never compared.
"""

from __future__ import annotations

from collections import OrderedDict
from itertools import combinations
from typing import Any, Iterable, Sequence

from accountpath.i18n import _
from accountpath.messages import render
from accountpath.method.debrief import debrief, warning
from accountpath.method.evaluate import Scorecard, rank_key
from accountpath.model.types import Model
from accountpath.names import difference, identity, normalise_name
from accountpath.problems import Problem

MAX_DISTANCE = 2


def panel_problems(cards: Sequence[Scorecard], by_identity: bool = False) -> list[Problem]:
    """Problems of a panel: mixed candidates, roles or levels, or one interviewer twice. Candidates
    compare by candidate_id when the cards carry one (`by_identity`: the grouping already did)."""
    out: list[Problem] = []
    if not cards:
        return out
    first = cards[0]
    seen: dict[str, Scorecard] = {}
    for card in cards:
        for field_, same in (
            ("candidate", by_identity or same_candidate(card, first)),
            ("role", card.role == first.role),
            ("level", card.level == first.level),
        ):
            if not same:
                line, col = card.lines.get(field_, (0, 0))
                out.append(
                    Problem(
                        card.source,
                        line,
                        col,
                        _(
                            "{field} «{value}» не совпадает с «{first}» в {source}: оценивайте листы одного кандидата "
                            "на одну роль и уровень (или весь раунд: --round)"
                        ).format(
                            field=field_, value=getattr(card, field_), first=getattr(first, field_), source=first.source
                        )
                        + _letter_hint(field_, card, first),
                    )
                )
        key = normalise_name(card.interviewer)
        if key in seen:
            line, col = card.lines.get("interviewer", (0, 0))
            out.append(
                Problem(
                    card.source,
                    line,
                    col,
                    _(
                        "интервьюер «{name}» уже оценил этого кандидата в {source}: один лист от каждого интервьюера"
                    ).format(name=card.interviewer, source=seen[key].source),
                )
            )
        else:
            seen[key] = card
    return out


def same_candidate(a: Scorecard, b: Scorecard) -> bool:
    """One candidate: the same candidate_id when both cards carry one, else the same name key."""
    if a.candidate_id and b.candidate_id:
        return identity(a.candidate, a.candidate_id) == identity(b.candidate, b.candidate_id)
    return normalise_name(a.candidate) == normalise_name(b.candidate)


def _letter_hint(field_: str, card: Scorecard, first: Scorecard) -> str:
    """For two names one letter apart: which letter differs (a Latin look-alike said so)."""
    if field_ != "candidate":
        return ""
    diff = difference(card.candidate, first.candidate)
    if not diff:
        return ""
    return "; " + render(
        "name.letter-differs",
        {
            "name": card.candidate,
            "other": first.candidate,
            "letter": diff["letter"],
            "instead": diff["instead"],
            "position": diff["position"],
            "script": _(" (латинская)") if diff["latin"] else "",
        },
    )


def edit_distance(a: str, b: str, limit: int = MAX_DISTANCE) -> int:
    """Levenshtein distance, or limit + 1 as soon as it is known to exceed `limit`."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, start=1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
        if min(cur) > limit:
            return limit + 1
        prev = cur
    return prev[-1]


def _deletions(word: str, k: int) -> set[str]:
    found = {word}
    frontier = {word}
    for _step in range(k):
        frontier = {w[:i] + w[i + 1 :] for w in frontier for i in range(len(w))}
        found |= frontier
    return found


def similar_pairs(names: Iterable[str], limit: int = MAX_DISTANCE) -> list[tuple[str, str]]:
    """Pairs of distinct normalised names within `limit` edits, sorted.

    Names whose digits differ («Кандидат 1», «Кандидат 2») are numbered on purpose, not typed twice:
    only names with the same digits are compared.
    """
    by_digits: dict[str, list[str]] = {}
    for name in sorted(set(names)):
        by_digits.setdefault("".join(ch for ch in name if ch.isdigit()), []).append(name)
    index: dict[tuple[str, str], set[str]] = {}
    for digits, group in by_digits.items():
        for name in group if len(group) > 1 else ():
            for variant in _deletions(name, limit):
                index.setdefault((digits, variant), set()).add(name)
    pairs = set()
    for bucket in index.values():
        if len(bucket) > 1:
            for a, b in combinations(sorted(bucket), 2):
                if (a, b) not in pairs and edit_distance(a, b, limit) <= limit:
                    pairs.add((a, b))
    return sorted(pairs)


def _level_of(group: Sequence[Scorecard]) -> str:
    """The level most of a candidate's cards give (the first seen among equals)."""
    counts: dict[str, int] = {}
    for card in group:
        counts[card.level] = counts.get(card.level, 0) + 1
    return max(counts, key=lambda lv: (counts[lv], -[c.level for c in group].index(lv)))


def group_cards(cards: Sequence[Scorecard]) -> tuple[list[list[Scorecard]], list[Problem]]:
    """Panels by candidate (the candidate_id when given, else the name's key) and role, in first-seen
    order. A card at another level than most of the candidate's cards is a problem of that candidate
    (file, line), not a second candidate; a second card from one interviewer is refused."""
    groups, problems, _by_candidate = group_cards_detailed(cards)
    return groups, problems


def group_cards_detailed(
    cards: Sequence[Scorecard],
) -> tuple[list[list[Scorecard]], list[Problem], dict[int, list[Problem]]]:
    """group_cards() and, by the index of a returned group, the problems that belong to its candidate."""
    by_key: OrderedDict[tuple[str, str], list[Scorecard]] = OrderedDict()
    for card in cards:
        by_key.setdefault((identity(card.candidate, card.candidate_id), card.role), []).append(card)
    groups: list[list[Scorecard]] = []
    problems: list[Problem] = []
    mine: dict[int, list[Problem]] = {}
    for found in by_key.values():
        level = _level_of(found)
        group: list[Scorecard] = []
        own: list[Problem] = []
        for card in found:
            if card.level != level:
                line, col = card.lines.get("level", (0, 0))
                own.append(
                    Problem.at(
                        card.source,
                        line,
                        col,
                        "round.level-mismatch",
                        level=card.level,
                        candidate=card.candidate,
                        expected=level,
                    )
                )
                continue
            dup = panel_problems(group + [card], by_identity=True)
            if dup:
                own += [p for p in dup if p.path == card.source]
                continue
            group.append(card)
        problems += own
        if group:
            mine[len(groups)] = own
            groups.append(group)
    return groups, problems, mine


def evaluate_round(model: Model, cards: Sequence[Scorecard]) -> tuple[list[dict[str, Any]], list[Problem]]:
    """Every panel's debrief, ranked best first, with similar-name warnings; problems for refused cards
    (those that belong to a candidate are also in that result's `problems`, as the JSON contract's dicts)."""
    groups, problems, mine = group_cards_detailed(cards)
    results = []
    for i, g in enumerate(groups):
        r = debrief(model, g[0].role, g[0].level, g)
        ids = sorted({c.candidate_id for c in g if c.candidate_id})
        if ids:
            r["candidate_id"] = ids[0]
        if mine.get(i):
            r["problems"] = [p.as_json() for p in mine[i]]
        results.append(r)
    add_similar_warnings(results)
    results.sort(key=rank_key)
    return results, problems


def add_similar_warnings(results: Sequence[dict[str, Any]]) -> None:
    """Give both candidates of every similar pair a `similar_candidates` warning (in place)."""
    by_name: dict[str, list[dict[str, Any]]] = {}
    for r in results:
        by_name.setdefault(normalise_name(r["candidate"]), []).append(r)
    for a, b in similar_pairs(by_name):
        for mine, other in ((a, b), (b, a)):
            other_shown = by_name[other][0]["candidate"]
            for r in by_name[mine]:
                r.setdefault("warnings", []).append(
                    warning(
                        "similar_candidates",
                        _(
                            "Имя «{name}» почти совпадает с «{other}»: если это один человек, исправьте имя в листах, "
                            "иначе его оценки считаются как два разных кандидата."
                        ).format(name=r["candidate"], other=other_shown),
                    )
                )
