/* Account Path: one interviewer's rating form on the evaluator page: per competency the
   behaviours around the target, the rating (1-5 or «не оценивалось»), the notes, and,
   when a plan gave this interviewer questions, the questions with their weak / solid /
   strong anchors beside the controls. Then the overall recommendation (no neutral) and
   the take-aways. Competencies in the interviewer's focus come first; the rest fold away. */

import { questionIndex } from "../core/plan.js";
import { h, scaleName, textArea } from "../ui/ui.js";

export const NOT_ASSESSED = "na";

const ANCHOR_KEYS = ["weak", "solid", "strong"];

function behaviours(model, comp, n, target) {
  const list = (comp && comp.levels && comp.levels[String(n)]) || [];
  // as the printed cards head a level: «1 — Знакомство (на балл ниже цели)» (review 4, finding 11)
  const off = Math.abs(n - target);
  const by = off === 1 ? "на балл" : `на ${off} балла`;
  const where = n === target ? "цель уровня" : `${by} ${n < target ? "ниже" : "выше"} цели`;
  const title = `${n} — ${scaleName(model, n)} (${where})`;
  return h("div", { class: `ap-ladder__step${n === target ? " ap-ladder__step--target" : ""}` },
    h("p", { class: "ap-ladder__title", text: title }),
    h("ul", {}, list.map((b) => h("li", { text: b }))));
}

function questionBlock(model, q) {
  const kind = model.vocab.question_kind_labels[q.kind];
  const anchors = q.anchors || {};
  const rows = ANCHOR_KEYS.filter((k) => anchors[k]).map((k) => h("div", { class: `ap-anchor ap-anchor--${k}` },
    h("dt", { text: model.vocab.anchor_labels[k] }), h("dd", { text: anchors[k] })));
  return h("li", { class: "ap-question", "data-question": q.id },
    h("p", { class: "ap-question__text" }, q.text, kind ? h("span", { class: "ap-badge", text: kind.toLowerCase() }) : null),
    rows.length ? h("dl", { class: "ap-anchors" }, rows) : h("p", { class: "ap-hint", text: "Ориентиры ответа для этого вопроса ещё не описаны." }));
}

function ratingRadios(model, rc, value) {
  const radios = model.vocab.ratings.map((n) => h("label", { class: "ap-radio", title: scaleName(model, n) },
    h("input", { type: "radio", name: `rating-${rc.id}`, value: String(n), checked: value === n, "data-testid": `rating-${rc.id}-${n}`, class: "ap-radio__input" }),
    h("span", { class: "ap-radio__box" },
      h("span", { class: "ap-radio__num", text: String(n) }),
      h("span", { class: "ap-radio__name", text: scaleName(model, n) }))));
  radios.push(h("label", { class: "ap-radio ap-radio--na" },
    h("input", { type: "radio", name: `rating-${rc.id}`, value: NOT_ASSESSED, checked: value === null, "data-testid": `rating-${rc.id}-na`, class: "ap-radio__input" }),
    h("span", { class: "ap-radio__box" }, h("span", { class: "ap-radio__name", text: model.vocab.not_assessed }))));
  return radios;
}

/** One competency: behaviours, planned questions with anchors, rating and notes. */
export function competencyBlock(model, comps, rc, iv, target) {
  const comp = comps.get(rc.id);
  const name = comp ? comp.name : rc.id;
  const steps = [target - 1, target, target + 1].filter((n) => n >= 1 && n <= 5);
  const index = questionIndex(model);
  const asked = (iv.questions || []).map((id) => index.get(id)).filter((x) => x && x.competency === rc.id).map((x) => x.question);
  const notesId = `notes-${rc.id}`;
  const badges = [h("span", { class: "ap-badge", text: `вес ${rc.weight}` }), h("span", { class: "ap-badge", text: `цель ${target}` })];
  if (rc.must_have) badges.push(h("span", { class: "ap-badge ap-badge--must", text: "обязательная" }));
  if ((iv.focus || []).includes(rc.id)) badges.push(h("span", { class: "ap-badge ap-badge--focus", text: "в фокусе" }));
  return h("article", { class: "ap-comp", "data-competency": rc.id },
    h("h3", { class: "ap-comp__title" }, h("span", { text: name }), " ", badges),
    comp && comp.summary ? h("p", { class: "ap-hint", text: comp.summary }) : null,
    h("div", { class: asked.length ? "ap-comp__body ap-comp__body--questions" : "ap-comp__body" },
      asked.length ? h("section", { class: "ap-questions", "aria-label": `Вопросы: ${name}` },
        h("h4", { text: "Ваши вопросы и ориентиры ответа" }), h("ol", {}, asked.map((q) => questionBlock(model, q)))) : null,
      h("div", { class: "ap-comp__rate" },
        h("div", { class: "ap-ladder" }, steps.map((n) => behaviours(model, comp, n, target))),
        h("fieldset", { class: "ap-rating", "data-competency": rc.id },
          h("legend", { text: `Оценка: ${name}` }),
          h("div", { class: "ap-rating__options" }, ratingRadios(model, rc, iv.ratings[rc.id]))),
        h("label", { class: "ap-field", for: notesId }, h("span", { text: "Заметки: факты и примеры из ответа" })),
        textArea({ id: notesId, name: notesId, rows: "2", "data-competency": rc.id, class: "ap-notes" }, iv.notes[rc.id]))));
}

/** The competency blocks: focus first; the others in a fold when the interviewer has a focus. */
export function competencyBlocks(model, comps, role, level, iv) {
  const focus = iv.focus || [];
  const block = (rc) => competencyBlock(model, comps, rc, iv, level.targets[rc.id]);
  if (!focus.length) return role.competencies.map(block);
  const mine = role.competencies.filter((rc) => focus.includes(rc.id));
  const rest = role.competencies.filter((rc) => !focus.includes(rc.id));
  return [
    ...mine.map(block),
    rest.length ? h("details", { class: "ap-card ap-rest", id: "ev-rest" },
      h("summary", { text: `Остальные компетенции роли (${rest.length}) — не в вашем фокусе, оценивайте, только если видели сами` }),
      rest.map(block)) : null,
  ];
}

/** Overall recommendation (four choices, no neutral) and take-aways of the interviewer. */
export function overallBlock(model, iv) {
  const labels = model.vocab.recommendation_labels;
  const choices = model.vocab.recommendations.map((code) => h("label", { class: "ap-radio ap-radio--rec" },
    h("input", { type: "radio", name: "ev-recommendation", value: code, checked: iv.recommendation === code, "data-testid": `rec-${code}`, class: "ap-radio__input" }),
    h("span", { class: "ap-radio__box" }, h("span", { class: "ap-radio__name", text: labels[code] }))));
  return h("section", { class: "ap-card ap-overall", "aria-labelledby": "ev-overall-title" },
    h("h3", { id: "ev-overall-title", text: "Ваш вывод" }),
    h("fieldset", { class: "ap-rating", id: "ev-recommendation" },
      h("legend", { text: "Рекомендация интервьюера (без нейтрального варианта)" }),
      h("div", { class: "ap-rating__options" }, choices)),
    h("label", { class: "ap-field", for: "ev-takeaways" }, h("span", { text: "Ключевые выводы" })),
    textArea({ id: "ev-takeaways", rows: "3" }, iv.takeaways),
    h("label", { class: "ap-field", for: "ev-overall" }, h("span", { text: "Общий комментарий" })),
    textArea({ id: "ev-overall", rows: "2" }, iv.overall));
}
