/**
 * A stand-in for Excel's `CustomFunctions` runtime, installed before the BUILT `functions.js`
 * runs in the workbench page. It captures every `CustomFunctions.associate(id, fn)` so the
 * functions can be registered in the grid's formula engine, and provides the `Error` class and
 * `ErrorCode` names that `functions/shape.ts` uses to return error cells.
 */

/** Excel's error codes by `CustomFunctions.ErrorCode` name (the values Excel shows). */
export const ERROR_CODES = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

/** `CustomFunctions.Error` of the stand-in: an error value with a code and a message. */
export class StandInError extends Error {
  readonly code: string;
  constructor(code: string, message?: string) {
    super(message ?? "");
    this.name = "CustomFunctions.Error";
    this.code = code;
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type CustomFunction = (...args: any[]) => unknown;

export interface StandIn {
  /** Functions registered so far, by id (e.g. "FAST.ROWS"). */
  associated: Map<string, CustomFunction>;
}

/**
 * Install the stand-in as `globalThis.CustomFunctions` (idempotent) and return its registry.
 * It refuses to replace a real runtime: in Excel there is nothing to stand in for.
 */
export function installCustomFunctions(target: Record<string, unknown> = globalThis as never): StandIn {
  const existing = target.__DTC_STAND_IN as StandIn | undefined;
  if (existing) return existing;
  const associated = new Map<string, CustomFunction>();
  const standIn: StandIn = { associated };
  target.CustomFunctions = {
    associate(id: string | Record<string, CustomFunction>, fn?: CustomFunction): void {
      if (typeof id === "string") {
        if (typeof fn === "function") associated.set(id.toUpperCase(), fn);
      } else {
        for (const [k, f] of Object.entries(id)) associated.set(k.toUpperCase(), f);
      }
    },
    Error: StandInError,
    ErrorCode: ERROR_CODES,
  };
  target.__DTC_STAND_IN = standIn;
  return standIn;
}
