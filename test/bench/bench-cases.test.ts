/*
 * The bench's own logic for the strategy, diagnosis and GTA what-if cases (issues #14–#16), in
 * Node on the engine's source (the bench runs the same cases on the built bundle in Chromium):
 * - the "result = floor" check of bench/page/timing.js accepts text cells, compares whole tables
 *   (ASSOC's rules) and names the row and column of a difference;
 * - ASSOC's floor (bench/page/strategy-floors.js) returns exactly DTC.ASSOC's rows, with a
 *   header row, and over a whole column with an empty tail;
 * - the cases without a floor (CLUSTER, INDEX, DIAGNOSE, GTA "sensitivity", GTA.BUDGET) build
 *   arguments the functions accept, and their shape checks pass on the real results and catch a
 *   wrong one (GTA's own target is out of reach: sensitivity's marginal cost is #N/A).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import vm from "node:vm";
import { beforeAll, describe, expect, it } from "vitest";
import { CellError } from "../../src/excel/errors";
import { assocExcel } from "../../src/models/assoc";
import { clusterExcel } from "../../src/models/cluster";
import { diagnoseExcel, indexExcel } from "../../src/diagnose/diagnose";
import { gtaExcel } from "../../src/plan/gta";
import { gtaBudgetExcel } from "../../src/plan/gta-whatif";

type Cell = unknown;
type Rows = Cell[][];
interface Case {
  id: string;
  args: unknown[];
  floor?: () => Rows;
  table?: boolean;
  verify?: (out: Rows) => string;
}
interface BenchRun {
  check(fnRow: Cell[], floorRow: Cell[]): string;
  checkTable(fnRows: Rows, floorRows: Rows): string;
  CASES: Record<string, (n: number) => Case>;
}
interface BenchStrategy {
  assocLines(n: number, filled?: number, seed?: number): [Rows, Rows];
  assocFloor(basket: Rows, category: Rows, minSupport?: number, topN?: number): Rows;
}

let run: BenchRun;
let strategy: BenchStrategy;
beforeAll(() => {
  // The page scripts as the bench loads them (they only define globals).
  for (const f of ["data.js", "floors.js", "strategy-floors.js", "diagnose-data.js", "timing.js"]) {
    const file = path.join(__dirname, "../../bench/page", f);
    vm.runInThisContext(readFileSync(file, "utf8"), { filename: file });
  }
  const g = globalThis as unknown as { BenchRun: BenchRun; BenchStrategy: BenchStrategy };
  run = g.BenchRun;
  strategy = g.BenchStrategy;
});

/** A result as the page sees it: error cells as { error }. */
const plain = (rows: unknown[][]): Rows => rows.map((r) => r.map((x) => (x instanceof CellError ? { error: x.kind } : x)));

const ENGINE: Record<string, (...args: unknown[]) => unknown[][]> = {
  ASSOC: assocExcel,
  CLUSTER: clusterExcel,
  INDEX: indexExcel,
  DIAGNOSE: diagnoseExcel,
  GTA: gtaExcel,
  "GTA.BUDGET": gtaBudgetExcel,
};
/** Run bench case `name` at size n on the engine: its result and the case. */
function runCase(name: string, n: number): { out: Rows; c: Case } {
  const c = run.CASES[name](n);
  return { out: plain(ENGINE[c.id](...c.args)), c };
}

describe("result = floor: text cells and tables", () => {
  it("compares text cells by value, numbers within 1e-9, NaN as #DIV/0!", () => {
    expect(run.check(["cat01", "cat02", 0.25, 1.5], ["cat01", "cat02", 0.25 + 1e-12, 1.5])).toBe("ok");
    expect(run.check(["cat01", "cat03", 0.25], ["cat01", "cat02", 0.25])).toBe('MISMATCH col 2: "cat03" vs "cat02"');
    // A number where the floor has text (and the reverse) is a difference, not "close enough".
    expect(run.check([1, "x"], ["1", "x"])).toBe('MISMATCH col 1: 1 vs "1"');
    expect(run.check(["a", "x"], ["a", 2])).toBe('MISMATCH col 2: "x" vs 2');
    expect(run.check([{ error: "#DIV/0!" }, 3], [NaN, 3])).toBe("ok");
    expect(run.check([0, 3], [NaN, 3])).toBe("MISMATCH col 1: 0 vs #DIV/0!");
  });

  it("compares every row of a table and names the row", () => {
    const floor = [
      ["a", "b", 0.5, 0.6, 2, 10],
      ["b", "a", 0.5, 0.7, 2, 10],
    ];
    expect(run.checkTable(floor.map((r) => r.slice()), floor)).toBe("ok");
    expect(run.checkTable([floor[0], ["b", "c", 0.5, 0.7, 2, 10]], floor)).toBe('MISMATCH row 2 col 2: "c" vs "a"');
    expect(run.checkTable([floor[0], [...floor[1].slice(0, 5), 11]], floor)).toBe("MISMATCH row 2 col 6: 11 vs 10");
    expect(run.checkTable([floor[0]], floor)).toBe("MISMATCH 1 rows vs 2");
    expect(run.checkTable([["b", "a", 0.5, 0.7, 2]], [["b", "a", 0.5, 0.7, 2, 10]])).toMatch(/^MISMATCH row 1 \["b","a",0.5,0.7,2\]/);
  });
});

