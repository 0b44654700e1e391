/* HOTHEALTH (SPEC section 11) on the engine; every expected value is worked out by hand in the comments. */
import { describe, expect, it } from "vitest";
import { healthTargets, hothealth, hothealthExcel, HOTHEALTH_INDICATORS } from "../../src/plan/hothealth";
import type { HotplanInput } from "../../src/plan/hotplan";
import { CellError } from "../../src/excel/errors";
import { formatMessage } from "../../src/excel/messages";
import { pickIndicator } from "../../src/excel/indicators";
import { failure } from "../harness/failure";

// actual: reached 1,200,000; in target crowds 840,000; spend 300,000; gmv 2,000,000; buyers 30,000.
// plan: reached 1,000,000; precision 0.6; cost_ratio 0.18; conversion 0.02.
// VOLUME     = 100 × 1,200,000 ÷ 1,000,000 = 120
// PRECISION  = 100 × (840,000 ÷ 1,200,000 = 0.7) ÷ 0.6 = 116.666…
// COST       = 100 × 0.18 ÷ (300,000 ÷ 2,000,000 = 0.15) = 120
// CONVERSION = 100 × (30,000 ÷ 1,200,000 = 0.025) ÷ 0.02 = 125
const ACTUAL = [[1200000, 840000, 300000, 2000000, 30000]];
const PLAN = [[1000000], [0.6], [0.18], [0.02]];
const EXPECTED = [120, 116.66666666666667, 120, 125];

function expectRow(row: unknown[], expected: (number | string)[]): void {
  expect(row).toHaveLength(expected.length);
  expected.forEach((e, k) => {
    if (typeof e === "number") expect(row[k] as number).toBeCloseTo(e, 9);
    else expect((row[k] as CellError).kind).toBe(e);
  });
}

describe("HOTHEALTH", () => {
  it("computes [VOLUME, PRECISION, COST, CONVERSION] (hand example), a row or a column each", () => {
    expectRow(hothealthExcel(ACTUAL, PLAN), EXPECTED);
    expectRow(hothealthExcel(ACTUAL[0].map((x) => [x]), [PLAN.map((r) => r[0])]), EXPECTED);
    // Numbers as text and rates as percentage text read the same.
    expectRow(hothealthExcel([ACTUAL[0].map(String)], [["1000000", "60%", "18%", "2%"]]), EXPECTED);
  });
  it("is 100 on plan everywhere", () => {
    // reached 500 = plan; 300 of 500 = 0.6 = plan; spend 10 of gmv 100 = 0.1 = plan; 25 of 500 = 0.05 = plan.
    expectRow(hothealthExcel([[500, 300, 10, 100, 25]], [[500, 0.6, 0.1, 0.05]]), [100, 100, 100, 100]);
  });
  it("holds #DIV/0! in the cells whose denominator is 0", () => {
    // plan.reached 0 → VOLUME; the others as in the hand example.
    expectRow(hothealthExcel(ACTUAL, [[0, 0.6, 0.18, 0.02]]), ["#DIV/0!", 116.66666666666667, 120, 125]);
    // actual reached 0 → PRECISION and CONVERSION (shares of reached); VOLUME = 0.
    expectRow(hothealthExcel([[0, 0, 300000, 2000000, 0]], PLAN), [0, "#DIV/0!", 120, "#DIV/0!"]);
    // gmv 0 → the actual cost ratio has no value → COST; spend 0 → the actual cost ratio is 0 → COST.
    expectRow(hothealthExcel([[1200000, 840000, 300000, 0, 30000]], PLAN), [120, 116.66666666666667, "#DIV/0!", 125]);
    expectRow(hothealthExcel([[1200000, 840000, 0, 2000000, 30000]], PLAN), [120, 116.66666666666667, "#DIV/0!", 125]);
    // plan precision 0 and plan conversion 0.
    expectRow(hothealthExcel(ACTUAL, [[1000000, 0, 0.18, 0]]), [120, "#DIV/0!", 120, "#DIV/0!"]);
    // plan cost_ratio 0 with real spend → COST = 0 (spending anything is worse than a plan of no spend).
    expectRow(hothealthExcel(ACTUAL, [[1000000, 0.6, 0, 0.02]]), [120, 116.66666666666667, 0, 125]);
    const cell = hothealthExcel(ACTUAL, [[0, 0.6, 0.18, 0.02]])[0] as CellError;
    expect(formatMessage(cell)).toBe("VOLUME: the denominator is 0");
  });
  it("refuses reached_in_target_crowds above reached, naming the cell", () => {
    expect(failure(() => hothealthExcel([[100, 120, 1, 1, 1]], PLAN))).toEqual({
      kind: "#VALUE!",
      message: "actual column 2: 120 exceeds reached (100)",
    });
    expect(failure(() => hothealthExcel([[100], [120], [1], [1], [1]], PLAN)).message).toBe(
      "actual row 2: 120 exceeds reached (100)",
    );
  });
  it("refuses negative values, rates outside [0, 1] and wrong counts", () => {
    expect(failure(() => hothealthExcel([[100, 10, -1, 1, 1]], PLAN)).message).toBe(
      "actual column 3: -1 is negative; it must be ≥ 0",
    );
    expect(failure(() => hothealthExcel([[100, 10, 1, 1, -2]], PLAN)).message).toBe(
      "actual column 5: -2 is negative; a count must be ≥ 0",
    );
    expect(failure(() => hothealthExcel(ACTUAL, [[1, 1.2, 0.1, 0.1]])).message).toBe(
      "plan column 2: 1.2 is not a rate between 0 and 1",
    );
    expect(failure(() => hothealthExcel(ACTUAL, [[1, 0.5, -0.1, 0.1]])).message).toBe(
      "plan column 3: -0.1 is negative; it must be ≥ 0",
    );
    expect(failure(() => hothealthExcel([[1, 1, 1, 1]], PLAN))).toEqual({
      kind: "#VALUE!",
      message: "actual: expected 5 values, got 4",
    });
    expect(failure(() => hothealthExcel(ACTUAL, [[1, 2], [3, 4]])).message).toBe(
      "plan: expected a single row or a single column, got 2×2",
    );
    expect(failure(() => hothealthExcel(ACTUAL, [["x", 0.5, 0.1, 0.1]])).message).toBe('plan column 1: "x" is not a number');
  });
  it("picks V and P by letter, COST and CONVERSION by name (C is shared)", () => {
    expect(pickIndicator(HOTHEALTH_INDICATORS, "v")).toBe(0);
    expect(pickIndicator(HOTHEALTH_INDICATORS, "P")).toBe(1);
    expect(pickIndicator(HOTHEALTH_INDICATORS, "费比")).toBe(2);
    expect(pickIndicator(HOTHEALTH_INDICATORS, "conversion")).toBe(3);
    expect(failure(() => pickIndicator(HOTHEALTH_INDICATORS, "C")).message).toBe(
      'indicator: indicator letter "C" is ambiguous here; use a name: COST, CONVERSION',
    );
  });
  it("has a typed API for the task pane", () => {
    const row = hothealth(
      { reached: 1200000, reached_in_target_crowds: 840000, spend: 300000, gmv: 2000000, buyers: 30000 },
      { reached: 1000000, precision: 0.6, cost_ratio: 0.18, conversion: 0.02 },
    );
    expectRow(row, EXPECTED);
  });
});

