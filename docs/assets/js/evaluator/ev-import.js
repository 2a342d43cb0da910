/* Account Path: what the evaluator's import makes of a set of files or a pasted text:
   checked scorecards (JSON, YAML, xlsx card, round workbook rows), an interview plan, and
   every problem as one Russian line naming the file and the place (line or sheet cell).
   Parsers load on demand (cardread.js); nothing here touches the page. */

import { checkCard } from "../core/cardcheck.js";
import { parseText, textItems, xlsxItems } from "../core/cardread.js";
import { identity } from "../core/names.js";
import { checkPlan, isPlan } from "../core/plan.js";

/** A problem as the CLI prints it: FILE:Sheet!F9: message for a sheet cell, else FILE: message. */
export function located(item, problem) {
  const path = problem.path;
  const cell = item.cells[path.join("/")] || item.cells[path[0]] || item.cells[""];
  return cell ? `${item.file}:${cell}: ${problem.message}` : `${item.where}: ${problem.message}`;
}

async function itemsOf(model, source, out) {
  if (source.bytes) {
    const got = await xlsxItems(model, source.label, source.bytes);
    out.problems.push(...got.problems);
    if (got.round) out.round = true;
    return got.items;
  }
  if (source.text === null) {
    out.problems.push(`${source.label}: файл не удалось прочитать`);
    return [];
  }
  const parsed = await parseText(source.text);
  if (parsed.problem) {
    out.problems.push(`${source.label}: ${parsed.problem}`);
    return [];
  }
  if (isPlan(parsed.data)) {
    const { plan, problems } = checkPlan(model, parsed.data);
    problems.forEach((p) => out.problems.push(`${source.label}: ${p}`));
    if (plan) out.plan = plan;
    return [];
  }
  return textItems(source.label, parsed.data);
}

/**
 * Read sources [{label, text} | {label, bytes}] into {cards: [{where, card}], plan, round,
 * problems}. Never throws: an unexpected failure becomes a problem of that source.
 */
export async function readSources(model, sources) {
  const out = { cards: [], plan: null, round: false, problems: [] };
  for (const source of sources) {
    let items = [];
    try {
      items = await itemsOf(model, source, out);
    } catch (e) {
      out.problems.push(`${source.label}: не удалось прочитать файл`);
    }
    for (const item of items) {
      const { card, problems } = checkCard(model, item.data);
      if (card) out.cards.push({ where: item.where, card });
      else problems.forEach((p) => out.problems.push(located(item, p)));
    }
  }
  return out;
}

/** Sources of chosen files: xlsx as bytes, everything else as text. */
export async function fileSources(files) {
  const out = [];
  for (const f of files) {
    try {
      if (/\.xlsx$/i.test(f.name)) out.push({ label: f.name, bytes: await f.arrayBuffer() });
      else out.push({ label: f.name, text: await f.text() });
    } catch (e) {
      out.push({ label: f.name, text: null });
    }
  }
  return out;
}

/** Imported cards grouped by candidate (the candidate_id, else names compared as Python does), in first-seen order. */
export function groupsOf(cards) {
  const groups = new Map();
  for (const item of cards) {
    const key = identity(item.card.candidate, item.card.candidate_id);
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(item);
  }
  return [...groups.values()];
}
