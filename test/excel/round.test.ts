/* The two tolerances of the contract (docs/functions.md, "Rounding"): person rounding and ties. */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { isTie, orderByKey, personsNeeded, PERSON_SLACK, TIE_TOLERANCE } from "../../src/excel/round";

describe("personsNeeded", () => {
  it("rounds up, but not for floating-point noise at any magnitude", () => {
    expect(personsNeeded(5447262249.14 / 23.09)).toBe(235914346); // 235,914,346.00000003
    expect(personsNeeded(2444000.0000000005)).toBe(2444000);
    expect(personsNeeded(0.1 + 0.2)).toBe(1);
    expect(personsNeeded(2.5)).toBe(3);
    expect(personsNeeded(1e-12)).toBe(0);
    expect(Object.is(personsNeeded(-0.5), 0)).toBe(true);
  });
  it("is ceil(x − 1e-9 × max(1, |x|)) (checked against the exact rule in integers)", () => {
    fc.assert(
      // Up to 1e8 persons (the slack stays under 0.1 of a person; from about 1e9 on the relative
      // slack reaches a whole person, as the contract accepts). x = whole + thousandths/1000;
      // fractions within 1e-6 of the slack are left out (float rounding decides there).
      fc.property(fc.integer({ min: 0, max: 1e8 }), fc.integer({ min: 0, max: 999 }), (whole, thousandths) => {
        const x = whole + thousandths / 1000;
        const slackPersons = PERSON_SLACK * Math.max(1, x);
        fc.pre(Math.abs(thousandths / 1000 - slackPersons) > 1e-6 || thousandths === 0);
        const expected = thousandths === 0 || thousandths / 1000 <= slackPersons ? whole : whole + 1;
        expect(personsNeeded(x)).toBe(expected);
      }),
      { seed: 20261202, numRuns: 500 },
    );
  });
});

describe("ties", () => {
  it("keys within a relative 1e-12 are ties", () => {
    expect(isTie(0.3, 0.1 * 3)).toBe(true);
    expect(isTie(1 / 0.3, 1 / (0.1 * 3))).toBe(true);
    expect(isTie(1, 1 + 2 * TIE_TOLERANCE)).toBe(false);
    expect(isTie(0, 0)).toBe(true);
  });
  it("orderByKey sorts ascending with ties in table order", () => {
    const key = [1 / (0.1 * 3), 5, 1 / 0.3, 0.5];
    // 1 / 0.30000000000000004 sorts before 1 / 0.3 in floats; as a tie, row 0 comes first.
    expect(orderByKey([0, 1, 2, 3], key)).toEqual([3, 0, 2, 1]);
  });
  it("matches a stable sort on keys rounded to 9 significant digits", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 20 }), { minLength: 1, maxLength: 40 }), fc.array(fc.boolean(), { maxLength: 40 }), (base, noisy) => {
        // Keys that are equal up to a relative 1e-15 noise, or differ by at least 1/20.
        const key = base.map((k, i) => (k / 7) * (noisy[i] ? 1 + 1e-15 : 1));
        const expected = base.map((_, i) => i).sort((a, b) => base[a] - base[b] || a - b);
        expect(orderByKey(base.map((_, i) => i), key)).toEqual(expected);
      }),
      { seed: 20261202, numRuns: 300 },
    );
  });
});
