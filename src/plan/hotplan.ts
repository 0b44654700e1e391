/**
 * HOTPLAN: a hot product's (爆品) sales target split over phases and strategy crowds, then
 * walked back up the funnel (docs/functions.md, DTC.HOTPLAN and DTC.HOTHEALTH).
 *
 * Weights w_p of the phases (启动期 launch, 发展期 growth, 大促期 promotion peak, or the user's
 * own) and shares s_c of the crowds are normalised by their sums W and S. For phase p and crowd
 * c, in phase-major order:
 *
 * | quantity | formula |
 * |---|---|
 * | gmv | target × (w_p ÷ W) × (s_c ÷ S) |
 * | units | gmv ÷ price |
 * | buyers | ⌈units ÷ units_per_buyer⌉ |
 * | interest | ⌈buyers ÷ i_to_p⌉ (I consumers needed) |
 * | aware | ⌈interest ÷ a_to_i⌉ (A consumers needed) |
 *
 * each ⌈ ⌉ the person rounding ceil(x − 1e-9 × max(1, |x|)) of src/excel/round.ts.
 * | spend | gmv × cost_ratio |
 *
 * `i_to_p` and `a_to_i` come from the crowd's funnel row, or from the one funnel row shared by
 * every crowd. A TOTAL row sums each column.
 */
import { invalid, type ResultCell } from "../excel/errors";
import { cellLabel, cellNumber, grid } from "../excel/coerce";
import { bind, number, range, WITH_HEADERS, type Bound, type Param } from "../excel/params";
import { cellOf, readTable, whereIn, type ColumnSpec, type Table } from "../excel/table";
import { personsNeeded } from "../excel/round";

/** Inputs of HOTPLAN: the shape of a hot-product plan file's `inputs` (docs/plans.md). */
export interface HotplanInput {
  target_gmv: number;
  /** Price of one unit (> 0). */
  price: number;
  /** Phases with weights ≥ 0 (not all 0). */
  phases: { name: string; weight: number }[];
  /** Strategy crowds with shares ≥ 0 (not all 0). */
  crowds: { name: string; share: number }[];
  /** One entry shared by every crowd, or one per crowd; both rates in (0, 1]. */
  funnel: { i_to_p: number; a_to_i: number }[];
  /** Units one buyer takes (> 0); default 1. */
  units_per_buyer?: number;
  /** Marketing spend ÷ GMV (≥ 0); default 0. */
  cost_ratio?: number;
}

/** One (phase, crowd) row of the plan. */
export interface HotplanRow {
  phase: string;
  crowd: string;
  /** 0-based indexes of the phase and the crowd in the input. */
  phase_index: number;
  crowd_index: number;
  gmv: number;
  units: number;
  buyers: number;
  interest: number;
  aware: number;
  spend: number;
}

/** Column sums of the plan (the TOTAL row). */
export type HotplanTotal = Pick<HotplanRow, "gmv" | "units" | "buyers" | "interest" | "aware" | "spend">;

export interface HotplanResult {
  /** P × C rows, phase-major: all crowds of phase 1, then of phase 2, … */
  rows: HotplanRow[];
  total: HotplanTotal;
}

/** Column names of the output (the `with_headers` row). */
export const HOTPLAN_COLUMNS = ["phase", "crowd", "gmv", "units", "buyers", "interest", "aware", "spend"] as const;
/** Chinese labels of {@link HOTPLAN_COLUMNS}, for the task pane. */
export const HOTPLAN_COLUMNS_ZH = ["阶段", "人群", "GMV", "件数", "购买人数", "兴趣人数", "认知人数", "费用"] as const;

/**
 * Decompose a hot product's target (docs/functions.md, DTC.HOTPLAN and DTC.HOTHEALTH).
 *
 * Inputs are assumed valid (see {@link HotplanInput}); {@link hotplanExcel} and the plan-file
 * schema check them. O(P × C).
 *
 * @example
 * // target 1,000,000, price 200, phases launch 2 / peak 3, one crowd, funnel [0.1, 0.25]:
 * // launch gmv 400,000 → 2,000 units → 2,000 buyers → 20,000 interest → 80,000 aware.
 */
