/**
 * The workbench's spreadsheet view: a formula bar (address box, content), the grid of the active
 * sheet (A1 addressing, spills shown, number formats, styles, tables, conditional formats and
 * charts of plan sheets), a status line (the message of an error cell, or sum/count of a range)
 * and the sheet tabs. Plain DOM; it reads and writes the {@link Book}.
 *
 * Each cell element carries `data-addr` ("B3") and `data-value` (its value as JSON; an error is
 * `{"error":"#VALUE!","message":"…"}`), which the browser tests read.
 *
 * Keyboard. The grid's focus is the cell editor itself, kept invisible over the active cell
 * while nothing is edited: a key typed there starts the edit with that key, and an input method
 * (IME) composes straight into it, as in Excel. Tab and Enter move as Excel moves (Tab right,
 * Enter down, back to the column where a run of Tabs started); F6 / Shift+F6 leave the grid
 * (workbench/index.ts), since Tab stays in it.
 */
import { DetailedCellError } from "hyperformula";
import type { CellValue, SimpleCellAddress } from "hyperformula";
import { THRESHOLD_COLORS, type ConditionalFormatSpec } from "../taskpane/workbook/port";
import { colName, rangeA1, type Pos as CellRef, type Rect } from "../taskpane/workbook/a1";
import { tryCell, tryRange } from "./addresses";
import { cellKey, type Book } from "./book";
import { chartSvg } from "./chart";
import { displayValue } from "./format";
import { FormulaHelp, HELP_WORDS, type HelpEntry } from "./autocomplete";
import { refusal } from "./validation";

const DEFAULT_COL_PX = 72;
const ROW_HEADER_PX = 42;
const MAX_RENDER_ROWS = 2000;
const MAX_RENDER_COLS = 200;

const esc = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** A cell value as plain JSON (errors as { error, message }). */
export function plainValue(v: CellValue): unknown {
  if (v instanceof DetailedCellError) return { error: v.value, message: v.message ?? "" };
  return v ?? null;
}

interface Sel {
  anchor: CellRef;
  focus: CellRef;
}

function selRange(s: Sel): Rect {
  return {
    top: Math.min(s.anchor.row, s.focus.row),
    left: Math.min(s.anchor.col, s.focus.col),
    bottom: Math.max(s.anchor.row, s.focus.row),
    right: Math.max(s.anchor.col, s.focus.col),
  };
}

const inRect = (r: Rect, row: number, col: number): boolean => row >= r.top && row <= r.bottom && col >= r.left && col <= r.right;

/** What the page gives the grid besides the book. */
export interface GridOptions {
  /** The functions the formula help lists (from functions.json); none: no help. */
  functions?: HelpEntry[];
  /** The page's language, for the words of the help. */
  lang?: "en" | "zh";
}

export class GridView {
  private readonly nameBox: HTMLInputElement;
  private readonly formulaBar: HTMLInputElement;
  private readonly status: HTMLElement;
  private readonly scroller: HTMLElement;
  private readonly tabs: HTMLElement;
  private readonly sheetEl: HTMLElement;
  /** The cell editor; invisible over the active cell while idle, where it has the grid's focus. */
  private readonly editor: HTMLInputElement;
  private readonly help: FormulaHelp | null;
  private cells: HTMLElement[][] = [];
  private rows = 0;
  private cols = 0;
  private readonly selections = new Map<number, Sel>();
  private editing: { cell: CellRef; original: string } | null = null;
  private dragging = false;
  /** The column where a run of Tab moves started (Enter goes back to it, one row down). */
  private tabRun: number | null = null;

