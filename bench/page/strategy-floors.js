/*
 * Bench page for the strategy-crowd tools (ASSOC, CLUSTER; SPEC §13–14): in-page data
 * generators and the bare-loop floor of ASSOC (plain browser JavaScript, no imports; the style of
 * bench/page/data.js and floors.js).
 *
 * - `assocLines(n)`: ASSOC's `basket` and `category` arguments, Excel-shaped columns of n rows
 *   (n = 1,048,576 is a whole column): a header row, then order lines ("SO…" order ids, 1 to 6
 *   lines per order, 60 categories in 12 themes, now and then the same category twice in an
 *   order); rows from `filled` on are blank ("").
 * - `clusterProfiles(n, m)`: CLUSTER's `profiles` (a header row of feature names, then n
 *   segments × m features: a few latent crowds plus noise, features on different scales) and
 *   `sizes` (the same rows, header included).
 * - `assocFloor(basket, category, minSupport, topN)`: what a perfect ASSOC could not beat: it
 *   hashes the clean values as they are (no trimming, no header detection, no validation), groups
 *   the lines by basket, counts each basket's distinct categories and their pairs, and returns the
 *   same rows as DTC.ASSOC ([from, to, support, confidence, lift, baskets_both], best first),
 *   so the run also checks the function's result.
 *
 * Deterministic (data.js's mulberry32), so every run computes on the same values.
 */
(function () {
  "use strict";

  // The seeded PRNG and the column shape of bench/page/data.js, loaded before this file.
  const { rng, column } = globalThis.BenchData;



  const CATEGORIES = Array.from({ length: 60 }, (_, k) => "cat" + String(k + 1).padStart(2, "0"));

  /**
   * ASSOC arguments: [basket, category], n rows each (header row included), blank from `filled`
   * on. Categories come in 12 themes of 5; an order picks a theme (skewed) and takes each line
   * from it with probability 0.75, else from all 60 (skewed), so that related categories show a
   * lift above 1. 1 to 6 lines per order (mostly 1 to 3); an order may list a category twice.
   */
  function assocLines(n = 1048576, filled = n, seed = 13) {
    const r = rng(seed);
    const basket = new Array(n);
    const category = new Array(n);
    basket[0] = "order_id";
    category[0] = "category";
    let i = 1;
    for (let order = 0; i < filled; order++) {
      const id = "SO" + String(order).padStart(7, "0");
      const lines = 1 + (Math.floor(-Math.log(1 - r()) * 1.6) % 6);
      const theme = Math.floor(Math.pow(r(), 1.5) * 12);
      for (let k = 0; k < lines && i < filled; k++, i++) {
        const c = r() < 0.75 ? theme * 5 + Math.floor(Math.pow(r(), 1.5) * 5) : Math.floor(Math.pow(r(), 1.8) * CATEGORIES.length);
        basket[i] = id;
        category[i] = CATEGORIES[c];
      }
    }
    for (; i < n; i++) {
      basket[i] = "";
      category[i] = "";
    }
    return [column(basket), column(category)];
  }

  /** CLUSTER arguments: { profiles, sizes } for n segments × m features (each with a header row). */
  function clusterProfiles(n = 2000, m = 30, seed = 17) {
    const r = rng(seed);
    const crowds = 8;
    const centre = Array.from({ length: crowds }, () => Array.from({ length: m }, () => r() * 4));
    const scale = Array.from({ length: m }, (_, j) => Math.pow(10, j % 4));
    const profiles = [Array.from({ length: m }, (_, j) => "f" + (j + 1))];
    const sizes = [["size"]];
    for (let i = 0; i < n; i++) {
      const c = Math.floor(r() * crowds);
      profiles.push(Array.from({ length: m }, (_, j) => Math.round((centre[c][j] + r()) * scale[j] * 100) / 100 + 0.01));
      sizes.push([100 + Math.floor(r() * 10000)]);
    }
    return { profiles, sizes };
  }

  /** Sort a[s … e) ascending (insertion sort: baskets are short). */
  function sortRun(a, s, e) {
    for (let i = s + 1; i < e; i++) {
      const v = a[i];
      let j = i - 1;
      while (j >= s && a[j] > v) {
        a[j + 1] = a[j];
        j--;
      }
      a[j + 1] = v;
    }
  }

  /** The ASSOC floor over clean text ids with a header row (see the file comment). */
  function assocFloor(basket, category, minSupport = 0.01, topN = 20) {
    const n = basket.length;
    const bCode = new Map();
    const cCode = new Map();
    const names = [];
    const bc = new Int32Array(n);
    const cc = new Int32Array(n);
    let m = 0;
    for (let i = 1; i < n; i++) {
      const b = basket[i][0];
      if (b === "") continue;
      let x = bCode.get(b);
      if (x === undefined) {
        x = bCode.size;
        bCode.set(b, x);
      }
      const c = category[i][0];
      let y = cCode.get(c);
      if (y === undefined) {
        y = cCode.size;
        cCode.set(c, y);
        names.push(c);
      }
      bc[m] = x;
      cc[m] = y;
      m++;
    }
    const B = bCode.size;
    const K = cCode.size;
    const start = new Int32Array(B + 1);
    for (let t = 0; t < m; t++) start[bc[t] + 1]++;
    for (let b = 0; b < B; b++) start[b + 1] += start[b];
    const items = new Int32Array(m);
    const fill = start.slice(0, B);
    for (let t = 0; t < m; t++) items[fill[bc[t]]++] = cc[t];
    const single = new Int32Array(K);
    const pair = new Int32Array(K * K); // pair (a, b), a < b, at a·K + b
    for (let b = 0; b < B; b++) {
      const s = start[b];
      const e = start[b + 1];
      sortRun(items, s, e);
      let u = s + 1;
      for (let j = s + 1; j < e; j++) if (items[j] !== items[u - 1]) items[u++] = items[j];
      for (let x = s; x < u; x++) {
        const a = items[x];
        single[a]++;
        for (let y = x + 1; y < u; y++) pair[a * K + items[y]]++;
      }
    }
    const rules = [];
    for (let a = 0; a < K; a++) {
      for (let b = a + 1; b < K; b++) {
        const nab = pair[a * K + b];
        if (nab === 0 || nab / B < minSupport) continue;
        const lift = (nab * B) / (single[a] * single[b]);
        rules.push([names[a], names[b], nab / B, nab / single[a], lift, nab]);
        rules.push([names[b], names[a], nab / B, nab / single[b], lift, nab]);
      }
    }
    // Names here are plain ASCII, so code-unit order is code-point order.
    rules.sort((p, q) => q[4] - p[4] || q[5] - p[5] || (p[0] < q[0] ? -1 : p[0] > q[0] ? 1 : p[1] < q[1] ? -1 : p[1] > q[1] ? 1 : 0));
    return rules.slice(0, topN);
  }

  globalThis.BenchStrategy = { rng, assocLines, clusterProfiles, assocFloor, CATEGORIES };
})();
