/**
 * Evaluate a SheetPlan in HyperFormula (an independent spreadsheet engine; tests only).
 * Array arithmetic is on because the plans use SUMPRODUCT over comparisons, which Excel
 * evaluates natively. Cells are written as the Excel adapter writes them (`formulaCell`: text
 * that would read as a formula or a number gets a leading apostrophe).
 *
 * By default HyperFormula compares numbers within a relative 1e-13 as equal and rounds sums
 * near 0 to 0, as Excel does in its own way. `{ exact: true }` turns that off (`smartRounding:
 * false`), so a test sees whether the FORMULAS handle ties and rounding noise themselves, as
 * they must for every host.
 */
import { HyperFormula } from "hyperformula";
import { parseCell, parseRange } from "../../taskpane/workbook/a1";
import { formulaCell } from "../../taskpane/workbook/excel";
import { isFormula, type SheetPlan } from "../../taskpane/workbook/port";

export interface Evaluated {
  hf: HyperFormula;
  /** Value of a cell (number, string, boolean, null, or an error object). */
  get(a1: string): unknown;
  /** Number in a cell; throws when the cell does not hold a number. */
  num(a1: string): number;
  /** Change an input cell (as a user would) and let the formulas recalculate. */
  set(a1: string, v: number | string | null): void;
  /** The formula text written to a cell, or undefined. */
  formula(a1: string): string | undefined;
  /** Values of a range (`A8:G12`), row by row, as a custom function receives them (empty = null). */
  range(a1: string): unknown[][];
}

export function evaluate(plan: SheetPlan, opts: { exact?: boolean } = {}): Evaluated {
  const hf = HyperFormula.buildEmpty({ licenseKey: "gpl-v3", useArrayArithmetic: true, smartRounding: !opts.exact });
  const sheet = hf.getSheetId(hf.addSheet("Plan"))!;
  hf.batch(() => {
    for (const b of plan.blocks) {
      const at = parseCell(b.anchor);
      hf.setCellContents(
        { sheet, row: at.row, col: at.col },
        b.cells.map((r) => r.map((c) => (c === null ? null : isFormula(c) ? c.formula : formulaCell(c)))),
      );
    }
  });
  const addr = (a1: string) => ({ sheet, ...parseCell(a1) });
  return {
    hf,
    get: (a1) => hf.getCellValue(addr(a1)),
    num(a1) {
      const v = hf.getCellValue(addr(a1));
      if (typeof v !== "number") throw new Error(`${a1} holds ${JSON.stringify(v)}, not a number`);
      return v;
    },
    set: (a1, v) => {
      hf.setCellContents(addr(a1), [[v]]);
    },
    formula: (a1) => hf.getCellFormula(addr(a1)),
    range: (a1) => {
      const r = parseRange(a1);
      return Array.from({ length: r.bottom - r.top + 1 }, (_, i) =>
        Array.from({ length: r.right - r.left + 1 }, (_, j) => hf.getCellValue({ sheet, row: r.top + i, col: r.left + j })),
      );
    },
  };
}
