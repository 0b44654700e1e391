/**
 * GTA, "GMV to AIPL": from a GMV target to the crowd each AIPL stage needs (docs/functions.md, DTC.GTA).
 *
 * Old customers (P, L) are predictable from their history; new customers come from the A and
 * I crowds, which advertising can grow before a campaign. GTA takes one row per stage (or per
 * strategy crowd 策略人群 within a stage), computes the GMV the current crowds are expected to
 * bring, and fills the gap to the target by adding consumers to the A and I rows that bring the
 * most GMV per unit of cost (or per added consumer when costs are not known).
 *
 * Per row r (all inputs ≥ 0, conversion in [0, 1]):
 *
 * | quantity | formula |
 * |---|---|
 * | buyers_r | count × conversion |
 * | gmv_r | buyers_r × aov |
 * | g_r | conversion × aov (GMV one more consumer in the row brings) |
 * | baseline | Σ gmv_r; old = Σ over P and L rows; new = Σ over A and I rows |
 * | gap | max(0, target − baseline) |
 *
 * Growable rows: stage A or I, capacity ≠ 0, g_r > 0. They are filled in ascending order of
 * cost_r ÷ g_r when every growable row has a cost, else of 1 ÷ g_r; keys within a relative
 * 1e-12 are ties, and ties keep table order (src/excel/round.ts).
 * Each takes min(remaining, capacity × g_r) of the remaining gap (blank capacity = unlimited)
 * and needs added_r = ceil(taken ÷ g_r − 1e-9 × max(1, taken ÷ g_r)) more consumers; added_gmv_r = added_r × g_r,
 * added_cost_r = added_r × cost_r. The gap left after the last row is the shortfall.
 *
 * Two floating-point guards keep results equal to the exact arithmetic of the contract (docs/functions.md): when a row's
 * capacity binds, taken ÷ g_r is the capacity itself (not capacity × g_r ÷ g_r, which can land
 * one ulp above a whole number), and a remaining gap below 1e-12 × gap (the rounding noise of
 * the subtractions) counts as 0, so it cannot buy a spurious extra consumer in the next row.
 */
import { invalid, type ResultCell, type Where } from "../excel/errors";
import { cellLabel, cellNumber, cellNumberOpt, cellStage, isVoid, STAGE_LETTERS } from "../excel/coerce";
import { bind, option, number, range, WITH_HEADERS, type Param } from "../excel/params";
import { orderByKey, personsNeeded } from "../excel/round";
import { cellOf, readTable, whereIn, type ColumnSpec, type Table } from "../excel/table";
import { show } from "../excel/messages";
// A deliberate cycle: gta-whatif.ts builds on gta() and gtaExcel hands it the "sensitivity"
// output. Neither module uses the other's bindings at load time, only inside functions.
import { gtaSensitivityTable } from "./gta-whatif";

/** An AIPL stage letter. */
export type GtaStage = "A" | "I" | "P" | "L";

/** One input row of the `crowds` table (the shape of a GTA plan file's `inputs.crowds[]`). */
export interface GtaRow {
  stage: GtaStage;
  /** Strategy crowd label; may be "". */
  crowd: string;
  /** Consumers in the row now (≥ 0). */
  count: number;
  /** Share of them expected to buy in the plan period, in [0, 1]. */
  conversion: number;
  /** Average order value (≥ 0). */
  aov: number;
  /** Cost to add one consumer to this row (≥ 0); omitted when unknown. */
  cost?: number;
  /** Most consumers that can be added (≥ 0); omitted = unlimited for A and I. 0 = not growable. */
  capacity?: number;
}

/** One computed row of the plan. */
export interface GtaPlanRow {
  stage: GtaStage;
  crowd: string;
  count: number;
  conversion: number;
  aov: number;
  /** count × conversion. */
  buyers: number;
  /** buyers × aov. */
  gmv: number;
  /** conversion × aov: GMV per added consumer. */
  g: number;
  /** Whether the row may be grown (A or I, capacity ≠ 0, g > 0). */
  growable: boolean;
  /** Position of the row in the fill order (0 = filled first), or -1 when not growable. */
  rank: number;
  /** Part of the gap this row covers (before rounding persons up). */
  taken: number;
  /** Consumers to add: the person rounding of taken ÷ g (src/excel/round.ts). */
  added: number;
  /** count + added. */
  required: number;
  /** added × g. */
  added_gmv: number;
  /** added × cost; `undefined` when the row has no cost. */
  added_cost: number | undefined;
}

