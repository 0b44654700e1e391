/* TGI through the BUILT bundle. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadBundle, type Bundle, type XlError } from "../harness/bundle";

let b: Bundle;
beforeAll(async () => {
  b = await loadBundle();
});
afterAll(async () => b?.close());

describe("DTC.TGI", () => {
  it("gives one value for scalars and for 1×1 ranges", async () => {
    // 100 × (30 ÷ 100) ÷ (200 ÷ 1,000) = 150.
    expect(await b.call("TGI", 30, 200, 100, 1000)).toBeCloseTo(150, 10);
    const one = (await b.call("TGI", [[30]], [[200]], 100, 1000)) as number[][];
    expect(one.length).toBe(1);
    expect(one[0][0]).toBeCloseTo(150, 10);
  });
  it("spills the shape of the segments, blank totals = sums", async () => {
    // brand shares 0.3/0.5/0.2, industry shares 0.2/0.5/0.3 → 150, 100, 66.67.
    const out = (await b.call("TGI", [[30], [50], [20]], [[200], [500], [300]])) as number[][];
    expect(out.map((r) => r.length)).toEqual([1, 1, 1]);
    expect(out[0][0]).toBeCloseTo(150, 10);
    expect(out[1][0]).toBeCloseTo(100, 10);
    expect(out[2][0]).toBeCloseTo(200 / 3, 10);
  });
  it("holds #DIV/0! in a cell whose industry share is 0", async () => {
    // totals 100/100: 10 vs 0 → #DIV/0!; 90 vs 100 → 90.
    const out = (await b.call("TGI", [[10, 90]], [[0, 100]])) as unknown[][];
    expect((out[0][0] as XlError).error).toBe("#DIV/0!");
    expect(out[0][1]).toBeCloseTo(90, 10);
  });
  it("gives #VALUE! for mismatched shapes and a segment above its total", async () => {
    expect(await b.call("TGI", [[1], [2]], [[1, 2]])).toEqual({
      error: "#VALUE!",
      message: "industry_segment is 1×2 but brand_segment is 2×1; both must have the same shape",
    });
    expect(await b.call("TGI", [[1], [2]], [[600], [500]], null, 550)).toEqual({
      error: "#VALUE!",
      message: "industry_segment row 1: 600 exceeds industry_total (550)",
    });
  });
});
