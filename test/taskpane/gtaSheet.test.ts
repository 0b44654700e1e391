/**
 * The GTA planner's sheet, evaluated by HyperFormula: every number below is worked out by hand
 * from SPEC section 10 (the calculation is in the comment next to it), and a property test
 * compares the sheet's native formulas with the engine `gta()` on random tables.
 */
import { describe, expect, it } from "vitest";
import * as fc from "fast-check";
import { gta, gtaExcel, gtaPlanTable, gtaRows, type GtaRow } from "../../src/plan/gta";
import { orderByKey, personsNeeded } from "../../src/excel/round";
import { gtaSheet, type GtaLayout } from "../../taskpane/planners/gtaSheet";
import { checkPlan } from "../../taskpane/workbook/check";
import { isFormula } from "../../taskpane/workbook/port";
import { evaluate, type Evaluated } from "./hf";

/** SPEC 10's public example: L, P, I, A. */
const SPEC_ROWS: GtaRow[] = [
  { stage: "L", crowd: "", count: 200_000, conversion: 0.3, aov: 400 },
  { stage: "P", crowd: "", count: 800_000, conversion: 0.08, aov: 300 },
  { stage: "I", crowd: "", count: 1_500_000, conversion: 0.05, aov: 250 },
  { stage: "A", crowd: "", count: 6_000_000, conversion: 0.005, aov: 250 },
];

function build(rows: GtaRow[], target = 100_000_000, lang: "en" | "zh" = "en", exact = false) {
  const { plan, layout } = gtaSheet({ name: "Double 11", target_gmv: target, crowds: rows }, lang);
  checkPlan(plan);
  return { plan, layout, s: evaluate(plan, { exact }) };
}

/** Value of plan column `k` in data row r (0-based). */
const at = (s: Evaluated, l: GtaLayout, k: keyof GtaLayout["planCol"], r: number) => s.get(`${l.planCol[k]}${l.planRows[0] + r}`);
const sum = (s: Evaluated, l: GtaLayout, k: keyof GtaLayout["summary"]) => s.get(l.summary[k]);

