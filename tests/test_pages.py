"""Generated Markdown pages (accountpath.pages): anchors, determinism, escaping, model
changes, a snapshot of one role page, and the JSON for the in-browser tools."""

from __future__ import annotations

import copy
import json
import os
import re
from pathlib import Path

import pytest
import yaml

from accountpath import model as model_mod
from accountpath import pages

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "mini.yml"
SNAPSHOT = ROOT / "tests" / "snapshots" / "role-account-manager.md"
REAL_MODEL = ROOT / "competencies.yml"


def load_data(path: Path = FIXTURE) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def model_from(data: dict):
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    m, problems = model_mod.check_text(text, "test.yml")
    assert not problems, [str(p) for p in problems]
    return m


@pytest.fixture(scope="module")
def mini():
    return model_mod.load(FIXTURE)


def _models():
    out = [pytest.param(FIXTURE, id="mini")]
    out.append(pytest.param(REAL_MODEL, id="real", marks=pytest.mark.skipif(
        not REAL_MODEL.exists(), reason="competencies.yml not written yet")))
    return out


@pytest.fixture(scope="module", params=_models())
def built(request):
    m = model_mod.load(request.param)
    return m, pages.build(m)


EXPECTED_FIXED = {"roles/index.md", "competencies/index.md", "interview/method.md", "interview/questions.md",
                  "interview/open-questions.md", "scorecards/index.md", "market.md", "career.md", "sources.md"}


def test_page_set(built):
    m, result = built
    expected = set(EXPECTED_FIXED)
    expected |= {f"roles/{r.id}.md" for r in m.roles}
    expected |= {f"competencies/{c.id}.md" for c in m.competencies}
    assert set(result) == expected
    assert all(text.endswith("\n") and not text.endswith("\n\n") for text in result.values())


def test_every_id_has_its_anchor(built):
    m, result = built
    for r in m.roles:
        page = result[f"roles/{r.id}.md"]
        assert f"{{#{r.id}}}" in page
        for lv in r.levels:
            assert f"{{#level-{lv.id}}}" in page, (r.id, lv.id)
        assert f"{{#{r.id}}}" in result["roles/index.md"]
        assert f"{{#{r.id}}}" in result["scorecards/index.md"]
        assert f"{{#role-{r.id}}}" in result["interview/questions.md"]
    for c in m.competencies:
        page = result[f"competencies/{c.id}.md"]
        assert f"{{#{c.id}}}" in page
        for n in range(1, 6):
            assert f"{{#level-{n}}}" in page
        for q in c.questions:
            anchor = f"{{#{pages.question_anchor(q.id)}}}"
            assert anchor in page, q.id
            assert anchor in result["interview/questions.md"], q.id
            if q.kind == "open":
                assert anchor in result["interview/open-questions.md"], q.id
    for s in m.sources:
        assert f"{{#{s.id}}}" in result["sources.md"]


def test_anchors_unique_per_page(built):
    _, result = built
    for path, text in result.items():
        ids = re.findall(r"\{#([a-z0-9-]+)\}", text)
        dupes = {i for i in ids if ids.count(i) > 1}
        assert not dupes, (path, dupes)


def test_question_anchor_rule():
    assert pages.question_anchor("q-pm-deadline") == "q-pm-deadline"
    assert pages.question_anchor("pm-deadline") == "q-pm-deadline"


def test_deterministic(built):
    m, result = built
    again = pages.build(m)
    assert again == result
    assert list(again) == list(result)


def test_method_page_uses_model_numbers(mini):
    data = load_data()
    data["evaluation"] = {"min_coverage": 0.65, "disagreement_spread": 3, "must_have_tolerance": 0.75,
                          "bands": {"strong_hire": 0.8, "hire": 0.1, "no_hire": -1.25}}
    text = pages.build(model_from(data))["interview/method.md"]
    for expected in ("65 %", "**3**", "**0,75**", "**0,8**", "**0,1**", "**−1,25**"):
        assert expected in text, expected
    for label in pages.RECOMMENDATION_LABELS.values():
        assert label in text


def test_worked_example_matches_evaluator(mini):
    from accountpath.evaluate import Scorecard, evaluate

    ex = pages.worked_example(mini)
    cards = [Scorecard(ex["role"].id, ex["level"].id, "x", "a", {r["id"]: r["a"] for r in ex["rows"]}),
             Scorecard(ex["role"].id, ex["level"].id, "x", "b", {r["id"]: r["b"] for r in ex["rows"]})]
    result = evaluate(mini, ex["role"].id, ex["level"].id, cards)
    text = pages.build(mini)["interview/method.md"]
    assert f"= **{pages.num(result['coverage'])}**" in text
    assert f"= **{pages.num(result['gap'])}**" in text
    assert f"**{pages.RECOMMENDATION_LABELS[result['recommendation']]}**" in text


def test_level_steps_list_new_behaviours(mini):
    role = mini.role("account-manager")
    steps = pages.level_steps(mini, role)
    assert steps[0].previous is None and steps[0].changes == ()
    fin = next(ch for ch in steps[1].changes if ch.competency.id == "finance")
    assert (fin.before, fin.after) == (1, 2)
    assert fin.new == mini.competency("finance").levels[2]
    page = pages.build(mini)["roles/account-manager.md"]
    assert "Готовит смету по шаблону." in page


def test_no_salary_note(mini):
    page = pages.build(mini)["roles/account-director.md"]
    assert "нет цифр о зарплате" in page