/** The 7 summary values, in the order of `output` = "summary". */
export interface GtaSummary {
  baseline: number;
  /** Baseline GMV of the P and L rows. */
  old: number;
  /** Baseline GMV of the A and I rows. */
  new: number;
  gap: number;
  shortfall: number;
  /** baseline + Σ added_gmv. */
  planned_gmv: number;
  /** Σ added_cost (0 when no row has a cost). */
  added_cost: number;
}

/** Column sums of the plan (the TOTAL row). */
export interface GtaTotal {
  count: number;
  buyers: number;
  gmv: number;
  added: number;
  required: number;
  added_gmv: number;
  /** `undefined` when no row has a cost. */
  added_cost: number | undefined;
}

export interface GtaResult {
  target: number;
  rows: GtaPlanRow[];
  total: GtaTotal;
  summary: GtaSummary;
  /** Indexes into `rows` of the growable rows, in fill order. */
  order: number[];
  /** True when the fill order was by cost ÷ g (every growable row has a cost), false for 1 ÷ g. */
  byCost: boolean;
}

/** Column names of `output` = "plan" (the `with_headers` row). */
export const GTA_PLAN_COLUMNS = [
  "stage", "crowd", "count", "conversion", "aov", "buyers", "gmv", "added", "required", "added_gmv", "added_cost",
] as const;
/** Chinese labels of {@link GTA_PLAN_COLUMNS}, for the task pane. */
export const GTA_PLAN_COLUMNS_ZH = [
  "阶段", "人群", "人数", "转化率", "客单价", "购买人数", "GMV", "需新增人数", "所需人数", "新增 GMV", "新增成本",
] as const;
/** Column names of `output` = "summary". */
export const GTA_SUMMARY_COLUMNS = ["baseline", "old", "new", "gap", "shortfall", "planned_gmv", "added_cost"] as const;
/** Chinese labels of {@link GTA_SUMMARY_COLUMNS}. */
export const GTA_SUMMARY_COLUMNS_ZH = ["基线 GMV", "老客 GMV", "新客 GMV", "缺口", "未达成", "计划 GMV", "新增成本"] as const;

/** Persons needed (docs/functions.md, "Rounding"); defined in src/excel/round.ts. */
export { personsNeeded };

/**
 * Plan a GMV target over AIPL crowds (docs/functions.md, DTC.GTA).
 *
 * Inputs are assumed valid (counts, aov, cost, capacity ≥ 0; conversion in [0, 1];
 * target ≥ 0); {@link gtaExcel} and the plan-file schema check them. O(n log n) for n rows.
 *
 * @example
 * // The public example: target 100,000,000; L 200,000/0.30/400, P 800,000/0.08/300,
 * // I 1,500,000/0.05/250, A 6,000,000/0.005/250.
 * gta(1e8, rows).summary
 * // → baseline 69,450,000 (old 43,200,000, new 26,250,000), gap 30,550,000;
 * //   g_I = 12.5 > g_A = 1.25, so I takes the gap: added_I = 2,444,000; planned_gmv = 1e8.
 */
export function gta(target: number, rows: readonly GtaRow[]): GtaResult {
  const n = rows.length;
  const out: GtaPlanRow[] = new Array(n);
  let old = 0;
  let fresh = 0;
  let growable = 0;
  let allCost = true;
  for (let r = 0; r < n; r++) {
    const x = rows[r];
    const buyers = x.count * x.conversion;
    const gmv = buyers * x.aov;
    const g = x.conversion * x.aov;
    const grow = (x.stage === "A" || x.stage === "I") && x.capacity !== 0 && g > 0;
    if (x.stage === "P" || x.stage === "L") old += gmv;
    else fresh += gmv;
    if (grow) {
      growable++;
      if (x.cost === undefined) allCost = false;
    }
    out[r] = {
      stage: x.stage,
      crowd: x.crowd,
      count: x.count,
      conversion: x.conversion,
      aov: x.aov,
      buyers,
      gmv,
      g,
      growable: grow,
      rank: -1,
      taken: 0,
      added: 0,
      required: x.count,
      added_gmv: 0,
      added_cost: x.cost === undefined ? undefined : 0,
    };
  }
  // baseline = Σ gmv_r in table order (the sum the contract names), not old + new.
  let baseline = 0;
  for (let r = 0; r < n; r++) baseline += out[r].gmv;
  const gap = Math.max(0, target - baseline);

  // Fill order: ascending key, ties in table order (the index breaks them).
  const order: number[] = new Array(growable);
  const key = new Float64Array(n);
  for (let r = 0, k = 0; r < n; r++) {
    if (!out[r].growable) continue;
    order[k++] = r;
    key[r] = allCost ? (rows[r].cost as number) / out[r].g : 1 / out[r].g;
  }
  orderByKey(order, key);

  const g = new Float64Array(n);
  for (let r = 0; r < n; r++) g[r] = out[r].g;
  const taken = new Float64Array(n);
  const added = new Float64Array(n);
  const remaining = fillGap(gap, order, g, rows, taken, added);
  for (let k = 0; k < order.length; k++) {
    const row = out[order[k]];
    row.rank = k;
    row.taken = taken[order[k]];
    row.added = added[order[k]];
  }

  const total = finishPlan(rows, out);
  return {
    target,
    rows: out,
    total,
    summary: {
      baseline,
      old,
      new: fresh,
      gap,
      shortfall: remaining,
      planned_gmv: baseline + total.added_gmv,
      added_cost: total.added_cost ?? 0,
    },
    order,
    byCost: allCost,
  };
}

