"""The loader and `accountpath validate`: each fault injected into a
copy of the fixture (tests/fixtures/mini.yml) is reported at its exact line and column, with the
rule's name, in Russian."""

from __future__ import annotations

import json
import re

import jsonschema
import pytest

from accountpath.model import load as model
from accountpath.model import rules, yamlsource

from conftest import ROOT, yaml_load

FIXTURE = ROOT / "tests" / "fixtures" / "mini.yml"
TEXT = FIXTURE.read_text(encoding="utf-8")
DOC, _ = yamlsource.parse(TEXT, "mini.yml")


def pos(path: tuple, key: bool = False) -> str:
    """'LINE:COL' of a value (or key) in the unchanged fixture."""
    line, col = DOC.pos(path, key=key)
    return f"{line}:{col}"


def replace_value(text: str, path: tuple, new: str) -> str:
    """Replace the scalar or flow value at `path` with the token `new` (same line, same column)."""
    line, col = DOC.pos(path)
    lines = text.split("\n")
    s = lines[line - 1]
    m = re.compile(r"\[[^\]]*\]|\{[^}]*\}|\"[^\"]*\"|'[^']*'|[^,}\]\s#][^,}\]#]*").match(s, col - 1)
    assert m, (s, col)
    lines[line - 1] = s[: m.start()] + new + s[m.end() :]
    return "\n".join(lines)


def replace_key(text: str, path: tuple, new: str) -> str:
    line, col = DOC.pos(path, key=True)
    lines = text.split("\n")
    s = lines[line - 1]
    old = str(path[-1])
    assert s[col - 1 :].startswith(old), (s, old)
    lines[line - 1] = s[: col - 1] + new + s[col - 1 + len(old) :]
    return "\n".join(lines)


def remove_entry(text: str, path: tuple) -> str:
    """Remove `key: value` at path: a block entry with its deeper lines, or one flow entry."""
    line, col = DOC.pos(path, key=True)
    lines = text.split("\n")
    s = lines[line - 1]
    if s[: col - 1].strip() == "":
        end = line
        while end < len(lines) and (not lines[end].strip() or len(lines[end]) - len(lines[end].lstrip()) > col - 1):
            end += 1
        del lines[line - 1 : end]
        return "\n".join(lines)
    m = re.compile(r"[^,}]*,?\s*").match(s, col - 1)
    lines[line - 1] = (s[: m.start()] + s[m.end() :]).replace(", }", " }")
    return "\n".join(lines)


def problems_of(text: str) -> list[str]:
    _m, problems = model.check_text(text, "mini.yml")
    return [str(p) for p in problems]


def at(problems: list[str], where: str, needle: str) -> bool:
    """True when a problem sits exactly at LINE:COL and contains the needle."""
    return any(p.startswith(f"mini.yml:{where}: ") and needle in p for p in problems)


# ---------------------------------------------------------------- valid models


def test_fixture_is_valid_and_matches_the_schema_directly():
    m = model.load(FIXTURE)
    assert [r.id for r in m.roles] == ["account-manager", "account-director"]
    data = json.loads(json.dumps(yaml_load(TEXT), default=str))
    validator = jsonschema.Draft202012Validator(model.schema())
    assert [e.message for e in validator.iter_errors(data)] == []


def test_typed_model_of_the_new_shape():
    m = model.load(FIXTURE)
    q = m.question("q-comm-open-silence")
    assert q.levels == (3, 5) and q.also_for == ("finance",) and q.anchors.strong.startswith("Гипотезы")
    assert q.fits(3) and q.fits(5) and not q.fits(2) and q.rates("finance")
    comm = m.competency("client-communication")
    assert list(comm.develop) == [2, 3, 4, 5]
    assert [x.id for x in comm.questions_for(4)] == ["q-comm-status", "q-comm-open-silence", "q-comm-board"]
    am = m.role("account-manager")
    assert list(am.probation) == [30, 60, 90] and am.views[0].source == "mini-article"
    assert am.level("middle").experience_source == "mini-article" and am.level("junior").experience_source is None
    assert am.level("junior").time_in_level == "1 год"
    assert dict(m.role("account-director").level("lead").targets) == {
        "client-communication": 4,
        "project-management": 3,
        "finance": 4,
    }
    assert [(s.level, s.basis, s.is_estimate) for s in am.salary] == [
        ("middle", "source", False),
        ("junior", "estimate", True),
    ]
    assert [g.term for g in m.glossary] == ["тревожные признаки", "отклонение от цели"]


