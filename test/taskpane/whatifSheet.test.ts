/**
 * The GTA what-if block of the plan sheet (sensitivity, tornado chart, budget cells) and the plan
 * comparison sheet:
 * - written through the Excel adapter on office-addin-mock (test/taskpane/excelMock.ts): the
 *   formulas, the note, the bar chart over the tornado's range, 3 syncs, a new sheet every time;
 * - evaluated live in HyperFormula with the BUILT DTC functions (DTC_DIST/functions.js through the
 *   workbench adapter, as in the workbench page), against values worked out by hand (the worked
 *   examples of docs/drafts/whatif.md);
 * - the core plan without the add-in: plain HyperFormula, where the DTC cells are #NAME? and the
 *   plan still equals the engine gta();
 * - the compact editor's helpers (preset, fill down, duplicate, incomplete rows).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import vm from "node:vm";
import * as fc from "fast-check";
import { DetailedCellError } from "hyperformula";
import { beforeAll, describe, expect, it } from "vitest";
import { gta, type GtaRow } from "../../src/plan/gta";
import { gtaBudget, gtaSensitivity } from "../../src/plan/gta-whatif";
import { hotplan } from "../../src/plan/hotplan";
import type { GtaPlan, HotplanPlan, Plan } from "../../src/plan/schema";
import { label } from "../../taskpane/i18n";
import { duplicateRow, emptyCrowd, fillDown, incompleteRows, presetRows, STRATEGY_CROWD_NAMES, validateGta, type GtaCrowdForm } from "../../taskpane/forms/gta";
import { compareSheet, match, wideColumns } from "../../taskpane/planners/compareSheet";
import { budgetCents, gtaSheet, gtaStarterSheet, type GtaLayout } from "../../taskpane/planners/gtaSheet";
import { TEMPLATES } from "../../taskpane/plans/templates";
import { parseRange } from "../../taskpane/workbook/a1";
import { blockRect, checkPlan } from "../../taskpane/workbook/check";
import { ExcelWorkbook } from "../../taskpane/workbook/excel";
import { isFormula, NATIVE_FUNCTIONS, type SheetPlan } from "../../taskpane/workbook/port";
import { WorkbenchWorkbook } from "../../workbench/adapter";
import { Book } from "../../workbench/book";
import { installCustomFunctions } from "../../workbench/custom-functions";
import { registerDtcFunctions } from "../../workbench/engine";
import { sampleBook } from "../../workbench/sample";
import { DIST } from "../harness/bundle";
import { excelMock, type MockState } from "./excelMock";
import { evaluate } from "./hf";

/** The table of the worked examples of docs/drafts/whatif.md (target 15,000). */
const EXAMPLE: GtaRow[] = [
  { stage: "P", crowd: "老客", count: 1000, conversion: 0.1, aov: 50 },
  { stage: "I", crowd: "Gen Z", count: 2000, conversion: 0.05, aov: 40, cost: 4, capacity: 1000 },
  { stage: "A", crowd: "白领", count: 5000, conversion: 0.01, aov: 40, cost: 0.6, capacity: 10000 },
];
const build = (rows = EXAMPLE, lang: "en" | "zh" = "en", target = 15_000) =>
  gtaSheet({ name: "What-if", target_gmv: target, crowds: rows }, lang, { whatIf: true });

const newSheets = (state: MockState) => state.sheets.filter((s) => !s.existing && !s.deleted);
const rowOf = (a1: string) => parseRange(a1).top + 1;
/** Every formula of a plan with the address of its cell. */
function formulas(plan: SheetPlan): { at: [number, number]; formula: string }[] {
  return plan.blocks.flatMap((b) => {
    const r = blockRect(b);
    return b.cells.flatMap((row, i) => row.flatMap((c, j) => (isFormula(c) ? [{ at: [r.top + i + 1, r.left + j] as [number, number], formula: c.formula }] : [])));
  });
}

