/* CALIBRATE (SPEC §15) on the engine: hand-worked tables, sorting and ties, headers, errors. */
import { describe, expect, it } from "vitest";
import { calibrateExcel } from "../../src/models/calibrate";
import { CellError, type ResultCell } from "../../src/excel/errors";
import { failure } from "../harness/failure";

/*
 * Hand table, totals 500 (brand) and 4,000 (industry):
 * | item    | brand | industry | brand_share | industry_share | tgi                    |
 * | live    | 300   | 1000     | 0.6         | 0.25           | 100 × 0.6 ÷ 0.25 = 240 |
 * | search  | 100   | 2000     | 0.2         | 0.5            | 40                     |
 * | kol     | 50    | 0        | 0.1         | 0              | #DIV/0!                |
 * | content | 40    | 200      | 0.08        | 0.05           | 160                    |
 * | mini    | 10    | 50       | 0.02        | 0.0125         | 160                    |
 * Sorted by TGI descending, #DIV/0! last; content and mini tie at 160, so brand descending puts
 * content (40) first: live, content, mini, search, kol.
 */
const ITEMS = [
  ["live", 300, 1000],
  ["search", 100, 2000],
  ["kol", 50, 0],
  ["content", 40, 200],
  ["mini", 10, 50],
];

type Expected = [string, number, number, number, number, number | "#DIV/0!"];
function expectRows(actual: ResultCell[][], expected: Expected[]): void {
  expect(actual.length).toBe(expected.length);
  actual.forEach((row, i) => {
    const e = expected[i];
    expect(row.slice(0, 3)).toEqual(e.slice(0, 3));
    for (let j = 3; j < 6; j++) {
      if (e[j] === "#DIV/0!") {
        expect(row[j]).toBeInstanceOf(CellError);
        expect((row[j] as CellError).kind).toBe("#DIV/0!");
      } else expect(row[j] as number).toBeCloseTo(e[j] as number, 12);
    }
  });
}

const HAND: Expected[] = [
  ["live", 300, 1000, 0.6, 0.25, 240],
  ["content", 40, 200, 0.08, 0.05, 160],
  ["mini", 10, 50, 0.02, 0.0125, 160],
  ["search", 100, 2000, 0.2, 0.5, 40],
  ["kol", 50, 0, 0.1, 0, "#DIV/0!"],
];

describe("CALIBRATE: hand-worked table", () => {
  it("gives shares and TGI, sorted by TGI (errors last, ties by brand)", () => {
    expectRows(calibrateExcel(ITEMS, 500, 4000), HAND);
  });
  it("leaves out rows with brand < min_brand; with_headers adds the column names", () => {
    expectRows(calibrateExcel(ITEMS, 500, 4000, 20), HAND.filter((r) => r[0] !== "mini"));
    const h = calibrateExcel(ITEMS, 500, 4000, null, true);
    expect(h[0]).toEqual(["name", "brand", "industry", "brand_share", "industry_share", "tgi"]);
    expectRows(h.slice(1), HAND);
  });
  it("takes a blank total as the sum of its column", () => {
    // brand: 300 + 100 + 50 + 40 + 10 = 500; industry: 1000 + 2000 + 0 + 200 + 50 = 3,250.
    // live: 100 × 0.6 ÷ (1000/3250) = 195; content and mini: 130; search 32.5.
    expectRows(calibrateExcel(ITEMS), [
      ["live", 300, 1000, 0.6, 1000 / 3250, 195],
      ["content", 40, 200, 0.08, 200 / 3250, 130],
      ["mini", 10, 50, 0.02, 50 / 3250, 130],
      ["search", 100, 2000, 0.2, 2000 / 3250, 32.5],
      ["kol", 50, 0, 0.1, 0, "#DIV/0!"],
    ]);
    expectRows(calibrateExcel(ITEMS, null, 4000), HAND);
  });
  it("treats TGIs within a relative 1e-12 as a tie (brand descending, then input order)", () => {
    // 100 × (3 ÷ 10) ÷ (9 ÷ 10) and 100 × (1 ÷ 10) ÷ (3 ÷ 10) are both 100/3 by hand.
    const t = calibrateExcel([["a", 1, 3], ["b", 3, 9], ["c", 3, 9], ["d", 2, 0], ["e", 2, 0], ["f", 3, 0]], 10, 10);
    expect(t.map((r) => r[0])).toEqual(["b", "c", "a", "f", "d", "e"]);
    expect(t[0][5] as number).toBeCloseTo(100 / 3, 12);
  });
});

