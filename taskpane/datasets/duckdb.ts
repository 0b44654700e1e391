/**
 * DuckDB-WASM for the Datasets view: the only module that imports `@duckdb/duckdb-wasm`, reached
 * only through the dynamic `import()` of ./engine.ts, so webpack puts it (with apache-arrow) in its
 * own lazily loaded chunk and neither functions.js nor taskpane.js carries any of it.
 *
 * - The worker and the wasm come from the add-in's own origin (`duckdb/` beside taskpane.html;
 *   webpack.config.js copies them there): never a CDN.
 * - The database runs in its Web Worker; the pane only posts queries.
 * - A file picked by the user is registered as a browser file handle (BROWSER_FILEREADER): the
 *   worker reads the parts it needs straight from the disk file; nothing is copied or uploaded.
 * - A Parquet file is read by hyparquet (./parquet.ts, in this chunk too: DuckDB-WASM reads
 *   Parquet only through an extension it would download) one row group at a time, and each row
 *   group's columns, as text, are appended to a table with {@link LocalDb.appendText}.
 */
import {
  AsyncDuckDB, DuckDBDataProtocol, selectBundle, VoidLogger, PACKAGE_VERSION, type AsyncDuckDBConnection,
} from "@duckdb/duckdb-wasm";
import { Table } from "apache-arrow";
import { utf8Vector } from "./arrow";

import type { ParquetFile } from "./parquet";

// The Parquet reader (hyparquet) is part of this chunk too: ./run.ts reaches it through here.
export { HYPARQUET_VERSION, ParquetFile, UnsupportedCodec } from "./parquet";

/** Where the worker and wasm files are, relative to the pane's page (webpack.config.js `DUCKDB_FILES`). */
export const DUCKDB_DIR = "duckdb/";

/** The engine's version, for the provenance note. */
export const DUCKDB_VERSION = PACKAGE_VERSION;

/** A progress report of a run: the share done (0–1) when known; reading a Parquet file, the row groups done and the rows read. */
export interface Progress {
  fraction?: number;
  rowGroups?: { done: number; total: number };
  rows?: number;
}

/** The query was cancelled by the user. */
export class Cancelled extends Error {
  constructor() {
    super("cancelled");
    this.name = "Cancelled";
  }
}

/** A DuckDB identifier in double quotes. */
const quote = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/** Same-origin URLs of the files of one bundle ("eh": WebAssembly exceptions; "mvp": any engine). */
function bundleUrls(kind: "eh" | "mvp"): { mainModule: string; mainWorker: string } {
  const base = new URL(DUCKDB_DIR, document.baseURI);
  return { mainModule: new URL(`duckdb-${kind}.wasm`, base).href, mainWorker: new URL(`duckdb-browser-${kind}.worker.js`, base).href };
}

/** An open DuckDB in its worker, with one connection. */
export class LocalDb {
  private constructor(
    private readonly db: AsyncDuckDB,
    private readonly worker: Worker,
    private conn: AsyncDuckDBConnection,
    readonly bundle: "eh" | "mvp",
  ) {}

  /** Start the worker, instantiate the wasm (same origin), open an in-memory database. */
  static async start(): Promise<LocalDb> {
    // Manual bundles, both on this origin: "eh" where the engine has WebAssembly exceptions (every
    // current Edge/WebView2, Chrome, Safari 15.2+), else "mvp".
    const picked = await selectBundle({ mvp: bundleUrls("mvp"), eh: bundleUrls("eh") });
    const kind = picked.mainModule.endsWith("duckdb-eh.wasm") ? "eh" : "mvp";
    const urls = { mainModule: picked.mainModule, mainWorker: picked.mainWorker ?? bundleUrls(kind).mainWorker };
    const worker = new Worker(urls.mainWorker);
    const db = new AsyncDuckDB(new VoidLogger(), worker);
    try {
      await db.instantiate(urls.mainModule);
      // BIGINT counts as JS numbers; no extension is ever fetched (they would come from a CDN).
      await db.open({ query: { castBigIntToDouble: true }, allowUnsignedExtensions: false });
      const conn = await db.connect();
      await conn.query("SET autoinstall_known_extensions = false");
      await conn.query("SET autoload_known_extensions = false");
      await conn.query("SET enable_progress_bar = true");
      return new LocalDb(db, worker, conn, kind);
    } catch (e) {
      worker.terminate();
      throw e;
    }
  }

  /** Make `file` readable by DuckDB under `name` (read in place by the worker, never copied). */
  async register(name: string, file: File): Promise<void> {
    await this.db.dropFile(name).catch(() => undefined);
    await this.db.registerFileHandle(name, file, DuckDBDataProtocol.BROWSER_FILEREADER, true);
  }

