/* Account Path: the evaluator's state and how it is kept: interviewers with their ratings,
   notes, recommendation, take-aways, plan focus and questions, and whether each marked
   their card done; the snapshot stored in localStorage only after «save on this device». */

import { checkCard, ratingValue } from "../core/cardcheck.js";
import { findLevel, findRole } from "../core/evaluate.js";
import { nameKey, squashSpaces } from "../core/names.js";

let nextId = 1;

/** A new interviewer tab. */
export function freshInterviewer(name, extra = {}) {
  return {
    id: nextId++, name, ratings: {}, notes: {}, overall: "", recommendation: null, takeaways: "",
    focus: [], questions: [], done: false, ...extra,
  };
}

/** An empty evaluator for the first role of the model. */
export function blankState(model) {
  const role = model.roles[0];
  return {
    role: role.id, level: role.levels[0].id, candidate: "", date: "",
    interviewers: [freshInterviewer("Интервьюер 1")], active: 0, save: false, showAll: false, others: [], handover: false, chairCode: "",
  };
}

/** Whether an interviewer has entered anything. */
export function hasInput(iv) {
  return Object.keys(iv.ratings).length > 0 || Object.values(iv.notes).some((t) => t.trim())
    || iv.overall.trim() !== "" || !!iv.recommendation || iv.takeaways.trim() !== "";
}

/** The state as stored (version 2). */
export function snapshot(state) {
  return {
    version: 2, role: state.role, level: state.level, candidate: state.candidate, date: state.date,
    active: state.active, showAll: state.showAll, others: state.others, handover: !!state.handover, chairCode: state.chairCode || "",
    interviewers: state.interviewers.map((iv) => ({
      name: iv.name, ratings: iv.ratings, notes: iv.notes, overall: iv.overall, recommendation: iv.recommendation,
      takeaways: iv.takeaways, focus: iv.focus, questions: iv.questions, done: iv.done,
    })),
  };
}

function restoreInterviewer(model, iv) {
  const str = (v) => (typeof v === "string" ? v : "");
  const list = (v) => (Array.isArray(v) ? v.filter((x) => typeof x === "string") : []);
  const out = freshInterviewer(str(iv && iv.name));
  for (const [cid, v] of Object.entries((iv && iv.ratings) || {})) {
    const r = ratingValue(model.vocab, v);
    if (!r.reason) out.ratings[cid] = r.value;
  }
  for (const [cid, t] of Object.entries((iv && iv.notes) || {})) if (typeof t === "string") out.notes[cid] = t;
  out.overall = str(iv && iv.overall);
  out.recommendation = typeof (iv && iv.recommendation) === "string" ? iv.recommendation : null;
  out.takeaways = str(iv && iv.takeaways);
  out.focus = list(iv && iv.focus);
  out.questions = list(iv && iv.questions);
  out.done = !!(iv && iv.done) || (iv && iv.done === undefined && hasInput(out));
  return out;
}

/** A stored snapshot back as state, or null when it does not fit the model. */
export function restore(model, saved) {
  if (!saved || (saved.version !== 1 && saved.version !== 2) || !Array.isArray(saved.interviewers) || !saved.interviewers.length) return null;
  const r = findRole(model, saved.role);
  if (!r || !findLevel(r, saved.level)) return null;
  const str = (v) => (typeof v === "string" ? v : "");
  const interviewers = saved.interviewers.map((iv) => restoreInterviewer(model, iv));
  const active = Number.isInteger(saved.active) && saved.active < interviewers.length ? saved.active : 0;
  return {
    role: r.id, level: saved.level, candidate: str(saved.candidate), date: str(saved.date), interviewers, active,
    save: true, showAll: !!saved.showAll, handover: !!saved.handover, chairCode: typeof saved.chairCode === "string" ? saved.chairCode : "", others: Array.isArray(saved.others) ? saved.others.filter((x) => typeof x === "string") : [],
  };
}

/** The interviewers' cards as the CLI reads them (checked, clean), in tab order. */
export function cardsOf(model, state, indices) {
  const role = findRole(model, state.role);
  return indices.map((i) => {
    const iv = state.interviewers[i];
    const ratings = {};
    const notes = {};
    for (const rc of role.competencies) {
      const v = iv.ratings[rc.id];
      ratings[rc.id] = v === undefined ? null : v;
      if (iv.notes[rc.id] && iv.notes[rc.id].trim()) notes[rc.id] = iv.notes[rc.id];
    }
    const raw = {
      scorecard: model.vocab.card_version, role: role.id, level: state.level, candidate: squashSpaces(state.candidate) || "—",
      interviewer: squashSpaces(iv.name) || `Интервьюер ${i + 1}`, date: state.date || null, ratings, notes,
      overall_notes: iv.overall.trim() ? iv.overall : null, recommendation: iv.recommendation,
      takeaways: iv.takeaways.trim() ? iv.takeaways : null, focus: iv.focus,
    };
    const { card } = checkCard(model, raw);
    return card || { ...raw, takeaways: null, overall_notes: null };
  });
}

/** Take an interview plan into the state: role, level, candidate, each interviewer's focus and questions. */
export function applyPlan(state, plan) {
  state.role = plan.role;
  state.level = plan.level;
  if (plan.candidate) state.candidate = plan.candidate;
  const kept = state.interviewers.filter(hasInput);
  for (const p of plan.interviewers) {
    const same = kept.find((iv) => nameKey(iv.name) === nameKey(p.name));
    if (same) Object.assign(same, { focus: p.focus, questions: p.questions });
    else kept.push(freshInterviewer(p.name, { focus: p.focus, questions: p.questions }));
  }
  state.interviewers = kept;
  state.active = kept.findIndex((iv) => nameKey(iv.name) === nameKey(plan.interviewers[0].name));
  state.showAll = false;
}
