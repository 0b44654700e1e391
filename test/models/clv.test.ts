/* CLV (SPEC section 9) on the engine: closed forms against hand sums and a term-by-term loop. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { clv, clvExcel } from "../../src/models/clv";
import { failure } from "../harness/failure";

/** Independent reference: the sum written out term by term. */
function termByTerm(m: number, r: number, d: number, n: number): number {
  let s = 0;
  for (let t = 1; t <= n; t++) s += (m * r ** t) / (1 + d) ** t;
  return s;
}

describe("CLV", () => {
  it("infinite sum: margin × retention ÷ (1 + discount_rate − retention)", () => {
    // 100 × 0.8 ÷ (1.1 − 0.8) = 80 ÷ 0.3 = 266.666…
    expect(clvExcel(100, 0.8, 0.1, null)).toBeCloseTo(800 / 3, 10);
    // 50 × 0.5 ÷ (1 − 0.5) = 50; percentages as text: 50%, 0%.
    expect(clvExcel("50", "50%", "0%", null)).toBeCloseTo(50, 12);
  });
  it("finite sums by hand", () => {
    // 100 × 0.5 + 100 × 0.25 = 75.
    expect(clvExcel(100, 0.5, 0, 2)).toBeCloseTo(75, 12);
    // q = 0.9 ÷ 1.1 = 9/11: 100 × (9/11 + 81/121 + 729/1331) = 81.8181… + 66.9421… + 54.7708… = 203.53117956…
    expect(clvExcel(100, 0.9, 0.1, 3)).toBeCloseTo(100 * (9 / 11 + 81 / 121 + 729 / 1331), 10);
    // one period: 200 × 0.6 ÷ 1.2 = 100.
    expect(clvExcel(200, 0.6, 0.2, 1)).toBeCloseTo(100, 12);
  });
  it("retention 1 with no discount: n full margins, and #NUM! without periods", () => {
    expect(clvExcel(100, 1, 0, 5)).toBe(500);
    expect(failure(() => clvExcel(100, 1, 0, null))).toEqual({
      kind: "#NUM!",
      message: "the infinite sum diverges: retention (1) must be below 1 + discount_rate (1)",
    });
  });
  it("retention 0 is worth nothing; a negative margin is a loss", () => {
    expect(clvExcel(100, 0, 0.1, 4)).toBe(0);
    expect(clvExcel(100, 0, 0.1, null)).toBe(0);
    // −60 × 0.5 ÷ (1 − 0.5) = −60.
    expect(clvExcel(-60, 0.5, 0, null)).toBeCloseTo(-60, 12);
  });
  it("many periods approach the infinite sum", () => {
    expect(clvExcel(100, 0.8, 0.1, 10_000)).toBeCloseTo(800 / 3, 9);
  });
  it("stays precise when retention ÷ (1 + discount_rate) is within 1e-12 of 1", () => {
    // Reference: 1,000 terms of 100 × (1 + 1e-12)^−t, summed directly.
    expect(clv(100, 1, 1e-12, 1000)).toBeCloseTo(termByTerm(100, 1, 1e-12, 1000), 6);
    expect(clv(100, 1 - 1e-12, 0, 1000)).toBeCloseTo(termByTerm(100, 1 - 1e-12, 0, 1000), 6);
  });
  it("does not underflow with a subnormal discount rate (fast-check counterexample)", () => {
    // retention 1, discount 5e-324: q = 1/(1 + 5e-324) rounds to 1, so every term is the margin:
    // 184 × 5.434782608695636e-12 = 1.0000000000000e-9.
    const m = 5.434782608695636e-12;
    expect(clv(m, 1, 5e-324, 184) / (184 * m)).toBeCloseTo(1, 12);
  });
  it("equals the term-by-term sum on random inputs", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1000, max: 1000, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 1, max: 200 }),
        (m, r, d, n) => {
          const ref = termByTerm(m, r, d, n);
          expect(Math.abs(clv(m, r, d, n) - ref)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(ref)));
        },
      ),
      { numRuns: 500 },
    );
  });
  it("refuses retention outside [0, 1], a negative discount rate and a bad periods", () => {
    expect(failure(() => clvExcel(100, 1.2, 0.1, null)).message).toBe("retention: 1.2 is not a rate between 0 and 1");
    expect(failure(() => clvExcel(100, 0.5, -0.1, null)).message).toBe("discount_rate: -0.1 must be ≥ 0");
    expect(failure(() => clvExcel(100, 0.5, 0.1, 2.5)).message).toBe("periods: 2.5 must be a whole number ≥ 1");
    expect(failure(() => clvExcel(100, 0.5, 0.1, 0)).message).toBe("periods: 0 must be a whole number ≥ 1");
    expect(failure(() => clvExcel("abc", 0.5, 0.1, null)).message).toBe('margin: "abc" is not a number');
  });
});
