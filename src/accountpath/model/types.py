"""The typed, immutable competency model: frozen dataclasses that `accountpath.model` builds
from a validated competencies.yml. Nothing here reads files or checks rules."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Mapping

from accountpath.i18n import _

DEVELOP_STEPS = (2, 3, 4, 5)
PROBATION_DAYS = (30, 60, 90)
TEAM_COMPETENCY = "team-management"
MANAGER_FROM = 3
"""A level whose team-management target is at least this has a team: manager questions are for it."""
SCOPE_KEYS = ("clients", "budget", "team", "client_contacts", "pnl")
MAX_FOCUS = 5
"""The most competencies one interviewer rates (the plan's rule and the rule on a panel seat's `focus`)."""
MUST_HAVE_COVER = 2
"""Interviewers who rate each must-have where a panel has two or more."""


@dataclass(frozen=True)
class ReferenceQuestion:
    """A question for a former manager or colleague, and the answer that should worry you."""

    text: str
    worry: str
    graduate: ReferenceQuestion | None = None
    """The question as asked at a level open to graduates, whose referee is an internship supervisor or a
    teacher with no clients (review 7, finding 24); None: the same question there."""

    def for_level(self, graduates: bool) -> ReferenceQuestion:
        """The question to ask at a level: its graduate version where the level takes graduates."""
        return self.graduate if graduates and self.graduate is not None else self


@dataclass(frozen=True)
class Pay:
    """A level's pay band, monthly: `basis` agency (the agency's own), source or estimate."""

    from_: int | None
    to: int | None
    currency: str
    gross: bool
    date: str
    basis: str
    source: str | None = None


@dataclass(frozen=True)
class PayRatio:
    """The project's guide (◇) to a level's pay against a lower level's: the middle of this level's band
    is `min` to `max` times the middle of level `of`'s band."""

    of: str
    min: float
    max: float


@dataclass(frozen=True)
class Scoring:
    """What a weak, a solid and a strong take-home shows for one weighted competency."""

    competency: str
    weak: str
    solid: str
    strong: str


@dataclass(frozen=True)
class HandoutTable:
    """A table of a take-home's handout: column headings and rows of cells (figures as written)."""

    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Handout:
    """One document the candidate gets with the take-home (a client's letter, a template, a table):
    a title, text paragraphs and/or a table, and an optional note under the table. Written by the project,
    with fictional clients and figures."""

    title: str
    text: tuple[str, ...] = ()
    table: HandoutTable | None = None
    note: str | None = None


@dataclass(frozen=True)
class TakeHome:
    task: str
    time_limit: str
    materials: tuple[str, ...]
    scoring: tuple[Scoring, ...]
    stage: str = "after_interviews"  # before_interviews | after_interviews | final_meeting
    handout: tuple[Handout, ...] = ()  # the materials themselves, sent to the candidate
    checker_notes: tuple[str, ...] = ()  # for the checker only: what a good answer must catch


@dataclass(frozen=True)
class ScreeningQuestion:
    """An HR phone-screen question: what to listen for; a knock-out ends the process when missed."""

    text: str
    listen_for: str
    knock_out: bool
    knock_out_newcomers: bool = False  # the knock-out stops a newcomer too (format of work, pay)

    def stops(self, newcomers: bool) -> bool:
        """True when a missed answer ends the process at a level that is (or is not) open to newcomers."""
        return self.knock_out and (self.knock_out_newcomers or not newcomers)


@dataclass(frozen=True)
class ScaleLevel:
    level: int
    name: str
    summary: str


@dataclass(frozen=True)
class Bands:
    strong_hire: float
    hire: float
    no_hire: float


@dataclass(frozen=True)
class Evaluation:
    min_coverage: float
    disagreement_spread: float
    must_have_tolerance: float
    bands: Bands
    tolerance: float = 0.1
    """The band around each boundary of the bands (± on the weighted gap): the project's estimate,
    tuned on the simulation of scripts/bench.py."""


@dataclass(frozen=True)
class Anchors:
    """What a weak, a solid and a strong answer to a question sound like."""

    weak: str
    solid: str
    strong: str


@dataclass(frozen=True)
class Question:
    id: str
    competency: str
    text: str
    kind: str
    levels: tuple[int, int]
    anchors: Anchors
    look_for: tuple[str, ...]
    red_flags: tuple[str, ...]
    reveals: str | None = None
    source: str | None = None
    also_for: tuple[str, ...] = ()
    audience: str | None = None  # individual | manager | None (any)
    roles: tuple[str, ...] = ()  # open questions: the roles their article puts them to

    def offered_to(self, team_target: int) -> bool:
        """True when the audience fits a level with this team-management target: manager questions
        only at MANAGER_FROM or more, individual ones only below it, the rest to everyone."""
        if self.audience == "manager":
            return team_target >= MANAGER_FROM
        if self.audience == "individual":
            return team_target < MANAGER_FROM
        return True

    def fits(self, target: int) -> bool:
        """True when the question discriminates this target: min <= target <= max."""
        return self.levels[0] <= target <= self.levels[1]

    def rates(self, competency_id: str) -> bool:
        """True when an answer can be recorded under this competency (its own or also_for)."""
        return competency_id == self.competency or competency_id in self.also_for


