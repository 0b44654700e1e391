/*
 * The Datasets view (issue #17) in the workbench, with the BUILT pane (DTC_DIST) and the real
 * DuckDB-WASM of its lazy chunk, served from the same origin (the harness blocks and counts any
 * request outside localhost): a generated CSV is opened through the file picker (setInputFiles),
 * the columns are guessed from its English or Chinese headers, FAST.ROWS, AIPL.FLOW and
 * GROW.ROWS and ASSOC (with options) run, and the result sheet holds the numbers the JS engine (src/models) gives on the
 * same rows, then the provenance note (file, rows read, rows skipped, checks, time, the query
 * that DTC.SQL gives for the same columns). Rows the function refuses show its #VALUE! message
 * and write nothing; Cancel stops a long read and writes nothing. A Parquet file (written here by
 * native DuckDB, in several row groups) is read by hyparquet in the pane, with no extension and
 * nothing fetched: FAST.ROWS and GROW.ROWS on it give the JS engine's numbers on the same rows as
 * text, the note says how it was read, and Cancel stops between row groups.
 */
import { mkdtempSync, rmSync, writeFileSync, createWriteStream } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { CellError, type ResultCell } from "../../src/excel/errors";
import { DuckDBInstance } from "@duckdb/node-api";
import { aiplFlowExcel } from "../../src/models/aipl";
import { assocExcel } from "../../src/models/assoc";
import { fastRowsExcel } from "../../src/models/fast";
import { growRowsExcel } from "../../src/models/grow";
import { compileSql } from "../../src/sql/compile";
import { HYPARQUET_VERSION } from "../../taskpane/datasets/parquet";
import { workbenchSuite } from "./page";
import { rng, pick } from "../harness/rng";

