/*
 * The workbench formula engine (workbench/engine.ts) in Node: HyperFormula with the DTC.*
 * functions of the BUILT dist/functions.js registered through the CustomFunctions stand-in.
 * Checks the Excel calling convention (2-D ranges, blanks null, missing optionals null,
 * invocation object last), error mapping, spills and their re-sizing, and recalculation.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import vm from "node:vm";
import { DetailedCellError } from "hyperformula";
import { beforeAll, describe, expect, it } from "vitest";
import { installCustomFunctions, type StandIn } from "../../workbench/custom-functions";
import { Engine, registerDtcFunctions, type FunctionMeta } from "../../workbench/engine";
import { DIST } from "../harness/bundle";

let standIn: StandIn;
let registered: string[];
let meta: FunctionMeta[];

beforeAll(() => {
  standIn = installCustomFunctions(globalThis as never);
  vm.runInThisContext(readFileSync(path.join(DIST, "functions.js"), "utf8"), { filename: "functions.js" });
  meta = JSON.parse(readFileSync(path.join(DIST, "functions.json"), "utf8")).functions;
  registered = registerDtcFunctions(meta, standIn.associated);
});

const at = (row: number, col: number, sheet = 0) => ({ sheet, row, col });
/** Values of a rectangle, errors as their code. */
function grid(e: Engine, r0: number, c0: number, h: number, w: number): unknown[][] {
  return Array.from({ length: h }, (_, r) =>
    Array.from({ length: w }, (_, c) => {
      const v = e.value(at(r0 + r, c0 + c));
      return v instanceof DetailedCellError ? v.value : v;
    }),
  );
}

// FAST hand example: start A,I,P,L = 1000,500,200,100 (total 1800), end = 1200,600,300,150;
// advanced 180, members 400, active 100 → F = 1200+600+300+150 = 2250, A = 180/1800 = 0.1,
// S = 400, T = 100/400 = 0.25.
const FAST_SHEET = [
  ["A", "I", "P", "L", "advanced", "members", "active"],
  [1000, 500, 200, 100, 180, 400, 100],
  [1200, 600, 300, 150],
];

describe("registration from the built bundle", () => {
  it("registers every function of functions.json as DTC.<ID>", () => {
    expect(meta.length).toBeGreaterThan(5);
    for (const m of meta) expect(registered).toContain(`DTC.${m.id}`);
  });
});

