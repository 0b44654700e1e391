/** A1 arithmetic, naming rules and SheetPlan checks shared by both adapters. */
import { describe, expect, it } from "vitest";
import { cellA1, colIndex, colName, parseRange, quoteSheet, rangeA1 } from "../../taskpane/workbook/a1";
import { checkPlan } from "../../taskpane/workbook/check";
import { f, NATIVE_FUNCTIONS, pickNames, sheetNameCandidate, WorkbookError, type SheetPlan } from "../../taskpane/workbook/port";
import { gtaSheet } from "../../taskpane/planners/gtaSheet";
import { healthSheet, hotSheet } from "../../taskpane/planners/hotSheet";

describe("A1", () => {
  it("columns: A=0, Z=25, AA=26, XFD=16383 (26 + 26² + 26³ letters in all)", () => {
    expect([colName(0), colName(25), colName(26), colName(701), colName(702), colName(16383)]).toEqual(["A", "Z", "AA", "ZZ", "AAA", "XFD"]);
    expect([colIndex("a"), colIndex("AA"), colIndex("XFD")]).toEqual([0, 26, 16383]);
    expect(() => colName(16384)).toThrow(RangeError);
    expect(() => colIndex("XFE")).toThrow(RangeError);
  });
  it("cells and ranges", () => {
    expect(cellA1({ row: 4, col: 1 })).toBe("B5");
    expect(cellA1({ row: 4, col: 1 }, true)).toBe("$B$5");
    expect(parseRange("$H$12:b4")).toEqual({ top: 3, left: 1, bottom: 11, right: 7 });
    expect(rangeA1({ top: 3, left: 1, bottom: 3, right: 1 })).toBe("B4");
    expect(() => parseRange("B0")).toThrow(RangeError);
    expect(() => parseRange("Sheet1!A1")).toThrow(RangeError);
  });
  it("quotes sheet names that need it", () => {
    expect(quoteSheet("Plan")).toBe("Plan");
    expect(quoteSheet("GTA Double 11 (2)")).toBe("'GTA Double 11 (2)'");
    expect(quoteSheet("A1")).toBe("'A1'");
    expect(quoteSheet("O'Neil")).toBe("'O''Neil'");
  });
});

describe("names", () => {
  it("sheet names are valid for Excel and at most 31 characters, suffix included", () => {
    expect(sheetNameCandidate("GTA 双11: [A/B]?", 1)).toBe("GTA 双11_ _A_B__");
    const long = "x".repeat(40);
    expect(sheetNameCandidate(long, 1)).toHaveLength(31);
    expect(sheetNameCandidate(long, 12)).toBe(`${"x".repeat(26)} (12)`);
    expect(sheetNameCandidate("  ''  ", 1)).toBe("Plan");
  });
  it("cuts a long template name at a bracket or word boundary and keeps the number visible", () => {
    // The 618 template's Chinese name, with the pane's "GTA " prefix: 36 characters.
    const zh = "GTA 618：GMV 目标拆解到 AIPL 人群（中型美妆品牌）";
    expect(sheetNameCandidate(zh, 1)).toBe("GTA 618：GMV 目标拆解到 AIPL 人群");
    expect(sheetNameCandidate(zh, 3)).toBe("GTA 618：GMV 目标拆解到 AIPL 人群 (3)");
    const en = "GTA 618: GMV target to AIPL crowds (mid-size beauty brand)";
    expect(sheetNameCandidate(en, 1)).toBe("GTA 618_ GMV target to AIPL");
    expect(sheetNameCandidate(en, 12)).toBe("GTA 618_ GMV target to (12)");
    for (const name of [zh, en]) for (const n of [1, 2, 12, 999]) expect(Array.from(sheetNameCandidate(name, n)).length).toBeLessThanOrEqual(31);
    expect(sheetNameCandidate("History", 1)).toBe("History_");
  });
  it("the smallest n whose sheet and table names are all free, case-insensitively", () => {
    const plan = { baseName: "Hot Serum", tables: [{ name: "P", range: "A1:B2" }, { name: "C", range: "D1:E2" }] };
    expect(pickNames(plan, ["Sheet1"], [])).toEqual({ sheetName: "Hot Serum", tableNames: ["P", "C"] });
    expect(pickNames(plan, ["HOT SERUM"], ["c_2"])).toEqual({ sheetName: "Hot Serum (3)", tableNames: ["P_3", "C_3"] });
  });
});

