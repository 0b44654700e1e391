/* ASSOC custom function: thin wrapper; the logic is in src/models/assoc.ts. */
import { spill } from "./shape";
import { assocExcel } from "../src/models/assoc";

/**
 * Cross-category association from one row per order line: for every pair of categories bought in the same basket, the rules a → b and b → a with support (share of baskets holding both), confidence (share of a's baskets that also hold b) and lift (confidence ÷ share of baskets holding b). Returns the top rules sorted by lift, one row each: [from, to, support, confidence, lift, baskets_both].
 * @customfunction ASSOC
 * @param basket Basket of each order line: an order id, or a customer id for buyer-level association (compared as trimmed text). Header names: basket, order, order_id, customer, customer_id, 订单, 订单号, 客户, 买家.
 * @param category Category of each order line (compared as trimmed text). Header names: category, cat, 类目, 品类.
 * @param [min_support] Smallest support a rule must reach, in [0, 1]; default 0.01.
 * @param [top_n] How many rules to return, a whole number ≥ 1; default 20.
 * @param [with_headers] TRUE adds a row of column names above the result.
 * @returns One row per rule: from, to, support, confidence, lift, baskets_both.
 */
export function assoc(basket: any[][], category: any[][], min_support?: any, top_n?: any, with_headers?: any): any[][] {
  return spill(() => assocExcel(basket, category, min_support, top_n, with_headers)) as any[][];
}
