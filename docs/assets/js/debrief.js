/* Account Path: the debrief on top of the method, a port of src/accountpath/debrief.py
   (and of the round's similar-name warning in rounds.py): the result of `accountpath
   evaluate --format json`, key for key and message for message. evaluate.js computes the
   verdict; this adds, without changing any existing key:
   - per competency `interviewer_ratings: [{interviewer, rating}]` and `notes: [{interviewer, text}]`;
   - top level `recommendations: [{interviewer, recommendation|null}]`, `takeaways:
     [{interviewer, text}]` (non-empty only);
   - `fragile: [{without, recommendation}]`: the verdict recomputed without each interviewer
     in turn (when at least two remain), listed where it changes;
   - `warnings: [{code, message}]`: single_interviewer, extreme_without_note (a 1 or 5 with
     no note), similar_candidates (other candidates of the round within edit distance 2 after
     normalising case, «ё» and spaces, with the same digits). Pure: no DOM. */

import { evaluate, verdictLabel } from "./evaluate.js";
import { editDistance, nameKey } from "./names.js";

const EXTREMES = [1, 5];
const MAX_DISTANCE = 2;

const rated = (v) => v !== null && v !== undefined;

/** The panel result recomputed without each interviewer, where the recommendation changes. */
export function fragility(model, roleId, levelId, cards, recommendation) {
  const out = [];
  if (cards.length < 3) return out;
  cards.forEach((card, i) => {
    const r = evaluate(model, roleId, levelId, cards.filter((_, k) => k !== i)).recommendation;
    if (r !== recommendation) out.push({ without: card.interviewer, recommendation: r });
  });
  return out;
}

const digits = (text) => Array.from(text).filter((ch) => /\p{Nd}/u.test(ch)).join("");

/** Other candidates' shown names within edit distance 2 of this one (rounds.similar_pairs order). */
export function similarNames(name, others) {
  const key = nameKey(name);
  const first = new Map();
  for (const other of others) if (!first.has(nameKey(other))) first.set(nameKey(other), other);
  const near = [...first.keys()].filter((k) => k !== key && digits(k) === digits(key) && editDistance(key, k) <= MAX_DISTANCE);
  const pair = (k) => (k < key ? [k, key] : [key, k]);
  near.sort((x, y) => {
    const [a, b] = [pair(x), pair(y)];
    return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0;
  });
  return near.map((k) => first.get(k));
}

function competencyName(model, cid) {
  const c = (model.competencies || []).find((x) => x.id === cid);
  return c ? c.name : cid;
}

/** The warnings of a panel (debrief.panel_warnings, then the round's similar_candidates). */
export function warnings(model, result, cards, otherCandidates = []) {
  const out = [];
  if (cards.length === 1) {
    out.push({ code: "single_interviewer", message: `Кандидата оценивал один интервьюер (${cards[0].interviewer}): итог держится на одном мнении. `
      + "Добавьте хотя бы ещё одного интервьюера, прежде чем решать." });
  }
  for (const card of cards) {
    for (const row of result.competencies) {
      const v = card.ratings[row.id];
      if (EXTREMES.includes(v) && !card.notes[row.id]) {
        out.push({ code: "extreme_without_note", message: `${card.interviewer}: оценка ${v} по компетенции «${competencyName(model, row.id)}» без заметки. `
          + "Крайняя оценка требует примера: попросите записать, что кандидат сказал или сделал." });
      }
    }
  }
  for (const other of similarNames(result.candidate, otherCandidates)) {
    out.push({ code: "similar_candidates", message: `Имя «${result.candidate}» почти совпадает с «${other}»: если это один человек, `
      + "исправьте имя в листах, иначе его оценки считаются как два разных кандидата." });
  }
  return out;
}

/**
 * The panel result with the debrief's additions, as `accountpath evaluate --format json`
 * prints it. `cards` are checked cards (cardcheck.checkCard); `otherCandidates` the other
 * candidates' names of the same round, for the similar_candidates warning.
 */
export function debrief(model, roleId, levelId, cards, otherCandidates = []) {
  const result = evaluate(model, roleId, levelId, cards);
  result.competencies = result.competencies.map((row) => ({
    ...row,
    interviewer_ratings: cards.map((c) => ({ interviewer: c.interviewer, rating: rated(c.ratings[row.id]) ? c.ratings[row.id] : null })),
    notes: cards.filter((c) => c.notes && c.notes[row.id]).map((c) => ({ interviewer: c.interviewer, text: c.notes[row.id] })),
  }));
  result.recommendations = cards.map((c) => ({ interviewer: c.interviewer, recommendation: c.recommendation || null }));
  result.takeaways = cards.filter((c) => c.takeaways).map((c) => ({ interviewer: c.interviewer, text: c.takeaways }));
  result.fragile = fragility(model, roleId, levelId, cards, result.recommendation);
  result.warnings = warnings(model, result, cards, otherCandidates);
  return result;
}

/** The fragility in words, one line per interviewer (report.fragility_lines). */
export function fragileLines(model, result) {
  return result.fragile.map((f) => `Итог зависит от оценок интервьюера ${f.without}: без них итог панели был бы «${verdictLabel(model, f.recommendation)}».`);
}

/**
 * Problems of a panel (cards.panel_problems): another candidate, role or level than the
 * first card, or one interviewer twice (names compared as Python does). [{index, message}].
 */
export function panelProblems(cards) {
  const out = [];
  if (!cards.length) return out;
  const first = cards[0];
  const seen = new Set();
  cards.forEach((card, index) => {
    if (nameKey(card.candidate) !== nameKey(first.candidate)) {
      out.push({ index, message: `кандидат «${card.candidate}», а в панели — «${first.candidate}»: один оценщик сводит листы одного кандидата` });
    }
    if (card.role !== first.role) out.push({ index, message: `роль «${card.role}», а в панели — «${first.role}»` });
    if (card.level !== first.level) out.push({ index, message: `уровень «${card.level}», а в панели — «${first.level}»` });
    const key = nameKey(card.interviewer);
    if (seen.has(key)) out.push({ index, message: `интервьюер «${card.interviewer}» уже оценил этого кандидата: один лист на интервьюера` });
    seen.add(key);
  });
  return out;
}