  constructor(
    private readonly root: HTMLElement,
    private readonly book: Book,
    options: GridOptions = {},
  ) {
    root.classList.add("wb-book");
    // Tab inside the grid is the grid's (it moves to the next cell), not the task pane's focus
    // manager's (Fluent UI's Tabster, which otherwise takes every Tab on the page).
    root.setAttribute("data-tabster", JSON.stringify({ focusable: { ignoreKeydown: { Tab: true } } }));
    root.innerHTML = `
      <div class="wb-fbar">
        <input class="wb-name" aria-label="Address" spellcheck="false" />
        <span class="wb-fx" aria-hidden="true">fx</span>
        <input class="wb-formula" aria-label="Formula bar" spellcheck="false" autocomplete="off" />
      </div>
      <div class="wb-scroller"><div class="wb-sheet"></div></div>
      <div class="wb-status" aria-live="polite"></div>
      <nav class="wb-tabs" aria-label="Sheets"></nav>`;
    this.nameBox = root.querySelector(".wb-name")!;
    this.formulaBar = root.querySelector(".wb-formula")!;
    this.status = root.querySelector(".wb-status")!;
    this.scroller = root.querySelector(".wb-scroller")!;
    this.tabs = root.querySelector(".wb-tabs")!;
    this.sheetEl = root.querySelector(".wb-sheet")!;
    this.editor = document.createElement("input");
    this.editor.className = "wb-editor wb-editor-idle";
    this.editor.spellcheck = false;
    this.editor.autocomplete = "off";
    this.editor.setAttribute("aria-label", "Sheet grid");
    this.scroller.appendChild(this.editor);
    this.help = options.functions?.length ? new FormulaHelp(options.functions, HELP_WORDS[options.lang ?? "en"], root.ownerDocument) : null;
    this.help?.attach(this.editor);
    this.help?.attach(this.formulaBar);

    this.scroller.addEventListener("mousedown", (e) => this.onMouseDown(e));
    this.scroller.addEventListener("mouseover", (e) => this.onMouseOver(e));
    this.scroller.addEventListener("dblclick", (e) => {
      const c = this.cellOf(e.target);
      if (c) this.startEdit("edit");
    });
    window.addEventListener("mouseup", () => (this.dragging = false));
    this.editor.addEventListener("keydown", (e) => this.onKey(e));
    // Text that arrives without a key the grid saw (an IME's, a paste) starts the edit too.
    this.editor.addEventListener("compositionstart", () => {
      if (!this.editing) this.startEdit("type");
    });
    this.editor.addEventListener("input", () => {
      if (!this.editing) this.startEdit("type");
      this.formulaBar.value = this.editor.value;
    });
    this.editor.addEventListener("blur", () => {
      if (this.editing) this.commit(null);
    });
    this.formulaBar.addEventListener("keydown", (e) => {
      if (e.isComposing || e.keyCode === 229 || this.help?.onKey(e)) return;
      this.onFormulaBarKey(e);
    });
    this.formulaBar.addEventListener("input", () => {
      if (this.editing) this.editor.value = this.formulaBar.value;
    });
    this.nameBox.addEventListener("keydown", (e) => {
      if (e.key !== "Enter") return;
      const r = tryRange(this.nameBox.value);
      if (r) this.select({ row: r.top, col: r.left }, { row: r.bottom, col: r.right });
      this.focus();
    });
    book.onChange(() => this.render());
    this.render();
  }

  // -------------------------------------------------------------------------------------------
  // Selection (public: the adapter reads it)

  /** The active sheet's selection. */
  selection(): { sheet: number; range: Rect; active: CellRef } {
    const sheet = this.book.activeSheet;
    const s = this.sel(sheet);
    return { sheet, range: selRange(s), active: s.anchor };
  }

  /** Select a range of the active sheet (`end` defaults to `start`). */
  select(start: CellRef, end: CellRef = start): void {
    this.tabRun = null;
    this.selections.set(this.book.activeSheet, { anchor: start, focus: end });
    this.ensureRendered(Math.max(start.row, end.row), Math.max(start.col, end.col));
    this.paintSelection();
  }

  /** Give the grid the keyboard focus (its active cell). */
  focus(): void {
    this.editor.focus({ preventScroll: true });
  }

  /** Show a sheet. */
  activate(sheet: number): void {
    this.cancelEdit();
    this.book.setActive(sheet);
    this.render();
  }