describe("GTA sheet: SPEC 10 worked example", () => {
  const { plan, layout, s } = build(SPEC_ROWS);

  it("summary: baseline 69,450,000 = 24,000,000 + 19,200,000 + 18,750,000 + 7,500,000", () => {
    // L 200,000 × 0.30 × 400 = 24,000,000; P 800,000 × 0.08 × 300 = 19,200,000;
    // I 1,500,000 × 0.05 × 250 = 18,750,000; A 6,000,000 × 0.005 × 250 = 7,500,000.
    expect(sum(s, layout, "baseline")).toBeCloseTo(69_450_000, 4);
    expect(sum(s, layout, "old")).toBeCloseTo(43_200_000, 4);
    expect(sum(s, layout, "new")).toBeCloseTo(26_250_000, 4);
    expect(sum(s, layout, "gap")).toBeCloseTo(30_550_000, 4);
    expect(sum(s, layout, "shortfall")).toBe(0);
    // planned = 69,450,000 + 2,444,000 × 12.5 = 100,000,000.
    expect(sum(s, layout, "planned_gmv")).toBeCloseTo(100_000_000, 4);
    // No row has a cost: the added cost is 0 and the order is by 1 ÷ g, said in words.
    expect(sum(s, layout, "added_cost")).toBe(0);
    expect(sum(s, layout, "by_cost")).toBe("most GMV per added consumer first (1 ÷ g)");
    expect(s.get(layout.byCostFlag)).toBe(false);
    expect(s.get(`A${Number(layout.summary.by_cost.slice(1))}`)).toBe("Fill order");
  });

  it("plan rows: I is grown by 2,444,000 (g_I = 12.5 beats g_A = 1.25), required I = 3,944,000", () => {
    // g_I = 0.05 × 250 = 12.5; 30,550,000 ÷ 12.5 = 2,444,000 exactly.
    expect(at(s, layout, "g", 2)).toBeCloseTo(12.5, 12);
    expect(at(s, layout, "g", 3)).toBeCloseTo(1.25, 12);
    expect(at(s, layout, "added", 2)).toBe(2_444_000);
    expect(at(s, layout, "required", 2)).toBe(3_944_000);
    expect(at(s, layout, "added", 3)).toBe(0);
    expect(at(s, layout, "required", 3)).toBe(6_000_000);
    // P and L are never grown.
    expect(at(s, layout, "added", 0)).toBe(0);
    expect(at(s, layout, "growable", 1)).toBe(0);
    // buyers and gmv per row: I 75,000 buyers, 18,750,000.
    expect(at(s, layout, "buyers", 2)).toBeCloseTo(75_000, 6);
    expect(at(s, layout, "gmv", 2)).toBeCloseTo(18_750_000, 4);
    // added_gmv I = 2,444,000 × 12.5 = 30,550,000; added_cost blank (no cost).
    expect(at(s, layout, "added_gmv", 2)).toBeCloseTo(30_550_000, 4);
    expect(at(s, layout, "added_cost", 2)).toBe("");
  });

  it("TOTAL row: Σcount 8,500,000, Σrequired 10,944,000, added_cost blank", () => {
    const t = layout.totalRow;
    // 200,000 + 800,000 + 1,500,000 + 6,000,000 = 8,500,000; + 2,444,000 added.
    expect(s.get(`${layout.planCol.count}${t}`)).toBe(8_500_000);
    expect(s.get(`${layout.planCol.added}${t}`)).toBe(2_444_000);
    expect(s.get(`${layout.planCol.required}${t}`)).toBe(10_944_000);
    expect(s.get(`${layout.planCol.gmv}${t}`)).toBeCloseTo(69_450_000, 4);
    expect(s.get(`${layout.planCol.added_cost}${t}`)).toBe("");
    expect(s.get(`${layout.planCol.stage}${t}`)).toBe("TOTAL");
  });

  it("consumers by stage (the chart's data): current vs required for A, I, P, L", () => {
    const [first] = layout.stages.split(":");
    const col = first.replace(/\d+/g, "");
    const row = Number(first.replace(/\D+/g, ""));
    const next = (c: string, k: number) => String.fromCharCode(c.charCodeAt(0) + k);
    expect(s.get(`${col}${row + 1}`)).toBe("A");
    expect(s.get(`${next(col, 1)}${row + 1}`)).toBe(6_000_000);
    expect(s.get(`${next(col, 2)}${row + 2}`)).toBe(3_944_000); // I required
    expect(s.get(`${next(col, 1)}${row + 4}`)).toBe(200_000); // L current
    expect(plan.charts?.[0].source).toBe(layout.stages);
    expect(plan.charts?.[0].type).toBe("columnClustered");
  });

  it("is live: a new target recalculates the plan with no add-in action", () => {
    const live = build(SPEC_ROWS).s;
    live.set(layout.target, 80_000_000);
    // gap = 80,000,000 − 69,450,000 = 10,550,000; ÷ 12.5 = 844,000.
    expect(live.get(`${layout.planCol.added}${layout.planRows[0] + 2}`)).toBe(844_000);
    expect(live.get(layout.summary.planned_gmv)).toBeCloseTo(80_000_000, 4);
    // Editing a crowd count in the input table: I count 2,000,000 → baseline +6,250,000.
    live.set(`C${layout.inputRows[0] + 2}`, 2_000_000);
    expect(live.get(layout.summary.baseline)).toBeCloseTo(75_700_000, 4);
  });

  it("every computed cell is a formula; the inputs are values", () => {
    const planBlock = plan.blocks.find((b) => b.anchor === `A${layout.planRows[0] - 1}`)!;
    for (const row of planBlock.cells.slice(1, -1)) {
      // All but the row number (#) are formulas.
      expect(row.slice(1).every(isFormula)).toBe(true);
    }
    expect(s.formula(`${layout.planCol.buyers}${layout.planRows[0]}`)).toBe(`=D${layout.planRows[0]}*E${layout.planRows[0]}`);
    expect(s.formula(`${layout.planCol.count}${layout.planRows[0]}`)).toBe(`=C${layout.inputRows[0]}`);
    expect(s.formula(layout.target)).toBeUndefined();
  });
});

