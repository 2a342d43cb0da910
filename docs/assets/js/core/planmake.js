// @ts-check
/* Account Path: make an interview plan in the browser, exactly as `accountpath plan` does
   (a port of src/accountpath/method/plan.py and of the plan YAML writer in
   src/accountpath/render/plan_render.py). makePlan gives {plan, notes}; planYaml gives the very
   bytes `accountpath plan -o plan.yml` writes for the same inputs (tests/test_plan_js.py checks
   this on shared inputs under node and in Chromium). Pure: no DOM. The model is the site's
   model.json. Russian only, like the plan file. */

import { render } from "./messages.js";

export const PLAN_VERSION = 1;
export const MAX_FOCUS = 5;
export const MUST_HAVE_COVER = 2;
export const QUESTIONS_PER_FOCUS = 2;
export const DEFAULT_MINUTES = 60;
export const MIN_MINUTES = 20;
export const MAX_MINUTES = 240;
export const INTRO_MINUTES = 5;
export const CLOSING_MINUTES = 5;
export const MIN_PER_QUESTION = 7;
export const OPEN_MINUTES = 5;
export const OPEN_SLOT = "open";
export const LIGHT_PANEL = "plan-note.light-panel";

/** Python's " ".join(text.split()). */
export function squash(text) {
  // eslint-disable-next-line no-control-regex -- 0x1c-0x1f are separators to Python's str.split()
  return String(text).split(/[\s\u001c-\u001f\u0085]+/u).filter(Boolean).join(" ");
}

/** Stable sort by a key of arrays (compared element by element, like Python's tuples). */
function sortBy(items, key) {
  const keyed = items.map((item, i) => [key(item), i, item]);
  keyed.sort((a, b) => {
    for (let k = 0; k < a[0].length; k++) {
      if (a[0][k] < b[0][k]) return -1;
      if (a[0][k] > b[0][k]) return 1;
    }
    return a[1] - b[1];
  });
  return keyed.map((x) => x[2]);
}

function index(model) {
  if (model.__planIndex) return model.__planIndex;
  const questions = [];
  const comps = new Map();
  for (const c of model.competencies || []) {
    comps.set(c.id, c);
    for (const q of c.questions || []) questions.push({ ...q, competency: c.id, also_for: q.also_for || [] });
  }
  const byId = new Map(questions.map((q) => [q.id, q]));
  const order = new Map(questions.map((q, i) => [q.id, i]));
  const out = { questions, byId, order, comps };
  Object.defineProperty(model, "__planIndex", { value: out, enumerable: false });
  return out;
}

const fits = (q, target) => q.levels[0] <= target && target <= q.levels[1];

/** RoleLevel.offers: manager questions only from the level's team-management target MANAGER_FROM,
    individual ones only below it. */
function levelOffers(model, level, q) {
  const rules = model.plan_rules || { team_competency: "team-management", manager_from: 3 };
  const team = level.targets[rules.team_competency] ?? 1;
  if (q.audience === "manager") return team >= rules.manager_from;
  if (q.audience === "individual") return team < rules.manager_from;
  return true;
}

/** plan.offered: may an interview for this role level ask the question under this competency. */
export function offered(model, q, cid, role = null, level = null) {
  if (level && !levelOffers(model, level, q)) return false;
  if (q.kind === "open" && role && q.roles && q.roles.length && !q.roles.includes(role.id)) return false;
  return true;
}
const rates = (q, cid) => q.competency === cid || q.also_for.includes(cid);

/** A plan that cannot be made: a code of the message table with its params; `message` is its sentence. */
export class PlanError extends Error {
  constructor(model, code, params = {}) {
    super(render(model ? model.messages : null, code, params));
    this.code = code;
    this.params = params;
  }
}

/** A message as data, {code, params} (messages.Msg); `text` renders it from model.json's table. */
const msg = (code, params = {}) => ({ code, params });
const text = (model, m) => render(model.messages, m.code, m.params);

