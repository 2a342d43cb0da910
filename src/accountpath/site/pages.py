"""Generate the site's Markdown pages from the model.

`build(model)` is pure: it returns {relative .md path: markdown} and never touches the disk.
The MkDocs hook (scripts/mkdocs_hooks.py) adds these pages to the site as generated files;
`accountpath pages --out DIR` writes the same pages to a folder.

Templates live in templates/pages/*.md.j2 and only present what this module hands them:
every fact comes from the model. Model text is escaped for Markdown with the `md` filter
(and `cell` inside table cells), so `<`, `|`, `*` and friends cannot change the page.
`site_data(model)` is the compact JSON the in-browser tools read.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterator, Mapping
from functools import lru_cache
from typing import Any, SupportsFloat, cast

import jinja2

from accountpath.i18n import DEFAULT_LANGUAGE, N_, _, language, model_language, ngettext
from accountpath.method.evaluate import EPS, round2
from accountpath.model.types import Model, Role, RoleLevel
from accountpath.render import kit, scorecard, svg, vacancy
from accountpath.render.career_map import branch_note, career_entries, career_flow, career_rungs, outside_entries
from accountpath.render.market_page import ESTIMATE_LABEL, role_salary_rows, roles_without_salary, salary_table
from accountpath.render.mdtext import md_escape
from accountpath.render.pageviews import (
    also_asked,
    bridges,
    grid_columns,
    groups,
    late_rise,
    level_steps,
    pay_ratios,
    question_anchor,
    question_roles,
    role_level_questions,
    roles_needing,
    same_band_steps,
    skip_bridges,
    sources_used,
    worked_example,
)
from accountpath.render.scorecard import points
from accountpath.site import hiring_pages, tool_pages
from accountpath.site.sitedata import site_data as site_data  # re-exported: pages.site_data(model)
from accountpath.vocab import ANCHOR_LABELS, PRACTICE_MARK, SCOPE_LABELS
from accountpath.vocab import QUESTION_KIND_LABELS as KIND_LABELS  # noqa: E402  (re-exported for templates)
from accountpath.vocab import QUESTION_KIND_PLURALS as KIND_PLURALS  # noqa: E402
from accountpath.vocab import VERDICT_LABELS as RECOMMENDATION_LABELS

SCORECARD_FORMATS = (("html", "HTML"), ("md", "Markdown"), ("yaml", "YAML"), ("xlsx", "Excel"))
"""Blank scorecard formats linked from the site, with their labels."""

SCORECARD_DIR = "scorecards/files"
"""Folder of the site (relative to docs) where the hook puts the blank scorecards."""


# ---------------------------------------------------------------- escaping and formatting


def cell(text: object) -> str:
    """Escape model text for a Markdown table cell (pipes included, one line)."""
    return md_escape(text)


def attr(text: object) -> str:
    """Escape text for an HTML attribute value inside raw HTML."""
    return (
        str(text)
        .replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("'", "&#39;")
    )


def yq(text: object) -> str:
    """A YAML double-quoted scalar for front matter (JSON strings are valid YAML), HTML-escaped
    because the theme prints page.meta.description into a <meta> attribute unescaped."""
    return json.dumps(attr(" ".join(str(text).split())), ensure_ascii=False)


def title(text: object) -> str:
    """A page title for front matter. The theme prints it unescaped and also through
    `striptags` (which decodes entities), so angle brackets become look-alike quotes and the
    rest is entity-escaped: safe both ways."""
    s = " ".join(str(text).split()).replace("<", "‹").replace(">", "›")
    return json.dumps(s.replace("&", "&amp;").replace('"', "&quot;"), ensure_ascii=False)


def num(x: object) -> str:
    """A number the Russian way: decimal comma, true minus sign, at most 2 decimals."""
    if x is None:
        return "—"
    if isinstance(x, bool):
        return str(x)
    if isinstance(x, int):
        s = str(abs(x))
        neg = x < 0
    else:
        r = round2(float(cast(SupportsFloat, x)))  # the evaluator's own rounding, so the pages show its digits
        assert r is not None  # round2 returns None only for None
        neg = r < 0
        s = f"{abs(r):.2f}".rstrip("0").rstrip(".")
    s = s.replace(".", ",")
    return ("−" + s) if neg and s not in ("0",) else s


def plural(n: int, one: str, few: str, many: str) -> str:
    """The Russian plural form for n: 1 вопрос, 2 вопроса, 5 вопросов (the forms come translated in another
    language, where one is for 1 and many for the rest)."""
    n = abs(int(n))
    if language() != DEFAULT_LANGUAGE:
        return one if n == 1 else many
    if n % 10 == 1 and n % 100 != 11:
        return one
    if n % 10 in (2, 3, 4) and n % 100 not in (12, 13, 14):
        return few
    return many


def ucfirst(text: object) -> str:
    """Capitalise the first letter only ('клиент' -> 'Клиент', 'P&L' stays)."""
    s = str(text)
    return s[:1].upper() + s[1:]


def tolerance(eps: float) -> str:
    """A tolerance like 1e-9 written as 10<sup>−9</sup>."""
    exp = round(math.log10(eps))
    if abs(10.0**exp - eps) > eps * 1e-6:
        return num(eps)
    return f"10<sup>−{-exp}</sup>" if exp < 0 else f"10<sup>{exp}</sup>"


def experience(level: RoleLevel) -> str:
    """A level's experience bracket, marked as the project's estimate unless a source gives it."""
    return f"{level.experience} " + (_("(по статье-источнику)") if level.experience_source else PRACTICE_MARK)


def level_range(levels: tuple[int, int]) -> str:
    """A question's target range: '2–4', or '5' when it names one level."""
    lo, hi = levels
    return str(lo) if lo == hi else f"{lo}–{hi}"