describe("DTC formulas in the grid engine", () => {
  it("computes DTC.FAST and spills [F, A, S, T] to the right", () => {
    const e = new Engine({ S: FAST_SHEET });
    e.apply(() => e.setCell(at(4, 0), "=DTC.FAST(A2:D2, A3:D3, E2, F2, G2)"));
    const [row] = grid(e, 4, 0, 1, 5);
    expect(row[0]).toBe(2250);
    expect(row[1] as number).toBeCloseTo(0.1, 12);
    expect(row[2]).toBe(400);
    expect(row[3] as number).toBeCloseTo(0.25, 12);
    expect(row[4]).toBeNull(); // the spill is exactly 1×4
    expect(e.hf.isCellPartOfArray(at(4, 3))).toBe(true);
  });

  it("passes missing optionals as null: indicator → scalar, with_headers → 2 rows", () => {
    const e = new Engine({ S: FAST_SHEET });
    e.apply(() => {
      e.setCell(at(4, 0), '=DTC.FAST(A2:D2, A3:D3, E2, F2, G2, "T")');
      e.setCell(at(6, 0), "=DTC.FAST(A2:D2, A3:D3, E2, F2, G2, , TRUE)");
    });
    expect(e.value(at(4, 0)) as number).toBeCloseTo(0.25, 12);
    expect(e.hf.isCellPartOfArray(at(4, 0))).toBe(false);
    const g = grid(e, 6, 0, 2, 4);
    expect(g[0]).toEqual(["Fertility", "Advancing", "Superiority", "Thriving"]);
    expect(g[1][0]).toBe(2250);
  });

  it("recalculates and re-sizes the spill when an input changes", () => {
    const e = new Engine({ S: [...FAST_SHEET, ["F"]] });
    e.apply(() => e.setCell(at(4, 0), "=DTC.FAST(A2:D2, A3:D3, E2, F2, G2, A4)"));
    expect(e.value(at(4, 0))).toBe(2250); // indicator "F": a scalar
    e.apply(() => e.setCell(at(3, 0), null)); // no indicator: the whole row
    expect(grid(e, 4, 0, 1, 4)[0][2]).toBe(400);
    e.apply(() => e.setCell(at(1, 5), 500)); // members 500 → T = 100/500 = 0.2
    expect(grid(e, 4, 0, 1, 4)[0][3] as number).toBeCloseTo(0.2, 12);
  });

  it("shows #SPILL! when a cell is in the way, and spills once it is cleared", () => {
    const e = new Engine({ S: FAST_SHEET });
    e.apply(() => {
      e.setCell(at(4, 2), "in the way");
      e.setCell(at(4, 0), "=DTC.FAST(A2:D2, A3:D3, E2, F2, G2)");
    });
    expect(grid(e, 4, 0, 1, 1)[0][0]).toBe("#SPILL!");
    e.apply(() => e.setCell(at(4, 2), null));
    expect(grid(e, 4, 0, 1, 4)[0]).toEqual([2250, expect.any(Number), 400, expect.any(Number)]);
  });

  it("re-spills a native array formula once the cell in its way is cleared (as Excel does)", () => {
    const e = new Engine({ S: [[1, 2, 3], ["=A1:C1*2"]] });
    expect(grid(e, 1, 0, 1, 3)[0]).toEqual([2, 4, 6]);
    e.apply(() => e.setCell(at(1, 2), "x"));
    expect(grid(e, 1, 0, 1, 1)[0][0]).toBe("#SPILL!");
    e.apply(() => e.setCell(at(1, 2), null));
    expect(grid(e, 1, 0, 1, 3)[0]).toEqual([2, 4, 6]);
  });

  it("maps CustomFunctions.Error to the same error kind with the message naming the argument", () => {
    const e = new Engine({ S: FAST_SHEET });
    // active 500 > members 400 → #VALUE! "active_members: 500 exceeds members (400)".
    e.apply(() => {
      e.setCell(at(1, 6), 500);
      e.setCell(at(4, 0), "=DTC.FAST(A2:D2, A3:D3, E2, F2, G2)");
    });
    const v = e.value(at(4, 0)) as DetailedCellError;
    expect(v).toBeInstanceOf(DetailedCellError);
    expect(v.value).toBe("#VALUE!");
    expect(v.message).toBe("active_members: 500 exceeds members (400)");
    // A start total of 0 → A and T... A is #DIV/0! in its own cell, the others numbers.
    e.apply(() => {
      e.setCells(at(1, 0), [[0, 0, 0, 0, 0, 400, 100]]);
    });
    const row = grid(e, 4, 0, 1, 4)[0];
    expect(row[0]).toBe(2250);
    expect(row[1]).toBe("#DIV/0!");
    expect(row[3] as number).toBeCloseTo(0.25, 12);
  });

  it("propagates an error inside a range argument, and lets native functions use DTC results", () => {
    const e = new Engine({ S: FAST_SHEET });
    e.apply(() => {
      e.setCell(at(4, 0), "=SUM(DTC.FAST(A2:D2, A3:D3, E2, F2, G2))"); // 2250 + 0.1 + 400 + 0.25
      e.setCell(at(5, 0), "=SUM(A2:D2)"); // 1000 + 500 + 200 + 100
      e.setCell(at(6, 0), "=DTC.FAST(A2:D2, A3:C3, E2, F2, G2)"); // aipl_end has 3 values
    });
    expect(e.value(at(4, 0)) as number).toBeCloseTo(2650.35, 9);
    expect(e.value(at(5, 0))).toBe(1800);
    const bad = e.value(at(6, 0)) as DetailedCellError;
    expect(bad.value).toBe("#VALUE!");
    expect(bad.message).toMatch(/^aipl_end/);
    e.apply(() => e.setCell(at(1, 1), "=1/0"));
    expect((e.value(at(4, 0)) as DetailedCellError).value).toBe("#DIV/0!");
  });

  it("gives DTC.FAST.ROWS the rows of whole columns as 2-D arrays with blanks as null", () => {
    // start A,I,-,L; end P,i,A,l; member T,T,F,T; active T,F,T,T.
    // F = 4 ends in AIPL; A: only A→P rises (I→I and L→L do not, - is outside) = 1 ÷ 3 starters
    // in AIPL; S = 3 members; T = 2 members active (rows 1, 4) ÷ 3.
    const e = new Engine({
      S: [
        ["A", "P", true, true],
        ["I", "i", true, false],
        ["-", "A", false, true],
        ["L", "l", true, true],
      ],
    });
    e.apply(() => e.setCell(at(0, 6), "=DTC.FAST.ROWS(A:A, B:B, C:C, D:D)"));
    const row = grid(e, 0, 6, 1, 4)[0];
    expect(row[0]).toBe(4);
    expect(row[1] as number).toBeCloseTo(1 / 3, 12);
    expect(row[2]).toBe(3);
    expect(row[3] as number).toBeCloseTo(2 / 3, 12);
  });
});
