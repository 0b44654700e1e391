/**
 * The contract's rounding and tie rules (docs/functions.md, "Conventions: rounding";
 * `src/excel/round.ts`) as native Excel formulas, for the plan sheets. The constants come from
 * the engine's module, written as plain decimals (`0.000000001`) so HyperFormula parses them.
 */
import { PERSON_SLACK, TIE_TOLERANCE } from "../../src/excel/round";
import { decimal } from "../workbook/port";

/** {@link PERSON_SLACK} and {@link TIE_TOLERANCE} as formula literals. */
export const SLACK_LITERAL = decimal(PERSON_SLACK);
export const TIE_LITERAL = decimal(TIE_TOLERANCE);

/** Persons needed (`personsNeeded`): `MAX(0, ROUNDUP(x − PERSON_SLACK × MAX(1, ABS(x)), 0))`. */
export function personsFormula(x: string): string {
  return `MAX(0,ROUNDUP(${x}-${SLACK_LITERAL}*MAX(1,ABS(${x})),0))`;
}

/** Two ordering keys tie (`isTie`): `ABS(a − b) <= TIE_TOLERANCE × MAX(ABS(a), ABS(b))`. */
export function tieFormula(a: string, b: string): string {
  return `ABS(${a}-${b})<=${TIE_LITERAL}*MAX(ABS(${a}),ABS(${b}))`;
}
