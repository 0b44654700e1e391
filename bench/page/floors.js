/*
 * Floors: a bare loop over the SAME any[][] values that computes the same numbers as the
 * function, with no validation, no coercion beyond what the values already are (the data of the
 * bench are clean: single-letter stages, boolean flags, numeric numbers), no error messages and
 * no output shaping. What a perfect implementation could not beat; the bench reports each
 * function's time as a multiple of its floor. Each floor returns the same row the function
 * returns (NaN where the function gives #DIV/0!), so the run also checks the function's result.
 */
(function () {
  "use strict";

  /** Stage code of a clean label: A 1, I 2, P 3, L 4, anything else (-, blank) 0. */
  function code(x) {
    return x === "A" ? 1 : x === "I" ? 2 : x === "P" ? 3 : x === "L" ? 4 : 0;
  }

  /** AIPL: counts of A, I, P, L. */
  function aipl(stages) {
    const c = [0, 0, 0, 0, 0];
    for (let i = 0; i < stages.length; i++) c[code(stages[i][0])]++;
    return [c[1], c[2], c[3], c[4]];
  }

  /** FAST.ROWS: [F, A, S, T] from stage labels and boolean flags. */
  function fastRows(start, end, member, active) {
    let f = 0;
    let starters = 0;
    let advanced = 0;
    let members = 0;
    let activeMembers = 0;
    for (let i = 0; i < start.length; i++) {
      const a = code(start[i][0]);
      const b = code(end[i][0]);
      if (b !== 0) f++;
      if (a !== 0) {
        starters++;
        if (b > a) advanced++;
      }
      if (member[i][0] === true) {
        members++;
        if (active[i][0] === true) activeMembers++;
      }
    }
    return [f, advanced / starters, members, activeMembers / members];
  }

  /** LMDI split of V1 − V0 = N·F·P (docs/functions.md, DTC.GROW). */
  function lmdi(n0, o0, v0, n1, o1, v1) {
    const l = v1 === v0 ? v0 : (v1 - v0) / (Math.log(v1) - Math.log(v0));
    return [l * Math.log(n1 / n0), l * Math.log(o1 / n1 / (o0 / n0)), l * Math.log(v1 / o1 / (v0 / o0))];
  }

  /** GROW.ROWS: [G, R, O, W]; distinct customers per period with one Set each. */
  function growRows(period, customer, category, gmv) {
    const n = period.length;
    const base = new Set();
    for (let i = 0; i < n; i++) if (period[i][0] === 0) base.add(category[i][0]);
    const buyers = [new Set(), new Set()];
    const orders = [0, 0];
    const value = [0, 0];
    let w = 0;
    for (let i = 0; i < n; i++) {
      const p = period[i][0];
      if (base.has(category[i][0])) {
        buyers[p].add(customer[i][0]);
        orders[p]++;
        value[p] += gmv[i][0];
      } else if (p === 1) {
        w += gmv[i][0];
      }
    }
    return [...lmdi(buyers[0].size, orders[0], value[0], buyers[1].size, orders[1], value[1]), w];
  }

  /** SUPER: [S, U, P, E, R] over a table with a header row; all-blank rows are skipped. */
  function superRow(t, share = 0.8) {
    const n = t.length;
    const gmvs = new Float64Array(n);
    let k = 0;
    let gmv = 0, newGmv = 0, visitors = 0, buyers = 0, sold = 0, avail = 0, orders = 0, onTime = 0;
    for (let i = 1; i < n; i++) {
      const r = t[i];
      let blank = true;
      for (let j = 0; j < r.length; j++) {
        if (r[j] !== "") {
          blank = false;
          break;
        }
      }
      if (blank) continue;
      const g = r[2];
      gmvs[k++] = g;
      gmv += g;
      if (r[1] === true) newGmv += g;
      visitors += r[3];
      buyers += r[4];
      sold += r[5];
      avail += r[6];
      orders += r[7];
      onTime += r[8];
    }
    const sorted = gmvs.subarray(0, k).sort();
    let acc = 0;
    let stars = 0;
    for (let i = k - 1; i >= 0 && acc < share * gmv; i--) {
      acc += sorted[i];
      stars++;
    }
    return [stars / k, buyers / visitors, newGmv / gmv, sold / avail, onTime / orders];
  }

  globalThis.BenchFloors = { aipl, fastRows, growRows, superRow, lmdi };
})();
