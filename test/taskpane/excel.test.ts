/**
 * The Excel adapter against an `office-addin-mock` object model (test/taskpane/excelMock.ts):
 * the sheet, table, formulas, number formats, styles, conditional formats, chart, column widths,
 * the number of `context.sync()` calls, unique names, no overwrite, rollback, degrading when a
 * requirement set is missing, the selection, and the plan library.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { GtaRow } from "../../src/plan/gta";
import { MAX_LIBRARY_BYTES, readLibrary, writeLibrary } from "../../src/plan/store";
import type { Plan } from "../../src/plan/schema";
import { openLibrary, savePlanAction } from "../../taskpane/plans/actions";
import { label, strings } from "../../taskpane/i18n";
import { gtaSheet } from "../../taskpane/planners/gtaSheet";
import { healthSheet, hotSheet, type HotSheetInput } from "../../taskpane/planners/hotSheet";
import { parseRange } from "../../taskpane/workbook/a1";
import { blockRect } from "../../taskpane/workbook/check";
import {
  escapeText,
  ExcelWorkbook,
  MAX_SELECTION_CELLS,
  PLANS_NAMESPACE,
  PLANS_PARTS_NAMESPACE,
  PLANS_SETTING,
  plansXml,
  xmlText,
} from "../../taskpane/workbook/excel";
import { f, WorkbookError, type SheetPlan } from "../../taskpane/workbook/port";
import { jsonBytes } from "../../taskpane/workbook/requests";
import { bordersOf, cfsOf, excelMock, type MockState } from "./excelMock";

/** Excel on the web refuses a request over 5 MB; the adapter's budget per sync is 4 MB. */
const FOUR_MB = 4_000_000;
const maxSync = (state: MockState) => Math.max(...state.syncBytes);

/** The largest hot-product plan the pane accepts: 100 phases × 200 crowds, a funnel per crowd. */
function bigHotPlan(): HotSheetInput {
  return {
    product: "Serum 精华",
    target_gmv: 5_000_000_000,
    price: 23.09,
    units_per_buyer: 1.5,
    cost_ratio: 0.12,
    phases: Array.from({ length: 100 }, (_, i) => ({ name: `阶段 ${i + 1}`, weight: 1 + (i % 7) })),
    crowds: Array.from({ length: 200 }, (_, i) => ({ name: `人群 ${i + 1}`, share: 1 + (i % 5) })),
    funnel: Array.from({ length: 200 }, (_, i) => ({ i_to_p: 0.05 + (i % 10) / 100, a_to_i: 0.2 + (i % 3) / 10 })),
  };
}

const SMALL: SheetPlan = {
  baseName: "GTA Double 11",
  blocks: [
    { anchor: "A1", cells: [["Title"]], style: "title" },
    {
      anchor: "A3",
      cells: [
        ["stage", "count", "conversion"],
        ["I", 1500000, 0.05],
        ["A", 6000000, 0.005],
      ],
      formats: [
        [null, null, null],
        [null, "persons", "percent"],
        [null, "persons", "percent"],
      ],
    },
    {
      anchor: "E3",
      cells: [["buyers"], [f("=B4*C4")], [f("=B5*C5")], [f("SUM(E4:E5)")]],
      formats: [[null], ["persons"], ["persons"], ["persons"]],
      rowStyles: [
        { row: 0, style: "header" },
        { row: 3, style: "total" },
      ],
    },
  ],
  tables: [{ name: "DTC_GTA_Crowds", range: "A3:C5", style: "TableStyleMedium2" }],
  conditionalFormats: [
    {
      range: "E4:E5",
      rules: [
        { min: 100, color: "green" },
        { min: 80, max: 100, color: "amber" },
        { max: 80, color: "red" },
      ],
    },
  ],
  charts: [{ type: "columnClustered", title: "Buyers", source: "A3:B5", seriesBy: "columns", position: { from: "H2", to: "N16" } }],
  columnWidths: [{ column: "A", width: 110 }],
};

function newSheet(state: ReturnType<typeof excelMock>["state"]) {
  const added = state.sheets.filter((s) => !s.existing && !s.deleted);
  expect(added).toHaveLength(1);
  return added[0];
}

