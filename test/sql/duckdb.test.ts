/*
 * Every duckdb query of the SQL compiler (src/sql/) run on @duckdb/node-api over random tables,
 * and compared with the JS engine on the same rows (SPEC §18):
 * - the same result: counts exactly; ratios, shares, lifts and sums within a relative 1e-12;
 *   GROW's G, R, O within 1e-9 × (V₀ + V₁) (SQL sums in its own order and writes log1p as
 *   Goldberg's ln(u)·x/(u−1)); the same text (ASSOC's categories, CALIBRATE's names); and the
 *   same error cells (#DIV/0!, #N/A naming the same indicator or column);
 * - the same invalid-value counts: each check column equals a count worked out here, cell by
 *   cell, with the engine's own coercion (stageCode, flagCode, parseNumber, idText, isVoid);
 *   it is 0 when the engine accepts the rows, and when the engine throws #VALUE! some count is
 *   above 0 and the query's result reads as #VALUE! too (whole-table conditions such as "no
 *   base-period order" with the same message);
 * - the same #N/A for an empty list (ASSOC, CALIBRATE).
 * The JS functions get the rows as n×1 columns under a header row of their parameter names (the
 * sheet's header, which they skip); the SQL table gets the rows alone, with column types a
 * loader would give them (BIGINT, DOUBLE, BOOLEAN when a column holds only those, else VARCHAR).
 */
import fc from "fast-check";
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { CellError, InputError, type ResultCell } from "../../src/excel/errors";
import { flagCode, idText, isBlank, isVoid, parseNumber, stageCode } from "../../src/excel/coerce";
import { aiplDeepenExcel, aiplExcel, aiplFlowExcel } from "../../src/models/aipl";
import { FAST_INDICATORS, fastRowsExcel } from "../../src/models/fast";
import { GROW_INDICATORS, growRowsExcel } from "../../src/models/grow";
import { SUPER_COLUMNS, SUPER_INDICATORS, superExcel } from "../../src/models/super";
import { assocExcel } from "../../src/models/assoc";
import { calibrateExcel } from "../../src/models/calibrate";
import { pickIndicator } from "../../src/excel/indicators";
import { formatMessage } from "../../src/excel/messages";
import { compileSql, queryResult, type Compiled } from "../../src/sql/compile";
import { quoteIdent } from "../../src/sql/core";
import {
  assocRows, calibrateRows, COLUMN_NAMES, fastRows, growRows, stageRows, superRows, TABLE_NAMES, type Row, type TableCase,
} from "./tables";

let db: DuckDBInstance;
let con: DuckDBConnection;
const tmp = mkdtempSync(path.join(tmpdir(), "dtc-sql-"));
beforeAll(async () => {
  db = await DuckDBInstance.create(":memory:");
  con = await db.connect();
});
afterAll(() => {
  con?.closeSync();
  db?.closeSync();
  rmSync(tmp, { recursive: true, force: true });
});

// --- tables --------------------------------------------------------------------------------------

type SqlType = "BIGINT" | "DOUBLE" | "BOOLEAN" | "VARCHAR";

/** The type a loader gives a column: BIGINT, DOUBLE or BOOLEAN when every value is one, else VARCHAR. */
function sqlType(values: readonly unknown[]): SqlType {
  const xs = values.filter((v) => v !== null && v !== undefined);
  if (xs.length === 0) return "VARCHAR";
  if (xs.every((v) => typeof v === "number" && Number.isSafeInteger(v))) return "BIGINT";
  if (xs.every((v) => typeof v === "number" && Number.isFinite(v))) return "DOUBLE";
  if (xs.every((v) => typeof v === "boolean")) return "BOOLEAN";
  return "VARCHAR";
}

/** Create `table` with one column per entry of `names`, holding `rows` (JS values → SQL: null/undefined → NULL, others as text in VARCHAR). */
async function createTable(table: string, names: readonly string[], rows: readonly Row[]): Promise<void> {
  const types = names.map((_, j) => sqlType(rows.map((r) => r[j])));
  await con.run(`DROP TABLE IF EXISTS ${quoteIdent(table, "duckdb")}`);
  await con.run(`CREATE TABLE ${quoteIdent(table, "duckdb")} (${names.map((n, j) => `${quoteIdent(n, "duckdb")} ${types[j]}`).join(", ")})`);
  const app = await con.createAppender(table);
  for (const r of rows) {
    names.forEach((_, j) => {
      const v = r[j];
      if (v === null || v === undefined) app.appendNull();
      else if (types[j] === "BIGINT") app.appendBigInt(BigInt(v as number));
      else if (types[j] === "DOUBLE") app.appendDouble(v as number);
      else if (types[j] === "BOOLEAN") app.appendBoolean(v as boolean);
      else app.appendVarchar(String(v));
    });
    app.endRow();
  }
  app.closeSync();
}