// ------------------------------------------------------------------------------------------------
describe("the what-if block, written by the Excel adapter (office-addin-mock)", () => {
  it("sensitivity spill, budget pair, note, the tornado as a bar chart over its range, in 3 syncs", async () => {
    const { plan, layout } = build();
    checkPlan(plan);
    const w = layout.whatIf!;
    const { env, state } = excelMock();
    const res = await new ExcelWorkbook(env).createSheet(plan);
    expect(res.skipped).toEqual([]);
    expect(state.syncs).toBe(3);
    const [sheet] = newSheets(state);
    expect(sheet.name).toBe("GTA What-if");
    // The crowd table is A8:G11 (header + 3 rows); the target B5.
    const spill = rowOf(w.sensitivity);
    const sens = sheet.ranges.get(`A${spill}:F${spill + 3}`)!.formulas!;
    expect(sens[0]).toEqual(['=DTC.GTA($B$5,$A$8:$G$11,"sensitivity")', "", "", "", "", ""]);
    expect(sens.slice(1).flat().every((c) => c === "")).toBe(true);
    const b = rowOf(w.budget);
    expect(sheet.ranges.get(`B${b}`)!.formulas).toEqual([[6000]]); // the plan's added cost
    expect(sheet.ranges.get(`B${b}`)!.format.fill.color).toBe("#FFF2CC"); // an input (yellow)
    expect(sheet.ranges.get(`C${b}:H${b}`)!.formulas![0]).toEqual([`=DTC.GTA.BUDGET($B$${b},$A$8:$G$11,"summary")`, "", "", "", "", ""]);
    expect(sheet.ranges.get(`B${b - 1}:H${b - 1}`)!.formulas![0]).toEqual(["Budget (type here)", "Baseline GMV", "Budget", "Spent", "Added GMV", "Planned GMV", "Unspent"]);
    // The note says these cells need the add-in, and that the plan does not.
    const note = sheet.ranges.get(w.note)!.formulas![0][0] as string;
    expect(note).toContain("DTC.GTA");
    expect(note).toContain("#NAME?");
    expect(note).toContain("built-in Excel formulas");
    // Two charts: consumers by stage (columns) and the tornado (clustered bars over its data).
    expect(sheet.charts.map((c) => [c.type, c.source, c.seriesBy])).toEqual([
      ["ColumnClustered", layout.stages, "Columns"],
      ["BarClustered", w.tornado, "Columns"],
    ]);
    expect(sheet.charts[1].title.text).toBe("Tornado: change in the plan when one row moves ±10 %");
    // Its data rows (below the header): row k is the row of rank k, by INDEX/MATCH over the helpers.
    const t = parseRange(w.tornado);
    const tornado = sheet.ranges.get(`H${t.top + 2}:L${t.bottom + 1}`)!;
    expect(tornado.formulas![0][0]).toMatch(/^=INDEX\(X\$\d+:X\$\d+,MATCH\(1,Z\$\d+:Z\$\d+,0\)\)$/);
  });

  it("in Chinese: the note, the headers and the series names", async () => {
    const { plan, layout } = build(EXAMPLE, "zh");
    const { env, state } = excelMock();
    await new ExcelWorkbook(env).createSheet(plan);
    const [sheet] = newSheets(state);
    const w = layout.whatIf!;
    expect(sheet.ranges.get(w.note)!.formulas![0][0]).toBe(label("wi_note", "zh"));
    const head = rowOf(w.sensitivity) - 1;
    // Text with a digit is written with Excel's text prefix (shown without it).
    expect(sheet.ranges.get(`A${head}:F${head}`)!.formulas![0]).toEqual(["阶段", "人群", "'转化率 +10%", "'转化率 −10%", "'客单价 +10%", "'客单价 −10%"]);
    expect(sheet.charts[1].title.text).toBe("龙卷风图：单行 ±10% 时计划的变化");
  });

  it("only the what-if block calls DTC functions; every other formula is native, and the core is the sheet without it", () => {
    const { plan, layout } = build();
    const [top, bottom] = layout.whatIf!.rows;
    const all = formulas(plan);
    const dtc = all.filter((x) => /DTC\./.test(x.formula));
    expect(dtc).toHaveLength(2);
    for (const x of dtc) expect(x.at[0]).toBeGreaterThanOrEqual(top);
    for (const x of all.filter((y) => y.at[0] < top)) {
      for (const m of x.formula.replace(/"[^"]*"/g, '""').matchAll(/([A-Z][A-Z0-9.]*)\(/g)) expect(NATIVE_FUNCTIONS as readonly string[]).toContain(m[1]);
    }
    for (const x of all) expect(x.at[0]).toBeLessThanOrEqual(bottom);
    // Without the option, the sheet is the core plan, cell for cell.
    const core = gtaSheet({ name: "What-if", target_gmv: 15_000, crowds: EXAMPLE }, "en");
    expect(plan.blocks.slice(0, core.plan.blocks.length)).toEqual(core.plan.blocks);
    expect(plan.charts![0]).toEqual(core.plan.charts![0]);
    expect({ ...layout, whatIf: undefined }).toEqual({ ...core.layout, whatIf: undefined });
  });
});

// ------------------------------------------------------------------------------------------------
// Before the DTC functions are registered in HyperFormula (the next describe does it for the whole file).
describe("without the add-in (plain HyperFormula): the core plan still equals the engine", () => {
  it("the DTC cells are #NAME?; added, required and the summary equal gta() on random tables", () => {
    const stage = fc.constantFrom("A", "I", "P", "L") as fc.Arbitrary<GtaRow["stage"]>;
    const row: fc.Arbitrary<GtaRow> = fc.record(
      {
        stage,
        crowd: fc.constantFrom("", "Gen Z"),
        count: fc.integer({ min: 0, max: 5_000_000 }),
        conversion: fc.integer({ min: 0, max: 400 }).map((x) => x / 1000),
        aov: fc.integer({ min: 0, max: 2000 }),
        cost: fc.integer({ min: 0, max: 80 }),
        capacity: fc.integer({ min: 0, max: 400_000 }),
      },
      { requiredKeys: ["stage", "crowd", "count", "conversion", "aov"] },
    );
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 8 }), fc.integer({ min: 0, max: 1e9 }), (rows, target) => {
        const { plan, layout } = build(rows, "en", target);
        const s = evaluate(plan);
        expect((s.get(layout.whatIf!.sensitivity) as DetailedCellError).type).toBe("NAME");
        expect((s.get(layout.whatIf!.budgetSummary) as DetailedCellError).type).toBe("NAME");
        const res = gta(target, rows);
        res.rows.forEach((r, i) => {
          expect(s.get(`${layout.planCol.added}${layout.planRows[0] + i}`)).toBe(r.added);
          expect(s.get(`${layout.planCol.required}${layout.planRows[0] + i}`)).toBe(r.required);
        });
        const close = (a: unknown, b: number) => expect(Math.abs((a as number) - b)).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(b)));
        close(s.get(layout.summary.planned_gmv), res.summary.planned_gmv);
        close(s.get(layout.summary.added_cost), res.summary.added_cost);
      }),
      { numRuns: 40 },
    );
  });
});