  private sel(sheet: number): Sel {
    let s = this.selections.get(sheet);
    if (!s) {
      s = { anchor: { row: 0, col: 0 }, focus: { row: 0, col: 0 } };
      this.selections.set(sheet, s);
    }
    return s;
  }

  // -------------------------------------------------------------------------------------------
  // Rendering

  render(): void {
    if (this.editing) this.cancelEdit();
    const sheet = this.book.activeSheet;
    const hf = this.book.hf;
    const meta = this.book.metaOf(sheet);
    const dims = hf.getSheetDimensions(sheet);
    const s = this.sel(sheet);
    let needRows = Math.max(dims.height, s.anchor.row + 1, s.focus.row + 1);
    let needCols = Math.max(dims.width, s.anchor.col + 1, s.focus.col + 1);
    for (const ch of meta.charts) {
      const to = tryCell(ch.position.to);
      if (to) {
        needRows = Math.max(needRows, to.row + 1);
        needCols = Math.max(needCols, to.col + 1);
      }
    }
    this.rows = Math.min(MAX_RENDER_ROWS, Math.max(40, needRows + 15));
    this.cols = Math.min(MAX_RENDER_COLS, Math.max(14, needCols + 3));

    // Table membership and conditional formats, resolved once per render.
    const tableClass = new Map<string, string>();
    for (const t of meta.tables) {
      const r = tryRange(t.range);
      if (!r) continue;
      const style = (t.style ?? "TableStyleMedium2").replace(/^TableStyle/, "").toLowerCase();
      for (let row = r.top; row <= r.bottom; row++) {
        const band = row === r.top ? "wb-tbl-h" : (row - r.top) % 2 === 1 ? "wb-tbl-d wb-tbl-odd" : "wb-tbl-d";
        for (let col = r.left; col <= r.right; col++) tableClass.set(cellKey(row, col), `wb-tbl wb-tbl-${style} ${band}`);
      }
    }
    const cfs: { range: Rect; spec: ConditionalFormatSpec }[] = [];
    for (const cf of meta.conditionalFormats) {
      const r = tryRange(cf.range);
      if (r) cfs.push({ range: r, spec: cf });
    }

    const widths: number[] = [];
    for (let c = 0; c < this.cols; c++) {
      const pt = meta.columnWidths[colName(c)];
      widths.push(pt ? Math.round((pt * 4) / 3) : DEFAULT_COL_PX);
    }
    const html: string[] = [];
    const total = ROW_HEADER_PX + widths.reduce((a, b) => a + b, 0);
    html.push(`<table class="wb-grid" style="width:${total}px" data-sheet="${esc(this.book.sheetName(sheet))}"><colgroup><col style="width:${ROW_HEADER_PX}px">`);
    for (const w of widths) html.push(`<col style="width:${w}px">`);
    html.push(`</colgroup><thead><tr><th class="wb-corner"></th>`);
    for (let c = 0; c < this.cols; c++) html.push(`<th class="wb-colh" data-col="${c}">${colName(c)}</th>`);
    html.push(`</tr></thead><tbody>`);
    for (let r = 0; r < this.rows; r++) {
      html.push(`<tr><th class="wb-rowh" data-row="${r}">${r + 1}</th>`);
      for (let c = 0; c < this.cols; c++) html.push(this.cellHtml(sheet, r, c, meta.formats, meta.styles, tableClass, cfs));
      html.push(`</tr>`);
    }
    html.push(`</tbody></table><div class="wb-charts"></div>`);
    // The editor stays in the page (outside the redrawn part): it may have the focus.
    this.sheetEl.innerHTML = html.join("");
    const trs = this.sheetEl.querySelectorAll("tbody tr");
    this.cells = Array.from(trs, (tr) => Array.from(tr.querySelectorAll("td")) as HTMLElement[]);
    this.renderCharts();
    this.renderTabs();
    this.paintSelection();
  }

