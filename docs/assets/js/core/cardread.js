/* Account Path: read scorecard files in the browser, whatever their format, as
   src/accountpath/xlsx_read.py and yamlsource.py do:
   - JSON (one card or a list), numbers written with a point kept as FloatValue;
   - YAML (the project's fillable cards with their comments), js-yaml's core schema with
     floats kept as FloatValue, loaded only when a YAML file arrives;
   - xlsx: the blank card filled in Excel (sheet «Оценка» + hidden «meta»), and a round
     workbook (sheet «Раунд»: titles in row 1, the machine ids in row 2, one interviewer's
     card per row from row 3). Sheet names, labels and marks come from model.json
     (vocab.xlsx, the Python reader's own names).
   Each reader gives {items: [{where, data, cells}], problems: [text]}: `data` is the raw
   card for cardcheck.checkCard, `cells` maps a value's path ("ratings/client-focus") to
   the sheet cell that holds it, so a refusal names «Оценка!F9» as the CLI does. */

import { FloatValue } from "./cardcheck.js";
import { XlsxError, cellRef, readWorkbook } from "./xlsx.js";

const ID_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

let yamlModule = null;
async function yamlSchema() {
  if (!yamlModule) {
    const y = await import("../vendor/js-yaml.mjs");
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
  return list.map((item, k) => ({ file: label, where: list.length > 1 ? `${label}, лист ${k + 1}` : label, data: item, cells: {} }));
}

function metaOf(sheets, layout) {
  const meta = sheets.find((s) => s.name === layout.meta_sheet);
  const out = {};
  if (!meta) return out;
  for (let r = 1; r <= Math.min(meta.maxRow, 20); r += 1) {
    const k = meta.at(1, r);
    if (k !== null && k !== "") out[String(k)] = meta.at(2, r);
  }
  return out;
}

/** A cell as plain data (xlsx_read.cell_value): a protective leading ' before a formula sign is dropped. */
function cellValue(v, layout) {
  return typeof v === "string" && v.startsWith("'") && layout.formula_start.includes(v.slice(1, 2)) ? v.slice(1) : v;
}

/** A date field: an Excel serial day number becomes a Date (openpyxl gives a datetime for a date cell). */
function excelDate(v) {
  if (typeof v === "number" || v instanceof FloatValue) {
    const days = Math.floor(Number(v instanceof FloatValue ? v.value : v));
    return new Date(Date.UTC(1899, 11, 30) + days * 86400000);
  }
  return v;
}

function itemOf(file, where, data) {
  const cells = {};
  const put = (path, value, ref) => {
    let target = data;
    path.slice(0, -1).forEach((k) => { target = target[k]; });
    target[path[path.length - 1]] = value;
    cells[path.join("/")] = ref;
  };
  return { item: { file, where, data, cells }, put };
}

/** The blank xlsx card filled in Excel (xlsx_read._card_sheet). */
function scorecardItems(name, sheet, meta, layout) {
  const data = { scorecard: meta.scorecard ?? null, role: meta.role ?? null, level: meta.level ?? null };
  if (meta.focus) data.focus = String(meta.focus);
  const { item, put } = itemOf(name, name, data);
  item.cells[""] = `${sheet.name}!A1`;
  const at = (c, r) => cellValue(sheet.at(c, r), layout);
  let header = 0;
  let columns = {};
  for (let r = 1; r <= sheet.maxRow; r += 1) {
    const first = sheet.at(1, r);
    const title = typeof first === "string" ? first.trim() : null;
    const field = title !== null && Object.hasOwn(layout.head_fields, title) ? layout.head_fields[title] : null;
    if (field) {
      put([field], field === "date" ? excelDate(at(2, r)) : at(2, r), `${sheet.name}!${cellRef(2, r)}`);
    } else if (!header && title === layout.id_header) {
      header = r;
      columns = {};
      for (let c = 1; c <= sheet.maxCol; c += 1) if (sheet.at(c, r) !== null) columns[String(sheet.at(c, r)).trim()] = c;
    } else if (header && title && ID_RE.test(title)) {
      const rc = columns[layout.rating_header] || 6;
      const nc = columns[layout.notes_header] || 7;
      if (!data.ratings) data.ratings = {};
      put(["ratings", title], at(rc, r), `${sheet.name}!${cellRef(rc, r)}`);
      if (at(nc, r) !== null) {
        if (!data.notes) data.notes = {};
        put(["notes", title], at(nc, r), `${sheet.name}!${cellRef(nc, r)}`);
      }
    }
  }
  return [item];
}

/** A round workbook (xlsx_read._round_sheet): each row from the first data row is one card. */
function roundItems(name, sheet, meta, layout) {
  const ids = new Map();
  for (let c = 1; c <= sheet.maxCol; c += 1) if (sheet.at(c, 2) !== null) ids.set(c, String(sheet.at(c, 2)).trim());
  const items = [];
  for (let r = layout.round_first_row; r <= sheet.maxRow; r += 1) {
    const values = [];
    for (let c = 1; c <= sheet.maxCol; c += 1) values.push(sheet.at(c, r));
    if (values.every((v) => v === null || (typeof v === "string" && !v.trim()))) continue;
    const { item, put } = itemOf(name, `${name}:${sheet.name}!${r}`, { scorecard: 2, role: meta.role ?? null, level: meta.level ?? null, ratings: {}, notes: {} });
    item.cells[""] = `${sheet.name}!A${r}`;
    for (const [c, key] of ids) {
      const v = cellValue(sheet.at(c, r), layout);
      const ref = `${sheet.name}!${cellRef(c, r)}`;
      if (layout.round_head.includes(key)) put([key], key === "date" ? excelDate(v) : v, ref);
      else if (key.startsWith(layout.notes_prefix)) {
        if (v !== null) put(["notes", key.slice(layout.notes_prefix.length)], v, ref);
      } else if (key) put(["ratings", key], v, ref);
    }
    items.push(item);
  }
  return items;
}

/** Read an xlsx file's cards: {items, problems, round}. Never throws. */
export async function xlsxItems(model, name, bytes) {
  const layout = model.vocab.xlsx;
  let sheets;
  try {
    sheets = await readWorkbook(bytes);
  } catch (e) {
    return { items: [], problems: [`${name}: ${e instanceof XlsxError ? e.message : "это не файл Excel (xlsx)"}`] };
  }
  const meta = metaOf(sheets, layout);
  const mark = meta.format;
  const sheet = (n) => sheets.find((s) => s.name === n);
  if (mark === layout.meta_mark && sheet(layout.sheet)) return { items: scorecardItems(name, sheet(layout.sheet), meta, layout), problems: [] };
  if (mark === layout.round_mark && sheet(layout.round_sheet)) {
    const items = roundItems(name, sheet(layout.round_sheet), meta, layout);
    return items.length ? { items, problems: [], round: true } : { items: [], problems: [`${name}: в книге раунда нет заполненных строк`] };
  }
  return { items: [], problems: [`${name}: этот xlsx не оценочный лист Account Path (нет листа «${layout.meta_sheet}» с отметкой формата): скачайте бланк Excel на странице «Оценочные листы» или сделайте книгу раунда командой accountpath workbook`] };
}
