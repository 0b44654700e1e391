/* GTA (SPEC section 10) on the engine; every expected value is worked out by hand in the comments. */
import { describe, expect, it } from "vitest";
import { gta, gtaExcel, gtaRows, type GtaRow } from "../../src/plan/gta";
import { failure } from "../harness/failure";

/** The public worked example of SPEC section 10 (positional, crowd column blank). */
const PUBLIC = [
  ["L", "", 200000, 0.3, 400],
  ["P", "", 800000, 0.08, 300],
  ["I", "", 1500000, 0.05, 250],
  ["A", "", 6000000, 0.005, 250],
];

/**
 * A small table worked by hand (used by several cases):
 *   P repeat       1000 × 0.10 = 100 buyers × 50 = 5000 GMV, g = 0.10 × 50 = 5
 *   I Gen Z        2000 × 0.05 = 100 buyers × 40 = 4000 GMV, g = 2,   capacity 1000
 *   A white collar 5000 × 0.01 =  50 buyers × 40 = 2000 GMV, g = 0.4, capacity blank (unlimited)
 * baseline 11,000 = old 5,000 + new 6,000.
 */
function small(opts: { costI?: number; costA?: number; capI?: number | ""; capA?: number | "" } = {}): unknown[][] {
  return [
    ["P", "repeat", 1000, 0.1, 50, "", ""],
    ["I", "Gen Z", 2000, 0.05, 40, opts.costI ?? "", opts.capI ?? 1000],
    ["A", "white collar", 5000, 0.01, 40, opts.costA ?? "", opts.capA ?? ""],
  ];
}

/** Compare a spilled row with expected values: numbers to 6 decimals, text and "" exactly. */
function expectRow(actual: unknown[], expected: unknown[]): void {
  expect(actual).toHaveLength(expected.length);
  expected.forEach((e, k) => {
    if (typeof e === "number") expect(actual[k] as number).toBeCloseTo(e, 6);
    else expect(actual[k]).toBe(e);
  });
}

function expectTable(actual: unknown[][], expected: unknown[][]): void {
  expect(actual).toHaveLength(expected.length);
  expected.forEach((row, r) => expectRow(actual[r], row));
}

describe("GTA: the public worked example (SPEC 10)", () => {
  // L: 200,000 × 0.30 = 60,000 buyers × 400 = 24,000,000; g = 120
  // P: 800,000 × 0.08 = 64,000 × 300 = 19,200,000; g = 24
  // I: 1,500,000 × 0.05 = 75,000 × 250 = 18,750,000; g = 12.5
  // A: 6,000,000 × 0.005 = 30,000 × 250 = 7,500,000; g = 1.25
  // baseline 69,450,000 (old 43,200,000, new 26,250,000); gap 100,000,000 − 69,450,000 = 30,550,000.
  // No costs → order by 1/g: I (0.08) before A (0.8); I is unlimited and takes all 30,550,000:
  // added_I = 30,550,000 ÷ 12.5 = 2,444,000; required_I = 3,944,000; planned_gmv = 100,000,000.
  it("gives the summary", () => {
    expectRow(gtaExcel(1e8, PUBLIC, "summary", null)[0], [69450000, 43200000, 26250000, 30550000, 0, 1e8, 0]);
  });
  it("gives the plan table with the TOTAL row", () => {
    expectTable(gtaExcel(1e8, PUBLIC, null, null), [
      ["L", "", 200000, 0.3, 400, 60000, 24000000, 0, 200000, 0, ""],
      ["P", "", 800000, 0.08, 300, 64000, 19200000, 0, 800000, 0, ""],
      ["I", "", 1500000, 0.05, 250, 75000, 18750000, 2444000, 3944000, 30550000, ""],
      ["A", "", 6000000, 0.005, 250, 30000, 7500000, 0, 6000000, 0, ""],
      // counts 200k+800k+1.5M+6M = 8.5M; buyers 229,000; required 8.5M + 2,444,000 = 10,944,000
      ["TOTAL", "", 8500000, "", "", 229000, 69450000, 2444000, 10944000, 30550000, ""],
    ]);
  });
  it("exposes the typed result (g, fill order, rounding to whole persons)", () => {
    const res = gta(1e8, gtaRows(PUBLIC));
    expect(res.rows.map((r) => r.g)).toEqual([120, 24, 12.5, 1.25]);
    expect(res.order).toEqual([2, 3]);
    expect(res.byCost).toBe(false);
    expect(res.rows[2].added).toBe(2444000);
    expect(res.rows[2].rank).toBe(0);
    expect(res.rows[0].growable).toBe(false);
  });
  it("adds the column names with with_headers", () => {
    expect(gtaExcel(1e8, PUBLIC, "summary", true)[0]).toEqual([
      "baseline", "old", "new", "gap", "shortfall", "planned_gmv", "added_cost",
    ]);
    const t = gtaExcel(1e8, PUBLIC, "plan", "Y");
    expect(t).toHaveLength(6);
    expect(t[0]).toEqual([
      "stage", "crowd", "count", "conversion", "aov", "buyers", "gmv", "added", "required", "added_gmv", "added_cost",
    ]);
  });
});

