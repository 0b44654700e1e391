/*
 * GTA what-if (SPEC §17) on the engine: DTC.GTA(…, "sensitivity") and DTC.GTA.BUDGET.
 * Every expected value is worked out by hand in the comments: for a delta, the changed plan is
 * re-run by hand (baseline, gap, fill order, persons rounded up) and compared with the plan.
 */
import { describe, expect, it } from "vitest";
import { CellError } from "../../src/excel/errors";
import { formatMessage } from "../../src/excel/messages";
import { gta, gtaExcel, gtaRows, type GtaResult, type GtaRow } from "../../src/plan/gta";
import { gtaBudget, gtaBudgetExcel, gtaSensitivity } from "../../src/plan/gta-whatif";
import { failure } from "../harness/failure";
import { rng, pick } from "../harness/rng";

/** The public worked example of SPEC §10 (positional, no costs, no capacities). */
const PUBLIC = [
  ["L", "", 200000, 0.3, 400],
  ["P", "", 800000, 0.08, 300],
  ["I", "", 1500000, 0.05, 250],
  ["A", "", 6000000, 0.005, 250],
];

/** Compare a result row: numbers to 6 decimals, text and "" exactly, error cells by kind. */
function expectRow(actual: unknown[], expected: unknown[]): void {
  expect(actual).toHaveLength(expected.length);
  expected.forEach((e, k) => {
    if (typeof e === "number") expect(actual[k] as number, `cell ${k}`).toBeCloseTo(e, 6);
    else if (e instanceof CellError) expect((actual[k] as CellError).kind, `cell ${k}`).toBe(e.kind);
    else expect(actual[k], `cell ${k}`).toBe(e);
  });
}
function expectTable(actual: unknown[][], expected: unknown[][]): void {
  expect(actual).toHaveLength(expected.length);
  expected.forEach((row, r) => expectRow(actual[r], row));
}
const NA = new CellError("#N/A", "naMissing");
const sens = (target: number, crowds: unknown[][], headers: unknown = null) => gtaExcel(target, crowds, "sensitivity", headers);
const message = (c: unknown) => formatMessage(c as CellError);

describe("GTA sensitivity: the public example (SPEC §10), no costs → deltas in added consumers", () => {
  // Base plan: baseline 69,450,000, gap 30,550,000, I (g 12.5) takes it all: 2,444,000 added.
  // L: conversion 0.30 → 0.33: gmv 200,000 × 0.33 × 400 = 26,400,000 (+2,400,000); baseline 71,850,000;
  //    gap 28,150,000; I needs 28,150,000 ÷ 12.5 = 2,252,000 → Δ −192,000. 0.27: gmv 21,600,000,
  //    gap 32,950,000 → 2,636,000 → Δ +192,000. aov 440 / 360 gives the same gmv: ∓192,000.
  // P: 0.088 → gmv 21,120,000 (+1,920,000), gap 28,630,000 → 2,290,400 → −153,600; 0.072 → +153,600.
  // I: 0.055 → g 13.75, gmv 20,625,000 (+1,875,000), baseline 71,325,000, gap 28,675,000;
  //    28,675,000 ÷ 13.75 = 2,085,454.5… → 2,085,455 → Δ −358,545.
  //    0.045 → g 11.25, gmv 16,875,000, gap 32,425,000; ÷ 11.25 = 2,882,222.2… → 2,882,223 → +438,223.
  // A: 0.0055 → g 1.375 (still after I), gmv 8,250,000 (+750,000), gap 29,800,000 → 2,384,000 → −60,000;
  //    0.0045 → gmv 6,750,000, gap 31,300,000 → 2,504,000 → +60,000.
  // MARGINAL: no row has a cost → #N/A.
  it("gives the marginal row and the four deltas per row", () => {
    const t = sens(1e8, PUBLIC);
    expectTable(t, [
      ["MARGINAL", "", NA, "", "", ""],
      ["L", "", -192000, 192000, -192000, 192000],
      ["P", "", -153600, 153600, -153600, 153600],
      ["I", "", -358545, 438223, -358545, 438223],
      ["A", "", -60000, 60000, -60000, 60000],
    ]);
    expect(message(t[0][2])).toBe(
      "marginal_cost: crowds row 3 can be grown (stage A or I) but has no cost, so GMV has no price per unit",
    );
  });
  it("adds the header row; 敏感度 and any case select it; every row is 6 wide", () => {
    const t = sens(1e8, PUBLIC, true);
    expect(t[0]).toEqual(["stage", "crowd", "conversion_up", "conversion_down", "aov_up", "aov_down"]);
    expect(t.slice(1).map((r) => r.slice(0, 2))).toEqual([["MARGINAL", ""], ["L", ""], ["P", ""], ["I", ""], ["A", ""]]);
    expect(t.every((r) => r.length === 6)).toBe(true);
    const plain = (x: unknown[][]) => x.map((r) => r.map((c) => (c instanceof CellError ? c.kind : c)));
    expect(plain(gtaExcel(1e8, PUBLIC, "敏感度", null))).toEqual(plain(sens(1e8, PUBLIC)));
    expect(plain(gtaExcel(1e8, PUBLIC, " Sensitivity ", null))).toEqual(plain(sens(1e8, PUBLIC)));
  });
});