describe("GTA sheet: capacities, costs, ties, rounding", () => {
  const capped = (capI?: number, capA?: number): GtaRow[] =>
    SPEC_ROWS.map((r) => (r.stage === "I" && capI !== undefined ? { ...r, capacity: capI } : r.stage === "A" && capA !== undefined ? { ...r, capacity: capA } : r));

  it("a capacity spills the rest of the gap over to the next crowd", () => {
    const { layout, s } = build(capped(1_000_000));
    // I takes 1,000,000 × 12.5 = 12,500,000 (added = the capacity, 1,000,000);
    // A takes the remaining 18,050,000 ÷ 1.25 = 14,440,000 → required A 20,440,000.
    expect(at(s, layout, "added", 2)).toBe(1_000_000);
    expect(at(s, layout, "added", 3)).toBe(14_440_000);
    expect(at(s, layout, "required", 3)).toBe(20_440_000);
    expect(sum(s, layout, "shortfall")).toBe(0);
    expect(sum(s, layout, "planned_gmv")).toBeCloseTo(100_000_000, 4);
  });

  it("an unreachable target leaves a shortfall", () => {
    const { layout, s } = build(capped(1_000_000, 2_000_000));
    // I 12,500,000 + A 2,000,000 × 1.25 = 2,500,000 → 15,000,000 of 30,550,000;
    // shortfall 15,550,000; planned 69,450,000 + 15,000,000 = 84,450,000.
    expect(at(s, layout, "added", 3)).toBe(2_000_000);
    expect(sum(s, layout, "shortfall")).toBeCloseTo(15_550_000, 4);
    expect(sum(s, layout, "planned_gmv")).toBeCloseTo(84_450_000, 4);
  });

  it("capacity 0 is not growable; the next row takes the gap", () => {
    const { layout, s } = build(capped(0));
    // Only A grows: 30,550,000 ÷ 1.25 = 24,440,000.
    expect(at(s, layout, "growable", 2)).toBe(0);
    expect(at(s, layout, "added", 3)).toBe(24_440_000);
  });

  it("with every growable row costed, the order is by cost ÷ g", () => {
    const rows = SPEC_ROWS.map((r) => (r.stage === "I" ? { ...r, cost: 20 } : r.stage === "A" ? { ...r, cost: 1 } : r));
    const { layout, s } = build(rows);
    // key I = 20 ÷ 12.5 = 1.6, key A = 1 ÷ 1.25 = 0.8 → A first and unlimited:
    // added A = 30,550,000 ÷ 1.25 = 24,440,000; cost 24,440,000 × 1; I added 0, cost 0 × 20 = 0.
    expect(sum(s, layout, "by_cost")).toBe("cheapest growth first (cost ÷ g)");
    expect(s.get(layout.byCostFlag)).toBe(true);
    expect(at(s, layout, "added", 3)).toBe(24_440_000);
    expect(at(s, layout, "added_cost", 3)).toBe(24_440_000);
    expect(at(s, layout, "added", 2)).toBe(0);
    expect(at(s, layout, "added_cost", 2)).toBe(0);
    expect(sum(s, layout, "added_cost")).toBe(24_440_000);
    expect(s.get(`${layout.planCol.added_cost}${layout.totalRow}`)).toBe(24_440_000);
  });

  it("when one growable row has no cost, the order is by 1 ÷ g (I first)", () => {
    const rows = SPEC_ROWS.map((r) => (r.stage === "A" ? { ...r, cost: 1 } : r));
    const { layout, s } = build(rows);
    expect(s.get(layout.byCostFlag)).toBe(false);
    expect(at(s, layout, "added", 2)).toBe(2_444_000);
    expect(at(s, layout, "added", 3)).toBe(0);
    // A has a cost: 0 added × 1 = 0; I has none: blank.
    expect(at(s, layout, "added_cost", 3)).toBe(0);
    expect(at(s, layout, "added_cost", 2)).toBe("");
  });

  it("ties keep table order", () => {
    const rows: GtaRow[] = [
      { stage: "I", crowd: "Gen Z", count: 0, conversion: 0.05, aov: 250, capacity: 100 },
      { stage: "I", crowd: "新锐白领", count: 0, conversion: 0.05, aov: 250 },
    ];
    const { layout, s } = build(rows, 10_000);
    // Both g = 12.5. First row: min(100 × 12.5, 10,000) = 1,250 → 100 added (its capacity);
    // second: 8,750 ÷ 12.5 = 700.
    expect(at(s, layout, "added", 0)).toBe(100);
    expect(at(s, layout, "added", 1)).toBe(700);
    expect(at(s, layout, "crowd", 1)).toBe("新锐白领");
  });

  it("persons needed are rounded up: ceil(x − 1e-9 × max(1, |x|))", () => {
    const rows: GtaRow[] = [{ stage: "I", crowd: "", count: 0, conversion: 0.03, aov: 100 }];
    const { layout, s } = build(rows, 1000);
    // g = 3; 1,000 ÷ 3 = 333.33… → 334 persons; added_gmv 334 × 3 = 1,002.
    expect(at(s, layout, "added", 0)).toBe(334);
    expect(sum(s, layout, "planned_gmv")).toBeCloseTo(1002, 9);
  });

  it("a target below the baseline needs nobody", () => {
    const { layout, s } = build(SPEC_ROWS, 50_000_000);
    expect(sum(s, layout, "gap")).toBe(0);
    expect(at(s, layout, "added", 2)).toBe(0);
    expect(sum(s, layout, "planned_gmv")).toBeCloseTo(69_450_000, 4);
  });

  it("Chinese sheet: table headers are DTC.GTA's Chinese aliases, TOTAL is 合计", () => {
    const { plan, layout, s } = build(SPEC_ROWS, 100_000_000, "zh");
    const table = plan.tables![0];
    expect(table.range).toBe(layout.crowdTable);
    expect(s.get(`A${layout.inputRows[0] - 1}`)).toBe("阶段");
    expect(s.get(`G${layout.inputRows[0] - 1}`)).toBe("可增量");
    expect(s.get(`${layout.planCol.stage}${layout.totalRow}`)).toBe("合计");
    expect(at(s, layout, "required", 2)).toBe(3_944_000);
  });
});