/** Messages joined into one: a, b, c as code(first=a, second=code(first=b, second=c)) (plan._joined). */
function joined(parts, code) {
  let out = parts[parts.length - 1];
  for (const part of parts.slice(0, -1).reverse()) out = msg(code, { first: part, second: out });
  return out;
}

export function resolve(model, roleId, levelId) {
  const role = (model.roles || []).find((r) => r.id === (roleId || ""));
  if (!role) {
    throw new PlanError(model, "plan.unknown-role", { role: String(roleId), roles: model.roles.map((r) => r.id).join(", ") });
  }
  const level = role.levels.find((lv) => lv.id === (levelId || ""));
  if (!level) {
    throw new PlanError(model, "plan.unknown-level", { role: role.id, level: String(levelId), levels: role.levels.map((lv) => lv.id).join(", ") });
  }
  return { role, level };
}

/** The role's competencies, heaviest first; ties keep model order. */
export function byWeight(role) {
  return sortBy(role.competencies, (rc) => [-rc.weight]);
}

function weighted(role, cid) {
  return role.competencies.find((rc) => rc.id === cid) || null;
}

export function candidateQuestions(model, cid, target, role = null, level = null) {
  const { questions, order } = index(model);
  const fitting = questions.filter((q) => rates(q, cid) && fits(q, target) && offered(model, q, cid, role, level));
  return sortBy(fitting, (q) => {
    const [low, high] = q.levels;
    return [q.competency !== cid ? 1 : 0, q.kind === "open" ? 1 : 0, high - low, Math.abs((low + high) / 2 - target), order.get(q.id)];
  });
}

function eligibleQuestions(model, cid, target, role, level) {
  const ranked = candidateQuestions(model, cid, target, role, level).filter((q) => q.kind !== "open");
  const own = ranked.filter((q) => q.competency === cid);
  if (own.length >= QUESTIONS_PER_FOCUS) return own;
  return ranked;
}

/** plan.open_questions: the open questions of the role level (their own block on a card), model order. */
export function openQuestions(model, role, level) {
  const { questions } = index(model);
  return questions.filter((q) => {
    if (q.kind !== "open") return false;
    const home = [q.competency, ...q.also_for].find((cid) => weighted(role, cid));
    return home !== undefined && fits(q, level.targets[home]) && offered(model, q, home, role, level);
  });
}

/** plan.open_placement: the open questions by interviewer (index-aligned with `focus`), each once, spread. */
export function openPlacement(model, role, level, focus) {
  const out = focus.map(() => []);
  if (!focus.length) return out;
  const everyone = focus.map((_f, i) => i);
  for (const q of openQuestions(model, role, level)) {
    let hosts = everyone.filter((i) => focus[i].includes(q.competency));
    if (!hosts.length) hosts = everyone.filter((i) => q.also_for.some((cid) => focus[i].includes(cid)));
    if (!hosts.length) hosts = everyone;
    const holder = sortBy(hosts, (i) => [out[i].length, i])[0];
    out[holder].push(q);
  }
  return out;
}

/** plan.person_open_questions: the open questions of this interviewer's card. */
export function personOpenQuestions(model, plan, person) {
  const role = (model.roles || []).find((r) => r.id === plan.role);
  const level = role && role.levels.find((lv) => lv.id === plan.level);
  const k = plan.interviewers.indexOf(person);
  if (!level || k < 0) return [];
  return openPlacement(model, role, level, plan.interviewers.map((p) => p.focus))[k];
}

/** scorecard.plan_cards' questions: the interviewer's questions by focus competency (a Map) with, on a level
    that takes graduates, a situational question first for every competency (its own, else one the other
    sheets do not ask, else any at the target); `graduate` holds the competencies where that happened. */
