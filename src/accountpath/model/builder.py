"""Turn the plain data of a valid competencies.yml into the typed model (accountpath.modeltypes).

Only called after the schema and every rule passed, so it indexes the data directly.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Any, Iterable, Mapping

from accountpath.model.types import (
    SCOPE_KEYS,
    Anchors,
    Bands,
    Career,
    Competency,
    Evaluation,
    Fact,
    GlossaryTerm,
    Handout,
    HandoutTable,
    Interview,
    Kpi,
    Market,
    Model,
    Pay,
    PayRatio,
    Question,
    ReferenceQuestion,
    Role,
    RoleCompetency,
    RoleLevel,
    Salary,
    ScaleLevel,
    Scope,
    Scoring,
    ScreeningQuestion,
    Seat,
    Source,
    Sourced,
    TakeHome,
    VacancyFormat,
    View,
)


def _t(items: Iterable[str] | None) -> tuple[str, ...]:
    return tuple(items or ())


def _by_number(mapping: Mapping[str, Any]) -> Mapping[int, tuple[str, ...]]:
    """{"2": [...], "10": [...]} -> a read-only {2: (...), 10: (...)} in numeric order."""
    return MappingProxyType({int(k): tuple(v) for k, v in sorted(mapping.items(), key=lambda kv: int(kv[0]))})


def _question(q: dict[str, Any], competency_id: str) -> Question:
    a = q["anchors"]
    return Question(
        id=q["id"],
        competency=competency_id,
        text=q["text"],
        kind=q["kind"],
        levels=(int(q["levels"][0]), int(q["levels"][1])),
        anchors=Anchors(a["weak"], a["solid"], a["strong"]),
        look_for=_t(q["look_for"]),
        red_flags=_t(q["red_flags"]),
        reveals=q.get("reveals"),
        source=q.get("source"),
        also_for=_t(q.get("also_for")),
        audience=q.get("audience"),
        roles=_t(q.get("roles")),
    )


def _competency(c: dict[str, Any]) -> Competency:
    return Competency(
        id=c["id"],
        name=c["name"],
        group=c["group"],
        summary=c["summary"],
        levels=_by_number(c["levels"]),
        develop=_by_number(c["develop"]),
        questions=tuple(_question(q, c["id"]) for q in c["questions"]),
        reference_questions=tuple(_reference(r) for r in c.get("reference_questions") or ()),
    )


def _reference(r: dict[str, Any]) -> ReferenceQuestion:
    g = r.get("graduate")
    return ReferenceQuestion(r["text"], r["worry"], ReferenceQuestion(g["text"], g["worry"]) if g else None)


def _level(lv: dict[str, Any], competency_ids: list[str]) -> RoleLevel:
    return RoleLevel(
        id=lv["id"],
        name=lv["name"],
        experience=lv["experience"],
        time_in_level=lv["time_in_level"],
        targets=MappingProxyType({cid: lv["targets"][cid] for cid in competency_ids}),
        summary=lv.get("summary"),
        experience_source=lv.get("experience_source"),
        scope=Scope(**{k: lv["scope"][k] for k in SCOPE_KEYS}) if lv.get("scope") else None,
        probation=_by_number(lv.get("probation") or {}),
        interview=_interview(lv["interview"]) if lv.get("interview") else None,
        pay=_pay(lv["pay"]) if lv.get("pay") else None,
        take_home=_take_home(lv["take_home"]) if lv.get("take_home") else None,
        requirements=_t(lv.get("requirements")),
        title_accusative=lv.get("title_accusative"),
        also_called=_t(lv.get("also_called")),
        pay_ratio=PayRatio(lv["pay_ratio"]["of"], float(lv["pay_ratio"]["min"]), float(lv["pay_ratio"]["max"]))
        if lv.get("pay_ratio")
        else None,
        screening=_screening(lv.get("screening")),
    )


def _interview(i: dict[str, Any]) -> Interview:
    """A level's panel: each `panel` entry a description (a string) or {who, focus}."""
    seats = tuple(
        Seat(s, ()) if isinstance(s, str) else Seat(s["who"], _t(s.get("focus"))) for s in i.get("panel") or ()
    )
    return Interview(
        int(i["interviewers"]), int(i["minutes"]), tuple(s.who for s in seats), seats, i.get("unscored") or None
    )


