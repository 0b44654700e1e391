/**
 * SUPER: product (货品) health from one row per SKU (docs/functions.md, DTC.SUPER).
 *
 * | letter | name | definition |
 * |---|---|---|
 * | S | Star product share 优质货品占比 | k ÷ SKUs, k = fewest SKUs (largest GMV first) whose GMV reaches `star_share` × total GMV |
 * | U | Utmost conversion 购买转化率 | Σ buyers ÷ Σ visitors |
 * | P | Product novelty 新品贡献率 | Σ GMV of new SKUs ÷ Σ GMV |
 * | E | Exact stock 售罄率 | Σ units sold ÷ Σ units available (opening stock + receipts) |
 * | R | Rapid fulfillment 履约时效 | Σ orders shipped within the service level ÷ Σ orders |
 *
 * The table is read by header (English or Chinese aliases, any order) or by position
 * (`readTable` in `src/excel/table.ts`). Only `gmv` is required; an indicator whose column is
 * missing is `#N/A` naming the column, a ratio whose denominator is 0 is `#DIV/0!`.
 */
import { invalid, notAvailable, ratio, type ResultCell, type CellError } from "../excel/errors";
import { flagCode, isBlank, isEmpty, isEmptyOrZero, parseNumber } from "../excel/coerce";
import type { Indicator } from "../excel/indicators";
import { bind, INDICATOR, range, WITH_HEADERS, type Param } from "../excel/params";
import { show } from "../excel/messages";
import { blankRow, emptyTailStart, readTable, whereIn, type ColumnSpec, type Table } from "../excel/table";

/** The SUPER indicators in output order. */
export const SUPER_INDICATORS: Indicator[] = [
  { letter: "S", name: "Star product share", zh: "优质货品占比" },
  { letter: "U", name: "Utmost conversion", zh: "购买转化率" },
  { letter: "P", name: "Product novelty", zh: "新品贡献率" }, { letter: "E", name: "Exact stock", zh: "售罄率" },
  { letter: "R", name: "Rapid fulfillment", zh: "履约时效" },
];

/** The columns of `skus`, in positional order, with their header aliases. */
export const SUPER_COLUMNS: readonly ColumnSpec[] = [
  { key: "sku", aliases: ["sku", "SKU", "货品", "商品"] },
  { key: "is_new", aliases: ["is_new", "new", "新品"] },
  { key: "gmv", aliases: ["gmv", "GMV", "成交额"], required: true },
  { key: "visitors", aliases: ["visitors", "uv", "访客数"] },
  { key: "buyers", aliases: ["buyers", "买家数"] },
  { key: "units_sold", aliases: ["units_sold", "销量"] },
  { key: "units_available", aliases: ["units_available", "stock", "可售库存"] },
  { key: "orders", aliases: ["orders", "订单数"] },
  { key: "orders_on_time", aliases: ["orders_on_time", "及时履约订单数"] },
];

/** Default `star_share`: the SKUs that make 80 % of GMV. */
export const DEFAULT_STAR_SHARE = 0.8;

/**
 * Relative slack when a GMV sum is compared with `star_share` × total: sums of decimals carry
 * rounding (0.7 × 100 is 70.00000000000001 in binary), and a planner expects 70 to reach it.
 */
export const STAR_TOLERANCE = 1e-12;

/**
 * What SUPER is computed from: the GMV of each SKU and the column sums. A sum is `undefined`
 * when its column is absent.
 */
export interface SkuTotals {
  /** GMV per SKU (one entry per data row, at least one). */
  gmv: Float64Array;
  /** Σ gmv. */
  total: number;
  /** GMV of the SKUs flagged new. */
  newGmv?: number;
  visitors?: number;
  buyers?: number;
  unitsSold?: number;
  unitsAvailable?: number;
  orders?: number;
  ordersOnTime?: number;
}

/** Median of three numbers. */
function median3(a: number, b: number, c: number): number {
  const lo = a < b ? a : b;
  const hi = a < b ? b : a;
  return c < lo ? lo : c > hi ? hi : c;
}

/**
 * The walk of the definition: add `values` from the largest down to `base` until the sum
 * reaches `target`; how many were added, or `undefined` if never reached. Sorts `values`.
 */
