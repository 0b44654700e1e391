/* SUPER through the BUILT bundle, called the way Excel calls it. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadBundle, type Bundle } from "../harness/bundle";

let b: Bundle;
beforeAll(async () => {
  b = await loadBundle();
});
afterAll(async () => b?.close());

/*
 * Hand table (as in test/models/super.test.ts), columns by position:
 * sku, is_new, gmv, visitors, buyers, units_sold, units_available, orders, orders_on_time
 * S (0.8 of 1000 = 800 = 500 + 300) = 2/5 = 0.4; U = 95/2500 = 0.038; P = (300 + 60)/1000 = 0.36;
 * E = 82/280; R = 78/87.
 */
const ROWS = [
  ["A", "N", 500, 1000, 50, 40, 100, 45, 40],
  ["B", "Y", 300, 800, 30, 20, 50, 28, 28],
  ["C", "", 100, 400, 10, 15, 60, 9, 6],
  ["D", "是", 60, 200, 4, 5, 40, 4, 4],
  ["E", 0, 40, 100, 1, 2, 30, 1, 0],
];
const EXPECTED = [0.4, 0.038, 0.36, 82 / 280, 78 / 87];
const ZH = ["货品", "新品", "成交额", "访客数", "买家数", "销量", "可售库存", "订单数", "及时履约订单数"];

describe("DTC.SUPER", () => {
  it("returns [S, U, P, E, R] as a 1×5 spill, by position", async () => {
    const out = (await b.call("SUPER", ROWS)) as number[][];
    expect(out.length).toBe(1);
    out[0].forEach((v, k) => expect(v).toBeCloseTo(EXPECTED[k], 12));
  });
  it("reads shuffled Chinese headers, star_share, one indicator and headers", async () => {
    const order = [2, 8, 7, 0, 6, 5, 4, 3, 1];
    const table = [order.map((k) => ZH[k]), ...ROWS.map((r) => order.map((k) => r[k]))];
    const out = (await b.call("SUPER", table)) as number[][];
    out[0].forEach((v, k) => expect(v).toBeCloseTo(EXPECTED[k], 12));
    // 0.81 × 1000 = 810 needs 500 + 300 + 100 → 3/5.
    expect(await b.call("SUPER", table, 0.81, "S")).toBeCloseTo(0.6, 12);
    expect(await b.call("SUPER", ROWS, null, "新品贡献率")).toBeCloseTo(0.36, 12);
    const h = (await b.call("SUPER", ROWS, null, null, true)) as unknown[][];
    expect(h[0]).toEqual(["Star product share", "Utmost conversion", "Product novelty", "Exact stock", "Rapid fulfillment"]);
  });
  it("holds #N/A for missing columns and #DIV/0! for zero denominators, cell by cell", async () => {
    const [row] = (await b.call("SUPER", [["gmv", "visitors", "buyers"], [10, 0, 0], [30, 0, 0]])) as unknown[][];
    // S: 30 ≥ 0.8 × 40 = 32? no; 30 + 10 = 40 → k = 2 → 1.
    expect(row[0]).toBe(1);
    expect(row[1]).toEqual({ error: "#DIV/0!", message: "Utmost conversion: the denominator is 0" });
    expect(row[2]).toEqual({ error: "#N/A", message: 'Product novelty: column "is_new" was not given' });
    expect(row[3]).toEqual({ error: "#N/A", message: 'Exact stock: column "units_sold" was not given' });
    expect(row[4]).toEqual({ error: "#N/A", message: 'Rapid fulfillment: column "orders_on_time" was not given' });
  });
  it("gives #VALUE! naming the argument, row and column", async () => {
    const bad = ROWS.map((r) => [...r]);
    bad[3][8] = 5; // on time 5 > orders 4
    expect(await b.call("SUPER", bad)).toEqual({
      error: "#VALUE!",
      message: "skus row 4 column 9: orders_on_time (5) exceeds orders (4)",
    });
    expect(await b.call("SUPER", [["sku", "uv"], ["a", 1]])).toEqual({
      error: "#VALUE!",
      message: 'skus: missing required column "gmv" (header row found)',
    });
    expect(await b.call("SUPER", ROWS, 0)).toEqual({
      error: "#VALUE!",
      message: "star_share: 0 must be greater than 0 and at most 1",
    });
  });
  it("answers a 1,048,576-row whole-column reference quickly", async () => {
    const out = await b.page.evaluate((n) => {
      const rows = [
        ["A", "N", 500, 1000, 50, 40, 100, 45, 40], ["B", "Y", 300, 800, 30, 20, 50, 28, 28],
        ["C", "", 100, 400, 10, 15, 60, 9, 6], ["D", "是", 60, 200, 4, 5, 40, 4, 4], ["E", 0, 40, 100, 1, 2, 30, 1, 0],
      ];
      const t: unknown[][] = new Array(n);
      for (let i = 0; i < n; i++) t[i] = i < rows.length ? rows[i] : new Array(9).fill(i % 2 ? "" : null);
      const fn = (window as unknown as { __associated: Record<string, (...a: unknown[]) => unknown> }).__associated.SUPER;
      return { r: fn(t, null, null, null, {}) as number[][] };
    }, 1_048_576);
    out.r[0].forEach((v, k) => expect(v).toBeCloseTo(EXPECTED[k], 12));
  });
});
