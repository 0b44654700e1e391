/* DTC.GTA through the BUILT bundle (SPEC section 10); expected values worked out by hand. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadBundle, type Bundle, type XlValue } from "../harness/bundle";

let b: Bundle;
beforeAll(async () => {
  b = await loadBundle();
});
afterAll(async () => b?.close());

// The public example of SPEC 10, under an English header row.
const PUBLIC = [
  ["stage", "crowd", "count", "conversion", "aov"],
  ["L", null, 200000, 0.3, 400],
  ["P", null, 800000, 0.08, 300],
  ["I", null, 1500000, 0.05, 250],
  ["A", null, 6000000, 0.005, 250],
];

function expectTable(actual: unknown, expected: XlValue[][]): void {
  const t = actual as XlValue[][];
  expect(t).toHaveLength(expected.length);
  expected.forEach((row, r) => {
    expect(t[r]).toHaveLength(row.length);
    row.forEach((e, k) => {
      if (typeof e === "number") expect(t[r][k] as number).toBeCloseTo(e, 6);
      else expect(t[r][k]).toEqual(e);
    });
  });
}

describe("DTC.GTA", () => {
  it("is registered with SPEC's parameters", () => {
    const f = b.metadata.functions.find((x) => x.id === "GTA")!;
    expect(f.parameters.map((p) => [p.name, !!p.optional])).toEqual([
      ["target_gmv", false], ["crowds", false], ["output", true], ["with_headers", true],
    ]);
    expect(b.associated).toContain("GTA");
  });
  it("spills the public example's plan with the TOTAL row and blank cells as \"\"", async () => {
    // baseline 69,450,000; gap 30,550,000; I (g 12.5) takes it: 2,444,000 added, required 3,944,000.
    expectTable(await b.call("GTA", 100000000, PUBLIC), [
      ["L", "", 200000, 0.3, 400, 60000, 24000000, 0, 200000, 0, ""],
      ["P", "", 800000, 0.08, 300, 64000, 19200000, 0, 800000, 0, ""],
      ["I", "", 1500000, 0.05, 250, 75000, 18750000, 2444000, 3944000, 30550000, ""],
      ["A", "", 6000000, 0.005, 250, 30000, 7500000, 0, 6000000, 0, ""],
      ["TOTAL", "", 8500000, "", "", 229000, 69450000, 2444000, 10944000, 30550000, ""],
    ]);
  });
  it("gives the summary, with headers", async () => {
    expectTable(await b.call("GTA", 100000000, PUBLIC, "summary", true), [
      ["baseline", "old", "new", "gap", "shortfall", "planned_gmv", "added_cost"],
      [69450000, 43200000, 26250000, 30550000, 0, 100000000, 0],
    ]);
  });
  it("fills by cost ÷ g and stops at capacities (Chinese headers, percentage text)", async () => {
    // P 1,000 × 10% × 50 = 5,000 (g 5); I 2,000 × 5% × 40 = 4,000 (g 2, cost 4 → 2/GMV, cap 1,000);
    // A 5,000 × 1% × 40 = 2,000 (g 0.4, cost 0.6 → 1.5/GMV, cap 10,000). baseline 11,000; target 20,001 → gap 9,001.
    // A first: 10,000 × 0.4 = 4,000 → 10,000 added, cost 6,000; I: 2,000 → 1,000 added, cost 4,000;
    // shortfall 9,001 − 6,000 = 3,001; planned 17,000; added_cost 10,000.
    const crowds = [
      ["阶段", "人群", "人数", "转化率", "客单价", "单人成本", "可增量"],
      ["P", "老客", 1000, "10%", 50, null, null],
      ["I", "Gen Z", 2000, "5%", 40, 4, 1000],
      ["A", "白领", 5000, "1%", 40, 0.6, 10000],
    ];
    expectTable(await b.call("GTA", 20001, crowds, "summary"), [[11000, 5000, 6000, 9001, 3001, 17000, 10000]]);
    const plan = (await b.call("GTA", 20001, crowds)) as XlValue[][];
    expect(plan.map((r) => [r[7], r[10]])).toEqual([[0, ""], [1000, 4000], [10000, 6000], [11000, 10000]]);
  });
  it("gives #VALUE! naming the argument, row and column", async () => {
    const bad = [["A", "x", 10, 0.1, 10], ["-", "y", 10, 0.1, 10]];
    expect(await b.call("GTA", 1000, bad)).toEqual({
      error: "#VALUE!",
      message: 'crowds row 2 column 1: stage "-" is outside AIPL; every crowd row needs A, I, P or L',
    });
    expect(await b.call("GTA", 1000, [["A", "x", 10, 2, 10]])).toEqual({
      error: "#VALUE!",
      message: "crowds row 1 column 4: 2 is not a rate between 0 and 1",
    });
    expect(await b.call("GTA", 1000, PUBLIC, "chart")).toEqual({
      error: "#VALUE!",
      message: 'output: "chart" is not one of "plan", "summary", "sensitivity"',
    });
    expect(await b.call("GTA", -1, PUBLIC)).toEqual({
      error: "#VALUE!",
      message: "target_gmv: -1 is negative; it must be ≥ 0",
    });
  });
});
