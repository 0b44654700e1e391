/**
 * GROW: where growth came from (docs/functions.md, DTC.GROW).
 *
 * The GMV of the like-for-like scope is V = N × F × P with N = buyers, F = orders per buyer
 * and P = GMV per order. The change V₁ − V₀ is split over the three factors with the log-mean
 * Divisia index (LMDI): with the logarithmic mean L = (V₁ − V₀) ÷ (ln V₁ − ln V₀) (L = V₀ when
 * V₁ = V₀), factor X contributes L · ln(X₁ ÷ X₀). Because ln N + ln F + ln P = ln V, the three
 * parts add up to V₁ − V₀ exactly (up to floating-point rounding), whatever the order of the
 * factors, which sequential substitution cannot promise.
 *
 * | letter | name | definition |
 * |---|---|---|
 * | G | Gain 渗透力 | L · ln(N₁/N₀): more buyers |
 * | R | Retain 复购力 | L · ln(F₁/F₀): more orders per buyer |
 * | O | bOost 价格力 | L · ln(P₁/P₀): more value per order |
 * | W | Widen 延展力 | current GMV from categories with no base-period sales |
 *
 * `DTC.GROW` takes the two scopes as counts; `DTC.GROW.ROWS` counts them from one row per order.
 */
import { invalid, type ResultCell } from "../excel/errors";
import {
  asColumn, checkDomain, rowColumns, isBlank, isEmpty, isVoid, parseNumber, refuseObject, sameLength, validId, validNumber, whereAt,
  type Vec,
} from "../excel/coerce";
import type { Indicator } from "../excel/indicators";
import { bind, INDICATOR, WITH_HEADERS, type Param } from "../excel/params";
import { IdCodes } from "../excel/ids";
import { show } from "../excel/messages";

/** The GROW indicators in output order. */
export const GROW_INDICATORS: Indicator[] = [
  { letter: "G", name: "Gain", zh: "渗透力" },
  { letter: "R", name: "Retain", zh: "复购力" },
  { letter: "O", name: "Boost", zh: "价格力" },
  { letter: "W", name: "Widen", zh: "延展力" },
];

/** The like-for-like scope of one period. All three are > 0 when they reach {@link grow}. */
export interface GrowScope {
  /** N: distinct buyers. */
  buyers: number;
  /** Orders of those buyers (F = orders ÷ buyers). */
  orders: number;
  /** V: their GMV (P = gmv ÷ orders). */
  gmv: number;
}

/**
 * ln(a ÷ b) for a, b > 0: the log of the ratio (one rounding, accurate near 1), or the
 * difference of the logs when the ratio would overflow or underflow.
 */
function lnRatio(a: number, b: number): number {
  const r = a / b;
  return r > 0 && r < Infinity ? Math.log(r) : Math.log(a) - Math.log(b);
}

/**
 * ln((a₁ ÷ b₁) ÷ (a₀ ÷ b₀)) for positive inputs: {@link lnRatio} of the two ratios, or the sum
 * of the four logs when a ratio over- or underflows (orders ÷ buyers = 1e5 ÷ 5e-324 is
 * Infinity, yet the log of the factor's change is finite).
 */
function lnRatioOfRatios(a1: number, b1: number, a0: number, b0: number): number {
  const x1 = a1 / b1;
  const x0 = a0 / b0;
  if (x1 > 0 && x1 < Infinity && x0 > 0 && x0 < Infinity) return lnRatio(x1, x0);
  return Math.log(a1) - Math.log(b1) - (Math.log(a0) - Math.log(b0));
}

/**
 * Logarithmic mean of two positive numbers.
 *
 * Definition: L(v₀, v₁) = (v₁ − v₀) ÷ (ln v₁ − ln v₀), and L = v₀ when v₁ = v₀ (its limit).
 * Near v₁ = v₀ the denominator is taken as log1p((v₁ − v₀) ÷ v₀) so that it never rounds to 0.
 * Symmetric: L(a, b) = L(b, a); min(a, b) ≤ L ≤ max(a, b).
 *
 * @example logMean(100, 100) // → 100
 * @example logMean(1, Math.E) // → (e − 1) ÷ 1 ≈ 1.71828
 */
export function logMean(v0: number, v1: number): number {
  if (v0 === v1) return v0;
  const d = v1 - v0;
  const r = v1 / v0;
  const ln = r > 0.5 && r < 2 ? Math.log1p(d / v0) : lnRatio(v1, v0);
  return d / ln;
}

