/* INDEX and DIAGNOSE (SPEC §16) on the engine: hand-worked examples, header variants, weights, blanks, zh, errors. */
import { afterEach, describe, expect, it } from "vitest";
import { diagnoseExcel, indexExcel } from "../../src/diagnose/diagnose";
import { CellError, type ResultCell } from "../../src/excel/errors";
import { formatMessage, setLanguage } from "../../src/excel/messages";
import { failure } from "../harness/failure";

afterEach(() => setLanguage("en"));

/*
 * Hand example: six indicators, written in mixed spellings; START.SEEDING has no brand value and
 * FASTPLUS is not given.
 *
 *            FAST.F  FAST.A  SUPER.U  NEO.N  START.SEEDING  GROW.R
 * brand      1000    0.30    0.05     110    (blank)        5000
 * peer 1      800    0.20    0.04     100    0.08           2000
 * peer 2     1200    0.30    0.06     120    0.10           8000
 * peer 3      900    0.40    (blank)   90    0.05           3000
 * peer 4     1500    0.25    0.05     130    0.12           4000
 *
 * percentile = 100 × (#below + ½ #equal) ÷ #peers with a value:
 *   FAST.F: 800, 900 below → 2/4 = 50        FAST.A: 0.20, 0.25 below, 0.30 equal → 2.5/4 = 62.5
 *   SUPER.U: 0.04 below, 0.05 equal of 3 → 1.5/3 = 50    NEO.N: 90, 100 below → 2/4 = 50
 *   START.SEEDING: left out (brand blank)    GROW.R: 2000, 3000, 4000 below → 3/4 = 75
 *   FAST = (50 + 62.5) / 2 = 56.25; SUPER = 50; NEO = 50; FASTPLUS, START #N/A;
 *   COMPOSITE = (56.25 + 50 + 50) / 3 = 52.0833…  (GROW.R is scored but in no track)
 * index = 100 × brand ÷ median:
 *   FAST.F: median(800, 900, 1200, 1500) = 1050 → 95.238…   FAST.A: median = 0.275 → 109.0909…
 *   SUPER.U: median 0.05 → 100   NEO.N: median 110 → 100   GROW.R: median 3500 → 142.857…
 *   FAST = (95.238… + 109.0909…) / 2 = 102.1645…; COMPOSITE = (102.1645… + 100 + 100) / 3
 * weights FAST.A = 3: FAST (percentile) = (50 + 3 × 62.5) / 4 = 59.375
 * DIAGNOSE, percentile: FAST.F, SUPER.U, NEO.N all 50, a tie kept in table order; then FAST.A 62.5, GROW.R 75.
 * DIAGNOSE, index: FAST.F 95.24, then SUPER.U and NEO.N at 100 (table order), FAST.A, GROW.R.
 */
const HEADER = ["fast-f", "FAST.A", "SUPER U", "neo_n", "种草", "grow.r"];
const BRAND = [HEADER, [1000, 0.3, 0.05, 110, "", 5000]];
const PEERS = [
  [800, 0.2, 0.04, 100, 0.08, 2000],
  [1200, 0.3, 0.06, 120, 0.1, 8000],
  [900, 0.4, null, 90, 0.05, 3000],
  [1500, 0.25, 0.05, 130, 0.12, 4000],
];
const F_IDX = (100 * 1000) / 1050;
const A_IDX = (100 * 0.3) / 0.275;
const FAST_IDX = (F_IDX + A_IDX) / 2;

const kind = (c: ResultCell): string | undefined => (c instanceof CellError ? c.kind : undefined);
const message = (c: ResultCell): string => formatMessage(c as CellError);
function near(actual: ResultCell[], expected: (number | string)[]): void {
  expect(actual).toHaveLength(expected.length);
  expected.forEach((e, k) => {
    if (typeof e === "number") expect(actual[k] as number, `cell ${k}`).toBeCloseTo(e, 10);
    else expect(kind(actual[k]) ?? actual[k], `cell ${k}`).toBe(e);
  });
}