// ------------------------------------------------------------------------------------------------
describe("live with the DTC functions (HyperFormula + the built functions.js, workbench adapter)", () => {
  beforeAll(() => {
    const standIn = installCustomFunctions(globalThis as never);
    vm.runInThisContext(readFileSync(path.join(DIST, "functions.js"), "utf8"), { filename: "functions.js" });
    registerDtcFunctions(JSON.parse(readFileSync(path.join(DIST, "functions.json"), "utf8")).functions, standIn.associated);
  });

  const memory = () => {
    const d = new Map<string, string>();
    return { getItem: (k: string) => d.get(k) ?? null, setItem: (k: string, v: string) => void d.set(k, v), removeItem: (k: string) => void d.delete(k) };
  };
  async function written(plan: SheetPlan) {
    const book = new Book(sampleBook(), memory());
    const wb = new WorkbenchWorkbook(book);
    const res = await wb.createSheet(plan);
    const sheet = book.hf.getSheetId(res.sheetName)!;
    const get = (a1: string): unknown => {
      const r = parseRange(a1);
      const v = book.hf.getCellValue({ sheet, row: r.top, col: r.left });
      return v instanceof DetailedCellError ? v.value : v;
    };
    const range = (a1: string): unknown[][] => {
      const r = parseRange(a1);
      return Array.from({ length: r.bottom - r.top + 1 }, (_, i) =>
        Array.from({ length: r.right - r.left + 1 }, (_, j) => {
          const v = book.hf.getCellValue({ sheet, row: r.top + i, col: r.left + j });
          return v instanceof DetailedCellError ? v.value : v;
        }),
      );
    };
    const set = (a1: string, text: string) => {
      const r = parseRange(a1);
      book.setTyped({ sheet, row: r.top, col: r.left }, text);
    };
    return { book, res, get, range, set };
  }
  const sensRange = (l: GtaLayout, n: number) => {
    const r = rowOf(l.whatIf!.sensitivity);
    return `A${r}:F${r + n}`;
  };
  const round = (m: unknown[][]) => m.map((r) => r.map((v) => (typeof v === "number" ? Math.round(v * 1e9) / 1e9 : v)));

  it("the worked example: marginal 1.5; P −750 / +1,000, I −600 / +892, A −817.8 / +1,200; the tornado largest last", async () => {
    const { plan, layout } = build();
    const { get, range } = await written(plan);
    const w = layout.whatIf!;
    // docs/drafts/whatif.md, worked by hand: A is filled first (0.6 ÷ 0.4 = 1.5 < 4 ÷ 2 = 2) and
    // takes exactly its capacity 10,000 for 6,000, so marginal = 1.5; each ±10 % re-planned.
    expect(round(range(sensRange(layout, 3)))).toEqual([
      ["MARGINAL", "", 1.5, "", "", ""],
      ["P", "老客", -750, 1000, -750, 1000],
      ["I", "Gen Z", -600, 892, -600, 892],
      ["A", "白领", -817.8, 1200, -817.8, 1200],
    ]);
    expect(get(w.marginal)).toBeCloseTo(1.5, 12);
    expect(get(`A${rowOf(w.marginal) + 1}`)).toBe(label("wi_unitCost", "en"));
    // Swings: P 1,000, I 892, A 1,200 → I, P, A (a bar chart draws the last row on top).
    expect(round(range(w.tornado))).toEqual([
      [null, "conversion +10%", "conversion −10%", "AOV +10%", "AOV −10%"],
      ["I · Gen Z", -600, 892, -600, 892],
      ["P · 老客", -750, 1000, -750, 1000],
      ["A · 白领", -817.8, 1200, -817.8, 1200],
    ]);
  });

  it('"what does a budget buy": 6,000 buys the plan back; 7,000 and 5,000 as worked by hand', async () => {
    const { plan, layout } = build();
    const { get, range, set } = await written(plan);
    const w = layout.whatIf!;
    const out = () => round(range(`C${rowOf(w.budget)}:H${rowOf(w.budget)}`))[0];
    expect(get(w.budget)).toBe(6000);
    // 6,000: A's 10,000 consumers (6,000, +4,000 GMV) → planned 15,000, the GTA plan's target.
    expect(out()).toEqual([11_000, 6000, 6000, 4000, 15_000, 0]);
    // 7,000: A 10,000 (6,000, +4,000), then I floor(1,000 ÷ 4) = 250 (1,000, +500).
    set(w.budget, "7000");
    expect(out()).toEqual([11_000, 7000, 7000, 4500, 15_500, 0]);
    // 5,000: A floor(5,000 ÷ 0.6) = 8,333 → 4,999.8, +3,333.2; 0.2 unspent.
    set(w.budget, "5000");
    expect(out()).toEqual([11_000, 5000, 4999.8, 3333.2, 14_333.2, 0.2]);
  });

  it("is live: an edit of the crowd table re-plans the sensitivity, the tornado and the budget; the deltas follow the engine on random tables", async () => {
    const { plan, layout } = build();
    const { range, set } = await written(plan);
    // A's conversion 1 % → 1.1 %: the "A +10 %" variant becomes the plan.
    set("D11", "0.011");
    const rows = EXAMPLE.map((r) => (r.stage === "A" ? { ...r, conversion: 0.011 } : r));
    const s = gtaSensitivity(15_000, rows);
    expect(range(sensRange(layout, 3)).slice(1)).toEqual(s.rows.map((d) => [d.stage, d.crowd, d.conversion_up, d.conversion_down, d.aov_up, d.aov_down]));
    const swings = range(layout.whatIf!.tornado).slice(1).map((r) => Math.max(...(r.slice(1) as number[]).map(Math.abs)));
    expect(swings).toEqual(s.rows.map((d) => Math.max(...[d.conversion_up, d.conversion_down, d.aov_up, d.aov_down].map(Math.abs))).sort((x, y) => x - y));

    const stage = fc.constantFrom("A", "I", "P", "L") as fc.Arbitrary<GtaRow["stage"]>;
    const row: fc.Arbitrary<GtaRow> = fc.record({
      stage,
      crowd: fc.constantFrom("", "Gen Z", "精致妈妈"),
      count: fc.integer({ min: 0, max: 50_000 }),
      conversion: fc.integer({ min: 1, max: 300 }).map((x) => x / 1000),
      aov: fc.integer({ min: 1, max: 500 }),
      cost: fc.integer({ min: 1, max: 40 }).map((x) => x / 10),
      capacity: fc.integer({ min: 0, max: 40_000 }),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 6 }), fc.integer({ min: 0, max: 3_000_000 }), async (t, target) => {
        const b = build(t, "en", target);
        const { range: r } = await written(b.plan);
        const exp = gtaSensitivity(target, t);
        expect(r(sensRange(b.layout, t.length)).slice(1)).toEqual(exp.rows.map((d) => [d.stage, d.crowd, d.conversion_up, d.conversion_down, d.aov_up, d.aov_down]));
        const plan = gta(target, t).summary;
        const budget = gtaBudget(budgetCents(plan.added_cost), t).summary;
        // The first budget is the plan's cost (up to the cent): it buys at least the plan (whole capacities).
        expect(budget.planned_gmv).toBeGreaterThanOrEqual(plan.planned_gmv - 1e-6 * Math.max(1, plan.planned_gmv));
        expect(r(`C${rowOf(b.layout.whatIf!.budget)}:H${rowOf(b.layout.whatIf!.budget)}`)[0]).toEqual([
          budget.baseline, budget.budget, budget.spent, budget.added_gmv, budget.planned_gmv, budget.unspent,
        ]);
      }),
      { numRuns: 15 },
    );
  });

  it('"Start from a sheet": blank inputs; the DTC cells report them; filled in, everything computes', async () => {
    const { plan, layout } = gtaStarterSheet({ name: "Blank", target_gmv: null, crowds: EXAMPLE.map((r) => ({ stage: r.stage, crowd: r.crowd })) }, "en");
    checkPlan(plan);
    const { range, get, set } = await written(plan);
    expect(range(layout.crowdTable).slice(1)).toEqual(EXAMPLE.map((r) => [r.stage, r.crowd, null, null, null, null, null]));
    expect(get(layout.target)).toBeNull();
    expect(get(layout.whatIf!.sensitivity)).toBe("#VALUE!");
    expect(get(layout.summary.baseline)).toBe(0);
    set(layout.target, "15000");
    EXAMPLE.forEach((r, i) => {
      const at = layout.inputRows[0] + i;
      set(`C${at}`, String(r.count));
      set(`D${at}`, String(r.conversion));
      set(`E${at}`, String(r.aov));
      if (r.cost !== undefined) set(`F${at}`, String(r.cost));
      if (r.capacity !== undefined) set(`G${at}`, String(r.capacity));
    });
    expect(get(layout.summary.baseline)).toBeCloseTo(11_000, 9);
    expect(get(layout.summary.added_cost)).toBeCloseTo(6000, 9);
    expect(round(range(sensRange(layout, 3)))[0]).toEqual(["MARGINAL", "", 1.5, "", "", ""]);
  });
});

