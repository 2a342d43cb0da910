"""Russian search in Chromium on the built site, whose search index is written as UTF-8:
an inflected form of a competency name finds that competency's page first."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from accountpath.model import load as model_mod

sys.path.insert(0, str(Path(__file__).resolve().parent))
import browser_util as bu  # noqa: E402

pytestmark = pytest.mark.browser

# (typed text, competency id): inflected forms, not the names as written in the model
QUERIES = (
    ("переговорах", "negotiation", "Переговоры"),
    ("финансовой грамотности", "finance", "Финансовая грамотность"),
)


def test_index_served_is_utf8(site_dir):
    raw = (site_dir / "search" / "search_index.json").read_bytes()
    assert b"\\u04" not in raw and "Компетенции".encode() in raw
    assert json.loads(raw)["config"]["lang"] == ["ru", "en"]


@pytest.mark.parametrize(("typed", "comp_id", "name"), QUERIES)
def test_inflected_russian_word_finds_the_competency_first(browser, server, typed, comp_id, name):
    model = model_mod.load(bu.model_path())
    comp = model.competency(comp_id)
    if comp is None or not comp.name.startswith(name):
        pytest.skip("this model has no such competency")  # the queries are the bundled content's
    assert typed not in comp.name.lower()  # really another form of the word
    page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="ru-RU")
    watch = bu.Watch(page, server.url)
    try:
        page.goto(server.url)
        page.click(".md-search__input")
        meta = page.locator(".md-search-result__meta")
        # the worker has loaded the index when the prompt to type replaces «initialising»
        page.wait_for_function(
            "() => /печатать/i.test(document.querySelector('.md-search-result__meta').textContent)", timeout=20000
        )
        page.fill("input.md-search__input", typed)  # the whole query at once: one search, no prefixes
        page.keyboard.press("End")
        page.wait_for_function(
            "() => /Найдено/.test(document.querySelector('.md-search-result__meta').textContent)", timeout=15000
        )
        assert "Найдено" in meta.inner_text()
        first = page.locator(".md-search-result__item a.md-search-result__link").first
        href = first.get_attribute("href") or ""
        path = href.split("#")[0].split("?")[0]
        assert path.rstrip("/").endswith(f"competencies/{comp_id}"), (typed, href)
        assert comp.name.split()[0] in first.inner_text()
        bu.screenshot(page, f"search-{comp_id}")
        watch.assert_clean()
    finally:
        page.close()