def _screening(items: list[dict[str, Any]] | None) -> tuple[ScreeningQuestion, ...]:
    return tuple(
        ScreeningQuestion(s["text"], s["listen_for"], bool(s["knock_out"]), bool(s.get("knock_out_newcomers", False)))
        for s in items or ()
    )


def _pay(p: dict[str, Any]) -> Pay:
    return Pay(p["from"], p["to"], p["currency"], bool(p["gross"]), str(p["date"]), p["basis"], p.get("source"))


def _take_home(t: dict[str, Any]) -> TakeHome:
    return TakeHome(
        t["task"],
        t["time_limit"],
        _t(t["materials"]),
        tuple(Scoring(s["competency"], s["weak"], s["solid"], s["strong"]) for s in t["scoring"]),
        t.get("stage", "after_interviews"),
        tuple(_handout(h) for h in t.get("handout") or ()),
        _t(t.get("checker_notes")),
    )


def _handout(h: dict[str, Any]) -> Handout:
    table = h.get("table")
    return Handout(
        h["title"],
        _t(h.get("text")),
        HandoutTable(_t(table["columns"]), tuple(tuple(str(c) for c in row) for row in table["rows"]))
        if table
        else None,
        h.get("note"),
    )


def _salary(s: dict[str, Any]) -> Salary:
    top = s.get("average_max")
    return Salary(
        s.get("region"),
        s.get("segment"),
        s.get("experience"),
        s.get("min"),
        s.get("max"),
        s["source"],
        s.get("note"),
        s.get("level"),
        s.get("basis", "source"),
        (top["min"], top["max"]) if top else None,
        s.get("who"),
    )


def _role(r: dict[str, Any], competency_ids: list[str]) -> Role:
    career = r.get("career") or {}
    return Role(
        id=r["id"],
        name=r["name"],
        summary=r["summary"],
        responsibilities=_t(r["responsibilities"]),
        kpis=tuple(Kpi(k["name"], k["measure"]) for k in r["kpis"]),
        competencies=tuple(
            RoleCompetency(rc["id"], rc["weight"], bool(rc.get("must_have", False))) for rc in r["competencies"]
        ),
        levels=tuple(_level(lv, competency_ids) for lv in r["levels"]),
        salary=tuple(_salary(s) for s in r.get("salary") or ()),
        career=Career(_t(career.get("from")), _t(career.get("to"))),
        sourcing=_t(r.get("sourcing")),
        probation=_by_number(r.get("probation") or {}),
        views=tuple(View(v["source"], v["text"]) for v in r.get("views") or ()),
        views_disagree=bool(r.get("views_disagree")),
        screening=_screening(r.get("screening")),
        from_sources=MappingProxyType(
            {
                key: tuple(Sourced(x["text"], x["source"]) for x in items)
                for key, items in (r.get("from_sources") or {}).items()
            }
        ),
    )


def build(d: dict[str, Any]) -> Model:
    """The typed model of valid plain data."""
    ev = d["evaluation"]
    market = d.get("market") or {}
    competency_ids = [c["id"] for c in d["competencies"]]
    return Model(
        version=d["version"],
        language=d["language"],
        scale=tuple(ScaleLevel(s["level"], s["name"], s["summary"]) for s in d["scale"]),
        evaluation=Evaluation(
            ev["min_coverage"],
            ev["disagreement_spread"],
            ev["must_have_tolerance"],
            Bands(ev["bands"]["strong_hire"], ev["bands"]["hire"], ev["bands"]["no_hire"]),
            **({"tolerance": ev["tolerance"]} if "tolerance" in ev else {}),
        ),
        competencies=tuple(_competency(c) for c in d["competencies"]),
        roles=tuple(_role(r, competency_ids) for r in d["roles"]),
        market=Market(
            tuple(
                VacancyFormat(v["format"], v["min"], v["max"], v["source"], v.get("note"), bool(v.get("approx")))
                for v in market.get("vacancy_formats") or ()
            ),
            tuple(Fact(f["text"], f["source"], f.get("comment")) for f in market.get("facts") or ()),
        ),
        sources=tuple(
            Source(
                s["id"], s["title"], s["covers"], s.get("author"), s.get("year"), s.get("note"), _t(s.get("figures"))
            )
            for s in d["sources"]
        ),
        glossary=tuple(
            GlossaryTerm(g["term"], g["definition"], _t(g.get("avoid")), _t(g.get("colloquial"))) for g in d["glossary"]
        ),
        data=MappingProxyType(d),
    )
