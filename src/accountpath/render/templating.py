"""The Jinja2 environment of the package's scorecard and report templates (templates/*.j2).

Kept apart from the renderers so that scorecards and reports share it without importing
each other. Templates translate with Jinja's i18n extension: `{{ _("Русский текст") }}` or
`{{ _("… %(name)s …", name=x) }}` (new-style gettext, values escaped), looked up in the catalog
of the language in force at render time (`babel.cfg` extracts them).
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

import jinja2

from accountpath.cache import template_cache
from accountpath.i18n import _, language, ngettext
from accountpath.render.mdtext import md_escape, md_plain, md_plain_cell


def phrases(items: Iterable[object]) -> str:
    """Join short sentences into one line: "a; b; c." (each item's own final full stop dropped)."""
    parts = [p for p in (str(i).strip().rstrip(".;").strip() for i in items) if p]
    # later items continue the sentence: "Называет…; описывает…" (but keep "KPI", "CRM")
    parts = [p if k == 0 or len(p) < 2 or not p[1].islower() else p[0].lower() + p[1:] for k, p in enumerate(parts)]
    text = "; ".join(parts)
    return text + "." if text else ""


@lru_cache(maxsize=2)
def template_env(html: bool) -> jinja2.Environment:
    """The Jinja2 environment of the package's templates: autoescaped for HTML, with md/plain/phrases filters."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("accountpath", "templates"),
        autoescape=html,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
        bytecode_cache=template_cache(),
        extensions=["jinja2.ext.i18n"],
    )
    env.install_gettext_callables(_, ngettext, newstyle=True)  # type: ignore[attr-defined]
    env.globals["language"] = language  # the language in force, for <html lang>
    env.filters["md"] = md_escape
    env.filters["plain"] = md_plain  # downloads read as plain text (the blank scorecard)
    env.filters["plain_cell"] = md_plain_cell
    env.filters["phrases"] = phrases
    return env