def target_points(levels: tuple[int, int]) -> str:
    """A question's target range in points of the scale: «для цели 1–2 балла», «для цели 5 баллов»."""
    return _("для цели {points}").format(points=points(level_range(levels), levels[1]))


def percent(x: float) -> str:
    """A share 0..1 as a percentage, e.g. 0.7 -> '70 %' (a no-break space, as i18n.percent and Intl write it)."""
    return f"{num(float(x) * 100)}\u00a0%"


def money(x: int | None) -> str:
    """Roubles with thin thousands separators, e.g. 120000 -> '120 000'."""
    if x is None:
        return "—"
    return f"{x:,}".replace(",", "\u202f")


def salary_range(lo: int | None, hi: int | None, average_max: tuple[int, int] | None = None) -> str:
    """'80 000 – 120 000 ₽', 'от 50 000 ₽' or 'до 90 000 ₽'; with the article's average maximum:
    'от 20 000 ₽; средний максимум 100 000 – 130 000 ₽'."""
    if lo is not None and hi is not None:
        text = f"{money(lo)} – {money(hi)} ₽" if lo != hi else f"{money(lo)} ₽"
    elif lo is not None:
        text = f"от {money(lo)} ₽"
    else:
        text = f"до {money(hi)} ₽"
    if average_max is not None:
        text += _("; средний максимум {a} – {b} ₽").format(a=money(average_max[0]), b=money(average_max[1]))
    return text


def share_range(lo: float, hi: float, approx: bool = False) -> str:
    """A percentage range, e.g. '60–70 %'; from zero, as the articles say it: 'до 5 %'; 'около 17 %' when approximate."""
    if lo == 0 and hi:
        return f"до {num(hi)}\u00a0%"
    if lo == hi:
        return f"{'около ' if approx else ''}{num(lo)}\u00a0%"
    return f"{num(lo)}–{num(hi)}\u00a0%"


# ---------------------------------------------------------------- the rules, stated once
# Page text, like the templates: catalog messages, rendered in the model's language.

LEGEND_ID = N_(
    "{mark} — практика проекта: цифру, срок или правило выбрал проект по опыту московских агентств; "
    "в статьях-источниках их нет."
)
PRACTICE_LEGEND = LEGEND_ID.format(mark=PRACTICE_MARK)
"""The legend of the marker, on every page that uses it (in Russian; `legend()` in the language in force)."""


def legend() -> str:
    """The legend of the practice marker in the language in force."""
    return _(LEGEND_ID).format(mark=PRACTICE_MARK)


def hiring_rule(model: Model) -> str:
    """The must-have rule of hiring, word for word wherever a page states it (from model.evaluation)."""
    tol, no_hire = num(model.evaluation.must_have_tolerance), RECOMMENDATION_LABELS["no_hire"]
    return _(
        "Обязательная компетенция не подтверждена, если средняя оценка интервьюеров по ней ниже цели больше чем на {tol}; "
        "тогда рекомендация не выше «{no_hire}», даже если в среднем кандидат на цели или выше (порог {tol} {mark})."
    ).format(tol=tol, no_hire=_(no_hire), mark=PRACTICE_MARK)


