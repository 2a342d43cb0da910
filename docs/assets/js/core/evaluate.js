// @ts-check
/* Account Path: the evaluation method in the browser, a digit-for-digit port of
   src/accountpath/evaluate.py (the scorecard checks are cardcheck.js, the debrief debrief.js).
   Pure functions, no DOM, no I/O: the evaluator and self-assessment pages import them,
   and the browser tests feed them tests/vectors/evaluate.json.

   The model is the compact one of assets/data/model.json (pages.site_data): {vocab,
   evaluation, roles: [{id, competencies: [{id, weight, must_have}], levels: [{id, targets}]}]}
   (names and behaviours are optional here). `vocab` is accountpath.vocab.browser_vocab():
   verdicts and their labels, card keys, not-assessed spellings... defined once in Python,
   never restated here. */

import { render } from "./messages.js";

/** Comparisons tolerate float noise, so a gap of exactly 0 is `hire` in Python and JS alike. */
export const EPS = 1e-9;

/** The label of a verdict code (vocab.verdict_labels of model.json). */
export function verdictLabel(model, code) {
  return model.vocab.verdict_labels[code];
}

/** True when a verdict means «hire» (vocab.hire_verdicts). */
export function isHire(model, code) {
  return model.vocab.hire_verdicts.includes(code);
}

/**
 * Round half away from zero to 2 decimals, written with floor exactly as in Python,
 * so both give the same digits (JSON prints 3 for 3.0 in both languages).
 * @param {number|null} x
 * @returns {number|null}
 */
export function round2(x) {
  if (x === null || x === undefined) return null;
  const sign = x < 0 ? -1 : 1;
  const r = sign * Math.floor(Math.abs(x) * 100 + 0.5 + EPS) / 100;
  return r === 0 ? 0 : r; // never -0
}

/** The role with this id, or null. */
export function findRole(model, roleId) {
  return (model.roles || []).find((r) => r.id === roleId) || null;
}

/** The level with this id of a role, or null. */
export function findLevel(role, levelId) {
  return role ? (role.levels || []).find((lv) => lv.id === levelId) || null : null;
}

/** "hire" for the hire verdicts, "no_hire" for the no-hire ones, null otherwise (evaluate.side). */
export function side(model, code) {
  if (model.vocab.hire_verdicts.includes(code)) return "hire";
  if (model.vocab.no_hire_verdicts.includes(code)) return "no_hire";
  return null;
}

/**
 * The verdict of a gap with a band of ±tol around each boundary (tol 0: the knife edge); evaluate._recommend.
 * `below`: some rated competency is under its target; without one, a gap at or above the hire boundary is a hire.
 */
function recommend(ev, hireVerdicts, coverage, gap, failed, tol, below = true) {
  if (gap === null || coverage < ev.min_coverage - EPS) return "insufficient_data";
  const bands = ev.bands;
  let rec;
  if (gap >= bands.strong_hire + tol - EPS) rec = "strong_hire";
  else if (gap >= bands.hire + tol - EPS) rec = "hire";
  else if (tol > 0 && gap > bands.hire - tol + EPS) rec = !below && gap >= bands.hire - EPS ? "hire" : "not_ready";
  else if (gap >= bands.no_hire - tol - EPS) rec = "no_hire";
  else rec = "strong_no_hire";
  if (failed && (hireVerdicts.includes(rec) || rec === "not_ready")) rec = "no_hire";
  return rec;
}

/**
 * Gap, coverage, failed must-haves, recommendation (the band applied) and leaning (the knife edge)
 * of fixed mean ratings at one level (evaluate._at_level). `means` is a Map competency id -> mean rating.
 */
export function atLevel(model, role, level, means) {
  const tol = model.evaluation.must_have_tolerance;
  let total = 0;
  for (const rc of role.competencies) total += rc.weight;
  let ratedWeight = 0;
  let weighted = 0.0;
  const failed = [];
  let below = false;
  for (const rc of role.competencies) {
    if (!means.has(rc.id)) continue;
    const target = level.targets[rc.id];
    const mean = means.get(rc.id);
    below = below || mean < target - EPS;
    ratedWeight += rc.weight;
    weighted += rc.weight * (mean - target);
    if (rc.must_have && mean < target - tol - EPS) failed.push(rc.id);
  }
  const coverage = total ? ratedWeight / total : 0.0;
  const gap = ratedWeight ? weighted / ratedWeight : null;
  const ev = model.evaluation;
  const hv = model.vocab.hire_verdicts;
  return {
    coverage,
    gap,
    failed_must_haves: failed,
    recommendation: recommend(ev, hv, coverage, gap, failed.length > 0, ev.tolerance || 0, below),
    leaning: recommend(ev, hv, coverage, gap, failed.length > 0, 0),
  };
}

