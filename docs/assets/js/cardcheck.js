/* Account Path: the value rules of a filled scorecard (issue 10 §3), the same in every
   format the browser reads (JSON, YAML, xlsx), and the same as the command line's:
   - a rating is a whole number 1..5, also written as text ("4"); null, empty text,
     «не оценивалось» and «-» mean «not assessed»; 3.0, 2.5, 7, true, "four" are refused;
   - a date is YYYY-MM-DD or DD.MM.YYYY (a real calendar day), kept as YYYY-MM-DD;
   - the overall recommendation is strong_no | no | yes | strong_yes (or its Russian label);
   - take-aways are text or a list of texts; focus is a list of the role's competencies.
   Every refusal is one Russian sentence from MESSAGES (one table, to align with Python's).
   Pure: no DOM. Parsers hand numbers written with a point or an exponent over as
   FloatValue, so 3.0 stays distinguishable from 3 as in Python. */

import { casefold, squashSpaces } from "./names.js";

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

/** The overall recommendations of an interviewer, in order (no neutral one). */
export const RECOMMENDATIONS = Object.freeze([
  { code: "strong_no", label: "Однозначно нет" },
  { code: "no", label: "Скорее нет" },
  { code: "yes", label: "Скорее да" },
  { code: "strong_yes", label: "Однозначно да" },
]);

/** Spellings of «not assessed» (compared after casefold and trimming). */
export const NOT_ASSESSED = Object.freeze(["", "не оценивалось", "-", "—"]);

/** Keys a filled scorecard may have (version 1, with the optional additions of issue 10). */
export const CARD_KEYS = Object.freeze(["scorecard", "role", "level", "candidate", "interviewer", "date",
  "ratings", "notes", "overall_notes", "recommendation", "takeaways", "focus"]);

/** Every refusal, one sentence each. `v` is the offending value as shown to the user. */
export const MESSAGES = Object.freeze({
  not_mapping: () => "оценочный лист должен быть объектом с полями role, level, candidate, interviewer и ratings",
  unknown_key: (key) => `неизвестное поле «${key}»; допустимы: ${CARD_KEYS.join(", ")}`,
  version: (v) => `поле scorecard должно быть 1 (версия формата), а не ${v}`,
  missing: (key, what) => `не заполнено поле ${key} (${what})`,
  not_text: (key) => `поле ${key} должно быть текстом`,
  date: (v) => `дата должна быть в виде ГГГГ-ММ-ДД или ДД.ММ.ГГГГ (настоящий день календаря), а не ${v}`,
  unknown_role: (id, known) => `неизвестная роль «${id}»; есть роли: ${known}`,
  unknown_level: (role, id, known) => `у роли «${role}» нет уровня «${id}»; есть уровни: ${known}`,
  no_ratings: () => "нет оценок (ratings): поставьте каждой компетенции оценку 1–5 или «не оценивалось»",
  ratings_mapping: () => "поле ratings должно быть объектом «компетенция: оценка»",
  not_of_role: (cid, role, own) => `компетенцию «${cid}» роль «${role}» не оценивает; её компетенции: ${own}`,
  rating: (cid, v) => `${cid}: оценка должна быть целым числом от 1 до 5 (можно текстом: «4») или пустой, «не оценивалось», «-», если компетенцию не оценивали, а не ${v}`,
  notes_mapping: () => "поле notes должно быть объектом «компетенция: текст»",
  note_not_of_role: (cid, role) => `заметка к компетенции «${cid}», которую роль «${role}» не оценивает`,
  note_text: (cid) => `заметка к ${cid} должна быть текстом`,
  recommendation: (v) => `рекомендация должна быть одной из: ${RECOMMENDATIONS.map((r) => `${r.code} («${r.label}»)`).join(", ")}, а не ${v}`,
  takeaways: () => "поле takeaways должно быть текстом или списком текстов",
  focus: () => "поле focus должно быть списком компетенций роли",
  focus_unknown: (cid, role) => `в фокусе компетенция «${cid}», которую роль «${role}» не оценивает`,
});

/** A value as quoted in a message: text in «», numbers as written, the rest as JSON. */
export function show(value) {
  if (typeof value === "string") return `«${value}»`;
  if (value instanceof FloatValue) return value.source;
  if (value === undefined) return "пусто";
  try {
    return JSON.stringify(value);
  } catch (e) {
    return String(value);
  }
}

