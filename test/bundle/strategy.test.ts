/*
 * ASSOC, CLUSTER and CALIBRATE (SPEC §13–15) through the BUILT bundle, called the way Excel
 * calls them: hand-worked examples, errors with their messages, header rows, and the three forms
 * of an empty tail (null, "" and 0) with and without a header row. Hand values are worked out in
 * test/models/{assoc,cluster,calibrate}.test.ts and repeated here in short.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isError, loadBundle, type Bundle, type XlError, type XlResult } from "../harness/bundle";

let b: Bundle;
beforeAll(async () => {
  b = await loadBundle();
});
afterAll(async () => b?.close());

type Rows = unknown[][];
const FORMS = [null, "", 0] as const;
const tail = (form: (typeof FORMS)[number], width: number, n = 2000): Rows => Array.from({ length: n }, () => new Array(width).fill(form));
const col = (t: Rows, j: number): Rows => t.map((r) => [r[j]]);

/** Numbers within a relative 1e-12, texts and errors equal. */
function expectTable(actual: XlResult, expected: unknown[][]): void {
  expect(Array.isArray(actual), JSON.stringify(actual)).toBe(true);
  const a = actual as unknown[][];
  expect(a.length).toBe(expected.length);
  a.forEach((row, i) => {
    expect(row.length).toBe(expected[i].length);
    row.forEach((v, j) => {
      const e = expected[i][j];
      if (typeof e === "number") {
        expect(typeof v, `row ${i + 1} column ${j + 1}`).toBe("number");
        expect(Math.abs((v as number) - e)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(e)));
      } else expect(v, `row ${i + 1} column ${j + 1}`).toEqual(e);
    });
  });
}

// --- ASSOC -------------------------------------------------------------------------------------

/*
 * Orders {tea, cups}, {tea, cups, snacks}, {tea, snacks}, {cups}, {tea}: B = 5, n(tea) 4,
 * n(cups) 3, n(snacks) 2, n(tea, cups) 2, n(tea, snacks) 2, n(cups, snacks) 1.
 */
const LINES: Rows = [
  [101, "tea"], [101, "cups"], ["102", "tea"], [102, "cups"], [102, "snacks"], [102, " tea "],
  ["O103", "tea"], ["O103", "snacks"], ["O104", "cups"], ["O105", "tea"],
];
const RULES = [
  ["snacks", "tea", 0.4, 1, 1.25, 2],
  ["tea", "snacks", 0.4, 0.5, 1.25, 2],
  ["cups", "tea", 0.4, 2 / 3, 5 / 6, 2],
  ["tea", "cups", 0.4, 0.5, 5 / 6, 2],
  ["cups", "snacks", 0.2, 1 / 3, 5 / 6, 1],
  ["snacks", "cups", 0.2, 0.5, 5 / 6, 1],
];
const assoc = (t: Rows, ...rest: unknown[]): Promise<XlResult> => b.call("ASSOC", col(t, 0), col(t, 1), ...rest);