@dataclass(frozen=True)
class Competency:
    id: str
    name: str
    group: str
    summary: str
    levels: Mapping[int, tuple[str, ...]]
    develop: Mapping[int, tuple[str, ...]]  # actions that take a person TO the level (2..5)
    questions: tuple[Question, ...]
    reference_questions: tuple[ReferenceQuestion, ...] = ()

    def questions_for(self, target: int) -> tuple[Question, ...]:
        """This competency's own questions whose level range contains the target, model order."""
        return tuple(q for q in self.questions if q.fits(target))


@dataclass(frozen=True)
class RoleCompetency:
    id: str
    weight: int
    must_have: bool


@dataclass(frozen=True)
class Scope:
    """What a level answers for: clients, budget, team, how senior its client contacts are, P&L."""

    clients: str
    budget: str
    team: str
    client_contacts: str
    pnl: str

    def rows(self) -> tuple[tuple[str, str], ...]:
        """(key, text) in SCOPE_KEYS order."""
        return tuple((k, getattr(self, k)) for k in SCOPE_KEYS)


@dataclass(frozen=True)
class Seat:
    """One interviewer's seat on a level's panel: who sits there and the competencies the seat rates
    (`focus`, ids of the role's weighted competencies; empty: the plan's algorithm decides)."""

    who: str
    focus: tuple[str, ...] = ()


@dataclass(frozen=True)
class Interview:
    """A level's own interview panel (`interview` in the model): how many interviewers, minutes each, and
    who sits on it (`panel`: one short description per interviewer, in interviewer order; empty when the
    model does not say). `seats` are the same entries with the competencies each rates where the model
    names them; `unscored`: a meeting beside the panel that gives no scores (the kit says so). Without it
    the plan's defaults apply (method/plan.py `panel_size`)."""

    interviewers: int
    minutes: int
    panel: tuple[str, ...] = ()
    seats: tuple[Seat, ...] = ()
    unscored: str | None = None

    @property
    def seat_focus(self) -> tuple[tuple[str, ...], ...] | None:
        """Each seat's competencies, in seat order, where every seat of the panel names them; else None."""
        if self.seats and len(self.seats) == self.interviewers and all(s.focus for s in self.seats):
            return tuple(s.focus for s in self.seats)
        return None


InterviewPanel = Interview
"""Another name of `Interview`: the level's panel."""


@dataclass(frozen=True)
class RoleLevel:
    id: str
    name: str
    experience: str
    time_in_level: str
    targets: Mapping[str, int]  # every competency of the model
    summary: str | None = None
    experience_source: str | None = None
    pay: Pay | None = None
    take_home: TakeHome | None = None
    scope: Scope | None = None
    probation: Mapping[int, tuple[str, ...]] = field(default_factory=dict)
    requirements: tuple[str, ...] = ()  # the vacancy's «Требования»: what an outside candidate brings
    title_accusative: str | None = None  # the object of the vacancy's «Ищем …»
    interview: Interview | None = None
    also_called: tuple[str, ...] = ()  # how agencies title the level
    pay_ratio: PayRatio | None = None  # the project's pay guide against a lower level
    screening: tuple[ScreeningQuestion, ...] = ()  # the level's own phone screen; empty: the role's

    @property
    def team_target(self) -> int:
        """The level's team-management target (1 when the model has no such competency)."""
        return int(self.targets.get(TEAM_COMPETENCY, 1))

    def offers(self, question: Question) -> bool:
        """True when an interview at this level may ask the question by its audience."""
        return question.offered_to(self.team_target)


@dataclass(frozen=True)
class Kpi:
    name: str
    measure: str


@dataclass(frozen=True)
class Salary:
    region: str | None  # None: the article names no region
    segment: str | None  # None: the figure is for every segment
    experience: str | None  # None: the article names no tenure
    min: int | None
    max: int | None
    source: str
    note: str | None = None
    level: str | None = None
    basis: str = "source"  # source | estimate (the project computed the figure)
    average_max: tuple[int, int] | None = None  # the article's «average maximum» band, instead of an upper bound
    who: str | None = None  # whom the figure is for when the article names no tenure

    @property
    def is_estimate(self) -> bool:
        return self.basis == "estimate"


@dataclass(frozen=True)
class Sourced:
    """A short phrase naming what an article gives for one of a role's lists, with the article's id."""

    text: str
    source: str


@dataclass(frozen=True)
class Career:
    from_: tuple[str, ...]
    to: tuple[str, ...]


