/* FAST and FAST.ROWS (SPEC section 2) on the engine: hand-computed values, errors, property, speed. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fastExcel, fastRowsExcel, FAST_INDICATORS } from "../../src/models/fast";
import { aiplExcel } from "../../src/models/aipl";
import { CellError, type ResultCell } from "../../src/excel/errors";
import { pickIndicator } from "../../src/excel/indicators";
import { failure } from "../harness/failure";

const kindOf = (c: ResultCell): string | number | undefined => (c instanceof CellError ? c.kind : undefined);

describe("FAST from counts", () => {
  it("computes [F, A, S, T] (hand example)", () => {
    // F = 450 + 350 + 160 + 90 = 1050; A = 120 ÷ (500 + 300 + 150 + 50) = 0.12; S = 80; T = 20 ÷ 80 = 0.25.
    expect(fastExcel([[500, 300, 150, 50]], [[450, 350, 160, 90]], 120, 80, 20)).toEqual([1050, 0.12, 80, 0.25]);
  });
  it("takes 4×1 columns, number text and non-integer estimates", () => {
    // F = 10.5 + 0 + 0 + 0 = 10.5; A = 3 ÷ 12 = 0.25; S = 80.5; T = 20.125 ÷ 80.5 = 0.25.
    const out = fastExcel([[6], [4], ["2"], [0]], [["10.5"], [0], [0], [0]], "3", 80.5, 20.125);
    expect(out).toEqual([10.5, 0.25, 80.5, 0.25]);
  });
  it("allows advanced up to the start count of A + I + P", () => {
    // A + I + P = 500 + 300 + 150 = 950; A = 950 ÷ 1000 = 0.95.
    expect(fastExcel([[500, 300, 150, 50]], [[0, 0, 0, 0]], 950, 0, 0)[1]).toBe(0.95);
  });
  it("refuses advanced above the start count of A + I + P (L cannot rise)", () => {
    expect(failure(() => fastExcel([[500, 300, 150, 50]], [[0, 0, 0, 0]], 951, 0, 0))).toEqual({
      kind: "#VALUE!",
      message: "advanced: 951 exceeds the start count of A + I + P in aipl_start (950); L cannot rise",
    });
  });
  it("refuses more active members than members", () => {
    expect(failure(() => fastExcel([[1, 1, 1, 1]], [[1, 1, 1, 1]], 0, 80, 81))).toEqual({
      kind: "#VALUE!",
      message: "active_members: 81 exceeds members (80)",
    });
    expect(failure(() => fastExcel([[1, 1, 1, 1]], [[1, 1, 1, 1]], 0, 80, 81), "zh").message).toBe(
      "active_members：81 超过了 members（80）",
    );
  });
  it("refuses negative counts, text and wrong sizes naming the argument and cell", () => {
    expect(failure(() => fastExcel([[1, 1, 1, 1]], [[450, -1, 160, 90]], 0, 0, 0)).message).toBe(
      "aipl_end column 2: -1 is negative; a count must be ≥ 0",
    );
    expect(failure(() => fastExcel([[1], [1], ["many"], [1]], [[1, 1, 1, 1]], 0, 0, 0)).message).toBe(
      'aipl_start row 3: "many" is not a number',
    );
    expect(failure(() => fastExcel([[1, 1, 1]], [[1, 1, 1, 1]], 0, 0, 0)).message).toBe(
      "aipl_start: expected 4 values, got 3",
    );
    expect(failure(() => fastExcel([[1, 1, 1, 1]], [[1, 1, 1, 1]], 0, -5, 0)).message).toBe(
      "members: -5 is negative; a count must be ≥ 0",
    );
    expect(failure(() => fastExcel([[1, 1, 1, 1]], [[1, 1, 1, 1]], 0, 5, "")).message).toBe(
      "active_members: a value is required here",
    );
  });
  it("holds #DIV/0! in A when the start total is 0 and in T when there are no members", () => {
    const out = fastExcel([[0, 0, 0, 0]], [[1, 2, 3, 4]], 0, 0, 0);
    expect(out[0]).toBe(10);
    expect(kindOf(out[1])).toBe("#DIV/0!");
    expect(out[2]).toBe(0);
    expect(kindOf(out[3])).toBe("#DIV/0!");
  });
  it("picks indicators by letter, English or Chinese name", () => {
    expect(pickIndicator(FAST_INDICATORS, "t")).toBe(3);
    expect(pickIndicator(FAST_INDICATORS, "Advancing")).toBe(1);
    expect(pickIndicator(FAST_INDICATORS, "超级用户数")).toBe(2);
    expect(pickIndicator(FAST_INDICATORS, "人群总量")).toBe(0);
  });
});

/*
 * One row per consumer (hand table):
 *  #  start end  member active   counted as
 *  1  A     I    Y      Y        start, end, advanced, member, active member
 *  2  A     A    N      Y        start, end (active ignored: not a member)
 *  3  I     L    TRUE   FALSE    start, end, advanced, member
 *  4  P     P    1      1        start, end, member, active member
 *  5  L     L    是     否       start, end, member
 *  6  -     A    0      1        end only (entering AIPL is not advancing)
 *  7  L     P    blank  blank    start, end
 *  8  A     -    yes    yes      start, member, active member
 *  9  blank blank blank blank    nothing
 * F = 7 (#1–#7); start in AIPL = 7 (#1–#5, #7, #8); advanced = 2 (#1, #3) → A = 2/7;
 * S = 5 (#1, #3, #4, #5, #8); active members = 3 (#1, #4, #8) → T = 3/5.
 */
