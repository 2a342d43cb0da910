"""Checks of the bundled content (competencies.yml): that it is valid, and facts about the project's
own roles, ladder and texts. Engine tests never read competencies.yml (they run on
tests/fixtures/); this is the one test file a fork is expected to edit or delete when it
replaces the content with its own.
"""

from __future__ import annotations

import html.parser
import json
import re

import pytest

from accountpath.model import load as model
from accountpath.model import yamlsource
from accountpath.render import kit as kit_mod
from accountpath.render import vacancy as vac
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


# ---------------------------------------------------------------- the hiring kit (issue 19)

EXPERIENCE_IDS = {"noExperience", "between1And3", "between3And6", "moreThan6"}


def _role_levels(model):
    return [(role, level) for role in model.roles for level in role.levels]


def test_every_role_has_a_phone_screen_and_every_level_a_take_home(bundled_model):
    for role in bundled_model.roles:
        assert 6 <= len(role.screening) <= 8, role.id
        assert any(q.knock_out for q in role.screening), role.id
        for level in role.levels:
            assert level.take_home is not None, (role.id, level.id)
            assert 2 <= len(level.take_home.scoring) <= 5
            assert all(role.weighted(s.competency) for s in level.take_home.scoring)


def test_every_must_have_has_reference_questions(bundled_model):
    for role in bundled_model.roles:
        for rc in role.competencies:
            if rc.must_have:
                assert 2 <= len(bundled_model.competency(rc.id).reference_questions) <= 3, rc.id


def test_no_bundled_pay_figure_without_a_source(bundled_model):
    for role, level in _role_levels(bundled_model):
        if level.pay is not None:
            assert level.pay.basis == "source" and bundled_model.source(level.pay.source), (role.id, level.id)


class _Tags(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)


def test_vacancy_json_of_every_role_level_passes_hh_rules(bundled_model):
    for role, level in _role_levels(bundled_model):
        data = json.loads(vac.render_vacancy(bundled_model, role, level, "json"))
        assert data["name"] and len(data["name"]) <= 100
        parser = _Tags()
        parser.feed(data["description"])
        assert set(parser.tags) <= {"p", "ul", "li", "strong", "em"}, set(parser.tags)
        assert len(data["description"]) >= 200
        assert 3 <= len(data["key_skills"]) <= 30
        assert all(list(s) == ["name"] and 0 < len(s["name"]) <= 100 for s in data["key_skills"])
        assert data["experience"]["id"] in EXPERIENCE_IDS
        assert ("salary" in data) == (level.pay is not None)
        for section in vac.SECTIONS:
            assert f"<strong>{section}</strong>" in data["description"]


def test_vacancy_experience_follows_the_levels(bundled_model):
    got = {(r.id, lv.id): vac.experience_id(lv) for r, lv in _role_levels(bundled_model)}
    assert got[("account-manager", "junior")] == "noExperience"
    assert got[("account-manager", "middle")] == "between1And3"
    assert got[("client-services-director", "csd")] == "moreThan6"


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_kit_of_every_role_level_has_every_section(bundled_model, fmt):
    for role, level in _role_levels(bundled_model):
        text = kit_mod.render_kit(bundled_model, role, level, fmt)
        for _key, heading in kit_mod.SECTIONS:
            assert heading in text, (role.id, level.id, heading)
        assert "152-ФЗ" in text
        assert "в модели нет" not in text and "пока нет" not in text, (role.id, level.id)


@pytest.mark.slow
def test_kit_pdf_exists_for_every_role_level(bundled_model, cli_run, tmp_path):
    pypdf = pytest.importorskip("pypdf")
    for role, level in _role_levels(bundled_model):
        out = tmp_path / f"{role.id}-{level.id}.pdf"
        r = cli_run("kit", "--role", role.id, "--level", level.id, "-o", out)
        assert r.returncode == 0, r.stderr
        text = "\n".join(page.extract_text() for page in pypdf.PdfReader(out).pages)
        for _key, heading in kit_mod.SECTIONS:
            assert " ".join(heading.split()) in " ".join(text.split()), (role.id, level.id, heading)
