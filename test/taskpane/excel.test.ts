/**
 * The Excel adapter against an `office-addin-mock` object model (test/taskpane/excelMock.ts):
 * the sheet, table, formulas, number formats, styles, conditional formats, chart, column widths,
 * the number of `context.sync()` calls, unique names, no overwrite, rollback, degrading when a
 * requirement set is missing, the selection, and the plan library.
 */
import { describe, expect, it } from "vitest";
import type { GtaRow } from "../../src/plan/gta";
import { gtaSheet } from "../../taskpane/planners/gtaSheet";
import { healthSheet } from "../../taskpane/planners/hotSheet";
import { escapeText, ExcelWorkbook, PLANS_NAMESPACE, PLANS_SETTING, plansXml, xmlText } from "../../taskpane/workbook/excel";
import { f, WorkbookError, type SheetPlan } from "../../taskpane/workbook/port";
import { bordersOf, cfsOf, excelMock } from "./excelMock";

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
    expect(block.formulas?.[1].slice(10)).toEqual(["=100*F6/B6", "=100*(G6/F6)/C6", "=100*D6/(H6/I6)", "=100*(J6/F6)/E6"]);
    expect(block.numberFormat?.[1].slice(10)).toEqual(["0.0", "0.0", "0.0", "0.0"]);
    expect(cfsOf(sheet.ranges.get("K6:N6")!)).toHaveLength(3);
    expect(state.syncs).toBe(3);
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

describe("plan library storage", () => {
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
