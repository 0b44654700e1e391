/* FAST+ custom function: thin wrapper; the logic is in src/models/fastplus.ts. */
import { modelRow } from "./shape";
import { FASTPLUS_INDICATORS, fastPlusExcel } from "../src/models/fastplus";

/**
 * Membership and private-domain relationships (FAST+). Returns one row [CAPITAL, CONVERSION, CONNECTION, CLV]: holders at the end, deepened ÷ holders at the start, engaged ÷ holders at the end, holder GMV ÷ holders at the end.
 * @customfunction FASTPLUS
 * @param holders_start Holders (members, fans, subscribers; deduplicated) at the start of the period.
 * @param holders_end Holders at the end of the period.
 * @param deepened Start holders whose relationship deepened in the period (at most holders_start).
 * @param engaged End holders who engaged with an owned touchpoint (at most holders_end).
 * @param holder_gmv GMV bought by holders in the period.
 * @param [indicator] Return one indicator only: CAPITAL, CONVERSION, CONNECTION or CLV.
 * @param [with_headers] TRUE adds a header row of indicator names.
 * @returns One row of four indicators.
 */
export function fastPlus(
  holders_start: any,
  holders_end: any,
  deepened: any,
  engaged: any,
  holder_gmv: any,
  indicator?: any,
  with_headers?: any,
): any[][] {
  return modelRow(FASTPLUS_INDICATORS, indicator, with_headers, () =>
    fastPlusExcel(holders_start, holders_end, deepened, engaged, holder_gmv),
  ) as any[][];
}
