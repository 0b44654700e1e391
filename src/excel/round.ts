/**
 * The two numeric tolerances of the contract (docs/functions.md, "Conventions: rounding"),
 * stated once for the engine and for the plan sheets' native formulas alike.
 *
 * - Persons a plan says are *needed* are rounded up with a relative slack:
 *   `ceil(x − PERSON_SLACK × max(1, |x|))`, so floating-point noise never adds a person
 *   (235,914,346.00000003 units needs 235,914,346 buyers, not one more).
 * - Two ordering keys within a relative `TIE_TOLERANCE` of each other are a tie, and ties keep
 *   table order (0.3 × 1 and 0.1 × 3 are equal).
 */

/** Relative slack of the person rounding. */
export const PERSON_SLACK = 1e-9;

/** Relative tolerance under which two ordering keys are a tie. */
export const TIE_TOLERANCE = 1e-12;

/**
 * Absolute slack of GTA.BUDGET's count of consumers a budget buys (docs/functions.md, SPEC §17):
 * `floor(remaining ÷ cost + BUDGET_SLACK)`, so that a quotient landing just below a whole
 * number through floating-point noise still buys that person (0.3 ÷ 0.1 computes as
 * 2.9999999999999996 and buys 3 consumers, not 2). Absolute, as the contract states it; it
 * stops helping once the quotient is above about 10⁷, where one ulp exceeds it.
 */
export const BUDGET_SLACK = 1e-9;

/** Persons needed: `ceil(x − PERSON_SLACK × max(1, |x|))`, never −0. */
export function personsNeeded(x: number): number {
  return Math.max(0, Math.ceil(x - PERSON_SLACK * Math.max(1, Math.abs(x))));
}

/** True when two ordering keys are a tie: `|a − b| ≤ TIE_TOLERANCE × max(|a|, |b|)`. */
export function isTie(a: number, b: number): boolean {
  return a === b || Math.abs(a - b) <= TIE_TOLERANCE * Math.max(Math.abs(a), Math.abs(b));
}

/**
 * Sort row indexes by ascending key, ties ({@link isTie}) in table order. Keys are sorted
 * exactly first; then each run of keys tied with the run's first key is put back in index
 * order, so the result does not depend on the sort's handling of a non-transitive comparator.
 */
export function orderByKey(indexes: number[], key: ArrayLike<number>): number[] {
  indexes.sort((a, b) => key[a] - key[b] || a - b);
  for (let s = 0; s < indexes.length; ) {
    let e = s + 1;
    while (e < indexes.length && isTie(key[indexes[s]], key[indexes[e]])) e++;
    if (e - s > 1) {
      const run = indexes.slice(s, e).sort((a, b) => a - b);
      for (let k = 0; k < run.length; k++) indexes[s + k] = run[k];
    }
    s = e;
  }
  return indexes;
}
