/*
 * INDEX and DIAGNOSE through the BUILT bundle, called the way Excel calls them: metadata, header
 * variants, the three empty-tail forms of peers, data types, zh names and messages (Office's
 * display language set in the page), whole-call errors thrown as CustomFunctions.Error.
 * Expected values are the hand example of test/diagnose/diagnose.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadBundle, type Bundle, type XlResult } from "../harness/bundle";

let b: Bundle;
beforeAll(async () => {
  b = await loadBundle();
});
afterAll(async () => b?.close());

/*
 *            FAST.F  FAST.A  SUPER.U  NEO.N  START.SEEDING  GROW.R
 * brand      1000    0.30    0.05     110    (blank)        5000
 * peers       800    0.20    0.04     100    0.08           2000
 *            1200    0.30    0.06     120    0.10           8000
 *             900    0.40    (blank)   90    0.05           3000
 *            1500    0.25    0.05     130    0.12           4000
 * percentile: FAST.F 50, FAST.A 62.5, SUPER.U 50, NEO.N 50, GROW.R 75 → FAST 56.25, SUPER 50,
 * NEO 50, FASTPLUS #N/A, START #N/A, COMPOSITE 52.083…
 * index: FAST.F 100 × 1000 / 1050, FAST.A 100 × 0.3 / 0.275, SUPER.U 100, NEO.N 100.
 */
const HEADER = ["fast-f", "FAST.A", "SUPER U", "neo_n", "种草", "grow.r"];
const BRAND = [HEADER, [1000, 0.3, 0.05, 110, null, 5000]];
const PEERS = [
  [800, 0.2, 0.04, 100, 0.08, 2000],
  [1200, 0.3, 0.06, 120, 0.1, 8000],
  [900, 0.4, null, 90, 0.05, 3000],
  [1500, 0.25, 0.05, 130, 0.12, 4000],
];
const NA = "FASTPLUS: no indicator could be scored (each needs a brand value and at least one peer value)";
const PCT = [56.25, 50, 50, { error: "#N/A", message: NA }, { error: "#N/A" }, (56.25 + 100) / 3];
const FAST_IDX = ((100 * 1000) / 1050 + (100 * 0.3) / 0.275) / 2;
const DIAG_EN = [
  ["FAST.F", "Fertility", 50, 1000, 1050, "Custom strategy crowds"],
  ["SUPER.U", "Utmost conversion", 50, 0.05, 0.05, "Style-trend insight; IP co-branding"],
  ["NEO.N", "Novelty", 50, 110, 110, "Brand-mind diagnosis; Pioneer-crowd operation"],
];
const DIAG_ZH = [
  ["FAST.F", "人群总量", 50, 1000, 1050, "策略人群定制"],
  ["SUPER.U", "购买转化率", 50, 0.05, 0.05, "风格趋势洞察; IP联名营销"],
  ["NEO.N", "创新力", 50, 110, 110, "品牌心智诊断; 先锋人群运营"],
];

function row(actual: XlResult, expected: unknown[]): void {
  const r = (actual as unknown[][])[0];
  expect(r).toHaveLength(expected.length);
  expected.forEach((e, k) => {
    if (typeof e === "number") expect(r[k] as number, `cell ${k}`).toBeCloseTo(e, 10);
    else expect(r[k], `cell ${k}`).toMatchObject(e as object);
  });
}

/** Run calls with Office's display language set to zh-CN in the page, then unset it. */
async function inChinese(calls: unknown[][]): Promise<XlResult[]> {
  await b.page.evaluate(() => {
    const w = window as unknown as { Office?: unknown };
    w.Office = { context: { displayLanguage: "zh-CN" } };
  });
  try {
    return await b.callMany(calls);
  } finally {
    await b.page.evaluate(() => {
      const w = window as unknown as { Office?: unknown };
      delete w.Office;
    });
  }
}

