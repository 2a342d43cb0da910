"""Checks of the bundled content (competencies.yml) and of the rules that keep its ladder reachable
and its questions fitting the role: each rule's fault is injected into a copy of the bundled model
at its line, and the problem must name that line and column and the rule."""

from __future__ import annotations

import re

import pytest

from accountpath.method import plan as plan_mod
from accountpath.model import load as model_mod
from accountpath.model import yamlsource
from accountpath.model.types import MANAGER_FROM, SCOPE_KEYS
from accountpath.render import scorecard

from conftest import REAL_MODEL

TEXT = REAL_MODEL.read_text(encoding="utf-8")
DOC, _ = yamlsource.parse(TEXT, "competencies.yml")
DATA = DOC.data


def _index(items: list, key: str, value: str) -> int:
    return next(i for i, x in enumerate(items) if x.get(key) == value)


def _role(rid: str) -> int:
    return _index(DATA["roles"], "id", rid)


def _level(rid: str, lid: str) -> tuple:
    r = _role(rid)
    return ("roles", r, "levels", _index(DATA["roles"][r]["levels"], "id", lid))


def _question(qid: str) -> tuple:
    for i, c in enumerate(DATA["competencies"]):
        for j, q in enumerate(c["questions"]):
            if q["id"] == qid:
                return ("competencies", i, "questions", j)
    raise KeyError(qid)


def _replace_line(text: str, path: tuple, new_value: str) -> str:
    """The text with the scalar at `path` replaced (block style: `key: value` on its own line)."""
    line, col = DOC.pos(path)
    lines = text.split("\n")
    lines[line - 1] = lines[line - 1][: col - 1] + new_value
    return "\n".join(lines)


def _remove_line(text: str, path: tuple) -> str:
    line, _col = DOC.pos(path, key=True)
    lines = text.split("\n")
    del lines[line - 1]
    return "\n".join(lines)


def _problems(text: str) -> list[str]:
    _m, problems = model_mod.check_text(text, "competencies.yml")
    return [f"{p.path}:{p.line}:{p.col}: {p.message}" for p in problems]


def _at(path: tuple, key: bool = False, shift: int = 0) -> str:
    """'competencies.yml:LINE:COL: ' of a value (or key), `shift` lines up when a line above was removed."""
    line, col = DOC.pos(path, key=key)
    return f"competencies.yml:{line - shift}:{col}: "


def test_bundled_model_is_valid():
    assert _problems(TEXT) == []


# ---------------------------------------------------------------- step-size


def test_step_size_within_a_role_at_its_line():
    path = _level("account-director", "account-director") + ("targets", "team-management")
    ps = _problems(_replace_line(TEXT, path, "5"))  # group head 3 -> director 5
    hits = [p for p in ps if p.endswith("[step-size]")]
    assert hits and hits[0].startswith(_at(path)), ps
    assert "«team-management» 5" in hits[0] and "— 3" in hits[0]


def test_step_size_along_career_to_at_its_line():
    # the group head (first level of the director role) two above the senior account manager
    path = _level("account-director", "group-head") + ("targets", "leadership")
    ps = _problems(_replace_line(TEXT, path, "4"))
    hits = [p for p in ps if p.endswith("[step-size]") and p.startswith(_at(path))]
    assert hits and "roles[account-manager].levels[senior]" in hits[0], ps


def test_every_promotion_step_raises_a_target_by_one_at_most(real_model):
    steps = []
    for role in real_model.roles:
        steps += list(zip(role.levels, role.levels[1:]))
        for rid in role.career.to:
            nxt = real_model.role(rid)
            if nxt is not None:
                steps.append((role.levels[-1], nxt.levels[0]))
    assert len(steps) >= 8
    for lo, hi in steps:
        assert all(hi.targets[c] - lo.targets[c] <= 1 for c in lo.targets), (lo.id, hi.id)


def test_a_team_lead_step_sits_between_senior_and_director(real_model):
    ad = real_model.role("account-director")
    assert [lv.id for lv in ad.levels] == ["group-head", "account-director", "group-account-director"]
    assert [lv.team_target for lv in ad.levels] == [3, 4, 5]
    assert real_model.role("account-manager").level("senior").team_target == 2
    gad = ad.level("group-account-director")
    assert "аккаунт-директоров" in gad.summary and gad.team_target == 5  # «через их руководителей» is level 5
    csd = real_model.role("client-services-director").levels[0]
    assert csd.targets["communication"] == 5  # «Представляет агентство на тендерах» is level 5


# ---------------------------------------------------------------- question-audience


def test_a_question_that_presumes_a_team_must_say_manager_at_its_line():
    path = _question("open-x2-bonus") + ("audience",)
    ps = _problems(_remove_line(TEXT, path))
    text_path = _question("open-x2-bonus") + ("text",)
    hits = [p for p in ps if p.endswith("[question-audience]")]
    assert len(hits) == 1 and hits[0].startswith(_at(text_path, shift=1)) and "вашей команды" in hits[0], ps