describe("createSheet", () => {
  it("adds a new sheet with formulas, formats, styles, table, conditional formats, chart, widths", async () => {
    const { env, state } = excelMock();
    const res = await new ExcelWorkbook(env).createSheet(SMALL);
    expect(res).toEqual({ sheetName: "GTA Double 11", tableNames: ["DTC_GTA_Crowds"], skipped: [] });
    const sheet = newSheet(state);
    expect(sheet.name).toBe("GTA Double 11");
    expect(sheet.activated).toBe(true);

    // Formulas: exactly the A1 strings, "=" added when missing; values as they are.
    expect(sheet.ranges.get("E3:E6")?.formulas).toEqual([["buyers"], ["=B4*C4"], ["=B5*C5"], ["=SUM(E4:E5)"]]);
    expect(sheet.ranges.get("A3:C5")?.formulas).toEqual([
      ["stage", "count", "conversion"],
      ["I", 1500000, 0.05],
      ["A", 6000000, 0.005],
    ]);
    // Number formats: Excel codes, General where none.
    expect(sheet.ranges.get("A3:C5")?.numberFormat).toEqual([
      ["General", "General", "General"],
      ["General", "#,##0", "0.0%"],
      ["General", "#,##0", "0.0%"],
    ]);
    // Styles: title, header row (bold, fill, bottom border), total row (top border).
    expect(sheet.ranges.get("A1")?.format.font).toMatchObject({ bold: true, size: 14 });
    expect(sheet.ranges.get("E3")?.format.fill.color).toBe("#DDEBF7");
    expect(bordersOf(sheet.ranges.get("E3")!).EdgeBottom?.style).toBe("Continuous");
    expect(bordersOf(sheet.ranges.get("E6")!).EdgeTop?.style).toBe("Continuous");

    // The table: on the new sheet, over A3:C5 with headers, named and styled.
    expect(state.tables).toEqual([
      { name: "DTC_GTA_Crowds", sheet: "GTA Double 11", range: "A3:C5", hasHeaders: true, style: "TableStyleMedium2" },
    ]);

    // Conditional formats: three cell-value rules in order, first match wins.
    const cfs = cfsOf(sheet.ranges.get("E4:E5")!);
    expect(cfs.map((c) => [c.type, c.cellValue.rule, c.cellValue.format.fill.color, c.stopIfTrue, c.priority])).toEqual([
      ["CellValue", { formula1: "=100", operator: "GreaterThanOrEqual" }, "#C6EFCE", true, 0],
      ["CellValue", { formula1: "=80", formula2: "=100", operator: "Between" }, "#FFEB9C", true, 1],
      ["CellValue", { formula1: "=80", operator: "LessThanOrEqual" }, "#FFC7CE", true, 2],
    ]);

    // The chart.
    expect(sheet.charts).toHaveLength(1);
    expect(sheet.charts[0]).toMatchObject({
      type: "ColumnClustered",
      source: "A3:B5",
      seriesBy: "Columns",
      title: { text: "Buyers" },
      legend: { position: "Bottom" },
      axes: { valueAxis: { numberFormat: "#,##0" } },
      position: ["H2", "N16"],
    });
    // Column widths.
    expect(sheet.ranges.get("A:A")?.format.columnWidth).toBe(110);
  });

  it("makes exactly 3 context.sync() calls for a 200-crowd GTA plan", async () => {
    const rows: GtaRow[] = Array.from({ length: 200 }, (_, i) => ({
      stage: (["A", "I", "P", "L"] as const)[i % 4],
      crowd: `crowd ${i + 1}`,
      count: 1000 + i,
      conversion: 0.05,
      aov: 200,
      cost: i % 3 ? 2 : undefined,
      capacity: i % 5 ? 10_000 : undefined,
    }));
    const { plan, layout } = gtaSheet({ name: "Big", target_gmv: 5e8, crowds: rows }, "en");
    const { env, state } = excelMock();
    const res = await new ExcelWorkbook(env).createSheet(plan);
    expect(state.runs).toEqual([3]);
    expect(state.syncs).toBe(3);
    const sheet = newSheet(state);
    expect(res.sheetName).toBe("GTA Big");
    // Spot-check the plan's formulas as written: row 1 and row 200 of the plan table.
    const planBlock = [...sheet.ranges.entries()].find(([a]) => a.startsWith(`A${layout.planRows[0] - 1}:`))!;
    const written = planBlock[1].formulas!;
    expect(written).toHaveLength(202); // header + 200 rows + TOTAL
    const p1 = layout.planRows[0];
    const i1 = layout.inputRows[0];
    expect(written[1][6]).toBe(`=D${p1}*E${p1}`); // buyers = count × conversion
    expect(written[1][7]).toBe(`=G${p1}*F${p1}`); // gmv = buyers × aov
    expect(written[200][3]).toBe(`=C${i1 + 199}`); // count refers to the input table
    expect(written[201][1]).toBe("TOTAL");
    expect(written[201][3]).toBe(`=SUM(D$${p1}:D$${p1 + 199})`);
    // The input table: 200 rows + header, as an Excel table.
    expect(state.tables[0].range).toBe(`A8:G208`);
    // Text that Excel would misread is protected: "crowd 1" holds a digit.
    const inputs = sheet.ranges.get(`A8:G208`)!.formulas!;
    expect(inputs[1]).toEqual(["A", "'crowd 1", 1000, 0.05, 200, "", ""]);
    expect(inputs[2]).toEqual(["I", "'crowd 2", 1001, 0.05, 200, 2, 10000]);
  });

  it("a 100 × 200 hot-product plan (over 8 MB) is written in several syncs, each under 4 MB", async () => {
    const { plan, layout } = hotSheet(bigHotPlan(), "zh");
    const { env, state } = excelMock();
    await new ExcelWorkbook(env).createSheet(plan);
    // Σ of what the writes carry: far over one request.
    const written = state.syncBytes.slice(2).reduce((a, x) => a + x, 0);
    expect(written).toBeGreaterThan(2 * FOUR_MB);
    expect(maxSync(state)).toBeLessThan(FOUR_MB);
    expect(state.runs[0]).toBeGreaterThan(4);
    expect(state.runs[0]).toBeLessThanOrEqual(2 + Math.ceil(written / (FOUR_MB * 0.75)));
    // Every cell of every block was written once, in bands of whole rows.
    const sheet = newSheet(state);
    const bands = [...sheet.ranges.entries()].filter(([, r]) => r.formulas !== undefined);
    for (const b of plan.blocks) {
      const want = blockRect(b);
      const mine = bands.map(([a]) => parseRange(a)).filter((r) => r.top >= want.top && r.bottom <= want.bottom && r.left === want.left);
      expect(mine.reduce((n, r) => n + (r.bottom - r.top + 1), 0)).toBe(want.bottom - want.top + 1);
      for (const r of mine) expect([r.left, r.right]).toEqual([want.left, want.right]);
    }
    // The plan block (20,000 rows) came in bands; a spot check of the last row's formulas.
    const last = layout.planRows[1];
    const band = bands.find(([a]) => parseRange(a).top <= last - 1 && parseRange(a).bottom >= last - 1)!;
    const row = band[1].formulas![last - 1 - parseRange(band[0]).top] as string[];
    const tHead = Number(layout.phasesTable.split(":")[0].slice(1));
    expect(row.slice(0, 2)).toEqual([`=$A$${tHead + 100}`, `=$D$${tHead + 200}`]);
    expect(state.tables.map((t) => t.range)).toEqual([layout.phasesTable, layout.crowdsTable]);
    expect(sheet.activated).toBe(true);
  });

  it("a failure in a later write sync of a big plan removes the sheet", async () => {
    const { plan } = hotSheet(bigHotPlan(), "en");
    const { env, state } = excelMock({ failSync: 4 });
    const err = await new ExcelWorkbook(env).createSheet(plan).catch((e: unknown) => e);
    expect((err as WorkbookError).code).toBe("host");
    expect(state.sheets.filter((s) => !s.existing).map((s) => s.deleted)).toEqual([true]);
    expect(state.tables).toEqual([]);
    expect(state.runs).toEqual([5]); // names, reserve, 2 write syncs (the 2nd fails), rollback
  });

  it("never overwrites: a taken sheet name gets (2), (3)…; a taken table name moves to the next n", async () => {
    const { env, state } = excelMock({
      sheets: ["Sheet1", "gta double 11"],
      tables: [{ name: "DTC_GTA_Crowds_2", sheet: "Sheet1" }],
    });
    const res = await new ExcelWorkbook(env).createSheet(SMALL);
    // n = 1: the sheet name is taken (case-insensitively); n = 2: the table name is taken → n = 3.
    expect(res.sheetName).toBe("GTA Double 11 (3)");
    expect(res.tableNames).toEqual(["DTC_GTA_Crowds_3"]);
    // The existing sheets were not written to, and the existing table is untouched.
    for (const s of state.sheets.filter((x) => x.existing)) {
      expect(s.ranges.size).toBe(0);
      expect(s.deleted).toBe(false);
    }
    expect(state.tables[0]).toMatchObject({ name: "DTC_GTA_Crowds_2", sheet: "Sheet1" });
    expect(state.syncs).toBe(3);
  });

  it("a refused plan (overlapping blocks) writes nothing and makes no sync", async () => {
    const { env, state } = excelMock();
    const bad: SheetPlan = { ...SMALL, blocks: [...SMALL.blocks, { anchor: "B4", cells: [[1]] }] };
    const err = await new ExcelWorkbook(env).createSheet(bad).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WorkbookError);
    expect((err as WorkbookError).code).toBe("invalidPlan");
    expect((err as WorkbookError).detail).toMatch(/overlap/);
    expect(state.syncs).toBe(0);
    expect(state.sheets).toHaveLength(1);
  });

  it("when the host fails while writing, the new sheet is removed: nothing half-written stays", async () => {
    const { env, state } = excelMock({ failSync: 3 });
    const err = await new ExcelWorkbook(env).createSheet(SMALL).catch((e: unknown) => e);
    expect((err as WorkbookError).code).toBe("host");
    expect((err as WorkbookError).detail).toMatch(/simulated/);
    const added = state.sheets.filter((s) => !s.existing);
    expect(added).toHaveLength(1);
    expect(added[0].deleted).toBe(true);
    expect(state.tables).toEqual([]);
    // 3 syncs, then 1 for the rollback.
    expect(state.runs).toEqual([4]);
  });

  it("when reserving the name fails (a sheet of that name appeared meanwhile), nothing is deleted", async () => {
    const { env, state } = excelMock({ failSync: 2 });
    const err = await new ExcelWorkbook(env).createSheet(SMALL).catch((e: unknown) => e);
    expect((err as WorkbookError).code).toBe("host");
    expect(state.sheets.filter((s) => s.deleted)).toEqual([]);
    expect(state.runs).toEqual([2]);
  });

  it("degrades without ExcelApi 1.6 (no conditional formats) and 1.8 (no chart axis format)", async () => {
    const { env, state } = excelMock({ missing: ["1.6", "1.8"] });
    const res = await new ExcelWorkbook(env).createSheet(SMALL);
    expect(res.skipped).toEqual(["conditionalFormats"]);
    const sheet = newSheet(state);
    expect(cfsOf(sheet.ranges.get("E3:E6")!)).toEqual([]);
    expect(sheet.ranges.has("E4:E5")).toBe(false);
    expect(sheet.charts[0].axes.valueAxis.numberFormat).toBeUndefined();
    expect(sheet.charts[0].title.text).toBe("Buyers");
  });

  it("skips the table and the chart without ExcelApi 1.1, and column widths without 1.2", async () => {
    const { env, state } = excelMock({ missing: ["1.1", "1.2"] });
    const res = await new ExcelWorkbook(env).createSheet(SMALL);
    expect(res.skipped).toEqual(["tables", "charts", "columnWidths"]);
    expect(res.tableNames).toEqual([]);
    const sheet = newSheet(state);
    expect(sheet.charts).toEqual([]);
    expect(state.tables).toEqual([]);
    expect(sheet.ranges.has("A:A")).toBe(false);
    // The cells are written all the same.
    expect(sheet.ranges.get("E3:E6")?.formulas?.[1]).toEqual(["=B4*C4"]);
    expect(state.syncs).toBe(3);
  });

  it("writes the health sheet's index formulas and traffic lights", async () => {
    const { plan } = healthSheet(
      {
        product: "Serum",
        phases: [
          {
            phase: "启动期",
            plan: { reached: 1e6, precision: 0.75, cost_ratio: 0.1, conversion: 0.02 },
            actual: { reached: 1e6, reached_in_target_crowds: 640000, spend: 1e5, gmv: 1e6, buyers: 20000 },
          },
        ],
      },
      "zh",
    );
    const { env, state } = excelMock();
    const res = await new ExcelWorkbook(env).createSheet(plan);
    expect(res.sheetName).toBe("健康度 Serum");
    const sheet = newSheet(state);
    const block = sheet.ranges.get("A5:N6")!;
    expect(block.formulas?.[1].slice(10)).toEqual([
      '=IF(OR(F6=""),"",100*F6/B6)',
      '=IF(OR(F6="",G6=""),"",100*(G6/F6)/C6)',
      '=IF(OR(H6="",I6=""),"",100*D6/(H6/I6))',
      '=IF(OR(F6="",J6=""),"",100*(J6/F6)/E6)',
    ]);
    expect(block.numberFormat?.[1].slice(10)).toEqual(["0.0", "0.0", "0.0", "0.0"]);
    expect(cfsOf(sheet.ranges.get("K6:N6")!)).toHaveLength(3);
    expect(state.syncs).toBe(3);
  });
});

