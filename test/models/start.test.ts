/* START (SPEC section 7) on the engine; expected values worked out by hand. */
import { describe, expect, it } from "vitest";
import { startExcel, START_INDICATORS } from "../../src/models/start";
import { CellError } from "../../src/excel/errors";
import { pickIndicator } from "../../src/excel/indicators";
import { failure } from "../harness/failure";

describe("START", () => {
  it("computes [SEEDING, TRANSACTION, TRAFFIC, REACH, INTERACTION] (hand example)", () => {
    // reached 10,000: seeded 800 → 0.08, transacted 200 → 0.02, traffic 300 → 0.03, REACH 10,000, interacted 1,500 → 0.15.
    expect(startExcel(10000, 1500, 800, 300, 200)).toEqual([0.08, 0.02, 0.03, 10000, 0.15]);
  });
  it("allows a count equal to reached", () => {
    // every share = 50 ÷ 50 = 1.
    expect(startExcel(50, 50, 50, 50, 50)).toEqual([1, 1, 1, 50, 1]);
  });
  it("refuses each count above reached, naming it", () => {
    const args = (k: number, v: number): number[] => [100, 1, 1, 1, 1].map((x, i) => (i === k ? v : x));
    const names = ["interacted", "seeded", "traffic", "transacted"];
    names.forEach((name, j) => {
      const [r, i, s, t, x] = args(j + 1, 101);
      expect(failure(() => startExcel(r, i, s, t, x))).toEqual({ kind: "#VALUE!", message: `${name}: 101 exceeds reached (100)` });
    });
    expect(failure(() => startExcel(100, 1, 101, 1, 1), "zh").message).toBe("seeded：101 超过了 reached（100）");
  });
  it("refuses negative or non-numeric counts", () => {
    expect(failure(() => startExcel(-1, 0, 0, 0, 0)).message).toBe("reached: -1 is negative; a count must be ≥ 0");
    expect(failure(() => startExcel(10, 0, "n/a", 0, 0)).message).toBe('seeded: "n/a" is not a number');
  });
  it("holds #DIV/0! in the four shares when reached is 0, and REACH = 0", () => {
    const out = startExcel(0, 0, 0, 0, 0);
    expect(out[3]).toBe(0);
    for (const k of [0, 1, 2, 4]) expect((out[k] as CellError).kind).toBe("#DIV/0!");
  });
  it("picks S, A (trAffic), R by letter; T is ambiguous and asks for a name", () => {
    expect(pickIndicator(START_INDICATORS, "s")).toBe(0);
    expect(pickIndicator(START_INDICATORS, "A")).toBe(2);
    expect(pickIndicator(START_INDICATORS, "R")).toBe(3);
    expect(pickIndicator(START_INDICATORS, "transaction")).toBe(1);
    expect(pickIndicator(START_INDICATORS, "深度互动")).toBe(4);
    expect(failure(() => pickIndicator(START_INDICATORS, "T"))).toEqual({
      kind: "#VALUE!",
      message: 'indicator: indicator letter "T" is ambiguous here; use a name: TRANSACTION, INTERACTION',
    });
  });
});
