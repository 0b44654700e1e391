/* AIPL, AIPL.FLOW, AIPL.DEEPEN through the BUILT bundle, called the way Excel calls them. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isError, loadBundle, type Bundle, type XlError } from "../harness/bundle";

let b: Bundle;
beforeAll(async () => {
  b = await loadBundle();
});
afterAll(async () => b?.close());

/*
 * Hand table (same as the engine test): start A,A,A,I,I,P,P,L,-,blank,- ; end I,A,-,P,I,L,P,L,A,P,none.
 * Start counts A 3, I 2, P 2, L 1; end counts A 2, I 2, P 3, L 2.
 */
const START = [["A"], ["A"], ["A"], ["I"], ["I"], ["P"], ["P"], ["L"], ["-"], [""], ["-"]];
const END = [["I"], ["A"], ["-"], ["P"], ["I"], ["L"], ["P"], ["L"], ["A"], ["P"], ["none"]];
const tail = (n: number): unknown[][] => Array.from({ length: n }, (_, i) => [i % 2 ? null : ""]);

describe("DTC.AIPL", () => {
  it("counts stages with English, Chinese and full-word labels", async () => {
    expect(await b.call("AIPL", START)).toEqual([[3, 2, 2, 1]]);
    // 认知, Awareness → A 2; 兴趣 → I 1; Purchase, p → P 2; 忠诚, LOYALTY, l → L 3.
    const mixed = [["认知"], ["Awareness"], ["兴趣"], ["Purchase"], ["p"], ["忠诚"], ["LOYALTY"], [" l "], ["无"]];
    expect(await b.call("AIPL", mixed)).toEqual([[2, 1, 2, 3]]);
  });
  it("adds the header row with with_headers", async () => {
    expect(await b.call("AIPL", END, true)).toEqual([["A", "I", "P", "L"], [2, 2, 3, 2]]);
  });
  it("gives #VALUE! naming the argument, row and label", async () => {
    const col: unknown[][] = Array.from({ length: 20 }, () => ["P"]);
    col[16] = ["X"];
    const out = (await b.call("AIPL", col)) as XlError;
    expect(out.error).toBe("#VALUE!");
    expect(out.message).toMatch(/^stages row 17: unknown stage "X"/);
  });
});

describe("DTC.AIPL.FLOW", () => {
  const FLOW = [
    [1, 1, 0, 0, 1],
    [0, 1, 1, 0, 0],
    [0, 0, 1, 1, 0],
    [0, 0, 0, 1, 0],
    [1, 0, 1, 0, 1],
  ];
  it("gives the 5×5 counts whose row sums are the start counts", async () => {
    const m = (await b.call("AIPL.FLOW", START, END)) as number[][];
    expect(m).toEqual(FLOW);
    expect(m.slice(0, 4).map((r) => r.reduce((x, y) => x + y, 0))).toEqual([3, 2, 2, 1]);
  });
  it("skips the blank tail of whole-column references", async () => {
    expect(await b.call("AIPL.FLOW", [...START, ...tail(3000)], [...END, ...tail(3000)])).toEqual(FLOW);
  });
  it("adds labels as first row and column (6×6)", async () => {
    const m = (await b.call("AIPL.FLOW", START, END, true)) as unknown[][];
    expect(m.length).toBe(6);
    expect(m[0]).toEqual(["", "A", "I", "P", "L", "none"]);
    expect(m.map((r) => r[0])).toEqual(["", "A", "I", "P", "L", "none"]);
    expect(m[5]).toEqual(["none", 1, 0, 1, 0, 1]);
  });
  it("gives #VALUE! for mismatched lengths and for an unknown end stage", async () => {
    expect(await b.call("AIPL.FLOW", START, END.slice(1))).toEqual({
      error: "#VALUE!",
      message: "stage_end has 10 rows but stage_start has 11; all columns must have the same length",
    });
    const end: unknown[][] = Array.from({ length: 20 }, () => ["A"]);
    end[16] = ["X"];
    const start: unknown[][] = Array.from({ length: 20 }, () => ["A"]);
    const out = (await b.call("AIPL.FLOW", start, end)) as XlError;
    expect(out.error).toBe("#VALUE!");
    expect(out.message).toMatch(/^stage_end row 17: unknown stage "X"/);
  });
});

describe("DTC.AIPL.DEEPEN", () => {
  it("gives A 1/3, I 1/2, P 1/2 (hand table)", async () => {
    const [[a, i, p]] = (await b.call("AIPL.DEEPEN", START, END)) as number[][];
    expect(a).toBeCloseTo(1 / 3, 12);
    expect(i).toBeCloseTo(0.5, 12);
    expect(p).toBeCloseTo(0.5, 12);
  });
  it("holds #DIV/0! in a stage without starters, numbers in the others", async () => {
    // start A, I; end I, A → A 1, I 0, P no starters.
    const out = (await b.call("AIPL.DEEPEN", [["A"], ["I"]], [["I"], ["A"]], true)) as unknown[][];
    expect(out[0]).toEqual(["A", "I", "P"]);
    expect(out[1].slice(0, 2)).toEqual([1, 0]);
    expect(isError(out[1][2]) && out[1][2].error).toBe("#DIV/0!");
  });
});
