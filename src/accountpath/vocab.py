"""The project's fixed vocabulary, defined once: verdicts, question kinds, interviewers'
recommendations, not-assessed spellings, scorecard keys and warning codes.

Python code imports these names; templates get them through their context; the browser
reads them from the site's model.json (`browser_vocab()`), so nothing is restated in
JavaScript. Labels are Russian (the message ids of the catalogs): `verdict_label()` and
friends return them in the language in force.
"""

from __future__ import annotations

from typing import Any

from accountpath.i18n import N_, _

# ---------------------------------------------------------------- the panel's verdict

VERDICTS: tuple[str, ...] = ("strong_hire", "hire", "not_ready", "no_hire", "strong_no_hire", "insufficient_data")
"""The computed panel verdicts (the JSON field `recommendation` of a result), best first."""

HIRE_VERDICTS: tuple[str, ...] = ("strong_hire", "hire")
"""Verdicts that mean «hire»: a level is met, a best-fit level is found."""

NO_HIRE_VERDICTS: tuple[str, ...] = ("no_hire", "strong_no_hire")
"""Verdicts that mean «no hire»."""

VERDICT_LABELS: dict[str, str] = {
    "strong_hire": N_("Однозначно нанимать"),
    "hire": N_("Нанимать"),
    "not_ready": N_("Решение не готово"),
    "no_hire": N_("Не нанимать"),
    "strong_no_hire": N_("Однозначно не нанимать"),
    "insufficient_data": N_("Недостаточно данных"),
}
"""Russian labels of the verdicts (the site and the browser show these)."""

# ---------------------------------------------------------------- questions

QUESTION_KINDS: tuple[str, ...] = ("behavioral", "situational", "case", "open")
"""Kinds of interview questions, in the order cards and pages list them."""

QUESTION_KIND_LABELS: dict[str, str] = {
    "behavioral": N_("Поведенческий"),
    "situational": N_("Ситуационный"),
    "case": N_("Кейс"),
    "open": N_("Без правильного ответа"),
}
"""Russian names of the question kinds (capitalised; lower-case them inside a sentence)."""

QUESTION_KIND_PLURALS: dict[str, str] = {
    "behavioral": N_("Поведенческие вопросы"),
    "situational": N_("Ситуационные вопросы"),
    "case": N_("Кейсы"),
    "open": N_("Вопросы без правильного ответа"),
}
"""Headings of the question kinds on the site's question bank."""

ANCHOR_LABELS: dict[str, str] = {
    "weak": N_("Слабый ответ"),
    "solid": N_("Хороший ответ"),
    "strong": N_("Сильный ответ"),
}
"""How the three answer anchors of a question are labelled (scorecards, pages, the evaluator)."""

# ---------------------------------------------------------------- a level's scope

SCOPE_LABELS: dict[str, str] = {
    "clients": N_("Клиенты"),
    "budget": N_("Бюджет"),
    "team": N_("Команда"),
    "client_contacts": N_("Контакты у клиента"),
    "pnl": N_("Отвечает за деньги"),
}
"""What each key of a level's `scope` is called (role pages, growth page, scorecards, self-assessment)."""

PRACTICE_MARK = "◇"
"""The one marker of a figure, threshold or rule the project chose (not from the articles)."""

# ---------------------------------------------------------------- an interviewer's recommendation

RECOMMENDATIONS: tuple[str, ...] = ("strong_no", "no", "yes", "strong_yes")
"""An interviewer's own overall recommendation on a filled scorecard (no neutral option)."""

RECOMMENDATION_LABELS: dict[str, str] = {
    "strong_no": N_("Однозначно нет"),
    "no": N_("Нет"),
    "yes": N_("Да"),
    "strong_yes": N_("Однозначно да"),
}
"""Russian labels of an interviewer's recommendation."""

# ---------------------------------------------------------------- filled scorecards

CARD_VERSION = 1
"""The value of `scorecard:` in the blank cards written now (the format version)."""

CARD_VERSIONS: tuple[int, ...] = (1, 2)
"""Format versions read: 1 (the first) and 2 (adds recommendation, takeaways, focus)."""

CARD_KEYS: tuple[str, ...] = (
    "scorecard",
    "role",
    "level",
    "candidate",
    "candidate_id",
    "interviewer",
    "date",
    "recommendation",
    "takeaways",
    "focus",
    "ratings",
    "notes",
    "overall_notes",
    "open_note",
)
"""Keys a filled scorecard may have, in the order a blank card lists them. `open_note` is the note on the
card's last block, the open questions: readers accept it and never score it."""

OPEN_BLOCK = N_("Вопрос без правильного ответа (заметка, без балла)")
"""The title of a card's last block, the open questions, with a notes field and no rating (review 6, findings
9, 10); in an xlsx card the label of its note cell (the reader's `open_note`)."""

RATINGS: tuple[int, ...] = (1, 2, 3, 4, 5)
"""Valid ratings (the model's scale)."""

NOT_ASSESSED = N_("не оценивалось")
"""How a card says that a competency was not assessed (null in YAML/JSON)."""

NOT_ASSESSED_SPELLINGS: tuple[str, ...] = ("", NOT_ASSESSED, "not assessed", "-", "—", "–")
"""Text values read as «not assessed» (compared after strip() and casefold())."""