// Both ways HyperFormula compares numbers: Excel-like (within 1e-13 equal) and exact, so the
// formulas themselves must carry the contract's tie and rounding rules.
for (const exact of [false, true]) {
  describe(`GTA sheet: ties and rounding of docs/functions.md, src/excel/round.ts (${exact ? "exact" : "Excel-like"} comparisons)`, () => {
    it('GTA(1000, {"I","first",1000,0.3,1,"",10; "I","second",1000,0.1,3,"",""}): an exact tie, "first" is filled first', () => {
      const rows: GtaRow[] = [
        { stage: "I", crowd: "first", count: 1000, conversion: 0.3, aov: 1, capacity: 10 },
        { stage: "I", crowd: "second", count: 1000, conversion: 0.1, aov: 3 },
      ];
      const { layout, s } = build(rows, 1000, "en", exact);
      // g = 0.3 × 1 = 0.3 and 0.1 × 3 = 0.30000000000000004 in floats: keys 1 ÷ g tie (0.3 = 0.1 × 3).
      // Table order: "first" takes its capacity, 10 × 0.3 = 3 → 10 added; "second" the rest:
      // gap = 1000 − 600 = 400; 397 ÷ 0.3 = 1,323.3 → 1,324. (In float order "second" would take
      // all 400 → 1,334, and "first" nothing.)
      expect(at(s, layout, "added", 0)).toBe(10);
      expect(at(s, layout, "added", 1)).toBe(1324);
      expect(at(s, layout, "run", 0)).toBe(at(s, layout, "run", 1));
      expect(sum(s, layout, "shortfall")).toBe(0);
    });

    it("tie groups are the engine's: a key joins the group of the first key it ties with, not a chain", () => {
      // g = 0.5 × 2 = 1, every row costed: key = cost. Keys 1 + 1.2e-12, 1 + 6e-13, 1 (table order).
      // Sorted: 1, 1 + 6e-13 (ties with 1: one group), 1 + 1.2e-12 (no tie with the group's first
      // key 1: a new group, although it ties with 1 + 6e-13). Fill order: rows 1, 2 (table order
      // in the group), then row 0. Gap 8: row 1 takes its capacity 4, row 2 takes 4 of its 7.
      const row = (cost: number, capacity: number): GtaRow => ({ stage: "A", crowd: "", count: 0, conversion: 0.5, aov: 2, cost, capacity });
      const rows = [row(1 + 1.2e-12, 100), row(1 + 6e-13, 4), row(1, 7)];
      expect(orderByKey([0, 1, 2], rows.map((r) => r.cost!))).toEqual([1, 2, 0]);
      const { layout, s } = build(rows, 8, "en", exact);
      expect([0, 1, 2].map((i) => at(s, layout, "added", i))).toEqual([0, 4, 4]);
      // The groups (shown by HyperFormula to 10 digits unless exact): row 0 alone, rows 1 and 2 at 1.
      expect(at(s, layout, "run", 1)).toBe(1);
      expect(at(s, layout, "run", 2)).toBe(1);
      if (exact) expect(at(s, layout, "run", 0)).toBe(1 + 1.2e-12);
    });

    it("persons: the relative slack drops float noise at real magnitudes", () => {
      // g = 0.09; target 235,914,346 × 0.09 = 21,232,291.14, all of it the gap; in floats
      // taken ÷ g = 235,914,346.00000003, which needs 235,914,346 persons, not one more.
      const g = 0.09;
      const target = 235_914_346 * g;
      const x = target / g;
      const rows: GtaRow[] = [{ stage: "I", crowd: "", count: 0, conversion: g, aov: 1 }];
      const { layout, s } = build(rows, target, "en", exact);
      expect(at(s, layout, "added", 0)).toBe(personsNeeded(x));
      expect(at(s, layout, "added", 0)).toBe(235_914_346);
    });
  });
}

