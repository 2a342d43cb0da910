"""Generated Markdown pages (accountpath.pages): anchors, determinism, escaping, model
changes, a snapshot of one role page, and the JSON for the in-browser tools."""

from __future__ import annotations

import copy
import json
import os
import re
from pathlib import Path

import pytest

from accountpath.method.plan import offered
from accountpath.model import load as model_mod
from accountpath.model.types import SCOPE_KEYS
from accountpath.site import pages

from conftest import hand_written_docs, yaml_dump, yaml_load

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "mini.yml"
SNAPSHOT = ROOT / "tests" / "snapshots" / "role-account-manager.md"
REAL_MODEL = Path(
    os.environ.get("ACCOUNTPATH_REAL_MODEL") or ROOT / "competencies.yml"
)  # override: try a converted copy


def load_data(path: Path = FIXTURE) -> dict:
    return yaml_load(path.read_text(encoding="utf-8"))


def model_from(data: dict):
    text = yaml_dump(data, allow_unicode=True, sort_keys=False)
    m, problems = model_mod.check_text(text, "test.yml")
    assert not problems, [str(p) for p in problems]
    return m


@pytest.fixture(scope="module")
def mini():
    return model_mod.load(FIXTURE)


def _models():
    out = [pytest.param(FIXTURE, id="mini")]
    out.append(
        pytest.param(
            REAL_MODEL,
            id="real",
            marks=pytest.mark.skipif(not REAL_MODEL.exists(), reason="competencies.yml not written yet"),
        )
    )
    return out


@pytest.fixture(scope="module", params=_models())
def built(request):
    m = model_mod.load(request.param)
    return m, pages.build(m)


EXPECTED_FIXED = {
    "index.md",
    "roles/index.md",
    "competencies/index.md",
    "interview/method.md",
    "interview/questions.md",
    "interview/open-questions.md",
    "scorecards/index.md",
    "market.md",
    "career.md",
    "growth.md",
    "glossary.md",
    "sources.md",
    "tools/evaluator.md",
    "tools/self-assessment.md",
    "tools/team.md",
    "tools/plan.md",
    "hiring/index.md",
}


def test_page_set(built):
    m, result = built
    expected = set(EXPECTED_FIXED)
    expected |= {f"roles/{r.id}.md" for r in m.roles}
    expected |= {f"competencies/{c.id}.md" for c in m.competencies}
    expected |= {f"hiring/{kind}-{r.id}-{lv.id}.md" for r in m.roles for lv in r.levels for kind in ("vacancy", "kit")}
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
        for n in range(2, 6):
            assert f"{{#develop-{n}}}" in page
        for q in c.questions:
            anchor = f'id="{pages.question_anchor(q.id)}"'
            assert anchor in page, q.id
            assert anchor in result["interview/questions.md"], q.id
            if q.kind == "open":
                assert anchor in result["interview/open-questions.md"], q.id
    for s in m.sources:
        assert f"{{#{s.id}}}" in result["sources.md"]


def test_anchors_unique_per_page(built):
    _, result = built
    for path, text in result.items():
        ids = re.findall(r"\{#([a-z0-9-]+)\}", text) + re.findall(r' id="([^"]+)"', text)
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
    data["evaluation"] = {
        "min_coverage": 0.65,
        "disagreement_spread": 3,
        "must_have_tolerance": 0.75,
        "bands": {"strong_hire": 0.8, "hire": 0.1, "no_hire": -1.25},
    }
    text = pages.build(model_from(data))["interview/method.md"]
    for expected in ("65\u00a0%", "**3**", "**0,75**", "**0,8**", "**0,1**", "**−1,25**"):
        assert expected in text, expected
    for label in pages.RECOMMENDATION_LABELS.values():
        assert label in text


