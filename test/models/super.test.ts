/* SUPER (SPEC section 5) on the engine: hand-computed values, headers, #N/A and #DIV/0!, errors, properties, speed. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fewestToReach, superExcel, SUPER_INDICATORS } from "../../src/models/super";
import { CellError, type ResultCell } from "../../src/excel/errors";
import { formatMessage } from "../../src/excel/messages";
import { pickIndicator } from "../../src/excel/indicators";
import { failure } from "../harness/failure";

const kindOf = (c: ResultCell): string | undefined => (c instanceof CellError ? c.kind : undefined);
const messageOf = (c: ResultCell, lang: "en" | "zh" = "en"): string => formatMessage(c as CellError, lang);

/*
 * Hand table, by position: sku, is_new, gmv, visitors, buyers, units_sold, units_available, orders, orders_on_time
 *   A  N    500  1000  50  40  100  45  40
 *   B  Y    300   800  30  20   50  28  28
 *   C  ""   100   400  10  15   60   9   6
 *   D  是    60   200   4   5   40   4   4
 *   E  0     40   100   1   2   30   1   0
 * Total GMV 1000. S (0.8): 500 + 300 = 800 ≥ 800 → k = 2 → 2/5 = 0.4.
 * U = (50+30+10+4+1) / (1000+800+400+200+100) = 95 / 2500 = 0.038.
 * P = new SKUs B, D: (300 + 60) / 1000 = 0.36.
 * E = (40+20+15+5+2) / (100+50+60+40+30) = 82 / 280.
 * R = (40+28+6+4+0) / (45+28+9+4+1) = 78 / 87.
 */
const ROWS = [
  ["A", "N", 500, 1000, 50, 40, 100, 45, 40],
  ["B", "Y", 300, 800, 30, 20, 50, 28, 28],
  ["C", "", 100, 400, 10, 15, 60, 9, 6],
  ["D", "是", 60, 200, 4, 5, 40, 4, 4],
  ["E", 0, 40, 100, 1, 2, 30, 1, 0],
];
const EXPECTED = [0.4, 0.038, 0.36, 82 / 280, 78 / 87];
const KEYS = ["sku", "is_new", "gmv", "visitors", "buyers", "units_sold", "units_available", "orders", "orders_on_time"];
const ZH = ["货品", "新品", "成交额", "访客数", "买家数", "销量", "可售库存", "订单数", "及时履约订单数"];

const close = (out: ResultCell[], expected: number[]): void => {
  expect(out.length).toBe(expected.length);
  out.forEach((v, k) => expect(v as number).toBeCloseTo(expected[k], 12));
};

