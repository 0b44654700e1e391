/*
 * The strategy-crowd sheets of the workbench sample (workbench/sample.ts): Orders (DTC.ASSOC),
 * Segments (DTC.CLUSTER, profile and labels) and Touchpoints (DTC.CALIBRATE), evaluated in
 * HyperFormula with the BUILT functions.js (DTC_DIST) registered, as the page does. Each sheet
 * holds the data it was built from, its formulas compute without an error cell, and each spill
 * equals the engine function of src/models run on the same data, called as Excel calls it.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import vm from "node:vm";
import { DetailedCellError } from "hyperformula";
import { beforeAll, describe, expect, it } from "vitest";
import { assocExcel } from "../../src/models/assoc";
import { calibrateExcel } from "../../src/models/calibrate";
import { clusterExcel } from "../../src/models/cluster";
import { parseRange } from "../../taskpane/workbook/a1";
import { Book } from "../../workbench/book";
import { installCustomFunctions } from "../../workbench/custom-functions";
import { registerDtcFunctions } from "../../workbench/engine";
import { ORDER_CATEGORIES, ORDER_COUNT, ORDER_LINES, SEGMENT_FEATURES, SEGMENTS, TOUCHPOINT_TOTALS, TOUCHPOINTS, sampleBook } from "../../workbench/sample";
import { DIST } from "../harness/bundle";

let book: Book;

beforeAll(() => {
  const standIn = installCustomFunctions(globalThis as never);
  vm.runInThisContext(readFileSync(path.join(DIST, "functions.js"), "utf8"), { filename: "functions.js" });
  registerDtcFunctions(JSON.parse(readFileSync(path.join(DIST, "functions.json"), "utf8")).functions, standIn.associated);
  const d = new Map<string, string>();
  book = new Book(sampleBook(), { getItem: (k) => d.get(k) ?? null, setItem: (k, v) => void d.set(k, v), removeItem: (k) => void d.delete(k) });
});

const sheetId = (name: string): number => {
  const id = book.hf.getSheetId(name);
  if (id === undefined) throw new Error(`no sheet ${name}`);
  return id;
};
/** The values of an A1 range of a sheet, errors as their code. */
function range(sheet: string, a1: string): unknown[][] {
  const r = parseRange(a1);
  const id = sheetId(sheet);
  return Array.from({ length: r.bottom - r.top + 1 }, (_, i) =>
    Array.from({ length: r.right - r.left + 1 }, (_, j) => {
      const v = book.hf.getCellValue({ sheet: id, row: r.top + i, col: r.left + j });
      return v instanceof DetailedCellError ? v.value : v;
    }),
  );
}
const formula = (sheet: string, a1: string): string | undefined => {
  const r = parseRange(a1);
  return book.hf.getCellFormula({ sheet: sheetId(sheet), row: r.top, col: r.left });
};
/** Every error cell of a sheet, as "row,col: code message". */
function errors(sheet: string): string[] {
  const out: string[] = [];
  book.hf.getSheetValues(sheetId(sheet)).forEach((row, r) =>
    row.forEach((v, c) => {
      if (v instanceof DetailedCellError) out.push(`${r},${c}: ${v.value} ${v.message}`);
    }),
  );
  return out;
}
/** A column as Excel gives a whole-column reference: 1,048,576 rows, blanks null. */
const wholeColumn = (cells: unknown[]): unknown[][] => Array.from({ length: 1_048_576 }, (_, i) => [i < cells.length ? cells[i] : null]);
/** The rectangle a spill of `rows` fills from its anchor, e.g. spillRange("D2", result). */
const spillA1 = (anchor: string, rows: unknown[][]): string => {
  const a = parseRange(anchor);
  const col = (n: number): string => {
    let s = "";
    for (let k = n + 1; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
    return s;
  };
  return `${anchor}:${col(a.left + rows[0].length - 1)}${a.top + rows.length}`;
};

describe("the sample's strategy sheets", () => {
  it("come after Benchmarks: Orders, Segments, Touchpoints", () => {
    expect(book.hf.getSheetNames()).toEqual(["Consumers", "FAST", "SKUs", "Crowds", "Benchmarks", "Orders", "Segments", "Touchpoints"]);
  });

  it("Orders: a few hundred order lines in ten categories and =DTC.ASSOC(A:A, B:B, 0.02, 10, TRUE) equal to assocExcel", () => {
    const n = ORDER_LINES.length;
    expect(n).toBeGreaterThanOrEqual(200);
    expect(n).toBeLessThanOrEqual(500);
    expect(new Set(ORDER_LINES.map((l) => l[1]))).toEqual(new Set(ORDER_CATEGORIES));
    expect(new Set(ORDER_LINES.map((l) => l[0])).size).toBe(ORDER_COUNT);
    expect(range("Orders", `A1:B${n + 1}`)).toEqual([["order_id", "category"], ...ORDER_LINES]);
    expect(range("Orders", `A${n + 2}:B${n + 2}`)).toEqual([[null, null]]);
    expect(formula("Orders", "D2")).toBe("=DTC.ASSOC(A:A, B:B, 0.02, 10, TRUE)");

    const basket = wholeColumn(["order_id", ...ORDER_LINES.map((l) => l[0])]);
    const category = wholeColumn(["category", ...ORDER_LINES.map((l) => l[1])]);
    const want = assocExcel(basket, category, 0.02, 10, true);
    expect(want).toHaveLength(11); // the header row and 10 rules
    expect(want[0]).toEqual(["from", "to", "support", "confidence", "lift", "baskets_both"]);
    for (const r of want.slice(1)) {
      expect(r[2] as number).toBeGreaterThanOrEqual(0.02);
      expect(r[4] as number).toBeGreaterThan(1); // the top pairs are real affinities
    }
    expect(range("Orders", spillA1("D2", want))).toEqual(want);
    expect(range("Orders", "D13:I13")).toEqual([[null, null, null, null, null, null]]); // exactly 11 rows
    expect(errors("Orders")).toEqual([]);
  });

  it("Segments: 120 segments × 6 features and sizes; CLUSTER's profile and labels equal clusterExcel", () => {
    expect(SEGMENTS).toHaveLength(120);
    expect(new Set(SEGMENTS.map((s) => s[0])).size).toBe(120);
    for (const s of SEGMENTS) {
      expect(s.slice(1).every((v) => typeof v === "number" && Number.isFinite(v))).toBe(true);
      expect(s[7]).toBeGreaterThan(0);
    }
    expect(range("Segments", "A1:H121")).toEqual([["segment", ...SEGMENT_FEATURES, "consumers"], ...SEGMENTS]);
    expect(formula("Segments", "I1")).toBe('=DTC.CLUSTER(B1:G121, 6, , H1:H121, "labels", TRUE)');
    expect(formula("Segments", "K2")).toBe('=DTC.CLUSTER(B1:G121, 6, , H1:H121, "profile", TRUE)');

    const profiles = [[...SEGMENT_FEATURES], ...SEGMENTS.map((s) => s.slice(1, 7))];
    const sizes = [["consumers"], ...SEGMENTS.map((s) => [s[7]])];
    const profile = clusterExcel(profiles, 6, null, sizes, "profile", true);
    expect(profile).toHaveLength(7);
    expect(profile[0]).toEqual(["cluster", "segments", "size", ...SEGMENT_FEATURES]);
    expect(profile.slice(1).map((r) => r[0])).toEqual([1, 2, 3, 4, 5, 6]);
    // Every segment in one crowd, every consumer counted once.
    expect(profile.slice(1).reduce((t, r) => t + (r[1] as number), 0)).toBe(120);
    expect(profile.slice(1).reduce((t, r) => t + (r[2] as number), 0)).toBe(SEGMENTS.reduce((t, s) => t + s[7], 0));
    expect(range("Segments", spillA1("K2", profile))).toEqual(profile);
    expect(range("Segments", "K9:S9")[0].every((v) => v === null)).toBe(true);

    const labels = clusterExcel(profiles, 6, null, sizes, "labels", true);
    expect(labels).toHaveLength(121);
    expect(range("Segments", "I1:I121")).toEqual(labels);
    // The labels agree with the profile's segment counts.
    const count = (k: number) => labels.slice(1).filter((r) => r[0] === k).length;
    expect(profile.slice(1).map((r) => r[1])).toEqual([1, 2, 3, 4, 5, 6].map(count));
    expect(errors("Segments")).toEqual([]);
  });

  it("Touchpoints: 10 touchpoints and =DTC.CALIBRATE(A1:C11, F1, F2, , TRUE) equal to calibrateExcel", () => {
    expect(TOUCHPOINTS).toHaveLength(10);
    expect(range("Touchpoints", "A1:C11")).toEqual([["name", "brand", "industry"], ...TOUCHPOINTS]);
    expect(range("Touchpoints", "E1:F2")).toEqual([
      ["brand_total", TOUCHPOINT_TOTALS.brand],
      ["industry_total", TOUCHPOINT_TOTALS.industry],
    ]);
    expect(formula("Touchpoints", "E5")).toBe("=DTC.CALIBRATE(A1:C11, F1, F2, , TRUE)");

    const items = [["name", "brand", "industry"], ...TOUCHPOINTS];
    const want = calibrateExcel(items, TOUCHPOINT_TOTALS.brand, TOUCHPOINT_TOTALS.industry, null, true);
    expect(want).toHaveLength(11);
    expect(want[0]).toEqual(["name", "brand", "industry", "brand_share", "industry_share", "tgi"]);
    const tgi = want.slice(1).map((r) => r[5] as number);
    expect(tgi).toEqual([...tgi].sort((a, b) => b - a));
    expect(tgi[0]).toBeGreaterThan(100);
    expect(tgi[9]).toBeLessThan(100);
    expect(range("Touchpoints", spillA1("E5", want))).toEqual(want);
    expect(errors("Touchpoints")).toEqual([]);
  });

  it("recalculates: an edit of the data moves each result as the engine function says", () => {
    // Orders: one more order holding lipstick and foundation, below the lines (whole columns).
    const n = ORDER_LINES.length;
    book.setTyped({ sheet: sheetId("Orders"), row: n + 1, col: 0 }, "TM249999");
    book.setTyped({ sheet: sheetId("Orders"), row: n + 1, col: 1 }, "lipstick");
    book.setTyped({ sheet: sheetId("Orders"), row: n + 2, col: 0 }, "TM249999");
    book.setTyped({ sheet: sheetId("Orders"), row: n + 2, col: 1 }, "foundation");
    const lines = [...ORDER_LINES, ["TM249999", "lipstick"], ["TM249999", "foundation"]];
    const assoc = assocExcel(
      wholeColumn(["order_id", ...lines.map((l) => l[0])]),
      wholeColumn(["category", ...lines.map((l) => l[1])]),
      0.02,
      10,
      true,
    );
    expect(range("Orders", spillA1("D2", assoc))).toEqual(assoc);

    // Touchpoints: the brand total 150,000.
    book.setTyped({ sheet: sheetId("Touchpoints"), row: 0, col: 5 }, "150000");
    const cal = calibrateExcel([["name", "brand", "industry"], ...TOUCHPOINTS], 150_000, TOUCHPOINT_TOTALS.industry, null, true);
    expect(range("Touchpoints", spillA1("E5", cal))).toEqual(cal);

    // Segments: the first segment's TGI 300.
    book.setTyped({ sheet: sheetId("Segments"), row: 1, col: 6 }, "300");
    const seg = SEGMENTS.map((s, i) => (i === 0 ? [...s.slice(1, 6), 300] : s.slice(1, 7)));
    const profiles = [[...SEGMENT_FEATURES], ...seg];
    const sizes = [["consumers"], ...SEGMENTS.map((s) => [s[7]])];
    const profile = clusterExcel(profiles, 6, null, sizes, "profile", true);
    expect(range("Segments", spillA1("K2", profile))).toEqual(profile);
    expect(range("Segments", "I1:I121")).toEqual(clusterExcel(profiles, 6, null, sizes, "labels", true));
    for (const s of ["Orders", "Segments", "Touchpoints"]) expect(errors(s)).toEqual([]);
  });
});
