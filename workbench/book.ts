/**
 * The workbench's workbook: sheets in the formula engine, plus what a spreadsheet keeps beside
 * the cells (number formats, styles, tables, conditional formats, charts, column widths) and the
 * plan library text and the pane's form drafts. It is saved to `localStorage` after every change
 * and restored on the next visit, so plan sheets, saved plans and drafts survive a reload, as they
 * do in a saved Excel workbook.
 */
import type { RawCellContent, SimpleCellAddress } from "hyperformula";
import type { CellStyle, ChartSpec, ConditionalFormatSpec, TableStyle, ValidationSpec } from "../taskpane/workbook/port";
import { Engine } from "./engine";

/** What a sheet keeps beside its cells. Cell keys are "row,col" (0-based). */
export interface SheetMeta {
  /** Excel number-format codes by cell. */
  formats: Record<string, string>;
  styles: Record<string, CellStyle>;
  tables: { name: string; range: string; style: TableStyle }[];
  conditionalFormats: ConditionalFormatSpec[];
  charts: ChartSpec[];
  /** Column widths in points, by column letter. */
  columnWidths: Record<string, number>;
  /** Data validation of input cells (the grid refuses typed entries they refuse). */
  validations?: ValidationSpec[];
}

export function emptyMeta(): SheetMeta {
  return { formats: {}, styles: {}, tables: [], conditionalFormats: [], charts: [], columnWidths: {} };
}

/** A sheet as saved: its contents (values and formulas as typed) and its meta. */
export interface SavedSheet {
  name: string;
  cells: RawCellContent[][];
  meta?: Partial<SheetMeta>;
}

/**
 * The saved workbook (the value under {@link STORAGE_KEY}).
 *
 * Version 2 keeps formulas and typed values only: a cell a formula spills into is saved blank.
 * Version 1 (saved by earlier workbenches) also holds every spilled value as a plain value; on
 * loading, values in the way of a formula's spill are cleared ({@link Engine.clearStaleSpills}).
 */
export interface SavedBook {
  schema: "dtc-workbench";
  version: 1 | 2;
  sheets: SavedSheet[];
  /** Name of the active sheet. */
  active?: string;
  /** The plan library text (`Workbook.savePlans`), or null. */
  plans: string | null;
  /** The pane's form drafts by view (`Workbook.saveDraft`); absent in books saved before drafts. */
  drafts?: Record<string, string>;
}

export const STORAGE_KEY = "dtc-workbench/book";

/** Minimal storage interface (window.localStorage in the page). */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export const cellKey = (row: number, col: number): string => `${row},${col}`;

/** Parse a saved book, or undefined when the text is not one (then the sample is used). */
export function parseSavedBook(text: string | null): SavedBook | undefined {
  if (!text) return undefined;
  try {
    const b = JSON.parse(text) as SavedBook;
    if (b?.schema !== "dtc-workbench" || (b.version !== 1 && b.version !== 2) || !Array.isArray(b.sheets) || b.sheets.length === 0) return undefined;
    if (!b.sheets.every((s) => typeof s?.name === "string" && Array.isArray(s.cells))) return undefined;
    return b;
  } catch {
    return undefined;
  }
}

type Listener = () => void;

export class Book {
  readonly engine: Engine;
  private readonly meta = new Map<number, SheetMeta>();
  plans: string | null;
  /** The pane's form drafts by view (`Workbook.saveDraft`), saved with the book. */
  drafts: Record<string, string> = {};
  activeSheet: number;
  private readonly listeners: Listener[] = [];

  constructor(
    saved: SavedBook,
    private readonly store?: KeyValueStore,
  ) {
    const sheets: Record<string, RawCellContent[][]> = {};
    for (const s of saved.sheets) sheets[s.name] = s.cells;
    this.engine = new Engine(sheets);
    // A version-1 book holds its spilled values as plain values, in the way of their formulas.
    if (saved.version === 1) this.engine.clearStaleSpills();
    for (const s of saved.sheets) {
      const id = this.engine.hf.getSheetId(s.name);
      if (id !== undefined) this.meta.set(id, { ...emptyMeta(), ...(s.meta ?? {}) });
    }
    this.plans = typeof saved.plans === "string" ? saved.plans : null;
    if (saved.drafts && typeof saved.drafts === "object") {
      for (const [view, text] of Object.entries(saved.drafts)) if (typeof text === "string") this.drafts[view] = text;
    }
    this.activeSheet = (saved.active !== undefined ? this.engine.hf.getSheetId(saved.active) : undefined) ?? this.sheetIds()[0];
  }

  get hf() {
    return this.engine.hf;
  }

  /** Sheet ids in tab order. */
  sheetIds(): number[] {
    return this.hf.getSheetNames().map((n) => this.hf.getSheetId(n)!);
  }

  sheetName(id: number): string {
    return this.hf.getSheetName(id) ?? "";
  }

  metaOf(id: number): SheetMeta {
    let m = this.meta.get(id);
    if (!m) {
      m = emptyMeta();
      this.meta.set(id, m);
    }
    return m;
  }

  /** Every table name of the workbook. */
  tableNames(): string[] {
    return this.sheetIds().flatMap((id) => this.metaOf(id).tables.map((t) => t.name));
  }

  /** Add an empty sheet (the name must be free) and return its id. */
  addSheet(name: string, meta: SheetMeta = emptyMeta()): number {
    const added = this.hf.addSheet(name);
    const id = this.hf.getSheetId(added)!;
    this.meta.set(id, meta);
    return id;
  }

  removeSheet(id: number): void {
    this.engine.apply(() => this.hf.removeSheet(id));
    this.meta.delete(id);
    if (this.activeSheet === id) this.activeSheet = this.sheetIds()[0];
  }

  /** Set a cell from what a user typed (text is parsed as Excel would: numbers, `=formulas`). */
  setTyped(address: SimpleCellAddress, text: string): void {
    this.engine.apply(() => this.engine.setCell(address, text === "" ? null : text));
    this.changed();
  }

  /** Clear a rectangle of cells. */
  clear(sheet: number, r0: number, c0: number, r1: number, c1: number): void {
    const rows = Array.from({ length: r1 - r0 + 1 }, () => Array.from({ length: c1 - c0 + 1 }, () => null));
    this.engine.apply(() => this.engine.setCells({ sheet, row: r0, col: c0 }, rows));
    this.changed();
  }

  setActive(id: number): void {
    if (this.activeSheet === id) return;
    this.activeSheet = id;
    this.changed();
  }

  onChange(l: Listener): void {
    this.listeners.push(l);
  }

  /** Save and tell the views. */
  changed(): void {
    this.save();
    for (const l of this.listeners) l();
  }

  toSaved(): SavedBook {
    return {
      schema: "dtc-workbench",
      version: 2,
      sheets: this.sheetIds().map((id) => ({ name: this.sheetName(id), cells: this.engine.serializedSheet(id), meta: this.metaOf(id) })),
      active: this.sheetName(this.activeSheet),
      plans: this.plans,
      drafts: { ...this.drafts },
    };
  }

  save(): void {
    if (!this.store) return;
    try {
      this.store.setItem(STORAGE_KEY, JSON.stringify(this.toSaved()));
    } catch {
      /* storage full or disabled: the page keeps working, unsaved */
    }
  }
}
