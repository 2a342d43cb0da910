/* Account Path: read scorecard files in the browser, whatever their format:
   - JSON (one card or a list), numbers written with a point kept as FloatValue;
   - YAML (the project's fillable cards with their comments), js-yaml's core schema with
     floats kept as FloatValue, loaded only when a YAML file arrives;
   - xlsx: the blank card filled in Excel (sheet «Оценка» + hidden «meta»), and a round
     workbook (one sheet, a header row with «Кандидат» and «Интервьюер», then one row per
     interviewer's card; competency columns are headed by the id, «Name (id)» or the name,
     notes columns by «Заметки (id)»).
   Each reader gives {items: [{where, data, cells}], problems: [text]}: `data` is the raw
   card for cardcheck.checkCard, `cells` maps a value's path ("ratings/client-focus") to
   the sheet cell that holds it, so a refusal names «Оценка!F9» as the CLI does. */

import { FloatValue } from "./cardcheck.js";
import { casefold, squashSpaces } from "./names.js";
import { XlsxError, cellRef, readWorkbook } from "./xlsx.js";

const SCORECARD_MARK = "accountpath-scorecard";
const CARD_SHEET = "Оценка";
const OVERALL_LABELS = ["общие заметки", "общий вывод"];
const ID_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

let yamlModule = null;

async function yamlSchema() {
  if (!yamlModule) {
    const y = await import("./vendor/js-yaml.mjs");
    const float = new y.Type("tag:yaml.org,2002:float", {
      kind: "scalar",
      resolve: y.types.float.resolve,
      construct: (text) => new FloatValue(y.types.float.construct(text), text),
      instanceOf: FloatValue,
    });
    yamlModule = { load: y.load, schema: y.FAILSAFE_SCHEMA.extend({ implicit: [y.types.null, y.types.bool, y.types.int, float] }) };
  }
  return yamlModule;
}

/** Whether JSON.parse hands revivers the source text (to tell 3.0 from 3); else YAML reads JSON. */
const JSON_SOURCE = (() => {
  try {
    return JSON.parse("1.0", (k, v, c) => (c && c.source) || null) === "1.0";
  } catch (e) {
    return false;
  }
})();

function jsonParse(text) {
  return JSON.parse(text, (key, value, context) => {
    if (typeof value === "number" && context && typeof context.source === "string" && /[.eE]/.test(context.source)) {
      return new FloatValue(value, context.source);
    }
    return value;
  });
}

/** Parse JSON or YAML text into data; {data} or {problem: Russian text}. */
export async function parseText(text) {
  const start = text.replace(/^\uFEFF/, "").trimStart();
  if (JSON_SOURCE && (start.startsWith("{") || start.startsWith("["))) {
    try {
      return { data: jsonParse(start) };
    } catch (e) {
      /* not JSON: YAML may still read it (flow style); its error names the line */
    }
  }
  try {
    const y = await yamlSchema();
    return { data: y.load(text, { schema: y.schema }) };
  } catch (e) {
    if (e && e.mark) {
      return { problem: `не читается как JSON или YAML: ошибка в строке ${e.mark.line + 1}, столбце ${e.mark.column + 1} — проверьте отступы, двоеточия и кавычки` };
    }
    return { problem: "не читается как JSON или YAML" };
  }
}

/** Cards in a parsed document: one card or a list of cards. */
export function textItems(label, data) {
  const list = Array.isArray(data) ? data : [data];
  return list.map((item, k) => ({ where: list.length > 1 ? `${label}, лист ${k + 1}` : label, data: item, cells: {} }));
}

function label(v) {
  return typeof v === "string" ? casefold(squashSpaces(v)) : "";
}

function metaOf(sheets) {
  const meta = sheets.find((s) => s.name === "meta");
  const out = {};
  if (!meta) return out;
  for (let r = 1; r <= Math.min(meta.maxRow, 40); r += 1) {
    const k = meta.at(1, r);
    if (typeof k === "string" && k) out[k] = meta.at(2, r);
  }
  return out;
}

function excelDate(v) {
  if (typeof v === "number" || v instanceof FloatValue) {
    const days = Math.floor(Number(v instanceof FloatValue ? v.value : v));
    return new Date(Date.UTC(1899, 11, 30) + days * 86400000);
  }
  return v;
}

function stripQuote(v) {
  return typeof v === "string" && /^'[=+\-@]/.test(v) ? v.slice(1) : v;
}

function ratingsTable(sheet, put) {
  let head = 0;
  for (let r = 1; r <= sheet.maxRow && !head; r += 1) if (label(sheet.at(1, r)) === "id") head = r;
  if (!head) return;
  let ratingCol = 0;
  let notesCol = 0;
  for (let c = 1; c <= sheet.maxCol; c += 1) {
    const t = label(sheet.at(c, head));
    if (!ratingCol && t.startsWith("оценка")) ratingCol = c;
    if (!notesCol && t.startsWith("заметки")) notesCol = c;
  }
  for (let r = head + 1; r <= sheet.maxRow; r += 1) {
    const id = sheet.at(1, r);
    if (typeof id !== "string" || !ID_RE.test(id.trim())) continue;
    const cid = id.trim();
    put(["ratings", cid], sheet.at(ratingCol, r), cellRef(ratingCol, r));
    const note = sheet.at(notesCol, r);
    if (note !== null) put(["notes", cid], String(stripQuote(note)), cellRef(notesCol, r));
  }
}