/**
 * The greedy fill of the gap: each row of `order` in turn takes min(remaining, capacity × g_r)
 * of it and needs the person rounding of taken ÷ g_r (both guards of the header comment apply).
 * Writes `taken[r]` and `added[r]` for every row r of `order` (0 once the gap is filled) and
 * returns the shortfall. Shared by {@link gta} and the sensitivity re-plans (gta-whatif.ts).
 */
export function fillGap(
  gap: number,
  order: readonly number[],
  g: ArrayLike<number>,
  rows: readonly GtaRow[],
  taken: Float64Array,
  added: Float64Array,
): number {
  let remaining = gap;
  const noise = gap * 1e-12;
  for (let k = 0; k < order.length; k++) {
    const r = order[k];
    if (remaining <= 0) {
      taken[r] = 0;
      added[r] = 0;
      continue;
    }
    const cap = rows[r].capacity;
    const gr = g[r];
    let persons: number;
    if (cap !== undefined && cap * gr <= remaining) {
      taken[r] = cap * gr;
      persons = cap;
    } else {
      taken[r] = remaining;
      persons = remaining / gr;
    }
    remaining -= taken[r];
    if (remaining <= noise) remaining = 0;
    added[r] = personsNeeded(persons);
  }
  return remaining;
}

/**
 * Complete plan rows whose `added` is set: required, added_gmv and added_cost per row, and the
 * column sums of the TOTAL row, in table order. Shared by {@link gta} and GTA.BUDGET.
 */
export function finishPlan(rows: readonly GtaRow[], out: GtaPlanRow[]): GtaTotal {
  const total: GtaTotal = { count: 0, buyers: 0, gmv: 0, added: 0, required: 0, added_gmv: 0, added_cost: undefined };
  for (let r = 0; r < out.length; r++) {
    const row = out[r];
    const cost = rows[r].cost;
    row.required = row.count + row.added;
    row.added_gmv = row.added * row.g;
    if (cost !== undefined) {
      row.added_cost = row.added * cost;
      total.added_cost = (total.added_cost ?? 0) + row.added_cost;
    }
    total.count += row.count;
    total.buyers += row.buyers;
    total.gmv += row.gmv;
    total.added += row.added;
    total.required += row.required;
    total.added_gmv += row.added_gmv;
  }
  return total;
}

/** The 11-column plan rows of a result plus the TOTAL row; blank cells are "". */
export function gtaPlanTable(res: Pick<GtaResult, "rows" | "total">): ResultCell[][] {
  const t: ResultCell[][] = res.rows.map((r) => [
    r.stage, r.crowd, r.count, r.conversion, r.aov, r.buyers, r.gmv, r.added, r.required, r.added_gmv,
    r.added_cost === undefined ? "" : r.added_cost,
  ]);
  const s = res.total;
  t.push([
    "TOTAL", "", s.count, "", "", s.buyers, s.gmv, s.added, s.required, s.added_gmv,
    s.added_cost === undefined ? "" : s.added_cost,
  ]);
  return t;
}

/** The summary values [baseline, old, new, gap, shortfall, planned_gmv, added_cost]. */
export function gtaSummaryRow(s: GtaSummary): number[] {
  return [s.baseline, s.old, s.new, s.gap, s.shortfall, s.planned_gmv, s.added_cost];
}

