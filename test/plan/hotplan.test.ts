/* HOTPLAN (SPEC section 11) on the engine; every expected value is worked out by hand in the comments. */
import { describe, expect, it } from "vitest";
import { hotplan, hotplanExcel, hotplanInput } from "../../src/plan/hotplan";
import { failure } from "../harness/failure";

/*
 * The hand example: target 1,000,000, price 200, phases launch 2 / growth 3 / peak 5 (÷ 10 →
 * 0.2, 0.3, 0.5), crowds Gen Z 3 / 白领 1 (÷ 4 → 0.75, 0.25), funnel [i_to_p 0.1, a_to_i 0.3]
 * shared, units_per_buyer 2, cost_ratio 0.15.
 *
 * | phase  | crowd | gmv     | units | buyers = ⌈units/2⌉ | interest = ⌈b/0.1⌉ | aware = ⌈i/0.3⌉ | spend  |
 * | launch | Gen Z | 150,000 |   750 | 375                | 3,750              | 12,500          | 22,500 |
 * | launch | 白领  |  50,000 |   250 | 125                | 1,250              | 4,167 (4,166.7) |  7,500 |
 * | growth | Gen Z | 225,000 | 1,125 | 563 (562.5)        | 5,630              | 18,767          | 33,750 |
 * | growth | 白领  |  75,000 |   375 | 188 (187.5)        | 1,880              | 6,267           | 11,250 |
 * | peak   | Gen Z | 375,000 | 1,875 | 938 (937.5)        | 9,380              | 31,267          | 56,250 |
 * | peak   | 白领  | 125,000 |   625 | 313 (312.5)        | 3,130              | 10,434 (10,433.3)| 18,750 |
 * | TOTAL  |       | 1,000,000 | 5,000 | 2,502            | 25,020             | 83,402          | 150,000 |
 */
const PHASES = [["launch", 2], ["growth", 3], ["peak", 5]];
const CROWDS = [["Gen Z", 3], ["白领", 1]];
const FUNNEL = [[0.1, 0.3]];
const EXPECTED = [
  ["launch", "Gen Z", 150000, 750, 375, 3750, 12500, 22500],
  ["launch", "白领", 50000, 250, 125, 1250, 4167, 7500],
  ["growth", "Gen Z", 225000, 1125, 563, 5630, 18767, 33750],
  ["growth", "白领", 75000, 375, 188, 1880, 6267, 11250],
  ["peak", "Gen Z", 375000, 1875, 938, 9380, 31267, 56250],
  ["peak", "白领", 125000, 625, 313, 3130, 10434, 18750],
  ["TOTAL", "", 1000000, 5000, 2502, 25020, 83402, 150000],
];

/** Money and units to 6 decimals; whole persons (columns 5–7) exactly; labels exactly. */
function expectTable(actual: unknown[][], expected: unknown[][]): void {
  expect(actual).toHaveLength(expected.length);
  expected.forEach((row, r) => {
    expect(actual[r]).toHaveLength(row.length);
    row.forEach((e, k) => {
      if (typeof e === "number" && (k < 4 || k === 7)) expect(actual[r][k] as number).toBeCloseTo(e, 6);
      else expect(actual[r][k]).toBe(e);
    });
  });
}

describe("HOTPLAN: the hand example", () => {
  it("splits, walks up the funnel and totals, phase-major", () => {
    expectTable(hotplanExcel(1e6, 200, PHASES, CROWDS, FUNNEL, 2, 0.15, null), EXPECTED);
  });
  it("adds the column names with with_headers", () => {
    const t = hotplanExcel(1e6, 200, PHASES, CROWDS, FUNNEL, 2, 0.15, true);
    expect(t[0]).toEqual(["phase", "crowd", "gmv", "units", "buyers", "interest", "aware", "spend"]);
    expectTable(t.slice(1), EXPECTED);
  });
  it("uses one funnel row per crowd when given C×2", () => {
    // 白领 now [0.25, 0.5]: buyers 125, 188, 313 → interest ×4 = 500, 752, 1,252 → aware ×2 = 1,000, 1,504, 2,504.
    // Gen Z rows unchanged. Totals: interest 3,750 + 5,630 + 9,380 + 500 + 752 + 1,252 = 21,264;
    // aware 12,500 + 18,767 + 31,267 + 1,000 + 1,504 + 2,504 = 67,542.
    const t = hotplanExcel(1e6, 200, PHASES, CROWDS, [[0.1, 0.3], [0.25, 0.5]], 2, 0.15, null);
    expect(t.map((r) => [r[5], r[6]])).toEqual([
      [3750, 12500], [500, 1000], [5630, 18767], [752, 1504], [9380, 31267], [1252, 2504], [21264, 67542],
    ]);
  });
  it("defaults units_per_buyer to 1 and cost_ratio to 0", () => {
    // units_per_buyer 1: buyers = units = 750, 250, 1,125, 375, 1,875, 625 (total 5,000); spend 0.
    const t = hotplanExcel(1e6, 200, PHASES, CROWDS, FUNNEL, null, null, null);
    expect(t.map((r) => r[4])).toEqual([750, 250, 1125, 375, 1875, 625, 5000]);
    expect(t.map((r) => r[7])).toEqual([0, 0, 0, 0, 0, 0, 0]);
    // interest of launch/Gen Z = 750 ÷ 0.1 = 7,500; aware = ⌈7,500 ÷ 0.3⌉ = 25,000.
    expect(t[0][5]).toBe(7500);
    expect(t[0][6]).toBe(25000);
  });
});

