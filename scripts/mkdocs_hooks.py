"""The thin MkDocs adapter: the competency model becomes site files before MkDocs reads docs/.

on_pre_build: load competencies.yml (next to mkdocs.yml, or $ACCOUNTPATH_MODEL) and write the
generated pages and JSON into docs/ (gitignored paths, see accountpath.site_files), so MkDocs
and Zensical read the same Markdown; only changed files are written.
on_files: the blank scorecards are downloads (a Markdown scorecard is copied, not rendered).
on_nav: put the generated role and competency pages under their section in the navigation,
so a new role or competency needs no edit of mkdocs.yml.
on_post_build: the search index rewritten as UTF-8 (same data, a third of the bytes).
All content decisions live in the accountpath package; this file only wires it in.
"""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from accountpath.model import load as model_mod
from accountpath.site import pages, site_files

NAV_SECTIONS = ("roles/", "competencies/")
"""Folders whose generated pages join the nav section of their index.md."""

_state: dict = {"model": None, "order": []}


class Download(File):
    """A file copied as is, even with a Markdown suffix (a blank scorecard in Markdown is a
    download, not a page of the site)."""

    def is_documentation_page(self) -> bool:
        return False


def _model_path(config) -> Path:
    env = os.environ.get("ACCOUNTPATH_MODEL")
    if env:
        return Path(env)
    return Path(config.config_file_path).resolve().parent / model_mod.DEFAULT_MODEL


def _load(config):
    path = _model_path(config)
    model, problems = model_mod.check(path)
    if problems or model is None:
        lines = "\n".join(str(p) for p in problems) or f"{path}: could not load the model"
        raise PluginError(f"The competency model has {len(problems)} problem(s):\n{lines}")
    return model


def on_pre_build(config):
    """Generate the model's pages into docs/ before MkDocs collects the files."""
    model = _load(config)
    files = site_files.generated(model)
    try:
        site_files.write_generated(Path(config.docs_dir), files)
    except ValueError as exc:
        raise PluginError(str(exc)) from exc
    _state["model"] = model
    _state["order"] = [p for p in files if p.endswith(".md")]


def on_files(files, config):
    """Blank scorecards (scorecards/files/, a Markdown one ends in .markdown) are downloads:
    MkDocs would render a .markdown file as a page, so each becomes a plain copied file."""
    prefix = pages.SCORECARD_DIR + "/"
    for f in list(files):
        if f.src_uri.startswith(prefix) and f.is_documentation_page():
            files.remove(f)
            files.append(Download(f.src_uri, f.src_dir, f.dest_dir, f.use_directory_urls))
    return files


def on_nav(nav, config, files):
    """Append generated pages of each NAV_SECTIONS folder, in model order, to the nav
    section that holds the folder's index.md."""
    for prefix in NAV_SECTIONS:
        index = files.get_file_from_path(prefix + "index.md")
        section = getattr(index.page, "parent", None) if index is not None and index.page else None
        if section is None:
            continue
        after = index.page
        for path in _state["order"]:
            if not path.startswith(prefix) or path == prefix + "index.md":
                continue
            page = files.get_file_from_path(path).page
            if page is None or page in section.children:
                continue
            page.parent = section
            section.children.append(page)
            pos = nav.pages.index(after) + 1 if after in nav.pages else len(nav.pages)
            nav.pages.insert(pos, page)
            after = page
    for prev, nxt in zip([None] + nav.pages[:-1], nav.pages):
        if prev is not None:
            prev.next_page = nxt
        nxt.previous_page = prev
    if nav.pages:
        nav.pages[-1].next_page = None
    return nav


def on_post_build(config):
    """Write the search index as UTF-8 (runs after the search plugin wrote it)."""
    site_files.utf8_search_index(Path(config.site_dir))
