"""The evaluator's import, plan and independent rating in Chromium (Playwright, Debian's
/usr/bin/chromium): YAML, xlsx and JSON cards, a round workbook, a plan with questions,
the value rules and name normalisation against Python, the debrief additions, and
screenshots at 1280 and 390 px of each state under test-artifacts/screenshots/.
"""

from __future__ import annotations

import json
import subprocess
import sys
import unicodedata
import zipfile
from pathlib import Path

import pytest

from accountpath import messages
from accountpath.io import cardcheck, xlsx_read
from accountpath.model import load as model_mod
from accountpath.names import normalise_name
from accountpath.render import round_xlsx
from accountpath.site import sitedata

sys.path.insert(0, str(Path(__file__).resolve().parent))
import browser_util as bu

pytestmark = pytest.mark.browser

CLI = [sys.executable, "-m", "accountpath"]
ROLE, LEVEL = "account-manager", "middle"


# ------------------------------------------------------------------ fixtures


@pytest.fixture(scope="module")
def site_json(site_dir) -> dict:
    return json.loads((site_dir / "assets" / "data" / "model.json").read_text(encoding="utf-8"))


@pytest.fixture(params=[1280, 390], ids=["1280", "390"])
def page(request, browser, server):
    width = request.param
    ctx = browser.new_context(
        viewport={"width": width, "height": 900 if width > 500 else 844},
        accept_downloads=True,
        locale="ru-RU",
        device_scale_factor=1,
    )
    pg = ctx.new_page()
    pg.width = width
    pg.watch = bu.Watch(pg, server.url)
    pg.on("dialog", lambda d: d.accept())
    yield pg
    ctx.close()


@pytest.fixture(scope="module")
def role(site_json) -> dict:
    return next(r for r in site_json["roles"] if r["id"] == ROLE)


def open_evaluator(page, server) -> None:
    page.goto(server.url + "tools/evaluator/")
    page.wait_for_selector("#evaluator-app[data-ready='true']", timeout=15000)


def shot(page, name: str) -> None:
    bu.screenshot(page, f"{name}-{page.width}")


def ratings_for(role: dict, pattern=(3, 4, 2, 5, 3)) -> dict:
    return {rc["id"]: pattern[i % len(pattern)] for i, rc in enumerate(role["competencies"])}


def cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [*CLI, "--model", str(bu.model_path()), *args],
        capture_output=True,
        text=True,
        cwd=cwd or bu.ROOT,
        timeout=120,
        check=False,
    )


def yaml_card(tmp: Path, role: dict, interviewer: str) -> Path:
    """The project's own fillable YAML card (comments kept), filled by editing its lines."""
    path = tmp / "card.yml"
    proc = cli("scorecard", "--role", ROLE, "--level", LEVEL, "--format", "yaml", "-o", str(path))
    assert proc.returncode == 0, proc.stderr
    text = path.read_text(encoding="utf-8")
    text = text.replace('candidate: ""', "candidate: Анна Иванова").replace(
        'interviewer: ""', f"interviewer: {interviewer}"
    )
    text = text.replace("date: null", "date: 28.11.2026")
    for i, (cid, v) in enumerate(ratings_for(role).items()):
        value = {0: '"4"', 1: "не оценивалось"}.get(i, str(v))
        text = text.replace(f"  {cid}: null", f"  {cid}: {value}", 1)
    path.write_text(text, encoding="utf-8")
    return path


def xlsx_card(tmp: Path, role: dict, interviewer: str) -> Path:
    """The blank xlsx card from the CLI, filled as in Excel (openpyxl writes the cells)."""
    from openpyxl import load_workbook

    path = tmp / "card.xlsx"
    proc = cli("scorecard", "--role", ROLE, "--level", LEVEL, "--format", "xlsx", "-o", str(path))
    assert proc.returncode == 0, proc.stderr
    wb = load_workbook(path)
    ws = wb["Оценка"]
    ws["B4"], ws["B5"], ws["B6"] = "Анна  Иванова", interviewer, "2026-11-28"
    want = ratings_for(role, (2, 3, 4))
    for row in range(9, ws.max_row + 1):
        cid = ws.cell(row=row, column=1).value
        if cid in want:
            ws.cell(row=row, column=6).value = "-" if cid == role["competencies"][-1]["id"] else want[cid]
            if cid == role["competencies"][0]["id"]:
                ws.cell(row=row, column=7).value = "Рассказала о провале и выводах"
    wb.save(path)
    return path


