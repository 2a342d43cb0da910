/* Account Path: the self-assessment's second column. A manager opens the person's link,
   rates in a second column, and both profiles travel in the link's hash:
     #role=account-manager&client-focus=3&m.client-focus=4
   (self ratings by competency id, the manager's with the prefix «m.»). Also: the table of
   differences, the development advice for a next step (`develop` by level, or an older
   plain list), and the «пакет на повышение» as Markdown. Pure functions, no DOM. */

import { findRole } from "../core/evaluate.js";

export const MANAGER_PREFIX = "m.";
const ROLE_KEY = "role";

/** The state as a URL hash: role, self ratings, then the manager's, in model order. */
export function toHash(st, mdl) {
  const params = new URLSearchParams();
  params.set(ROLE_KEY, st.role);
  for (const c of mdl.competencies) if (Number.isInteger(st.ratings[c.id])) params.set(c.id, String(st.ratings[c.id]));
  for (const c of mdl.competencies) {
    if (Number.isInteger((st.manager || {})[c.id])) params.set(MANAGER_PREFIX + c.id, String(st.manager[c.id]));
  }
  return "#" + params.toString();
}

/** Parse a hash into {role, ratings, manager}; unknown ids and values outside 1..5 are ignored. */
export function fromHash(hash, mdl) {
  const text = (hash || "").replace(/^#/, "");
  if (!text) return null;
  const params = new URLSearchParams(text);
  const ids = new Set(mdl.competencies.map((c) => c.id));
  const ratings = {};
  const manager = {};
  let any = false;
  for (const [key, value] of params) {
    if (!/^[1-5]$/.test(value)) continue;
    const own = key.startsWith(MANAGER_PREFIX) ? key.slice(MANAGER_PREFIX.length) : null;
    if (own !== null && ids.has(own)) manager[own] = Number(value);
    else if (ids.has(key)) ratings[key] = Number(value);
    else continue;
    any = true;
  }
  const roleId = params.get(ROLE_KEY);
  const role = roleId && findRole(mdl, roleId) ? roleId : null;
  if (!role && !any) return null;
  return { role: role || mdl.roles[0].id, ratings, manager };
}

/**
 * Advice to reach the next step on one competency: `develop` is a mapping by the level an
 * action takes a person to ({2: [...], ..., 5: [...]}); the step is rating + 1 (up to the
 * target; the target itself when unrated). An older model's plain list is returned as is.
 */
export function developFor(comp, rating, target) {
  const dev = comp && comp.develop;
  if (!dev) return { step: null, items: [] };
  if (Array.isArray(dev)) return { step: null, items: dev };
  const step = rating === null || rating === undefined ? Math.max(2, target) : Math.min(5, Math.max(2, rating + 1));
  return { step, items: dev[String(step)] || [] };
}

/** Rows of the self / manager comparison for the role's competencies (every competency with a target). */
export function differences(mdl, role, level, self, manager) {
  const ids = Object.keys(level.targets);
  const order = mdl.competencies.map((c) => c.id).filter((id) => ids.includes(id));
  return order.map((id) => {
    const s = Number.isInteger(self[id]) ? self[id] : null;
    const m = Number.isInteger(manager[id]) ? manager[id] : null;
    return { id, target: level.targets[id], self: s, manager: m, diff: s !== null && m !== null ? m - s : null };
  });
}

function cell(v) {
  return v === null || v === undefined ? "—" : String(v);
}

function mdText(text) {
  return String(text).replace(/([\\`*_[\]|<>#])/g, "\\$1");
}

/**
 * The «пакет на повышение» in Markdown: per competency the next level's target, the self
 * rating, the manager's rating and room for evidence. `names` maps competency id -> name.
 */
export function promotionMarkdown({ role, from, to, rows, names, person = "" }) {
  const out = [`# Пакет на повышение: ${mdText(role.name)}`, ""];
  out.push(`- Сотрудник: ${person ? mdText(person) : "________________"}`);
  out.push(`- Сейчас: ${from ? mdText(from.name || from.id) : "уровень не достигнут"}`);
  out.push(`- Следующий уровень: ${to ? mdText(to.name || to.id) : "верхний уровень роли"}`, "");
  out.push("| Компетенция | Цель уровня | Самооценка | Руководитель | Разница |", "| --- | --- | --- | --- | --- |");
  for (const r of rows) {
    const diff = r.diff === null ? "—" : (r.diff > 0 ? `+${r.diff}` : String(r.diff));
    out.push(`| ${mdText(names.get(r.id) || r.id)} | ${r.target} | ${cell(r.self)} | ${cell(r.manager)} | ${diff} |`);
  }
  out.push("");
  for (const r of rows) {
    out.push(`## ${mdText(names.get(r.id) || r.id)}`, "");
    out.push(`Цель уровня: ${r.target}. Самооценка: ${cell(r.self)}. Оценка руководителя: ${cell(r.manager)}.`, "");
    out.push("Примеры и подтверждения (проекты, цифры, отзывы клиентов):", "", "- ", "- ", "");
  }
  return out.join("\n");
}
