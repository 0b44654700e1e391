/* FASTPLUS through the BUILT bundle. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadBundle, type Bundle, type XlError } from "../harness/bundle";

let b: Bundle;
beforeAll(async () => {
  b = await loadBundle();
});
afterAll(async () => b?.close());

describe("DTC.FASTPLUS", () => {
  it("returns [CAPITAL, CONVERSION, CONNECTION, CLV]", async () => {
    // 2,500; 300 ÷ 2,000 = 0.15; 1,000 ÷ 2,500 = 0.4; 750,000 ÷ 2,500 = 300.
    expect(await b.call("FASTPLUS", 2000, 2500, 300, 1000, 750000)).toEqual([[2500, 0.15, 0.4, 300]]);
    expect(await b.call("FASTPLUS", 2000, 2500, 300, 1000, 750000, null, true)).toEqual([
      ["CAPITAL", "CONVERSION", "CONNECTION", "CLV"],
      [2500, 0.15, 0.4, 300],
    ]);
  });
  it("returns one indicator by English or Chinese name", async () => {
    expect(await b.call("FASTPLUS", 2000, 2500, 300, 1000, 750000, "clv")).toEqual([[300]]);
    expect(await b.call("FASTPLUS", 2000, 2500, 300, 1000, 750000, "场域引力")).toEqual([[0.4]]);
  });
  it("gives #VALUE! for impossible relations and negative values", async () => {
    expect(await b.call("FASTPLUS", 2000, 2500, 2001, 1000, 0)).toEqual({
      error: "#VALUE!",
      message: "deepened: 2001 exceeds holders_start (2000)",
    });
    expect(await b.call("FASTPLUS", 2000, 2500, 0, 2600, 0)).toEqual({
      error: "#VALUE!",
      message: "engaged: 2600 exceeds holders_end (2500)",
    });
    expect(await b.call("FASTPLUS", 2000, -1, 0, 0, 0)).toEqual({
      error: "#VALUE!",
      message: "holders_end: -1 is negative; a count must be ≥ 0",
    });
  });
  it("holds #DIV/0! in the cells over holders_end when it is 0", async () => {
    const [row] = (await b.call("FASTPLUS", 10, 0, 5, 0, 0)) as unknown[][];
    expect(row.slice(0, 2)).toEqual([0, 0.5]);
    expect((row[2] as XlError).error).toBe("#DIV/0!");
    expect((row[3] as XlError).error).toBe("#DIV/0!");
  });
});
