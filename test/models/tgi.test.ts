/* TGI (SPEC section 8) on the engine: hand values, shapes, errors and the partition property. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { tgiExcel } from "../../src/models/tgi";
import { CellError, type ResultCell } from "../../src/excel/errors";
import { failure } from "../harness/failure";

const kindOf = (c: ResultCell): string | undefined => (c instanceof CellError ? c.kind : undefined);

describe("TGI", () => {
  it("gives a scalar for scalars", () => {
    // 100 × (30 ÷ 100) ÷ (200 ÷ 1,000) = 100 × 0.3 ÷ 0.2 = 150.
    expect(tgiExcel(30, 200, 100, 1000)).toBeCloseTo(150, 12);
    expect(tgiExcel("30", "20%", 100, 1)).toBeCloseTo(150, 12);
  });
  it("sums a blank total over its segment range and keeps the shape (column)", () => {
    // brand 30/50/20 of 100 → 0.3/0.5/0.2; industry 200/500/300 of 1,000 → 0.2/0.5/0.3.
    // TGI = 150, 100, 66.67.
    const out = tgiExcel([[30], [50], [20]], [[200], [500], [300]], null, "") as number[][];
    expect(out.length).toBe(3);
    expect(out.map((r) => r.length)).toEqual([1, 1, 1]);
    expect(out[0][0]).toBeCloseTo(150, 12);
    expect(out[1][0]).toBeCloseTo(100, 12);
    expect(out[2][0]).toBeCloseTo(200 / 3, 12);
  });
  it("keeps a row shape and a block shape", () => {
    const row = tgiExcel([[30, 50, 20]], [[200, 500, 300]], null, null) as number[][];
    expect(row.length).toBe(1);
    expect(row[0][2]).toBeCloseTo(200 / 3, 12);
    // 2×2: brand 10, 20 / 30, 40 of 100; industry 25 each of 100 → TGI = 4 × brand count: 40, 80 / 120, 160.
    const block = tgiExcel([[10, 20], [30, 40]], [[25, 25], [25, 25]], null, null) as number[][];
    expect(block.map((r) => r.map((x) => Math.round(x * 1e9) / 1e9))).toEqual([[40, 80], [120, 160]]);
  });
  it("uses given totals when the segments are not a full partition", () => {
    // brand 30 of 200 = 0.15, industry 100 of 2,000 = 0.05 → 300; brand 10 of 200 = 0.05, industry 300 of 2,000 = 0.15 → 33.33.
    const out = tgiExcel([[30], [10]], [[100], [300]], 200, 2000) as number[][];
    expect(out[0][0]).toBeCloseTo(300, 12);
    expect(out[1][0]).toBeCloseTo(100 / 3, 12);
  });
  it("holds #DIV/0! in a cell whose industry share is 0", () => {
    // totals 100 and 100: cell 1 industry 0 → #DIV/0!; cell 2 = 100 × 0.9 ÷ 1 = 90.
    const out = tgiExcel([[10], [90]], [[0], [100]], null, null) as ResultCell[][];
    expect(kindOf(out[0][0])).toBe("#DIV/0!");
    expect(out[1][0]).toBeCloseTo(90, 12);
  });
  it("holds #DIV/0! everywhere when a summed total is 0", () => {
    const out = tgiExcel([[0], [0]], [[5], [5]], null, null) as ResultCell[][];
    expect(out.map((r) => kindOf(r[0]))).toEqual(["#DIV/0!", "#DIV/0!"]);
  });
  it("refuses segments of different shapes", () => {
    expect(failure(() => tgiExcel([[1], [2], [3]], [[1, 2, 3]], null, null))).toEqual({
      kind: "#VALUE!",
      message: "industry_segment is 1×3 but brand_segment is 3×1; both must have the same shape",
    });
  });
  it("refuses a segment above its given total, a zero or negative total, negative and blank cells", () => {
    expect(failure(() => tgiExcel([[30], [150]], [[1], [1]], 100, null)).message).toBe(
      "brand_segment row 2: 150 exceeds brand_total (100)",
    );
    expect(failure(() => tgiExcel([[1, 2]], [[1, 2]], null, 0)).message).toBe("industry_total: 0 must be greater than 0");
    expect(failure(() => tgiExcel([[1, 2]], [[1, -2]], null, null)).message).toBe(
      "industry_segment column 2: -2 is negative; a count must be ≥ 0",
    );
    expect(failure(() => tgiExcel([[1, 2], [3, ""]], [[1, 2], [3, 4]], null, null)).message).toBe(
      "brand_segment row 2 column 2: a value is required here",
    );
    expect(failure(() => tgiExcel(5, "x", null, null)).message).toBe('industry_segment: "x" is not a number');
  });
});

describe("TGI property", () => {
  it("over a full partition, the TGIs averaged with weights = industry share give 100", () => {
    const seg = fc.tuple(fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 1, max: 1_000_000 }));
    fc.assert(
      fc.property(fc.array(seg, { minLength: 1, maxLength: 30 }), (cells) => {
        fc.pre(cells.some(([b]) => b > 0));
        const brand = cells.map(([b]) => [b]);
        const industry = cells.map(([, i]) => [i]);
        const out = tgiExcel(brand, industry, null, null) as number[][];
        const industryTotal = industry.reduce((s, [i]) => s + i, 0);
        // Σ (i_k / I) × 100 × (b_k / B) / (i_k / I) = 100 × Σ b_k / B = 100.
        const mean = out.reduce((s, [t], k) => s + (industry[k][0] / industryTotal) * t, 0);
        expect(mean).toBeCloseTo(100, 9);
      }),
      { numRuns: 300 },
    );
  });
});