/** The table name as DTC.SQL's `table` argument spells it (a dot needs quotes). */
const tableArg = (t: string): string => (t.includes(".") ? `"${t.replace(/"/g, '""')}"` : t);

async function runCompiled(c: Compiled): Promise<Record<string, unknown>[]> {
  const r = await con.runAndReadAll(c.text);
  return r.getRowObjects() as Record<string, unknown>[];
}

// --- outcomes ------------------------------------------------------------------------------------

type Outcome = { value: ResultCell[][] } | { error: CellError };

function outcome(f: () => ResultCell[][]): Outcome {
  try {
    return { value: f() };
  } catch (e) {
    if (e instanceof InputError) return { error: e.cell };
    throw e;
  }
}

/** A column of the JS call: the header row (its parameter name), then the rows' cells. */
const column = (param: string, rows: readonly Row[], j: number): unknown[][] => [[param], ...rows.map((r) => [r[j]])];

/** The absolute tolerance of a number of the result: row r, column k, the engine's value x. */
type Tolerance = (r: number, k: number, x: number) => number;
const RELATIVE: Tolerance = (_r, _k, x) => 1e-12 * Math.max(1, Math.abs(x));

function expectSameCell(sql: ResultCell, js: ResultCell, tol: number, where: string): void {
  if (js instanceof CellError) {
    expect(sql, where).toBeInstanceOf(CellError);
    const s = sql as CellError;
    expect([s.kind, s.key, s.params.what, s.params.column], where).toEqual([js.kind, js.key, js.params.what, js.params.column]);
  } else if (typeof js === "number") {
    expect(typeof sql, where).toBe("number");
    expect(Math.abs((sql as number) - js), `${where}: ${sql} vs ${js}`).toBeLessThanOrEqual(tol);
  } else {
    expect(sql, where).toEqual(js);
  }
}

/** Compare a query's outcome with the engine's. */
function expectSameOutcome(sql: Outcome, js: Outcome, tol: Tolerance = RELATIVE): void {
  if ("error" in js) {
    expect("error" in sql, `engine: ${js.error.kind} ${formatMessage(js.error)}; SQL gave a result`).toBe(true);
    const e = (sql as { error: CellError }).error;
    expect(e.kind, `engine: ${formatMessage(js.error)}; SQL: ${formatMessage(e)}`).toBe(js.error.kind);
    return;
  }
  expect("value" in sql, "error" in sql ? `SQL: ${formatMessage(sql.error)}` : "").toBe(true);
  const s = (sql as { value: ResultCell[][] }).value;
  expect(s.length, "rows").toBe(js.value.length);
  js.value.forEach((row, r) => {
    expect(s[r].length, `row ${r} width`).toBe(row.length);
    row.forEach((cell, k) => expectSameCell(s[r][k], cell, typeof cell === "number" ? tol(r, k, cell) : 0, `row ${r} column ${k}`));
  });
}

/** The check columns of a query's first row, as numbers. */
function checkCounts(c: Compiled, rows: readonly Record<string, unknown>[]): Record<string, number> {
  return Object.fromEntries(c.checks.map((k) => [k.column, Number(rows[0][k.column])]));
}

/** The engine's reading of a kept row: not every given cell blank or the number 0. */
const kept = (rows: readonly Row[]): Row[] => rows.filter((r) => !r.every(isVoid));
const countWhere = (rows: readonly Row[], f: (r: Row) => boolean): number => rows.filter(f).length;
const badNumber = (v: unknown): boolean => {
  const x = parseNumber(v);
  return x === undefined || x < 0;
};

