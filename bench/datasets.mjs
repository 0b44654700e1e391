/*
 * The "datasets" section of `npm run bench` (issue #17, Bench): FAST.ROWS and GROW.ROWS over a
 * 10,000,000-row CSV file, as the pane's Datasets view will run them.
 *
 * 1. Two CSV files (os.tmpdir()/dtc-bench-datasets, kept between runs and reused when the same
 *    size exists): consumers (stage_start, stage_end, is_member, is_active) and orders (period,
 *    customer, category, gmv), streamed from the bench's generators (bench/page/data.js's PRNG
 *    and draws, one row at a time by bench/page/datasets-data.js; checked equal to data.js's
 *    columns first).
 * 2. The queries: the text DTC.SQL returns (the built functions.js, called in a Node vm behind
 *    the CustomFunctions stand-in; dialect duckdb) for the tables `consumers` and `orders`,
 *    which both engines define as a view over the file:
 *    `CREATE VIEW consumers AS SELECT * FROM read_csv('<file>', header = true, all_varchar = true)`
 *    (all_varchar as docs/sql.md advises: every cell read as its text, as the function reads
 *    cells). The query text is byte for byte the same in both engines.
 * 3. DuckDB-WASM (@duckdb/duckdb-wasm, bench/page/duckdb.mjs bundled by webpack) in headless
 *    Chromium on a page served with its worker and .wasm from one local http origin; the file
 *    reaches it as a browser File: an <input type=file> set by playwright's setInputFiles,
 *    registered with BROWSER_FILEREADER (the worker reads slices of the File while it scans).
 * 4. The same query on @duckdb/node-api (native, default threads = the machine's cores) on the
 *    same file. Runs alternate native / WASM (median [min–max] of `runs` runs each; wall-clock
 *    time of the query, the file already in the OS page cache), and the two results must be
 *    the same numbers (counts equal, ratios and sums within 1e-9 relative), every check column 0.
 * 5. For scale, the JS function (the built functions.js in its own page) on the first 1,048,576
 *    rows as Excel-shaped arguments (the same rows as the file's first ones), compared with the
 *    native query over those rows (`LIMIT 1048576`).
 * 6. Memory: the peak RSS (VmHWM, reset through clear_refs before each query) of the renderer
 *    process of the DuckDB-WASM page; the bench checks that DuckDB's Web Worker runs as a
 *    thread of that process (a DedicatedWorker thread, and the other Chromium processes take
 *    almost no CPU during a query).
 */