def test_worked_example_matches_evaluator(mini):
    from accountpath.method.evaluate import Scorecard, evaluate

    ex = pages.worked_example(mini)
    cards = [
        Scorecard(ex["role"].id, ex["level"].id, "x", "a", {r["id"]: r["a"] for r in ex["rows"]}),
        Scorecard(ex["role"].id, ex["level"].id, "x", "b", {r["id"]: r["b"] for r in ex["rows"]}),
    ]
    result = evaluate(mini, ex["role"].id, ex["level"].id, cards)
    text = pages.build(mini)["interview/method.md"]
    assert f"= **{pages.num(result['coverage'])}**" in text
    assert f"= **{pages.num(result['gap'])}**" in text
    assert f"**{pages.RECOMMENDATION_LABELS[result['recommendation']]}**" in text


def test_level_steps_list_the_behaviour_at_the_new_target(mini):
    role = mini.role("account-manager")
    steps = pages.level_steps(mini, role)
    assert steps[0].previous is None and steps[0].changes == ()
    fin = next(ch for ch in steps[1].changes if ch.competency.id == "finance")
    assert (fin.before, fin.after) == (2, 3)
    assert fin.behaviours == mini.competency("finance").levels[3]
    assert fin.develop == ((3, mini.competency("finance").develop[3]),)
    page = pages.build(mini)["roles/account-manager.md"]
    assert mini.competency("finance").levels[3][0] in page


def test_no_salary_note(mini):
    page = pages.build(mini)["roles/account-director.md"]
    assert "нет цифр о зарплате" in page


@pytest.mark.parametrize(
    "text",
    [
        "<script>alert(1)</script>",
        "a | b | c",
        "*звёздочки* и _подчёркивания_",
        "- начало как список",
        "1. как нумерация",
        "# как заголовок",
        ":smile: и [ссылка](x)",
    ],
)
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
        # the tool pages' own module and their file:// note (tool_pages.py), never model text
        text_ = re.sub(
            r'<script type="module" src="\.\./\.\./assets/js/\w+/\w+\.js"></script>|'
            r'<script>if \(location\.protocol === "file:"\) document\.getElementById\("\w+-file-note"\)'
            r"\.hidden = false;</script>",
            "",
            text,
        )
        assert "<script" not in text_.replace(own, ""), path
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
    for r in data["roles"]:
        for lv in r["levels"]:
            lv["targets"]["negotiation"] = 2
    result = pages.build(model_from(data))
    assert "competencies/negotiation.md" in result
    assert "# Переговоры о бюджете {#negotiation}" in result["competencies/negotiation.md"]
    assert "Переговоры о бюджете" in result["roles/account-manager.md"]
    assert "# Менеджер по работе с клиентами {#account-manager}" in result["roles/account-manager.md"]
    assert "Менеджер по работе с клиентами" in result["roles/index.md"]
    assert 'id="q-negotiation-0"' in result["interview/questions.md"]
    assert "Переговоры о бюджете" in result["growth.md"]


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
    assert set(data) == {
        "vocab",
        "messages",
        "card_schema",
        "read_limits",
        "scale",
        "evaluation",
        "promotion",
        "plan_rules",
        "competencies",
        "roles",
        "glossary",
    }
    assert data["promotion"]["tolerance"] == 0.5 and list(data["vocab"]["scope_labels"]) == list(SCOPE_KEYS)
    assert data["vocab"]["verdicts"][0] == "strong_hire" and data["vocab"]["card_keys"][0] == "scorecard"
    assert [c["id"] for c in data["competencies"]] == [c.id for c in m.competencies]
    comp = data["competencies"][0]
    assert set(comp["levels"]) == {"1", "2", "3", "4", "5"} and set(comp["develop"]) == {"2", "3", "4", "5"}
    q = comp["questions"][0]
    assert len(q["levels"]) == 2 and set(q["anchors"]) == {"weak", "solid", "strong"}
    role = data["roles"][0]
    assert sum(rc["weight"] for rc in role["competencies"]) == 100
    assert all(set(lv["targets"]) == {c.id for c in m.competencies} for r in data["roles"] for lv in r["levels"])
    assert [g["term"] for g in data["glossary"]] == [g.term for g in m.glossary]
    assert data["evaluation"]["bands"]["hire"] == m.evaluation.bands.hire
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    assert json.loads(text) == data