/** A rating as {value: 1..5|null} or {error: true}. */
export function ratingValue(raw) {
  if (raw === null || raw === undefined) return { value: null };
  if (typeof raw === "number" && Number.isInteger(raw) && raw >= 1 && raw <= 5) return { value: raw };
  if (typeof raw === "string") {
    const text = raw.trim();
    if (NOT_ASSESSED.includes(casefold(text))) return { value: null };
    if (/^[1-5]$/.test(text)) return { value: Number(text) };
  }
  return { error: true };
}

function realDay(y, m, d) {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/** A date as {value: "YYYY-MM-DD"|null} or {error: true}; Date objects are taken as days. */
export function dateValue(raw) {
  if (raw === null || raw === undefined) return { value: null };
  if (raw instanceof Date && !Number.isNaN(raw.getTime())) return { value: raw.toISOString().slice(0, 10) };
  if (typeof raw !== "string") return { error: true };
  const text = raw.trim();
  if (!text) return { value: null };
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  let ymd = m ? [m[1], m[2], m[3]] : null;
  m = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(text);
  if (m) ymd = [m[3], m[2], m[1]];
  if (!ymd || !realDay(Number(ymd[0]), Number(ymd[1]), Number(ymd[2]))) return { error: true };
  return { value: ymd.join("-") };
}

/** An overall recommendation as {value: code|null} or {error: true}; codes or labels. */
export function recommendationValue(raw, choices = RECOMMENDATIONS) {
  if (raw === null || raw === undefined) return { value: null };
  if (typeof raw !== "string") return { error: true };
  const key = casefold(squashSpaces(raw));
  if (!key || NOT_ASSESSED.includes(key)) return { value: null };
  const hit = choices.find((r) => r.code === key || casefold(r.label) === key);
  return hit ? { value: hit.code } : { error: true };
}

/** Take-aways as a list of non-empty texts, or {error: true}. */
export function takeawaysValue(raw) {
  if (raw === null || raw === undefined) return { value: [] };
  const list = Array.isArray(raw) ? raw : [raw];
  if (!list.every((t) => t === null || typeof t === "string")) return { error: true };
  return { value: list.filter((t) => t && t.trim()).map((t) => t.trim()) };
}

function textField(data, key, what, problems) {
  const v = data[key];
  if (v === null || v === undefined || (typeof v === "string" && !v.trim())) {
    problems.push({ path: [key], message: MESSAGES.missing(key, what) });
    return null;
  }
  if (typeof v !== "string" && typeof v !== "number" && !(v instanceof FloatValue)) {
    problems.push({ path: [key], message: MESSAGES.not_text(key) });
    return null;
  }
  return squashSpaces(String(v));
}

function roleAndLevel(model, roleId, levelId, problems) {
  const role = roleId ? (model.roles || []).find((r) => r.id === roleId) || null : null;
  if (roleId && !role) {
    problems.push({ path: ["role"], message: MESSAGES.unknown_role(roleId, model.roles.map((r) => r.id).join(", ")) });
  }
  const level = role && levelId ? role.levels.find((lv) => lv.id === levelId) || null : null;
  if (role && levelId && !level) {
    problems.push({ path: ["level"], message: MESSAGES.unknown_level(role.id, levelId, role.levels.map((lv) => lv.id).join(", ")) });
  }
  return { role, level };
}

function ratingsField(data, role, problems) {
  const ratings = {};
  const raw = data.ratings;
  if (raw === undefined || raw === null) {
    problems.push({ path: ["ratings"], message: MESSAGES.no_ratings() });
  } else if (typeof raw !== "object" || Array.isArray(raw)) {
    problems.push({ path: ["ratings"], message: MESSAGES.ratings_mapping() });
  } else {
    const own = role ? role.competencies.map((rc) => rc.id) : null;
    for (const [cid, value] of Object.entries(raw)) {
      if (own && !own.includes(cid)) {
        problems.push({ path: ["ratings", cid], message: MESSAGES.not_of_role(cid, role.id, own.join(", ")) });
        continue;
      }
      const r = ratingValue(value);
      if (r.error) problems.push({ path: ["ratings", cid], message: MESSAGES.rating(cid, show(value)) });
      else ratings[cid] = r.value;
    }
  }
  return ratings;
}

function notesField(data, role, problems) {
  const notes = {};
  const raw = data.notes;
  if (raw !== undefined && raw !== null && (typeof raw !== "object" || Array.isArray(raw))) {
    problems.push({ path: ["notes"], message: MESSAGES.notes_mapping() });
    return notes;
  }
  const own = role ? role.competencies.map((rc) => rc.id) : null;
  for (const [cid, value] of Object.entries(raw || {})) {
    if (own && !own.includes(cid)) problems.push({ path: ["notes", cid], message: MESSAGES.note_not_of_role(cid, role.id) });
    else if (value !== null && typeof value !== "string" && typeof value !== "number" && !(value instanceof FloatValue)) {
      problems.push({ path: ["notes", cid], message: MESSAGES.note_text(cid) });
    } else if (value !== null && String(value).trim()) notes[cid] = String(value);
  }
  return notes;
}

function focusField(data, role, problems) {
  const raw = data.focus;
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw) || !raw.every((x) => typeof x === "string")) {
    problems.push({ path: ["focus"], message: MESSAGES.focus() });
    return [];
  }
  const own = role ? role.competencies.map((rc) => rc.id) : null;
  raw.filter((cid) => own && !own.includes(cid)).forEach((cid) => problems.push({ path: ["focus"], message: MESSAGES.focus_unknown(cid, role.id) }));
  return raw.slice();
}