describe("GTA: filling the gap", () => {
  it("spills over to the next crowd when a capacity binds (order by 1/g without costs)", () => {
    // target 20,001 → gap 9,001. 1/g: I 0.5 < A 2.5, so I first.
    // I takes min(9,001, 1,000 × 2 = 2,000) = 2,000 → added 1,000, required 3,000; 7,001 left.
    // A takes 7,001 → 7,001 ÷ 0.4 = 17,502.5 → added 17,503 (rounded up), required 22,503,
    //   added_gmv 17,503 × 0.4 = 7,001.2. planned = 11,000 + 2,000 + 7,001.2 = 20,001.2.
    expectTable(gtaExcel(20001, small(), null, null), [
      ["P", "repeat", 1000, 0.1, 50, 100, 5000, 0, 1000, 0, ""],
      ["I", "Gen Z", 2000, 0.05, 40, 100, 4000, 1000, 3000, 2000, ""],
      ["A", "white collar", 5000, 0.01, 40, 50, 2000, 17503, 22503, 7001.2, ""],
      ["TOTAL", "", 8000, "", "", 250, 11000, 18503, 26503, 9001.2, ""],
    ]);
    expectRow(gtaExcel(20001, small(), "summary", null)[0], [11000, 5000, 6000, 9001, 0, 20001.2, 0]);
  });
  it("orders by cost ÷ g when every growable row has a cost", () => {
    // cost/g: I 4 ÷ 2 = 2, A 0.6 ÷ 0.4 = 1.5 → A first although its g is smaller.
    // A (unlimited) takes all 9,001 → 22,502.5 → 22,503 added; added_gmv 9,001.2; cost 22,503 × 0.6 = 13,501.8.
    // I: added 0, added_cost 0 (it has a cost); P: no cost → "".
    const t = gtaExcel(20001, small({ costI: 4, costA: 0.6 }), null, null);
    expectTable(t, [
      ["P", "repeat", 1000, 0.1, 50, 100, 5000, 0, 1000, 0, ""],
      ["I", "Gen Z", 2000, 0.05, 40, 100, 4000, 0, 2000, 0, 0],
      ["A", "white collar", 5000, 0.01, 40, 50, 2000, 22503, 27503, 9001.2, 13501.8],
      ["TOTAL", "", 8000, "", "", 250, 11000, 22503, 30503, 9001.2, 13501.8],
    ]);
    expect(gta(20001, gtaRows(small({ costI: 4, costA: 0.6 }))).order).toEqual([2, 1]);
  });
  it("falls back to 1/g when one growable row has no cost", () => {
    // A has no cost → 1/g: I first. I: 2,000 (cap) → 1,000 added, cost 1,000 × 4 = 4,000.
    // A: 7,001 → 17,503 added, no cost → "". TOTAL added_cost 4,000 (some row has a cost).
    const t = gtaExcel(20001, small({ costI: 4 }), null, null);
    expectRow(t[1], ["I", "Gen Z", 2000, 0.05, 40, 100, 4000, 1000, 3000, 2000, 4000]);
    expectRow(t[2], ["A", "white collar", 5000, 0.01, 40, 50, 2000, 17503, 22503, 7001.2, ""]);
    expectRow(t[3], ["TOTAL", "", 8000, "", "", 250, 11000, 18503, 26503, 9001.2, 4000]);
    expectRow(gtaExcel(20001, small({ costI: 4 }), "summary", null)[0], [11000, 5000, 6000, 9001, 0, 20001.2, 4000]);
  });
  it("reports a shortfall when the capacities cannot reach the target", () => {
    // Costs I 4, A 0.6 → A first, now capped at 10,000: takes 10,000 × 0.4 = 4,000 → added 10,000, cost 6,000.
    // 5,001 left; I takes 2,000 (cap 1,000) → added 1,000, cost 4,000; shortfall 3,001.
    // planned = 11,000 + 4,000 + 2,000 = 17,000; added_cost = 10,000.
    expectRow(gtaExcel(20001, small({ costI: 4, costA: 0.6, capA: 10000 }), "summary", null)[0], [
      11000, 5000, 6000, 9001, 3001, 17000, 10000,
    ]);
    const t = gtaExcel(20001, small({ costI: 4, costA: 0.6, capA: 10000 }), null, null);
    expect(t[1][7]).toBe(1000);
    expect(t[2][7]).toBe(10000);
  });
  it("has gap 0 and adds nobody when the target is below the baseline", () => {
    // baseline 11,000 > 5,000 → gap 0, shortfall 0, planned = baseline.
    expectRow(gtaExcel(5000, small(), "summary", null)[0], [11000, 5000, 6000, 0, 0, 11000, 0]);
    const t = gtaExcel(5000, small({ costI: 1, costA: 1 }), null, null);
    expect(t.map((r) => r[7])).toEqual([0, 0, 0, 0]);
    expect(t[3][10]).toBe(0);
  });
  it("never grows a row with capacity 0, nor P and L rows", () => {
    // I capacity 0 → only A grows: 9,001 ÷ 0.4 = 22,502.5 → 22,503.
    const t = gtaExcel(20001, small({ capI: 0 }), null, null);
    expect(t.map((r) => r[7])).toEqual([0, 0, 22503, 22503]);
    // Only P and L rows: nothing can grow; the whole gap is the shortfall.
    // P 1,000 × 0.1 × 50 = 5,000; L 10 × 1 × 100 = 1,000 → baseline 6,000, gap 4,000.
    expectRow(gtaExcel(10000, [["P", "", 1000, 0.1, 50, "", ""], ["L", "", 10, 1, 100, 1, 500]], "summary", null)[0], [
      6000, 6000, 0, 4000, 4000, 6000, 0,
    ]);
  });
  it("never grows a row whose g is 0 (conversion or aov 0)", () => {
    // I has conversion 0 → g 0, not growable; A (g = 1 × 10 = 10) takes the gap of 100 → 10 added.
    const t = gtaExcel(100, [["I", "", 50, 0, 100, "", ""], ["A", "", 0, 1, 10, "", ""]], null, null);
    expect(t.map((r) => r[7])).toEqual([0, 10, 10]);
  });
  it("keeps table order on ties", () => {
    // Two A crowds with g = 0.1 × 10 = 1 and capacity 5 each; gmv 100 × 0.1 × 10 = 100 each.
    // baseline 200, target 207 → gap 7: the first listed takes 5, the next 2.
    const rows = (a: string, b: string): unknown[][] => [
      ["A", a, 100, 0.1, 10, "", 5],
      ["A", b, 100, 0.1, 10, "", 5],
    ];
    expect(gtaExcel(207, rows("x", "y"), null, null).map((r) => [r[1], r[7]])).toEqual([["x", 5], ["y", 2], ["", 7]]);
    expect(gtaExcel(207, rows("y", "x"), null, null).map((r) => [r[1], r[7]])).toEqual([["y", 5], ["x", 2], ["", 7]]);
    // Equal cost ÷ g with different g: I (cost 4, g 2) and A (cost 2, g 1) both 2 → table order.
    // I: 10 × 0.5 = 5 buyers × 4 = 20 GMV, g 2, cost 4, cap 1 (up to 2 GMV); A: 5 × 2 = 10 GMV, g 1, cost 2.
    // baseline 30, target 35 → gap 5: I (listed first) takes 2 → 1 added; A takes 3 → 3 added.
    const t2 = gtaExcel(35, [["I", "i", 10, 0.5, 4, 4, 1], ["A", "a", 10, 0.5, 2, 2, ""]], null, null);
    expect(t2.map((r) => r[7])).toEqual([1, 3, 4]);
    // Swapped table order: A first takes all 5 (unlimited) → 5 added; I none.
    const t3 = gtaExcel(35, [["A", "a", 10, 0.5, 2, 2, ""], ["I", "i", 10, 0.5, 4, 4, 1]], null, null);
    expect(t3.map((r) => r[7])).toEqual([5, 0, 5]);
  });
  it("rounds a binding non-whole capacity up", () => {
    // A: g = 1 × 1 = 1, capacity 2.5, count 0 → baseline 0, gap 10; takes 2.5 → ceil(2.5 − 1e-9) = 3 persons.
    expect(gtaExcel(10, [["A", "", 0, 1, 1, "", 2.5]], null, null)[0][7]).toBe(3);
    // I: g = 0.07 × 333 = 23.31, capacity 3 → takes 69.93; A: g = 0.3 → target 72.93 leaves 3 → 10 persons.
    const rows = [["I", "", 0, 0.07, 333, "", 3], ["A", "", 0, 0.3, 1, "", ""]];
    expect(gtaExcel(72.93, rows, null, null).map((r) => r[7])).toEqual([3, 10, 13]);
    // target 69.93: I's 3 persons cover it exactly; A adds nobody, shortfall 0.
    expect(gtaExcel(69.93, rows, null, null).map((r) => r[7])).toEqual([3, 0, 3]);
  });
  it("does not buy an extra person with the rounding noise of the gap", () => {
    // Costs order the rows: cost/g = 1, 1, 2, then 1e9 for the last row (g = 1e-9, unlimited).
    // target 0.4 = 0.1 + 0.1 + 0.2 exactly in decimals → the first three rows cover it, the last adds 0
    // (in floating point 0.4 − 0.1 − 0.1 − 0.2 = 2.8e-17, which ÷ 1e-9 = 2.8e-8 would round up to 1 person).
    const rows = [
      ["I", "a", 0, 0.1, 1, 0.1, 1],
      ["I", "b", 0, 0.1, 1, 0.1, 1],
      ["I", "c", 0, 0.2, 1, 0.4, 1],
      ["A", "d", 0, 1e-9, 1, 1, ""],
    ];
    expect(gtaExcel(0.4, rows, null, null).map((r) => r[7])).toEqual([1, 1, 1, 0, 3]);
    expect(gtaExcel(0.4, rows, "summary", null)[0][4]).toBe(0);
  });
});

