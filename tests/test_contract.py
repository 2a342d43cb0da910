"""The JSON contract of problems: the core returns codes and parameters, one message table words
them (Russian ids, English from the catalog), and `--format json` prints the problems of bad
input as [{"file", "line", "col", "code", "params", "message"}] on stdout with exit 1."""

from __future__ import annotations

import ast
import json
import re
import shutil
import string
import subprocess

import pytest
from babel.messages.pofile import read_po

from accountpath import i18n, messages
from accountpath.messages import MESSAGES, Msg, render
from accountpath.model.schema_messages import TYPE_CODES
from accountpath.problems import Problem

from conftest import ROOT

PKG = ROOT / "src" / "accountpath"
PO = PKG / "locale" / "en" / "LC_MESSAGES" / "accountpath.po"
MINI = ROOT / "tests" / "fixtures" / "mini.yml"
VECTORS = ROOT / "tests" / "vectors" / "messages.json"
RUNNER = ROOT / "tests" / "js" / "run_messages.mjs"
KEYS = ["file", "line", "col", "code", "params", "message"]
CODE = re.compile(r"^[a-z][a-z0-9-]*(\.[a-z0-9-]+)+$")
CALLS = {"at", "problem", "of"}
"""Problem.at(..., code, ...), doc.problem(path, code, ...) / ctx.problem(path, code, rule, ...), Msg.of(code, ...)."""


def _json_problems(result) -> list[dict]:
    assert result.returncode == 1, (result.returncode, result.stdout, result.stderr)
    found = json.loads(result.stdout)
    assert isinstance(found, list) and found, result.stdout
    for p in found:
        assert list(p) == KEYS, p
        assert isinstance(p["line"], int) and isinstance(p["col"], int) and isinstance(p["params"], dict)
    return found


# ---------------------------------------------------------------- --format json


def test_validate_json_gives_codes_and_params(cli_run, tmp_path):
    broken = tmp_path / "broken.yml"
    text = MINI.read_text(encoding="utf-8").replace("weight: ", "weight: 1", 1)
    broken.write_text(text.replace("version: 1", "version: 1\nfoo: 1", 1), encoding="utf-8")
    found = _json_problems(cli_run("validate", broken, "--format", "json"))
    by_code = {p["code"]: p for p in found}
    weights = by_code["model.weights-sum"]
    assert weights["file"] == str(broken) and weights["line"] > 0 and weights["col"] > 0
    assert weights["params"]["rule"] == "weights-sum" and isinstance(weights["params"]["total"], int)
    assert weights["message"].endswith(" [weights-sum]") and str(weights["params"]["total"]) in weights["message"]
    unknown = by_code["schema.unknown-key"]
    assert unknown["params"]["name"] == "foo" and "неизвестный ключ «foo»" in unknown["message"]
    assert all(p["code"] in MESSAGES for p in found)