describe("data validation of the plan sheets' inputs (ExcelApi 1.8, issue 18)", () => {
  const rows: GtaRow[] = [
    { stage: "I", crowd: "Gen Z", count: 1000, conversion: 0.05, aov: 200 },
    { stage: "A", crowd: "", count: 5000, conversion: 0.01, aov: 200 },
  ];

  it("sets range.dataValidation.rule (a list of the stage labels, decimal ranges) with a stop alert, in the same syncs", async () => {
    const { plan, layout } = gtaSheet({ name: "V", target_gmv: 1e6, crowds: rows }, "en");
    const { env, state } = excelMock();
    const res = await new ExcelWorkbook(env).createSheet(plan);
    expect(res.skipped).toEqual([]);
    const sheet = newSheet(state);
    const [i1, iN] = layout.inputRows;
    const dv = (a: string) => sheet.ranges.get(a)?.dataValidation;
    expect(dv(`A${i1}:A${iN}`)?.rule).toEqual({
      list: { inCellDropDown: true, source: "A,I,P,L,Awareness,Interest,Purchase,Loyalty,认知,兴趣,购买,忠诚" },
    });
    expect(dv(`D${i1}:D${iN}`)?.rule).toEqual({ decimal: { formula1: 0, formula2: 1, operator: "Between" } });
    expect(dv(`C${i1}:C${iN}`)?.rule).toEqual({ decimal: { formula1: 0, operator: "GreaterThanOrEqualTo" } });
    expect(dv("B5")?.rule).toEqual({ decimal: { formula1: 0, operator: "GreaterThanOrEqualTo" } });
    expect(dv(`D${i1}:D${iN}`)?.errorAlert).toEqual({ showAlert: true, style: "Stop", title: "DTC Metrics", message: "A rate: a number between 0 and 1 (5% = 0.05)." });
    expect(dv(`D${i1}:D${iN}`)?.ignoreBlanks).toBe(true);
    expect(state.syncs).toBe(3);
  });

  it("hot-product sheet: price > 0 (GreaterThan), rates Between 0 and 1; health sheet: actuals ≥ 0", async () => {
    const hot: HotSheetInput = {
      product: "Serum", target_gmv: 1e6, price: 150, phases: [{ name: "a", weight: 1 }], crowds: [{ name: "c", share: 1 }],
      funnel: [{ i_to_p: 0.2, a_to_i: 0.3 }],
    };
    const { env, state } = excelMock();
    await new ExcelWorkbook(env).createSheet(hotSheet(hot, "zh").plan);
    const sheet = newSheet(state);
    expect(sheet.ranges.get("B6:B7")?.dataValidation.rule).toEqual({ decimal: { formula1: 0, operator: "GreaterThan" } });
    expect(sheet.ranges.get("B9:B10")?.dataValidation.rule).toEqual({ decimal: { formula1: 0, formula2: 1, operator: "Between" } });
    expect((sheet.ranges.get("B6:B7")?.dataValidation.errorAlert as { message: string }).message).toBe("大于 0 的数字。");
    const h = healthSheet({ product: "Serum", phases: [{ phase: "a", plan: { reached: 1, precision: 0.5, cost_ratio: 0.1, conversion: 0.1 } }] }, "en");
    const m = excelMock();
    await new ExcelWorkbook(m.env).createSheet(h.plan);
    expect(newSheet(m.state).ranges.get("F6:J6")?.dataValidation.rule).toEqual({ decimal: { formula1: 0, operator: "GreaterThanOrEqualTo" } });
  });

  it("without ExcelApi 1.8 the validation is skipped and reported; the cells are written", async () => {
    const { plan } = gtaSheet({ name: "V", target_gmv: 1e6, crowds: rows }, "en");
    const { env, state } = excelMock({ missing: ["1.8"] });
    const res = await new ExcelWorkbook(env).createSheet(plan);
    expect(res.skipped).toEqual(["dataValidation"]);
    const sheet = newSheet(state);
    expect([...sheet.ranges.values()].some((r) => r.dataValidation.rule !== undefined)).toBe(false);
    expect(sheet.ranges.get("A8:G10")?.formulas?.[1][0]).toBe("I");
  });
});