export function sheetQuestions(model, plan, person) {
  const { level } = resolve(model, plan.role, plan.level);
  const placed = placement(model, person);
  const graduate = new Set();
  if (!level.graduates) return { placed, graduate };
  const { comps, byId } = index(model);
  const avoid = new Set(plan.interviewers.filter((p) => p !== person).flatMap((p) => p.questions || []));
  for (const [cid, qs] of placed) {
    const target = level.targets[cid];
    const own = qs.filter((q) => q.kind === "situational");
    let first = own[0] || null;
    if (!first) {
      const found = ((comps.get(cid) || {}).questions || [])
        .map((q) => byId.get(q.id))
        .filter((q) => q.kind === "situational" && fits(q, target) && !qs.includes(q));
      if (!found.length) continue;
      first = found.find((q) => !avoid.has(q.id)) || found[0];
    }
    placed.set(cid, [first, ...qs.filter((q) => q !== first)]);
    graduate.add(cid);
  }
  return { placed, graduate };
}

export function chooseQuestions(model, cid, target, used = new Set(), count = QUESTIONS_PER_FOCUS, role = null, level = null) {
  const ranked = eligibleQuestions(model, cid, target, role, level);
  const picked = [];
  for (const [freshOnly, newKind] of [[true, true], [true, false], [false, true], [false, false]]) {
    for (const q of ranked) {
      if (picked.length >= count) return picked;
      if (picked.includes(q) || (freshOnly && used.has(q.id)) || (newKind && picked.some((p) => p.kind === q.kind))) continue;
      picked.push(q);
    }
  }
  return picked;
}

export function neededInterviewers(role) {
  const n = role.competencies.length;
  if (n <= MAX_FOCUS) return 1;
  const musts = role.competencies.filter((rc) => rc.must_have).length;
  return Math.max(2, Math.ceil((n + (MUST_HAVE_COVER - 1) * musts) / MAX_FOCUS));
}

/** [interviewers, minutes each] of the level's panel (plan.panel_size): the level's `interview` where the
    model sets one (a lighter junior panel), else the fewest that meet the coverage rules, two at least, DEFAULT_MINUTES. */
export function panelSize(role, level) {
  if (level.interview) return [level.interview.interviewers, level.interview.minutes];
  return [Math.max(2, neededInterviewers(role)), DEFAULT_MINUTES];
}

/** Questions per focus competency (plan.questions_per_focus): QUESTIONS_PER_FOCUS, except on a level with its
    own `interview`, where the most (down to one) that give every question of the largest focus MIN_PER_QUESTION minutes. */
export function questionsPerFocus(level, minutes, focus) {
  if (!level.interview) return QUESTIONS_PER_FOCUS;
  const [intro, closing] = frame(minutes);
  const largest = Math.max(1, ...focus.map((f) => f.length));
  return Math.max(1, Math.min(QUESTIONS_PER_FOCUS, Math.floor((minutes - intro - closing) / (MIN_PER_QUESTION * largest))));
}

/** True where the level's own panel has minutes for two questions or more on every competency (plan.splits_by_must_have):
    there only the must-haves get them and the other competencies one. */
export function splitsByMustHave(level, minutes, focus) {
  return Boolean(level.interview) && questionsPerFocus(level, minutes, focus) >= 2;
}

/** Questions for each focus competency (plan.question_counts): a Map of competency id to count. */
export function questionCounts(role, level, minutes, focus) {
  const per = questionsPerFocus(level, minutes, focus);
  const split = splitsByMustHave(level, minutes, focus);
  const musts = new Set(role.competencies.filter((rc) => rc.must_have).map((rc) => rc.id));
  const out = new Map();
  for (const ids of focus) for (const cid of ids) out.set(cid, !split || musts.has(cid) ? per : 1);
  return out;
}

export function assignFocus(role, count) {
  const order = byWeight(role);
  const copies = count >= 2 ? MUST_HAVE_COVER : 1;
  const queue = [];
  for (const rc of order) if (rc.must_have) for (let k = 0; k < copies; k++) queue.push(rc);
  for (const rc of order) if (!rc.must_have) queue.push(rc);
  const focus = Array.from({ length: count }, () => []);
  const load = new Array(count).fill(0);
  const missing = [];
  for (const rc of queue) {
    const free = [];
    for (let i = 0; i < count; i++) if (focus[i].length < MAX_FOCUS && !focus[i].includes(rc.id)) free.push(i);
    if (!free.length) {
      missing.push(rc.id);
      continue;
    }
    const best = sortBy(free, (i) => [focus[i].length, load[i], i])[0];
    focus[best].push(rc.id);
    load[best] += rc.weight;
  }
  const rank = new Map(order.map((rc, k) => [rc.id, k]));
  return { focus: focus.map((f) => sortBy(f, (cid) => [rank.get(cid)])), missing };
}