def test_cli_pages(tmp_path):
    from accountpath.cli import main as cli

    assert cli.main(["--model", str(FIXTURE), "pages", "--out", str(tmp_path)]) == 0
    assert (tmp_path / "roles" / "account-manager.md").read_text(encoding="utf-8") == pages.build(
        model_mod.load(FIXTURE)
    )["roles/account-manager.md"]


def test_charts_are_deterministic_svg(mini):
    from accountpath.render import svg

    chart = svg.salary_chart(mini)
    assert chart.startswith("<figure") and "<svg" in chart and "<script" not in chart
    assert chart == svg.salary_chart(mini)
    assert "\n\n" not in chart  # stays one raw HTML block in Markdown
    ladder = svg.career_ladder(mini, pages.career_entries(mini))
    assert "Аккаунт-директор" in ladder and "Ассистент в маркетинге" in ladder


# ---------------------------------------------------------------- the ladder, growth, vocabulary


def _details(page: str) -> list[tuple[str, str]]:
    """(summary, body) of each collapsible block of level questions on a role page."""
    return re.findall(
        r'<details class="ap-level-questions" data-search-exclude markdown>\n<summary>(.*?)</summary>\n(.*?)</details>',
        page,
        re.S,
    )


def test_role_page_opens_with_the_job_and_marks_the_projects_figures(mini):
    page = pages.build(mini)["roles/account-manager.md"]
    body = page.split("\n---\n", 1)[1]
    first = next(ln for ln in body.splitlines() if ln.strip() and not ln.startswith("#"))
    assert first == mini.role("account-manager").summary
    assert body.index("{#responsibilities}") < body.index("{#kpis}") < body.index("{#matrix}") < body.index("{#levels}")
    assert body.index("{#probation}") < body.index("{#views}") and '!!! info "Что говорит статья"' in body
    assert f"Вес {pages.PRACTICE_MARK} — насколько компетенция важна" in body and pages.PRACTICE_LEGEND in body
    assert "оценка проекта" not in body and "практика проекта)" not in body
    assert f"до 1 года {pages.PRACTICE_MARK}" in body and f"1 год {pages.PRACTICE_MARK}" in body
    assert "1–3 года (по статье [Тестовая статья о профессии](../sources.md#mini-article))" in body
    for days in ("30", "60", "90"):
        assert f"**{days} дней**" in body
    # the range cell holds the range and the mark; the note goes to a footnote
    assert (
        f"| {pages.salary_range(50000, None)} {pages.PRACTICE_MARK}[^s1] |" in body
        and "\n[^s1]: нижняя граница\n" in body
    )


def test_role_grid_lists_every_competency_weighted_ones_marked(mini):
    page = pages.build(mini)["roles/account-director.md"]
    rows = [ln for ln in page.splitlines() if ln.startswith("| ") and "../competencies/" in ln]
    assert len(rows) == len(mini.competencies)
    pm = next(r for r in rows if "project-management" in r)
    assert pm.startswith("| [Управление проектом]") and "| — | — | 3 |" in pm  # not weighted for the director
    fin = next(r for r in rows if "finance.md" in r)
    assert fin.startswith("| **[Финансы проекта]") and "| 60 | да | **4** |" in fin