const ROWS = {
  start: [["A"], ["A"], ["I"], ["P"], ["L"], ["-"], ["L"], ["A"], [""]],
  end: [["I"], ["A"], ["L"], ["P"], ["L"], ["A"], ["P"], ["-"], [null]],
  member: [["Y"], ["N"], [true], [1], ["是"], [0], [""], ["yes"], [""]],
  active: [["Y"], ["Y"], [false], [1], ["否"], [1], [null], ["yes"], [null]],
};

describe("FAST.ROWS", () => {
  it("counts [F, A, S, T] from the rows (hand table above)", () => {
    const [f, a, s, t] = fastRowsExcel(ROWS.start, ROWS.end, ROWS.member, ROWS.active) as number[];
    expect(f).toBe(7);
    expect(a).toBeCloseTo(2 / 7, 15);
    expect(s).toBe(5);
    expect(t).toBeCloseTo(0.6, 15);
  });
  it("reads row vectors as well as columns", () => {
    const row = (c: unknown[][]): unknown[][] => [c.map((x) => x[0])];
    const out = fastRowsExcel(row(ROWS.start), row(ROWS.end), row(ROWS.member), row(ROWS.active)) as number[];
    expect(out[0]).toBe(7);
    expect(out[2]).toBe(5);
  });
  it("refuses columns of different lengths", () => {
    expect(failure(() => fastRowsExcel(ROWS.start, ROWS.end, ROWS.member, ROWS.active.slice(1))).message).toBe(
      "is_active has 8 rows but stage_start has 9; all columns must have the same length",
    );
  });
  it("refuses a bad flag or stage naming its argument and row", () => {
    const member = ROWS.member.map((r) => [...r]);
    member[2] = ["perhaps"];
    expect(failure(() => fastRowsExcel(ROWS.start, ROWS.end, member, ROWS.active)).message).toBe(
      'is_member row 3: "perhaps" is not a yes/no value (use TRUE/FALSE, 1/0, Y/N, YES/NO or 是/否)',
    );
    const end = ROWS.end.map((r) => [...r]);
    end[4] = ["Lyl"];
    const f = failure(() => fastRowsExcel(ROWS.start, end, ROWS.member, ROWS.active));
    expect(f.kind).toBe("#VALUE!");
    expect(f.message).toMatch(/^stage_end row 5: unknown stage "Lyl"/);
  });
  it("holds #DIV/0! in A and T when nobody starts in AIPL and nobody is a member", () => {
    const out = fastRowsExcel([["-"], [""]], [["A"], ["I"]], [[0], ["N"]], [[1], ["Y"]]);
    expect(out[0]).toBe(2);
    expect(kindOf(out[1])).toBe("#DIV/0!");
    expect(out[2]).toBe(0);
    expect(kindOf(out[3])).toBe("#DIV/0!");
  });
});

