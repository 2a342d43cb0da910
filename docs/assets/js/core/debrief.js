// @ts-check
/* Account Path: the debrief on top of the method, a port of src/accountpath/method/debrief.py
   (and of the round's similar-name warning in rounds.py) and of render/debrief_text.py: the
   result of `accountpath evaluate --format json`, key for key and message for message.
   evaluate.js computes the verdict (with `ready`, `not_ready`, `leaning`); this adds, without
   changing any existing key:
   - per competency `interviewer_ratings: [{interviewer, rating}]` and `notes: [{interviewer, text}]`;
   - top level `recommendations: [{interviewer, recommendation|null}]`, `takeaways:
     [{interviewer, text}]` (non-empty only);
   - `fragile: [{without, recommendation, gap, coverage, failed_must_haves, must_have_ratings}]`:
     the verdict before the not-ready checks recomputed without each interviewer's ratings that
     someone else also gave (panels of two included), listed where it changes;
   - `warnings: [{code, params}]`: single_interviewer, missing_recommendation, unrated_focus,
     extreme_without_note (a 1 or 5 with no note), thin_note (one per interviewer: the
     competencies rated 2+ from the target whose note names no example), and similar_candidates
     ({code, params: {candidate, others, more}}, as rounds.similar_warning gives it).
   Every sentence (fragileLines, mustHaveStatus, boundaryLine, readinessLines, warning texts)
   is a code of model.json's `messages` rendered with core/messages.js: no sentence lives here. Pure: no DOM. */

import { EPS, atLevel, evaluate, findLevel, findRole, leaveOneOut, meansOf, round2, verdictLabel, warningText, withoutShared } from "./evaluate.js";
import { percentText, render } from "./messages.js";
import { editDistance, nameKey } from "./names.js";

const EXTREMES = [1, 5];
const THIN_DISTANCE = 2;
const PAST = ["л", "ла", "ло", "ли", "лся", "лась", "лось", "лись"];
const MAX_DISTANCE = 2;
const SHOWN_SIMILAR = 5; // rounds.SHOWN_SIMILAR: how many other similar names one warning lists

const rated = (v) => v !== null && v !== undefined;

/** The thin-note rule (debrief.names_an_example): a number, «клиент» / "client", or a past-tense verb (4+ letters ending in -л, -ла, ...). */
export function namesAnExample(note) {
  const text = String(note).toLowerCase();
  if (/\p{Nd}/u.test(text) || text.includes("клиент") || text.includes("client")) return true;
  return (text.match(/\p{L}+/gu) || []).some((w) => w.length >= 4 && PAST.some((end) => w.endsWith(end)));
}