def test_every_rule_is_a_named_function():
    names = [r.__name__ for r in rules.RULES]
    for rule in (
        "targets_complete",
        "ladder_monotonic",
        "ladder_sum",
        "career_edge",
        "questions_per_target",
        "question_levels",
        "also_for",
        "salary_level",
        "glossary_avoid",
        "interview_panel",
    ):
        assert rule in names


# ---------------------------------------------------------------- the new rules, one injected fault each


def test_lowered_target_breaks_ladder_monotonic():
    # junior's finance goes above middle's 3: middle's target now goes down
    path = ("roles", 0, "levels", 0, "targets", "finance")
    ps = problems_of(replace_value(TEXT, path, "4"))
    where = pos(("roles", 0, "levels", 1, "targets", "finance"))
    assert at(ps, where, "цель по «finance» 3 ниже, чем на предыдущем уровне «junior» (4)"), ps
    assert all(p.endswith("[ladder-monotonic]") for p in ps), ps


def test_missing_target_breaks_targets_complete():
    ps = problems_of(remove_entry(TEXT, ("roles", 1, "levels", 0, "targets", "project-management")))
    assert ps == [
        f"mini.yml:{pos(('roles', 1, 'levels', 0, 'targets'), key=True)}: roles[account-director].levels[lead]: "
        "нет целей для компетенций «project-management»: у каждого уровня роли есть цель 1..5 по каждой "
        "компетенции модели [targets-complete]"
    ], ps


def test_unknown_target_breaks_targets_complete():
    path = ("roles", 1, "levels", 0, "targets", "project-management")
    ps = problems_of(replace_key(TEXT, path, "project-managment"))
    assert at(
        ps,
        pos(path, key=True),
        "цель для «project-managment» — такой компетенции в модели нет (возможно, «project-management»?)",
    ), ps
    assert at(ps, pos(path[:-1], key=True), "нет целей для компетенций «project-management»"), ps


def test_equal_sums_break_ladder_sum():
    path = ("roles", 0, "levels", 0, "targets")
    ps = problems_of(replace_value(TEXT, path, "{client-communication: 3, project-management: 3, finance: 3}"))
    where = pos(("roles", 0, "levels", 1, "targets"), key=True)
    assert ps == [
        f"mini.yml:{where}: roles[account-manager].levels[middle]: сумма целей 9 не выше, чем на предыдущем "
        "уровне «junior» (9): следующий уровень требует больше [ladder-sum]"
    ], ps


def test_broken_career_edge():
    path = ("roles", 1, "levels", 0, "targets", "client-communication")
    ps = problems_of(replace_value(TEXT, path, "2"))
    assert ps == [
        f"mini.yml:{pos(path)}: roles[account-director].levels[lead]: цель по «client-communication» 2 ниже, "
        "чем на верхнем уровне roles[account-manager].levels[middle] (3), откуда ведёт переход: первая ступень "
        "следующей роли не ниже последней ступени предыдущей [career-edge]"
    ], ps


def test_too_few_level_matched_questions():
    ps = problems_of(replace_value(TEXT, ("competencies", 2, "questions", 2, "levels"), "[5, 5]"))
    middle = pos(("roles", 0, "levels", 1, "targets", "finance"))
    where = pos(("roles", 1, "levels", 0, "targets", "finance"))
    assert ps == [
        f"mini.yml:{middle}: roles[account-manager].levels[middle]: по «finance» с целью 3 подходят вопросов: 1, "
        "нужно не меньше 2 (вопросы компетенции, у которых levels включает 3) [questions-per-target]",
        f"mini.yml:{where}: roles[account-director].levels[lead]: по «finance» с целью 4 подходят вопросов: 1, "
        "нужно не меньше 2 (вопросы компетенции, у которых levels включает 4) [questions-per-target]",
    ], ps


def test_question_levels_upside_down():
    path = ("competencies", 0, "questions", 3, "levels")
    ps = problems_of(replace_value(TEXT, path, "[5, 4]"))
    assert at(ps, pos(path), "levels [5, 4]: нижняя граница больше верхней, нужно [min, max] [question-levels]"), ps


def test_also_for_names_an_unknown_competency():
    path = ("competencies", 0, "questions", 2, "also_for", 0)
    ps = problems_of(replace_value(TEXT, path, "finanse"))
    assert ps == [
        f"mini.yml:{pos(path)}: competencies[client-communication].questions[q-comm-open-silence]: also_for: "
        "«finanse» — такой компетенции в модели нет (возможно, «finance»?) [also-for]"
    ], ps


def test_salary_level_names_no_level_of_the_role():
    path = ("roles", 0, "salary", 0, "level")
    ps = problems_of(replace_value(TEXT, path, "senior"))
    assert ps == [
        f"mini.yml:{pos(path)}: roles[account-manager]: «senior» — такого уровня у роли нет (возможно, «junior»?) [salary-level]"
    ], ps


