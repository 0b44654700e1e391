/**
 * The diagnosis engine (SPEC §16) for the functions and the task pane alike: the code table and
 * its parser (codes.ts), the scenario map as data (scenarios.ts), the scoring (score.ts), the
 * readers of Excel's ranges (inputs.ts) and the two Excel entry points (diagnose.ts).
 */
export * from "./codes";
export * from "./scenarios";
export * from "./score";
export * from "./inputs";
export * from "./diagnose";
