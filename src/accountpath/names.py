"""How names of people are compared (core): the same key in the CLI, the plan checker and,
ported, in the browser (docs/assets/js/core/names.js)."""

from __future__ import annotations


def normalise_name(name: str) -> str:
    """Key for comparing names: case, «ё» and repeated spaces do not make another person."""
    return " ".join(name.replace("ё", "е").replace("Ё", "Е").split()).casefold()
