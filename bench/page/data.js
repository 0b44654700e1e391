/*
 * In-page data generators of the benchmark (plain browser JavaScript, no imports).
 *
 * Every generator builds its arguments inside the page, Excel-shaped: a column argument is an
 * `any[][]` of n rows × 1 cell, a table is rows × columns, blank cells are "" (one of the three
 * forms docs/functions.md, Conventions allows). Data are deterministic (a seeded PRNG), so the add-in page and
 * the native-formula page compute on exactly the same values.
 */
(function () {
  "use strict";

  /** mulberry32: a small deterministic PRNG returning floats in [0, 1). */
  function rng(seed) {
    let a = seed >>> 0;
    return function () {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  /**
   * Wrap flat values as an Excel column argument (n rows × 1 cell). Each argument's row arrays
   * are allocated together, argument after argument, as deserialising Excel's request does, so
   * one column's cells are contiguous in the heap (not interleaved with the other arguments').
   */
  function column(values) {
    const n = values.length;
    const c = new Array(n);
    for (let i = 0; i < n; i++) c[i] = [values[i]];
    return c;
  }

  /** Pick from `labels` with cumulative probabilities `cum` (same length, last = 1). */
  function pick(r, labels, cum) {
    const x = r();
    for (let k = 0; k < cum.length; k++) if (x < cum[k]) return labels[k];
    return labels[labels.length - 1];
  }

  const STAGES = ["A", "I", "P", "L", "-", ""];
  const START_CUM = [0.35, 0.55, 0.7, 0.75, 0.8, 1]; // A 35%, I 20%, P 15%, L 5%, "-" 5%, blank 20%
  const RANK = { A: 1, I: 2, P: 3, L: 4, "-": 0, "": 0 };
  const LETTER = ["-", "A", "I", "P", "L"];

  /**
   * FAST.ROWS / AIPL arguments, one row per consumer: stage labels as Excel passes them (single
   * letters, "-" for outside AIPL, "" for blank cells) and flags as TRUE/FALSE cells (booleans).
   * End stages move up one stage with 25%, down with 5%. 20% members, 50% active.
   */
  function fastRows(n, seed = 1) {
    const r = rng(seed);
    const start = new Array(n);
    const end = new Array(n);
    const member = new Array(n);
    const active = new Array(n);
    for (let i = 0; i < n; i++) {
      const s = pick(r, STAGES, START_CUM);
      let code = RANK[s];
      const m = r();
      if (m < 0.25) code = Math.min(4, code + 1);
      else if (m < 0.3 && code > 0) code = code - 1;
      const e = code === RANK[s] ? s : LETTER[code];
      start[i] = s;
      end[i] = e;
      member[i] = r() < 0.2;
      active[i] = r() < 0.5;
    }
    return [start, end, member, active].map(column);
  }

  /** A whole column of blank cells: n rows × [""] (or [null] when `blank` says so). */
  function blankColumn(n, blank = "") {
    return column(new Array(n).fill(blank));
  }

  /** Category labels of GROW.ROWS data: 40 like-for-like, 5 sold only in the current period. */
  const OLD_CATS = Array.from({ length: 40 }, (_, k) => "cat" + String(k + 1).padStart(2, "0"));
  const NEW_CATS = Array.from({ length: 5 }, (_, k) => "new" + String(k + 1).padStart(2, "0"));

  /**
   * GROW.ROWS arguments, one row per order: period 0/1 (numbers, 45% base), customer ids as
   * text ("U0012345", about n/3 distinct customers), category text, GMV (2 decimals).
   * 3% of current-period orders are in categories without base sales (W).
   */
  function growRows(n, seed = 2) {
    const r = rng(seed);
    const customers = Math.max(1, Math.round(n / 3));
    const period = new Array(n);
    const customer = new Array(n);
    const category = new Array(n);
    const gmv = new Array(n);
    for (let i = 0; i < n; i++) {
      const p = r() < 0.45 ? 0 : 1;
      period[i] = p;
      customer[i] = "U" + String(Math.floor(r() * customers)).padStart(7, "0");
      const newCat = p === 1 && r() < 0.03;
      category[i] = newCat ? NEW_CATS[Math.floor(r() * NEW_CATS.length)] : OLD_CATS[Math.floor(r() * OLD_CATS.length)];
      gmv[i] = Math.round((20 + r() * 480) * (p === 1 ? 1.08 : 1) * 100) / 100;
    }
    return [period, customer, category, gmv].map(column);
  }

  const SUPER_HEADER = ["sku", "is_new", "gmv", "visitors", "buyers", "units_sold", "units_available", "orders", "orders_on_time"];

  /**
   * SUPER `skus` table: a header row and `skus` SKU rows of 9 columns (sku text, is_new boolean
   * 10%, GMV long-tailed with distinct values, visitors ≥ buyers, units_available ≥ units_sold,
   * orders ≥ orders_on_time). `totalRows` > skus + 1 pads with all-blank rows, as a whole-column
   * reference A:I does.
   */
  function superTable(skus, totalRows = skus + 1, seed = 3) {
    const r = rng(seed);
    const t = new Array(totalRows);
    t[0] = SUPER_HEADER.slice();
    for (let i = 1; i <= skus; i++) {
      const gmv = Math.round(1e6 * Math.pow(r(), 4) * 100) / 100 + i / 1e4; // long tail, distinct
      const visitors = 100 + Math.floor(r() * 20000);
      const buyers = Math.floor(visitors * r() * 0.1);
      const avail = 50 + Math.floor(r() * 5000);
      const sold = Math.floor(avail * r());
      const orders = buyers + Math.floor(r() * 10);
      const onTime = orders - Math.floor(r() * Math.min(orders + 1, 5));
      t[i] = ["SKU" + String(i).padStart(6, "0"), r() < 0.1, gmv, visitors, buyers, sold, avail, orders, onTime];
    }
    for (let i = skus + 1; i < totalRows; i++) t[i] = ["", "", "", "", "", "", "", "", ""];
    return t;
  }

  /** GTA arguments: a target and a `crowds` table with a header row and `rows` crowd rows. */
  function gtaArgs(rows, seed = 4) {
    const r = rng(seed);
    const t = [["stage", "crowd", "count", "conversion", "aov", "cost", "capacity"]];
    let baseline = 0;
    for (let i = 0; i < rows; i++) {
      const stage = "LPIA"[i % 4];
      const count = 1000 + Math.floor(r() * 1e6);
      const conversion = stage === "L" ? 0.3 : stage === "P" ? 0.08 : stage === "I" ? 0.05 : 0.005;
      const aov = 100 + Math.floor(r() * 400);
      baseline += count * conversion * aov;
      const cost = stage === "A" || stage === "I" ? Math.round(r() * 500) / 100 + 0.5 : "";
      const capacity = stage === "A" || stage === "I" ? Math.floor(r() * 2e5) : "";
      t.push([stage, "crowd " + (i + 1), count, conversion, aov, cost, capacity]);
    }
    return [Math.round(baseline * 1.3), t];
  }

  /** HOTPLAN arguments: 3 phases × `crowds` crowd rows, one funnel row per crowd. */
  function hotplanArgs(crowds, seed = 5) {
    const r = rng(seed);
    const phases = [["name", "weight"], ["launch", 0.2], ["growth", 0.3], ["peak", 0.5]];
    const cs = [["name", "share"]];
    const funnel = [];
    for (let i = 0; i < crowds; i++) {
      cs.push(["crowd " + (i + 1), 1 + Math.floor(r() * 100)]);
      funnel.push([0.02 + r() * 0.2, 0.05 + r() * 0.3]);
    }
    return [1e8, 199, phases, cs, funnel, 1.2, 0.15];
  }

  globalThis.BenchData = { rng, column, fastRows, blankColumn, growRows, superTable, gtaArgs, hotplanArgs, OLD_CATS, NEW_CATS, SUPER_HEADER };
})();
