/* NEO through the BUILT bundle, called the way Excel calls it. */
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

/*
 * Hand example (as in test/models/neo.test.ts). Brand value 3 blank.
 *            1     2     3    4     5     6     7    8    9
 * brand     0.30  0.05  -    0.20  0.10  800   1.2  0.7  0.04
 * peer 1    0.20  0.04  0.5  0.10  0.10  1000  1.0  0.8  0.03
 * peer 2    0.25  -     0.6  0.30  0.05  600   1.1  0.6  0.05
 * peer 3    0.40  0.06  0.7  -     0.20  400   0.9  0.9  0.02
 * index: N = (120 + 100) / 2 = 110; E = (100 + 100 + 133.33…) / 3 = 111.11…;
 *        O = (120 + 87.5 + 133.33…) / 3 = 113.61…
 * percentile: N = (66.67 + 50) / 2 = 58.33…; E = (50 + 50 + 66.67) / 3 = 55.56…; O = (100 + 33.33 + 66.67) / 3 = 66.67
 */
const BRAND = [[0.3, 0.05, "", 0.2, 0.1, 800, 1.2, 0.7, 0.04]];
const PEERS = [
  [0.2, 0.04, 0.5, 0.1, 0.1, 1000, 1.0, 0.8, 0.03],
  [0.25, null, 0.6, 0.3, 0.05, 600, 1.1, 0.6, 0.05],
  [0.4, 0.06, 0.7, "", 0.2, 400, 0.9, 0.9, 0.02],
];

describe("DTC.NEO", () => {
  it("returns [N, E, O] by index (default) as a 1×3 spill", async () => {
    const out = (await b.call("NEO", BRAND, PEERS)) as number[][];
    expect(out.length).toBe(1);
    expect(out[0][0]).toBeCloseTo(110, 10);
    expect(out[0][1]).toBeCloseTo(1000 / 9, 10);
    expect(out[0][2]).toBeCloseTo((120 + 87.5 + 400 / 3) / 3, 10);
  });
  it("scores by percentile, with weights, one indicator and headers", async () => {
    const [[n, e, o]] = (await b.call("NEO", BRAND, PEERS, null, "percentile")) as number[][];
    expect(n).toBeCloseTo(175 / 3, 10);
    expect(e).toBeCloseTo(500 / 9, 10);
    expect(o).toBeCloseTo(200 / 3, 10);
    // N with weights 2, 1, 5 (3 left out) = (2 × 120 + 100) / 3.
    expect(one(await b.call("NEO", BRAND, PEERS, [[2, 1, 5, 1, 1, 1, 1, 1, 1]], null, "N"))).toBeCloseTo(340 / 3, 10);
    const h = (await b.call("NEO", BRAND, PEERS, null, null, "沟通力", true)) as unknown[][];
    expect(h[0]).toEqual(["Engagement"]);
    expect(h[1][0]).toBeCloseTo(1000 / 9, 10);
    const full = (await b.call("NEO", BRAND, PEERS, null, null, null, true)) as unknown[][];
    expect(full[0]).toEqual(["Novelty", "Engagement", "Solidity"]);
  });
  it("holds #N/A with its message in a dimension with nothing to score", async () => {
    const brand = [[0.3, 0.05, "", "", "", "", 1.2, 0.7, 0.04]];
    const [row] = (await b.call("NEO", brand, PEERS)) as unknown[][];
    expect(row[0]).toBeCloseTo(110, 10);
    expect(row[1]).toEqual({ error: "#N/A", message: "Engagement: no sub-indicator could be scored" });
    expect(typeof row[2]).toBe("number");
  });
  it("holds #DIV/0! when the included sub-indicators of a dimension all weigh 0", async () => {
    const [row] = (await b.call("NEO", BRAND, PEERS, [[0, 0, 1, 1, 1, 1, 1, 1, 1]])) as unknown[][];
    expect((row[0] as XlError).error).toBe("#DIV/0!");
  });
  it("gives #VALUE! naming the argument and cell", async () => {
    expect(await b.call("NEO", [[1, 2, 3]], PEERS)).toEqual({ error: "#VALUE!", message: "brand: expected 9 values, got 3" });
    const peers = PEERS.map((r) => [...r]);
    peers[1][4] = "five";
    expect(await b.call("NEO", BRAND, peers)).toEqual({
      error: "#VALUE!",
      message: 'peers row 2 column 5: "five" is not a number',
    });
    expect(await b.call("NEO", BRAND, PEERS, [[1, 1, 1, 1, 1, 1, 1, -1, 1]])).toEqual({
      error: "#VALUE!",
      message: "weights column 8: -1 is negative; it must be ≥ 0",
    });
    expect(await b.call("NEO", BRAND, PEERS, null, "median")).toEqual({
      error: "#VALUE!",
      message: 'method: "median" is not one of "index", "percentile"',
    });
  });
});
