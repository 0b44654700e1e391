/**
 * The workbench's spreadsheet view: a formula bar (address box, content), the grid of the active
 * sheet (A1 addressing, spills shown, number formats, styles, tables, conditional formats and
 * charts of plan sheets), a status line (the message of an error cell, or sum/count of a range)
 * and the sheet tabs. Plain DOM; it reads and writes the {@link Book}.
 *
 * Each cell element carries `data-addr` ("B3") and `data-value` (its value as JSON; an error is
 * `{"error":"#VALUE!","message":"…"}`), which the browser tests read.
 */
import { DetailedCellError } from "hyperformula";
import type { CellValue, SimpleCellAddress } from "hyperformula";
import { THRESHOLD_COLORS, type ConditionalFormatSpec } from "../taskpane/workbook/port";
import { colName, rangeA1, type Pos as CellRef, type Rect } from "../taskpane/workbook/a1";
import { tryCell, tryRange } from "./addresses";
import { cellKey, type Book } from "./book";
import { chartSvg } from "./chart";
import { displayValue } from "./format";

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

export class GridView {
  private readonly nameBox: HTMLInputElement;
  private readonly formulaBar: HTMLInputElement;
  private readonly status: HTMLElement;
  private readonly scroller: HTMLElement;
  private readonly tabs: HTMLElement;
  private readonly editor: HTMLInputElement;
  private cells: HTMLElement[][] = [];
  private rows = 0;
  private cols = 0;
  private readonly selections = new Map<number, Sel>();
  private editing: { cell: CellRef; original: string } | null = null;
  private dragging = false;

