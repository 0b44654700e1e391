/* The coercion layer of SPEC section 0, checked value by value against the spec's rules. */
import { describe, expect, it } from "vitest";
import {
  cellNumber, flagCode, flagColumn, isBlank, MAX_ROWS, num, numberColumn, numbers, optFlag,
  parseNumber, sameLength, stageCode, stageColumn, vec, idText,
} from "../../src/excel/coerce";
import { bind } from "../../src/excel/params";
import { InputError } from "../../src/excel/errors";
import { formatMessage } from "../../src/excel/messages";

/** Run `f`, expect an InputError, return its kind and English message. */
function failure(f: () => unknown): { kind: string; message: string } {
  try {
    f();
  } catch (e) {
    if (e instanceof InputError) return { kind: e.cell.kind, message: formatMessage(e.cell, "en") };
    throw e;
  }
  throw new Error("expected an InputError");
}

describe("blank", () => {
  it('treats "", null, undefined (and whitespace) as blank, nothing else', () => {
    for (const v of ["", null, undefined, "   "]) expect(isBlank(v)).toBe(true);
    for (const v of [0, "0", false, "-", "none"]) expect(isBlank(v)).toBe(false);
  });
});

describe("Number", () => {
  it("accepts finite numbers, plain decimal text and percentage text", () => {
    expect(parseNumber(1200)).toBe(1200);
    expect(parseNumber(" 1200 ")).toBe(1200);
    expect(parseNumber("0.05")).toBe(0.05);
    expect(parseNumber("-3")).toBe(-3);
    expect(parseNumber(".5")).toBe(0.5);
    expect(parseNumber("5%")).toBeCloseTo(0.05, 15);
    expect(parseNumber("12.5 %")).toBeCloseTo(0.125, 15);
    expect(parseNumber("1.2E+05")).toBe(120000);
  });
  it("refuses everything else", () => {
    for (const v of ["1,200", "abc", "—", "#N/A", "１２", "5%%", "", null, true, NaN, Infinity, {}, "1e999"]) {
      expect(parseNumber(v)).toBeUndefined();
    }
  });
  it("gives #VALUE! naming the argument and the value", () => {
    expect(failure(() => num("abc", "advanced"))).toEqual({ kind: "#VALUE!", message: 'advanced: "abc" is not a number' });
    expect(failure(() => num("", "members")).message).toBe("members: a value is required here");
  });
  it("checks the domains: count ≥ 0, rate in [0,1], positive > 0", () => {
    expect(failure(() => num(-1, "members", "count")).message).toBe("members: -1 is negative; a count must be ≥ 0");
    expect(failure(() => num(1.5, "conversion", "rate")).message).toMatch(/^conversion: 1.5 is not a rate/);
    expect(failure(() => num(0, "price", "positive")).message).toBe("price: 0 must be greater than 0");
    expect(num("100%", "r", "rate")).toBe(1);
    expect(num(0, "c", "count")).toBe(0);
  });
  it("takes a 1×1 range as its cell and refuses a bigger one for a scalar", () => {
    expect(num([[7]], "x")).toBe(7);
    expect(failure(() => num([[1, 2]], "x")).message).toBe("x: expected 1 values, got 2");
  });
  it("applies defaults to omitted optionals (null)", () => {
    const NEW_GMV = [{ name: "new_gmv", type: "number", domain: "count", optional: true, default: 0 }] as const;
    expect(bind(NEW_GMV, [null]).new_gmv).toBe(0);
    expect(bind(NEW_GMV, [undefined]).new_gmv).toBe(0);
    expect(bind(NEW_GMV, ["12"]).new_gmv).toBe(12);
    const PERIODS = [{ name: "periods", type: "whole", min: 1, optional: true }] as const;
    expect(bind(PERIODS, [null]).periods).toBeUndefined();
    expect(bind(PERIODS, [3]).periods).toBe(3);
    expect(failure(() => bind(PERIODS, [2.5])).message).toBe("periods: 2.5 must be a whole number ≥ 1");
  });
  it("names row and column inside a range", () => {
    expect(failure(() => cellNumber("x", { arg: "skus", row: 3, col: 2 })).message).toBe('skus row 3 column 2: "x" is not a number');
  });
});

