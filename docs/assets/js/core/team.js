// @ts-check
/* Account Path: the team review in the browser, a port of src/accountpath/method/team.py and
   the assessment rules of src/accountpath/io/assessments.py (issue 20):
   - checkAssessment(model, data): an assessment file's data -> {assessment} or {problems}
     (codes and params of the message table, rendered with core/messages.js);
   - review(model, assessments, {today}): people (next step, ready by the promotion rule,
     blocking, ИПР, self vs manager), coverage, heat map and warnings;
   - director(result): the same without any name or id (groups, counts, averages from 4 people).
   Managers' leniency (the joint model) is left to the command line. Pure: no DOM.
   tests/vectors/team.json runs through this module under node (tests/test_team_js.py). */

import { dateValue, ratingValue, textValue, valueText, FloatValue } from "./cardcheck.js";
import { closeMatch, nameKey, spellingKey, squashSpaces } from "./names.js";
import { round2 } from "./evaluate.js";
import { render } from "./messages.js";

export const PROMOTION_TOLERANCE = 0.5;
export const IDP_MAX = 3;
export const DISAGREEMENT = 2;
export const MIN_GROUP_FOR_AVERAGES = 4;
export const OLD_DAYS = 365;
export const KEYS = ["assessment", "person", "person_id", "role", "level", "assessor", "relation", "date", "ratings", "evidence"];
export const RELATIONS = ["self", "manager"];
const EPS = 1e-9;

const isText = (v) => typeof v === "string";
const isNumber = (v) => typeof v === "number" || v instanceof FloatValue;
const isMapping = (v) => v !== null && typeof v === "object" && !Array.isArray(v) && !(v instanceof FloatValue) && !(v instanceof Date);

// ---------------------------------------------------------------- the file

function text(data, key, out, required) {
  const v = data[key];
  if (v === null || v === undefined || (isText(v) && !v.trim())) {
    if (required) out.push({ path: key in data ? [key] : [], code: "assessment.missing", params: { field: key } });
    return null;
  }
  if (!isText(v) && !isNumber(v)) {
    out.push({ path: [key], code: "assessment.not-text", params: { field: key } });
    return null;
  }
  return squashSpaces(valueText(v));
}

function mapping(model, data, key, out, parse) {
  const raw = data[key];
  if (raw === null || raw === undefined) return {};
  if (!isMapping(raw)) {
    out.push({ path: [key], code: "assessment.not-competency-map", params: { field: key } });
    return {};
  }
  const ids = model.competencies.map((c) => c.id);
  const found = {};
  for (const [cid, value] of Object.entries(raw)) {
    if (!ids.includes(cid)) {
      out.push({ path: [key, cid], code: "assessment.unknown-competency", params: { competency: cid, hint: closeMatch(cid, ids) || "", ids: ids.join(", ") } });
      continue;
    }
    const parsed = parse(value);
    if (parsed.reason) out.push({ path: [key, cid], code: "assessment.value", params: { field: `${key}.${cid}`, reason: parsed.reason } });
    else found[cid] = parsed.value;
  }
  return found;
}

/** Is this parsed data an assessment file (not a scorecard, not a plan)? */
export function isAssessment(data) {
  return isMapping(data) && "assessment" in data;
}