def test_a_question_that_says_no_team_must_say_individual_at_its_line():
    path = _question("lead-tired-team") + ("audience",)
    ps = _problems(_remove_line(TEXT, path))
    hits = [p for p in ps if p.endswith("[question-audience]")]
    assert len(hits) == 1 and hits[0].startswith(_at(_question("lead-tired-team") + ("text",), shift=1)), ps


def test_manager_questions_reach_only_levels_with_a_team(real_model):
    for role in real_model.roles:
        for lv in role.levels:
            asked = [q for qs in scorecard.level_questions(real_model, role, lv).values() for q in qs]
            for q in asked:
                if q.audience == "manager":
                    assert lv.team_target >= MANAGER_FROM, (role.id, lv.id, q.id)
                if q.audience == "individual":
                    assert lv.team_target < MANAGER_FROM, (role.id, lv.id, q.id)


def test_the_findings_cards_no_longer_ask_the_wrong_people(real_model):
    def asked(rid, lid):
        role = real_model.role(rid)
        return {q.id for qs in scorecard.level_questions(real_model, role, role.level(lid)).values() for q in qs}

    senior = asked("account-manager", "senior")
    assert not {"open-x2-bonus", "open-team-cost"} & senior
    assert not any(real_model.question(q).audience == "manager" for q in senior)
    for lid in ("group-head", "account-director", "group-account-director"):
        ad = asked("account-director", lid)
        assert "lead-tired-team" not in ad
        assert {"tm-hiring-decision", "tm-bad-hire", "tm-one-to-one"} <= ad, lid
    assert "tm-grow-junior" in asked("account-director", "account-director")
    assert "tm-grow-leader" in asked("account-director", "group-account-director")
    assert "res-monday" not in asked("client-services-director", "csd")
    assert "open-historical-figure" not in asked("account-manager", "middle")


# ---------------------------------------------------------------- open questions


def test_open_question_roles_must_name_roles_of_the_model_at_their_line():
    path = _question("open-team-cost") + ("roles",)
    line, col = DOC.pos(path)
    lines = TEXT.split("\n")
    lines[line - 1] = lines[line - 1][: col - 1] + "[account-director, art-director]"
    ps = _problems("\n".join(lines))
    hits = [p for p in ps if p.endswith("[open-question]")]
    assert len(hits) == 1 and f"competencies.yml:{line}:" in hits[0] and "art-director" in hits[0], ps


def test_open_questions_only_where_their_article_puts_them_and_never_under_a_must_have(real_model):
    for q in real_model.questions:
        if q.kind == "open":
            assert q.source and q.roles, q.id
    for role in real_model.roles:
        for lv in role.levels:
            for cid, qs in scorecard.level_questions(real_model, role, lv).items():
                opens = [q for q in qs if q.kind == "open"]
                for q in opens:
                    assert role.id in q.roles, (role.id, lv.id, q.id)
                    assert not role.weighted(cid).must_have, (role.id, lv.id, cid, q.id)
                    assert any(x.kind != "open" for x in qs), (role.id, lv.id, cid)  # a note beside a rating
            plan, _notes = plan_mod.make_plan(real_model, role.id, lv.id, ["A", "B"])
            for person in plan["interviewers"]:
                for cid, qs in plan_mod.placement(real_model, person).items():
                    if any(q.kind == "open" for q in qs):
                        assert not role.weighted(cid).must_have and role.id in qs[-1].roles


# ---------------------------------------------------------------- levels: scope and probation


def test_every_level_has_scope_and_its_own_probation(real_model):
    for role in real_model.roles:
        assert not role.probation, role.id  # probation moved to the levels
        for lv in role.levels:
            assert lv.scope is not None, (role.id, lv.id)
            assert all(text.strip() for _k, text in lv.scope.rows())
            assert [k for k, _t in lv.scope.rows()] == list(SCOPE_KEYS)
            assert list(lv.probation) == [30, 60, 90] and all(lv.probation.values()), (role.id, lv.id)
    am = real_model.role("account-manager")
    assert am.level("junior").probation != am.level("senior").probation


def test_scope_without_a_key_is_rejected_at_its_line():
    path = _level("account-manager", "junior") + ("scope", "pnl")
    ps = _problems(_remove_line(TEXT, path))
    assert any(p.startswith(_at(path[:-1])) or "pnl" in p for p in ps), ps
    assert ps


# ---------------------------------------------------------------- facts


def test_pay_by_tenure_is_not_a_level_threshold(real_model):
    am = real_model.role("account-manager")
    assert not any(lv.experience_source for lv in am.levels)
    for s in am.salary:
        if s.source in ("am-overview", "am-who"):
            assert s.level is None and s.region != "Россия", s


def test_the_project_work_share_reads_up_to():
    from accountpath.site.pages import share_range

    assert share_range(0, 5) == "до 5 %"


@pytest.mark.parametrize("pattern", [r"(?<!обычно )от трёх до семи", r"Групповой аккаунт-директор"])
def test_wording_the_articles_qualify(pattern):
    assert not re.search(pattern, TEXT), pattern
