// @ts-check
/* Account Path: a small xlsx reader for filled scorecards and round workbooks, reading cells
   as openpyxl does for src/accountpath/io/xlsx_read.py. An xlsx file is a zip of XML parts:
   fflate (vendored, loaded only when an xlsx file is imported) unzips it and the browser's
   DOMParser reads the workbook, the styles, the shared strings and each sheet.
   - Values come back as Excel stores them: text, whole numbers, numbers written with a point
     (FloatValue, as openpyxl gives floats), booleans. Formulas are not computed: the cached
     value is read, as openpyxl's data_only does; `formula(col, row)` tells a formula cell
     (one never computed has no value: the readers refuse it) and `merges` lists merged ranges.
   - A number in a cell with a date format is a date (openpyxl's is_date_format on the cell's
     number format), counted from 1899-12-30 or, in a workbook saved with the 1904 date system
     (workbookPr date1904), from 1904-01-01, and given as YYYY-MM-DD (with the time when it
     has one). A number without a date format stays a number: a date field refuses it.
   - A part that declares a DTD (<!DOCTYPE: entities, external or not) is refused, as Python does.
   Failures throw XlsxError with a code of the message table and its params. */

import { FloatValue } from "./cardcheck.js";

const NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** Thrown when a file is not a readable workbook: `code` and `params` of the message table. */
export class XlsxError extends Error {
  constructor(code, params = {}) {
    super(code);
    this.code = code;
    this.params = params;
  }
}

function xml(files, name) {
  const bytes = files[name];
  if (!bytes) return null;
  const text = new TextDecoder("utf-8").decode(bytes);
  if (/<!doctype/i.test(text.slice(0, 4096))) throw new XlsxError("xlsx.dtd", { part: name });
  const doc = new DOMParser().parseFromString(text, "application/xml");
  if (doc.getElementsByTagName("parsererror").length) throw new XlsxError("xlsx.broken-part", { part: name });
  return doc;
}

function byTag(node, tag) {
  return Array.from(node.getElementsByTagNameNS("*", tag));
}

function sharedStrings(files) {
  const doc = xml(files, "xl/sharedStrings.xml");
  if (!doc) return [];
  return byTag(doc, "si").map((si) => byTag(si, "t").filter((t) => t.parentNode.localName !== "rPh").map((t) => t.textContent).join(""));
}

/** The number formats Excel builds in that are dates or times (openpyxl's BUILTIN_FORMATS 14-22, 45-47). */
const BUILTIN_DATES = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

/** openpyxl's is_date_format: the first section, quoted text and [locale] brackets removed, has d, m, h, y or s. */
export function isDateFormat(code) {
  if (code === null || code === undefined) return false;
  const first = String(code).split(";")[0].replace(/".*?"|\[(?!hh?\]|mm?\]|ss?\])[^\]]*\]/g, "");
  return /(?<![_\\])[dmhysDMHYS]/.test(first);
}

/** For each cell style index (the `s` attribute): whether its number format is a date. */
function dateStyles(files) {
  const doc = xml(files, "xl/styles.xml");
  if (!doc) return [];
  const custom = new Map(byTag(doc, "numFmt").map((f) => [Number(f.getAttribute("numFmtId")), f.getAttribute("formatCode")]));
  const xfs = byTag(doc, "cellXfs")[0];
  return (xfs ? Array.from(xfs.children).filter((x) => x.localName === "xf") : []).map((xf) => {
    const id = Number(xf.getAttribute("numFmtId") || 0);
    return custom.has(id) ? isDateFormat(custom.get(id)) : BUILTIN_DATES.has(id);
  });
}

const pad = (n, w = 2) => String(n).padStart(w, "0");

