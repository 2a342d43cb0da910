"""The site's generated files on disk, for any static-site engine (MkDocs or Zensical).

`generated(model)` is every generated source file of the site (Markdown pages, blank
scorecards and the in-browser tools' JSON) as {path relative to docs/: content}.
`write_generated(docs_dir, files)` writes them into docs/ (only those whose content changed,
so a watching dev server is not woken for nothing) and removes the ones a previous run wrote that the model no longer has; the list
lives in docs/.generated (gitignored, like every generated path). `post_build(site_dir)`
finishes a built site: the search index written as UTF-8.

Nothing here knows MkDocs: scripts/mkdocs_hooks.py and scripts/site_files.py call it.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from accountpath.i18n import model_language
from accountpath.model.types import Model
from accountpath.render import scorecard
from accountpath.site import hiring_pages, pages, tool_team

MANIFEST = ".generated"
"""File in docs/ that lists the generated paths of the last run, one a line."""

SEARCH_INDEXES = ("search/search_index.json",)
"""Search indexes that engines write with \\u escapes (MkDocs + Material); Zensical's
search.json is UTF-8 already."""


@model_language
def generated(model: Model) -> dict[str, str | bytes]:
    """Every generated docs/ file: the pages of accountpath.pages, the blank scorecards under
    scorecards/files/ (see pages.site_scorecard_name) and assets/data/model.json."""
    files: dict[str, str | bytes] = dict(pages.build(model))
    files.update(downloads(model))
    files["assets/data/model.json"] = json.dumps(
        pages.site_data(model), ensure_ascii=False, sort_keys=True, separators=(",", ":")
    )
    return files


def downloads(model: Model) -> dict[str, str | bytes]:
    """The blank scorecards of every role level and format, the hiring pages' files (interviewer sheets,
    take-home cards, hh.ru JSON) and the blank team workbooks, by docs/ path."""
    out: dict[str, str | bytes] = {}
    for role in model.roles:
        for level in role.levels:
            for fmt, _label in pages.SCORECARD_FORMATS:
                name = pages.site_scorecard_name(role.id, level.id, fmt)
                out[f"{pages.SCORECARD_DIR}/{name}"] = scorecard.render(model, role.id, level.id, fmt)
    out.update(hiring_pages.downloads(model))
    out.update(tool_team.workbook_downloads(model))
    return out


def as_bytes(content: str | bytes) -> bytes:
    """Text as UTF-8 bytes; bytes unchanged."""
    return content.encode("utf-8") if isinstance(content, str) else content


def write_if_changed(path: Path, content: str | bytes) -> bool:
    """Write atomically unless the file already holds exactly this content; True if written."""
    data = as_bytes(content)
    try:
        if path.read_bytes() == data:
            return False
    except OSError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)
    os.chmod(tmp, 0o644)  # mkstemp makes 0600; a site file is world-readable like any other
    os.replace(tmp, path)
    return True


def write_generated(docs_dir: Path, files: dict[str, str | bytes]) -> list[str]:
    """Write the generated files into docs_dir, drop stale ones of the previous run and
    record the new list. Returns the paths written (unchanged files are left alone).

    A file at a generated path that the previous run did not write (a hand-written page, or
    leftovers after docs/.generated was deleted) is an error: ValueError names it and
    nothing is overwritten; delete the file to let the site generate it."""
    manifest = docs_dir / MANIFEST
    before = set(manifest.read_text(encoding="utf-8").split()) if manifest.exists() else set()
    clashes = sorted(p for p in files if p not in before and (docs_dir / p).exists())
    if clashes:
        raise ValueError(
            "generated file(s) collide with hand-written docs/: "
            + ", ".join(clashes)
            + " (rename the hand-written file, the site generates this path)"
        )
    written = [p for p, text in files.items() if write_if_changed(docs_dir / p, text)]
    for stale in sorted(before - set(files)):
        target = docs_dir / stale
        if target.is_file():
            target.unlink()
            _prune_empty(target.parent, docs_dir)
    write_if_changed(manifest, "".join(f"{p}\n" for p in sorted(files)))
    return written


def _prune_empty(folder: Path, root: Path) -> None:
    while folder != root and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent


def utf8_search_index(site_dir: Path) -> list[tuple[str, int, int]]:
    """Rewrite each search index of the built site as UTF-8 JSON (the same data, no \\u
    escapes). Returns (path, bytes before, bytes after) for each index found."""
    out = []
    for rel in SEARCH_INDEXES:
        path = site_dir / rel
        if not path.exists():
            continue
        before = path.read_bytes()
        data = json.loads(before)
        text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)
        write_if_changed(path, text)
        out.append((rel, len(before), len(text.encode("utf-8"))))
    return out


def post_build(site_dir: Path) -> list[tuple[str, int, int]]:
    """Finish a built site (any engine): the search index as UTF-8. Returns what
    utf8_search_index returns."""
    return utf8_search_index(site_dir)
