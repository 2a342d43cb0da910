"""Every YAML and JSON example of README.md runs: a filled scorecard through `accountpath evaluate`,
a plan through `accountpath plan --check`, the skeletons of a competency and a role through
`accountpath validate` (pasted into the bundled model as the README tells a fork to)."""

from __future__ import annotations

import json
import re

import pytest

from conftest import ROOT, hand_written_docs, yaml_dump, yaml_load

README = (ROOT / "README.md").read_text(encoding="utf-8")
MODEL = ROOT / "tests" / "fixtures" / "agency.yml"  # the engine fixture, not the bundled content
FENCE = re.compile(r"^```(yaml|yml|json)\n(.*?)^```", re.S | re.M)


def examples() -> list[tuple[int, str, str]]:
    """(line, language, text) of every YAML/JSON block of the README."""
    return [(README[: m.start()].count("\n") + 1, m.group(1), m.group(2)) for m in FENCE.finditer(README)]


def kind(lang: str, text: str) -> str:
    data = json.loads(text) if lang == "json" else yaml_load(text)
    if isinstance(data, dict) and "scorecard" in data:
        return "scorecard"
    if isinstance(data, dict) and "plan" in data:
        return "plan"
    if isinstance(data, dict) and "assessment" in data:
        return "assessment"
    if isinstance(data, list) and len(data) == 1 and "questions" in data[0]:
        return "competency"
    if isinstance(data, list) and len(data) == 1 and "probation" in data[0]:
        return "role"
    return "unknown"


def test_the_readme_has_each_kind_of_example():
    kinds = sorted(kind(lang, text) for _line, lang, text in examples())
    assert "unknown" not in kinds, "an example no test runs: teach tests/test_readme_examples.py its kind"
    assert {"scorecard", "plan", "competency", "role"} <= set(kinds)


@pytest.fixture
def ap(cli_run):
    return lambda *args: cli_run("--model", MODEL, *args)


def _blocks(which: str) -> list[tuple[int, str, str]]:
    return [(line, lang, text) for line, lang, text in examples() if kind(lang, text) == which]


@pytest.mark.parametrize("line,lang,text", _blocks("scorecard"), ids=lambda x: str(x)[:20])
def test_scorecard_example_evaluates(ap, tmp_path, line, lang, text):
    card = tmp_path / f"readme-{line}.{'json' if lang == 'json' else 'yml'}"
    card.write_text(text, encoding="utf-8")
    r = ap("evaluate", card, "--format", "json")
    assert r.returncode == 0, f"README.md:{line}: {r.stderr}"
    assert json.loads(r.stdout)["interviewers"]


@pytest.mark.parametrize("line,lang,text", _blocks("plan"), ids=lambda x: str(x)[:20])
def test_plan_example_checks(ap, tmp_path, line, lang, text):
    plan = tmp_path / f"readme-{line}.yml"
    plan.write_text(text, encoding="utf-8")
    r = ap("plan", "--check", plan)
    assert r.returncode == 0, f"README.md:{line}: {r.stderr}"


@pytest.mark.parametrize("line,lang,text", _blocks("assessment"), ids=lambda x: str(x)[:20])
def test_assessment_example_reviews(ap, tmp_path, line, lang, text):
    path = tmp_path / f"readme-{line}.{'json' if lang == 'json' else 'yml'}"
    path.write_text(text, encoding="utf-8")
    r = ap("team", path, "--format", "json")
    assert r.returncode == 0, f"README.md:{line}: {r.stderr}"
    assert json.loads(r.stdout)["people"], f"README.md:{line}"


def test_skeletons_validate_in_the_model(cli_run, tmp_path):
    """The competency and the role skeleton pasted into competencies.yml; as the README says, a new
    competency gets a target at every level of every role (1 here) and the role a target for every
    competency of the model (1 where the skeleton gives none)."""
    data = yaml_load(MODEL.read_text(encoding="utf-8"))
    ((comp_line, _l, comp_text),) = _blocks("competency")
    ((role_line, _l, role_text),) = _blocks("role")
    comp, role = yaml_load(comp_text)[0], yaml_load(role_text)[0]
    data["competencies"].append(comp)
    for existing in data["roles"]:
        for level in existing["levels"]:
            level["targets"][comp["id"]] = 1
    ids = [c["id"] for c in data["competencies"]]
    for level in role["levels"]:
        level["targets"] = {cid: level["targets"].get(cid, 1) for cid in ids}
    data["roles"].append(role)
    path = tmp_path / "competencies.yml"
    path.write_text(yaml_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    r = cli_run("validate", path)
    assert r.returncode == 0, f"README.md:{comp_line} / README.md:{role_line}:\n{r.stderr}"


def site_examples(real_model) -> list[tuple[str, str, str]]:
    """(page, language, text) of every YAML/JSON block on the site: hand-written docs and
    generated pages (blocks inside admonitions are indented)."""
    from accountpath.site import pages

    sources = {str(p.relative_to(ROOT)): p.read_text(encoding="utf-8") for p in hand_written_docs()}
    sources.update({f"generated:{k}": v for k, v in pages.build(real_model).items()})
    fence = re.compile(r"^( *)```(yaml|yml|json)\n(.*?)^\1```", re.S | re.M)
    out = []
    for page, text in sorted(sources.items()):
        for m in fence.finditer(text):
            body = "\n".join(line[len(m.group(1)) :] for line in m.group(3).splitlines())
            out.append((page, m.group(2), body))
    return out


def test_every_site_example_card_evaluates(ap, tmp_path, real_model):
    cards = [(page, lang, text) for page, lang, text in site_examples(real_model) if kind(lang, text) == "scorecard"]
    assert cards, "the evaluator page shows an example card"
    for i, (page, lang, text) in enumerate(cards):
        card = tmp_path / f"site-{i}.{'json' if lang == 'json' else 'yml'}"
        card.write_text(text, encoding="utf-8")
        r = ap("evaluate", card, "--format", "json")
        assert r.returncode == 0, f"{page}: {r.stderr}"
