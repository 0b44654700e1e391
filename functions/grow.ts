/* GROW custom functions: thin wrappers; the logic is in src/models/grow.ts. */
import { modelRow } from "./shape";
import { GROW_INDICATORS, growExcel, growRowsExcel } from "../src/models/grow";

/**
 * Where growth came from: splits the change of like-for-like GMV (buyers × orders per buyer × GMV per order) with the log-mean Divisia index. Returns one row [G, R, O, W]: Gain (more buyers), Retain (more orders per buyer), Boost (higher value per order), Widen (GMV of new categories).
 * @customfunction GROW
 * @param base Base period of the like-for-like scope: buyers, orders, GMV (3 numbers in a row or a column, each > 0).
 * @param current Current period of the like-for-like scope: buyers, orders, GMV (3 numbers, each > 0).
 * @param [new_gmv] Current GMV from categories with no base-period sales (W); default 0.
 * @param [indicator] Return one indicator only: G, R, O, W or its name (Gain, Retain, Boost, Widen).
 * @param [with_headers] TRUE adds a header row of indicator names.
 * @returns One row of four GMV contributions; G + R + O is the like-for-like GMV change.
 */
export function grow(base: any[][], current: any[][], new_gmv?: any, indicator?: any, with_headers?: any): any[][] {
  return modelRow(GROW_INDICATORS, indicator, with_headers, () => growExcel(base, current, new_gmv)) as any[][];
}

/**
 * Where growth came from, counted from one row per order. Categories with a base-period order are like-for-like; their buyers, orders and GMV in each period are split into [G, R, O], and current GMV of the other categories is W.
 * @customfunction GROW.ROWS
 * @param period Period of each order: 0 = base, 1 = current.
 * @param customer Customer of each order (an id; 123 and "123" are the same customer).
 * @param category Category of each order (an id, compared as trimmed text).
 * @param gmv GMV of each order (≥ 0).
 * @param [indicator] Return one indicator only: G, R, O, W or its name (Gain, Retain, Boost, Widen).
 * @param [with_headers] TRUE adds a header row of indicator names.
 * @returns One row of four GMV contributions.
 */
export function growRows(
  period: any[][],
  customer: any[][],
  category: any[][],
  gmv: any[][],
  indicator?: any,
  with_headers?: any,
): any[][] {
  return modelRow(GROW_INDICATORS, indicator, with_headers, () =>
    growRowsExcel(period, customer, category, gmv),
  ) as any[][];
}