describe("HOTPLAN: reading the tables", () => {
  it("accepts header rows in English and Chinese, and percentage text", () => {
    const phases = [["阶段", "权重"], ["launch", "20%"], ["growth", "30%"], ["peak", "50%"]];
    const crowds = [["Share", "Name"], [75, "Gen Z"], [25, "白领"]];
    const funnel = [["a_to_i", "i_to_p"], ["30%", "10%"]];
    expectTable(hotplanExcel(1e6, 200, phases, crowds, funnel, 2, "15%", null), EXPECTED);
    const zh = hotplanExcel(1e6, 200, [["名称", "权重"], ...PHASES], [["人群", "占比"], ...CROWDS], FUNNEL, 2, 0.15, null);
    expectTable(zh, EXPECTED);
  });
  it("skips all-blank rows and keeps blank names", () => {
    const phases = [["launch", 2], ["", ""], ["growth", 3], [null, null], ["peak", 5], ["", ""]];
    expectTable(hotplanExcel(1e6, 200, phases, CROWDS, FUNNEL, 2, 0.15, null), EXPECTED);
    // A crowd without a name: label "".
    const t = hotplanExcel(1000, 10, [["all", 1]], [["", 1]], [[1, 1]], null, null, null);
    // gmv 1,000 → 100 units → 100 buyers → 100 interest → 100 aware.
    expect(t).toEqual([
      ["all", "", 1000, 100, 100, 100, 100, 0],
      ["TOTAL", "", 1000, 100, 100, 100, 100, 0],
    ]);
  });
  it("gives a zero-weight phase rows of zeros (no −0)", () => {
    const t = hotplanExcel(1000, 10, [["off", 0], ["on", 1]], [["all", 1]], [[0.5, 0.5]], null, null, null);
    // off: 0 everywhere; on: 1,000 → 100 units → 100 buyers → 200 interest → 400 aware.
    expect(t[0]).toEqual(["off", "all", 0, 0, 0, 0, 0, 0]);
    for (const x of t[0].slice(2)) expect(Object.is(x, 0)).toBe(true);
    expect(t[1]).toEqual(["on", "all", 1000, 100, 100, 200, 400, 0]);
  });
  it("rounds persons up with the 1e-9 rule only", () => {
    // 563 ÷ 0.1 is 5,629.9999999999996 in floating point; ⌈x − 1e-9⌉ gives 5,630, not 5,631, and
    // 3 buyers ÷ 0.3 = 10 (not 11). gmv 600, price 200 → 3 units → 3 buyers.
    const t = hotplanExcel(600, 200, [["p", 1]], [["c", 1]], [[0.3, 0.3]], null, null, null);
    // interest = ⌈3 ÷ 0.3⌉ = 10; aware = ⌈10 ÷ 0.3⌉ = ⌈33.3⌉ = 34.
    expect(t[0].slice(4, 7)).toEqual([3, 10, 34]);
  });
});