function isRating(v) {
  return v !== null && v !== undefined;
}

function ratedList(cards, cid) {
  const out = [];
  for (const card of cards) {
    const v = card.ratings ? card.ratings[cid] : undefined;
    if (isRating(v)) out.push(v);
  }
  return out;
}

function ratersOf(cards, cid) {
  return cards.filter((c) => isRating(c.ratings ? c.ratings[cid] : undefined)).map((c) => c.interviewer);
}

/** Mean rating of each rated competency of the role (evaluate.means_of). */
export function meansOf(role, cards) {
  const means = new Map();
  for (const rc of role.competencies) {
    const ratings = ratedList(cards, rc.id);
    if (ratings.length) means.set(rc.id, ratings.reduce((a, b) => a + b, 0) / ratings.length);
  }
  return means;
}

/** The highest level whose verdict is a hire; at the vacancy's level or below a gap inside the band counts (evaluate.best_fit). */
function bestFit(model, role, level, means) {
  let best = null;
  const top = role.levels.indexOf(level);
  role.levels.forEach((lv, i) => {
    const verdict = atLevel(model, role, lv, means).recommendation;
    if (isHire(model, verdict) || (verdict === "not_ready" && i <= top)) best = lv.id;
  });
  return best;
}

/** The competencies card i rated that someone else rated too (evaluate.shared_by). */
export function sharedBy(cards, i) {
  const others = new Set();
  cards.forEach((c, j) => {
    if (j === i) return;
    for (const [cid, v] of Object.entries(c.ratings || {})) if (isRating(v)) others.add(cid);
  });
  return Object.entries(cards[i].ratings || {}).filter(([cid, v]) => isRating(v) && others.has(cid)).map(([cid]) => cid);
}

/** The panel with card i's shared ratings left out (evaluate.without_shared). */
export function withoutShared(cards, i) {
  const shared = new Set(sharedBy(cards, i));
  const ratings = {};
  for (const [cid, v] of Object.entries(cards[i].ratings || {})) if (!shared.has(cid)) ratings[cid] = v;
  return cards.map((c, j) => (j === i ? { ...c, ratings } : c));
}

/** [[i, base result without card i's shared ratings]] for each interviewer who shares a competency (evaluate.leave_one_out). */
export function leaveOneOut(model, role, level, cards) {
  const out = [];
  if (cards.length < 2) return out;
  cards.forEach((_card, i) => {
    if (sharedBy(cards, i).length) out.push([i, atLevel(model, role, level, meansOf(role, withoutShared(cards, i)))]);
  });
  return out;
}

function compName(model, cid) {
  const c = (model.competencies || []).find((x) => x.id === cid);
  return c ? c.name : cid;
}

const reason = (code, params) => ({ code, params });

function nearBoundary(model, role, level, cards, here) {
  const rows = [];
  role.competencies.forEach((rc, i) => {
    const ratings = ratedList(cards, rc.id);
    if (!ratings.length) return;
    const mean = ratings.reduce((a, b) => a + b, 0) / ratings.length;
    const sway = (rc.weight * (Math.abs(mean - level.targets[rc.id]) + Math.max(...ratings) - Math.min(...ratings))) / Math.sqrt(ratings.length);
    rows.push([-Math.round(sway * 1e6) / 1e6, -rc.weight, ratings.length, i, rc]);
  });
  rows.sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2] || a[3] - b[3]);
  const rc = rows[0][4];
  const who = ratersOf(cards, rc.id);
  const ratings = ratedList(cards, rc.id);
  return reason("near_boundary", {
    gap: round2(here.gap), boundary: round2(model.evaluation.bands.hire), tolerance: round2(model.evaluation.tolerance || 0),
    leaning: here.leaning, competency: rc.id, competency_name: compName(model, rc.id),
    raters: who.map((n, k) => `${n} — ${ratings[k]}`).join(", "),
  });
}

function oneDecides(model, role, level, cards, here, now) {
  const out = [];
  for (const [i, alt] of leaveOneOut(model, role, level, cards)) {
    const s = side(model, alt.recommendation);
    if (s === null || s === now) continue;
    const shared = new Set(sharedBy(cards, i));
    out.push(reason("one_interviewer_decides", {
      interviewer: cards[i].interviewer,
      verdict: side(model, here.recommendation) ? here.recommendation : here.leaning,
      without: alt.recommendation,
      competencies: role.competencies.filter((rc) => shared.has(rc.id)).map((rc) => `«${compName(model, rc.id)}»`).join(", "),
    }));
  }
  return out;
}