describe("DTC.INDEX", () => {
  it("scores by percentile by default (hand example)", () => {
    const [row] = indexExcel(BRAND, PEERS);
    near(row, [56.25, 50, 50, "#N/A", "#N/A", (56.25 + 100) / 3]);
    expect(message(row[3])).toBe("FASTPLUS: no indicator could be scored (each needs a brand value and at least one peer value)");
  });
  it("scores by index, in English or Chinese words", () => {
    for (const m of ["index", " INDEX ", "指数"]) near(indexExcel(BRAND, PEERS, m)[0], [FAST_IDX, 100, 100, "#N/A", "#N/A", (FAST_IDX + 200) / 3]);
    near(indexExcel(BRAND, PEERS, "百分位")[0], [56.25, 50, 50, "#N/A", "#N/A", (56.25 + 100) / 3]);
  });
  it("adds the track names with with_headers", () => {
    const out = indexExcel(BRAND, PEERS, null, null, true);
    expect(out[0]).toEqual(["FAST", "SUPER", "NEO", "FASTPLUS", "START", "COMPOSITE"]);
    expect(out).toHaveLength(2);
  });
  it("weighs by a header row of codes over one row of weights (missing = 1), or by one row in brand's columns", () => {
    near(indexExcel(BRAND, PEERS, null, [["加深率"], [3]])[0], [59.375, 50, 50, "#N/A", "#N/A", (59.375 + 100) / 3]);
    near(indexExcel(BRAND, PEERS, null, [["SUPER.U", "fast a", "NEO.N"], ["", "300%", 2]])[0], [59.375, 50, 50, "#N/A", "#N/A", (59.375 + 100) / 3]);
    near(indexExcel(BRAND, PEERS, null, [[1, 3, 1, 1, 1, 1]])[0], [59.375, 50, 50, "#N/A", "#N/A", (59.375 + 100) / 3]);
    // Omitted, blank, a blank cell: all 1.
    for (const w of [null, undefined, "", [[""]], [[null]]]) near(indexExcel(BRAND, PEERS, null, w)[0], [56.25, 50, 50, "#N/A", "#N/A", (56.25 + 100) / 3]);
  });
  it("gives #DIV/0! in a track whose scored indicators all weigh 0, and leaves it out of COMPOSITE", () => {
    const [row] = indexExcel(BRAND, PEERS, null, [["FAST.F", "FAST.A"], [0, 0]]);
    near(row, ["#DIV/0!", 50, 50, "#N/A", "#N/A", 50]);
  });
  it("reads peers under a header row of codes in another order and spelling; unknown-to-brand columns are ignored", () => {
    const order = [5, 3, 0, 2, 1, 4];
    const header = ["GROW-R", "创新力", "人群总量", "super_u", "fast.a", "START.SEEDING"];
    const peers = [header, ...PEERS.map((r) => order.map((j) => r[j]))];
    near(indexExcel(BRAND, peers)[0], [56.25, 50, 50, "#N/A", "#N/A", (56.25 + 100) / 3]);
    // A peers column the brand does not give (FASTPLUS.CLV) plays no part; a brand code missing from peers is not scored.
    const extra = [["FASTPLUS.CLV", ...header.slice(0, 5)], ...PEERS.map((r) => [7, ...order.slice(0, 5).map((j) => r[j])])];
    near(indexExcel(BRAND, extra)[0], [56.25, 50, 50, "#N/A", "#N/A", (56.25 + 100) / 3]);
    const noNeo = [header.filter((h) => h !== "创新力"), ...PEERS.map((r) => order.filter((j) => j !== 3).map((j) => r[j]))];
    near(indexExcel(BRAND, noNeo)[0], [56.25, 50, "#N/A", "#N/A", "#N/A", (56.25 + 50) / 2]);
  });
  it("skips peer rows of blanks or 0 (the tail of a whole column), and reads 0 inside a kept row as a value", () => {
    for (const form of [null, "", 0, undefined]) {
      const tail = Array.from({ length: 50 }, () => new Array(6).fill(form));
      near(indexExcel(BRAND, [...PEERS, ...tail])[0], [56.25, 50, 50, "#N/A", "#N/A", (56.25 + 100) / 3]);
      near(indexExcel(BRAND, [HEADER, ...PEERS, ...tail])[0], [56.25, 50, 50, "#N/A", "#N/A", (56.25 + 100) / 3]);
    }
    // A fifth peer with 0 for FAST.F, 7 for SUPER.U, blanks elsewhere: FAST.F = 3 below of 5 = 60,
    // SUPER.U = (1 below + ½ equal) of 4 = 37.5; FAST = (60 + 62.5) / 2 = 61.25.
    near(indexExcel(BRAND, [...PEERS, [0, "", 7, "", "", ""]])[0], [61.25, 37.5, 50, "#N/A", "#N/A", (61.25 + 37.5 + 50) / 3]);
  });
  it("ignores a names column: an empty (or 0) header cell or a label header such as 品牌", () => {
    for (const label of ["", 0, null, "品牌", "Brand", "name"]) {
      const brand = [[label, ...HEADER], ["Our brand", ...BRAND[1]]];
      const peers = PEERS.map((r, i) => [`peer ${i + 1}`, ...r]);
      near(indexExcel(brand, peers)[0], [56.25, 50, 50, "#N/A", "#N/A", (56.25 + 100) / 3]);
      near(indexExcel(brand, [[label, ...HEADER], ...peers])[0], [56.25, 50, 50, "#N/A", "#N/A", (56.25 + 100) / 3]);
    }
  });
  it("reads numbers as text, percentages and data types", () => {
    const brand = [HEADER.map((h) => ({ type: "String", basicValue: h })), ["1000", "30%", { type: "Double", basicValue: 0.05 }, " 110 ", null, 5e3]];
    near(indexExcel(brand, PEERS)[0], [56.25, 50, 50, "#N/A", "#N/A", (56.25 + 100) / 3]);
  });
  it("is #N/A in every cell when nothing can be scored", () => {
    const [row] = indexExcel([["FAST.A", "NEO.N"], ["", ""]], [[1, 2]]);
    expect(row.map(kind)).toEqual(["#N/A", "#N/A", "#N/A", "#N/A", "#N/A", "#N/A"]);
    expect(message(row[5])).toBe("COMPOSITE: no track could be scored");
    // Index method: a peer median of 0 leaves the indicator out.
    // (Rows of 0 alone would be skipped as empty; here NEO.N keeps them.)
    const brand = [["FAST.A", "NEO.N"], [0.3, ""]];
    const peers = [[0, 1], [0, 2], [1, 3]];
    expect(indexExcel(brand, peers, "index")[0].map(kind)).toEqual(["#N/A", "#N/A", "#N/A", "#N/A", "#N/A", "#N/A"]);
    near(indexExcel(brand, peers)[0], [100 * (2 / 3), "#N/A", "#N/A", "#N/A", "#N/A", 100 * (2 / 3)]);
  });
  it("scores only GROW: every track #N/A", () => {
    expect(indexExcel([["GROW.G"], [5]], [[1], [9]])[0].map(kind)).toEqual(["#N/A", "#N/A", "#N/A", "#N/A", "#N/A", "#N/A"]);
  });
});