describe("checkPlan", () => {
  const base: SheetPlan = {
    baseName: "x",
    blocks: [{ anchor: "A1", cells: [["h1", "h2"], [1, f("=A2*2")]] }],
    tables: [{ name: "T", range: "A1:B2" }],
  };
  const refused = (plan: SheetPlan): string => {
    try {
      checkPlan(plan);
    } catch (e) {
      expect(e).toBeInstanceOf(WorkbookError);
      expect((e as WorkbookError).code).toBe("invalidPlan");
      return (e as WorkbookError).detail;
    }
    throw new Error("accepted");
  };
  it("accepts a well-formed plan", () => {
    expect(() => checkPlan(base)).not.toThrow();
  });
  it("refuses ragged blocks, bad formats, bad addresses and overlaps", () => {
    expect(refused({ ...base, blocks: [{ anchor: "A1", cells: [[1, 2], [3]] }] })).toMatch(/rectangular/);
    expect(refused({ ...base, blocks: [{ anchor: "A1", cells: [[1]], formats: [["currency", null]] }], tables: [] })).toMatch(/formats/);
    expect(refused({ ...base, blocks: [{ anchor: "A0", cells: [[1]] }], tables: [] })).toMatch(/A0/);
    expect(refused({ ...base, blocks: [...base.blocks, { anchor: "B2", cells: [[1]] }] })).toMatch(/overlap/);
    expect(refused({ ...base, blocks: [{ anchor: "A1", cells: [[Infinity]] }], tables: [] })).toMatch(/finite/);
  });
  it("refuses tables without text headers, with duplicate headers, bad names or no data row", () => {
    expect(refused({ ...base, blocks: [{ anchor: "A1", cells: [["h", 5], [1, 2]] }] })).toMatch(/header 2 is not text/);
    expect(refused({ ...base, blocks: [{ anchor: "A1", cells: [["h", "H"], [1, 2]] }] })).toMatch(/used twice/);
    expect(refused({ ...base, tables: [{ name: "A1", range: "A1:B2" }] })).toMatch(/bad table name/);
    expect(refused({ ...base, tables: [{ name: "T", range: "A1:B1" }] })).toMatch(/no data row/);
    expect(refused({ ...base, tables: [{ name: "T", range: "A1:C2" }] })).toMatch(/header row/);
  });
});

describe("plan-sheet formulas", () => {
  const plans: SheetPlan[] = [
    gtaSheet(
      {
        name: "x",
        target_gmv: 1e8,
        crowds: [
          { stage: "I", crowd: "a*", count: 1, conversion: 0.1, aov: 3, cost: 2, capacity: 5 },
          { stage: "A", crowd: "?", count: 1, conversion: 0.3, aov: 1 },
        ],
      },
      "en",
    ).plan,
    hotSheet(
      {
        product: "p",
        target_gmv: 1e6,
        price: 10,
        phases: [{ name: "<5", weight: 1 }, { name: "=b", weight: 2 }],
        crowds: [{ name: "~x", share: 1 }, { name: ">=1", share: 1 }],
        funnel: [{ i_to_p: 0.2, a_to_i: 0.3 }, { i_to_p: 0.1, a_to_i: 0.5 }],
      },
      "zh",
    ).plan,
    healthSheet({ product: "p", phases: [{ phase: "a", plan: { reached: 1, precision: 1, cost_ratio: 1, conversion: 1 }, actual: { reached: 1, reached_in_target_crowds: 1, spend: 1, gmv: 1, buyers: 1 } }] }, "en").plan,
  ];
  const formulas = plans.flatMap((p) => p.blocks.flatMap((b) => b.cells.flat())).flatMap((c) => (c && typeof c === "object" ? [c.formula] : []));

  it("use only functions both Excel and HyperFormula evaluate, and plain decimals", () => {
    expect(formulas.length).toBeGreaterThan(50);
    const allowed = new Set<string>(NATIVE_FUNCTIONS);
    for (const x of formulas) {
      const body = x.replace(/"[^"]*"/g, '""');
      for (const m of body.matchAll(/([A-Z][A-Z0-9.]*)\(/g)) expect(allowed.has(m[1]), `${m[1]} in ${x}`).toBe(true);
      expect(body, x).not.toMatch(/\d[eE][+-]?\d/);
    }
  });

  it("criteria functions take only fixed criteria (a quoted text or a number), never a cell with a label", () => {
    for (const x of formulas) {
      for (const m of x.matchAll(/(SUMIFS?|COUNTIFS?)\(([^()]*)\)/g)) {
        const args = m[2].split(",");
        const criteria = m[1].endsWith("S") ? args.filter((_, i) => (m[1] === "SUMIFS" ? i % 2 === 0 && i > 0 : i % 2 === 1)) : [args[1]];
        for (const c of criteria) expect(c, x).toMatch(/^("[^"]*"|-?\d+(\.\d+)?)$/);
      }
    }
  });
});