ROUND_ROWS = [
    ("Анна Иванова", "Ирина", "2026-11-28", "yes", 4, "Сильные примеры"),
    ("Анна Иванова", "Олег", "28.11.2026", "Однозначно нет", 3, None),
    ("Пётр Сидоров", "Ирина", "2026-11-29", "no", 2, None),
    ("Анна Иванов", "Мария", "2026-11-29", None, "5", None),
]


def round_workbook(tmp: Path, role: dict) -> Path:
    """The CLI's round workbook (round_xlsx.round_workbook), filled as in Excel: a typo makes a near-twin."""
    from openpyxl import load_workbook

    path = tmp / "round.xlsx"
    path.write_bytes(round_xlsx.round_workbook(model_mod.load(bu.model_path()), ROLE, LEVEL))
    wb = load_workbook(path)
    ws = wb[xlsx_read.ROUND_SHEET]
    ids = [c.value for c in ws[2]]
    for r, (who, by, date, rec, rating, note) in enumerate(ROUND_ROWS, start=xlsx_read.ROUND_FIRST_ROW):
        values = {
            "candidate": who,
            "interviewer": by,
            "date": date,
            "recommendation": rec,
            xlsx_read.NOTES_PREFIX + role["competencies"][0]["id"]: note,
        }
        for c, key in enumerate(ids, start=1):
            ws.cell(row=r, column=c).value = values.get(
                key, rating if key in {rc["id"] for rc in role["competencies"]} else None
            )
    wb.save(path)
    return path


# ------------------------------------------------------------------ the reader's rules, as Python's


def test_name_key_is_pythons_casefold(page, server):
    if page.width != 1280:
        pytest.skip("one width is enough for a pure function")
    open_evaluator(page, server)
    samples = [
        "STRASSE",
        "Straße",
        "ẞ",
        "ΣΊΣΥΦΟΣ",
        "ﬁnance",
        "  Пётр   ПЕТРОВ ",
        "Ёлкин",
        "ǅ",
        "İstanbul",
        "ᾼ",
        "Ꭰꭰ",
        "ſ",
    ]
    # every character Python's Unicode database knows (a newer browser may know more)
    samples += [
        "".join(chr(c) for c in range(start, start + 64) if unicodedata.category(chr(c)) != "Cn")
        for start in range(0x41, 0x2000, 64)
    ]
    got = page.evaluate(
        "async (xs) => { const m = await import('../../assets/js/core/names.js'); return xs.map(m.nameKey); }", samples
    )
    want = [" ".join(s.split()).casefold().replace("ё", "е") for s in samples]
    assert got == want
    assert got[0] == got[1]  # one interviewer, as in the CLI
    assert normalise_name("STRASSE") == normalise_name("Straße")


VALUES = [
    (4, 4),
    ("4", 4),
    (" 5 ", 5),
    (None, None),
    ("", None),
    ("не оценивалось", None),
    ("Не оценивалось", None),
    ("-", None),
    (3.0, "error"),
    (2.5, "error"),
    (7, "error"),
    (0, "error"),
    (True, "error"),
    ("four", "error"),
    ("4.0", "error"),
]


