/*
 * ASSOC (SPEC §13) on the engine: a hand-worked table, a published worked example, a
 * brute-force reference (all pairs over sets of categories) and a small apriori restricted to
 * pairs on random data, errors, header rows and empty tails, and speed on 1,048,576 lines.
 */
import { describe, expect, it } from "vitest";
import { assocExcel, compareCodePoints } from "../../src/models/assoc";
import { CellError, type ResultCell } from "../../src/excel/errors";
import { failure } from "../harness/failure";
import { rng } from "../harness/rng";

type Rows = unknown[][];
const col = (t: Rows, j: number): Rows => t.map((r) => [r[j]]);
const call = (t: Rows, ...rest: unknown[]): ResultCell[][] => assocExcel(col(t, 0), col(t, 1), ...rest);


/*
 * Hand table: five orders (ids as numbers and texts, one category repeated, spaces around one).
 * O101 {tea, cups}, O102 {tea, cups, snacks} (tea twice), O103 {tea, snacks}, O104 {cups}, O105 {tea}.
 * B = 5; n(tea) = 4, n(cups) = 3, n(snacks) = 2; n(tea, cups) = 2, n(tea, snacks) = 2, n(cups, snacks) = 1.
 * tea → snacks: support 2/5, confidence 2/4, lift 0.5 ÷ (2/5) = 1.25; snacks → tea: confidence 1, lift 1 ÷ (4/5) = 1.25.
 * tea → cups: confidence 0.5, lift 0.5 ÷ (3/5) = 5/6; cups → tea: 2/3 ÷ 4/5 = 5/6.
 * cups → snacks: support 1/5, confidence 1/3, lift (1/3) ÷ (2/5) = 5/6; snacks → cups: 0.5 ÷ 3/5 = 5/6.
 * Order: lift ↓ (1.25 before 5/6), support ↓ (0.4 before 0.2), from ↑, to ↑.
 */
const HAND: Rows = [
  [101, "tea"],
  [101, "cups"],
  ["102", "tea"],
  [102, "cups"],
  [102, "snacks"],
  [102, " tea "],
  ["O103", "tea"],
  ["O103", "snacks"],
  ["O104", "cups"],
  ["O105", "tea"],
];
const HAND_RULES: ResultCell[][] = [
  ["snacks", "tea", 0.4, 1, 1.25, 2],
  ["tea", "snacks", 0.4, 0.5, 1.25, 2],
  ["cups", "tea", 0.4, 2 / 3, 5 / 6, 2],
  ["tea", "cups", 0.4, 0.5, 5 / 6, 2],
  ["cups", "snacks", 0.2, 1 / 3, 5 / 6, 1],
  ["snacks", "cups", 0.2, 0.5, 5 / 6, 1],
];

function expectRules(actual: ResultCell[][], expected: ResultCell[][]): void {
  expect(actual.length).toBe(expected.length);
  actual.forEach((row, i) => {
    expect(row.slice(0, 2)).toEqual(expected[i].slice(0, 2));
    for (let j = 2; j < 6; j++) {
      const e = expected[i][j] as number;
      expect(Math.abs((row[j] as number) - e)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(e)));
    }
  });
}

describe("ASSOC: hand-worked table", () => {
  it("gives support, confidence, lift and baskets_both in the documented order", () => {
    expectRules(call(HAND), HAND_RULES);
  });
  it("keeps support ≥ min_support and the first top_n; with_headers adds the column names", () => {
    expectRules(call(HAND, 0.3), HAND_RULES.slice(0, 4));
    expectRules(call(HAND, 0.4, 3), HAND_RULES.slice(0, 3));
    expectRules(call(HAND, "20%", 1), HAND_RULES.slice(0, 1));
    const h = call(HAND, null, null, true);
    expect(h[0]).toEqual(["from", "to", "support", "confidence", "lift", "baskets_both"]);
    expectRules(h.slice(1), HAND_RULES);
  });
  it("ties of lift are exact: a → b and b → a, and equal fractions (10/12 = 5/6), are equal numbers", () => {
    const r = call(HAND);
    expect(r[2][4]).toBe(r[3][4]);
    expect(r[3][4]).toBe(r[4][4]);
  });
});

