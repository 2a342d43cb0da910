// @ts-check
/* Account Path: read scorecard files in the browser, whatever their format, as
   src/accountpath/xlsx_read.py and yamlsource.py do:
   - JSON and YAML alike through js-yaml (JSON is YAML; loaded only when a text file arrives)
     with YAML 1.2's core schema as the Python readers read cards (cardcheck.written): floats
     kept as written (FloatValue), only decimal digits are whole numbers, true/false the only
     booleans; duplicate keys and aliases (&name, *name: refused before anything expands)
     are problems at their line, as yamlsource.py reports them; one card or a list of cards;
   - xlsx: the blank card filled in Excel (sheet «Оценка» + hidden «meta»), and a round
     workbook (sheet «Раунд»: titles in row 1, the machine ids in row 2, one interviewer's
     card per row from row 3). Sheet names, labels and marks come from model.json
     (vocab.xlsx, the Python reader's own names).
   Each reader gives {items: [{file, data, positions, sheet}], problems}: `data` is the raw
   card for cardcheck.checkCard, `positions` where each value stands (line and column, or
   the sheet cell), so `located` gives a problem the CLI's file, line and column (or
   «FILE:Оценка!F9»). Problems are {file, line, col, code, params}: codes of the message
   table (model.json `messages`), rendered at the edge by core/messages.js. */

import { FloatValue } from "./cardcheck.js";
import { XlsxError, cellRef, readWorkbook } from "./xlsx.js";

const ID_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Where each value (and each mapping key) of a parsed document stands: [line, col] or, for a
    sheet, [row, column] (yamlsource.Document.pos: falls back to the nearest parent). */
export class Positions {
  constructor() {
    this.values = new Map();
    this.keys = new Map();
  }

  set(path, at, key = false) {
    (key ? this.keys : this.values).set(JSON.stringify(path), at);
  }

  pos(path, key = false) {
    let at = path.slice();
    for (;;) {
      const k = JSON.stringify(at);
      if (key && this.keys.has(k)) return this.keys.get(k);
      if (this.values.has(k)) return this.values.get(k);
      if (!at.length) return [1, 1];
      at = at.slice(0, -1);
    }
  }
}

let yamlModule = null;
async function yamlSchema() {
  if (!yamlModule) {
    const y = await import("../vendor/js-yaml.mjs");
    // YAML 1.2 core, as the Python readers read cards (cardcheck.written): whole numbers are
    // decimal digits only (0o4, 0x1F stay text), floats keep their written text.
    const int = new y.Type("tag:yaml.org,2002:int", {
      kind: "scalar",
      resolve: (text) => text !== null && /^[-+]?[0-9]+$/.test(text),
      // beyond 2^53 a whole number stays exact as a BigInt (Python's int), never 3e+22
      construct: (text) => (Number.isSafeInteger(Number(text)) ? Number(text) : BigInt(text)),
      predicate: (v) => typeof v === "number" && Number.isInteger(v),
    });
    const float = new y.Type("tag:yaml.org,2002:float", {
      kind: "scalar",
      resolve: y.types.float.resolve,
      construct: (text) => new FloatValue(y.types.float.construct(text), text),
      instanceOf: FloatValue,
    });
    yamlModule = { load: y.load, schema: y.FAILSAFE_SCHEMA.extend({ implicit: [y.types.null, y.types.bool, int, float] }) };
  }
  return yamlModule;
}

/** A node refused with the whole file while parsing, before it can expand or nest further
    (yamlsource._Refused): an alias (*name: alias bombs), an explicit tag (!!binary, !x), a
    collection nested past MAX_DEPTH. */
class Refused extends Error {
  constructor(at, code, params = {}) {
    super(code);
    this.at = at;
    this.code = code;
    this.params = params;
  }
}

/** Collections nested deeper than this are refused (yamlsource.MAX_DEPTH). */
const MAX_DEPTH = 64;

/** Offsets of line starts, for [line, column] of an offset (columns count code points, as PyYAML does). */
function lineStarts(text) {
  const starts = [0];
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return starts;
}

function lineCol(text, starts, offset) {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  let col = 0;
  for (let i = starts[lo]; i < offset; i += 1) {
    const c = text.charCodeAt(i);
    if (c < 0xdc00 || c > 0xdfff) col += 1;
  }
  return [lo + 1, col + 1];
}

