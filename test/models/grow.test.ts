/* GROW and GROW.ROWS (SPEC section 3) on the engine: hand-computed values, errors, properties, speed. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { growExcel, growRowsExcel, GROW_INDICATORS, IdCodes, logMean } from "../../src/models/grow";
import { pickIndicator } from "../../src/excel/indicators";
import { failure } from "../harness/failure";

describe("logMean", () => {
  it("is V0 when both values are equal and (V1 − V0) ÷ (ln V1 − ln V0) otherwise", () => {
    expect(logMean(100, 100)).toBe(100);
    // (e − 1) ÷ (1 − 0) = 1.718281828459045
    expect(logMean(1, Math.E)).toBeCloseTo(1.718281828459045, 14);
    // 81000 ÷ ln(231000 ÷ 150000) = 187594.48490410845 (Python, math.log)
    expect(logMean(150000, 231000)).toBeCloseTo(187594.48490410845, 8);
  });
  it("stays finite and between its arguments when they differ by one unit in the last place", () => {
    const a = 1e6;
    const b = a + 2 ** -33; // next double above 1e6 (ulp(1e6) = 2^-33)
    const L = logMean(a, b);
    expect(L).toBeGreaterThanOrEqual(a);
    expect(L).toBeLessThanOrEqual(b);
  });
});

describe("GROW from counts", () => {
  it("splits the like-for-like GMV change into G, R, O and passes W through (hand example)", () => {
    // base N 1000, orders 1500, V 150000 → F 1.5, P 100; current N 1200, orders 2100, V 231000 → F 1.75, P 110.
    // L = 81000 ÷ ln(1.54) = 187594.48490410845; G = L ln 1.2 = 34202.51853367707;
    // R = L ln(1.75/1.5) = 28917.817379812674; O = L ln 1.1 = 17879.664086510296 (Python). W = 5000.
    const [g, r, o, w] = growExcel([[1000, 1500, 150000]], [[1200], [2100], [231000]], 5000) as number[];
    expect(g).toBeCloseTo(34202.51853367707, 7);
    expect(r).toBeCloseTo(28917.817379812674, 7);
    expect(o).toBeCloseTo(17879.664086510296, 7);
    expect(w).toBe(5000);
    expect(g + r + o).toBeCloseTo(81000, 8);
  });
  it("gives 0, 0, 0 for no change and defaults new_gmv to 0", () => {
    expect(growExcel([[10, 20, 300]], [[10, 20, 300]], null)).toEqual([0, 0, 0, 0]);
    expect(growExcel([[10, 20, 300]], [[10, 20, 300]], "")).toEqual([0, 0, 0, 0]);
  });
  it("puts a pure price change into O only", () => {
    // N and F unchanged; P 100 → 120 so V 1000 → 1200: G = R = 0, O = L ln 1.2 = 200 exactly up to rounding.
    const [g, r, o] = growExcel([[5, 10, 1000]], [[5, 10, 1200]], 0) as number[];
    expect(g).toBe(0);
    expect(r).toBe(0);
    expect(o).toBeCloseTo(200, 9);
  });
  it("takes number text and percentages like any Number", () => {
    // "1,5 k" is not a number but "1500" is; W "2%" = 0.02.
    const out = growExcel([["1000", "1500", "150000"]], [[1200, 2100, 231000]], "2%") as number[];
    expect(out[3]).toBe(0.02);
    expect(out[0]).toBeCloseTo(34202.51853367707, 7);
  });
  it("refuses a value that is not > 0, naming the argument and cell", () => {
    expect(failure(() => growExcel([[1000, 0, 150000]], [[1, 1, 1]], 0))).toEqual({
      kind: "#VALUE!",
      message: "base column 2: 0 must be greater than 0",
    });
    expect(failure(() => growExcel([[1, 1, 1]], [[1], [1], [-3]], 0)).message).toBe(
      "current row 3: -3 must be greater than 0",
    );
    expect(failure(() => growExcel([[1, 1, 1]], [[1, 1, ""]], 0)).message).toBe("current column 3: a value is required here");
    expect(failure(() => growExcel([[1000, 0, 150000]], [[1, 1, 1]], 0), "zh").message).toBe("base 第 2 列：0 必须大于 0");
  });
  it("refuses wrong shapes, text and a negative new_gmv", () => {
    expect(failure(() => growExcel([[1, 1]], [[1, 1, 1]], 0)).message).toBe("base: expected 3 values, got 2");
    expect(failure(() => growExcel([[1, 1, 1], [1, 1, 1]], [[1, 1, 1]], 0)).message).toBe(
      "base: expected a single row or a single column, got 2×3",
    );
    expect(failure(() => growExcel([[1, "many", 1]], [[1, 1, 1]], 0)).message).toBe('base column 2: "many" is not a number');
    expect(failure(() => growExcel([[1, 1, 1]], [[1, 1, 1]], -5))).toEqual({
      kind: "#VALUE!",
      message: "new_gmv: -5 is negative; it must be ≥ 0",
    });
    expect(failure(() => growExcel([[1, 1, 1]], [[1, 1, 1]], -5), "zh").message).toBe("new_gmv：-5 为负数；必须 ≥ 0");
  });
  it("picks indicators by letter, English or Chinese name", () => {
    expect(pickIndicator(GROW_INDICATORS, "g")).toBe(0);
    expect(pickIndicator(GROW_INDICATORS, "Retain")).toBe(1);
    expect(pickIndicator(GROW_INDICATORS, "bOost")).toBe(2);
    expect(pickIndicator(GROW_INDICATORS, "延展力")).toBe(3);
    expect(GROW_INDICATORS.map((d) => d.zh)).toEqual(["渗透力", "复购力", "价格力", "延展力"]);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties of the LMDI split.

const positive = fc.double({ min: 1e-3, max: 1e9, noNaN: true, noDefaultInfinity: true });
const scope = fc.tuple(positive, positive, positive);
/** |G + R + O − (V1 − V0)| ≤ 1e-12 · (max(V0, V1) + |G| + |R| + |O|): a few ulps of the largest term. */
const TOL = 1e-12;

