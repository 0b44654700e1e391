/**
 * Parquet for the Datasets view without DuckDB's `parquet` extension (which DuckDB-WASM would
 * download from extensions.duckdb.org): the pure-JavaScript reader hyparquet reads the file's
 * footer and then one row group at a time, straight from the File (`file.slice(a, b)`: the
 * file is never read into memory at once), and every value of the columns the model uses becomes
 * the text DuckDB gives it (`CAST(x AS VARCHAR)`, the text `COPY … TO 'x.csv'` writes), so the
 * query reads a Parquet file exactly as it reads the same table exported as CSV and read with
 * `all_varchar = true`.
 *
 * Part of the lazy chunk (imported by ./duckdb.ts only; ./run.ts imports its types).
 */
import { parquetMetadataAsync, parquetRead, parquetSchema } from "hyparquet";
import type { AsyncBuffer, ColumnData, CompressionCodec, Compressors, FileMetaData, ParquetParsers, SchemaElement } from "hyparquet";
// hyparquet-compressors' own files, not its index: that one also instantiates a wasm snappy at load
// (hyparquet's JavaScript snappy is used) and brings Brotli (an 80 KB dictionary, not read here).
import { gunzip } from "hyparquet-compressors/src/gzip.js";
import { decompressLz4, decompressLz4Raw } from "hyparquet-compressors/src/lz4.js";
// (zstd is fzstd, the dependency hyparquet-compressors itself uses for it.)
import { decompress as decompressZstd } from "fzstd";

/** The reader's version, for the provenance note (a test checks it against the installed package). */
export const HYPARQUET_VERSION = "1.33.0";

/**
 * Decompressors besides hyparquet's own (UNCOMPRESSED, SNAPPY): zstd (fzstd), gzip, LZ4 and
 * LZ4_RAW, as hyparquet-compressors defines them; not BROTLI nor LZO (refused, naming the codec).
 */
const COMPRESSORS: Compressors = {
  GZIP: (input, outputLength) => gunzip(input, new Uint8Array(outputLength)),
  ZSTD: (input, outputLength) => decompressZstd(input, new Uint8Array(outputLength)),
  LZ4: decompressLz4,
  LZ4_RAW: decompressLz4Raw,
};

/** The codecs the pane reads. */
export const READ_CODECS: readonly CompressionCodec[] = ["UNCOMPRESSED", "SNAPPY", "GZIP", "ZSTD", "LZ4", "LZ4_RAW"];

/** A Parquet file whose column is compressed with a codec the pane does not read (BROTLI, LZO). */
export class UnsupportedCodec extends Error {
  constructor(
    readonly codec: string,
    readonly column: string,
  ) {
    super(`unsupported Parquet compression ${codec} (column ${column})`);
    this.name = "UnsupportedCodec";
  }
}

/** An AsyncBuffer over a File or Blob: each read is `blob.slice(start, end).arrayBuffer()`. */
export function blobBuffer(blob: Blob): AsyncBuffer {
  return { byteLength: blob.size, slice: (start, end) => blob.slice(start, end ?? blob.size).arrayBuffer() };
}

// --- values as DuckDB prints them --------------------------------------------------------------

/** How a column's values print: the DuckDB type it would have. */
export type TextKind =
  | { kind: "text" }
  | { kind: "integer" }
  | { kind: "double" }
  | { kind: "float" }
  | { kind: "decimal"; scale: number }
  | { kind: "timestamptz" }
  | { kind: "blob" };

/** Digits and exponent of the shortest text that reads back as `x` (x finite, not 0): 0.015 → {"15", -2}. */
function shortest(x: number, float32: boolean): { digits: string; exp: number; negative: boolean } {
  let e = Math.abs(x).toExponential();
  if (float32) {
    // The fewest digits that read back as the same single-precision value.
    for (let p = 1; p <= 9; p++) {
      const t = Math.abs(x).toExponential(p - 1);
      if (Math.fround(Number(t)) === Math.abs(x)) {
        e = t;
        break;
      }
    }
  }
  const [mant, ex] = e.split("e");
  return { digits: mant.replace(".", "").replace(/0+$/, "") || "0", exp: Number(ex), negative: x < 0 };
}

/**
 * A DOUBLE (or FLOAT, `float32`) as DuckDB prints it: the shortest round-trip digits, in plain
 * notation with at least one decimal (`3.0`, `0.0001`, `1000000000000000.0`) when the exponent is
 * from -4 to 15, else as `1e+16`, `1.5e-07`; `inf`, `-inf`, `nan`, `-0.0`.
 */
export function doubleText(x: number, float32 = false): string {
  if (Number.isNaN(x)) return "nan";
  if (!Number.isFinite(x)) return x > 0 ? "inf" : "-inf";
  if (x === 0) return Object.is(x, -0) ? "-0.0" : "0.0";
  const { digits, exp, negative } = shortest(x, float32);
  const sign = negative ? "-" : "";
  if (exp < -4 || exp >= 16) {
    const mant = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    return `${sign}${mant}e${exp < 0 ? "-" : "+"}${String(Math.abs(exp)).padStart(2, "0")}`;
  }
  if (exp < 0) return `${sign}0.${"0".repeat(-exp - 1)}${digits}`;
  const int = digits.slice(0, exp + 1).padEnd(exp + 1, "0");
  const frac = digits.slice(exp + 1);
  return `${sign}${int}.${frac || "0"}`;
}

