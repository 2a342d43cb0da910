"""Panel seats that name their competencies (`interview.panel` entries `{who, focus}`): the model reads them,
the rule panel-seats checks them, and the plan, the kit, the focused cards and model.json follow them when
the plan has one interviewer per seat (the default kit); with another number of interviewers the plan's
algorithm decides as before. Engine tests on the compact model of tests/vectors/seats.json and on
tests/fixtures/mini.yml (the JS parity is in tests/test_plan_js.py)."""

from __future__ import annotations

import pytest
import yaml

from accountpath.method import plan as plan_mod
from accountpath.model import load as model_load
from accountpath.model.types import Interview, Seat
from accountpath.render import kit as kit_mod
from accountpath.render import scorecard
from accountpath.site import sitedata

from conftest import ROOT, full_model_data, yaml_dump

MINI = (ROOT / "tests" / "fixtures" / "mini.yml").read_text(encoding="utf-8")


def _names(n: int) -> list[str]:
    return [f"Интервьюер {k}" for k in range(1, n + 1)]


def test_the_model_reads_seats_with_their_focus_and_keeps_the_descriptions(seats_model):
    level = seats_model.role("director").level("seated")
    assert level.interview.panel == ("будущий руководитель", "коллега-директор", "финансовый директор")
    assert level.interview.seats[2] == Seat("финансовый директор", ("e", "b"))
    assert level.interview.seat_focus == (("c", "a", "g"), ("a", "b", "d"), ("e", "b"))
    assert level.interview.unscored == "Знакомство с командой без оценки."
    described = seats_model.role("director").level("described").interview
    assert described.panel == ("будущий руководитель", "коллега", "директор")
    assert described.seat_focus is None and described.unscored is None
    assert all(s.focus == () for s in described.seats)
    assert Interview(2, 60, ("а", "б")).seat_focus is None  # built without seats: the algorithm decides


def test_a_plan_with_one_interviewer_per_seat_rates_what_the_seats_name(seats_model, seat_vectors):
    role = seats_model.role("director")
    plan, notes = plan_mod.make_plan(seats_model, "director", "seated", _names(3))
    focus = [p["focus"] for p in plan["interviewers"]]
    assert focus == seat_vectors["seat_focus"]["seated"]  # each seat's list in weight order
    assert focus != plan_mod.assign_focus(role, 3)[0]  # not what the algorithm would give
    # the competency no seat rates is a light-panel note (by design), not «nobody rates»
    assert [n.code for n in notes] == [plan_mod.LIGHT_PANEL]
    assert "Компетенция f (f)" in str(notes[0]) and "5 из 100" in str(notes[0])
    # every question of a seat rates one of its competencies: the seat's questions follow its focus
    for person in plan["interviewers"]:
        for qid in person["questions"]:
            assert any(seats_model.question(qid).rates(cid) for cid in person["focus"]), (person["focus"], qid)


@pytest.mark.parametrize("count", [1, 2, 4])
def test_another_number_of_interviewers_gets_the_algorithm(seats_model, count):
    role = seats_model.role("director")
    level = role.level("seated")
    plan, _notes = plan_mod.make_plan(seats_model, "director", "seated", _names(count))
    assert [p["focus"] for p in plan["interviewers"]] == plan_mod.assign_focus(role, count)[0]
    assert plan_mod.seat_focus(level, count) is None
    assert plan_mod.panel_focus(role, level, count) == plan_mod.assign_focus(role, count)


def test_seats_without_focus_leave_it_to_the_algorithm(seats_model):
    role = seats_model.role("director")
    for level_id in ("described", "default"):
        level = role.level(level_id)
        assert plan_mod.panel_focus(role, level, 3) == plan_mod.assign_focus(role, 3)


def test_panel_focus_says_what_no_seat_rates(seats_model):
    role = seats_model.role("director")
    focus, missing = plan_mod.panel_focus(role, role.level("seated"), 3)
    assert missing == ["f"]
    assert focus == [["a", "c", "g"], ["a", "b", "d"], ["b", "e"]]