/** Past spaces, line breaks and comments: where the node that opens at `i` really starts. */
function skipSpace(text, i) {
  for (;;) {
    const c = text[i];
    if (c === " " || c === "\t" || c === "\n" || c === "\r" || c === "\uFEFF") i += 1;
    else if (c === "#") {
      const nl = text.indexOf("\n", i);
      i = nl === -1 ? text.length : nl;
    } else return i;
  }
}

const NAME_RE = /^[&*]([^\s,[\]{}]+)/;
/** An explicit tag where a node starts (after an anchor, if any), as written (yamlsource.TAG). */
const TAG_RE = /^(?:&[^\s,[\]{}]+[ \t]+)?(!(?:<[^>]*>|[^\s,[\]{}]*))/;

/** Where the second document of a text starts (PyYAML's mark for «expected a single document»):
    a `---` line after some content, or any content after a `...` line. */
function secondDocument(text) {
  const lines = text.split("\n");
  let content = false;
  let ended = false;
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i].replace(/\r$/, "");
    if (/^---(?=\s|$)/.test(line)) {
      if (content || ended) return [i + 1, 1];
      content = /^---\s+[^\s#]/.test(line);
      ended = false;
    } else if (/^\.\.\.(?=\s|$)/.test(line)) {
      ended = content || ended;
      content = false;
    } else if (!/^\s*(#.*)?$/.test(line) && !line.startsWith("%")) {
      if (ended) return [i + 1, line.search(/\S/) + 1];
      content = true;
    }
  }
  return [1, 1];
}

/** A plain scalar key's text as written (`~`, `true`, `010`, `1.5`: js-yaml gives null, a boolean or a number). */
function keyText(text, start) {
  const m = /^(?:[^:\n,\]}#]|:(?![\s,\]}]))*/.exec(text.slice(start, start + 1024));
  return m[0].replace(/[ \t\r]+$/, "");
}

/** The offset of the `:` after an implicit key that starts at `start` when it stands more than
    1024 characters away (PyYAML refuses such a key: «could not find expected ':'»), or -1. */
function farColon(text, start) {
  let i = start - 1;
  while (i >= 0 && (text[i] === " " || text[i] === "\t")) i -= 1;
  if (text[i] === "?") return -1; // an explicit key (`? key`) has no length limit
  const q = text[start];
  i = start;
  if (q === '"' || q === "'") {
    for (i += 1; i < text.length; i += 1) {
      if (q === '"' && text[i] === "\\") i += 1;
      else if (text[i] === q && q === "'" && text[i + 1] === "'") i += 1;
      else if (text[i] === q) break;
    }
    i += 1;
  } else {
    const m = /^(?:[^:\n]|:(?![\s,\]}]))*/.exec(text.slice(start, start + 100000));
    i = start + m[0].replace(/[ \t\r]+$/, "").length;
  }
  while (text[i] === " " || text[i] === "\t") i += 1;
  return text[i] === ":" && [...text.slice(start, i)].length > 1024 ? i : -1;
}

