/* HOTHEALTH custom function: thin wrapper; the logic is in src/plan/hothealth.ts. */
import { modelRow } from "./shape";
import { HOTHEALTH_INDICATORS, hothealthExcel } from "../src/plan/hothealth";

/**
 * Health of a hot product (爆品) against its plan. Returns one row [VOLUME, PRECISION, COST, CONVERSION] of indices where 100 = on plan and higher is better.
 * @customfunction HOTHEALTH
 * @param actual Five values, one row or column: reached, reached_in_target_crowds (at most reached), spend, gmv, buyers.
 * @param plan Four values, one row or column: reached, precision (share in target crowds, 0–1), cost_ratio (spend ÷ GMV), conversion (buyers ÷ reached, 0–1).
 * @param [indicator] Return one indicator only: V, P or a name (VOLUME, PRECISION, COST, CONVERSION).
 * @param [with_headers] TRUE adds a header row of indicator names.
 * @returns One row of four indices.
 */
export function hothealth(actual: any[][], plan: any[][], indicator?: any, with_headers?: any): any[][] {
  return modelRow(HOTHEALTH_INDICATORS, indicator, with_headers, () => hothealthExcel(actual, plan)) as any[][];
}