describe("DTC.DIAGNOSE", () => {
  it("lists the 3 lowest by percentile, ties in table order, with names, medians and scenarios (hand example)", () => {
    const out = diagnoseExcel(BRAND, PEERS);
    expect(out).toEqual([
      ["FAST.F", "Fertility", 50, 1000, 1050, "Custom strategy crowds"],
      ["SUPER.U", "Utmost conversion", 50, 0.05, 0.05, "Style-trend insight; IP co-branding"],
      ["NEO.N", "Novelty", 50, 110, 110, "Brand-mind diagnosis; Pioneer-crowd operation"],
    ]);
  });
  it("takes top_n and the index method; top_n larger than the scored indicators lists them all", () => {
    const out = diagnoseExcel(BRAND, PEERS, 10, "index");
    expect(out.map((r) => r[0])).toEqual(["FAST.F", "SUPER.U", "NEO.N", "FAST.A", "GROW.R"]);
    expect(out[0][2] as number).toBeCloseTo(F_IDX, 10);
    expect(out[3][2] as number).toBeCloseTo(A_IDX, 10);
    expect(out[3][4] as number).toBeCloseTo(0.275, 12);
    expect(out[4]).toEqual(["GROW.R", "Retain", (100 * 5000) / 3500, 5000, 3500, "Cross-category expansion"]);
    expect(diagnoseExcel(BRAND, PEERS, 1)).toEqual([["FAST.F", "Fertility", 50, 1000, 1050, "Custom strategy crowds"]]);
    expect(diagnoseExcel(BRAND, PEERS, "2").map((r) => r[0])).toEqual(["FAST.F", "SUPER.U"]);
  });
  it("adds the column names with with_headers", () => {
    const out = diagnoseExcel(BRAND, PEERS, 1, null, null, true);
    expect(out[0]).toEqual(["code", "name", "score", "brand_value", "peer_median", "scenarios"]);
    expect(out).toHaveLength(2);
  });
  it("writes names and scenarios in Chinese when the display language is Chinese; codes stay canonical", () => {
    setLanguage("zh");
    expect(diagnoseExcel(BRAND, PEERS)).toEqual([
      ["FAST.F", "人群总量", 50, 1000, 1050, "策略人群定制"],
      ["SUPER.U", "购买转化率", 50, 0.05, 0.05, "风格趋势洞察; IP联名营销"],
      ["NEO.N", "创新力", 50, 110, 110, "品牌心智诊断; 先锋人群运营"],
    ]);
    expect(diagnoseExcel(BRAND, PEERS, 5).map((r) => r.slice(0, 2))).toContainEqual(["GROW.R", "复购力"]);
  });
  it("replaces the built-in map with a user map [scenario, indicators], with or without a header row", () => {
    const map = [
      ["Crowd push", "FAST.F；GROW.R"],
      ["Conversion clinic", "super-u, 加深率"],
      ["", ""],
      ["Brand work", "NEO"],
      ["Everything about content", "START;NEO.N"],
      ["Nothing yet", ""],
    ];
    const expected = [
      ["FAST.F", "Fertility", 50, 1000, 1050, "Crowd push"],
      ["SUPER.U", "Utmost conversion", 50, 0.05, 0.05, "Conversion clinic"],
      ["NEO.N", "Novelty", 50, 110, 110, "Brand work; Everything about content"],
      ["FAST.A", "Advancing", 62.5, 0.3, 0.275, "Conversion clinic"],
      ["GROW.R", "Retain", 75, 5000, 3500, "Crowd push"],
    ];
    expect(diagnoseExcel(BRAND, PEERS, 5, null, map)).toEqual(expected);
    expect(diagnoseExcel(BRAND, PEERS, 5, null, [["场景", "指标"], ...map])).toEqual(expected);
    expect(diagnoseExcel(BRAND, PEERS, 5, null, [["indicators", "scenario"], ...map.map(([s, i]) => [i, s])])).toEqual(expected);
    // A user map is not translated; an indicator no scenario moves gets "".
    setLanguage("zh");
    expect(diagnoseExcel(BRAND, PEERS, 1, null, [["Only", "GROW.R"]])).toEqual([["FAST.F", "人群总量", 50, 1000, 1050, ""]]);
  });
  it("reads an omitted or blank scenario_map as the built-in map", () => {
    for (const m of [null, undefined, "", 0, [[""]], [[0]]]) expect(diagnoseExcel(BRAND, PEERS, 1, null, m)[0][5]).toBe("Custom strategy crowds");
  });
  it("is #N/A for the whole call when nothing can be scored", () => {
    expect(failure(() => diagnoseExcel([["FAST.A"], [""]], [[1]]))).toEqual({
      kind: "#N/A",
      message: "no indicator could be scored: each needs a value in brand and at least one value in peers",
    });
  });
});

