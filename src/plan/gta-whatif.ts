/**
 * GTA what-if (docs/functions.md, DTC.GTA "sensitivity" and DTC.GTA.BUDGET; SPEC §17).
 *
 * Two questions a planner asks once a GTA plan exists:
 *
 * - **Which lever moves the plan most?** The `"sensitivity"` output of `DTC.GTA` gives the
 *   marginal cost of GMV at the plan (cost ÷ g of the last row that took part of the gap) and,
 *   for every input row, how the plan's Σ added_cost changes when only that row's conversion is
 *   multiplied by 1.1 (capped at 1) or 0.9, or its aov by 1.1 or 0.9. Each variant is planned
 *   again with gta()'s own steps (same target, same order rules, same person rounding and
 *   ties), so a delta is exactly the difference between two plans {@link gta} gives, to the
 *   bit. When a growable row has no cost the plan is ordered by 1 ÷ g and the deltas count
 *   added consumers instead.
 * - **What does a budget buy?** `DTC.GTA.BUDGET` fills the growable rows in ascending
 *   cost ÷ g (ties keep table order) with as many whole consumers as the remaining budget pays
 *   for, up to each row's capacity: added = min(capacity, floor(remaining ÷ cost + BUDGET_SLACK)).
 *   A row of cost 0 takes its whole capacity, and must have one.
 */
import { CellError, invalid, notAvailable, type ResultCell } from "../excel/errors";
import { bind, option, number, range, WITH_HEADERS, type Param } from "../excel/params";
import { BUDGET_SLACK, orderByKey } from "../excel/round";
import {
  fillGap,
  finishPlan,
  gta,
  GTA_PLAN_COLUMNS,
  gtaPlanTable,
  readGtaCrowds,
  type GtaPlanRow,
  type GtaResult,
  type GtaRow,
  type GtaStage,
  type GtaTotal,
  type GtaWhere,
} from "./gta";

// --- sensitivity ----------------------------------------------------------------------------

/** Column names of `output` = "sensitivity" (the `with_headers` row). */
export const GTA_SENSITIVITY_COLUMNS = ["stage", "crowd", "conversion_up", "conversion_down", "aov_up", "aov_down"] as const;
/** Chinese labels of {@link GTA_SENSITIVITY_COLUMNS}, for the task pane. */
export const GTA_SENSITIVITY_COLUMNS_ZH = ["阶段", "人群", "转化率 +10%", "转化率 −10%", "客单价 +10%", "客单价 −10%"] as const;
/** The label of the first row of the sensitivity output. */
export const GTA_MARGINAL_LABEL = "MARGINAL";

/** The four ±10 % changes of one input row: the change of the plan's measure under each. */
export interface GtaDeltaRow {
  stage: GtaStage;
  crowd: string;
  /** conversion × 1.1, capped at 1. */
  conversion_up: number;
  /** conversion × 0.9. */
  conversion_down: number;
  /** aov × 1.1. */
  aov_up: number;
  /** aov × 0.9. */
  aov_down: number;
}

export interface GtaSensitivity {
  /** Cost of one more unit of GMV at the plan; 0 when the gap is 0; `#N/A` (a CellError) otherwise when not defined. */
  marginal: number | CellError;
  /** True: the deltas are changes of Σ added_cost; false (a growable row has no cost): of Σ added consumers. */
  byCost: boolean;
  rows: GtaDeltaRow[];
}

/** The factors of the four variants, in output order: conversion up, down, aov up, down. */
const UP = 1.1;
const DOWN = 0.9;

/** The measure the deltas compare: Σ added_cost when the plan is ordered by cost, else Σ added. */
function measure(res: GtaResult, byCost: boolean): number {
  return byCost ? res.summary.added_cost : res.total.added;
}

/**
 * The marginal cost of GMV at a plan: cost ÷ g of the last row in fill order that took part of
 * the gap. 0 when the gap is 0; `#N/A` when a growable row has no cost (checked first: without
 * costs no price can be stated) or when the target is out of reach (no more GMV can be bought).
 */
export function marginalCost(res: GtaResult, rows: readonly GtaRow[], where?: GtaWhere): number | CellError {
  if (!res.byCost) {
    const k = res.rows.findIndex((r, i) => r.growable && rows[i].cost === undefined);
    const row = where ? where(k, "cost").row ?? k + 1 : k + 1;
    return notAvailable("marginal_cost", "gtaMarginalNoCost", { row });
  }
  if (res.summary.gap === 0) return 0;
  if (res.summary.shortfall > 0) return notAvailable("marginal_cost", "gtaMarginalUnreachable");
  for (let k = res.order.length - 1; k >= 0; k--) {
    const r = res.order[k];
    if (res.rows[r].taken > 0) return (rows[r].cost as number) / res.rows[r].g;
  }
  return 0; // unreachable: a positive gap with no shortfall was taken by some row
}