describe("text escaping", () => {
  it("protects text Excel would read as a formula, number, date or boolean", () => {
    expect(escapeText("Gen Z")).toBe("Gen Z");
    expect(escapeText("新锐白领")).toBe("新锐白领");
    expect(escapeText("=1+1")).toBe("'=1+1");
    expect(escapeText("-3")).toBe("'-3");
    expect(escapeText("2025")).toBe("'2025");
    expect(escapeText("5%")).toBe("'5%");
    expect(escapeText("TRUE")).toBe("'TRUE");
    expect(escapeText("11/11")).toBe("'11/11");
  });
});

describe("readSelection", () => {
  const rows = (n: number, cols = 3) => Array.from({ length: n }, (_, i) => Array.from({ length: cols }, (_, j) => (j === 0 ? `crowd ${i}` : i * 0.1 + j)));

  it("a whole column is cut to the used range and read", async () => {
    const used = rows(1200);
    const { env, state } = excelMock({
      selection: { address: "Sheet1!A:C", values: [], rowCount: 1_048_576, columnCount: 3, used: { address: "Sheet1!A1:C1200", values: used } },
    });
    const sel = await new ExcelWorkbook(env).readSelection();
    expect(sel).toEqual({ address: "Sheet1!A1:C1200", values: used });
    expect(state.runs).toEqual([3]);
  });

  it("still too large after the cut: refused as selectionTooLarge, saying why (not noSelection)", async () => {
    const { env, state } = excelMock({
      selection: {
        address: "Sheet1!A:Z",
        values: [],
        rowCount: 1_048_576,
        columnCount: 26,
        used: { address: "Sheet1!A1:Z300000", values: [], rowCount: 300_000, columnCount: 26 },
      },
    });
    const err = (await new ExcelWorkbook(env).readSelection().catch((e: unknown) => e)) as WorkbookError;
    expect(err).toBeInstanceOf(WorkbookError);
    expect(err.code).toBe("selectionTooLarge");
    expect(err.detail).toBe("Sheet1!A1:Z300000: 7,800,000 > 200,000");
    expect(state.valueReads).toEqual([]); // no values were requested
    expect(label("err_selectionTooLarge", "en", { detail: err.detail })).toBe(
      "The selection holds too many cells to read, even cut to the cells in use (Sheet1!A1:Z300000: 7,800,000 > 200,000). Select only the table.",
    );
    expect(label("err_selectionTooLarge", "zh", { detail: err.detail })).toContain("所选区域的单元格太多");
  });

  it("a selection of more cells than the limit, without a used range to cut to, is refused too", async () => {
    const n = MAX_SELECTION_CELLS / 4 + 1;
    const { env } = excelMock({ selection: { address: "Sheet1!A1:D50001", values: [], rowCount: n, columnCount: 4 } });
    const err = (await new ExcelWorkbook(env).readSelection().catch((e: unknown) => e)) as WorkbookError;
    expect([err.code, err.detail]).toEqual(["selectionTooLarge", "Sheet1!A1:D50001: 200,004 > 200,000"]);
  });

  it("a large selection is read in bands of rows, each sync under 4 MB", async () => {
    // 50,000 rows × 4 columns of long text: about 5 MB of values.
    const text = "x".repeat(30);
    const big = Array.from({ length: 50_000 }, (_, i) => [`${text} ${i}`, i, `${text}&<"'`, i / 3]);
    const { env, state } = excelMock({ selection: { address: "Sheet1!B2:E50001", values: big } });
    const sel = await new ExcelWorkbook(env).readSelection();
    expect(sel.address).toBe("Sheet1!B2:E50001");
    expect(sel.values).toEqual(big);
    expect(jsonBytes(big)).toBeGreaterThan(FOUR_MB);
    expect(maxSync(state)).toBeLessThan(FOUR_MB);
    expect(state.valueReads.length).toBeGreaterThan(2);
    expect(state.valueReads[0]).toBe("Sheet1!B2:E12501"); // the first band: 50,000 cells
  });

  it("a small selection whose values are still too large for the host is read again in halves", async () => {
    const big = rows(1000, 2);
    const { env, state } = excelMock({ selection: { address: "Sheet1!A1:B1000", values: big }, failSync: 2, failCode: "ResponsePayloadSizeLimitExceeded" });
    expect((await new ExcelWorkbook(env).readSelection()).values).toEqual(big);
    expect(state.valueReads).toEqual(["Sheet1!A1:B500", "Sheet1!A501:B1000"]);
  });

  it("a band the host still finds too large is halved and read again", async () => {
    const big = rows(40_000, 2);
    const { env, state } = excelMock({ selection: { address: "Sheet1!A1:B40000", values: big }, failSync: 2, failCode: "ResponsePayloadSizeLimitExceeded" });
    const sel = await new ExcelWorkbook(env).readSelection();
    expect(sel.values).toEqual(big);
    expect(state.valueReads[0]).toBe("Sheet1!A1:B12500");
  });

  it("returns the address and values after one load and sync", async () => {
    const values = [
      ["阶段", "人数"],
      ["I", 1500000],
    ];
    const { env, state } = excelMock({ selection: { address: "Sheet1!B2:C3", values } });
    const sel = await new ExcelWorkbook(env).readSelection();
    expect(sel).toEqual({ address: "Sheet1!B2:C3", values });
    expect(state.runs).toEqual([2]);
  });

  it("no selection → WorkbookError noSelection", async () => {
    const { env } = excelMock();
    const err = await new ExcelWorkbook(env).readSelection().catch((e: unknown) => e);
    expect((err as WorkbookError).code).toBe("noSelection");
  });
});