@pytest.mark.parametrize("text", ["<script>alert(1)</script>", "a | b | c", "*звёздочки* и _подчёркивания_",
                                  "- начало как список", "1. как нумерация", "# как заголовок", ":smile: и [ссылка](x)"])
def test_md_escape(text):
    import markdown

    out = pages.md_escape(text)
    html = markdown.markdown(f"| a |\n| --- |\n| {out} |\n\n{out}", extensions=["tables", "attr_list"])
    assert "<script" not in html
    assert "<em>" not in html and "<strong>" not in html and "<a " not in html
    assert "<li>" not in html and "<h1" not in html and "<ol" not in html
    assert html.count("<td>") == 1  # the pipe stays inside the cell


def tricky_data() -> dict:
    data = load_data()
    c = data["competencies"][0]
    c["name"] = "Связь | с клиентом <script>alert('x')</script>"
    c["summary"] = "Итог * клиент | доволен <b>жирно</b>"
    c["levels"]["3"] = ["Проводит | встречи *быстро*", "- похоже на список"]
    c["questions"][0]["text"] = "Вопрос с | чертой и <script>alert(2)</script>?"
    data["roles"][0]["kpis"][0]["measure"] = "Доля | клиентов <img src=x onerror=alert(3)>"
    data["roles"][0]["name"] = "Аккаунт | менеджер"
    return data


def test_escaping_keeps_tables_intact():
    result = pages.build(model_from(tricky_data()))
    for path, text in result.items():
        # front matter is YAML (a JSON string) that the theme escapes into <meta>; check the body
        text = re.sub(r"\A---\n.*?\n---\n", "", text, flags=re.S)
        own = '<script src="../assets/js/vendor/mermaid.min.js"></script>'  # the career page's vendored Mermaid
        assert "<script" not in text.replace(own, ""), path
        assert "<img" not in text and "<b>" not in text, path
        tables: list[list[str]] = []
        for i, ln in enumerate(text.splitlines()):
            if ln.startswith("|"):
                if i == 0 or not text.splitlines()[i - 1].startswith("|"):
                    tables.append([])
                tables[-1].append(ln)
        for table in tables:
            widths = {len(re.findall(r"(?<!\\)\|", row)) for row in table}
            assert len(widths) == 1, (path, table)


def test_model_change_followed_without_template_edit():
    data = load_data()
    new = copy.deepcopy(data["competencies"][2])
    new.update(id="negotiation", name="Переговоры о бюджете", group="финансы", summary="Договаривается о деньгах.")
    for i, q in enumerate(new["questions"]):
        q["id"] = f"q-negotiation-{i}"
    data["competencies"].append(new)
    role = data["roles"][0]
    role["name"] = "Менеджер по работе с клиентами"
    role["competencies"][2]["weight"] = 10
    role["competencies"].append({"id": "negotiation", "weight": 10})
    for lv in role["levels"]:
        lv["targets"]["negotiation"] = 2
    result = pages.build(model_from(data))
    assert "competencies/negotiation.md" in result
    assert "# Переговоры о бюджете {#negotiation}" in result["competencies/negotiation.md"]
    assert "Переговоры о бюджете" in result["roles/account-manager.md"]
    assert "# Менеджер по работе с клиентами {#account-manager}" in result["roles/account-manager.md"]
    assert "Менеджер по работе с клиентами" in result["roles/index.md"]
    assert "{#q-negotiation-0}" in result["interview/questions.md"]


def test_snapshot_role_page(mini):
    text = pages.build(mini)["roles/account-manager.md"]
    if os.environ.get("UPDATE_SNAPSHOTS") == "1":
        SNAPSHOT.parent.mkdir(parents=True, exist_ok=True)
        SNAPSHOT.write_text(text, encoding="utf-8")
    assert SNAPSHOT.exists(), f"{SNAPSHOT} is missing: create it with UPDATE_SNAPSHOTS=1 and review it"
    assert text == SNAPSHOT.read_text(encoding="utf-8"), "role page changed; review and rerun with UPDATE_SNAPSHOTS=1"


def test_site_data(built):
    m, _ = built
    data = pages.site_data(m)
    assert set(data) == {"vocab", "scale", "evaluation", "competencies", "roles"}
    assert data["vocab"]["verdicts"][0] == "strong_hire" and data["vocab"]["card_keys"][0] == "scorecard"
    assert [c["id"] for c in data["competencies"]] == [c.id for c in m.competencies]
    assert set(data["competencies"][0]["levels"]) == {"1", "2", "3", "4", "5"}
    role = data["roles"][0]
    assert sum(rc["weight"] for rc in role["competencies"]) == 100
    assert set(role["levels"][0]["targets"]) == {rc["id"] for rc in role["competencies"]}
    assert data["evaluation"]["bands"]["hire"] == m.evaluation.bands.hire
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    assert json.loads(text) == data


def test_cli_pages(tmp_path):
    from accountpath import cli

    assert cli.main(["--model", str(FIXTURE), "pages", "--out", str(tmp_path)]) == 0
    assert (tmp_path / "roles" / "account-manager.md").read_text(encoding="utf-8") == \
        pages.build(model_mod.load(FIXTURE))["roles/account-manager.md"]


def test_charts_are_deterministic_svg(mini):
    from accountpath import svg

    chart = svg.salary_chart(mini)
    assert chart.startswith("<figure") and "<svg" in chart and "<script" not in chart
    assert chart == svg.salary_chart(mini)
    assert "\n\n" not in chart  # stays one raw HTML block in Markdown
    ladder = svg.career_ladder(mini, pages.career_entries(mini))
    assert "Аккаунт-директор" in ladder and "Ассистент в маркетинге" in ladder