/**
 * Sensitivity of a GTA plan (SPEC §17). `base` is `gta(target, rows)` when the caller has it.
 *
 * Each of the 4n variants is the plan {@link gta} gives for the table with one row changed, and
 * is computed with gta()'s own steps on reused arrays instead of a fresh call: the row's gmv and
 * g are replaced, the baseline is summed again in table order, the fill order is re-sorted by
 * `orderByKey` (from the base order, so the sort is nearly free; the result does not depend on
 * the starting permutation) only when the changed row is growable, and {@link fillGap} fills
 * the gap. The measure is summed in table order as gta()'s TOTAL row is (rows that add nobody
 * add an exact 0), so every delta equals measure(gta(variant)) − measure(gta(table)) to the bit
 * (test/plan/gta-whatif.test.ts checks this on random tables). A variant that changes whether
 * the row is growable (only through overflow or underflow) falls back to a fresh gta() call.
 * A variant equal to the row (conversion already 1, a value of 0) has delta 0.
 */
export function gtaSensitivity(
  target: number,
  rows: readonly GtaRow[],
  base: GtaResult = gta(target, rows),
  where?: GtaWhere,
): GtaSensitivity {
  const n = rows.length;
  const byCost = base.byCost;
  const before = measure(base, byCost);
  const gmv = new Float64Array(n);
  const g = new Float64Array(n);
  const key = new Float64Array(n);
  const growing: number[] = [];
  for (let r = 0; r < n; r++) {
    const row = base.rows[r];
    gmv[r] = row.gmv;
    g[r] = row.g;
    if (!row.growable) continue;
    growing.push(r);
    // The keys exactly as gta() computes them.
    key[r] = byCost ? (rows[r].cost as number) / row.g : 1 / row.g;
  }
  const taken = new Float64Array(n);
  const added = new Float64Array(n);
  const work = rows.slice();

  const replan = (r: number, x: GtaRow): number => {
    // gta()'s per-row formulas: buyers = count × conversion, gmv = buyers × aov, g = conversion × aov.
    const gx = x.conversion * x.aov;
    const grow = (x.stage === "A" || x.stage === "I") && x.capacity !== 0 && gx > 0;
    if (grow !== base.rows[r].growable) {
      work[r] = x;
      const d = measure(gta(target, work), byCost) - before;
      work[r] = rows[r];
      return d;
    }
    const gmv0 = gmv[r];
    const g0 = g[r];
    const key0 = key[r];
    gmv[r] = x.count * x.conversion * x.aov;
    g[r] = gx;
    let baseline = 0;
    for (let i = 0; i < n; i++) baseline += gmv[i];
    const gap = Math.max(0, target - baseline);
    let order = base.order;
    if (grow) {
      key[r] = byCost ? (x.cost as number) / gx : 1 / gx;
      order = orderByKey(base.order.slice(), key);
    }
    fillGap(gap, order, g, rows, taken, added);
    let m = 0;
    for (let k = 0; k < growing.length; k++) {
      const i = growing[k];
      if (byCost) {
        const c = rows[i].cost;
        if (c !== undefined) m += added[i] * c;
      } else m += added[i];
    }
    gmv[r] = gmv0;
    g[r] = g0;
    key[r] = key0;
    return m - before;
  };

  const out: GtaDeltaRow[] = new Array(n);
  for (let r = 0; r < n; r++) {
    const x = rows[r];
    const cUp = Math.min(1, x.conversion * UP);
    const cDown = x.conversion * DOWN;
    const aUp = x.aov * UP;
    const aDown = x.aov * DOWN;
    out[r] = {
      stage: x.stage,
      crowd: x.crowd,
      conversion_up: cUp === x.conversion ? 0 : replan(r, { ...x, conversion: cUp }),
      conversion_down: cDown === x.conversion ? 0 : replan(r, { ...x, conversion: cDown }),
      aov_up: aUp === x.aov ? 0 : replan(r, { ...x, aov: aUp }),
      aov_down: aDown === x.aov ? 0 : replan(r, { ...x, aov: aDown }),
    };
  }
  return { marginal: marginalCost(base, rows, where), byCost, rows: out };
}

/** The 6-column sensitivity output: the MARGINAL row, then one row per input row. */
export function gtaSensitivityTable(base: GtaResult, rows: readonly GtaRow[], headers: boolean, where?: GtaWhere): ResultCell[][] {
  const s = gtaSensitivity(base.target, rows, base, where);
  const t: ResultCell[][] = [[GTA_MARGINAL_LABEL, "", s.marginal, "", "", ""]];
  for (const d of s.rows) t.push([d.stage, d.crowd, d.conversion_up, d.conversion_down, d.aov_up, d.aov_down]);
  if (headers) t.unshift([...GTA_SENSITIVITY_COLUMNS]);
  return t;
}

// --- GTA.BUDGET -----------------------------------------------------------------------------