/** An unscaled integer and a scale as DuckDB prints a DECIMAL: 1250, 2 → `12.50`; -5, 2 → `-0.05`. */
export function decimalText(unscaled: bigint, scale: number): string {
  const negative = unscaled < 0n;
  const abs = (negative ? -unscaled : unscaled).toString();
  if (scale <= 0) return `${negative ? "-" : ""}${abs}${"0".repeat(-scale)}`;
  const padded = abs.padStart(scale + 1, "0");
  return `${negative ? "-" : ""}${padded.slice(0, -scale)}.${padded.slice(-scale)}`;
}

/** A big-endian two's-complement integer (a FIXED_LEN_BYTE_ARRAY decimal). */
export function signedBigInt(bytes: Uint8Array): bigint {
  let v = 0n;
  for (const b of bytes) v = (v << 8n) | BigInt(b);
  const bits = BigInt(bytes.length * 8);
  return bytes.length && bytes[0] & 0x80 ? v - (1n << bits) : v;
}

const pad = (n: number | bigint, w: number): string => String(n).padStart(w, "0");

/** A day number (days since 1970-01-01) as DuckDB prints a DATE: `2024-03-01`, `0044-03-15 (BC)`. */
export function dateText(days: number): string {
  const d = new Date(days * 86_400_000);
  const y = d.getUTCFullYear();
  const md = `${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}`;
  return y <= 0 ? `${pad(1 - y, 4)}-${md} (BC)` : `${pad(y, 4)}-${md}`;
}

/** A time since the epoch in units of 10^-`digits` s as DuckDB prints a TIMESTAMP: `2024-03-01 12:34:56.789` (no fraction when whole). */
export function timestampText(units: bigint, digits: 3 | 6 | 9): string {
  const perSecond = 10n ** BigInt(digits);
  const perDay = 86_400n * perSecond;
  let days = units / perDay;
  let rest = units % perDay;
  if (rest < 0n) {
    rest += perDay;
    days -= 1n;
  }
  const seconds = rest / perSecond;
  const frac = pad(rest % perSecond, digits).replace(/0+$/, "");
  const hms = `${pad(seconds / 3600n, 2)}:${pad((seconds / 60n) % 60n, 2)}:${pad(seconds % 60n, 2)}`;
  return `${dateText(Number(days))} ${hms}${frac ? `.${frac}` : ""}`;
}

/** Bytes as DuckDB prints a BLOB: printable ASCII as it is, any other byte (and `\`) as `\xNN`. */
export function blobText(bytes: Uint8Array): string {
  let s = "";
  for (const b of bytes) s += b >= 0x20 && b < 0x7f && b !== 0x5c ? String.fromCharCode(b) : `\\x${b.toString(16).toUpperCase().padStart(2, "0")}`;
  return s;
}

/**
 * One value of a column as text, as DuckDB casts it to VARCHAR (and writes it to a CSV): an
 * integer without a decimal point, a DOUBLE as `3.0`, a DECIMAL with its scale (`12.50`),
 * booleans `true`/`false`, dates and timestamps in ISO form; NULL stays NULL (null). Text is kept
 * as it is (not trimmed: the query trims, as for a CSV cell).
 */
export function valueText(v: unknown, k: TextKind): string | null {
  if (v === null || v === undefined) return null;
  switch (typeof v) {
    case "string":
      return k.kind === "timestamptz" ? `${v}+00` : v;
    case "boolean":
      return v ? "true" : "false";
    case "bigint":
      return k.kind === "decimal" ? decimalText(v, k.scale) : v.toString();
    case "number":
      if (k.kind === "decimal") return Number.isInteger(v) ? decimalText(BigInt(v), k.scale) : v.toFixed(k.scale);
      if (k.kind === "double" || k.kind === "float") return doubleText(v, k.kind === "float");
      return Number.isInteger(v) ? String(v) : doubleText(v);
  }
  if (v instanceof Uint8Array) return k.kind === "decimal" ? decimalText(signedBigInt(v), k.scale) : blobText(v);
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : timestampText(BigInt(v.getTime()), 3);
  // Lists, structs, maps: their JSON (DuckDB's own print differs; no model reads them).
  return JSON.stringify(v, (_k, x: unknown) => (typeof x === "bigint" ? x.toString() : x instanceof Uint8Array ? blobText(x) : x));
}