def method_rule(model: Model) -> str:
    """The hiring rule in two plain sentences a hiring manager can repeat (top of the method page)."""
    ev = model.evaluation
    hire = ev.bands.hire
    if abs(hire) < EPS:
        avg = _("в среднем, с учётом веса компетенций, не ниже цели уровня")
    elif hire > 0:
        avg = _("в среднем, с учётом веса компетенций, выше цели уровня хотя бы на {x} балла").format(x=num(hire))
    else:
        avg = _("в среднем, с учётом веса компетенций, ниже цели уровня не больше чем на {x} балла").format(
            x=num(-hire)
        )
    return _(
        "Нанимаем, если кандидат {avg} и ни по одной обязательной компетенции не отстаёт от цели больше чем "
        "на {tol} балла. Если итог слишком близко к границе или держится на слишком малом, решение откладываем "
        "до ещё одной встречи по компетенции, которую назовёт оценщик."
    ).format(avg=avg, tol=num(ev.must_have_tolerance))


def strong_hire_out_of_reach(model: Model) -> list[tuple[Role, RoleLevel]]:
    """Role levels where even 5 on every competency cannot reach «Однозначно нанимать» (targets too close to 5)."""
    ev = model.evaluation
    need = ev.bands.strong_hire + ev.tolerance
    out = []
    for role in model.roles:
        total = sum(rc.weight for rc in role.competencies)
        for level in role.levels:
            best = sum(rc.weight * (5 - level.targets[rc.id]) for rc in role.competencies) / total if total else 0.0
            if best < need - EPS:
                out.append((role, level))
    return out


def promotion_rule() -> str:
    """The promotion rule, word for word wherever a page states it, as a numbered block HR can quote
    (review 11, finding 21): the scope condition no program checks, the computed part (method.team
    `blocking`, on the manager's ratings after calibration), unweighted competencies, the exception only
    a calibration takes and what the tools count (they keep showing what the exception lets through)."""
    return _(
        "Сотрудник готов к следующему уровню, когда выполнены оба условия — 1 и 2.\n\n"
        "1. **Условие 1 — масштаб.** Около трёх месяцев человек уже работает в масштабе нового уровня "
        "(см. [таблицу масштаба](#scope)) {mark}. Масштаб проверяют руководитель и калибровка, онлайн-инструменты "
        "его не учитывают. Более крупных клиентов и задачи руководитель передаёт в обычной работе. Если до "
        "повышения человеку дают людей или P&L нового уровня, это оформляют как исполнение обязанностей («и. о.») "
        "приказом на срок до шести месяцев, с доплатой; по окончании срока — калибровка или возврат к прежнему "
        "масштабу {mark}. Если в масштабе нового уровня есть наставничество, как у старшего аккаунт-менеджера, "
        "его подтверждают по имени: называют подопечного и срок, с которого человек его ведёт.\n"
        "2. **Условие 2 — оценки по компетенциям с весом.** Берут оценки руководителя после калибровки по "
        "компетенциям роли нового уровня, у которых есть вес (их проверяют и на собеседовании): каждая не ниже "
        "цели. На шаге растут лишь несколько целей, остальные те же, что на нынешнем уровне.\n"
        "3. **Компетенции без веса** в условие 2 не входят. Те из них, что растут на шаге, подтверждают одним "
        "примером в обосновании повышения, без оценки; если примера нет, такая компетенция становится первой "
        "строкой ИПР на новом уровне {mark}.\n"
        "4. **Исключение {mark} делает только калибровка.** Если человек уже работает в масштабе нового уровня и "
        "все обязательные компетенции у него на цели, калибровка может повысить его, даже если по одной-двум "
        "компетенциям с весом, не обязательным для роли, оценка на балл ниже цели. Они становятся первыми строками "
        "ИПР на новом уровне, со сроком. Исключение — решение людей, записанное в протоколе калибровки, а не "
        "лазейка в правиле.\n"
        "5. **Что считают инструменты.** [Самооценка](tools/self-assessment.md) и [Команда](tools/team.md) "
        "проверяют только условие 2: компетенция с весом ниже цели для них — то, что мешает повышению, и после "
        "исключения калибровки тоже. Масштаб и примеры по компетенциям без веса они не видят."
    ).format(mark=PRACTICE_MARK)


