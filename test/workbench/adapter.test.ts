/*
 * The workbench adapter of the Workbook port (workbench/adapter.ts) in Node, on the sample
 * workbook: new sheets with live formulas, unique names, all-or-nothing refusals, text kept as
 * text, the selection as Office.js gives it, and plan storage that survives a reload.
 */
import { DetailedCellError } from "hyperformula";
import { describe, expect, it } from "vitest";
import { f, WorkbookError, type SheetPlan } from "../../taskpane/workbook/port";
import { parseRange, type Rect } from "../../taskpane/workbook/a1";
import { WorkbenchWorkbook } from "../../workbench/adapter";
import { Book, parseSavedBook, STORAGE_KEY, type KeyValueStore } from "../../workbench/book";
import { sampleBook } from "../../workbench/sample";
import { gtaSheet } from "../../taskpane/planners/gtaSheet";
import { SPEC10_CROWDS } from "./fixtures";

class MemoryStore implements KeyValueStore {
  readonly data = new Map<string, string>();
  getItem(k: string): string | null {
    return this.data.get(k) ?? null;
  }
  setItem(k: string, v: string): void {
    this.data.set(k, v);
  }
  removeItem(k: string): void {
    this.data.delete(k);
  }
}

/** A book on the sample, an adapter, and a settable selection standing in for the grid. */
function setup(store = new MemoryStore()) {
  const book = new Book(sampleBook(), store);
  let sel: { sheet: number; range: Rect } = { sheet: book.sheetIds()[0], range: parseRange("A1") };
  const view = {
    selection: () => sel,
    activate: (id: number) => book.setActive(id),
  };
  const wb = new WorkbenchWorkbook(book, view);
  const select = (sheet: string, a1: string): void => {
    sel = { sheet: book.hf.getSheetId(sheet)!, range: parseRange(a1) };
  };
  const value = (sheet: string, a1: string): unknown => {
    const r = parseRange(a1);
    const v = book.hf.getCellValue({ sheet: book.hf.getSheetId(sheet)!, row: r.top, col: r.left });
    return v instanceof DetailedCellError ? v.value : v;
  };
  const set = (sheet: string, a1: string, text: string): void => {
    const r = parseRange(a1);
    book.setTyped({ sheet: book.hf.getSheetId(sheet)!, row: r.top, col: r.left }, text);
  };
  return { book, wb, store, select, value, set };
}

/** A small plan sheet: the L and P rows of SPEC 10 with buyers = count × conversion and a total. */
function plan(): SheetPlan {
  return {
    baseName: "Plan",
    blocks: [
      { anchor: "A1", cells: [["Test plan"]], style: "title" },
      {
        anchor: "A3",
        cells: [
          ["stage", "count", "conversion", "buyers"],
          ["L", 200000, 0.3, f("=B4*C4")],
          ["P", 800000, 0.08, f("=B5*C5")],
        ],
        formats: [
          [null, null, null, null],
          [null, "persons", "percent", "persons"],
          [null, "persons", "percent", "persons"],
        ],
      },
      { anchor: "A6", cells: [["TOTAL", f("=SUM(B4:B5)"), null, f("=SUM(D4:D5)")]], style: "total" },
      { anchor: "F3", cells: [["=not a formula", "12", "TRUE", "'quoted"]] },
    ],
    tables: [{ name: "DTC_Test", range: "A3:D5" }],
    conditionalFormats: [{ range: "D4:D5", rules: [{ min: 60000, color: "green" }, { max: 60000, color: "red" }] }],
    charts: [{ type: "columnClustered", title: "Buyers", source: "A3:B5", seriesBy: "columns", position: { from: "F6", to: "K16" } }],
    columnWidths: [{ column: "A", width: 60 }],
  };
}

