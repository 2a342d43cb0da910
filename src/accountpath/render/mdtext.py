"""Escaping of model and user text for inline Markdown (pages, reports), and its plain twin for
downloads (a Markdown file HR opens in Word or a text editor: no backslashes, no entities)."""

from __future__ import annotations

import re

_MD_SPECIAL = re.compile(r"([\\`*_\[\]{}#|!])")  # all in Python-Markdown's ESCAPED_CHARS
_EMOJI = re.compile(r":(?=[+\-\w]+:)")
_BLOCK_START = re.compile(r"^([-+]|\d+[.)])")
_ENTITY_START = {":": "&#58;", "=": "&#61;"}


def md_escape(text: object) -> str:
    """Escape model text for inline Markdown: HTML characters become entities, Markdown
    punctuation is backslash-escaped, newlines become spaces, and nothing at the start can
    open a block (list, quote, heading, definition)."""
    s = " ".join(str(text).split())
    s = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    s = _MD_SPECIAL.sub(r"\\\1", s)
    s = _EMOJI.sub("&#58;", s)  # ':smile:' must not become an emoji
    m = _BLOCK_START.match(s)
    if m:  # '- x', '+ x', '1. x' would open a list
        mark = m.group(1)
        s = mark[:-1] + "\\" + mark[-1] + s[m.end() :]
    elif s[:1] in _ENTITY_START:  # ': x' opens a definition, '===' a heading
        s = _ENTITY_START[s[0]] + s[1:]
    return s


def md_plain(text: object) -> str:
    """Model text for a downloaded Markdown file read as plain text: newlines become spaces, nothing
    else changes («[Название агентства]», «18:30» and «P&L» stay as written). Never for a site page."""
    return " ".join(str(text).split())


def md_plain_cell(text: object) -> str:
    """md_plain for a Markdown table cell: a pipe is escaped so it cannot split the row."""
    return md_plain(text).replace("|", "\\|")