/** Column names of GTA.BUDGET's `output` = "summary". */
export const GTA_BUDGET_SUMMARY_COLUMNS = ["baseline", "budget", "spent", "added_gmv", "planned_gmv", "unspent"] as const;
/** Chinese labels of {@link GTA_BUDGET_SUMMARY_COLUMNS}. */
export const GTA_BUDGET_SUMMARY_COLUMNS_ZH = ["基线 GMV", "预算", "已用预算", "新增 GMV", "计划 GMV", "未用预算"] as const;

/** The 6 summary values, in the order of `output` = "summary". */
export interface GtaBudgetSummary {
  baseline: number;
  budget: number;
  /** Σ added_cost, in table order (the TOTAL row's added_cost). */
  spent: number;
  /** Σ added_gmv. */
  added_gmv: number;
  /** baseline + added_gmv. */
  planned_gmv: number;
  /** budget − spent, never below 0 (the slack may spend a rounding-noise amount above the budget). */
  unspent: number;
}

export interface GtaBudgetResult {
  budget: number;
  rows: GtaPlanRow[];
  total: GtaTotal;
  summary: GtaBudgetSummary;
  /** Indexes into `rows` of the growable rows, in fill order. */
  order: number[];
}

const defaultWhere: GtaWhere = (k) => ({ arg: "crowds", row: k + 1 });

/**
 * The most GMV a budget for added consumers reaches (SPEC §17, DTC.GTA.BUDGET).
 *
 * Rows are computed as by {@link gta} (buyers, gmv, g, which rows are growable). Every growable
 * row must have a cost and a row of cost 0 a capacity: the first row in table order that breaks
 * either rule is `#VALUE!`, placed by `where`. O(n log n).
 */
export function gtaBudget(budget: number, rows: readonly GtaRow[], where: GtaWhere = defaultWhere): GtaBudgetResult {
  // gta() with target 0 computes every row and adds nobody.
  const base = gta(0, rows);
  const out = base.rows;
  const order: number[] = [];
  const key = new Float64Array(rows.length);
  for (let r = 0; r < rows.length; r++) {
    if (!out[r].growable) continue;
    const { cost, capacity } = rows[r];
    if (cost === undefined) invalid("gtaBudgetNoCost", where(r, "cost"));
    if (cost === 0 && capacity === undefined) invalid("gtaBudgetFreeRow", where(r, "capacity"));
    order.push(r);
    key[r] = cost / out[r].g;
  }
  orderByKey(order, key);

  let remaining = budget;
  for (let k = 0; k < order.length; k++) {
    const r = order[k];
    const row = out[r];
    const cost = rows[r].cost as number;
    const cap = rows[r].capacity ?? Infinity;
    // A free row takes its capacity; otherwise as many whole consumers as the budget left pays
    // for. The slack may overspend by noise, so `remaining` can dip below 0: it buys nobody then.
    const added = cost === 0 ? cap : Math.min(cap, Math.max(0, Math.floor(remaining / cost + BUDGET_SLACK)));
    row.rank = k;
    row.added = added;
    row.taken = added * row.g;
    remaining -= added * cost;
  }
  const total = finishPlan(rows, out);
  const spent = total.added_cost ?? 0;
  const baseline = base.summary.baseline;
  return {
    budget,
    rows: out,
    total,
    order,
    summary: {
      baseline,
      budget,
      spent,
      added_gmv: total.added_gmv,
      planned_gmv: baseline + total.added_gmv,
      unspent: Math.max(0, budget - spent),
    },
  };
}

/** The summary values [baseline, budget, spent, added_gmv, planned_gmv, unspent]. */
export function gtaBudgetSummaryRow(s: GtaBudgetSummary): number[] {
  return [s.baseline, s.budget, s.spent, s.added_gmv, s.planned_gmv, s.unspent];
}

/**
 * `DTC.GTA.BUDGET(budget, crowds, [output], [with_headers])`.
 *
 * `budget` ≥ 0; `crowds` as for GTA (src/plan/gta.ts); `output` "plan" (default, also 计划):
 * GTA's plan rows and TOTAL row, or "summary" (also 汇总); anything else `#VALUE!`.
 */
export const GTA_BUDGET_PARAMS = [
  number("budget", "nonNegative"),
  range("crowds"),
  option("output", { plan: "plan", 计划: "plan", summary: "summary", 汇总: "summary" }, "plan"),
  WITH_HEADERS,
] as const satisfies readonly Param[];

export function gtaBudgetExcel(...args: unknown[]): ResultCell[][] {
  const p = bind(GTA_BUDGET_PARAMS, args);
  const { rows, where } = readGtaCrowds(p.crowds);
  const res = gtaBudget(p.budget, rows, where);
  if (p.output === "summary") {
    const row: ResultCell[] = gtaBudgetSummaryRow(res.summary);
    return p.with_headers ? [[...GTA_BUDGET_SUMMARY_COLUMNS], row] : [row];
  }
  const table = gtaPlanTable(res);
  if (p.with_headers) table.unshift([...GTA_PLAN_COLUMNS]);
  return table;
}
