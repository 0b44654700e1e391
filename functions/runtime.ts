/*
 * Outside Excel (taskpane.html opened in a plain browser, a page without the custom-functions
 * runtime) there is no CustomFunctions global and the associate calls appended to each wrapper
 * would throw. Install an inert stand-in only when the runtime is absent; Excel's runtime and
 * test harnesses define theirs before this bundle loads, and those are left untouched.
 */
const g = globalThis as { CustomFunctions?: unknown };
if (typeof g.CustomFunctions === "undefined") {
  class StandInError extends Error {
    constructor(
      readonly code: string,
      message?: string,
    ) {
      super(message);
    }
  }
  g.CustomFunctions = {
    associate: () => undefined,
    Error: StandInError,
    ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A", divisionByZero: "#DIV/0!", invalidNumber: "#NUM!" },
  };
}
export {};
