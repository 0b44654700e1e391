/**
 * Text columns as Arrow vectors, for `insertArrowTable` (the Parquet path of ./duckdb.ts; part of
 * the lazy chunk). apache-arrow comes with DuckDB-WASM.
 */
import { makeData, makeVector, Utf8, type Vector } from "apache-arrow";

const encoder = new TextEncoder();

/**
 * An Arrow Utf8 vector of texts (null: NULL), built from its buffers (offsets, UTF-8 bytes,
 * validity) with `makeData`: Arrow's builders (`vectorFromArray`) compile their null test with
 * `new Function`, which the pane's Content-Security-Policy forbids.
 */
export function utf8Vector(values: readonly (string | null)[]): Vector<Utf8> {
  const n = values.length;
  const offsets = new Int32Array(n + 1);
  const validity = new Uint8Array((n + 7) >> 3);
  let room = 0;
  for (const v of values) if (v !== null) room += v.length * 3;
  const bytes = new Uint8Array(room);
  // Each distinct text is encoded once (a model's columns repeat few labels); a copy after that.
  const seen = new Map<string, Uint8Array>();
  let at = 0;
  let nulls = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v === null) nulls++;
    else {
      validity[i >> 3] |= 1 << (i & 7);
      let b = seen.get(v);
      if (b === undefined && seen.size < 65_536) seen.set(v, (b = encoder.encode(v)));
      if (b === undefined) at += encoder.encodeInto(v, bytes.subarray(at)).written;
      else {
        if (b.length === 1) bytes[at] = b[0];
        else bytes.set(b, at);
        at += b.length;
      }
    }
    offsets[i + 1] = at;
  }
  return makeVector(makeData({ type: new Utf8(), length: n, nullCount: nulls, valueOffsets: offsets, data: bytes.subarray(0, at), nullBitmap: nulls ? validity : undefined }));
}
