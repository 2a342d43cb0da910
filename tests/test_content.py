"""Checks of the bundled content (competencies.yml): that it is valid, and facts about the project's
own roles, ladder and texts. Engine tests never read competencies.yml (they run on
tests/fixtures/); this is the one test file a fork is expected to edit or delete when it
replaces the content with its own.
"""

from __future__ import annotations

import re

import pytest

from accountpath.model import load as model
from accountpath.model import yamlsource
from accountpath.site import pages

from conftest import BUNDLED_MODEL, ROOT, run_cli


def test_bundled_model_is_valid_and_summarised():
    r = run_cli("validate", str(BUNDLED_MODEL))
    assert r.returncode == 0, r.stderr
    assert r.stdout.count("\n") == 1 and "компетенций" in r.stdout and "ролей" in r.stdout


@pytest.mark.parametrize("fault", ["lowered", "missing", "career"])
def test_ladder_faults_in_a_copy_of_the_real_file(fault):
    """The three faults of the ladder issue, injected into the bundled competencies.yml,
    are reported at the offending target's line with the rule's name."""
    text = BUNDLED_MODEL.read_text(encoding="utf-8")
    doc, _problems = yamlsource.parse(text, "competencies.yml")
    roles = doc.data["roles"]
    i = next(
        k
        for k, r in enumerate(roles)
        if r["career"].get("to") and any(t in {x["id"] for x in roles} for t in r["career"]["to"])
    )
    role = roles[i]
    top = len(role["levels"]) - 1
    cid = next(iter(role["levels"][top]["targets"]))
    lines = text.split("\n")

    def set_line(path: tuple, new_value: str | None) -> None:
        """Replace the value at `path` (block or flow style), or remove its key and value."""
        line, col = doc.pos(path, key=True)
        text_ = lines[line - 1]
        entry = re.compile(r"([\w-]+)\s*:\s*(\d+)\s*,?\s*")
        m = entry.match(text_, col - 1)
        assert m, text_
        if new_value is None:
            lines[line - 1] = text_[: m.start()] + text_[m.end() :]
            if not lines[line - 1].strip():
                del lines[line - 1]
        else:
            lines[line - 1] = text_[: m.start(2)] + new_value + text_[m.end(2) :]

    if fault == "lowered":  # the top level of a role drops below the level before it
        path, rule = ("roles", i, "levels", top, "targets", cid), "[ladder-monotonic]"
        set_line(path, "1")
    elif fault == "missing":
        path, rule = ("roles", i, "levels", top, "targets"), "[targets-complete]"
        set_line(("roles", i, "levels", top, "targets", cid), None)
    else:  # the next role's first level drops below this role's top level
        j = next(k for k, r in enumerate(roles) if r["id"] in role["career"]["to"])
        path, rule = ("roles", j, "levels", 0, "targets", cid), "[career-edge]"
        set_line(path, "1")
    _m, problems = model.check_text("\n".join(lines), "competencies.yml")
    line, col = doc.pos(path, key=fault == "missing")
    if fault != "missing":
        col = doc.pos(path)[1]
    found = [str(p) for p in problems if str(p).endswith(rule)]
    assert any(p.startswith(f"competencies.yml:{line}:{col}: ") for p in found), (line, col, found)


def test_glossary_and_interview_guide_repeat_the_rules(bundled_model):
    """The glossary's definitions and the interview guide state the hiring, promotion and ИПР rules word for word."""
    m = bundled_model
    terms = {g.term: g.definition for g in m.glossary}
    rules = {
        "обязательная компетенция": pages.hiring_rule(m),
        "готовность к повышению": pages.promotion_rule(),
        "ИПР": pages.ipr_rule(),
    }
    if not set(rules) <= set(terms):
        pytest.skip("this model's glossary does not define the project's rule terms")
    for term, rule in rules.items():
        assert rule in terms[term], term
    guide = (ROOT / "docs" / "interview" / "index.md").read_text(encoding="utf-8")
    for rule in rules.values():
        assert rule in guide