/** An assessment file's data checked by the command line's rules: {assessment} or {problems: [{path, code, params}]}. */
export function checkAssessment(model, data, source = "") {
  if (!isMapping(data)) return { problems: [{ path: [], code: "assessment.not-mapping", params: {} }] };
  const out = [];
  for (const key of Object.keys(data)) {
    if (!KEYS.includes(key)) out.push({ path: [key], code: "assessment.unknown-key", params: { field: key, hint: closeMatch(key, KEYS) || "", fields: KEYS.join(", ") } });
  }
  if (data.assessment !== 1) out.push({ path: "assessment" in data ? ["assessment"] : [], code: "assessment.version", params: { value: valueText(data.assessment) } });
  const person = text(data, "person", out, true);
  const personId = text(data, "person_id", out, false);
  const assessor = text(data, "assessor", out, true);
  const roleId = text(data, "role", out, true);
  const levelId = text(data, "level", out, true);
  const relation = text(data, "relation", out, true);
  if (relation !== null && !RELATIONS.includes(relation)) out.push({ path: ["relation"], code: "assessment.relation", params: { value: relation } });
  const date = dateValue(data.date);
  if (date.reason) out.push({ path: ["date"], code: "assessment.value", params: { field: "date", reason: date.reason } });
  const role = roleId ? model.roles.find((r) => r.id === roleId) : null;
  if (roleId && !role) out.push({ path: ["role"], code: "assessment.unknown-role", params: { role: roleId, roles: model.roles.map((r) => r.id).join(", ") } });
  if (role && levelId && !role.levels.some((lv) => lv.id === levelId)) {
    out.push({ path: ["level"], code: "assessment.unknown-level", params: { role: role.id, level: levelId, levels: role.levels.map((lv) => lv.id).join(", ") } });
  }
  const ratings = mapping(model, data, "ratings", out, (v) => ratingValue(model.vocab, v));
  const evidence = mapping(model, data, "evidence", out, textValue);
  if (out.length) return { problems: out };
  const full = {};
  for (const c of model.competencies) full[c.id] = ratings[c.id] ?? null;
  const ev = {};
  for (const [k, v] of Object.entries(evidence)) if (v) ev[k] = v;
  return {
    assessment: { person, person_id: personId, role: roleId, level: levelId, assessor, relation, date: date.value ?? null, ratings: full, evidence: ev, source },
  };
}

/** The assessment file a person saves (the keys of io/assessments.py, every competency of the model). */
export function assessmentFile(model, { person = "", personId = "", role, level, assessor = "", relation = "self", date = null, ratings = {}, evidence = {} }) {
  const r = {};
  const e = {};
  for (const c of model.competencies) {
    r[c.id] = ratings[c.id] ?? null;
    e[c.id] = evidence[c.id] || "";
  }
  return { assessment: 1, person, person_id: personId, role, level, assessor: assessor || person, relation, date, ratings: r, evidence: e };
}

// ---------------------------------------------------------------- the rules

const roleOf = (model, id) => model.roles.find((r) => r.id === id) || null;
const levelOf = (role, id) => (role ? role.levels.find((lv) => lv.id === id) || null : null);

/** The next level of the role, else the first level of the first role the career leads to. */
export function nextStep(model, role, level) {
  const i = role.levels.findIndex((lv) => lv.id === level.id);
  if (i + 1 < role.levels.length) return [role, role.levels[i + 1]];
  for (const entry of role.career_to || []) {
    const nxt = roleOf(model, entry);
    if (nxt && nxt.levels.length) return [nxt, nxt.levels[0]];
  }
  return null;
}

/** The promotion rule: what stops readiness (empty = ready). */
export function blocking(role, level, ratings) {
  const out = [];
  for (const rc of role.competencies) {
    const target = level.targets[rc.id];
    const rating = ratings[rc.id] ?? null;
    const need = rc.must_have ? target : target - PROMOTION_TOLERANCE;
    if (rating === null || rating < need - EPS) out.push({ competency: rc.id, target, rating: round2(rating), must_have: rc.must_have });
  }
  return out;
}

/** The ИПР rule: two or three competencies with the largest negative deviation, must-haves first. */
export function idp(model, role, level, ratings) {
  const found = [];
  role.competencies.forEach((rc, pos) => {
    const rating = ratings[rc.id] ?? null;
    const target = level.targets[rc.id];
    if (rating !== null && rating < target - EPS) found.push({ rc, pos, rating, target, gap: rating - target });
  });
  found.sort((a, b) => (a.rc.must_have === b.rc.must_have ? 0 : a.rc.must_have ? -1 : 1) || a.gap - b.gap || a.pos - b.pos);
  return found.slice(0, IDP_MAX).map(({ rc, rating, target, gap }) => {
    const comp = model.competencies.find((c) => c.id === rc.id);
    return { competency: rc.id, rating: round2(rating), target, gap: round2(gap), must_have: rc.must_have, develop: comp ? [...(comp.develop[String(target)] || [])] : [] };
  });
}

function ready(step, ratings) {
  if (!step || !ratings) return null;
  return blocking(step[0], step[1], ratings).length === 0;
}

// ---------------------------------------------------------------- the review

const personKey = (a) => (a.person_id ? `id:${a.person_id}` : `name:${nameKey(a.person)}`);
const cmp = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

