/*
 * The Datasets view's pure parts (no DuckDB): the column mapping guessed from a file's headers
 * (English and Chinese aliases of the engine, padded and odd-case headers), the model guess, the
 * options as DTC.SQL takes them, the counting query of the note, and the result sheet with its
 * provenance note (a plan the Workbook port accepts; a long query split over cells under Excel's
 * 32,767 characters).
 */
import { DuckDBInstance } from "@duckdb/node-api";
import { describe, expect, it } from "vitest";
import { CellError } from "../../src/excel/errors";
import { STAGE_COLUMN_NAMES } from "../../src/models/aipl";
import { CALIBRATE_COLUMNS } from "../../src/models/calibrate";
import { FLAG_COLUMN_NAMES } from "../../src/models/fast";
import { GROW_COLUMN_NAMES } from "../../src/models/grow";
import { MAX_CELL_TEXT } from "../../src/sql/compile";
import {
  aliasesOf, datasetModel, DATASET_MODELS, guessMapping, guessModel, indicatorsOf, normHeader, optionValues, optionsText,
} from "../../taskpane/datasets/mapping";
import { countQuery, fileKind, readerOf, viewStatement, type RunResult } from "../../taskpane/datasets/run";
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
    expect(viewStatement("x.parquet", "parquet")).toBe(`CREATE OR REPLACE VIEW "dataset" AS SELECT * FROM read_parquet('x.parquet')`);
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
