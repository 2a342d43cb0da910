// Run the browser's scorecard reader and debrief (docs/assets/js/) on shared vectors under node.
// Usage: node run_vectors.mjs INPUT.json, where INPUT is {model, cases, cards}:
// - model: the site's model.json for the vectors' model (vocab included);
// - cases: [{name, texts: [card text, ...]}]: each card text (JSON or YAML) goes through
//   cardread.parseText + cardcheck.checkCard, then the panel through debrief.debrief;
// - cards: [{name, text, file}]: one card text each, through parseText + checkCard, its problems
//   located in `file` as the Python readers locate them ({file, line, col, code, params}).
// Prints {cases: [{name, problems, panel, text, lines}], cards: [{name, card, problems}]}, where
// text is the JSON `accountpath evaluate --format json` would print and lines the debrief's
// sentences ({fragile, must, boundary, readiness, warnings}: debrief_text.py's in Python).
// The xlsx reader needs DOMParser: the browser lane runs it (tests/test_browser_import.py).
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { dirname, resolve } from "node:path";

const here = dirname(new URL(import.meta.url).pathname);
const js = (name) => import(pathToFileURL(resolve(here, "../../docs/assets/js/core", name)).href);
const [ev, check, read, deb, msg] = await Promise.all([js("evaluate.js"), js("cardcheck.js"), js("cardread.js"), js("debrief.js"), js("messages.js")]);
const input = JSON.parse(readFileSync(process.argv[2], "utf-8"));
const model = input.model;

/** One card text: {card, problems: [{file, line, col, code, params}], messages}, as the Python readers give them. */
async function readCard(text, label = "card.json") {
  const parsed = await read.parseText(text);
  if (parsed.problems) {
    const problems = parsed.problems.map((p) => ({ file: label, line: p.at[0], col: p.at[1], code: p.code, params: p.params }));
    return { card: null, problems, messages: problems.map((p) => msg.render(model.messages, p.code, p.params)) };
  }
  const item = { file: label, data: parsed.data, positions: parsed.positions, sheet: null };
  const { card, problems } = check.checkCard(model, parsed.data);
  return { card, problems: problems.map((p) => read.located(item, p)), messages: problems.map((p) => p.message) };
}

const cases = [];
for (const c of input.cases || []) {
  const checked = await Promise.all(c.texts.map(readCard));
  const problems = checked.flatMap((x) => x.problems);
  if (problems.length) {
    cases.push({ name: c.name, problems, panel: [], text: null, lines: null });
    continue;
  }
  const cards = checked.map((x) => x.card);
  const panel = deb.panelProblems(cards).map((p) => p.message);
  const result = deb.debrief(model, cards[0].role, cards[0].level, cards, c.others || []);
  const lines = {
    fragile: deb.fragileLines(model, result),
    must: result.competencies.filter((row) => row.must_have).map((row) => deb.mustHaveStatus(model, row, result.failed_must_haves.includes(row.id))),
    boundary: deb.boundaryLine(model, result),
    readiness: deb.readinessLines(model, result),
    warnings: result.warnings.map((w) => deb.warningLine(model, w)),
  };
  cases.push({ name: c.name, problems, panel, text: ev.resultJson(result, model), lines });
}
const cards = [];
for (const c of input.cards || []) cards.push({ name: c.name, ...(await readCard(c.text, c.file)) });
process.stdout.write(JSON.stringify({ cases, cards }));