function decides(model, role, level, cards, cid) {
  const means = meansOf(role, cards);
  const ratings = ratedList(cards, cid);
  const sides = new Set([Math.min(...ratings), Math.max(...ratings)].map((x) => {
    const m = new Map(means);
    m.set(cid, x);
    return side(model, atLevel(model, role, level, m).recommendation);
  }));
  return sides.size === 2 && sides.has("hire") && sides.has("no_hire");
}

function mustHaveDoubts(model, role, level, cards) {
  const out = [];
  const spread = model.evaluation.disagreement_spread;
  for (const rc of role.competencies) {
    if (!rc.must_have) continue;
    const ratings = ratedList(cards, rc.id);
    const who = ratersOf(cards, rc.id);
    const wide = ratings.length >= 2 && Math.max(...ratings) - Math.min(...ratings) >= spread - EPS;
    if (wide && decides(model, role, level, cards, rc.id)) {
      out.push(reason("must_have_disagreement", {
        competency: rc.id, competency_name: compName(model, rc.id),
        ratings: who.map((n, k) => `${n} — ${ratings[k]}`).join(", "), spread: Math.max(...ratings) - Math.min(...ratings),
      }));
    }
    if (cards.length >= 2 && ratings.length === 1) {
      out.push(reason("must_have_single_rater", { competency: rc.id, competency_name: compName(model, rc.id), interviewer: who[0] }));
    }
  }
  return out;
}

function onePoint(model, role, level, cards, rc, now) {
  for (let i = 0; i < cards.length; i++) {
    const v = cards[i].ratings ? cards[i].ratings[rc.id] : undefined;
    if (!isRating(v)) continue;
    for (const to of [v - 1, v + 1]) {
      if (to < 1 || to > 5) continue;
      const moved = cards.map((c, j) => (j === i ? { ...c, ratings: { ...c.ratings, [rc.id]: to } } : c));
      const after = atLevel(model, role, level, meansOf(role, moved)).recommendation;
      const s = side(model, after);
      if (s !== null && s !== now) {
        return reason("must_have_one_point", {
          competency: rc.id, competency_name: compName(model, rc.id), interviewer: cards[i].interviewer, rating: v, to, verdict: after,
        });
      }
    }
  }
  return null;
}

function unratedFocus(model, role, cards) {
  const out = [];
  for (const rc of role.competencies) {
    const planned = cards.filter((c) => (c.focus || []).includes(rc.id)).map((c) => c.interviewer);
    if (planned.length && !ratersOf(cards, rc.id).length) {
      out.push(reason("unrated_focus", { competency: rc.id, competency_name: compName(model, rc.id), interviewers: planned.join(", ") }));
    }
  }
  return out;
}

/** Why the panel's verdict is not ready: [{code, params}] (evaluate.not_ready_reasons). */
export function notReadyReasons(model, role, level, cards, here) {
  const out = [];
  const now = side(model, here.recommendation) || side(model, here.leaning);
  if (here.recommendation === "not_ready") out.push(nearBoundary(model, role, level, cards, here));
  if (now !== null) out.push(...oneDecides(model, role, level, cards, here, now));
  out.push(...mustHaveDoubts(model, role, level, cards));
  if (now !== null) {
    for (const rc of role.competencies) {
      if (!rc.must_have) continue;
      const moved = onePoint(model, role, level, cards, rc, now);
      if (moved) out.push(moved);
    }
  }
  return out.concat(unratedFocus(model, role, cards));
}

/**
 * The panel result in the JSON contract's shape, key order included (evaluate.evaluate).
 * `scorecards` are filled scorecard objects ({candidate, interviewer, ratings: {id: 1..5|null}, focus}),
 * already checked; their order is the interviewers' order.
 */