describe("DTC.ASSOC", () => {
  it("returns the rules of the hand-worked table, min_support, top_n and with_headers", async () => {
    expectTable(await assoc(LINES), RULES);
    expectTable(await assoc(LINES, 0.3, 3), RULES.slice(0, 3));
    expectTable(await assoc(LINES, null, null, true), [["from", "to", "support", "confidence", "lift", "baskets_both"], ...RULES]);
  });
  it("gives the same rules under a header row and over an empty tail of null, \"\" or 0", async () => {
    for (const form of FORMS) {
      for (const header of [[], [["order_id", "category"]], [["订单号", "品类"]]]) {
        expectTable(await assoc([...header, ...LINES, ...tail(form, 2)]), RULES);
      }
    }
  });
  it("gives #VALUE! and #N/A with a message naming the argument and row", async () => {
    expect(await assoc([["basket", "category"], ["o1", "tea"], ["o1", ""]])).toEqual({ error: "#VALUE!", message: "category row 3: a value is required here" });
    expect(await assoc(LINES, 2)).toEqual({ error: "#VALUE!", message: "min_support: 2 is not a rate between 0 and 1" });
    expect(await assoc(LINES, null, 0)).toEqual({ error: "#VALUE!", message: "top_n: 0 must be a whole number ≥ 1" });
    expect(await assoc(LINES, 0.5)).toEqual({
      error: "#N/A",
      message: "no pair of categories reaches min_support (0.5): the most frequent pair is bought together in 2 of 5 baskets",
    });
    const short = (await b.call("ASSOC", col(LINES, 0), col(LINES, 1).slice(0, 3))) as XlError;
    expect(short.error).toBe("#VALUE!");
    expect(short.message).toMatch(/^category has 3 rows but basket has 10/);
  });
  it("handles 1,048,576 order lines: a header row, 1,000,000 lines and an empty tail", async () => {
    const out = await b.page.evaluate((n) => {
      // mulberry32, then orders of 1–4 lines over 60 categories (skewed), "SO…" order ids.
      let a = 11;
      const r = (): number => {
        a = (a + 0x6d2b79f5) >>> 0;
        let t = a;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
      };
      const basket = new Array(n);
      const category = new Array(n);
      basket[0] = ["order_id"];
      category[0] = ["category"];
      const filled = 1_000_001;
      let i = 1;
      for (let order = 0; i < filled; order++) {
        const lines = 1 + Math.floor(r() * 4);
        for (let k = 0; k < lines && i < filled; k++, i++) {
          basket[i] = ["SO" + order];
          category[i] = ["cat" + Math.floor(Math.pow(r(), 1.5) * 60)];
        }
      }
      for (; i < n; i++) {
        basket[i] = [i % 3 === 0 ? null : i % 3 === 1 ? "" : 0];
        category[i] = [i % 3 === 0 ? null : i % 3 === 1 ? "" : 0];
      }
      // Brute count of the baskets holding both categories of a rule, with Sets.
      const sets = new Map<string, Set<string>>();
      for (let j = 1; j < filled; j++) {
        let s = sets.get(basket[j][0]);
        if (!s) sets.set(basket[j][0], (s = new Set()));
        s.add(category[j][0]);
      }
      const fn = (window as unknown as { __associated: Record<string, (...x: unknown[]) => unknown> }).__associated["ASSOC"];
      const t0 = performance.now();
      const res = fn(basket, category, 0.001, 5, null, {}) as unknown[][];
      const ms = performance.now() - t0;
      const both = res.map((row) => {
        let c = 0;
        for (const s of sets.values()) if (s.has(row[0] as string) && s.has(row[1] as string)) c++;
        return c;
      });
      return { res, ms, both, baskets: sets.size };
    }, 1_048_576);
    expect(out.res).toHaveLength(5);
    out.res.forEach((row, i) => {
      expect(row[5]).toBe(out.both[i]);
      expect(row[2] as number).toBeCloseTo(out.both[i] / out.baskets, 14);
    });
    expect(out.ms).toBeLessThan(5000);
  });
});

// --- CLUSTER -----------------------------------------------------------------------------------

/*
 * x = 1, 2, 4, 8: population sd sqrt(28.75 ÷ 4); unit-size Ward heights 1/sd,
 * sqrt(4/3)·2.5/sd and sqrt(1.5)·(7 − 4/3)/sd; with sizes 10, 10, 1, 1: 2–3 first at
 * sqrt(20/11)·2/sd, then 1 at sqrt(220/21)·(13/11)/sd, then 4 at sqrt(42/22)·(7 − 13/21)/sd.
 */
const SD = Math.sqrt(28.75 / 4);
const PROFILES: Rows = [[1, 10], [2, 20], [4, 30], [8, 40]];
const W = [[1, 0]]; // aov weighs 0: the clusters of x alone
const UNIT_TREE = [
  [1, 2, 1 / SD, 2],
  [3, 5, (Math.sqrt(4 / 3) * 2.5) / SD, 3],
  [4, 6, (Math.sqrt(1.5) * (7 - 4 / 3)) / SD, 4],
];
const SIZED_TREE = [
  [2, 3, (Math.sqrt(20 / 11) * 2) / SD, 2],
  [1, 5, (Math.sqrt(220 / 21) * (13 / 11)) / SD, 3],
  [4, 6, (Math.sqrt(42 / 22) * (7 - 13 / 21)) / SD, 4],
];
const SIZES = [[10], [10], [1], [1]];

