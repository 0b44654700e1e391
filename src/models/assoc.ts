/**
 * ASSOC: cross-category association 跨品类关联分析 (SPEC §13; docs/drafts/strategy.md).
 *
 * One row per order line: `basket` (an order id, or a customer id for buyer-level association)
 * and `category`, both identifiers compared as trimmed text. A basket's categories are
 * deduplicated. With B baskets, n(a) baskets holding category a and n(a, b) baskets holding
 * both, every pair bought together at least once gives two directed rules a → b and b → a:
 *
 * | column | formula |
 * |---|---|
 * | support | n(a, b) ÷ B |
 * | confidence | n(a, b) ÷ n(a) |
 * | lift | confidence(a → b) ÷ (n(b) ÷ B), computed as (n(a, b) × B) ÷ (n(a) × n(b)) |
 * | baskets_both | n(a, b) |
 *
 * These are the standard definitions: the rules are those of an apriori run restricted to
 * itemsets of two (arules::apriori with minlen = maxlen = 2, confidence 0). Rules with
 * support ≥ `min_support` are kept, sorted by lift (descending), support (descending), then
 * `from` and `to` (ascending by Unicode code points), and the first `top_n` are returned.
 *
 * Lift is computed from the integer counts in one division, (n(a, b) × B) ÷ (n(a) × n(b)) (the
 * products are exact below 2⁵³), so a → b and b → a have bit-identical lifts and are ordered by
 * their names, and two pairs whose lifts are equal as fractions are equal as numbers.
 */
import { fail, invalid, type ResultCell } from "../excel/errors";
import {
  asColumn, rowColumns, idText, isEmptyOrZero, isVoid, refuseObject, sameLength, validId, whereAt, type Vec,
} from "../excel/coerce";
import { IdCodes } from "../excel/ids";
import { bind, WITH_HEADERS, type Param } from "../excel/params";

/** Known header names of the two columns (docs: "Column headers in row-level arguments"). */
export const ASSOC_COLUMN_NAMES = {
  basket: ["basket", "order", "order_id", "customer", "customer_id", "订单", "订单号", "客户", "买家"],
  category: ["category", "cat", "类目", "品类"],
} as const;

/** Output columns (the `with_headers` row). */
export const ASSOC_OUTPUT_COLUMNS = ["from", "to", "support", "confidence", "lift", "baskets_both"] as const;

export const DEFAULT_MIN_SUPPORT = 0.01;
export const DEFAULT_TOP_N = 20;

/**
 * Most pair slots counted in a dense triangular array (4 MiB of Int32): up to about 1,450
 * categories; more categories count their pairs in a Map keyed a × K + b.
 */
const DENSE_PAIRS = 1 << 20;

/** What the rules are computed from. Categories are integer codes 0 … K − 1. */
export interface AssocCounts {
  /** B: baskets with at least one order line. */
  baskets: number;
  /** Category text (trimmed) by code. */
  names: string[];
  /** n(a) by category code. */
  single: Int32Array;
  /** The pairs bought together at least once: codes a < b and n(a, b), `pairs` entries. */
  pairA: Int32Array;
  pairB: Int32Array;
  pairN: Int32Array;
  pairs: number;
}

/** One directed rule. */
export interface AssocRule {
  from: string;
  to: string;
  support: number;
  confidence: number;
  lift: number;
  /** n(from, to). */
  both: number;
}

/** Code-unit order remapped so that surrogates (code points ≥ U+10000) sort above U+E000–U+FFFF. */
function unit(c: number): number {
  return c < 0xd800 ? c : c <= 0xdfff ? c + 0x2000 : c - 0x800;
}

/** Compare two texts by Unicode code points (not UTF-16 code units, not locale): < 0, 0 or > 0. */
export function compareCodePoints(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return unit(x) - unit(y);
  }
  return a.length - b.length;
}