describe("GTA sheet agrees with the engine gta() on random tables", () => {
  const stage = fc.constantFrom("A", "I", "P", "L") as fc.Arbitrary<GtaRow["stage"]>;
  const row: fc.Arbitrary<GtaRow> = fc.record(
    {
      stage,
      crowd: fc.constantFrom("", "Gen Z", "精致妈妈"),
      count: fc.integer({ min: 0, max: 5_000_000 }),
      conversion: fc.integer({ min: 0, max: 400 }).map((x) => x / 1000),
      aov: fc.integer({ min: 0, max: 2000 }),
      cost: fc.integer({ min: 0, max: 80 }),
      capacity: fc.integer({ min: 0, max: 400_000 }),
    },
    { requiredKeys: ["stage", "crowd", "count", "conversion", "aov"] },
  );

  it("added, required and the summary match for 60 random plans", () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 2, maxLength: 8 }), fc.integer({ min: 5, max: 40 }), fc.boolean(), fc.boolean(), (raw, factor, allCosts, exact) => {
        // Half of the cases cost every row, so the cost ÷ g order is exercised too.
        const rows = allCosts ? raw.map((r) => ({ ...r, cost: r.cost ?? 7 })) : raw;
        // A target between 0.5 and 4 times the baseline, so that several rows are grown.
        const baseline = rows.reduce((a, r) => a + r.count * r.conversion * r.aov, 0);
        const target = Math.max(1_000_000, Math.round((baseline * factor) / 10));
        // Half of the cases with exact comparisons (see test/taskpane/hf.ts).
        const { layout, s } = build(rows, target, "en", exact);
        const res = gta(target, rows);
        res.rows.forEach((r, i) => {
          expect(at(s, layout, "added", i)).toBe(r.added);
          expect(at(s, layout, "required", i)).toBe(r.required);
        });
        const close = (a: unknown, b: number) => expect(Math.abs((a as number) - b)).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(b)));
        close(sum(s, layout, "baseline"), res.summary.baseline);
        close(sum(s, layout, "shortfall"), res.summary.shortfall);
        close(sum(s, layout, "planned_gmv"), res.summary.planned_gmv);
        close(sum(s, layout, "added_cost"), res.summary.added_cost);
        // Valid inputs: the input check is empty.
        expect(s.get(layout.check)).toBe("");
      }),
      { numRuns: 60 },
    );
  });
});