import { createServer } from "node:http";
import {
  closeSync, createReadStream, existsSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync, writeSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import vm from "node:vm";

export const DATASET_ROWS = 10_000_000;
const JS_ROWS = 1_048_576;
const CSV_VERSION = 1; // bump when the generators change: cached files are named by it

/**
 * data.js and datasets-data.js run in this Node context (they only define the globals BenchData
 * and BenchDatasets; in a separate vm context every global lookup such as Math goes through the
 * context's interceptors, which makes the generators 5–20 × slower).
 */
function generators(root) {
  for (const f of ["data.js", "datasets-data.js"]) {
    const file = path.join(root, "bench/page", f);
    vm.runInThisContext(readFileSync(file, "utf8"), { filename: file });
  }
  const { BenchData: D, BenchDatasets: G } = globalThis;
  // The streamed rows are data.js's rows (same JSON: same labels, flags, ids and amounts).
  const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
  if (!same(G.fastArgs(20_000), D.fastRows(20_000))) throw new Error("datasets-data.js fastRow differs from data.js fastRows");
  if (!same(G.growArgs(30_000, 30_000), D.growRows(30_000))) throw new Error("datasets-data.js growRow differs from data.js growRows");
  return G;
}

/** Write `rows` lines of `next()` under `header` to `file` (via a .tmp file, renamed when complete). */
function writeCsv(file, header, next, rows, csvLine) {
  const tmp = `${file}.${process.pid}.tmp`;
  const fd = openSync(tmp, "w");
  try {
    writeSync(fd, header.join(",") + "\n");
    const CHUNK = 65_536;
    for (let i = 0; i < rows; i += CHUNK) {
      let s = "";
      const end = Math.min(rows, i + CHUNK);
      for (let k = i; k < end; k++) s += csvLine(next());
      writeSync(fd, s);
    }
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, file);
}

/** DTC.SQL of the built functions.js, in a Node vm behind the bench's CustomFunctions stand-in. */
function sqlCompiler(root, functionsJs) {
  const ctx = vm.createContext({ console });
  vm.runInContext(readFileSync(path.join(root, "bench/page/standin.js"), "utf8"), ctx);
  vm.runInContext(functionsJs, ctx);
  const fn = ctx.__associated.SQL;
  if (!fn) throw new Error("DTC.SQL is not in this build");
  return (model, table, columns) => {
    const out = fn([[model]], [[table]], [[columns.join(", ")]], [["duckdb"]], null, { address: "Sheet1!A1", functionName: "SQL" });
    const text = out?.[0]?.[0];
    if (typeof text !== "string") throw new Error(`DTC.SQL ${model}: ${out?.message ?? JSON.stringify(out)}`);
    return text;
  };
}

const quoteLit = (s) => `'${s.replace(/'/g, "''")}'`;
const viewSql = (name, file, limit) =>
  `CREATE OR REPLACE VIEW ${name} AS SELECT * FROM read_csv(${quoteLit(file)}, header = true, all_varchar = true)${limit ? ` LIMIT ${limit}` : ""}`;

/** Same numbers? Every column of a and b: equal text/integers, numbers within 1e-9 × max(1, |x|). */
function sameRows(a, b) {
  if (a.length !== b.length) return `MISMATCH ${a.length} rows vs ${b.length}`;
  for (let i = 0; i < a.length; i++) {
    const ka = Object.keys(a[i]);
    const kb = Object.keys(b[i]);
    if (ka.join("|") !== kb.join("|")) return `MISMATCH columns ${ka} vs ${kb}`;
    for (const k of ka) {
      const x = a[i][k];
      const y = b[i][k];
      if (typeof x === "number" && typeof y === "number") {
        if (Math.abs(x - y) > 1e-9 * Math.max(1, Math.abs(x))) return `MISMATCH ${k}: ${x} vs ${y}`;
      } else if (x !== y) return `MISMATCH ${k}: ${JSON.stringify(x)} vs ${JSON.stringify(y)}`;
    }
  }
  return "ok";
}
/** Every check column (all but the model's result columns) of the first row is 0. */
function checksZero(row, resultNames) {
  const bad = Object.entries(row).filter(([k, v]) => !resultNames.includes(k) && v !== 0);
  return bad.length ? `CHECKS ${bad.map(([k, v]) => `${k}=${v}`).join(", ")}` : "ok";
}

/** Node's own value of a native result cell (BIGINT as number). */
const plainRow = (r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === "bigint" ? Number(v) : v]));