@dataclass(frozen=True)
class View:
    """One article's position where the sources disagree about a role."""

    source: str
    text: str


@dataclass(frozen=True)
class Role:
    id: str
    name: str
    summary: str
    responsibilities: tuple[str, ...]
    kpis: tuple[Kpi, ...]
    competencies: tuple[RoleCompetency, ...]
    levels: tuple[RoleLevel, ...]
    salary: tuple[Salary, ...]
    career: Career
    sourcing: tuple[str, ...]
    probation: Mapping[int, tuple[str, ...]] = field(default_factory=dict)
    views: tuple[View, ...] = ()
    screening: tuple[ScreeningQuestion, ...] = ()
    views_disagree: bool = False  # the views contradict each other (the box title says so)
    # what the articles give for "responsibilities", "kpis" and "career"; the rest of those lists is the project's practice
    from_sources: Mapping[str, tuple[Sourced, ...]] = field(default_factory=dict)

    def level(self, level_id: str) -> RoleLevel | None:
        """The role level with this id, or None."""
        return next((lv for lv in self.levels if lv.id == level_id), None)

    def screen(self, level: RoleLevel) -> tuple[ScreeningQuestion, ...]:
        """The phone screen for a level: the level's own `screening` where it has one, else the role's."""
        return level.screening or self.screening

    @property
    def total_weight(self) -> int:
        return sum(rc.weight for rc in self.competencies)

    def by_weight(self) -> tuple[RoleCompetency, ...]:
        """Role competencies, heaviest first; ties keep model order."""
        return tuple(sorted(self.competencies, key=lambda rc: -rc.weight))

    def weighted(self, competency_id: str) -> RoleCompetency | None:
        """The role's weighted entry for a competency, or None when the interview does not rate it."""
        return next((rc for rc in self.competencies if rc.id == competency_id), None)


@dataclass(frozen=True)
class VacancyFormat:
    format: str
    min: float
    max: float
    source: str
    note: str | None = None
    approximate: bool = False  # `approx: true`: the source gives the share approximately

    @property
    def approx(self) -> bool:
        """The source gives the share as an approximation («около 17 %»): `approx: true`, or a note saying «около»."""
        return self.approximate or (self.note or "").startswith("около")


@dataclass(frozen=True)
class Fact:
    text: str
    source: str
    comment: str | None = None  # the project's own remark, shown apart from the sourced text


@dataclass(frozen=True)
class Market:
    vacancy_formats: tuple[VacancyFormat, ...]
    facts: tuple[Fact, ...]


@dataclass(frozen=True)
class Source:
    id: str
    title: str
    covers: str
    author: str | None = None
    year: int | None = None
    note: str | None = None
    figures: tuple[str, ...] = ()  # the article's figures with their scope, as it gives them


@dataclass(frozen=True)
class GlossaryTerm:
    term: str
    definition: str
    avoid: tuple[str, ...] = ()
    colloquial: tuple[str, ...] = ()  # how agencies say it in speech, marked as such


@dataclass(frozen=True)
class Model:
    version: int
    language: str
    scale: tuple[ScaleLevel, ...]
    evaluation: Evaluation
    competencies: tuple[Competency, ...]
    roles: tuple[Role, ...]
    market: Market
    sources: tuple[Source, ...]
    glossary: tuple[GlossaryTerm, ...]
    data: Mapping[str, Any]  # the validated plain data, for JSON export

    @cached_property
    def _competency_index(self) -> dict[str, Competency]:
        return {c.id: c for c in self.competencies}

    @cached_property
    def _role_index(self) -> dict[str, Role]:
        return {r.id: r for r in self.roles}

    @cached_property
    def _question_index(self) -> dict[str, Question]:
        return {q.id: q for c in self.competencies for q in c.questions}

    def competency(self, cid: str) -> Competency | None:
        """The competency with this id, or None."""
        return self._competency_index.get(cid)

    def role(self, rid: str) -> Role | None:
        """The role with this id, or None."""
        return self._role_index.get(rid)

    def question(self, qid: str) -> Question | None:
        """The question with this id (unique across the model), or None."""
        return self._question_index.get(qid)

    def source(self, sid: str) -> Source | None:
        """The source with this id, or None."""
        return next((s for s in self.sources if s.id == sid), None)

    @property
    def questions(self) -> tuple[Question, ...]:
        """Every question of the model, competency by competency."""
        return tuple(self._question_index.values())

    def summary(self) -> str:
        """One line of counts, as `accountpath validate` prints it."""
        levels = sum(len(r.levels) for r in self.roles)
        return _(
            "компетенций: {c}, вопросов: {q}, ролей: {r}, уровней ролей: {lv}, источников: {s}, терминов: {g}"
        ).format(
            c=len(self.competencies),
            q=len(self.questions),
            r=len(self.roles),
            lv=levels,
            s=len(self.sources),
            g=len(self.glossary),
        )