CARD_SUFFIXES: tuple[str, ...] = (".yml", ".yaml", ".json", ".xlsx")
"""File suffixes of filled scorecards in a round folder."""

XLSX_SHEET = "Оценка"
"""The sheet of an xlsx scorecard that the interviewer fills."""

XLSX_META_SHEET = "meta"
"""The hidden sheet that marks a workbook as our scorecard."""

XLSX_META_MARK = "accountpath-scorecard"
"""The mark in cell B1 of the meta sheet."""

ANCHORS_TO_RATING = N_(
    "Как ответ переводится в оценку: слабый ответ — на балл ниже цели, но не выше {weak_max}; хороший — цель; "
    "сильный — цель + 1, а при цели {top} — {top} и пометка «сильно» в заметке. Ответ без своего примера — "
    "1–2 по описанию шкалы, какой бы ни была цель. "
    "Образцы ответов свои у каждого вопроса, а что считать хорошим, решает целевой уровень"
)
"""How the weak/solid/strong anchors of an interview question map to the scale (review 1, finding 5): the same
rule as the take-home key (review 7, finding 1), so a weak answer never earns a 4 or a 5 at a target of 5;
`top` is the scale's top, `weak_max` TAKE_HOME_WEAK_MAX."""

TAKE_HOME_TO_RATING = N_(
    "Как ответ переводится в оценку: слабый ответ — на балл ниже цели, но не выше {weak_max}: слабая работа "
    "и при высокой цели показывает только основы; хороший — цель; "
    "сильный — цель + 1, а при цели {top} — {top} и пометка «сильно» в заметке"
)
"""How the take-home key's weak/solid/strong columns map to the scale (review 4, findings 3 and 35): a weak
answer never earns a 4 or a 5, whatever the target; `top` is the scale's top, `weak_max` TAKE_HOME_WEAK_MAX."""

TAKE_HOME_WEAK_MAX = 3
"""The highest score a weak answer earns, in a take-home and in an interview alike (the project's practice):
without it a target − 1 would rate a weak answer as «Мастерство» at a target of 5."""


def take_home_rule(top: int) -> str:
    """TAKE_HOME_TO_RATING in words, with the scale's top."""
    return _(TAKE_HOME_TO_RATING).format(weak_max=TAKE_HOME_WEAK_MAX, top=top)


def anchors_rule(top: int) -> str:
    """ANCHORS_TO_RATING in words, with the scale's top (one weak-answer rule with the take-home key)."""
    return _(ANCHORS_TO_RATING).format(weak_max=TAKE_HOME_WEAK_MAX, top=top)


TAKE_HOME_SHEET = "Тестовое задание"
"""The interviewer name of a scored take-home's card: the debrief counts it like any other card."""

TAKE_HOME_NOT_DONE = N_("Работа не сдана или сделана не по заданию — 1 по всем компетенциям листа")
"""The take-home's floor (review 3, finding 34): a missing or off-brief answer is not a weak one."""

SCORECARD_INSTRUCTION = N_(
    "Оценивайте самостоятельно и до общего обсуждения (дебрифа): не смотрите в оценки коллег. "
    "По каждой компетенции сравните то, что кандидат показал примерами, с поведением целевого уровня: "
    "«ниже», «соответствует» и «выше» описаны рядом, а у каждого вопроса — как звучат слабый, хороший и сильный ответ. "
    "Ставьте 1–5; «не оценивалось» — только если вопрос не успели задать. Спросили, а своего примера нет — "
    "это 1–2 по описанию шкалы, какой бы ни была цель. "
    "В заметки пишите факты и цитаты, а не впечатления."
)
"""The instruction printed on every blank scorecard."""

# ---------------------------------------------------------------- warnings of a result

WARNINGS: tuple[str, ...] = (
    "single_interviewer",
    "extreme_without_note",
    "unrated_focus",
    "missing_recommendation",
    "thin_note",
    "similar_candidates",
)
"""Codes of the warnings a panel result or a round can carry (`warnings: [{code, params, message}]`)."""


def verdict_label(code: str) -> str:
    """The label of a verdict in the language in force."""
    return _(VERDICT_LABELS[code])


def recommendation_label(code: str) -> str:
    """The label of an interviewer's recommendation in the language in force."""
    return _(RECOMMENDATION_LABELS[code])


def browser_vocab() -> dict[str, Any]:
    """The vocabulary as the browser reads it from model.json (`vocab` key; Russian labels)."""
    return {
        "verdicts": list(VERDICTS),
        "hire_verdicts": list(HIRE_VERDICTS),
        "no_hire_verdicts": list(NO_HIRE_VERDICTS),
        "verdict_labels": dict(VERDICT_LABELS),
        "question_kinds": list(QUESTION_KINDS),
        "question_kind_labels": dict(QUESTION_KIND_LABELS),
        "anchor_labels": dict(ANCHOR_LABELS),
        "recommendations": list(RECOMMENDATIONS),
        "recommendation_labels": dict(RECOMMENDATION_LABELS),
        "card_version": CARD_VERSION,
        "card_versions": list(CARD_VERSIONS),
        "card_keys": list(CARD_KEYS),
        "ratings": list(RATINGS),
        "not_assessed": NOT_ASSESSED,
        "not_assessed_spellings": list(NOT_ASSESSED_SPELLINGS),
        "warnings": list(WARNINGS),
    }
