/*
 * The shared edge: indicator picking, headers, error mapping, never NaN/Infinity; matrix results
 * are 2-D in every case and a whole-call error is thrown as a CustomFunctions.Error, nothing else.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { CellError, invalid, type ResultCell } from "../../src/excel/errors";
import type { Indicator } from "../../src/excel/indicators";

class FakeError {
  constructor(readonly code: string, readonly message?: string) {}
}
let shape: typeof import("../../functions/shape");

beforeAll(async () => {
  (globalThis as Record<string, unknown>).CustomFunctions = {
    Error: FakeError,
    ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A", divisionByZero: "#DIV/0!", invalidNumber: "#NUM!" },
  };
  shape = await import("../../functions/shape");
});

const DEFS: Indicator[] = [
  { letter: "F", name: "Fertility", zh: "人群总量" },
  { letter: "A", name: "Advancing", zh: "加深率" },
];
const row = (): ResultCell[] => [10, new CellError("#DIV/0!", "divZero", { what: "A" })];

describe("modelRow", () => {
  it("returns the whole row as a 1×k spill, errors in their own cells", () => {
    const out = shape.modelRow(DEFS, null, null, row) as unknown[][];
    expect(out[0][0]).toBe(10);
    expect(out[0][1]).toEqual(new FakeError("#DIV/0!", "A: the denominator is 0"));
  });
  it("returns one indicator as [[value]] by letter, name or Chinese name, case-insensitive", () => {
    expect(shape.modelRow(DEFS, "f", null, row)).toEqual([[10]]);
    expect(shape.modelRow(DEFS, "FERTILITY", null, row)).toEqual([[10]]);
    expect(shape.modelRow(DEFS, "人群总量", null, row)).toEqual([[10]]);
  });
  it("reads indicator 0 (an empty cell from an older desktop build) and a data type like text", () => {
    expect(shape.modelRow(DEFS, 0, null, () => [1, 2])).toEqual([[1, 2]]);
    expect(shape.modelRow(DEFS, { type: "String", basicValue: "A" }, null, () => [1, 2])).toEqual([[2]]);
  });
  it("adds the English short names with with_headers", () => {
    expect(shape.modelRow(DEFS, null, true, () => [1, 2])).toEqual([["Fertility", "Advancing"], [1, 2]]);
    expect(shape.modelRow(DEFS, "A", "yes", () => [1, 2])).toEqual([["Advancing"], [2]]);
  });
  it("refuses an unknown indicator by throwing #VALUE! listing the choices", () => {
    expect(() => shape.modelRow(DEFS, "Z", null, row)).toThrow(
      expect.objectContaining({ code: "#VALUE!", message: 'indicator: unknown indicator "Z"; use one of F (Fertility), A (Advancing)' }),
    );
  });
  it("fails the whole call on invalid input by throwing the error with the message of the catalog", () => {
    let thrown: unknown;
    try {
      shape.modelRow(DEFS, null, null, () => invalid("negative", { arg: "members" }, { value: -1 }));
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toEqual(new FakeError("#VALUE!", "members: -1 is negative; a count must be ≥ 0"));
    expect(thrown).toBeInstanceOf(FakeError);
  });
});

describe("spill, shaped and scalar", () => {
  it("shaped gives [[value]] for a single value and the matrix otherwise", () => {
    expect(shape.shaped(() => 5)).toEqual([[5]]);
    expect(shape.shaped(() => [[1, 2]])).toEqual([[1, 2]]);
  });
  it("a matrix function throws its whole-call error; a scalar function returns it", () => {
    expect(() => shape.spill(() => invalid("required", { arg: "crowds" }))).toThrow(FakeError as never);
    expect(shape.scalar(() => invalid("required", { arg: "margin" }))).toEqual(new FakeError("#VALUE!", "margin: a value is required here"));
  });
  it("turns NaN and Infinity into #NUM! cells", () => {
    const out = shape.spill(() => [[1, NaN, Infinity]]) as unknown[][];
    expect(out[0][0]).toBe(1);
    expect((out[0][1] as FakeError).code).toBe("#NUM!");
    expect((out[0][2] as FakeError).code).toBe("#NUM!");
  });
  it("never lets an unexpected exception escape", () => {
    const out = shape.scalar(() => {
      throw new TypeError("boom");
    });
    expect(out).toEqual(new FakeError("#VALUE!", "internal error: boom"));
  });
  it("renders messages in Chinese when Office's display language is Chinese", () => {
    (globalThis as Record<string, unknown>).Office = { context: { displayLanguage: "zh-CN" } };
    try {
      const out = shape.scalar(() => invalid("unknownStage", { arg: "stage_end", row: 17 }, { value: "X" }));
      expect(out).toEqual(new FakeError("#VALUE!", "stage_end 第 17 行：未知阶段“X”（请用 A、I、P、L，或用 - 表示不在 AIPL 内）"));
    } finally {
      delete (globalThis as Record<string, unknown>).Office;
    }
  });
});