  private cellHtml(
    sheet: number,
    r: number,
    c: number,
    formats: Record<string, string>,
    styles: Record<string, string>,
    tableClass: Map<string, string>,
    cfs: { range: Rect; spec: ConditionalFormatSpec }[],
  ): string {
    const hf = this.book.hf;
    const address: SimpleCellAddress = { sheet, row: r, col: c };
    const v = hf.getCellValue(address);
    const key = cellKey(r, c);
    const classes = ["wb-cell"];
    const style = styles[key];
    if (style) classes.push(`wb-s-${style}`);
    const t = tableClass.get(key);
    if (t) classes.push(t);
    if (typeof v === "number") classes.push("wb-num");
    else if (v instanceof DetailedCellError) classes.push("wb-err");
    else if (typeof v === "boolean") classes.push("wb-bool");
    // Text runs on over empty cells to its right, as in Excel.
    if (typeof v === "string" && hf.getCellValue({ sheet, row: r, col: c + 1 }) === null) classes.push("wb-ovf");
    if (hf.isCellPartOfArray(address)) classes.push(hf.doesCellHaveFormula(address) ? "wb-spill-anchor" : "wb-spill");
    let inline = "";
    if (typeof v === "number") {
      for (const { range, spec } of cfs) {
        if (!inRect(range, r, c)) continue;
        const rule = spec.rules.find((x) => (x.min === undefined || v >= x.min) && (x.max === undefined || v < x.max));
        if (rule) {
          const col = THRESHOLD_COLORS[rule.color];
          inline = ` style="background:${col.fill};color:${col.font}"`;
        }
      }
    }
    const text = displayValue(v, formats[key]);
    const title = v instanceof DetailedCellError && v.message ? ` title="${esc(`${v.value} ${v.message}`)}"` : "";
    const json = esc(JSON.stringify(plainValue(v)));
    return `<td class="${classes.join(" ")}" data-addr="${colName(c)}${r + 1}" data-value="${json}"${inline}${title}>${esc(text)}</td>`;
  }

  private renderCharts(): void {
    const layer = this.scroller.querySelector(".wb-charts") as HTMLElement;
    const sheet = this.book.activeSheet;
    const meta = this.book.metaOf(sheet);
    const parts: string[] = [];
    for (const ch of meta.charts) {
      const from = tryCell(ch.position.from);
      const to = tryCell(ch.position.to);
      const src = tryRange(ch.source);
      if (!from || !to || !src) continue;
      const a = this.cells[from.row]?.[from.col];
      const b = this.cells[to.row]?.[to.col];
      if (!a || !b) continue;
      const left = a.offsetLeft;
      const top = a.offsetTop;
      const width = b.offsetLeft + b.offsetWidth - left;
      const height = b.offsetTop + b.offsetHeight - top;
      const values = this.book.hf
        .getRangeValues({ start: { sheet, row: src.top, col: src.left }, end: { sheet, row: src.bottom, col: src.right } })
        .map((row) => row.map((v) => (v instanceof DetailedCellError ? null : v)));
      parts.push(
        `<div class="wb-chart" data-chart="${esc(ch.title)}" style="left:${left}px;top:${top}px;width:${width}px;height:${height}px">${chartSvg(ch, values, width, height)}</div>`,
      );
    }
    layer.innerHTML = parts.join("");
  }

