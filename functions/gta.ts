/* GTA custom function: thin wrapper; the logic is in src/plan/gta.ts. */
import { spill } from "./shape";
import { gtaExcel } from "../src/plan/gta";

/**
 * GMV to AIPL (GTA): turns a GMV target into the consumers each AIPL crowd needs. Old customers (P, L) bring their expected GMV; the gap to the target is filled by adding consumers to the A and I crowds, cheapest first. Returns one row per crowd plus a TOTAL row, or a one-row summary.
 * @customfunction GTA
 * @param target_gmv GMV target of the plan period (≥ 0).
 * @param crowds Table with one row per stage or strategy crowd: stage, crowd, count, conversion, aov, [cost], [capacity], by position or under a header row (stage/阶段, crowd/人群, count/人数, conversion/转化率, aov/客单价, cost/单人成本, capacity/可增量).
 * @param [output] "plan" (default): one row per crowd [stage, crowd, count, conversion, aov, buyers, gmv, added, required, added_gmv, added_cost] and a TOTAL row; "summary": [baseline, old, new, gap, shortfall, planned_gmv, added_cost].
 * @param [with_headers] TRUE adds a row of column names above the result.
 * @returns The plan table or the summary row.
 */
export function gta(target_gmv: any, crowds: any[][], output?: any, with_headers?: any): any[][] {
  return spill(() => gtaExcel(target_gmv, crowds, output, with_headers)) as any[][];
}