def test_salary_average_max_band_is_checked_at_its_line():
    """The article's «average maximum» band reads min <= max like the range itself."""
    path = ("roles", 0, "salary", 0, "max")
    line, _col = DOC.pos(path)
    ps = problems_of(replace_value(TEXT, path, "null\n        average_max: {min: 130000, max: 100000}"))
    assert len(ps) == 1 and ps[0].startswith(f"mini.yml:{line + 1}:") and ps[0].endswith("[salary-range]"), ps


def test_salary_may_leave_out_what_the_article_does_not_say(tmp_path):
    text = remove_entry(remove_entry(TEXT, ("roles", 0, "salary", 0, "region")), ("roles", 0, "salary", 0, "segment"))
    assert problems_of(text) == []
    f = tmp_path / "m.yml"
    f.write_text(text, encoding="utf-8")
    s = model.load(f).role("account-manager").salary[0]
    assert (s.region, s.segment, s.experience) == (None, None, "1–3 года")


def test_avoided_glossary_word_anywhere_in_the_model():
    path = ("roles", 0, "responsibilities", 1)
    ps = problems_of(replace_value(TEXT, path, "Следит за Красные Флаги в проектах."))
    assert ps == [
        f"mini.yml:{pos(path)}: roles[account-manager].responsibilities[2]: «Красные Флаги» — вариант, которого "
        "избегаем; по глоссарию пишем «тревожные признаки» [glossary-avoid]"
    ], ps
    # whole words only: «флаги» inside another word is fine
    assert problems_of(replace_value(TEXT, path, "Следит за красные-флагишки.")) == []


def test_develop_needs_every_step():
    ps = problems_of(remove_entry(TEXT, ("competencies", 1, "develop", "4")))
    where = pos(("competencies", 1, "develop"), key=True)
    assert at(ps, where, "нет шага «4»: перечислите действия, которые ведут на уровень 4 [develop-steps]"), ps


def test_question_needs_anchors_and_levels():
    text = remove_entry(TEXT, ("competencies", 1, "questions", 0, "anchors"))
    ps = problems_of(text)
    assert at(ps, pos(("competencies", 1, "questions", 0)), "нет обязательного поля «anchors»"), ps


# ---------------------------------------------------------------- schema and older rules, in Russian


def test_unknown_key_with_suggestion():
    path = ("competencies", 0, "summary")
    ps = problems_of(replace_key(TEXT, path, "sumary"))
    assert at(ps, pos(path, key=True), "неизвестный ключ «sumary» (возможно, «summary»?)"), ps


def test_wrong_type_and_range():
    path = ("roles", 0, "competencies", 0, "weight")
    assert at(problems_of(replace_value(TEXT, path, '"50"')), pos(path), "должно быть целым числом, а не текст «50»")
    path = ("roles", 1, "levels", 0, "targets", "finance")
    assert at(problems_of(replace_value(TEXT, path, "7")), pos(path), "7 вне допустимого диапазона 1..5")


def test_duplicate_ids():
    path = ("competencies", 1, "questions", 0, "id")
    ps = problems_of(replace_value(TEXT, path, "q-comm-hard-meeting"))
    first = DOC.pos(("competencies", 0, "questions", 0, "id"))[0]
    assert at(ps, pos(path), f"повторяется id вопроса «q-comm-hard-meeting» (впервые в строке {first}) [unique-ids]"), (
        ps
    )


def test_weights_must_sum_to_100():
    ps = problems_of(replace_value(TEXT, ("roles", 0, "competencies", 0, "weight"), "51"))
    where = pos(("roles", 0, "competencies"), key=True)
    assert at(ps, where, "веса компетенций в сумме дают 101, а должны давать 100 [weights-sum]"), ps


def test_unknown_source_and_bands():
    path = ("roles", 0, "views", 0, "source")
    assert at(
        problems_of(replace_value(TEXT, path, "mini-artcle")),
        pos(path),
        "«mini-artcle» — такого источника нет в sources",
    )
    path = ("evaluation", "bands", "hire")
    assert at(problems_of(replace_value(TEXT, path, "0.9")), pos(path), "hire (0,9) должен быть ниже, чем strong_hire")


def test_level_missing_behaviours():
    path = ("competencies", 0, "levels", "3")
    ps = problems_of(replace_value(TEXT, path, "[]"))
    assert at(ps, pos(path), "у уровня 3 нет поведения"), ps