describe("metadata", () => {
  it("declares INDEX and DIAGNOSE with SPEC's parameter names and matrix results", () => {
    const fn = (id: string) => b.metadata.functions.find((f) => f.id === id)!;
    expect(fn("INDEX").parameters.map((p) => p.name)).toEqual(["brand", "peers", "method", "weights", "with_headers"]);
    expect(fn("DIAGNOSE").parameters.map((p) => p.name)).toEqual(["brand", "peers", "top_n", "method", "scenario_map", "with_headers"]);
    for (const id of ["INDEX", "DIAGNOSE"]) {
      expect(fn(id).result?.dimensionality).toBe("matrix");
      expect(b.associated).toContain(id);
    }
    expect(b.loadErrors).toEqual([]);
  });
});

describe("DTC.INDEX", () => {
  it("returns the hand example by percentile (default) and index, with headers", async () => {
    const [pct, idx, hdr] = await b.callMany([
      ["INDEX", BRAND, PEERS],
      ["INDEX", BRAND, PEERS, "index"],
      ["INDEX", BRAND, PEERS, null, null, true],
    ]);
    row(pct, PCT);
    row(idx, [FAST_IDX, 100, 100, { error: "#N/A" }, { error: "#N/A" }, (FAST_IDX + 200) / 3]);
    expect((hdr as unknown[][])[0]).toEqual(["FAST", "SUPER", "NEO", "FASTPLUS", "START", "COMPOSITE"]);
    row([(hdr as unknown[][])[1]] as XlResult, PCT);
  });
  it("reads peers with or without a header row, and skips an empty tail sent as null, \"\" or 0", async () => {
    const order = [5, 3, 0, 2, 1, 4];
    const header = ["GROW-R", "创新力", "人群总量", "super_u", "fast.a", "START.SEEDING"];
    const calls: unknown[][] = [];
    for (const form of [null, "", 0]) {
      const tail = Array.from({ length: 2000 }, () => new Array(6).fill(form));
      calls.push(["INDEX", BRAND, [...PEERS, ...tail]]);
      calls.push(["INDEX", BRAND, [header, ...PEERS.map((r) => order.map((j) => r[j])), ...tail]]);
      calls.push(["INDEX", [[form, ...HEADER], ["us", ...BRAND[1]]], [[form, ...HEADER], ...PEERS.map((r) => ["peer", ...r]), ...tail]]);
    }
    for (const out of await b.callMany(calls)) row(out, PCT);
  });
  it("weighs by a header row of codes, reads data types", async () => {
    const dbl = (x: number) => ({ type: "Double", basicValue: x, numberFormat: "0.00" });
    const [w, dt] = await b.callMany([
      ["INDEX", BRAND, PEERS, null, [["加深率"], [3]]],
      ["INDEX", [HEADER.map((h) => ({ type: "String", basicValue: h })), (BRAND[1] as (number | null)[]).map((v) => (v === null ? v : dbl(v)))], PEERS],
    ]);
    row(w, [59.375, 50, 50, { error: "#N/A" }, { error: "#N/A" }, (59.375 + 100) / 3]);
    row(dt, PCT);
  });
  it("throws #VALUE! naming the argument and the cell", async () => {
    const [code, width, weight, method] = await b.callMany([
      ["INDEX", [["FAST.A", "FAST.Z"], [1, 2]], [[1, 2]]],
      ["INDEX", BRAND, [[1, 2, 3]]],
      ["INDEX", BRAND, PEERS, null, [["FAST.A"], [-1]]],
      ["INDEX", BRAND, PEERS, "mean"],
    ]);
    expect(code).toEqual({
      error: "#VALUE!",
      message:
        'brand row 1 column 2: unknown indicator code "FAST.Z"; use a track and an indicator such as FAST.A, SUPER.U, NEO.N, FASTPLUS.CLV, START.SEEDING, GROW.R, or a Chinese name such as 加深率',
    });
    expect(width).toEqual({ error: "#VALUE!", message: "peers: 3 columns, but brand has 6: without a header row of codes, the columns must be brand's" });
    expect(weight).toEqual({ error: "#VALUE!", message: "weights row 2 column 1: -1 is negative; it must be ≥ 0" });
    expect(method).toEqual({ error: "#VALUE!", message: 'method: "mean" is not one of "percentile", "index"' });
  });
});