/** The competencies each seat of the level's panel rates (plan.seat_focus) where every seat names them and
    `count` is the number of seats (the default kit); else null. */
export function seatFocus(level, count) {
  const seats = (level.interview && level.interview.seats) || [];
  if (!seats.length || seats.length !== level.interview.interviewers || seats.some((s) => !s.focus || !s.focus.length)) return null;
  if (seats.length !== count) return null;
  return seats.map((s) => [...s.focus]);
}

/** {focus, missing} as assignFocus gives them, except that a panel of the level's seats that name their
    competencies (seatFocus) rates those, each seat's list in weight order (plan.panel_focus). */
export function panelFocus(role, level, count) {
  const seats = seatFocus(level, count);
  if (!seats) return assignFocus(role, count);
  const order = byWeight(role);
  const rank = new Map(order.map((rc, k) => [rc.id, k]));
  const focus = seats.map((f) => sortBy(f.filter((cid) => rank.has(cid)), (cid) => [rank.get(cid)]));
  const copies = count >= 2 ? MUST_HAVE_COVER : 1;
  const missing = [];
  for (const rc of order) {
    const held = focus.filter((f) => f.includes(rc.id)).length;
    for (let k = held; k < (rc.must_have ? copies : 1); k++) missing.push(rc.id);
  }
  return { focus, missing };
}

export function coverageNotes(model, role, focus, level = null) {
  const { comps } = index(model);
  const name = (cid) => `${comps.get(cid).name} (${cid})`;
  const counts = new Map(role.competencies.map((rc) => [rc.id, focus.filter((f) => f.includes(rc.id)).length]));
  const notes = [];
  let uncovered = byWeight(role).filter((rc) => counts.get(rc.id) === 0).map((rc) => rc.id);
  let light = false;
  if (uncovered.length && level && level.interview) {
    const total = sum(role.competencies.map((rc) => rc.weight));
    const left = sum(role.competencies.filter((rc) => counts.get(rc.id) === 0).map((rc) => rc.weight));
    const need = Math.ceil(model.evaluation.min_coverage * total - 1e-9);
    if (!role.competencies.some((rc) => rc.must_have && counts.get(rc.id) === 0) && total - left >= need) {
      notes.push(msg("plan-note.light-panel", { names: uncovered.map(name).join(", "), w: left, total, need }));
      uncovered = [];
      light = true;
    }
  }
  if (uncovered.length) notes.push(msg("plan-note.uncovered", { names: uncovered.map(name).join(", ") }));
  if (focus.length >= 2) {
    const thin = byWeight(role).filter((rc) => rc.must_have && counts.get(rc.id) === 1).map((rc) => rc.id);
    if (thin.length) notes.push(msg("plan-note.must-have-once", { names: thin.map(name).join(", ") }));
  }
  if (notes.length > (light ? 1 : 0)) {
    notes.push(msg("plan-note.panel-size", { role: role.name, n: neededInterviewers(role), m: MAX_FOCUS }));
  }
  return notes.map((note) => text(model, note));
}

function deal(pool, count) {
  const rank = new Map(pool.map((q, k) => [q.id, k]));
  const kinds = new Map();
  const first = new Map();
  for (const q of pool) {
    kinds.set(q.kind, (kinds.get(q.kind) || 0) + 1);
    if (!first.has(q.kind)) first.set(q.kind, rank.get(q.id));
  }
  const spread = sortBy(pool, (q) => [-kinds.get(q.kind), first.get(q.kind), rank.get(q.id)]);
  const hands = [];
  for (let h = 0; h < count; h++) {
    hands.push(sortBy(spread.filter((_q, i) => i % count === h), (q) => [rank.get(q.id)]));
  }
  return hands;
}

