/*
 * The row loops of the built functions.js keep their compiled code from one call to the next,
 * as Excel recalculates them, with garbage collections in between (issue #13, docs/performance.md,
 * "Stable shapes").
 *
 * Headless Chromium runs with V8's --trace-opt, which prints a line for every function V8
 * compiles; each function below is called 40 times on 200,000 rows, with a full GC before each
 * call (as `npm run bench` does). Where a loop lost its code on every call, V8 compiled it
 * again on every call: in the build before this test, the busiest function was compiled by
 * Turbofan (whole-function, on-stack replacement not counted) 32 times in FAST.ROWS, 46 in
 * GROW.ROWS and 49 in ASSOC, and by Maglev up to 97 times. The test fails when any function is
 * compiled by Turbofan 20 times or more; with stable code the busiest one was compiled at most
 * 10 times (ASSOC, whose seven loops tier up one by one), the others 1–8 times. Chromium 150;
 * the counts are V8 heuristics, hence the wide margin on both sides.
 * The causes were a loop inlined into a per-call closure (Terser's reduce_funcs), a loop that
 * read a per-call object whose hidden class a GC dropped (the table object, IdCodes), and a
 * hot function that built its result object after its loop.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { chromium } from "playwright-core";
import { describe, expect, it } from "vitest";
import { DIST } from "../harness/bundle";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../harness/chromium";

const ROWS = 200_000;
const CALLS = 40;
const LIMIT = 20;

/**
 * The page's stand-in and calls (plain browser JavaScript). The data are the benchmark's own
 * generators (bench/page/data.js, strategy-floors.js): Excel-shaped columns, a SUPER table of
 * 5,000 SKUs with blank rows after them (a whole-column reference), ASSOC lines with a header.
 */
const DRIVER = `
  window.__associated = {};
  window.CustomFunctions = {
    associate(id, fn) { window.__associated[id] = fn; },
    Error: class extends Error { constructor(code, message) { super(message); this.code = code; } },
    ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A", divisionByZero: "#DIV/0!", invalidNumber: "#NUM!" },
  };
  window.__args = (id, n) =>
    id === "FAST.ROWS" ? BenchData.fastRows(n)
    : id === "GROW.ROWS" ? BenchData.growRows(n)
    : id === "ASSOC" ? BenchStrategy.assocLines(n)
    : [BenchData.superTable(5000, n)];
  window.__run = (id, calls) => {
    const fn = window.__associated[id];
    const args = window.__args(id, ${ROWS});
    let out;
    // The optional arguments omitted, as Excel passes them (null).
    for (let k = 0; k < calls; k++) { gc(); out = fn(...args, null, null, null); }
    return JSON.stringify(out);
  };
`;
const BENCH_PAGE = ["data.js", "strategy-floors.js"].map((f) => readFileSync(path.join(__dirname, "../../bench/page", f), "utf8"));

/** Turbofan compilations per function name while `id` is called {@link CALLS} times. */
async function compilations(id: string): Promise<{ result: string; counts: Record<string, number> }> {
  const server = await chromium.launchServer({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_ARGS, "--js-flags=--expose-gc --trace-opt"],
  });
  let out = "";
  server.process().stdout?.on("data", (d: Buffer) => (out += d.toString("utf8")));
  const exited = new Promise<void>((resolve) => server.process().on("exit", () => resolve()));
  let result = "";
  try {
    const browser = await chromium.connect(server.wsEndpoint());
    const page = await browser.newPage();
    await page.setContent("<!doctype html><html><body></body></html>");
    await page.addScriptTag({ content: DRIVER });
    for (const content of BENCH_PAGE) await page.addScriptTag({ content });
    await page.addScriptTag({ content: readFileSync(path.join(DIST, "functions.js"), "utf8") });
    result = await page.evaluate(([id, calls]) => (window as unknown as { __run(id: string, calls: number): string }).__run(id, calls), [id, CALLS] as const);
    await browser.close();
  } finally {
    await server.close();
    await exited;
  }
  const counts: Record<string, number> = {};
  for (const m of out.matchAll(/\[completed compiling 0x[0-9a-f]+ <JSFunction ([^ >]*)[^\n]*\(target (TURBOFAN_JS|MAGLEV)\)/g)) {
    const name = `${m[1] === "" || m[1].startsWith("(") ? "(anonymous)" : m[1]} ${m[2]}`;
    counts[name] = (counts[name] ?? 0) + 1;
  }
  if (process.env.DTC_TRACE_COUNTS) console.log(id, JSON.stringify(counts));
  return { result, counts };
}

describe("built functions keep their compiled code across recalculations", () => {
  for (const id of ["FAST.ROWS", "GROW.ROWS", "SUPER", "ASSOC"]) {
    it(`${id}: no function compiled by Turbofan ${LIMIT} times in ${CALLS} calls on ${ROWS.toLocaleString("en")} rows`, async () => {
      const { result, counts } = await compilations(id);
      // The calls returned numbers (not an error), and V8 did report compilations (the trace works).
      expect(result).toMatch(/^\[\[/);
      expect(result).not.toMatch(/code|message/);
      expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
      const worst = Object.entries(counts).filter(([k]) => k.endsWith(" TURBOFAN_JS")).sort((a, b) => b[1] - a[1])[0];
      expect(worst[1], `most compiled: ${worst[0]} ${worst[1]} times (${JSON.stringify(counts)})`).toBeLessThan(LIMIT);
    }, 120_000);
  }
});