// ---------------------------------------------------------------------------------------------
// Property: FAST.ROWS = FAST(AIPL(stage_start), AIPL(stage_end), advanced, members, active_members)
// with the last three counted here by a deliberately naive reference.

const STAGE_LABELS = ["A", "i", "P", "l", "Awareness", "忠诚", "购买", "-", "none", "无", "", null, undefined, " "];
const RANK: Record<string, number> = { a: 1, awareness: 1, i: 2, p: 3, 购买: 3, l: 4, 忠诚: 4 };
const rank = (v: unknown): number => (typeof v === "string" ? (RANK[v.trim().toLowerCase()] ?? 0) : 0);
const FLAG_VALUES = [true, false, 1, 0, "Y", "n", "是", "否", "", null];
const yes = (v: unknown): boolean => v === true || v === 1 || v === "Y" || v === "是";

describe("FAST.ROWS property", () => {
  it("equals FAST fed with AIPL(stage_start), AIPL(stage_end) and the matching counts", () => {
    const row = fc.tuple(
      fc.constantFrom(...STAGE_LABELS),
      fc.constantFrom(...STAGE_LABELS),
      fc.constantFrom(...FLAG_VALUES),
      fc.constantFrom(...FLAG_VALUES),
    );
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 60 }), (rows) => {
        const col = (k: number): unknown[][] => rows.map((r) => [r[k]]);
        let advanced = 0;
        let members = 0;
        let active = 0;
        for (const [s, e, m, a] of rows) {
          if (rank(s) > 0 && rank(e) > rank(s)) advanced++;
          if (yes(m)) {
            members++;
            if (yes(a)) active++;
          }
        }
        const viaCounts = fastExcel(aiplExcel(col(0), null), aiplExcel(col(1), null), advanced, members, active);
        expect(fastRowsExcel(col(0), col(1), col(2), col(3))).toEqual(viaCounts);
      }),
      { numRuns: 300 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Speed and memory on a whole-column reference (1,048,576 rows, the data in the first 200,000).

const N = 1_048_576;
const FILLED = 200_000;
function column(gen: (i: number) => unknown): unknown[][] {
  const c = new Array<unknown[]>(N);
  for (let i = 0; i < N; i++) c[i] = [i < FILLED ? gen(i) : i % 2 ? "" : null];
  return c;
}
describe("FAST.ROWS on 1,048,576 rows", () => {
  const L = ["A", "I", "P", "L", "-"];
  const cols = [
    column((i) => L[i % 5]),
    column((i) => L[(i * 7 + 3) % 5]),
    column((i) => i % 3 === 0),
    column((i) => i % 2 === 0),
  ] as const;

  it("gives the counts of the filled rows", () => {
    // start cycles A,I,P,L,- (i mod 5), end is L[(7i + 3) mod 5] = L[(2i + 3) mod 5]:
    // i≡0: A→L, i≡1: I→A, i≡2: P→P, i≡3: L→-, i≡4: -→I. Each residue holds 40,000 of the 200,000 rows.
    // F = 4 × 40,000 = 160,000; start in AIPL = 160,000, advanced = A→L only = 40,000 → A = 0.25.
    // members i ≡ 0 (mod 3): ⌈200,000 / 3⌉ = 66,667; active members i ≡ 0 (mod 6): ⌈200,000 / 6⌉ = 33,334.
    expect(fastRowsExcel(...cols)).toEqual([160_000, 0.25, 66_667, 33_334 / 66_667]);
  });

  // Speed against a bare loop and peak memory are measured by `npm run bench` (bench/RESULTS.md),
  // not asserted in unit tests.

});
