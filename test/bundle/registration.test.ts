/* The built bundle registers every function of functions.json, on its own, with no office.js. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadBundle, type Bundle } from "../harness/bundle";

let b: Bundle;
beforeAll(async () => {
  b = await loadBundle();
});
afterAll(async () => b?.close());

describe("dist/functions.js loaded by itself with a CustomFunctions stand-in", () => {
  it("loads without errors", () => {
    expect(b.loadErrors).toEqual([]);
  });
  it("associates every id of functions.json, and nothing else", () => {
    const ids = b.metadata.functions.map((f) => f.id).sort();
    expect(ids.length).toBeGreaterThan(0);
    expect([...b.associated].sort()).toEqual(ids);
  });
  it("uses upper-case ids in the DTC style", () => {
    for (const f of b.metadata.functions) expect(f.id).toMatch(/^[A-Z][A-Z0-9._]{2,}$/);
  });
  it("passes Excel-shaped arguments through: AIPL counts a column", async () => {
    // Hand count: A, A, P, none, L, blank → A=2, I=0, P=1, L=1.
    expect(await b.call("AIPL", [["A"], ["a"], ["P"], ["-"], ["L"], [""]])).toEqual([[2, 0, 1, 1]]);
  });
});

describe("dist/functions.js outside Excel", () => {
  it("loads without a CustomFunctions runtime and without errors (taskpane.html in a plain browser)", async () => {
    const { readFileSync } = await import("node:fs");
    const path = await import("node:path");
    const { DIST } = await import("../harness/bundle");
    const page = await b.page.context().browser()!.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.setContent("<!doctype html><html><body></body></html>");
    await page.addScriptTag({ content: readFileSync(path.join(DIST, "functions.js"), "utf8") });
    expect(errors).toEqual([]);
    expect(await page.evaluate(() => typeof (window as unknown as { CustomFunctions?: unknown }).CustomFunctions)).toBe("object");
    await page.close();
  });
});
