/* AIPL custom functions: thin wrappers; the logic is in src/models/aipl.ts. */
import { spill } from "./shape";
import { aiplDeepenExcel, aiplExcel, aiplFlowExcel } from "../src/models/aipl";

/**
 * Counts of consumers in each AIPL stage (Awareness, Interest, Purchase, Loyalty). Returns one row [A, I, P, L].
 * @customfunction AIPL
 * @param stages One stage per consumer: A, I, P, L (or Awareness/Interest/Purchase/Loyalty, 认知/兴趣/购买/忠诚); - or blank for none. A single column or row.
 * @param [with_headers] TRUE adds a header row A, I, P, L.
 * @returns One row of four counts.
 */
export function aipl(stages: any[][], with_headers?: any): any[][] {
  return spill(() => aiplExcel(stages, with_headers)) as any[][];
}

/**
 * Transition counts between two AIPL snapshots of the same consumers: rows are the start stage, columns the end stage, in the order A, I, P, L, none.
 * @customfunction AIPL.FLOW
 * @param stage_start Stage of each consumer at the start of the period.
 * @param stage_end Stage of the same consumer at the end of the period.
 * @param [with_headers] TRUE adds labels in a first row and a first column.
 * @returns A 5×5 matrix of counts.
 */
export function aiplFlow(stage_start: any[][], stage_end: any[][], with_headers?: any): any[][] {
  return spill(() => aiplFlowExcel(stage_start, stage_end, with_headers)) as any[][];
}

/**
 * Deepening rate (加深率) of stages A, I and P: share of the consumers who started in a stage and ended in a higher AIPL stage.
 * @customfunction AIPL.DEEPEN
 * @param stage_start Stage of each consumer at the start of the period.
 * @param stage_end Stage of the same consumer at the end of the period.
 * @param [with_headers] TRUE adds a header row A, I, P.
 * @returns One row of three rates.
 */
export function aiplDeepen(stage_start: any[][], stage_end: any[][], with_headers?: any): any[][] {
  return spill(() => aiplDeepenExcel(stage_start, stage_end, with_headers)) as any[][];
}
