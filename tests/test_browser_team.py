"""The team page and the self-assessment's assessment file in Chromium (Playwright, Debian's
/usr/bin/chromium), on a site built with the model of the team of six (tests/vectors/team.json):
the page shows the same readiness, blocking, coverage and heat map as `accountpath team`, the
director switch removes every name from the screen and the downloads, nothing leaves the site,
and the self-assessment saves an assessment file and opens it back."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
import browser_util as bu
from conftest import fill_team_workbook, write_team

pytestmark = pytest.mark.browser

NAMES = ("Пётр Алексеев", "Вера Борисова", "Глеб Васильев", "Дарья Григорьева", "Егор Дмитриев", "Жанна Ефимова")


@pytest.fixture(scope="module")
def team_site(tmp_path_factory, team_vector):
    root = tmp_path_factory.mktemp("team-site")
    folder, model = write_team(root / "in", team_vector, None, date="2026-11-20")
    site = bu.build_site(root / "site", model=model)
    srv = bu.Server(site)
    yield srv, sorted(folder.iterdir())
    srv.close()


@pytest.fixture
def page(browser, team_site):
    srv, _files = team_site
    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True, locale="ru-RU")
    pg = ctx.new_page()
    pg.watch = bu.Watch(pg, srv.url)
    yield pg
    pg.watch.assert_clean()
    ctx.close()


def _download(page, button: str) -> str:
    with page.expect_download() as info:
        page.click(button)
    return Path(info.value.path()).read_text(encoding="utf-8")


def test_team_page_shows_the_six_facts_and_hides_names(page, team_site, team_vector):
    srv, files = team_site
    page.goto(srv.url + "tools/team/")
    page.wait_for_selector("#team-app[data-ready='true']")
    page.set_input_files("#tm-files", [str(f) for f in files])
    page.wait_for_selector("#team-app[data-count='12']")
    rows = page.locator("#tm-people tbody tr")
    assert rows.count() == 6
    ready = [
        rows.nth(i).locator("th").inner_text() for i in range(6) if rows.nth(i).get_attribute("data-ready") == "true"
    ]
    assert ready == ["Пётр Алексеев"]
    vera = page.locator("#tm-people tbody tr", has_text="Вера Борисова")
    assert vera.locator(".tm-blocking").inner_text() == "Компетенция finance (2 при цели 4)"
    finance = page.locator("#tm-coverage tr[data-competency='finance']")
    assert finance.get_attribute("data-single") == "true"
    assert "Пётр Алексеев" in finance.inner_text() and "держится на одном человеке" in finance.inner_text()
    assert page.locator("#tm-coverage tr[data-single='true']").count() == 1
    assert page.locator("#tm-heat td.ap-heat--bad").count() > 0
    bu.screenshot(page, "team-manager-1280")

    data = json.loads(_download(page, "#tm-json"))
    assert {k: data[k] for k in ("people", "coverage", "heatmap")} == team_vector["expected"]["manager"]

    page.check("#tm-director")
    page.wait_for_selector("#tm-result[data-audience='director']")
    screen = page.locator("#team-app").inner_text()
    downloads = _download(page, "#tm-json") + _download(page, "#tm-md")
    for name in NAMES:
        for part in name.split():
            assert part not in screen and part not in downloads, part
    assert (
        json.loads(downloads[: downloads.index("\n}\n") + 3])["groups"] == team_vector["expected"]["director"]["groups"]
    )
    assert page.locator("#tm-groups tbody tr").count() == 1
    bu.screenshot(page, "team-director-1280")


def test_self_assessment_saves_and_opens_the_file(page, team_site, team_model, tmp_path):
    srv, _files = team_site
    page.goto(srv.url + "tools/self-assessment/")
    page.wait_for_selector("#self-assessment-app[data-ready='true']")
    page.check("[data-testid='self-finance-4']")
    page.check("[data-testid='self-strategy-2']")
    page.fill("#sa-person", "Пётр Алексеев")
    page.select_option("#sa-level", "middle")
    saved = json.loads(_download(page, "#sa-save-file"))
    assert saved["assessment"] == 1 and saved["relation"] == "self" and saved["person"] == "Пётр Алексеев"
    assert saved["role"] == "account-manager" and saved["level"] == "middle"
    assert saved["ratings"]["finance"] == 4 and saved["ratings"]["strategy"] == 2
    assert set(saved["ratings"]) == {c.id for c in team_model.competencies}

    path = tmp_path / "sa-roundtrip.json"
    path.write_text(json.dumps(saved, ensure_ascii=False), encoding="utf-8")
    page.on("dialog", lambda d: d.accept())
    page.click("#sa-clear")
    assert not page.is_checked("[data-testid='self-finance-4']")
    page.set_input_files("#sa-open-file", str(path))
    page.wait_for_function("document.querySelector(\"[data-testid='self-finance-4']\").checked")
    assert page.is_checked("[data-testid='self-strategy-2']")
    assert page.input_value("#sa-person") == "Пётр Алексеев"


def test_team_page_reads_a_team_workbook(page, team_site, team_model, team_vector, tmp_path):
    srv, _files = team_site
    book = tmp_path / "team.xlsx"
    wb, _ws, _ids, _rows = fill_team_workbook(book, team_vector, team_model)
    wb.save(book)
    page.goto(srv.url + "tools/team/")
    page.wait_for_selector("#team-app[data-ready='true']")
    page.set_input_files("#tm-files", str(book))
    page.wait_for_selector("#team-app[data-count='2']")
    names = page.locator("#tm-people tbody th").all_inner_texts()
    assert names == ["Вера Борисова", "Пётр Алексеев"]
    assert page.locator("#tm-warnings li").count() == 2  # no self-assessments beside the manager's


def test_team_workbook_refusals_match_python(page, team_site, team_model, team_vector, tmp_path):
    """A team workbook with a formula never computed in one person's row (that row refused, the
    others read), then one with a person's cells merged over two rows (the sheet refused): the
    browser's team reader gives the very sentences `accountpath team` prints, at the same cells."""
    import base64

    from openpyxl import load_workbook

    from accountpath.io import assessments
    from accountpath.render import team_files

    srv, _files = team_site
    rows = [a for a in team_vector["assessments"] if a["relation"] == "manager"][:2]
    books = []
    for kind in ("formula", "merge"):
        book = tmp_path / f"team-{kind}.xlsx"
        book.write_bytes(team_files.team_workbook(team_model, "account-manager", "middle"))
        wb = load_workbook(book)
        ws = wb["Команда"]
        ids = [c.value for c in ws[2]]
        for r, a in enumerate(rows, start=3):
            for key in ("person", "person_id", "assessor", "date"):
                ws.cell(row=r, column=ids.index(key) + 1, value=a[key])
            for cid, rating in a["ratings"].items():
                ws.cell(row=r, column=ids.index(cid) + 1, value=rating)
        first = next(iter(rows[1]["ratings"]))
        if kind == "formula":
            ws.cell(row=4, column=ids.index(first) + 1, value="=2+2")  # saved without a value
        else:
            ws.merge_cells(start_row=3, start_column=1, end_row=4, end_column=1)
        wb.save(book)
        books.append(book)
    page.goto(srv.url + "tools/team/")
    page.wait_for_selector("#team-app[data-ready='true']")
    got = page.evaluate(
        """async ([books]) => {
        const t = await import('../../assets/js/core/team.js');
        const model = await (await fetch('../../assets/data/model.json')).json();
        const out = [];
        for (const b of books) {
          const bytes = Uint8Array.from(atob(b.data), (ch) => ch.charCodeAt(0));
          const r = await t.xlsxAssessments(model, b.name, bytes.buffer);
          out.push({ count: r.items.length, problems: r.problems });
        }
        return out; }""",
        [[{"name": b.name, "data": base64.b64encode(b.read_bytes()).decode()} for b in books]],
    )
    for book, g in zip(books, got, strict=True):
        found, problems = assessments.read_assessments(book, team_model)
        assert problems, book.name
        assert g["problems"] == [str(p).replace(str(book), book.name) for p in problems], book.name
        assert g["count"] == len(found), book.name
    assert got[0]["count"] == 1 and "формула без сохранённого значения" in got[0]["problems"][0]
    assert got[1]["count"] == 0 and "объединены" in got[1]["problems"][0]


def test_team_page_names_a_file_that_does_not_read(page, team_site, tmp_path):
    """A YAML file with a syntax error or a tag is named with its line and column, in the sentence
    `accountpath team` prints (the page used to drop the reader's problems)."""
    srv, _files = team_site
    broken = tmp_path / "broken.yml"
    broken.write_text("assessment: 1\nperson: [Анна\n", encoding="utf-8")
    tagged = tmp_path / "tagged.yml"
    tagged.write_text("assessment: 1\nperson: !!python/name:os.system\n", encoding="utf-8")
    page.goto(srv.url + "tools/team/")
    page.wait_for_selector("#team-app[data-ready='true']")
    page.set_input_files("#tm-files", [str(broken), str(tagged)])
    page.wait_for_function("() => document.getElementById('tm-messages').textContent.includes('с ошибками')")
    text = page.inner_text("#tm-messages")
    assert "broken.yml:3:1: не читается как JSON или YAML" in text, text
    assert "tagged.yml:2:9: тег YAML !!python/name:os.system не поддерживается" in text, text
