/* AIPL, AIPL.FLOW, AIPL.DEEPEN (SPEC section 1) on the engine; expected values counted by hand. */
import { describe, expect, it } from "vitest";
import { aiplDeepenExcel, aiplExcel, aiplFlowExcel } from "../../src/models/aipl";
import { CellError } from "../../src/excel/errors";
import { failure } from "../harness/failure";

/*
 * Ten consumers, two snapshots (hand table):
 *  #   start  end   move
 *  1   A      I     A→I   (deepened)
 *  2   A      A     A→A
 *  3   A      -     A→none
 *  4   I      P     I→P   (deepened)
 *  5   I      I     I→I
 *  6   P      L     P→L   (deepened)
 *  7   P      P     P→P
 *  8   L      L     L→L
 *  9   -      A     none→A
 * 10   blank  P     none→P
 * 11   -      none  none→none
 * Start counts A 3, I 2, P 2, L 1; end counts A 2 (#2, #9), I 2 (#1, #5), P 3 (#4, #7, #10), L 2 (#6, #8).
 */
const START = [["A"], ["A"], ["A"], ["I"], ["I"], ["P"], ["P"], ["L"], ["-"], [""], ["-"]];
const END = [["I"], ["A"], ["-"], ["P"], ["I"], ["L"], ["P"], ["L"], ["A"], ["P"], ["none"]];
//                 A  I  P  L  none   (columns = end state)
const FLOW = [
  [1, 1, 0, 0, 1], // A: #2, #1, #3        → 3 = start count of A
  [0, 1, 1, 0, 0], // I: #5, #4            → 2
  [0, 0, 1, 1, 0], // P: #7, #6            → 2
  [0, 0, 0, 1, 0], // L: #8                → 1
  [1, 0, 1, 0, 1], // none: #9, #10, #11   → 3
];

/** A blank tail like the rest of a whole-column reference: "" and null alternate. */
const tail = (n: number): unknown[][] => Array.from({ length: n }, (_, i) => [i % 2 ? null : ""]);

describe("AIPL counts", () => {
  it("counts each stage, not outside-AIPL or blank cells", () => {
    expect(aiplExcel(START, null)).toEqual([[3, 2, 2, 1]]);
    expect(aiplExcel(END, null)).toEqual([[2, 2, 3, 2]]);
  });
  it("reads English letters and words, Chinese words, any case, trimmed", () => {
    // A: Awareness, 认知, " a " = 3; I: interest, 兴趣 = 2; P: PURCHASE, 购买, p = 3; L: Loyalty, 忠诚 = 2; 无, none, - = outside.
    const stages = [["Awareness"], ["interest"], ["PURCHASE"], ["Loyalty"], ["认知"], ["兴趣"], ["购买"], ["忠诚"], ["无"], ["none"], [" a "], ["p"], ["-"]];
    expect(aiplExcel(stages, null)).toEqual([[3, 2, 3, 2]]);
  });
  it("reads a row vector too, and adds the header row A, I, P, L", () => {
    expect(aiplExcel([["A", "I", "I", "L"]], true)).toEqual([["A", "I", "P", "L"], [1, 2, 0, 1]]);
  });
  it("ignores a blank tail of a whole-column reference", () => {
    expect(aiplExcel([...START, ...tail(5000)], null)).toEqual([[3, 2, 2, 1]]);
  });
  it("refuses an unknown label naming the argument, the row and the label", () => {
    const col: unknown[][] = Array.from({ length: 20 }, () => ["A"]);
    col[16] = ["X"];
    const f = failure(() => aiplExcel(col, null));
    expect(f.kind).toBe("#VALUE!");
    expect(f.message.startsWith('stages row 17: unknown stage "X"')).toBe(true);
  });
  it("refuses a block that is not a single row or column", () => {
    expect(failure(() => aiplExcel([["A", "I"], ["P", "L"]], null)).message).toBe(
      "stages: expected a single row or a single column, got 2×2",
    );
  });
});

