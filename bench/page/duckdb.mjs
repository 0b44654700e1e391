/*
 * The DuckDB-WASM side of the "datasets" bench (bench/datasets.mjs bundles this module with
 * webpack and serves it, DuckDB-WASM's workers and .wasm files and a page from one local
 * origin, as the add-in serves its lazily loaded Datasets chunk from its own origin).
 *
 * globalThis.BenchDuckDB:
 * - init(): picks the bundle for this browser (eh: WebAssembly exceptions, no threads; coi
 *   only on a cross-origin-isolated page, which the bench page is not), starts DuckDB in its Web
 *   Worker, opens an in-memory database and connects.
 * - registerInput(selector): registers every File of an <input type=file> (set by the bench
 *   through playwright's setInputFiles, as a user picks a file) with the BROWSER_FILEREADER
 *   protocol: the worker reads slices of the File as the query needs them, nothing is copied
 *   into WebAssembly memory up front.
 * - run(sql): runs one statement; its wall-clock time in the page and its rows as plain
 *   objects (BIGINT as numbers).
 */
/* global document, location, Worker */
import * as duckdb from "@duckdb/duckdb-wasm";

let db = null;
let conn = null;

async function init() {
  const base = `${location.origin}/duckdb/`;
  const bundles = {
    mvp: { mainModule: base + "duckdb-mvp.wasm", mainWorker: base + "duckdb-browser-mvp.worker.js" },
    eh: { mainModule: base + "duckdb-eh.wasm", mainWorker: base + "duckdb-browser-eh.worker.js" },
  };
  const bundle = await duckdb.selectBundle(bundles);
  const t0 = performance.now();
  const worker = new Worker(bundle.mainWorker);
  db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  await db.instantiate(bundle.mainModule, bundle.pthreadWorker);
  await db.open({});
  conn = await db.connect();
  const version = await db.getVersion();
  return {
    bundle: bundle.mainModule.replace(/^.*\//, ""),
    version,
    startMs: performance.now() - t0,
    crossOriginIsolated: !!globalThis.crossOriginIsolated,
  };
}

async function registerInput(selector) {
  const files = [...document.querySelector(selector).files];
  for (const f of files) await db.registerFileHandle(f.name, f, duckdb.DuckDBDataProtocol.BROWSER_FILEREADER, true);
  return files.map((f) => ({ name: f.name, size: f.size }));
}

const plain = (v) => (typeof v === "bigint" ? Number(v) : v);

async function run(sql) {
  const t0 = performance.now();
  const table = await conn.query(sql);
  const ms = performance.now() - t0;
  const rows = table.toArray().map((r) => Object.fromEntries(Object.entries(r.toJSON()).map(([k, v]) => [k, plain(v)])));
  return { ms, rows };
}

globalThis.BenchDuckDB = { init, registerInput, run };