def ipr_rule() -> str:
    """Which competencies go into an individual development plan, word for word wherever a page states it."""
    return _(
        "В ИПР попадают две-три компетенции, которые сильнее всего отстают от цели следующего уровня, "
        "сначала обязательные для роли; при равном отставании — с большим весом в роли."
    )


# ---------------------------------------------------------------- derived views


def role_link(model: Model, entry: str, prefix: str = "", top: bool = False) -> str:
    """A career entry: a role id becomes a Markdown link, free text stays escaped text. With `top`
    (a `career.from` entry: people come from the role's top level) the link names that level."""
    role = model.role(entry)
    if role is None:
        return md_escape(entry)
    if top and len(role.levels) > 1:
        level = role.levels[-1]
        name = level.name
        short = re.search(r" \([^()]+\)$", role.name)  # the role's short form, e.g. «(KAM)», keeps its first mention
        if short and short.group(0) not in name:
            name += short.group(0)
        return f"[{md_escape(name)}]({prefix}{role.id}.md#level-{level.id})"
    return f"[{md_escape(role.name)}]({prefix}{role.id}.md)"


def from_level(model: Model, role: Role, entry: str) -> str:
    """After a `career.to` entry that is a role: « — с уровня …» naming the level of `role` the step starts
    from (its top level), when the role has more than one level; a Latin name stands bare, a Russian one
    in «»; otherwise empty."""
    if model.role(entry) is None or len(role.levels) < 2:
        return ""
    name = role.levels[-1].name
    shown = f"«{name}»" if re.search("[а-яё]", name, re.IGNORECASE) else name
    return " " + _("— с уровня %(level)s") % {"level": md_escape(shown)}


def branch_change(model: Model, role: Role, entry: str, href: str) -> str:
    """After a `career.to` entry that is a role: the change-of-branch note when the pay ratios put the step
    at about the same band (pageviews.same_band_steps, e.g. senior KAM -> AD); otherwise empty."""
    if any(e["source"].id == role.id and e["target"].id == entry for e in same_band_steps(model)):
        return ", " + branch_note(href) if from_level(model, role, entry) else " — " + branch_note(href)
    return ""


def scorecard_name(role_id: str, level_id: str, fmt: str) -> str:
    """File name of a blank scorecard."""
    return scorecard.filename(role_id, level_id, fmt)


def site_scorecard_name(role_id: str, level_id: str, fmt: str) -> str:
    """File name of a blank scorecard on the site: a Markdown one ends in .markdown, which
    Zensical copies as a file (an .md file would become a page)."""
    name = scorecard_name(role_id, level_id, fmt)
    return name[:-3] + ".markdown" if name.endswith(".md") else name


def scorecard_links(role: Role, level: RoleLevel, prefix: str) -> list[tuple[str, str]]:
    """(label, href) for each blank scorecard format of one role level."""
    return [(label, f"{prefix}{site_scorecard_name(role.id, level.id, fmt)}") for fmt, label in SCORECARD_FORMATS]


# ---------------------------------------------------------------- rendering


class Translated(Mapping[str, str]):
    """A vocabulary table of Russian message ids whose labels read in the language in force."""

    def __init__(self, table: Mapping[str, str]) -> None:
        self._table = table

    def __getitem__(self, key: str) -> str:
        return _(self._table[key])

    def __iter__(self) -> Iterator[str]:
        return iter(self._table)

    def __len__(self) -> int:
        return len(self._table)


@lru_cache(maxsize=1)
def _env() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("accountpath", "templates/pages"),
        autoescape=False,  # Markdown, not HTML: model text goes through the md/cell filters
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
        # attr_list anchors such as `{#role-id}` must not open Jinja comments
        comment_start_string="<#--",
        comment_end_string="--#>",
        extensions=["jinja2.ext.i18n"],
    )
    # Pages are written in the model's language: `{{ _("Русский текст") }}` looks the text up in the catalog.
    env.install_gettext_callables(_, ngettext, newstyle=True)  # type: ignore[attr-defined]
    env.filters.update(
        md=md_escape,
        cell=cell,
        attr=attr,
        yq=yq,
        pagetitle=title,
        qa=question_anchor,
        num=num,
        percent=percent,
        money=money,
        ucfirst=ucfirst,
        lvrange=level_range,
        tpoints=target_points,
    )
    env.globals.update(
        kinds=Translated(KIND_LABELS),
        kind_plurals=Translated(KIND_PLURALS),
        labels=Translated(RECOMMENDATION_LABELS),
        anchor_labels=Translated(ANCHOR_LABELS),
        salary_range=salary_range,
        share_range=share_range,
        role_link=role_link,
        from_level=from_level,
        branch_change=branch_change,
        scorecard_links=scorecard_links,
        plural=plural,
        points=points,
        experience=experience,
        scope_labels=Translated(SCOPE_LABELS),
        mark=PRACTICE_MARK,
    )
    return env


