"""Checks of the bundled content (competencies.yml) for the hiring kit (issue 19): every role has a
phone screen, every level a take-home, every must-have its reference questions; the vacancy json of
every role level passes hh.ru's field rules; the kit has every section for every role level."""

from __future__ import annotations

import html.parser
import json

import pytest

from accountpath.render import kit as kit_mod
from accountpath.render import vacancy as vac

EXPERIENCE_IDS = {"noExperience", "between1And3", "between3And6", "moreThan6"}


def _role_levels(model):
    return [(role, level) for role in model.roles for level in role.levels]


def test_every_role_has_a_phone_screen_and_every_level_a_take_home(real_model):
    for role in real_model.roles:
        assert 6 <= len(role.screening) <= 8, role.id
        assert any(q.knock_out for q in role.screening), role.id
        for level in role.levels:
            assert level.take_home is not None, (role.id, level.id)
            assert 2 <= len(level.take_home.scoring) <= 5
            assert all(role.weighted(s.competency) for s in level.take_home.scoring)


def test_every_must_have_has_reference_questions(real_model):
    for role in real_model.roles:
        for rc in role.competencies:
            if rc.must_have:
                assert 2 <= len(real_model.competency(rc.id).reference_questions) <= 3, rc.id


def test_no_bundled_pay_figure_without_a_source(real_model):
    for role, level in _role_levels(real_model):
        if level.pay is not None:
            assert level.pay.basis == "source" and real_model.source(level.pay.source), (role.id, level.id)


class _Tags(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)


def test_vacancy_json_of_every_role_level_passes_hh_rules(real_model):
    for role, level in _role_levels(real_model):
        data = json.loads(vac.render_vacancy(real_model, role, level, "json"))
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


def test_vacancy_experience_follows_the_levels(real_model):
    got = {(r.id, lv.id): vac.experience_id(lv) for r, lv in _role_levels(real_model)}
    assert got[("account-manager", "junior")] == "noExperience"
    assert got[("account-manager", "middle")] == "between1And3"
    assert got[("client-services-director", "csd")] == "moreThan6"


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_kit_of_every_role_level_has_every_section(real_model, fmt):
    for role, level in _role_levels(real_model):
        text = kit_mod.render_kit(real_model, role, level, fmt)
        for _key, heading in kit_mod.SECTIONS:
            assert heading in text, (role.id, level.id, heading)
        assert "152-ФЗ" in text
        assert "в модели нет" not in text and "пока нет" not in text, (role.id, level.id)


@pytest.mark.slow
def test_kit_pdf_exists_for_every_role_level(real_model, cli_run, tmp_path):
    pypdf = pytest.importorskip("pypdf")
    for role, level in _role_levels(real_model):
        out = tmp_path / f"{role.id}-{level.id}.pdf"
        r = cli_run("kit", "--role", role.id, "--level", level.id, "-o", out)
        assert r.returncode == 0, r.stderr
        text = "\n".join(page.extract_text() for page in pypdf.PdfReader(out).pages)
        for _key, heading in kit_mod.SECTIONS:
            assert " ".join(heading.split()) in " ".join(text.split()), (role.id, level.id, heading)