describe("GTA: reading the crowds table", () => {
  it("maps Chinese headers in any order and ignores unknown columns", () => {
    // Same rows as the cost-ordering case: A first, 22,503 added, cost 13,501.8.
    const table = [
      ["人数", "阶段", "备注", "客单价", "转化率", "人群", "单人成本", "可增量"],
      [1000, "购买", "x", 50, 0.1, "repeat", "", ""],
      [2000, "兴趣", "y", 40, 0.05, "Gen Z", 4, 1000],
      [5000, "认知", "z", 40, 0.01, "white collar", 0.6, ""],
    ];
    expectTable(gtaExcel(20001, table, null, null), gtaExcel(20001, small({ costI: 4, costA: 0.6 }), null, null));
    expect(gtaExcel(20001, table, null, null)[2][10]).toBeCloseTo(13501.8, 6);
  });
  it("maps English headers case-insensitively, without optional columns", () => {
    const table = [
      [" AOV ", "Stage", "Count", "Conversion"],
      [250, "L", 200000, 0.3],
    ];
    // 200,000 × 0.3 × 250 = 15,000,000; L never grows → shortfall = gap = 5,000,000.
    expectRow(gtaExcel(20000000, table, "summary", null)[0], [15000000, 15000000, 0, 5000000, 5000000, 15000000, 0]);
    // crowd column absent → "".
    expect(gtaExcel(1, table, null, null)[0][1]).toBe("");
  });
  it("reads rates as percentage text and numbers as text", () => {
    const rows = [
      ["p", "repeat", "1000", "10%", "50", "", ""],
      ["i", "Gen Z", 2000, "5%", 40, "", "1000"],
      ["Awareness", "white collar", 5000, " 1 % ", 40, "", ""],
    ];
    // Same as the spill-over case: 20,001 → added 1,000 and 17,503.
    expectTable(gtaExcel(20001, rows, null, null), gtaExcel(20001, small(), null, null));
  });
  it("skips all-blank rows (whole-column references)", () => {
    const rows: unknown[][] = [...PUBLIC.map((r) => [...r, "", ""])];
    for (let i = 0; i < 5000; i++) rows.push(["", null, undefined, "", "", "", ""]);
    rows.splice(2, 0, [null, "", "", null, "", "", ""]);
    expectRow(gtaExcel(1e8, rows, "summary", null)[0], [69450000, 43200000, 26250000, 30550000, 0, 1e8, 0]);
  });
  it("accepts output in any case and the Chinese words", () => {
    expect(gtaExcel(1e8, PUBLIC, " Summary ", null)).toEqual(gtaExcel(1e8, PUBLIC, "summary", null));
    expect(gtaExcel(1e8, PUBLIC, "汇总", null)).toEqual(gtaExcel(1e8, PUBLIC, "summary", null));
    expect(gtaExcel(1e8, PUBLIC, "PLAN", null)).toEqual(gtaExcel(1e8, PUBLIC, "", null));
    expect(gtaExcel(1e8, PUBLIC, [["计划"]], null)).toEqual(gtaExcel(1e8, PUBLIC, null, null));
  });
});

