/* GTA custom functions: thin wrappers; the logic is in src/plan/gta.ts and src/plan/gta-whatif.ts. */
import { spill } from "./shape";
import { gtaExcel } from "../src/plan/gta";
import { gtaBudgetExcel } from "../src/plan/gta-whatif";

/**
 * GMV to AIPL (GTA): turns a GMV target into the consumers each AIPL crowd needs. Old customers (P, L) bring their expected GMV; the gap to the target is filled by adding consumers to the A and I crowds, cheapest first. Returns one row per crowd plus a TOTAL row, a one-row summary, or the plan's sensitivity to each crowd's conversion and aov.
 * @customfunction GTA
 * @param target_gmv GMV target of the plan period (≥ 0).
 * @param crowds Table with one row per stage or strategy crowd: stage, crowd, count, conversion, aov, [cost], [capacity], by position or under a header row (stage/阶段, crowd/人群, count/人数, conversion/转化率, aov/客单价, cost/单人成本, capacity/可增量).
 * @param [output] "plan" (default): one row per crowd [stage, crowd, count, conversion, aov, buyers, gmv, added, required, added_gmv, added_cost] and a TOTAL row; "summary": [baseline, old, new, gap, shortfall, planned_gmv, added_cost]; "sensitivity": a MARGINAL row with the cost of one more unit of GMV, then per crowd the change in the plan's added cost (added consumers when costs are missing) for conversion +10 % (capped at 1), conversion −10 %, aov +10 %, aov −10 %.
 * @param [with_headers] TRUE adds a row of column names above the result.
 * @returns The plan table, the summary row or the sensitivity table.
 */
export function gta(target_gmv: any, crowds: any[][], output?: any, with_headers?: any): any[][] {
  return spill(() => gtaExcel(target_gmv, crowds, output, with_headers)) as any[][];
}

/**
 * GTA with a budget instead of a target: the most GMV a budget for added consumers can reach. The A and I crowds are filled cheapest first (cost per unit of GMV), each with as many whole consumers as the remaining budget pays for, up to its capacity. Returns GTA's plan table or a one-row summary.
 * @customfunction GTA.BUDGET
 * @param budget Money available for adding consumers (≥ 0).
 * @param crowds The GTA crowds table (stage, crowd, count, conversion, aov, cost, [capacity]); every A or I row that can grow needs a cost, and a row of cost 0 a capacity.
 * @param [output] "plan" (default): GTA's plan rows and TOTAL row; "summary": [baseline, budget, spent, added_gmv, planned_gmv, unspent].
 * @param [with_headers] TRUE adds a row of column names above the result.
 * @returns The plan table or the summary row.
 */
export function gtaBudget(budget: any, crowds: any[][], output?: any, with_headers?: any): any[][] {
  return spill(() => gtaBudgetExcel(budget, crowds, output, with_headers)) as any[][];
}