/** Parse YAML (or JSON, which is YAML) into {data, positions} or {problems: [{line, col, code, params}]}. */
async function parseYaml(text) {
  const y = await yamlSchema();
  const frames = [{ start: -1, depth: -1, children: [] }];
  const anchors = new Map();
  let refused = null;
  let lastAlias = null;
  let lastTag = null;
  const listener = (event, state) => {
    if (event === "open") {
      const start = skipSpace(state.input, state.position);
      const ch = state.input[start];
      const parent = frames[frames.length - 1];
      // js-yaml opens a flow collection in block context twice (the node, then the collection itself)
      const depth = parent.depth + (parent.start === start && (ch === "[" || ch === "{") ? 0 : 1);
      if (depth > MAX_DEPTH) throw new Refused(parent.start, "read.too-deep", { limit: MAX_DEPTH });
      // An alias or a tag is refused once the whole text parsed (a syntax error anywhere comes
      // first, as in PyYAML); js-yaml keeps an alias as a reference, so nothing expands meanwhile.
      const alias = ch === "*" ? NAME_RE.exec(state.input.slice(start, start + 1024)) : null; // `* x` is no alias
      if (alias) {
        lastAlias = new Refused(anchors.has(alias[1]) ? anchors.get(alias[1]) : start, "read.alias");
        refused = refused || lastAlias;
      }
      const tag = TAG_RE.exec(state.input.slice(start, start + 1024));
      if (tag) {
        lastTag = new Refused(start, "yaml.tag", { tag: tag[1] });
        refused = refused || lastTag;
      }
      if (ch === "&") {
        const name = NAME_RE.exec(state.input.slice(start, start + 1024));
        if (name) anchors.set(name[1], start);
      }
      frames.push({ start, depth, children: [] });
    } else {
      const frame = frames.pop();
      frame.result = state.result;
      frames[frames.length - 1].children.push(frame);
    }
  };
  let data;
  const starts = lineStarts(text);
  const at = (offset) => lineCol(text, starts, offset);
  const unreadable = (mark) => ({ problems: [{ at: [mark.line + 1, mark.column + 1], code: "read.unreadable", params: { line: mark.line + 1, col: mark.column + 1 } }] });
  try {
    data = y.load(text, {
      schema: y.schema,
      json: true,
      listener,
      onWarning: (w) => {
        // an unknown directive (%FOO): PyYAML refuses it, at the end of its name
        if (!/unknown document directive/.test(w.message)) return;
        const m = /^%(?!(?:YAML|TAG)[ \t])(\S*)/m.exec(text);
        throw new Refused(m ? m.index + 1 + m[1].length : 0, "read.unreadable");
      },
    });
  } catch (caught) {
    const message = (caught && caught.message) || "";
    // PyYAML's composer meets an undefined alias, and js-yaml an unknown tag, before the text's end
    let e = caught;
    if (lastAlias && /unidentified alias/.test(message)) e = lastAlias;
    else if (lastTag && /unknown tag|explicit tag/.test(message)) e = lastTag;
    // js-yaml cannot read a tagged key of a block mapping (`!!str a: 3`), PyYAML can: the tag it is
    else if (lastTag && caught && caught.mark && caught.mark.line + 1 === at(lastTag.at)[0]) e = lastTag;
    if (e instanceof Refused) {
      const where = at(e.at);
      return { problems: [{ at: where, code: e.code, params: e.code === "read.unreadable" ? { line: where[0], col: where[1] } : e.params }] };
    }
    if (e && /single document/.test(e.message || "")) return { problems: [{ at: secondDocument(text), code: "read.multi-document", params: {} }] };
    if (e && e.mark) return unreadable(e.mark);
    return { problems: [{ at: [1, 1], code: "read.failed", params: {} }] };
  }
  if (refused) return { problems: [{ at: at(refused.at), code: refused.code, params: refused.params }] };
  const positions = new Positions();
  const problems = [];
  // The data rebuilt from the frames: keys as written, a repeated or refused key left out.
  const walk = (outer, value, path) => {
    let frame = outer;
    if (!frame) return value;
    positions.set(path, at(frame.start));
    // js-yaml opens a flow collection twice (the node, then the collection itself)
    while (frame.children.length === 1 && frame.children[0].result === frame.result && typeof value === "object") frame = frame.children[0];
    if (Array.isArray(value)) return value.map((item, i) => walk(frame.children[i], item, [...path, i]));
    if (value === null || typeof value !== "object" || value instanceof FloatValue) return value;
    const out = {};
    const seen = new Map();
    for (let i = 0; i + 1 < frame.children.length; i += 2) {
      const keyFrame = frame.children[i];
      const valueFrame = frame.children[i + 1];
      const raw = keyFrame.result;
      const where = at(keyFrame.start);
      const far = farColon(text, keyFrame.start);
      if (far !== -1) throw new Refused(far, "read.unreadable");
      if (raw !== null && typeof raw === "object" && !(raw instanceof FloatValue)) {
        problems.push({ at: where, code: "yaml.complex-key", params: {} });
        continue;
      }
      const quoted = text[keyFrame.start] === '"' || text[keyFrame.start] === "'";
      if (raw === "<<" && !quoted) {
        problems.push({ at: where, code: "yaml.merge-key", params: {} });
        continue;
      }
      // a key is its text as written, as yamlsource.py reads it: `~`, `true`, `010`, `1.5`
      const key = typeof raw === "string" ? raw : keyText(text, keyFrame.start);
      if (seen.has(key)) {
        problems.push({ at: where, code: "read.duplicate-key", params: { key, first: seen.get(key) } });
        continue;
      }
      seen.set(key, where[0]);
      positions.set([...path, key], where, true);
      const item = walk(valueFrame, valueFrame.result, [...path, key]);
      Object.defineProperty(out, key, { value: item, enumerable: true, writable: true, configurable: true });
    }
    return out;
  };
  try {
    data = walk(frames[0].children[0], data, []);
  } catch (e) {
    if (!(e instanceof Refused)) throw e;
    const where = at(e.at);
    return { problems: [{ at: where, code: e.code, params: { line: where[0], col: where[1] } }] };
  }
  return problems.length ? { problems } : { data, positions };
}

