/**
 * The Datasets view's access to DuckDB: one database per pane, started on first use by loading
 * the lazy chunk (`import()` of ./duckdb.ts, webpack chunk "duckdb") and, after a Cancel that had
 * to stop the worker, started again on the next use.
 */
import type { LocalDb } from "./duckdb";

type DuckModule = typeof import("./duckdb");

let chunk: Promise<DuckModule> | undefined;
let db: Promise<LocalDb> | undefined;
/** The database `db` resolved to. */
let started: LocalDb | undefined;

/** The lazy chunk (loaded once; a failed load is tried again next time). */
export function duckModule(): Promise<DuckModule> {
  if (!chunk) {
    chunk = import(/* webpackChunkName: "duckdb" */ "./duckdb");
    chunk.catch(() => {
      chunk = undefined;
    });
  }
  return chunk;
}

/** The pane's database, started on first use. */
export function localDb(): Promise<LocalDb> {
  if (!db) {
    const next = duckModule().then((m) => m.LocalDb.start());
    db = next;
    next.then(
      (d) => {
        if (db === next) started = d;
      },
      () => {
        if (db === next) db = undefined;
      },
    );
  }
  return db;
}

/** The pane's database as it is now, undefined when none is started (or it was stopped): no start. */
export function currentDb(): LocalDb | undefined {
  return started;
}

/** Stop the worker now (a query that ignored Cancel): the next {@link localDb} starts a new one. */
export async function killDb(): Promise<void> {
  const current = db;
  db = undefined;
  started = undefined;
  if (current) (await current.catch(() => undefined))?.kill();
}