describe("ASSOC's floor returns DTC.ASSOC's rows", () => {
  it("the bench case (a header row, then order lines) passes the check", () => {
    const { out, c } = runCase("ASSOC", 20_000);
    expect(c.table).toBe(true);
    const floor = c.floor!();
    // Default min_support 0.01 and top_n 20: 12 of the 3,256 rules reach 1 % support.
    expect(out.length).toBe(12);
    expect(run.checkTable(out, floor)).toBe("ok");
    expect(out).toEqual(floor); // and bit for bit: the same integer counts in the same divisions
  });

  it("with other min_support and top_n, including every rule", () => {
    const [basket, category] = strategy.assocLines(30_000, 30_000, 99);
    for (const [minSupport, topN] of [
      [0.002, 200],
      [0.015, 5],
      [0, 100_000],
    ]) {
      const floor = strategy.assocFloor(basket, category, minSupport, topN);
      expect(floor.length).toBeGreaterThan(0);
      expect(run.checkTable(plain(assocExcel(basket, category, minSupport, topN)), floor)).toBe("ok");
    }
  });

  it("over a whole column with an empty tail (the 'ASSOC whole column' case)", () => {
    const { out, c } = runCase("ASSOC whole column", 5_000);
    expect(c.args[0] as Rows).toHaveLength(1_048_576);
    expect((c.args[0] as Rows)[5_001][0]).toBe("");
    expect(run.checkTable(out, c.floor!())).toBe("ok");
  });
});

describe("the cases without a floor: valid arguments, shape checks", () => {
  for (const [name, n] of [
    ["CLUSTER", 300],
    ["INDEX", 200],
    ["DIAGNOSE", 200],
    ["GTA sensitivity", 200],
    ["GTA.BUDGET", 200],
  ] as const) {
    it(`${name}: the engine's result passes the case's check`, () => {
      const { out, c } = runCase(name, n);
      expect(c.verify).toBeTypeOf("function");
      expect(c.verify!(out)).toBe("ok");
    });
  }

  it("the checks catch a wrong result", () => {
    // GTA's own bench target (1.3 × baseline) leaves a shortfall: no marginal cost, #N/A.
    const c = run.CASES["GTA sensitivity"](200);
    const crowds = c.args[1];
    const target = (run.CASES.GTA(200).args as unknown[])[0];
    expect(c.verify!(plain(gtaExcel(target, crowds, "sensitivity")))).toMatch(/^UNEXPECTED row 1: \["MARGINAL","",\{"error":"#N\/A"\}/);
    // GTA's plan is not GTA.BUDGET's (a different TOTAL: not the budget's spending).
    const b = run.CASES["GTA.BUDGET"](200);
    expect(b.verify!(plain(gtaExcel(target, crowds)))).toMatch(/^UNEXPECTED row 201/);
    // CLUSTER: a label out of 1…k, or fewer clusters than k.
    const k = run.CASES.CLUSTER(50);
    const labels = plain(clusterExcel(...k.args));
    expect(k.verify!(labels.map((r, i) => (i === 3 ? [9] : r)))).toBe("UNEXPECTED row 4: [9]");
    expect(k.verify!(labels.map(() => [1]))).toBe("UNEXPECTED 1 clusters used, not 8");
    // INDEX: one row of six scores.
    expect(run.CASES.INDEX(200).verify!([[1, 2, 3]])).toBe("UNEXPECTED row 1: [1,2,3]");
  });
});
