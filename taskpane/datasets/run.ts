/**
 * One run of the Datasets view: a local file opened in DuckDB (in its worker), a model compiled
 * by the SQL compiler (`compileSql`, the same text `DTC.SQL` gives), its rows read back into the
 * function's result or its `#VALUE!` (`queryResult`), and the counts of the provenance note.
 *
 * A CSV is read as a view over `read_csv(…, all_varchar = true)` (every cell as its text, as
 * docs/sql.md recommends: labels and numbers read exactly as the function reads cells); nothing is
 * copied out of it. A Parquet file is read by hyparquet in the pane (DuckDB-WASM has no Parquet
 * reader without its downloadable extension), one row group at a time, its mapped columns as the
 * text DuckDB gives them, into a table of the same name that is dropped after the run. Nothing
 * leaves the machine.
 */
import { InputError, type CellError, type ResultCell } from "../../src/excel/errors";
import { compileSql, queryResult, type Compiled } from "../../src/sql/compile";
import {
  cells, countAll, countIf, fromCte, name, quoteIdent, quoteString, renderQuery, select, tableRef, unsafeName, withCtes,
} from "../../src/sql/core";
import { datasetModel } from "./mapping";
import { currentDb, duckModule, killDb, localDb } from "./engine";
import type { LocalDb, ParquetFile, Progress } from "./duckdb";

/** The name of the view (CSV) or table (Parquet) the queries read: the file. */
export const DATASET_VIEW = "dataset";

/** File types the view opens, by the end of the name. */
export type FileKind = "csv" | "parquet";

/** The kind of a file name, or undefined when the view does not read it. */
export function fileKind(fileName: string): FileKind | undefined {
  const n = fileName.toLowerCase();
  if (/\.parquet$/.test(n)) return "parquet";
  if (/\.(csv|tsv|txt)(\.gz)?$/.test(n)) return "csv";
  return undefined;
}

/** The table function that reads a registered file, e.g. `read_csv('orders.csv', header = true, all_varchar = true)`. */
export function readerOf(registered: string, kind: FileKind): string {
  const f = quoteString(registered, "duckdb");
  return kind === "csv" ? `read_csv(${f}, header = true, all_varchar = true)` : `read_parquet(${f})`;
}

/**
 * The statement that makes the file what the queries read: a CSV, the view over `read_csv`; a
 * Parquet file, the table of its `columns` as text. The pane fills that table itself (hyparquet,
 * `LocalDb.appendText`); the statement is what DuckDB's own reader does to the same effect, so
 * pasting it next to the file in the DuckDB shell gives the same table.
 */
export function viewStatement(registered: string, kind: FileKind, columns: readonly string[] = []): string {
  const target = quoteIdent(DATASET_VIEW, "duckdb");
  if (kind === "csv") return `CREATE OR REPLACE VIEW ${target} AS SELECT * FROM ${readerOf(registered, kind)}`;
  const cols = columns.map((c) => `CAST(${quoteIdent(c, "duckdb")} AS VARCHAR) AS ${quoteIdent(c, "duckdb")}`);
  return `CREATE OR REPLACE TABLE ${target} AS SELECT ${cols.join(", ")} FROM ${readerOf(registered, kind)}`;
}

/** A file the user opened: what it is and its columns. */
export interface OpenedFile {
  readonly file: File;
  readonly kind: FileKind;
  /** The name DuckDB reads it by (the file's own name when it is a safe one). */
  readonly registered: string;
  readonly headers: readonly string[];
  /** A Parquet file: its footer as hyparquet read it (columns, row groups, rows). */
  readonly parquet?: ParquetFile;
}

/** The registered name of a file: its own name, unless that cannot be quoted (then `dataset.<ext>`). */
function registeredName(file: File, kind: FileKind): string {
  const n = file.name.trim();
  return n !== "" && !unsafeName(n) && !n.includes("/") && !n.includes("\\") ? n : `dataset.${kind === "csv" ? "csv" : "parquet"}`;
}

/** Which database a file is registered on (a new one after a worker was stopped). */
const registeredOn = new WeakMap<File, LocalDb>();

/** The Parquet codec a file uses that the pane does not read (the lazy chunk's `UnsupportedCodec`), else undefined. */
export function unsupportedCodec(e: unknown): { codec: string; column: string } | undefined {
  return e instanceof Error && e.name === "UnsupportedCodec" ? (e as Error & { codec: string; column: string }) : undefined;
}

