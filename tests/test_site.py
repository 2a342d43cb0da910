"""The built site: `mkdocs build --strict` in a temp dir (a copy of docs/, since the hook
writes the generated pages into it), anchors, internal links, the UTF-8 search index, the
career map and market page, byte-identical rebuilds and a changed model. Each site is built
once per session."""

from __future__ import annotations

import copy
import filecmp
import json
import os
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urldefrag, urljoin, urlparse

import pytest
import yaml

from accountpath.model import load as model_mod
from accountpath.site import pages, site_files

pytestmark = pytest.mark.slow  # each test builds the site (seconds): `make test` runs them, `make test-fast` not

ROOT = Path(__file__).resolve().parent.parent
MKDOCS = ROOT / ".venv" / "bin" / "mkdocs"
FIXTURE = ROOT / "tests" / "fixtures" / "mini.yml"
REAL_MODEL = ROOT / "competencies.yml"
EPOCH = "1700000000"


def _mkdocs() -> str:
    return str(MKDOCS) if MKDOCS.exists() else "mkdocs"


def build_site(work: Path, model_text: str, out: Path) -> subprocess.CompletedProcess:
    """Build the site from a temp project: the repo's mkdocs.yml, docs, hook and package
    (symlinked, read-only) and the given model as competencies.yml."""
    work.mkdir(parents=True, exist_ok=True)
    (work / "mkdocs.yml").write_text((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), encoding="utf-8")
    if not (work / "docs").exists():  # a copy: the hook writes the generated pages into docs/
        shutil.copytree(ROOT / "docs", work / "docs")
    for name in ("scripts", "src"):
        if not (work / name).exists():
            (work / name).symlink_to(ROOT / name)
    (work / "competencies.yml").write_text(model_text, encoding="utf-8")
    env = dict(os.environ, SOURCE_DATE_EPOCH=EPOCH, NO_MKDOCS_2_WARNING="1", PYTHONHASHSEED="0")
    env.pop("ACCOUNTPATH_MODEL", None)
    return subprocess.run(
        [_mkdocs(), "build", "--strict", "-q", "-f", str(work / "mkdocs.yml"), "-d", str(out)],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def _model_path() -> Path:
    return REAL_MODEL if REAL_MODEL.exists() else FIXTURE


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    """The site built from the real model (the fixture until competencies.yml exists)."""
    base = tmp_path_factory.mktemp("site")
    proc = build_site(base / "work", _model_path().read_text(encoding="utf-8"), base / "out")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return base / "out", model_mod.load(_model_path())


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.scripts: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(a["id"])
        if a.get("name") and tag == "a":
            self.ids.add(a["name"])
        if tag == "a" and a.get("href") is not None:
            self.links.append(a["href"])
        if tag in ("img", "script") and a.get("src"):
            self.links.append(a["src"])
        if tag == "link" and a.get("href") and a.get("rel") in ("stylesheet",):
            self.links.append(a["href"])
        if tag == "script":
            self.scripts.append(a.get("src") or "")


def parse_site(out: Path) -> dict[Path, _Page]:
    parsed = {}
    for f in sorted(out.rglob("*.html")):
        p = _Page()
        p.feed(f.read_text(encoding="utf-8"))
        parsed[f] = p
    return parsed


def page_of(out: Path, rel_md: str) -> Path:
    """Built HTML file of a docs page (directory URLs)."""
    stem = rel_md[:-3]
    if stem == "index" or stem.endswith("/index"):
        return out / (stem + ".html")
    return out / stem / "index.html"


def ids_of(path: Path) -> set[str]:
    p = _Page()
    p.feed(path.read_text(encoding="utf-8"))
    return p.ids


def test_strict_build_passes(site):
    out, m = site
    assert (out / "index.html").exists()
    for path in pages.build(m):
        assert page_of(out, path).exists(), path


def test_every_id_appears_with_its_anchor(site):
    out, m = site
    questions = ids_of(page_of(out, "interview/questions.md"))
    for r in m.roles:
        ids = ids_of(page_of(out, f"roles/{r.id}.md"))
        assert r.id in ids
        for lv in r.levels:
            assert f"level-{lv.id}" in ids, (r.id, lv.id)
        assert f"role-{r.id}" in questions
    for c in m.competencies:
        ids = ids_of(page_of(out, f"competencies/{c.id}.md"))
        assert c.id in ids
        assert {f"level-{n}" for n in range(1, 6)} <= ids
        for q in c.questions:
            assert pages.question_anchor(q.id) in ids, q.id
            assert pages.question_anchor(q.id) in questions, q.id


def test_cyrillic_headings_get_readable_anchors(site):
    out, m = site
    ids = ids_of(page_of(out, "competencies/index.md"))
    group = m.competencies[0].group
    assert any(re.search(r"[а-яё]", i) for i in ids), ids
    assert any(i.startswith(group.lower().split()[0][:3]) for i in ids), (group, ids)


def test_no_broken_internal_links(site):
    out, _ = site
    parsed = parse_site(out)
    problems = []
    for f, page in parsed.items():
        base = "file://" + str(f)
        for href in page.links:
            if not href or href.startswith(("http:", "https:", "mailto:", "tel:", "javascript:", "data:")):
                continue
            if href.startswith("/"):  # site-absolute (404.html): relative to the site root
                href = "file://" + str(out) + href
            url, frag = urldefrag(urljoin(base, href))
            target = Path(unquote(urlparse(url).path))
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                problems.append(f"{f.relative_to(out)}: {href} -> missing {target}")
                continue
            if frag and target.suffix == ".html":
                ids = parsed[target].ids if target in parsed else ids_of(target)
                if unquote(frag) not in ids:
                    problems.append(f"{f.relative_to(out)}: {href} -> no #{frag}")
    assert not problems, "\n".join(problems[:40])


def test_offline_no_cdn(site):
    out, _ = site
    for f in out.rglob("*.html"):
        text = f.read_text(encoding="utf-8")
        assert "fonts.googleapis.com" not in text, f
        assert "unpkg.com" not in text and "cdn.jsdelivr" not in text, f


def test_career_map_is_svg_drawn_at_build_time(site):
    out, m = site
    html = (out / "career" / "index.html").read_text(encoding="utf-8")
    assert "mermaid" not in html.lower()
    assert not list((out / "assets" / "js").rglob("mermaid*"))
    assert not list(ROOT.glob("docs/assets/js/vendor/mermaid*"))
    figure = html[html.index('<figure class="ap-figure ap-career"') :]
    figure = figure[: figure.index("</figure>")]
    assert "<svg" in figure and "<script" not in figure
    for r in m.roles:
        assert r.name.split()[0] in figure, r.id
        for lv in r.levels:
            assert lv.name.split()[0] in figure, lv.id
    outside = [e for r in m.roles for e in pages.career_entries(m)[r.id]["from"] if m.role(e) is None]
    assert outside and outside[0].split()[0] in figure
    steps = sum(1 for r in m.roles for e in pages.career_entries(m)[r.id]["to"] if m.role(e))
    assert figure.count('class="ap-edge') == steps  # one arrow per move between roles
    # the narrow-screen form: every role in order, each a link to its page
    flow = html[html.index('class="ap-career-flow"') :]
    flow = flow[: flow.index("</div>")]
    positions = [flow.index(f'<strong><a href="../roles/{r.id}/"') for r in m.roles]  # the entries, not «Дальше»
    assert positions == sorted(positions)
    # headings a reader navigates by: the TOC lists sections and roles, not whole sentences
    toc = re.findall(r'<a href="#([^"]+)" class="md-nav__link">', html)
    assert {"ladder", "entries"} <= set(toc) and {r.id for r in m.roles} <= set(toc)


def test_market_page_one_salary_table_with_sources(site):
    out, m = site
    html = (out / "market" / "index.html").read_text(encoding="utf-8")
    rows = [(r, s) for r in m.roles for s in r.salary]
    tables = re.findall(r"<table>.*?</table>", html, flags=re.S)
    salary = [t for t in tables if "Вилка" in t]
    assert len(salary) == 1
    body = salary[0].split("<tbody>")[1]
    assert body.count("<tr>") == len(rows)
    assert body.count('href="../sources/#') == len(rows)  # every figure names its source
    figure = html[html.index('<figure class="ap-figure ap-salary"') :]
    figure = figure[: figure.index("</figure>")]
    charts = re.findall(r'<svg class="ap-chart (ap-wide|ap-narrow)".*?</svg>', figure, flags=re.S)
    assert charts == ["ap-wide", "ap-narrow"]  # beside the bars on a wide screen, above them on a phone
    open_rows = sum(1 for _, s in rows if s.min is not None and s.max is None and s.average_max is None)
    for chart in re.findall(r'<svg class="ap-chart.*?</svg>', figure, flags=re.S):
        bars = re.findall(r'<rect class="ap-bar[^"]*"', chart)
        assert len(bars) == len(rows)  # an open range, even past the scale, gets its bar
        assert chart.count("ap-bar ap-open") >= open_rows and chart.count("ap-open-edge") == open_rows
        # review 11, finding 34: «от 20 тыс.; средний максимум 100–130 тыс.» is a closed bar, its top hatched
        assert chart.count('class="ap-shade"') == sum(1 for _, s in rows if s.average_max is not None)
        for _, s in rows:  # every figure is written on the chart too
            assert (
                f"от {s.min // 1000:,}".replace(",", "\u202f")
                if s.max is None
                else f"{s.max // 1000:,}".replace(",", "\u202f")
            ) in chart


def test_search_index_holds_russian_model_words(site):
    out, m = site
    index = json.loads((out / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert "ru" in index["config"]["lang"]
    text = " ".join(d.get("title", "") + " " + d.get("text", "") for d in index["docs"])
    for word in (m.roles[0].name, m.competencies[0].name, m.competencies[-1].questions[0].text.split()[0]):
        assert word in text, word
    assert re.search(r"[а-яё]{4,}", text)


def test_search_index_is_utf8_and_small(site):
    out, _ = site
    raw = (out / "search" / "search_index.json").read_bytes()
    text = raw.decode("utf-8")
    assert not re.search(r"\\u0[4-9a-f][0-9a-f]{2}", text)  # no escaped Cyrillic
    data = json.loads(text)
    escaped = json.dumps(data, sort_keys=True, separators=(",", ":"))  # what Material writes
    assert len(raw) <= 0.4 * len(escaped.encode("utf-8")), (len(raw), len(escaped))
    assert json.loads(escaped) == data


def test_downloads_and_model_json(site):
    out, m = site
    data = json.loads((out / "assets" / "data" / "model.json").read_text(encoding="utf-8"))
    assert data == json.loads(json.dumps(pages.site_data(m)))
    from accountpath.render import scorecard

    r, lv = m.roles[0], m.roles[0].levels[0]
    for fmt, _ in pages.SCORECARD_FORMATS:
        f = out / "scorecards" / "files" / pages.site_scorecard_name(r.id, lv.id, fmt)
        assert f.exists() and f.stat().st_size > 0, f
    # a Markdown scorecard is a download (.markdown), not a rendered page
    md = out / "scorecards" / "files" / pages.site_scorecard_name(r.id, lv.id, "md")
    assert md.suffix == ".markdown"
    assert md.read_bytes() == site_files.as_bytes(scorecard.render(m, r.id, lv.id, "md"))
    assert not (out / "scorecards" / "files" / md.stem).exists()


def test_two_builds_are_byte_identical(site, tmp_path):
    out, _ = site
    proc = build_site(tmp_path / "work", _model_path().read_text(encoding="utf-8"), tmp_path / "out")
    assert proc.returncode == 0, proc.stderr
    a = sorted(p.relative_to(out) for p in out.rglob("*") if p.is_file())
    b = sorted(p.relative_to(tmp_path / "out") for p in (tmp_path / "out").rglob("*") if p.is_file())
    assert a == b
    differ = [str(p) for p in a if not filecmp.cmp(out / p, tmp_path / "out" / p, shallow=False)]
    assert not differ, differ


def test_changed_model_is_followed(tmp_path):
    data = yaml.safe_load(FIXTURE.read_text(encoding="utf-8"))
    new = copy.deepcopy(data["competencies"][2])
    new.update(id="negotiation", name="Переговоры о бюджете", group="финансы", summary="Договаривается о деньгах.")
    for i, q in enumerate(new["questions"]):
        q["id"] = f"q-negotiation-{i}"
    data["competencies"].append(new)
    role = data["roles"][0]
    role["name"] = "Менеджер по работе с клиентами"
    role["competencies"][2]["weight"] = 10
    role["competencies"].append({"id": "negotiation", "weight": 10})
    for r in data["roles"]:  # every role level has a target for every competency of the model
        for lv in r["levels"]:
            lv["targets"]["negotiation"] = 2
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    proc = build_site(tmp_path / "work", text, tmp_path / "out")
    assert proc.returncode == 0, proc.stderr
    out = tmp_path / "out"
    comp = (out / "competencies" / "negotiation" / "index.html").read_text(encoding="utf-8")
    assert "Переговоры о бюджете" in comp and 'id="q-negotiation-0"' in comp
    rp = (out / "roles" / "account-manager" / "index.html").read_text(encoding="utf-8")
    assert "Менеджер по работе с клиентами" in rp and "../../competencies/negotiation/" in rp
    # the nav lists the new competency without any edit of mkdocs.yml
    assert 'href="../../competencies/negotiation/"' in (out / "index.html").read_text(encoding="utf-8").replace(
        'href="competencies/negotiation/"', 'href="../../competencies/negotiation/"'
    )


def test_hostile_text_is_escaped_in_html(tmp_path):
    data = yaml.safe_load(FIXTURE.read_text(encoding="utf-8"))
    c = data["competencies"][0]
    c["name"] = "Связь | с клиентом <script>alert('x')</script>"
    c["summary"] = 'Итог * клиент | доволен "кавычки" <img src=x onerror=alert(1)>'
    c["questions"][0]["text"] = "Вопрос с | чертой <script>alert(2)</script>?"
    data["roles"][0]["kpis"][0]["measure"] = "Доля | клиентов <script>alert(3)</script>"
    proc = build_site(tmp_path / "work", yaml.safe_dump(data, allow_unicode=True, sort_keys=False), tmp_path / "out")
    assert proc.returncode == 0, proc.stderr
    for f in (tmp_path / "out").rglob("*.html"):
        text = f.read_text(encoding="utf-8")
        assert "<script>alert" not in text, f
        assert "<img src=x" not in text, f
    rp = (tmp_path / "out" / "roles" / "account-manager" / "index.html").read_text(encoding="utf-8")
    assert "Доля | клиентов &lt;script&gt;" in rp


def test_broken_model_fails_with_locations(tmp_path):
    text = FIXTURE.read_text(encoding="utf-8").replace("weight: 50", "weight: 55", 1)
    proc = build_site(tmp_path / "work", text, tmp_path / "out")
    assert proc.returncode != 0
    assert re.search(
        r"competencies\.yml:\d+:\d+: .*в сумме дают 105, а должны давать 100 \[weights-sum\]", proc.stdout + proc.stderr
    )