def test_the_kit_and_its_sheets_follow_the_seats(seats_model, seat_vectors):
    role = seats_model.role("director")
    level = role.level("seated")
    outline = kit_mod.panel_outline(seats_model, role, level)
    names = {c.id: c.name for c in seats_model.competencies}
    expected = [[names[c] for c in f] for f in seat_vectors["seat_focus"]["seated"]]
    assert [focus for _name, focus in outline["people"]] == expected
    assert outline["seats"] == ["будущий руководитель", "коллега-директор", "финансовый директор"]
    assert outline["left_out"] == ["Компетенция f"] and outline["left_weight"] == 5
    assert outline["unscored"] == "Знакомство с командой без оценки."
    # the split of two questions on a must-have, one on the rest, is counted on the seats' focus
    assert outline["split"] is True
    plan, _notes = plan_mod.make_plan(seats_model, role.id, level.id, _names(3))
    cards = scorecard.plan_cards(seats_model, plan)
    assert [[it.rc.id for it in c.items] for c in cards] == seat_vectors["seat_focus"]["seated"]
    sheets = kit_mod.interviewer_sheets(seats_model, role, level, "yaml")
    assert len(sheets) == 3
    for data, focus in zip(sheets.values(), seat_vectors["seat_focus"]["seated"], strict=True):
        card = yaml.safe_load(data.decode("utf-8"))
        assert card["focus"] == focus and list(card["ratings"]) == focus


def test_the_kit_shows_the_unscored_meeting_and_no_sheet_for_it(seats_model):
    role = seats_model.role("director")
    level = role.level("seated")
    view = kit_mod.kit_view(seats_model, role, level)
    md = kit_mod.kit_md(view)
    assert "**Встреча без оценки.** Знакомство с командой без оценки." in md
    html = kit_mod.render_kit(seats_model, role, level, "html")
    assert "<p><strong>Встреча без оценки.</strong> Знакомство с командой без оценки.</p>" in html
    assert md.count("**Интервьюер ") == 3  # the meeting has no interviewer and no sheet
    other = kit_mod.kit_md(kit_mod.kit_view(seats_model, role, role.level("described")))
    assert "Встреча без оценки" not in other


def test_model_json_carries_the_seats(seats_model):
    levels = {lv["id"]: lv for lv in sitedata.site_data(seats_model)["roles"][0]["levels"]}
    seated = levels["seated"]["interview"]
    assert seated["panel"] == ["будущий руководитель", "коллега-директор", "финансовый директор"]
    assert seated["seats"][0] == {"who": "будущий руководитель", "focus": ["c", "a", "g"]}
    assert seated["unscored"] == "Знакомство с командой без оценки."
    described = levels["described"]["interview"]
    assert [s["focus"] for s in described["seats"]] == [[], [], []] and described["unscored"] is None
    assert levels["default"]["interview"] is None


# ---------------------------------------------------------------- the rule panel-seats (on mini.yml)


def _with_panel(panel: str, interviewers: int = 2) -> str:
    """mini.yml with an `interview` block on the junior account manager (client-communication is its
    must-have, weight 50; project-management 30, finance 20; min_coverage 0.7) and the given panel (YAML)."""
    anchor = "        time_in_level: 1 год\n"
    assert MINI.count(anchor) == 1
    block = (
        f"        interview:\n          interviewers: {interviewers}\n          minutes: 60\n          panel: {panel}\n"
    )
    return MINI.replace(anchor, anchor + block)


def _problems(text: str) -> list[str]:
    return [str(p) for p in model_load.check_text(text, "mini.yml")[1]]


def _line(text: str, needle: str) -> int:
    return next(k for k, line in enumerate(text.split("\n"), start=1) if needle in line)


GOOD = "[{who: руководитель, focus: [client-communication, project-management]}, {who: коллега, focus: [finance, client-communication]}]"


def test_a_panel_of_seats_with_focus_loads():
    text = _with_panel(GOOD)
    assert _problems(text) == []
    m, _ps = model_load.check_text(text, "mini.yml")
    level = m.role("account-manager").level("junior")
    assert level.interview.seat_focus == (
        ("client-communication", "project-management"),
        ("finance", "client-communication"),
    )
    plan, notes = plan_mod.make_plan(m, "account-manager", "junior", _names(2))
    assert [p["focus"] for p in plan["interviewers"]] == [
        ["client-communication", "project-management"],
        ["client-communication", "finance"],
    ]
    assert notes == []
    mixed = _with_panel("[руководитель, {who: коллега, focus: [finance]}]")
    assert any("[panel-seats]" in p for p in _problems(mixed))


