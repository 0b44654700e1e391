/**
 * HOTHEALTH: the four-way health of a hot product (爆品) against its plan (docs/functions.md, DTC.HOTPLAN and DTC.HOTHEALTH).
 *
 * Each indicator is an index where 100 = on plan and higher is better:
 *
 * | name | zh | definition |
 * |---|---|---|
 * | VOLUME | 量级 | 100 × reached ÷ plan.reached |
 * | PRECISION | 精准度 | 100 × (reached_in_target_crowds ÷ reached) ÷ plan.precision |
 * | COST | 费比 | 100 × plan.cost_ratio ÷ (spend ÷ gmv) |
 * | CONVERSION | 效率 | 100 × (buyers ÷ reached) ÷ plan.conversion |
 *
 * COST is inverted (plan over actual) so that spending less per unit of GMV than planned
 * scores above 100 like the other three. A zero denominator makes that one cell `#DIV/0!`.
 */
import { invalid, isCellError, ratio, type ResultCell, type CellError } from "../excel/errors";
import { at, cellNumber, vec, whereAt, type Domain } from "../excel/coerce";
import type { Indicator } from "../excel/indicators";
import { bind, INDICATOR, WITH_HEADERS, type Param } from "../excel/params";

/** The HOTHEALTH indicators in output order. COST and CONVERSION share the letter C. */
export const HOTHEALTH_INDICATORS: Indicator[] = [
  { letter: "V", name: "VOLUME", zh: "量级" },
  { letter: "P", name: "PRECISION", zh: "精准度" },
  { name: "COST", zh: "费比", sharedLetter: "C" },
  { name: "CONVERSION", zh: "效率", sharedLetter: "C" },
];

/** What happened: the 5 values of the `actual` argument, in order. */
export interface HotActual {
  /** Consumers reached. */
  reached: number;
  /** Of them, consumers in the target crowds (≤ reached). */
  reached_in_target_crowds: number;
  /** Marketing spend. */
  spend: number;
  gmv: number;
  buyers: number;
}

/** What was planned: the 4 values of the `plan` argument, in order. */
export interface HotTargets {
  reached: number;
  /** Planned share of reached consumers in the target crowds, in [0, 1]. */
  precision: number;
  /** Planned spend ÷ GMV (≥ 0). */
  cost_ratio: number;
  /** Planned buyers ÷ reached, in [0, 1]. */
  conversion: number;
}

/** 100 × a ÷ b, or the `#DIV/0!` cell of `a` or of b = 0. */
function index(a: number | CellError, b: number, what: string): number | CellError {
  if (isCellError(a)) return a;
  const r = ratio(a, b, what);
  return isCellError(r) ? r : 100 * r;
}

/**
 * The row [VOLUME, PRECISION, COST, CONVERSION]. Inputs are assumed valid (non-negative;
 * reached_in_target_crowds ≤ reached; plan rates in [0, 1]).
 *
 * @example
 * hothealth({ reached: 1.2e6, reached_in_target_crowds: 840000, spend: 300000, gmv: 2e6, buyers: 30000 },
 *           { reached: 1e6, precision: 0.6, cost_ratio: 0.18, conversion: 0.02 })
 * // → [120, 116.67, 120, 125]
 */
export function hothealth(actual: HotActual, plan: HotTargets): ResultCell[] {
  const actualCost = ratio(actual.spend, actual.gmv, "COST");
  return [
    index(actual.reached, plan.reached, "VOLUME"),
    index(ratio(actual.reached_in_target_crowds, actual.reached, "PRECISION"), plan.precision, "PRECISION"),
    isCellError(actualCost) ? actualCost : index(plan.cost_ratio, actualCost, "COST"),
    index(ratio(actual.buyers, actual.reached, "CONVERSION"), plan.conversion, "CONVERSION"),
  ];
}

// --- Excel entry ------------------------------------------------------------------------------

/** Domains of the cells of `actual` and `plan`: counts, amounts (spend, GMV ≥ 0) and rates. */
const ACTUAL_DOMAINS: Domain[] = ["count", "count", "nonNegative", "nonNegative", "count"];
const PLAN_DOMAINS: Domain[] = ["count", "rate", "nonNegative", "rate"];

/** Exactly `domains.length` numbers of a 1×n or n×1 argument, each in its domain. */
function values(arg: unknown, name: string, domains: readonly Domain[]): number[] {
  const v = vec(arg, name);
  const n = domains.length;
  if (v.n !== n) invalid("wrongCount", { arg: name }, { expected: n, actual: v.n });
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    out[i] = cellNumber(at(v, i), whereAt(v, i), domains[i]);
  }
  return out;
}

/**
 * `DTC.HOTHEALTH(actual, plan)`: `actual` = [reached, reached_in_target_crowds, spend, gmv,
 * buyers], `plan` = [reached, precision, cost_ratio, conversion], each a single row or column.
 * Counts and amounts ≥ 0, precision and conversion in [0, 1], reached_in_target_crowds ≤
 * reached; anything else is `#VALUE!` naming the cell.
 */
export const HOTHEALTH_PARAMS = [
  { name: "actual", type: "range" },
  { name: "plan", type: "range" },
  INDICATOR,
  WITH_HEADERS,
] as const satisfies readonly Param[];

export function hothealthExcel(...args: unknown[]): ResultCell[] {
  const { actual, plan } = bind(HOTHEALTH_PARAMS, args);
  const a = values(actual, "actual", ACTUAL_DOMAINS);
  const p = values(plan, "plan", PLAN_DOMAINS);
  if (a[1] > a[0]) {
    invalid("exceedsArg", whereAt(vec(actual, "actual"), 1), { value: a[1], other: "reached", limit: a[0] });
  }
  return hothealth(
    { reached: a[0], reached_in_target_crowds: a[1], spend: a[2], gmv: a[3], buyers: a[4] },
    { reached: p[0], precision: p[1], cost_ratio: p[2], conversion: p[3] },
  );
}
