/* DTC.HOTHEALTH through the BUILT bundle (SPEC section 11); expected values worked out by hand. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadBundle, type Bundle, type XlError } from "../harness/bundle";

/** The one cell of a 1×1 result (one `indicator` is [[value]]). */
const one = (r: unknown): number => {
  expect(Array.isArray(r) && r.length === 1 && Array.isArray(r[0]) && r[0].length === 1).toBe(true);
  return (r as number[][])[0][0];
};

let b: Bundle;
beforeAll(async () => {
  b = await loadBundle();
});
afterAll(async () => b?.close());

// actual: reached 1,200,000; in target 840,000; spend 300,000; gmv 2,000,000; buyers 30,000.
// plan: reached 1,000,000; precision 0.6; cost_ratio 0.18; conversion 0.02.
// VOLUME 120; PRECISION 100 × 0.7 ÷ 0.6 = 116.67; COST 100 × 0.18 ÷ 0.15 = 120; CONVERSION 100 × 0.025 ÷ 0.02 = 125.
const ACTUAL = [[1200000, 840000, 300000, 2000000, 30000]];
const PLAN = [[1000000], [0.6], [0.18], [0.02]];

describe("DTC.HOTHEALTH", () => {
  it("is registered with SPEC's parameters", () => {
    const f = b.metadata.functions.find((x) => x.id === "HOTHEALTH")!;
    expect(f.parameters.map((p) => [p.name, !!p.optional])).toEqual([
      ["actual", false], ["plan", false], ["indicator", true], ["with_headers", true],
    ]);
  });
  it("returns [VOLUME, PRECISION, COST, CONVERSION]", async () => {
    const [row] = (await b.call("HOTHEALTH", ACTUAL, PLAN)) as number[][];
    [120, 116.66666666666667, 120, 125].forEach((e, k) => expect(row[k]).toBeCloseTo(e, 9));
    const h = (await b.call("HOTHEALTH", ACTUAL, PLAN, null, true)) as unknown[][];
    expect(h[0]).toEqual(["VOLUME", "PRECISION", "COST", "CONVERSION"]);
  });
  it("picks one indicator", async () => {
    expect(one(await b.call("HOTHEALTH", ACTUAL, PLAN, "V"))).toBeCloseTo(120, 9);
    expect(one(await b.call("HOTHEALTH", ACTUAL, PLAN, "效率"))).toBeCloseTo(125, 9);
    expect(one(await b.call("HOTHEALTH", ACTUAL, PLAN, "cost"))).toBeCloseTo(120, 9);
    expect(await b.call("HOTHEALTH", ACTUAL, PLAN, "C")).toEqual({
      error: "#VALUE!",
      message: 'indicator: indicator letter "C" is ambiguous here; use a name: COST, CONVERSION',
    });
  });
  it("holds #DIV/0! cells and refuses impossible inputs", async () => {
    // actual reached 0: VOLUME 0; PRECISION and CONVERSION divide by reached = 0.
    const [row] = (await b.call("HOTHEALTH", [[0, 0, 300000, 2000000, 0]], PLAN)) as unknown[][];
    expect(row[0]).toBe(0);
    expect((row[1] as XlError).error).toBe("#DIV/0!");
    expect(row[2] as number).toBeCloseTo(120, 9);
    expect((row[3] as XlError).error).toBe("#DIV/0!");
    expect(await b.call("HOTHEALTH", [[100, 120, 1, 1, 1]], PLAN)).toEqual({
      error: "#VALUE!",
      message: "actual column 2: 120 exceeds reached (100)",
    });
    expect(await b.call("HOTHEALTH", ACTUAL, [[1, 2, 3]])).toEqual({
      error: "#VALUE!",
      message: "plan: expected 4 values, got 3",
    });
  });
});