  private renderTabs(): void {
    const doc = this.root.ownerDocument;
    const focused = (doc.activeElement as HTMLElement | null)?.closest?.(".wb-tab, .wb-tab-add") as HTMLElement | null;
    const refocus = focused && this.tabs.contains(focused) ? (focused.dataset.sheetId ?? "add") : null;
    const html = this.book
      .sheetIds()
      .map((id) => {
        const active = id === this.book.activeSheet;
        return `<button type="button" class="wb-tab${active ? " wb-tab-active" : ""}" data-sheet-id="${id}" role="tab" aria-selected="${active}">${esc(this.book.sheetName(id))}</button>`;
      })
      .join("");
    this.tabs.setAttribute("role", "tablist");
    this.tabs.innerHTML = `${html}<button type="button" class="wb-tab-add" title="New sheet" aria-label="New sheet">+</button>`;
    // A sheet chosen (click, Enter or Space on its tab) is shown and gets the keyboard, as in Excel.
    this.tabs.querySelectorAll<HTMLButtonElement>(".wb-tab").forEach((b) =>
      b.addEventListener("click", () => {
        this.activate(Number(b.dataset.sheetId));
        this.focus();
      }),
    );
    this.tabs.querySelector(".wb-tab-add")!.addEventListener("click", () => {
      this.addSheet();
      this.focus();
    });
    // Redrawn tabs are new buttons: the focus stays on the tab it was on.
    if (refocus !== null) {
      const again = refocus === "add" ? this.tabs.querySelector(".wb-tab-add") : this.tabs.querySelector(`.wb-tab[data-sheet-id="${refocus}"]`);
      (again as HTMLElement | null)?.focus();
    }
  }

  private addSheet(): void {
    const names = new Set(this.book.hf.getSheetNames().map((n) => n.toLowerCase()));
    let n = 1;
    while (names.has(`sheet${n}`)) n++;
    const id = this.book.addSheet(`Sheet${n}`);
    this.activate(id);
  }

  /** Grow the grid when a selection goes past the rendered rows or columns. */
  private ensureRendered(row: number, col: number): void {
    if (row >= this.rows || col >= this.cols) {
      const s = this.sel(this.book.activeSheet);
      this.selections.set(this.book.activeSheet, s);
      this.render();
    }
  }

  private paintSelection(): void {
    this.sheetEl.querySelectorAll(".wb-sel, .wb-active").forEach((el) => el.classList.remove("wb-sel", "wb-active"));
    this.sheetEl.querySelectorAll(".wb-hdr-sel").forEach((el) => el.classList.remove("wb-hdr-sel"));
    const { range, active } = this.selection();
    for (let r = range.top; r <= Math.min(range.bottom, this.rows - 1); r++) {
      for (let c = range.left; c <= Math.min(range.right, this.cols - 1); c++) this.cells[r]?.[c]?.classList.add("wb-sel");
    }
    const el = this.cells[active.row]?.[active.col];
    el?.classList.add("wb-active");
    for (let c = range.left; c <= range.right; c++) this.sheetEl.querySelector(`th[data-col="${c}"]`)?.classList.add("wb-hdr-sel");
    for (let r = range.top; r <= range.bottom; r++) this.sheetEl.querySelector(`th[data-row="${r}"]`)?.classList.add("wb-hdr-sel");
    this.nameBox.value = rangeA1(range);
    this.formulaBar.value = this.contentText({ sheet: this.book.activeSheet, ...active });
    this.status.textContent = this.statusText(range, active);
    if (!this.editing && el) this.placeEditor(el);
    el?.scrollIntoView?.({ block: "nearest", inline: "nearest" });
  }

  /** Put the editor over a cell (idle there, it takes the keys and an IME's text for that cell). */
  private placeEditor(td: HTMLElement): void {
    const e = this.editor;
    e.style.left = `${td.offsetLeft}px`;
    e.style.top = `${td.offsetTop}px`;
    e.style.minWidth = `${td.offsetWidth}px`;
    e.style.width = `${td.offsetWidth}px`;
    e.style.height = `${td.offsetHeight}px`;
  }

  /** What the formula bar shows for a cell: its formula or typed value. */
  private contentText(address: SimpleCellAddress): string {
    const raw = this.book.hf.getCellSerialized(address);
    if (raw === null || raw === undefined) return "";
    if (typeof raw === "boolean") return raw ? "TRUE" : "FALSE";
    if (raw instanceof Date) return raw.toISOString();
    return String(raw);
  }