def test_level_questions_live_on_the_scorecard_not_on_the_role_page(mini):
    from accountpath.render import scorecard

    for role in mini.roles:
        page = pages.build(mini)[f"roles/{role.id}.md"]
        assert not _details(page) and "**Слабый ответ:**" not in page
        for lv in role.levels:
            card = scorecard.card(mini, role.id, lv.id)
            text = scorecard.render(mini, role.id, lv.id, "md").decode("utf-8")
            assert f"(../scorecards/files/{role.id}-{lv.id}.html)" in page
            assert f"(../scorecards/files/{role.id}-{lv.id}.xlsx)" in page
            for it in card.items:
                t = lv.targets[it.rc.id]
                own = [
                    q.id
                    for q in it.competency.questions
                    if q.levels[0] <= t <= q.levels[1] and offered(q, it.rc.id, role, lv) and q.kind != "open"
                ]
                shown = [q.id for q in it.questions]
                if it.graduate_first:  # a level that takes graduates: the situational question moves first
                    assert it.questions[0].kind == "situational"
                    own = [it.questions[0].id] + [qid for qid in own if qid != it.questions[0].id]
                assert shown[: len(own)] == own
                assert all(q.fits(t) for q in it.questions)
                for q in it.questions:
                    assert " ".join(q.text.split()) in text  # the download is plain text
    junior = scorecard.render(mini, "account-manager", mini.role("account-manager").levels[0].id, "md").decode()
    assert mini.question("q-comm-board").text not in junior  # a [4, 5] question


def test_headings_are_for_navigation_not_question_texts(built):
    m, result = built
    for path, text in result.items():
        headings = [ln for ln in text.splitlines() if ln.startswith("#")]
        for q in m.questions:
            assert not any(pages.md_escape(q.text) in h for h in headings), (path, q.id)


def test_competency_page_develop_by_step_and_questions_with_ranges(mini):
    page = pages.build(mini)["competencies/finance.md"]
    for n in (2, 3, 4, 5):
        assert f"### Чтобы выйти на {pages.points(n)} {{#develop-{n}}}" in page
    assert "Кейс · для цели 1–3 балла" in page
    assert "**Тревожные признаки:**" in page and "Красные флаги" not in page
    # the open question of another competency that also rates finance is listed
    assert "(../competencies/client-communication.md#q-comm-open-silence)" in page


def test_open_questions_page_judges_by_what_the_answer_shows(mini):
    page = pages.build(mini)["interview/open-questions.md"]
    assert "насколько ход мысли близок" not in page
    assert "допущения" in page and 'id="q-comm-open-silence"' in page
    assert "ответ даёт заметки и к компетенциям: [Финансы проекта](../competencies/finance.md)" in page


def test_growth_page(mini):
    page = pages.build(mini)["growth.md"]
    grid = [ln for ln in page.split("{#grid}")[1].split("{#steps}")[0].splitlines() if ln.startswith("| [")]
    assert len(grid) == len(mini.competencies)
    assert all(ln.count(" | ") == sum(len(r.levels) for r in mini.roles) for ln in grid)
    assert "Сумма целей" not in page  # review 7, finding 29: no ranking of the roles by a sum
    step = page.split("{#step-account-manager-middle}")[1].split("###")[0]
    assert "Финансы проекта](competencies/finance.md): 2 → 3" in step and "Считает маржу и защищает её" in step
    bridge = page.split("{#bridge-account-manager-account-director}")[1].split("\n## ")[0]
    assert "Финансы проекта](competencies/finance.md): 3 → 4" in bridge
    assert "*Чтобы выйти на 4 балла:*" in bridge
    assert "Управление проектом" not in bridge  # 3 -> 3: no change
    for anchor in ("{#promotion}", "{#ipr}"):
        assert anchor in page
    assert "калибровочн" in page.lower() and "самооценк" in page.lower()


def test_glossary_and_sources_pages(mini):
    result = pages.build(mini)
    glossary = result["glossary.md"]
    assert "**тревожные признаки**\n:   " in glossary and "«красные флаги», «тревожные сигналы»" in glossary
    sources = result["sources.md"]
    assert "- Вопросы для собеседования:\n    - [Клиент молчит неделю" in sources
    assert "(competencies/client-communication.md#q-comm-open-silence)" in sources
    assert "- Взгляд на роль:\n    - [Аккаунт-менеджер](roles/account-manager.md#views)" in sources
    assert "Опыт по уровням" in sources and "Зарплаты" in sources and "Факты о рынке" in sources
    said = sum(text.count("Год не указан") + text.count("год в статье не указан") for text in result.values())
    assert said == 1