describe("createSheet", () => {
  it("adds a new sheet whose formulas compute and recalculate when an input changes", async () => {
    const { book, wb, value, set } = setup();
    const before = book.hf.getSheetNames();
    const r = await wb.createSheet(plan());
    expect(r).toEqual({ sheetName: "Plan", tableNames: ["DTC_Test"], skipped: [] });
    expect(book.hf.getSheetNames()).toEqual([...before, "Plan"]);
    expect(book.sheetName(book.activeSheet)).toBe("Plan");
    // buyers L = 200,000 × 0.30 = 60,000; P = 800,000 × 0.08 = 64,000; total 124,000.
    expect(value("Plan", "D4")).toBeCloseTo(60000, 6);
    expect(value("Plan", "D5")).toBeCloseTo(64000, 6);
    expect(value("Plan", "B6")).toBe(1000000);
    expect(value("Plan", "D6")).toBeCloseTo(124000, 6);
    set("Plan", "B4", "100000"); // L: 100,000 × 0.30 = 30,000; total 94,000
    expect(value("Plan", "D4")).toBeCloseTo(30000, 6);
    expect(value("Plan", "D6")).toBeCloseTo(94000, 6);
  });

  it("keeps formats, styles, the table, colours, the chart and widths in the sheet's meta", async () => {
    const { book, wb } = setup();
    await wb.createSheet(plan());
    const meta = book.metaOf(book.hf.getSheetId("Plan")!);
    expect(meta.formats["3,2"]).toBe("0.0%"); // C4
    expect(meta.formats["4,3"]).toBe("#,##0"); // D5
    expect(meta.styles["0,0"]).toBe("title");
    expect(meta.styles["5,3"]).toBe("total");
    expect(meta.tables).toEqual([{ name: "DTC_Test", range: "A3:D5", style: "TableStyleMedium2" }]);
    expect(meta.conditionalFormats[0].range).toBe("D4:D5");
    expect(meta.charts[0].title).toBe("Buyers");
    expect(meta.columnWidths).toEqual({ A: 60 });
  });

  it("writes text as text, even when it looks like a formula, a number or a boolean", async () => {
    const { wb, value } = setup();
    await wb.createSheet(plan());
    expect(value("Plan", "F3")).toBe("=not a formula");
    expect(value("Plan", "G3")).toBe("12");
    expect(value("Plan", "H3")).toBe("TRUE");
    expect(value("Plan", "I3")).toBe("'quoted");
  });

  it("never reuses a name: the second sheet is Plan (2) with table DTC_Test_2", async () => {
    const { wb } = setup();
    await wb.createSheet(plan());
    expect(await wb.createSheet(plan())).toEqual({ sheetName: "Plan (2)", tableNames: ["DTC_Test_2"], skipped: [] });
    // A sheet named like the base in another case is taken too (Excel compares names case-blind).
    expect((await wb.createSheet({ ...plan(), baseName: "PLAN", tables: [] })).sheetName).toBe("PLAN (3)");
  });

  it("refuses an invalid plan and changes nothing", async () => {
    const { book, wb, store } = setup();
    const names = book.hf.getSheetNames();
    const saved = store.getItem(STORAGE_KEY);
    const overlapping: SheetPlan = { baseName: "Bad", blocks: [{ anchor: "A1", cells: [[1, 2]] }, { anchor: "B1", cells: [[3]] }] };
    await expect(wb.createSheet(overlapping)).rejects.toMatchObject({ code: "invalidPlan" });
    const badFormula: SheetPlan = { baseName: "Bad", blocks: [{ anchor: "A1", cells: [[f("=SUM(A2:A3")]] }] };
    const e = await wb.createSheet(badFormula).catch((x) => x);
    expect(e).toBeInstanceOf(WorkbookError);
    expect(e.code).toBe("invalidPlan");
    expect(book.hf.getSheetNames()).toEqual(names);
    expect(store.getItem(STORAGE_KEY)).toBe(saved);
  });

  it("leaves the active sheet alone when the plan says activate: false", async () => {
    const { book, wb } = setup();
    const active = book.activeSheet;
    await wb.createSheet({ ...plan(), activate: false });
    expect(book.activeSheet).toBe(active);
  });
});