@pytest.mark.parametrize(
    ("panel", "message"),
    [
        (
            "[{who: р, focus: [client-communication, briefing]}, {who: к, focus: [client-communication, finance]}]",
            "место 1 панели оценивает «briefing», а у роли нет такой взвешенной компетенции [panel-seats]",
        ),
        (
            "[{who: р, focus: [client-communication, finance, finance]}, {who: к, focus: [client-communication]}]",
            "у места 1 панели компетенция «finance» указана дважды [panel-seats]",
        ),
        (
            "[{who: р, focus: [client-communication, finance]}, коллега]",
            "компетенции (focus) названы у 1 мест панели из 2: назовите их у каждого места или ни у одного [panel-seats]",
        ),
        (
            "[{who: р, focus: [client-communication, finance]}, {who: к, focus: [project-management, finance]}]",
            "обязательную компетенцию «client-communication» оценивают мест панели: 1, а нужно не меньше 2 [panel-seats]",
        ),
    ],
)
def test_the_panel_seats_rule(panel, message):
    text = _with_panel(panel)
    found = _problems(text)
    line = _line(text, "          panel: ")
    assert len(found) == 1, found
    assert found[0].startswith(f"mini.yml:{line}:"), found
    assert found[0].endswith(message), found


def test_seats_at_the_coverage_rule_pass_and_below_it_break_panel_seats():
    # 70 of 100 (finance left out) meets min_coverage 0.7
    assert (
        _problems(
            _with_panel("[{who: р, focus: [client-communication]}, {who: к, focus: [client-communication, finance]}]")
        )
        == []
    )

    text = _with_panel("[{who: р, focus: [client-communication]}, {who: к, focus: [client-communication]}]")
    found = _problems(text)
    line = _line(text, "          panel: ")
    assert found == [
        f"mini.yml:{line}:11: roles[account-manager].levels[junior]: места панели оценивают компетенции весом 50 "
        "из 100, а итог считается, только когда оценено не меньше 70; не оценивает никто: project-management, "
        "finance [panel-seats]"
    ], found


def test_a_seat_may_rate_five_competencies_at_most():
    comps = [f"c{k}" for k in range(7)]
    compact = {
        "evaluation": {
            "min_coverage": 0.8,
            "disagreement_spread": 2,
            "must_have_tolerance": 0.5,
            "bands": {"strong_hire": 0.5, "hire": 0.0, "no_hire": -1.0},
        },
        "roles": [
            {
                "id": "r",
                "competencies": [
                    {"id": c, "weight": w, "must_have": False} for c, w in zip(comps, (20, 20, 20, 10, 10, 10, 10))
                ],
                "levels": [
                    {
                        "id": "l",
                        "targets": {c: 3 for c in comps},
                        "interview": {
                            "interviewers": 2,
                            "minutes": 60,
                            "panel": [{"who": "один", "focus": comps[:6]}, {"who": "другой", "focus": comps[6:]}],
                        },
                    }
                ],
            }
        ],
    }
    text = yaml_dump(full_model_data(compact), allow_unicode=True, sort_keys=False)
    found = [str(p) for p in model_load.check_text(text, "compact.yml")[1]]
    assert len(found) == 1 and found[0].endswith(
        "место 1 панели оценивает компетенций: 6, а одно место — не больше 5 [panel-seats]"
    ), found
    assert plan_mod.MAX_FOCUS == 5


@pytest.mark.parametrize(
    ("panel", "message"),
    [
        ("[{who: р}, {who: к, focus: [finance]}]", "interview.panel[1]: нет обязательного поля «focus»"),
        ("[{who: р, focus: []}, к]", "interview.panel[1].focus: нужно не меньше 1 элементов списка"),
        (
            "[{who: р, focus: [finance], where: офис}, к]",
            "interview.panel[1]: неизвестный ключ «where»; допустимые ключи: who, focus",
        ),
        ("[1, к]", "interview.panel[1]: должно быть текстом или словарём (ключ: значение), а не число 1"),
    ],
)
def test_a_malformed_seat_gets_a_russian_message_at_its_place(panel, message):
    found = _problems(_with_panel(panel))
    assert any(p.endswith(message) for p in found), found
    assert not any("valid under" in p for p in found), found
