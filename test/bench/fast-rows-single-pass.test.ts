/*
 * FAST.ROWS codes and counts its four columns in one pass (an optimisation from the benchmark,
 * issue #8). These tests pin what the single pass must keep from column-by-column coding:
 * which invalid cell is reported when there are several, that is_active is validated on every
 * row, and mixed orientations (a row vector beside columns).
 */
import { describe, expect, it } from "vitest";
import { fastRowsExcel } from "../../src/models/fast";
import { failure } from "../harness/failure";

describe("FAST.ROWS single pass", () => {
  it("reports the first invalid cell in argument order, as column-by-column coding does", () => {
    // stage_end row 2 ("Q") comes first in row order, but stage_start is validated first:
    // the error names stage_start row 5 ("X").
    const start = [["A"], ["I"], ["P"], ["L"], ["X"]];
    const end = [["A"], ["Q"], ["P"], ["L"], ["L"]];
    const flags = [[true], [false], [true], [false], [true]];
    const f = failure(() => fastRowsExcel(start, end, flags, flags));
    expect(f.kind).toBe("#VALUE!");
    expect(f.message).toMatch(/^stage_start row 5: unknown stage "X"/);
    // The same with stage_start valid: now stage_end row 2.
    const start2 = [["A"], ["I"], ["P"], ["L"], ["A"]];
    expect(failure(() => fastRowsExcel(start2, end, flags, flags)).message).toMatch(/^stage_end row 2: unknown stage "Q"/);
  });

  it("validates is_active on every row, members or not", () => {
    // Row 2 is not a member, its is_active cell "maybe" is still #VALUE!.
    const f = failure(() => fastRowsExcel([["A"], ["I"]], [["I"], ["P"]], [[true], [false]], [[true], ["maybe"]]));
    expect(f.kind).toBe("#VALUE!");
    expect(f.message).toMatch(/^is_active row 2: "maybe" is not a yes\/no value/);
  });

  it("reports a flag error in a row vector by column", () => {
    const f = failure(() => fastRowsExcel([["A", "I", "P"]], [["A", "I", "P"]], [[1, "so-so", 0]], [[1, 1, 1]]));
    expect(f.message).toMatch(/^is_member column 2: "so-so"/);
  });

  it("counts a row vector beside columns", () => {
    // Rows (start → end, member, active):
    //   1: A → I, 1, "Y"     advanced (I > A); member, active
    //   2: I → I, 0, "Y"     not advanced; not a member (active ignored)
    //   3: P → L, "Y", false advanced (L > P); member, not active
    //   4: - → A, 0, true    start outside AIPL: not advanced; not a member
    // F = ends in AIPL = 4; A = 2 advanced ÷ 3 starters in AIPL; S = 2 members; T = 1 ÷ 2.
    const out = fastRowsExcel([["A", "I", "P", "-"]], [["I"], ["I"], ["L"], ["A"]], [[1, 0, "Y", 0]], [["Y"], ["Y"], [false], [true]]);
    expect(out[0]).toBe(4);
    expect(out[1]).toBeCloseTo(2 / 3, 12);
    expect(out[2]).toBe(2);
    expect(out[3]).toBeCloseTo(0.5, 12);
  });
});