/** The blank xlsx card filled in Excel, read as the CLI's xlsx reader does. */
function scorecardItems(name, sheets, meta) {
  const sheet = sheets.find((s) => s.name === CARD_SHEET) || sheets.find((s) => !s.hidden);
  const data = { scorecard: meta.scorecard, role: meta.role, level: meta.level, ratings: {}, notes: {} };
  const cells = {};
  const put = (path, value, ref) => {
    let target = data;
    path.slice(0, -1).forEach((k) => { target = target[k]; });
    target[path[path.length - 1]] = value;
    cells[path.join("/")] = `${sheet.name}!${ref}`;
  };
  const labels = { "кандидат": "candidate", "интервьюер": "interviewer", "дата": "date", "рекомендация": "recommendation", "выводы": "takeaways" };
  for (let r = 1; r <= sheet.maxRow; r += 1) {
    const t = label(sheet.at(1, r));
    const key = labels[t] || (OVERALL_LABELS.includes(t) ? "overall_notes" : null);
    if (!key || key in cells) continue;
    let value = stripQuote(sheet.at(2, r));
    if (key === "date") value = excelDate(value);
    if (key === "takeaways" && typeof value === "string") value = value.split(/\n+/u);
    if (key === "candidate" || key === "interviewer") value = value === null ? null : String(value);
    put([key], value, cellRef(2, r));
  }
  ratingsTable(sheet, put);
  return [{ where: name, data, cells }];
}

function columnIds(model, text) {
  const all = model.competencies || [];
  const byId = all.find((c) => c.id === text.trim());
  if (byId) return byId.id;
  const m = /\(([a-z0-9-]+)\)\s*$/.exec(text);
  if (m && all.some((c) => c.id === m[1])) return m[1];
  const byName = all.find((c) => casefold(c.name) === casefold(squashSpaces(text)));
  return byName ? byName.id : null;
}

function roundColumns(model, sheet, head) {
  const cols = { fields: {}, ratings: [], notes: [] };
  const fields = { "кандидат": "candidate", "интервьюер": "interviewer", "дата": "date", "роль": "role", "уровень": "level",
    "рекомендация": "recommendation", "выводы": "takeaways", "общие заметки": "overall_notes" };
  for (let c = 1; c <= sheet.maxCol; c += 1) {
    const raw = sheet.at(c, head);
    if (typeof raw !== "string") continue;
    const t = label(raw);
    if (fields[t]) cols.fields[fields[t]] = c;
    else if (t.startsWith("заметки")) {
      const cid = columnIds(model, raw.replace(/^\s*заметки\s*:?\s*/iu, ""));
      if (cid) cols.notes.push({ cid, c });
    } else {
      const cid = columnIds(model, raw);
      if (cid) cols.ratings.push({ cid, c });
    }
  }
  return cols;
}

function roundRow(sheet, cols, r, meta) {
  const cells = {};
  const data = { scorecard: 1, role: meta.role, level: meta.level, ratings: {}, notes: {} };
  const at = (c) => stripQuote(sheet.at(c, r));
  for (const [key, c] of Object.entries(cols.fields)) {
    let v = at(c);
    if (key === "date") v = excelDate(v);
    if (key === "takeaways" && typeof v === "string") v = v.split(/\n+/u);
    if ((key === "candidate" || key === "interviewer") && v !== null) v = String(v);
    data[key] = v;
    cells[key] = `${sheet.name}!${cellRef(c, r)}`;
  }
  for (const { cid, c } of cols.ratings) {
    data.ratings[cid] = at(c);
    cells[`ratings/${cid}`] = `${sheet.name}!${cellRef(c, r)}`;
  }
  for (const { cid, c } of cols.notes) {
    if (at(c) !== null) data.notes[cid] = String(at(c));
    cells[`notes/${cid}`] = `${sheet.name}!${cellRef(c, r)}`;
  }
  return { data, cells };
}

function roundHead(sheet) {
  for (let r = 1; r <= Math.min(sheet.maxRow, 30); r += 1) {
    const row = [];
    for (let c = 1; c <= sheet.maxCol; c += 1) row.push(label(sheet.at(c, r)));
    if (row.includes("кандидат") && row.includes("интервьюер")) return r;
  }
  return 0;
}

/** A round workbook: each row below the header is one interviewer's card for one candidate. */
function roundItems(model, name, sheets, meta) {
  for (const sheet of sheets.filter((s) => !s.hidden)) {
    const head = roundHead(sheet);
    if (!head) continue;
    const cols = roundColumns(model, sheet, head);
    const items = [];
    for (let r = head + 1; r <= sheet.maxRow; r += 1) {
      const who = sheet.at(cols.fields.candidate, r);
      const by = sheet.at(cols.fields.interviewer, r);
      if (who === null && by === null) continue;
      const { data, cells } = roundRow(sheet, cols, r, meta);
      items.push({ where: `${name}: ${sheet.name}, строка ${r}`, data, cells });
    }
    return { items, round: true };
  }
  return null;
}

/** Read an xlsx file's cards: {items, problems, round}. Never throws. */
export async function xlsxItems(model, name, bytes) {
  let sheets;
  try {
    sheets = await readWorkbook(bytes);
  } catch (e) {
    return { items: [], problems: [`${name}: ${e instanceof XlsxError ? e.message : "это не файл Excel (xlsx)"}`] };
  }
  const meta = metaOf(sheets);
  if (meta.format === SCORECARD_MARK) return { items: scorecardItems(name, sheets, meta), problems: [] };
  const round = roundItems(model, name, sheets, meta);
  if (round) {
    return round.items.length ? { ...round, problems: [] } : { items: [], problems: [`${name}: в книге раунда нет заполненных строк`] };
  }
  return { items: [], problems: [`${name}: это не оценочный лист Account Path — скачайте бланк Excel на странице «Оценочные листы» или книгу раунда командой accountpath workbook`] };
}
