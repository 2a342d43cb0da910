/* Account Path: the evaluator's exports: one interviewer's card, the whole panel as one zip
   (every card `accountpath evaluate` reads plus result.json), or the result alone. Each
   checks the cards first (a candidate, valid and distinct interviewers) and says why not. */

import { cardFile, checkCard } from "../core/cardcheck.js";
import { debrief, panelProblems } from "../core/debrief.js";
import { cardsOf } from "./ev-state.js";
import { resultJson } from "../core/evaluate.js";
import { candidateTag, squashSpaces } from "../core/names.js";
import { download } from "../ui/ui.js";

/** The cards of some tabs, checked for export: a candidate, valid and distinct interviewers. */
function checkedCards({ model, state }, indices) {
  const problems = [];
  if (!squashSpaces(state.candidate)) problems.push("Укажите имя кандидата — оно есть в каждом листе.");
  const cards = cardsOf(model, state, indices);
  cards.forEach((card) => checkCard(model, cardFile(model, card)).problems.forEach((p) => problems.push(`${card.interviewer}: ${p.message}`)));
  panelProblems(cardsOf(model, state, state.interviewers.map((_, i) => i))).forEach(({ index, message }) => problems.push(`Интервьюер ${index + 1}: ${message}`));
  return { cards, problems: [...new Set(problems)] };
}

/** Exported file names carry ids, numbers and the candidate's id or name hash, never a person's name. */
function tagOf(card) {
  return candidateTag(card.candidate, card.candidate_id);
}

function cardFileName(card, used, number) {
  const base = `${card.role}-${card.level}-${tagOf(card)}-interviewer-${number}`;
  let name = base;
  for (let k = 2; used.has(name); k += 1) name = `${base}-${k}`;
  used.add(name);
  return `${name}.json`;
}

/** Download one interviewer's card (the JSON `accountpath evaluate` reads). */
export function exportCard(ctx, i) {
  const { model, say } = ctx;
  const { cards, problems } = checkedCards(ctx, [i]);
  if (problems.length) return say("Не получилось скачать лист:", "error", problems);
  const file = cardFileName(cards[0], new Set(), i + 1);
  download(file, JSON.stringify(cardFile(model, cards[0]), null, 2) + "\n");
  return say(`Лист скачан: ${file}. Итог по листам считает команда accountpath evaluate.`);
}

/** Download the whole panel as one zip: every card and result.json. */
export async function exportAll(ctx) {
  const { model, state, say } = ctx;
  const { cards, problems } = checkedCards(ctx, ctx.all());
  if (problems.length) return say("Не получилось скачать панель:", "error", problems);
  const { strToU8, zipSync } = await import("../vendor/fflate.mjs");
  const used = new Set();
  const files = {};
  const mtime = new Date(2020, 0, 1);
  for (const [k, card] of cards.entries()) files[cardFileName(card, used, k + 1)] = [strToU8(JSON.stringify(cardFile(model, card), null, 2) + "\n"), { mtime }];
  const result = debrief(model, state.role, state.level, cards, state.others);
  files["result.json"] = [strToU8(resultJson(result, model)), { mtime }];
  const name = `${state.role}-${state.level}-${tagOf(cards[0])}-panel.zip`;
  download(name, zipSync(files), "application/zip");
  return say(`Скачан один архив ${name}: листы (${cards.length}) и итог. Распакуйте и проверьте: accountpath evaluate ${Object.keys(files).filter((f) => f !== "result.json").join(" ")}`);
}

/** Download the panel's result (the JSON `accountpath evaluate --format json` prints). */
export function exportResult(ctx) {
  const { model, state, say } = ctx;
  const { cards, problems } = checkedCards(ctx, ctx.all());
  if (problems.length) return say("Не получилось скачать итог:", "error", problems);
  const result = debrief(model, state.role, state.level, cards, state.others);
  const file = `${state.role}-${state.level}-${tagOf(cards[0])}-result.json`;
  download(file, resultJson(result, model));
  return say(`Итог скачан: ${file}.`);
}