def _render(name: str, **ctx: Any) -> str:
    text = _env().get_template(name).render(**ctx)
    # Collapse runs of blank lines the template logic leaves behind; end with one newline.
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.rstrip() + "\n"


@model_language
def build(model: Model) -> dict[str, str]:
    """Every generated page of the site: {relative .md path: markdown}, deterministic."""
    scale = {s.level: s for s in model.scale}
    careers = career_entries(model)
    common = {
        "model": model,
        "scale": scale,
        "groups": groups(model),
        "careers": careers,
        "skips": skip_bridges(model),
        "question_roles": lambda q: question_roles(model, q),
        "hiring_rule": hiring_rule(model),
        "promotion_rule": promotion_rule(),
        "ipr_rule": ipr_rule(),
        "mark_legend": legend(),
        "question_rule": kit.question_rule(model),
    }
    pages: dict[str, str] = {
        "index.md": _render("home.md.j2", **common),
        "roles/index.md": _render("roles_index.md.j2", **common),
    }
    for role in model.roles:
        pages[f"roles/{role.id}.md"] = _render(
            "role.md.j2",
            role=role,
            steps=level_steps(model, role),
            asked=role_level_questions(model, role),
            salary_rows=role_salary_rows(role),
            estimate=ESTIMATE_LABEL,
            comps=[(role.weighted(c.id), c) for c in model.competencies],
            **common,
        )
    pages["competencies/index.md"] = _render("competencies_index.md.j2", **common)
    for comp in model.competencies:
        pages[f"competencies/{comp.id}.md"] = _render(
            "competency.md.j2", c=comp, needs=roles_needing(model, comp.id), also=also_asked(model, comp.id), **common
        )
    pages["interview/method.md"] = _render(
        "method.md.j2",
        ex=worked_example(model),
        eps=tolerance(EPS),
        rule=method_rule(model),
        out_of_reach=strong_hire_out_of_reach(model),
        **common,
    )
    pages["interview/questions.md"] = _render("questions.md.j2", **common)
    pages["interview/open-questions.md"] = _render(
        "open_questions.md.j2",
        open_qs=[q for q in model.questions if q.kind == "open"],
        open_roles=[r for r in model.roles if any(r.id in q.roles for q in model.questions if q.kind == "open")],
        **common,
    )
    pages["scorecards/index.md"] = _render("scorecards_index.md.j2", files_prefix="files/", **common)
    pages["market.md"] = _render(
        "market.md.j2",
        salaries=salary_table(model),
        estimate=ESTIMATE_LABEL,
        without=roles_without_salary(model),
        salary_chart=svg.salary_chart(model),
        formats_chart=svg.share_chart(model),
        **common,
    )
    pages["career.md"] = _render(
        "career.md.j2",
        ladder=svg.career_ladder(model, careers),
        flow=career_flow(
            model, careers, branch=frozenset((e["source"].id, e["target"].id) for e in same_band_steps(model))
        ),
        rungs=career_rungs(model, careers),
        entries=outside_entries(model, careers),
        **common,
    )
    pages["growth.md"] = _render(
        "growth.md.j2",
        columns=grid_columns(model),
        initiative_rise=late_rise(model, "initiative"),
        pay_ratios=pay_ratios(model),
        same_band=same_band_steps(model),
        pay_text=vacancy.pay_text,
        bridges=bridges(model),
        steps={r.id: level_steps(model, r) for r in model.roles},
        **common,
    )
    pages["glossary.md"] = _render("glossary.md.j2", **common)
    pages["sources.md"] = _render("sources.md.j2", used=sources_used(model), **common)
    pages.update(tool_pages.build(model))
    pages.update(hiring_pages.build(model))
    return pages