describe("GTA sensitivity with costs: deltas in added cost", () => {
  // Target 20,001.
  //   P repeat       1000 × 0.10 × 50 = 5,000 (g 5)
  //   I Gen Z        2000 × 0.05 × 40 = 4,000 (g 2), cost 4 → 2 per GMV, no capacity
  //   A white collar 5000 × 0.01 × 40 = 2,000 (g 0.4), cost 0.6 → 1.5 per GMV, capacity 10,000
  // baseline 11,000, gap 9,001. A first: 10,000 × 0.4 = 4,000 (cost 6,000); I: 5,001 ÷ 2 = 2,500.5 → 2,501
  // (cost 10,004). Σ added_cost 16,004. I took the last part: MARGINAL = 4 ÷ 2 = 2.
  const crowds = [
    ["P", "repeat", 1000, 0.1, 50, "", ""],
    ["I", "Gen Z", 2000, 0.05, 40, 4, ""],
    ["A", "white collar", 5000, 0.01, 40, 0.6, 10000],
  ];
  it("re-plans each change by hand", () => {
    // P 0.11 (or aov 55): gmv 5,500, gap 8,501: A 4,000 (6,000), I 4,501 ÷ 2 = 2,250.5 → 2,251 (9,004):
    //   15,004 → −1,000. P 0.09 (aov 45): gmv 4,500, gap 9,501: A 6,000, I 5,501 ÷ 2 → 2,751 (11,004) → +1,000.
    // I 0.055 (aov 44): g 2.2 (key 4 ÷ 2.2 = 1.82, still after A), gmv 4,400, gap 8,601: A 6,000,
    //   I 4,601 ÷ 2.2 = 2,091.4 → 2,092 (8,368): 14,368 → −1,636.
    //   I 0.045 (aov 36): g 1.8, gmv 3,600, gap 9,401: A 6,000, I 5,401 ÷ 1.8 = 3,000.6 → 3,001 (12,004) → +2,000.
    // A 0.011 (aov 44): g 0.44, gmv 2,200, gap 8,801: A 10,000 × 0.44 = 4,400 (6,000), I 4,401 ÷ 2 → 2,201
    //   (8,804): 14,804 → −1,200. A 0.009 (aov 36): g 0.36 (key 1.67, still first), gmv 1,800, gap 9,201:
    //   A 3,600 (6,000), I 5,601 ÷ 2 → 2,801 (11,204): 17,204 → +1,200.
    expectTable(sens(20001, crowds), [
      ["MARGINAL", "", 2, "", "", ""],
      ["P", "repeat", -1000, 1000, -1000, 1000],
      ["I", "Gen Z", -1636, 2000, -1636, 2000],
      ["A", "white collar", -1200, 1200, -1200, 1200],
    ]);
  });
  it("MARGINAL is 0 when the gap is 0, and a change that opens a gap costs it", () => {
    // Target 10,800 < baseline 11,000: gap 0, nothing added, MARGINAL 0.
    // P 0.09 / aov 45: baseline 10,500, gap 300 → A (first) 300 ÷ 0.4 = 750 persons × 0.6 = 450.
    // I 0.045 / aov 36: baseline 10,600, gap 200 → A 500 persons × 0.6 = 300.
    // A 0.009 / aov 36: baseline 10,800 → gap 0 → 0. The +10 % changes only raise the baseline: 0.
    expectTable(sens(10800, crowds), [
      ["MARGINAL", "", 0, "", "", ""],
      ["P", "repeat", 0, 450, 0, 450],
      ["I", "Gen Z", 0, 300, 0, 300],
      ["A", "white collar", 0, 0, 0, 0],
    ]);
  });
  it("MARGINAL is #N/A when the target is out of reach", () => {
    // With I's capacity 1,000 (the docs example): A 4,000 + I 2,000 leave a shortfall of 3,001. Every
    // variant still uses both capacities in full (A 10,000 × 0.6 + I 1,000 × 4 = 10,000): all deltas 0.
    const capped = crowds.map((r, i) => (i === 1 ? [...r.slice(0, 6), 1000] : r));
    const t = sens(20001, capped);
    expectTable(t, [
      ["MARGINAL", "", NA, "", "", ""],
      ["P", "repeat", 0, 0, 0, 0],
      ["I", "Gen Z", 0, 0, 0, 0],
      ["A", "white collar", 0, 0, 0, 0],
    ]);
    expect(message(t[0][2])).toBe(
      "marginal_cost: the target is out of reach with these capacities (the plan has a shortfall), so no more GMV can be bought",
    );
    expect(formatMessage(t[0][2] as CellError, "zh")).toBe(
      "marginal_cost：在现有可增量下无法达成目标（计划有未达成部分），无法再买到更多 GMV",
    );
  });
  it("MARGINAL is #N/A naming the first growable row without a cost (header rows counted), deltas in persons", () => {
    // A has no cost: the plan orders by 1 ÷ g: I (g 2) first, unlimited: 9,001 ÷ 2 → 4,501 persons.
    // P 0.11: gap 8,501 → 4,251 (−250); P 0.09: gap 9,501 → 4,751 (+250).
    // I 0.055: g 2.2, gap 8,601 → 3,909.5 → 3,910 (−591); I 0.045: g 1.8, gap 9,401 → 5,222.8 → 5,223 (+722).
    // A 0.011: gmv 2,200, gap 8,801 → 4,401 (−100); A 0.009: gmv 1,800, gap 9,201 → 4,601 (+100).
    const t = sens(20001, [
      ["stage", "crowd", "count", "conversion", "aov", "cost", "capacity"],
      ...crowds.map((r, i) => (i === 2 ? [...r.slice(0, 5), "", ""] : r)),
    ]);
    expectTable(t, [
      ["MARGINAL", "", NA, "", "", ""],
      ["P", "repeat", -250, 250, -250, 250],
      ["I", "Gen Z", -591, 722, -591, 722],
      ["A", "white collar", -100, 100, -100, 100],
    ]);
    expect(message(t[0][2])).toBe(
      "marginal_cost: crowds row 4 can be grown (stage A or I) but has no cost, so GMV has no price per unit",
    );
  });
});