export function hotplan(input: HotplanInput): HotplanResult {
  const { target_gmv: target, price, phases, crowds, funnel } = input;
  const upb = input.units_per_buyer ?? 1;
  const costRatio = input.cost_ratio ?? 0;
  let W = 0;
  for (let p = 0; p < phases.length; p++) W += phases[p].weight;
  let S = 0;
  for (let c = 0; c < crowds.length; c++) S += crowds[c].share;
  const shared = funnel.length === 1;

  const rows: HotplanRow[] = new Array(phases.length * crowds.length);
  const total: HotplanTotal = { gmv: 0, units: 0, buyers: 0, interest: 0, aware: 0, spend: 0 };
  let k = 0;
  for (let p = 0; p < phases.length; p++) {
    const phaseGmv = target * (phases[p].weight / W);
    for (let c = 0; c < crowds.length; c++) {
      const f = shared ? funnel[0] : funnel[c];
      const gmv = phaseGmv * (crowds[c].share / S);
      const units = gmv / price;
      const buyers = personsNeeded(units / upb);
      const interest = personsNeeded(buyers / f.i_to_p);
      const aware = personsNeeded(interest / f.a_to_i);
      const spend = gmv * costRatio;
      rows[k++] = { phase: phases[p].name, crowd: crowds[c].name, phase_index: p, crowd_index: c, gmv, units, buyers, interest, aware, spend };
      total.gmv += gmv;
      total.units += units;
      total.buyers += buyers;
      total.interest += interest;
      total.aware += aware;
      total.spend += spend;
    }
  }
  return { rows, total };
}

/** The output rows [phase, crowd, gmv, units, buyers, interest, aware, spend] plus TOTAL. */
export function hotplanTable(res: HotplanResult): ResultCell[][] {
  const t: ResultCell[][] = new Array(res.rows.length + 1);
  for (let k = 0; k < res.rows.length; k++) {
    const r = res.rows[k];
    t[k] = [r.phase, r.crowd, r.gmv, r.units, r.buyers, r.interest, r.aware, r.spend];
  }
  const s = res.total;
  t[res.rows.length] = ["TOTAL", "", s.gmv, s.units, s.buyers, s.interest, s.aware, s.spend];
  return t;
}

// --- Excel entry ------------------------------------------------------------------------------

/** `phases`: [name, weight], by position or by header (name/名称/phase/阶段, weight/权重). */
export const PHASE_COLUMNS: readonly ColumnSpec[] = [
  { key: "name", aliases: ["名称", "phase", "阶段"], required: true },
  { key: "weight", aliases: ["权重"], required: true },
];
/** `crowds`: [name, share], by position or by header (name/名称/crowd/人群, share/占比). */
export const CROWD_COLUMNS: readonly ColumnSpec[] = [
  { key: "name", aliases: ["名称", "crowd", "人群"], required: true },
  { key: "share", aliases: ["占比"], required: true },
];
/** `funnel`: [i_to_p, a_to_i], by position or by header (aliases below). */
export const FUNNEL_COLUMNS: readonly ColumnSpec[] = [
  { key: "i_to_p", aliases: ["兴趣到购买", "兴趣转化率"], required: true },
  { key: "a_to_i", aliases: ["认知到兴趣", "认知转化率"], required: true },
];

/** Names and non-negative weights of a [name, weight] table; a zero sum is `#VALUE!`. */
function namedWeights(arg: unknown, name: string, specs: readonly ColumnSpec[]): { names: string[]; weights: number[] } {
  const t = readTable(arg, name, specs);
  if (t.rows.length === 0) invalid("emptyTable", { arg: name });
  const wkey = specs[1].key;
  const names: string[] = new Array(t.rows.length);
  const weights: number[] = new Array(t.rows.length);
  let sum = 0;
  for (let k = 0; k < t.rows.length; k++) {
    const i = t.rows[k];
    names[k] = cellLabel(cellOf(t, i, "name"), whereIn(t, i, "name"));
    const w = cellNumber(cellOf(t, i, wkey), whereIn(t, i, wkey), "nonNegative");
    weights[k] = w;
    sum += w;
  }
  if (!(sum > 0)) invalid("sumZeroColumn", { arg: name }, { column: wkey });
  return { names, weights };
}

