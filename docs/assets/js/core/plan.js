// @ts-check
/* Account Path: the interview plan (plan.yml, issue 10 §1) in the browser.
     plan: 1
     role: account-manager
     level: middle
     candidate: Anna Ivanova
     minutes: 60
     interviewers:
       - name: Irina Smirnova
         focus: [client-focus, communication]
         questions: [cf-lost-client, ...]
   checkPlan gives the plan with known ids only, or problems as {code, params} of the message table
   (model.json `messages`, the codes io/plan_check.py uses), rendered at the edge. Pure: no DOM. */

import { nameKey, squashSpaces } from "./names.js";

const PLAN_KEYS = ["plan", "role", "level", "candidate", "minutes", "interviewers"];

/** Whether parsed data looks like a plan rather than a scorecard. */
export function isPlan(data) {
  return data !== null && typeof data === "object" && !Array.isArray(data) && "plan" in data && "interviewers" in data;
}

/** Every question of the model by id: {question, competency}. */
export function questionIndex(model) {
  const out = new Map();
  for (const c of model.competencies || []) {
    for (const q of c.questions || []) out.set(q.id, { question: q, competency: c.id });
  }
  return out;
}

function ids(value) {
  return Array.isArray(value) && value.every((x) => typeof x === "string") ? value : null;
}

/** A problem of interviewer k (0-based): plan.of-interviewer (its number) around the problem itself. */
const of = (k, code, params = {}) => ({ code: "plan.of-interviewer", params: { n: k + 1, what: { code, params } } });

function interviewerOf(raw, k, role, questions, problems) {
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) {
    problems.push(of(k, "plan.interviewer-not-a-mapping"));
    return null;
  }
  const name = typeof raw.name === "string" ? squashSpaces(raw.name) : "";
  if (!name) problems.push(of(k, "plan.name-missing"));
  const focus = ids(raw.focus === undefined ? [] : raw.focus);
  const asked = ids(raw.questions === undefined ? [] : raw.questions);
  if (!focus) problems.push(of(k, "plan.id-list", { field: "focus" }));
  if (!asked) problems.push(of(k, "plan.id-list", { field: "questions" }));
  const own = role.competencies.map((rc) => rc.id);
  (focus || []).filter((cid) => !own.includes(cid)).forEach((cid) => problems.push(of(k, "plan.focus-not-rated", { role: role.id, cid, tip: "" })));
  if (questions.size) {
    (asked || []).filter((q) => !questions.has(q)).forEach((q) => problems.push(of(k, "plan.question-unknown", { qid: q, tip: "" })));
  }
  return { name, focus: focus || [], questions: (asked || []).filter((q) => !questions.size || questions.has(q)) };
}

/** Check a parsed plan against the model: {plan, problems: [{code, params}]}; plan is null when problems. */
export function checkPlan(model, data) {
  const problems = [];
  Object.keys(data).filter((k) => !PLAN_KEYS.includes(k)).forEach((k) => problems.push({ code: "plan.unknown-field", params: { name: k, tip: { code: "plan.allowed-fields", params: { keys: PLAN_KEYS.join(", ") } } } }));
  if (data.plan !== 1) problems.push({ code: "plan.version", params: { version: 1 } });
  const role = (model.roles || []).find((r) => r.id === data.role);
  if (!role) return { plan: null, problems: [...problems, { code: "plan.unknown-role", params: { role: String(data.role), roles: (model.roles || []).map((r) => r.id).join(", ") } }] };
  const level = role.levels.find((lv) => lv.id === data.level);
  if (!level) problems.push({ code: "plan.unknown-level", params: { role: role.id, level: String(data.level), levels: role.levels.map((lv) => lv.id).join(", ") } });
  if (!Array.isArray(data.interviewers) || !data.interviewers.length) {
    return { plan: null, problems: [...problems, { code: "plan.interviewers", params: {} }] };
  }
  const questions = questionIndex(model);
  const people = data.interviewers.map((raw, k) => interviewerOf(raw, k, role, questions, problems));
  const seen = new Set();
  for (const p of people.filter(Boolean)) {
    if (p.name && seen.has(nameKey(p.name))) problems.push({ code: "plan.name-repeated", params: { name: p.name } });
    seen.add(nameKey(p.name));
  }
  if (problems.length) return { plan: null, problems };
  const candidate = typeof data.candidate === "string" ? squashSpaces(data.candidate) : "";
  return { plan: { role: role.id, level: level.id, candidate, minutes: data.minutes ?? null, interviewers: people }, problems: [] };
}
