/* Header-mapped tables (SPEC section 0): detection, aliases, any order, positional fallback. */
import { describe, expect, it } from "vitest";
import { cellOf, emptyTailStart, hasColumn, readTable, whereIn, type ColumnSpec } from "../../src/excel/table";
import { InputError } from "../../src/excel/errors";
import { formatMessage } from "../../src/excel/messages";

const SPECS: ColumnSpec[] = [
  { key: "sku", aliases: ["SKU", "货品", "商品"] },
  { key: "gmv", aliases: ["GMV", "成交额"], required: true },
  { key: "visitors", aliases: ["uv", "访客数"] },
];

function message(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (e instanceof InputError) return formatMessage(e.cell, "en");
    throw e;
  }
  throw new Error("expected an InputError");
}

describe("readTable", () => {
  it("reads by position without a header row; optional trailing columns may be left off", () => {
    const t = readTable([["s1", 100], ["s2", 50]], "skus", SPECS);
    expect(t.header).toBe(false);
    expect(t.col).toEqual({ sku: 0, gmv: 1, visitors: -1 });
    expect(t.rows).toEqual([0, 1]);
    expect(hasColumn(t, "visitors")).toBe(false);
  });
  it("detects a header row by an alias, in any order and case, Chinese included, ignoring unknown columns", () => {
    const t = readTable([["备注", "访客数", " gmv ", "商品"], ["x", 10, 100, "s1"]], "skus", SPECS);
    expect(t.header).toBe(true);
    expect(t.col).toEqual({ sku: 3, gmv: 2, visitors: 1 });
    expect(cellOf(t, 1, "gmv")).toBe(100);
    expect(whereIn(t, 1, "gmv")).toEqual({ arg: "skus", row: 2, col: 3, header: "gmv" });
  });
  it("does not take a first row with numbers, or with no known name, as a header", () => {
    expect(readTable([["GMV", 5], ["s", 1]], "skus", SPECS).header).toBe(false);
    expect(readTable([["foo", "bar"], ["s", 1]], "skus", SPECS).header).toBe(false);
  });
  it("refuses a header row without a required column", () => {
    expect(message(() => readTable([["sku", "uv"], ["s", 1]], "skus", SPECS))).toBe(
      'skus: missing required column "gmv" (header row found)',
    );
  });
  it("refuses a positional table too narrow for a required column", () => {
    expect(message(() => readTable([["s1"], ["s2"]], "skus", SPECS))).toBe("skus: expected ≥ 2 columns, got 1");
  });
  it("skips rows in which every cell is blank (whole-column references)", () => {
    const data: unknown[][] = [["sku", "gmv"], ["a", 1], ["", null], [undefined, ""], ["b", 2]];
    for (let i = 0; i < 1000; i++) data.push(["", ""]);
    expect(readTable(data, "skus", SPECS).rows).toEqual([1, 4]);
  });
});

describe("emptyTailStart (the empty tail of a whole-column reference)", () => {
  const row = (x: unknown) => [x, x, x];
  it.each([
    ["null", null],
    ['""', ""],
    ["0", 0],
  ])("stops after the last row with a value when the tail is %s", (_, blank) => {
    const data = [["sku", "gmv", "uv"], ["a", 5, 1], row(blank), ["b", 0, 2], ...Array.from({ length: 50 }, () => row(blank))];
    expect(emptyTailStart(data)).toBe(4);
    expect(emptyTailStart(data, 1)).toBe(4);
  });
  it("keeps rows blank only by the full test (spaces) for the model's own blank check", () => {
    expect(emptyTailStart([["a", 1, 1], [" ", null, ""], [null, null, null]])).toBe(2);
  });
  it("never ends before `first`, and is `first` for an empty or all-blank table", () => {
    expect(emptyTailStart([], 0)).toBe(0);
    expect(emptyTailStart([row(null), row(0)], 1)).toBe(1);
    expect(emptyTailStart([row(null), row(0)])).toBe(0);
  });
});