/** The base verdict recomputed without each interviewer's shared ratings, where it changes (debrief.fragility). */
export function fragility(model, roleId, levelId, cards) {
  const role = findRole(model, roleId);
  const level = findLevel(role, levelId);
  if (!role || !level) return [];
  const here = atLevel(model, role, level, meansOf(role, cards));
  const out = [];
  for (const [i, alt] of leaveOneOut(model, role, level, cards)) {
    if (alt.recommendation === here.recommendation) continue;
    const means = meansOf(role, withoutShared(cards, i));
    const changed = {};
    for (const rc of role.competencies) {
      if (rc.must_have && here.failed_must_haves.includes(rc.id) !== alt.failed_must_haves.includes(rc.id)) {
        changed[rc.id] = means.has(rc.id) ? round2(means.get(rc.id)) : null;
      }
    }
    out.push({ without: cards[i].interviewer, recommendation: alt.recommendation, gap: round2(alt.gap), coverage: round2(alt.coverage),
      failed_must_haves: alt.failed_must_haves, must_have_ratings: changed });
  }
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
  if (cards.length === 1) out.push({ code: "single_interviewer", params: { interviewer: cards[0].interviewer } });
  const level = findLevel(findRole(model, result.role), result.level);
  for (const card of cards) {
    if (!card.recommendation) out.push({ code: "missing_recommendation", params: { interviewer: card.interviewer } });
    const thin = [];
    for (const row of result.competencies) {
      const v = card.ratings[row.id];
      const note = (card.notes && card.notes[row.id]) || "";
      const name = competencyName(model, row.id);
      if ((card.focus || []).includes(row.id) && !rated(v)) {
        out.push({ code: "unrated_focus", params: { interviewer: card.interviewer, competency: row.id, competency_name: name } });
      }
      if (!rated(v)) continue;
      const target = level ? level.targets[row.id] : undefined;
      if (EXTREMES.includes(v) && !note) {
        out.push({ code: "extreme_without_note", params: { interviewer: card.interviewer, rating: v, competency: row.id, competency_name: name } });
      } else if (target !== undefined && Math.abs(v - target) >= THIN_DISTANCE && !namesAnExample(note)) {
        thin.push({ competency: row.id, competency_name: name, rating: v, target });
      }
    }
    if (thin.length) out.push({ code: "thin_note", params: { interviewer: card.interviewer, competencies: thin } });
  }
  const similar = similarNames(result.candidate, otherCandidates).sort((a, b) => (nameKey(a) < nameKey(b) ? -1 : nameKey(a) > nameKey(b) ? 1 : 0));
  if (similar.length) {
    out.push({ code: "similar_candidates", params: { candidate: result.candidate, others: similar.slice(0, SHOWN_SIMILAR), more: Math.max(similar.length - SHOWN_SIMILAR, 0) } });
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
  result.fragile = fragility(model, roleId, levelId, cards);
  result.warnings = warnings(model, result, cards, otherCandidates);
  return result;
}

const BAND_CODES = ["strong_hire", "hire", "no_hire"];
const VERDICT_PARAMS = ["leaning", "verdict", "without"];
const two = (x) => x.toFixed(2).replace(".", ",");
const pct = percentText;
const short = (x) => String(Number(x.toFixed(2))).replace(".", ",");
const threshold = (model, target) => target - model.evaluation.must_have_tolerance;
const boundaries = (model) => BAND_CODES.map((code) => [model.evaluation.bands[code], code]);
const say = (model, code, params = {}) => render(model.messages, code, params);

/** A must-have's pass or fail against target − tolerance (debrief_text.must_have_status). */
export function mustHaveStatus(model, row, failed) {
  if (row.rating === null || row.rating === undefined) return say(model, "debrief.must-have.unrated");
  const limit = threshold(model, row.target);
  const args = { rating: two(row.rating), limit: two(limit), target: row.target, tol: short(model.evaluation.must_have_tolerance) };
  if (failed) return say(model, "debrief.must-have.failed", args);
  if (Math.abs(row.rating - limit) <= EPS) return say(model, "debrief.must-have.on-threshold", args);
  return say(model, "debrief.must-have.passed", args);
}

/** Where the gap sits against the hire / no-hire boundary and its band, or null (debrief_text.boundary_line). */
export function boundaryLine(model, result) {
  if (result.gap === null || result.recommendation === "insufficient_data" || result.failed_must_haves.length) return null;
  const args = { gap: two(result.gap), limit: two(model.evaluation.bands.hire), tolerance: two(model.evaluation.tolerance || 0) };
  const inside = (result.not_ready || []).some((x) => x.code === "near_boundary");
  return say(model, inside ? "debrief.boundary.inside" : "debrief.boundary.outside", args);
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
      out.push(say(model, "debrief.fragile.unrated", { name }));
      continue;
    }
    const args = { name, rating: two(rating), limit: two(threshold(model, rows.get(cid).target)) };
    out.push(say(model, (f.failed_must_haves || []).includes(cid) ? "debrief.fragile.fell" : "debrief.fragile.rose", args));
  }
  if (f.gap !== null && f.gap !== undefined && result.gap !== null && f.recommendation !== "insufficient_data") {
    const b = crossed(model, result.gap, f.gap);
    if (b !== null) out.push(say(model, "debrief.fragile.gap", { gap: two(f.gap), limit: two(b) }));
  }
  if (f.recommendation === "insufficient_data" && result.recommendation !== "insufficient_data") {
    out.push(say(model, "debrief.fragile.coverage", { done: pct(f.coverage), need: pct(model.evaluation.min_coverage) }));
  }
  return out;
}

/** The fragility in words, one line per interviewer (debrief_text.fragility_lines). */
export function fragileLines(model, result) {
  const lines = result.fragile.map((f) => {
    const more = changes(model, result, f);
    return say(model, "debrief.fragile.head", { name: f.without, label: verdictLabel(model, f.recommendation) })
      + (more.length ? ` — ${more.join("; ")}` : "") + ".";
  });
  if (!lines.length && result.interviewers.length >= 3) lines.push(say(model, "debrief.fragile.stable"));
  return lines;
}

/** A reason's parameters plus the label of each verdict code among them (debrief_text.with_labels). */
function withLabels(model, params) {
  const out = { ...params };
  for (const key of VERDICT_PARAMS) if (typeof params[key] === "string") out[`${key}_label`] = verdictLabel(model, params[key]);
  return out;
}

/** One not-ready reason as a sentence with what to do (debrief_text.reason_text). */
export function reasonText(model, reason) {
  return say(model, `not-ready.${reason.code.replace(/_/g, "-")}`, withLabels(model, reason.params || {}));
}

/** The lines under the verdict: why it is not ready and what to do, or that it is ready (debrief_text.readiness_lines). */
export function readinessLines(model, result) {
  if (result.recommendation === "insufficient_data") return [];
  const reasons = result.not_ready || [];
  if (!reasons.length) return [say(model, "debrief.ready")];
  const lead = result.leaning ? [say(model, "debrief.leaning", { label: verdictLabel(model, result.leaning) })] : [];
  return lead.concat(reasons.map((x) => reasonText(model, x)), [say(model, "debrief.not-ready-deadline")]);
}

/** The sentence of a warning (debrief_text.warning_text). */
export function warningLine(model, w) {
  return warningText(model, w);
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