export function assignQuestions(model, level, focus, role = null, per = QUESTIONS_PER_FOCUS) {
  const out = focus.map(() => new Map());
  const used = new Set();
  const order = [...new Set(focus.flat())];
  for (const cid of order) {
    const n = typeof per === "number" ? per : per.get(cid);
    const holders = [];
    focus.forEach((ids, i) => ids.includes(cid) && holders.push(i));
    const target = level.targets[cid];
    const pool = chooseQuestions(model, cid, target, used, n * holders.length, role, level);
    pool.forEach((q) => used.add(q.id));
    const hands = deal(pool, holders.length);
    holders.forEach((i, h) => {
      const hand = hands[h];
      const extra = chooseQuestions(model, cid, target, new Set(hand.map((q) => q.id)), n, role, level).filter((q) => !hand.includes(q));
      out[i].set(cid, [...hand, ...extra.slice(0, Math.max(0, n - hand.length))]);
    });
  }
  return out;
}

/** {plan, notes}: the plan `accountpath plan` makes, and its notes (coverage, then time); minutes null: the level's. */
export function makePlan(model, roleId, levelId, interviewers, candidate = null, minutes = null) {
  const { role, level } = resolve(model, roleId, levelId);
  const names = (interviewers || []).filter((n) => n && squash(n)).map(squash);
  if (!names.length) throw new PlanError(model, "plan.no-interviewers");
  if (minutes === null || minutes === undefined) minutes = panelSize(role, level)[1];
  const { focus } = panelFocus(role, level, names.length);
  const chosen = assignQuestions(model, level, focus, role, questionCounts(role, level, Math.trunc(Number(minutes)), focus));
  const people = names.map((name, i) => ({
    name,
    focus: [...focus[i]],
    questions: focus[i].flatMap((cid) => chosen[i].get(cid).map((q) => q.id)),
  }));
  const plan = {
    plan: PLAN_VERSION,
    role: role.id,
    level: level.id,
    candidate: candidate || null,
    minutes: Math.trunc(Number(minutes)),
    interviewers: people,
  };
  return { plan, notes: [...coverageNotes(model, role, focus, level), ...timeNotes(model, plan)] };
}

export function placeQuestions(focus, questions) {
  const out = new Map(focus.map((cid) => [cid, []]));
  const order = new Map(questions.map((q, k) => [q.id, k]));
  const homes = new Map(questions.map((q) => [q.id, focus.filter((cid) => rates(q, cid))]));
  for (const q of questions) if (homes.get(q.id).length === 1) out.get(homes.get(q.id)[0]).push(q);
  for (const q of questions) {
    if (homes.get(q.id).length > 1) {
      const best = sortBy(homes.get(q.id), (cid) => [out.get(cid).length, cid !== q.competency ? 1 : 0, focus.indexOf(cid)])[0];
      out.get(best).push(q);
    }
  }
  for (const [cid, qs] of out) out.set(cid, sortBy(qs, (q) => [order.get(q.id)]));
  return out;
}

/** An interviewer's questions by focus competency (a Map in focus order). */
export function placement(model, person) {
  const { byId } = index(model);
  const qs = [...new Set(person.questions)].map((id) => byId.get(id)).filter(Boolean);
  return placeQuestions([...person.focus], qs);
}

function frame(total) {
  return total >= 30 ? [INTRO_MINUTES, CLOSING_MINUTES] : [0, 0];
}

function units(model, person) {
  return [...placement(model, person).values()].map((qs) => Math.max(1, qs.length));
}

const sum = (xs) => xs.reduce((a, b) => a + b, 0);

/** plan.OPEN_MINUTES a question of the interviewer's open-question block (none below 30 minutes). */
function openMinutes(model, plan, person, total) {
  return total >= 30 ? OPEN_MINUTES * personOpenQuestions(model, plan, person).length : 0;
}