describe("AIPL.FLOW", () => {
  it("gives the 5×5 transition counts (hand table above)", () => {
    expect(aiplFlowExcel(START, END, null)).toEqual(FLOW);
  });
  it("row sums equal the start counts of A, I, P, L (and of none)", () => {
    const m = aiplFlowExcel(START, END, null) as number[][];
    const sums = m.map((row) => row.reduce((a, b) => a + b, 0));
    expect(sums.slice(0, 4)).toEqual((aiplExcel(START, null)[0] as number[]));
    expect(sums[4]).toBe(3); // #9, #10, #11 start outside AIPL
  });
  it("skips rows blank in both snapshots, so a whole-column reference leaves none→none alone", () => {
    // Without the skip the 10,000 blank rows would land in none→none (1 + 10,000).
    expect(aiplFlowExcel([...START, ...tail(10_000)], [...END, ...tail(10_000)], null)).toEqual(FLOW);
  });
  it("counts a row blank on one side only as none on that side", () => {
    // start blank, end L → none→L; start P, end blank → P→none.
    const m = aiplFlowExcel([[""], ["P"]], [["L"], [null]], null) as number[][];
    expect(m[4][3]).toBe(1);
    expect(m[2][4]).toBe(1);
    expect(m.flat().reduce((a, b) => a + b, 0)).toBe(2);
  });
  it("adds labels as a first row and a first column with with_headers (6×6)", () => {
    const out = aiplFlowExcel(START, END, "TRUE");
    expect(out).toEqual([
      ["", "A", "I", "P", "L", "none"],
      ["A", 1, 1, 0, 0, 1],
      ["I", 0, 1, 1, 0, 0],
      ["P", 0, 0, 1, 1, 0],
      ["L", 0, 0, 0, 1, 0],
      ["none", 1, 0, 1, 0, 1],
    ]);
  });
  it("refuses columns of different lengths, naming both", () => {
    const f = failure(() => aiplFlowExcel(START, END.slice(0, 9), null));
    expect(f).toEqual({
      kind: "#VALUE!",
      message: "stage_end has 9 rows but stage_start has 11; all columns must have the same length",
    });
  });
  it("names stage_end and the row of an unknown label", () => {
    const end = END.map((r) => [...r]);
    end[6] = ["Q"];
    expect(failure(() => aiplFlowExcel(START, end, null)).message).toMatch(/^stage_end row 7: unknown stage "Q"/);
  });
});

describe("AIPL.DEEPEN", () => {
  it("gives deepened ÷ starters for A, I, P", () => {
    // A: #1 rose of #1–#3 → 1/3; I: #4 of #4–#5 → 1/2; P: #6 of #6–#7 → 1/2. #3 (A→none) did not rise.
    const [[a, i, p]] = aiplDeepenExcel(START, END, null) as number[][];
    expect(a).toBeCloseTo(1 / 3, 15);
    expect(i).toBe(0.5);
    expect(p).toBe(0.5);
  });
  it("holds #DIV/0! in the cell of a stage with no starters, numbers in the others", () => {
    // start A, I; end I, A → A: 1/1 = 1, I: 0/1 = 0, P: no starters.
    const out = aiplDeepenExcel([["A"], ["I"]], [["I"], ["A"]], true);
    expect(out[0]).toEqual(["A", "I", "P"]);
    expect(out[1].slice(0, 2)).toEqual([1, 0]);
    const p = out[1][2] as CellError;
    expect(p).toBeInstanceOf(CellError);
    expect(p.kind).toBe("#DIV/0!");
  });
  it("refuses mismatched lengths", () => {
    expect(failure(() => aiplDeepenExcel([["A"]], [["A"], ["I"]], null)).message).toBe(
      "stage_end has 2 rows but stage_start has 1; all columns must have the same length",
    );
  });
});