AVOIDED = (
    "красные флаги",
    "тревожные сигналы",
    "разрыв с целью",
    "продакшена",
    "оценка панели",
    "одна точка правды",
    "ценность клиента за всё время",
    "follow-up",
    "фоллоу-ап",
)


def test_templates_use_the_vocabulary():
    templates = Path(pages.__file__).parent / "templates"
    for f in sorted(templates.rglob("*.j2")):
        if f.name.startswith("report."):
            continue  # the report templates belong to the evaluator's module
        text = f.read_text(encoding="utf-8").lower()
        for word in AVOIDED:
            assert word not in text, (f.name, word)


def test_no_avoided_glossary_variant_on_any_page(built):
    m, result = built
    variants = sorted({v.lower() for g in m.glossary for v in g.avoid}, key=len, reverse=True)
    if not variants:
        return
    any_variant = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, variants)) + r")(?!\w)")
    for path, text in result.items():
        if path == "glossary.md":
            continue  # it names the variants to avoid
        found = any_variant.search(text.lower())
        assert not found, (path, found and found.group(0))


def test_hiring_promotion_and_ipr_rules_are_stated_word_for_word(built):
    m, result = built
    hiring, promotion, ipr = pages.hiring_rule(m), pages.promotion_rule(), pages.ipr_rule()
    assert f"ниже цели больше чем на {pages.num(m.evaluation.must_have_tolerance)};" in hiring
    # each rule is stated once, on its own page; every other page links to it
    for role in m.roles:
        page = result[f"roles/{role.id}.md"]
        assert "interview/method.md#hiring-rule" in page and "growth.md#promotion" in page
    assert f"**Правило найма.** {hiring}" in result["interview/method.md"]
    growth = result["growth.md"]
    assert f"**Правило повышения.** {promotion}" in growth and ipr in growth and "method.md#hiring-rule" in growth
    for rule, home in ((hiring, "interview/method.md"), (promotion, "growth.md"), (ipr, "growth.md")):
        assert [path for path, text in result.items() if rule in text] == [home], rule
    for text in result.values():
        assert "заметно ниже" not in text and "выше текущей оценки: их список" not in text


def test_method_page_marks_its_thresholds_as_the_projects_choice(mini):
    """Review 3, findings 3 and 32: the page opens with the rule in plain words; the thresholds sit at the end
    under «Числа, которые выбрал проект ◇»; no statistics jargon in the text for HR."""
    page = pages.build(mini)["interview/method.md"]
    intro = page.split("{#method}")[1].split("## ")[0]
    assert f"**Коротко.** {pages.method_rule(mini)}" in intro
    numbers = page.split(f"## Числа, которые выбрал проект {pages.PRACTICE_MARK}")[1]
    assert f"**Пороги метода {pages.PRACTICE_MARK}.**" in numbers and pages.PRACTICE_LEGEND in page
    assert (
        "accountpath" not in page
        and "min_coverage" not in page
        and "10<sup>" not in page
        and "из настроек модели компетенций, поэтому" not in page
    )
    ev = mini.evaluation
    for n in (
        pages.num(ev.bands.strong_hire),
        pages.num(ev.bands.no_hire),
        pages.percent(ev.min_coverage),
        pages.num(ev.disagreement_spread),
        pages.num(ev.tolerance),
        pages.num(ev.must_have_tolerance),
    ):
        assert f"**{n}**" in numbers, n
    for jargon in ("тоговое отклонение", "окрытие", "азброс", "допуск"):
        assert jargon not in page, jargon
    calc = page.split("{#calculation}")[1]
    assert "**Средняя по компетенции:**" in calc and "Итог панели" not in calc
    assert "| Средняя |" in page
    table = page.split("{#recommendation}")[1].split("## ")[0]
    assert (
        "Итог слишком близко к границе или держится на слишком малом: одном интервьюере, одной спорной оценке, "
        "непроверенной компетенции." in table
    )
    assert "самый высокий уровень роли, на который с теми же оценками вышла бы рекомендация «Нанимать»" in page