describe("DTC.CLUSTER", () => {
  it("returns labels, the tree and the profile of the hand-worked example", async () => {
    expect(await b.call("CLUSTER", PROFILES, 2, W)).toEqual([[1], [1], [1], [2]]);
    expect(await b.call("CLUSTER", PROFILES, 3, W)).toEqual([[1], [1], [2], [3]]);
    expectTable(await b.call("CLUSTER", PROFILES, 1, W, null, "tree"), UNIT_TREE);
    expectTable(await b.call("CLUSTER", PROFILES, 1, W, SIZES, "tree", true), [["a", "b", "distance", "segments"], ...SIZED_TREE]);
    expect(await b.call("CLUSTER", PROFILES, 3, W, SIZES)).toEqual([[1], [2], [2], [3]]);
    // profile: cluster 1 = segments 1–3 (size 21): x (10 + 20 + 4) ÷ 21, aov (100 + 200 + 30) ÷ 21.
    expectTable(await b.call("CLUSTER", PROFILES, 2, W, SIZES, "profile", true), [
      ["cluster", "segments", "size", "feature_1", "feature_2"],
      [1, 3, 21, 34 / 21, 330 / 21],
      [2, 1, 1, 8, 40],
    ]);
  });
  it("gives the same result under a header row and over an empty tail of null, \"\" or 0", async () => {
    for (const form of FORMS) {
      const plain = [...PROFILES, ...tail(form, 2)];
      const named = [["recency", "aov"], ...plain];
      expect(await b.call("CLUSTER", plain, 2, W)).toEqual([[1], [1], [1], [2]]);
      expect(await b.call("CLUSTER", named, 2, W)).toEqual([[1], [1], [1], [2]]);
      expectTable(await b.call("CLUSTER", named, 1, W, null, "tree"), UNIT_TREE);
      // sizes over the same rows, header included, tail blank in the same form
      expectTable(await b.call("CLUSTER", named, 1, W, [["size"], ...SIZES, ...tail(form, 1)], "tree"), SIZED_TREE);
      const prof = (await b.call("CLUSTER", named, 2, W, null, "profile")) as unknown[][];
      expect(prof[0]).toEqual(["cluster", "segments", "size", "recency", "aov"]);
    }
  });
  it("gives #VALUE! and #N/A with a message naming the argument, row and column", async () => {
    expect(await b.call("CLUSTER", [["x", "y"], [1, 2], [3, "?"]], 1)).toEqual({ error: "#VALUE!", message: 'profiles row 3 column 2: "?" is not a number' });
    expect(await b.call("CLUSTER", PROFILES, 5)).toEqual({ error: "#VALUE!", message: "k: 5 is more than the 4 segments of profiles; k must be at most 4" });
    expect(await b.call("CLUSTER", PROFILES, 2, [[1]])).toEqual({ error: "#VALUE!", message: "weights: expected 2 values, got 1" });
    expect(await b.call("CLUSTER", PROFILES, 2, null, [[1], [0], [1], [1]])).toEqual({ error: "#VALUE!", message: "sizes row 2: 0 must be greater than 0" });
    expect(await b.call("CLUSTER", PROFILES, 2, null, null, "pie")).toEqual({ error: "#VALUE!", message: 'output: "pie" is not one of "labels", "tree", "profile"' });
    expect(await b.call("CLUSTER", [[1, 2]], 1, null, null, "tree")).toEqual({
      error: "#N/A",
      message: "profiles: a single segment has no merge to show; the tree needs at least 2 segments",
    });
  });
  it("clusters 2,000 segments × 30 features", async () => {
    const out = await b.page.evaluate(() => {
      let a = 2000;
      const r = (): number => {
        a = (a + 0x6d2b79f5) >>> 0;
        let t = a;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
      };
      const profiles = Array.from({ length: 2000 }, (_, i) => Array.from({ length: 30 }, (_, j) => r() * 100 + (i % 6) * 15 * (j % 3)));
      const fn = (window as unknown as { __associated: Record<string, (...x: unknown[]) => unknown> }).__associated["CLUSTER"];
      const t0 = performance.now();
      const res = fn(profiles, 6, null, null, "labels", null, {}) as number[][];
      return { ms: performance.now() - t0, n: res.length, k: new Set(res.map((x) => x[0])).size };
    });
    expect(out).toMatchObject({ n: 2000, k: 6 });
    expect(out.ms).toBeLessThan(5000);
  });
});

