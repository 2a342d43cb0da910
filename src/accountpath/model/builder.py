"""Turn the plain data of a valid competencies.yml into the typed model (accountpath.modeltypes).

Only called after the schema and every rule passed, so it indexes the data directly.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Any, Iterable, Mapping

from accountpath.model.types import (
    Anchors,
    Bands,
    Career,
    Competency,
    Evaluation,
    Fact,
    GlossaryTerm,
    Kpi,
    Market,
    Model,
    Question,
    Role,
    RoleCompetency,
    RoleLevel,
    Salary,
    ScaleLevel,
    Source,
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
    )


def _level(lv: dict[str, Any], competency_ids: list[str]) -> RoleLevel:
    return RoleLevel(
        id=lv["id"],
        name=lv["name"],
        experience=lv["experience"],
        time_in_level=lv["time_in_level"],
        targets=MappingProxyType({cid: lv["targets"][cid] for cid in competency_ids}),
        summary=lv.get("summary"),
        experience_source=lv.get("experience_source"),
    )


def _salary(s: dict[str, Any]) -> Salary:
    return Salary(
        s["region"],
        s["segment"],
        s["experience"],
        s.get("min"),
        s.get("max"),
        s["source"],
        s.get("note"),
        s.get("level"),
        s.get("basis", "source"),
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
        probation=_by_number(r["probation"]),
        views=tuple(View(v["source"], v["text"]) for v in r.get("views") or ()),
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
                VacancyFormat(v["format"], v["min"], v["max"], v["source"], v.get("note"))
                for v in market.get("vacancy_formats") or ()
            ),
            tuple(Fact(f["text"], f["source"]) for f in market.get("facts") or ()),
        ),
        sources=tuple(
            Source(s["id"], s["title"], s["covers"], s.get("author"), s.get("year"), s.get("note"))
            for s in d["sources"]
        ),
        glossary=tuple(GlossaryTerm(g["term"], g["definition"], _t(g.get("avoid"))) for g in d["glossary"]),
        data=MappingProxyType(d),
    )
