/**
 * CALIBRATE: the people-goods-field calibrator 人货场校准器 (SPEC §15; docs/drafts/strategy.md).
 *
 * Where the brand is over- or under-represented compared with its industry, by channel,
 * product, content topic or KOL. One row per item: the brand's interacting consumers who
 * touched it (`brand`) and the industry's (`industry`). Per row:
 *
 * | column | formula |
 * |---|---|
 * | brand_share | brand ÷ brand_total |
 * | industry_share | industry ÷ industry_total |
 * | tgi | 100 × brand_share ÷ industry_share (`#DIV/0!` when industry is 0) |
 *
 * A blank total is the sum of its column (right only when the items partition the consumers).
 * Rows with brand < `min_brand` are left out; the rest are sorted by TGI descending (`#DIV/0!`
 * last), ties by brand descending, then input order. TGIs within a relative 1e-12 are a tie
 * (docs/functions.md, "Rounding").
 */
import { CellError, fail, invalid, type ResultCell } from "../excel/errors";
import { cellNumber, idText, isVoid, refuseObject } from "../excel/coerce";
import { bind, WITH_HEADERS, type Param } from "../excel/params";
import { isTie } from "../excel/round";
import { cellOf, readTable, whereIn, type ColumnSpec, type Table } from "../excel/table";

/** Columns of `items`, in positional order, with their header aliases. */
export const CALIBRATE_COLUMNS: readonly ColumnSpec[] = [
  { key: "name", aliases: ["名称", "渠道", "商品", "内容"], required: true },
  { key: "brand", aliases: ["品牌人数"], required: true },
  { key: "industry", aliases: ["行业人数"], required: true },
];

/** Output columns (the `with_headers` row). */
export const CALIBRATE_OUTPUT_COLUMNS = ["name", "brand", "industry", "brand_share", "industry_share", "tgi"] as const;

/** One item as read from `items`. */
export interface CalibrateItem {
  name: string;
  brand: number;
  industry: number;
}

/** One output row. */
export interface CalibrateRow extends CalibrateItem {
  brandShare: number;
  industryShare: number;
  /** TGI, or `#DIV/0!` when industry is 0. */
  tgi: number | CellError;
}

/**
 * The calibrated rows of `items` (inputs valid: counts ≥ 0, totals > 0), in output order.
 * O(n log n).
 *
 * @example items (live, 300, 1000), (search, 100, 2000), (kol, 50, 0); totals 400, 3000
 * // live: 0.75 ÷ (1/3) → TGI 225; search: 0.25 ÷ (2/3) → 37.5; kol: #DIV/0! (last)
 */
export function calibrate(items: readonly CalibrateItem[], brandTotal: number, industryTotal: number, minBrand = 0): CalibrateRow[] {
  const rows: CalibrateRow[] = [];
  for (const it of items) {
    if (it.brand < minBrand) continue;
    const brandShare = it.brand / brandTotal;
    const industryShare = it.industry / industryTotal;
    const tgi = it.industry === 0 ? new CellError("#DIV/0!", "divZero", { what: "tgi" }) : (100 * brandShare) / industryShare;
    rows.push({ ...it, brandShare, industryShare, tgi });
  }
  const idx = rows.map((_, i) => i);
  const key = (i: number): number => {
    const t = rows[i].tgi;
    return typeof t === "number" ? t : -Infinity;
  };
  // Exact order first; then each run of TGIs tied with the run's first is re-ordered by brand
  // descending, then input order (so a non-transitive tolerance cannot confuse the sort).
  idx.sort((a, b) => key(b) - key(a) || rows[b].brand - rows[a].brand || a - b);
  for (let s = 0; s < idx.length; ) {
    let e = s + 1;
    const k0 = key(idx[s]);
    // An error cell (key −∞) ties only with another one (isTie(x, −∞) holds: ∞ ≤ ∞).
    while (e < idx.length && (k0 === -Infinity || key(idx[e]) === -Infinity ? key(idx[e]) === k0 : isTie(k0, key(idx[e])))) e++;
    if (e - s > 1) {
      const run = idx.slice(s, e).sort((a, b) => rows[b].brand - rows[a].brand || a - b);
      for (let j = 0; j < run.length; j++) idx[s + j] = run[j];
    }
    s = e;
  }
  return idx.map((i) => rows[i]);
}

/** Read the `items` table (its data rows, in `t.rows` order): `#VALUE!` naming the row and column of a bad cell. */
export function calibrateItems(t: Table): CalibrateItem[] {
  const rows = t.rows;
  if (rows.length === 0) invalid("emptyTable", { arg: "items" });
  return rows.map((i) => {
    const raw = cellOf(t, i, "name");
    const where = whereIn(t, i, "name");
    refuseObject(raw, where);
    // A name 0 in a kept row is the name "0"; a blank name is "".
    const name = raw === 0 ? "0" : isVoid(raw) ? "" : idText(raw);
    return {
      name,
      brand: cellNumber(cellOf(t, i, "brand"), whereIn(t, i, "brand"), "count"),
      industry: cellNumber(cellOf(t, i, "industry"), whereIn(t, i, "industry"), "count"),
    };
  });
}

/**
 * `DTC.CALIBRATE(items, [brand_total], [industry_total], [min_brand], [with_headers])`.
 *
 * Totals > 0; blank = the sum of the column (`#VALUE!` when that sum is 0). An item touched by
 * more consumers than its total is `#VALUE!` (an impossible relation). `min_brand` ≥ 0,
 * default 0; no item left is `#N/A`.
 */
export const CALIBRATE_PARAMS = [
  { name: "items", type: "range" },
  { name: "brand_total", type: "number", domain: "positive", optional: true },
  { name: "industry_total", type: "number", domain: "positive", optional: true },
  { name: "min_brand", type: "number", domain: "count", optional: true, default: 0 },
  WITH_HEADERS,
] as const satisfies readonly Param[];

export function calibrateExcel(...args: unknown[]): ResultCell[][] {
  const p = bind(CALIBRATE_PARAMS, args);
  const t = readTable(p.items, "items", CALIBRATE_COLUMNS);
  const items = calibrateItems(t);
  const total = (given: number | undefined, column: "brand" | "industry", arg: string): number => {
    let sum = 0;
    for (const it of items) sum += it[column];
    if (given === undefined) {
      if (!(sum > 0)) invalid("sumZeroColumn", { arg: "items" }, { column });
      return sum;
    }
    // An item's consumers are some of the total's: more is an impossible relation.
    t.rows.forEach((i, k) => {
      if (items[k][column] > given) invalid("exceedsArg", whereIn(t, i, column), { value: items[k][column], other: arg, limit: given });
    });
    return given;
  };
  const brandTotal = total(p.brand_total, "brand", "brand_total");
  const industryTotal = total(p.industry_total, "industry", "industry_total");
  const rows = calibrate(items, brandTotal, industryTotal, p.min_brand);
  if (rows.length === 0) fail("#N/A", "calibrateNoItem", { arg: "min_brand" }, { value: p.min_brand });
  const out: ResultCell[][] = rows.map((r) => [r.name, r.brand, r.industry, r.brandShare, r.industryShare, r.tgi]);
  if (p.with_headers) out.unshift([...CALIBRATE_OUTPUT_COLUMNS]);
  return out;
}
