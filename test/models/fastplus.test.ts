/* FASTPLUS (SPEC section 6) on the engine; expected values worked out by hand. */
import { describe, expect, it } from "vitest";
import { fastPlusExcel, FASTPLUS_INDICATORS } from "../../src/models/fastplus";
import { CellError, type ResultCell } from "../../src/excel/errors";
import { pickIndicator } from "../../src/excel/indicators";
import { failure } from "../harness/failure";

const kindOf = (c: ResultCell): string | undefined => (c instanceof CellError ? c.kind : undefined);

describe("FASTPLUS", () => {
  it("computes [CAPITAL, CONVERSION, CONNECTION, CLV] (hand example)", () => {
    // CAPITAL = 2,500; CONVERSION = 300 ÷ 2,000 = 0.15; CONNECTION = 1,000 ÷ 2,500 = 0.4; CLV = 750,000 ÷ 2,500 = 300.
    expect(fastPlusExcel(2000, 2500, 300, 1000, 750000)).toEqual([2500, 0.15, 0.4, 300]);
  });
  it("accepts number text and 1×1 ranges", () => {
    // CONVERSION = 5 ÷ 10 = 0.5; CONNECTION = 8 ÷ 16 = 0.5; CLV = 40 ÷ 16 = 2.5.
    expect(fastPlusExcel("10", [[16]], " 5 ", 8, "40")).toEqual([16, 0.5, 0.5, 2.5]);
  });
  it("refuses deepened above holders_start and engaged above holders_end", () => {
    expect(failure(() => fastPlusExcel(2000, 2500, 2001, 0, 0))).toEqual({
      kind: "#VALUE!",
      message: "deepened: 2001 exceeds holders_start (2000)",
    });
    expect(failure(() => fastPlusExcel(2000, 2500, 0, 2501, 0)).message).toBe("engaged: 2501 exceeds holders_end (2500)");
  });
  it("refuses negative values and text naming the argument", () => {
    expect(failure(() => fastPlusExcel(1, 1, 0, 0, -5)).message).toBe("holder_gmv: -5 is negative; a count must be ≥ 0");
    expect(failure(() => fastPlusExcel("lots", 1, 0, 0, 0)).message).toBe('holders_start: "lots" is not a number');
    expect(failure(() => fastPlusExcel(1, null, 0, 0, 0)).message).toBe("holders_end: a value is required here");
  });
  it("holds #DIV/0! where a denominator is 0, numbers elsewhere", () => {
    // holders_start 0 → CONVERSION #DIV/0!; CONNECTION = 1 ÷ 4, CLV = 10 ÷ 4.
    const a = fastPlusExcel(0, 4, 0, 1, 10);
    expect([a[0], kindOf(a[1]), a[2], a[3]]).toEqual([4, "#DIV/0!", 0.25, 2.5]);
    // holders_end 0 → CONNECTION and CLV #DIV/0!; CONVERSION = 3 ÷ 6 = 0.5.
    const b = fastPlusExcel(6, 0, 3, 0, 500);
    expect([b[0], b[1], kindOf(b[2]), kindOf(b[3])]).toEqual([0, 0.5, "#DIV/0!", "#DIV/0!"]);
  });
  it("picks an indicator by name only (all four begin with C)", () => {
    expect(pickIndicator(FASTPLUS_INDICATORS, "connection")).toBe(2);
    expect(pickIndicator(FASTPLUS_INDICATORS, "角色关系价值")).toBe(3);
    expect(failure(() => pickIndicator(FASTPLUS_INDICATORS, "C")).message).toBe(
      'indicator: unknown indicator "C"; use one of CAPITAL, CONVERSION, CONNECTION, CLV',
    );
  });
});