function people(model, assessments) {
  const byKey = new Map();
  const problems = [];
  const sorted = [...assessments].sort((a, b) => cmp(a.date || "", b.date || "") || cmp(a.source || "", b.source || ""));
  for (const a of sorted) {
    const role = roleOf(model, a.role);
    const level = levelOf(role, a.level);
    if (!role || !level) {
      problems.push({ source: a.source, code: "team.unknown-level", params: { role: a.role, level: a.level } });
      continue;
    }
    const key = personKey(a);
    let p = byKey.get(key);
    if (!p) {
      p = { key, name: a.person, person_id: a.person_id || null, role, level, self: null, manager: null };
      byKey.set(key, p);
    } else if (p.role.id !== role.id || p.level.id !== level.id) {
      problems.push({ source: a.source, code: "team.role-mismatch", params: { person: a.person, role: role.id, level: level.id, first_role: p.role.id, first_level: p.level.id } });
      continue;
    }
    if (a.relation === "self") p.self = a;
    else p.manager = a;
  }
  const list = [...byKey.values()].sort((a, b) => cmp(spellingKey(a.name), spellingKey(b.name)) || cmp(a.key, b.key));
  return { list, problems };
}

const used = (p) => (p.manager || p.self || { ratings: {} }).ratings;

function personResult(model, p) {
  const step = nextStep(model, p.role, p.level);
  const manager = p.manager ? p.manager.ratings : null;
  const own = p.self ? p.self.ratings : null;
  const ratings = manager || own || {};
  const diffs = [];
  if (manager && own) {
    for (const c of model.competencies) {
      const s = own[c.id] ?? null;
      const m = manager[c.id] ?? null;
      if (s !== null && m !== null && Math.abs(m - s) >= DISAGREEMENT) diffs.push({ competency: c.id, self: s, manager: m, diff: m - s });
    }
  }
  return {
    person: p.name,
    person_id: p.person_id,
    role: p.role.id,
    level: p.level.id,
    manager: p.manager ? p.manager.assessor : null,
    next: step ? { role: step[0].id, level: step[1].id } : null,
    ready: ready(step, manager),
    ready_self: ready(step, own),
    blocking: step && (manager || own) ? blocking(step[0], step[1], ratings) : [],
    idp: step ? idp(model, step[0], step[1], ratings) : [],
    self_vs_manager: diffs,
  };
}

/** The competencies weighted by any of these roles, model order. */
export function weightedIds(model, roles) {
  const ids = new Set(roles.flatMap((r) => r.competencies.map((rc) => rc.id)));
  return model.competencies.map((c) => c.id).filter((id) => ids.has(id));
}

function coverage(model, list) {
  return weightedIds(model, list.map((p) => p.role)).map((cid) => {
    const carriers = list
      .filter((p) => p.role.competencies.some((rc) => rc.id === cid))
      .filter((p) => {
        const r = used(p)[cid] ?? null;
        return r !== null && r >= p.level.targets[cid] - EPS;
      })
      .map((p) => p.name);
    return { competency: cid, at_target: carriers.length, people: carriers, single_point: carriers.length === 1, gap: carriers.length === 0 };
  });
}

function heatmap(model, list) {
  const ids = weightedIds(model, list.map((p) => p.role));
  return {
    competencies: ids,
    rows: list.map((p) => ({
      person: p.name,
      cells: ids.map((cid) => {
        const r = used(p)[cid] ?? null;
        const t = p.level.targets[cid];
        return { competency: cid, rating: r, target: t, diff: r === null ? null : r - t };
      }),
    })),
  };
}

function older(date, today) {
  if (!date) return false;
  const d = Date.parse(`${date}T00:00:00Z`);
  const t = Date.parse(`${today}T00:00:00Z`);
  return Number.isFinite(d) && (t - d) / 86400000 > OLD_DAYS;
}

function warnings(list, today) {
  const out = [];
  for (const p of list) {
    for (const a of [p.self, p.manager]) {
      if (a && older(a.date, today)) out.push({ code: "team.old", params: { person: p.name, date: a.date, file: a.source } });
    }
    if (!p.manager) out.push({ code: "team.self-only", params: { person: p.name } });
    else if (!p.self) out.push({ code: "team.manager-only", params: { person: p.name } });
  }
  return out;
}

