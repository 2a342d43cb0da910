/* Account Path: the evaluation method in the browser, a digit-for-digit port of
   src/accountpath/evaluate.py (the scorecard checks are cardcheck.js, the debrief debrief.js).
   Pure functions, no DOM, no I/O: the evaluator and self-assessment pages import them,
   and the browser tests feed them tests/vectors/evaluate.json.

   The model is the compact one of assets/data/model.json (pages.site_data): {vocab,
   evaluation, roles: [{id, competencies: [{id, weight, must_have}], levels: [{id, targets}]}]}
   (names and behaviours are optional here). `vocab` is accountpath.vocab.browser_vocab():
   verdicts and their labels, card keys, not-assessed spellings... defined once in Python,
   never restated here. */

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

function recommend(ev, hireVerdicts, coverage, gap, failed) {
  if (gap === null || coverage < ev.min_coverage - EPS) return "insufficient_data";
  const bands = ev.bands;
  let rec;
  if (gap >= bands.strong_hire - EPS) rec = "strong_hire";
  else if (gap >= bands.hire - EPS) rec = "hire";
  else if (gap >= bands.no_hire - EPS) rec = "no_hire";
  else rec = "strong_no_hire";
  if (failed && hireVerdicts.includes(rec)) rec = "no_hire";
  return rec;
}

/**
 * Gap, coverage, failed must-haves and recommendation of fixed mean ratings at one level
 * (evaluate._at_level). `means` is a Map competency id -> mean rating (rated ones only).
 */
export function atLevel(model, role, level, means) {
  const tol = model.evaluation.must_have_tolerance;
  let total = 0;
  for (const rc of role.competencies) total += rc.weight;
  let ratedWeight = 0;
  let weighted = 0.0;
  const failed = [];
  for (const rc of role.competencies) {
    if (!means.has(rc.id)) continue;
    const target = level.targets[rc.id];
    const mean = means.get(rc.id);
    ratedWeight += rc.weight;
    weighted += rc.weight * (mean - target);
    if (rc.must_have && mean < target - tol - EPS) failed.push(rc.id);
  }
  const coverage = total ? ratedWeight / total : 0.0;
  const gap = ratedWeight ? weighted / ratedWeight : null;
  return {
    coverage,
    gap,
    failed_must_haves: failed,
    recommendation: recommend(model.evaluation, model.vocab.hire_verdicts, coverage, gap, failed.length > 0),
  };
}

function isRating(v) {
  return v !== null && v !== undefined;
}

/**
 * The panel result in the JSON contract's shape, key order included (evaluate.evaluate).
 * `scorecards` are filled scorecard objects ({candidate, interviewer, ratings: {id: 1..5|null}}),
 * already checked; their order is the interviewers' order.
 */
export function evaluate(model, roleId, levelId, scorecards) {
  const role = findRole(model, roleId);
  const level = findLevel(role, levelId);
  if (!role || !level) throw new Error(`unknown role or level: ${roleId}/${levelId}`);
  const spreadFlag = model.evaluation.disagreement_spread;
  const means = new Map();
  const rows = [];
  for (const rc of role.competencies) {
    const ratings = [];
    for (const card of scorecards) {
      const v = card.ratings ? card.ratings[rc.id] : undefined;
      if (isRating(v)) ratings.push(v);
    }
    const target = level.targets[rc.id];
    if (ratings.length) {
      let sum = 0;
      for (const v of ratings) sum += v;
      const mean = sum / ratings.length;
      means.set(rc.id, mean);
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
  const here = atLevel(model, role, level, means);
  let best = null;
  for (const lv of role.levels) {
    if (isHire(model, atLevel(model, role, lv, means).recommendation)) best = lv.id;
  }
  return {
    candidate: scorecards.length ? scorecards[0].candidate : "",
    role: role.id,
    level: level.id,
    interviewers: scorecards.map((c) => c.interviewer),
    coverage: round2(here.coverage),
    gap: round2(here.gap),
    recommendation: here.recommendation,
    failed_must_haves: here.failed_must_haves,
    best_fit_level: best,
    competencies: rows,
  };
}

/** The result as the CLI prints it with --format json (json.dumps indent=2 plus a newline). */
export function resultJson(result) {
  return JSON.stringify(result, null, 2) + "\n";
}

/**
 * Self-assessment against one role: for each level (model order) the method's result of
 * the person's own ratings ({id: 1..5|null}); `met` when it gives hire or strong_hire.
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
