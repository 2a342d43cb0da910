/* Account Path: the value rules of a filled scorecard (issue 10 §3), a port of
   src/accountpath/cardcheck.py: the same values accepted in every format the browser reads
   (JSON, YAML, xlsx) and refused with the very same Russian message as the command line:
   - a rating is a whole number 1..5, also as text ("4"); null, empty text, «не оценивалось»
     or «-» mean «not assessed»; 3.0, "3.5", true and everything else are refused;
   - a date is YYYY-MM-DD or DD.MM.YYYY, a real calendar day, kept as YYYY-MM-DD;
   - a recommendation is strong_no | no | yes | strong_yes (or its Russian label), or empty.
   The fixed lists (card keys, versions, not-assessed spellings, recommendation codes and
   labels) come from model.json `vocab` (accountpath.vocab.browser_vocab()), never restated.
   tests/vectors/cards.json runs through this module under node and in Chromium.
   Pure: no DOM. Parsers hand numbers written with a point or an exponent over as
   FloatValue, so 3.0 stays distinguishable from 3 as in Python. */

import { casefold, closeMatch, squashSpaces } from "./names.js";

/** A number written as a float in the source (3.0, 2.5, 1e0): never a valid rating. */
export class FloatValue {
  constructor(value, source) {
    this.value = value;
    this.source = source === undefined ? String(value) : source;
  }

  toString() {
    return this.source;
  }
}

/** A value as Python's str() writes it (floats keep their point, lists and dicts their repr). */
export function pyStr(value) {
  if (value instanceof FloatValue) {
    const v = value.value;
    return Number.isFinite(v) ? (Number.isInteger(v) && Math.abs(v) < 1e16 ? v.toFixed(1) : String(v)) : value.source;
  }
  if (value === null || value === undefined) return "None";
  if (value === true || value === false) return value ? "True" : "False";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  const repr = (x) => (typeof x === "string" ? `'${x}'` : pyStr(x));
  if (Array.isArray(value)) return `[${value.map(repr).join(", ")}]`;
  if (typeof value === "object") return `{${Object.entries(value).map(([k, v]) => `'${k}': ${repr(v)}`).join(", ")}}`;
  return String(value);
}

/** A value as the messages quote it (cardcheck.shown). */
export function shown(value) {
  if (value === null || value === undefined) return "«»";
  if (value === true || value === false) return value ? "«true»" : "«false»";
  return `«${pyStr(value)}»`;
}

const isText = (v) => typeof v === "string";
const isNumber = (v) => typeof v === "number" || v instanceof FloatValue;
const isMapping = (v) => v !== null && typeof v === "object" && !Array.isArray(v) && !(v instanceof FloatValue) && !(v instanceof Date);
const notAssessed = (vocab, text) => vocab.not_assessed_spellings.includes(casefold(squashSpaces(text)));

/** {value: 1..5|null} or {error: Russian reason} (cardcheck.rating_value). */
export function ratingValue(vocab, raw) {
  if (raw === null || raw === undefined) return { value: null };
  if (typeof raw === "number" && Number.isInteger(raw) && raw >= 1 && raw <= 5) return { value: raw };
  if (isText(raw)) {
    const text = squashSpaces(raw);
    if (notAssessed(vocab, text)) return { value: null };
    if (vocab.ratings.map(String).includes(text)) return { value: Number(text) };
  }
  return { error: "оценка должна быть целым числом 1..5; если компетенцию не оценивали, оставьте пусто "
    + `или напишите «не оценивалось»; сейчас ${shown(raw)}` };
}