/** The team review for a manager (names shown) and the problems (files that disagree). */
export function review(model, assessments, { today = new Date().toISOString().slice(0, 10) } = {}) {
  const { list, problems } = people(model, assessments);
  return {
    result: {
      audience: "manager",
      people: list.map((p) => personResult(model, p)),
      coverage: coverage(model, list),
      heatmap: heatmap(model, list),
      managers: [],
      warnings: warnings(list, today),
    },
    problems,
  };
}

function tally(items) {
  const out = {};
  for (const item of items) out[item] = (out[item] || 0) + 1;
  return out;
}

/** The review without any person's name or id: per role and level counts, averages from four people. */
export function director(result) {
  const groups = new Map();
  for (const p of result.people) {
    const key = `${p.role}\u0000${p.level}`;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(p);
  }
  const rows = new Map(result.heatmap.rows.map((r) => [r.person, r]));
  const ids = result.heatmap.competencies;
  const outGroups = [...groups.values()].map((members) => {
    let averages = null;
    if (members.length >= MIN_GROUP_FOR_AVERAGES) {
      averages = {};
      ids.forEach((cid, i) => {
        const diffs = members.map((p) => rows.get(p.person).cells[i].diff).filter((d) => d !== null);
        averages[cid] = diffs.length ? round2(diffs.reduce((s, d) => s + d, 0) / diffs.length) : null;
      });
    }
    return {
      role: members[0].role,
      level: members[0].level,
      count: members.length,
      ready: members.filter((p) => p.ready).length,
      blocking: tally(members.flatMap((p) => p.blocking.map((b) => b.competency))),
      idp: tally(members.flatMap((p) => p.idp.map((i) => i.competency))),
      self_vs_manager: members.reduce((s, p) => s + p.self_vs_manager.length, 0),
      averages,
    };
  });
  return {
    audience: "director",
    groups: outGroups,
    coverage: result.coverage.map(({ people: _people, ...rest }) => rest),
    managers: [],
    warnings: Object.entries(tally(result.warnings.map((w) => w.code))).map(([code, count]) => ({ code: `${code}-count`, params: { count } })),
  };
}

/** The part both languages compute (the parity vectors): people, coverage, heat map, or groups. */
export function browserView(result) {
  const out = {};
  for (const k of ["people", "coverage", "heatmap", "groups"]) if (k in result) out[k] = result[k];
  return out;
}

// ---------------------------------------------------------------- xlsx (the browser only: needs DOMParser)

function excelDay(v) {
  if (typeof v === "number" || v instanceof FloatValue) {
    const days = Math.floor(Number(v instanceof FloatValue ? v.value : v));
    return new Date(Date.UTC(1899, 11, 30) + days * 86400000);
  }
  return v;
}