/** Run one case: create the table, compile, run, compare counts and outcomes. Returns the counts. */
async function check(
  model: string,
  params: readonly string[],
  tc: TableCase,
  engine: () => ResultCell[][],
  expected: Record<string, number>,
  options: Record<string, unknown>,
  tol?: Tolerance,
  names: { table: string; columns: readonly string[] } = { table: "t", columns: params },
): Promise<void> {
  const present = tc.present ?? params.map(() => true);
  await createTable(names.table, names.columns, tc.rows);
  const c = compileSql({
    model,
    table: tableArg(names.table),
    columns: names.columns.map((n, j) => (present[j] ? n : undefined)),
    dialect: "duckdb",
    options,
  });
  const rows = await runCompiled(c);
  expect(checkCounts(c, rows)).toEqual(expected);
  const js = outcome(engine);
  const sql = outcome(() => queryResult(c, rows));
  const tally = (stats[model] ??= { result: 0, "#VALUE!": 0, other: 0 });
  tally["value" in js ? "result" : js.error.kind === "#VALUE!" ? "#VALUE!" : "other"]++;
  // The reference counts and the engine agree: a count above 0 is the engine's #VALUE!.
  const cellCounts = Object.entries(expected).filter(([k]) => k.startsWith("invalid_") || k.endsWith("_over_total") || k === "on_time_over_orders");
  if (cellCounts.some(([, n]) => n > 0)) expect("error" in js && js.error.kind, JSON.stringify(expected)).toBe("#VALUE!");
  if ("error" in js && js.error.kind === "#VALUE!" && cellCounts.every(([, n]) => n === 0) && "error" in sql) {
    // A whole-table condition (no base orders, no data …): the same message.
    expect(formatMessage(sql.error)).toBe(formatMessage(js.error));
  }
  expectSameOutcome(sql, js, tol);
}

/** Awkward names for a case: a table name and one column name per parameter, drawn by the case's own index. */
function awkward(i: number, width: number): { table: string; columns: string[] } {
  return { table: TABLE_NAMES[i % TABLE_NAMES.length], columns: Array.from({ length: width }, (_, j) => COLUMN_NAMES[(i + j) % COLUMN_NAMES.length]) };
}

const RUNS = 50;
let compared = 0;
let run = 0;
/** Per model: how many random tables gave a result, #VALUE!, another error (#N/A). */
const stats: Record<string, { result: number; "#VALUE!": number; other: number }> = {};
afterAll(() => {
  console.log(`SQL vs engine: ${compared} random tables compared on DuckDB`, JSON.stringify(stats));
});

/** One property over random tables of a model; every other case uses awkward names. */
async function property(
  arb: fc.Arbitrary<TableCase>,
  body: (tc: TableCase, names?: { table: string; columns: string[] }) => Promise<void>,
  width: number,
  runs = RUNS,
): Promise<void> {
  await fc.assert(
    fc.asyncProperty(arb, async (tc) => {
      const i = run++;
      await body(tc, i % 2 === 0 ? undefined : awkward(i, width));
      compared++;
    }),
    { numRuns: runs },
  );
}

// --- the models ----------------------------------------------------------------------------------