/** The place of a blank or unreadable identifier in a kept row: `#VALUE!` naming argument and row. */
function blankId(v: Vec, i: number, x: unknown): never {
  refuseObject(x, whereAt(v, i));
  return invalid("required", whereAt(v, i));
}

/** `a` copied into an array twice as long. */
function doubled(a: Int32Array): Int32Array {
  const b = new Int32Array(Math.max(16, a.length * 2));
  b.set(a);
  return b;
}

/** Sort `a[s … e)` ascending in place: insertion sort for the short runs baskets usually are. */
function sortRun(a: Int32Array, s: number, e: number): void {
  if (e - s > 32) {
    a.subarray(s, e).sort();
    return;
  }
  for (let i = s + 1; i < e; i++) {
    const v = a[i];
    let j = i - 1;
    while (j >= s && a[j] > v) {
      a[j + 1] = a[j];
      j--;
    }
    a[j + 1] = v;
  }
}

/**
 * Count baskets, categories and pairs from one row per order line.
 *
 * Rows before `first` (a header row) are skipped, and so is a row whose two cells are blank or
 * the number 0 (the empty tail of a whole column, in any of its forms); in a kept row an
 * identifier 0 is the identifier "0", and a blank cell is `#VALUE!` naming its argument and row.
 *
 * O(lines + Σ pairs per basket): the rows are read once, each cell interned into an integer
 * code ({@link IdCodes}: one Map lookup, no allocation for a repeated id); the lines are then
 * grouped by basket with a counting sort, each basket's categories sorted and deduplicated in
 * place, and its pairs counted in a triangular array (or a Map when there are many categories).
 *
 * @example baskets 1,1,2,2,2,3 with categories tea,cups,tea,cups,snacks,tea
 * // B = 3; n(tea) = 3, n(cups) = 2, n(snacks) = 1; n(tea, cups) = 2, n(tea, snacks) = n(cups, snacks) = 1
 */
