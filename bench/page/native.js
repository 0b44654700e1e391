/*
 * Native formulas: the same metrics computed the way a user does it without the add-in, with
 * COUNTIF(S)/SUMIF(S)/SUMPRODUCT-style worksheet formulas, evaluated by HyperFormula (a JS
 * spreadsheet engine; loaded into this page from node_modules/hyperformula/dist) on the same
 * generated data.
 *
 * Measured per case: the time to enter the formulas on the loaded data (first evaluation,
 * including HyperFormula's dependency-graph set-up), then a recalculation after one cell of
 * every input column changed (one batch), which makes every metric formula recompute, as a
 * change to the input of the add-in's function does. The recalculation is the number compared
 * with the add-in (median of the runs); it is the fairer one to the formulas.
 */
(function () {
  "use strict";
  const D = globalThis.BenchData;

  const col = (c, n, first = 1) => `$${c}$${first}:$${c}$${n + first - 1}`;
  const blankToNull = (v) => (v === "" ? null : v);

  /** Sheet rows from Excel-shaped column arguments (blank "" becomes an empty cell). */
  function sheetFromColumns(cols) {
    const n = cols[0].length;
    const rows = new Array(n);
    for (let i = 0; i < n; i++) {
      const r = new Array(cols.length);
      for (let j = 0; j < cols.length; j++) r[j] = blankToNull(cols[j][i][0]);
      rows[i] = r;
    }
    return rows;
  }

  const LETTERS = ["A", "I", "P", "L"];
  const countStages = (range) => LETTERS.map((s) => `COUNTIF(${range},"${s}")`).join("+");

  /**
   * Each case: `sheet` = the data only; `blocks` = [top-left, cells] of helper columns and metric
   * formulas, entered in one batch (the timed first evaluation); `out` = the result row's cells in
   * row 1; `edits` = [cell, value, other value] changed on every recalculation run.
   */
  const CASES = {
    AIPL(n, blank) {
      const stages = blank ? D.blankColumn(n) : D.fastRows(n)[0];
      const A = col("A", n);
      return {
        sheet: sheetFromColumns([stages]),
        blocks: [[{ col: 2, row: 0 }, [LETTERS.map((s) => `=COUNTIF(${A},"${s}")`)]]],
        out: { col: 2, width: 4 },
        edits: [[{ col: 0, row: 0 }, "A", "P"]],
      };
    },
    "FAST.ROWS"(n, blank) {
      const args = blank ? [0, 1, 2, 3].map(() => D.blankColumn(n)) : D.fastRows(n);
      const [A, B, C, Dd] = ["A", "B", "C", "D"].map((c) => col(c, n));
      const pairs = [];
      for (let s = 0; s < 4; s++)
        for (let e = s + 1; e < 4; e++) pairs.push(`COUNTIFS(${A},"${LETTERS[s]}",${B},"${LETTERS[e]}")`);
      // F1:I1 = F, A, S, T; J1 = starters, K1 = advanced (helper cells).
      return {
        sheet: sheetFromColumns(args),
        blocks: [[{ col: 5, row: 0 }, [[
          `=${countStages(B)}`,
          `=K1/J1`,
          `=COUNTIF(${C},TRUE())`,
          `=COUNTIFS(${C},TRUE(),${Dd},TRUE())/H1`,
          `=${countStages(A)}`,
          `=${pairs.join("+")}`,
        ]]]],
        out: { col: 5, width: 4 },
        edits: [[{ col: 0, row: 0 }, "A", "I"], [{ col: 1, row: 0 }, "P", "L"], [{ col: 2, row: 0 }, true, false], [{ col: 3, row: 0 }, false, true]],
      };
    },
    /*
     * GROW.ROWS with helper columns (the usual worksheet way; distinct counts need them):
     * a category table K:L (L = category has base-period orders), per order E = like-for-like
     * (VLOOKUP into K:L), F = period|customer key, G = 1 on the first like-for-like order of a
     * key (MATCH = own row), then SUMIFS/COUNTIFS per period and the LMDI split.
     */
    "GROW.ROWS"(n) {
      const args = D.growRows(n);
      const cats = [...D.OLD_CATS, ...D.NEW_CATS];
      const [A, C, Dd, E, F, G] = ["A", "C", "D", "E", "F", "G"].map((c) => col(c, n));
      const helpers = new Array(n);
      for (let i = 0; i < n; i++) {
        const r = i + 1;
        helpers[i] = [
          `=VLOOKUP(C${r},$K$1:$L$${cats.length},2,FALSE())`,
          `=IF(E${r},A${r}&"|"&B${r},"")`,
          `=IF(E${r},IF(MATCH(F${r},${F},0)=ROW(F${r}),1,0),0)`,
        ];
      }
      // N1:U1 = N0, N1, O0, O1, V0, V1, W, L; V1:Y1 = G, R, O, W.
      return {
        sheet: sheetFromColumns(args),
        config: { useColumnIndex: true },
        blocks: [
          [{ col: 10, row: 0 }, cats.map((c, k) => [c, `=COUNTIFS(${A},0,${C},K${k + 1})>0`])],
          [{ col: 4, row: 0 }, helpers],
          [{ col: 13, row: 0 }, [[
            `=SUMIFS(${G},${A},0)`, `=SUMIFS(${G},${A},1)`,
            `=COUNTIFS(${A},0,${E},TRUE())`, `=COUNTIFS(${A},1,${E},TRUE())`,
            `=SUMIFS(${Dd},${A},0,${E},TRUE())`, `=SUMIFS(${Dd},${A},1,${E},TRUE())`,
            `=SUMIFS(${Dd},${A},1,${E},FALSE())`,
            `=IF(S1=R1,R1,(S1-R1)/(LN(S1)-LN(R1)))`,
            `=U1*LN(O1/N1)`, `=U1*LN((Q1/O1)/(P1/N1))`, `=U1*LN((S1/Q1)/(R1/P1))`, `=T1`,
          ]]],
        ],
        out: { col: 21, width: 4 },
        edits: [[{ col: 0, row: 0 }, 1, 0], [{ col: 1, row: 0 }, "U9999999", "U9999998"], [{ col: 2, row: 0 }, "cat01", "cat02"], [{ col: 3, row: 0 }, 100, 200]],
      };
    },
    /*
     * SUPER: sums for U, P, E, R; for S a helper column J = SUMIF(gmv, ">=" & own gmv) (GMV of
     * the SKUs at least as large: the running sum in descending order, distinct GMVs), then
     * k = 1 + COUNTIF(J, "<" & share × total). O(SKUs²): no sort without dynamic arrays.
     */
    SUPER(skus) {
      const t = D.superTable(skus);
      const n = skus;
      const [A, B, C, Dd, E, F, G, H, I, J] = "ABCDEFGHIJ".split("").map((c) => col(c, n, 2));
      const helper = [];
      for (let i = 1; i <= n; i++) helper.push([`=SUMIF(${C},">="&C${i + 1})`]);
      return {
        sheet: t.map((r) => r.map(blankToNull)),
        blocks: [
          [{ col: 9, row: 1 }, helper],
          [{ col: 11, row: 0 }, [[
            `=(COUNTIF(${J},"<"&0.8*SUM(${C}))+1)/COUNTA(${A})`,
            `=SUM(${E})/SUM(${Dd})`,
            `=SUMIF(${B},TRUE(),${C})/SUM(${C})`,
            `=SUM(${F})/SUM(${G})`,
            `=SUM(${I})/SUM(${H})`,
          ]]],
        ],
        out: { col: 11, width: 5 },
        edits: [[{ col: 2, row: 1 }, 123456.78, 123456.79], [{ col: 3, row: 1 }, 50000, 50001]],
      };
    },
  };

  /** Plain value of a HyperFormula cell: numbers as is, errors as { error }. */
  function plain(v) {
    if (v && typeof v === "object" && "value" in v) return { error: String(v.value) };
    return v;
  }

  /**
   * Build the sheet, enter the formulas (timed: first evaluation), then `runs` batches of edits
   * (timed: recalculation). Returns the times and the result row of the first evaluation.
   */
  function run(name, n, opts = {}) {
    const HF = globalThis.HyperFormula;
    const spec = CASES[name](n, opts.blank);
    const config = Object.assign({ licenseKey: "gpl-v3", maxRows: 1100000, maxColumns: 64 }, spec.config || {});
    let t0 = performance.now();
    const hf = HF.buildFromArray(spec.sheet, config);
    const buildMs = performance.now() - t0;
    spec.sheet = null;
    t0 = performance.now();
    hf.batch(() => {
      for (const [at, cells] of spec.blocks) hf.setCellContents({ sheet: 0, ...at }, cells);
    });
    const firstMs = performance.now() - t0;
    const result = [];
    for (let j = 0; j < spec.out.width; j++) result.push(plain(hf.getCellValue({ sheet: 0, col: spec.out.col + j, row: 0 })));
    const recalcMs = [];
    for (let r = 0; r < (opts.runs ?? 5); r++) {
      t0 = performance.now();
      hf.batch(() => {
        for (const [addr, a, b] of spec.edits) hf.setCellContents({ sheet: 0, ...addr }, [[r % 2 === 0 ? a : b]]);
      });
      recalcMs.push(performance.now() - t0);
    }
    hf.destroy();
    return { buildMs, firstMs, recalcMs, result };
  }

  globalThis.BenchNative = { run, CASES };
})();
