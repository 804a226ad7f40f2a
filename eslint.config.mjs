// ESLint 9 flat config: @eslint/js + typescript-eslint recommended for TypeScript, Node globals for the
// JavaScript tooling files, and eslint-plugin-office-addins' Office.js rules where code talks to Excel.
import js from "@eslint/js";
import { defineConfig, globalIgnores } from "eslint/config";
import officeAddins from "eslint-plugin-office-addins";
import globals from "globals";
import tseslint from "typescript-eslint";

export default defineConfig([
  globalIgnores(["dist/", "lib/", "node_modules/", "coverage/", "test-artifacts/", "bench/corpus/", "bench/out/"]),

  {
    name: "bpr/javascript",
    files: ["**/*.{js,cjs,mjs}"],
    extends: [js.configs.recommended],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    name: "bpr/javascript-commonjs",
    files: ["**/*.{js,cjs}"],
    languageOptions: { sourceType: "commonjs" },
  },

  {
    name: "bpr/typescript",
    files: ["**/*.{ts,tsx,mts,cts}"],
    extends: [js.configs.recommended, tseslint.configs.recommended],
    languageOptions: { ecmaVersion: 2022, sourceType: "module" },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_" }],
    },
  },

  {
    // Chinese report text legitimately contains the ideographic space (U+3000) in strings, templates and
    // regular expressions; it is still an error in code and comments.
    name: "bpr/chinese-text",
    files: ["**/*.{js,cjs,mjs,ts,tsx,mts,cts}"],
    rules: {
      "no-irregular-whitespace": ["error", { skipStrings: true, skipTemplates: true, skipRegExps: true, skipJSXText: true }],
    },
  },

  // Layer boundaries (DESIGN.md): the engine is pure and never sees a host; adapters never see the UI or the CLI.
  {
    name: "bpr/boundaries-engine",
    files: ["src/engine/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["**/adapters/**", "**/adapters"], message: "The engine never imports a host adapter: adapters depend on the engine." },
            { group: ["**/taskpane/**", "**/taskpane"], message: "The engine never imports the task pane." },
            { group: ["**/cli/**", "**/cli"], message: "The engine never imports the CLI." },
            { group: ["exceljs", "@e965/xlsx", "react", "react-dom", "@fluentui/*", "node:*", "fs", "path"], message: "The engine is pure TypeScript: no host library, DOM framework or Node built-in." },
          ],
        },
      ],
    },
  },
  {
    name: "bpr/boundaries-adapters",
    files: ["src/adapters/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["**/taskpane/**", "**/taskpane"], message: "Adapters never import the task pane: the pane talks to adapters through the host port." },
            { group: ["**/cli/**", "**/cli"], message: "Adapters never import the CLI." },
          ],
        },
      ],
    },
  },

  {
    // Code that runs in the task pane / ribbon command pages.
    name: "bpr/browser",
    files: ["src/taskpane/**", "src/commands/**", "src/adapters/officejs/**"],
    languageOptions: { globals: { ...globals.browser } },
  },

  {
    // Office.js best practices (https://learn.microsoft.com/office/dev/add-ins/develop/application-specific-api-model):
    // load before read, sync before read and after load, no sync in loops, isNullObject for *OrNullObject.
    name: "bpr/office-addins",
    files: ["src/adapters/officejs/**/*.{ts,tsx}", "src/taskpane/**/*.{ts,tsx}", "src/commands/**/*.{ts,tsx}"],
    plugins: { "office-addins": officeAddins },
    rules: {
      "office-addins/call-sync-after-load": "error",
      "office-addins/call-sync-before-read": "error",
      "office-addins/load-object-before-read": "error",
      "office-addins/no-context-sync-in-loop": "error",
      "office-addins/test-for-null-using-isNullObject": "error",
      "office-addins/no-navigational-load": "warn",
      "office-addins/no-empty-load": "warn",
      "office-addins/no-office-initialize": "warn",
    },
  },
]);
