#!/usr/bin/env node
/*
 * `npm run bench`: performance of the BUILT custom functions (issue #8).
 *
 * 1. Builds the add-in in production mode into its own folder (os.tmpdir()/dtc-bench-dist;
 *    never dist/, so it cannot collide with a developer's build), unless `--dist DIR` names an
 *    existing build to measure.
 * 2. Loads dist/functions.js in headless Chromium (the launch flags of test/harness/chromium.ts,
 *    plus --expose-gc) behind a CustomFunctions stand-in, generates Excel-shaped any[][]
 *    arguments inside the page (10,000 / 100,000 / 1,048,576 rows) and times each function
 *    against its FLOOR (bench/page/floors.js: a bare loop computing the same numbers; ASSOC's
 *    floor, which hashes baskets and counts pairs, is in bench/page/strategy-floors.js). Functions
 *    with an absolute target instead (GTA, GTA "sensitivity", GTA.BUDGET, HOTPLAN, CLUSTER, INDEX,
 *    DIAGNOSE) are timed alone and their result's shape is checked.
 * 3. Measures FAST.ROWS' peak extra memory on 1,048,576 rows (renderer peak RSS, Linux
 *    /proc/<pid>/status VmHWM, reset through /proc/<pid>/clear_refs) and the JSON request size
 *    per row of the row-level functions.
 * 4. In a separate browser context, computes the same metrics with native worksheet formulas in
 *    HyperFormula (bench/page/native.js) and reports the add-in's speed-up.
 * 5. "datasets" (bench/datasets.mjs, issue #17): FAST.ROWS and GROW.ROWS over a 10,000,000-row
 *    CSV file in DuckDB-WASM in this Chromium against @duckdb/node-api on the same file and
 *    query (DTC.SQL's text), the JS function on the first 1,048,576 rows, the page's peak memory.
 * 6. Prints a table and one closing line; writes bench/RESULTS.md (unless --no-write).
 *
 * Options: --dist DIR (measure an existing build), --quick (10k/100k rows, 5 runs, no 1M native:
 * for development), --only NAME,NAME (development: only these cases; "memory" for the memory
 * measurement, "datasets" for the DuckDB section; names with a space as one item: --only
 * "ASSOC,GTA sensitivity,GTA.BUDGET"), --runs N (default 7), --no-native, --no-datasets,
 * --datasets-rows N (default 10,000,000; 1,048,576 with --quick), --no-write.
 * Not part of `npm test`.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { chromium } from "playwright-core";
import { DATASET_ROWS, datasetReport, datasetTargetLines, runDatasets } from "./datasets.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const argv = process.argv.slice(2);
const flag = (name) => argv.includes(name);
const option = (name) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const QUICK = flag("--quick");
const RUNS = Number(option("--runs") ?? (QUICK ? 5 : 7));
const NATIVE = !flag("--no-native");
const ONLY = option("--only")?.split(","); // development: only these case names (and no RESULTS.md)
const WRITE = !flag("--no-write") && !QUICK && !option("--only");
const ROWS_1M = 1_048_576;
const SIZES = QUICK ? [10_000, 100_000] : [10_000, 100_000, ROWS_1M];
const started = Date.now();
const loadAtStart = os.loadavg();
const log = (...a) => console.error(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(3)}s]`, ...a);

// --- 1. build ------------------------------------------------------------------------------------
const DIST = option("--dist") ? path.resolve(option("--dist")) : path.join(os.tmpdir(), "dtc-bench-dist");
if (!option("--dist")) {
  log(`building (webpack --mode production) into ${DIST}`);
  execFileSync(process.execPath, [path.join(ROOT, "node_modules/webpack/bin/webpack.js"), "--mode", "production", "--output-path", DIST], {
    cwd: ROOT,
    stdio: ["ignore", "ignore", "inherit"],
  });
}
const metadata = JSON.parse(readFileSync(path.join(DIST, "functions.json"), "utf8"));
const functionsJs = readFileSync(path.join(DIST, "functions.js"));
const bundle = { raw: functionsJs.length, gzip: gzipSync(functionsJs).length };
const ids = new Set(metadata.functions.map((f) => f.id));
const paramCounts = Object.fromEntries(metadata.functions.map((f) => [f.id, f.parameters.length]));
log(`functions.js ${bundle.raw} B raw, ${bundle.gzip} B gzip; ${ids.size} functions`);

// --- 2. browser ----------------------------------------------------------------------------------
/** The launch flags of the test harness (one place: test/harness/chromium.ts). */
function harnessFlags() {
  const src = readFileSync(path.join(ROOT, "test/harness/chromium.ts"), "utf8");
  const m = /CHROMIUM_ARGS\s*=\s*\[([\s\S]*?)\]/.exec(src);
  if (!m) throw new Error("CHROMIUM_ARGS not found in test/harness/chromium.ts");
  return [...m[1].matchAll(/"([^"]+)"/g)].map((x) => x[1]);
}
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const browser = await chromium.launch({
  executablePath: CHROMIUM_PATH,
  headless: true,
  args: [...harnessFlags(), "--js-flags=--expose-gc"],
});
// New headless Chromium also starts browser-UI WebUI pages (the omnibox popup) whose renderer
// burns about a CPU-second after launch; close them so they neither compete with the
// measurement nor get mistaken for the page's renderer (whose process is a plain renderer).
async function closeBrowserUi() {
  const ui = await browser.newBrowserCDPSession();
  const { targetInfos } = await ui.send("Target.getTargets");
  for (const t of targetInfos) if (t.type === "browser_ui") await ui.send("Target.closeTarget", { targetId: t.targetId }).catch(() => {});
  await ui.detach();
}
const page = (file) => ({ path: path.join(ROOT, "bench/page", file) });