async function ensureRegistered(db: LocalDb, f: { file: File; kind: FileKind; registered: string }): Promise<void> {
  if (registeredOn.get(f.file) === db) return;
  // (A Parquet file is not registered: the pane reads it, see loadParquet.)
  if (f.kind === "csv") {
    await db.register(f.registered, f.file);
    await db.exec(viewStatement(f.registered, f.kind));
  }
  registeredOn.set(f.file, db);
}

/** The file the view reads now (the one registered last). */
let current: { file: File; registered: string } | undefined;

/** Open a file picked by the user: register it in DuckDB (forgetting the one before) and read its column names. */
export async function openFile(file: File): Promise<OpenedFile> {
  const kind = fileKind(file.name);
  if (!kind) throw new Error(`not a CSV or Parquet file: ${file.name}`);
  const registered = registeredName(file, kind);
  const db = await localDb();
  if (current && current.registered !== registered) await db.unregister(current.registered);
  if (current) registeredOn.delete(current.file);
  registeredOn.delete(file);
  current = { file, registered };
  if (kind === "parquet") {
    const { ParquetFile } = await duckModule();
    const parquet = await ParquetFile.open(file);
    await ensureRegistered(db, { file, kind, registered });
    return { file, kind, registered, headers: parquet.columns, parquet };
  }
  await ensureRegistered(db, { file, kind, registered });
  const described = await db.rows(`DESCRIBE SELECT * FROM ${quoteIdent(DATASET_VIEW, "duckdb")}`);
  return { file, kind, registered, headers: described.map((r) => String(r.column_name)) };
}

/** What the user asked for. */
export interface RunRequest {
  readonly model: string;
  /** The file's column for each column parameter of the model (undefined: left out). */
  readonly columns: readonly (string | undefined)[];
  /** Options as DTC.SQL takes them (`name` → text). */
  readonly options: Readonly<Record<string, string>>;
}

/** A finished run. */
export interface RunResult {
  readonly compiled: Compiled;
  /** Label columns (AIPL.FLOW's row and stage, CALIBRATE's rank) then result columns, per row. */
  readonly header: readonly string[];
  readonly rows: readonly (readonly ResultCell[])[];
  /** Data rows of the file (its header line excluded). */
  readonly rowsRead: number;
  /** Rows whose mapped cells are all blank or 0: skipped, as the function skips them. */
  readonly rowsBlank: number;
  /** Each check column and its count (all 0 on a result). */
  readonly checks: readonly { column: string; count: number }[];
  readonly seconds: number;
  /** The statement that made the file the view `dataset`, and the model's query over it. */
  readonly view: string;
  readonly query: string;
  /** DuckDB-WASM's version and the bundle that ran ("eh" or "mvp"). */
  readonly engine: { readonly version: string; readonly bundle: string };
  /** A Parquet file: how the pane read it (hyparquet's version, row groups, rows, columns read of the file's). */
  readonly reader?: ParquetReading;
}

/** How a Parquet file was read, for the note. */
export interface ParquetReading {
  readonly version: string;
  readonly rowGroups: number;
  readonly rows: number;
  readonly columns: number;
  readonly fileColumns: number;
}

/** The run was refused as the function refuses its input (`#VALUE!`): the message's cell. */
export class Refused extends Error {
  constructor(readonly cell: CellError) {
    super(cell.key);
    this.name = "Refused";
  }
}

/** How long a query may ignore Cancel before its worker is stopped. */
const CANCEL_GRACE_MS = 2000;

/** `work` unless `signal` aborts first and it does not stop within the grace time; then the worker is stopped. */
async function cancellable<T>(work: Promise<T>, signal: AbortSignal | undefined, cancelled: new () => Error): Promise<T> {
  if (!signal) return work;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let onAbort: (() => void) | undefined;
  const forced = new Promise<never>((_, reject) => {
    onAbort = () => {
      timer = setTimeout(() => {
        void killDb();
        reject(new cancelled());
      }, CANCEL_GRACE_MS);
    };
    if (signal.aborted) onAbort();
    else signal.addEventListener("abort", onAbort, { once: true });
  });
  forced.catch(() => undefined);
  try {
    return await Promise.race([work, forced]);
  } finally {
    if (timer) clearTimeout(timer);
    if (onAbort) signal.removeEventListener("abort", onAbort);
  }
}