describe("SUPER", () => {
  it("computes [S, U, P, E, R] by position (hand table above)", () => {
    close(superExcel(ROWS, null), EXPECTED);
  });
  it("reads a header row in English or Chinese, in any order, ignoring unknown columns", () => {
    const order = [8, 2, 0, 5, 7, 3, 1, 6, 4];
    const withHeader = [
      [...order.map((k) => ZH[k]), "备注"],
      ...ROWS.map((r) => [...order.map((k) => r[k]), "note"]),
    ];
    close(superExcel(withHeader, null), EXPECTED);
    const english = [["SKU", "New", "GMV", "UV", "Buyers", "units_sold", "Stock", "orders", "ORDERS_ON_TIME"], ...ROWS];
    close(superExcel(english, null), EXPECTED);
  });
  it("finds k with star_share: 0.5 → 1 SKU, 0.81 → 3, 1 → every SKU with GMV", () => {
    // 500 ≥ 500 → k 1; 810 needs 500 + 300 + 100 → k 3; 1000 needs all five.
    expect(superExcel(ROWS, 0.5)[0]).toBeCloseTo(0.2, 12);
    expect(superExcel(ROWS, "81%")[0]).toBeCloseTo(0.6, 12);
    expect(superExcel(ROWS, 1)[0]).toBe(1);
  });
  it("counts 70 as reaching 0.7 × 100 although 0.7 × 100 = 70.00000000000001 in binary", () => {
    // GMV 50, 20, 20, 10: 50 + 20 = 70 = 0.7 × 100 → k = 2 of 4 = 0.5.
    const t = [["a", "", 50], ["b", "", 20], ["c", "", 20], ["d", "", 10]];
    expect(superExcel(t, 0.7)[0]).toBe(0.5);
  });
  it("holds #N/A naming the missing column when optional columns are absent", () => {
    // Only sku and gmv by header: U, P, E, R are #N/A; S = 2/5.
    const t = [["sku", "gmv"], ...ROWS.map((r) => [r[0], r[2]])];
    const out = superExcel(t, null);
    expect(out[0]).toBeCloseTo(0.4, 12);
    expect(out.slice(1).map(kindOf)).toEqual(["#N/A", "#N/A", "#N/A", "#N/A"]);
    expect(messageOf(out[1])).toBe('Utmost conversion: column "buyers" was not given');
    expect(messageOf(out[2])).toBe('Product novelty: column "is_new" was not given');
    expect(messageOf(out[3])).toBe('Exact stock: column "units_sold" was not given');
    expect(messageOf(out[4], "zh")).toBe("Rapid fulfillment：未提供“orders_on_time”列");
    // By position, columns at the end may be left off: sku, is_new, gmv, visitors, buyers → E and R #N/A.
    const short = superExcel(ROWS.map((r) => r.slice(0, 5)), null);
    close(short.slice(0, 3), EXPECTED.slice(0, 3));
    expect(short.slice(3).map(kindOf)).toEqual(["#N/A", "#N/A"]);
    // A header with buyers but no visitors names visitors.
    const noVisitors = [["gmv", "buyers"], [10, 1]];
    expect(messageOf(superExcel(noVisitors, null)[1])).toBe('Utmost conversion: column "visitors" was not given');
  });
  it("holds #DIV/0! in a cell whose denominator is 0, the others keep their numbers", () => {
    // visitors all 0 → U #DIV/0!; everything else as in the hand table.
    const t = ROWS.map((r) => r.map((x, k) => (k === 3 ? 0 : x)));
    const out = superExcel(t, null);
    expect(kindOf(out[1])).toBe("#DIV/0!");
    expect(messageOf(out[1])).toBe("Utmost conversion: the denominator is 0");
    close([out[0], out[2], out[3], out[4]], [0.4, 0.36, 82 / 280, 78 / 87]);
    // Total GMV 0 → S and P #DIV/0! (no share of nothing).
    const zero = ROWS.map((r) => r.map((x, k) => (k === 2 ? 0 : x)));
    const z = superExcel(zero, null);
    expect([kindOf(z[0]), kindOf(z[2])]).toEqual(["#DIV/0!", "#DIV/0!"]);
    expect(z[1]).toBeCloseTo(0.038, 12);
  });
  it("skips all-blank rows and takes blank optional cells as 0", () => {
    // Row C loses its visitors and buyers: U = (95 − 10) / (2500 − 400) = 85 / 2100.
    const t: unknown[][] = ROWS.map((r) => [...r]);
    t[2][3] = "";
    t[2][4] = null;
    t.splice(1, 0, new Array(9).fill(""));
    t.push([null, "", "  ", null, null, null, null, null, null]);
    const out = superExcel(t, null);
    expect(out[0]).toBeCloseTo(0.4, 12);
    expect(out[1]).toBeCloseTo(85 / 2100, 12);
  });
  it("refuses invalid input naming the argument, row and column", () => {
    const bad = (r: number, k: number, v: unknown): unknown[][] => {
      const t: unknown[][] = ROWS.map((x) => [...x]);
      t[r][k] = v;
      return t;
    };
    expect(failure(() => superExcel(bad(2, 8, 12), null))).toEqual({
      kind: "#VALUE!",
      message: "skus row 3 column 9: orders_on_time (12) exceeds orders (9)",
    });
    expect(failure(() => superExcel([["gmv", "orders_on_time", "orders"], [1, 5, 4]], null)).message).toBe(
      "skus row 2 column 2 (orders_on_time): orders_on_time (5) exceeds orders (4)",
    );
    expect(failure(() => superExcel(bad(1, 3, -5), null)).message).toBe("skus row 2 column 4: -5 is negative; a count must be ≥ 0");
    expect(failure(() => superExcel(bad(1, 2, -5), null)).message).toBe("skus row 2 column 3: -5 is negative; it must be ≥ 0");
    expect(failure(() => superExcel(bad(4, 2, ""), null)).message).toBe("skus row 5 column 3: a value is required here");
    expect(failure(() => superExcel(bad(0, 5, "lots"), null)).message).toBe('skus row 1 column 6: "lots" is not a number');
    expect(failure(() => superExcel(bad(0, 4, Infinity), null)).message).toBe('skus row 1 column 5: "Infinity" is not a number');
    expect(failure(() => superExcel(bad(3, 6, NaN), null)).message).toBe('skus row 4 column 7: "NaN" is not a number');
    expect(failure(() => superExcel(bad(3, 1, "maybe"), null)).message).toMatch(
      /^skus row 4 column 2: "maybe" is not a yes\/no value/,
    );
    expect(failure(() => superExcel([["sku", "visitors"], ["a", 1]], null))).toEqual({
      kind: "#VALUE!",
      message: 'skus: missing required column "gmv" (header row found)',
    });
    expect(failure(() => superExcel(ROWS.map((r) => r.slice(0, 2)), null)).message).toBe("skus: expected ≥ 3 columns, got 2");
    expect(failure(() => superExcel([KEYS], null)).message).toBe("skus has no data rows");
    expect(failure(() => superExcel(ROWS, 0))).toEqual({
      kind: "#VALUE!",
      message: "star_share: 0 must be greater than 0 and at most 1",
    });
    expect(failure(() => superExcel(ROWS, 1.5), "zh").message).toBe("star_share：1.5 必须大于 0 且不超过 1");
    expect(failure(() => superExcel(ROWS, "most")).message).toBe('star_share: "most" is not a number');
  });
  it("picks indicators by letter, English or Chinese name", () => {
    expect(pickIndicator(SUPER_INDICATORS, "s")).toBe(0);
    expect(pickIndicator(SUPER_INDICATORS, "utmost conversion")).toBe(1);
    expect(pickIndicator(SUPER_INDICATORS, "新品贡献率")).toBe(2);
    expect(pickIndicator(SUPER_INDICATORS, "售罄率")).toBe(3);
    expect(pickIndicator(SUPER_INDICATORS, "R")).toBe(4);
    expect(SUPER_INDICATORS.map((d) => d.zh)).toEqual(["优质货品占比", "购买转化率", "新品贡献率", "售罄率", "履约时效"]);
  });
});