describe("errors name the argument and the cell", () => {
  const cases: [string, () => unknown, string][] = [
    ["unknown code in brand", () => indexExcel([["FAST.A", "FAST.Z"], [1, 2]], [[1, 2]]), 'brand row 1 column 2: unknown indicator code "FAST.Z"; use a track and an indicator such as FAST.A, SUPER.U, NEO.N, FASTPLUS.CLV, START.SEEDING, GROW.R, or a Chinese name such as 加深率'],
    ["a track alone in brand", () => indexExcel([["START"], [1]], [[1]]), 'brand row 1 column 1: unknown indicator code "START"; use a track and an indicator such as FAST.A, SUPER.U, NEO.N, FASTPLUS.CLV, START.SEEDING, GROW.R, or a Chinese name such as 加深率'],
    ["a number as a code", () => indexExcel([["FAST.A", 7], [1, 2]], [[1, 2]]), 'brand row 1 column 2: unknown indicator code "7"; use a track and an indicator such as FAST.A, SUPER.U, NEO.N, FASTPLUS.CLV, START.SEEDING, GROW.R, or a Chinese name such as 加深率'],
    ["ambiguous code", () => indexExcel([["start.t"], [1]], [[1]]), 'brand row 1 column 1: "start.t" is ambiguous (START.TRANSACTION, START.INTERACTION); use the indicator\'s name'],
    ["duplicate code", () => indexExcel([["FAST.A", "NEO.N", "加深率"], [1, 2, 3]], [[1, 2, 3]]), "brand row 1 column 3: FAST.A is already in column 1; give each indicator once"],
    ["duplicate code in peers", () => indexExcel(BRAND, [["FAST.A", "fast-a"], [1, 2]]), "peers row 1 column 2: FAST.A is already in column 1; give each indicator once"],
    ["unknown code in peers", () => indexExcel(BRAND, [["FAST.A", "FAST.B"], [1, 2]]), 'peers row 1 column 2: unknown indicator code "FAST.B"; use a track and an indicator such as FAST.A, SUPER.U, NEO.N, FASTPLUS.CLV, START.SEEDING, GROW.R, or a Chinese name such as 加深率'],
    ["brand of one row", () => indexExcel([["FAST.A", "FAST.F"]], PEERS), "brand: expected a header row of indicator codes over one row of values, got 1×2"],
    ["brand of three rows", () => indexExcel([["FAST.A"], [1], [2]], PEERS), "brand: expected a header row of indicator codes over one row of values, got 3×1"],
    ["brand without codes", () => indexExcel([["", "品牌"], [1, 2]], PEERS), "brand: the header row holds no indicator code (such as FAST.A or 加深率)"],
    ["brand value not a number", () => indexExcel([["FAST.A", "NEO.N"], [1, "high"]], [[1, 2]]), 'brand row 2 column 2: "high" is not a number'],
    ["peers width", () => indexExcel(BRAND, [[1, 2, 3]]), "peers: 3 columns, but brand has 6: without a header row of codes, the columns must be brand's"],
    ["peers value", () => indexExcel(BRAND, [PEERS[0], [1, 2, 3, "x", 5, 6]]), 'peers row 2 column 4: "x" is not a number'],
    ["peers value under a header", () => indexExcel(BRAND, [HEADER, PEERS[0], [1, 2, 3, "x", 5, 6]]), 'peers row 3 column 4: "x" is not a number'],
    ["peers object", () => indexExcel(BRAND, [[1, 2, 3, {}, 5, 6]]), "peers row 1 column 4: holds an object that is not a value (a data type without basicValue)"],
    ["no peers", () => indexExcel(BRAND, []), "peers has no data rows"],
    ["negative weight", () => indexExcel(BRAND, PEERS, null, [["FAST.A", "NEO.N"], [1, -2]]), "weights row 2 column 2: -2 is negative; it must be ≥ 0"],
    ["negative weight by position", () => indexExcel(BRAND, PEERS, null, [[1, 1, 1, -1, 1, 1]]), "weights row 1 column 4: -1 is negative; it must be ≥ 0"],
    ["weights width", () => indexExcel(BRAND, PEERS, null, [[1, 2]]), "weights: 2 columns, but brand has 6: without a header row of codes, the columns must be brand's"],
    ["weights header alone", () => indexExcel(BRAND, PEERS, null, [["FAST.A"]]), "weights: expected a header row of indicator codes over one row of weights, or one row of weights in the columns of brand, got 1×1"],
    ["weights code", () => indexExcel(BRAND, PEERS, null, [["FAST.A", "NEO.Q"], [1, 1]]), 'weights row 1 column 2: unknown indicator code "NEO.Q"; use a track and an indicator such as FAST.A, SUPER.U, NEO.N, FASTPLUS.CLV, START.SEEDING, GROW.R, or a Chinese name such as 加深率'],
    ["method", () => indexExcel(BRAND, PEERS, "median"), 'method: "median" is not one of "percentile", "index"'],
    ["top_n 0", () => diagnoseExcel(BRAND, PEERS, 0), "top_n: 0 must be a whole number ≥ 1"],
    ["top_n 1.5", () => diagnoseExcel(BRAND, PEERS, 1.5), "top_n: 1.5 must be a whole number ≥ 1"],
    ["top_n text", () => diagnoseExcel(BRAND, PEERS, "three"), 'top_n: "three" is not a number'],
    ["map code", () => diagnoseExcel(BRAND, PEERS, 3, null, [["A", "FAST.A, FAST.Q"]]), 'scenario_map row 1 column 2: unknown indicator code "FAST.Q"; use codes such as FAST.A or 加深率, or a track name alone (FAST, SUPER, NEO, FASTPLUS, START, GROW)'],
    ["map scenario name", () => diagnoseExcel(BRAND, PEERS, 3, null, [["scenario", "indicators"], ["A", "FAST.A"], ["", "NEO"]]), "scenario_map row 3 column 1: a value is required here"],
    ["map of one column", () => diagnoseExcel(BRAND, PEERS, 3, null, [["A"], ["B"]]), "scenario_map: expected ≥ 2 columns, got 1"],
    ["empty map", () => diagnoseExcel(BRAND, PEERS, 3, null, [["", ""], [0, 0]]), "scenario_map has no data rows"],
    ["with_headers", () => indexExcel(BRAND, PEERS, null, null, "maybe"), 'with_headers: "maybe" is not a yes/no value (use TRUE/FALSE, 1/0, Y/N, YES/NO or 是/否)'],
  ];
  for (const [what, f, msg] of cases) it(what, () => expect(failure(f)).toEqual({ kind: "#VALUE!", message: msg }));

  it("renders them in Chinese", () => {
    expect(failure(() => indexExcel([["FAST.A", "FAST.Z"], [1, 2]], [[1, 2]]), "zh").message).toBe(
      "brand 第 1 行第 2 列：未知指标代码“FAST.Z”；请用赛道加指标，例如 FAST.A、SUPER.U、NEO.N、FASTPLUS.CLV、START.SEEDING、GROW.R，或中文指标名，例如 加深率",
    );
    expect(failure(() => indexExcel(BRAND, [[1, 2, 3]]), "zh").message).toBe("peers：有 3 列，而 brand 有 6 列；没有指标代码表头时，各列须与 brand 的列一一对应");
    expect(failure(() => diagnoseExcel([["FAST.A"], [""]], [[1]]), "zh").message).toBe("没有可评分的指标：每个指标需要 brand 中的值和 peers 中至少一个值");
  });
});