/**
 * The GROW row [G, R, O, W] from two like-for-like scopes and the GMV of new categories.
 *
 * Formula: L = logMean(V₀, V₁); G = L · ln(N₁/N₀); R = L · ln(F₁/F₀) with F = orders ÷ buyers;
 * O = L · ln(P₁/P₀) with P = gmv ÷ orders; W = `widen`. G + R + O = V₁ − V₀ up to rounding
 * (relative error of order 1e-15 of max(V₀, V₁) + |G| + |R| + |O|).
 * Inputs must be > 0 (the callers check and name the argument).
 *
 * @example grow({ buyers: 1000, orders: 1500, gmv: 150000 }, { buyers: 1200, orders: 2100, gmv: 231000 }, 5000)
 * // L = 81000 ÷ ln 1.54 ≈ 187594.48; G = L·ln 1.2 ≈ 34202.52; R = L·ln(1.75/1.5) ≈ 28917.82;
 * // O = L·ln(110/100) ≈ 17879.66 (sum 81000); W = 5000
 */
export function grow(base: GrowScope, current: GrowScope, widen: number): ResultCell[] {
  const L = logMean(base.gmv, current.gmv);
  const lnN = lnRatio(current.buyers, base.buyers);
  const lnF = lnRatioOfRatios(current.orders, current.buyers, base.orders, base.buyers);
  const lnP = lnRatioOfRatios(current.gmv, current.orders, base.gmv, base.orders);
  return [L * lnN, L * lnF, L * lnP, widen];
}

// --- GROW.ROWS: counting the scopes from one row per order ---------------------------------------

/** Identifier codes (moved to src/excel/ids.ts, shared with ASSOC); re-exported for existing imports. */
export { IdCodes };

/** What {@link growRowCounts} counts: the two like-for-like scopes and W. */
export interface GrowRowCounts {
  base: GrowScope;
  current: GrowScope;
  /** Current-period GMV in categories with no base-period order. */
  widen: number;
}

const empty = isEmpty;

/** True when three cells are each blank or the number 0 (with a 0 or blank fourth: a void row). */
function zeroRest(a: unknown, b: unknown, c: unknown): boolean {
  return isVoid(a) && isVoid(b) && isVoid(c);
}

/** A copy of `a` long enough to hold index `at` (doubling, at most `max` long). */
function enlarge(a: Int32Array, at: number, max: number): Int32Array {
  let len = Math.max(1, a.length) * 2;
  while (len <= at) len *= 2;
  const b = new Int32Array(Math.min(len, max));
  b.set(a);
  return b;
}


/**
 * Period code of row `i` whose period cell `p` is not the number 0 or 1: 0 or 1 for a number
 * (or number text) 0/1, -1 when the whole row is blank (skipped), `#VALUE!` otherwise.
 */
function slowPeriod(vp: Vec, i: number, p: unknown, c: unknown, k: unknown, g: unknown): number {
  if (isBlank(p)) {
    if (zeroRest(c, k, g)) return -1;
    invalid("required", whereAt(vp, i));
  }
  const x = parseNumber(p);
  if (x === 0 || x === 1) return x;
  return invalid("notPeriod", whereAt(vp, i), { value: show(p) });
}

/** GMV of row `i` when it is not a plain number ≥ 0: number text, or `#VALUE!` naming the row. */
function slowAmount(vg: Vec, i: number, g: unknown): number {
  if (isBlank(g)) invalid("required", whereAt(vg, i));
  const x = parseNumber(g);
  if (x === undefined) invalid("notNumber", whereAt(vg, i), { value: show(g) });
  return checkDomain(x, "nonNegative", whereAt(vg, i));
}

/**
 * Count the like-for-like scopes of GROW from one row per order.
 *
 * Definition (docs/functions.md, DTC.GROW): like-for-like categories are those with at least one base-period
 * order. Per period, N = distinct customers with an order in a like-for-like category, orders =
 * those orders, V = their GMV; W = current-period GMV in the other categories. Every base-period
 * order is like-for-like by definition, so the base scope is simply all base orders.
 *
 * Rows whose four cells are blank or 0 (older desktop builds send empty cells as 0) are skipped,
 * and so are the first `first` rows (a header row); in a kept row an id 0 is the id "0".
 * `period` must be 0 or 1; ids are compared as
 * trimmed text; a blank id or GMV in a non-blank row is `#VALUE!` naming the argument and row;
 * GMV must be ≥ 0.
 *
 * Complexity O(n), in three passes: the customer column alone (ids interned once into integer
 * codes by {@link IdCodes}: one Map lookup per row, which a loop that touches nothing else runs
 * fastest), then the other columns (one small Map lookup for the category and a few typed-array
 * writes, no allocation), then the current-period orders only (their distinct buyers in
 * like-for-like categories, once those categories are known). The blank tail of a whole-column
 * reference costs four comparisons per row in the first pass and is not visited again.
 *
 * @example periods 0,0,1,1,1; customers a,b,a,c,d; categories x,x,x,x,y; gmv 10,20,30,40,50
 * // base: N 2, orders 2, V 30; current (x only): N 2, orders 2, V 70; W = 50 (y)
 */
