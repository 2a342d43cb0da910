// Run the browser's method (docs/assets/js/evaluate.js) on evaluation vectors under node.
// Usage: node run_vectors.mjs INPUT.json, where INPUT is {model, cases: [{name, scorecards}]}
// with the model as model.json carries it (vocab included). Prints a JSON array, one entry
// per case: {name, problems, panel, text} where text is resultJson() of the panel's result.
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { dirname, resolve } from "node:path";

const here = dirname(new URL(import.meta.url).pathname);
const ev = await import(pathToFileURL(resolve(here, "../../docs/assets/js/evaluate.js")).href);
const input = JSON.parse(readFileSync(process.argv[2], "utf-8"));

const out = input.cases.map((c) => {
  const checked = c.scorecards.map((card) => ev.checkScorecard(input.model, card));
  const problems = checked.flatMap((x) => x.problems);
  if (problems.length) return { name: c.name, problems, panel: [], text: null };
  const cards = checked.map((x) => x.card);
  const panel = ev.panelProblems(cards);
  const result = ev.evaluate(input.model, cards[0].role, cards[0].level, cards);
  return { name: c.name, problems, panel, text: ev.resultJson(result) };
});
process.stdout.write(JSON.stringify(out));
