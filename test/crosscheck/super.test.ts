/*
 * SUPER against the same indicators written as native spreadsheet formulas and evaluated by
 * HyperFormula on the same table: SUMPRODUCT and SUMIFS for U, P, E, R, and for S a sorted
 * cumulative sum (LARGE, then a running SUM, then a count of the sums still below the threshold).
 */
import fc from "fast-check";
import { HyperFormula } from "hyperformula";
import { describe, expect, it } from "vitest";
import { superExcel } from "../../src/models/super";
import { CellError, type ResultCell } from "../../src/excel/errors";

type Row = [string, string, number, number, number, number, number, number, number];

/**
 * The table in A1:I{n} (sku, is_new, gmv, visitors, buyers, units_sold, units_available, orders,
 * orders_on_time), J = LARGE(gmv, i), K = running SUM of J, and the five indicators in L1:P1.
 */
function viaHyperFormula(rows: Row[], share: number): (number | string)[] {
  const n = rows.length;
  const r = (c: string): string => `$${c}$1:$${c}$${n}`;
  const sheet: (string | number)[][] = rows.map((row, i) => [
    ...row,
    `=LARGE(${r("C")},${i + 1})`,
    `=SUM($J$1:J${i + 1})`,
  ]);
  sheet[0].push(
    // S: k = 1 + number of sorted running sums still below share × total; S = k ÷ SKUs.
    `=(SUMPRODUCT((${r("K")}<${share}*SUM(${r("C")}))*1)+1)/COUNT(${r("C")})`,
    `=SUMPRODUCT(${r("E")})/SUMPRODUCT(${r("D")})`,
    `=SUMIFS(${r("C")},${r("B")},"Y")/SUM(${r("C")})`,
    `=SUMPRODUCT(${r("F")})/SUMPRODUCT(${r("G")})`,
    `=SUMPRODUCT(${r("I")})/SUMPRODUCT(${r("H")})`,
  );
  const hf = HyperFormula.buildFromArray(sheet, { licenseKey: "gpl-v3", useArrayArithmetic: true, smartRounding: false });
  const out = [11, 12, 13, 14, 15].map((col) => {
    const v = hf.getCellValue({ sheet: 0, row: 0, col });
    return typeof v === "number" ? v : String((v as { value: unknown }).value);
  });
  hf.destroy();
  return out;
}

const plain = (c: ResultCell): number | string => (c instanceof CellError ? c.kind : (c as number));

function expectSame(ours: ResultCell[], hf: (number | string)[]): void {
  expect(ours.length).toBe(hf.length);
  ours.map(plain).forEach((v, k) => {
    if (typeof hf[k] === "number") expect(v as number).toBeCloseTo(hf[k] as number, 12);
    else expect(v).toBe(hf[k]);
  });
}

const count = (max: number): fc.Arbitrary<number> => fc.integer({ min: 0, max });
const row: fc.Arbitrary<Row> = fc
  .tuple(
    fc.constantFrom("Y", ""),
    fc.integer({ min: 0, max: 1_000_000 }),
    count(5000),
    count(300),
    count(800),
    count(1000),
    count(200),
    fc.double({ min: 0, max: 1, noNaN: true }),
  )
  .map(([isNew, gmv, visitors, buyers, sold, available, orders, onTime]) => [
    "SKU",
    isNew,
    gmv,
    visitors,
    buyers,
    sold,
    available,
    orders,
    Math.floor(orders * onTime),
  ]);
const table = fc.array(row, { minLength: 1, maxLength: 40 }).filter((rows) => rows.some((r) => r[2] > 0));
const share = fc.integer({ min: 1, max: 100 }).map((p) => p / 100);

describe("SUPER = native formulas in HyperFormula", () => {
  it("agrees by position on random tables, #DIV/0! included", () => {
    fc.assert(
      fc.property(table, share, (rows, s) => {
        expectSame(superExcel(rows, s), viaHyperFormula(rows, s));
      }),
      { numRuns: 60 },
    );
  });
  it("agrees with zero denominators (no visitors, no stock, no orders)", () => {
    const rows: Row[] = [
      ["a", "Y", 120, 0, 0, 0, 0, 0, 0],
      ["b", "", 80, 0, 0, 0, 0, 0, 0],
    ];
    // S: 120 ≥ 0.5 × 200 → 1 of 2 = 0.5; U, E, R: 0 ÷ 0; P: 120 ÷ 200 = 0.6.
    const hf = viaHyperFormula(rows, 0.5);
    expect(hf).toEqual([0.5, "#DIV/0!", 0.6, "#DIV/0!", "#DIV/0!"]);
    expectSame(superExcel(rows, 0.5), hf);
  });
  it("agrees on 1,000 SKUs (the sampled selection path) and under a Chinese header row", () => {
    const rows = fc.sample(row, { numRuns: 1000, seed: 20250611 }).map((r, i): Row => [`SKU-${i}`, ...r.slice(1)] as Row);
    for (const s of [0.5, 0.8, 0.95]) {
      const hf = viaHyperFormula(rows, s);
      expectSame(superExcel(rows, s), hf);
      const header = ["货品", "新品", "成交额", "访客数", "买家数", "销量", "可售库存", "订单数", "及时履约订单数"];
      expectSame(superExcel([header, ...rows], s), hf);
    }
  });
});
