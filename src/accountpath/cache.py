"""Where derived, disposable files live (a validated model as JSON, compiled templates).

Everything here is keyed by content and safe to delete; `ACCOUNTPATH_CACHE_DIR=off` turns
it off, another value moves it (default: $XDG_CACHE_HOME/accountpath or ~/.cache/accountpath).
Why it stays: parsing the bundled model with positions and building it costs most of a CLI
call's start-up; a cache hit keeps every command near a bare `import yaml, jinja2` (make bench).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import jinja2


def cache_dir() -> Path | None:
    """The cache folder, or None when caching is off."""
    configured = os.environ.get("ACCOUNTPATH_CACHE_DIR")
    if configured == "off":
        return None
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "accountpath"


def template_cache() -> jinja2.BytecodeCache | None:
    """A Jinja2 bytecode cache in the cache folder, or None when it cannot be used."""
    folder = cache_dir()
    if folder is None:
        return None
    try:
        folder = folder / "templates"
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    import jinja2  # only renderers need it: a validate run never imports Jinja

    return jinja2.FileSystemBytecodeCache(str(folder))