describe("GTA sheet: its crowd table reads back through DTC.GTA's table reader", () => {
  const stage = fc.constantFrom("A", "I", "P", "L") as fc.Arbitrary<GtaRow["stage"]>;
  // Labels a sheet could misread: text that looks like a number, a boolean or a formula.
  const row: fc.Arbitrary<GtaRow> = fc.record(
    {
      stage,
      crowd: fc.constantFrom("", "Gen Z", "精致妈妈", "1", "TRUE", "=b", "a*"),
      count: fc.integer({ min: 0, max: 5_000_000 }),
      conversion: fc.integer({ min: 0, max: 1000 }).map((x) => x / 1000),
      aov: fc.integer({ min: 0, max: 200_000 }).map((x) => x / 100),
      cost: fc.integer({ min: 0, max: 8000 }).map((x) => x / 100),
      capacity: fc.integer({ min: 0, max: 400_000 }),
    },
    { requiredKeys: ["stage", "crowd", "count", "conversion", "aov"] },
  );

  it("gtaRows(crowd table) gives the rows back, and DTC.GTA(target cell, crowd table) the engine's plan, in both languages", () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 8 }), fc.integer({ min: 0, max: 1e9 }), fc.constantFrom("en", "zh"), (rows, target, lang) => {
        const { layout, s } = build(rows, target, lang as "en" | "zh", true);
        const table = s.range(layout.crowdTable);
        expect(gtaRows(table)).toEqual(rows);
        // Positionally too (no header row).
        expect(gtaRows(table.slice(1))).toEqual(rows);
        const t = s.get(layout.target);
        expect(t).toBe(target);
        expect(gtaExcel(t, table)).toEqual(gtaPlanTable(gta(target, rows)));
      }),
      { numRuns: 30 },
    );
  });
});

