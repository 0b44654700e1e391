/*
 * The layers that `npm run lint` enforces: the Office and Excel globals (Office.js) only in the
 * pane's Excel adapter and start-up (eslint.config.mjs), and the engine (src/) compiling without
 * the office-js and custom-functions-runtime types (tsconfig.src.json). ESLint runs here through
 * its Node API on snippets that are never written to the project; tsc runs on the real src/.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { ESLint } from "eslint";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "../..");
const require = createRequire(import.meta.url);
const TSC = path.join(path.dirname(require.resolve("typescript/package.json")), "bin/tsc");
const eslint = new ESLint({ cwd: ROOT });
const tmp = mkdtempSync(path.join(tmpdir(), "dtc-layers-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const OFFICE_RULES = ["no-restricted-globals", "no-restricted-syntax"];
/** The Office-layer rules that fire on `code` linted as if it were the project file `file`. */
async function officeHits(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  return result.messages.filter((m) => OFFICE_RULES.includes(m.ruleId ?? "")).map((m) => `${m.line}:${m.ruleId}`);
}
const tsc = (project: string) => spawnSync(process.execPath, [TSC, "--noEmit", "-p", project], { cwd: ROOT, encoding: "utf8" });

describe("ESLint: Office.js only in the Excel adapter and the pane's start-up", () => {
  const USES = [
    "export const lang = Office.context.displayLanguage;",
    "export type Ctx = Excel.RequestContext;",
    "export const office = (globalThis as { Office?: unknown }).Office;",
    'export const excel = window["Excel"];',
  ].join("\n");

  it("fires on each use in src/ and in taskpane/views/", async () => {
    for (const file of ["src/models/layer-probe.ts", "taskpane/views/LayerProbe.tsx"])
      expect(await officeHits(file, USES), file).toEqual([
        "1:no-restricted-globals",
        "2:no-restricted-syntax",
        "3:no-restricted-syntax",
        "4:no-restricted-syntax",
      ]);
  });

  it("leaves other objects' Office properties alone", async () => {
    expect(await officeHits("src/models/layer-probe.ts", "const names = { Office: 1 };\nexport const n = names.Office;\n")).toEqual([]);
  });

  it("allows the Excel adapter, the pane's start-up and the functions' display-language read", async () => {
    for (const file of ["taskpane/workbook/excel.ts", "taskpane/index.tsx", "functions/shape.ts"]) expect(await officeHits(file, USES), file).toEqual([]);
  });
});

describe("tsconfig.src.json: the engine without Office types", () => {
  it("src/ compiles", () => {
    const r = tsc("tsconfig.src.json");
    expect(r.stdout + r.stderr).toBe("");
    expect(r.status).toBe(0);
  }, 60_000);

  it("has neither Office nor CustomFunctions", () => {
    const probe = path.join(tmp, "probe.ts");
    writeFileSync(probe, "export const a = Office.context;\nexport const b: CustomFunctions.Error | null = null;\n");
    const project = path.join(tmp, "tsconfig.json");
    writeFileSync(project, JSON.stringify({ extends: path.join(ROOT, "tsconfig.src.json"), include: [], files: [probe] }));
    const r = tsc(project);
    expect(r.status).not.toBe(0);
    expect(r.stdout).toMatch(/probe\.ts\(1,\d+\): error TS2304: Cannot find name 'Office'/);
    expect(r.stdout).toMatch(/probe\.ts\(2,\d+\): error TS2503: Cannot find namespace 'CustomFunctions'/);
  }, 60_000);
});