function realDay(y, m, d) {
  const t = new Date(Date.UTC(2000, m - 1, d));
  t.setUTCFullYear(y);
  return y >= 1 && t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/** {value: "YYYY-MM-DD"|null} or {error} (cardcheck.date_value); Date objects are days. */
export function dateValue(raw) {
  if (raw === null || raw === undefined || (isText(raw) && !raw.trim())) return { value: null };
  if (raw instanceof Date && !Number.isNaN(raw.getTime())) return { value: raw.toISOString().slice(0, 10) };
  if (isText(raw)) {
    const text = raw.trim();
    const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
    const ru = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(text);
    const ymd = iso ? [iso[1], iso[2], iso[3]] : ru ? [ru[3], ru[2], ru[1]] : null;
    if (ymd && realDay(Number(ymd[0]), Number(ymd[1]), Number(ymd[2]))) return { value: ymd.join("-") };
  }
  return { error: `дата пишется как ГГГГ-ММ-ДД или ДД.ММ.ГГГГ и должна существовать в календаре; сейчас ${shown(raw)}` };
}

/** {value: code|null} or {error} (cardcheck.recommendation_value): codes, labels, YAML yes/no. */
export function recommendationValue(vocab, raw) {
  if (raw === null || raw === undefined) return { value: null };
  if (raw === true || raw === false) return { value: raw ? "yes" : "no" };
  const labels = vocab.recommendation_labels;
  if (isText(raw)) {
    const text = casefold(squashSpaces(raw));
    if (vocab.not_assessed_spellings.includes(text)) return { value: null };
    const hit = vocab.recommendations.find((code) => text === code || text === casefold(labels[code]));
    if (hit) return { value: hit };
  }
  const options = vocab.recommendations.map((code) => `${code} (${labels[code].toLowerCase()})`).join(", ");
  return { error: `рекомендация — одно из: ${options}; или пусто; сейчас ${shown(raw)}` };
}

/** Free text (a note, take-aways): {value: text|null} or {error} (cardcheck.text_value). */
export function textValue(raw) {
  if (raw === null || raw === undefined) return { value: null };
  if (!isText(raw) && !isNumber(raw)) return { error: `здесь нужен текст; сейчас ${shown(raw)}` };
  return { value: pyStr(raw).trim() || null };
}

function checkKeys(model, data, out) {
  const keys = model.vocab.card_keys;
  for (const key of Object.keys(data).filter((k) => !keys.includes(k))) {
    const hint = closeMatch(key, keys);
    out.push({ path: [key], message: `неизвестное поле «${key}»` + (hint ? ` (может быть, «${hint}»?)` : `; допустимые поля: ${keys.join(", ")}`) });
  }
  const versions = model.vocab.card_versions;
  const v = data.scorecard;
  const number = v === true ? 1 : v instanceof FloatValue ? v.value : v;
  if ("scorecard" in data && !versions.includes(number)) {
    out.push({ path: ["scorecard"], message: `«scorecard» — номер версии формата, ${versions.join(" или ")}; сейчас ${shown(v)}` });
  }
}

function requiredText(data, key, out) {
  const v = data[key];
  if (v === null || v === undefined || (isText(v) && !v.trim())) {
    out.push({ path: key in data ? [key] : [], message: `не заполнено поле «${key}»` });
    return null;
  }
  if (!isText(v) && !isNumber(v)) {
    out.push({ path: [key], message: `«${key}» должно быть текстом; сейчас ${shown(v)}` });
    return null;
  }
  return squashSpaces(pyStr(v));
}

function head(model, data, out) {
  const [roleId, levelId, candidate, interviewer] = ["role", "level", "candidate", "interviewer"].map((k) => requiredText(data, k, out));
  const values = {};
  const checks = [["candidate_id", textValue], ["date", dateValue], ["recommendation", (x) => recommendationValue(model.vocab, x)], ["takeaways", textValue], ["overall_notes", textValue]];
  for (const [key, check] of checks) {
    const got = check(data[key]);
    values[key] = got.error ? null : got.value;
    if (got.error) out.push({ path: [key], message: `${key}: ${got.error}` });
  }
  const role = roleId ? (model.roles || []).find((r) => r.id === roleId) || null : null;
  if (roleId && !role) out.push({ path: ["role"], message: `неизвестная роль «${roleId}»; роли модели: ${model.roles.map((r) => r.id).join(", ")}` });
  const level = role && levelId ? role.levels.find((lv) => lv.id === levelId) || null : null;
  if (role && levelId && !level) {
    out.push({ path: ["level"], message: `у роли «${role.id}» нет уровня «${levelId}»; её уровни: ${role.levels.map((lv) => lv.id).join(", ")}` });
  }
  return { role, level, candidate: candidate || "", interviewer: interviewer || "", ...values };
}

function notOfRole(model, cid, role) {
  const own = role.competencies.map((rc) => rc.id);
  const hint = closeMatch(cid, own);
  const tip = hint ? ` (может быть, «${hint}»?)` : `; её компетенции: ${own.join(", ")}`;
  const known = (model.competencies || []).some((c) => c.id === cid);
  return (known ? `роль «${role.id}» не оценивает компетенцию «${cid}»` : `неизвестная компетенция «${cid}»`) + tip;
}

const owns = (role, cid) => role.competencies.some((rc) => rc.id === cid);

/** ratings or notes: a mapping competency id -> value, each value through `check`. */
function perCompetency(model, data, key, role, check, out) {
  const found = {};
  const raw = data[key];
  if (!isMapping(raw)) {
    out.push({ path: [key], message: key === "ratings" ? "«ratings» — словарь «id компетенции: оценка»" : "«notes» — словарь «id компетенции: текст»" });
    return found;
  }
  for (const [cid, value] of Object.entries(raw)) {
    if (role && !owns(role, cid)) {
      out.push({ path: [key, cid], message: notOfRole(model, cid, role) });
      continue;
    }
    const got = check(value);
    if (got.error) out.push({ path: [key, cid], message: `${cid}: ${got.error}` });
    else if (key === "ratings") found[cid] = got.value;
    else if (got.value) found[cid] = got.value;
  }
  return found;
}

function focusOf(model, data, role, out) {
  let raw = data.focus;
  if (raw === null || raw === undefined) return [];
  if (isText(raw)) raw = raw.split(",").map((p) => p.trim()).filter(Boolean);
  if (!Array.isArray(raw) || !raw.every(isText)) {
    out.push({ path: ["focus"], message: "«focus» — список id компетенций роли" });
    return [];
  }
  raw.forEach((cid, i) => {
    if (role && !owns(role, cid)) out.push({ path: ["focus", i], message: notOfRole(model, cid, role) });
    else if (raw.slice(0, i).includes(cid)) out.push({ path: ["focus", i], message: `«${cid}» уже есть в «focus»` });
  });
  return raw.slice();
}

/**
 * Check one parsed filled scorecard against the model (cardcheck.card_from_data).
 * Returns {card, problems}: card is the normalised card of cardcheck.card_data (role,
 * level, candidate, interviewer, date, recommendation, takeaways, focus, ratings, notes,
 * overall_notes) or null; problems are [{path, message}], Russian, empty when valid.
 */
export function checkCard(model, data) {
  if (!isMapping(data)) {
    return { card: null, problems: [{ path: [], message: "оценочный лист должен быть словарём с полями role, level, candidate, interviewer и ratings" }] };
  }
  const out = [];
  checkKeys(model, data, out);
  const hd = head(model, data, out);
  let ratings = {};
  if (data.ratings === null || data.ratings === undefined) {
    out.push({ path: "ratings" in data ? ["ratings"] : [], message: "не заполнено поле «ratings»: дайте каждой компетенции оценку 1..5 или оставьте пусто, если её не оценивали" });
  } else {
    ratings = perCompetency(model, data, "ratings", hd.role, (v) => ratingValue(model.vocab, v), out);
  }
  const notes = data.notes === null || data.notes === undefined ? {} : perCompetency(model, data, "notes", hd.role, textValue, out);
  const focus = focusOf(model, data, hd.role, out);
  if (out.length) return { card: null, problems: out };
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