/** An xlsx assessment or a team workbook -> {items: [{where, data}], problems: [text]} (io/assessments.py's layouts). */
export async function xlsxAssessments(model, name, bytes) {
  const { readWorkbook, XlsxError, cellRef } = await import("./xlsx.js");
  const layout = model.vocab.team_xlsx;
  let sheets;
  try {
    sheets = await readWorkbook(bytes);
  } catch (e) {
    return { items: [], problems: [`${name}: ${e instanceof XlsxError ? e.message : "это не файл Excel (xlsx)"}`] };
  }
  const sheet = (n) => sheets.find((s) => s.name === n);
  const metaSheet = sheet(model.vocab.xlsx.meta_sheet);
  const meta = {};
  if (metaSheet) for (let r = 1; r <= Math.min(metaSheet.maxRow, 20); r += 1) if (metaSheet.at(1, r)) meta[String(metaSheet.at(1, r))] = metaSheet.at(2, r);
  const limit = model.vocab.xlsx.max_cell_chars;
  /** Row -> the sentences of its cells' problems: a formula never computed, a text over the limit
      (assessments._cell_problems, xlsx_read.cell_problems). */
  const cellProblems = (ws, lastRow, lastCol) => {
    const bad = new Map();
    for (let r = 1; r <= Math.min(ws.maxRow, lastRow); r += 1) {
      for (let c = 1; c <= Math.min(ws.maxCol, lastCol); c += 1) {
        const v = ws.at(c, r);
        const chars = typeof v === "string" ? [...v].length : 0;
        let found = null;
        if (ws.formula(c, r) && v === null) found = render(model.messages, "xlsx.formula-without-value", {});
        else if (chars > limit) found = render(model.messages, "xlsx.cell-too-long", { chars, limit });
        if (found) bad.set(r, [...(bad.get(r) || []), `${name}:${ws.name}!${cellRef(c, r)}: ${found}`]);
      }
    }
    return bad;
  };
  if (meta.format === layout.team_mark && sheet(layout.team_sheet)) {
    const ws = sheet(layout.team_sheet);
    const bad = cellProblems(ws, Infinity, Infinity);
    // a merged range from the id row down hides an id or a person's row
    const merged = ws.merges.filter(([r1, c1, r2, c2]) => r2 >= 2 && (r1 !== r2 || c1 !== c2)).map(([r1, c1, r2, c2]) =>
      `${name}:${ws.name}!${cellRef(c1, r1)}: ${render(model.messages, "xlsx.merged-id", { ref: `${cellRef(c1, r1)}:${cellRef(c2, r2)}` })}`);
    const head = [...bad.keys()].filter((r) => r < layout.team_first_row).sort((a, b) => a - b);
    if (merged.length || head.length) return { items: [], problems: [...merged, ...head.flatMap((r) => bad.get(r))] };
    const problems = [];
    const ids = new Map();
    for (let c = 1; c <= ws.maxCol; c += 1) if (ws.at(c, 2) !== null) ids.set(c, String(ws.at(c, 2)).trim());
    const items = [];
    for (let r = layout.team_first_row; r <= ws.maxRow; r += 1) {
      const values = [];
      for (let c = 1; c <= ws.maxCol; c += 1) values.push(ws.at(c, r));
      if (bad.has(r)) {
        problems.push(...bad.get(r));
        continue;
      }
      if (values.every((v) => v === null || (typeof v === "string" && !v.trim()))) continue;
      const data = { assessment: 1, role: meta.role ?? null, level: meta.level ?? null, relation: "manager", ratings: {} };
      for (const [c, key] of ids) {
        const v = ws.at(c, r);
        if (layout.team_head.includes(key)) data[key] = key === "date" ? excelDay(v) : v;
        else if (key) data.ratings[key] = v;
      }
      items.push({ where: `${name}:${ws.name}!${r}`, data });
    }
    return { items, problems };
  }
  if (meta.format === layout.assessment_mark && sheet(layout.sheet)) {
    const ws = sheet(layout.sheet);
    const bad = cellProblems(ws, model.vocab.xlsx.card_rows, model.vocab.xlsx.card_columns);
    if (bad.size) return { items: [], problems: [...bad.keys()].sort((a, b) => a - b).flatMap((r) => bad.get(r)) };
    const data = { assessment: meta.assessment ?? null, role: meta.role ?? null, level: meta.level ?? null, relation: meta.relation ?? null };
    let columns = null;
    const ids = model.competencies.map((c) => c.id);
    for (let r = 1; r <= ws.maxRow; r += 1) {
      const first = ws.at(1, r);
      const title = typeof first === "string" ? first.trim() : null;
      if (!columns && title !== null && Object.hasOwn(layout.head_labels, title)) {
        const key = layout.head_labels[title];
        data[key] = key === "date" ? excelDay(ws.at(2, r)) : ws.at(2, r);
      } else if (!columns && title === layout.id_header) {
        columns = {};
        for (let c = 1; c <= ws.maxCol; c += 1) if (ws.at(c, r) !== null) columns[String(ws.at(c, r)).trim()] = c;
      } else if (columns && title && ids.includes(title)) {
        data.ratings = data.ratings || {};
        data.ratings[title] = ws.at(columns[layout.rating_header] || 4, r);
        const ev = ws.at(columns[layout.evidence_header] || 5, r);
        if (ev !== null) {
          data.evidence = data.evidence || {};
          data.evidence[title] = ev;
        }
      }
    }
    return { items: [{ where: name, data }], problems: [] };
  }
  return { items: [], problems: [`${name}: это не файл оценки Account Path: сохраните самооценку на странице «Самооценка» или сделайте книгу командой accountpath team-workbook`] };
}