/** The offset of the hex digits of a lone escaped surrogate half (`\\ud83d` without its low half):
    refused, as PyYAML refuses it (yamlsource._surrogates); a pair (`\\ud83d\\ude00`) is one character. */
function loneSurrogate(text) {
  const re = /(?<!\\)(?:\\\\)*\\u([dD][89a-fA-F][0-9a-fA-F]{2})(?:\\u([dD][c-fC-F][0-9a-fA-F]{2}))?/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (parseInt(m[1], 16) >= 0xdc00 || m[2] === undefined) return m.index + m[0].length - (m[2] === undefined ? 4 : 10);
  }
  return null;
}

/** Control characters (C0 but tab and line breaks, DEL, C1 with NEL): refused anywhere in the text (yamlsource.CONTROL). */
// eslint-disable-next-line no-control-regex -- control characters are what it finds
const CONTROL = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]/;

/** Parse JSON or YAML text: {data, positions} or {problems: [{at: [line, col], code, params}]}. */
export async function parseText(text) {
  const body = text.replace(/^\uFEFF/, "");
  if (!body.trim()) return { problems: [{ at: [1, 1], code: "read.empty", params: {} }] };
  const control = CONTROL.exec(body);
  if (control) {
    const char = `U+${control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`;
    return { problems: [{ at: lineCol(body, lineStarts(body), control.index), code: "read.control-character", params: { char } }] };
  }
  const lone = loneSurrogate(body);
  if (lone !== null) {
    const [line, col] = lineCol(body, lineStarts(body), lone);
    return { problems: [{ at: [line, col], code: "read.unreadable", params: { line, col } }] };
  }
  if (body.split(/\r\n|\r|\n/).every((line) => /^[ \t]*(#.*)?$/.test(line))) return { problems: [{ at: [1, 1], code: "yaml.no-document", params: {} }] };
  return parseYaml(body);
}

/** Cards in a parsed document: one card or a list of cards, each with its positions. */
export function textItems(label, parsed) {
  const { data, positions } = parsed;
  const list = Array.isArray(data) ? data : [data];
  return list.map((item, k) => {
    const own = new Positions();
    const prefix = Array.isArray(data) ? [k] : [];
    const cut = (map, key) => {
      for (const [p, at] of map) {
        const path = JSON.parse(p);
        if (prefix.every((x, i) => path[i] === x)) own.set(path.slice(prefix.length), at, key);
      }
    };
    cut(positions.values, false);
    cut(positions.keys, true);
    return { file: label, data: item, positions: own, sheet: null };
  });
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

/** An item whose positions are sheet cells [row, column] (xlsx_read._Cells). */
function sheetItem(file, sheet, data) {
  const positions = new Positions();
  const item = { file, data, positions, sheet: sheet.name };
  const put = (path, value, col, row) => {
    let target = data;
    path.slice(0, -1).forEach((k) => { target = target[k]; });
    target[path[path.length - 1]] = value;
    positions.set(path, [row, col]);
    positions.set(path, [row, col], true);
  };
  return { item, put };
}

/** A formula never computed (no saved value) or a text over max_cell_chars within rows
    first..last and columns 1..lastCol: problems at their cells (xlsx_read.cell_problems). */
function cellProblems(name, sheet, first, last, lastCol, layout) {
  const problems = [];
  for (let r = first; r <= last; r += 1) {
    for (let c = 1; c <= lastCol; c += 1) {
      const v = sheet.at(c, r);
      const chars = typeof v === "string" ? [...v].length : 0;
      const where = `${name}:${sheet.name}!${cellRef(c, r)}`;
      if (sheet.formula(c, r) && v === null) problems.push({ file: where, line: 0, col: 0, code: "xlsx.formula-without-value", params: {} });
      else if (chars > layout.max_cell_chars) problems.push({ file: where, line: 0, col: 0, code: "xlsx.cell-too-long", params: { chars, limit: layout.max_cell_chars } });
    }
  }
  return problems;
}

/** A merged range that would hide an id: a problem at its first cell (xlsx_read._merged_problems). */
function mergedProblems(name, sheet, hides) {
  return sheet.merges.filter(hides).map(([r1, c1, r2, c2]) => ({
    file: `${name}:${sheet.name}!${cellRef(c1, r1)}`, line: 0, col: 0, code: "xlsx.merged-id", params: { ref: `${cellRef(c1, r1)}:${cellRef(c2, r2)}` },
  }));
}

/** The blank xlsx card filled in Excel (xlsx_read._card_sheet): {items, problems}; a text over
    max_cell_chars or a competency id twice refuses the sheet at its cell, as xlsx_read does. */
function scorecardItems(name, sheet, meta, layout) {
  const lastRow = Math.min(sheet.maxRow, layout.card_rows);
  const problems = [];
  const at = (c, r, code, params) => problems.push({ file: `${name}:${sheet.name}!${cellRef(c, r)}`, line: 0, col: 0, code, params });
  problems.push(...cellProblems(name, sheet, 1, lastRow, Math.min(sheet.maxCol, layout.card_columns), layout));
  let header = 0;
  for (let r = 1; r <= lastRow && !header; r += 1) {
    const first = sheet.at(1, r);
    if (typeof first === "string" && first.trim() === layout.id_header && !Object.hasOwn(layout.head_fields, first.trim())) header = r;
  }
  // a merged range in column A under the table's header would hide an id (xlsx_read._card_sheet)
  if (header) problems.push(...mergedProblems(name, sheet, ([r1, c1, r2]) => c1 === 1 && r2 > r1 && r2 > header));
  const seen = new Map();
  const items = scorecardCards(name, sheet, meta, layout, lastRow, (title, r) => {
    if (!seen.has(title)) {
      seen.set(title, r);
      return true;
    }
    at(1, r, "xlsx.duplicate-id", { id: title, first: seen.get(title) });
    return false;
  });
  return problems.length ? { items: [], problems } : { items, problems: [] };
}

function scorecardCards(name, sheet, meta, layout, lastRow, firstTime) {
  const data = { scorecard: meta.scorecard ?? null, role: meta.role ?? null, level: meta.level ?? null };
  if (meta.focus) data.focus = String(meta.focus);
  const { item, put } = sheetItem(name, sheet, data);
  const at = (c, r) => cellValue(sheet.at(c, r), layout);
  let header = 0;
  let columns = {};
  for (let r = 1; r <= lastRow; r += 1) {
    const first = sheet.at(1, r);
    const title = typeof first === "string" ? first.trim() : null;
    const field = title !== null && Object.hasOwn(layout.head_fields, title) ? layout.head_fields[title] : null;
    if (field) {
      put([field], at(2, r), 2, r);
    } else if (!header && title === layout.id_header) {
      header = r;
      columns = {};
      for (let c = 1; c <= Math.min(sheet.maxCol, layout.card_columns); c += 1) if (sheet.at(c, r) !== null) columns[String(sheet.at(c, r)).trim()] = c;
    } else if (header && title && ID_RE.test(title) && firstTime(title, r)) {
      const rc = columns[layout.rating_header] || 6;
      const nc = columns[layout.notes_header] || 7;
      if (!data.ratings) data.ratings = {};
      put(["ratings", title], at(rc, r), rc, r);
      if (at(nc, r) !== null) {
        if (!data.notes) data.notes = {};
        put(["notes", title], at(nc, r), nc, r);
      }
    }
  }
  return [item];
}

/** A round workbook (xlsx_read._round_sheet): each row from the first data row is one card;
    {items, problems}: a formula or an id twice in the id row, or a merged range over it, refuses
    the sheet; a formula never computed (or a text too long) refuses its row. */
function roundItems(name, sheet, meta, layout) {
  const problems = [];
  const at = (c, r, code, params = {}) => problems.push({ file: `${name}:${sheet.name}!${cellRef(c, r)}`, line: 0, col: 0, code, params });
  const ids = new Map();
  const seen = new Map();
  for (let c = 1; c <= sheet.maxCol; c += 1) {
    if (sheet.formula(c, 2)) at(c, 2, "xlsx.formula-in-id");
    else if (sheet.at(c, 2) !== null) {
      const key = String(sheet.at(c, 2)).trim();
      if (seen.has(key)) at(c, 2, "xlsx.duplicate-id", { id: key, first: cellRef(seen.get(key), 1).replace(/\d+$/, "") });
      else {
        seen.set(key, c);
        ids.set(c, key);
      }
    }
  }
  problems.push(...mergedProblems(name, sheet, ([r1, c1, r2, c2]) => r2 >= 2 && (r1 !== r2 || c1 !== c2)));
  if (problems.length) return { items: [], problems };
  const items = [];
  for (let r = layout.round_first_row; r <= sheet.maxRow; r += 1) {
    let blank = true;
    for (let c = 1; c <= sheet.maxCol && blank; c += 1) {
      const v = sheet.at(c, r);
      blank = (v === null && !sheet.formula(c, r)) || (typeof v === "string" && !v.trim());
    }
    if (blank) continue;
    const bad = cellProblems(name, sheet, r, r, sheet.maxCol, layout);
    if (bad.length) {
      problems.push(...bad);
      continue;
    }
    const { item, put } = sheetItem(name, sheet, { scorecard: 2, role: meta.role ?? null, level: meta.level ?? null, ratings: {}, notes: {} });
    item.where = `${name}:${sheet.name}!${r}`;
    item.positions.set([], [r, 1]);
    for (const [c, key] of ids) {
      const v = cellValue(sheet.at(c, r), layout);
      if (layout.round_head.includes(key)) put([key], v, c, r);
      else if (key.startsWith(layout.notes_prefix)) {
        if (v !== null) put(["notes", key.slice(layout.notes_prefix.length)], v, c, r);
      } else if (key) put(["ratings", key], v, c, r);
    }
    items.push(item);
  }
  return { items, problems };
}

/** A problem of an item at its file position: {file, line, col, code, params} (a sheet cell as
    FILE:Sheet!F9 with line and column 0, as xlsx_read._located writes it). */
export function located(item, problem) {
  const [line, col] = item.positions.pos(problem.path, problem.key);
  if (item.sheet) return { file: `${item.file}:${item.sheet}!${cellRef(Math.max(col, 1), line)}`, line: 0, col: 0, code: problem.code, params: problem.params };
  return { file: item.file, line, col, code: problem.code, params: problem.params };
}

/** Read an xlsx file's cards: {items, problems: [{file, line, col, code, params}], round}. Never throws. */
export async function xlsxItems(model, name, bytes) {
  const layout = model.vocab.xlsx;
  const fileProblem = (code, params = {}) => ({ items: [], problems: [{ file: name, line: 0, col: 0, code, params }] });
  let sheets;
  try {
    sheets = await readWorkbook(bytes, model.read_limits.max_bytes);
  } catch (e) {
    return e instanceof XlsxError ? fileProblem(e.code, e.params) : fileProblem("xlsx.not-zip");
  }
  const meta = metaOf(sheets, layout);
  const mark = meta.format;
  const sheet = (n) => sheets.find((s) => s.name === n);
  if (mark === layout.meta_mark && sheet(layout.sheet)) return scorecardItems(name, sheet(layout.sheet), meta, layout);
  if (mark === layout.round_mark && sheet(layout.round_sheet)) {
    const { items, problems } = roundItems(name, sheet(layout.round_sheet), meta, layout);
    return items.length || problems.length ? { items, problems, round: true } : fileProblem("xlsx.round-empty");
  }
  return fileProblem("xlsx.not-ours", { meta: layout.meta_sheet });
}
