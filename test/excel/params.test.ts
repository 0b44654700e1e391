/* bind(): one central coercion of declared parameters (src/excel/params.ts), with its messages. */
import { describe, expect, it } from "vitest";
import { InputError } from "../../src/excel/errors";
import { formatMessage } from "../../src/excel/messages";
import { bind, INDICATOR, WITH_HEADERS, type Param } from "../../src/excel/params";

const message = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    if (e instanceof InputError) return formatMessage(e.cell, "en");
    throw e;
  }
  throw new Error("no error");
};

const P = [
  { name: "target_gmv", type: "number", domain: "nonNegative" },
  { name: "price", type: "number", domain: "positive" },
  { name: "star_share", type: "number", domain: "share", optional: true, default: 0.8 },
  { name: "conversion", type: "number", domain: "rate", optional: true },
  { name: "periods", type: "whole", min: 1, optional: true },
  { name: "base", type: "numbers", count: 3, domain: "count" },
  {
    name: "output",
    type: "option",
    values: { plan: "plan", 计划: "plan", summary: "summary" },
    list: '"plan", "summary"',
    default: "plan",
    optional: true,
  },
  { name: "crowds", type: "range" },
  INDICATOR,
  WITH_HEADERS,
] as const satisfies readonly Param[];

const ok = [100, 5, null, null, null, [[1, 2, 3]], null, [["A"]], null, null];
const withArg = (k: number, v: unknown): unknown[] => ok.map((x, i) => (i === k ? v : x));

describe("bind", () => {
  it("coerces every type and fills defaults", () => {
    const p = bind(P, ok);
    expect(p).toEqual({
      target_gmv: 100, price: 5, star_share: 0.8, conversion: undefined, periods: undefined, base: [1, 2, 3],
      output: "plan", crowds: [["A"]], indicator: null, with_headers: false,
    });
    const q = bind(P, ["1200", [["5"]], "50%", 0, 3, [[1], [2], [3]], " 计划 ", "x", "F", "Y"]);
    expect([q.target_gmv, q.price, q.star_share, q.conversion, q.periods, q.output, q.indicator, q.with_headers]).toEqual([
      1200, 5, 0.5, 0, 3, "plan", "F", true,
    ]);
  });
  it("reads an option given as 0 or blank as omitted, and a data type as its basicValue", () => {
    expect(bind(P, withArg(6, 0)).output).toBe("plan");
    expect(bind(P, withArg(6, "")).output).toBe("plan");
    expect(bind(P, withArg(6, { type: "String", basicValue: "Summary" })).output).toBe("summary");
    expect(bind(P, withArg(0, { type: "Double", basicValue: 7, numberFormat: "0" })).target_gmv).toBe(7);
  });
  it("names the argument in each domain's message", () => {
    expect(message(() => bind(P, withArg(0, -1)))).toBe("target_gmv: -1 is negative; it must be ≥ 0");
    expect(message(() => bind(P, withArg(1, 0)))).toBe("price: 0 must be greater than 0");
    expect(message(() => bind(P, withArg(2, 0)))).toBe("star_share: 0 must be greater than 0 and at most 1");
    expect(message(() => bind(P, withArg(3, 1.5)))).toBe("conversion: 1.5 is not a rate between 0 and 1");
    expect(message(() => bind(P, withArg(4, 0)))).toBe("periods: 0 must be a whole number ≥ 1");
    expect(message(() => bind(P, withArg(5, [[1, -2, 3]])))).toBe("base column 2: -2 is negative; a count must be ≥ 0");
    expect(message(() => bind(P, withArg(6, "table")))).toBe('output: "table" is not one of "plan", "summary"');
    expect(message(() => bind(P, withArg(9, "maybe")))).toMatch(/^with_headers: "maybe" is not a yes\/no value/);
    expect(message(() => bind(P, withArg(0, null)))).toBe("target_gmv: a value is required here");
    expect(message(() => bind(P, withArg(0, {})))).toBe("target_gmv: holds an object that is not a value (a data type without basicValue)");
  });
  it("reports the first invalid argument in declaration order", () => {
    expect(message(() => bind(P, [-1, 0, 2, 2, 0, [[1]], "x", null, null, "?"]))).toMatch(/^target_gmv:/);
  });
});