  /** Forget a registered file. */
  async unregister(name: string): Promise<void> {
    await this.db.dropFile(name).catch(() => undefined);
  }

  /**
   * Read a Parquet file's `columns` into `table` (made anew, one VARCHAR column each, in this
   * order), row group by row group: hyparquet reads and converts one group (./parquet.ts), it is
   * appended ({@link appendText}), the row groups done and rows read are reported (`fraction`
   * up to `share` of the run), and the read stops between groups when `signal` aborts
   * ({@link Cancelled}). Only one row group's values are held in the page at a time.
   */
  async loadParquet(
    pq: ParquetFile,
    table: string,
    columns: readonly string[],
    opts: { signal?: AbortSignal; onProgress?(p: Progress): void; share?: number } = {},
  ): Promise<void> {
    const t = quote(table);
    // A CSV opened before left its view under the same name.
    await this.conn.query(`DROP VIEW IF EXISTS ${t}`).catch(() => undefined);
    await this.conn.query(`CREATE OR REPLACE TABLE ${t} (${columns.map((c) => `${quote(c)} VARCHAR`).join(", ")})`);
    const total = pq.rowGroups;
    const share = opts.share ?? 1;
    let rows = 0;
    const report = (done: number) =>
      opts.onProgress?.({ fraction: share * (pq.rows ? rows / pq.rows : done / Math.max(1, total)), rowGroups: { done, total }, rows });
    report(0);
    for (let i = 0; i < total; i++) {
      if (opts.signal?.aborted) throw new Cancelled();
      const values = await pq.readGroup(i, columns);
      if (opts.signal?.aborted) throw new Cancelled();
      await this.appendText(table, columns, values);
      rows += pq.groupRows(i);
      report(i + 1);
      // Let the pane paint the progress and take a Cancel click between row groups.
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  }

  /**
   * Append rows to `table` (made beforehand with one VARCHAR column per array, in this order):
   * one Arrow Utf8 vector per column ({@link utf8Vector}), null for NULL, sent to the worker with
   * `insertArrowTable`.
   */
  async appendText(table: string, names: readonly string[], columns: readonly (readonly (string | null)[])[]): Promise<void> {
    if (!columns.length || !columns[0].length) return;
    const vectors = Object.fromEntries(names.map((n, j) => [n, utf8Vector(columns[j])]));
    await this.conn.insertArrowTable(new Table(vectors), { name: table, create: false });
  }

  /** Run a statement that returns nothing of interest. */
  async exec(sql: string): Promise<void> {
    await this.conn.query(sql);
  }

  /**
   * Run a query as a pending query, so that it can be cancelled (`signal`) between the worker's
   * steps, and report DuckDB's own progress. Rows as plain objects (BIGINT as numbers).
   */
  async rows(sql: string, opts: { signal?: AbortSignal; onProgress?(p: Progress): void } = {}): Promise<Record<string, unknown>[]> {
    const { signal, onProgress } = opts;
    if (signal?.aborted) throw new Cancelled();
    const handlers = (this.db as unknown as { _onExecutionProgress: ((p: { percentage: string }) => void)[] })._onExecutionProgress;
    const onExec = (p: { percentage: string }): void => {
      const pct = Number(p.percentage);
      if (Number.isFinite(pct) && pct >= 0) onProgress?.({ fraction: Math.min(1, pct / 100) });
    };
    handlers.push(onExec);
    const cancel = (): void => {
      void this.conn.cancelSent().catch(() => undefined);
    };
    signal?.addEventListener("abort", cancel);
    try {
      const reader = await this.conn.send(sql, false);
      const out: Record<string, unknown>[] = [];
      for await (const batch of reader) {
        for (const row of batch) out.push(row.toJSON() as Record<string, unknown>);
      }
      if (signal?.aborted) throw new Cancelled();
      return out;
    } catch (e) {
      if (signal?.aborted) throw new Cancelled();
      throw e;
    } finally {
      signal?.removeEventListener("abort", cancel);
      handlers.splice(handlers.indexOf(onExec), 1);
    }
  }

  /** Stop the worker (a query that did not stop on cancel ends with it). */
  async terminate(): Promise<void> {
    try {
      await this.conn.close();
    } catch {
      // the worker may be stuck: it is terminated below anyway
    }
    this.worker.terminate();
  }

  /** Stop the worker at once, without waiting for it. */
  kill(): void {
    this.worker.terminate();
  }
}