const suite = workbenchSuite();
const tmp = mkdtempSync(path.join(tmpdir(), "dtc-datasets-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

// --- data ------------------------------------------------------------------------------------------


type Row = string[];

/** One row per consumer: stages in English and Chinese words, padded and in any case; flags of every kind; some blank rows. */
function fastRows(n: number, seed: number, invalid = 0): Row[] {
  const r = rng(seed);
  const stages = ["A", "i", " P ", "l", "Awareness", "认知", "兴趣", "购买", "忠诚", "-", "none", "无", ""];
  const flags = ["1", "0", "Y", "n", "TRUE", "false", "是", "否", ""];
  const rows: Row[] = [];
  for (let i = 0; i < n; i++) {
    if (r() < 0.03) rows.push(["", "", "", ""]);
    else rows.push([pick(r, stages), pick(r, stages), pick(r, flags), pick(r, flags)]);
  }
  for (let k = 0; k < invalid; k++) rows[10 + k * 7][1] = "X";
  return rows;
}

/** One row per order line: period 0/1, customer, category, GMV; every category in both periods. */
function growRows(n: number, seed: number): Row[] {
  const r = rng(seed);
  const rows: Row[] = [];
  for (let i = 0; i < n; i++) {
    const period = i < 8 ? String(i % 2) : pick(r, ["0", "1", " 1 "]);
    rows.push([period, `c${Math.floor(r() * 300)}`, `cat${i < 8 ? i % 4 : Math.floor(r() * 4)}`, (Math.round(r() * 100000) / 100).toFixed(2)]);
  }
  return rows;
}

/** CSV text: a header line, then the rows (every field quoted when it holds a comma, quote or space at an end). */
function csv(headers: readonly string[], rows: readonly Row[]): string {
  const field = (s: string): string => (/[",\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  return [headers.map(field).join(","), ...rows.map((r) => r.map(field).join(","))].join("\n") + "\n";
}

function writeCsv(name: string, headers: readonly string[], rows: readonly Row[]): string {
  const file = path.join(tmp, name);
  writeFileSync(file, csv(headers, rows));
  return file;
}

/** The rows as Excel would hand one column to a function: a header cell, then the cells (blank as ""). */
const column = (header: string, rows: readonly Row[], j: number): unknown[][] => [[header], ...rows.map((r) => [r[j]])];

/** A result cell as the sheet holds it: a number, or an error cell's code as text. */
const asShown = (v: ResultCell): number | string => (v instanceof CellError ? v.kind : v);

/** A SQL literal of a value (NULL, a boolean, a number as it is, text quoted). */
const literal = (v: string | number | boolean | null): string =>
  v === null ? "NULL" : typeof v === "string" ? `'${v.replace(/'/g, "''")}'` : String(v);

/** A Parquet file written by native DuckDB from typed rows (`types`: column → DuckDB type), in row groups of `rowGroupSize`; returns its row-group count. */
async function writeParquet(file: string, types: readonly [string, string][], rows: readonly (string | number | boolean | null)[][], rowGroupSize: number): Promise<number> {
  const db = await DuckDBInstance.create(":memory:");
  const con = await db.connect();
  try {
    await con.run(`CREATE TABLE t (${types.map(([n, t]) => `"${n}" ${t}`).join(", ")})`);
    for (let i = 0; i < rows.length; i += 1000) {
      await con.run(`INSERT INTO t VALUES ${rows.slice(i, i + 1000).map((r) => `(${r.map(literal).join(", ")})`).join(", ")}`);
    }
    const f = file.replace(/'/g, "''");
    await con.run(`COPY t TO '${f}' (FORMAT parquet, ROW_GROUP_SIZE ${rowGroupSize})`);
    const groups = await con.runAndReadAll(`SELECT count(DISTINCT row_group_id)::INTEGER AS n FROM parquet_metadata('${f}')`);
    return Number(groups.getRowObjects()[0].n);
  } finally {
    con.closeSync();
    db.closeSync();
  }
}

/**
 * One row per consumer and order line, typed as a warehouse table would have it: stage labels as
 * text (English, Chinese, padded, NULL), is_member BOOLEAN, is_active INTEGER, period INTEGER,
 * customer BIGINT, category text, gmv DECIMAL(12, 2), with NULLs and some all-NULL consumer rows.
 * Returns the typed rows and the same rows as the text a CSV of them holds (NULL as blank).
 */
function typedRows(n: number, seed: number): { typed: (string | number | boolean | null)[][]; text: Row[] } {
  const r = rng(seed);
  const stages = ["A", "i", " P ", "l", "Awareness", "认知", "兴趣", "购买", "忠诚", "\u3000忠诚\u3000", "-", "none", "无", null];
  const typed: (string | number | boolean | null)[][] = [];
  for (let i = 0; i < n; i++) {
    const blankRow = r() < 0.03;
    const s0 = blankRow ? null : pick(r, stages);
    const s1 = blankRow ? null : pick(r, stages);
    const member = blankRow ? null : pick(r, [true, false, null]);
    const active = blankRow ? null : pick(r, [1, 0, 2, null]);
    const period = i < 8 ? i % 2 : pick(r, [0, 1]);
    const customer = Math.floor(r() * 300);
    const category = pick(r, ["洁面", "精华", "toner", "mask"]);
    const gmv = Math.round(r() * 100000) / 100;
    typed.push([s0, s1, member, active, period, customer, i < 8 ? ["洁面", "精华", "toner", "mask"][i % 4] : category, gmv, i]);
  }
  const text = typed.map((row) =>
    row.map((v, j) => (v === null ? "" : j === 7 ? (v as number).toFixed(2) : String(v))),
  );
  return { typed, text };
}

// --- the page ----------------------------------------------------------------------------------------

const pane = (page: Page) => page.locator("#root");
const panel = (page: Page) => pane(page).locator('[role="tabpanel"]:not([hidden])');

async function openDatasets(page: Page, tab: string): Promise<void> {
  await expect.poll(() => pane(page).getByRole("tab", { name: tab }).count(), { timeout: 20_000 }).toBe(1);
  await pane(page).getByRole("tab", { name: tab }).click();
}

/** Open a file with the view's picker and wait until its columns are read. */
async function openFile(page: Page, file: string): Promise<void> {
  await panel(page).locator('input[type=file][data-dtc="dataset-file"]').setInputFiles(file);
  await expect.poll(() => panel(page).locator('[data-dtc="dataset-info"]').textContent(), { timeout: 60_000 }).toContain(path.basename(file));
}

interface SheetDump {
  names: string[];
  values: unknown[][];
}

/** The sheet names of the workbench, and the values of one sheet (from its HyperFormula book). */
async function sheet(page: Page, name?: string): Promise<SheetDump> {
  return page.evaluate((n) => {
    const hf = (window as unknown as { DTC_WORKBENCH_BOOK: { hf: { getSheetNames(): string[]; getSheetId(n: string): number | undefined; getSheetValues(id: number): unknown[][] } } }).DTC_WORKBENCH_BOOK.hf;
    const names = hf.getSheetNames();
    const id = n === null ? undefined : hf.getSheetId(n);
    return { names, values: id === undefined ? [] : hf.getSheetValues(id) };
  }, name ?? null);
}

/** The value beside a label of the provenance note (column A label, column B value). */
function note(values: unknown[][], labelText: string): unknown {
  const row = values.find((r) => r[0] === labelText);
  return row?.[1];
}

const statusText = (page: Page) => panel(page).textContent();

describe("the Datasets view", () => {
  it("opens a CSV with English headers, runs FAST.ROWS and AIPL.FLOW, and writes result sheets equal to the JS engine, with the provenance note", async () => {
    const { page } = await suite.open();
    const headers = ["customer_id", "stage_start", "stage_end", "is_member", "is_active"];
    const rows = fastRows(3000, 7);
    const withId = rows.map((r, i) => [`u${i}`, ...r]);
    const file = writeCsv("consumers.csv", headers, withId);
    await openDatasets(page, "Datasets");
    await openFile(page, file);
    // The guess: FAST.ROWS, each column by its header.
    expect(await panel(page).getByLabel("Model").inputValue()).toBe("FAST.ROWS");
    for (const p of ["stage_start", "stage_end", "is_member", "is_active"]) {
      const sel = panel(page).getByLabel(`File column for ${p}`);
      expect(await sel.locator("option:checked").textContent()).toBe(p);
    }
    await panel(page).getByRole("button", { name: "Run and write sheet" }).click();
    await expect.poll(() => statusText(page), { timeout: 60_000 }).toContain('Created sheet "FAST.ROWS consumers"');

    const expected = fastRowsExcel(column("stage_start", rows, 0), column("stage_end", rows, 1), column("is_member", rows, 2), column("is_active", rows, 3));
    const s = await sheet(page, "FAST.ROWS consumers");
    expect(s.values[0][0]).toBe("FAST.ROWS of consumers.csv");
    expect(s.values[4].slice(0, 4)).toEqual(["Fertility", "Advancing", "Superiority", "Thriving"]);
    const got = s.values[5].slice(0, 4) as number[];
    expected.map(asShown).forEach((x, k) => {
      if (typeof x === "number") expect(got[k]).toBeCloseTo(x, 12);
      else expect(got[k]).toBe(x);
    });
    // The note.
    // SQL reads the text "0" as the number 0 an empty cell may arrive as (docs/sql.md, "Zero as text").
    const blank = rows.filter((r) => r.every((c) => c.trim() === "" || c.trim() === "0")).length;
    expect(blank).toBeGreaterThan(0);
    expect(note(s.values, "File")).toMatch(/^consumers\.csv \(\d+(\.\d)? KB\), read on this computer; never uploaded$/);
    expect(note(s.values, "Model")).toBe("FAST.ROWS");
    expect(note(s.values, "Columns")).toBe("stage_start ← stage_start; stage_end ← stage_end; is_member ← is_member; is_active ← is_active");
    expect(note(s.values, "Options")).toBe("none");
    expect(note(s.values, "Rows read")).toBe(3000);
    // The customer_id column is not mapped, so a row blank in the four mapped columns is skipped.
    expect(note(s.values, "Rows skipped")).toBe(`${blank} blank rows (every mapped column blank or 0), skipped as the function skips them; no row was skipped for an invalid value`);
    expect(note(s.values, "Invalid values")).toBe(
      "none, the function accepts every row: invalid_stage_start 0 rows; invalid_stage_end 0 rows; invalid_is_member 0 rows; invalid_is_active 0 rows",
    );
    expect(String(note(s.values, "Time taken"))).toMatch(/^\d+(\.\d)? s$/);
    expect(String(note(s.values, "Engine"))).toMatch(/^DuckDB-WASM \d+\.\d+\.\d+ \(eh\) in the task pane/);
    expect(note(s.values, "Table")).toBe("CREATE OR REPLACE VIEW \"dataset\" AS SELECT * FROM read_csv('consumers.csv', header = true, all_varchar = true)");
    const sql = compileSql({ model: "FAST.ROWS", table: "dataset", columns: ["stage_start", "stage_end", "is_member", "is_active"], dialect: "duckdb" }).text;
    expect(note(s.values, "Query")).toBe(sql);

    // Another model on the same file: AIPL.FLOW, its 5 rows with their stage labels.
    await panel(page).getByLabel("Model").selectOption("AIPL.FLOW");
    expect(await panel(page).getByLabel("File column for stage_start").locator("option:checked").textContent()).toBe("stage_start");
    await panel(page).getByRole("button", { name: "Run and write sheet" }).click();
    await expect.poll(() => statusText(page), { timeout: 60_000 }).toContain('Created sheet "AIPL.FLOW consumers"');
    const flow = await sheet(page, "AIPL.FLOW consumers");
    expect(flow.values[4].slice(0, 7)).toEqual(["row", "stage", "A", "I", "P", "L", "none"]);
    const flowJs = aiplFlowExcel(column("stage_start", rows, 0), column("stage_end", rows, 1));
    expect(flow.values.slice(5, 10).map((r) => r.slice(1, 7))).toEqual(flowJs.map((r, i) => [["A", "I", "P", "L", "none"][i], ...r.map(asShown)]));
    expect(note(flow.values, "Rows read")).toBe(3000);
    // Nothing was overwritten: both sheets are there, besides the sample's.
    expect((await sheet(page)).names).toEqual(expect.arrayContaining(["FAST.ROWS consumers", "AIPL.FLOW consumers"]));
  }, 120_000);

  it("in Chinese: guesses GROW.ROWS from Chinese headers and writes the JS engine's numbers", async () => {
    const { page } = await suite.open("?lang=zh-CN");
    const headers = ["订单号", " 期间 ", "客户", "品类", "成交额"];
    const rows = growRows(2500, 11);
    const file = writeCsv("订单.csv", headers, rows.map((r, i) => [`o${i}`, ...r]));
    await openDatasets(page, "数据集");
    await openFile(page, file);
    expect(await panel(page).getByLabel("模型").inputValue()).toBe("GROW.ROWS");
    // DuckDB's CSV reader trims the header names.
    expect(await panel(page).getByLabel("period 对应的文件列").locator("option:checked").textContent()).toBe("期间");
    await panel(page).getByRole("button", { name: "运行并写入新工作表" }).click();
    await expect.poll(() => statusText(page), { timeout: 60_000 }).toContain("GROW.ROWS 订单");
    const expected = growRowsExcel(column("period", rows, 0), column("customer", rows, 1), column("category", rows, 2), column("gmv", rows, 3)) as number[];
    const s = await sheet(page, "GROW.ROWS 订单");
    expect(s.values[0][0]).toBe("订单.csv 的 GROW.ROWS");
    expect(s.values[4].slice(0, 4)).toEqual(["Gain", "Retain", "Boost", "Widen"]);
    const got = s.values[5].slice(0, 4) as number[];
    const scale = rows.reduce((t, r) => t + Number(r[3]), 0);
    expected.forEach((x, k) => expect(Math.abs(got[k] - x)).toBeLessThanOrEqual(1e-9 * scale));
    expect(note(s.values, "读取行数")).toBe(2500);
    expect(note(s.values, "文件")).toMatch(/^订单\.csv（.*），在本机读取，未上传$/);
    expect(String(note(s.values, "查询"))).toMatch(/^WITH /);
  }, 120_000);

  it("runs ASSOC with its options, as the JS engine on the same rows", async () => {
    const { page } = await suite.open();
    const r = rng(23);
    const cats = ["cleanser", "toner", "serum", "mask", "lipstick", "洁面", "精华"];
    const lines: [string, string][] = [];
    for (let b = 0; b < 400; b++) for (let k = 0; k < 1 + Math.floor(r() * 4); k++) lines.push([`b${b}`, pick(r, cats)]);
    await openDatasets(page, "Datasets");
    const file = writeCsv("lines.csv", ["order_id", "category"], lines);
    await openFile(page, file);
    expect(await panel(page).getByLabel("Model").inputValue()).toBe("ASSOC");
    await panel(page).getByLabel("min_support").fill("0.05");
    await panel(page).getByLabel("top_n").fill("6");
    await panel(page).getByRole("button", { name: "Run and write sheet" }).click();
    await expect.poll(() => statusText(page), { timeout: 60_000 }).toContain('Created sheet "ASSOC lines"');
    const expected = assocExcel(column("order_id", lines, 0), column("category", lines, 1), 0.05, 6);
    const s = await sheet(page, "ASSOC lines");
    expect(s.values[4].slice(0, 6)).toEqual(["from", "to", "support", "confidence", "lift", "baskets_both"]);
    expect(expected.length).toBe(6);
    expected.forEach((row, i) => {
      const got = s.values[5 + i].slice(0, 6);
      expect(got.slice(0, 2)).toEqual(row.slice(0, 2));
      row.slice(2).forEach((x, k) => expect(got[2 + k] as number).toBeCloseTo(x as number, 12));
    });
    expect(note(s.values, "Options")).toBe("min_support=0.05, top_n=6");
    expect(note(s.values, "Rows read")).toBe(lines.length);
  }, 120_000);

  it("opens a Parquet file (hyparquet, several row groups, no network): FAST.ROWS and GROW.ROWS equal the JS engine on the same rows as text, and the note says how it was read", async () => {
    const { page } = await suite.open();
    const types: [string, string][] = [
      ["stage_start", "VARCHAR"], ["stage_end", "VARCHAR"], ["is_member", "BOOLEAN"], ["is_active", "INTEGER"],
      ["period", "INTEGER"], ["customer", "BIGINT"], ["category", "VARCHAR"], ["gmv", "DECIMAL(12, 2)"], ["row_id", "INTEGER"],
    ];
    const { typed, text } = typedRows(6000, 31);
    const file = path.join(tmp, "consumers.parquet");
    const groups = await writeParquet(file, types, typed, 2048);
    expect(groups).toBeGreaterThanOrEqual(2);
    await openDatasets(page, "Datasets");
    await openFile(page, file);
    expect(await panel(page).locator('[data-dtc="dataset-info"]').textContent()).toMatch(/consumers\.parquet · .* · 9 columns/);

    // FAST.ROWS: the guess picks its four columns by their headers.
    await panel(page).getByLabel("Model").selectOption("FAST.ROWS");
    for (const p of ["stage_start", "stage_end", "is_member", "is_active"]) {
      expect(await panel(page).getByLabel(`File column for ${p}`).locator("option:checked").textContent()).toBe(p);
    }
    await panel(page).getByRole("button", { name: "Run and write sheet" }).click();
    await expect.poll(() => statusText(page), { timeout: 60_000 }).toContain('Created sheet "FAST.ROWS consumers"');
    const fast = fastRowsExcel(column("stage_start", text, 0), column("stage_end", text, 1), column("is_member", text, 2), column("is_active", text, 3));
    const s = await sheet(page, "FAST.ROWS consumers");
    expect(s.values[0][0]).toBe("FAST.ROWS of consumers.parquet");
    expect(s.values[4].slice(0, 4)).toEqual(["Fertility", "Advancing", "Superiority", "Thriving"]);
    const got = s.values[5].slice(0, 4) as number[];
    fast.map(asShown).forEach((x, k) => {
      if (typeof x === "number") expect(got[k]).toBeCloseTo(x, 12);
      else expect(got[k]).toBe(x);
    });
    const blank = text.filter((r) => r.slice(0, 4).every((c) => c.trim() === "" || c.trim() === "0")).length;
    expect(blank).toBeGreaterThan(0);
    expect(note(s.values, "File")).toMatch(/^consumers\.parquet \(\d+(\.\d)? KB\), read on this computer; never uploaded$/);
    expect(note(s.values, "Rows read")).toBe(6000);
    expect(note(s.values, "Rows skipped")).toBe(`${blank} blank rows (every mapped column blank or 0), skipped as the function skips them; no row was skipped for an invalid value`);
    expect(note(s.values, "Parquet reader")).toBe(
      `hyparquet ${HYPARQUET_VERSION} in the task pane: ${groups} row groups, 6,000 rows, 4 of the file's 9 columns, each value as the text DuckDB casts it to (VARCHAR), one row group at a time into the table dataset`,
    );
    expect(note(s.values, "Table")).toBe(
      `CREATE OR REPLACE TABLE "dataset" AS SELECT CAST("stage_start" AS VARCHAR) AS "stage_start", CAST("stage_end" AS VARCHAR) AS "stage_end", CAST("is_member" AS VARCHAR) AS "is_member", CAST("is_active" AS VARCHAR) AS "is_active" FROM read_parquet('consumers.parquet')`,
    );
    expect(note(s.values, "Query")).toBe(compileSql({ model: "FAST.ROWS", table: "dataset", columns: ["stage_start", "stage_end", "is_member", "is_active"], dialect: "duckdb" }).text);

    // GROW.ROWS on the same file: integers (period, customer) and decimals (gmv) read as their text.
    await panel(page).getByLabel("Model").selectOption("GROW.ROWS");
    for (const p of ["period", "customer", "category", "gmv"]) {
      expect(await panel(page).getByLabel(`File column for ${p}`).locator("option:checked").textContent()).toBe(p);
    }
    await panel(page).getByRole("button", { name: "Run and write sheet" }).click();
    await expect.poll(() => statusText(page), { timeout: 60_000 }).toContain('Created sheet "GROW.ROWS consumers"');
    const grow = growRowsExcel(column("period", text, 4), column("customer", text, 5), column("category", text, 6), column("gmv", text, 7)) as number[];
    const g = await sheet(page, "GROW.ROWS consumers");
    expect(g.values[4].slice(0, 4)).toEqual(["Gain", "Retain", "Boost", "Widen"]);
    const scale = text.reduce((t, r) => t + Number(r[7]), 0);
    (g.values[5].slice(0, 4) as number[]).forEach((x, k) => expect(Math.abs(x - grow[k])).toBeLessThanOrEqual(1e-9 * scale));
    expect(note(g.values, "Rows read")).toBe(6000);
    expect(String(note(g.values, "Parquet reader"))).toContain(`${groups} row groups, 6,000 rows, 4 of the file's 9 columns`);
    // The CSV of the same rows gives the same numbers (the engine reads both as the same text).
    const csvFile = writeCsv("consumers-csv.csv", types.map(([n]) => n), text);
    await openFile(page, csvFile);
    await panel(page).getByLabel("Model").selectOption("GROW.ROWS");
    await panel(page).getByRole("button", { name: "Run and write sheet" }).click();
    await expect.poll(() => statusText(page), { timeout: 60_000 }).toContain('Created sheet "GROW.ROWS consumers-csv"');
    expect((await sheet(page, "GROW.ROWS consumers-csv")).values[5].slice(0, 4)).toEqual(g.values[5].slice(0, 4));
  }, 180_000);

  it("in Chinese: a Parquet file compressed with a codec the pane does not read is refused, naming the codec", async () => {
    const { page } = await suite.open("?lang=zh-CN");
    const file = path.join(tmp, "brotli.parquet");
    const db = await DuckDBInstance.create(":memory:");
    const con = await db.connect();
    await con.run(`COPY (SELECT 'A' AS stage_start, 'I' AS stage_end, true AS is_member, 1 AS is_active) TO '${file.replace(/'/g, "''")}' (FORMAT parquet, COMPRESSION brotli)`);
    con.closeSync();
    db.closeSync();
    await openDatasets(page, "数据集");
    await panel(page).locator('input[type=file][data-dtc="dataset-file"]').setInputFiles(file);
    await expect.poll(() => statusText(page), { timeout: 60_000 }).toContain("brotli.parquet：列 stage_start 使用 BROTLI 压缩，本窗格无法读取");
    expect(await panel(page).getByRole("button", { name: "运行并写入新工作表" }).isDisabled()).toBe(true);
  }, 120_000);

  it("refuses rows the function refuses: the #VALUE! message in the pane, and no sheet", async () => {
    const { page } = await suite.open();
    const rows = fastRows(500, 3, 3);
    const file = writeCsv("bad.csv", ["s0", "s1", "member", "active"], rows);
    await openDatasets(page, "Datasets");
    await openFile(page, file);
    // "member" and "active" are the engine's aliases; s0/s1 are not: pick them by hand.
    await panel(page).getByLabel("Model").selectOption("FAST.ROWS");
    expect(await panel(page).getByLabel("File column for is_member").locator("option:checked").textContent()).toBe("member");
    expect(await panel(page).getByRole("button", { name: "Run and write sheet" }).isDisabled()).toBe(true);
    await panel(page).getByLabel("File column for stage_start").selectOption({ label: "s0" });
    await panel(page).getByLabel("File column for stage_end").selectOption({ label: "s1" });
    const before = (await sheet(page)).names;
    await panel(page).getByRole("button", { name: "Run and write sheet" }).click();
    const refused = panel(page).locator('[data-dtc="dataset-refused"]');
    await expect.poll(() => refused.textContent(), { timeout: 60_000 }).toContain("#VALUE!");
    expect(await refused.textContent()).toBe(
      "#VALUE! stage_end (s1): 3 rows hold a value that is not a stage (use A, I, P, L, or - for outside AIPL) — the function would refuse these rows; nothing was written.",
    );
    expect((await sheet(page)).names).toEqual(before);
  }, 120_000);

  it("cancels a long read: nothing is written, and the next run works", async () => {
    const { page } = await suite.open();
    // About 3 million rows (~45 MB), streamed to disk.
    const big = path.join(tmp, "big.csv");
    await new Promise<void>((resolve, reject) => {
      const out = createWriteStream(big);
      out.on("error", reject);
      out.write("stage_start,stage_end,is_member,is_active\n");
      const line = "A,I,1,0\n i , P ,Y,N\n认知,购买,是,否\nL,-,TRUE,FALSE\n".repeat(2500);
      for (let k = 0; k < 300; k++) out.write(line);
      out.end(resolve);
    });
    await openDatasets(page, "Datasets");
    await openFile(page, big);
    const before = (await sheet(page)).names;
    await panel(page).getByRole("button", { name: "Run and write sheet" }).click();
    const progress = panel(page).locator('[data-dtc="dataset-progress"]');
    await expect.poll(() => progress.count(), { timeout: 30_000 }).toBe(1);
    await expect.poll(() => progress.textContent(), { timeout: 30_000 }).toMatch(/Reading big\.csv in DuckDB/);
    await page.waitForTimeout(300);
    await progress.getByRole("button", { name: "Cancel" }).click();
    await expect.poll(() => statusText(page), { timeout: 30_000 }).toMatch(/Cancelled after [\d.]+ s; nothing was written\./);
    expect(await progress.count()).toBe(0);
    expect((await sheet(page)).names).toEqual(before);

    // The view still works: a small file runs to its sheet.
    const small = writeCsv("after.csv", ["stage_start", "stage_end", "is_member", "is_active"], fastRows(200, 5));
    await openFile(page, small);
    await panel(page).getByRole("button", { name: "Run and write sheet" }).click();
    await expect.poll(() => statusText(page), { timeout: 60_000 }).toContain('Created sheet "FAST.ROWS after"');
  }, 180_000);

  it("cancels a Parquet read between row groups, with the row groups done in the progress: nothing is written, and the next run works", async () => {
    const { page } = await suite.open();
    // 3 million rows in row groups of 20,480 (about 150 groups), written by native DuckDB.
    const big = path.join(tmp, "big.parquet");
    const db = await DuckDBInstance.create(":memory:");
    const con = await db.connect();
    await con.run(
      `COPY (SELECT ['A', ' i ', '认知', 'L'][i % 4 + 1] AS stage_start, ['I', 'P', '购买', '-'][i % 4 + 1] AS stage_end, i % 3 = 0 AS is_member, (i % 2)::INTEGER AS is_active FROM range(3000000) r(i)) TO '${big.replace(/'/g, "''")}' (FORMAT parquet, ROW_GROUP_SIZE 20480)`,
    );
    con.closeSync();
    db.closeSync();
    await openDatasets(page, "Datasets");
    await openFile(page, big);
    const before = (await sheet(page)).names;
    await panel(page).getByRole("button", { name: "Run and write sheet" }).click();
    const progress = panel(page).locator('[data-dtc="dataset-progress"]');
    await expect.poll(() => progress.textContent(), { timeout: 30_000 }).toMatch(/Reading big\.parquet: [1-9]\d* of \d{3} row groups · [\d,]+ rows · [\d.]+ s/);
    await progress.getByRole("button", { name: "Cancel" }).click();
    // (90 s: on an overloaded machine, CI's once, the page itself answered slowly.)
    await expect.poll(() => statusText(page), { timeout: 90_000 }).toMatch(/Cancelled after [\d.]+ s; nothing was written\./);
    expect(await progress.count()).toBe(0);
    expect((await sheet(page)).names).toEqual(before);

    const { typed } = typedRows(300, 9);
    const small = path.join(tmp, "after.parquet");
    await writeParquet(small, [["stage_start", "VARCHAR"], ["stage_end", "VARCHAR"], ["is_member", "BOOLEAN"], ["is_active", "INTEGER"]], typed.map((r) => r.slice(0, 4)), 2048);
    await openFile(page, small);
    await panel(page).getByRole("button", { name: "Run and write sheet" }).click();
    await expect.poll(() => statusText(page), { timeout: 60_000 }).toContain('Created sheet "FAST.ROWS after"');
  }, 180_000);
});
