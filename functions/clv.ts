/* CLV custom function: thin wrapper; the logic is in src/models/clv.ts. */
import { scalar } from "./shape";
import { clvExcel } from "../src/models/clv";

/**
 * Customer lifetime value: the sum over periods t = 1..n of margin × retention^t ÷ (1 + discount_rate)^t; without periods, the infinite sum margin × retention ÷ (1 + discount_rate − retention).
 * @customfunction CLV
 * @param margin Margin a retained customer brings per period.
 * @param retention Share of customers kept from one period to the next, between 0 and 1.
 * @param discount_rate Discount rate per period, 0 or more.
 * @param [periods] Number of periods, a whole number of at least 1; blank = no end.
 * @returns The value of one customer.
 */
export function clv(margin: any, retention: any, discount_rate: any, periods?: any): any {
  return scalar(() => clvExcel(margin, retention, discount_rate, periods));
}