  private statusText(range: Rect, active: CellRef): string {
    const hf = this.book.hf;
    const sheet = this.book.activeSheet;
    if (range.top === range.bottom && range.left === range.right) {
      const v = hf.getCellValue({ sheet, ...active });
      return v instanceof DetailedCellError ? `${v.value} ${v.message ?? ""}`.trim() : "";
    }
    let sum = 0;
    let count = 0;
    let nums = 0;
    for (let r = range.top; r <= range.bottom; r++) {
      for (let c = range.left; c <= range.right; c++) {
        const v = hf.getCellValue({ sheet, row: r, col: c });
        if (v === null || v === undefined) continue;
        count++;
        if (typeof v === "number") {
          sum += v;
          nums++;
        }
      }
    }
    return nums > 0 ? `Count: ${count}   Sum: ${displayValue(sum)}` : count > 0 ? `Count: ${count}` : "";
  }

  // -------------------------------------------------------------------------------------------
  // Mouse and keyboard

  private cellOf(target: EventTarget | null): CellRef | undefined {
    const td = (target as HTMLElement | null)?.closest?.("td[data-addr]") as HTMLElement | null;
    return td ? tryCell(td.dataset.addr!) : undefined;
  }

  private onMouseDown(e: MouseEvent): void {
    if (e.target === this.editor) return;
    const th = (e.target as HTMLElement).closest?.("th") as HTMLElement | null;
    if (th && (th.dataset.col !== undefined || th.dataset.row !== undefined)) {
      e.preventDefault();
      if (this.editing) this.commit(null);
      if (th.dataset.col !== undefined) {
        const c = Number(th.dataset.col);
        this.select({ row: 0, col: c }, { row: Math.max(0, this.rows - 1), col: c });
      } else {
        const r = Number(th.dataset.row);
        this.select({ row: r, col: 0 }, { row: r, col: Math.max(0, this.cols - 1) });
      }
      this.focus();
      return;
    }
    const c = this.cellOf(e.target);
    if (!c) return;
    e.preventDefault();
    if (this.editing) this.commit(null);
    const s = this.sel(this.book.activeSheet);
    if (e.shiftKey) this.select(s.anchor, c);
    else this.select(c);
    this.dragging = true;
    this.focus();
  }

  private onMouseOver(e: MouseEvent): void {
    if (!this.dragging || this.editing) return;
    const c = this.cellOf(e.target);
    if (c) this.select(this.sel(this.book.activeSheet).anchor, c);
  }

  private move(dr: number, dc: number, extend: boolean): void {
    const s = this.sel(this.book.activeSheet);
    const from = extend ? s.focus : s.anchor;
    const to = { row: Math.max(0, from.row + dr), col: Math.max(0, from.col + dc) };
    if (extend) this.select(s.anchor, to);
    else this.select(to);
  }

  /**
   * Tab / Shift+Tab and Enter / Shift+Enter from `from` (the active cell), as Excel moves: Tab
   * one column right (Shift: left), Enter one row down (Shift: up); an Enter after a run of Tabs
   * goes to the column where the run started.
   */
  private step(from: CellRef, key: "Tab" | "Enter", back: boolean): void {
    if (key === "Tab") {
      if (this.tabRun === null) this.tabRun = from.col;
      const run = this.tabRun;
      this.select({ row: from.row, col: Math.max(0, from.col + (back ? -1 : 1)) });
      this.tabRun = run;
    } else {
      const col = back ? from.col : (this.tabRun ?? from.col);
      this.tabRun = null;
      this.select({ row: Math.max(0, from.row + (back ? -1 : 1)), col });
    }
  }

  /** Keys in the grid: the formula help first, then the edit's keys, or the grid's. */
  private onKey(e: KeyboardEvent): void {
    // An input method is composing: its keys (Enter picks a candidate) are its own.
    if (e.isComposing || e.keyCode === 229) return;
    if (this.editing) {
      if (!this.help?.onKey(e)) this.onEditorKey(e);
    } else {
      this.onGridKey(e);
    }
  }