export function growRowCounts(vp: Vec, vc: Vec, vk: Vec, vg: Vec, first = 0): GrowRowCounts {
  const c = new Float64Array(7);
  countGrowRows(vp, vc, vk, vg, first, c);
  return {
    base: { buyers: c[0], orders: c[1], gmv: c[2] },
    current: { buyers: c[3], orders: c[4], gmv: c[5] },
    widen: c[6],
  };
}

/**
 * The passes of {@link growRowCounts}; writes base buyers, orders, GMV, current buyers, orders,
 * GMV and W into `out` (a new, zero-filled array). The result object is built by the caller:
 * a hot function that ends by building one lost its compiled code whenever a garbage collection
 * dropped the object's hidden class, and was compiled again on every call (docs/performance.md,
 * "Stable shapes").
 */
function countGrowRows(vp: Vec, vc: Vec, vk: Vec, vg: Vec, first: number, out: Float64Array): void {
  const n = sameLength([vp, vc, vk, vg]);
  const P = asColumn(vp);
  const C = asColumn(vc);
  const K = asColumn(vk);
  const G = asColumn(vg);
  const customers = new IdCodes();
  const categories = new IdCodes();

  // First pass: the customer code + 1 of every row (0 for a blank cell, so blank rows write
  // nothing). Reused by the second pass for the customers of the current-period orders (m ≤ i).
  // It also finds where the data ends: rows past the last one with a non-empty cell in any column
  // are the blank tail of a whole-column reference, which the second pass does not visit.
  // (Grown by doubling, so that a blank tail allocates nothing.)
  // A row whose four cells are all blank or 0 (how older desktop builds send empty cells) is
  // no order: its customer code stays 0 and it does not move the end of the data.
  let cust: Int32Array = new Int32Array(Math.min(n, 1 << 16));
  let end = 0;
  for (let i = first; i < n; i++) {
    const c = C[i][0];
    if (!empty(c) && !(c === 0 && zeroRest(P[i][0], K[i][0], G[i][0]))) {
      if (i >= cust.length) cust = enlarge(cust, i, n);
      cust[i] = customers.code(c) + 1;
      end = i + 1;
    } else if (!(empty(P[i][0]) && empty(K[i][0]) && empty(G[i][0])) && !zeroRest(P[i][0], K[i][0], G[i][0])) {
      end = i + 1;
    }
  }

  if (end > cust.length) cust = enlarge(cust, end - 1, n);
  // Per category code: orders and GMV in each period.
  const baseOrders: number[] = [];
  const baseGmv: number[] = [];
  const curOrders: number[] = [];
  const curGmv: number[] = [];
  // Per customer code: bit 1 = has a base order, bit 2 = has a like-for-like current order.
  const seen = new Uint8Array(customers.size);
  let baseBuyers = 0;
  // The categories of the current-period orders (their customers go to cust[0 … m − 1]).
  const curCat = new Int32Array(end);
  let m = 0;

  // Second pass: periods, categories and GMV.
  for (let i = first; i < end; i++) {
    const p = P[i][0];
    let period: number;
    if (p === 1) period = 1;
    else if (p === 0) {
      // Period 0 with no customer code: an all-blank-or-0 row is skipped; else the check below.
      if (cust[i] === 0 && zeroRest(C[i][0], K[i][0], G[i][0])) continue;
      period = 0;
    } else {
      // Cells are read one by one so that an empty row stops at its first non-empty cell.
      if (empty(p) && cust[i] === 0 && empty(K[i][0]) && empty(G[i][0])) continue;
      period = slowPeriod(vp, i, p, C[i][0], K[i][0], G[i][0]);
      if (period < 0) continue;
    }
    const cc = cust[i] - 1;
    if (cc < 0) {
      refuseObject(C[i][0], whereAt(vc, i));
      invalid("required", whereAt(vc, i));
    }
    const k = K[i][0];
    const kc = categories.code(k);
    if (kc < 0) {
      refuseObject(k, whereAt(vk, i));
      invalid("required", whereAt(vk, i));
    }
    const g = G[i][0];
    const x = typeof g === "number" && g >= 0 && g < Infinity ? g : slowAmount(vg, i, g);
    if (kc === baseOrders.length) {
      baseOrders.push(0);
      baseGmv.push(0);
      curOrders.push(0);
      curGmv.push(0);
    }
    if (period === 0) {
      baseOrders[kc]++;
      baseGmv[kc] += x;
      if ((seen[cc] & 1) === 0) {
        seen[cc] |= 1;
        baseBuyers++;
      }
    } else {
      curOrders[kc]++;
      curGmv[kc] += x;
      cust[m] = cc;
      curCat[m] = kc;
      m++;
    }
  }

  // Third pass, over the current orders only: distinct buyers in like-for-like categories.
  let curBuyers = 0;
  for (let j = 0; j < m; j++) {
    if (baseOrders[curCat[j]] > 0) {
      const cc = cust[j];
      if ((seen[cc] & 2) === 0) {
        seen[cc] |= 2;
        curBuyers++;
      }
    }
  }

  // Sums per scope, straight into `out` (zeros on entry): a handful of categories.
  out[0] = baseBuyers;
  out[3] = curBuyers;
  for (let kc = 0; kc < baseOrders.length; kc++) {
    out[1] += baseOrders[kc];
    out[2] += baseGmv[kc];
    if (baseOrders[kc] > 0) {
      out[4] += curOrders[kc];
      out[5] += curGmv[kc];
    } else {
      out[6] += curGmv[kc];
    }
  }
}

