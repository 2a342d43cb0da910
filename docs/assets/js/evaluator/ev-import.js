/* Account Path: what the evaluator's import makes of a set of files or a pasted text:
   checked scorecards (JSON, YAML, xlsx card, round workbook rows), an interview plan, and
   every problem as data (a code of model.json's message table with params, at its file,
   line and column or sheet cell) and as one Russian line rendered from that table.
   Limits (model.json read_limits): a file over max_bytes is refused unread, more than
   max_cards cards are refused before any is parsed; YAML aliases are refused as they are met.
   Parsers load on demand (cardread.js); nothing here touches the page. */

import { checkCard } from "../core/cardcheck.js";
import { located, parseText, textItems, xlsxItems } from "../core/cardread.js";
import { render } from "../core/messages.js";
import { identity } from "../core/names.js";
import { checkPlan, isPlan } from "../core/plan.js";

/** A problem {file, line, col, code, params} as the CLI prints it (Problem.__str__), the sentence from model.json's table. */
export function problemLine(model, p) {
  const where = p.line && p.col ? `${p.file}:${p.line}:${p.col}` : p.line ? `${p.file}:${p.line}` : p.file;
  return `${where}: ${render(model.messages, p.code, p.params)}`;
}

/** How many cards a text holds at most, counted before it is parsed (a JSON list by JSON.parse, YAML by its `role:` keys). */
function cardsBefore(text) {
  const start = text.replace(/^\uFEFF/, "").trimStart();
  if (start.startsWith("[")) {
    try {
      const data = JSON.parse(start);
      return Array.isArray(data) ? data.length : 1;
    } catch (e) {
      /* not JSON: YAML's count below */
    }
  }
  return Math.max(1, (text.match(/^[\s-]*["']?role["']?\s*:/gm) || []).length);
}

async function itemsOf(model, source, out) {
  const limits = model.read_limits;
  const fileProblem = (code, params = {}) => out.found.push({ file: source.label, line: 0, col: 0, code, params });
  const size = source.size ?? (source.bytes ? source.bytes.byteLength : source.text === null ? 0 : source.text.length);
  if (size > limits.max_bytes) {
    fileProblem("read.too-big", { limit: Math.floor(limits.max_bytes / 1024 / 1024) });
    return [];
  }
  if (source.bytes) {
    const got = await xlsxItems(model, source.label, source.bytes);
    out.found.push(...got.problems);
    if (got.round) out.round = true;
    return got.items;
  }
  if (source.text === null) {
    fileProblem("read.failed");
    return [];
  }
  const count = cardsBefore(source.text);
  if (out.counted + count > limits.max_cards) {
    fileProblem("read.too-many-cards", { count: out.counted + count, limit: limits.max_cards });
    return [];
  }
  out.counted += count;
  const parsed = await parseText(source.text);
  if (parsed.problems) {
    parsed.problems.forEach((p) => out.found.push({ file: source.label, line: p.at[0], col: p.at[1], code: p.code, params: p.params }));
    return [];
  }
  if (isPlan(parsed.data)) {
    const { plan, problems } = checkPlan(model, parsed.data);
    problems.forEach((p) => out.problems.push(`${source.label}: ${render(model.messages, p.code, p.params)}`));
    if (plan) out.plan = plan;
    return [];
  }
  return textItems(source.label, parsed);
}

/**
 * Read sources [{label, text} | {label, bytes}] into {cards: [{where, card}], plan, round,
 * problems, found}: `found` the problems as data ({file, line, col, code, params}), `problems`
 * every problem as one line (FILE:LINE:COL: sentence). Never throws: an unexpected failure
 * becomes a problem of that source; more cards than model.json's read_limits.max_cards are refused.
 */
export async function readSources(model, sources) {
  const out = { cards: [], plan: null, round: false, problems: [], found: [], counted: 0 };
  for (const source of sources) {
    let items = [];
    try {
      items = await itemsOf(model, source, out);
    } catch (e) {
      out.found.push({ file: source.label, line: 0, col: 0, code: "read.failed", params: {} });
    }
    if (source.bytes) {
      out.counted += items.length;
      if (out.counted > model.read_limits.max_cards) {
        out.found.push({ file: source.label, line: 0, col: 0, code: "read.too-many-cards", params: { count: out.counted, limit: model.read_limits.max_cards } });
        items = [];
      }
    }
    for (const item of items) {
      const { card, problems } = checkCard(model, item.data);
      if (card) out.cards.push({ where: item.where || item.file, card });
      else problems.forEach((p) => out.found.push(located(item, p)));
    }
  }
  out.problems.push(...out.found.map((p) => problemLine(model, p)));
  return out;
}

/** Sources of chosen files: xlsx as bytes, everything else as text; a file over the size limit is not read at all. */
export async function fileSources(files, maxBytes = Infinity) {
  const out = [];
  for (const f of files) {
    try {
      if (f.size > maxBytes) out.push({ label: f.name, text: "", size: f.size });
      else if (/\.xlsx$/i.test(f.name)) out.push({ label: f.name, bytes: await f.arrayBuffer() });
      else out.push({ label: f.name, text: await f.text() });
    } catch (e) {
      out.push({ label: f.name, text: null });
    }
  }
  return out;
}

/** Imported cards grouped by candidate (names compared as Python does), in first-seen order. */
export function groupsOf(cards) {
  const groups = new Map();
  for (const item of cards) {
    const key = identity(item.card.candidate, item.card.candidate_id);
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(item);
  }
  return [...groups.values()];
}
