/* DTC.GTA "sensitivity" and DTC.GTA.BUDGET through the BUILT bundle (SPEC §17); expected values worked out by hand. */
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DIST, loadBundle, type Bundle, type FunctionMeta, type XlValue } from "../harness/bundle";

let b: Bundle;
beforeAll(async () => {
  b = await loadBundle();
});
afterAll(async () => b?.close());

// The public example of SPEC §10, under an English header row.
const PUBLIC = [
  ["stage", "crowd", "count", "conversion", "aov"],
  ["L", null, 200000, 0.3, 400],
  ["P", null, 800000, 0.08, 300],
  ["I", null, 1500000, 0.05, 250],
  ["A", null, 6000000, 0.005, 250],
];

/**
 * The worked table with costs, under a Chinese header row:
 *   P 老客  1000 × 10% × 50 = 5,000 (g 5)
 *   I Gen Z 2000 × 5% × 40 = 4,000 (g 2), cost 4 (2 per GMV), capacity 1,000
 *   A 白领  5000 × 1% × 40 = 2,000 (g 0.4), cost 0.6 (1.5 per GMV), capacity 10,000
 * baseline 11,000; fill order A, I.
 */
const COSTED = [
  ["阶段", "人群", "人数", "转化率", "客单价", "单人成本", "可增量"],
  ["P", "老客", 1000, "10%", 50, null, null],
  ["I", "Gen Z", 2000, "5%", 40, 4, 1000],
  ["A", "白领", 5000, "1%", 40, 0.6, 10000],
];

function expectTable(actual: unknown, expected: XlValue[][]): void {
  const t = actual as XlValue[][];
  expect(Array.isArray(t), JSON.stringify(actual)).toBe(true);
  expect(t).toHaveLength(expected.length);
  expected.forEach((row, r) => {
    expect(t[r]).toHaveLength(row.length);
    row.forEach((e, k) => {
      if (typeof e === "number") expect(t[r][k] as number, `row ${r} cell ${k}`).toBeCloseTo(e, 6);
      else expect(t[r][k], `row ${r} cell ${k}`).toEqual(e);
    });
  });
}

/** The same table followed by an empty tail as a whole-column reference brings it: null, "" or 0 cells. */
const withTail = (t: unknown[][], blank: null | "" | 0, rows = 50) => [...t, ...Array.from({ length: rows }, () => t[0].map(() => blank))];

describe("registration", () => {
  const zh = (): { functions: FunctionMeta[] } => JSON.parse(readFileSync(path.join(DIST, "functions.zh-CN.json"), "utf8"));
  it("GTA.BUDGET is registered with SPEC's parameters, a matrix result and zh-CN help", () => {
    const f = b.metadata.functions.find((x) => x.id === "GTA.BUDGET")!;
    expect(f.name).toBe("GTA.BUDGET");
    expect(f.parameters.map((p) => [p.name, !!p.optional])).toEqual([
      ["budget", false], ["crowds", false], ["output", true], ["with_headers", true],
    ]);
    expect(f.result?.dimensionality).toBe("matrix");
    expect(b.associated).toContain("GTA.BUDGET");
    expect(b.loadErrors).toEqual([]);
    const z = zh().functions.find((x) => x.id === "GTA.BUDGET")!;
    expect(z.description).toMatch(/预算/);
  });
  it("GTA's output help names the sensitivity output, in both languages", () => {
    const out = (fs: FunctionMeta[]) => fs.find((x) => x.id === "GTA")!.parameters.find((p) => p.name === "output")!.description;
    expect(out(b.metadata.functions)).toMatch(/"sensitivity"/);
    expect(out(zh().functions)).toMatch(/sensitivity.*敏感度/);
  });
});