export function assocCounts(vb: Vec, vc: Vec, first = 0): AssocCounts {
  const n = sameLength([vb, vc]);
  const Bk = asColumn(vb);
  const Ct = asColumn(vc);
  const baskets = new IdCodes();
  const cats = new IdCodes();
  const names: string[] = [];
  let bc: Int32Array = new Int32Array(Math.min(Math.max(0, n - first), 1 << 16));
  let cc: Int32Array = new Int32Array(bc.length);
  let m = 0;
  for (let i = first; i < n; i++) {
    const b = Bk[i][0];
    const c = Ct[i][0];
    if (isEmptyOrZero(b) && isEmptyOrZero(c)) continue;
    // A 0 beside a blank (white space, an empty data type) is an empty row too: skip it before
    // the 0 gets a code.
    if ((b === 0 || c === 0) && isVoid(b) && isVoid(c)) continue;
    const x = baskets.code(b);
    const y = cats.code(c);
    if (x < 0 || y < 0) {
      if (isVoid(b) && isVoid(c)) continue;
      if (x < 0) blankId(vb, i, b);
      blankId(vc, i, c);
    }
    if (names[y] === undefined) names[y] = idText(c);
    if (m === bc.length) {
      bc = doubled(bc);
      cc = doubled(cc);
    }
    bc[m] = x;
    cc[m] = y;
    m++;
  }

  // Group the lines by basket (counting sort on the basket code).
  const nb = baskets.size;
  const K = cats.size;
  const start = new Int32Array(nb + 1);
  for (let t = 0; t < m; t++) start[bc[t] + 1]++;
  for (let b = 0; b < nb; b++) start[b + 1] += start[b];
  const items = new Int32Array(m);
  const fill = start.slice(0, nb);
  for (let t = 0; t < m; t++) items[fill[bc[t]]++] = cc[t];

  const single = new Int32Array(K);
  const slots = (K * (K - 1)) / 2;
  const dense = slots <= DENSE_PAIRS ? new Int32Array(slots) : undefined;
  // Slot of pair (a, b), a < b, in the triangular array: rowBase[a] + b.
  const rowBase = new Int32Array(dense ? K : 0);
  for (let a = 0; a < rowBase.length; a++) rowBase[a] = a * K - (a * (a + 1)) / 2 - a - 1;
  const sparse = dense ? undefined : new Map<number, number>();
  let B = 0;
  for (let b = 0; b < nb; b++) {
    const s = start[b];
    const e = start[b + 1];
    if (s === e) continue; // a code given to a skipped row
    B++;
    sortRun(items, s, e);
    let u = s + 1;
    for (let j = s + 1; j < e; j++) if (items[j] !== items[u - 1]) items[u++] = items[j];
    for (let j = s; j < u; j++) single[items[j]]++;
    if (dense) {
      for (let x = s; x < u - 1; x++) {
        const base = rowBase[items[x]];
        for (let y = x + 1; y < u; y++) dense[base + items[y]]++;
      }
    } else {
      for (let x = s; x < u - 1; x++) {
        const base = items[x] * K;
        for (let y = x + 1; y < u; y++) {
          const key = base + items[y];
          sparse!.set(key, (sparse!.get(key) ?? 0) + 1);
        }
      }
    }
  }

  // The pairs bought together at least once.
  let pairs = 0;
  let pairA: Int32Array;
  let pairB: Int32Array;
  let pairN: Int32Array;
  if (dense) {
    for (let j = 0; j < slots; j++) if (dense[j] > 0) pairs++;
    pairA = new Int32Array(pairs);
    pairB = new Int32Array(pairs);
    pairN = new Int32Array(pairs);
    let k = 0;
    for (let a = 0; a < K - 1; a++) {
      const base = rowBase[a];
      for (let b = a + 1; b < K; b++) {
        const v = dense[base + b];
        if (v > 0) {
          pairA[k] = a;
          pairB[k] = b;
          pairN[k] = v;
          k++;
        }
      }
    }
  } else {
    pairs = sparse!.size;
    pairA = new Int32Array(pairs);
    pairB = new Int32Array(pairs);
    pairN = new Int32Array(pairs);
    let k = 0;
    for (const [key, v] of sparse!) {
      const a = Math.floor(key / K);
      pairA[k] = a;
      pairB[k] = key - a * K;
      pairN[k] = v;
      k++;
    }
  }
  return { baskets: B, names, single, pairA, pairB, pairN, pairs };
}

/**
 * The first `topN` rules with support ≥ `minSupport`, in the documented order (lift ↓,
 * support ↓, from ↑, to ↑ by code points). A bounded heap keeps the best `topN` while the rules
 * stream by, so the cost is O(rules × log topN) and only the kept rules are sorted.
 */
