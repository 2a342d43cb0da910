"""Message catalogs: every message id in the code and the report templates is in the English
catalog and translated, the compiled .mo matches the .po, numbers follow the language, and the
CLI and the reports speak Russian by default and English with --lang en (only names and the
model's own content, competency and role names, stay Russian)."""

from __future__ import annotations

import functools
import io
import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from accountpath import i18n
from accountpath.method import calibrate
from accountpath.method.evaluate import Scorecard
from accountpath.render import calibrate_report

from conftest import make_round

ROOT = Path(__file__).resolve().parent.parent
PKG = ROOT / "src" / "accountpath"
PO = PKG / "locale" / "en" / "LC_MESSAGES" / "accountpath.po"
MO = PO.with_suffix(".mo")
FIX = "run `make catalogs`, translate the new entries in the .po, run `make catalogs` again"


def _catalog():
    with PO.open("rb") as fh:
        return read_po(fh, locale="en", domain="accountpath")


@functools.lru_cache(maxsize=1)
def _ids_in_code() -> frozenset[str]:
    """The message ids `make catalogs` extracts: Python and the report templates (babel.cfg);
    extracted once per session (about a second)."""
    with (ROOT / "babel.cfg").open(encoding="utf-8") as fh:
        method_map, options_map = parse_mapping_cfg(fh)
    ids = set()
    for _file, _line, message, _comments, _context in extract_from_dir(str(PKG), method_map, options_map):
        ids.add(message if isinstance(message, str) else message[0])
    return frozenset(ids)


def test_report_templates_are_extracted():
    ids = _ids_in_code()
    assert "Расхождения — обсудите до решения; после дебрифа исправьте листы и пересчитайте" in ids
    assert "Радар: средние по компетенциям и цель" in ids


def test_every_message_of_the_code_is_translated():
    catalog = _catalog()
    translated = {m.id if isinstance(m.id, str) else m.id[0] for m in catalog if m.id and m.string and not m.fuzzy}
    missing = sorted(_ids_in_code() - translated)
    assert not missing, f"messages without an English translation ({FIX}):\n  " + "\n  ".join(missing)


def test_compiled_catalog_is_up_to_date():
    buf = io.BytesIO()
    write_mo(buf, _catalog())
    assert MO.read_bytes() == buf.getvalue(), f"{MO.name} is older than {PO.name}: {FIX}"


def test_language_switch_and_decimal_comma():
    assert i18n.set_language("en") == "en"
    assert i18n._("Нанимать") == "Hire" and i18n.decimal(3.67) == "3.67"
    assert i18n.set_language("ru") == "ru"
    assert i18n._("Нанимать") == "Нанимать" and i18n.decimal(3.67) == "3,67" and i18n.decimal(-0.5) == "-0,5"
    assert i18n.decimal(2) == "2" and i18n.decimal(None) == "—"
    assert i18n.set_language("de") == "ru"  # unknown: the default


def test_language_from_the_locale():
    assert i18n.language_from_env({"LANG": "en_US.UTF-8"}) == "en"
    assert i18n.language_from_env({"LC_ALL": "ru_RU.UTF-8", "LANG": "en_US.UTF-8"}) == "ru"
    assert i18n.language_from_env({"LC_ALL": "C.UTF-8"}) == "ru"
    assert i18n.language_from_env({}) == "ru"


# ---------------------------------------------------------------- the CLI and the reports in both languages

MODEL = ROOT / "tests" / "fixtures" / "agency.yml"  # the engine fixture, not the bundled content
CYRILLIC = re.compile("[А-Яа-яЁё]")


def _model_words(model) -> list[str]:
    """The model's own names (competencies, roles, levels): they stay Russian in English reports."""
    names = [c.name for c in model.competencies] + [r.name for r in model.roles]
    names += [lv.name for r in model.roles for lv in r.levels]
    words = [w for n in names for w in re.split(r"[\s,:]+", n) if w]  # the radar wraps long names
    return sorted(set(names), key=len, reverse=True) + sorted(set(words), key=len, reverse=True)


def _foreign(text: str, model, extra: tuple[str, ...] = ()) -> list[str]:
    """Lines that still hold Cyrillic once the model's names (and `extra`) are taken out."""
    words = _model_words(model) + list(extra)
    out = []
    for line in text.splitlines():
        for w in words:
            line = line.replace(w, "").replace(w.replace("&", "&amp;"), "")
        if CYRILLIC.search(line):
            out.append(line.strip()[:160])
    return out


