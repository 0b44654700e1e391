/*
 * GPL code stays out of the add-in: HyperFormula (GPL v3) is only in the workbench's own files.
 * The markers below are checked on the engine file itself first, so the check can fail.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DIST } from "../harness/bundle";

const read = (f: string): string => readFileSync(path.join(DIST, f), "utf8");
/** Text found in HyperFormula's distributed code (its licence header and its class names). */
const MARKERS = [/HANDSONCODE/i, /GNU General Public License/i, /hyperformula/i, /gpl-v3/i, /FunctionPluginValidationError/];
const scripts = (html: string): string[] => [...html.matchAll(/<script[^>]*\bsrc=["']?([^"' >]+)/g)].map((m) => m[1]);

describe("GPL code", () => {
  it("the workbench's engine file carries every marker (the check below can see HyperFormula)", () => {
    const hf = read("hyperformula.full.min.js");
    for (const m of MARKERS.filter((x) => !/gpl-v3/.test(String(x)))) expect(hf).toMatch(m);
    expect(read("workbench.js")).toMatch(/gpl-v3/); // the licence key the workbench passes
  });
  it.each(["functions.js", "taskpane.js"])("%s (what Excel loads) holds none of it", (f) => {
    const code = read(f);
    for (const m of MARKERS) expect(code).not.toMatch(m);
  });
  it("taskpane.html loads no workbench file; workbench.html loads the same functions.js and taskpane.js", () => {
    const pane = scripts(read("taskpane.html"));
    expect(pane.some((s) => /workbench|hyperformula/i.test(s))).toBe(false);
    const page = scripts(read("workbench.html"));
    expect(page).toEqual(["hyperformula.full.min.js", "workbench.js", "functions.js", "taskpane.js"]);
    for (const s of ["functions.js", "taskpane.js"]) expect(pane).toContain(s);
    // The engine is referenced as a global, not bundled into workbench.js.
    expect(read("workbench.js")).not.toMatch(/HANDSONCODE|GNU General Public License/);
  });
});