describe("DTC.DIAGNOSE", () => {
  it("returns the weakest three with names, medians and scenarios; top_n, index, headers", async () => {
    const [dflt, one, idx, hdr] = await b.callMany([
      ["DIAGNOSE", BRAND, PEERS],
      ["DIAGNOSE", BRAND, PEERS, 1],
      ["DIAGNOSE", BRAND, PEERS, 10, "index"],
      ["DIAGNOSE", BRAND, PEERS, 2, null, null, true],
    ]);
    expect(dflt).toEqual(DIAG_EN);
    expect(one).toEqual([DIAG_EN[0]]);
    expect((idx as unknown[][]).map((r) => r[0])).toEqual(["FAST.F", "SUPER.U", "NEO.N", "FAST.A", "GROW.R"]);
    expect(hdr).toEqual([["code", "name", "score", "brand_value", "peer_median", "scenarios"], ...DIAG_EN.slice(0, 2)]);
  });
  it("is the same over an empty tail in each form, with or without a header row", async () => {
    const calls: unknown[][] = [];
    for (const form of [null, "", 0]) {
      const tail = Array.from({ length: 2000 }, () => new Array(6).fill(form));
      calls.push(["DIAGNOSE", BRAND, [...PEERS, ...tail]], ["DIAGNOSE", BRAND, [HEADER, ...PEERS, ...tail]]);
    }
    for (const out of await b.callMany(calls)) expect(out).toEqual(DIAG_EN);
  });
  it("takes a user scenario map with a header row and an empty tail", async () => {
    const map = [["场景", "指标"], ["Crowd push", "FAST.F；GROW.R"], ["Brand work", "NEO、SUPER.U"], ...Array.from({ length: 100 }, () => [0, 0])];
    expect(await b.call("DIAGNOSE", BRAND, PEERS, 2, null, map)).toEqual([
      ["FAST.F", "Fertility", 50, 1000, 1050, "Crowd push"],
      ["SUPER.U", "Utmost conversion", 50, 0.05, 0.05, "Brand work"],
    ]);
  });
  it("throws #VALUE! for top_n and map errors, #N/A when nothing is scored", async () => {
    const [top, map, none] = await b.callMany([
      ["DIAGNOSE", BRAND, PEERS, 0],
      ["DIAGNOSE", BRAND, PEERS, 3, null, [["A", "FAST.Q"]]],
      ["DIAGNOSE", [["FAST.A"], [null]], [[1]]],
    ]);
    expect(top).toEqual({ error: "#VALUE!", message: "top_n: 0 must be a whole number ≥ 1" });
    expect(map).toMatchObject({ error: "#VALUE!", message: expect.stringMatching(/^scenario_map row 1 column 2: unknown indicator code "FAST.Q"/) });
    expect(none).toEqual({ error: "#N/A", message: "no indicator could be scored: each needs a value in brand and at least one value in peers" });
  });
});

describe("in Chinese (Office display language zh-CN)", () => {
  it("writes names, scenarios and messages in Chinese; codes stay canonical", async () => {
    const [diag, index, bad, none] = await inChinese([
      ["DIAGNOSE", BRAND, PEERS],
      ["INDEX", BRAND, PEERS],
      ["DIAGNOSE", [["FAST.A", "加深率"], [1, 2]], [[1, 2]]],
      ["DIAGNOSE", [["FAST.A"], [null]], [[1]]],
    ]);
    expect(diag).toEqual(DIAG_ZH);
    expect((index as unknown[][])[0][3]).toEqual({ error: "#N/A", message: "FASTPLUS：没有可评分的指标（每个指标需要本品牌值和至少一个对标品牌值）" });
    expect(bad).toEqual({ error: "#VALUE!", message: "brand 第 1 行第 2 列：FAST.A 已在第 1 列出现；每个指标只能给出一次" });
    expect(none).toEqual({ error: "#N/A", message: "没有可评分的指标：每个指标需要 brand 中的值和 peers 中至少一个值" });
    // Back in English afterwards.
    expect(await b.call("DIAGNOSE", BRAND, PEERS, 1)).toEqual([DIAG_EN[0]]);
  });
});
