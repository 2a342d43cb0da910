// @ts-check
/* Account Path: the rules of a filled scorecard, the same as src/accountpath/io/cardcheck.py.
   The shape (keys, types, required fields, date form, rating range) is the card's JSON
   Schema (model.json `card_schema`, package data card.schema.json) applied by ./schema.js;
   each failing schema node names its problem code (`x-code`) and params (`x-params`).
   What stays here is what a schema cannot say: ratings written as text or «not assessed»,
   calendar dates, recommendation labels, control characters in names and notes, and the role,
   level and competency ids of the model.
   A problem is {path, key, code, params, message}: the path of the value (key: true when it
   points at the key), a code of the message table (model.json `messages`) with its params,
   and the sentence rendered from that table by ./messages.js. The reader (cardread.js)
   turns the path into a file position. Parsers hand over values as written (YAML 1.2 core):
   numbers written with a point or an exponent arrive as FloatValue, kept as written.
   tests/vectors/cards.json runs through this module under node and in Chromium. Pure: no DOM. */

import { render } from "./messages.js";
import { casefold, closeMatch, squashSpaces } from "./names.js";
import { validate } from "./schema.js";

/** A number written as a float in the source (3.0, 2.5, 1e0): never a valid rating; shown as written. */
export class FloatValue {
  constructor(value, source) {
    this.value = value;
    this.source = source === undefined ? String(value) : source;
  }

  toString() {
    return this.source;
  }
}

/** A value as the messages quote it (cardcheck.value_text): "" for null, floats as written, lists and mappings as compact JSON. */
export function valueText(value) {
  if (value === null || value === undefined) return "";
  if (value === true || value === false) return value ? "true" : "false";
  if (value instanceof FloatValue) return value.source;
  if (typeof value === "object") return JSON.stringify(value, (k, v) => (v instanceof FloatValue ? v.source : typeof v === "bigint" ? String(v) : v));
  return String(value);
}

const isText = (v) => typeof v === "string";
const isMapping = (v) => v !== null && typeof v === "object" && !Array.isArray(v) && !(v instanceof FloatValue);
const notAssessed = (vocab, text) => vocab.not_assessed_spellings.includes(casefold(squashSpaces(text)));

/** {value: 1..5|null} or {reason: [code, params]} (cardcheck.rating_value). */
export function ratingValue(vocab, raw) {
  if (raw === null || raw === undefined) return { value: null };
  if (typeof raw === "number" && Number.isInteger(raw) && raw >= 1 && raw <= 5) return { value: raw };
  if (isText(raw)) {
    const text = squashSpaces(raw);
    if (notAssessed(vocab, text)) return { value: null };
    if (vocab.ratings.map(String).includes(text)) return { value: Number(text) };
  }
  return { reason: ["card.rating", { value: valueText(raw) }] };
}