/** A valid library of `n` plans with long English and Chinese descriptions and XML specials. */
function bigLibrary(n: number, tag = ""): string {
  const t = JSON.parse(readFileSync(join(__dirname, "../../taskpane/templates/launch-hotplan.json"), "utf8")) as Plan;
  const plans = Array.from({ length: n }, (_, i) => ({
    ...t,
    name: `Plan ${i} <R&D> "${tag}"`,
    name_zh: `方案 ${i}${tag}`,
    description: `${"Launch & grow < 5 > ".repeat(190)}${i}`.slice(0, 4000),
    description_zh: `${"新品上市，爆品目标拆解；".repeat(330)}${i}`.slice(0, 4000),
  }));
  const text = writeLibrary({ plans: plans as Plan[] });
  const r = readLibrary(text);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return text;
}

/** What a saved .xlsx keeps of the host state: parts (not deleted) and settings. */
function reopen(state: MockState, missing?: string[]) {
  const parts = state.parts.filter((p) => !p.deleted).map((p) => ({ namespace: p.namespace, xml: p.xml }));
  return excelMock({ parts, settings: Object.fromEntries(state.settings), missing });
}

for (const host of [
  { name: "custom XML parts (ExcelApi 1.5)", missing: undefined },
  { name: "workbook settings (ExcelApi 1.4)", missing: ["1.5", "1.6"] },
]) {
  describe(`a plan library over 4 MB, in ${host.name}`, () => {
    const text = bigLibrary(499);

    it("is saved in parts, every sync under 4 MB, and reads back identical after a reload", async () => {
      expect(Buffer.byteLength(text)).toBeGreaterThan(2 * FOUR_MB);
      expect(Buffer.byteLength(text)).toBeLessThan(MAX_LIBRARY_BYTES);
      const first = excelMock({ missing: host.missing });
      await new ExcelWorkbook(first.env).savePlans(text);
      expect(maxSync(first.state)).toBeLessThan(FOUR_MB);
      const stored = host.missing ? [...first.state.settings.keys()] : first.state.parts.filter((p) => !p.deleted);
      expect(stored.length).toBeGreaterThanOrEqual(3);
      if (!host.missing) expect(first.state.parts.filter((p) => p.namespace === PLANS_NAMESPACE)).toHaveLength(1);

      const second = reopen(first.state, host.missing);
      expect(await new ExcelWorkbook(second.env).loadPlans()).toBe(text);
      expect(maxSync(second.state)).toBeLessThan(FOUR_MB);
      // The pane's own path: open, validate, save one more plan; still every sync under 4 MB.
      const wb = new ExcelWorkbook(second.env);
      const lib = await openLibrary(wb);
      expect(lib.status === "ok" && lib.library.plans).toHaveLength(499);
      const extra = (lib.status === "ok" ? lib.library.plans[0] : undefined) as Plan;
      const before = second.state.syncBytes.length;
      expect((await savePlanAction(wb, { ...extra, name: "One more" })).kind).toBe("done");
      expect(second.state.syncBytes.length - before).toBeGreaterThan(4); // read in parts, then written in parts
      expect(maxSync(second.state)).toBeLessThan(FOUR_MB);
      const third = await openLibrary(new ExcelWorkbook(reopen(second.state, host.missing).env));
      expect(third.status === "ok" && third.library.plans.map((p) => p.name).slice(-2)).toEqual([`Plan 498 <R&D> ""`, "One more"]);
    });

    it("saving again replaces every part; nothing of the previous library is left", async () => {
      const { env, state } = excelMock({ missing: host.missing });
      const wb = new ExcelWorkbook(env);
      await wb.savePlans(text);
      const smaller = bigLibrary(300, "v2");
      await wb.savePlans(smaller);
      expect(await wb.loadPlans()).toBe(smaller);
      await wb.savePlans("{}");
      expect(await wb.loadPlans()).toBe("{}");
      // Back to one part: the plain text, as an earlier version stored it.
      if (host.missing) expect([...state.settings.keys()]).toEqual([PLANS_SETTING]);
      else expect(state.parts.filter((p) => !p.deleted).map((p) => p.xml)).toEqual([plansXml("{}")]);
      expect(maxSync(state)).toBeLessThan(FOUR_MB);
    });

    it("a save that fails half-way leaves the previous library readable; the next save cleans up", async () => {
      const { env, state } = excelMock({ missing: host.missing });
      const wb = new ExcelWorkbook(env);
      const before = bigLibrary(400, "before");
      await wb.savePlans(before);
      // Sync 1 loads the names, sync 2 writes the new library's second part and fails (the
      // mock applies the write, the worst case): the head, written last, is the previous one.
      state.failSync = 2;
      const err = await wb.savePlans(bigLibrary(450, "after")).catch((e: unknown) => e);
      expect((err as WorkbookError).code).toBe("host");
      expect(await wb.loadPlans()).toBe(before);
      expect(await new ExcelWorkbook(reopen(state, host.missing).env).loadPlans()).toBe(before);
      await wb.savePlans("{}");
      expect(await wb.loadPlans()).toBe("{}");
      if (host.missing) expect([...state.settings.keys()]).toEqual([PLANS_SETTING]);
      else expect(state.parts.filter((p) => !p.deleted)).toHaveLength(1);
    });

    it("a missing part is reported (libraryIncomplete), and nothing is written over the library", async () => {
      const first = excelMock({ missing: host.missing });
      await new ExcelWorkbook(first.env).savePlans(text);
      if (host.missing) {
        const k = [...first.state.settings.keys()].find((x) => x !== PLANS_SETTING)!;
        first.state.settings.delete(k);
      } else {
        first.state.parts.find((p) => p.namespace === PLANS_PARTS_NAMESPACE)!.deleted = true;
      }
      const second = reopen(first.state, host.missing);
      const wb = new ExcelWorkbook(second.env);
      const err = (await wb.loadPlans().catch((e: unknown) => e)) as WorkbookError;
      expect(err.code).toBe("libraryIncomplete");
      expect(err.detail).toMatch(/^\d+ \/ \d+$/);
      const lib = await openLibrary(wb);
      expect(lib.status === "unavailable" && lib.message.en).toMatch(/^The plans stored in this workbook are incomplete \(part \d+ \/ \d+ is missing\)/);
      expect(lib.status === "unavailable" && lib.message.zh).toContain("方案不完整");
      const xmlBefore = second.state.parts.map((p) => p.xml);
      const settingsBefore = [...second.state.settings.entries()];
      expect((await savePlanAction(wb, JSON.parse(readFileSync(join(__dirname, "../../taskpane/templates/618-gta.json"), "utf8")))).kind).toBe("refused");
      expect(second.state.parts.map((p) => p.xml)).toEqual(xmlBefore);
      expect([...second.state.settings.entries()]).toEqual(settingsBefore);
    });
  });
}