def test_value_rules_json_and_yaml(page, server, role):
    if page.width != 1280:
        pytest.skip("one width is enough for a pure function")
    open_evaluator(page, server)
    cid = role["competencies"][0]["id"]
    texts = []
    for raw, _ in VALUES:
        literal = "3.0" if raw == 3.0 and isinstance(raw, float) else json.dumps(raw, ensure_ascii=False)
        base = {
            "scorecard": 1,
            "role": ROLE,
            "level": LEVEL,
            "candidate": "А",
            "interviewer": "Б",
            "date": "28.11.2026",
        }
        as_json = json.dumps({**base, "ratings": {cid: "__X__"}}, ensure_ascii=False).replace('"__X__"', literal)
        as_yaml = "\n".join(f"{k}: {v}" for k, v in base.items()) + f"\nratings:\n  {cid}: {literal}\n"
        texts.append([as_json, as_yaml])
    got = page.evaluate(
        """async ([texts, modelUrl]) => {
        const model = await (await fetch(modelUrl)).json();
        const r = await import('../../assets/js/core/cardread.js');
        const c = await import('../../assets/js/core/cardcheck.js');
        const one = async (t) => { const p = await r.parseText(t); if (p.problems) return 'parse';
          const k = c.checkCard(model, p.data); return k.card ? [k.card.ratings, k.card.date] : k.problems.map((x) => x.message); };
        const out = [];
        for (const [j, y] of texts) out.push([await one(j), await one(y)]);
        return out; }""",
        [texts, server.url + "assets/data/model.json"],
    )
    for (raw, want), (as_json, as_yaml) in zip(VALUES, got):
        for fmt, res in (("json", as_json), ("yaml", as_yaml)):
            if want == "error":
                reason = cardcheck.rating_value(cardcheck.written(raw, None))[1]
                assert reason is not None
                assert res == [messages.render(reason[0], {"key": cid, **reason[1]})], (fmt, raw, res)
            else:
                assert res[0] == {cid: want} and res[1] == "2026-11-28", (fmt, raw, res)
    page.watch.assert_clean()


def test_card_vectors_in_every_format(page, server, tmp_path):
    """tests/vectors/cards.json through the browser's JSON, YAML and xlsx readers in Chromium:
    accepted as the normalised card Python reads, or refused with problems JSON-equal to the
    Python readers' ({file, line, col, code, params}; an xlsx problem at its sheet cell)."""
    if page.width != 1280:
        pytest.skip("one width is enough for a pure function")
    import base64

    from accountpath.io import cards as cards_mod

    from conftest import CARD_VECTORS, card_case_formats, model_from_compact, write_card_case

    vmodel = model_from_compact(
        json.loads((bu.ROOT / "tests" / "vectors" / "evaluate.json").read_text(encoding="utf-8"))["model"]
    )
    inputs = []
    for kind in ("valid", "invalid"):
        for case in CARD_VECTORS[kind]:
            for fmt in card_case_formats(case):
                path = write_card_case(case, fmt, tmp_path / f"v{len(inputs)}.{fmt}")
                data = (
                    base64.b64encode(path.read_bytes()).decode() if fmt == "xlsx" else path.read_text(encoding="utf-8")
                )
                inputs.append({"kind": kind, "case": case, "fmt": fmt, "path": path, "name": path.name, "data": data})
    open_evaluator(page, server)
    got = page.evaluate(
        """async ([model, inputs]) => {
        const r = await import('../../assets/js/core/cardread.js');
        const c = await import('../../assets/js/core/cardcheck.js');
        const out = [];
        for (const x of inputs) {
          let items;
          if (x.fmt === 'xlsx') {
            const bytes = Uint8Array.from(atob(x.data), (ch) => ch.charCodeAt(0));
            const got = await r.xlsxItems(model, x.name, bytes.buffer);
            if (got.problems.length) { out.push({ card: null, problems: got.problems }); continue; }
            items = got.items;
          } else {
            const p = await r.parseText(x.data);
            if (p.problems) {
              out.push({ card: null, problems: p.problems.map((q) => ({ file: x.name, line: q.at[0], col: q.at[1], code: q.code, params: q.params })) });
              continue;
            }
            items = [{ file: x.name, data: p.data, positions: p.positions, sheet: null }];
          }
          const k = c.checkCard(model, items[0].data);
          out.push({ card: k.card, problems: k.problems.map((p) => r.located(items[0], p)) });
        }
        return out; }""",
        [sitedata.site_data(vmodel), [{k: x[k] for k in ("fmt", "name", "data")} for x in inputs]],
    )
    for x, g in zip(inputs, got, strict=True):
        where = (x["case"]["name"], x["fmt"], g)
        card, problems = cards_mod.read_card(x["path"], vmodel)
        python = [{k: v for k, v in p.as_json().items() if k != "message"} for p in problems]
        python = [{**p, "file": p["file"].replace(str(x["path"]), x["name"])} for p in python]
        assert sorted(g["problems"], key=json.dumps) == sorted(python, key=json.dumps), where
        assert g["card"] == (cardcheck.card_data(card) if card else None), where
        if x["kind"] == "valid":
            assert g["card"] == x["case"]["expected"], where
        else:
            keys = ("line", "col", "code", "params") if "text" in x["case"] else ("code", "params")
            mine = sorted(({k: p[k] for k in keys} for p in g["problems"]), key=json.dumps)
            assert mine == sorted(x["case"]["problems"], key=json.dumps), where
    page.watch.assert_clean()


