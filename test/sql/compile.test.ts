/*
 * DTC.SQL's arguments (src/sql/compile.ts, sqlExcel): the model, the table, the columns as a
 * comma list or a range, the dialect words, the options as name=value text or a two-column
 * range, checked by the model's own declarations; and queryResult, which turns a query's rows
 * into the function's result or error.
 */
import { describe, expect, it } from "vitest";
import { CellError, InputError } from "../../src/excel/errors";
import { formatMessage } from "../../src/excel/messages";
import { compileSql, MAX_CELL_TEXT, queryResult, sqlExcel } from "../../src/sql/compile";

const text = (...args: unknown[]): string => {
  const r = sqlExcel(...args);
  expect(r).toHaveLength(1);
  expect(r[0]).toHaveLength(1);
  return r[0][0] as string;
};
const message = (...args: unknown[]): string => {
  try {
    sqlExcel(...args);
  } catch (e) {
    if (e instanceof InputError) return `${e.cell.kind} ${formatMessage(e.cell)}`;
    throw e;
  }
  return "no error";
};

describe("DTC.SQL arguments", () => {
  it("returns one line of text: the same as compileSql with the same request", () => {
    const t = text([["FAST.ROWS"]], [["crm.consumers"]], [["s0, s1, member, active"]]);
    expect(t).not.toMatch(/\n/);
    expect(t).toBe(compileSql({ model: "FAST.ROWS", table: "crm.consumers", columns: ["s0", "s1", "member", "active"], dialect: "duckdb" }).text);
    expect(t).toContain('FROM "crm"."consumers"');
  });
  it("reads the model in any case, with or without DTC.", () => {
    expect(text("dtc.aipl.flow", "t", "a,b")).toBe(text("AIPL.FLOW", "t", "a,b"));
    expect(message("AIPL.ROWS", "t", "a")).toMatch(/^#VALUE! model: "AIPL.ROWS" is not a model DTC.SQL compiles; use one of AIPL, AIPL.FLOW/);
  });
  it("reads columns as a comma list (names may be quoted), a row or column of cells, or blank for the argument names", () => {
    expect(text("ASSOC", "t", [['"order, id", `cat`']])).toContain('"order, id"');
    expect(text("ASSOC", "t", [["order_id", "cat"]])).toBe(text("ASSOC", "t", [["order_id"], ["cat"]]));
    expect(text("ASSOC", "t", [[null]])).toBe(text("ASSOC", "t", "basket, category"));
    expect(message("ASSOC", "t", "a")).toBe("#VALUE! columns: ASSOC takes 2 columns (basket, category), got 1");
    expect(message("ASSOC", "t", "a,b,c")).toBe("#VALUE! columns: ASSOC takes 2 columns (basket, category), got 3");
    expect(message("SUPER", "t", "sku,new")).toBe(
      "#VALUE! columns: SUPER takes 3–9 columns (sku, is_new, gmv, visitors, buyers, units_sold, units_available, orders, orders_on_time), got 2",
    );
    expect(message("SUPER", "t", [["sku", null, null, "v"]])).toBe("#VALUE! columns: SUPER needs the column gmv; only optional columns may be left blank");
    expect(text("SUPER", "t", ",,revenue")).toContain('"revenue"');
  });
  it("reads the dialect words; Hive and MaxCompute get the spark text", () => {
    const s = text("AIPL", "t", "s", "spark");
    expect(s).toContain("`s`");
    for (const w of ["SPARK", "hive", "MaxCompute", "odps", " Spark SQL "]) expect(text("AIPL", "t", "s", w)).toBe(s);
    expect(text("AIPL", "t", "s", null)).toBe(text("AIPL", "t", "s", "duckdb"));
    expect(message("AIPL", "t", "s", "postgres")).toBe('#VALUE! dialect: "postgres" is not one of "duckdb", "spark"');
  });
  it("reads options as name=value text, cells of such text, or a range of names and values", () => {
    const want = compileSql({ model: "ASSOC", table: "t", columns: ["b", "c"], dialect: "duckdb", options: { min_support: 0.02, top_n: 5 } }).text;
    expect(text("ASSOC", "t", "b,c", null, "min_support=0.02, top_n=5")).toBe(want);
    expect(text("ASSOC", "t", "b,c", null, [["Min_Support = 2%"], ["top_n=5"]])).toBe(want);
    expect(text("ASSOC", "t", "b,c", null, [["min_support", 0.02], ["top_n", 5]])).toBe(want);
    expect(text("ASSOC", "t", "b,c", null, "min_support=0.02; top_n=5")).toBe(want);
    expect(text("ASSOC", "t", "b,c", null, "top_n=")).toBe(text("ASSOC", "t", "b,c"));
    expect(text("ASSOC", "t", "b,c", null, [[null]])).toBe(text("ASSOC", "t", "b,c"));
  });
  it("checks options with the model's own declarations", () => {
    expect(message("ASSOC", "t", "b,c", null, "top_n=0")).toBe("#VALUE! top_n: 0 must be a whole number ≥ 1");
    expect(message("ASSOC", "t", "b,c", null, "min_support=2")).toBe("#VALUE! min_support: 2 is not a rate between 0 and 1");
    expect(message("SUPER", "t", ",,g", null, "star_share=0")).toBe("#VALUE! star_share: 0 must be greater than 0 and at most 1");
    expect(message("FAST.ROWS", "t", "a,b,c,d", null, "indicator=Q")).toMatch(/^#VALUE! indicator: unknown indicator "Q"/);
    expect(message("CALIBRATE", "t", "n,b,i", null, "brand_total=-1")).toBe("#VALUE! brand_total: -1 must be greater than 0");
    expect(message("ASSOC", "t", "b,c", null, "support=0.1")).toBe('#VALUE! options: "support" is not an option of ASSOC; use min_support, top_n');
    expect(message("AIPL", "t", "s", null, "top_n=3")).toBe("#VALUE! options: AIPL takes no options");
    expect(message("ASSOC", "t", "b,c", null, "top_n=3, TOP_N=4")).toBe('#VALUE! options: the option "top_n" is given twice');
    expect(message("ASSOC", "t", "b,c", null, "top_n 3")).toBe('#VALUE! options: cannot read "top_n 3": write name=value, e.g. min_support=…');
    expect(message("ASSOC", "t", "b,c", null, [["top_n", 3, 4]])).toMatch(/^#VALUE! options: cannot read/);
  });
  it("refuses names that cannot be quoted, and a query longer than a cell holds", () => {
    expect(message("AIPL", "t\u0000x", "s")).toBe('#VALUE! table: the name "t\\u0000x" cannot be quoted safely (it holds a control character such as a NUL or a line break)');
    expect(message("AIPL", "t", "line\nbreak")).toMatch(/^#VALUE! columns: the name "line\\u000Abreak" cannot be quoted safely/);
    expect(message("AIPL", "t", [["a\r"]])).toMatch(/^#VALUE! columns: the name/);
    expect(message("AIPL", null, "s")).toBe("#VALUE! table: a value is required here");
    const long = "x".repeat(4000);
    expect(message("SUPER", "t", Array.from({ length: 9 }, (_, i) => `${long}${i}`).join(","))).toMatch(
      new RegExp(`^#VALUE! the query is \\d+ characters, more than the ${MAX_CELL_TEXT} one cell holds`),
    );
  });
});

describe("queryResult", () => {
  const c = compileSql({ model: "FAST.ROWS", table: "t", columns: ["a", "b", "c", "d"], dialect: "duckdb" });
  const row = { Fertility: 3n, Advancing: null, Superiority: 2n, Thriving: 0.5, invalid_stage_start: 0n, invalid_stage_end: 0n, invalid_is_member: 0n, invalid_is_active: 0n };
  it("turns BIGINT into numbers and NULL into the cell's #DIV/0!", () => {
    const r = queryResult(c, [row]);
    expect(r[0][0]).toBe(3);
    expect(r[0][1]).toBeInstanceOf(CellError);
    expect(formatMessage(r[0][1] as CellError)).toBe("Advancing: the denominator is 0");
  });
  it("throws the first check above 0 as the function's #VALUE!, naming the user's column", () => {
    try {
      queryResult(c, [{ ...row, invalid_stage_end: 1n, invalid_is_active: 4n }]);
      throw new Error("no error");
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      expect(formatMessage((e as InputError).cell)).toBe("stage_end (b): 1 row holds a value that is not a stage (use A, I, P, L, or - for outside AIPL)");
    }
  });
});