def test_validate_speaks_russian_by_default_and_english_with_lang(cli_run, tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text("version: 1\nscale: oops\nfoo: 1\n", encoding="utf-8")
    ru = cli_run("validate", broken)
    assert ru.returncode == 1 and f"{broken}:2:8: scale: должно быть списком, а не текст «oops»" in ru.stderr
    assert "неизвестный ключ «foo»" in ru.stderr and "нет обязательного поля «roles»" in ru.stderr
    en = cli_run("--lang", "en", "validate", broken)
    assert en.returncode == 1 and f"{broken}:2:8: scale: must be a list, not the text “oops”" in en.stderr
    assert "unknown key “foo”" in en.stderr and "the required field “roles” is missing" in en.stderr
    assert not CYRILLIC.search(en.stderr), en.stderr
    bad_yaml = tmp_path / "bad.yml"
    bad_yaml.write_text("version: 1\nroles: [\n", encoding="utf-8")
    assert "синтаксическая ошибка YAML" in cli_run("validate", bad_yaml).stderr
    assert "YAML syntax error" in cli_run("--lang", "en", "validate", bad_yaml).stderr


def test_validate_rules_in_english(cli_run, tmp_path):
    text = MODEL.read_text(encoding="utf-8").replace("weight: 15", "weight: 16", 1)
    broken = tmp_path / "competencies.yml"
    broken.write_text(text, encoding="utf-8")
    ru = cli_run("validate", broken)
    assert ru.returncode == 1 and "веса компетенций в сумме дают 101, а должны давать 100" in ru.stderr
    en = cli_run("validate", broken, "--lang", "en")
    assert en.returncode == 1 and "the competency weights add up to 101; they must add up to 100" in en.stderr
    ok = cli_run("--lang", "en", "validate", MODEL)
    assert ok.returncode == 0 and ": OK: competencies: " in ok.stdout and not CYRILLIC.search(ok.stdout)


def _panel_files(model, folder: Path) -> list[Path]:
    """Three Latin-named interviewers on one middle account manager (a disagreement, a must-have short, notes)."""
    role = model.role("account-manager")
    level = role.level("middle")
    files = []
    for i, who in enumerate(("Irene Smith", "Peter Pan", "Olga Kim")):
        lines = [
            "scorecard: 2",
            f"role: {role.id}",
            f"level: {level.id}",
            "candidate: Anna Ivanova",
            f"interviewer: {who}",
            f"recommendation: {('strong_yes', 'no', None)[i] or 'null'}",
            "ratings:",
        ]
        for rc in role.competencies:
            rating = level.targets[rc.id]
            if rc.id == "communication":
                rating = (5, 1, 4)[i]
            elif rc.id == "reporting" and i:
                rating = None
            lines.append(f"  {rc.id}: {'null' if rating is None else rating}")
        lines += ["notes:", "  client-focus: Kept a client after a missed deadline."]
        f = folder / f"{i}.yml"
        f.write_text("\n".join(lines) + "\n", encoding="utf-8")
        files.append(f)
    return files


@pytest.mark.parametrize("fmt", ["text", "md", "html"])
def test_english_debrief_has_no_russian_but_model_names(cli_run, real_model, tmp_path, fmt):
    files = _panel_files(real_model, tmp_path)
    en = cli_run("--model", MODEL, "--lang", "en", "evaluate", *files, "--format", fmt)
    assert en.returncode == 0, en.stderr
    assert not _foreign(en.stdout, real_model), _foreign(en.stdout, real_model)
    ru = cli_run("--model", MODEL, "evaluate", *files, "--format", fmt)
    assert ru.returncode == 0 and CYRILLIC.search(ru.stdout.replace("Деловая коммуникация", ""))
    if fmt == "text":
        assert "Panel verdict: " in en.stdout and "Итог панели: " in ru.stdout
        assert "Competency" in en.stdout and "Компетенция" in ru.stdout
    else:
        assert "Disagreements: discuss them before deciding" in en.stdout
        assert "Расхождения — обсудите до решения" in ru.stdout
        assert "Radar: competency means and the target" in en.stdout
    if fmt == "html":
        assert '<html lang="en">' in en.stdout and '<html lang="ru">' in ru.stdout
    assert "did not rate" in en.stdout and "не оценивал(а)" in ru.stdout


def test_english_debrief_keeps_the_point_russian_the_comma(cli_run, real_model, tmp_path):
    files = _panel_files(real_model, tmp_path)
    en = cli_run("--model", MODEL, "--lang", "en", "evaluate", *files).stdout
    ru = cli_run("--model", MODEL, "evaluate", *files).stdout
    assert "3.33" in en and "3,33" not in en  # the mean of 5, 1 and 4
    assert "3,33" in ru and "3.33" not in ru


@pytest.mark.parametrize("fmt", ["text", "md"])
def test_english_round_report(cli_run, real_model, tmp_path, fmt):
    _panel_files(real_model, tmp_path)
    en = cli_run("--model", MODEL, "--lang", "en", "evaluate", "--round", tmp_path, "--format", fmt)
    assert en.returncode == 0, en.stderr
    assert "Candidate" in en.stdout and "Anna Ivanova" in en.stdout
    assert not _foreign(en.stdout, real_model), _foreign(en.stdout, real_model)
    ru = cli_run("--model", MODEL, "evaluate", "--round", tmp_path, "--format", fmt)
    assert "Кандидат" in ru.stdout


@pytest.mark.parametrize("fmt", ["text", "md", "html"])
def test_calibration_report_in_both_languages(real_model, fmt):
    result, _problems = calibrate.calibrate(real_model, make_round(real_model, candidates=20))
    ru = calibrate_report.render(real_model, result, fmt)
    assert "Калибровка интервьюеров" in ru and "Что значат числа" in ru
    i18n.set_language("en")
    en = calibrate_report.render(real_model, result, fmt)
    assert "Interviewer calibration" in en and "What the numbers mean" in en and "Krippendorff" in en
    cards = make_round(real_model, candidates=20)
    people = tuple(sorted({c.interviewer for c in cards}, key=len, reverse=True))
    for name in sorted({c.candidate for c in cards}, key=len, reverse=True):  # flagged interviewers' decisions
        en = en.replace(name, "")
    assert not _foreign(en, real_model, people), _foreign(en, real_model, people)
    if result["alpha"] is not None:
        assert i18n.decimal(result["alpha"]) in en
    if fmt == "html":
        assert '<html lang="en">' in en


def test_english_report_keeps_names_escaped(real_model):
    """Names pass through gettext's formatting escaped (HTML) and never as format strings."""
    from accountpath.method import debrief
    from accountpath.render import report

    role = real_model.role("account-manager")
    level = role.level("middle")
    cards = [
        Scorecard(
            role=role.id,
            level=level.id,
            candidate="<b>%(x)s {y}</b>",
            interviewer=who,
            ratings={rc.id: level.targets[rc.id] for rc in role.competencies},
        )
        for who in ("A", "B")
    ]
    result = debrief.debrief(real_model, role.id, level.id, cards)
    i18n.set_language("en")
    html = report.to_html(real_model, result, cards)
    assert "Panel verdict: &lt;b&gt;%(x)s {y}&lt;/b&gt;" in html and "<b>%(x)s" not in html
    assert "# Panel verdict: " in report.to_markdown(real_model, result, cards)


@pytest.mark.parametrize(
    "command",
    [
        ("scorecard", "--role", "account-manager", "--level", "middle", "--format", "yaml"),
        ("scorecard", "--role", "account-manager", "--level", "middle", "--format", "md"),
        ("plan", "--role", "account-manager", "--level", "middle", "--interviewer", "Anna", "--interviewer", "Boris"),
    ],
)
def test_documents_stay_russian_under_lang_en(cli_run, command):
    # scorecards and plans are Russian documents; --lang switches the messages only
    ru = cli_run("--model", MODEL, *command)
    en = cli_run("--model", MODEL, "--lang", "en", *command)
    assert ru.returncode == en.returncode == 0, en.stderr
    assert en.stdout == ru.stdout


def test_no_english_entry_carries_a_russian_sentence():
    """A merge that glues one entry's Russian onto another's translation is caught here (an English
    translation may quote a Russian label of two or three words, never a sentence)."""
    from babel.messages.pofile import read_po

    po = ROOT / "src" / "accountpath" / "locale" / "en" / "LC_MESSAGES" / "accountpath.po"
    with po.open("rb") as fh:
        catalog = read_po(fh)
    run = re.compile(r"[а-яё]+(?:[ ,;:—-]+[а-яё]+){3,}", re.IGNORECASE)
    glued = []
    for message in catalog:
        strings = message.string if isinstance(message.string, (tuple, list)) else [message.string]
        glued += [s[:80] for s in strings if s and run.search(re.sub(r"«[^»]*»", "", s))]  # a quoted label is fine
    assert not glued, glued