/** The counting query of the note: data rows, and rows whose mapped cells are all blank or 0 (the compiler's own `blank_row`). */
export function countQuery(model: string, columns: readonly (string | undefined)[]): string {
  const m = datasetModel(model);
  const c = cells({ table: tableRef(DATASET_VIEW, "duckdb", "table"), columns, prefix: "dtc_" }, m.columns);
  const q = withCtes(c.ctes, select([[name("rows_read"), countAll()], [name("rows_blank"), countIf(c.blankRow)]], fromCte(c.name)));
  return renderQuery(q, "duckdb");
}

/** Share of a Parquet run's progress given to reading the file (`LocalDb.loadParquet`; the two queries share the rest). */
const PARQUET_READ_SHARE = 0.9;

/** The file's columns a run reads: the mapped ones, each once, in mapping order. */
export function mappedColumns(columns: readonly (string | undefined)[]): string[] {
  return [...new Set(columns.filter((c): c is string => c !== undefined))];
}

/**
 * Run a model on an opened file. Throws {@link Refused} when the function would refuse the rows
 * (or the options), the lazy chunk's `Cancelled` when the user cancelled, any other error as DuckDB gave it.
 * `onProgress` gets the share done of the whole run (two scans: the model, then the counts).
 */
export async function runModel(
  f: OpenedFile,
  req: RunRequest,
  opts: { signal?: AbortSignal; onProgress?(p: Progress): void } = {},
): Promise<RunResult> {
  let compiled: Compiled;
  try {
    compiled = compileSql({ model: req.model, table: DATASET_VIEW, columns: req.columns, dialect: "duckdb", options: req.options });
  } catch (e) {
    if (e instanceof InputError) throw new Refused(e.cell);
    throw e;
  }
  const { Cancelled, DUCKDB_VERSION, HYPARQUET_VERSION } = await duckModule();
  const t0 = performance.now();
  const db = await localDb();
  await ensureRegistered(db, f);
  const pq = f.kind === "parquet" ? f.parquet : undefined;
  if (f.kind === "parquet" && !pq) throw new Error("the Parquet file was not opened");
  const names = mappedColumns(req.columns);
  // CSV: the two scans share the progress; Parquet: reading the file first, then the two queries.
  const [from, span] = pq ? [PARQUET_READ_SHARE, (1 - PARQUET_READ_SHARE) / 2] : [0, 0.5];
  const phase = (k: number) => (p: Progress) => opts.onProgress?.({ fraction: p.fraction === undefined ? undefined : from + (k + p.fraction) * span });
  let rows: Record<string, unknown>[];
  let counted: Record<string, unknown>[];
  let result: ResultCell[][];
  try {
    if (pq) await db.loadParquet(pq, DATASET_VIEW, names, { ...opts, share: PARQUET_READ_SHARE });
    rows = await cancellable(db.rows(compiled.text, { signal: opts.signal, onProgress: phase(0) }), opts.signal, Cancelled);
    try {
      result = queryResult(compiled, rows);
    } catch (e) {
      if (e instanceof InputError) throw new Refused(e.cell);
      throw e;
    }
    counted = await cancellable(db.rows(countQuery(req.model, req.columns), { signal: opts.signal, onProgress: phase(1) }), opts.signal, Cancelled);
  } finally {
    // The table is the file's columns as text: free it (unless the worker was stopped, taking it along).
    if (pq && currentDb() === db) void db.exec(`DROP TABLE IF EXISTS ${quoteIdent(DATASET_VIEW, "duckdb")}`).catch(() => undefined);
  }
  const seconds = (performance.now() - t0) / 1000;
  const labels = compiled.labels;
  return {
    compiled,
    header: [...labels, ...compiled.result.map((c) => c.name)],
    rows: rows.map((r, i) => [...labels.map((l) => labelCell(r[l])), ...result[i]]),
    rowsRead: Number(counted[0]?.rows_read ?? 0),
    rowsBlank: Number(counted[0]?.rows_blank ?? 0),
    checks: compiled.checks.map((k) => ({ column: k.column, count: Number(rows[0]?.[k.column] ?? 0) })),
    seconds,
    view: viewStatement(f.registered, f.kind, names),
    query: compiled.text,
    engine: { version: DUCKDB_VERSION, bundle: db.bundle },
    ...(pq && {
      reader: { version: HYPARQUET_VERSION, rowGroups: pq.rowGroups, rows: pq.rows, columns: names.length, fileColumns: pq.columns.length },
    }),
  };
}

/** A label column's value as a cell (numbers and text as they are). */
function labelCell(v: unknown): ResultCell {
  if (typeof v === "number" || typeof v === "string") return v;
  if (typeof v === "bigint") return Number(v);
  return v === null || v === undefined ? "" : String(v);
}