describe("duckdb queries equal the engine over random tables", () => {
  it("AIPL", async () => {
    await property(stageRows(1), (tc, names) =>
      check("AIPL", ["stages"], tc, () => aiplExcel(column("stages", tc.rows, 0)), {
        invalid_stages: countWhere(tc.rows, (r) => stageCode(r[0]) < 0),
      }, {}, undefined, names), 1);
  });

  const pairCounts = (rows: readonly Row[]) => ({
    invalid_stage_start: countWhere(rows, (r) => stageCode(r[0]) < 0),
    invalid_stage_end: countWhere(rows, (r) => stageCode(r[1]) < 0),
  });

  it("AIPL.FLOW", async () => {
    await property(stageRows(2), (tc, names) =>
      check("AIPL.FLOW", ["stage_start", "stage_end"], tc,
        () => aiplFlowExcel(column("stage_start", tc.rows, 0), column("stage_end", tc.rows, 1)), pairCounts(tc.rows), {}, undefined, names), 2);
  });

  it("AIPL.DEEPEN", async () => {
    await property(stageRows(2), (tc, names) =>
      check("AIPL.DEEPEN", ["stage_start", "stage_end"], tc,
        () => aiplDeepenExcel(column("stage_start", tc.rows, 0), column("stage_end", tc.rows, 1)), pairCounts(tc.rows), {}, undefined, names), 2);
  });

  it("FAST.ROWS", async () => {
    const params = ["stage_start", "stage_end", "is_member", "is_active"];
    await property(fastRows(), (tc, names) => {
      const pick = pickIndicator(FAST_INDICATORS, tc.options.indicator);
      return check("FAST.ROWS", params, tc, () => {
        const row = fastRowsExcel(...params.map((p, j) => column(p, tc.rows, j)));
        return [pick === undefined ? row : [row[pick]]];
      }, {
        invalid_stage_start: countWhere(tc.rows, (r) => stageCode(r[0]) < 0),
        invalid_stage_end: countWhere(tc.rows, (r) => stageCode(r[1]) < 0),
        invalid_is_member: countWhere(tc.rows, (r) => flagCode(r[2]) < 0),
        invalid_is_active: countWhere(tc.rows, (r) => flagCode(r[3]) < 0),
      }, tc.options, undefined, names);
    }, 4);
  });

  it("GROW.ROWS", async () => {
    const params = ["period", "customer", "category", "gmv"];
    await property(growRows(), (tc, names) => {
      const rows = kept(tc.rows);
      const period = (v: unknown): number => {
        const x = parseNumber(v);
        return x === 0 || x === 1 ? x : -1;
      };
      const good = rows.filter((r) => period(r[0]) >= 0 && idText(r[1]) !== "" && idText(r[2]) !== "" && !badNumber(r[3]));
      const base = good.filter((r) => period(r[0]) === 0);
      const lfl = new Set(base.map((r) => idText(r[2])));
      const cur = good.filter((r) => period(r[0]) === 1 && lfl.has(idText(r[2])));
      const sum = (rs: Row[]): number => rs.reduce((s, r) => s + parseNumber(r[3])!, 0);
      const v0 = sum(base);
      const v1 = sum(cur);
      const pick = pickIndicator(GROW_INDICATORS, tc.options.indicator);
      return check("GROW.ROWS", params, tc, () => {
        const row = growRowsExcel(...params.map((p, j) => column(p, tc.rows, j)));
        return [pick === undefined ? row : [row[pick]]];
      }, {
        invalid_period: countWhere(rows, (r) => period(r[0]) < 0),
        invalid_customer: countWhere(rows, (r) => idText(r[1]) === ""),
        invalid_category: countWhere(rows, (r) => idText(r[2]) === ""),
        invalid_gmv: countWhere(rows, (r) => badNumber(r[3])),
        no_base: base.length === 0 ? 1 : 0,
        no_current: cur.length === 0 ? 1 : 0,
        zero_gmv_base: v0 > 0 ? 0 : 1,
        zero_gmv_current: v1 > 0 ? 0 : 1,
      }, tc.options, (r, k, x) => ((pick ?? k) < 3 ? 1e-9 * Math.max(1, v0 + v1) : RELATIVE(r, k, x)), names);
    }, 4, 2 * RUNS);
  });

  it("SUPER", async () => {
    const keys = SUPER_COLUMNS.map((c) => c.key);
    await property(superRows(), async (tc, names) => {
      const present = tc.present!;
      const idx = keys.map((_, j) => j).filter((j) => present[j]);
      const rows = tc.rows.filter((r) => !idx.every((j) => isVoid(r[j])));
      const expected: Record<string, number> = {};
      const has = (k: string): boolean => present[keys.indexOf(k)];
      keys.forEach((k, j) => {
        if (!present[j] || k === "sku") return;
        const bad =
          k === "is_new" ? (v: unknown) => flagCode(v) < 0 : k === "gmv" ? badNumber : (v: unknown) => !isBlank(v) && badNumber(v);
        expected[`invalid_${k}`] = countWhere(rows, (r) => bad(r[j]));
      });
      if (has("orders") && has("orders_on_time")) {
        const val = (v: unknown): number | undefined => (isBlank(v) ? 0 : badNumber(v) ? undefined : parseNumber(v));
        expected.on_time_over_orders = countWhere(rows, (r) => {
          const o = val(r[7]);
          const t = val(r[8]);
          return o !== undefined && t !== undefined && t > o;
        });
      }
      expected.no_data = rows.length === 0 ? 1 : 0;
      const table = [idx.map((j) => keys[j]), ...tc.rows.map((r) => idx.map((j) => r[j]))];
      const pick = pickIndicator(SUPER_INDICATORS, tc.options.indicator);
      await check("SUPER", keys, tc, () => {
        const row = superExcel(table, tc.options.star_share);
        return [pick === undefined ? row : [row[pick]]];
      }, expected, tc.options, undefined, names ?? { table: "t", columns: keys });
    }, 9);
  });

  it("ASSOC", async () => {
    await property(assocRows(), (tc, names) => {
      const rows = tc.rows.filter((r) => !(isVoid(r[0]) && isVoid(r[1])));
      const good = rows.filter((r) => idText(r[0]) !== "" && idText(r[1]) !== "");
      return check("ASSOC", ["basket", "category"], tc,
        () => assocExcel(column("basket", tc.rows, 0), column("category", tc.rows, 1), tc.options.min_support, tc.options.top_n), {
          invalid_basket: countWhere(rows, (r) => idText(r[0]) === ""),
          invalid_category: countWhere(rows, (r) => idText(r[1]) === ""),
          no_data: new Set(good.map((r) => idText(r[0]))).size === 0 ? 1 : 0,
        }, tc.options, undefined, names);
    }, 2, 2 * RUNS);
  });

  it("CALIBRATE", async () => {
    const params = ["name", "brand", "industry"];
    await property(calibrateRows(), (tc, names) => {
      const rows = kept(tc.rows);
      const expected: Record<string, number> = {
        invalid_brand: countWhere(rows, (r) => badNumber(r[1])),
        invalid_industry: countWhere(rows, (r) => badNumber(r[2])),
        no_data: rows.length === 0 ? 1 : 0,
      };
      (["brand", "industry"] as const).forEach((col, k) => {
        const given = tc.options[`${col}_total`] as number | undefined;
        const xs = rows.map((r) => r[k + 1]).filter((v) => !badNumber(v)).map((v) => parseNumber(v)!);
        if (given === undefined) expected[`${col}_sum_zero`] = xs.reduce((s, x) => s + x, 0) > 0 ? 0 : 1;
        else expected[`${col}_over_total`] = xs.filter((x) => x > given).length;
      });
      const o = tc.options;
      return check("CALIBRATE", params, tc,
        () => calibrateExcel([params, ...tc.rows], o.brand_total, o.industry_total, o.min_brand), expected, o, undefined, names);
    }, 3);
  });
});

