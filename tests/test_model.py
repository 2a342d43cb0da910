"""The loader and `accountpath validate`: the bundled model is valid; each fault injected into a
copy of the real file is reported at the right line with the right message."""

from __future__ import annotations

import json
import re

import jsonschema
import pytest
import yaml

from accountpath import model, yamlsource

from conftest import REAL_MODEL, run_cli

TEXT = REAL_MODEL.read_text(encoding="utf-8")
DOC, _ = yamlsource.parse(TEXT, "competencies.yml")


def line_of(path: tuple, key: bool = False) -> int:
    return DOC.pos(path, key=key)[0]


def replace_value(text: str, path: tuple, new: str) -> str:
    """Replace the scalar value at `path` (block or flow style) with the token `new`."""
    line, col = DOC.pos(path)
    lines = text.split("\n")
    s = lines[line - 1]
    m = re.compile(r'"[^"]*"|\'[^\']*\'|[^,}\]\s#][^,}\]#]*').match(s, col - 1)
    assert m, (s, col)
    lines[line - 1] = s[: m.start()] + new + s[m.end():].lstrip(" ") if s[m.end():].startswith(" #") else s[: m.start()] + new + s[m.end():]
    return "\n".join(lines)


def replace_key(text: str, path: tuple, new: str) -> str:
    line, col = DOC.pos(path, key=True)
    lines = text.split("\n")
    s = lines[line - 1]
    old = str(path[-1])
    assert s[col - 1:].startswith(old), (s, old)
    lines[line - 1] = s[: col - 1] + new + s[col - 1 + len(old):]
    return "\n".join(lines)


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def remove_entry(text: str, path: tuple) -> str:
    """Remove `key: value` at path: the key line and its deeper lines (block style) or the flow entry."""
    line, col = DOC.pos(path, key=True)
    lines = text.split("\n")
    s = lines[line - 1]
    if s[: col - 1].strip() == "":
        end = line
        while end < len(lines) and (not lines[end].strip() or _indent(lines[end]) > col - 1):
            end += 1
        del lines[line - 1:end]
        return "\n".join(lines)
    assert s[: col - 1].strip() != "-", "removing the first key of a list item is not supported"
    m = re.compile(r"[^,}]*,?\s*").match(s, col - 1)
    lines[line - 1] = s[: m.start()] + s[m.end():]
    return "\n".join(lines)


def set_block(text: str, path: tuple, flow: str) -> str:
    """Replace the whole value under key `path` with a flow value such as []."""
    line, col = DOC.pos(path, key=True)
    lines = text.split("\n")
    indent = col - 1
    end = line
    while end < len(lines) and (not lines[end].strip() or len(lines[end]) - len(lines[end].lstrip()) > indent
                                or lines[end].lstrip().startswith("- ") and len(lines[end]) - len(lines[end].lstrip()) >= indent
                                and not re.match(r"\s*- \w+:", lines[end])):
        end += 1
    key_text = lines[line - 1][: lines[line - 1].index(":", col - 1) + 1]
    lines[line - 1:end] = [key_text + " " + flow]
    return "\n".join(lines)


def problems_of(text: str) -> list[str]:
    _, problems = model.check_text(text, "competencies.yml")
    return [str(p) for p in problems]


def has(problems: list[str], line: int, needle: str) -> bool:
    return any(p.startswith(f"competencies.yml:{line}:") and needle in p for p in problems)


def test_bundled_model_is_valid_and_summarised():
    r = run_cli("validate")
    assert r.returncode == 0, r.stderr
    assert r.stdout.count("\n") == 1 and "competencies" in r.stdout and "roles" in r.stdout
    m = model.load(REAL_MODEL)
    assert len(m.competencies) >= 12 and len(m.roles) >= 4
    assert all(len(c.questions) >= 3 for c in m.competencies)
    assert {"account-manager", "key-account-manager", "account-director", "client-services-director"} <= {r.id for r in m.roles}
    assert [lv.id for lv in m.role("account-manager").levels] == ["junior", "middle", "senior"]


def test_bundled_model_matches_the_schema_directly():
    data = json.loads(json.dumps(yaml.safe_load(TEXT), default=str))
    validator = jsonschema.Draft202012Validator(json.loads(model._schema_bytes().decode("utf-8")))
    assert list(validator.iter_errors(data)) == []


def test_open_questions_from_the_source_are_present():
    m = model.load(REAL_MODEL)
    open_qs = [q for q in m.questions if q.kind == "open"]
    texts = " ".join(q.text for q in open_qs)
    for needle in ("X2", "историческ", "22"):
        assert needle in texts
    assert all(q.reveals for q in open_qs)


def test_unknown_key_with_suggestion():
    path = ("competencies", 0, "summary")
    ps = problems_of(replace_key(TEXT, path, "sumary"))
    assert has(ps, line_of(path, key=True), "unknown key 'sumary' (did you mean 'summary'?)"), ps


def test_missing_field():
    ps = problems_of(remove_entry(TEXT, ("competencies", 0, "group")))
    assert any("missing field 'group'" in p for p in ps), ps
    line = int(next(p for p in ps if "missing field 'group'" in p).split(":")[1])
    assert abs(line - line_of(("competencies", 0))) <= 1


def test_wrong_type():
    path = ("roles", 0, "competencies", 0, "weight")
    ps = problems_of(replace_value(TEXT, path, '"25"'))
    assert has(ps, line_of(path), "must be a whole number"), ps


def test_duplicate_competency_id():
    first = DOC.data["competencies"][0]["id"]
    path = ("competencies", 1, "id")
    ps = problems_of(replace_value(TEXT, path, first))
    assert has(ps, line_of(path), f"duplicate competency id '{first}'"), ps