const addinContext = await browser.newContext();
const addin = await addinContext.newPage();
await addin.setContent("<!doctype html><html><body></body></html>");
await closeBrowserUi();
await addin.addScriptTag(page("standin.js"));
await addin.addScriptTag({ content: functionsJs.toString("utf8") });
for (const f of ["data.js", "floors.js", "strategy-floors.js", "diagnose-data.js", "timing.js"]) await addin.addScriptTag(page(f));
await addin.evaluate((pc) => Object.assign(globalThis.__paramCounts, pc), paramCounts);
if (!(await addin.evaluate(() => typeof globalThis.gc === "function"))) throw new Error("gc() not exposed");

// --- cases -----------------------------------------------------------------------------------------
const NATIVE_SIZES = {
  AIPL: QUICK ? [10_000, 100_000] : [10_000, 100_000, ROWS_1M],
  "FAST.ROWS": QUICK ? [10_000, 100_000] : [10_000, 100_000, ROWS_1M],
  "blank AIPL": QUICK ? [] : [ROWS_1M],
  "GROW.ROWS": QUICK ? [2_000] : [2_000, 10_000],
  SUPER: [1_000, 2_000],
};
const PLAN = [
  ...["AIPL", "FAST.ROWS", "GROW.ROWS"].map((name) => ({ name, sizes: [...new Set([...NATIVE_SIZES[name], ...SIZES])].sort((a, b) => a - b) })),
  { name: "SUPER", sizes: [1_000, 2_000, 10_000, 100_000], unit: "SKUs" },
  { name: "SUPER whole column", sizes: [10_000], unit: "SKUs in 1,048,576 rows" },
  { name: "blank AIPL", sizes: [QUICK ? 100_000 : ROWS_1M] },
  { name: "blank FAST.ROWS", sizes: [QUICK ? 100_000 : ROWS_1M] },
  { name: "GTA", sizes: [200], unit: "crowd rows", absolute: true },
  { name: "HOTPLAN", sizes: [200], unit: "crowd rows × 3 phases", absolute: true },
  { name: "GTA sensitivity", sizes: [200], unit: "crowd rows", absolute: true },
  { name: "GTA.BUDGET", sizes: [200], unit: "crowd rows", absolute: true },
  { name: "ASSOC", sizes: SIZES, unit: "rows (header + order lines)" },
  { name: "ASSOC whole column", sizes: [100_000], unit: "order lines in 1,048,576 rows" },
  { name: "CLUSTER", sizes: [2_000], unit: "segments × 30 features", absolute: true },
  { name: "INDEX", sizes: [200], unit: "peers × 25 codes", absolute: true },
  { name: "DIAGNOSE", sizes: [200], unit: "peers × 25 codes", absolute: true },
];
const idOf = { "SUPER whole column": "SUPER", "blank AIPL": "AIPL", "blank FAST.ROWS": "FAST.ROWS", "GTA sensitivity": "GTA", "ASSOC whole column": "ASSOC" };

