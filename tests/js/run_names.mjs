// The browser's name comparison (docs/assets/js/core/names.js) on the shared vector
// tests/vectors/names.json under node. Usage: node run_names.mjs VECTOR.json
// Prints [{key, identity, difference, hash, tag}] for each case, as Python's accountpath.names gives them.
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { dirname, resolve } from "node:path";

const here = dirname(new URL(import.meta.url).pathname);
const names = await import(pathToFileURL(resolve(here, "../../docs/assets/js/core/names.js")).href);
const input = JSON.parse(readFileSync(process.argv[2], "utf-8"));
const out = input.cases.map((c) => ({
  key: [names.personKey(c.a), names.personKey(c.b)],
  identity: [names.identity(c.a, c.id_a ?? null), names.identity(c.b, c.id_b ?? null)],
  difference: names.difference(c.a, c.b),
  hash: names.shortHash(c.a),
  tag: names.candidateTag(c.a, c.id_a ?? null),
}));
process.stdout.write(JSON.stringify(out));
