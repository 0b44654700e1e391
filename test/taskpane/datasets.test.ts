/*
 * The Datasets view's pure parts (no DuckDB): the column mapping guessed from a file's headers
 * (English and Chinese aliases of the engine, padded and odd-case headers), the model guess, the
 * options as DTC.SQL takes them, the counting query of the note, and the result sheet with its
 * provenance note (a plan the Workbook port accepts; a long query split over cells under Excel's
 * 32,767 characters), and the Parquet reader (hyparquet, taskpane/datasets/parquet.ts): each value
 * as the text DuckDB casts it to, checked against native DuckDB on files it wrote, every codec
 * the pane reads, and the refusal of one it does not.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CellError } from "../../src/excel/errors";
import { STAGE_COLUMN_NAMES } from "../../src/models/aipl";
import { CALIBRATE_COLUMNS } from "../../src/models/calibrate";
import { FLAG_COLUMN_NAMES } from "../../src/models/fast";
import { GROW_COLUMN_NAMES } from "../../src/models/grow";
import { MAX_CELL_TEXT } from "../../src/sql/compile";
import {
  aliasesOf, datasetModel, DATASET_MODELS, guessMapping, guessModel, indicatorsOf, normHeader, optionValues, optionsText,
} from "../../taskpane/datasets/mapping";
import { countQuery, fileKind, mappedColumns, readerOf, unsupportedCodec, viewStatement, type RunResult } from "../../taskpane/datasets/run";
import {
  blobText, dateText, decimalText, doubleText, HYPARQUET_VERSION, ParquetFile, signedBigInt, timestampText, UnsupportedCodec, valueText,
} from "../../taskpane/datasets/parquet";
import { utf8Vector } from "../../taskpane/datasets/arrow";
import { tableFromIPC, tableToIPC, Table } from "apache-arrow";
import { datasetSheet, splitText } from "../../taskpane/datasets/sheet";
import { checkPlan } from "../../taskpane/workbook/check";
import { compileSql } from "../../src/sql/compile";

const fast = datasetModel("FAST.ROWS");
const grow = datasetModel("GROW.ROWS");

describe("the mapping guessed from headers", () => {
  it("uses the engine's own alias lists (imported, not copied)", () => {
    expect(aliasesOf("FAST.ROWS", "stage_start")).toEqual(["stage_start", ...STAGE_COLUMN_NAMES.stage_start]);
    expect(aliasesOf("FAST.ROWS", "is_member")).toEqual(["is_member", ...FLAG_COLUMN_NAMES.is_member]);
    expect(aliasesOf("GROW.ROWS", "gmv")).toEqual(["gmv", ...GROW_COLUMN_NAMES.gmv]);
    expect(aliasesOf("CALIBRATE", "name")).toEqual(["name", ...CALIBRATE_COLUMNS[0].aliases]);
    // Every column parameter of every model has its name among its aliases.
    for (const m of DATASET_MODELS) for (const c of m.columns) expect(aliasesOf(m.id, c.param)[0]).toBe(c.param);
  });

  it("English headers, in any order, with columns the model does not use", () => {
    expect(guessMapping(fast, ["id", "is_active", "stage_end", "stage_start", "is_member", "city"])).toEqual(["stage_start", "stage_end", "is_member", "is_active"]);
    expect(guessMapping(fast, ["start", "end", "member", "active"])).toEqual(["start", "end", "member", "active"]);
  });

  it("Chinese headers", () => {
    expect(guessMapping(fast, ["期初阶段", "期末阶段", "会员", "活跃"])).toEqual(["期初阶段", "期末阶段", "会员", "活跃"]);
    expect(guessMapping(grow, ["订单号", "期间", "客户", "类目", "成交额"])).toEqual(["期间", "客户", "类目", "成交额"]);
  });

  it("padded and odd-case headers keep their own spelling (the file's column name)", () => {
    expect(guessMapping(fast, ["  Stage_Start ", "STAGE END", "Is-Member", "\u3000活跃\u3000"])).toEqual(["  Stage_Start ", "STAGE END", "Is-Member", "\u3000活跃\u3000"]);
    expect(normHeader(" Stage End\u00a0")).toBe("stage_end");
    expect(guessMapping(grow, ["PERIOD", "Customer_ID", " Category", "GMV "])).toEqual(["PERIOD", "Customer_ID", " Category", "GMV "]);
  });

  it("a header is used once; an unknown column stays unmapped", () => {
    expect(guessMapping(datasetModel("AIPL.FLOW"), ["stage", "stage_end"])).toEqual([undefined, "stage_end"]);
    expect(guessMapping(fast, ["a", "b", "c", "d"])).toEqual([undefined, undefined, undefined, undefined]);
    // ASSOC: "customer" is an alias of basket; the first matching header wins.
    expect(guessMapping(datasetModel("ASSOC"), ["order_id", "customer", "品类"])).toEqual(["order_id", "品类"]);
  });

  it("the model whose required columns the headers cover best", () => {
    expect(guessModel(["stage_start", "stage_end", "is_member", "is_active"])?.id).toBe("FAST.ROWS");
    expect(guessModel(["stage_start", "stage_end"])?.id).toBe("AIPL.FLOW");
    expect(guessModel(["期间", "客户", "品类", "成交额"])?.id).toBe("GROW.ROWS");
    expect(guessModel(["阶段"])?.id).toBe("AIPL");
    expect(guessModel(["sku", "gmv", "uv"])?.id).toBe("SUPER");
    expect(guessModel(["x", "y"])).toBeUndefined();
  });
});

describe("options", () => {
  it("the model's own options; blank means the default", () => {
    expect(fast.options.map((p) => p.name)).toEqual(["indicator"]);
    expect(datasetModel("ASSOC").options.map((p) => p.name)).toEqual(["min_support", "top_n"]);
    expect(optionValues(datasetModel("ASSOC"), { min_support: " 0.02 ", top_n: "", other: "1" })).toEqual({ min_support: "0.02" });
    expect(optionsText({ min_support: "0.02", top_n: "5" })).toBe("min_support=0.02, top_n=5");
    expect(indicatorsOf("GROW.ROWS").map((i) => i.letter)).toEqual(["G", "R", "O", "W"]);
    expect(indicatorsOf("AIPL")).toEqual([]);
  });
});

describe("files and queries", () => {
  it("reads CSV as text and Parquet as it is", () => {
    expect(fileKind("a.CSV")).toBe("csv");
    expect(fileKind("a.tsv")).toBe("csv");
    expect(fileKind("a.csv.gz")).toBe("csv");
    expect(fileKind("a.parquet")).toBe("parquet");
    expect(fileKind("a.xlsx")).toBeUndefined();
    expect(readerOf("it's.csv", "csv")).toBe("read_csv('it''s.csv', header = true, all_varchar = true)");
    // A Parquet file: the table of its mapped columns as text (what the pane fills with hyparquet).
    expect(viewStatement("x.parquet", "parquet", ["期初", "a b"])).toBe(
      `CREATE OR REPLACE TABLE "dataset" AS SELECT CAST("期初" AS VARCHAR) AS "期初", CAST("a b" AS VARCHAR) AS "a b" FROM read_parquet('x.parquet')`,
    );
    expect(mappedColumns(["s", undefined, "t", "s"])).toEqual(["s", "t"]);
    expect(unsupportedCodec(new UnsupportedCodec("BROTLI", "gmv"))).toMatchObject({ codec: "BROTLI", column: "gmv" });
    expect(unsupportedCodec(new Error("x"))).toBeUndefined();
  });

  it("the counting query counts data rows and the rows the model skips as blank (on DuckDB)", async () => {
    const db = await DuckDBInstance.create(":memory:");
    const con = await db.connect();
    await con.run(`CREATE TABLE dataset ("s 0" VARCHAR, s1 VARCHAR, m VARCHAR, a VARCHAR, other VARCHAR)`);
    await con.run(`INSERT INTO dataset VALUES ('A','I','1','0','x'), (NULL,'  ','0',NULL,'y'), ('','',NULL,NULL,NULL), ('L','-','Y','N',NULL)`);
    const r = await con.runAndReadAll(countQuery("FAST.ROWS", ["s 0", "s1", "m", "a"]));
    expect(r.getRowObjects()).toEqual([{ rows_read: 4n, rows_blank: 2n }]);
    con.closeSync();
    db.closeSync();
  });
});

describe("the result sheet", () => {
  const compiled = compileSql({ model: "FAST.ROWS", table: "dataset", columns: ["s0", "s1", "m", "a"], dialect: "duckdb" });
  const run = (query: string): RunResult => ({
    compiled,
    header: ["Fertility", "Advancing", "Superiority", "Thriving"],
    rows: [[1050, 0.12, 80, new CellError("#DIV/0!", "divZero", { what: "Thriving" })]],
    rowsRead: 1_000_000,
    rowsBlank: 12,
    checks: compiled.checks.map((k) => ({ column: k.column, count: 0 })),
    seconds: 3.25,
    view: viewStatement("c.csv", "csv"),
    query,
    engine: { version: "1.32.0", bundle: "eh" },
  });
  const ctx = {
    fileName: "c.csv",
    fileBytes: 12_345_678,
    model: "FAST.ROWS",
    mapping: [{ param: "stage_start", column: "s0" }, { param: "stage_end", column: "s1" }, { param: "is_member", column: "m" }, { param: "is_active", column: undefined }],
    options: {},
    engine: "DuckDB-WASM 1.32.0 (eh)",
  };

  it("is a valid plan: values, error cells as their code, the note beside its labels", () => {
    const plan = datasetSheet(run(compiled.text), ctx, "en");
    expect(() => checkPlan(plan)).not.toThrow();
    expect(plan.baseName).toBe("FAST.ROWS c");
    const cells = Object.fromEntries(plan.blocks.map((b) => [b.anchor, b.cells]));
    expect(cells.A5).toEqual([["Fertility", "Advancing", "Superiority", "Thriving"], [1050, 0.12, 80, "#DIV/0!"]]);
    const note = Object.fromEntries(cells.A9.map((r) => [r[0], r[1]]));
    expect(note.File).toBe("c.csv (12.3 MB), read on this computer; never uploaded");
    expect(note.Columns).toBe("stage_start ← s0; stage_end ← s1; is_member ← m; is_active ← (not used)");
    expect(note["Rows read"]).toBe(1_000_000);
    expect(note["Time taken"]).toBe("3.3 s");
    expect(note.Query).toBe(compiled.text);
    const zh = Object.fromEntries(datasetSheet(run(compiled.text), ctx, "zh").blocks.find((b) => b.anchor === "A9")!.cells.map((r) => [r[0], r[1]]));
    expect(zh["跳过行数"]).toBe("12 行空行（所对应的各列均为空或 0），与函数一样跳过；没有因无效值而跳过的行");
  });

  it("splits a long query over cells, each under Excel's limit, losing nothing", () => {
    const long = `WITH ${"x ".repeat(40_000)}SELECT 1`;
    const parts = splitText(long);
    expect(parts.length).toBe(3);
    expect(parts.join("")).toBe(long);
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(MAX_CELL_TEXT);
    const plan = datasetSheet(run(long), ctx, "en");
    const labels = plan.blocks.find((b) => b.anchor === "A9")!.cells.map((r) => r[0]);
    expect(labels.slice(-3)).toEqual(["Query (1/3)", "Query (2/3)", "Query (3/3)"]);
    // A surrogate pair is never cut.
    const emoji = splitText("😀".repeat(20), 7);
    expect(emoji.join("")).toBe("😀".repeat(20));
    for (const p of emoji) expect(p.length % 2).toBe(0);
  });
});

describe("Parquet values as text (as DuckDB casts them to VARCHAR)", () => {
  it("doubles and floats: shortest digits, a decimal point, DuckDB's exponent form", () => {
    const cases: [number, string][] = [
      [3, "3.0"], [-3, "-3.0"], [0.1, "0.1"], [12.5, "12.5"], [1e20, "1e+20"], [1.5e-7, "1.5e-07"], [123456789012345680, "1.2345678901234568e+17"],
      [1e15, "1000000000000000.0"], [1e16, "1e+16"], [0.0001, "0.0001"], [0.00001, "1e-05"], [0, "0.0"], [-0, "-0.0"],
      [Infinity, "inf"], [-Infinity, "-inf"], [NaN, "nan"], [1234567.25, "1234567.25"], [-0.015, "-0.015"],
    ];
    for (const [x, t] of cases) expect(doubleText(x), String(x)).toBe(t);
    expect(doubleText(Math.fround(0.1), true)).toBe("0.1");
    expect(doubleText(Math.fround(3.14159), true)).toBe("3.14159");
    expect(doubleText(Math.fround(16777216), true)).toBe("16777216.0");
    expect(doubleText(Math.fround(1e-5), true)).toBe("1e-05");
  });

  it("decimals exactly, with their scale; integers without a decimal point; booleans; NULL", () => {
    expect(decimalText(1250n, 2)).toBe("12.50");
    expect(decimalText(-5n, 2)).toBe("-0.05");
    expect(decimalText(0n, 3)).toBe("0.000");
    expect(decimalText(12345678901234567890123n, 3)).toBe("12345678901234567890.123");
    expect(decimalText(7n, 0)).toBe("7");
    expect(signedBigInt(Uint8Array.of(0xff, 0xfe))).toBe(-2n);
    expect(signedBigInt(Uint8Array.of(0x00, 0xff))).toBe(255n);
    expect(valueText(Uint8Array.of(0x04, 0xe2), { kind: "decimal", scale: 2 })).toBe("12.50");
    expect(valueText(1250, { kind: "decimal", scale: 2 })).toBe("12.50");
    expect(valueText(42, { kind: "integer" })).toBe("42");
    expect(valueText(9007199254740993n, { kind: "integer" })).toBe("9007199254740993");
    expect(valueText(2, { kind: "double" })).toBe("2.0");
    expect(valueText(true, { kind: "integer" })).toBe("true");
    expect(valueText(false, { kind: "integer" })).toBe("false");
    expect(valueText(null, { kind: "text" })).toBeNull();
    expect(valueText(undefined, { kind: "double" })).toBeNull();
    // Text as it is: the query trims, as it trims a CSV cell.
    expect(valueText(" 认知 ", { kind: "text" })).toBe(" 认知 ");
    expect(valueText("2024-03-01 12:00:00", { kind: "timestamptz" })).toBe("2024-03-01 12:00:00+00");
  });

  it("dates and timestamps in DuckDB's ISO form; bytes as a BLOB prints", () => {
    expect(dateText(19783)).toBe("2024-03-01");
    expect(dateText(0)).toBe("1970-01-01");
    expect(dateText(-719162)).toBe("0001-01-01");
    expect(timestampText(1709296496789000n, 6)).toBe("2024-03-01 12:34:56.789");
    expect(timestampText(1709296496000n, 3)).toBe("2024-03-01 12:34:56");
    expect(timestampText(-1n, 6)).toBe("1969-12-31 23:59:59.999999");
    expect(timestampText(1709296496000000001n, 9)).toBe("2024-03-01 12:34:56.000000001");
    expect(blobText(Uint8Array.of(0x61, 0x00, 0x5c, 0xff))).toBe("a\\x00\\x5C\\xFF");
  });

  it("texts become an Arrow Utf8 vector (NULL as null, any Unicode) that survives the IPC stream DuckDB-WASM is sent", () => {
    const values = ["A", null, " 认知 ", "", "😀 mask", null, "\u3000忠诚\u3000", "x".repeat(100)];
    const v = utf8Vector(values);
    expect(v.length).toBe(values.length);
    expect(v.nullCount).toBe(2);
    expect([...v]).toEqual(values);
    const back = tableFromIPC(tableToIPC(new Table({ s: v }), "stream"));
    expect(back.getChild("s")!.toArray()).toEqual(values);
    expect(utf8Vector([]).length).toBe(0);
  });

  it("HYPARQUET_VERSION is the installed package's", () => {
    const pkg = JSON.parse(readFileSync(path.resolve(__dirname, "../../node_modules/hyparquet/package.json"), "utf8")) as { version: string };
    expect(HYPARQUET_VERSION).toBe(pkg.version);
  });
});

describe("the Parquet reader on files native DuckDB writes", () => {
  const tmp = mkdtempSync(path.join(tmpdir(), "dtc-parquet-"));
  let db: DuckDBInstance;
  let con: DuckDBConnection;
  beforeAll(async () => {
    db = await DuckDBInstance.create(":memory:");
    con = await db.connect();
    // Every type a model's column may come as, NULLs in each, 6,000 rows in row groups of 2,048.
    await con.run(`CREATE TABLE t AS SELECT
      i AS id,
      CASE WHEN i % 7 = 0 THEN NULL ELSE ['A', ' i ', '认知', '购买', '-', '', '忠诚' || chr(12288)][i % 7 + 1] END AS stage,
      CASE WHEN i % 11 = 0 THEN NULL ELSE i % 3 = 0 END AS flag,
      CASE WHEN i % 13 = 0 THEN NULL ELSE (i % 5)::TINYINT END AS tiny,
      ((i * 23) % 60000 - 30000)::SMALLINT AS small,
      CASE WHEN i % 17 = 0 THEN NULL ELSE (i * 350011)::INTEGER END AS int32,
      (i::BIGINT * 3037000493) AS big,
      (i::UBIGINT * 3074457345618258) AS ubig,
      CASE WHEN i % 19 = 0 THEN NULL ELSE [i / 8.0, i * 0.1, 1e20 / (i + 1), -i * 1.5e-7, 0.0, i::DOUBLE][i % 6 + 1] END AS dbl,
      (i / 3.0)::FLOAT AS flt,
      CASE WHEN i % 23 = 0 THEN NULL ELSE (i * 12.5 - 999)::DECIMAL(10, 2) END AS dec2,
      (i * 1234.5678)::DECIMAL(18, 4) AS dec4,
      (i::HUGEINT * 1234567890123456789 + 0.123)::DECIMAL(38, 3) AS dec38,
      DATE '2024-01-01' + i::INTEGER AS day,
      TIMESTAMP '2024-01-01 00:00:00' + to_seconds(i * 61) + to_microseconds(i * 1001) AS ts
      FROM range(6000) r(i)`);
  });
  afterAll(() => {
    con.closeSync();
    db.closeSync();
    rmSync(tmp, { recursive: true, force: true });
  });

  async function write(name: string, codec: string): Promise<Blob> {
    const file = path.join(tmp, name);
    await con.run(`COPY t TO '${file}' (FORMAT parquet, COMPRESSION ${codec}, ROW_GROUP_SIZE 2048)`);
    return new Blob([readFileSync(file)]);
  }

  /** Every column of the file as DuckDB casts it to VARCHAR, in row order. */
  async function duckText(name: string, columns: readonly string[]): Promise<(string | null)[][]> {
    const file = path.join(tmp, name);
    const r = await con.runAndReadAll(`SELECT ${columns.map((c) => `CAST("${c}" AS VARCHAR)`).join(", ")} FROM read_parquet('${file}') ORDER BY id`);
    const rows = r.getRows() as (string | null)[][];
    return columns.map((_, j) => rows.map((row) => row[j]));
  }

  it.each(["snappy", "zstd", "gzip", "lz4", "uncompressed"])("%s: every value reads as the text DuckDB casts it to, row group by row group", async (codec) => {
    const name = `types-${codec}.parquet`;
    const pq = await ParquetFile.open(await write(name, codec));
    expect(pq.columns).toEqual(["id", "stage", "flag", "tiny", "small", "int32", "big", "ubig", "dbl", "flt", "dec2", "dec4", "dec38", "day", "ts"]);
    expect(pq.rows).toBe(6000);
    expect(pq.rowGroups).toBeGreaterThanOrEqual(2);
    const cols = [...pq.columns];
    const got: (string | null)[][] = cols.map(() => []);
    for (let g = 0; g < pq.rowGroups; g++) {
      const part = await pq.readGroup(g, cols);
      part.forEach((c, j) => got[j].push(...c));
    }
    const want = await duckText(name, cols);
    cols.forEach((c, j) => expect(got[j], c).toEqual(want[j]));
    // Only the columns asked for, in the order asked.
    const two = await pq.readGroup(1, ["stage", "id"]);
    expect(two.length).toBe(2);
    expect(two[1].slice(0, 2)).toEqual([String(pq.groupRows(0)), String(pq.groupRows(0) + 1)]);
  });

  it("refuses a codec it does not read, naming it and the column", async () => {
    const blob = await write("brotli.parquet", "brotli");
    const e = await ParquetFile.open(blob).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(UnsupportedCodec);
    expect(e).toMatchObject({ codec: "BROTLI", column: "id" });
  });
});
