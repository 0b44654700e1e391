/* HOTPLAN custom function: thin wrapper; the logic is in src/plan/hotplan.ts. */
import { spill } from "./shape";
import { hotplanExcel } from "../src/plan/hotplan";

/**
 * Hot product (爆品) goal decomposition: splits a sales target over phases and strategy crowds and walks each part back up the funnel to the buyers, interested (I) and aware (A) consumers it needs. Returns one row per phase and crowd plus a TOTAL row.
 * @customfunction HOTPLAN
 * @param target_gmv Sales (GMV) target of the product (≥ 0).
 * @param price Price of one unit (> 0).
 * @param phases Table of phases: name, weight (≥ 0; normalised by their sum). May start with a header row (name/名称/phase, weight/权重).
 * @param crowds Table of strategy crowds: name, share (≥ 0; normalised by their sum). May start with a header row (name/名称/crowd/人群, share/占比).
 * @param funnel Rates [i_to_p, a_to_i], each in (0, 1]: one row for all crowds, or one row per crowd.
 * @param [units_per_buyer] Units one buyer takes (> 0); default 1.
 * @param [cost_ratio] Marketing spend ÷ GMV (营销费比, ≥ 0); default 0.
 * @param [with_headers] TRUE adds a row of column names above the result.
 * @returns Rows [phase, crowd, gmv, units, buyers, interest, aware, spend] and a TOTAL row.
 */
export function hotplan(
  target_gmv: any,
  price: any,
  phases: any[][],
  crowds: any[][],
  funnel: any[][],
  units_per_buyer?: any,
  cost_ratio?: any,
  with_headers?: any,
): any[][] {
  return spill(() =>
    hotplanExcel(target_gmv, price, phases, crowds, funnel, units_per_buyer, cost_ratio, with_headers),
  ) as any[][];
}