# ------------------------------------------------------------------ import of every format


def _import(page, paths) -> str:
    before = page.evaluate("() => Number(document.getElementById('evaluator-app').dataset.imports || 0)")
    page.set_input_files("#ev-import", [str(p) for p in paths])
    page.wait_for_function(
        "(n) => Number(document.getElementById('evaluator-app').dataset.imports || 0) > n", arg=before
    )
    return page.locator("#ev-messages").inner_text()


def test_import_yaml_xlsx_and_json_cards(page, server, role, tmp_path):
    open_evaluator(page, server)
    assert page.locator("#ev-import-box").bounding_box()["y"] < 900  # import sits at the top
    y = yaml_card(tmp_path, role, "Ирина Смирнова")
    x = xlsx_card(tmp_path, role, "Олег Ким")
    j = tmp_path / "card.json"
    j.write_text(
        json.dumps(
            {
                "scorecard": 1,
                "role": ROLE,
                "level": LEVEL,
                "candidate": "анна иванова",
                "interviewer": "Мария",
                "ratings": {rc["id"]: 3 for rc in role["competencies"]},
                "recommendation": "yes",
                "takeaways": "Хорошо считает деньги",
            },
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    msg = _import(page, [y, x, j])
    assert "Импортировано листов: 3" in msg, msg
    assert "null" not in page.locator("#evaluator-app").inner_text()
    assert page.locator("[role=tab]").count() == 3
    assert page.input_value("#ev-candidate") == "Анна Иванова"
    assert page.locator("#ev-result").is_visible()  # imported cards are done: the result shows
    # the YAML's text "4" and «не оценивалось» and the xlsx's "-" read as the CLI reads them
    first, last = role["competencies"][0]["id"], role["competencies"][-1]["id"]
    assert page.locator("#ev-table tbody tr").first.locator("td").nth(2).inner_text() == "4"
    assert page.locator("#ev-opinions").inner_text().count("Хорошо считает деньги") == 1
    assert "Рассказала о провале" in page.locator("#ev-notes").inner_text()
    page.click("[data-testid='ev-tab-1']")
    assert page.is_checked(f"[data-testid='rating-{last}-na']")
    assert page.input_value(f"#notes-{first}") == "Рассказала о провале и выводах"
    shot(page, "evaluator-imported")
    page.watch.assert_clean()


def test_import_refusals_are_russian_and_located(page, server, role, tmp_path):
    open_evaluator(page, server)
    bad = tmp_path / "bad.yml"
    cid = role["competencies"][2]["id"]
    bad.write_text(
        f"scorecard: 1\nrole: {ROLE}\nlevel: {LEVEL}\ncandidate: А\ninterviewer: Б\nratings:\n  {cid}: 3.0\n",
        encoding="utf-8",
    )
    broken = tmp_path / "broken.json"
    broken.write_text("{нет", encoding="utf-8")
    x = xlsx_card(tmp_path, role, "Олег")
    from openpyxl import load_workbook

    wb = load_workbook(x)
    wb["Оценка"]["F9"] = 3.5
    wb.save(x)
    msg = _import(page, [bad, broken, x])
    assert "Ни один лист не импортирован" in msg
    assert "bad.yml:7:" in msg and "сейчас «3.0»" in msg  # file, line and column, as the CLI prints them
    assert "broken.json:2:1: не читается как JSON или YAML: ошибка в строке 2, столбце 1" in msg
    assert "card.xlsx:Оценка!F9: " in msg and "сейчас «3.5»" in msg
    assert "Unexpected" not in msg and "null" not in msg and "accountpath evaluate листы" not in msg
    shot(page, "evaluator-refused")
    page.watch.assert_clean()


def test_import_refuses_a_control_character_in_a_note(page, server, role, tmp_path):
    """A card with ESC in a note (a JSON escape): refused in Russian at the note's line and column,
    with the field and the character, as `accountpath evaluate` refuses it."""
    open_evaluator(page, server)
    cids = [rc["id"] for rc in role["competencies"]]
    card = {
        "scorecard": 2,
        "role": ROLE,
        "level": LEVEL,
        "candidate": "Анна Иванова",
        "interviewer": "Пётр Петров",
        "ratings": {cid: 3 for cid in cids},
        "notes": {cids[0]: "Привёл пример\x1b[31m"},
    }
    path = tmp_path / "esc.json"
    path.write_text(json.dumps(card, ensure_ascii=False, indent=1), encoding="utf-8")  # ESC as \u001b
    msg = _import(page, [path])
    note = next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if "\\u001b" in line)
    assert "Ни один лист не импортирован" in msg
    expected = messages.render("card.control-character", {"field": f"notes.{cids[0]}", "char": "U+001B"})
    assert f"esc.json:{note}:" in msg and expected in msg, msg
    assert "\x1b" not in msg
    page.watch.assert_clean()


def test_round_workbook_pick_a_candidate(page, server, role, tmp_path):
    open_evaluator(page, server)
    _import(page, [round_workbook(tmp_path, role)])
    buttons = page.locator("#ev-chooser button")
    assert buttons.count() == 3
    assert buttons.first.inner_text() == "Анна Иванова (интервьюеров: 2)"
    shot(page, "evaluator-round-choose")
    buttons.first.click()
    assert page.locator("[role=tab]").count() == 2
    assert page.input_value("#ev-candidate") == "Анна Иванова"
    codes = page.locator("#ev-warnings li").evaluate_all("ls => ls.map((l) => l.dataset.code)")
    assert "similar_candidates" in codes  # «Анна Иванов» is one letter away
    assert "Однозначно нет" in page.locator("#ev-opinions").inner_text()
    page.watch.assert_clean()


# ------------------------------------------------------------------ the plan and independent rating


def plan_file(tmp: Path, site_json: dict, role: dict) -> Path:
    comps = [rc["id"] for rc in role["competencies"]]
    qs = {c["id"]: [q["id"] for q in c.get("questions", [])][:2] for c in site_json["competencies"]}
    people = [("Ирина Смирнова", comps[0:3]), ("Олег Ким", comps[3:6]), ("Мария Орлова", comps[6:])]
    lines = ["plan: 1", f"role: {ROLE}", f"level: {LEVEL}", "candidate: Анна Иванова", "minutes: 60", "interviewers:"]
    for name, focus in people:
        lines += [
            f"  - name: {name}",
            f"    focus: [{', '.join(focus)}]",
            f"    questions: [{', '.join(q for c in focus for q in qs[c])}]",
        ]
    path = tmp / "plan.yml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_plan_and_independent_rating(page, server, site_json, role, tmp_path):
    open_evaluator(page, server)
    msg = _import(page, [plan_file(tmp_path, site_json, role)])
    assert "План собеседования загружен" in msg, msg
    tabs = page.locator("[role=tab]")
    assert tabs.count() == 3
    # the first interviewer rates: the others' tabs and the panel result are hidden
    assert tabs.nth(0).is_visible() and not tabs.nth(1).is_visible() and not tabs.nth(2).is_visible()
    assert not page.locator("#ev-result").is_visible() and not page.locator("#ev-live").is_visible()
    assert page.locator("#ev-hidden-note").is_visible()
    focus = [rc["id"] for rc in role["competencies"]][0:3]
    assert "По плану ваш фокус" in page.locator("#ev-focus").inner_text()
    assert page.locator("#ev-panel .ap-question").count() >= 2
    blocks = page.locator("#ev-panel > .ap-comps > article").evaluate_all("as => as.map((a) => a.dataset.competency)")
    assert blocks == focus  # the focus first; the rest folded away
    shot(page, "evaluator-plan-rating")
    for cid in focus:
        page.check(f"[data-testid='rating-{cid}-4']", force=True)
    page.check("[data-testid='rec-yes']", force=True)
    page.fill("#ev-takeaways", "Сильный переговорщик\nСлабые отчёты")
    page.click("#ev-done")
    # the hand-over: nothing of the panel shows until the next interviewer starts
    assert page.locator("#ev-handover").is_visible()
    assert not page.locator("#ev-result").is_visible() and not page.locator("#ev-panel").is_visible()
    assert not tabs.nth(0).is_visible() and not tabs.nth(1).is_visible()
    shot(page, "evaluator-plan-done")
    # the second interviewer (the plan's next card): the first one's tab and the result stay hidden
    page.click("#ev-next")
    assert tabs.nth(1).get_attribute("aria-selected") == "true"
    assert not page.locator("#ev-result").is_visible() and not tabs.nth(0).is_visible()
    for cid in [rc["id"] for rc in role["competencies"]][3:6] or focus[:1]:  # a small model has fewer
        page.check(f"[data-testid='rating-{cid}-5']", force=True)
    # the debrief chair's «показать всё»: one click is not enough, the second confirmation is
    page.click("#ev-show-all")
    assert not page.locator("#ev-result").is_visible() and page.locator("#ev-chair-confirm").is_visible()
    page.click("#ev-chair-confirm")
    assert page.locator("#ev-result").is_visible() and tabs.nth(2).is_visible()
    codes = page.locator("#ev-warnings li").evaluate_all("ls => ls.map((l) => l.dataset.code)")
    assert "extreme_without_note" in codes
    assert "Сильный переговорщик" in page.locator("#ev-opinions").inner_text()
    shot(page, "evaluator-show-all")
    page.watch.assert_clean()


def test_export_one_zip_that_the_cli_reads(page, server, role, tmp_path):
    if page.width != 1280:
        pytest.skip("the export is the same at every width")
    open_evaluator(page, server)
    j = []
    for k, name in enumerate(["Ирина", "Олег"]):
        p = tmp_path / f"c{k}.json"
        p.write_text(
            json.dumps(
                {
                    "scorecard": 1,
                    "role": ROLE,
                    "level": LEVEL,
                    "candidate": "Анна Иванова",
                    "interviewer": name,
                    "ratings": ratings_for(role, (3 + k, 4, 2)),
                },
                ensure_ascii=False,
            ),
            encoding="utf-8",
        )
        j.append(p)
    _import(page, j)
    got = []
    page.on("download", lambda d: got.append(d))
    page.click("#ev-export-cards")
    page.wait_for_timeout(1500)
    assert len(got) == 1 and got[0].suggested_filename.endswith("-panel.zip")  # one download, not a burst
    zpath = tmp_path / "panel.zip"
    got[0].save_as(zpath)
    out = tmp_path / "panel"
    with zipfile.ZipFile(zpath) as z:
        names = sorted(z.namelist())
        z.extractall(out)
    assert "result.json" in names and len(names) == 3
    cards = [str(out / n) for n in names if n != "result.json"]
    proc = cli("evaluate", *sorted(cards, key=lambda p: "oleg" in p), "--format", "json")
    assert proc.returncode == 0, proc.stderr
    assert (out / "result.json").read_text(
        encoding="utf-8"
    ) == proc.stdout  # the CLI's very text, debrief keys included
    page.watch.assert_clean()


# ------------------------------------------------------------------ self-assessment with the manager's column


def test_self_and_manager_round_trip_through_the_link(page, server, role, tmp_path):
    ids = list(role["levels"][0]["targets"])
    page.goto(server.url + "tools/self-assessment/")
    page.wait_for_selector("#self-assessment-app[data-ready='true']", timeout=15000)
    page.select_option("#sa-role", ROLE)
    self_r = {cid: [3, 2, 4][i % 3] for i, cid in enumerate(ids)}
    for cid, v in self_r.items():
        page.check(f"[data-testid='self-{cid}-{v}']", force=True)
    link = page.input_value("#sa-link")
    # the manager opens the person's link in another browser and rates in the second column
    other = page.context.browser.new_context(viewport={"width": page.width, "height": 900}, accept_downloads=True)
    mgr = other.new_page()
    mgr.watch = bu.Watch(mgr, server.url)
    mgr.goto(link)
    mgr.wait_for_selector("#self-assessment-app[data-ready='true']")
    mgr.check("#sa-manager")
    mgr_r = {cid: (v + 2 if i == 0 else v) for i, (cid, v) in enumerate(self_r.items()) if v <= 3}
    for cid, v in mgr_r.items():
        mgr.check(f"[data-testid='mgr-{cid}-{v}']", force=True)
    assert mgr.locator("#sa-radar .ap-radar__series--manager").count() == 1
    first = ids[0]
    row = mgr.locator(f"#sa-diff tr[data-competency='{first}'] td").all_inner_texts()
    assert row[1:] == [str(self_r[first]), str(mgr_r[first]), "+2"]
    both = mgr.input_value("#sa-link")
    assert f"m.{first}={mgr_r[first]}" in both
    bu.screenshot(mgr, f"self-manager-{page.width}")
    with mgr.expect_download() as d:
        mgr.click("#sa-promotion")
    md = tmp_path / "promo.md"
    d.value.save_as(md)
    text = md.read_text(encoding="utf-8")
    assert text.startswith("# Пакет на повышение") and "Примеры и подтверждения" in text
    assert text.count("\n## ") == len(ids)
    mgr.emulate_media(media="print")  # the pack as printed: both columns and the differences
    bu.screenshot(mgr, f"self-packet-{page.width}")
    mgr.emulate_media(media="screen")
    mgr.watch.assert_clean()
    other.close()
    # back to the person: both columns come back from the link
    page.goto(both)
    page.wait_for_selector("#self-assessment-app[data-ready='true']")
    page.reload()
    page.wait_for_selector("#self-assessment-app[data-ready='true']")
    assert page.is_checked("#sa-manager")
    for cid, v in mgr_r.items():
        assert page.is_checked(f"[data-testid='mgr-{cid}-{v}']")
    for cid, v in self_r.items():
        assert page.is_checked(f"[data-testid='self-{cid}-{v}']")
    # the radar leaves unrated competencies as a gap and its labels stay legible and inside
    labels = page.evaluate("""() => Array.from(document.querySelectorAll('#sa-radar .ap-radar__label')).map((t) => {
        const r = t.getBoundingClientRect(); const s = t.closest('svg').getBoundingClientRect();
        return {size: parseFloat(getComputedStyle(t).fontSize) * s.width / t.closest('svg').viewBox.baseVal.width,
                inside: r.left >= s.left - 1 && r.right <= s.right + 1}; })""")
    assert labels and all(lb["inside"] for lb in labels), labels
    assert min(lb["size"] for lb in labels) >= 11 - 0.05, labels
    bu.screenshot(page, f"self-both-{page.width}")
    page.watch.assert_clean()