function realDay(y, m, d) {
  const t = new Date(Date.UTC(2000, m - 1, d));
  t.setUTCFullYear(y);
  return y >= 1 && t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/** {value: "YYYY-MM-DD"|null} or {reason} (cardcheck.date_value). */
export function dateValue(raw) {
  if (raw === null || raw === undefined || (isText(raw) && !raw.trim())) return { value: null };
  if (isText(raw)) {
    const text = raw.trim();
    const iso = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/.exec(text);
    const ru = /^([0-9]{2})\.([0-9]{2})\.([0-9]{4})$/.exec(text);
    const ymd = iso ? [iso[1], iso[2], iso[3]] : ru ? [ru[3], ru[2], ru[1]] : null;
    if (ymd && realDay(Number(ymd[0]), Number(ymd[1]), Number(ymd[2]))) return { value: ymd.join("-") };
  }
  return { reason: ["card.date", { value: valueText(raw) }] };
}

/** The recommendation codes with their labels, as the refusal lists them. */
export function recommendationOptions(vocab) {
  return vocab.recommendations.map((code) => `${code} (${vocab.recommendation_labels[code].toLowerCase()})`).join(", ");
}

/** {value: code|null} or {reason} (cardcheck.recommendation_value): codes and labels; a boolean is refused. */
export function recommendationValue(vocab, raw) {
  if (raw === null || raw === undefined) return { value: null };
  if (isText(raw)) {
    const text = casefold(squashSpaces(raw));
    if (vocab.not_assessed_spellings.includes(text)) return { value: null };
    const hit = vocab.recommendations.find((code) => text === code || text === casefold(vocab.recommendation_labels[code]));
    if (hit) return { value: hit };
  }
  return { reason: ["card.recommendation", { value: valueText(raw), options: recommendationOptions(vocab) }] };
}

/** Free text (a note, take-aways): {value: text|null} or {reason} (cardcheck.text_value). */
export function textValue(raw) {
  if (raw === null || raw === undefined) return { value: null };
  if (!isText(raw) && typeof raw !== "number" && typeof raw !== "bigint" && !(raw instanceof FloatValue)) return { reason: ["card.text", { value: valueText(raw) }] };
  return { value: valueText(raw).trim() || null };
}

const pathKey = (path) => JSON.stringify(path);

/** The schema's problems: {problems, bad: Set of path keys refused} (cardcheck.shape_problems). */
function shapeProblems(model, data) {
  const root = model.card_schema;
  const problems = [];
  const bad = new Set();
  for (const e of validate(root, data)) {
    if (e.keyword === "required") {
      const prop = (root.properties || {})[e.instance] || {};
      const code = prop["x-missing"] || root["x-missing"];
      problems.push({ path: [], key: true, code, params: code === "card.ratings-missing" ? {} : { key: e.instance } });
      bad.add(pathKey([e.instance]));
    } else if (e.schema === root.propertyNames) {
      problems.push(unknownKey(model, String(e.instance)));
      bad.add(pathKey([String(e.instance)]));
    } else {
      const code = e.schema["x-code"];
      const names = e.schema["x-params"] || ["key", "value"];
      const known = { key: e.path.length ? String(e.path[e.path.length - 1]) : "", value: valueText(e.instance), options: recommendationOptions(model.vocab) };
      problems.push({ path: e.path, key: false, code, params: Object.fromEntries(names.map((n) => [n, known[n]])) });
      bad.add(pathKey(e.path));
    }
  }
  return { problems, bad };
}

function unknownKey(model, key) {
  const keys = model.vocab.card_keys;
  const hint = closeMatch(key, keys);
  return hint
    ? { path: [key], key: true, code: "card.unknown-key-hint", params: { key, hint } }
    : { path: [key], key: true, code: "card.unknown-key", params: { key, keys: keys.join(", ") } };
}

function textOf(data, key) {
  const v = Object.hasOwn(data, key) ? data[key] : null;
  if (v === null || v === undefined || typeof v === "boolean" || typeof v === "object" && !(v instanceof FloatValue)) return null;
  return squashSpaces(valueText(v)) || null;
}

function head(model, data, shaped, out) {
  const [roleId, levelId] = [textOf(data, "role"), textOf(data, "level")];
  const values = {};
  const checks = [["candidate_id", textValue], ["date", dateValue], ["recommendation", (x) => recommendationValue(model.vocab, x)], ["takeaways", textValue], ["overall_notes", textValue]];
  for (const [key, check] of checks) {
    const got = shaped.has(key) ? check(Object.hasOwn(data, key) ? data[key] : null) : { value: null };
    values[key] = got.reason ? null : got.value;
    if (got.reason) out.push({ path: [key], key: false, code: got.reason[0], params: { key, ...got.reason[1] } });
  }
  const role = roleId && shaped.has("role") ? (model.roles || []).find((r) => r.id === roleId) || null : null;
  if (roleId && shaped.has("role") && !role) out.push({ path: ["role"], key: false, code: "card.unknown-role", params: { role: roleId, roles: model.roles.map((r) => r.id).join(", ") } });
  const level = role && levelId ? role.levels.find((lv) => lv.id === levelId) || null : null;
  if (role && levelId && !level) {
    out.push({ path: ["level"], key: false, code: "card.unknown-level", params: { role: role.id, level: levelId, levels: role.levels.map((lv) => lv.id).join(", ") } });
  }
  return { role, level, candidate: textOf(data, "candidate") || "", interviewer: textOf(data, "interviewer") || "", ...values };
}

function notOfRole(model, path, cid, role, key) {
  const own = role.competencies.map((rc) => rc.id);
  const hint = closeMatch(cid, own);
  const code = (model.competencies || []).some((c) => c.id === cid) ? "card.not-of-role" : "card.unknown-competency";
  return hint
    ? { path, key, code: `${code}-hint`, params: { role: role.id, cid, hint } }
    : { path, key, code, params: { role: role.id, cid, ids: own.join(", ") } };
}

/** Control characters (C0 but tab and line breaks, DEL, C1): never part of a name or a note (cardcheck._CONTROL). */
// eslint-disable-next-line no-control-regex -- control characters are what it finds
const CONTROL = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]/;

