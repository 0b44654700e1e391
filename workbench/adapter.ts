/**
 * The workbench adapter of the task pane's `Workbook` port: the same pane that runs in Excel
 * writes its plan sheets into the workbench's HyperFormula workbook.
 *
 * - `createSheet` checks the plan with the pane's own `checkPlan` (nothing is written when it
 *   fails), picks unique sheet and table names with `pickNames`, adds a NEW sheet tab and writes
 *   the blocks in one engine batch: formulas compute live, so editing an input cell recalculates
 *   the plan. Formats, styles, tables, conditional formats, column widths, charts (drawn as
 *   SVG) and data validations (the grid refuses what they refuse, as Excel's "stop" alert does)
 *   are kept in the sheet's meta and rendered or applied by the grid. All or nothing: on any failure
 *   the new sheet is removed.
 * - `readSelection` returns the grid's selected range with values as Office.js gives them
 *   (blank `""`, errors as their code text); a selection of more than `MAX_SELECTION_CELLS`
 *   is cut to the sheet's data and refused (`selectionTooLarge`) when still larger, as in Excel.
 * - `loadPlans` / `savePlans` keep the plan-library text in the workbook state, which the page
 *   saves to localStorage; `loadDraft` / `saveDraft` the pane's form drafts, the same way.
 * - `insertFormula` writes one formula into the selection's top-left cell when it is empty.
 */
import type { RawCellContent } from "hyperformula";
import { DetailedCellError } from "hyperformula";
import { cellA1, parseCell, quoteSheet, rangeA1, type Rect } from "../taskpane/workbook/a1";
import { blockRect, checkPlan } from "../taskpane/workbook/check";
import { formulaCell, MAX_SELECTION_CELLS } from "../taskpane/workbook/excel";
import {
  NUMBER_FORMATS,
  pickNames,
  WorkbookError,
  type Capabilities,
  type Cell,
  type InsertResult,
  type Selection,
  type SheetPlan,
  type Workbook,
  type WriteResult,
} from "../taskpane/workbook/port";
import { cellKey, emptyMeta, type Book, type SheetMeta } from "./book";

/** Where the adapter finds the user's selection and shows a sheet (the grid view). */
export interface SelectionSource {
  selection(): { sheet: number; range: Rect };
  activate(sheet: number): void;
}

/** Everything the workbench can draw. */
export const WORKBENCH_CAPABILITIES: Capabilities = { tables: true, charts: true, conditionalFormats: true, planStorage: true, dataValidation: true };

/** A port cell as engine content: text that would read as something else gets an apostrophe. */
function content(c: Cell): RawCellContent {
  if (c === null) return null;
  const v = formulaCell(c);
  return v === "" ? null : v;
}

export class WorkbenchWorkbook implements Workbook {
  constructor(
    private readonly book: Book,
    private readonly view?: SelectionSource,
  ) {}

  async capabilities(): Promise<Capabilities> {
    return { ...WORKBENCH_CAPABILITIES };
  }

  async createSheet(plan: SheetPlan): Promise<WriteResult> {
    checkPlan(plan);
    const hf = this.book.hf;
    for (const b of plan.blocks) {
      for (const row of b.cells) {
        for (const c of row) {
          if (typeof c === "object" && c !== null && !hf.validateFormula(c.formula)) {
            throw new WorkbookError("invalidPlan", `formula ${c.formula} at block ${b.anchor} does not parse`);
          }
        }
      }
    }
    const names = pickNames(plan, hf.getSheetNames(), this.book.tableNames());
    const meta = this.metaFor(plan, names.tableNames);

    let id: number | undefined;
    try {
      id = this.book.addSheet(names.sheetName, meta);
      const sheet = id;
      this.book.engine.apply(() => {
        for (const b of plan.blocks) {
          const at = parseCell(b.anchor);
          this.book.engine.setCells({ sheet, row: at.row, col: at.col }, b.cells.map((row) => row.map(content)));
        }
      });
    } catch (e) {
      if (id !== undefined && hf.getSheetName(id) !== undefined) this.book.removeSheet(id);
      throw e instanceof WorkbookError ? e : new WorkbookError("host", e instanceof Error ? e.message : String(e));
    }
    if (plan.activate !== false) {
      if (this.view) this.view.activate(id);
      else this.book.setActive(id);
    }
    this.book.changed();
    return { sheetName: names.sheetName, tableNames: names.tableNames, skipped: [] };
  }