// --- Excel entry points ---------------------------------------------------------------------------

/**
 * `DTC.GROW(base, current, [new_gmv])` → [G, R, O, W]. `base` and `current` are 3 numbers each,
 * [buyers, orders, gmv], all > 0 (`#VALUE!` naming the cell: LMDI needs positive values);
 * `new_gmv` (W) defaults to 0 and must be ≥ 0.
 */
export const GROW_PARAMS = [
  { name: "base", type: "numbers", count: 3, domain: "positive" },
  { name: "current", type: "numbers", count: 3, domain: "positive" },
  { name: "new_gmv", type: "number", domain: "nonNegative", optional: true, default: 0 },
  INDICATOR,
  WITH_HEADERS,
] as const satisfies readonly Param[];

export function growExcel(...args: unknown[]): ResultCell[] {
  const p = bind(GROW_PARAMS, args);
  const [b0, o0, v0] = p.base;
  const [b1, o1, v1] = p.current;
  const w = p.new_gmv;
  return grow({ buyers: b0, orders: o0, gmv: v0 }, { buyers: b1, orders: o1, gmv: v1 }, w);
}

/**
 * `DTC.GROW.ROWS(period, customer, category, gmv)` → [G, R, O, W] from one row per order.
 *
 * LMDI needs both like-for-like scopes to be positive, so a call whose data cannot give them is
 * `#VALUE!`: no base-period order (`period`), no current order in a like-for-like category
 * (`period`), or a like-for-like GMV of 0 in either period (`gmv`).
 */
export const GROW_ROWS_PARAMS = [
  { name: "period", type: "range" },
  { name: "customer", type: "range" },
  { name: "category", type: "range" },
  { name: "gmv", type: "range" },
  INDICATOR,
  WITH_HEADERS,
] as const satisfies readonly Param[];

export function growRowsExcel(...args: unknown[]): ResultCell[] {
  const p = bind(GROW_ROWS_PARAMS, args);
  const { cols, first } = rowColumns(p, [
    { name: "period", valid: validPeriod, names: GROW_COLUMN_NAMES.period },
    { name: "customer", valid: validId, names: GROW_COLUMN_NAMES.customer },
    { name: "category", valid: validId, names: GROW_COLUMN_NAMES.category },
    { name: "gmv", valid: validNumber, names: GROW_COLUMN_NAMES.gmv },
  ]);
  const c = growRowCounts(cols[0], cols[1], cols[2], cols[3], first);
  if (c.base.orders === 0) invalid("growNoBase", { arg: "period" });
  if (c.current.orders === 0) invalid("growNoCurrent", { arg: "period" });
  if (!(c.base.gmv > 0)) invalid("growZeroGmv", { arg: "gmv" }, { period: 0 });
  if (!(c.current.gmv > 0)) invalid("growZeroGmv", { arg: "gmv" }, { period: 1 });
  return grow(c.base, c.current, c.widen);
}

/** Known header names of the GROW.ROWS columns. */
export const GROW_COLUMN_NAMES = {
  period: ["period", "期间"],
  customer: ["customer", "customer_id", "客户"],
  category: ["category", "品类", "类目"],
  gmv: ["gmv", "成交额"],
} as const;

/** A period cell: 0 or 1 (a number or its text). */
function validPeriod(v: unknown): boolean {
  const x = parseNumber(v);
  return x === 0 || x === 1;
}