describe("GTA sensitivity: a change that reorders the fill", () => {
  // Target 1,000.
  //   I x: 100 × 0.5 × 4 = 200 (g 2), cost 2.1 → key 1.05, capacity 100
  //   I y: 100 × 0.5 × 4 = 200 (g 2), cost 2   → key 1.00, capacity 150
  //   P p: 100 × 0.2 × 10 = 200
  // baseline 600, gap 400. y first: 150 × 2 = 300 (150 persons, cost 300); x: 100 ÷ 2 = 50 (cost 105).
  // Σ 405; x took the last part: MARGINAL 1.05.
  const crowds = [
    ["I", "x", 100, 0.5, 4, 2.1, 100],
    ["I", "y", 100, 0.5, 4, 2, 150],
    ["P", "p", 100, 0.2, 10, "", ""],
  ];
  it("re-orders the rows when a key crosses another", () => {
    // x 0.55 (aov 4.4): g 2.2, key 2.1 ÷ 2.2 = 0.95 → x first now; gmv 220, gap 380: x 100 × 2.2 = 220
    //   (100 persons, 210), y 160 ÷ 2 = 80 (160): 370 → −35.
    // x 0.45 (aov 3.6): g 1.8, key 1.17; gmv 180, gap 420: y 300 (300), x 120 ÷ 1.8 = 66.7 → 67 × 2.1
    //   = 140.7: 440.7 → +35.7.
    // y 0.55: g 2.2, key 0.91, still first; gmv 220, gap 380: y 150 × 2.2 = 330 (300), x 50 ÷ 2 = 25
    //   (52.5): 352.5 → −52.5.
    // y 0.45: g 1.8, key 1.11 → x first now; gmv 180, gap 420: x 100 × 2 = 200 (210), y 220 ÷ 1.8
    //   = 122.2 → 123 × 2 = 246: 456 → +51.
    // p 0.22: gap 380: y 300, x 40 (84): 384 → −21. p 0.18: gap 420: y 300, x 60 (126): 426 → +21.
    expectTable(sens(1000, crowds), [
      ["MARGINAL", "", 1.05, "", "", ""],
      ["I", "x", -35, 35.7, -35, 35.7],
      ["I", "y", -52.5, 51, -52.5, 51],
      ["P", "p", -21, 21, -21, 21],
    ]);
  });
  it("keys tied within 1e-12 keep table order in the changed plan", () => {
    // Target 1,300.
    //   I first:  1000 × 0.3 × 1 = 300 (g 0.3), cost 0.3 → key 1, capacity 5
    //   I second: 1000 × 0.1 × (6 ÷ 1.1) = 545.45… (g 0.5454…), cost 0.6 → key 1.1
    // Base: baseline 845.4545…, gap 454.5454…: first 5 persons (1.5 GMV, cost 1.5); second 453.0454… ÷
    //   0.5454… = 830.58 → 831 × 0.6 = 498.6. Σ 500.1, MARGINAL 1.1.
    // second aov × 1.1 = 6 exactly: g = 0.1 × 6 = 0.6000000000000001, key 0.6 ÷ g = 0.9999999999999998, a
    //   tie with first's 1 (within 1e-12), so first stays first: gmv 600, baseline 900, gap 400: first 5
    //   (1.5), second 398.5 ÷ 0.6 = 664.17 → 665 × 0.6 = 399: 400.5 → −99.6. (Ordered by the exact
    //   keys, second would take all 400: 667 × 0.6 = 400.2 → −99.9.) conversion 0.11: the same plan.
    // second 0.09 / aov 4.909…: g 0.4909…, gmv 490.9…, gap 509.09…: first 1.5, second 507.59… ÷ 0.4909…
    //   = 1,033.98 → 1,034 × 0.6 = 620.4: 621.9 → +121.8.
    // first 0.33 / aov 1.1: g 0.33, key 0.91, gmv 330, gap 424.5454…: first 5 (1.5), second 422.8954… ÷
    //   0.5454… = 775.3 → 776 × 0.6 = 465.6: 467.1 → −33.
    // first 0.27 / aov 0.9: g 0.27, key 1.11 → second first, unlimited: gmv 270, gap 484.5454… ÷ 0.5454…
    //   = 888.3 → 889 × 0.6 = 533.4: → +33.3.
    const crowds = [
      ["I", "first", 1000, 0.3, 1, 0.3, 5],
      ["I", "second", 1000, 0.1, 6 / 1.1, 0.6, ""],
    ];
    expectTable(sens(1300, crowds), [
      ["MARGINAL", "", 1.1, "", "", ""],
      ["I", "first", -33, 33.3, -33, 33.3],
      ["I", "second", -99.6, 121.8, -99.6, 121.8],
    ]);
  });
});

