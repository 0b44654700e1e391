/*
 * Issue #17, the Datasets view's DuckDB-WASM in the production build ($DTC_DIST, else dist/):
 * - functions.js holds no DuckDB code and no URL at all (so none to a CDN); taskpane.js only the
 *   loader of the lazy chunk; DuckDB-WASM's API, apache-arrow and the Parquet reader (hyparquet,
 *   with zstd/gzip/LZ4 from hyparquet-compressors) are in that one chunk, which has no eval, no
 *   Function constructor and no CDN URL, and none of hyparquet's reading over HTTP
 *   (asyncBufferFromUrl: its Range requests are left out of the bundle);
 * - the worker and wasm files are served from the add-in's own folder (dist/duckdb/);
 * - the pane's CSP (and the workbench's) adds 'wasm-unsafe-eval' and worker-src 'self' and
 *   nothing from outside: every other source is the page's own origin or Office's, as before.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DIST } from "../harness/bundle";

const read = (f: string): string => readFileSync(path.join(DIST, f), "utf8");
/** Things only DuckDB-WASM's API or apache-arrow hold. */
const DUCKDB_MARKERS = ["registerFileHandle", "REGISTER_FILE_HANDLE", "duckdb-browser", "duckdb-wasm", "FlatBuffers:", "apache-arrow", "CANCEL_PENDING_QUERY"];
/** Things only hyparquet holds (its footer check). */
const HYPARQUET_MARKERS = ["parquet file invalid", "parquet metadata length"];
/** hyparquet's reading over HTTP (utils.js asyncBufferFromUrl, byteLengthFromUrl): never in the bundle. */
const HTTP_READER = ["missing url", "fetch head failed", "range requests"];
const CDN = /https?:\/\/[^"'`\s]*(jsdelivr|unpkg|cdnjs|esm\.sh|skypack|googleapis|cloudflare|extensions\.duckdb\.org)/i;

/** The lazily loaded chunks: the .js files of the build besides the two entries. */
const chunks = (): string[] => readdirSync(DIST).filter((f) => f.endsWith(".js") && !["functions.js", "taskpane.js", "workbench.js", "hyperformula.full.min.js"].includes(f));

/** The CSP of a built page, directive → sources. */
function csp(page: string): Record<string, string[]> {
  const m = /http-equiv="?Content-Security-Policy"?\s+content="([^"]+)"/i.exec(read(page));
  expect(m, `${page}: CSP meta tag`).not.toBeNull();
  return Object.fromEntries(m![1].split(";").map((d) => d.trim().split(/\s+/)).filter((p) => p[0]).map((p) => [p[0], p.slice(1)]));
}

describe("DuckDB only in the lazy chunk", () => {
  it("functions.js holds no DuckDB code and no URL", () => {
    const code = read("functions.js");
    for (const m of [...DUCKDB_MARKERS, ...HYPARQUET_MARKERS]) expect(code.includes(m), m).toBe(false);
    expect(code).not.toMatch(/https?:\/\//);
  });

  it("taskpane.js holds only the loader of one lazy chunk, and no CDN URL", () => {
    const code = read("taskpane.js");
    for (const m of [...DUCKDB_MARKERS, ...HYPARQUET_MARKERS]) expect(code.includes(m), m).toBe(false);
    expect(code).not.toMatch(CDN);
    const [chunk] = chunks();
    expect(chunks()).toEqual([expect.stringMatching(/^duckdb\.[0-9a-f]{8}\.js$/)]);
    expect(code).toContain(chunk);
  });

  it("the chunk holds DuckDB-WASM and apache-arrow, no eval, no Function constructor, no CDN URL, no URL but the package's repository", () => {
    const code = read(chunks()[0]);
    // (Booleans, not toContain: a failure would print the whole chunk.)
    expect(code.includes("registerFileHandle"), "DuckDB-WASM's API").toBe(true);
    expect(code.includes("FlatBuffers:"), "apache-arrow").toBe(true);
    for (const m of HYPARQUET_MARKERS) expect(code.includes(m), `hyparquet: ${m}`).toBe(true);
    for (const m of HTTP_READER) expect(code.includes(m), `hyparquet's HTTP reader: ${m}`).toBe(false);
    // hyparquet-compressors' Brotli (its 80 KB dictionary) and wasm snappy are not imported.
    expect(code.includes("hysnappy") || /WebAssembly\.(Module|Instance)\s*\(/.test(code), "hysnappy's wasm").toBe(false);
    expect(/\beval\s*\(/.test(code), "eval").toBe(false);
    expect(/new\s+Function\s*\(/.test(code), "new Function").toBe(false);
    expect(CDN.test(code), "a CDN URL").toBe(false);
    expect(code.includes("cdn.jsdelivr"), "jsdelivr").toBe(false);
    expect([...new Set(code.match(/https?:\/\/[^"'`\s)]+/g) ?? [])]).toEqual(["https://github.com/duckdb/duckdb-wasm.git"]);
  });

  it("the worker and wasm files are in the add-in's own folder", () => {
    for (const f of ["duckdb-eh.wasm", "duckdb-browser-eh.worker.js", "duckdb-mvp.wasm", "duckdb-browser-mvp.worker.js"]) {
      const p = path.join(DIST, "duckdb", f);
      expect(existsSync(p), f).toBe(true);
      expect(statSync(p).size).toBeGreaterThan(100_000);
    }
    // The worker fetches nothing from a CDN either.
    expect(readFileSync(path.join(DIST, "duckdb", "duckdb-browser-eh.worker.js"), "utf8")).not.toMatch(/cdn\.jsdelivr/);
  });
});

describe("Content-Security-Policy for WebAssembly and the worker", () => {
  const OFFICE = ["https://appsforoffice.microsoft.com", "https://*.officeapps.live.com", "https://*.office.com"];
  const KEYWORDS = ["'self'", "'none'", "'unsafe-inline'", "'wasm-unsafe-eval'", "data:"];

  it.each(["taskpane.html", "workbench.html"])("%s: 'wasm-unsafe-eval', worker-src 'self', nothing else from outside", (page) => {
    if (page === "workbench.html" && !existsSync(path.join(DIST, page))) return;
    const c = csp(page);
    expect(c["script-src"]).toContain("'wasm-unsafe-eval'");
    expect(c["script-src"]).not.toContain("'unsafe-eval'");
    expect(c["worker-src"]).toEqual(["'self'"]);
    expect(c["default-src"]).toEqual(["'self'"]);
    expect(c["connect-src"]).toEqual(["'self'"]);
    for (const [directive, sources] of Object.entries(c)) {
      for (const src of sources) expect([...KEYWORDS, ...(page === "taskpane.html" ? OFFICE : [])], `${directive} ${src}`).toContain(src);
    }
    // 'wasm-unsafe-eval' only where scripts are concerned.
    for (const [directive, sources] of Object.entries(c)) if (directive !== "script-src") expect(sources).not.toContain("'wasm-unsafe-eval'");
  });
});