/** A funnel rate in (0, 1]. */
function funnelRate(t: Table, i: number, key: string): number {
  return cellNumber(cellOf(t, i, key), whereIn(t, i, key), "share");
}

/** The funnel: 1 row shared by all `crowdCount` crowds, or exactly one row per crowd. */
function funnelRows(arg: unknown, crowdCount: number): { i_to_p: number; a_to_i: number }[] {
  const data = grid(arg);
  // An empty funnel has no rows (rather than "0 columns"); fewer than 2 columns cannot hold both rates.
  if (data.length === 0) invalid("funnelRows", { arg: "funnel" }, { actual: 0, expected: crowdCount });
  const width = data[0].length;
  if (width < 2) invalid("wrongColumns", { arg: "funnel" }, { expected: 2, actual: width });
  const t = readTable(data, "funnel", FUNNEL_COLUMNS);
  if (!t.header && width !== 2) invalid("wrongColumns", { arg: "funnel" }, { expected: 2, actual: width });
  const n = t.rows.length;
  if (n !== 1 && n !== crowdCount) invalid("funnelRows", { arg: "funnel" }, { actual: n, expected: crowdCount });
  const out = new Array<{ i_to_p: number; a_to_i: number }>(n);
  for (let k = 0; k < n; k++) {
    const i = t.rows[k];
    out[k] = { i_to_p: funnelRate(t, i, "i_to_p"), a_to_i: funnelRate(t, i, "a_to_i") };
  }
  return out;
}

/** Coerce the raw arguments of `DTC.HOTPLAN` to a {@link HotplanInput}. */
export const HOTPLAN_PARAMS = [
  number("target_gmv", "nonNegative"), number("price", "positive"), range("phases"), range("crowds"),
  range("funnel"),
  { name: "units_per_buyer", type: "number", domain: "positive", optional: true, default: 1 },
  { name: "cost_ratio", type: "number", domain: "nonNegative", optional: true, default: 0 }, WITH_HEADERS,
] as const satisfies readonly Param[];

/**
 * Coerce the raw arguments of `DTC.HOTPLAN` (in {@link HOTPLAN_PARAMS} order; `with_headers`
 * may be left off) to a {@link HotplanInput}.
 */
export function hotplanInput(...args: unknown[]): HotplanInput {
  return inputOf(bind(HOTPLAN_PARAMS, args));
}

function inputOf(p: Bound<typeof HOTPLAN_PARAMS>): HotplanInput {
  // Scalars are bound first, in argument order, then the tables are read.
  const ph = namedWeights(p.phases, "phases", PHASE_COLUMNS);
  const cr = namedWeights(p.crowds, "crowds", CROWD_COLUMNS);
  const f = funnelRows(p.funnel, cr.names.length);
  const upb = p.units_per_buyer;
  const cost = p.cost_ratio;
  return {
    target_gmv: p.target_gmv,
    price: p.price,
    phases: ph.names.map((name, k) => ({ name, weight: ph.weights[k] })),
    crowds: cr.names.map((name, k) => ({ name, share: cr.weights[k] })),
    funnel: f,
    units_per_buyer: upb,
    cost_ratio: cost,
  };
}

/**
 * `DTC.HOTPLAN(target_gmv, price, phases, crowds, funnel, [units_per_buyer], [cost_ratio], [with_headers])`.
 *
 * `target_gmv` ≥ 0, `price` > 0, `units_per_buyer` > 0 (default 1), `cost_ratio` ≥ 0
 * (default 0). `phases` and `crowds` may start with a header row ({@link PHASE_COLUMNS},
 * {@link CROWD_COLUMNS}); so may `funnel` ({@link FUNNEL_COLUMNS}), which otherwise must be
 * exactly 2 columns wide. All-blank rows are skipped.
 */
export function hotplanExcel(...args: unknown[]): ResultCell[][] {
  const p = bind(HOTPLAN_PARAMS, args);
  const table = hotplanTable(hotplan(inputOf(p)));
  if (p.with_headers) table.unshift([...HOTPLAN_COLUMNS]);
  return table;
}
