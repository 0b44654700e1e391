/* CLV through the BUILT bundle. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadBundle, type Bundle, type XlError } from "../harness/bundle";

let b: Bundle;
beforeAll(async () => {
  b = await loadBundle();
});
afterAll(async () => b?.close());

describe("DTC.CLV", () => {
  it("sums the infinite series, or n periods", async () => {
    // 100 × 0.8 ÷ (1 + 0.1 − 0.8) = 266.67; 100 × (0.5 + 0.25) = 75.
    expect(await b.call("CLV", 100, 0.8, 0.1)).toBeCloseTo(800 / 3, 10);
    expect(await b.call("CLV", 100, 0.5, 0, 2)).toBeCloseTo(75, 10);
  });
  it("gives #NUM! when the infinite sum diverges", async () => {
    expect(((await b.call("CLV", 100, 1, 0)) as XlError).error).toBe("#NUM!");
  });
  it("gives #VALUE! naming the argument for bad inputs", async () => {
    expect(await b.call("CLV", 100, 1.5, 0.1)).toEqual({
      error: "#VALUE!",
      message: "retention: 1.5 is not a rate between 0 and 1",
    });
    expect(await b.call("CLV", 100, 0.5, 0.1, 0)).toEqual({
      error: "#VALUE!",
      message: "periods: 0 must be a whole number ≥ 1",
    });
    expect(await b.call("CLV", 100, 0.5, -1)).toEqual({ error: "#VALUE!", message: "discount_rate: -1 must be ≥ 0" });
  });
});