// --- Excel entry ------------------------------------------------------------------------------

/** Documented columns of `crowds`, in positional order, with their header aliases. */
export const GTA_COLUMNS: readonly ColumnSpec[] = [
  { key: "stage", aliases: ["阶段"], required: true },
  { key: "crowd", aliases: ["人群"] },
  { key: "count", aliases: ["人数"], required: true },
  { key: "conversion", aliases: ["转化率"], required: true },
  { key: "aov", aliases: ["客单价"], required: true },
  { key: "cost", aliases: ["单人成本"] },
  { key: "capacity", aliases: ["可增量"] },
];


/** Read the stage of a crowd row: A, I, P or L; outside AIPL or blank is `#VALUE!`. */
function rowStage(t: Table, i: number): GtaStage {
  const v = cellOf(t, i, "stage");
  const where = whereIn(t, i, "stage");
  if (isVoid(v)) invalid("required", where);
  const c = cellStage(v, where);
  if (c === 0) invalid("gtaOutsideAipl", where, { value: show(v) });
  return STAGE_LETTERS[c - 1];
}

/** Coerce the `crowds` table to typed rows, with `#VALUE!` naming the row and column. */
export function gtaRows(crowds: unknown): GtaRow[] {
  return readGtaCrowds(crowds).rows;
}

/** The place of column `key` of typed row `k` inside the `crowds` argument (1-based, header included). */
export type GtaWhere = (k: number, key: string) => Where;

/** {@link gtaRows}, with the place of each typed row's cells for messages about a row. */
export function readGtaCrowds(crowds: unknown): { rows: GtaRow[]; where: GtaWhere } {
  const t = readTable(crowds, "crowds", GTA_COLUMNS);
  if (t.rows.length === 0) invalid("emptyTable", { arg: "crowds" });
  const out: GtaRow[] = new Array(t.rows.length);
  for (let k = 0; k < t.rows.length; k++) {
    const i = t.rows[k];
    const row: GtaRow = {
      stage: rowStage(t, i),
      crowd: cellLabel(cellOf(t, i, "crowd"), whereIn(t, i, "crowd")),
      count: cellNumber(cellOf(t, i, "count"), whereIn(t, i, "count"), "count"),
      conversion: cellNumber(cellOf(t, i, "conversion"), whereIn(t, i, "conversion"), "rate"),
      aov: cellNumber(cellOf(t, i, "aov"), whereIn(t, i, "aov"), "nonNegative"),
    };
    const cost = cellNumberOpt(cellOf(t, i, "cost"), whereIn(t, i, "cost"), "nonNegative");
    if (cost !== undefined) row.cost = cost;
    const capacity = cellNumberOpt(cellOf(t, i, "capacity"), whereIn(t, i, "capacity"), "count");
    if (capacity !== undefined) row.capacity = capacity;
    out[k] = row;
  }
  return { rows: out, where: (k, key) => whereIn(t, t.rows[k], key) };
}


/**
 * `DTC.GTA(target_gmv, crowds, [output], [with_headers])`.
 *
 * `target_gmv` ≥ 0; `crowds` header-mapped or positional ({@link GTA_COLUMNS}); `output`
 * "plan" (default, also 计划), "summary" (also 汇总) or "sensitivity" (also 敏感度,
 * src/plan/gta-whatif.ts), anything else `#VALUE!`.
 */
export const GTA_PARAMS = [
  number("target_gmv", "nonNegative"),
  range("crowds"),
  option("output", { plan: "plan", 计划: "plan", summary: "summary", 汇总: "summary", sensitivity: "sensitivity", 敏感度: "sensitivity" }, "plan"),
  WITH_HEADERS,
] as const satisfies readonly Param[];

export function gtaExcel(...args: unknown[]): ResultCell[][] {
  const p = bind(GTA_PARAMS, args);
  const headers = p.with_headers;
  const { rows, where } = readGtaCrowds(p.crowds);
  const res = gta(p.target_gmv, rows);
  if (p.output === "sensitivity") return gtaSensitivityTable(res, rows, headers, where);
  if (p.output === "summary") {
    const row: ResultCell[] = gtaSummaryRow(res.summary);
    return headers ? [[...GTA_SUMMARY_COLUMNS], row] : [row];
  }
  const table = gtaPlanTable(res);
  if (headers) table.unshift([...GTA_PLAN_COLUMNS]);
  return table;
}