describe("Flag", () => {
  it("reads TRUE/FALSE, numbers, Y/N, YES/NO, TRUE/FALSE text and 是/否, blank = no", () => {
    const yes = [true, 1, -2, 0.5, "Y", "y", "yes", " YES ", "TRUE", "true", "是", "1"];
    const no = [false, 0, "N", "no", "FALSE", "否", "", null, undefined, "0"];
    for (const v of yes) expect(flagCode(v)).toBe(1);
    for (const v of no) expect(flagCode(v)).toBe(0);
  });
  it("refuses other text with #VALUE! and the row", () => {
    for (const v of ["maybe", "T", "对", NaN]) expect(flagCode(v)).toBe(-1);
    const v = vec([["Y"], ["N"], ["perhaps"]], "is_member");
    expect(failure(() => flagColumn(v)).message).toBe(
      'is_member row 3: "perhaps" is not a yes/no value (use TRUE/FALSE, 1/0, Y/N, YES/NO or 是/否)',
    );
  });
  it("with_headers-style optional flags default to false", () => {
    expect(optFlag(null, "with_headers")).toBe(false);
    expect(optFlag(true, "with_headers")).toBe(true);
    expect(failure(() => optFlag("sure", "with_headers")).message).toMatch(/^with_headers: "sure"/);
  });
});

describe("Stage", () => {
  it("reads letters, English words and Chinese words, case-insensitive and trimmed", () => {
    const cases: [unknown, number][] = [
      ["A", 1], ["i", 2], [" P ", 3], ["l", 4], ["Awareness", 1], ["INTEREST", 2], ["purchase", 3], ["Loyalty", 4],
      ["认知", 1], ["兴趣", 2], ["购买", 3], ["忠诚", 4], ["-", 0], ["none", 0], ["NONE", 0], ["无", 0], ["", 0],
      [null, 0], [undefined, 0],
    ];
    for (const [v, code] of cases) expect(stageCode(v)).toBe(code);
  });
  it("refuses other labels naming the label and its row", () => {
    for (const v of ["X", "AI", 1, true]) expect(stageCode(v)).toBe(-1);
    const col = Array.from({ length: 20 }, () => ["A"]);
    col[16] = ["X"];
    expect(failure(() => stageColumn(vec(col, "stage_end"))).message).toBe(
      'stage_end row 17: unknown stage "X"',
    );
  });
  it("reads a row vector too and names the column", () => {
    expect(Array.from(stageColumn(vec([["A", "L", "-"]], "stages")))).toEqual([1, 4, 0]);
    expect(failure(() => stageColumn(vec([["A", "Q"]], "stages"))).message).toMatch(/^stages column 2: unknown stage "Q"/);
  });
});

describe("vectors", () => {
  it("accepts a column, a row, a 1×1 range and a bare scalar", () => {
    expect(vec([[1], [2], [3]], "x")).toMatchObject({ n: 3, isRow: false });
    expect(vec([[1, 2, 3]], "x")).toMatchObject({ n: 3, isRow: true });
    expect(vec([[1]], "x")).toMatchObject({ n: 1 });
    expect(vec(5, "x")).toMatchObject({ n: 1 });
  });
  it("refuses a block", () => {
    expect(failure(() => vec([[1, 2], [3, 4]], "stages")).message).toBe(
      "stages: expected a single row or a single column, got 2×2",
    );
  });
  it("reads a fixed number of numbers as 1×n or n×1", () => {
    expect(numbers([[1, 2, 3, 4]], "aipl_start", 4, "count")).toEqual([1, 2, 3, 4]);
    expect(numbers([[1], ["2"], ["3"], [4]], "aipl_start", 4, "count")).toEqual([1, 2, 3, 4]);
    expect(failure(() => numbers([[1, 2, 3]], "aipl_start", 4)).message).toBe("aipl_start: expected 4 values, got 3");
    expect(failure(() => numbers([[1, 2, -3, 4]], "aipl_end", 4, "count")).message).toBe(
      "aipl_end column 3: -3 is negative; a count must be ≥ 0",
    );
  });
  it("requires row-level columns of the same length", () => {
    const a = vec([["A"], ["I"]], "stage_start");
    const b = vec([["A"], ["I"], ["P"]], "stage_end");
    expect(failure(() => sameLength([a, b])).message).toBe(
      "stage_end has 3 rows but stage_start has 2; all columns must have the same length",
    );
  });
  it("refuses more rows than a whole Excel column", () => {
    const big: unknown[][] = new Array(MAX_ROWS + 1); // sparse: only the row count matters
    big[0] = [1];
    expect(failure(() => vec(big, "gmv")).message).toBe(
      "gmv: 1048577 rows is more than the 1048576 rows this function accepts in one call",
    );
  });
  it("number columns keep blanks as NaN and check the domain", () => {
    const out = numberColumn(vec([[1], [""], ["2.5"], [null], ["10%"]], "gmv"), "count");
    expect(Array.from(out.map((x) => (Number.isNaN(x) ? -1 : x)))).toEqual([1, -1, 2.5, -1, 0.1]);
    expect(failure(() => numberColumn(vec([[1], [-1]], "gmv"), "count")).message).toBe(
      "gmv row 2: -1 is negative; a count must be ≥ 0",
    );
  });
  it("identifiers compare as trimmed text: 123 and \"123\" are the same", () => {
    expect(idText(123)).toBe(idText(" 123 "));
    expect(idText("")).toBe("");
    expect(idText(null)).toBe("");
  });
});