function walkDescending(values: Float64Array, base: number, target: number): number | undefined {
  values.sort();
  const last = values.length - 1;
  let acc = base;
  for (let j = last; j >= 0; j--) {
    acc += values[j];
    if (acc >= target) return last - j + 1;
  }
  return undefined;
}

/** Sample size of the bracketing pass of {@link fewestToReach}. */
const SAMPLE = 128;
/** The pivots lie this many sample values either side of the sample's own answer. */
const BRACKET = 8;

/**
 * One pass that brackets the answer with two pivots read off a sample (as in Floyd–Rivest
 * selection): values above the upper pivot are all taken, and the answer is searched among the
 * few values between the pivots only. Returns -1 when the sample misled (the answer lies outside
 * the bracket, or too many values fell between the pivots).
 */
function bracketed(values: Float64Array, target: number, total: number): number {
  const n = values.length;
  const sample = new Float64Array(SAMPLE);
  for (let i = 0; i < SAMPLE; i++) sample[i] = values[Math.floor((i * n) / SAMPLE)];
  sample.sort().reverse();
  let sampleTotal = 0;
  for (let i = 0; i < SAMPLE; i++) sampleTotal += sample[i];
  if (!(sampleTotal > 0)) return -1;
  const share = target / total;
  // q: where the sample's own cumulative share reaches the target share.
  let q = 0;
  let acc = sample[0];
  while (q < SAMPLE - 1 && acc < share * sampleTotal) acc += sample[++q];
  const upper = q >= BRACKET ? sample[q - BRACKET] : Infinity;
  const lower = sample[Math.min(q + BRACKET, SAMPLE - 1)];
  let above = 0;
  let taken = 0;
  // About 2 × BRACKET ÷ SAMPLE of the values fall between the pivots; room for twice that.
  const middle = new Float64Array(Math.ceil((4 * BRACKET * n) / SAMPLE) + 1);
  let m = 0;
  let between = 0;
  for (let i = 0; i < n; i++) {
    const x = values[i];
    if (x > upper) {
      above += x;
      taken++;
    } else if (x >= lower) {
      if (m === middle.length) return -1;
      middle[m++] = x;
      between += x;
    }
  }
  if (above >= target || above + between < target) return -1;
  return taken + partitioned(middle.subarray(0, m), target, above);
}

/**
 * Quickselect-style search: partition around a median-of-three pivot; if the values above the
 * pivot reach the target the answer lies among them, otherwise take them (and as many
 * pivot-equal values as needed) and go on below. `start` is a sum already taken before `a`.
 * Expected O(n); after 64 rounds the remaining window is sorted instead. `a` is reordered in place.
 */
function partitioned(a: Float64Array, target: number, start = 0): number {
  let lo = 0;
  let hi = a.length;
  let taken = 0; // values taken so far (all larger than anything in [lo, hi))
  let base = start; // the sum taken so far
  for (let round = 0; lo < hi; round++) {
    if (round === 64) {
      const k = walkDescending(a.slice(lo, hi), base, target);
      return taken + (k ?? hi - lo);
    }
    const pivot = median3(a[lo], a[(lo + hi) >>> 1], a[hi - 1]);
    // Three-way partition: [lo, gt) > pivot, [gt, lt) = pivot, [lt, hi) < pivot.
    let gt = lo;
    let lt = hi;
    let i = lo;
    let sumAbove = 0;
    while (i < lt) {
      const x = a[i];
      if (x > pivot) {
        a[i] = a[gt];
        a[gt] = x;
        gt++;
        i++;
        sumAbove += x;
      } else if (x < pivot) {
        lt--;
        a[i] = a[lt];
        a[lt] = x;
      } else {
        i++;
      }
    }
    if (base + sumAbove >= target) {
      hi = gt;
      continue;
    }
    let acc = base + sumAbove;
    for (let j = 1; j <= lt - gt; j++) {
      acc += pivot;
      if (acc >= target) return taken + (gt - lo) + j;
    }
    taken += lt - lo;
    base = acc;
    lo = lt;
  }
  return taken;
}