describe("GROW properties", () => {
  it("G + R + O = V1 − V0 to floating accuracy (relative 1e-12), and W is the rest of the total change", () => {
    fc.assert(
      fc.property(scope, scope, fc.double({ min: 0, max: 1e9, noNaN: true }), (b, c, w) => {
        const [g, r, o, widen] = growExcel([b], [c], w) as number[];
        const scale = Math.max(b[2], c[2]) + Math.abs(g) + Math.abs(r) + Math.abs(o);
        expect(Math.abs(g + r + o - (c[2] - b[2]))).toBeLessThanOrEqual(TOL * scale);
        expect(widen).toBe(w);
      }),
      { numRuns: 1000 },
    );
  });
  it("does not depend on the order of the factors: swapping N and F, or F and P, swaps their parts", () => {
    fc.assert(
      fc.property(scope, scope, (b, c) => {
        const [g, r, o] = growExcel([b], [c], 0) as number[];
        // N' = F, F' = N: buyers' = orders ÷ buyers, orders unchanged, gmv unchanged.
        const swapNF = (s: number[]): number[] => [s[1] / s[0], s[1], s[2]];
        const [g2, r2, o2] = growExcel([swapNF(b)], [swapNF(c)], 0) as number[];
        // F'' = P, P'' = F: buyers unchanged, orders'' = buyers × gmv ÷ orders, gmv unchanged.
        const swapFP = (s: number[]): number[] => [s[0], (s[0] * s[2]) / s[1], s[2]];
        const [g3, r3, o3] = growExcel([swapFP(b)], [swapFP(c)], 0) as number[];
        const scale = Math.max(b[2], c[2]) + Math.abs(g) + Math.abs(r) + Math.abs(o);
        const near = (x: number, y: number): void => expect(Math.abs(x - y)).toBeLessThanOrEqual(1e-9 * scale);
        near(g2, r);
        near(r2, g);
        near(o2, o);
        near(g3, g);
        near(r3, o);
        near(o3, r);
      }),
      { numRuns: 500 },
    );
  });
  it("is antisymmetric in time: GROW(current, base) = −GROW(base, current) for G, R, O", () => {
    fc.assert(
      fc.property(scope, scope, (b, c) => {
        const fwd = growExcel([b], [c], 0) as number[];
        const back = growExcel([c], [b], 0) as number[];
        const scale = Math.max(b[2], c[2]) + Math.abs(fwd[0]) + Math.abs(fwd[1]) + Math.abs(fwd[2]);
        for (let k = 0; k < 3; k++) expect(Math.abs(back[k] + fwd[k])).toBeLessThanOrEqual(TOL * scale);
      }),
      { numRuns: 300 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// GROW.ROWS

/*
 * Hand table (period, customer, category, gmv):
 *  1  0   "A"    "tea"     100
 *  2  0   123    "tea"      50
 *  3  0   "B"    "cups"     30
 *  4  0   "A"    "cups"     20
 *  5  blank row (skipped)
 *  6  1   "123"  "tea"      80    same customer as the number 123
 *  7  1   " A "  "tea "     60    trimmed: A, tea
 *  8  1   "A"    "tea"      40
 *  9  1   "C"    "snacks"   70    snacks has no base order → W
 * 10  1   "D"    " snacks"  25    W; D has no like-for-like order, so D is not in N1
 * 11  1   "B"    "cups"    "35"   number text
 * 12  1   "E"    7          10    category 7 is new → W
 * 13  "1" "F"    "cups"     15    period as text
 * Base: N0 = {A, 123, B} = 3, orders 4, V0 = 200 → F0 = 4/3, P0 = 50.
 * Like-for-like: tea, cups. Current: rows 6, 7, 8, 11, 13 → N1 = {123, A, B, F} = 4, orders 5,
 * V1 = 80 + 60 + 40 + 35 + 15 = 230 → F1 = 5/4, P1 = 46. W = 70 + 25 + 10 = 105.
 * L = 30 ÷ ln(230/200) = 214.65070884226694; G = L ln(4/3) = 61.751160772987156;
 * R = L ln(15/16) = -13.853239309811281; O = L ln(46/50) = -17.897921463176 (Python).
 */
const T: unknown[][] = [
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
const colOf = (rows: unknown[][], k: number): unknown[][] => rows.map((r) => [r[k]]);
const cols = (rows: unknown[][]): [unknown[][], unknown[][], unknown[][], unknown[][]] => [
  colOf(rows, 0),
  colOf(rows, 1),
  colOf(rows, 2),
  colOf(rows, 3),
];

describe("GROW.ROWS", () => {
  it("counts the like-for-like scopes and W from one row per order (hand table above)", () => {
    const [g, r, o, w] = growRowsExcel(...cols(T)) as number[];
    expect(g).toBeCloseTo(61.751160772987156, 10);
    expect(r).toBeCloseTo(-13.853239309811281, 10);
    expect(o).toBeCloseTo(-17.897921463176, 10);
    expect(w).toBe(105);
  });
  it("equals GROW fed with the hand-counted scopes", () => {
    expect(growRowsExcel(...cols(T))).toEqual(growExcel([[3, 4, 200]], [[4, 5, 230]], 105));
  });
  it("puts all growth into G when buyers grow as fast as GMV (the docs example)", () => {
    // Base: Li tea 100, Wang tea 60, Li cups 40 → N0 2, orders 3, V0 200 (F 1.5, P 66.67).
    // Current: Li tea 120, Zhao tea 90, Wang cups 50, Zhao cups 40 (like-for-like), Li snacks 30 (W)
    // → N1 3, orders 4, V1 300 (F 4/3, P 75). L = 100 ÷ ln 1.5 = 246.63034623764318;
    // G = L ln 1.5 = 100; R = L ln(8/9) = -29.04887086485454; O = L ln(9/8) = 29.048870864854525 (Python).
    const rows = [
      [0, "Li", "tea", 100], [0, "Wang", "tea", 60], [0, "Li", "cups", 40], [1, "Li", "tea", 120],
      [1, "Zhao", "tea", 90], [1, "Wang", "cups", 50], [1, "Zhao", "cups", 40], [1, "Li", "snacks", 30],
    ];
    const [g, r, o, w] = growRowsExcel(...cols(rows)) as number[];
    expect(g).toBeCloseTo(100, 10);
    expect(r).toBeCloseTo(-29.04887086485454, 10);
    expect(o).toBeCloseTo(29.048870864854525, 10);
    expect(w).toBe(30);
  });
  it("reads row vectors as well as columns", () => {
    const row = (k: number): unknown[][] => [T.map((r) => r[k])];
    expect(growRowsExcel(row(0), row(1), row(2), row(3))).toEqual(growRowsExcel(...cols(T)));
  });
  it("refuses a period other than 0 or 1, naming the value and row", () => {
    const bad = T.map((r) => [...r]);
    bad[2][0] = 2;
    expect(failure(() => growRowsExcel(...cols(bad)))).toEqual({
      kind: "#VALUE!",
      message: 'period row 3: "2" is not a period; use 0 (base) or 1 (current)',
    });
    bad[2][0] = "base";
    expect(failure(() => growRowsExcel(...cols(bad)), "zh").message).toBe(
      "period 第 3 行：“base”不是期间；请用 0（基期）或 1（本期）",
    );
    bad[2][0] = "";
    expect(failure(() => growRowsExcel(...cols(bad))).message).toBe("period row 3: a value is required here");
    // Row vectors name the column instead.
    const row = (rows: unknown[][], k: number): unknown[][] => [rows.map((r) => r[k])];
    bad[2][0] = true;
    expect(failure(() => growRowsExcel(row(bad, 0), row(bad, 1), row(bad, 2), row(bad, 3))).message).toBe(
      'period column 3: "true" is not a period; use 0 (base) or 1 (current)',
    );
  });
  it("refuses a blank id or GMV in a non-blank row, and a negative or non-numeric GMV", () => {
    const bad = (i: number, k: number, v: unknown): unknown[][] => {
      const t = T.map((r) => [...r]);
      t[i][k] = v;
      return t;
    };
    expect(failure(() => growRowsExcel(...cols(bad(5, 1, "  ")))).message).toBe("customer row 6: a value is required here");
    expect(failure(() => growRowsExcel(...cols(bad(0, 2, null)))).message).toBe("category row 1: a value is required here");
    expect(failure(() => growRowsExcel(...cols(bad(3, 3, "")))).message).toBe("gmv row 4: a value is required here");
    expect(failure(() => growRowsExcel(...cols(bad(8, 3, -70))))).toEqual({
      kind: "#VALUE!",
      message: "gmv row 9: -70 is negative; it must be ≥ 0",
    });
    expect(failure(() => growRowsExcel(...cols(bad(8, 3, "lots")))).message).toBe('gmv row 9: "lots" is not a number');
    // A row with only its period filled in is not blank.
    expect(failure(() => growRowsExcel(...cols(bad(4, 0, 1)))).message).toBe("customer row 5: a value is required here");
  });
  it("refuses columns of different lengths", () => {
    const [p, c, k, g] = cols(T);
    expect(failure(() => growRowsExcel(p, c, k.slice(1), g)).message).toBe(
      "category has 12 rows but period has 13; all columns must have the same length",
    );
  });
  it("refuses data that gives LMDI no positive scope, naming period or gmv", () => {
    const current = T.filter((r) => r[0] !== 0);
    expect(failure(() => growRowsExcel(...cols(current)))).toEqual({
      kind: "#VALUE!",
      message:
        "period: no order has period 0 (base), so no category is like-for-like; GROW needs orders in both periods",
    });
    // Current orders only in new categories (snacks, 7).
    const onlyNew = T.filter((r) => r[0] === 0 || r[2] === "snacks" || r[2] === 7 || r[2] === " snacks");
    expect(failure(() => growRowsExcel(...cols(onlyNew))).message).toBe(
      "period: no period-1 (current) order is in a like-for-like category (one with base-period orders); GROW needs orders in both periods",
    );
    const zeroBase = T.map((r) => (r[0] === 0 ? [r[0], r[1], r[2], 0] : r));
    expect(failure(() => growRowsExcel(...cols(zeroBase))).message).toBe(
      "gmv: the like-for-like GMV of period 0 is 0; LMDI needs it > 0",
    );
    const zeroCur = T.map((r) => (r[0] !== 0 && r[0] !== null ? [r[0], r[1], r[2], 0] : r));
    expect(failure(() => growRowsExcel(...cols(zeroCur)), "zh").message).toBe(
      "gmv：期间 1 可比品类的 GMV 为 0；LMDI 要求其大于 0",
    );
    expect(failure(() => growRowsExcel([[null]], [[""]], [[""]], [[null]])).message).toMatch(/^period: no order has period 0/);
  });
});

describe("IdCodes", () => {
  it("gives the number 123 and the texts '123', ' 123 ' one code, and other texts their own", () => {
    const ids = new IdCodes();
    const a = ids.code(123);
    expect(ids.code("123")).toBe(a);
    expect(ids.code(" 123 ")).toBe(a);
    const ids2 = new IdCodes();
    const b = ids2.code(" 123");
    expect(ids2.code(123)).toBe(b);
    expect(ids2.code("123.0")).not.toBe(b); // compared as text: "123.0" ≠ "123"
    expect(ids2.code(1.5)).toBe(ids2.code("1.5"));
    expect(ids2.code("x")).toBe(ids2.code("x "));
    expect(ids2.code("X")).not.toBe(ids2.code("x"));
    expect(ids2.code("   ")).toBe(-1);
    expect(ids2.code(null)).toBe(-1);
    expect(ids2.size).toBe(5); // "123", "123.0", "1.5", "x", "X"
  });
});

// ---------------------------------------------------------------------------------------------
// Property: GROW.ROWS = GROW fed with the scopes counted by a deliberately naive reference.

const CUSTOMERS = [1, "1", " 1", 2, "b", "B", " b ", "c", 30, "30"];
const CATEGORIES = ["x", " x", "y", 5, "5", "z"];
const canon = (v: unknown): string => (typeof v === "number" ? String(v) : String(v).trim());

describe("GROW.ROWS property", () => {
  it("equals GROW(base scope, current scope, W) counted naively with Sets of trimmed texts", () => {
    const order = fc.tuple(
      fc.constantFrom(0, 1, "0", "1"),
      fc.constantFrom(...CUSTOMERS),
      fc.constantFrom(...CATEGORIES),
      fc.integer({ min: 1, max: 500 }),
    );
    fc.assert(
      fc.property(fc.array(order, { minLength: 1, maxLength: 40 }), (rows) => {
        const per = (p: unknown): number => Number(p);
        const lfl = new Set(rows.filter((r) => per(r[0]) === 0).map((r) => canon(r[2])));
        const scope = (p: number): number[] => {
          const inScope = rows.filter((r) => per(r[0]) === p && lfl.has(canon(r[2])));
          return [new Set(inScope.map((r) => canon(r[1]))).size, inScope.length, inScope.reduce((s, r) => s + r[3], 0)];
        };
        const w = rows.filter((r) => per(r[0]) === 1 && !lfl.has(canon(r[2]))).reduce((s, r) => s + r[3], 0);
        const [b, c] = [scope(0), scope(1)];
        if (b[1] === 0 || c[1] === 0) {
          expect(failure(() => growRowsExcel(...cols(rows))).kind).toBe("#VALUE!");
          return;
        }
        const viaCounts = growExcel([b], [c], w) as number[];
        const viaRows = growRowsExcel(...cols(rows)) as number[];
        for (let k = 0; k < 4; k++) expect(viaRows[k]).toBeCloseTo(viaCounts[k], 9);
      }),
      { numRuns: 500 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// A large table (speed on whole columns is measured by `npm run bench`).

/**
 * `rows` order rows as Excel hands them over: one argument (column) after the other, each one
 * serialised to JSON and parsed back as the custom-functions runtime does (so short texts arrive
 * as V8 makes them from JSON), one 1-element array per cell. Row i: customer
 * (7919 i mod `customers`), numbers for odd codes and "C…" texts for even ones; category "cat" +
 * (31 i mod 40); period 0 when i ≡ 0 (mod 3), else 1; gmv (i mod 997) + 1.
 */
function orders(rows: number, customers: number): [unknown[][], unknown[][], unknown[][], unknown[][]] {
  const column = (cell: (i: number) => unknown): unknown[][] => {
    const c = new Array<unknown[]>(rows);
    for (let i = 0; i < rows; i++) c[i] = [cell(i)];
    return JSON.parse(JSON.stringify(c)) as unknown[][];
  };
  const customer = (i: number): unknown => {
    const cu = (i * 7919) % customers;
    return cu % 2 ? cu : `C${cu}`;
  };
  return [
    column((i) => (i % 3 === 0 ? 0 : 1)),
    column(customer),
    column((i) => `cat${(i * 31) % 40}`),
    column((i) => (i % 997) + 1),
  ];
}
describe("GROW.ROWS on a large table", () => {
  it("gives the hand-counted scopes of a large regular table", () => {
    // 300,000 rows, period 0 iff i ≡ 0 (mod 3); customer (7919 i mod 300,000) is a bijection of
    // 0…299,999 (gcd(7919, 300,000) = 1), so every row has its own customer: N = orders.
    // Categories 31 i mod 40 (gcd(31, 40) = 1): base rows i = 3j meet every category, so all 40 are
    // like-for-like and W = 0. Base: 100,000 orders; current: 200,000 orders → F = 1 in both periods.
    // V0 = Σ over i ≡ 0 (mod 3) of (i mod 997) + 1, computed by the loop below (plain arithmetic).
    const rows = 300_000;
    const [P, C, K, G] = orders(rows, 300_000);
    let v0 = 0;
    let v1 = 0;
    for (let i = 0; i < rows; i++) {
      if (i % 3 === 0) v0 += (i % 997) + 1;
      else v1 += (i % 997) + 1;
    }
    const expected = growExcel([[100_000, 100_000, v0]], [[200_000, 200_000, v1]], 0) as number[];
    const out = growRowsExcel(P, C, K, G) as number[];
    for (let k = 0; k < 4; k++) expect(out[k]).toBeCloseTo(expected[k], 6);
    expect(out[1]).toBeCloseTo(0, 6); // F unchanged
  });
  // Speed against the bare loop is measured by `npm run bench` (bench/RESULTS.md), not asserted here.
});
