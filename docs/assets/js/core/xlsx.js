/* Account Path: a small xlsx reader for filled scorecards and round workbooks.
   An xlsx file is a zip of XML parts: fflate (vendored, loaded only when an xlsx file is
   imported) unzips it and the browser's DOMParser reads the workbook, the shared strings
   and each sheet. Values come back as Excel stores them: text, whole numbers (numbers
   written with a point become FloatValue, as openpyxl gives floats), booleans.
   Formulas are not computed: the cached value is read, as openpyxl's data_only does. */

import { FloatValue } from "./cardcheck.js";

const MAX_BYTES = 5 * 1024 * 1024;
const NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** Thrown with a Russian message when a file is not a readable workbook. */
export class XlsxError extends Error {}

function xml(files, name) {
  const bytes = files[name];
  if (!bytes) return null;
  const doc = new DOMParser().parseFromString(new TextDecoder("utf-8").decode(bytes), "application/xml");
  if (doc.getElementsByTagName("parsererror").length) throw new XlsxError(`часть книги ${name} повреждена`);
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

function cellValue(c, strings) {
  const type = c.getAttribute("t") || "n";
  if (type === "inlineStr") return byTag(c, "t").map((t) => t.textContent).join("");
  const v = byTag(c, "v")[0];
  if (!v) return null;
  const text = v.textContent;
  if (type === "s") return strings[Number(text)] ?? "";
  if (type === "str" || type === "e") return text;
  if (type === "b") return text === "1";
  if (/^-?\d+$/.test(text)) return Number(text);
  const x = Number(text);
  return Number.isNaN(x) ? text : new FloatValue(x, text);
}

function readSheet(doc, strings) {
  const cells = new Map();
  let maxRow = 0;
  let maxCol = 0;
  for (const c of byTag(doc, "c")) {
    const pos = splitRef(c.getAttribute("r") || "");
    if (!pos) continue;
    const value = cellValue(c, strings);
    if (value === null || value === "") continue;
    cells.set(`${pos.col},${pos.row}`, value);
    maxRow = Math.max(maxRow, pos.row);
    maxCol = Math.max(maxCol, pos.col);
  }
  return {
    maxRow, maxCol,
    /** Value at (column, row), 1-based; null when empty. */
    at(col, row) {
      const v = cells.get(`${col},${row}`);
      return v === undefined ? null : v;
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
 * workbook order. Throws XlsxError with a Russian message on anything unreadable.
 */
export async function readWorkbook(bytes) {
  if (bytes.byteLength > MAX_BYTES) throw new XlsxError("файл больше 5 МБ — это не оценочный лист Account Path");
  const { unzipSync } = await import("../vendor/fflate.mjs");
  let files;
  try {
    files = unzipSync(new Uint8Array(bytes), { filter: (f) => f.name.startsWith("xl/") && f.originalSize < 50 * 1024 * 1024 });
  } catch (e) {
    throw new XlsxError("это не файл Excel (xlsx): архив не читается");
  }
  const book = xml(files, "xl/workbook.xml");
  if (!book) throw new XlsxError("это не файл Excel (xlsx): в архиве нет книги");
  const strings = sharedStrings(files);
  const targets = sheetTargets(files);
  return byTag(book, "sheet").map((s) => {
    const id = s.getAttributeNS(NS_REL, "id") || s.getAttribute("r:id");
    const doc = xml(files, targets.get(id) || "");
    const sheet = doc ? readSheet(doc, strings) : readSheet(new DOMParser().parseFromString("<x/>", "application/xml"), strings);
    return { name: s.getAttribute("name") || "", hidden: (s.getAttribute("state") || "visible") !== "visible", ...sheet };
  });
}
