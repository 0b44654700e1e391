/* START custom function: thin wrapper; the logic is in src/models/start.ts. */
import { modelRow } from "./shape";
import { START_INDICATORS, startExcel } from "../src/models/start";

/**
 * Content marketing (START). Returns one row [SEEDING, TRANSACTION, TRAFFIC, REACH, INTERACTION]: REACH is the number of consumers reached, the others are shares of it.
 * @customfunction START
 * @param reached Consumers effectively reached by the content.
 * @param interacted Reached consumers who interacted in depth (at most reached).
 * @param seeded Reached consumers who were seeded (种草; at most reached).
 * @param traffic Reached consumers brought to the private domain (at most reached).
 * @param transacted Reached consumers who bought (at most reached).
 * @param [indicator] Return one indicator only: S, A, R or a name (SEEDING, TRANSACTION, TRAFFIC, REACH, INTERACTION).
 * @param [with_headers] TRUE adds a header row of indicator names.
 * @returns One row of five indicators.
 */
export function start(
  reached: any,
  interacted: any,
  seeded: any,
  traffic: any,
  transacted: any,
  indicator?: any,
  with_headers?: any,
): any[][] {
  return modelRow(START_INDICATORS, indicator, with_headers, () =>
    startExcel(reached, interacted, seeded, traffic, transacted),
  ) as any[][];
}