  private onGridKey(e: KeyboardEvent): void {
    const arrows: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
    if (arrows[e.key]) {
      e.preventDefault();
      this.move(arrows[e.key][0], arrows[e.key][1], e.shiftKey);
    } else if (e.key === "Enter" || e.key === "Tab") {
      e.preventDefault();
      this.step(this.selection().active, e.key, e.shiftKey);
    } else if (e.key === "F2") {
      e.preventDefault();
      this.startEdit("edit");
    } else if (e.key === "Delete" || e.key === "Backspace") {
      e.preventDefault();
      const { sheet, range } = this.selection();
      this.write(() => this.book.clear(sheet, range.top, range.left, range.bottom, range.right));
    } else if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
      // The key goes into the (empty) editor as typed: the edit starts with it.
      this.startEdit("type");
    }
  }

  /**
   * Start editing the active cell: "edit" (F2, double-click) with what the cell holds, the caret
   * at its end; "type" with what the editor receives (a key, an IME's text), the cell replaced.
   */
  private startEdit(mode: "edit" | "type"): void {
    const { sheet, active } = this.selection();
    const td = this.cells[active.row]?.[active.col];
    if (!td) return;
    const original = this.contentText({ sheet, ...active });
    this.editing = { cell: active, original };
    const e = this.editor;
    // Never assign the same text: that would end an IME composition under way.
    if (mode === "edit" && e.value !== original) e.value = original;
    this.placeEditor(td);
    e.style.width = "";
    e.classList.remove("wb-editor-idle");
    this.formulaBar.value = e.value;
    if (this.root.ownerDocument.activeElement !== e) e.focus();
    if (mode === "edit") e.setSelectionRange(e.value.length, e.value.length);
    this.help?.update(e);
  }

  private onEditorKey(e: KeyboardEvent): void {
    if (e.key === "Enter" || e.key === "Tab") {
      e.preventDefault();
      this.commit([e.key, e.shiftKey]);
    } else if (e.key === "Escape") {
      e.preventDefault();
      this.cancelEdit();
      this.focus();
    }
  }

  private onFormulaBarKey(e: KeyboardEvent): void {
    if (e.key === "Enter") {
      e.preventDefault();
      const { sheet, active } = this.selection();
      this.stopEditing();
      const text = this.formulaBar.value;
      this.write(() => this.typed(sheet, active, text));
      this.focus();
    } else if (e.key === "Escape") {
      e.preventDefault();
      this.cancelEdit();
      this.paintSelection();
      this.focus();
    }
  }

  /** Write the edited text; then move as Tab or Enter (Shift: back) when given. */
  private commit(step: ["Tab" | "Enter", boolean] | null): void {
    const ed = this.editing;
    if (!ed) return;
    const text = this.editor.value;
    this.stopEditing();
    const refused = text !== ed.original ? this.write(() => this.typed(this.book.activeSheet, ed.cell, text)) : undefined;
    if (step) {
      this.step(ed.cell, step[0], step[1]);
      this.focus();
    }
    // Moving repaints the status line: the refusal stays in view.
    if (refused) this.status.textContent = refused;
  }

  /** Back to idle: the editor empty and invisible over the active cell. */
  private stopEditing(): void {
    this.editing = null;
    this.help?.close();
    this.editor.value = "";
    this.editor.classList.add("wb-editor-idle");
    const { active } = this.selection();
    const td = this.cells[active.row]?.[active.col];
    if (td) this.placeEditor(td);
  }

  /** Set a cell from typed text, unless the sheet's data validation refuses it (as Excel's "stop" alert). */
  private typed(sheet: number, cell: CellRef, text: string): void {
    const no = refusal(this.book.metaOf(sheet).validations, cell.row, cell.col, text);
    if (no) throw new Error(no);
    this.book.setTyped({ sheet, ...cell }, text);
  }

  /** Make a change; when the engine refuses it, say why in the status line (and return that line). */
  private write(change: () => void): string | undefined {
    try {
      change();
      return undefined;
    } catch (e) {
      this.render();
      const text = `Not changed: ${e instanceof Error ? e.message : String(e)}`;
      this.status.textContent = text;
      return text;
    }
  }

  private cancelEdit(): void {
    if (!this.editing) return;
    this.stopEditing();
    this.paintSelection();
  }
}
