/**
 * Types of the two files of hyparquet-compressors that ./parquet.ts imports directly (the package
 * declares types for its index only): the same signatures as its src/index.d.ts.
 */
declare module "hyparquet-compressors/src/gzip.js" {
  /** Inflate a gzip (or raw deflate) stream into `output`; returns the bytes written. */
  export function gunzip(input: Uint8Array, output?: Uint8Array): Uint8Array;
}

declare module "hyparquet-compressors/src/lz4.js" {
  /** Parquet's LZ4 (Hadoop framing, or raw as a fallback). */
  export function decompressLz4(input: Uint8Array, outputLength: number): Uint8Array;
  /** Parquet's LZ4_RAW (a raw LZ4 block). */
  export function decompressLz4Raw(input: Uint8Array, outputLength: number): Uint8Array;
}