/** The text kind of a top-level schema element. */
export function textKind(e: SchemaElement): TextKind {
  const lt = e.logical_type;
  if (e.converted_type === "DECIMAL" || lt?.type === "DECIMAL") return { kind: "decimal", scale: lt?.type === "DECIMAL" ? lt.scale : (e.scale ?? 0) };
  if (lt?.type === "TIMESTAMP" && lt.isAdjustedToUTC) return { kind: "timestamptz" };
  if (e.num_children) return { kind: "text" };
  if (lt?.type === "FLOAT16" || e.type === "FLOAT") return { kind: "float" };
  if (e.type === "DOUBLE") return { kind: "double" };
  if (e.type === "INT32" || e.type === "INT64" || e.type === "BOOLEAN") return { kind: "integer" };
  const isText = e.converted_type === "UTF8" || e.converted_type === "ENUM" || e.converted_type === "JSON" || ["STRING", "ENUM", "JSON", "UUID"].includes(lt?.type ?? "");
  return e.type === "BYTE_ARRAY" || e.type === "FIXED_LEN_BYTE_ARRAY" ? (isText ? { kind: "text" } : { kind: "blob" }) : { kind: "text" };
}

const decoder = new TextDecoder();

/** hyparquet's parsers, giving DuckDB's text of dates, timestamps, JSON and binary at once. */
const PARSERS: Partial<ParquetParsers> = {
  timestampFromMilliseconds: (v) => timestampText(v, 3),
  timestampFromMicroseconds: (v) => timestampText(v, 6),
  timestampFromNanoseconds: (v) => timestampText(v, 9),
  dateFromDays: (d) => dateText(d),
  jsonFromBytes: (b) => (b ? decoder.decode(b) : b),
  geometryFromBytes: (b) => (b ? blobText(b) : b),
  geographyFromBytes: (b) => (b ? blobText(b) : b),
};

/**
 * The schema hyparquet decodes by: a DECIMAL stored as an integer or fixed-length bytes loses
 * its annotation, so the reader gives the exact unscaled integer (not a rounded double) and
 * {@link decimalText} prints it with its scale; binary columns (not text) stay bytes.
 */
function rawDecimals(meta: FileMetaData): FileMetaData {
  const schema = meta.schema.map((e) => {
    const isDecimal = e.converted_type === "DECIMAL" || e.logical_type?.type === "DECIMAL";
    if (!isDecimal || e.type === "BYTE_ARRAY") return e;
    const raw: SchemaElement = { ...e };
    delete raw.converted_type;
    delete raw.logical_type;
    return raw;
  });
  return { ...meta, schema };
}

// --- the file ------------------------------------------------------------------------------------

/** A Parquet file opened for reading: its footer, columns and row groups. */
export class ParquetFile {
  private constructor(
    private readonly buffer: AsyncBuffer,
    private readonly meta: FileMetaData,
    /** The top-level columns, in file order. */
    readonly columns: readonly string[],
    private readonly kinds: ReadonlyMap<string, TextKind>,
  ) {}

  /** Read the footer (the file's last bytes); refuse a codec the pane does not read, naming it. */
  static async open(blob: Blob): Promise<ParquetFile> {
    const buffer = blobBuffer(blob);
    const meta = await parquetMetadataAsync(buffer, { parsers: PARSERS, geoparquet: false });
    for (const g of meta.row_groups) {
      for (const c of g.columns) {
        const codec = c.meta_data?.codec;
        if (codec && !READ_CODECS.includes(codec)) throw new UnsupportedCodec(codec, c.meta_data!.path_in_schema.join("."));
      }
    }
    const tree = parquetSchema(meta);
    const columns = tree.children.map((c) => c.element.name);
    const kinds = new Map(tree.children.map((c) => [c.element.name, textKind(c.element)]));
    return new ParquetFile(buffer, rawDecimals(meta), columns, kinds);
  }

  /** Row groups in the file. */
  get rowGroups(): number {
    return this.meta.row_groups.length;
  }

  /** Data rows in the file. */
  get rows(): number {
    return Number(this.meta.num_rows);
  }

  /** Rows of each row group. */
  groupRows(i: number): number {
    return Number(this.meta.row_groups[i].num_rows);
  }

  /**
   * Row group `i`, the named top-level columns only, each value as its text ({@link valueText}):
   * one array per column, in the order asked. Reads only that group's column chunks.
   */
  async readGroup(i: number, columns: readonly string[]): Promise<(string | null)[][]> {
    let start = 0;
    for (let k = 0; k < i; k++) start += this.groupRows(k);
    const n = this.groupRows(i);
    const out = columns.map(() => new Array<string | null>(n).fill(null));
    const at = new Map(columns.map((c, j) => [c, j]));
    if (n === 0) return out;
    await parquetRead({
      file: this.buffer,
      metadata: this.meta,
      columns: [...columns],
      rowStart: start,
      rowEnd: start + n,
      compressors: COMPRESSORS,
      parsers: PARSERS,
      geoparquet: false,
      onChunk: (chunk: ColumnData) => {
        const j = at.get(chunk.columnName);
        if (j === undefined) return;
        const kind = this.kinds.get(chunk.columnName) ?? { kind: "text" };
        const target = out[j];
        const data = chunk.columnData as ArrayLike<unknown>;
        for (let r = 0; r < data.length; r++) {
          const row = chunk.rowStart - start + r;
          if (row >= 0 && row < n) target[row] = valueText(data[r], kind);
        }
      },
    });
    return out;
  }
}
