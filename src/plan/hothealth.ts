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
import { bind, INDICATOR, range, WITH_HEADERS, type Param } from "../excel/params";
import { hotplan, type HotplanInput } from "./hotplan";

/** The HOTHEALTH indicators in output order. COST and CONVERSION share the letter C. */
export const HOTHEALTH_INDICATORS: Indicator[] = [
  { letter: "V", name: "VOLUME", zh: "量级" }, { letter: "P", name: "PRECISION", zh: "精准度" },
  { name: "COST", zh: "费比", sharedLetter: "C" }, { name: "CONVERSION", zh: "效率", sharedLetter: "C" },
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

/** The plan targets of one phase, as {@link healthTargets} derives them. */
export interface PhaseTargets {
  phase: string;
  plan: HotTargets;
}

/**
 * The `plan` argument of HOTHEALTH for each phase of a hot-product plan, derived from that plan
 * (`DTC.HOTPLAN`'s rows), so that a health check measures a campaign against the plan it ran.
 * SPEC defines HOTHEALTH's `plan` as four given numbers, not how to obtain them; this is the
 * task pane's reading of a HOTPLAN plan, one row per phase in input order:
 *
 * | target | from the plan |
 * |---|---|
 * | reached | Σ aware over the phase's crowds: the consumers the phase must reach (the top of its funnel) |
 * | precision | `precision` as given: the plan fixes who is targeted, not how many reached consumers are in target crowds |
 * | cost_ratio | the plan's `cost_ratio` (default 0) |
 * | conversion | Σ buyers ÷ Σ aware of the phase (reached consumers who must buy); 0 when the phase reaches no one |
 *
 * Sums over crowds rather than a mean of per-crowd rates, so a large crowd weighs as much as its
 * consumers. `input` is assumed valid (see {@link HotplanInput}); O(P × C).
 *
 * @example
 * // target 1,200,000, price 150, 2 units per buyer, cost ratio 10%, phases 启动期 1 / 发展期 1 / 大促期 2,
 * // crowds Gen Z 1 (funnel 0.2, 0.3) and 精致妈妈 3 (0.25, 0.4): 启动期 has 250 + 750 = 1,000 buyers
 * // and 4,167 + 7,500 = 11,667 aware →
 * healthTargets(input, 0.7)[0]
 * // → {phase: "启动期", plan: {reached: 11667, precision: 0.7, cost_ratio: 0.1, conversion: 1000 / 11667}}
 */
export function healthTargets(input: HotplanInput, precision: number): PhaseTargets[] {
  const res = hotplan(input);
  const aware = new Array<number>(input.phases.length).fill(0);
  const buyers = new Array<number>(input.phases.length).fill(0);
  for (const r of res.rows) {
    aware[r.phase_index] += r.aware;
    buyers[r.phase_index] += r.buyers;
  }
  const cost_ratio = input.cost_ratio ?? 0;
  return input.phases.map((ph, p) => ({
    phase: ph.name,
    plan: { reached: aware[p], precision, cost_ratio, conversion: aware[p] > 0 ? buyers[p] / aware[p] : 0 },
  }));
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
  range("actual"), range("plan"), INDICATOR, WITH_HEADERS,
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