describe("GTA sensitivity: conversion capped at 1", () => {
  // Target 1,000, no costs.
  //   L l:    100 × 0.95 × 4 = 380
  //   L full:  10 × 1 × 10 = 100
  //   A a:      0 × 0.5 × 2 = 0 (g 1)
  // baseline 480, gap 520 → a adds 520.
  // l: conversion 0.95 × 1.1 = 1.045, capped at 1 → gmv 400, gap 500 → −20; 0.855 → 342, gap 558 → +38;
  //    aov 4.4 → 418, gap 482 → −38; aov 3.6 → 342 → +38 (so conversion_up ≠ aov_up here).
  // full: conversion already 1 → conversion_up 0; 0.9 → 90, gap 530 → +10; aov 11 → 110 → −10; 9 → +10.
  // a: 0.55 / aov 2.2 → g 1.1: 520 ÷ 1.1 = 472.7 → 473 → −47; 0.45 / 1.8 → g 0.9: 577.8 → 578 → +58.
  it("caps conversion_up at 1 and keeps aov_up uncapped", () => {
    expectTable(sens(1000, [["L", "l", 100, 0.95, 4], ["L", "full", 10, 1, 10], ["A", "a", 0, 0.5, 2]]), [
      ["MARGINAL", "", NA, "", "", ""],
      ["L", "l", -20, 38, -38, 38],
      ["L", "full", 0, 10, -10, 10],
      ["A", "a", -47, 58, -47, 58],
    ]);
  });
});

// --- exactness: every delta equals two calls of gta() ---------------------------------------