def test_all_problems_reported_at_once_sorted():
    text = replace_key(TEXT, ("competencies", 0, "summary"), "sumary")
    text = replace_value(text, ("evaluation", "bands", "hire"), "0.9")
    ps = problems_of(text)
    assert len(ps) >= 3  # unknown key, missing summary, bands
    lines = [int(p.split(":")[1]) for p in ps]
    assert lines == sorted(lines)


@pytest.mark.parametrize(
    "content,needle",
    [
        (b"", "файл пуст"),
        (b"# only a comment\n", "нет YAML-документа"),
        (b"version: 1\nlanguage: \xff\xfe\n", "не UTF-8"),
        (b"roles: [\n", "синтаксическая ошибка YAML"),
        (
            b"a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
            b"d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n",
            "ссылки YAML",
        ),
        (b"- just\n- a list\n", "должна быть словарём"),
        (b"version: 1\nx: !!python/object/apply:os.system [echo hi]\n", "не поддерживается"),
    ],
)
def test_bad_files_give_clear_messages(tmp_path, content, needle, cli_run):
    f = tmp_path / "competencies.yml"
    f.write_bytes(content)
    r = cli_run("validate", str(f))  # in-process: a traceback would fail the test
    assert r.returncode == 1
    assert "Traceback" not in r.stderr
    assert r.stderr.startswith(f"{f}:") and needle in r.stderr, r.stderr


def test_huge_file_refused_quickly(tmp_path, cli_run):
    f = tmp_path / "big.yml"
    with open(f, "wb") as fh:
        fh.write(b"version: 1\nroles:\n")
        chunk = b"  - id: role\n    name: " + b"x" * 1000 + b"\n"
        for _ in range(50 * 1024 * 1024 // len(chunk)):
            fh.write(chunk)
    r = cli_run("validate", str(f))
    assert r.returncode == 1 and "Traceback" not in r.stderr and "МБ" in r.stderr


def test_missing_file(cli_run):
    r = cli_run("validate", "/nonexistent/competencies.yml")
    assert r.returncode == 1 and "файл не найден" in r.stderr


def test_cached_model_is_rechecked_and_a_bad_cache_is_ignored(tmp_path, monkeypatch):
    monkeypatch.setenv("ACCOUNTPATH_CACHE_DIR", str(tmp_path))
    first, problems = model.check_text(TEXT)
    assert first is not None and not problems
    [entry] = list(tmp_path.glob("model-*.json"))
    again, _p = model.check_text(TEXT)  # from the cache
    assert (
        again.summary() == first.summary()
        and again.role("account-manager").probation == first.role("account-manager").probation
    )
    # a tampered entry fails the rules: the file is parsed again, not trusted
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


def test_a_career_step_written_only_as_from_is_checked_too():
    """`career.from` naming a role is a step like `career.to`: the edge rule applies to it."""
    text = replace_value(TEXT, ("roles", 0, "career", "to"), "[Менеджер по продажам]")
    path = ("roles", 1, "levels", 0, "targets", "client-communication")
    ps = problems_of(replace_value(text, path, "2"))
    assert len(ps) == 1 and ps[0].startswith(f"mini.yml:{pos(path)}:") and ps[0].endswith("[career-edge]"), ps
    # a kebab-case `from` entry that is no role is a typo, like in `to`
    ps = problems_of(replace_value(TEXT, ("roles", 1, "career", "from"), "[account-manger]"))
    assert any("[career-id]" in p and "account-manger" in p for p in ps), ps


def _with_panel(seats: str) -> str:
    """The fixture with an `interview` block (two interviewers, the given panel) on the junior level."""
    anchor = "        time_in_level: 1 год\n"
    assert TEXT.count(anchor) == 1
    block = f"        interview:\n          interviewers: 2\n          minutes: 60\n          panel: {seats}\n"
    return TEXT.replace(anchor, anchor + block)


def test_interview_panel_names_one_seat_per_interviewer():
    assert problems_of(_with_panel("[будущий руководитель, коллега из продакшна]")) == []
    m, _ps = model.check_text(_with_panel("[будущий руководитель, коллега из продакшна]"), "mini.yml")
    assert m.role("account-manager").level("junior").interview.panel == ("будущий руководитель", "коллега из продакшна")


def test_a_panel_shorter_than_the_interviewers_breaks_interview_panel():
    text = _with_panel("[будущий руководитель]")
    line = text.split("\n").index("          panel: [будущий руководитель]") + 1
    ps = problems_of(text)
    assert ps == [
        f"mini.yml:{line}:11: roles[account-manager].levels[junior]: в interview.panel строк 1, а интервьюеров "
        "(interviewers) 2: по одной строке на каждого интервьюера [interview-panel]"
    ], ps