export function assocRules(c: AssocCounts, minSupport: number, topN: number): AssocRule[] {
  const B = c.baskets;
  const names = c.names;
  const cap = Math.max(0, Math.min(topN, 2 * c.pairs));
  // The heap: rule k is (from hf[k], to ht[k], both hb[k], lift hl[k]); the root ranks last.
  const hf = new Int32Array(cap);
  const ht = new Int32Array(cap);
  const hb = new Int32Array(cap);
  const hl = new Float64Array(cap);
  let size = 0;

  /** < 0 when rule 1 ranks before rule 2. */
  const order = (l1: number, b1: number, f1: number, t1: number, l2: number, b2: number, f2: number, t2: number): number => {
    if (l1 !== l2) return l1 > l2 ? -1 : 1;
    if (b1 !== b2) return b2 - b1;
    if (f1 !== f2) return compareCodePoints(names[f1], names[f2]);
    return t1 === t2 ? 0 : compareCodePoints(names[t1], names[t2]);
  };
  const at = (i: number, j: number): number => order(hl[i], hb[i], hf[i], ht[i], hl[j], hb[j], hf[j], ht[j]);
  const swap = (i: number, j: number): void => {
    let t = hf[i]; hf[i] = hf[j]; hf[j] = t;
    t = ht[i]; ht[i] = ht[j]; ht[j] = t;
    t = hb[i]; hb[i] = hb[j]; hb[j] = t;
    const l = hl[i]; hl[i] = hl[j]; hl[j] = l;
  };
  const siftDown = (i: number): void => {
    for (;;) {
      const l = 2 * i + 1;
      if (l >= size) return;
      const r = l + 1;
      const worst = r < size && at(r, l) > 0 ? r : l;
      if (at(worst, i) <= 0) return;
      swap(i, worst);
      i = worst;
    }
  };
  const offer = (f: number, t: number, both: number, lift: number): void => {
    if (size < cap) {
      let i = size++;
      hf[i] = f; ht[i] = t; hb[i] = both; hl[i] = lift;
      while (i > 0) {
        const p = (i - 1) >> 1;
        if (at(i, p) <= 0) return;
        swap(i, p);
        i = p;
      }
    } else if (cap > 0 && order(lift, both, f, t, hl[0], hb[0], hf[0], ht[0]) < 0) {
      hf[0] = f; ht[0] = t; hb[0] = both; hl[0] = lift;
      siftDown(0);
    }
  };

  for (let k = 0; k < c.pairs; k++) {
    const nab = c.pairN[k];
    if (!(nab / B >= minSupport)) continue;
    const a = c.pairA[k];
    const b = c.pairB[k];
    const lift = (nab * B) / (c.single[a] * c.single[b]);
    offer(a, b, nab, lift);
    offer(b, a, nab, lift);
  }

  const idx = Array.from({ length: size }, (_, i) => i);
  idx.sort(at);
  return idx.map((i) => ({
    from: names[hf[i]],
    to: names[ht[i]],
    support: hb[i] / B,
    confidence: hb[i] / c.single[hf[i]],
    lift: hl[i],
    both: hb[i],
  }));
}

// --- Excel entry ------------------------------------------------------------------------------

/**
 * `DTC.ASSOC(basket, category, [min_support], [top_n], [with_headers])` → rows [from, to,
 * support, confidence, lift, baskets_both]. `min_support` in [0, 1], default 0.01; `top_n` a
 * whole number ≥ 1, default 20.
 */
export const ASSOC_PARAMS = [
  { name: "basket", type: "range" },
  { name: "category", type: "range" },
  { name: "min_support", type: "number", domain: "rate", optional: true, default: DEFAULT_MIN_SUPPORT },
  { name: "top_n", type: "whole", min: 1, optional: true },
  WITH_HEADERS,
] as const satisfies readonly Param[];

export function assocExcel(...args: unknown[]): ResultCell[][] {
  const p = bind(ASSOC_PARAMS, args);
  const { cols: [vb, vc], first } = rowColumns(p, [
    { name: "basket", valid: validId, names: ASSOC_COLUMN_NAMES.basket },
    { name: "category", valid: validId, names: ASSOC_COLUMN_NAMES.category },
  ]);
  const counts = assocCounts(vb, vc, first);
  if (counts.baskets === 0) invalid("emptyTable", { arg: "basket" });
  const rules = assocRules(counts, p.min_support, p.top_n ?? DEFAULT_TOP_N);
  if (rules.length === 0) {
    if (counts.pairs === 0) fail("#N/A", "assocNoPair", undefined, { baskets: counts.baskets });
    let most = 0;
    for (let k = 0; k < counts.pairs; k++) most = Math.max(most, counts.pairN[k]);
    fail("#N/A", "assocNoRule", undefined, { value: p.min_support, count: most, baskets: counts.baskets });
  }
  const out: ResultCell[][] = rules.map((r) => [r.from, r.to, r.support, r.confidence, r.lift, r.both]);
  if (p.with_headers) out.unshift([...ASSOC_OUTPUT_COLUMNS]);
  return out;
}