/** Random crowd rows; values from small sets so that tied keys, capacities that bind and zeros occur. */
function randomRows(r: () => number, n: number, costs: "all" | "some" | "none"): GtaRow[] {
  const rows: GtaRow[] = [];
  for (let i = 0; i < n; i++) {
    const row: GtaRow = {
      stage: pick(r, ["A", "I", "A", "I", "P", "L"] as const),
      crowd: `c${i}`,
      count: pick(r, [0, 10, 100, 1000, 12345]),
      conversion: pick(r, [0, 0.01, 0.05, 0.1, 0.3, 0.5, 0.95, 1]),
      aov: pick(r, [0, 1, 3, 10, 40, 99.9]),
    };
    if (costs === "all" || (costs === "some" && r() < 0.7)) row.cost = pick(r, [0, 0.3, 0.6, 1, 2, 4.5]);
    if (r() < 0.5) row.capacity = pick(r, [0, 1, 5, 50, 500, 2.5]);
    rows.push(row);
  }
  return rows;
}

/** The measure by definition: Σ added_cost of a gta() plan, or Σ added when the plan is not by cost. */
const measureOf = (res: GtaResult, byCost: boolean) => (byCost ? res.summary.added_cost : res.total.added);

describe("GTA sensitivity: every delta is exactly measure(gta(changed)) − measure(gta(table))", () => {
  it("on 300 random tables, to the bit", () => {
    const r = rng(16);
    let checked = 0;
    for (let t = 0; t < 300; t++) {
      const rows = randomRows(r, 1 + Math.floor(r() * 12), pick(r, ["all", "some", "none"] as const));
      const base = gta(0, rows);
      const target = base.summary.baseline * pick(r, [0.9, 1, 1.2, 2, 5]) + pick(r, [0, 1, 37.5]);
      const plan = gta(target, rows);
      const s = gtaSensitivity(target, rows);
      rows.forEach((x, i) => {
        const variants: [keyof (typeof s.rows)[number], GtaRow][] = [
          ["conversion_up", { ...x, conversion: Math.min(1, x.conversion * 1.1) }],
          ["conversion_down", { ...x, conversion: x.conversion * 0.9 }],
          ["aov_up", { ...x, aov: x.aov * 1.1 }],
          ["aov_down", { ...x, aov: x.aov * 0.9 }],
        ];
        for (const [col, v] of variants) {
          const changed = rows.map((y, j) => (j === i ? v : y));
          const want = measureOf(gta(target, changed), plan.byCost) - measureOf(plan, plan.byCost);
          expect(s.rows[i][col], `table ${t} row ${i} ${col}`).toBe(want);
          checked++;
        }
      });
    }
    expect(checked).toBeGreaterThan(3000);
  });
});

// --- GTA.BUDGET ---------------------------------------------------------------------------