// ---------------------------------------------------------------------------------------------
// fewestToReach against the definition (sort descending, walk the cumulative sum).

function bySorting(values: number[], target: number): number {
  const s = [...values].sort((x, y) => y - x);
  let acc = 0;
  for (let k = 0; k < s.length; k++) {
    acc += s[k];
    if (acc >= target) return k + 1;
  }
  return s.length;
}

describe("fewestToReach", () => {
  const sumOf = (v: number[]): number => v.reduce((a, b) => a + b, 0);
  it("equals the sorted cumulative sum on integers (exact arithmetic), with ties and zeros", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 1, maxLength: 2000 }),
        fc.double({ min: 0.001, max: 1, noNaN: true }),
        (values, share) => {
          const total = sumOf(values);
          fc.pre(total > 0);
          const target = share * total;
          expect(fewestToReach(Float64Array.from(values), target, total)).toBe(bySorting(values, target));
        },
      ),
      { numRuns: 1000 },
    );
  });
  it("handles adversarial orders (sorted, reversed, all equal, geometric)", () => {
    const n = 5000;
    const up = Array.from({ length: n }, (_, i) => i + 1);
    const cases = [up, [...up].reverse(), new Array(n).fill(3), up.map((x) => 2 ** (x % 40)), up.slice(0, 300).map((x) => 2 ** (x % 45))];
    for (const values of cases) {
      const t = sumOf(values);
      for (const share of [0.01, 0.5, 0.8, 1]) {
        expect(fewestToReach(Float64Array.from(values), share * t, t)).toBe(bySorting(values, share * t));
      }
    }
  });
  it("stays right when its sample misleads (values only where the sample does not look)", () => {
    // 4096 values, sampled at i × 4096 / 128 = multiples of 32: those are 0, everything else is large.
    const values = Array.from({ length: 4096 }, (_, i) => (i % 32 === 0 ? 0 : 1 + ((i * 37) % 101)));
    // And the opposite: the sampled values are huge, the others small.
    const spiky = Array.from({ length: 4096 }, (_, i) => (i % 32 === 0 ? 1e6 : 1 + (i % 7)));
    for (const v of [values, spiky]) {
      const t = sumOf(v);
      for (const share of [0.1, 0.8, 0.999, 1]) {
        expect(fewestToReach(Float64Array.from(v), share * t, t)).toBe(bySorting(v, share * t));
      }
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Property: the same table gives the same answer by position and by shuffled Chinese headers.

const count = fc.integer({ min: 0, max: 1000 });
const skuRow = fc
  .tuple(
    fc.string({ maxLength: 4 }),
    fc.constantFrom("Y", "N", "", "是", "否", true, false, 1, 0),
    fc.integer({ min: 0, max: 100_000 }),
    count,
    count,
    count,
    count,
    count,
    fc.double({ min: 0, max: 1, noNaN: true }),
  )
  .map(([sku, isNew, gmv, visitors, buyers, sold, available, orders, onTimeShare]) => [
    `sku ${sku}`,
    isNew,
    gmv / 100,
    visitors,
    buyers,
    sold,
    available,
    orders,
    Math.floor(orders * onTimeShare),
  ]);

describe("SUPER property", () => {
  it("gives the same answer by position and by shuffled English/Chinese headers", () => {
    fc.assert(
      fc.property(
        fc.array(skuRow, { minLength: 1, maxLength: 30 }),
        fc.shuffledSubarray([0, 1, 2, 3, 4, 5, 6, 7, 8], { minLength: 9, maxLength: 9 }),
        fc.array(fc.boolean(), { minLength: 9, maxLength: 9 }),
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        (rows, order, chinese, share) => {
          const header = order.map((k) => (chinese[k] ? ZH[k] : KEYS[k].toUpperCase()));
          const shuffled = [header, ...rows.map((r) => order.map((k) => r[k]))];
          expect(superExcel(shuffled, share)).toEqual(superExcel(rows, share));
        },
      ),
      { numRuns: 300 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Speed: 10,000 SKUs, and a whole-column reference.

/** SKU i: new when i ≡ 0 (mod 7), GMV (i × 7919 mod 100,003) / 100, the other columns small counts. */
function skuTable(n: number): unknown[][] {
  const t: unknown[][] = [KEYS];
  for (let i = 0; i < n; i++) {
    const orders = 20 + (i % 30);
    t.push([`SKU${i}`, i % 7 === 0 ? "Y" : "", ((i * 7919) % 100_003) / 100, 1000 + (i % 50), 30 + (i % 20), 100, 150, orders, orders - (i % 5)]);
  }
  return t;
}
describe("SUPER on 10,000 SKUs", () => {
  const t = skuTable(10_000);
  it("agrees with the sorted definition of S on a large table", () => {
    const gmv = t.slice(1).map((r) => r[2] as number);
    const total = gmv.reduce((a, b) => a + b, 0);
    const k = bySorting(gmv, 0.8 * total * (1 - 1e-12));
    expect(superExcel(t, null)[0]).toBe(k / 10_000);
  });
  it("answers a whole-column reference (1,048,576 rows, 10,000 filled) like the filled table", () => {
    const whole = skuTable(10_000);
    while (whole.length < 1_048_576) whole.push(whole.length % 2 ? new Array(9).fill("") : new Array(9).fill(null));
    expect(superExcel(whole, null)).toEqual(superExcel(t, null));
  });
});