describe("GTA sheet: the input check cell and data validation (issue 18)", () => {
  const SUMMARY = ["baseline", "old", "new", "gap", "shortfall", "planned_gmv", "added_cost"] as const;
  const input = (col: string, r: number, l: GtaLayout) => `${col}${l.inputRows[0] + r}`;

  it("is empty on a valid plan, and sits under the summary with its label", () => {
    const { layout, s } = build(SPEC_ROWS);
    expect(s.get(layout.check)).toBe("");
    expect(s.get(`A${Number(layout.check.slice(1))}`)).toBe("Input check");
    expect(Number(layout.check.slice(1))).toBe(Number(layout.summary.by_cost.slice(1)) + 1);
  });

  it('"abc" as a conversion: the check names the cell, the summary says "check inputs" instead of a coercion error', () => {
    const { layout, s } = build(SPEC_ROWS);
    const cell = input("D", 2, layout);
    s.set(cell, "abc");
    expect(s.get(layout.check)).toBe(`${cell}: conversion must be a number between 0 and 1`);
    expect(sum(s, layout, "baseline")).toBe("check inputs");
    for (const k of SUMMARY.slice(1)) expect(sum(s, layout, k)).toBe("");
    // The consumers-by-stage block is blank too; nothing in the summary is an error.
    const [first] = layout.stages.split(":");
    expect(s.get(`J${Number(first.slice(1)) + 1}`)).toBe("");
    // Fixed: the plan is back.
    s.set(cell, 0.05);
    expect(s.get(layout.check)).toBe("");
    expect(sum(s, layout, "planned_gmv")).toBeCloseTo(100_000_000, 4);
  });

  it("out of range, negative, a stage typed as X, a bad target: each named; the first problem in sheet order wins", () => {
    const { layout, s } = build(SPEC_ROWS);
    s.set(input("D", 1, layout), 1.5);
    expect(s.get(layout.check)).toBe(`${input("D", 1, layout)}: conversion must be a number between 0 and 1`);
    s.set(input("A", 0, layout), "X");
    expect(s.get(layout.check)).toBe(`${input("A", 0, layout)}: stage must be A, I, P or L (or Awareness, Interest, Purchase, Loyalty, 认知, 兴趣, 购买, 忠诚)`);
    s.set(input("A", 0, layout), "L");
    s.set(input("D", 1, layout), 0.08);
    s.set(input("F", 3, layout), -1);
    expect(s.get(layout.check)).toBe(`${input("F", 3, layout)}: cost must be blank or a number ≥ 0`);
    s.set(input("F", 3, layout), null);
    s.set(input("C", 3, layout), "1,200");
    expect(s.get(layout.check)).toBe(`${input("C", 3, layout)}: count must be a number ≥ 0`);
    s.set(layout.target, "lots");
    expect(s.get(layout.check)).toBe("B5: Target GMV must be a number ≥ 0");
  });

  it("in Chinese", () => {
    const { layout, s } = build(SPEC_ROWS, 100_000_000, "zh");
    s.set(input("D", 0, layout), "abc");
    expect(s.get(layout.check)).toBe(`${input("D", 0, layout)}：转化率必须是 0 到 1 之间的数字`);
    expect(sum(s, layout, "baseline")).toBe("请检查输入");
    expect(sum(s, layout, "by_cost")).toBe("每新增一人 GMV 最高者优先（1 ÷ g）");
    expect(s.get(`A${Number(layout.check.slice(1))}`)).toBe("输入检查");
  });

  it("every stage label the engine accepts plans as its letter (Interest, 兴趣, ' i ' grow like I)", () => {
    for (const label of ["Interest", "兴趣", " i ", "INTEREST"]) {
      const { layout, s } = build(SPEC_ROWS);
      s.set(input("A", 2, layout), label);
      expect(s.get(layout.check)).toBe("");
      expect(at(s, layout, "stage", 2)).toBe("I");
      expect(at(s, layout, "added", 2)).toBe(2_444_000);
    }
    const { layout, s } = build(SPEC_ROWS);
    s.set(input("A", 3, layout), "认知");
    s.set(input("A", 0, layout), "Loyalty");
    expect(sum(s, layout, "old")).toBeCloseTo(43_200_000, 4);
    expect(sum(s, layout, "new")).toBeCloseTo(26_250_000, 4);
  });

  it("on random plans, a planted bad input is named by its cell (and the summary is masked)", () => {
    const bad = fc.constantFrom(
      { col: "A", value: "X", msg: "stage must be" },
      { col: "C", value: "abc", msg: "count must be a number ≥ 0" },
      { col: "C", value: -5, msg: "count must be a number ≥ 0" },
      { col: "D", value: "abc", msg: "conversion must be a number between 0 and 1" },
      { col: "D", value: 2, msg: "conversion must be a number between 0 and 1" },
      { col: "E", value: "n/a", msg: "aov must be a number ≥ 0" },
      { col: "F", value: "free", msg: "cost must be blank or a number ≥ 0" },
      { col: "G", value: -1, msg: "capacity must be blank or a number ≥ 0" },
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.nat(), bad, (n, pick, b) => {
        const rows = Array.from({ length: n }, (_, i) => ({ ...SPEC_ROWS[i % 4] }));
        const { layout, s } = build(rows);
        expect(s.get(layout.check)).toBe("");
        const cell = input(b.col, pick % n, layout);
        s.set(cell, b.value);
        const msg = s.get(layout.check) as string;
        expect(msg.startsWith(`${cell}: ${b.msg}`)).toBe(true);
        expect(sum(s, layout, "baseline")).toBe("check inputs");
        expect(sum(s, layout, "planned_gmv")).toBe("");
      }),
      { numRuns: 25 },
    );
  });

  it("data validation of the inputs: the engine's stage labels as a list, decimal ranges for the numbers", () => {
    const { plan, layout } = build(SPEC_ROWS);
    const [i1, iN] = layout.inputRows;
    const by = Object.fromEntries((plan.validations ?? []).map((v) => [v.range, v.rule]));
    expect(by[`A${i1}:A${iN}`]).toEqual({
      kind: "list",
      values: ["A", "I", "P", "L", "Awareness", "Interest", "Purchase", "Loyalty", "认知", "兴趣", "购买", "忠诚"],
    });
    expect(by["B5"]).toEqual({ kind: "decimal", min: 0 });
    expect(by[`C${i1}:C${iN}`]).toEqual({ kind: "decimal", min: 0 });
    expect(by[`D${i1}:D${iN}`]).toEqual({ kind: "decimal", min: 0, max: 1 });
    for (const c of ["E", "F", "G"]) expect(by[`${c}${i1}:${c}${iN}`]).toEqual({ kind: "decimal", min: 0 });
    expect(plan.validations?.find((v) => v.range.startsWith("D"))?.message).toEqual({ title: "DTC Metrics", text: "A rate: a number between 0 and 1 (5% = 0.05)." });
  });
});
