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
 *
 * The strategy and diagnosis cases read their data from bench/page/strategy-floors.js
 * (BenchStrategy, also ASSOC's floor) and bench/page/diagnose-data.js (BenchDiagnose), loaded
 * before this file. A case's `floor` returns the function's first row, or with `table` its
 * whole result (ASSOC's rules, text cells included); a case without a floor may `verify` its
 * result's shape.
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

  /**
   * Same values? Numbers within 1e-9 (relative above 1); NaN in the floor stands for #DIV/0! in
   * the function's row; a text (or boolean) cell of the floor must be the same value. `at` prefixes
   * the place in a message ("row 3 " for a table).
   */
  function check(fnRow, floorRow, at = "") {
    if (!floorRow) return "n/a";
    if (!Array.isArray(fnRow) || fnRow.length !== floorRow.length) return `MISMATCH ${at}` + JSON.stringify(fnRow);
    for (let j = 0; j < floorRow.length; j++) {
      const x = fnRow[j];
      const y = floorRow[j];
      if (typeof y !== "number") {
        if (x !== y) return `MISMATCH ${at}col ${j + 1}: ${JSON.stringify(x)} vs ${JSON.stringify(y)}`;
      } else if (Number.isNaN(y)) {
        if (!(x && x.error === "#DIV/0!")) return `MISMATCH ${at}col ${j + 1}: ${JSON.stringify(x)} vs #DIV/0!`;
      } else if (typeof x !== "number" || Math.abs(x - y) > 1e-9 * Math.max(1, Math.abs(y))) {
        return `MISMATCH ${at}col ${j + 1}: ${JSON.stringify(x)} vs ${y}`;
      }
    }
    return "ok";
  }

  /** {@link check} over whole tables (a floor returning rows, such as ASSOC's rules): same rows, same cells. */
  function checkTable(fnRows, floorRows) {
    if (!floorRows) return "n/a";
    if (!Array.isArray(fnRows) || fnRows.length !== floorRows.length) {
      return `MISMATCH ${Array.isArray(fnRows) ? fnRows.length + " rows vs " + floorRows.length : JSON.stringify(fnRows)}`;
    }
    for (let i = 0; i < floorRows.length; i++) {
      const r = check(fnRows[i], floorRows[i], `row ${i + 1} `);
      if (r !== "ok") return r;
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

    // Strategy-crowd tools, diagnosis and GTA what-if (issues #14–#16; data in strategy-floors.js,
    // diagnose-data.js and data.js). A floor returning a table is compared cell by cell
    // (`table`); a case without a floor may `verify` the shape of its result.
    ASSOC: (n) => {
      // n rows: a header row and n − 1 order lines.
      const [basket, category] = globalThis.BenchStrategy.assocLines(n);
      return { id: "ASSOC", args: [basket, category], floor: () => globalThis.BenchStrategy.assocFloor(basket, category), table: true };
    },
    "ASSOC whole column": (n) => {
      // A header row, n order lines, then blank ("") to row 1,048,576.
      const [basket, category] = globalThis.BenchStrategy.assocLines(1048576, n + 1);
      return { id: "ASSOC", args: [basket, category], floor: () => globalThis.BenchStrategy.assocFloor(basket, category), table: true };
    },
    CLUSTER: (n) => {
      const k = 8;
      const { profiles, sizes } = globalThis.BenchStrategy.clusterProfiles(n, 30);
      return { id: "CLUSTER", args: [profiles, k, null, sizes], verify: (out) => verifyLabels(out, n, k) };
    },
    INDEX: (n) => {
      const [brand, peers, weights] = globalThis.BenchDiagnose.args(n, 25);
      return { id: "INDEX", args: [brand, peers, "percentile", weights], verify: (out) => verifyShape(out, 1, 6, (row) => row.every((x) => typeof x === "number" && x >= 0 && x <= 100)) };
    },
    DIAGNOSE: (n) => {
      const [brand, peers] = globalThis.BenchDiagnose.args(n, 25);
      return { id: "DIAGNOSE", args: [brand, peers, 5], verify: (out) => verifyShape(out, 5, 6, (row) => typeof row[0] === "string" && typeof row[2] === "number") };
    },
    "GTA sensitivity": (n) => {
      // gtaArgs' target (1.3 × baseline) is out of reach of its capacities, and a plan with a
      // shortfall has no marginal cost (#N/A); this target is reachable: the baseline plus half
      // of the GMV the A and I capacities can add, so the fill stops part-way down the cost order.
      const [, crowds] = D.gtaArgs(n);
      let baseline = 0;
      let reach = 0;
      for (let i = 1; i < crowds.length; i++) {
        const [stage, , count, conversion, aov, , capacity] = crowds[i];
        baseline += count * conversion * aov;
        if (stage === "A" || stage === "I") reach += capacity * conversion * aov;
      }
      const target = Math.round(baseline + reach / 2);
      return { id: "GTA", args: [target, crowds, "sensitivity"], verify: (out) => verifyShape(out, n + 1, 6, (row, i) => i > 0 || (row[0] === "MARGINAL" && typeof row[2] === "number")) };
    },
    "GTA.BUDGET": (n) => {
      // gtaArgs gives every A and I row a cost (> 0) and a capacity; the budget pays for half of
      // filling every capacity, so the fill stops part-way down the cost order.
      const [, crowds] = D.gtaArgs(n);
      let full = 0;
      for (let i = 1; i < crowds.length; i++) {
        const [stage, , , , , cost, capacity] = crowds[i];
        if (stage === "A" || stage === "I") full += cost * capacity;
      }
      const budget = Math.round(full / 2);
      // Plan rows and the TOTAL row; its added_cost (column 11) is what was spent: within the budget, most of it.
      const spent = (row) => typeof row[10] === "number" && row[10] <= budget * (1 + 1e-9) && row[10] > 0.9 * budget;
      return { id: "GTA.BUDGET", args: [budget, crowds], verify: (out) => verifyShape(out, n + 1, 11, (row, i) => i < n || (row[0] === "TOTAL" && spent(row))) };
    },
  };

  /** "ok" when `out` has `rows` rows of `cols` cells and `rowOk(row, i)` holds for each, else why not. */
  function verifyShape(out, rows, cols, rowOk = () => true) {
    if (!Array.isArray(out) || out.length !== rows) return `UNEXPECTED ${Array.isArray(out) ? out.length + " rows, not " + rows : JSON.stringify(out)}`;
    for (let i = 0; i < rows; i++) {
      if (!Array.isArray(out[i]) || out[i].length !== cols) return `UNEXPECTED row ${i + 1}: ${JSON.stringify(out[i])}`;
      if (!rowOk(out[i], i)) return `UNEXPECTED row ${i + 1}: ${JSON.stringify(out[i])}`;
    }
    return "ok";
  }

  /** CLUSTER's labels: one row per segment, every cluster 1 … k used. */
  function verifyLabels(out, n, k) {
    const shape = verifyShape(out, n, 1, (row) => Number.isInteger(row[0]) && row[0] >= 1 && row[0] <= k);
    if (shape !== "ok") return shape;
    const used = new Set(out.map((row) => row[0]));
    return used.size === k ? "ok" : `UNEXPECTED ${used.size} clusters used, not ${k}`;
  }

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
    const ok =
      first && first.error ? "ERROR " + JSON.stringify(first)
      : c.floor ? (c.table ? checkTable(first, floorRow) : check(first[0], floorRow))
      : c.verify ? c.verify(first)
      : "ok";
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

  globalThis.BenchRun = { prepareCase, sampleCase, releaseCase, spin, memPrepare, memCall, memRelease, requestBytesPerRow, CASES, caller, toPlain, check, checkTable, verifyShape };
})();
