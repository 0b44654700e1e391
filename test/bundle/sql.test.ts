/*
 * DTC.SQL through the BUILT bundle (SPEC §18), called the way Excel calls it: its registration,
 * its result shape ([[text]] in every case), its errors; and the text it returns, run on DuckDB,
 * gives what the bundle's own DTC.FAST.ROWS gives on the same rows.
 */
import { DuckDBInstance } from "@duckdb/node-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isError, loadBundle, type Bundle, type XlError } from "../harness/bundle";
import { compileSql, queryResult } from "../../src/sql/compile";

let b: Bundle;
beforeAll(async () => {
  b = await loadBundle();
});
afterAll(async () => b?.close());

const textOf = (r: unknown): string => {
  expect(Array.isArray(r) && r.length === 1 && Array.isArray(r[0]) && r[0].length === 1, JSON.stringify(r).slice(0, 200)).toBe(true);
  const t = (r as unknown[][])[0][0];
  expect(typeof t).toBe("string");
  return t as string;
};

describe("DTC.SQL", () => {
  it("is registered with SPEC's parameters and a matrix result", () => {
    const f = b.metadata.functions.find((x) => x.id === "SQL")!;
    expect(f.parameters.map((p) => [p.name, !!p.optional])).toEqual([
      ["model", false], ["table", false], ["columns", false], ["dialect", true], ["options", true],
    ]);
    expect(f.result?.dimensionality).toBe("matrix");
    expect(b.associated).toContain("SQL");
    expect(b.loadErrors).toEqual([]);
  });

  it("returns the query text in one cell, the same text as the compiler (Chinese labels intact through the ASCII bundle)", async () => {
    const [duck, spark] = await b.callMany([
      ["SQL", [["FAST.ROWS"]], [["crm.consumers"]], [["s0, s1, 会员, active"]]],
      ["SQL", "fast.rows", "crm.consumers", [["s0", "s1", "会员", "active"]], "hive"],
    ]);
    const cols = ["s0", "s1", "会员", "active"];
    expect(textOf(duck)).toBe(compileSql({ model: "FAST.ROWS", table: "crm.consumers", columns: cols, dialect: "duckdb" }).text);
    expect(textOf(spark)).toBe(compileSql({ model: "FAST.ROWS", table: "crm.consumers", columns: cols, dialect: "spark" }).text);
    expect(textOf(duck)).toContain("'认知'");
    expect(textOf(duck)).not.toMatch(/\n/);
  });

  it("takes options as text or as a range of names and values", async () => {
    const [a, r] = await b.callMany([
      ["SQL", "ASSOC", "orders", "order_id, category", "spark", "min_support=0.05, top_n=10"],
      ["SQL", "ASSOC", "orders", "order_id, category", "spark", [["min_support", 0.05], ["top_n", 10]]],
    ]);
    expect(textOf(a)).toBe(textOf(r));
    expect(textOf(a)).toContain("LIMIT 10");
  });

  it("gives #VALUE! with a message naming the argument", async () => {
    const cases: [unknown[], RegExp][] = [
      [["SQL", "AIPL.ROWS", "t", "s"], /^model: "AIPL\.ROWS" is not a model DTC\.SQL compiles/],
      [["SQL", "AIPL", "t\u0000", "s"], /^table: the name "t\\u0000" cannot be quoted safely/],
      [["SQL", "AIPL", "t", "a\nb"], /^columns: the name "a\\u000Ab" cannot be quoted safely/],
      [["SQL", "ASSOC", "t", "a,b,c"], /^columns: ASSOC takes 2 columns \(basket, category\), got 3/],
      [["SQL", "AIPL", "t", "s", "postgres"], /^dialect: "postgres" is not one of "duckdb", "spark"/],
      [["SQL", "ASSOC", "t", "b,c", null, "top_n=0"], /^top_n: 0 must be a whole number ≥ 1/],
      [["SQL", "ASSOC", "t", "b,c", null, "lift=2"], /^options: "lift" is not an option of ASSOC; use min_support, top_n/],
      [["SQL", "AIPL", "/data/x.csv", "s", "spark"], /^table: "\/data\/x\.csv" is a file path, which only the duckdb dialect reads/],
      [["SQL", "SUPER", "t", Array.from({ length: 9 }, (_, i) => `${"x".repeat(4000)}${i}`).join(",")], /^the query is \d+ characters, more than the 32767 one cell holds/],
    ];
    const out = await b.callMany(cases.map(([c]) => c));
    out.forEach((r, k) => {
      expect(isError(r), JSON.stringify(r).slice(0, 200)).toBe(true);
      expect((r as XlError).error).toBe("#VALUE!");
      expect((r as XlError).message).toMatch(cases[k][1]);
    });
  });

  it("its text, run on DuckDB, gives what DTC.FAST.ROWS gives on the same rows", async () => {
    const rows = [["A", "I", "Y", "N"], [" p ", "忠诚", "是", "是"], ["认知", "-", 0, ""], [null, null, null, null], ["I", "P", "no", true]];
    const db = await DuckDBInstance.create(":memory:");
    const con = await db.connect();
    try {
      await con.run(`CREATE TABLE "客户" (s0 VARCHAR, s1 VARCHAR, m VARCHAR, a VARCHAR)`);
      const app = await con.createAppender("客户");
      for (const r of rows) {
        for (const v of r) if (v === null) app.appendNull(); else app.appendVarchar(String(v));
        app.endRow();
      }
      app.closeSync();
      const [q, fast] = await b.callMany([
        ["SQL", "FAST.ROWS", "客户", "s0,s1,m,a"],
        ["FAST.ROWS", ...[0, 1, 2, 3].map((j) => rows.map((r) => [r[j]]))],
      ]);
      const res = await con.runAndReadAll(textOf(q));
      const c = compileSql({ model: "FAST.ROWS", table: "客户", columns: ["s0", "s1", "m", "a"], dialect: "duckdb" });
      expect(queryResult(c, res.getRowObjects() as Record<string, unknown>[])).toEqual(fast);
    } finally {
      con.closeSync();
      db.closeSync();
    }
  });
});