/**
 * Fewest values whose sum reaches `target`, taking the largest values first.
 *
 * Definition: sort `values` (all ≥ 0) descending; the answer is the smallest k with
 * x₁ + … + x_k ≥ target, or `values.length` when even all of them fall short. `total` is the sum
 * of the values (0 < target ≤ total in use).
 *
 * Kept over a plain typed-array sort on measurement: with the sort SUPER ran at 2.6× its floor
 * for 10,000 SKUs in `npm run bench` (target ≤ 2×), with this selection at 0.4× (built bundle).
 * Sorting would cost O(n log n); instead one pass brackets the answer between two pivots read off
 * a sample of 128 values, and only the values between them are searched further. When the sample
 * misleads, a quickselect-style search (expected O(n)) answers on a copy. `values` is left as it is.
 *
 * @example fewestToReach(Float64Array.of(10, 50, 20, 20), 70, 100) // → 2 (50 + 20)
 */
export function fewestToReach(values: Float64Array, target: number, total: number): number {
  if (values.length > 4 * SAMPLE) {
    const k = bracketed(values, target, total);
    if (k >= 0) return k;
  }
  return partitioned(values.slice(), target);
}

/** A ratio of two column sums, or `#N/A` naming the first missing column. */
function columnRatio(
  num: number | undefined,
  numKey: string,
  den: number | undefined,
  denKey: string,
  what: string,
): number | CellError {
  if (num === undefined) return notAvailable(what, "naColumn", { column: numKey });
  if (den === undefined) return notAvailable(what, "naColumn", { column: denKey });
  return ratio(num, den, what);
}

/**
 * The SUPER row [S, U, P, E, R] from the GMV per SKU and the column sums.
 *
 * S = k ÷ SKUs with k = {@link fewestToReach}(gmv, share × total × (1 − 1e-12)); `#DIV/0!` when
 * the total GMV is 0 (no share of it can be taken). U = Σ buyers ÷ Σ visitors; P = Σ gmv of new
 * SKUs ÷ Σ gmv; E = Σ units sold ÷ Σ units available; R = Σ orders on time ÷ Σ orders. A missing
 * column makes its indicator `#N/A`; a zero denominator `#DIV/0!`.
 *
 * @example gmv 50, 20, 20, 10 (new: the last two), share 0.7 → S = 2 ÷ 4 = 0.5, P = 30 ÷ 100 = 0.3
 */
export function superRow(c: SkuTotals, starShare: number): ResultCell[] {
  const [S, U, P, E, R] = SUPER_INDICATORS.map((d) => d.name);
  const n = c.gmv.length;
  const total = c.total;
  const star =
    total === 0
      ? ratio(0, 0, S)
      : fewestToReach(c.gmv, starShare * total * (1 - STAR_TOLERANCE), total) / n;
  return [
    star,
    columnRatio(c.buyers, "buyers", c.visitors, "visitors", U),
    columnRatio(c.newGmv, "is_new", total, "gmv", P),
    columnRatio(c.unitsSold, "units_sold", c.unitsAvailable, "units_available", E),
    columnRatio(c.ordersOnTime, "orders_on_time", c.orders, "orders", R),
  ];
}

// --- Excel entry point ----------------------------------------------------------------------------

/** Value of a numeric cell that is not a plain number ≥ 0: blank, number text, or `#VALUE!`. */
function slowCell(t: Table, i: number, key: string, x: unknown): number {
  if (isBlank(x)) {
    if (key === "gmv") invalid("required", whereIn(t, i, key));
    return 0;
  }
  const v = parseNumber(x);
  if (v === undefined) invalid("notNumber", whereIn(t, i, key), { value: show(x) });
  if (v < 0) invalid(key === "gmv" ? "notNonNegative" : "negative", whereIn(t, i, key), { value: v });
  return v;
}

/** Flag of an `is_new` cell that is not blank or a boolean (`Y`, `是`, 1 …), or `#VALUE!`. */
function slowFlag(t: Table, i: number, x: unknown): number {
  const f = flagCode(x);
  if (f < 0) invalid("notFlag", whereIn(t, i, "is_new"), { value: show(x) });
  return f;
}

/** The numeric columns of `skus`, in the order {@link skuTotals} reads them. */
const NUMERIC = ["gmv", "visitors", "buyers", "units_sold", "units_available", "orders", "orders_on_time"] as const;

/**
 * The numeric cells of row `i` the careful way, into `out` (in {@link NUMERIC} order): blank
 * optional cells are 0, number texts are parsed, anything else is `#VALUE!` naming the cell;
 * absent columns give 0; `orders_on_time` > `orders` is `#VALUE!` naming the row.
 */