/** CPU time (ns) of all threads of a process: Linux /proc/<pid>/task/<tid>/schedstat, first field. */
function cpuNs(pid) {
  let t = 0;
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    try {
      t += Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, "utf8").split(" ")[0]);
    } catch {
      /* thread ended */
    }
  }
  return t;
}

// The add-in page's renderer: the one of ours whose CPU time grows while the page spins.
const renderer = await (async () => {
  const pids = rendererPids();
  const before = new Map(pids.map((p) => [p, cpuNs(p)]));
  await addin.evaluate(() => globalThis.BenchRun.spin(500));
  const grown = pids.map((p) => [p, cpuNs(p) - before.get(p)]).sort((a, b) => b[1] - a[1]);
  const [[pid, ns], second] = grown;
  if (ns < 100e6 || (second && second[1] > 0.2 * ns)) {
    throw new Error(`cannot tell the page's renderer by its CPU time: ${grown.map(([p, t]) => `${p} +${(t / 1e6).toFixed(0)} ms`).join(", ")}`);
  }
  return pid;
})();
// CPU time of an empty page.evaluate round trip, subtracted from each sample.
const overheadNs = await (async () => {
  const xs = [];
  for (let k = 0; k < 15; k++) {
    const t0 = cpuNs(renderer);
    await addin.evaluate(() => 0);
    xs.push(cpuNs(renderer) - t0);
  }
  return statsOf(xs).median;
})();
log(`renderer pid ${renderer}; evaluate overhead ${(overheadNs / 1e6).toFixed(3)} ms CPU`);

/**
 * Runs of one prepared case: each run samples floor and function back to back (order
 * alternating, a full GC before each sample, outside the measurement). Per sample: the
 * renderer's CPU time (all its threads, so GC helper threads count too) per call — robust to
 * other processes taking the shared cores — and the page's wall-clock time per call.
 */
async function runs(prep) {
  const cpu = { fn: [], floor: [] };
  const wall = { fn: [], floor: [] };
  const sides = prep.hasFloor ? ["floor", "fn"] : ["fn"];
  for (let r = 0; r < RUNS; r++) {
    for (const side of r % 2 ? [...sides].reverse() : sides) {
      await addin.evaluate(() => (globalThis.gc(), true));
      const t0 = cpuNs(renderer);
      const w = await addin.evaluate((side) => globalThis.BenchRun.sampleCase(side), side);
      const t1 = cpuNs(renderer);
      cpu[side].push(Math.max(0, t1 - t0 - overheadNs) / 1e6 / prep.reps[side]);
      wall[side].push(w);
    }
  }
  const ratio = (xs, ys) => xs.map((x, i) => x / ys[i]);
  return {
    fn: statsOf(cpu.fn),
    floor: prep.hasFloor ? statsOf(cpu.floor) : null,
    ratio: prep.hasFloor ? statsOf(ratio(cpu.fn, cpu.floor)) : null,
    wall: { fn: statsOf(wall.fn), ratio: prep.hasFloor ? statsOf(ratio(wall.fn, wall.floor)) : null },
  };
}

