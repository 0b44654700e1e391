/*
 * Row generators of the "datasets" bench (bench/datasets.mjs; plain JavaScript, no imports):
 * the rows of data.js's fastRows / growRows one at a time, so that Node can stream a
 * 10,000,000-row CSV file and the page can build the JS function's arguments from exactly the
 * first rows of that file. Needs data.js (BenchData: the PRNG and the category labels) loaded
 * first; bench/datasets.mjs checks that these rows equal data.js's columns before it writes.
 *
 * - fastRow(seed) → next() = [stage_start, stage_end, is_member, is_active]: labels "A", "I",
 *   "P", "L", "-" or "" (blank), flags booleans; the same draws as BenchData.fastRows(n, seed)
 *   (whose rows do not depend on n).
 * - growRow(total, seed) → next() = [period, customer, category, gmv]: the same draws as
 *   BenchData.growRows(total, seed) (about total/3 distinct customers, so the rows depend on the
 *   file's size `total`).
 * - csvLine(row): the row as one CSV line (blank as an empty field, flags TRUE/FALSE, numbers
 *   as JavaScript prints them); no value of these generators needs quoting.
 * - fastArgs(n) / growArgs(total, n): the first n rows as the function's Excel-shaped column
 *   arguments (n rows × 1 cell each, as BenchData.column builds them).
 */
(function () {
  "use strict";
  const D = globalThis.BenchData;

  // data.js's FAST.ROWS draws (its constants are private there; the self-check keeps them equal).
  const STAGES = ["A", "I", "P", "L", "-", ""];
  const START_CUM = [0.35, 0.55, 0.7, 0.75, 0.8, 1];
  const RANK = { A: 1, I: 2, P: 3, L: 4, "-": 0, "": 0 };
  const LETTER = ["-", "A", "I", "P", "L"];

  const FAST_HEADER = ["stage_start", "stage_end", "is_member", "is_active"];
  const GROW_HEADER = ["period", "customer", "category", "gmv"];

  function fastRow(seed = 1) {
    const r = D.rng(seed);
    return function next() {
      const x = r();
      let k = 0;
      while (k < START_CUM.length - 1 && !(x < START_CUM[k])) k++;
      const s = STAGES[k];
      let code = RANK[s];
      const m = r();
      if (m < 0.25) code = Math.min(4, code + 1);
      else if (m < 0.3 && code > 0) code = code - 1;
      const e = code === RANK[s] ? s : LETTER[code];
      const member = r() < 0.2;
      const active = r() < 0.5;
      return [s, e, member, active];
    };
  }

  function growRow(total, seed = 2) {
    const r = D.rng(seed);
    const customers = Math.max(1, Math.round(total / 3));
    const OLD = D.OLD_CATS;
    const NEW = D.NEW_CATS;
    return function next() {
      const p = r() < 0.45 ? 0 : 1;
      const customer = "U" + String(Math.floor(r() * customers)).padStart(7, "0");
      const newCat = p === 1 && r() < 0.03;
      const category = newCat ? NEW[Math.floor(r() * NEW.length)] : OLD[Math.floor(r() * OLD.length)];
      const gmv = Math.round((20 + r() * 480) * (p === 1 ? 1.08 : 1) * 100) / 100;
      return [p, customer, category, gmv];
    };
  }

  function csvLine(row) {
    let s = "";
    for (let j = 0; j < row.length; j++) {
      const v = row[j];
      if (j) s += ",";
      s += v === true ? "TRUE" : v === false ? "FALSE" : String(v);
    }
    return s + "\n";
  }

  /** The first n rows of `next` as 4 Excel column arguments. */
  function columns(next, n) {
    const cols = [new Array(n), new Array(n), new Array(n), new Array(n)];
    for (let i = 0; i < n; i++) {
      const row = next();
      for (let j = 0; j < 4; j++) cols[j][i] = row[j];
    }
    return cols.map(D.column);
  }

  const fastArgs = (n, seed = 1) => columns(fastRow(seed), n);
  const growArgs = (total, n, seed = 2) => columns(growRow(total, seed), n);

  globalThis.BenchDatasets = { FAST_HEADER, GROW_HEADER, fastRow, growRow, csvLine, fastArgs, growArgs };
})();