export function minutesPerQuestion(model, plan, person) {
  const total = Math.trunc(plan.minutes);
  const [intro, closing] = frame(total);
  const extra = openMinutes(model, plan, person, total);
  return (total - intro - closing - extra) / Math.max(1, sum(units(model, person)));
}

function roundShares(total, exact) {
  const parts = exact.map(Math.floor);
  const order = sortBy([...exact.keys()], (i) => [parts[i] - exact[i], i]).slice(0, Math.max(0, total - sum(parts)));
  for (const i of order) parts[i] += 1;
  return parts;
}

/** [start, end, competency id, OPEN_SLOT or null] minutes of one interviewer's slot: intro, focus, the
    open-question slot (where the interviewer's card has that block), closing. */
export function timeSlots(model, plan, person) {
  const role = (model.roles || []).find((r) => r.id === plan.role);
  if (!role) throw new PlanError(model, "plan.unknown-role", { role: String(plan.role), roles: model.roles.map((r) => r.id).join(", ") });
  const total = Math.trunc(plan.minutes);
  const [intro, closing] = frame(total);
  const extra = openMinutes(model, plan, person, total);
  const ids = [...person.focus];
  const weights = ids.map((c) => (weighted(role, c) ? weighted(role, c).weight : 1));
  const u = units(model, person);
  const per = Math.min(MIN_PER_QUESTION, minutesPerQuestion(model, plan, person));
  const rest = total - intro - closing - extra - per * sum(u);
  const exact = u.map((n, k) => per * n + (rest * weights[k]) / Math.max(1, sum(weights)));
  const shares = roundShares(total - intro - closing - extra, exact);
  const slots = intro ? [[0, intro, null]] : [];
  let t = intro;
  ids.forEach((cid, k) => {
    slots.push([t, t + shares[k], cid]);
    t += shares[k];
  });
  if (extra) {
    slots.push([t, t + extra, OPEN_SLOT]);
    t += extra;
  }
  if (closing) slots.push([t, t + closing, null]);
  return slots;
}

export function minutesNeeded(questions) {
  const bare = Math.max(MIN_MINUTES, MIN_PER_QUESTION * questions);
  return bare < 30 ? bare : bare + INTRO_MINUTES + CLOSING_MINUTES;
}

function panelForMinutes(role, count, minutes, extra = 0) {
  const [intro, closing] = frame(minutes);
  const fitsN = Math.min(MAX_FOCUS, Math.floor((minutes - intro - closing - extra) / (MIN_PER_QUESTION * QUESTIONS_PER_FOCUS)));
  for (let k = count + 1; k < 13; k++) {
    const { focus, missing } = assignFocus(role, k);
    if (fitsN && !missing.length && focus.every((f) => f.length <= fitsN)) return [k, Math.max(...focus.map((f) => f.length))];
  }
  return null;
}

export function timeNotes(model, plan) {
  const people = plan.interviewers;
  const short = people.map((p) => [p, minutesPerQuestion(model, plan, p)]).filter(([, per]) => per < MIN_PER_QUESTION);
  const role = (model.roles || []).find((r) => r.id === plan.role);
  if (!short.length || !role) return [];
  const minutes = Math.trunc(plan.minutes);
  const [intro, closing] = frame(minutes);
  let groups = new Map();
  for (const [p, per] of short) {
    const key = `${Math.floor(per)}|${sum(units(model, p))}|${minutes - intro - closing - openMinutes(model, plan, p, minutes)}`;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(`«${p.name}»`);
  }
  if (groups.size === 1 && short.length === people.length && people.length > 1) {
    groups = new Map([...groups.keys()].map((k) => [k, null]));
  }
  const who = joined(
    [...groups].map(([key, names]) => {
      const [m, n, t] = key.split("|").map(Number);
      return msg("plan-note.short-group", { names: names ? names.join(", ") : msg("plan-note.everyone"), m, n, t });
    }),
    "plan-note.and",
  );
  const fixes = [];
  const open = (p) => OPEN_MINUTES * personOpenQuestions(model, plan, p).length;
  const need = Math.max(...short.map(([p]) => minutesNeeded(sum(units(model, p))) + open(p)));
  if (need <= MAX_MINUTES) fixes.push(msg("plan-note.fix-minutes", { n: need }));
  const panel = panelForMinutes(role, people.length, minutes, Math.max(...people.map(open)));
  if (panel) {
    const [k, f] = panel;
    fixes.push(k === people.length + 1 ? msg("plan-note.fix-one-more", { f }) : msg("plan-note.fix-panel", { k, f }));
  }
  if (fixes.length) return [text(model, msg("plan-note.short-advice", { who, m: MIN_PER_QUESTION, fixes: joined(fixes, "plan-note.or") }))];
  return [text(model, msg("plan-note.short", { who, m: MIN_PER_QUESTION }))];
}