describe('DTC.GTA(…, "sensitivity")', () => {
  it("gives the public example's deltas in added consumers, MARGINAL #N/A with its message", async () => {
    // Base: I takes the 30,550,000 gap: 2,444,000 added. Re-planned by hand:
    // L 0.33 / 0.27 (aov 440 / 360): gap 28,150,000 / 32,950,000 → ∓192,000 persons.
    // P 0.088 / 0.072: gap 28,630,000 / 32,470,000 → ∓153,600.
    // I 0.055: g 13.75, gap 28,675,000 → 2,085,455 (−358,545); 0.045: g 11.25, gap 32,425,000 → 2,882,223 (+438,223).
    // A 0.0055 / 0.0045: gap 29,800,000 / 31,300,000 → ∓60,000.
    expectTable(await b.call("GTA", 100000000, PUBLIC, "sensitivity", true), [
      ["stage", "crowd", "conversion_up", "conversion_down", "aov_up", "aov_down"],
      ["MARGINAL", "", {
        error: "#N/A",
        message: "marginal_cost: crowds row 4 can be grown (stage A or I) but has no cost, so GMV has no price per unit",
      }, "", "", ""],
      ["L", "", -192000, 192000, -192000, 192000],
      ["P", "", -153600, 153600, -153600, 153600],
      ["I", "", -358545, 438223, -358545, 438223],
      ["A", "", -60000, 60000, -60000, 60000],
    ]);
  });
  it("gives deltas in added cost and the marginal cost (Chinese headers, 敏感度)", async () => {
    // Target 15,000: gap 4,000. A first: 4,000 ÷ 0.4 = 10,000 persons (its capacity), cost 6,000. MARGINAL 0.6 ÷ 0.4 = 1.5.
    // P 11% (aov 55): gmv 5,500, gap 3,500: A 8,750 (5,250) → −750. P 9% (45): gap 4,500: A 4,000 (6,000) +
    //   I 500 ÷ 2 = 250 (1,000) → +1,000.
    // I 5.5% (44): gmv 4,400, gap 3,600: A 9,000 (5,400) → −600. I 4.5% (36): gmv 3,600, gap 4,400: A 4,000
    //   (6,000), I 400 ÷ 1.8 = 222.2 → 223 (892) → +892.
    // A 1.1% (44): g 0.44, gmv 2,200, gap 3,800: 3,800 ÷ 0.44 = 8,636.4 → 8,637 (5,182.2) → −817.8.
    //   A 0.9% (36): g 0.36, gmv 1,800, gap 4,200: A 3,600 (10,000, 6,000), I 600 ÷ 2 = 300 (1,200) → +1,200.
    expectTable(await b.call("GTA", 15000, COSTED, "敏感度"), [
      ["MARGINAL", "", 1.5, "", "", ""],
      ["P", "老客", -750, 1000, -750, 1000],
      ["I", "Gen Z", -600, 892, -600, 892],
      ["A", "白领", -817.8, 1200, -817.8, 1200],
    ]);
  });
  it("MARGINAL is 0 when the target is already reached, #N/A when it is out of reach", async () => {
    const first = async (target: number) => ((await b.call("GTA", target, COSTED, "sensitivity")) as XlValue[][])[0];
    expect(await first(11000)).toEqual(["MARGINAL", "", 0, "", "", ""]);
    // 20,001: A 4,000 + I 2,000 leave 3,001 short.
    expect(await first(20001)).toEqual(["MARGINAL", "", {
      error: "#N/A",
      message: "marginal_cost: the target is out of reach with these capacities (the plan has a shortfall), so no more GMV can be bought",
    }, "", "", ""]);
  });
  it("gives the same result whether the empty tail arrives as null, \"\" or 0", async () => {
    const want = await b.call("GTA", 15000, COSTED, "sensitivity");
    for (const blank of [null, "", 0] as const) expect(await b.call("GTA", 15000, withTail(COSTED, blank), "sensitivity"), String(blank)).toEqual(want);
  });
  it('an unknown output is still #VALUE! naming the argument', async () => {
    const r = (await b.call("GTA", 1, PUBLIC, "tornado")) as { error: string; message: string };
    expect(r.error).toBe("#VALUE!");
    expect(r.message).toMatch(/^output: "tornado" is not one of /);
  });
});