  /** The meta of a plan sheet: formats, styles, tables (with their final names), the rest as given. */
  private metaFor(plan: SheetPlan, tableNames: string[]): SheetMeta {
    const meta = emptyMeta();
    for (const b of plan.blocks) {
      const r = blockRect(b);
      for (let i = 0; i <= r.bottom - r.top; i++) {
        const rowStyle = b.rowStyles?.filter((x) => x.row === i).pop()?.style ?? b.style;
        for (let j = 0; j <= r.right - r.left; j++) {
          const key = cellKey(r.top + i, r.left + j);
          if (rowStyle) meta.styles[key] = rowStyle;
          const fmt = b.formats?.[i]?.[j];
          if (fmt) meta.formats[key] = NUMBER_FORMATS[fmt];
        }
      }
    }
    meta.tables = (plan.tables ?? []).map((t, i) => ({ name: tableNames[i], range: t.range, style: t.style ?? "TableStyleMedium2" }));
    meta.conditionalFormats = (plan.conditionalFormats ?? []).map((c) => ({ range: c.range, rules: c.rules.map((r) => ({ ...r })) }));
    meta.charts = (plan.charts ?? []).map((c) => ({ ...c, position: { ...c.position } }));
    if (plan.validations?.length) meta.validations = plan.validations.map((v) => ({ range: v.range, rule: JSON.parse(JSON.stringify(v.rule)) as typeof v.rule, message: { ...v.message } }));
    for (const w of plan.columnWidths ?? []) meta.columnWidths[w.column.toUpperCase()] = w.width;
    return meta;
  }

  async readSelection(): Promise<Selection> {
    if (!this.view) throw new WorkbookError("noSelection", "no grid");
    const { sheet, range } = this.view.selection();
    const name = this.book.sheetName(sheet);
    if (!name) throw new WorkbookError("noSelection", "no sheet");
    // A whole column or row: read only the part that holds data, as the Excel adapter does.
    let r: Rect = range;
    if ((range.bottom - range.top + 1) * (range.right - range.left + 1) > MAX_SELECTION_CELLS) {
      const dims = this.book.hf.getSheetDimensions(sheet);
      r = {
        ...range,
        bottom: Math.max(range.top, Math.min(range.bottom, dims.height - 1)),
        right: Math.max(range.left, Math.min(range.right, dims.width - 1)),
      };
    }
    const cells = (r.bottom - r.top + 1) * (r.right - r.left + 1);
    if (cells > MAX_SELECTION_CELLS) {
      const n = (x: number) => x.toLocaleString("en-US");
      throw new WorkbookError("selectionTooLarge", `${quoteSheet(name)}!${rangeA1(r)}: ${n(cells)} > ${n(MAX_SELECTION_CELLS)}`);
    }
    const values = this.book.hf
      .getRangeValues({ start: { sheet, row: r.top, col: r.left }, end: { sheet, row: r.bottom, col: r.right } })
      .map((row) => row.map((v) => (v === null || v === undefined ? "" : v instanceof DetailedCellError ? v.value : v)));
    return { address: `${quoteSheet(name)}!${rangeA1(r)}`, values };
  }

  /** The selection's top-left cell, when it holds nothing (no formula, no value, no spilled result). */
  async insertFormula(formulaFor: (cell: { row: number; col: number }) => string): Promise<InsertResult> {
    if (!this.view) throw new WorkbookError("noSelection", "no grid");
    const { sheet, range } = this.view.selection();
    const name = this.book.sheetName(sheet);
    if (!name) throw new WorkbookError("noSelection", "no sheet");
    const at = { sheet, row: range.top, col: range.left };
    const address = `${quoteSheet(name)}!${cellA1(at)}`;
    const hf = this.book.hf;
    const v = hf.getCellValue(at);
    if (hf.getCellFormula(at) !== undefined || (v !== null && v !== "")) throw new WorkbookError("occupied", address);
    const formula = formulaFor({ row: at.row, col: at.col });
    if (!hf.validateFormula(formula)) throw new WorkbookError("invalidPlan", `formula ${formula} does not parse`);
    try {
      this.book.engine.apply(() => this.book.engine.setCell(at, formula));
    } catch (e) {
      throw new WorkbookError("host", e instanceof Error ? e.message : String(e));
    }
    this.book.changed();
    return { address, formula };
  }

  async loadPlans(): Promise<string | null> {
    return this.book.plans;
  }

  async savePlans(text: string): Promise<void> {
    this.book.plans = text;
    this.book.save();
  }

  async loadDraft(view: string): Promise<string | null> {
    return Object.prototype.hasOwnProperty.call(this.book.drafts, view) ? this.book.drafts[view] : null;
  }

  async saveDraft(view: string, text: string | null): Promise<void> {
    if (text === null) delete this.book.drafts[view];
    else this.book.drafts[view] = text;
    this.book.save();
  }
}