function slowRow(t: Table, i: number, out: Float64Array): void {
  const line = t.data[i];
  NUMERIC.forEach((key, k) => {
    const j = t.col[key];
    const v = j >= 0 ? line[j] : 0;
    out[k] = typeof v === "number" && v >= 0 && v < Infinity ? v : slowCell(t, i, key, v);
  });
  const orders = out[5];
  const onTime = out[6];
  if (t.col.orders >= 0 && t.col.orders_on_time >= 0 && onTime > orders) {
    invalid("exceeds", whereIn(t, i, "orders_on_time"), {
      what: "orders_on_time",
      value: onTime,
      limit_name: "orders",
      limit: orders,
    });
  }
}

/**
 * The column each value of {@link NUMERIC} is read from in the fast pass of {@link skuTotals}:
 * its own, or for an absent column the GMV column (an absent `orders` or `orders_on_time` reads
 * its partner instead, so that on-time ≤ orders holds).
 */
function readColumns(t: Table): number[] {
  const col = t.col;
  const has = (key: string): boolean => col[key] >= 0;
  const jo = has("orders") ? col.orders : has("orders_on_time") ? col.orders_on_time : col.gmv;
  const jt = has("orders_on_time") ? col.orders_on_time : jo;
  const rest = (["visitors", "buyers", "units_sold", "units_available"] as const).map((key) => (has(key) ? col[key] : col.gmv));
  return [col.gmv, ...rest, jo, jt];
}

/**
 * Read the data rows of `skus` in one row-major pass: the GMV of each SKU, the sum of every
 * other present column and the GMV of new SKUs. Rows whose cells are all blank or 0 are skipped;
 * blank optional cells count 0; blank `gmv` is `#VALUE!`; counts are ≥ 0; `orders_on_time` >
 * `orders` is `#VALUE!` naming the row; a table without data rows is `#VALUE!`.
 *
 * Every row first takes one fast test (its numeric cells are numbers ≥ 0 and on-time orders do
 * not exceed orders), which also proves it is not blank; only a row that fails it is checked for
 * blankness and read cell by cell ({@link slowRow}). An absent column reads another cell of the
 * row instead ({@link readColumns}) and its sum is dropped at the end, so tables with or without
 * optional columns share the fast path. A value that is not finite makes the sums non-finite and
 * is then found by a careful second pass.
 * O(rows × columns), no allocation per row.
 */
export function skuTotals(t: Table): SkuTotals {
  const data = t.data;
  // The empty tail of a whole-column reference ends the loop before it is reached.
  const end = emptyTailStart(data, t.first);
  const cols = Int32Array.from([...readColumns(t), t.col.is_new]);
  const all = new Float64Array(Math.max(0, end - t.first));
  const sums = new Float64Array(8);
  const n = sumRows(t, data, t.first, end, cols, all, sums);
  if (n === 0) invalid("emptyTable", { arg: t.name });
  const [total, newGmv, visitors, buyers, sold, available, orders, onTime] = sums;
  if (!Number.isFinite(total + visitors + buyers + sold + available + orders + onTime)) {
    // Infinity passed the fast test: find it (slowRow refuses it, naming the cell).
    const cells = new Float64Array(NUMERIC.length);
    for (let i = t.first; i < end; i++) if (!blankRow(data[i])) slowRow(t, i, cells);
  }
  return {
    gmv: all.subarray(0, n),
    total,
    newGmv: t.col.is_new >= 0 ? newGmv : undefined,
    visitors: t.col.visitors >= 0 ? visitors : undefined,
    buyers: t.col.buyers >= 0 ? buyers : undefined,
    unitsSold: t.col.units_sold >= 0 ? sold : undefined,
    unitsAvailable: t.col.units_available >= 0 ? available : undefined,
    orders: t.col.orders >= 0 ? orders : undefined,
    ordersOnTime: t.col.orders_on_time >= 0 ? onTime : undefined,
  };
}