const results = [];
for (const c of PLAN) {
  if (ONLY && !ONLY.includes(c.name)) continue;
  const id = idOf[c.name] ?? c.name;
  if (!ids.has(id)) {
    log(`${c.name}: DTC.${id} is not in this build yet; skipped`);
    results.push({ name: c.name, id, missing: true });
    continue;
  }
  for (const n of c.sizes) {
    const prep = await addin.evaluate(([name, n]) => globalThis.BenchRun.prepareCase(name, n), [c.name, n]);
    const r = Object.assign(prep, await runs(prep));
    await addin.evaluate(() => globalThis.BenchRun.releaseCase());
    r.unit = c.unit ?? "rows";
    r.absolute = !!c.absolute;
    results.push(r);
    log(
      `${c.name} n=${n}: fn ${fmtMs(r.fn.median)}` +
        (r.floor ? `, floor ${fmtMs(r.floor.median)}, ratio ${r.ratio.median.toFixed(2)}x [${r.ratio.min.toFixed(2)}–${r.ratio.max.toFixed(2)}] (wall ${r.wall.ratio.median.toFixed(2)}x)` : ` (wall ${fmtMs(r.wall.fn.median)})`) +
        ` check ${r.check}`,
    );
  }
}

// --- 3. memory and request size --------------------------------------------------------------------
/** Page renderer processes started by this run (descendants of this Node process; no browser-UI WebUI). */
function rendererPids() {
  const parent = new Map();
  for (const d of readdirSync("/proc")) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, "utf8");
      parent.set(Number(d), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {
      /* process ended */
    }
  }
  const mine = (pid) => {
    for (let p = pid, k = 0; p > 1 && k < 20; p = parent.get(p) ?? 0, k++) if (p === process.pid) return true;
    return false;
  };
  return [...parent.keys()].filter((pid) => {
    if (!mine(pid)) return false;
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, "utf8");
      return cmd.includes("--type=renderer") && !cmd.includes("--top-chrome-webui");
    } catch {
      return false;
    }
  });
}
const status = (pid, key) => Number(new RegExp(`${key}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, "utf8"))[1]) * 1024;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

let memory = null;
if (ids.has("FAST.ROWS") && (!ONLY || ONLY.includes("memory"))) {
  // Peak extra memory of one call beyond its inputs (which exist before and after), as an upper
  // bound from V8's own accounting: every JS-heap byte allocated during the call (sampling heap
  // profiler, objects later collected included) plus the ArrayBuffer backing stores alive after it
  // (typed arrays the call made live at least until it returns). Cross-check: the renderer's peak RSS
  // growth (VmHWM after resetting it), a lower bound because allocators reuse freed memory.
  const n = QUICK ? 100_000 : ROWS_1M;
  await addin.evaluate((n) => globalThis.BenchRun.memPrepare(n), n);
  const cdp = await addinContext.newCDPSession(addin);
  await cdp.send("HeapProfiler.enable");
  const pid = renderer;
  const inputs = (await cdp.send("Runtime.getHeapUsage")).usedSize;
  const heap = [];
  const backing = [];
  const bound = [];
  const rss = [];
  const control = [];
  for (let k = 0; k < Math.max(5, RUNS); k++) {
    for (const empty of [true, false]) {
      await addin.evaluate(() => (globalThis.gc(), globalThis.gc(), true));
      await sleep(100);
      const rssBefore = status(pid, "VmRSS");
      writeFileSync(`/proc/${pid}/clear_refs`, "5"); // reset VmHWM to the current RSS
      const before = await cdp.send("Runtime.getHeapUsage");
      await cdp.send("HeapProfiler.startSampling", { samplingInterval: 4096, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
      await addin.evaluate((empty) => (empty ? true : globalThis.BenchRun.memCall()), empty);
      const after = await cdp.send("Runtime.getHeapUsage");
      const { profile } = await cdp.send("HeapProfiler.stopSampling");
      const allocated = profile.samples.reduce((a, x) => a + x.size, 0);
      const b = Math.max(0, (after.backingStorageSize ?? 0) - (before.backingStorageSize ?? 0));
      if (empty) {
        control.push(allocated + b);
      } else {
        heap.push(allocated);
        backing.push(b);
        bound.push(allocated + b);
        rss.push(status(pid, "VmHWM") - rssBefore);
      }
    }
  }
  await cdp.detach();
  await addin.evaluate(() => globalThis.BenchRun.memRelease());
  memory = { n, inputs, peak: statsOf(bound), heap: statsOf(heap), backing: statsOf(backing), rss: statsOf(rss), control: statsOf(control) };
  log(
    `memory FAST.ROWS n=${n}: peak extra ≤ ${mb(memory.peak.median)} MB [${mb(memory.peak.min)}–${mb(memory.peak.max)}] ` +
      `(heap ${mb(memory.heap.median)}, ArrayBuffers ${mb(memory.backing.median)}; RSS growth ${mb(memory.rss.median)}; empty call ${mb(memory.control.median)})`,
  );
}
const requestSize = await addin.evaluate(() => globalThis.BenchRun.requestBytesPerRow(10000));
await addinContext.close();

// --- 4. native formulas (HyperFormula) --------------------------------------------------------------
const native = [];
if (NATIVE) {
  const hfContext = await browser.newContext();
  const hf = await hfContext.newPage();
  await hf.setContent("<!doctype html><html><body></body></html>");
  await hf.addScriptTag({ path: path.join(ROOT, "node_modules/hyperformula/dist/hyperformula.full.min.js") });
  for (const f of ["data.js", "floors.js", "native.js"]) await hf.addScriptTag(page(f));
  const hfVersion = await hf.evaluate(() => globalThis.HyperFormula.version);
  for (const [name, sizes] of Object.entries(NATIVE_SIZES)) {
    const id = idOf[name] ?? name;
    if (!ids.has(id) || (ONLY && !ONLY.includes(name))) continue;
    for (const n of sizes) {
      const blank = name.startsWith("blank ");
      try {
        const r = await hf.evaluate(([id, n, blank, runs]) => globalThis.BenchNative.run(id, n, { blank, runs }), [id, n, blank, n >= ROWS_1M ? 3 : 5]);
        r.name = name;
        r.n = n;
        r.recalc = statsOf(r.recalcMs);
        const mine = results.find((x) => x.name === name && x.n === n && !x.missing);
        r.addinMs = mine?.fn.median;
        r.check = mine ? compareRows(mine.result, r.result) : "n/a";
        r.speedup = r.addinMs ? r.recalc.median / r.addinMs : undefined;
        native.push(r);
        log(`native ${name} n=${n}: build ${fmtMs(r.buildMs)}, first ${fmtMs(r.firstMs)}, recalc ${fmtMs(r.recalc.median)}, speed-up ${r.speedup?.toFixed(0)}x, check ${r.check}`);
      } catch (e) {
        native.push({ name, n, failed: String(e.message ?? e).split("\n")[0] });
        log(`native ${name} n=${n} failed: ${e.message}`);
      }
    }
  }
  native.hfVersion = hfVersion;
  await hfContext.close();
}
// --- 5. local files in DuckDB (bench/datasets.mjs) ------------------------------------------------------
let datasets = null;
if (!flag("--no-datasets") && (!ONLY || ONLY.includes("datasets"))) {
  datasets = await runDatasets({
    browser, root: ROOT, functionsJs: functionsJs.toString("utf8"), paramCounts, log, statsOf, rendererPids, cpuNs, status,
    rows: Number(option("--datasets-rows") ?? (QUICK ? ROWS_1M : DATASET_ROWS)),
    runs: 3,
  });
}
const chromiumVersion = browser.version();
await browser.close();

// --- 6. report -----------------------------------------------------------------------------------------
function statsOf(xs) {
  const s = xs.slice().sort((a, b) => a - b);
  const m = s.length >> 1;
  return { median: s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2, min: s[0], max: s[s.length - 1], runs: s.length };
}
function fmtMs(x) {
  return x >= 100 ? `${x.toFixed(0)} ms` : x >= 10 ? `${x.toFixed(1)} ms` : `${x.toFixed(2)} ms`;
}
function mb(b) {
  return (b / 2 ** 20).toFixed(2);
}
function compareRows(a, b) {
  if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return `MISMATCH ${JSON.stringify(b)}`;
  for (let j = 0; j < a.length; j++) {
    const x = a[j];
    const y = b[j];
    if (typeof x === "number" && typeof y === "number") {
      if (Math.abs(x - y) > 1e-6 * Math.max(1, Math.abs(x))) return `MISMATCH col ${j + 1}: ${y} vs ${x}`;
    } else if (JSON.stringify(x?.error ?? x) !== JSON.stringify(y?.error ?? y)) {
      return `MISMATCH col ${j + 1}: ${JSON.stringify(y)} vs ${JSON.stringify(x)}`;
    }
  }
  return "ok";
}
const range = (s, f = (x) => x.toFixed(2)) => `${f(s.median)} [${f(s.min)}–${f(s.max)}]`;
const msRange = (s) => range(s, (x) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2)));
const n1 = (n) => n.toLocaleString("en-US");

const at1M = (name, n = ROWS_1M) => results.find((r) => r.name === name && r.n === n && !r.missing);
const TARGETS = [
  { label: "FAST.ROWS", r: at1M("FAST.ROWS", SIZES.at(-1)), kind: "ratio", limit: 2 },
  { label: "GROW.ROWS", r: at1M("GROW.ROWS", SIZES.at(-1)), kind: "ratio", limit: 2 },
  { label: "SUPER", r: at1M("SUPER", 10_000), kind: "ratio", limit: 2, what: "10,000 SKUs" },
  { label: "SUPER whole column", r: at1M("SUPER whole column", 10_000), kind: "ratio", limit: 2, what: "10,000 SKUs in 1,048,576 rows" },
  { label: "blank FAST.ROWS", r: at1M("blank FAST.ROWS", QUICK ? 100_000 : ROWS_1M), kind: "ratio", limit: 2 },
  { label: "blank AIPL", r: at1M("blank AIPL", QUICK ? 100_000 : ROWS_1M), kind: "ratio", limit: 2 },
  { label: "GTA", r: at1M("GTA", 200), kind: "ms", limit: 2, what: "200 crowd rows" },
  { label: "HOTPLAN", r: at1M("HOTPLAN", 200), kind: "ms", limit: 2, what: "200 crowd rows" },
  { label: "GTA sensitivity", r: at1M("GTA sensitivity", 200), kind: "ms", limit: 20, what: "200 crowd rows" },
  { label: "GTA.BUDGET", r: at1M("GTA.BUDGET", 200), kind: "ms", limit: 2, what: "200 crowd rows" },
  { label: "ASSOC", r: at1M("ASSOC", SIZES.at(-1)), kind: "ratio", limit: 2 },
  { label: "CLUSTER", r: at1M("CLUSTER", 2_000), kind: "ms", limit: 1000, what: "2,000 segments × 30 features" },
  { label: "INDEX", r: at1M("INDEX", 200), kind: "ms", limit: 5, what: "200 peers × 25 codes" },
  { label: "DIAGNOSE", r: at1M("DIAGNOSE", 200), kind: "ms", limit: 5, what: "200 peers × 25 codes" },
];
const verdict = (ok) => (ok ? "met" : "MISSED");

const lines = [];
const out = (s = "") => lines.push(s);
out(`| case | size | function ms, median [min–max] | floor ms, median [min–max] | function ÷ floor, median [min–max] | ÷ floor, wall clock | result = floor |`);
out(`|---|---|---|---|---|---|---|`);
for (const r of results) {
  if (r.missing) {
    out(`| ${r.name} | – | not in this build | | | | |`);
    continue;
  }
  out(`| ${r.name} | ${n1(r.n)} ${r.unit} | ${msRange(r.fn)} | ${r.floor ? msRange(r.floor) : "–"} | ${r.ratio ? range(r.ratio) + "×" : "–"} | ${r.wall.ratio ? range(r.wall.ratio) + "×" : msRange(r.wall.fn) + " ms"} | ${r.check} |`);
}
const targetLines = [];
targetLines.push(`| target | measured | limit | |`);
targetLines.push(`|---|---|---|---|`);
for (const t of TARGETS) {
  if (!t.r) {
    const why = ONLY && !ONLY.includes(t.label) ? "not in --only" : "function not built";
    targetLines.push(`| ${t.label} | not measured (${why}) | | |`);
    continue;
  }
  const v = t.kind === "ratio" ? t.r.ratio.median : t.r.fn.median;
  const shown = t.kind === "ratio" ? `${range(t.r.ratio)}× floor` : `${msRange(t.r.fn)} ms`;
  targetLines.push(`| ${t.label}${t.what ? ` (${t.what})` : ` (${n1(t.r.n)} rows)`} | ${shown} | ≤ ${t.limit}${t.kind === "ratio" ? "× floor" : " ms"} | ${verdict(v <= t.limit)} |`);
}
if (memory) {
  targetLines.push(`| FAST.ROWS peak extra memory (${n1(memory.n)} rows) | ${range(memory.peak, mb)} MB | ≤ 64 MB | ${verdict(memory.peak.median <= 64 * 2 ** 20)} |`);
}
if (datasets) targetLines.push(...datasetTargetLines(datasets));
targetLines.push(`| functions.js size | ${(bundle.raw / 1024).toFixed(1)} KB raw, ${(bundle.gzip / 1024).toFixed(1)} KB gzip | ≤ 60 KB gzip | ${verdict(bundle.gzip <= 60 * 1024)} |`);

const nativeLines = [];
if (native.length) {
  nativeLines.push(`| metric | rows | formulas: first evaluation | formulas: recalculation, median [min–max] | add-in call | speed-up (recalc ÷ add-in) | same result |`);
  nativeLines.push(`|---|---|---|---|---|---|---|`);
  for (const r of native) {
    if (r.failed) nativeLines.push(`| ${r.name} | ${n1(r.n)} | failed: ${r.failed} | | | | |`);
    else
      nativeLines.push(
        `| ${r.name} | ${n1(r.n)} | ${fmtMs(r.firstMs)} | ${msRange(r.recalc)} ms | ${r.addinMs !== undefined ? fmtMs(r.addinMs) : "–"} | ${r.speedup !== undefined ? r.speedup.toFixed(0) + "×" : "–"} | ${r.check} |`,
      );
  }
}
const reqLines = [`| function | data | bytes per row | rows in a 5 MB request |`, `|---|---|---|---|`];
for (const q of requestSize) reqLines.push(`| ${q.fn} | ${q.data} | ${q.bytes.toFixed(1)} | ${n1(Math.floor(5e6 / q.bytes))} |`);

// The closing line.
const t = Object.fromEntries(TARGETS.map((x) => [x.label, x.r]));
const ratioOf = (r) => (r ? `${r.ratio.median.toFixed(2)}x` : "n/a");
const msOf = (r) => (r ? `${r.fn.median >= 100 ? r.fn.median.toFixed(0) : r.fn.median.toFixed(2)} ms` : "n/a");
const speed = (name) => {
  const rs = native.filter((r) => r.name === name && r.speedup !== undefined);
  const r = rs.at(-1);
  return r ? `${name} ${r.speedup.toFixed(0)}x@${r.n >= 1e6 ? "1M" : r.n / 1000 + "k"}` : null;
};
const closing =
  `bench: FAST.ROWS ${ratioOf(t["FAST.ROWS"])} floor, GROW.ROWS ${ratioOf(t["GROW.ROWS"])}, SUPER ${ratioOf(t.SUPER)}, ` +
  `blank ${ratioOf(t["blank FAST.ROWS"])} (AIPL ${ratioOf(t["blank AIPL"])}), GTA ${msOf(t.GTA)}, HOTPLAN ${msOf(t.HOTPLAN)}, ` +
  `GTA sensitivity ${msOf(t["GTA sensitivity"])}, GTA.BUDGET ${msOf(t["GTA.BUDGET"])}, ASSOC ${ratioOf(t.ASSOC)}, CLUSTER ${msOf(t.CLUSTER)}, ` +
  `INDEX ${msOf(t.INDEX)}, DIAGNOSE ${msOf(t.DIAGNOSE)}, ` +
  `mem ${memory ? mb(memory.peak.median) + " MB" : "n/a"}, functions.js ${(bundle.gzip / 1024).toFixed(1)} KB gz (${(bundle.raw / 1024).toFixed(1)} KB raw)` +
  (datasets ? `; DuckDB-WASM ÷ native ${datasets.models.map((m) => `${m.id} ${m.ratio.median.toFixed(2)}x`).join(", ")}@${datasets.rows / 1e6}M` : "") +
  (native.length ? `; native speed-up ${["FAST.ROWS", "AIPL", "GROW.ROWS", "SUPER"].map(speed).filter(Boolean).join(", ")}` : "");

const cpus = os.cpus();
const machine = [
  `- Date: ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC`,
  `- CPU: ${cpus.length} × ${cpus[0]?.model ?? "?"}; load average at start ${loadAtStart.map((x) => x.toFixed(2)).join(" ")} (the machine is shared)`,
  `- Memory: ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB; ${os.type()} ${os.release()}`,
  `- Node ${process.version}; Chromium ${chromiumVersion} (headless, ${CHROMIUM_PATH}); HyperFormula ${native.hfVersion ?? "–"}`,
  `- Command: \`npm run bench${argv.length ? " -- " + argv.join(" ") : ""}\`; ${RUNS} runs per case after warm-up (≥ 3 calls and ≥ 300 ms per side); total time ${((Date.now() - started) / 1000).toFixed(0)} s`,
];

const report = [
  `## Targets`,
  ``,
  ...targetLines,
  ``,
  `## Function vs floor`,
  ``,
  ...lines,
  ``,
  ...(nativeLines.length ? [`## Native formulas (HyperFormula) vs the add-in`, ``, ...nativeLines, ``] : []),
  ...(datasets ? datasetReport(datasets) : []),
  `## Request size per row (JSON of the arguments, UTF-8)`,
  ``,
  ...reqLines,
  ``,
  ...(memory
    ? [
        `Memory of one FAST.ROWS call on ${n1(memory.n)} rows beyond its inputs (${mb(memory.inputs)} MB of JS heap, mostly the any[][] arrays), ` +
          `${memory.peak.runs} runs: peak extra ≤ ${range(memory.peak, mb)} MB = JS heap allocated during the call ${range(memory.heap, mb)} MB ` +
          `(sampling heap profiler, collected objects included) + ArrayBuffers alive at its end ${range(memory.backing, mb)} MB. ` +
          `Cross-checks: renderer peak RSS growth ${range(memory.rss, mb)} MB; the same bound around an empty call ${range(memory.control, mb)} MB.`,
        ``,
      ]
    : []),
];
console.log(report.join("\n"));
console.log(closing);

if (WRITE) {
  const head = readFileSync(path.join(ROOT, "bench/RESULTS.head.md"), "utf8");
  writeFileSync(path.join(ROOT, "bench/RESULTS.md"), [head.trimEnd(), ``, `## Machine`, ``, ...machine, ``, ...report, "```", closing, "```", ""].join("\n"));
  log("wrote bench/RESULTS.md");
}
const bad =
  results.some((r) => r.check && r.check !== "ok" && r.check !== "n/a") ||
  native.some((r) => r.check && r.check !== "ok" && r.check !== "n/a") ||
  (datasets?.models.some((m) => m.check !== "ok" || m.jsCheck !== "ok") ?? false);
if (bad) {
  console.error("bench: a function's result differs from its floor, the native formulas or DuckDB (see 'result' columns)");
  process.exitCode = 1;
}
if (existsSync(DIST) && !option("--dist")) log(`build kept in ${DIST}`);
