/*
 * In-page measurement of the BUILT functions against their floors (plain browser JavaScript).
 *
 * The page has the CustomFunctions stand-in (bench/page/standin.js) and dist/functions.js
 * loaded; functions are called as Excel calls them: Excel-shaped arguments, omitted optionals
 * as null, an invocation object last. Timing is performance.now() around the synchronous call
 * only (argument generation and result conversion are outside). bench/run.mjs drives the runs:
 * each run pairs one floor sample with one function sample (order alternating, a full GC
 * before each), after warm-up; a sample repeats the call until it lasts ≥ minSampleMs, so
 * sub-millisecond calls are measured above the timers' resolution.
 */
/* global TextEncoder */
(function () {
  "use strict";
  const D = globalThis.BenchData;
  const F = globalThis.BenchFloors;
  const gc = globalThis.gc || (() => {});

  let sink; // keeps results alive so no call is optimised away

  /** Call DTC.<id> like Excel: pad optionals with null, add the invocation object. */
  function caller(id, args) {
    const fn = globalThis.__associated[id];
    if (!fn) throw new Error("function not associated: " + id);
    const params = globalThis.__paramCounts[id];
    const full = args.slice();
    while (full.length < params) full.push(null);
    full.push({ address: "Sheet1!A1", functionName: id, parameterAddresses: [] });
    return () => fn(...full);
  }

  /** Call `f` `reps` times; wall-clock ms per call. */
  function sample(f, reps) {
    const t0 = performance.now();
    for (let k = 0; k < reps; k++) sink = f();
    return (performance.now() - t0) / reps;
  }

  /** Plain form of a function result: errors as { error, message }. */
  function toPlain(v) {
    const one = (x) => (x instanceof Error ? { error: x.code, message: x.message } : x);
    return Array.isArray(v) ? v.map((r) => (Array.isArray(r) ? r.map(one) : one(r))) : one(v);
  }

  /** Same numbers? NaN in the floor stands for #DIV/0! in the function's row. */
  function check(fnRow, floorRow) {
    if (!floorRow) return "n/a";
    if (!Array.isArray(fnRow) || fnRow.length !== floorRow.length) return "MISMATCH " + JSON.stringify(fnRow);
    for (let j = 0; j < floorRow.length; j++) {
      const x = fnRow[j];
      const y = floorRow[j];
      if (Number.isNaN(y)) {
        if (!(x && x.error === "#DIV/0!")) return `MISMATCH col ${j + 1}: ${JSON.stringify(x)} vs #DIV/0!`;
      } else if (typeof x !== "number" || Math.abs(x - y) > 1e-9 * Math.max(1, Math.abs(y))) {
        return `MISMATCH col ${j + 1}: ${JSON.stringify(x)} vs ${y}`;
      }
    }
    return "ok";
  }

  /**
   * The benchmark cases: Excel-shaped arguments of size n, the function id, the floor over the
   * same values. `blank` cases are whole columns of blank cells.
   */
  const CASES = {
    AIPL: (n) => {
      const [stages] = D.fastRows(n);
      return { id: "AIPL", args: [stages], floor: () => F.aipl(stages) };
    },
    "FAST.ROWS": (n) => {
      const a = D.fastRows(n);
      return { id: "FAST.ROWS", args: a, floor: () => F.fastRows(a[0], a[1], a[2], a[3]) };
    },
    "GROW.ROWS": (n) => {
      const a = D.growRows(n);
      return { id: "GROW.ROWS", args: a, floor: () => F.growRows(a[0], a[1], a[2], a[3]) };
    },
    SUPER: (n) => {
      const t = D.superTable(n);
      return { id: "SUPER", args: [t], floor: () => F.superRow(t) };
    },
    "SUPER whole column": (n) => {
      const t = D.superTable(n, 1048576);
      return { id: "SUPER", args: [t], floor: () => F.superRow(t) };
    },
    "blank AIPL": (n) => {
      const c = D.blankColumn(n);
      return { id: "AIPL", args: [c], floor: () => F.aipl(c) };
    },
    "blank FAST.ROWS": (n) => {
      const a = [0, 1, 2, 3].map(() => D.blankColumn(n));
      return { id: "FAST.ROWS", args: a, floor: () => F.fastRows(a[0], a[1], a[2], a[3]) };
    },
    GTA: (n) => ({ id: "GTA", args: D.gtaArgs(n) }),
    HOTPLAN: (n) => ({ id: "HOTPLAN", args: D.hotplanArgs(n) }),
  };

  /**
   * Prepare one case at size n: generate its arguments, call the function once and check its
   * result against the floor's, warm both up (≥ 3 calls and ≥ 300 ms each) and choose the repetitions per
   * sample so that a sample lasts ≥ minSampleMs. The runs are then driven by bench/run.mjs
   * through {@link sampleCase}, which reads the renderer's CPU time around each sample.
   */
  function prepareCase(name, n, { warmup = 3, warmupMs = 300, minSampleMs = 25 } = {}) {
    globalThis.__case = null;
    gc();
    const c = CASES[name](n);
    const call = caller(c.id, c.args);
    const first = toPlain(call());
    const floorRow = c.floor ? c.floor() : null;
    const ok = c.floor ? check(first[0], floorRow) : first && first.error ? "ERROR " + JSON.stringify(first) : "ok";
    // Warm-up to steady state (optimised code, as on Excel's repeated recalculations): at least
    // `warmup` calls and `warmupMs` of calls per side. Calls run in doubling batches so that the
    // per-call estimate (from the last batch) stays above the timer's resolution (100 µs).
    const warm = (f) => {
      let calls = 0;
      let spent = 0;
      let batch = 1;
      let perCall = Infinity;
      while ((calls < warmup || spent < warmupMs) && calls < 1e6) {
        const t0 = performance.now();
        for (let k = 0; k < batch; k++) sink = f();
        const dt = performance.now() - t0;
        calls += batch;
        spent += dt;
        perCall = dt / batch;
        if (dt < 10) batch *= 2;
      }
      return perCall;
    };
    const tf = warm(call);
    const tb = c.floor ? warm(c.floor) : Infinity;
    const reps = {
      fn: Math.max(1, Math.ceil(minSampleMs / Math.max(tf, 0.001))),
      floor: c.floor ? Math.max(1, Math.ceil(minSampleMs / Math.max(tb, 0.001))) : 0,
    };
    globalThis.__case = { fn: call, floor: c.floor, reps };
    return { name, id: c.id, n, check: ok, result: Array.isArray(first) ? first[0] : first, reps, hasFloor: !!c.floor };
  }

  /** One sample of the prepared case (side "fn" or "floor"); wall ms per call. */
  function sampleCase(side) {
    const c = globalThis.__case;
    return sample(c[side], c.reps[side]);
  }

  function releaseCase() {
    globalThis.__case = null;
    sink = null;
    gc();
    return true;
  }

  /** Burn `ms` of CPU on the page's main thread (to identify the renderer process). */
  function spin(ms) {
    const t0 = performance.now();
    let x = 0;
    while (performance.now() - t0 < ms) x++;
    return x;
  }

  // --- memory: FAST.ROWS on 1,048,576 rows, with the node side reading the renderer's RSS ---
  function memPrepare(n) {
    globalThis.__mem = null;
    gc();
    globalThis.__mem = caller("FAST.ROWS", D.fastRows(n));
    gc();
    gc();
    return true;
  }
  function memCall() {
    sink = globalThis.__mem();
    const ok = Array.isArray(sink);
    sink = null;
    return ok;
  }
  function memRelease() {
    globalThis.__mem = null;
    gc();
    return true;
  }

  // --- request size: UTF-8 bytes of the JSON of the arguments, per row -----------------------
  const utf8 = (s) => new TextEncoder().encode(s).length;
  function requestBytesPerRow(n = 10000) {
    const fr = D.fastRows(n);
    const zh = { A: "认知", I: "兴趣", P: "购买", L: "忠诚", "-": "无", "": "" };
    const frWords = [fr[0].map(([s]) => [zh[s]]), fr[1].map(([s]) => [zh[s]]), fr[2].map(([b]) => [b ? "是" : "否"]), fr[3].map(([b]) => [b ? "是" : "否"])];
    const gr = D.growRows(n);
    const su = D.superTable(n);
    const per = (args) => utf8(JSON.stringify(args)) / n;
    return [
      { fn: "AIPL", data: "stage letters", bytes: per([fr[0]]) },
      { fn: "AIPL.FLOW / AIPL.DEEPEN", data: "stage letters ×2", bytes: per([fr[0], fr[1]]) },
      { fn: "FAST.ROWS", data: "stage letters, TRUE/FALSE flags", bytes: per(fr) },
      { fn: "FAST.ROWS", data: "Chinese stage words, 是/否 flags", bytes: per(frWords) },
      { fn: "GROW.ROWS", data: "0/1, 8-char customer id, category, GMV", bytes: per(gr) },
      { fn: "SUPER", data: "9 columns per SKU", bytes: per([su.slice(1)]) },
      { fn: "any", data: "whole blank column (per argument)", bytes: per([D.blankColumn(n)]) },
    ];
  }

  globalThis.BenchRun = { prepareCase, sampleCase, releaseCase, spin, memPrepare, memCall, memRelease, requestBytesPerRow, CASES, caller, toPlain };
})();
