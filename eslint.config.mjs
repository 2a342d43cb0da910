// ESLint for the JavaScript kernel (docs/assets/js/core), run by `make lint`.
// ESLint and its two helper packages are installed by the Makefile into build/node (gitignored),
// so they are required from there rather than from a node_modules next to this file.
import { createRequire } from "node:module";

const require = createRequire(new URL("./build/node/package.json", import.meta.url));
const js = require("@eslint/js");
const globals = require("globals");

export default [
  { ignores: ["docs/assets/js/vendor/**"] },
  js.configs.recommended,
  {
    files: ["docs/assets/js/**/*.js"],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: "module",
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      // an argument kept for a signature's shape is named _like_this
      "no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
    },
  },
];
