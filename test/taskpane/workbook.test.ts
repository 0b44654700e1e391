/** A1 arithmetic, naming rules and SheetPlan checks shared by both adapters. */
import { describe, expect, it } from "vitest";
import { cellA1, colIndex, colName, parseRange, quoteSheet, rangeA1 } from "../../taskpane/workbook/a1";
import { checkPlan } from "../../taskpane/workbook/check";
import { f, pickNames, sheetNameCandidate, WorkbookError, type SheetPlan } from "../../taskpane/workbook/port";

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