/*
 * Published worked example: the nine AllElectronics transactions of Han, Kamber & Pei, "Data
 * Mining: Concepts and Techniques" (3rd ed., Table 6.1), with a minimum support count of 2: the
 * frequent 2-itemsets of their Figure 6.2 are {I1,I2} 4, {I1,I3} 4, {I1,I5} 2, {I2,I3} 4,
 * {I2,I4} 2, {I2,I5} 2 (single counts I1 6, I2 7, I3 6, I4 2, I5 2).
 */
describe("ASSOC: the Han–Kamber–Pei transactions", () => {
  const T: Record<string, string[]> = {
    T100: ["I1", "I2", "I5"],
    T200: ["I2", "I4"],
    T300: ["I2", "I3"],
    T400: ["I1", "I2", "I4"],
    T500: ["I1", "I3"],
    T600: ["I2", "I3"],
    T700: ["I1", "I3"],
    T800: ["I1", "I2", "I3", "I5"],
    T900: ["I1", "I2", "I3"],
  };
  const rows: Rows = Object.entries(T).flatMap(([t, items]) => items.map((i) => [t, i]));
  it("finds the six frequent pairs (12 rules) at min_support 2/9 with the book's counts", () => {
    const r = call(rows, 2 / 9, 100);
    expect(r.length).toBe(12);
    const counts = new Map(r.map((x) => [[x[0], x[1]].sort().join(","), x[5]]));
    expect(Object.fromEntries(counts)).toEqual({ "I1,I2": 4, "I1,I3": 4, "I1,I5": 2, "I2,I3": 4, "I2,I4": 2, "I2,I5": 2 });
    const n: Record<string, number> = { I1: 6, I2: 7, I3: 6, I4: 2, I5: 2 };
    for (const x of r) {
      const [a, b, support, confidence, lift, both] = x as [string, string, number, number, number, number];
      expect(support).toBeCloseTo(both / 9, 14);
      expect(confidence).toBeCloseTo(both / n[a], 14);
      expect(lift).toBeCloseTo(both / n[a] / (n[b] / 9), 12);
    }
    // I5 → I1 and I5 → I2: confidence 100 % (2 of I5's 2 baskets); lift 9/6 and 9/7.
    const i5i1 = r.find((x) => x[0] === "I5" && x[1] === "I1")!;
    expect(i5i1[3]).toBe(1);
    expect(i5i1[4]).toBeCloseTo(1.5, 14);
    // Lifts: {I1,I5} 2·9 ÷ (6·2) = 1.5, {I2,I4} and {I2,I5} 18/14, {I1,I3} 1, {I1,I2} and {I2,I3} 36/42.
    expect(r[0].slice(0, 2)).toEqual(["I1", "I5"]);
    expect(r[1].slice(0, 2)).toEqual(["I5", "I1"]);
  });
  it("drops the pairs bought together only once at min_support 2/9 but keeps them at 1/9", () => {
    const all = call(rows, 1 / 9, 100);
    expect(all.length).toBe(16); // + {I1,I4} 1 and {I3,I5} 1
  });
});

// --- brute force -------------------------------------------------------------------------------

/** The reference's id text: the number 123 and the text " 123 " are "123". */
const idOf = (v: unknown): string => String(v).trim();

interface RefRule {
  from: string;
  to: string;
  nab: number;
  na: number;
  nb: number;
  B: number;
}

/** Code-point order by spreading the strings (independent of compareCodePoints). */
function cpCompare(a: string, b: string): number {
  const x = Array.from(a, (c) => c.codePointAt(0)!);
  const y = Array.from(b, (c) => c.codePointAt(0)!);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i] - y[i];
  return x.length - y.length;
}

/** Lift order by exact rational comparison (BigInt cross-multiplication): lift = nab·B ÷ (na·nb). */
function refOrder(r: RefRule, s: RefRule): number {
  const lr = BigInt(r.nab) * BigInt(s.na) * BigInt(s.nb);
  const ls = BigInt(s.nab) * BigInt(r.na) * BigInt(r.nb);
  if (lr !== ls) return lr > ls ? -1 : 1;
  if (r.nab !== s.nab) return s.nab - r.nab;
  return cpCompare(r.from, s.from) || cpCompare(r.to, s.to);
}

/** Baskets as sets of category texts; a row of two 0 cells (an empty row from an older Excel) is skipped. */
function basketsOf(rows: Rows): Map<string, Set<string>> {
  const baskets = new Map<string, Set<string>>();
  for (const [b, c] of rows) {
    if (b === 0 && c === 0) continue;
    const k = idOf(b);
    if (!baskets.has(k)) baskets.set(k, new Set());
    baskets.get(k)!.add(idOf(c));
  }
  return baskets;
}

