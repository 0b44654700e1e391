// ESLint (flat config) for `npm run lint` (which runs `tsc --noEmit` first for the types).
import js from "@eslint/js";
import { defineConfig, globalIgnores } from "eslint/config";
import tseslint from "typescript-eslint";

/** Globals of Node scripts (the build, the tooling, CommonJS configs). */
const NODE = Object.fromEntries(
  ["process", "console", "Buffer", "URL", "URLSearchParams", "setTimeout", "clearTimeout", "setInterval", "clearInterval", "fetch", "AbortController", "performance", "structuredClone"].map((g) => [g, "readonly"]),
);
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
    files: ["**/*.{js,mjs,cjs}"],
    languageOptions: { globals: NODE },
  },
  {
    files: ["**/*.{js,cjs}"],
    languageOptions: { sourceType: "commonjs", globals: { ...NODE, ...COMMONJS } },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
]);