describe("the task pane's GTA plan sheet in the workbench", () => {
  it("computes the SPEC 10 worked example with live native formulas and recalculates", async () => {
    const { wb, value, set } = setup();
    const { plan: sheet, layout } = gtaSheet({ name: "Double 11", target_gmv: 100_000_000, crowds: SPEC10_CROWDS.map((c) => ({ ...c })) }, "en");
    const { sheetName } = await wb.createSheet(sheet);
    const at = (a1: string) => value(sheetName, a1);
    // baseline 69,450,000 (old 43,200,000 + new 26,250,000); gap 30,550,000 goes to I
    // (g_I = 0.05 × 250 = 12.5 > g_A = 1.25): added_I = 2,444,000, required 3,944,000.
    expect(at(layout.summary.baseline)).toBeCloseTo(69_450_000, 4);
    expect(at(layout.summary.old)).toBeCloseTo(43_200_000, 4);
    expect(at(layout.summary.new)).toBeCloseTo(26_250_000, 4);
    expect(at(layout.summary.gap)).toBeCloseTo(30_550_000, 4);
    expect(at(layout.summary.shortfall)).toBeCloseTo(0, 6);
    expect(at(layout.summary.planned_gmv)).toBeCloseTo(100_000_000, 4);
    const iRow = layout.planRows[0] + 2;
    expect(at(`${layout.planCol.added}${iRow}`)).toBe(2_444_000);
    expect(at(`${layout.planCol.required}${iRow}`)).toBe(3_944_000);
    // Edit the target on the plan sheet: 80,000,000 → gap 10,550,000 → added_I = 844,000.
    set(sheetName, layout.target, "80000000");
    expect(at(layout.summary.gap)).toBeCloseTo(10_550_000, 4);
    expect(at(`${layout.planCol.added}${iRow}`)).toBe(844_000);
    expect(at(layout.summary.planned_gmv)).toBeCloseTo(80_000_000, 4);
  });
});

describe("readSelection", () => {
  it("returns the selected range with its sheet, blanks as empty text", async () => {
    const { wb, select } = setup();
    select("Crowds", "A3:G5");
    expect(await wb.readSelection()).toEqual({
      address: "Crowds!A3:G5",
      values: [
        ["stage", "crowd", "count", "conversion", "aov", "cost", "capacity"],
        ["L", "Loyal", 200000, 0.3, 400, "", ""],
        ["P", "Buyers", 800000, 0.08, 300, "", ""],
      ],
    });
  });

  it("quotes a sheet name that needs it and gives errors as their code", async () => {
    const { book, wb, select } = setup();
    await wb.createSheet({ baseName: "My plan", blocks: [{ anchor: "A1", cells: [[f("=1/0"), 2]] }] });
    expect(book.hf.getSheetNames()).toContain("My plan");
    select("My plan", "A1:B1");
    expect(await wb.readSelection()).toEqual({ address: "'My plan'!A1:B1", values: [["#DIV/0!", 2]] });
  });
});

describe("plan storage and the saved workbook", () => {
  it("keeps the plan library and the plan sheets across a reload", async () => {
    const store = new MemoryStore();
    const first = setup(store);
    expect(await first.wb.loadPlans()).toBeNull();
    expect(await first.wb.capabilities()).toEqual({ tables: true, charts: true, conditionalFormats: true, planStorage: true, dataValidation: true });
    await first.wb.createSheet(plan());
    const library = JSON.stringify({ schema: "dtc-plan-library", plans: [{ name: "Double 11" }] });
    await first.wb.savePlans(library);

    // A new page: the workbook comes back from storage, not from the sample.
    const saved = parseSavedBook(store.getItem(STORAGE_KEY));
    expect(saved).toBeDefined();
    const book = new Book(saved!, store);
    const wb = new WorkbenchWorkbook(book);
    expect(await wb.loadPlans()).toBe(library);
    const plan2 = book.hf.getSheetId("Plan")!;
    expect(book.hf.getCellFormula({ sheet: plan2, row: 3, col: 3 })).toBe("=B4*C4");
    expect(book.hf.getCellValue({ sheet: plan2, row: 5, col: 3 })).toBeCloseTo(124000, 6);
    expect(book.metaOf(plan2).tables[0].name).toBe("DTC_Test");
    expect(book.sheetName(book.activeSheet)).toBe("Plan");
  });

  it("ignores a damaged saved workbook (the sample opens instead)", () => {
    expect(parseSavedBook("{not json")).toBeUndefined();
    expect(parseSavedBook(JSON.stringify({ schema: "dtc-workbench", version: 2, sheets: [] }))).toBeUndefined();
    expect(parseSavedBook(null)).toBeUndefined();
  });
});
