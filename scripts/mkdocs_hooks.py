"""The thin MkDocs adapter: turns the competency model into generated site files.

on_files: load competencies.yml (next to mkdocs.yml, or $ACCOUNTPATH_MODEL), add every page
of accountpath.pages.build as a generated Markdown file, the blank scorecards under
scorecards/files/ and assets/data/model.json for the in-browser tools.
on_nav: put the generated role and competency pages under their section in the navigation,
so a new role or competency needs no edit of mkdocs.yml.
All content decisions live in the accountpath package; this file only wires it in.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from accountpath import model as model_mod
from accountpath import pages

NAV_SECTIONS = ("roles/", "competencies/")
"""Folders whose generated pages join the nav section of their index.md."""

_generated_order: list[str] = []


class Download(File):
    """A generated file copied as is, even with a .md suffix (a blank scorecard in
    Markdown is a download, not a page of the site)."""

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


def _add(files, config, src_uri: str, content: str | bytes, cls: type[File] = File) -> None:
    existing = files.get_file_from_path(src_uri)
    if existing is not None:
        raise PluginError(f"generated file '{src_uri}' collides with docs/{existing.src_uri}: "
                          "rename the hand-written file, the site generates this path")
    files.append(cls.generated(config, src_uri, content=content))


def on_files(files, config):
    """Add the generated pages, scorecards and JSON data to the site's files."""
    model = _load(config)
    built = pages.build(model)
    _generated_order.clear()
    for path, markdown in built.items():
        _add(files, config, path, markdown)
        _generated_order.append(path)
    try:
        from accountpath import scorecard
    except ImportError:
        scorecard = None
    if scorecard is not None and hasattr(scorecard, "render") and hasattr(scorecard, "filename"):
        for role in model.roles:
            for level in role.levels:
                for fmt, _label in pages.SCORECARD_FORMATS:
                    name = scorecard.filename(role.id, level.id, fmt)
                    _add(files, config, f"{pages.SCORECARD_DIR}/{name}",
                         scorecard.render(model, role.id, level.id, fmt), Download)
    data = json.dumps(pages.site_data(model), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    _add(files, config, "assets/data/model.json", data)
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
        for path in _generated_order:
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