/** A name or a note with a control character (ESC, BEL, ...) is refused at its place (cardcheck._control_characters). */
function controlCharacters(data, out) {
  const places = ["candidate", "interviewer", "takeaways", "overall_notes", "open_note"].map((key) => [[key], Object.hasOwn(data, key) ? data[key] : null]);
  const notes = Object.hasOwn(data, "notes") ? data.notes : null;
  if (isMapping(notes)) for (const [cid, text] of Object.entries(notes)) places.push([["notes", cid], text]);
  for (const [path, value] of places) {
    const found = isText(value) ? CONTROL.exec(value) : null;
    if (found) {
      const char = `U+${found[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`;
      out.push({ path, key: false, code: "card.control-character", params: { field: path.join("."), char } });
    }
  }
}

const owns = (role, cid) => role.competencies.some((rc) => rc.id === cid);

/** ratings or notes: a mapping competency id -> value, each value through `check` (cardcheck._per_competency). */
function perCompetency(model, data, key, role, bad, check, out) {
  const found = {};
  const raw = Object.hasOwn(data, key) ? data[key] : null;
  if (!isMapping(raw) || bad.has(pathKey([key]))) return found;
  for (const [cid, value] of Object.entries(raw)) {
    if (role && !owns(role, cid)) {
      out.push(notOfRole(model, [key, cid], cid, role, true));
      continue;
    }
    if (bad.has(pathKey([key, cid]))) continue;
    const got = check(value);
    if (got.reason) out.push({ path: [key, cid], key: false, code: got.reason[0], params: { key: cid, ...got.reason[1] } });
    else found[cid] = got.value;
  }
  return found;
}

function focusOf(model, data, role, out) {
  let raw = Object.hasOwn(data, "focus") ? data.focus : null;
  if (raw === null || raw === undefined) return [];
  if (isText(raw)) raw = raw.split(",").map((p) => p.trim()).filter(Boolean);
  raw.forEach((cid, i) => {
    if (role && !owns(role, cid)) out.push(notOfRole(model, ["focus", i], cid, role, false));
    else if (raw.slice(0, i).includes(cid)) out.push({ path: ["focus", i], key: false, code: "card.focus-repeated", params: { cid } });
  });
  return raw.slice();
}

/**
 * Check one parsed filled scorecard against the model (cardcheck.card_from_data).
 * Returns {card, problems}: card is the normalised card of cardcheck.card_data (role,
 * level, candidate, interviewer, date, recommendation, takeaways, focus, ratings, notes,
 * overall_notes) or null; problems are [{path, key, code, params, message}], empty when valid.
 */
export function checkCard(model, data) {
  const { problems: out, bad } = shapeProblems(model, data);
  const done = () => out.map((p) => ({ ...p, message: render(model.messages, p.code, p.params) }));
  if (!isMapping(data)) return { card: null, problems: done() };
  const shaped = new Set(Object.keys(data).filter((k) => !bad.has(pathKey([k]))));
  const hd = head(model, data, shaped, out);
  const ratings = perCompetency(model, data, "ratings", hd.role, bad, (v) => ratingValue(model.vocab, v), out);
  const notes = perCompetency(model, data, "notes", hd.role, bad, textValue, out);
  const focus = shaped.has("focus") ? focusOf(model, data, hd.role, out) : [];
  controlCharacters(data, out);
  if (out.length) return { card: null, problems: done() };
  for (const cid of Object.keys(notes)) if (!notes[cid]) delete notes[cid];
  return {
    card: {
      role: hd.role.id, level: hd.level.id, candidate: hd.candidate, ...(hd.candidate_id ? { candidate_id: hd.candidate_id } : {}),
      interviewer: hd.interviewer, date: hd.date,
      recommendation: hd.recommendation, takeaways: hd.takeaways, focus, ratings, notes, overall_notes: hd.overall_notes,
    },
    problems: [],
  };
}

/** A card as the JSON file `accountpath evaluate` reads (empty optional fields left out). */
export function cardFile(model, card) {
  const out = { scorecard: model.vocab.card_version, role: card.role, level: card.level, candidate: card.candidate };
  if (card.candidate_id) out.candidate_id = card.candidate_id;
  out.interviewer = card.interviewer;
  if (card.date) out.date = card.date;
  if (card.recommendation) out.recommendation = card.recommendation;
  if (card.takeaways) out.takeaways = card.takeaways;
  if (card.focus && card.focus.length) out.focus = card.focus;
  out.ratings = card.ratings;
  out.notes = card.notes || {};
  if (card.overall_notes) out.overall_notes = card.overall_notes;
  return out;
}
