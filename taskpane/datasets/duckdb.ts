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
 */
import {
  AsyncDuckDB, DuckDBDataProtocol, selectBundle, VoidLogger, PACKAGE_VERSION, type AsyncDuckDBConnection,
} from "@duckdb/duckdb-wasm";

/** Where the worker and wasm files are, relative to the pane's page (webpack.config.js `DUCKDB_FILES`). */
export const DUCKDB_DIR = "duckdb/";

/** The engine's version, for the provenance note. */
export const DUCKDB_VERSION = PACKAGE_VERSION;

/** A progress report of a running query: the share done (0–1) when DuckDB knows it. */
export interface Progress {
  fraction?: number;
}

/** The query was cancelled by the user. */
export class Cancelled extends Error {
  constructor() {
    super("cancelled");
    this.name = "Cancelled";
  }
}

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
   * Make `read_parquet` available. This DuckDB-WASM build has no Parquet reader built in: it is
   * the `parquet` extension, which DuckDB would fetch from extensions.duckdb.org. Here it may only
   * come from the add-in's own origin (`duckdb/extensions/`, when the deployment puts DuckDB's
   * signed parquet extension there); false when it is not there (nothing is fetched elsewhere).
   */
  async loadParquet(): Promise<boolean> {
    if (this.parquet !== undefined) return this.parquet;
    const repo = new URL(`${DUCKDB_DIR}extensions`, document.baseURI).href;
    try {
      await this.conn.query(`SET custom_extension_repository = '${repo.replace(/'/g, "''")}'`);
      await this.conn.query("INSTALL parquet");
      await this.conn.query("LOAD parquet");
      this.parquet = true;
    } catch {
      this.parquet = false;
    }
    return this.parquet;
  }

  private parquet: boolean | undefined;

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