/**
 * The row loop of {@link skuTotals} over rows `first` … `end − 1`: each data row's GMV into
 * `all`, and into `sums` Σ gmv, GMV of new SKUs, then the sums of the other {@link NUMERIC}
 * columns; returns the number of data rows. `cols` holds the column read for each value of
 * {@link NUMERIC} ({@link readColumns}) and then the `is_new` column (or -1).
 *
 * It takes only arrays and numbers (the table `t` only reaches the slow paths): V8 keeps compiled
 * code per function, and a hot loop that read the table's properties lost its code whenever a
 * garbage collection dropped the hidden class it had seen (docs/performance.md, "Stable shapes").
 * (No closure captures a variable of the loop: captured variables live in a context object and
 * would be re-read on every row.)
 */
function sumRows(
  t: Table, data: readonly (readonly unknown[])[], first: number, end: number, cols: Int32Array, all: Float64Array, sums: Float64Array,
): number {
  const jg = cols[0], jv = cols[1], jb = cols[2], js = cols[3], ja = cols[4], jo = cols[5], jt = cols[6], jn = cols[7];
  const cells = new Float64Array(NUMERIC.length);
  let lastFlag: unknown = undefined;
  let lastCode = 0;
  let n = 0;
  let total = 0;
  let newGmv = 0;
  let visitors = 0;
  let buyers = 0;
  let sold = 0;
  let available = 0;
  let orders = 0;
  let onTime = 0;
  for (let i = first; i < end; i++) {
    const line = data[i];
    const g0 = line[jg];
    // The key cell first: a row whose GMV is empty or 0 may be an empty row (the tail of a
    // whole-column reference, as "", null or 0), skipped before its other cells are read.
    if (g0 === "" || g0 === null || g0 === undefined || g0 === 0) {
      // Cells exactly empty are tested here, in the loop; anything else by blankRow.
      let k = 0;
      while (k < line.length && isEmptyOrZero(line[k])) k++;
      if (k === line.length || blankRow(line)) continue;
    }
    const v0 = line[jv];
    const b0 = line[jb];
    const s0 = line[js];
    const a0 = line[ja];
    const o0 = line[jo];
    const t0 = line[jt];
    let g: number, v: number, b: number, s: number, a: number, o: number, ot: number;
    if (
      typeof g0 === "number" && typeof v0 === "number" && typeof b0 === "number" && typeof s0 === "number" &&
      typeof a0 === "number" && typeof o0 === "number" && typeof t0 === "number" &&
      g0 >= 0 && v0 >= 0 && b0 >= 0 && s0 >= 0 && a0 >= 0 && o0 >= 0 && t0 >= 0 && t0 <= o0
    ) {
      g = g0;
      v = v0;
      b = b0;
      s = s0;
      a = a0;
      o = o0;
      ot = t0;
    } else {
      // (Whitespace-only or data-type cells can make a blank row too.)
      if (blankRow(line)) continue;
      slowRow(t, i, cells);
      g = cells[0];
      v = cells[1];
      b = cells[2];
      s = cells[3];
      a = cells[4];
      o = cells[5];
      ot = cells[6];
    }
    all[n++] = g;
    total += g;
    visitors += v;
    buyers += b;
    sold += s;
    available += a;
    orders += o;
    onTime += ot;
    if (jn >= 0) {
      const f = line[jn];
      if (isEmpty(f) || f === false) continue;
      if (f !== lastFlag) {
        lastCode = slowFlag(t, i, f);
        lastFlag = f;
      }
      if (lastCode === 1) newGmv += g;
    }
  }
  sums[0] = total;
  sums[1] = newGmv;
  sums[2] = visitors;
  sums[3] = buyers;
  sums[4] = sold;
  sums[5] = available;
  sums[6] = orders;
  sums[7] = onTime;
  return n;
}

/**
 * `DTC.SUPER(skus, [star_share])` → [S, U, P, E, R]. `star_share` in (0, 1], default 0.8.
 * A table without data rows is `#VALUE!` (there is no SKU to measure).
 */
export const SUPER_PARAMS = [
  range("skus"),
  { name: "star_share", type: "number", domain: "share", optional: true, default: DEFAULT_STAR_SHARE },
  INDICATOR, WITH_HEADERS,
] as const satisfies readonly Param[];

export function superExcel(...args: unknown[]): ResultCell[] {
  const p = bind(SUPER_PARAMS, args);
  return superRow(skuTotals(readTable(p.skus, "skus", SUPER_COLUMNS)), p.star_share);
}
