// @ts-check
/* Account Path: the interview plan (plan.yml, issue 10 §1) in the browser.
     plan: 1
     role: account-manager
     level: middle
     candidate: Анна Иванова
     minutes: 60
     interviewers:
       - name: Ирина Смирнова
         focus: [client-focus, communication]
         questions: [cf-lost-client, ...]
   checkPlan gives the plan with known ids only, or Russian problems. Pure: no DOM. */

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

function interviewerOf(raw, k, role, questions, problems) {
  const where = `интервьюер ${k + 1}`;
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) {
    problems.push(`${where}: нужен объект с полями name, focus, questions`);
    return null;
  }
  const name = typeof raw.name === "string" ? squashSpaces(raw.name) : "";
  if (!name) problems.push(`${where}: не заполнено имя (name)`);
  const focus = ids(raw.focus === undefined ? [] : raw.focus);
  const asked = ids(raw.questions === undefined ? [] : raw.questions);
  if (!focus) problems.push(`${where}: focus должен быть списком компетенций`);
  if (!asked) problems.push(`${where}: questions должен быть списком вопросов`);
  const own = role.competencies.map((rc) => rc.id);
  (focus || []).filter((cid) => !own.includes(cid)).forEach((cid) => problems.push(`${where}: компетенцию «${cid}» роль «${role.id}» не оценивает`));
  if (questions.size) {
    (asked || []).filter((q) => !questions.has(q)).forEach((q) => problems.push(`${where}: в модели нет вопроса «${q}»`));
  }
  return { name, focus: focus || [], questions: (asked || []).filter((q) => !questions.size || questions.has(q)) };
}

/** Check a parsed plan against the model: {plan, problems}; plan is null when problems. */
export function checkPlan(model, data) {
  const problems = [];
  Object.keys(data).filter((k) => !PLAN_KEYS.includes(k)).forEach((k) => problems.push(`неизвестное поле плана «${k}»; допустимы: ${PLAN_KEYS.join(", ")}`));
  if (data.plan !== 1) problems.push("поле plan должно быть 1 (версия формата плана)");
  const role = (model.roles || []).find((r) => r.id === data.role);
  if (!role) return { plan: null, problems: [...problems, `неизвестная роль «${data.role}»`] };
  const level = role.levels.find((lv) => lv.id === data.level);
  if (!level) problems.push(`у роли «${role.id}» нет уровня «${data.level}»`);
  if (!Array.isArray(data.interviewers) || !data.interviewers.length) {
    return { plan: null, problems: [...problems, "в плане нет интервьюеров (interviewers)"] };
  }
  const questions = questionIndex(model);
  const people = data.interviewers.map((raw, k) => interviewerOf(raw, k, role, questions, problems));
  const seen = new Set();
  for (const p of people.filter(Boolean)) {
    if (p.name && seen.has(nameKey(p.name))) problems.push(`интервьюер «${p.name}» указан дважды`);
    seen.add(nameKey(p.name));
  }
  if (problems.length) return { plan: null, problems };
  const candidate = typeof data.candidate === "string" ? squashSpaces(data.candidate) : "";
  return { plan: { role: role.id, level: level.id, candidate, minutes: data.minutes ?? null, interviewers: people }, problems: [] };
}
