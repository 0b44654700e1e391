/* FAST custom functions: thin wrappers; the logic is in src/models/fast.ts. */
import { modelRow } from "./shape";
import { FAST_INDICATORS, fastExcel, fastRowsExcel } from "../src/models/fast";

/**
 * Health of consumer assets from counts. Returns one row [F, A, S, T]: Fertility (AIPL total at the end), Advancing (consumers whose stage rose ÷ AIPL total at the start), Superiority (members), Thriving (active members ÷ members).
 * @customfunction FAST
 * @param aipl_start Counts of A, I, P, L at the start of the period (4 cells in a row or a column).
 * @param aipl_end Counts of A, I, P, L at the end of the period (4 cells in a row or a column).
 * @param advanced Consumers whose AIPL stage rose during the period (at most the start count of A + I + P).
 * @param members Members: the deduplicated super-user set.
 * @param active_members Members who were active in the period (at most members).
 * @param [indicator] Return one indicator only: F, A, S, T or its name (Fertility, Advancing, Superiority, Thriving).
 * @param [with_headers] TRUE adds a header row of indicator names.
 * @returns One row of four indicators.
 */
export function fast(
  aipl_start: any[][],
  aipl_end: any[][],
  advanced: any,
  members: any,
  active_members: any,
  indicator?: any,
  with_headers?: any,
): any[][] {
  return modelRow(FAST_INDICATORS, indicator, with_headers, () =>
    fastExcel(aipl_start, aipl_end, advanced, members, active_members),
  ) as any[][];
}

/**
 * Health of consumer assets from one row per consumer. Returns one row [F, A, S, T], counted from the stages at the start and end of the period and the member and active flags.
 * @customfunction FAST.ROWS
 * @param stage_start Stage of each consumer at the start: A, I, P, L (or the full words, 认知/兴趣/购买/忠诚); - or blank for none.
 * @param stage_end Stage of the same consumer at the end of the period.
 * @param is_member TRUE/Y/1 when the consumer is a member (super user).
 * @param is_active TRUE/Y/1 when the consumer was active in the period (counted for members only).
 * @param [indicator] Return one indicator only: F, A, S, T or its name (Fertility, Advancing, Superiority, Thriving).
 * @param [with_headers] TRUE adds a header row of indicator names.
 * @returns One row of four indicators.
 */
export function fastRows(
  stage_start: any[][],
  stage_end: any[][],
  is_member: any[][],
  is_active: any[][],
  indicator?: any,
  with_headers?: any,
): any[][] {
  return modelRow(FAST_INDICATORS, indicator, with_headers, () =>
    fastRowsExcel(stage_start, stage_end, is_member, is_active),
  ) as any[][];
}
