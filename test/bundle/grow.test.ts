/* GROW and GROW.ROWS through the BUILT bundle, called the way Excel calls them. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isError, loadBundle, type Bundle, type XlError } from "../harness/bundle";

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
 * Hand example: base N 1000, orders 1500, V 150000 (F 1.5, P 100); current N 1200, orders 2100,
 * V 231000 (F 1.75, P 110). L = 81000 ÷ ln 1.54 = 187594.48490410845; G = L ln 1.2 =
 * 34202.51853367707; R = L ln(1.75/1.5) = 28917.817379812674; O = L ln 1.1 = 17879.664086510296
 * (Python, math.log). W = new_gmv = 5000.
 */
const BASE = [[1000, 1500, 150000]];
const CURRENT = [[1200], [2100], [231000]];

describe("DTC.GROW", () => {
  it("returns [G, R, O, W] as a 1×4 spill", async () => {
    const out = (await b.call("GROW", BASE, CURRENT, 5000)) as number[][];
    expect(out.length).toBe(1);
    const [g, r, o, w] = out[0];
    expect(g).toBeCloseTo(34202.51853367707, 7);
    expect(r).toBeCloseTo(28917.817379812674, 7);
    expect(o).toBeCloseTo(17879.664086510296, 7);
    expect(w).toBe(5000);
  });
  it("defaults new_gmv to 0 and returns one indicator or headers", async () => {
    expect(((await b.call("GROW", BASE, CURRENT)) as number[][])[0][3]).toBe(0);
    expect(await b.call("GROW", BASE, CURRENT, 7, "W")).toEqual([[7]]);
    expect(one(await b.call("GROW", BASE, CURRENT, null, "价格力"))).toBeCloseTo(17879.664086510296, 7);
    const withHeaders = (await b.call("GROW", BASE, CURRENT, null, null, true)) as unknown[][];
    expect(withHeaders[0]).toEqual(["Gain", "Retain", "Boost", "Widen"]);
    expect(await b.call("GROW", BASE, CURRENT, null, "X")).toEqual({
      error: "#VALUE!",
      message: 'indicator: unknown indicator "X"; use one of G (Gain), R (Retain), O (Boost), W (Widen)',
    });
  });
  it("gives #VALUE! for a value that is not > 0 and a negative new_gmv, naming the argument", async () => {
    expect(await b.call("GROW", [[1000, 1500, 0]], CURRENT)).toEqual({
      error: "#VALUE!",
      message: "base column 3: 0 must be greater than 0",
    });
    expect(await b.call("GROW", BASE, [[1200], ["n/a"], [231000]])).toEqual({
      error: "#VALUE!",
      message: 'current row 2: "n/a" is not a number',
    });
    expect(await b.call("GROW", BASE, CURRENT, -1)).toEqual({
      error: "#VALUE!",
      message: "new_gmv: -1 is negative; it must be ≥ 0",
    });
  });
});

/*
 * Hand table (period, customer, category, gmv), as in test/models/grow.test.ts:
 * base rows: (A, tea, 100), (123, tea, 50), (B, cups, 30), (A, cups, 20) → N0 3, orders 4, V0 200.
 * current rows: ("123", tea, 80), (" A ", "tea ", 60), (A, tea, 40), (C, snacks, 70), (D, " snacks", 25),
 * (B, cups, "35"), (E, 7, 10), ("1" → F, cups, 15) → like-for-like N1 {123, A, B, F} = 4, orders 5,
 * V1 230; W = 70 + 25 + 10 = 105. L = 30 ÷ ln 1.15 = 214.65070884226694; G = L ln(4/3) =
 * 61.751160772987156; R = L ln(15/16) = -13.853239309811281; O = L ln(46/50) = -17.897921463176.
 */
const T = [
  [0, "A", "tea", 100],
  [0, 123, "tea", 50],
  [0, "B", "cups", 30],
  [0, "A", "cups", 20],
  [null, "", null, ""],
  [1, "123", "tea", 80],
  [1, " A ", "tea ", 60],
  [1, "A", "tea", 40],
  [1, "C", "snacks", 70],
  [1, "D", " snacks", 25],
  [1, "B", "cups", "35"],
  [1, "E", 7, 10],
  ["1", "F", "cups", 15],
];
const col = (k: number, rows: unknown[][] = T): unknown[][] => rows.map((r) => [r[k]]);

describe("DTC.GROW.ROWS", () => {
  it("counts the like-for-like scopes from one row per order", async () => {
    const [[g, r, o, w]] = (await b.call("GROW.ROWS", col(0), col(1), col(2), col(3))) as number[][];
    expect(g).toBeCloseTo(61.751160772987156, 10);
    expect(r).toBeCloseTo(-13.853239309811281, 10);
    expect(o).toBeCloseTo(-17.897921463176, 10);
    expect(w).toBe(105);
  });
  it("matches GROW fed with the hand-counted scopes", async () => {
    expect(await b.call("GROW.ROWS", col(0), col(1), col(2), col(3))).toEqual(
      await b.call("GROW", [[3, 4, 200]], [[4, 5, 230]], 105),
    );
  });
  it("gives #VALUE! naming the argument and row", async () => {
    const bad = T.map((r) => [...r]);
    bad[6][0] = 2;
    expect(await b.call("GROW.ROWS", col(0, bad), col(1), col(2), col(3))).toEqual({
      error: "#VALUE!",
      message: 'period row 7: "2" is not a period; use 0 (base) or 1 (current)',
    });
    const blankId = col(1).map((r) => [...r]);
    blankId[9] = [""];
    expect(await b.call("GROW.ROWS", col(0), blankId, col(2), col(3))).toEqual({
      error: "#VALUE!",
      message: "customer row 10: a value is required here",
    });
    const short = await b.call("GROW.ROWS", col(0), col(1), col(2), col(3).slice(0, 5));
    expect(isError(short) && short.message).toBe("gmv has 5 rows but period has 13; all columns must have the same length");
    const noBase = T.filter((r) => r[0] !== 0);
    const out = (await b.call("GROW.ROWS", col(0, noBase), col(1, noBase), col(2, noBase), col(3, noBase))) as XlError;
    expect(out.error).toBe("#VALUE!");
    expect(out.message).toMatch(/^period: no order has period 0 \(base\)/);
  });
  it("handles a 1,048,576-row whole-column reference with a blank tail", async () => {
    const out = await b.page.evaluate((n) => {
      // Built inside the page: the 13 hand rows, then blanks ("" and null alternating).
      const rows = [
        [0, "A", "tea", 100], [0, 123, "tea", 50], [0, "B", "cups", 30], [0, "A", "cups", 20],
        [null, "", null, ""], [1, "123", "tea", 80], [1, " A ", "tea ", 60], [1, "A", "tea", 40],
        [1, "C", "snacks", 70], [1, "D", " snacks", 25], [1, "B", "cups", "35"], [1, "E", 7, 10],
        ["1", "F", "cups", 15],
      ];
      const column = (k: number): unknown[][] => {
        const c = new Array(n);
        for (let i = 0; i < n; i++) c[i] = [i < rows.length ? rows[i][k] : i % 2 ? "" : null];
        return c;
      };
      const fn = (window as unknown as { __associated: Record<string, (...a: unknown[]) => unknown> }).__associated["GROW.ROWS"];
      const args = [column(0), column(1), column(2), column(3)];
      return { r: fn(...args, null, null, {}) as number[][] };
    }, 1_048_576);
    expect(out.r[0][0]).toBeCloseTo(61.751160772987156, 10);
    expect(out.r[0][3]).toBe(105);
  });
});
