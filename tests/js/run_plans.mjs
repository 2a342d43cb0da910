// Make interview plans with the browser's planner (docs/assets/js/core/planmake.js) under node.
// Usage: node run_plans.mjs INPUT.json, where INPUT is {model, cases: [{role, level, interviewers,
// candidate, minutes}]} and model the site's model.json. Prints [{yaml, notes, error}] in case order:
// yaml is the plan file as `accountpath plan` writes it (its notes in the comments); sheets, per interviewer,
// the card's questions by competency (situational first on a level that takes graduates), the open-question
// block and the time slots.
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { dirname, resolve } from "node:path";

const here = dirname(new URL(import.meta.url).pathname);
const pm = await import(pathToFileURL(resolve(here, "../../docs/assets/js/core/planmake.js")).href);
const input = JSON.parse(readFileSync(process.argv[2], "utf-8"));
const out = [];
for (const c of input.cases) {
  try {
    const { plan, notes } = pm.makePlan(input.model, c.role, c.level, c.interviewers, c.candidate, c.minutes ?? null);
    const sheets = plan.interviewers.map((person) => {
      const { placed, graduate } = pm.sheetQuestions(input.model, plan, person);
      return {
        questions: Object.fromEntries([...placed].map(([cid, qs]) => [cid, qs.map((q) => q.id)])),
        graduate: [...graduate].sort(),
        open: pm.personOpenQuestions(input.model, plan, person).map((q) => q.id),
        slots: pm.timeSlots(input.model, plan, person),
      };
    });
    out.push({ yaml: pm.planYaml(input.model, plan, notes), notes, error: null, sheets });
  } catch (err) {
    if (!(err instanceof pm.PlanError)) throw err;
    out.push({ yaml: null, notes: [], error: err.message, sheets: [] });
  }
}
process.stdout.write(JSON.stringify(out));