/** Brute force: every ordered pair of distinct categories, counted over every basket. */
function bruteForce(rows: Rows, minSupport: number, topN: number): RefRule[] {
  const baskets = [...basketsOf(rows).values()];
  const B = baskets.length;
  const cats = [...new Set(baskets.flatMap((s) => [...s]))];
  const n = (a: string): number => baskets.filter((s) => s.has(a)).length;
  const rules: RefRule[] = [];
  for (const a of cats) {
    for (const b of cats) {
      if (a === b) continue;
      const nab = baskets.filter((s) => s.has(a) && s.has(b)).length;
      if (nab === 0 || nab / B < minSupport) continue;
      rules.push({ from: a, to: b, nab, na: n(a), nb: n(b), B });
    }
  }
  return rules.sort(refOrder).slice(0, topN);
}

/** Apriori restricted to itemsets of two: frequent items, candidate pairs from them, rules from the frequent pairs. */
function aprioriPairs(rows: Rows, minSupport: number, topN: number): RefRule[] {
  const baskets = [...basketsOf(rows).values()];
  const B = baskets.length;
  const c1 = new Map<string, number>();
  for (const s of baskets) for (const a of s) c1.set(a, (c1.get(a) ?? 0) + 1);
  const l1 = [...c1.keys()].filter((a) => c1.get(a)! / B >= minSupport).sort();
  const rules: RefRule[] = [];
  for (let i = 0; i < l1.length; i++) {
    for (let j = i + 1; j < l1.length; j++) {
      const a = l1[i];
      const b = l1[j];
      const nab = baskets.filter((s) => s.has(a) && s.has(b)).length;
      if (nab === 0 || nab / B < minSupport) continue;
      rules.push({ from: a, to: b, nab, na: c1.get(a)!, nb: c1.get(b)!, B });
      rules.push({ from: b, to: a, nab, na: c1.get(b)!, nb: c1.get(a)!, B });
    }
  }
  return rules.sort(refOrder).slice(0, topN);
}

function expectSameRules(ours: ResultCell[][], ref: RefRule[]): void {
  expect(ours.map((r) => [r[0], r[1], r[5]])).toEqual(ref.map((r) => [r.from, r.to, r.nab]));
  ours.forEach((row, i) => {
    const r = ref[i];
    expect(row[2] as number).toBeCloseTo(r.nab / r.B, 14);
    expect(Math.abs((row[3] as number) - r.nab / r.na)).toBeLessThanOrEqual(1e-14);
    const lift = r.nab / r.na / (r.nb / r.B);
    expect(Math.abs((row[4] as number) - lift)).toBeLessThanOrEqual(1e-12 * lift);
  });
}

/** Random order lines: ids as texts, numbers and numeric texts, padded with spaces, repeated categories, astral-plane names. */
function randomLines(r: () => number, lines: number, baskets: number, cats: number): Rows {
  const NAMES = ["tea", "Tea", "cups", "🍵", "\uff5e", "零食", "a", "ab", "b", "123", "0"];
  const catName = (k: number): unknown => {
    if (k < NAMES.length && r() < 0.5) return NAMES[k];
    const x = r();
    return x < 0.2 ? k : x < 0.4 ? ` c${k} ` : x < 0.5 ? String(k) : `c${k}`;
  };
  const rows: Rows = [];
  for (let i = 0; i < lines; i++) {
    const b = Math.floor(r() * baskets);
    // Skewed categories so that some pairs are frequent.
    const c = Math.floor(Math.pow(r(), 2) * cats);
    rows.push([r() < 0.3 ? b : r() < 0.5 ? String(b) : `O${b}`, catName(c)]);
  }
  return rows;
}