describe("healthTargets: HOTHEALTH's plan per phase, from a HOTPLAN plan", () => {
  // target 1,000,000; price 200; 1 unit per buyer; cost ratio 15%; phases launch 2, peak 3,
  // pause 0 (Σ 5); crowds A 1, B 1 (Σ 2); funnels A [i_to_p 0.1, a_to_i 0.25], B [0.2, 0.3].
  const input: HotplanInput = {
    target_gmv: 1_000_000,
    price: 200,
    units_per_buyer: 1,
    cost_ratio: 0.15,
    phases: [
      { name: "launch", weight: 2 },
      { name: "peak", weight: 3 },
      { name: "pause", weight: 0 },
    ],
    crowds: [
      { name: "A", share: 1 },
      { name: "B", share: 1 },
    ],
    funnel: [
      { i_to_p: 0.1, a_to_i: 0.25 },
      { i_to_p: 0.2, a_to_i: 0.3 },
    ],
  };

  it("reached = Σ aware, conversion = Σ buyers ÷ Σ aware, cost ratio the plan's, precision as given", () => {
    const t = healthTargets(input, 0.8);
    expect(t.map((x) => x.phase)).toEqual(["launch", "peak", "pause"]);
    // launch: 400,000 → 200,000 per crowd → 1,000 units = 1,000 buyers each.
    //   A: 1,000 ÷ 0.1 = 10,000 interested ÷ 0.25 = 40,000 aware;
    //   B: 1,000 ÷ 0.2 = 5,000 ÷ 0.3 = 16,666.7 → 16,667 aware. Σ aware 56,667; Σ buyers 2,000.
    expect(t[0].plan).toEqual({ reached: 56_667, precision: 0.8, cost_ratio: 0.15, conversion: 2000 / 56_667 });
    // peak: 600,000 → 300,000 per crowd → 1,500 buyers each. A: 15,000 → 60,000;
    //   B: 7,500 → 25,000 (7,500 ÷ 0.3 is 25,000.000000000004 in floats: the person rounding keeps 25,000).
    expect(t[1].plan).toEqual({ reached: 85_000, precision: 0.8, cost_ratio: 0.15, conversion: 3000 / 85_000 });
    // pause: weight 0 plans nobody; its conversion is 0, not 0 ÷ 0.
    expect(t[2].plan).toEqual({ reached: 0, precision: 0.8, cost_ratio: 0.15, conversion: 0 });
  });

  it("a plan without a cost ratio plans 0 spend", () => {
    const { cost_ratio: _, ...rest } = input;
    expect(healthTargets(rest, 0.5)[0].plan.cost_ratio).toBe(0);
  });

  it("why: a campaign that does exactly what the plan says scores 100 on every index", () => {
    const [launch] = healthTargets(input, 0.8);
    const p = launch.plan;
    // launch GMV 400,000 at the planned cost ratio; buyers and in-target consumers as planned.
    const actual = { reached: p.reached, reached_in_target_crowds: p.precision * p.reached, spend: p.cost_ratio * 400_000, gmv: 400_000, buyers: 2000 };
    hothealth(actual, p).forEach((v) => expect(v as number).toBeCloseTo(100, 9));
  });
});
