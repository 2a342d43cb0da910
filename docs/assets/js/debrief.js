/* Account Path: the debrief on top of the method (issue 10 §4), the browser's twin of the
   Python report JSON. evaluate.js computes the verdict; this adds, without changing any
   existing key:
   - per competency `notes: [{interviewer, text}]`;
   - top level `recommendations: [{interviewer, recommendation|null}]`;
   - top level `fragile: [{without, recommendation}]`: the verdict recomputed without each
     interviewer in turn (when at least two remain), listed where it changes;
   - top level `warnings: [{code, message}]`: single_interviewer, extreme_without_note
     (a 1 or 5 with no note: who and where), similar_candidates (names of the round within
     edit distance 2 after normalising case, «ё» and spaces). Pure: no DOM. */

import { evaluate, verdictLabel } from "./evaluate.js";
import { editDistance, nameKey } from "./names.js";

/** Warning codes, in the order the report lists them. */
export const WARNING_CODES = Object.freeze(["single_interviewer", "extreme_without_note", "similar_candidates"]);

/** The panel result recomputed without each interviewer, where the recommendation changes. */
export function fragility(model, roleId, levelId, cards, recommendation) {
  const out = [];
  if (cards.length < 3) return out;
  cards.forEach((card, i) => {
    const rest = cards.filter((_, k) => k !== i);
    const r = evaluate(model, roleId, levelId, rest).recommendation;
    if (r !== recommendation) out.push({ without: card.interviewer, recommendation: r });
  });
  return out;
}

/** Names of other candidates within edit distance 2 of this one (normalised), in input order. */
export function similarNames(name, others) {
  const key = nameKey(name);
  const seen = new Set([key]);
  const out = [];
  for (const other of others) {
    const k = nameKey(other);
    if (seen.has(k)) continue;
    seen.add(k);
    if (editDistance(key, k) <= 2) out.push(other);
  }
  return out;
}

function competencyName(model, cid) {
  const c = (model.competencies || []).find((x) => x.id === cid);
  return c ? c.name : cid;
}

/** The warnings of a panel: [{code, message}] in WARNING_CODES order. */
export function warnings(model, result, cards, otherCandidates = []) {
  const out = [];
  if (cards.length === 1) {
    out.push({ code: "single_interviewer", message: `Итог по оценкам одного интервьюера (${cards[0].interviewer}): сверить не с кем, добавьте хотя бы ещё одного.` });
  }
  for (const card of cards) {
    for (const row of result.competencies) {
      const v = card.ratings[row.id];
      if ((v === 1 || v === 5) && !(card.notes[row.id] || "").trim()) {
        out.push({ code: "extreme_without_note", message: `${card.interviewer} поставил(а) ${v} по компетенции «${competencyName(model, row.id)}» без заметки: крайняя оценка требует фактов.` });
      }
    }
  }
  for (const other of similarNames(result.candidate, otherCandidates)) {
    out.push({ code: "similar_candidates", message: `Кандидаты «${result.candidate}» и «${other}» почти совпадают по имени: проверьте, не один ли это человек с опечаткой.` });
  }
  return out;
}

/**
 * The panel result with the debrief's additions (JSON contract of `accountpath evaluate
 * --format json`). `cards` are checked cards (cardcheck.checkCard); `otherCandidates` the
 * other candidates' names of the same round, for the similar_candidates warning.
 */
export function debrief(model, roleId, levelId, cards, otherCandidates = []) {
  const result = evaluate(model, roleId, levelId, cards);
  for (const row of result.competencies) {
    row.notes = cards.filter((c) => c.notes && c.notes[row.id]).map((c) => ({ interviewer: c.interviewer, text: c.notes[row.id] }));
  }
  result.recommendations = cards.map((c) => ({ interviewer: c.interviewer, recommendation: c.recommendation || null }));
  result.fragile = fragility(model, roleId, levelId, cards, result.recommendation);
  result.warnings = warnings(model, result, cards, otherCandidates);
  return result;
}

/** The fragility in words, or "" when the verdict does not hang on one interviewer. */
export function fragileText(model, result) {
  if (!result.fragile.length) return "";
  const parts = result.fragile.map((f) => `без оценок ${f.without} — «${verdictLabel(model, f.recommendation)}»`);
  return `Итог зависит от оценок одного человека: ${parts.join("; ")}. Обсудите расхождения, прежде чем решать.`;
}