// --- fixed cases ---------------------------------------------------------------------------------

describe("duckdb queries: fixed cases", () => {
  async function query(model: string, table: string, columns: (string | undefined)[], options: Record<string, unknown> = {}) {
    const c = compileSql({ model, table, columns, dialect: "duckdb", options });
    const rows = await runCompiled(c);
    return { c, rows, result: outcome(() => queryResult(c, rows)) };
  }

  it("identifiers: the number 123, the text \"123\" and \" 123 \" are one customer; a BIGINT column too", async () => {
    const rows: Row[] = [[0, 123, "x", 10], [0, "123", "x", 20], [1, " 123 ", "x", 30], [1, 5, "x", 40]];
    await createTable("ids", ["p", "c", "k", "g"], rows);
    const { result } = await query("GROW.ROWS", "ids", ["p", "c", "k", "g"]);
    const js = growRowsExcel(...["p", "c", "k", "g"].map((_, j) => rows.map((r) => [r[j]])));
    // base: 1 buyer, 2 orders, 30; current: 2 buyers, 2 orders, 70
    expectSameOutcome(result, { value: [js] });
    await createTable("ids2", ["p", "c", "k", "g"], [[0, 123, 7, 10], [1, 123, 7, 20], [1, 124, 8, 5]]);
    const r2 = await query("GROW.ROWS", "ids2", ["p", "c", "k", "g"]);
    expectSameOutcome(r2.result, { value: [growRowsExcel([[0], [1], [1]], [[123], [123], [124]], [[7], [7], [8]], [[10], [20], [5]])] });
  });

  it("Chinese labels, padding, NULL, '' and 0 for empty cells, and a header-like first row read as data", async () => {
    const rows: Row[] = [["stage_start", "stage_end"], ["认知", " 兴趣 "], ["\u3000购买", "忠诚"], [null, ""], [0, "无"], ["  ", 0]];
    await createTable("zh", ["s", "e"], rows);
    const { rows: out } = await query("AIPL.FLOW", "zh", ["s", "e"]);
    // SQL has no header rows: the first row is data, and its labels are not stages.
    expect(Number(out[0].invalid_stage_start)).toBe(1);
    await con.run(`DELETE FROM zh WHERE s = 'stage_start'`);
    const again = await query("AIPL.FLOW", "zh", ["s", "e"]);
    expectSameOutcome(again.result, outcome(() => aiplFlowExcel(rows.map((r) => [r[0]]), rows.map((r) => [r[1]]))));
    // (The engine skips the same first row as the sheet's header row.)
  });

  it("the text \"0\": SQL reads it as the number 0 (a SQL column has one type); the engine only the number", async () => {
    await createTable("zero", ["s"], [["0"], ["0.0"], [0], ["A"]]);
    const { result } = await query("AIPL", "zero", ["s"]);
    expect(result).toEqual({ value: [[1, 0, 0, 0]] });
    expect(outcome(() => aiplExcel([["stages"], ["0"], ["A"]]))).toMatchObject({ error: { key: "unknownStage" } });
  });

  it("quoted names: spaces, quotes, backticks, reserved words, Chinese, a table named like the compiler's CTEs", async () => {
    const cols = ['stage "start"', "stage`end", "select", "会员"];
    for (const table of ['we"ird tbl', "dtc_text", "from", "客户.表"]) {
      await createTable(table, cols, [["A", "I", "Y", "N"], ["P", "L", 1, "是"]]);
      const { result } = await query("FAST.ROWS", tableArg(table), cols.slice(0, 3).concat(["会员"]));
      expect(result).toEqual({ value: [[2, 1, 2, 0.5]] });
    }
  });

  it("a schema-qualified table and a CSV file read by name", async () => {
    await con.run("CREATE SCHEMA IF NOT EXISTS sales");
    await con.run("CREATE OR REPLACE TABLE sales.orders AS SELECT * FROM (VALUES ('A'), ('I'), ('-')) v(stage)");
    expect((await query("AIPL", "sales.orders", ["stage"])).result).toEqual({ value: [[1, 1, 0, 0]] });
    const csv = path.join(tmp, "orders.csv");
    await con.run(`COPY sales.orders TO '${csv.replace(/'/g, "''")}' (HEADER)`);
    expect((await query("AIPL", csv, ["stage"])).result).toEqual({ value: [[1, 1, 0, 0]] });
  });

  it("label columns: AIPL.FLOW's row and stage, CALIBRATE's rank, in the order of the rows", async () => {
    await createTable("lab", ["s", "e"], [["A", "I"]]);
    const f = await query("AIPL.FLOW", "lab", ["s", "e"]);
    expect(f.rows.map((r) => [Number(r.row), r.stage])).toEqual([[1, "A"], [2, "I"], [3, "P"], [4, "L"], [5, "none"]]);
    await createTable("cal3", ["n", "b", "i"], [["search", 100, 2000], ["kol", 50, 0], ["live", 300, 1000]]);
    const c = await query("CALIBRATE", "cal3", ["n", "b", "i"]);
    expect(c.rows.map((r) => [Number(r.rank), r.name])).toEqual([[1, "live"], [2, "search"], [3, "kol"]]);
  });

  it("SUPER with columns left out: #N/A naming the column", async () => {
    await createTable("skus", ["g", "v"], [[50, 100], [20, 50], [20, 0], [10, 0]]);
    const { result } = await query("SUPER", "skus", [undefined, undefined, "g", "v"], { star_share: 0.7 });
    const js = superExcel([["gmv", "visitors"], [50, 100], [20, 50], [20, 0], [10, 0]], 0.7);
    expectSameOutcome(result, { value: [js] });
    expect((result as { value: ResultCell[][] }).value[0][1]).toMatchObject({ kind: "#N/A", params: { column: "buyers" } });
  });

  it("empty lists: ASSOC and CALIBRATE return one row of NULLs, read as the function's #N/A", async () => {
    await createTable("bk", ["b", "c"], [["o1", "tea"], ["o2", "cups"]]);
    const a = await query("ASSOC", "bk", ["b", "c"]);
    expect(a.rows).toHaveLength(1);
    expect(a.result).toMatchObject({ error: { kind: "#N/A" } });
    await createTable("cal", ["n", "b", "i"], [["live", 3, 10]]);
    const c = await query("CALIBRATE", "cal", ["n", "b", "i"], { min_brand: 5 });
    expect(c.result).toMatchObject({ error: { kind: "#N/A", key: "calibrateNoItem" } });
    expect(formatMessage((c.result as { error: CellError }).error)).toBe("min_brand: no item has brand ≥ min_brand (5)");
  });

  it("check messages name the column, the user's column and the count", async () => {
    await createTable("bad", ["s0", "s1"], [["A", "X"], ["Q", "I"], ["R", "L"]]);
    const { result } = await query("AIPL.DEEPEN", "bad", ["s0", "s1"]);
    expect(formatMessage((result as { error: CellError }).error)).toBe(
      "stage_start (s0): 2 rows hold a value that is not a stage (use A, I, P, L, or - for outside AIPL)",
    );
    expect(formatMessage((result as { error: CellError }).error, "zh")).toBe(
      "stage_start（s0）：有 2 行的值不是阶段（请用 A、I、P、L，或用 - 表示不在 AIPL 内）",
    );
  });
});