describe("GTA: errors", () => {
  const E = (f: () => unknown) => failure(f);
  it("refuses an unknown output", () => {
    expect(E(() => gtaExcel(1e8, PUBLIC, "table", null))).toEqual({
      kind: "#VALUE!",
      message: 'output: "table" is not one of "plan", "summary", "sensitivity"',
    });
    expect(E(() => gtaExcel(1e8, PUBLIC, 1, null)).kind).toBe("#VALUE!");
  });
  it("refuses a stage outside AIPL, a blank stage and an unknown label, naming row and column", () => {
    const bad = (stage: unknown) => [["L", "", 1, 0.3, 400], [stage, "x", 1, 0.1, 10]];
    expect(E(() => gtaExcel(1, bad("-"), null, null))).toEqual({
      kind: "#VALUE!",
      message: 'crowds row 2 column 1: stage "-" is outside AIPL; every crowd row needs A, I, P or L',
    });
    expect(E(() => gtaExcel(1, bad("无"), null, null)).message).toBe(
      'crowds row 2 column 1: stage "无" is outside AIPL; every crowd row needs A, I, P or L',
    );
    expect(failure(() => gtaExcel(1, bad("none"), null, null), "zh").message).toBe(
      "crowds 第 2 行第 1 列：阶段“none”不在 AIPL 内；每个人群行都需要 A、I、P 或 L",
    );
    expect(E(() => gtaExcel(1, bad(""), null, null)).message).toBe("crowds row 2 column 1: a value is required here");
    expect(E(() => gtaExcel(1, bad("X"), null, null)).message).toBe(
      'crowds row 2 column 1: unknown stage "X"',
    );
  });
  it("names the header row in row numbers", () => {
    const t = [["stage", "count", "conversion", "aov"], ["A", -5, 0.1, 10]];
    expect(E(() => gtaExcel(1, t, null, null))).toEqual({
      kind: "#VALUE!",
      message: "crowds row 2 column 2 (count): -5 is negative; a count must be ≥ 0",
    });
  });
  it("refuses out-of-domain numbers", () => {
    expect(E(() => gtaExcel(1, [["A", "", 10, 1.5, 10]], null, null)).message).toBe(
      "crowds row 1 column 4: 1.5 is not a rate between 0 and 1",
    );
    expect(E(() => gtaExcel(1, [["A", "", 10, "120%", 10]], null, null)).message).toBe(
      "crowds row 1 column 4: 1.2 is not a rate between 0 and 1",
    );
    expect(E(() => gtaExcel(1, [["A", "", 10, 0.5, -1]], null, null)).message).toBe(
      "crowds row 1 column 5: -1 is negative; it must be ≥ 0",
    );
    expect(E(() => gtaExcel(1, [["A", "", 10, 0.5, 1, -2]], null, null)).message).toBe(
      "crowds row 1 column 6: -2 is negative; it must be ≥ 0",
    );
    expect(E(() => gtaExcel(1, [["A", "", 10, 0.5, 1, 1, -3]], null, null)).message).toBe(
      "crowds row 1 column 7: -3 is negative; a count must be ≥ 0",
    );
    expect(E(() => gtaExcel(1, [["A", "", "many", 0.5, 1]], null, null)).message).toBe(
      'crowds row 1 column 3: "many" is not a number',
    );
    expect(E(() => gtaExcel(1, [["A", "", 10, "", 1]], null, null)).message).toBe(
      "crowds row 1 column 4: a value is required here",
    );
  });
  it("refuses a bad target", () => {
    expect(E(() => gtaExcel(-1, PUBLIC, null, null))).toEqual({
      kind: "#VALUE!",
      message: "target_gmv: -1 is negative; it must be ≥ 0",
    });
    expect(E(() => gtaExcel("lots", PUBLIC, null, null)).message).toBe('target_gmv: "lots" is not a number');
    expect(E(() => gtaExcel(null, PUBLIC, null, null)).message).toBe("target_gmv: a value is required here");
  });
  it("refuses a missing column, a narrow table and an empty one", () => {
    expect(E(() => gtaExcel(1, [["stage", "count", "conversion"], ["A", 1, 0.1]], null, null)).message).toBe(
      'crowds: missing required column "aov" (header row found)',
    );
    expect(E(() => gtaExcel(1, [["A", "", 1, 0.1]], null, null)).message).toBe("crowds: expected ≥ 5 columns, got 4");
    expect(E(() => gtaExcel(1, [["", "", "", "", ""], [null, "", "", "", null]], null, null)).message).toBe("crowds has no data rows");
    expect(E(() => gtaExcel(1, PUBLIC, null, "maybe")).message).toContain("with_headers");
  });
});

describe("GTA: typed API for the task pane", () => {
  it("takes plan-file rows directly", () => {
    const rows: GtaRow[] = [
      { stage: "P", crowd: "repeat", count: 1000, conversion: 0.1, aov: 50 },
      { stage: "I", crowd: "Gen Z", count: 2000, conversion: 0.05, aov: 40, capacity: 1000 },
      { stage: "A", crowd: "white collar", count: 5000, conversion: 0.01, aov: 40 },
    ];
    const res = gta(20001, rows);
    // Same as the spill-over case.
    expect(res.rows.map((r) => r.added)).toEqual([0, 1000, 17503]);
    expect(res.rows[1].taken).toBe(2000);
    expect(res.rows[2].taken).toBeCloseTo(7001, 9);
    expect(res.total.added_cost).toBeUndefined();
    expect(res.summary.planned_gmv).toBeCloseTo(20001.2, 9);
    expect(res.summary.gap).toBe(9001);
  });
});