def test_method_page_says_where_strong_hire_is_out_of_reach(real_model):
    page = pages.build(real_model)["interview/method.md"]
    out = pages.strong_hire_out_of_reach(real_model)
    ev = real_model.evaluation
    for role in real_model.roles:
        for level in role.levels:
            best = sum(rc.weight * (5 - level.targets[rc.id]) for rc in role.competencies) / role.total_weight
            assert ((role, level) in out) == (best < ev.bands.strong_hire + ev.tolerance)
    assert ("«Однозначно нанимать» недостижим" in page) == bool(out)
    line = next((ln for ln in page.splitlines() if "недостижим" in ln), "")
    assert all(f"«{r.name if len(r.levels) == 1 else lv.name}»" in line for r, lv in out)


def test_salary_notes_are_footnotes_numbered_without_gaps(built):
    m, result = built
    for path in ["market.md"] + [f"roles/{r.id}.md" for r in m.roles if r.salary]:
        page = result[path]
        marks = re.findall(r"\[\^s(\d+)\]", page.split("\n[^s", 1)[0])
        defs = re.findall(r"^\[\^s(\d+)\]: ", page, re.M)
        assert [int(n) for n in marks] == list(range(1, len(marks) + 1)) == [int(n) for n in defs], path
        rows = [ln for ln in page.splitlines() if ln.startswith("| ") and " ₽" in ln]
        assert rows and not any("; оценка проекта" in ln or ".; " in ln or "₽ (" in ln for ln in rows), path
        assert "сверяйтесь с текущими вакансиями" in page and "не именно об агентствах" in page
    assert "Все цифры взяты из" not in result["market.md"]


def test_sources_page_says_who_wrote_the_questions(built):
    m, result = built
    page = result["sources.md"]
    sourced = [q for q in m.questions if q.source]
    assert "Факты, цифры и вопросы сайта опираются" not in page
    assert ("Вопросы для собеседования, кроме" in page) == bool(sourced) and "составлены проектом" in page


FIRST_MENTION = (
    (r"(?i)key account manager|\bKAM\b", r"(?i)key account manager \(KAM\)"),
    (r"Client Services? Director|\bCSD\b", r"Client Services Director \(CSD\)"),
)


def _first_mentions_wrong(text: str) -> list[str]:
    body = text.split("\n---\n", 1)[-1] if text.startswith("---") else text
    out = []
    for pattern, full in FIRST_MENTION:
        m = re.search(pattern, body)
        if m and not re.match(full, body[m.start() :]):
            out.append(body[max(0, m.start() - 40) : m.start() + 40])
    return out


def test_kam_and_csd_are_introduced_in_full_on_first_mention(built):
    m, result = built
    for path, text in result.items():
        assert not _first_mentions_wrong(text), path
    for doc in hand_written_docs():
        assert not _first_mentions_wrong(doc.read_text(encoding="utf-8")), doc


def test_home_page_lists_every_role_of_the_model(mini):
    """A fork's own role appears on the home page: the list is generated from the model."""
    home = pages.build(mini)["index.md"]
    for r in mini.roles:
        assert f"](roles/{r.id}.md)" in home and r.name in home


def test_growth_page_has_a_pay_band_row_for_every_level(mini):
    """Review 3: a levelling without pay reads as unfinished; the articles give no figures by level, so
    the growth page gives the agency a table to fill, one row per level, with the model's band where
    a level has one."""
    page = pages.build(mini)["growth.md"]
    table = page.split("{#pay}")[1].split("{#ipr}")[0]
    rows = [ln for ln in table.splitlines() if ln.startswith("| [")]
    assert len(rows) == sum(len(r.levels) for r in mini.roles)
    for r in mini.roles:
        for lv in r.levels:
            assert f"(roles/{r.id}.md#level-{lv.id})" in table
