/* SUPER custom function: thin wrapper; the logic is in src/models/super.ts. */
import { modelRow } from "./shape";
import { SUPER_INDICATORS, superExcel } from "../src/models/super";

/**
 * Product health from one row per SKU. Returns one row [S, U, P, E, R]: Star product share (fewest SKUs making star_share of GMV ÷ SKUs), Utmost conversion (buyers ÷ visitors), Product novelty (GMV of new SKUs ÷ GMV), Exact stock (units sold ÷ units available), Rapid fulfillment (orders on time ÷ orders).
 * @customfunction SUPER
 * @param skus One row per SKU: sku, is_new, gmv, visitors, buyers, units_sold, units_available, orders, orders_on_time, by position or under a header row (English or Chinese names, any order). gmv is required; a missing column makes its indicator #N/A.
 * @param [star_share] Share of GMV that defines the star products, in (0, 1]; default 0.8.
 * @param [indicator] Return one indicator only: S, U, P, E, R or its name.
 * @param [with_headers] TRUE adds a header row of indicator names.
 * @returns One row of five indicators.
 */
export function superHealth(skus: any[][], star_share?: any, indicator?: any, with_headers?: any): any[][] {
  return modelRow(SUPER_INDICATORS, indicator, with_headers, () => superExcel(skus, star_share)) as any[][];
}