describe("ASSOC = brute force = apriori restricted to pairs, on random order lines", () => {
  it("agrees rule by rule on 300 random tables (dense pair counts)", () => {
    const r = rng(20240615);
    let compared = 0;
    for (let trial = 0; trial < 300; trial++) {
      const rows = randomLines(r, 5 + Math.floor(r() * 120), 1 + Math.floor(r() * 40), 2 + Math.floor(r() * 14));
      const minSupport = [0, 0.01, 0.05, 0.1, 0.3][trial % 5];
      const topN = [1, 3, 20, 1000][Math.floor(r() * 4)];
      const ref = bruteForce(rows, minSupport, topN);
      expect(aprioriPairs(rows, minSupport, topN)).toEqual(ref);
      if (ref.length === 0) {
        expect(failure(() => call(rows, minSupport, topN)).kind).toBe("#N/A");
        continue;
      }
      const ours = call(rows, minSupport, topN);
      expectSameRules(ours, ref);
      compared++;
    }
    expect(compared).toBeGreaterThan(200);
  });

  it("agrees with pairs counted from the baskets' sets when categories exceed the dense table (sparse counts)", () => {
    const r = rng(7);
    for (let trial = 0; trial < 3; trial++) {
      const rows: Rows = [];
      for (let i = 0; i < 6000; i++) rows.push([`B${Math.floor(r() * 1500)}`, `k${Math.floor(r() * 2000)}`]);
      // Pairs from each basket's set (all pairs of 2,000 categories would be 4 million per basket).
      const baskets = [...basketsOf(rows).values()];
      const B = baskets.length;
      const single = new Map<string, number>();
      const pair = new Map<string, number>();
      for (const s of baskets) {
        const items = [...s];
        for (const a of items) single.set(a, (single.get(a) ?? 0) + 1);
        for (const a of items) for (const b of items) if (a !== b) pair.set(`${a}\u0000${b}`, (pair.get(`${a}\u0000${b}`) ?? 0) + 1);
      }
      const ref: RefRule[] = [...pair].map(([k, nab]) => {
        const [from, to] = k.split("\u0000");
        return { from, to, nab, na: single.get(from)!, nb: single.get(to)!, B };
      });
      ref.sort(refOrder);
      expect(single.size).toBeGreaterThan(1450);
      expectSameRules(call(rows, 0, 500), ref.slice(0, 500));
    }
  });
});

describe("compareCodePoints", () => {
  it("orders by code points, not UTF-16 code units or locale", () => {
    // U+FF5E (one unit 0xFF5E) < U+1F375 🍵 (surrogates 0xD83C 0xDF75): code units would say otherwise.
    expect(compareCodePoints("\uff5e", "🍵")).toBeLessThan(0);
    expect("\uff5e" < "🍵").toBe(false);
    expect(compareCodePoints("B", "a")).toBeLessThan(0); // not locale order
    expect(compareCodePoints("a", "ab")).toBeLessThan(0);
    expect(compareCodePoints("零", "零")).toBe(0);
    const words = ["b", "🍵", "\uff5e", "a", "Z", "ab", "é", "\ue000"];
    expect([...words].sort(compareCodePoints)).toEqual([...words].sort(cpCompare));
  });
});

