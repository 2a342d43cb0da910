// Run the browser's team review (docs/assets/js/core/team.js) on shared vectors under node.
// Usage: node run_team.mjs INPUT.json, where INPUT is {model, today, texts: [{name, text}]}:
// each text (JSON or YAML) goes through cardread.parseText + team.checkAssessment, then the
// accepted ones through team.review and team.director.
// Prints {manager, director, problems: [{name, code, params}], warnings}: the browser views.
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { dirname, resolve } from "node:path";

const here = dirname(new URL(import.meta.url).pathname);
const js = (name) => import(pathToFileURL(resolve(here, "../../docs/assets/js/core", name)).href);
const [team, read] = await Promise.all([js("team.js"), js("cardread.js")]);
const input = JSON.parse(readFileSync(process.argv[2], "utf-8"));
const model = input.model;

const found = [];
const problems = [];
for (const t of input.texts) {
  const parsed = await read.parseText(t.text);
  if (parsed.problems) {
    for (const p of parsed.problems) problems.push({ name: t.name, code: p.code, params: p.params, line: p.at[0], col: p.at[1] });
    continue;
  }
  const checked = team.checkAssessment(model, parsed.data, t.name);
  if (checked.problems) for (const p of checked.problems) problems.push({ name: t.name, code: p.code, params: p.params });
  else found.push(checked.assessment);
}
const { result, problems: teamProblems } = team.review(model, found, { today: input.today });
for (const p of teamProblems) problems.push({ name: p.source, code: p.code, params: p.params });
process.stdout.write(JSON.stringify({
  manager: team.browserView(result),
  director: team.browserView(team.director(result)),
  warnings: result.warnings,
  problems,
}));