export function evaluate(model, roleId, levelId, scorecards) {
  const role = findRole(model, roleId);
  const level = findLevel(role, levelId);
  if (!role || !level) throw new Error(`unknown role or level: ${roleId}/${levelId}`);
  const spreadFlag = model.evaluation.disagreement_spread;
  const rows = [];
  for (const rc of role.competencies) {
    const ratings = ratedList(scorecards, rc.id);
    const target = level.targets[rc.id];
    if (ratings.length) {
      let sum = 0;
      for (const v of ratings) sum += v;
      const mean = sum / ratings.length;
      const spread = Math.max(...ratings) - Math.min(...ratings);
      rows.push({
        id: rc.id, weight: rc.weight, must_have: rc.must_have, target,
        ratings: ratings.slice(), rating: round2(mean), gap: round2(mean - target),
        spread, disagreement: spread >= spreadFlag - EPS,
      });
    } else {
      rows.push({
        id: rc.id, weight: rc.weight, must_have: rc.must_have, target,
        ratings: [], rating: null, gap: null, spread: null, disagreement: false,
      });
    }
  }
  const means = meansOf(role, scorecards);
  const here = atLevel(model, role, level, means);
  const reasons = here.recommendation !== "insufficient_data" ? notReadyReasons(model, role, level, scorecards, here) : [];
  const verdict = reasons.length ? "not_ready" : here.recommendation;
  return {
    candidate: scorecards.length ? scorecards[0].candidate : "",
    role: role.id,
    level: level.id,
    interviewers: scorecards.map((c) => c.interviewer),
    coverage: round2(here.coverage),
    gap: round2(here.gap),
    recommendation: verdict,
    failed_must_haves: here.failed_must_haves,
    best_fit_level: bestFit(model, role, level, means),
    competencies: rows,
    ready: verdict !== "not_ready" && verdict !== "insufficient_data",
    not_ready: reasons,
    leaning: here.leaning,
  };
}

/** The result as the CLI prints it with --format json (json.dumps indent=2 plus a newline). */
export function resultJson(result, model = null) {
  return JSON.stringify(withMessages(model, result), null, 2) + "\n";
}

/** The similar_candidates warning's sentence: one other name, or the listed ones and how many more (debrief_text.similar_message). */
export function similarMessage(table, params) {
  const others = params.others || [];
  const candidate = params.candidate ?? "";
  if (others.length === 1 && !params.more) return render(table, "warning.similar-candidates", { candidate, other: others[0] });
  const more = params.more ? { code: "warning.similar-candidates-more", params: { n: params.more } } : "";
  const listed = others.map((name) => render(table, "warning.similar-candidates-name", { name })).join(", ");
  return render(table, "warning.similar-candidates-many", { candidate, others: listed, more });
}

/** The sentence of a warning: rendered from its code and params, or the one it carries (debrief_text.warning_text). */
export function warningText(model, w) {
  if (w.code === "similar_candidates" && w.params) return similarMessage(model ? model.messages : null, w.params);
  if (w.params) return render(model ? model.messages : null, `warning.${w.code.replace(/_/g, "-")}`, w.params);
  return w.message || w.code;
}

/** The result for JSON output: each warning gains its rendered `message` (debrief_text.with_messages). */
export function withMessages(model, result) {
  if (!result || !Array.isArray(result.warnings)) return result;
  return { ...result, warnings: result.warnings.map((w) => ("message" in w ? w : { ...w, message: warningText(model, w) })) };
}

/**
 * Self-assessment against one role: for each level (model order) the method's result of
 * the person's own ratings ({id: 1..5|null}); `met` when it gives hire or strong_hire, or a gap
 * inside the tolerance band of the hire boundary (on target counts as met).
 * `next` is the first level above the highest met one (null when the top is met), with
 * its gaps (rating below target, or not rated) heaviest first, ties in model order.
 */
export function selfProfile(model, roleId, ratings) {
  const role = findRole(model, roleId);
  if (!role) throw new Error(`unknown role: ${roleId}`);
  const means = new Map();
  for (const rc of role.competencies) {
    const v = ratings[rc.id];
    if (isRating(v)) means.set(rc.id, v);
  }
  const levels = role.levels.map((lv) => {
    const r = atLevel(model, role, lv, means);
    return {
      id: lv.id,
      coverage: round2(r.coverage),
      gap: round2(r.gap),
      recommendation: r.recommendation,
      failed_must_haves: r.failed_must_haves,
      met: isHire(model, r.recommendation),
    };
  });
  let highest = -1;
  levels.forEach((lv, i) => { if (lv.met) highest = i; });
  const nextIndex = highest + 1 < role.levels.length ? highest + 1 : -1;
  let next = null;
  if (nextIndex >= 0) {
    const lv = role.levels[nextIndex];
    const gaps = role.competencies
      .map((rc, order) => ({ rc, order }))
      .filter(({ rc }) => !means.has(rc.id) || means.get(rc.id) < lv.targets[rc.id])
      .sort((a, b) => b.rc.weight - a.rc.weight || a.order - b.order)
      .map(({ rc }) => ({
        id: rc.id, weight: rc.weight, must_have: rc.must_have, target: lv.targets[rc.id],
        rating: means.has(rc.id) ? means.get(rc.id) : null,
        gap: means.has(rc.id) ? means.get(rc.id) - lv.targets[rc.id] : null,
      }));
    next = { id: lv.id, index: nextIndex, gaps };
  }
  return { role: role.id, levels, highest: highest >= 0 ? role.levels[highest].id : null, next };
}
