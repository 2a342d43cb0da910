// Render the message table's vectors with the browser's core/messages.js under node.
// Usage: node run_messages.mjs INPUT.json, where INPUT is {table, cases: [{code, params}], percents: [x],
// plurals: [n]}; table is model.json's `messages`. Prints {messages: [sentence], percents: [text], plurals: [form]}.
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { dirname, resolve } from "node:path";

const here = dirname(new URL(import.meta.url).pathname);
const m = await import(pathToFileURL(resolve(here, "../../docs/assets/js/core/messages.js")).href);
const input = JSON.parse(readFileSync(process.argv[2], "utf-8"));
process.stdout.write(
  JSON.stringify({
    messages: input.cases.map((c) => m.render(input.table, c.code, c.params)),
    percents: input.percents.map((x) => m.percentText(x)),
    plurals: input.plurals.map((n) => m.pluralForm(n)),
  }),
);