describe("CALIBRATE: headers and rows", () => {
  it("reads columns by header name (English or Chinese, any order, unknown columns ignored)", () => {
    const t = [["行业人数", "渠道", "备注", "品牌人数"], ...ITEMS.map(([n, b, i]) => [i, n, "x", b])];
    expectRows(calibrateExcel(t, 500, 4000), HAND);
    const en = [["Name", "BRAND", "industry"], ...ITEMS];
    expectRows(calibrateExcel(en, 500, 4000), HAND);
  });
  it("skips empty rows in the three forms (null, \"\", 0), with and without a header row", () => {
    for (const form of [null, "", 0]) {
      for (const header of [[], [["name", "brand", "industry"]]]) {
        const t = [...header, ITEMS[0], [form, form, form], ...ITEMS.slice(1), ...Array.from({ length: 100 }, () => [form, form, form])];
        expectRows(calibrateExcel(t, 500, 4000), HAND);
      }
    }
  });
  it("reads a name 0 in a kept row as \"0\" and a blank name as \"\"", () => {
    const t = calibrateExcel([[0, 10, 10], ["", 5, 10]], 100, 100);
    expect(t.map((r) => r[0])).toEqual(["0", ""]);
  });
});

describe("CALIBRATE: errors", () => {
  const msg = (...a: unknown[]): string => failure(() => calibrateExcel(...a)).message;
  it("gives #VALUE! naming the argument, row and column", () => {
    expect(msg([["a", -1, 10]])).toBe("items row 1 column 2: -1 is negative; a count must be ≥ 0");
    expect(msg([["a", 1, "many"]])).toBe('items row 1 column 3: "many" is not a number');
    expect(msg([["name", "brand", "industry"], ["a", "", 10]])).toBe("items row 2 column 2 (brand): a value is required here");
    expect(msg(ITEMS, 200, 4000)).toBe("items row 1 column 2: 300 exceeds brand_total (200)");
    expect(msg(ITEMS, 500, 1500)).toBe("items row 2 column 3: 2000 exceeds industry_total (1500)");
    expect(msg(ITEMS, 0)).toBe("brand_total: 0 must be greater than 0");
    expect(msg(ITEMS, 500, -4)).toBe("industry_total: -4 must be greater than 0");
    expect(msg(ITEMS, 500, 4000, -1)).toBe("min_brand: -1 is negative; a count must be ≥ 0");
    expect(msg([["a", 0, 10], ["b", 0, 5]])).toBe('items: the values of column "brand" add up to 0; at least one must be positive');
    expect(msg([["a", 1, 0]])).toBe('items: the values of column "industry" add up to 0; at least one must be positive');
    expect(msg([["name", "brand"], ["a", 1]])).toBe('items: missing required column "industry" (header row found)');
    expect(msg([["a", 1]])).toBe("items: expected ≥ 3 columns, got 2");
    expect(msg([[null, null, null]])).toBe("items has no data rows");
    expect(msg([[{}, 1, 2]])).toBe("items row 1 column 1: holds an object that is not a value (a data type without basicValue)");
  });
  it("gives #N/A when min_brand leaves no item", () => {
    expect(failure(() => calibrateExcel(ITEMS, 500, 4000, 1000))).toEqual({ kind: "#N/A", message: "min_brand: no item has brand ≥ min_brand (1000)" });
  });
});
