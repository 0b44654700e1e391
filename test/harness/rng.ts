/* The tests' deterministic PRNG and its small helpers: one copy for every random-table test. */

/** mulberry32: a small deterministic PRNG giving numbers in [0, 1) (the workbench sample's generator). */
export { seeded as rng } from "../../workbench/seeded";

/** One element of `xs`, drawn with `r`. */
export const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