/** An Excel serial day as openpyxl's from_excel and xlsx_read.cell_value give it: YYYY-MM-DD, or with the time. */
export function serialDate(serial, date1904) {
  let day = Math.floor(serial);
  const ms = Math.round((serial - day) * 86400000);
  if (!date1904 && serial > 0 && serial < 60) day += 1;
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  const t = new Date(epoch + day * 86400000 + ms);
  const date = `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
  if (!ms) return date;
  return `${date}T${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}:${pad(t.getUTCSeconds())}`;
}

/** Column letters and row of a cell reference: "F9" -> {col: 6, row: 9}. */
export function splitRef(ref) {
  const m = /^([A-Z]+)(\d+)$/.exec(ref);
  if (!m) return null;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { col, row: Number(m[2]) };
}

/** A cell reference of a column number and row: (6, 9) -> "F9". */
export function cellRef(col, row) {
  let letters = "";
  for (let c = col; c > 0; c = Math.floor((c - 1) / 26)) letters = String.fromCharCode(65 + ((c - 1) % 26)) + letters;
  return `${letters}${row}`;
}

function cellValue(c, book) {
  const type = c.getAttribute("t") || "n";
  if (type === "inlineStr") return byTag(c, "t").map((t) => t.textContent).join("");
  const v = byTag(c, "v")[0];
  if (!v || (v.textContent === "" && type !== "s" && type !== "str")) return null; // <v/>: a formula never computed
  const text = v.textContent;
  if (type === "s") return book.strings[Number(text)] ?? "";
  if (type === "str" || type === "e" || type === "d") return text;
  if (type === "b") return text === "1";
  const x = Number(text);
  if (Number.isNaN(x)) return text;
  if (book.dates[Number(c.getAttribute("s") || 0)]) return serialDate(x, book.date1904);
  if (/^-?\d+$/.test(text)) return x;
  return new FloatValue(x, text);
}

function readSheet(doc, book) {
  const cells = new Map();
  const formulas = new Set();
  let maxRow = 0;
  let maxCol = 0;
  for (const c of byTag(doc, "c")) {
    const pos = splitRef(c.getAttribute("r") || "");
    if (!pos) continue;
    const value = cellValue(c, book);
    const formula = byTag(c, "f").length > 0;
    if (formula) formulas.add(`${pos.col},${pos.row}`);
    if (!formula && (value === null || value === "")) continue;
    if (value !== null && value !== "") cells.set(`${pos.col},${pos.row}`, value);
    maxRow = Math.max(maxRow, pos.row);
    maxCol = Math.max(maxCol, pos.col);
  }
  // merged ranges [row1, col1, row2, col2] (xlsx_read.merged_ranges)
  const merges = [];
  for (const m of byTag(doc, "mergeCell")) {
    const [a, b] = (m.getAttribute("ref") || "").split(":");
    const p = splitRef(a || "");
    const q = b ? splitRef(b) : p;
    if (p && q && !merges.some((x) => x.join() === [p.row, p.col, q.row, q.col].join())) merges.push([p.row, p.col, q.row, q.col]);
  }
  return {
    maxRow, maxCol, merges,
    /** Value at (column, row), 1-based; null when empty. */
    at(col, row) {
      const v = cells.get(`${col},${row}`);
      return v === undefined ? null : v;
    },
    /** Whether the cell at (column, row) holds a formula (its cached value, if any, is `at`). */
    formula(col, row) {
      return formulas.has(`${col},${row}`);
    },
  };
}

function sheetTargets(files) {
  const rels = xml(files, "xl/_rels/workbook.xml.rels");
  const targets = new Map();
  for (const r of rels ? byTag(rels, "Relationship") : []) {
    const t = r.getAttribute("Target") || "";
    targets.set(r.getAttribute("Id"), t.startsWith("/") ? t.slice(1) : `xl/${t.replace(/^\.\//, "")}`);
  }
  return targets;
}

/**
 * Read a workbook's sheets: returns [{name, hidden, maxRow, maxCol, at(col, row)}] in
 * workbook order. Throws XlsxError (a code and params) on anything unreadable or too large.
 */
export async function readWorkbook(bytes, maxBytes = 5 * 1024 * 1024) {
  if (bytes.byteLength > maxBytes) throw new XlsxError("read.too-big", { limit: Math.floor(maxBytes / 1024 / 1024) });
  const { unzipSync } = await import("../vendor/fflate.mjs");
  let files;
  try {
    files = unzipSync(new Uint8Array(bytes), { filter: (f) => f.originalSize < 50 * 1024 * 1024 });
  } catch {
    throw new XlsxError("xlsx.not-zip");
  }
  for (const name of Object.keys(files).sort()) {
    const head = new TextDecoder("utf-8").decode(files[name].subarray(0, 4096));
    if (/\.(xml|rels|vml)$/.test(name) && /<!doctype/i.test(head)) throw new XlsxError("xlsx.dtd", { part: name });
  }
  const workbook = xml(files, "xl/workbook.xml");
  if (!workbook) throw new XlsxError("xlsx.no-workbook");
  const pr = byTag(workbook, "workbookPr")[0];
  const flag = pr ? pr.getAttribute("date1904") : null;
  const book = { strings: sharedStrings(files), dates: dateStyles(files), date1904: flag === "1" || flag === "true" };
  const targets = sheetTargets(files);
  return byTag(workbook, "sheet").map((s) => {
    const id = s.getAttributeNS(NS_REL, "id") || s.getAttribute("r:id");
    const doc = xml(files, targets.get(id) || "") || new DOMParser().parseFromString("<x/>", "application/xml");
    return { name: s.getAttribute("name") || "", hidden: (s.getAttribute("state") || "visible") !== "visible", ...readSheet(doc, book) };
  });
}