describe("HOTPLAN: errors", () => {
  const E = (f: () => unknown) => failure(f);
  const call = (over: Partial<Record<string, unknown>>) =>
    hotplanExcel(
      over.target ?? 1e6, over.price ?? 200, over.phases ?? PHASES, over.crowds ?? CROWDS,
      over.funnel ?? FUNNEL, over.upb ?? null, over.cost ?? null, over.headers ?? null,
    );
  it("refuses weights and shares below 0 or adding up to 0", () => {
    expect(E(() => call({ phases: [["a", 1], ["b", -1]] }))).toEqual({
      kind: "#VALUE!",
      message: "phases row 2 column 2: -1 is negative; it must be ≥ 0",
    });
    expect(E(() => call({ phases: [["a", 0], ["b", 0]] })).message).toBe(
      'phases: the values of column "weight" add up to 0; at least one must be positive',
    );
    expect(failure(() => call({ crowds: [["人群", "占比"], ["x", 0]] }), "zh").message).toBe(
      "crowds：“share”列的数值之和为 0；至少一个必须大于 0",
    );
    expect(E(() => call({ crowds: [["x", "lots"]] })).message).toBe('crowds row 1 column 2: "lots" is not a number');
    expect(E(() => call({ crowds: [["x", ""]] })).message).toBe("crowds row 1 column 2: a value is required here");
  });
  it("refuses funnel shapes other than 1×2 and C×2", () => {
    expect(E(() => call({ funnel: [[0.1, 0.3], [0.1, 0.3], [0.1, 0.3]] }))).toEqual({
      kind: "#VALUE!",
      message: "funnel: has 3 rows; give 1 row shared by all crowds or one row per crowd (2 rows)",
    });
    expect(E(() => call({ funnel: [[0.1, 0.3, 0.5]] })).message).toBe("funnel: expected 2 columns, got 3");
    expect(E(() => call({ funnel: [[0.1], [0.3]] })).message).toBe("funnel: expected 2 columns, got 1");
    expect(E(() => call({ funnel: [] })).message).toBe(
      "funnel: has 0 rows; give 1 row shared by all crowds or one row per crowd (2 rows)",
    );
  });
  it("refuses funnel rates outside (0, 1]", () => {
    expect(E(() => call({ funnel: [[0, 0.3]] }))).toEqual({
      kind: "#VALUE!",
      message: "funnel row 1 column 1: 0 must be greater than 0 and at most 1",
    });
    expect(E(() => call({ funnel: [[0.1, 0.3], [0.2, 1.5]] })).message).toBe(
      "funnel row 2 column 2: 1.5 must be greater than 0 and at most 1",
    );
    expect(E(() => call({ funnel: [["i_to_p", "a_to_i"], [0.1, ""]] })).message).toBe(
      "funnel row 2 column 2 (a_to_i): a value is required here",
    );
  });
  it("refuses a bad target, price, units_per_buyer or cost_ratio", () => {
    expect(E(() => call({ target: -5 })).message).toBe("target_gmv: -5 is negative; it must be ≥ 0");
    expect(E(() => call({ price: 0 })).message).toBe("price: 0 must be greater than 0");
    expect(E(() => call({ upb: 0 })).message).toBe("units_per_buyer: 0 must be greater than 0");
    expect(E(() => call({ cost: -0.1 })).message).toBe("cost_ratio: -0.1 is negative; it must be ≥ 0");
    expect(E(() => call({ phases: [["a"], ["b"]] })).message).toBe("phases: expected ≥ 2 columns, got 1");
    expect(E(() => call({ crowds: [["", ""]] })).message).toBe("crowds has no data rows");
  });
});

describe("HOTPLAN: typed API for the task pane", () => {
  it("takes plan-file inputs directly and matches the Excel entry", () => {
    const input = {
      target_gmv: 1e6,
      price: 200,
      phases: [{ name: "launch", weight: 2 }, { name: "growth", weight: 3 }, { name: "peak", weight: 5 }],
      crowds: [{ name: "Gen Z", share: 3 }, { name: "白领", share: 1 }],
      funnel: [{ i_to_p: 0.1, a_to_i: 0.3 }],
      units_per_buyer: 2,
      cost_ratio: 0.15,
    };
    const res = hotplan(input);
    expect(res.rows.map((r) => r.aware)).toEqual([12500, 4167, 18767, 6267, 31267, 10434]);
    expect(res.rows[3]).toMatchObject({ phase: "growth", crowd: "白领", phase_index: 1, crowd_index: 1 });
    expect(res.total.buyers).toBe(2502);
    expect(hotplanInput(1e6, 200, PHASES, CROWDS, FUNNEL, 2, 0.15)).toEqual(input);
  });
});