function extrasField(data, problems, choices) {
  const out = { date: null, recommendation: null, takeaways: [], overall: "" };
  const d = dateValue(data.date);
  if (d.error) problems.push({ path: ["date"], message: MESSAGES.date(show(data.date)) });
  else out.date = d.value;
  const rec = recommendationValue(data.recommendation, choices);
  if (rec.error) problems.push({ path: ["recommendation"], message: MESSAGES.recommendation(show(data.recommendation)) });
  else out.recommendation = rec.value;
  const t = takeawaysValue(data.takeaways);
  if (t.error) problems.push({ path: ["takeaways"], message: MESSAGES.takeaways() });
  else out.takeaways = t.value;
  const overall = data.overall_notes;
  if (overall !== undefined && overall !== null && typeof overall !== "string") {
    problems.push({ path: ["overall_notes"], message: MESSAGES.not_text("overall_notes") });
  } else out.overall = overall || "";
  return out;
}

/**
 * Check one parsed filled scorecard against the model, as `accountpath evaluate` does.
 * Returns {card, problems}: card is clean (names squashed, values normalised) or null;
 * problems are [{path, message}] with Russian messages, empty when the card is valid.
 */
export function checkCard(model, data, choices = RECOMMENDATIONS) {
  if (data === null || typeof data !== "object" || Array.isArray(data) || data instanceof FloatValue) {
    return { card: null, problems: [{ path: [], message: MESSAGES.not_mapping() }] };
  }
  const problems = [];
  Object.keys(data).filter((k) => !CARD_KEYS.includes(k)).forEach((k) => problems.push({ path: [k], message: MESSAGES.unknown_key(k) }));
  if ("scorecard" in data && data.scorecard !== 1 && data.scorecard !== "1") {
    problems.push({ path: ["scorecard"], message: MESSAGES.version(show(data.scorecard)) });
  }
  const roleId = textField(data, "role", "роль", problems);
  const levelId = textField(data, "level", "уровень", problems);
  const candidate = textField(data, "candidate", "кандидат", problems);
  const interviewer = textField(data, "interviewer", "интервьюер", problems);
  const extras = extrasField(data, problems, choices);
  const { role, level } = roleAndLevel(model, roleId, levelId, problems);
  const ratings = ratingsField(data, role, problems);
  const notes = notesField(data, role, problems);
  const focus = focusField(data, role, problems);
  if (problems.length) return { card: null, problems };
  return {
    card: {
      scorecard: 1, role: role.id, level: level.id, candidate, interviewer, date: extras.date,
      ratings, notes, overall_notes: extras.overall, recommendation: extras.recommendation,
      takeaways: extras.takeaways, focus,
    },
    problems: [],
  };
}

/** A card as the JSON file `accountpath evaluate` reads (empty optional fields left out). */
export function cardFile(card) {
  const out = { scorecard: 1, role: card.role, level: card.level, candidate: card.candidate, interviewer: card.interviewer };
  if (card.date) out.date = card.date;
  out.ratings = card.ratings;
  out.notes = card.notes || {};
  if (card.overall_notes) out.overall_notes = card.overall_notes;
  if (card.recommendation) out.recommendation = card.recommendation;
  if (card.takeaways && card.takeaways.length) out.takeaways = card.takeaways;
  if (card.focus && card.focus.length) out.focus = card.focus;
  return out;
}