// ------------------------------------------------------------------------------------------------
const gtaPlan = (name: string, target: number, crowds: GtaRow[], updated?: string): GtaPlan =>
  ({ schema: "dtc-plan", version: 1, kind: "gta", name, ...(updated ? { updated } : {}), inputs: { target_gmv: target, crowds } }) as GtaPlan;

describe("the comparison sheet", () => {
  const A = gtaPlan("Base", 15_000, EXAMPLE, "2025-10-01");
  // B: a higher target, Gen Z converting better, 白领 removed, a new A row.
  const B = gtaPlan("Stretch", 18_000, [
    EXAMPLE[0],
    { ...EXAMPLE[1], conversion: 0.06 },
    { stage: "A", crowd: "Gen Z", count: 20_000, conversion: 0.01, aov: 40, cost: 0.5 },
  ]);

  it("on office-addin-mock: a new sheet with a unique name, never touching the others; values and Δ formulas", async () => {
    const { plan, layout } = compareSheet(A, B, "en", { now: "2025-11-11" });
    checkPlan(plan);
    const { env, state } = excelMock({ sheets: ["Sheet1", "Compare Base vs Stretch"] });
    const res = await new ExcelWorkbook(env).createSheet(plan);
    expect(res.sheetName).toBe("Compare Base vs Stretch (2)");
    expect(state.sheets.filter((s) => s.existing).every((s) => s.ranges.size === 0 && !s.deleted)).toBe(true);
    const [sheet] = newSheets(state);
    const r = layout.rows["inputs.target_gmv"];
    expect(sheet.ranges.get(`A${r - 1}:E${r + 1}`)!.formulas!.slice(0, 2)).toEqual([
      ["", "A", "B", "Δ (B − A)", "Δ %"],
      ["Target GMV", 15_000, 18_000, `=IF(COUNT(B${r},C${r})<2,"",C${r}-B${r})`, `=IF(COUNT(B${r},C${r})<2,"",IF(B${r}=0,"",(C${r}-B${r})/ABS(B${r})))`],
    ]);
    expect(sheet.ranges.get("A1")!.formulas).toEqual([["Plan comparison: Base (A) vs Stretch (B)"]]);
    expect(sheet.ranges.get("A2")!.formulas![0][0]).toContain("2025-11-11");
    // Only native functions.
    for (const x of formulas(plan)) for (const m of x.formula.matchAll(/([A-Z][A-Z0-9.]*)\(/g)) expect(NATIVE_FUNCTIONS as readonly string[]).toContain(m[1]);
  });

  it("evaluated (HyperFormula): inputs and results side by side, Δ and Δ % worked out by hand", () => {
    const { plan, layout } = compareSheet(A, B, "en");
    const s = evaluate(plan, { exact: true });
    const line = (key: string, from = "B", to = "E") => s.range(`${from}${layout.rows[key]}:${to}${layout.rows[key]}`)[0];
    expect(line("inputs.target_gmv")).toEqual([15_000, 18_000, 3000, 0.2]);
    // A: baseline 11,000, A row takes its capacity: cost 6,000, planned 15,000, marginal 1.5.
    // B: P 5,000 + I 2,000 × 0.06 × 40 = 4,800 + A 20,000 × 0.01 × 40 = 8,000 → 17,800;
    //    gap 200; A key 0.5 ÷ 0.4 = 1.25 < I 4 ÷ 2.4 = 1.67: 200 ÷ 0.4 = 500 consumers, 250.
    expect(line("summary.baseline")).toEqual([11_000, 17_800, 6800, 6800 / 11_000]);
    expect(line("summary.gap")).toEqual([4000, 200, -3800, -0.95]);
    expect(line("summary.added_cost")).toEqual([6000, 250, -5750, -5750 / 6000]);
    expect(line("summary.marginal", "B", "D")).toEqual([1.4999999999999998, 1.25, 1.25 - 1.4999999999999998]);
    // Crowd rows matched by (stage, crowd): P, I Gen Z in both; A 白领 only in A; A Gen Z only in B.
    const keys = (k: string) => s.range(`A${layout.rows[k]}:B${layout.rows[k]}`)[0];
    expect([0, 1, 2, 3].map((i) => keys(`crowdInputs.${i}`))).toEqual([["P", "老客"], ["I", "Gen Z"], ["A", "白领"], ["A", "Gen Z"]]);
    const [ca, , , cp] = wideColumns(2, 1); // conversion
    expect(s.range(`${ca}${layout.rows["crowdInputs.1"]}:${cp}${layout.rows["crowdInputs.1"]}`)[0].map((v) => (typeof v === "number" ? Math.round(v * 1e12) / 1e12 : v))).toEqual([0.05, 0.06, 0.01, 0.2]);
    const [aa, ab, ad, ap] = wideColumns(2, 1); // added (field 1 of the row results)
    expect(s.range(`${aa}${layout.rows["rowResults.2"]}:${ap}${layout.rows["rowResults.2"]}`)[0]).toEqual([10_000, null, "", ""]);
    expect(s.range(`${aa}${layout.rows["rowResults.3"]}:${ad}${layout.rows["rowResults.3"]}`)[0]).toEqual([null, 500, ""]);
    expect(ab).toBe("H");
  });

  it("hot-product plans: inputs, totals, per phase and per crowd; Chinese labels", () => {
    const launch = TEMPLATES.find((t) => t.kind === "hotplan") as HotplanPlan;
    const other = { ...launch, name: "Launch B", name_zh: "新品 B", inputs: { ...launch.inputs, target_gmv: 45_000_000, crowds: launch.inputs.crowds.slice(0, 3), funnel: launch.inputs.funnel.slice(0, 3) } } as HotplanPlan;
    const { plan, layout } = compareSheet(launch, other, "zh");
    checkPlan(plan);
    const s = evaluate(plan);
    expect(s.get("A1")).toBe(`方案比较：${launch.name_zh}（A）与 新品 B（B）`);
    const ta = hotplan(launch.inputs).total;
    const tb = hotplan(other.inputs).total;
    const gmv = s.range(`B${layout.rows["summary.gmv"]}:D${layout.rows["summary.gmv"]}`)[0] as number[];
    expect(gmv[0]).toBeCloseTo(ta.gmv, 6);
    expect(gmv[1]).toBeCloseTo(tb.gmv, 6);
    expect(gmv[2]).toBeCloseTo(tb.gmv - ta.gmv, 6);
    expect(s.get(`D${layout.rows["summary.buyers"]}`)).toBe(tb.buyers - ta.buyers);
    // The fourth crowd is only in A: its B side is blank.
    const [, cb] = wideColumns(1, 0);
    expect(s.get(`${cb}${layout.rows["crowdInputs.3"]}`)).toBeNull();
    expect(s.get(`A${layout.rows["inputs.target_gmv"] - 1}`)).toBeNull();
    expect(s.get(`D${layout.rows["inputs.target_gmv"] - 1}`)).toBe("差异（B − A）");
  });

  it("refuses plans of two kinds; matching pairs the k-th occurrence with the k-th", () => {
    const hot = TEMPLATES.find((t) => t.kind === "hotplan") as Plan;
    expect(() => compareSheet(A, hot, "en")).toThrow();
    expect(match(["a", "b", "a", "c"], ["a", "d", "a", "a"], (x) => x)).toEqual([[0, 0], [1, null], [2, 2], [3, null], [null, 1], [null, 3]]);
  });
});

// ------------------------------------------------------------------------------------------------
describe("the compact editor's helpers", () => {
  const filled = (r: Partial<GtaCrowdForm>): GtaCrowdForm => ({ ...emptyCrowd(), count: "1", conversion: "0.1", aov: "10", ...r });

  it("the preset: chosen crowds × ticked stages in AIPL order, named in the display language, no duplicates", () => {
    const en = presetRows([emptyCrowd()], STRATEGY_CROWD_NAMES.en.slice(0, 2), ["L", "A"]);
    expect(en.first).toBe(0);
    expect(en.rows.map((r) => `${r.stage} ${r.crowd}`)).toEqual(["A New white-collar", "A Senior middle class", "L New white-collar", "L Senior middle class"]);
    const zh = presetRows([filled({ stage: "A", crowd: "新锐白领" })], STRATEGY_CROWD_NAMES.zh, ["A"]);
    expect(zh.first).toBe(1);
    expect(zh.rows.map((r) => r.crowd)).toEqual(["新锐白领", ...STRATEGY_CROWD_NAMES.zh.slice(1)]);
    expect(presetRows(zh.rows, STRATEGY_CROWD_NAMES.zh, ["A"]).first).toBe(-1);
    expect(STRATEGY_CROWD_NAMES.en).toHaveLength(8);
  });

  it("fill down copies the field to every row below (a blank clears them); duplicate inserts a copy below", () => {
    const rows = [filled({ cost: "3" }), filled({ cost: "1" }), filled({}), filled({ stage: "P", cost: "9" })];
    expect(fillDown(rows, 1, "cost").map((r) => r.cost)).toEqual(["3", "1", "1", "1"]);
    expect(fillDown(rows, 2, "cost").map((r) => r.cost)).toEqual(["3", "1", "", ""]);
    expect(fillDown(rows, 0, "stage").map((r) => r.stage)).toEqual(["I", "I", "I", "I"]);
    const d = duplicateRow(rows, 1);
    expect(d).toHaveLength(5);
    expect(d[2]).toEqual(rows[1]);
    expect(d[2]).not.toBe(rows[1]);
  });

  it("the first budget is the plan's cost rounded up to the cent", () => {
    expect([budgetCents(6000), budgetCents(0.29), budgetCents(1.001), budgetCents(5_763_704.8), budgetCents(0)]).toEqual([6000, 0.29, 1.01, 5_763_704.8, 0]);
  });

  it("incomplete rows name each row with its fields in column order", () => {
    const form = { name: "", target: "1", crowds: [filled({}), { ...emptyCrowd(), count: "5" }, filled({ conversion: "150%" })] };
    const v = validateGta(form, "en");
    expect(v.ok).toBe(false);
    const errors = v.ok ? {} : v.errors;
    expect(incompleteRows(errors)).toEqual([
      { row: 1, fields: ["conversion", "aov"] },
      { row: 2, fields: ["conversion"] },
    ]);
    expect(errors.name).toBeDefined();
  });
});
