/* START through the BUILT bundle. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadBundle, type Bundle, type XlError } from "../harness/bundle";

let b: Bundle;
beforeAll(async () => {
  b = await loadBundle();
});
afterAll(async () => b?.close());

// reached 10,000; interacted 1,500; seeded 800; traffic 300; transacted 200.
const ARGS = [10000, 1500, 800, 300, 200];

describe("DTC.START", () => {
  it("returns [SEEDING, TRANSACTION, TRAFFIC, REACH, INTERACTION]", async () => {
    // 800/10,000 = 0.08; 200/10,000 = 0.02; 300/10,000 = 0.03; 10,000; 1,500/10,000 = 0.15.
    expect(await b.call("START", ...ARGS)).toEqual([[0.08, 0.02, 0.03, 10000, 0.15]]);
    expect(await b.call("START", ...ARGS, null, true)).toEqual([
      ["SEEDING", "TRANSACTION", "TRAFFIC", "REACH", "INTERACTION"],
      [0.08, 0.02, 0.03, 10000, 0.15],
    ]);
  });
  it("picks S, A, R by letter, the T indicators by name; T alone is #VALUE!", async () => {
    expect(await b.call("START", ...ARGS, "S")).toEqual([[0.08]]);
    expect(await b.call("START", ...ARGS, "a")).toEqual([[0.03]]);
    expect(await b.call("START", ...ARGS, "R")).toEqual([[10000]]);
    expect(await b.call("START", ...ARGS, "Interaction")).toEqual([[0.15]]);
    expect(await b.call("START", ...ARGS, "带货")).toEqual([[0.02]]);
    expect(await b.call("START", ...ARGS, "T")).toEqual({
      error: "#VALUE!",
      message: 'indicator: indicator letter "T" is ambiguous here; use a name: TRANSACTION, INTERACTION',
    });
  });
  it("gives #VALUE! when a count exceeds reached", async () => {
    expect(await b.call("START", 100, 0, 0, 0, 150)).toEqual({
      error: "#VALUE!",
      message: "transacted: 150 exceeds reached (100)",
    });
  });
  it("holds #DIV/0! in the shares when reached is 0", async () => {
    const [row] = (await b.call("START", 0, 0, 0, 0, 0)) as unknown[][];
    expect(row[3]).toBe(0);
    for (const k of [0, 1, 2, 4]) expect((row[k] as XlError).error).toBe("#DIV/0!");
  });
});