// ---------------------------------------------------------------- the plan file (plan_render.plan_yaml)

/** card_title: "role — level", or the level's name alone when it already names the role. */
export function cardTitle(role, level) {
  const core = role.name.replace(/\s*\([^)]*\)/g, "").trim().toLowerCase();
  const name = level.name.toLowerCase();
  if (name.includes(core) || role.name.toLowerCase().includes(name)) return level.name;
  return `${role.name} — ${level.name}`;
}

/** A YAML scalar: null, or a double-quoted string (Python's json.dumps(..., ensure_ascii=False)). */
export function yamlScalar(text) {
  if (text === null || text === undefined) return "null";
  return JSON.stringify(String(text));
}

function comment(text, indent = "") {
  return `${indent}# ${squash(text)}`;
}

function describe(model, plan, cid) {
  const { role, level } = resolve(model, plan.role, plan.level);
  const rc = weighted(role, cid);
  const comp = index(model).comps.get(cid);
  const must = rc && rc.must_have ? msg("plan-file.must-have") : "";
  const t = cid in level.targets ? level.targets[cid] : "?";
  return text(model, msg("plan-file.focus", { name: comp ? comp.name : cid, w: rc ? rc.weight : 0, must, t }));
}

/** The plan file, byte for byte as `accountpath plan` writes it. */
export function planYaml(model, plan, notes = []) {
  const { role, level } = resolve(model, plan.role, plan.level);
  const { comps, byId } = index(model);
  const lines = [
    comment(text(model, msg("plan-file.head"))),
    comment(text(model, msg("plan-file.rules", { title: cardTitle(role, level), m: MAX_FOCUS }))),
    ...notes.map((note) => comment(text(model, msg("plan-file.warning", { note })))),
    `plan: ${PLAN_VERSION}`,
    `role: ${role.id}`,
    `level: ${level.id}`,
    `candidate: ${yamlScalar(plan.candidate ?? null)}  ` + comment(text(model, msg("plan-file.candidate"))),
    `minutes: ${Math.trunc(plan.minutes)}  ` + comment(text(model, msg("plan-file.minutes"))),
    "interviewers:",
  ];
  for (const person of plan.interviewers) {
    lines.push(`  - name: ${yamlScalar(person.name)}`);
    lines.push(comment(person.focus.map((cid) => describe(model, plan, cid)).join("; "), "    "));
    lines.push(`    focus: [${person.focus.join(", ")}]`);
    lines.push("    questions:" + (person.questions.length ? "" : " []"));
    for (const qid of person.questions) {
      const q = byId.get(qid);
      lines.push(`      - ${qid}  ` + comment(q ? `${comps.get(q.competency).name}: ${q.text}` : ""));
    }
  }
  lines.push("");
  lines.push(comment(text(model, msg("plan-file.spare"))));
  for (const rc of byWeight(role)) {
    const ids = candidateQuestions(model, rc.id, level.targets[rc.id], role, level).map((q) => q.id).join(", ");
    lines.push(comment(`${rc.id}: ${ids}`));
  }
  return lines.join("\n") + "\n";
}