describe("ASSOC: rows, headers, errors", () => {
  it("skips a header row of known names and the empty tail in its three forms", () => {
    for (const form of [null, "", 0]) {
      for (const header of [[], [["order_id", "品类"]], [["Customer ", "CAT"]]]) {
        const rows: Rows = [...header, ...HAND, ...Array.from({ length: 50 }, () => [form, form])];
        expectRules(call(rows), HAND_RULES);
      }
    }
  });
  it("reads a first row that is not two known names as data", () => {
    const r = call([["order", "tea"], ["order", "cups"], ...HAND]);
    // basket "order" adds a sixth basket holding tea and cups.
    expect(r.find((x) => x[0] === "tea" && x[1] === "cups")![5]).toBe(3);
  });
  it("reads a kept identifier 0 as \"0\" and skips a row of 0 and blank", () => {
    const r = call([[0, "tea"], [0, "cups"], ["0", " 0 "], [0, 0], [0, ""], [" ", 0], [1, "tea"]], 0);
    expect(r.map((x) => [x[0], x[1], x[5]])).toEqual([
      // B = 2: n(tea) 2, n(cups) 1, n("0") 1; lift of {cups, "0"} = 1·2 ÷ (1·1) = 2, the others 1.
      ["0", "cups", 1], ["cups", "0", 1], ["0", "tea", 1], ["cups", "tea", 1], ["tea", "0", 1], ["tea", "cups", 1],
    ]);
    // B = 2 (baskets "0" and "1"): the skipped rows add no basket.
    expect(r[0][2]).toBe(0.5);
  });
  it("reads row vectors and data-type cells", () => {
    const b = [HAND.map((x) => ({ type: "String", basicValue: x[0] }))];
    const c = [HAND.map((x) => x[1])];
    expectRules(assocExcel(b, c), HAND_RULES);
  });
  it("gives #VALUE! naming the argument and row", () => {
    expect(failure(() => call([["o1", "tea"], ["o1", ""], ["o2", "cups"]])).message).toBe("category row 2: a value is required here");
    expect(failure(() => call([["o1", "tea"], [" ", "cups"]])).message).toBe("basket row 2: a value is required here");
    expect(failure(() => call([["basket", "category"], ["o1", "tea"], [null, "cups"]])).message).toBe("basket row 3: a value is required here");
    expect(failure(() => call([["o1", {}]])).message).toBe("category row 1: holds an object that is not a value (a data type without basicValue)");
    expect(failure(() => assocExcel([["a"], ["b"]], [["x"]])).message).toMatch(/^category has 1 rows? but basket has 2; all columns must have the same length$/);
    expect(failure(() => call(HAND, 1.5)).message).toBe("min_support: 1.5 is not a rate between 0 and 1");
    expect(failure(() => call(HAND, -0.1)).message).toBe("min_support: -0.1 is not a rate between 0 and 1");
    expect(failure(() => call(HAND, null, 0)).message).toBe("top_n: 0 must be a whole number ≥ 1");
    expect(failure(() => call(HAND, null, 2.5)).message).toBe("top_n: 2.5 must be a whole number ≥ 1");
    expect(failure(() => assocExcel([["a", "b"], ["c", "d"]], [["x"]])).message).toBe("basket: expected a single row or a single column, got 2×2");
    expect(failure(() => call([[null, null], ["", ""]])).message).toBe("basket has no data rows");
    expect(failure(() => call(HAND, null, "x")).message).toBe('top_n: "x" is not a number');
  });
  it("gives #N/A when no pair reaches min_support, saying why", () => {
    const e = failure(() => call(HAND, 0.5));
    expect(e).toEqual({
      kind: "#N/A",
      message: "no pair of categories reaches min_support (0.5): the most frequent pair is bought together in 2 of 5 baskets",
    });
    expect(failure(() => call([["o1", "tea"], ["o2", "cups"], ["o2", " cups"]]))).toEqual({
      kind: "#N/A",
      message: "no pair of categories reaches min_support: no basket holds two different categories (2 baskets)",
    });
    expect(failure(() => call(HAND, 0.5), "zh").message).toMatch(/^没有任何品类组合达到 min_support（0.5）/);
  });
  it("never returns a CellError cell", () => {
    for (const row of call(HAND)) for (const c of row) expect(c instanceof CellError).toBe(false);
  });
});

describe("ASSOC: 1,048,576 order lines", () => {
  it("counts a whole column with a header row and an empty tail quickly", () => {
    const n = 1_048_576;
    const r = rng(11);
    const CATS = Array.from({ length: 60 }, (_, k) => `cat${k}`);
    const b: unknown[][] = new Array(n);
    const c: unknown[][] = new Array(n);
    b[0] = ["order_id"];
    c[0] = ["category"];
    let order = 0;
    let i = 1;
    const filled = 1_000_000;
    while (i < filled) {
      const lines = 1 + Math.floor(r() * 4);
      for (let k = 0; k < lines && i < filled; k++, i++) {
        b[i] = ["SO" + order];
        c[i] = [CATS[Math.floor(Math.pow(r(), 1.5) * CATS.length)]];
      }
      order++;
    }
    for (; i < n; i++) {
      b[i] = [null];
      c[i] = [null];
    }
    const t0 = performance.now();
    const out = assocExcel(b, c, 0.001, 20);
    const ms = performance.now() - t0;
    expect(out.length).toBe(20);
    // Total support of the kept rules is consistent with a brute count of the top pair.
    const [from, to] = out[0] as string[];
    const sets = new Map<string, Set<string>>();
    for (let j = 1; j < filled; j++) {
      const k = b[j][0] as string;
      if (!sets.has(k)) sets.set(k, new Set());
      sets.get(k)!.add(c[j][0] as string);
    }
    let both = 0;
    for (const s of sets.values()) if (s.has(from) && s.has(to)) both++;
    expect(out[0][5]).toBe(both);
    expect(out[0][2]).toBeCloseTo(both / sets.size, 14);
    // Generous bound for a shared CI machine (measured about 100–200 ms).
    expect(ms).toBeLessThan(3000);
  });
});