def test_duplicate_question_id_across_competencies():
    first = DOC.data["competencies"][0]["questions"][0]["id"]
    path = ("competencies", 2, "questions", 0, "id")
    ps = problems_of(replace_value(TEXT, path, first))
    assert has(ps, line_of(path), f"duplicate question id '{first}'"), ps


def test_role_competency_unknown():
    path = ("roles", 0, "competencies", 0, "id")
    cid = DOC.data["roles"][0]["competencies"][0]["id"]
    ps = problems_of(replace_value(TEXT, path, cid + "x"))
    assert has(ps, line_of(path), f"unknown competency '{cid}x' (did you mean '{cid}'?)"), ps


def test_target_names_unknown_competency():
    cid = next(iter(DOC.data["roles"][0]["levels"][0]["targets"]))
    path = ("roles", 0, "levels", 0, "targets", cid)
    ps = problems_of(replace_key(TEXT, path, "no-such-skill"))
    assert has(ps, line_of(path, key=True), "unknown competency 'no-such-skill'"), ps
    assert any(f"missing target for competency '{cid}'" in p for p in ps), ps


def test_weights_must_sum_to_100():
    path = ("roles", 0, "competencies", 0, "weight")
    w = DOC.data["roles"][0]["competencies"][0]["weight"]
    ps = problems_of(replace_value(TEXT, path, str(w + 1)))
    assert has(ps, line_of(("roles", 0, "competencies"), key=True), "sum to 101, they must sum to 100"), ps


def test_target_outside_scale():
    cid = next(iter(DOC.data["roles"][1]["levels"][0]["targets"]))
    path = ("roles", 1, "levels", 0, "targets", cid)
    ps = problems_of(replace_value(TEXT, path, "7"))
    assert has(ps, line_of(path), "7 is outside the allowed range 1..5"), ps


def test_role_level_missing_target():
    cid = list(DOC.data["roles"][0]["levels"][1]["targets"])[-1]
    ps = problems_of(remove_entry(TEXT, ("roles", 0, "levels", 1, "targets", cid)))
    assert has(ps, line_of(("roles", 0, "levels", 1, "targets"), key=True), f"missing target for competency '{cid}'"), ps


def test_bands_out_of_order():
    path = ("evaluation", "bands", "hire")
    ps = problems_of(replace_value(TEXT, path, "0.9"))
    assert has(ps, line_of(path), "hire (0.9) must be lower than strong_hire"), ps


def test_level_missing_behaviours():
    path = ("competencies", 0, "levels", "3")
    ps = problems_of(set_block(TEXT, path, "[]"))
    assert has(ps, line_of(path, key=True), "level 3 has no behaviours"), ps


def test_all_problems_reported_at_once_sorted():
    text = replace_key(TEXT, ("competencies", 0, "summary"), "sumary")
    text = replace_value(text, ("evaluation", "bands", "hire"), "0.9")
    ps = problems_of(text)
    assert len(ps) >= 3  # unknown key, missing summary, bands
    lines = [int(p.split(":")[1]) for p in ps]
    assert lines == sorted(lines)


@pytest.mark.parametrize("content,needle", [
    (b"", "empty"),
    (b"# only a comment\n", "no YAML document"),
    (b"version: 1\nlanguage: \xff\xfe\n", "not UTF-8"),
    (b"roles: [\n", "YAML syntax error"),
    (b"a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
     b"d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n", "aliases"),
    (b"- just\n- a list\n", "must be a mapping"),
    (b"version: 1\nx: !!python/object/apply:os.system [echo hi]\n", "unsupported YAML tag"),
])
def test_bad_files_give_clear_messages(tmp_path, content, needle):
    f = tmp_path / "competencies.yml"
    f.write_bytes(content)
    r = run_cli("validate", str(f))
    assert r.returncode == 1
    assert "Traceback" not in r.stderr
    assert r.stderr.startswith(f"{f}:") and needle in r.stderr, r.stderr


def test_huge_file_refused_quickly(tmp_path):
    f = tmp_path / "big.yml"
    with open(f, "wb") as fh:
        fh.write(b"version: 1\nroles:\n")
        chunk = b"  - id: role\n    name: " + b"x" * 1000 + b"\n"
        for _ in range(50 * 1024 * 1024 // len(chunk)):
            fh.write(chunk)
    r = run_cli("validate", str(f))
    assert r.returncode == 1 and "Traceback" not in r.stderr and "MB" in r.stderr


def test_missing_file():
    r = run_cli("validate", "/nonexistent/competencies.yml")
    assert r.returncode == 1 and "file not found" in r.stderr


def test_cached_model_is_rechecked_and_a_bad_cache_is_ignored(tmp_path, monkeypatch):
    monkeypatch.setenv("ACCOUNTPATH_CACHE_DIR", str(tmp_path))
    first, problems = model.check_text(TEXT)
    assert first is not None and not problems
    [entry] = list(tmp_path.glob("model-*.json"))
    again, _ = model.check_text(TEXT)  # from the cache
    assert again.summary() == first.summary()
    # a tampered entry fails the semantic checks: the file is parsed again, not trusted
    data = json.loads(entry.read_text(encoding="utf-8"))
    data["roles"][0]["competencies"][0]["weight"] += 5
    entry.write_text(json.dumps(data), encoding="utf-8")
    third, problems = model.check_text(TEXT)
    assert third is not None and not problems
    assert third.roles[0].competencies[0].weight == first.roles[0].competencies[0].weight
    entry.write_text("{not json", encoding="utf-8")
    assert model.check_text(TEXT)[0] is not None
    # an edited model is a different key: its problems are found
    assert problems_of(replace_value(TEXT, ("evaluation", "bands", "hire"), "0.9"))
