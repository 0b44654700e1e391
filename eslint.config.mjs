// ESLint (flat config) for `npm run lint` (which first runs `tsc --noEmit` on tsconfig.json and on
// tsconfig.src.json, the engine without Office types).
import js from "@eslint/js";
import { defineConfig, globalIgnores } from "eslint/config";
import tseslint from "typescript-eslint";

/** Globals of Node scripts (the build, the tooling, CommonJS configs). */
const NODE = Object.fromEntries(
  ["process", "console", "Buffer", "URL", "URLSearchParams", "setTimeout", "clearTimeout", "setInterval", "clearInterval", "fetch", "AbortController", "performance", "structuredClone"].map((g) => [g, "readonly"]),
);
const OFFICE_GLOBALS = ["Office", "Excel"];
const OFFICE_NAMES = `/^(${OFFICE_GLOBALS.join("|")})$/`;
const GLOBAL_OBJECTS = "/^(globalThis|window|self)$/";
/** `x.Office`, `x["Excel"]`; its object is the global object, bare or cast (`(globalThis as T)`). */
const OFFICE_MEMBER = `MemberExpression:matches([property.name=${OFFICE_NAMES}], [property.value=${OFFICE_NAMES}])`;
const CASTS = "TSAsExpression, TSSatisfiesExpression, TSNonNullExpression, TSTypeAssertion";
const OFFICE_LAYER = "Office.js is used only in taskpane/workbook/excel.ts (and the pane's start-up, taskpane/index.tsx): go through the Workbook port (taskpane/workbook/port.ts)";
const COMMONJS = Object.fromEntries(["require", "module", "exports", "__dirname", "__filename"].map((g) => [g, "readonly"]));

export default defineConfig([
  globalIgnores(["dist/", "dist-*/", "node_modules/", "coverage/", "test-results/"]),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
      eqeqeq: ["error", "always", { null: "ignore" }],
      "no-var": "error",
      "prefer-const": "error",
    },
  },
  {
    // Parameters are camelCase, except where they mirror Excel (see below).
    files: ["**/*.{ts,tsx}"],
    rules: {
      "@typescript-eslint/naming-convention": ["error", { selector: "parameter", format: ["camelCase"], leadingUnderscore: "allow" }],
    },
  },
  {
    // Custom-function wrappers: parameter names ARE the Excel argument names of SPEC (snake_case),
    // and the arguments arrive untyped from Excel (any[][] ranges, any scalars).
    files: ["functions/**/*.ts"],
    rules: {
      "@typescript-eslint/naming-convention": ["error", { selector: "parameter", format: ["camelCase", "snake_case"], leadingUnderscore: "allow" }],
      "@typescript-eslint/no-explicit-any": "off",
    },
  },
  {
    // The harness reaches into globals that the CustomFunctions stand-in defines in the page.
    files: ["test/harness/**/*.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
  {
    // Layers: Office.js (the Office and Excel globals) belongs to the Excel adapter of the pane
    // and the pane's start-up only. The engine (src/), the wrappers (functions/), the planners
    // and views, the workbench and the tests reach Excel through the `Workbook` port.
    files: ["**/*.{ts,tsx,js,mjs,cjs}"],
    rules: {
      "no-restricted-globals": ["error", ...OFFICE_GLOBALS.map((name) => ({ name, message: OFFICE_LAYER }))],
      // The same globals as properties of the global object ((globalThis as T).Office, window["Excel"])
      // and as types (Excel.RequestContext: no-restricted-globals sees values only).
      "no-restricted-syntax": [
        "error",
        { selector: `${OFFICE_MEMBER} > Identifier.object[name=${GLOBAL_OBJECTS}]`, message: OFFICE_LAYER },
        { selector: `${OFFICE_MEMBER} > :matches(${CASTS}).object Identifier[name=${GLOBAL_OBJECTS}]`, message: OFFICE_LAYER },
        { selector: `TSQualifiedName > Identifier.left[name=${OFFICE_NAMES}]`, message: OFFICE_LAYER },
      ],
    },
  },
  {
    files: [
      "taskpane/workbook/excel.ts", // the Excel adapter of the Workbook port
      "taskpane/index.tsx", // the pane's start-up: Office.onReady and the display language
      "functions/shape.ts", // the functions' display language (Office.context.displayLanguage), when the runtime has it
      "test/taskpane/**", // the Office.js mock and the tests of the Excel adapter
      "test/functions/shape.test.ts", // stands in for Office's display language of functions/shape.ts
      "test/workbench/pane.test.ts", // checks that the workbench page has no Office
    ],
    rules: { "no-restricted-globals": "off", "no-restricted-syntax": "off" },
  },
  {
    files: ["**/*.{js,mjs,cjs}"],
    languageOptions: { globals: NODE },
  },
  {
    files: ["**/*.{js,cjs}"],
    languageOptions: { sourceType: "commonjs", globals: { ...NODE, ...COMMONJS } },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
]);
