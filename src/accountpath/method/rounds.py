"""A hiring round (core, pure): group scorecards by candidate, evaluate each panel, rank, and
warn about names that look like one person typed twice.

Candidates are told apart by names.identity (the candidate_id, else names.person_key). Two different
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
from accountpath.method.debrief import coded, debrief
from accountpath.method.evaluate import Scorecard, rank_key
from accountpath.model.types import Model
from accountpath.names import difference, identity, normalise_name, person_key
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
        key = person_key(card.interviewer)
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
    return person_key(a.candidate) == person_key(b.candidate)


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


SHOWN_SIMILAR = 5
"""How many of the other similar names one warning lists (the rest are counted)."""


class _Groups:
    """Union-find over names: the smallest name of a group is its root."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        while self.parent.get(x, x) != x:
            x = self.parent[x]
        return x

    def join(self, a: str, b: str) -> None:
        x, y = self.find(a), self.find(b)
        self.parent[max(x, y)] = min(x, y)
        self.parent.setdefault(min(x, y), min(x, y))


def _variant_index(names: Iterable[str], limit: int) -> list[list[str]]:
    """Buckets of names (same digits) sharing a deletion variant."""
    by_digits: dict[str, list[str]] = {}
    for name in sorted(set(names)):
        by_digits.setdefault("".join(ch for ch in name if ch.isdigit()), []).append(name)
    index: dict[tuple[str, str], list[str]] = {}
    for digits, group in by_digits.items():
        for name in group if len(group) > 1 else ():
            for variant in _deletions(name, limit):
                index.setdefault((digits, variant), []).append(name)
    return [bucket for bucket in index.values() if len(bucket) > 1]


def _join_bucket(bucket: list[str], groups: _Groups, limit: int) -> None:
    """Join the groups of a bucket whose names are within `limit` edits (groups already joined
    cost no comparison)."""
    members: dict[str, list[str]] = {}
    for name in bucket:
        members.setdefault(groups.find(name), []).append(name)
    roots = list(members)
    for i, ra in enumerate(roots):
        for rb in roots[i + 1 :]:
            if groups.find(ra) != groups.find(rb) and any(
                edit_distance(a, b, limit) <= limit for a in members[ra] for b in members[rb]
            ):
                groups.join(ra, rb)


def similar_clusters(names: Iterable[str], limit: int = MAX_DISTANCE) -> list[list[str]]:
    """Groups of normalised names joined by similar pairs (chains included), each sorted."""
    groups = _Groups()
    for bucket in _variant_index(names, limit):
        _join_bucket(bucket, groups, limit)
    clusters: dict[str, set[str]] = {}
    for name in groups.parent:
        clusters.setdefault(groups.find(name), set()).add(name)
    return sorted(sorted(c) for c in clusters.values() if len(c) > 1)


def similar_warning(name: str, others: list[str]) -> dict[str, Any]:
    """The `similar_candidates` warning as data: the candidate, the first SHOWN_SIMILAR other names
    and how many more there are (the sentence: render/debrief_text.similar_message)."""
    return coded(
        "similar_candidates", candidate=name, others=others[:SHOWN_SIMILAR], more=max(len(others) - SHOWN_SIMILAR, 0)
    )


def add_similar_warnings(results: Sequence[dict[str, Any]]) -> None:
    """One `similar_candidates` warning for every candidate of a cluster of similar names, naming
    the others (in place): linear in the number of candidates, never one warning per pair."""
    by_name: dict[str, list[dict[str, Any]]] = {}
    for r in results:
        by_name.setdefault(normalise_name(r["candidate"]), []).append(r)
    for cluster in similar_clusters(by_name):
        shown = [by_name[n][0]["candidate"] for n in cluster]
        for mine in cluster:
            others = [s for n, s in zip(cluster, shown) if n != mine]
            for r in by_name[mine]:
                r.setdefault("warnings", []).append(similar_warning(r["candidate"], others))
