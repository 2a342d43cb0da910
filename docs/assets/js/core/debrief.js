/* Account Path: the debrief on top of the method, a port of src/accountpath/debrief.py
   (and of the round's similar-name warning in rounds.py): the result of `accountpath
   evaluate --format json`, key for key and message for message. evaluate.js computes the
   verdict; this adds, without changing any existing key:
   - per competency `interviewer_ratings: [{interviewer, rating}]` and `notes: [{interviewer, text}]`;
   - top level `recommendations: [{interviewer, recommendation|null}]`, `takeaways:
     [{interviewer, text}]` (non-empty only);
   - `fragile: [{without, recommendation, gap, coverage, failed_must_haves, must_have_ratings}]`:
     the verdict recomputed without each interviewer in turn (when at least two remain), listed
     where it changes, with the must-haves whose pass or fail that changes ({id: mean|null});
   - `warnings: [{code, message}]`: single_interviewer, extreme_without_note (a 1 or 5 with
     no note), similar_candidates (other candidates of the round within edit distance 2 after
     normalising case, «ё» and spaces, with the same digits).
   The sentences of src/accountpath/debrief_text.py too (fragileLines, mustHaveStatus,
   boundaryLine), character for character. Pure: no DOM. */

import { EPS, evaluate, isHire, verdictLabel } from "./evaluate.js";
import { percentText } from "./messages.js";
import { editDistance, nameKey } from "./names.js";

const EXTREMES = [1, 5];
const MAX_DISTANCE = 2;

const rated = (v) => v !== null && v !== undefined;

/** The panel result recomputed without each interviewer, where the recommendation changes. */
export function fragility(model, roleId, levelId, cards, result) {
  const out = [];
  if (cards.length < 3) return out;
  cards.forEach((card, i) => {
    const alt = evaluate(model, roleId, levelId, cards.filter((_, k) => k !== i));
    if (alt.recommendation === result.recommendation) return;
    const changed = {};
    for (const row of alt.competencies) {
      if (row.must_have && result.failed_must_haves.includes(row.id) !== alt.failed_must_haves.includes(row.id)) changed[row.id] = row.rating;
    }
    out.push({ without: card.interviewer, recommendation: alt.recommendation, gap: alt.gap, coverage: alt.coverage,
      failed_must_haves: alt.failed_must_haves, must_have_ratings: changed });
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
  result.fragile = fragility(model, roleId, levelId, cards, result);
  result.warnings = warnings(model, result, cards, otherCandidates);
  return result;
}

const NEAR_BOUNDARY = 0.1;
const BAND_CODES = ["strong_hire", "hire", "no_hire"];
const two = (x) => x.toFixed(2).replace(".", ",");
const pct = percentText;
const short = (x) => String(Number(x.toFixed(2))).replace(".", ",");
const threshold = (model, target) => target - model.evaluation.must_have_tolerance;
const boundaries = (model) => BAND_CODES.map((code) => [model.evaluation.bands[code], code]);

/** A must-have's pass or fail against target − tolerance (debrief_text.must_have_status). */
export function mustHaveStatus(model, row, failed) {
  if (row.rating === null || row.rating === undefined) return "не оценивалась: в проверке обязательных не участвует";
  const limit = threshold(model, row.target);
  const tail = `${two(row.rating)} при пороге ${two(limit)} (цель ${row.target} − ${short(model.evaluation.must_have_tolerance)})`;
  if (failed) return `не проходит: ${tail}`;
  if (Math.abs(row.rating - limit) <= EPS) return `проходит ровно на пороге: ${tail}`;
  return `проходит: ${tail}`;
}

/** «Итог на границе: ...» when the weighted gap is within 0.1 of a band's boundary, else null (debrief_text.boundary_line). */
export function boundaryLine(model, result) {
  if (result.recommendation === "insufficient_data" || result.gap === null) return null;
  const capped = result.failed_must_haves.length > 0; // a failed must-have already caps the verdict below «hire»
  const near = boundaries(model).map(([b, code]) => [Math.abs(result.gap - b), b, code])
    .filter(([d, , code]) => d <= NEAR_BOUNDARY + EPS && !(capped && isHire(model, code)));
  if (!near.length) return null;
  near.sort((x, y) => x[0] - y[0] || x[1] - y[1] || (x[2] < y[2] ? -1 : x[2] > y[2] ? 1 : 0));
  const [, b, code] = near[0];
  return `Итог на границе: ${two(result.gap)} при пороге ${two(b)} (от ${two(b)} — «${verdictLabel(model, code)}»): одна оценка на балл выше или ниже `
    + "может изменить решение, обсудите спорные компетенции.";
}

function crossed(model, before, after) {
  let best = null;
  for (const [b] of boundaries(model)) {
    if ((before >= b - EPS) !== (after >= b - EPS) && (best === null || Math.abs(b - before) < Math.abs(best - before))) best = b;
  }
  return best;
}

function changes(model, result, f) {
  const rows = new Map(result.competencies.map((row) => [row.id, row]));
  const out = [];
  for (const [cid, rating] of Object.entries(f.must_have_ratings || {})) {
    const name = competencyName(model, cid);
    if (rating === null) {
      out.push(`«${name}» (обязательная) осталась бы без оценки`);
      continue;
    }
    const limit = two(threshold(model, rows.get(cid).target));
    const verb = (f.failed_must_haves || []).includes(cid) ? "опустилась" : "поднялась";
    out.push(`«${name}» (обязательная) ${verb} бы до ${two(rating)} при пороге ${limit}`);
  }
  if (f.gap !== null && f.gap !== undefined && result.gap !== null && f.recommendation !== "insufficient_data") {
    const b = crossed(model, result.gap, f.gap);
    if (b !== null) out.push(`средневзвешенное отклонение от цели стало бы ${two(f.gap)} при пороге ${two(b)}`);
  }
  if (f.recommendation === "insufficient_data" && result.recommendation !== "insufficient_data") {
    out.push(`оценено было бы ${pct(f.coverage)} веса роли при минимуме ${pct(model.evaluation.min_coverage)}`);
  }
  return out;
}

/** The fragility in words, one line per interviewer (debrief_text.fragility_lines). */
export function fragileLines(model, result) {
  const lines = result.fragile.map((f) => {
    const more = changes(model, result, f);
    return `Итог держится на листе одного интервьюера (${f.without}): без него итог был бы «${verdictLabel(model, f.recommendation)}»`
      + (more.length ? ` — ${more.join("; ")}` : "") + ".";
  });
  if (!lines.length && result.interviewers.length >= 3) lines.push("Итог устойчив: без любого одного интервьюера он остаётся тем же.");
  return lines;
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