// --- CALIBRATE ---------------------------------------------------------------------------------

/*
 * Totals 500 and 4,000: live 0.6 ÷ 0.25 → TGI 240; content 0.08 ÷ 0.05 → 160; mini 0.02 ÷
 * 0.0125 → 160 (tie: brand 40 before 10); search 0.2 ÷ 0.5 → 40; kol industry 0 → #DIV/0! last.
 */
const ITEMS: Rows = [["live", 300, 1000], ["search", 100, 2000], ["kol", 50, 0], ["content", 40, 200], ["mini", 10, 50]];
const DIV0 = { error: "#DIV/0!", message: "tgi: the denominator is 0" };
const CALIBRATED = [
  ["live", 300, 1000, 0.6, 0.25, 240],
  ["content", 40, 200, 0.08, 0.05, 160],
  ["mini", 10, 50, 0.02, 0.0125, 160],
  ["search", 100, 2000, 0.2, 0.5, 40],
  ["kol", 50, 0, 0.1, 0, DIV0],
];

describe("DTC.CALIBRATE", () => {
  it("returns shares and TGI sorted, #DIV/0! in the cell where industry is 0", async () => {
    expectTable(await b.call("CALIBRATE", ITEMS, 500, 4000), CALIBRATED);
    expectTable(await b.call("CALIBRATE", ITEMS, 500, 4000, 20), CALIBRATED.filter((r) => r[0] !== "mini"));
    expectTable(await b.call("CALIBRATE", ITEMS, 500, 4000, null, true), [
      ["name", "brand", "industry", "brand_share", "industry_share", "tgi"],
      ...CALIBRATED,
    ]);
    // Blank totals: the column sums 500 and 3,250 (live: 100 × 0.6 ÷ (1000/3250) = 195).
    const sums = (await b.call("CALIBRATE", ITEMS)) as unknown[][];
    expect(sums[0][0]).toBe("live");
    expect(sums[0][5] as number).toBeCloseTo(195, 12);
  });
  it("gives the same result under a header row and over an empty tail of null, \"\" or 0", async () => {
    for (const form of FORMS) {
      expectTable(await b.call("CALIBRATE", [...ITEMS, ...tail(form, 3)], 500, 4000), CALIBRATED);
      expectTable(await b.call("CALIBRATE", [["渠道", "品牌人数", "行业人数"], ...ITEMS, ...tail(form, 3)], 500, 4000), CALIBRATED);
      const reordered = [["industry", "name", "brand"], ...ITEMS.map(([n, x, y]) => [y, n, x]), ...tail(form, 3)];
      expectTable(await b.call("CALIBRATE", reordered, 500, 4000), CALIBRATED);
    }
  });
  it("gives #VALUE! and #N/A with a message naming the argument, row and column", async () => {
    expect(await b.call("CALIBRATE", ITEMS, 200, 4000)).toEqual({ error: "#VALUE!", message: "items row 1 column 2: 300 exceeds brand_total (200)" });
    expect(await b.call("CALIBRATE", [["name", "brand", "industry"], ["a", -3, 10]])).toEqual({
      error: "#VALUE!",
      message: "items row 2 column 2 (brand): -3 is negative; a count must be ≥ 0",
    });
    expect(await b.call("CALIBRATE", [["name", "brand"], ["a", 1]])).toEqual({ error: "#VALUE!", message: 'items: missing required column "industry" (header row found)' });
    expect(await b.call("CALIBRATE", ITEMS, 0)).toEqual({ error: "#VALUE!", message: "brand_total: 0 must be greater than 0" });
    expect(await b.call("CALIBRATE", ITEMS, 500, 4000, 1000)).toEqual({ error: "#N/A", message: "min_brand: no item has brand ≥ min_brand (1000)" });
    const r = await b.call("CALIBRATE", [[null, null, null]]);
    expect(isError(r) && r.message).toBe("items has no data rows");
  });
});