  constructor(
    private readonly root: HTMLElement,
    private readonly book: Book,
  ) {
    root.classList.add("wb-book");
    root.innerHTML = `
      <div class="wb-fbar">
        <input class="wb-name" aria-label="Address" spellcheck="false" />
        <span class="wb-fx" aria-hidden="true">fx</span>
        <input class="wb-formula" aria-label="Formula bar" spellcheck="false" autocomplete="off" />
      </div>
      <div class="wb-scroller" tabindex="0" aria-label="Sheet grid"></div>
      <div class="wb-status" aria-live="polite"></div>
      <nav class="wb-tabs" aria-label="Sheets"></nav>`;
    this.nameBox = root.querySelector(".wb-name")!;
    this.formulaBar = root.querySelector(".wb-formula")!;
    this.status = root.querySelector(".wb-status")!;
    this.scroller = root.querySelector(".wb-scroller")!;
    this.tabs = root.querySelector(".wb-tabs")!;
    this.editor = document.createElement("input");
    this.editor.className = "wb-editor";
    this.editor.spellcheck = false;
    this.editor.setAttribute("aria-label", "Cell editor");

    this.scroller.addEventListener("mousedown", (e) => this.onMouseDown(e));
    this.scroller.addEventListener("mouseover", (e) => this.onMouseOver(e));
    this.scroller.addEventListener("dblclick", (e) => {
      const c = this.cellOf(e.target);
      if (c) this.startEdit(undefined);
    });
    window.addEventListener("mouseup", () => (this.dragging = false));
    this.scroller.addEventListener("keydown", (e) => this.onGridKey(e));
    this.editor.addEventListener("keydown", (e) => this.onEditorKey(e));
    this.editor.addEventListener("input", () => (this.formulaBar.value = this.editor.value));
    this.editor.addEventListener("blur", () => {
      if (this.editing) this.commit(null);
    });
    this.formulaBar.addEventListener("keydown", (e) => this.onFormulaBarKey(e));
    this.formulaBar.addEventListener("input", () => {
      if (this.editing) this.editor.value = this.formulaBar.value;
    });
    this.nameBox.addEventListener("keydown", (e) => {
      if (e.key !== "Enter") return;
      const r = tryRange(this.nameBox.value);
      if (r) this.select({ row: r.top, col: r.left }, { row: r.bottom, col: r.right });
      this.scroller.focus();
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
    this.selections.set(this.book.activeSheet, { anchor: start, focus: end });
    this.ensureRendered(Math.max(start.row, end.row), Math.max(start.col, end.col));
    this.paintSelection();
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
    this.scroller.innerHTML = html.join("");
    this.scroller.appendChild(this.editor);
    this.editor.style.display = "none";
    const trs = this.scroller.querySelectorAll("tbody tr");
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
    const html = this.book
      .sheetIds()
      .map((id) => {
        const active = id === this.book.activeSheet;
        return `<button type="button" class="wb-tab${active ? " wb-tab-active" : ""}" data-sheet-id="${id}" role="tab" aria-selected="${active}">${esc(this.book.sheetName(id))}</button>`;
      })
      .join("");
    this.tabs.innerHTML = `${html}<button type="button" class="wb-tab-add" title="New sheet" aria-label="New sheet">+</button>`;
    this.tabs.querySelectorAll<HTMLButtonElement>(".wb-tab").forEach((b) => b.addEventListener("click", () => this.activate(Number(b.dataset.sheetId))));
    this.tabs.querySelector(".wb-tab-add")!.addEventListener("click", () => this.addSheet());
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
    this.scroller.querySelectorAll(".wb-sel, .wb-active").forEach((el) => el.classList.remove("wb-sel", "wb-active"));
    this.scroller.querySelectorAll(".wb-hdr-sel").forEach((el) => el.classList.remove("wb-hdr-sel"));
    const { range, active } = this.selection();
    for (let r = range.top; r <= Math.min(range.bottom, this.rows - 1); r++) {
      for (let c = range.left; c <= Math.min(range.right, this.cols - 1); c++) this.cells[r]?.[c]?.classList.add("wb-sel");
    }
    const el = this.cells[active.row]?.[active.col];
    el?.classList.add("wb-active");
    for (let c = range.left; c <= range.right; c++) this.scroller.querySelector(`th[data-col="${c}"]`)?.classList.add("wb-hdr-sel");
    for (let r = range.top; r <= range.bottom; r++) this.scroller.querySelector(`th[data-row="${r}"]`)?.classList.add("wb-hdr-sel");
    this.nameBox.value = rangeA1(range);
    this.formulaBar.value = this.contentText({ sheet: this.book.activeSheet, ...active });
    this.status.textContent = this.statusText(range, active);
    el?.scrollIntoView?.({ block: "nearest", inline: "nearest" });
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
      this.scroller.focus();
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
    this.scroller.focus();
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

  private onGridKey(e: KeyboardEvent): void {
    if (this.editing) return;
    const arrows: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
    if (arrows[e.key]) {
      e.preventDefault();
      this.move(arrows[e.key][0], arrows[e.key][1], e.shiftKey);
    } else if (e.key === "Enter") {
      e.preventDefault();
      this.move(e.shiftKey ? -1 : 1, 0, false);
    } else if (e.key === "Tab") {
      e.preventDefault();
      this.move(0, e.shiftKey ? -1 : 1, false);
    } else if (e.key === "F2") {
      e.preventDefault();
      this.startEdit(undefined);
    } else if (e.key === "Delete" || e.key === "Backspace") {
      e.preventDefault();
      const { sheet, range } = this.selection();
      this.write(() => this.book.clear(sheet, range.top, range.left, range.bottom, range.right));
    } else if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      this.startEdit(e.key);
    }
  }

  private startEdit(initial: string | undefined): void {
    const { sheet, active } = this.selection();
    const td = this.cells[active.row]?.[active.col];
    if (!td) return;
    const original = this.contentText({ sheet, ...active });
    this.editing = { cell: active, original };
    const e = this.editor;
    e.value = initial ?? original;
    e.style.display = "block";
    e.style.left = `${td.offsetLeft}px`;
    e.style.top = `${td.offsetTop}px`;
    e.style.minWidth = `${td.offsetWidth}px`;
    e.style.height = `${td.offsetHeight}px`;
    this.formulaBar.value = e.value;
    e.focus();
    e.setSelectionRange(e.value.length, e.value.length);
  }

  private onEditorKey(e: KeyboardEvent): void {
    if (e.key === "Enter") {
      e.preventDefault();
      this.commit([e.shiftKey ? -1 : 1, 0]);
    } else if (e.key === "Tab") {
      e.preventDefault();
      this.commit([0, e.shiftKey ? -1 : 1]);
    } else if (e.key === "Escape") {
      e.preventDefault();
      this.cancelEdit();
      this.scroller.focus();
    }
  }

  private onFormulaBarKey(e: KeyboardEvent): void {
    if (e.key === "Enter") {
      e.preventDefault();
      const { sheet, active } = this.selection();
      this.editing = null;
      this.write(() => this.book.setTyped({ sheet, ...active }, this.formulaBar.value));
      this.scroller.focus();
    } else if (e.key === "Escape") {
      e.preventDefault();
      this.paintSelection();
      this.scroller.focus();
    }
  }

  /** Write the edited text; then move by `step` (rows, cols) when given. */
  private commit(step: [number, number] | null): void {
    const ed = this.editing;
    if (!ed) return;
    this.editing = null;
    const text = this.editor.value;
    this.editor.style.display = "none";
    if (text !== ed.original) this.write(() => this.book.setTyped({ sheet: this.book.activeSheet, ...ed.cell }, text));
    if (step) {
      this.select({ row: Math.max(0, ed.cell.row + step[0]), col: Math.max(0, ed.cell.col + step[1]) });
      this.scroller.focus();
    }
  }

  /** Make a change; when the engine refuses it, say why in the status line. */
  private write(change: () => void): void {
    try {
      change();
    } catch (e) {
      this.render();
      this.status.textContent = `Not changed: ${e instanceof Error ? e.message : String(e)}`;
    }
  }

  private cancelEdit(): void {
    if (!this.editing) return;
    this.editing = null;
    this.editor.style.display = "none";
    this.paintSelection();
  }
}