/** A tiny static server: the page, its bundle, DuckDB-WASM's dist files. */
function serve(files) {
  const TYPES = { ".html": "text/html", ".js": "text/javascript", ".wasm": "application/wasm" };
  const server = createServer((req, res) => {
    const url = new URL(req.url, "http://x");
    const file = files(url.pathname);
    if (!file || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream", "content-length": statSync(file).size });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

/** bench/page/duckdb.mjs + @duckdb/duckdb-wasm (+ apache-arrow) as one script, with webpack's Node API; cached. */
async function bundlePage(root, outDir) {
  const entry = path.join(root, "bench/page/duckdb.mjs");
  const out = path.join(outDir, "duckdb-page.js");
  const inputs = [entry, path.join(root, "node_modules/@duckdb/duckdb-wasm/package.json")];
  if (existsSync(out) && inputs.every((f) => statSync(f).mtimeMs < statSync(out).mtimeMs)) return out;
  const { default: webpack } = await import("webpack");
  await new Promise((resolve, reject) =>
    webpack(
      {
        mode: "production",
        target: "web",
        context: root,
        entry,
        output: { path: outDir, filename: "duckdb-page.js" },
        optimization: { minimize: false },
        performance: { hints: false },
        devtool: false,
      },
      (err, stats) => (err || stats.hasErrors() ? reject(err ?? new Error(stats.toString("errors-only"))) : resolve()),
    ),
  );
  return out;
}

/**
 * Run the section. `h` are bench/run.mjs's helpers: browser, root, functionsJs, paramCounts,
 * rows, runs, log, statsOf, rendererPids, cpuNs, status (of /proc/<pid>/status, bytes).
 */
export async function runDatasets(h) {
  const { browser, root, log, statsOf, rendererPids, cpuNs, status } = h;
  const rows = h.rows ?? DATASET_ROWS;
  const runs = h.runs ?? 3;
  const jsRows = Math.min(rows, JS_ROWS);
  const dir = path.join(os.tmpdir(), "dtc-bench-datasets");
  mkdirSync(dir, { recursive: true });
  const t0 = Date.now();
  const loadStart = os.loadavg();

  // --- 1. files ---
  const G = generators(root);
  const MODELS = [
    { id: "FAST.ROWS", table: "consumers", header: G.FAST_HEADER, file: path.join(dir, `consumers-${rows}-v${CSV_VERSION}.csv`), next: () => G.fastRow() },
    { id: "GROW.ROWS", table: "orders", header: G.GROW_HEADER, file: path.join(dir, `orders-${rows}-v${CSV_VERSION}.csv`), next: () => G.growRow(rows) },
  ];
  for (const m of MODELS) {
    if (existsSync(m.file)) {
      log(`datasets: reusing ${m.file}`);
    } else {
      const tw = Date.now();
      writeCsv(m.file, m.header, m.next(), rows, G.csvLine);
      log(`datasets: wrote ${m.file} in ${((Date.now() - tw) / 1000).toFixed(1)} s`);
    }
    m.bytes = statSync(m.file).size;
  }

  // --- 2. queries (DTC.SQL of the built bundle) ---
  const compile = sqlCompiler(root, h.functionsJs);
  for (const m of MODELS) {
    m.sql = compile(m.id, m.table, m.header);
    m.sql1m = compile(m.id, `${m.table}_1m`, m.header);
    m.resultNames = m.id === "FAST.ROWS" ? ["Fertility", "Advancing", "Superiority", "Thriving"] : ["Gain", "Retain", "Boost", "Widen"];
  }

  // --- 3. native ---
  const { DuckDBInstance } = await import("@duckdb/node-api");
  const instance = await DuckDBInstance.create(":memory:");
  const con = await instance.connect();
  const nativeVersion = (await (await con.runAndReadAll("SELECT version() AS v")).getRowObjects())[0].v;
  const nativeThreads = (await (await con.runAndReadAll("SELECT current_setting('threads') AS t")).getRowObjects())[0].t;
  for (const m of MODELS) {
    await con.run(viewSql(m.table, m.file));
    await con.run(viewSql(`${m.table}_1m`, m.file, jsRows));
  }
  // Wall-clock ms, and the CPU time of this process (DuckDB's threads run in it), in ms.
  const native = async (sql) => {
    const c = process.cpuUsage();
    const tq = performance.now();
    const r = await con.runAndReadAll(sql);
    const ms = performance.now() - tq;
    const u = process.cpuUsage(c);
    return { ms, cpuMs: (u.user + u.system) / 1000, rows: r.getRowObjects().map(plainRow) };
  };

  // --- 4. the DuckDB-WASM page ---
  const pageDir = path.join(dir, "page");
  mkdirSync(pageDir, { recursive: true });
  const bundleFile = await bundlePage(root, pageDir);
  const wasmDist = path.join(root, "node_modules/@duckdb/duckdb-wasm/dist");
  const html = path.join(pageDir, "index.html");
  writeFileSync(
    html,
    `<!doctype html><html><head><meta charset="utf-8"><title>datasets bench</title></head><body><input type="file" id="files" multiple><script src="/duckdb-page.js"></script></body></html>\n`,
  );
  const server = await serve((p) => {
    if (p === "/") return html;
    if (p === "/duckdb-page.js") return bundleFile;
    const m = /^\/duckdb\/([\w.-]+)$/.exec(p);
    return m ? path.join(wasmDist, m[1]) : null;
  });
  const origin = `http://127.0.0.1:${server.address().port}`;
  const before = new Set(rendererPids());
  const context = await browser.newContext();
  const page = await context.newPage();
  const result = { rows, runs, models: MODELS, nativeVersion, nativeThreads: Number(nativeThreads) };
  try {
    await page.goto(origin + "/");
    const fresh = rendererPids().filter((p) => !before.has(p));
    const cpuBefore = new Map(fresh.map((p) => [p, cpuNs(p)]));
    result.wasm = await page.evaluate(() => globalThis.BenchDuckDB.init());
    // The page's renderer: the new renderer whose CPU time grew while DuckDB-WASM started.
    const grown = fresh.map((p) => [p, cpuNs(p) - cpuBefore.get(p)]).sort((a, b) => b[1] - a[1]);
    if (!grown.length) throw new Error("datasets: no new renderer process for the DuckDB-WASM page");
    const pid = grown[0][0];
    await page.setInputFiles("#files", MODELS.map((m) => m.file));
    const registered = await page.evaluate(() => globalThis.BenchDuckDB.registerInput("#files"));
    for (const m of MODELS) {
      const f = registered.find((x) => x.name === path.basename(m.file));
      if (!f || f.size !== m.bytes) throw new Error(`datasets: the page got ${JSON.stringify(registered)}, not ${m.file}`);
      await page.evaluate((s) => globalThis.BenchDuckDB.run(s), viewSql(m.table, path.basename(m.file)));
    }
    log(`datasets: DuckDB-WASM ${result.wasm.version} (${result.wasm.bundle}) started in ${result.wasm.startMs.toFixed(0)} ms; renderer pid ${pid}; native DuckDB ${nativeVersion}, ${nativeThreads} threads`);
    result.rssBefore = status(pid, "VmRSS");

    for (const m of MODELS) {
      const w = [];
      const n = [];
      const wCpu = [];
      const nCpu = [];
      const peak = [];
      let wasmRows = null;
      let nativeRows = null;
      let workerCheck = null;
      for (let r = 0; r < runs; r++) {
        for (const side of r % 2 ? ["wasm", "native"] : ["native", "wasm"]) {
          if (side === "native") {
            const x = await native(m.sql);
            n.push(x.ms);
            nCpu.push(x.cpuMs);
            nativeRows = x.rows;
            continue;
          }
          const rssBefore = status(pid, "VmRSS");
          writeFileSync(`/proc/${pid}/clear_refs`, "5"); // resets VmHWM to the current RSS
          const others = descendants().filter((p) => p !== pid);
          const c0 = new Map([pid, ...others].map((p) => [p, safeCpu(cpuNs, p) ?? 0]));
          const x = await page.evaluate((s) => globalThis.BenchDuckDB.run(s), m.sql);
          const ownCpu = cpuNs(pid) - c0.get(pid);
          const otherCpu = others.reduce((a, p) => a + Math.max(0, (safeCpu(cpuNs, p) ?? c0.get(p)) - c0.get(p)), 0);
          peak.push({ hwm: status(pid, "VmHWM"), before: rssBefore });
          w.push(x.ms);
          wCpu.push(ownCpu / 1e6);
          wasmRows = x.rows;
          if (!workerCheck) {
            const threads = threadNames(pid);
            workerCheck = { ownCpuMs: ownCpu / 1e6, otherCpuMs: otherCpu / 1e6, wallMs: x.ms, dedicatedWorker: threads.filter((t) => /DedicatedWorker/i.test(t)).length };
          }
        }
        log(`datasets ${m.id} run ${r + 1}/${runs}: WASM ${w.at(-1).toFixed(0)} ms (CPU ${wCpu.at(-1).toFixed(0)}), native ${n.at(-1).toFixed(0)} ms (CPU ${nCpu.at(-1).toFixed(0)}); load ${os.loadavg()[0].toFixed(2)}`);
      }
      m.wasmMs = statsOf(w);
      m.nativeMs = statsOf(n);
      m.ratio = statsOf(w.map((x, i) => x / n[i]));
      m.wasmCpu = statsOf(wCpu);
      m.nativeCpu = statsOf(nCpu);
      m.cpuRatio = statsOf(wCpu.map((x, i) => x / nCpu[i]));
      m.peak = peak.reduce((a, b) => (b.hwm > a.hwm ? b : a));
      m.workerCheck = workerCheck;
      m.check = sameRows(nativeRows, wasmRows);
      if (m.check === "ok") m.check = checksZero(nativeRows[0], m.resultNames);
      m.result = m.resultNames.map((k) => nativeRows[0][k]);
      log(
        `datasets ${m.id} ${rows} rows: WASM ${m.wasmMs.median.toFixed(0)} ms, native ${m.nativeMs.median.toFixed(0)} ms, ratio ${m.ratio.median.toFixed(2)}x ` +
          `[${m.ratio.min.toFixed(2)}–${m.ratio.max.toFixed(2)}]; page peak RSS ${(m.peak.hwm / 2 ** 20).toFixed(0)} MB; check ${m.check}`,
      );
    }
  } finally {
    await context.close();
    server.close();
  }

  // --- 5. the JS function on the first 1,048,576 rows ---
  const jsContext = await browser.newContext();
  try {
    const js = await jsContext.newPage();
    await js.setContent("<!doctype html><html><body></body></html>");
    await js.addScriptTag({ path: path.join(root, "bench/page/standin.js") });
    await js.addScriptTag({ content: h.functionsJs });
    for (const f of ["data.js", "datasets-data.js"]) await js.addScriptTag({ path: path.join(root, "bench/page", f) });
    for (const m of MODELS) {
      const x = await js.evaluate(
        ([id, total, n, params, runs]) => {
          const G = globalThis.BenchDatasets;
          const args = id === "FAST.ROWS" ? G.fastArgs(n) : G.growArgs(total, n);
          while (args.length < params) args.push(null);
          args.push({ address: "Sheet1!A1", functionName: id, parameterAddresses: [] });
          const fn = globalThis.__associated[id];
          let out = fn(...args); // warm-up
          out = fn(...args);
          const ms = [];
          for (let k = 0; k < runs; k++) {
            const t = performance.now();
            out = fn(...args);
            ms.push(performance.now() - t);
          }
          const cell = (v) => (v instanceof Error ? { error: v.code } : v);
          return { ms, row: Array.isArray(out) ? out[0].map(cell) : cell(out) };
        },
        [m.id, rows, jsRows, h.paramCounts[m.id], runs],
      );
      m.jsMs = statsOf(x.ms);
      m.jsRow = x.row;
      const ref = await native(m.sql1m);
      m.native1mMs = ref.ms;
      m.jsCheck = sameRows([Object.fromEntries(m.resultNames.map((k, j) => [k, x.row[j]]))], [Object.fromEntries(m.resultNames.map((k) => [k, ref.rows[0][k]]))]);
      if (m.jsCheck === "ok") m.jsCheck = checksZero(ref.rows[0], m.resultNames);
      log(`datasets ${m.id} JS function ${jsRows} rows: ${m.jsMs.median.toFixed(0)} ms (native DuckDB on the same rows ${ref.ms.toFixed(0)} ms); check ${m.jsCheck}`);
    }
  } finally {
    await jsContext.close();
    con.closeSync();
    instance.closeSync();
  }
  result.jsRows = jsRows;
  result.load = [loadStart[0], os.loadavg()[0]];
  result.seconds = (Date.now() - t0) / 1000;
  return result;
}

/** Processes started by this Node process (Chromium's), from /proc. */
function descendants() {
  const parent = new Map();
  for (const d of readdirSync("/proc")) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const st = readFileSync(`/proc/${d}/stat`, "utf8");
      parent.set(Number(d), Number(st.slice(st.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {
      /* ended */
    }
  }
  const mine = (pid) => {
    for (let p = parent.get(pid), k = 0; p > 1 && k < 20; p = parent.get(p) ?? 0, k++) if (p === process.pid) return true;
    return false;
  };
  return [...parent.keys()].filter(mine);
}

function safeCpu(cpuNs, pid) {
  try {
    return cpuNs(pid);
  } catch {
    return undefined;
  }
}

/** Thread names of a process (/proc/<pid>/task/<tid>/comm). */
function threadNames(pid) {
  const out = [];
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    try {
      out.push(readFileSync(`/proc/${pid}/task/${tid}/comm`, "utf8").trim());
    } catch {
      /* ended */
    }
  }
  return out;
}

const n1 = (n) => n.toLocaleString("en-US");
const mbOf = (b) => (b / 2 ** 20).toFixed(0);
const msOf = (x) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));
const rangeOf = (s, f) => `${f(s.median)} [${f(s.min)}–${f(s.max)}]`;

/** Rows of the Targets table (the two ratios against ≤ 5×, the JS comparison and the page's peak memory as info). */
export function datasetTargetLines(d) {
  const out = [];
  const [fast, grow] = d.models;
  for (const m of d.models) {
    const ok = m.ratio.median <= 5 && m.check === "ok";
    out.push(`| DuckDB-WASM ÷ native, ${m.id} ${d.rows >= 1e6 ? d.rows / 1e6 + "M" : n1(d.rows)} rows | ${rangeOf(m.ratio, (x) => x.toFixed(2))}× (${msOf(m.wasmMs.median)} ms ÷ ${msOf(m.nativeMs.median)} ms) | ≤ 5× | ${ok ? "met" : "MISSED"} |`);
  }
  out.push(
    `| JS function on ${n1(d.jsRows)} rows, for scale (info) | FAST.ROWS ${msOf(fast.jsMs.median)} ms, GROW.ROWS ${msOf(grow.jsMs.median)} ms ` +
      `(DuckDB-WASM on ${n1(d.rows)}: ${msOf(fast.wasmMs.median)} ms, ${msOf(grow.wasmMs.median)} ms) | – | info |`,
  );
  const peak = Math.max(fast.peak.hwm, grow.peak.hwm);
  out.push(`| DuckDB-WASM page peak memory (renderer RSS, ${n1(d.rows)} rows) (info) | ${mbOf(peak)} MB (FAST.ROWS ${mbOf(fast.peak.hwm)}, GROW.ROWS ${mbOf(grow.peak.hwm)}; ${mbOf(d.rssBefore)} MB before the first query) | – | info |`);
  return out;
}

/** The section of the report. */
export function datasetReport(d) {
  const [fast, grow] = d.models;
  const lines = [
    `## Local files in DuckDB (${n1(d.rows)}-row CSV)`,
    ``,
    `DuckDB-WASM ${d.wasm.version} (${d.wasm.bundle}, one thread, in its Web Worker) in headless Chromium, the CSV given as a browser File ` +
      `(\`<input type=file>\`, BROWSER_FILEREADER), against @duckdb/node-api ${d.nativeVersion} (native, ${d.nativeThreads} threads) on the same file; ` +
      `the same query text (DTC.SQL, dialect duckdb) over \`read_csv(…, header = true, all_varchar = true)\`. Wall-clock ms per query (the target), ${d.runs} runs each, alternating ` +
      `(1-minute load average ${d.load[0].toFixed(2)} at the start of the section, ${d.load[1].toFixed(2)} at its end, on ${os.cpus().length} cores); ` +
      `CPU time beside it: DuckDB-WASM's renderer process, native's Node process (DuckDB's threads run in it).`,
    ``,
    `| model | CSV | DuckDB-WASM ms | native ms | WASM ÷ native | CPU ms: WASM (renderer) / native (process) | CPU ÷ | page peak RSS | same result |`,
    `|---|---|---|---|---|---|---|---|---|`,
  ];
  for (const m of d.models) {
    lines.push(
      `| ${m.id} | ${n1(d.rows)} rows, ${mbOf(m.bytes)} MB | ${rangeOf(m.wasmMs, msOf)} | ${rangeOf(m.nativeMs, msOf)} | ${rangeOf(m.ratio, (x) => x.toFixed(2))}× | ` +
        `${msOf(m.wasmCpu.median)} / ${msOf(m.nativeCpu.median)} | ${rangeOf(m.cpuRatio, (x) => x.toFixed(2))}× | ${mbOf(m.peak.hwm)} MB | ${m.check} |`,
    );
  }
  lines.push(``, `| model | JS function on the first ${n1(d.jsRows)} rows, ms | native DuckDB on those rows, ms | same result | result (${n1(d.rows)} rows) |`, `|---|---|---|---|---|`);
  for (const m of d.models) {
    lines.push(`| ${m.id} | ${rangeOf(m.jsMs, msOf)} | ${msOf(m.native1mMs)} | ${m.jsCheck} | ${m.result.map((x) => (typeof x === "number" ? +x.toPrecision(8) : JSON.stringify(x))).join(", ")} |`);
  }
  const wc = fast.workerCheck;
  lines.push(
    ``,
    `The page's renderer held ${mbOf(d.rssBefore)} MB before the first query (page, DuckDB-WASM started, files registered). ` +
      `DuckDB's Web Worker runs in that process: it has ${wc.dedicatedWorker} DedicatedWorker thread(s), and during the first FAST.ROWS query it used ` +
      `${(wc.ownCpuMs / 1000).toFixed(1)} s of CPU for ${(wc.wallMs / 1000).toFixed(1)} s of wall-clock time while the other Chromium processes used ${(wc.otherCpuMs / 1000).toFixed(2)} s. ` +
      `Section time ${d.seconds.toFixed(0)} s.`,
    ``,
  );
  void grow;
  return lines;
}