describe("GTA.BUDGET: worked by hand", () => {
  //   P repeat       1000 × 0.10 × 50 = 5,000 (g 5), no cost: never grown
  //   I Gen Z        2000 × 0.05 × 40 = 4,000 (g 2), cost 4 → 2 per GMV, capacity 1,000
  //   A white collar 5000 × 0.01 × 40 = 2,000 (g 0.4), cost 0.6 → 1.5 per GMV, capacity 10,000
  // baseline 11,000. Fill order A, I.
  const crowds = [
    ["P", "repeat", 1000, 0.1, 50, "", ""],
    ["I", "Gen Z", 2000, 0.05, 40, 4, 1000],
    ["A", "white collar", 5000, 0.01, 40, 0.6, 10000],
  ];
  it("budget 7,000: A to its capacity, I with what is left", () => {
    // A: min(10,000, floor(7,000 ÷ 0.6) = 11,666) = 10,000, cost 6,000, +4,000 GMV; 1,000 left.
    // I: min(1,000, floor(1,000 ÷ 4) = 250) = 250, cost 1,000, +500 GMV; 0 left.
    expectTable(gtaBudgetExcel(7000, crowds, null, null), [
      ["P", "repeat", 1000, 0.1, 50, 100, 5000, 0, 1000, 0, ""],
      ["I", "Gen Z", 2000, 0.05, 40, 100, 4000, 250, 2250, 500, 1000],
      ["A", "white collar", 5000, 0.01, 40, 50, 2000, 10000, 15000, 4000, 6000],
      ["TOTAL", "", 8000, "", "", 250, 11000, 10250, 18250, 4500, 7000],
    ]);
    expectTable(gtaBudgetExcel(7000, crowds, "summary", true), [
      ["baseline", "budget", "spent", "added_gmv", "planned_gmv", "unspent"],
      [11000, 7000, 7000, 4500, 15500, 0],
    ]);
  });
  it("budget 5,000: whole consumers only; the rest stays unspent", () => {
    // A: floor(5,000 ÷ 0.6 = 8,333.3) = 8,333, cost 4,999.8, +3,333.2 GMV; 0.2 left; I: floor(0.05) = 0.
    expectTable(gtaBudgetExcel(5000, crowds, "summary", null), [[11000, 5000, 4999.8, 3333.2, 14333.2, 0.2]]);
    expect(gtaBudgetExcel(5000, crowds, "plan", null).map((r) => r[7])).toEqual([0, 0, 8333, 8333]);
  });
  it("a budget above every capacity fills them all and reports the rest", () => {
    // A 10,000 (6,000) + I 1,000 (4,000) = 10,000 spent, +6,000 GMV; 990,000 unspent.
    expectTable(gtaBudgetExcel(1e6, crowds, "汇总", null), [[11000, 1e6, 10000, 6000, 17000, 990000]]);
  });
  it("the budget a GTA plan costs buys that plan back (target 15,000 costs 6,000)", () => {
    // GTA 15,000: gap 4,000, A 4,000 ÷ 0.4 = 10,000 persons (its capacity), 6,000. BUDGET 6,000: A
    // min(10,000, floor(6,000 ÷ 0.6) = 10,000), nothing left for I.
    expect(gtaExcel(15000, crowds, "summary", null)[0][6]).toBeCloseTo(6000, 9);
    expect(gtaBudgetExcel(6000, crowds, null, null).map((r) => r[7])).toEqual(gtaExcel(15000, crowds, null, null).map((r) => r[7]));
    expectTable(gtaBudgetExcel(6000, crowds, "summary", null), [[11000, 6000, 6000, 4000, 15000, 0]]);
    expect(failure(() => gtaBudgetExcel(-5, crowds, null, null), "zh").message).toBe("budget：-5 为负数；必须 ≥ 0");
  });
  it("with headers over the plan: GTA's column names", () => {
    expect(gtaBudgetExcel(7000, crowds, "计划", "Y")[0]).toEqual([
      "stage", "crowd", "count", "conversion", "aov", "buyers", "gmv", "added", "required", "added_gmv", "added_cost",
    ]);
  });
  it("counts a budget that buys exactly n consumers as n despite floating-point noise (BUDGET_SLACK)", () => {
    // 0.3 ÷ 0.1 computes as 2.9999999999999996; floor(… + 1e-9) = 3 consumers, spending 0.30000000000000004:
    // unspent is 0, not −5.6e-17.
    expect(0.3 / 0.1).toBeLessThan(3);
    const t = gtaBudgetExcel(0.3, [["A", "a", 0, 1, 1, 0.1, ""]], "summary", null);
    expectRow(t[0], [0, 0.3, 0.3, 3, 3, 0]);
    expect(t[0][5]).toBe(0);
  });
  it("a free row takes its whole capacity, even with no budget", () => {
    // F: cost 0, capacity 500, g 0.5 → key 0, first: +500 persons, +250 GMV, cost 0. A: budget 0 → nobody.
    const t = gtaBudgetExcel(0, [["A", "paid", 100, 0.5, 2, 1, ""], ["I", "free", 100, 0.5, 1, 0, 500]], null, null);
    expect(t.map((r) => [r[7], r[10]])).toEqual([[0, 0], [500, 0], [500, 0]]);
    expectTable(gtaBudgetExcel(0, [["A", "paid", 100, 0.5, 2, 1, ""], ["I", "free", 100, 0.5, 1, 0, 500]], "summary", null), [
      [150, 0, 0, 250, 400, 0],
    ]);
  });
  it("ties within 1e-12 keep table order", () => {
    // a: g 0.3 × 1 = 0.3, cost 0.3 → key 1; b: g 0.1 × 3 = 0.30000000000000004, cost 0.3 → key
    // 0.9999999999999998: a tie, so a (first in the table) is filled first.
    // Budget 1.2: a takes min(5, floor(1.2 ÷ 0.3) = 4) = 4, spending all; b gets nobody.
    // (Ordered by the exact keys, b would take 3 and a 1.)
    const t = gtaBudgetExcel(1.2, [["I", "a", 0, 0.3, 1, 0.3, 5], ["I", "b", 0, 0.1, 3, 0.3, 3]], null, null);
    expect(t.map((r) => r[7])).toEqual([4, 0, 4]);
  });
  it("rows that cannot grow need no cost: P/L, capacity 0, g 0; no growable row leaves the budget unspent", () => {
    const t = [
      ["P", "", 100, 0.5, 10, "", ""],
      ["A", "cap0", 100, 0.5, 10, "", 0],
      ["I", "g0", 100, 0, 10, "", ""],
    ];
    // gmv: P 100 × 0.5 × 10 = 500, cap0 500, g0 0: baseline 1,000; nothing to buy.
    expectTable(gtaBudgetExcel(100, t, "summary", null), [[1000, 100, 0, 0, 1000, 100]]);
    // No row has a cost at all: the TOTAL added_cost is blank, as in GTA.
    expect(gtaBudgetExcel(100, t, null, null)[3][10]).toBe("");
  });
});