def test_validate_json_in_english_and_for_a_valid_model(cli_run, tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text("version: 1\nscale: oops\n", encoding="utf-8")
    found = _json_problems(cli_run("--lang", "en", "validate", broken, "--format", "json"))
    scale = next(p for p in found if p["code"] == "schema.type")
    assert scale["params"]["actual"] == {"code": "schema.value.string", "params": {"value": "oops"}}
    assert scale["message"] == "scale: must be a list, not the text “oops”"
    ok = cli_run("validate", MINI, "--format", "json")
    assert ok.returncode == 0 and json.loads(ok.stdout) == []
    text = cli_run("validate", broken)  # the default stays text on stderr
    assert text.returncode == 1 and text.stdout == "" and f"{broken}:2:8: scale: " in text.stderr


def test_evaluate_json_on_a_bad_card(cli_run, tmp_path):
    card = tmp_path / "card.yml"
    card.write_text("scorecard: 2\nrole: account-manager\nlevel: nowhere\nratings: {}\n", encoding="utf-8")
    found = _json_problems(cli_run("--model", MINI, "evaluate", card, "--format", "json"))
    assert all(p["file"] == str(card) for p in found)
    missing = _json_problems(cli_run("--model", MINI, "evaluate", tmp_path / "absent.yml", "--format", "json"))
    assert [(p["code"], p["params"], p["line"]) for p in missing] == [("file.not-found", {}, 0)]


def test_bad_model_under_json_format_of_another_command(cli_run, tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text("version: 1\n", encoding="utf-8")
    card = tmp_path / "card.yml"
    card.write_text("scorecard: 2\n", encoding="utf-8")
    found = _json_problems(cli_run("--model", broken, "evaluate", card, "--format", "json"))
    assert {p["code"] for p in found} >= {"schema.required"}


def test_argument_errors_keep_exit_2(cli_run):
    result = cli_run("validate", "--format", "yaml")
    assert result.returncode == 2 and result.stdout == ""


def test_problem_json_of_a_sentence_written_before_the_table():
    p = Problem("card.yml", 3, 1, "не заполнено поле «candidate»")
    assert p.as_json() == {
        "file": "card.yml",
        "line": 3,
        "col": 1,
        "code": "text",
        "params": {"text": "не заполнено поле «candidate»"},
        "message": "не заполнено поле «candidate»",
    }
    assert render("text", {"text": "x"}) == "x"


def test_nested_messages_render_and_serialise():
    tip = Msg.of("hint.maybe", hint="finance")
    p = Problem.at("m.yml", 2, 3, "model.unknown-source", ident="financ", tip=tip, rule="known-source")
    assert p.message == "«financ» — такого источника нет в sources (возможно, «finance»?) [known-source]"
    assert p.as_json()["params"]["tip"] == {"code": "hint.maybe", "params": {"hint": "finance"}}
    assert render("model.unknown-source", p.as_json()["params"]) == p.message
    assert hash(p) == hash(
        Problem.at("m.yml", 2, 3, "model.unknown-source", ident="financ", tip=tip, rule="known-source")
    )


# ---------------------------------------------------------------- the table is complete


def _codes_in_package() -> dict[str, str]:
    """Every literal code passed to Problem.at / .problem / Msg.of (or assigned to `code`) -> where."""
    found: dict[str, str] = {}

    def collect(node: ast.AST, where: str) -> None:
        for sub in ast.walk(node):
            if isinstance(sub, ast.Constant) and isinstance(sub.value, str) and CODE.match(sub.value):
                found.setdefault(sub.value, where)

    for path in sorted(PKG.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        rel = str(path.relative_to(ROOT))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in CALLS:
                for arg in node.args:
                    collect(arg, f"{rel}:{node.lineno}")
            elif isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "code" for t in node.targets):
                collect(node.value, f"{rel}:{node.lineno}")
    return found


def test_every_code_used_in_the_package_is_in_the_table():
    used = _codes_in_package()
    assert len(used) > 50, sorted(used)  # the scan sees the model's and the plan check's codes
    missing = sorted(f"{code} ({where})" for code, where in used.items() if code not in MESSAGES)
    assert not missing, "codes without an entry in accountpath.messages.MESSAGES:\n  " + "\n  ".join(missing)
    assert set(TYPE_CODES.values()) <= set(MESSAGES)  # built with an f-string: checked here


def test_table_codes_and_placeholders_are_well_formed():
    formatter = string.Formatter()
    for code, template in MESSAGES.items():
        assert CODE.match(code) or code == "text", code
        for _text, name, spec, conversion in formatter.parse(template):
            if name is not None:  # the browser renders {name} only: no format spec, no conversion
                assert name.isidentifier() and not spec and not conversion, (code, template)


def test_english_catalog_translates_every_table_entry_with_the_same_placeholders():
    with PO.open("rb") as fh:
        catalog = read_po(fh, locale="en", domain="accountpath")
    english = {m.id: m.string for m in catalog if isinstance(m.id, str) and m.string and not m.fuzzy}

    def names(text: str) -> set[str]:
        return {name for _t, name, _s, _c in string.Formatter().parse(text) if name}

    missing = sorted(code for code, template in MESSAGES.items() if template not in english)
    assert not missing, "table entries without an English translation (make catalogs, translate):\n  " + "\n  ".join(
        missing
    )
    differ = sorted(code for code, t in MESSAGES.items() if names(english[t]) != names(t))
    assert not differ, f"English translations with other placeholders than the Russian: {differ}"


def test_browser_table_is_the_russian_table():
    assert messages.russian_table() == dict(sorted(MESSAGES.items()))


# ---------------------------------------------------------------- one wording in Python and the browser


def test_message_vectors_in_python():
    data = json.loads(VECTORS.read_text(encoding="utf-8"))
    i18n.set_language("ru")
    assert [render(v["code"], v["params"]) for v in data["messages"]] == [v["expected"] for v in data["messages"]]
    assert [i18n.percent(v["value"]) for v in data["percents"]] == [v["expected"] for v in data["percents"]]
    assert [i18n.plural_form(v["n"]) for v in data["plurals"]] == [v["expected"] for v in data["plurals"]]
    assert i18n.percent(0.8) == "80\u00a0%"  # one style: «80 %» with a no-break space, as Intl writes it


def test_message_vectors_in_javascript(tmp_path):
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed: `make node` installs it")
    data = json.loads(VECTORS.read_text(encoding="utf-8"))
    payload = {
        "table": messages.russian_table(),
        "cases": [{"code": v["code"], "params": v["params"]} for v in data["messages"]],
        "percents": [v["value"] for v in data["percents"]],
        "plurals": [v["n"] for v in data["plurals"]],
    }
    src = tmp_path / "input.json"
    src.write_text(json.dumps(payload, ensure_ascii=False), encoding="utf-8")
    proc = subprocess.run([node, str(RUNNER), str(src)], capture_output=True, text=True, timeout=60, check=False)
    assert proc.returncode == 0, proc.stderr
    got = json.loads(proc.stdout)
    assert got == {
        "messages": [v["expected"] for v in data["messages"]],
        "percents": [v["expected"] for v in data["percents"]],
        "plurals": [v["expected"] for v in data["plurals"]],
    }


def test_reading_messages_have_one_code_each():
    """The file.*, read.* and yaml.* families (reading a file, in Python and the browser) never say the
    same thing under two codes: one code per sentence, the reader that meets it uses that code."""
    from accountpath.messages import MESSAGES

    by_text: dict[str, list[str]] = {}
    for code, text in MESSAGES.items():
        if code.split(".")[0] in ("file", "read", "yaml"):
            by_text.setdefault(text, []).append(code)
    assert [codes for codes in by_text.values() if len(codes) > 1] == []
    assert {"file.not-found", "read.empty", "read.alias", "read.duplicate-key", "read.control-character"} <= set(
        MESSAGES
    )
