"""How names of people are compared (core): the same key in the CLI, the plan checker and,
ported, in the browser (docs/assets/js/core/names.js; parity vector tests/vectors/names.json).

Two spellings are one person when they differ only in case, «ё»/«е», spaces, word order
(«Иванова Анна» = «Анна Иванова») or Latin letters that look like Cyrillic ones inside a
Cyrillic word (a Latin «a» typed in «Aнна»), and the other way round in a Latin word. When a
card carries a `candidate_id` (an ATS id, e.g. from Huntflow or hh.ru) the id decides identity
and names are only checked against it.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache

LATIN_TO_CYRILLIC = dict(zip("aceopxykmthbi", "асеорхукмтнві"))
"""Lower-case Latin letters that look like Cyrillic ones (after case folding)."""
CYRILLIC_TO_LATIN = {v: k for k, v in LATIN_TO_CYRILLIC.items()}


def _is_cyrillic(ch: str) -> bool:
    return "\u0400" <= ch <= "\u04ff"


def _is_latin(ch: str) -> bool:
    return "a" <= ch <= "z"


def fold_word(word: str) -> str:
    """A case-folded word with look-alike letters of the minority script turned into the majority's."""
    cyr = sum(1 for ch in word if _is_cyrillic(ch))
    lat = sum(1 for ch in word if _is_latin(ch))
    if not cyr or not lat:
        return word
    table = LATIN_TO_CYRILLIC if cyr >= lat else CYRILLIC_TO_LATIN
    return "".join(table.get(ch, ch) for ch in word)


def spelling_key(name: str) -> str:
    """Case, «ё» and repeated spaces folded (the words keep their order and letters)."""
    return " ".join(name.replace("ё", "е").replace("Ё", "Е").split()).casefold()


def normalise_name(name: str) -> str:
    """Key for sorting and matching names as written: case, «ё» and repeated spaces do not make another person."""
    return spelling_key(name)


@lru_cache(maxsize=65536)
def person_key(name: str) -> str:
    """Key for who a name means: case, «ё», spaces, word order and look-alike letters do not make another person."""
    return " ".join(sorted(fold_word(w) for w in spelling_key(name).split(" ") if w))


def identity(candidate: str, candidate_id: str | None = None) -> str:
    """Who a card is about: the candidate id when given, else the name's key."""
    cid = " ".join(str(candidate_id).split()) if candidate_id not in (None, "") else ""
    return f"id:{cid.casefold()}" if cid else f"name:{person_key(candidate)}"


def lookalikes(name: str) -> list[tuple[int, str, str]]:
    """Letters of the minority script inside a word: (1-based position in the name, letter, what it looks like)."""
    out = []
    pos = 0
    for word in name.split(" "):
        folded = word.casefold()
        fixed = fold_word(folded)
        for i, (a, b) in enumerate(zip(folded, fixed)):
            if a != b:
                out.append((pos + i + 1, word[i] if i < len(word) else a, b))
        pos += len(word) + 1
    return out


def difference(a: str, b: str) -> dict[str, object] | None:
    """Which letter makes two near names differ, or None when they are one key or differ by more.

    {"position": 1-based position in `a`, "letter": a's letter, "instead": b's letter, "latin": bool}
    for names of the same words in the same order that differ in one letter; look-alike letters
    are reported the same way (a Latin «a» inside a Cyrillic word)."""
    sa, sb = spelling_key(a), spelling_key(b)
    if len(sa) == len(sb):
        diffs = [i for i, (x, y) in enumerate(zip(sa, sb)) if x != y]
        if len(diffs) == 1:
            i = diffs[0]
            return {"position": i + 1, "letter": sa[i], "instead": sb[i], "latin": _is_latin(sa[i])}
    for word_a in (a, b):
        found = lookalikes(spelling_key(word_a))
        if found and person_key(a) == person_key(b):
            pos, letter, like = found[0]
            return {"position": pos, "letter": letter, "instead": like, "latin": _is_latin(letter)}
    return None


def short_hash(text: str, length: int = 8) -> str:
    """A short, stable hash of a name's key (for file names that must not carry the name)."""
    return hashlib.sha256(person_key(text).encode("utf-8")).hexdigest()[:length]