describe("GTA.BUDGET: errors", () => {
  const E = (f: () => unknown) => failure(f);
  it("names the first growable row without a cost (table order, header counted)", () => {
    const t = [
      ["stage", "count", "conversion", "aov", "cost"],
      ["P", 100, 0.5, 10, ""],
      ["I", 100, 0.5, 10, ""],
      ["A", 100, 0.5, 10, ""],
    ];
    expect(E(() => gtaBudgetExcel(100, t, null, null))).toEqual({
      kind: "#VALUE!",
      message: "crowds row 3 column 5 (cost): this row can be grown (stage A or I) but has no cost; GTA.BUDGET needs a cost on every growable row",
    });
    const zhTable = [["阶段", "人数", "转化率", "客单价", "单人成本"], ["P", 100, 0.5, 10, ""], ["I", 100, 0.5, 10, ""]];
    expect(failure(() => gtaBudgetExcel(100, zhTable, null, null), "zh").message).toBe(
      "crowds 第 3 行第 5 列（单人成本）：此行可增长（A 或 I 阶段）但没有单人成本；GTA.BUDGET 要求每个可增长的行都有单人成本",
    );
    // Positional without a cost column: the row alone.
    expect(E(() => gtaBudgetExcel(100, [["A", "", 100, 0.5, 10]], null, null)).message).toBe(
      "crowds row 1: this row can be grown (stage A or I) but has no cost; GTA.BUDGET needs a cost on every growable row",
    );
    expect(failure(() => gtaBudgetExcel(100, [["A", "", 100, 0.5, 10]], null, null), "zh").message).toBe(
      "crowds 第 1 行：此行可增长（A 或 I 阶段）但没有单人成本；GTA.BUDGET 要求每个可增长的行都有单人成本",
    );
  });
  it("a free row needs a capacity", () => {
    expect(E(() => gtaBudgetExcel(100, [["A", "", 100, 0.5, 10, 1, ""], ["I", "", 100, 0.5, 10, 0, ""]], null, null))).toEqual({
      kind: "#VALUE!",
      message: "crowds row 2 column 7: a free row needs a capacity: its cost is 0 and its capacity is blank, so any budget would add unlimited consumers",
    });
    expect(E(() => gtaBudgetExcel(100, [["A", "", 100, 0.5, 10, 0]], null, null)).message).toBe(
      "crowds row 1: a free row needs a capacity: its cost is 0 and its capacity is blank, so any budget would add unlimited consumers",
    );
  });
  it("refuses a negative or non-numeric budget and an unknown output; reads crowds as GTA does", () => {
    expect(E(() => gtaBudgetExcel(-1, [["A", "", 1, 1, 1, 1]], null, null)).message).toBe("budget: -1 is negative; it must be ≥ 0");
    expect(E(() => gtaBudgetExcel("lots", [["A", "", 1, 1, 1, 1]], null, null)).message).toBe('budget: "lots" is not a number');
    expect(E(() => gtaBudgetExcel(1, [["A", "", 1, 1, 1, 1]], "sensitivity", null)).message).toBe(
      'output: "sensitivity" is not one of "plan", "summary"',
    );
    expect(E(() => gtaBudgetExcel(1, [["-", "", 1, 1, 1, 1]], null, null)).message).toBe(
      'crowds row 1 column 1: stage "-" is outside AIPL; every crowd row needs A, I, P or L',
    );
  });
});

/**
 * GTA.BUDGET by hand, written independently of the engine: the greedy of SPEC §17 on plain
 * numbers. Ties are two keys within a relative 1e-12; Array.prototype.sort is stable, so tied
 * rows keep table order.
 */
