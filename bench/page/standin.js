/*
 * The CustomFunctions stand-in for the bench page (the same contract as the one in
 * test/harness/bundle.ts): loading dist/functions.js calls CustomFunctions.associate(id, fn)
 * for every function; errors are CustomFunctions.Error objects with an Excel error code.
 */
(function () {
  "use strict";
  globalThis.__associated = {};
  globalThis.__paramCounts = {};
  class CFError extends Error {
    constructor(code, message) {
      super(message);
      this.code = code;
    }
  }
  globalThis.CustomFunctions = {
    associate(id, fn) {
      globalThis.__associated[id] = fn;
    },
    Error: CFError,
    ErrorCode: {
      invalidValue: "#VALUE!", notAvailable: "#N/A", divisionByZero: "#DIV/0!",
      invalidNumber: "#NUM!", nullReference: "#NULL!", invalidName: "#NAME?", invalidReference: "#REF!",
    },
  };
})();