describe("DTC.GTA.BUDGET", () => {
  it("spills GTA's plan columns and TOTAL row for what the budget buys", async () => {
    // Budget 7,000: A min(10,000, floor(7,000 ÷ 0.6) = 11,666) = 10,000 (6,000, +4,000 GMV); 1,000 left;
    // I min(1,000, floor(1,000 ÷ 4)) = 250 (1,000, +500 GMV).
    expectTable(await b.call("GTA.BUDGET", 7000, COSTED, null, true), [
      ["stage", "crowd", "count", "conversion", "aov", "buyers", "gmv", "added", "required", "added_gmv", "added_cost"],
      ["P", "老客", 1000, 0.1, 50, 100, 5000, 0, 1000, 0, ""],
      ["I", "Gen Z", 2000, 0.05, 40, 100, 4000, 250, 2250, 500, 1000],
      ["A", "白领", 5000, 0.01, 40, 50, 2000, 10000, 15000, 4000, 6000],
      ["TOTAL", "", 8000, "", "", 250, 11000, 10250, 18250, 4500, 7000],
    ]);
  });
  it("gives the summary, with headers, and leaves what no whole consumer fits unspent", async () => {
    expectTable(await b.call("GTA.BUDGET", 7000, COSTED, "summary", true), [
      ["baseline", "budget", "spent", "added_gmv", "planned_gmv", "unspent"],
      [11000, 7000, 7000, 4500, 15500, 0],
    ]);
    // 5,000: A floor(8,333.3) = 8,333 (4,999.8, +3,333.2 GMV); 0.2 left buys no I consumer (cost 4).
    expectTable(await b.call("GTA.BUDGET", 5000, COSTED, "汇总"), [[11000, 5000, 4999.8, 3333.2, 14333.2, 0.2]]);
    // 0.3 ÷ 0.1 = 2.9999999999999996 in floating point still buys 3 consumers.
    expectTable(await b.call("GTA.BUDGET", "0.3", [["A", "", 0, 1, 1, 0.1]], "summary"), [[0, 0.3, 0.3, 3, 3, 0]]);
  });
  it("gives the same result whether the empty tail arrives as null, \"\" or 0", async () => {
    for (const output of ["plan", "summary"]) {
      const want = await b.call("GTA.BUDGET", 7000, COSTED, output);
      for (const blank of [null, "", 0] as const) expect(await b.call("GTA.BUDGET", 7000, withTail(COSTED, blank), output), `${output} ${blank}`).toEqual(want);
    }
  });
  it("gives #VALUE! with messages naming the argument, row and column", async () => {
    // A has no cost: row 4 of the range (header counted), column 6.
    const noCost = COSTED.map((r, i) => (i === 3 ? [...r.slice(0, 5), null, 10000] : r));
    expect(await b.call("GTA.BUDGET", 100, noCost)).toEqual({
      error: "#VALUE!",
      message: "crowds row 4 column 6 (单人成本): this row can be grown (stage A or I) but has no cost; GTA.BUDGET needs a cost on every growable row",
    });
    expect(await b.call("GTA.BUDGET", 100, [["A", "", 10, 0.5, 10, 1, 5], ["I", "free", 10, 0.5, 10, 0, null]])).toEqual({
      error: "#VALUE!",
      message: "crowds row 2 column 7: a free row needs a capacity: its cost is 0 and its capacity is blank, so any budget would add unlimited consumers",
    });
    expect(await b.call("GTA.BUDGET", -5, COSTED)).toEqual({ error: "#VALUE!", message: "budget: -5 is negative; it must be ≥ 0" });
    expect(await b.call("GTA.BUDGET", 100, COSTED, "sensitivity")).toEqual({
      error: "#VALUE!",
      message: 'output: "sensitivity" is not one of "plan", "summary"',
    });
    expect(await b.call("GTA.BUDGET", 100, [[null, null, null, null, null], ["", 0, "", 0, null]])).toEqual({ error: "#VALUE!", message: "crowds has no data rows" });
  });
});