describe("plan library storage", () => {
  it("a library written before in ONE part (up to 16 MiB) still loads", async () => {
    const text = bigLibrary(500);
    const xml = excelMock({ parts: [{ namespace: PLANS_NAMESPACE, xml: plansXml(text) }] });
    expect(await new ExcelWorkbook(xml.env).loadPlans()).toBe(text);
    const settings = excelMock({ settings: { [PLANS_SETTING]: text }, missing: ["1.5", "1.6"] });
    expect(await new ExcelWorkbook(settings.env).loadPlans()).toBe(text);
  });

  it("every error code has an English and a Chinese message", () => {
    const codes = ["invalidPlan", "occupied", "tableExists", "noSelection", "selectionTooLarge", "libraryIncomplete", "unsupported", "host"];
    for (const c of codes) {
      const e = strings[`err_${c}` as keyof typeof strings];
      expect(e?.en, c).toBeTruthy();
      expect(e?.zh, c).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  const text = JSON.stringify({ schema: "dtc-plan-library", version: 1, plans: [{ name: "a<b & \"c\"" }] });

  it("round-trips through one custom XML part (ExcelApi 1.5)", async () => {
    const { env, state } = excelMock();
    const wb = new ExcelWorkbook(env);
    expect(await wb.loadPlans()).toBeNull();
    await wb.savePlans(text);
    expect(state.parts).toHaveLength(1);
    expect(state.parts[0].namespace).toBe(PLANS_NAMESPACE);
    expect(state.parts[0].xml).toContain("a&lt;b &amp;");
    expect(await wb.loadPlans()).toBe(text);
    // Saving again replaces the part instead of adding one.
    await wb.savePlans("{}");
    expect(state.parts.filter((p) => !p.deleted)).toHaveLength(1);
    expect(await wb.loadPlans()).toBe("{}");
  });

  it("falls back to workbook settings on ExcelApi 1.4", async () => {
    const { env, state } = excelMock({ missing: ["1.5", "1.6"] });
    const wb = new ExcelWorkbook(env);
    expect(await wb.loadPlans()).toBeNull();
    await wb.savePlans(text);
    expect(state.settings.get(PLANS_SETTING)).toBe(text);
    expect(state.parts).toEqual([]);
    expect(await wb.loadPlans()).toBe(text);
    expect((await wb.capabilities()).planStorage).toBe(true);
  });

  it("refuses on hosts with neither", async () => {
    const { env } = excelMock({ missing: ["1.4", "1.5"] });
    const wb = new ExcelWorkbook(env);
    expect((await wb.capabilities()).planStorage).toBe(false);
    expect(((await wb.loadPlans().catch((e: unknown) => e)) as WorkbookError).code).toBe("unsupported");
  });

  it("reads the library back from XML written by other tools", () => {
    expect(xmlText(plansXml(text))).toBe(text);
    expect(xmlText(`<?xml version="1.0"?><p:plans xmlns:p="${PLANS_NAMESPACE}"><![CDATA[{"a":"<"}]]></p:plans>`)).toBe('{"a":"<"}');
    expect(xmlText(`<plans xmlns="${PLANS_NAMESPACE}">&#x4E2D;&#25991;&quot;</plans>`)).toBe('中文"');
  });
});