function budgetByHand(budget: number, rows: GtaRow[]): { added: number[]; spent: number; addedGmv: number } {
  const g = rows.map((x) => x.conversion * x.aov);
  const idx = rows.map((_, i) => i).filter((i) => (rows[i].stage === "A" || rows[i].stage === "I") && rows[i].capacity !== 0 && g[i] > 0);
  const key = (i: number) => (rows[i].cost as number) / g[i];
  idx.sort((a, b) => {
    const d = key(a) - key(b);
    return Math.abs(d) <= 1e-12 * Math.max(Math.abs(key(a)), Math.abs(key(b))) ? 0 : d;
  });
  const added = rows.map(() => 0);
  let left = budget;
  for (const i of idx) {
    const cost = rows[i].cost as number;
    const cap = rows[i].capacity ?? Infinity;
    added[i] = cost === 0 ? cap : Math.min(cap, Math.max(0, Math.floor(left / cost + 1e-9)));
    left -= added[i] * cost;
  }
  let spent = 0;
  let addedGmv = 0;
  rows.forEach((x, i) => {
    spent += added[i] * (x.cost ?? 0);
    addedGmv += added[i] * g[i];
  });
  return { added, spent, addedGmv };
}

/** Random rows valid for GTA.BUDGET: every growable row has a cost, a free row a capacity. */
function budgetRows(r: () => number, n: number): GtaRow[] {
  return randomRows(r, n, "all").map((x) => (x.cost === 0 && x.capacity === undefined ? { ...x, capacity: 7 } : x));
}

describe("GTA.BUDGET against the greedy by hand", () => {
  it("on 500 random tables", () => {
    const r = rng(17);
    for (let t = 0; t < 500; t++) {
      const rows = budgetRows(r, 1 + Math.floor(r() * 10));
      const budget = pick(r, [0, 1, 10, 123.45, 1000, 1e5]);
      const res = gtaBudget(budget, rows);
      const want = budgetByHand(budget, rows);
      expect(res.rows.map((x) => x.added), `table ${t}`).toEqual(want.added);
      expect(res.summary.spent).toBeCloseTo(want.spent, 6);
      expect(res.summary.added_gmv).toBeCloseTo(want.addedGmv, 6);
      expect(res.summary.planned_gmv).toBeCloseTo(gta(0, rows).summary.baseline + want.addedGmv, 6);
      expect(res.summary.unspent).toBeCloseTo(Math.max(0, budget - want.spent), 6);
      expect(res.summary.spent).toBeLessThanOrEqual(budget * (1 + 1e-12) + 1e-9);
    }
  });
  it("a budget equal to a GTA plan's added cost reaches at least that plan's GMV", () => {
    // GTA (ordered by cost ÷ g) and BUDGET fill the same rows in the same order; the money GTA spends
    // buys the same persons again, and a free row takes its whole capacity in BUDGET. Capacities are
    // whole here: GTA rounds a binding capacity of 2.5 up to 3 persons, BUDGET stops at 2.5 (below).
    const r = rng(18);
    let reachable = 0;
    for (let t = 0; t < 400; t++) {
      const rows = budgetRows(r, 1 + Math.floor(r() * 10)).map((x) => (x.capacity === 2.5 ? { ...x, capacity: 3 } : x));
      const baseline = gta(0, rows).summary.baseline;
      const plan = gta(baseline * pick(r, [1.1, 1.5, 3]) + 50, rows);
      if (plan.summary.shortfall > 0) continue;
      reachable++;
      const b = gtaBudget(plan.summary.added_cost, rows);
      expect(b.summary.planned_gmv, `table ${t}`).toBeGreaterThanOrEqual(plan.summary.planned_gmv * (1 - 1e-12));
      expect(b.summary.spent).toBeLessThanOrEqual(plan.summary.added_cost * (1 + 1e-12));
    }
    expect(reachable).toBeGreaterThan(100);
  });
  it("a capacity that is not whole is taken as it is, per SPEC §17 (min(capacity, …))", () => {
    // One row, g 1, cost 1, capacity 2.5, budget 10: added = min(2.5, floor(10 ÷ 1)) = 2.5, spending 2.5.
    // (GTA rounds the same binding capacity up: need(2.5) = 3 persons.)
    expectTable(gtaBudgetExcel(10, [["A", "", 0, 1, 1, 1, 2.5]], "summary", null), [[0, 10, 2.5, 2.5, 2.5, 7.5]]);
    expect(gtaExcel(10, [["A", "", 0, 1, 1, 1, 2.5]], null, null)[0][7]).toBe(3);
  });
  it("gtaRows + gtaBudget equal the Excel entry", () => {
    const crowds = [["A", "a", 10, 0.2, 5, 1.5, 30], ["I", "i", 10, 0.5, 2, 2, ""], ["L", "l", 10, 1, 9]];
    const res = gtaBudget(50, gtaRows(crowds));
    expect(gtaBudgetExcel(50, crowds, "plan", null).map((r) => r[7])).toEqual([...res.rows.map((x) => x.added), res.total.added]);
  });
});
