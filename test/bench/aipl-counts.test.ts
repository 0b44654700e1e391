/*
 * aiplCounts skips four codes at a time when they are all 0 (blank or outside AIPL: the blank
 * tail of a whole-column reference), an optimisation from the benchmark (issue #8). Its counts
 * must not depend on where the non-zero codes fall relative to the 4-byte words, on a length
 * that is not a multiple of 4, nor on an unaligned view.
 */
import { describe, expect, it } from "vitest";
import { aiplCounts } from "../../src/models/aipl";

describe("aiplCounts over 4-code words", () => {
  it("counts codes in partly zero words and in the tail", () => {
    // Codes: [1,0,0,0] [0,0,0,0] [0,0,4,0] [2,3] (tail of 2) → A 1, I 1, P 1, L 1.
    expect(aiplCounts(Uint8Array.of(1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4, 0, 2, 3))).toEqual([1, 1, 1, 1]);
  });
  it("counts an all-blank whole column as nothing, and one code at its very end", () => {
    const codes = new Uint8Array(1_048_576);
    expect(aiplCounts(codes)).toEqual([0, 0, 0, 0]);
    codes[1_048_575] = 3; // last row: P
    expect(aiplCounts(codes)).toEqual([0, 0, 1, 0]);
  });
  it("counts an unaligned view the same way", () => {
    // The view starts at byte 1: codes 2, 2, 0, 0, 0, 4, 1 → A 1, I 2, P 0, L 1.
    const buf = Uint8Array.of(9, 2, 2, 0, 0, 0, 4, 1);
    expect(aiplCounts(buf.subarray(1))).toEqual([1, 2, 0, 1]);
  });
  it("counts short arrays (fewer than 4 codes)", () => {
    expect(aiplCounts(Uint8Array.of())).toEqual([0, 0, 0, 0]);
    expect(aiplCounts(Uint8Array.of(4, 4, 1))).toEqual([1, 0, 0, 2]);
  });
});
