/**
 * The Excel adapter of the {@link Workbook} port: the only module of the add-in that uses
 * Office.js.
 *
 * Requirement sets (checked with `Office.context.requirements.isSetSupported`):
 * - ExcelApi 1.1 (every host that runs `Excel.run`): sheets, ranges, `range.formulas`,
 *   `numberFormat`, fonts/fills/borders, and the optional parts `tables.add` and `charts.add`
 *   (+ `chart.setPosition`, title, legend). Tables and charts are skipped when the host does
 *   not report the set; the cells are written regardless (a host that really lacks it fails in
 *   sync 2, before anything was added).
 * - ExcelApi 1.2: column widths (`format.columnWidth`); skipped without it.
 * - ExcelApi 1.4: `workbook.settings` (plan storage fallback, the pane's form drafts) and
 *   `*OrNullObject`.
 * - ExcelApi 1.5: `workbook.customXmlParts` (plan storage, preferred: no size limit).
 * - ExcelApi 1.6: conditional formats (`conditionalFormats.add`, priority, stopIfTrue);
 *   skipped without it.
 * - ExcelApi 1.8: the number format of a chart's value axis; left at General without it. Data
 *   validation of input cells (`range.dataValidation.rule`, `errorAlert`); skipped without it.
 *
 * Round trips and request size: Excel on the web refuses a request over 5 MB, so every
 * `context.sync()` stays under {@link REQUEST_BUDGET} (4 MB, estimated as the JSON of what is
 * queued, see `./requests.ts`). {@link ExcelWorkbook.createSheet} makes (1) one sync to load the
 * names of sheets and tables; (2) one to add the sheet under the chosen unique name, which
 * reserves it; (3…) the blocks, formats, tables, conditional formats, chart, column widths and
 * the activation, in as few syncs as the budget allows: ONE for every plan the planners make
 * up to a few thousand rows (3 syncs in all), more for the largest hot-product plans, whose
 * blocks are then written in bands of rows. If any of (3…) fails, the sheet added in (2) (and
 * with it everything written on it) is deleted with one more sync, so the workbook is as
 * before; since (2) succeeded, that sheet is certainly ours. If (2) fails, nothing was added.
 * The plan library is stored in parts of under 4 MB each (see `./requests.ts`), and a selection
 * is read in bands of rows.
 */
import { parseCell, rangeA1, type Rect } from "./a1";
import { checkPlan } from "./check";
import {
  CALL_BYTES,
  jsonBytes,
  jsonCost,
  libraryPieces,
  readHead,
  readPart,
  REQUEST_BUDGET,
  xmlCost,
} from "./requests";
import {
  isFormula,
  NUMBER_FORMATS,
  pickNames,
  THRESHOLD_COLORS,
  WorkbookError,
  type Block,
  type Capabilities,
  type Cell,
  type CellStyle,
  type ChartSpec,
  type ConditionalFormatSpec,
  type InsertResult,
  type ValidationSpec,
  type OptionalPart,
  type Selection,
  type SheetPlan,
  type Workbook,
  type WriteResult,
} from "./port";

/** What the adapter needs from the host; tests pass a mock. */
export interface ExcelEnv {
  /** `Excel.run`. */
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  /** `Office.context.requirements.isSetSupported`. */
  isSetSupported(name: string, version: string): boolean;
}

/** The live Office.js host (call after `Office.onReady`). */
export function officeEnv(): ExcelEnv {
  return {
    run: (batch) => Excel.run(batch),
    isSetSupported: (name, version) => Office.context.requirements.isSetSupported(name, version),
  };
}

/** ExcelApi versions the adapter checks, by feature. */
export const EXCEL_API = {
  base: "1.1",
  columnWidths: "1.2",
  settings: "1.4",
  customXmlParts: "1.5",
  conditionalFormats: "1.6",
  chartAxisFormat: "1.8",
  dataValidation: "1.8",
} as const;

/** Namespace of the custom XML part holding the plan library (its head, see `./requests.ts`). */
export const PLANS_NAMESPACE = "urn:dtc-metrics:plan-library";
/** Namespace of the further parts of a plan library too large for one request. */
export const PLANS_PARTS_NAMESPACE = "urn:dtc-metrics:plan-library:part";
/** Key of the workbook setting holding the plan library on hosts without custom XML parts. */
export const PLANS_SETTING = "dtc-plan-library";
/** Key of further part `i` of generation `gen` in the workbook settings. */
export const planPartSetting = (gen: string, i: number): string => `${PLANS_SETTING}:${gen}:${i}`;
/** Key of the workbook setting holding the draft of one pane form (`view`: gta, hot, health). */
export const draftSetting = (view: string): string => `dtc-pane-draft:${view}`;

/**
 * Most cells the pane reads from a selection. A larger selection (a whole column or sheet) is
 * cut to the sheet's used range first; when that is still larger, the read is refused
 * (`selectionTooLarge`). The pane reads crowd tables (at most 1,000 rows).
 */
export const MAX_SELECTION_CELLS = 200_000;
/** Cells of a selection read in one sync (then in bands of rows sized by what the first held). */
export const SELECTION_BAND_CELLS = 50_000;

const CHART_TYPES: Record<ChartSpec["type"], string> = {
  columnClustered: "ColumnClustered",
  columnStacked: "ColumnStacked",
  barClustered: "BarClustered",
  barStacked: "BarStacked",
  pie: "Pie",
  radar: "Radar",
};

/**
 * Text that Excel would read as something else when written through `range.formulas` (a formula,
 * a number, a date, a percentage, a boolean) gets a leading apostrophe, which Excel stores as
 * "text" and does not show.
 */
export function escapeText(s: string): string {
  const t = s.trim();
  if (t === "") return s;
  if (/^[=+\-@']/.test(t) || /\d/.test(t) || /^(true|false)$/i.test(t) || /^#/.test(t)) return `'${s}`;
  return s;
}

/** One cell as written to `range.formulas`. */
export function formulaCell(c: Cell): string | number | boolean {
  if (c === null) return "";
  if (isFormula(c)) return c.formula;
  if (typeof c === "string") return escapeText(c);
  return c;
}

function applyStyle(range: Excel.Range, style: CellStyle): void {
  const f = range.format;
  switch (style) {
    case "title":
      f.font.bold = true;
      f.font.size = 14;
      break;
    case "heading":
      f.font.bold = true;
      f.font.color = "#1F4E79";
      break;
    case "header":
      f.font.bold = true;
      f.fill.color = "#DDEBF7";
      f.borders.getItem("EdgeBottom").style = "Continuous";
      break;
    case "input":
      f.fill.color = "#FFF2CC";
      break;
    case "total":
      f.font.bold = true;
      f.borders.getItem("EdgeTop").style = "Continuous";
      break;
    case "note":
      f.font.italic = true;
      f.font.color = "#595959";
      break;
  }
}

/** One thing queued for a sync, with its estimated size in bytes. */
interface Job {
  bytes: number;
  queue(sheet: Excel.Worksheet): void;
}

/** Calls `applyStyle` queues at most (font, fill, border). */
const STYLE_CALLS = 4;

/** Jobs grouped, in order, into syncs of at most `budget` bytes each. */
class Packer {
  readonly batches: Job[][] = [];
  private cur: Job[] = [];
  private used = 0;
  constructor(readonly budget: number) {}

  /** Bytes still free in the current sync. */
  room(): number {
    return this.budget - this.used;
  }

  /** True when nothing is queued in the current sync. */
  empty(): boolean {
    return this.cur.length === 0;
  }

  add(job: Job): void {
    if (this.cur.length && this.used + job.bytes > this.budget) this.flush();
    this.cur.push(job);
    this.used += job.bytes;
  }

  /** Close the current sync. */
  flush(): void {
    if (this.cur.length) this.batches.push(this.cur);
    this.cur = [];
    this.used = 0;
  }

  /** All syncs, the last one closed. */
  done(): Job[][] {
    this.flush();
    return this.batches;
  }
}

/** Bytes of a write job besides its values: the range, `formulas`, `numberFormat`. */
const WRITE_CALLS = 3 * CALL_BYTES + 64;

/**
 * Queue the cells of a block: in the current sync when they fit, else in bands of whole rows
 * that fill each sync up to the budget (a row larger than a whole request in pieces of
 * columns). Styles are one job over the whole block, so borders stay where they belong.
 */
function packBlock(b: Block, packer: Packer): void {
  const at = parseCell(b.anchor);
  const formulas = b.cells.map((row) => row.map(formulaCell));
  const formats = b.formats?.map((row) => row.map((x) => NUMBER_FORMATS[x ?? "general"]));
  const width = formulas[0].length;
  const write = (top: number, bottom: number, left: number, right: number, bytes: number): Job => {
    const rect: Rect = { top: at.row + top, bottom: at.row + bottom, left: at.col + left, right: at.col + right };
    const address = rangeA1(rect);
    const whole = left === 0 && right === width - 1;
    const f = formulas.slice(top, bottom + 1).map((r) => (whole ? r : r.slice(left, right + 1)));
    const n = formats?.slice(top, bottom + 1).map((r) => (whole ? r : r.slice(left, right + 1)));
    return {
      bytes: bytes + jsonBytes(address) + WRITE_CALLS,
      queue(sheet) {
        const range = sheet.getRange(address);
        range.formulas = f;
        if (n) range.numberFormat = n;
      },
    };
  };
  const rowBytes = formulas.map((r, i) => jsonBytes(r) + (formats ? jsonBytes(formats[i]) : 0) + 2);
  let top = 0;
  let used = 0;
  for (let i = 0; i < formulas.length; ) {
    if (used + rowBytes[i] + WRITE_CALLS + 64 <= packer.room()) {
      used += rowBytes[i++];
      continue;
    }
    if (i > top) {
      // The band so far fills this sync.
      packer.add(write(top, i - 1, 0, width - 1, used));
      packer.flush();
      top = i;
      used = 0;
    } else if (!packer.empty()) {
      packer.flush();
    } else {
      // One row larger than a whole request: its cells in pieces.
      let left = 0;
      let w = 0;
      for (let j = 0; j <= width; j++) {
        const cb = j < width ? jsonBytes(formulas[i][j]) + (formats ? jsonBytes(formats[i][j]) : 0) + 6 : 0;
        if (j === width || (w + cb + WRITE_CALLS + 64 > packer.budget && j > left)) {
          packer.add(write(i, i, left, j - 1, w));
          if (j < width) packer.flush();
          left = j;
          w = 0;
        }
        w += cb;
      }
      top = ++i;
    }
  }
  if (formulas.length > top) packer.add(write(top, formulas.length - 1, 0, width - 1, used));
  const full: Rect = { top: at.row, left: at.col, bottom: at.row + formulas.length - 1, right: at.col + width - 1 };
  const fullAddress = rangeA1(full);
  const style = b.style;
  if (style) {
    packer.add({ bytes: jsonBytes(fullAddress) + STYLE_CALLS * CALL_BYTES, queue: (sheet) => applyStyle(sheet.getRange(fullAddress), style) });
  }
  for (const rs of b.rowStyles ?? []) {
    const address = rangeA1({ ...full, top: full.top + rs.row, bottom: full.top + rs.row });
    packer.add({ bytes: jsonBytes(address) + STYLE_CALLS * CALL_BYTES, queue: (sheet) => applyStyle(sheet.getRange(address), rs.style) });
  }
}

function addConditionalFormat(sheet: Excel.Worksheet, spec: ConditionalFormatSpec): void {
  const range = sheet.getRange(spec.range);
  spec.rules.forEach((rule, i) => {
    const cf = range.conditionalFormats.add("CellValue");
    const colors = THRESHOLD_COLORS[rule.color];
    cf.cellValue.format.fill.color = colors.fill;
    cf.cellValue.format.font.color = colors.font;
    if (rule.min !== undefined && rule.max !== undefined) {
      cf.cellValue.rule = { formula1: `=${rule.min}`, formula2: `=${rule.max}`, operator: "Between" };
    } else if (rule.min !== undefined) {
      cf.cellValue.rule = { formula1: `=${rule.min}`, operator: "GreaterThanOrEqual" };
    } else {
      cf.cellValue.rule = { formula1: `=${rule.max}`, operator: "LessThanOrEqual" };
    }
    cf.stopIfTrue = true;
    // Last: after a priority change the proxy must not be used again (Office.js docs).
    cf.priority = i;
  });
}

function addChart(sheet: Excel.Worksheet, spec: ChartSpec, axisFormat: boolean): void {
  const seriesBy = spec.seriesBy === "rows" ? "Rows" : "Columns";
  const chart = sheet.charts.add(CHART_TYPES[spec.type] as Excel.ChartType, sheet.getRange(spec.source), seriesBy);
  chart.title.text = spec.title;
  chart.legend.position = "Bottom";
  chart.setPosition(spec.position.from, spec.position.to);
  if (axisFormat && spec.type !== "pie") chart.axes.valueAxis.numberFormat = NUMBER_FORMATS.persons;
}

/**
 * Data validation of one range: the rule, the "stop" alert with the plan's message, blanks
 * allowed. A decimal rule maps to Between (min and max), GreaterThan / GreaterThanOrEqualTo (min)
 * or LessThanOrEqualTo (max).
 */
export function addValidation(sheet: Excel.Worksheet, spec: ValidationSpec): void {
  const dv = sheet.getRange(spec.range).dataValidation;
  const r = spec.rule;
  if (r.kind === "list") {
    dv.rule = { list: { inCellDropDown: true, source: r.values.join(",") } };
  } else if (r.min !== undefined && r.max !== undefined) {
    dv.rule = { decimal: { formula1: r.min, formula2: r.max, operator: "Between" } };
  } else if (r.min !== undefined) {
    dv.rule = { decimal: { formula1: r.min, operator: r.minExclusive ? "GreaterThan" : "GreaterThanOrEqualTo" } };
  } else {
    dv.rule = { decimal: { formula1: r.max ?? 0, operator: "LessThanOrEqualTo" } };
  }
  dv.ignoreBlanks = true;
  dv.errorAlert = { showAlert: true, style: "Stop", title: spec.message.title, message: spec.message.text };
}

/** XML-escape text (the plan library is stored as the text of one element). */
function xmlEscape(s: string): string {
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/.test(s)) {
    throw new WorkbookError("invalidPlan", "the plan library holds characters XML cannot store");
  }
  // CR as a reference: XML readers turn a raw CR (LF) into LF.
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/\r/g, "&#13;");
}

/** The text content of the root element of a stored plan-library part. */
export function xmlText(xml: string): string {
  const m = /<(?:\w+:)?plans\b[^>]*?(?:\/>|>([\s\S]*)<\/(?:\w+:)?plans\s*>)/.exec(xml);
  const body = m?.[1] ?? "";
  const cdata = /^\s*<!\[CDATA\[([\s\S]*)\]\]>\s*$/.exec(body);
  if (cdata) return cdata[1];
  return body.replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g, (_, e: string) => {
    if (e === "lt") return "<";
    if (e === "gt") return ">";
    if (e === "amp") return "&";
    if (e === "quot") return '"';
    if (e === "apos") return "'";
    return String.fromCodePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
  });
}

/** The custom XML part holding `text` (in namespace `ns`: the head's, or the further parts'). */
export function plansXml(text: string, ns: string = PLANS_NAMESPACE): string {
  return `<plans xmlns="${ns}">${xmlEscape(text)}</plans>`;
}

function hostError(e: unknown): WorkbookError {
  if (e instanceof WorkbookError) return e;
  const msg = e instanceof Error ? e.message : String(e);
  return new WorkbookError("host", msg);
}

export class ExcelWorkbook implements Workbook {
  private readonly env: ExcelEnv;

  constructor(env: ExcelEnv = officeEnv()) {
    this.env = env;
  }

  private api(version: string): boolean {
    try {
      return this.env.isSetSupported("ExcelApi", version);
    } catch {
      return false;
    }
  }

  async capabilities(): Promise<Capabilities> {
    const base = this.api(EXCEL_API.base);
    return {
      tables: base,
      charts: base,
      conditionalFormats: this.api(EXCEL_API.conditionalFormats),
      planStorage: this.api(EXCEL_API.customXmlParts) || this.api(EXCEL_API.settings),
      dataValidation: this.api(EXCEL_API.dataValidation),
    };
  }

  async createSheet(plan: SheetPlan): Promise<WriteResult> {
    checkPlan(plan);
    const caps = await this.capabilities();
    const widths = this.api(EXCEL_API.columnWidths);
    const axisFormat = this.api(EXCEL_API.chartAxisFormat);
    const skipped: OptionalPart[] = [];
    if (plan.tables?.length && !caps.tables) skipped.push("tables");
    if (plan.charts?.length && !caps.charts) skipped.push("charts");
    if (plan.conditionalFormats?.length && !caps.conditionalFormats) skipped.push("conditionalFormats");
    if (plan.columnWidths?.length && !widths) skipped.push("columnWidths");
    if (plan.validations?.length && !caps.dataValidation) skipped.push("dataValidation");

    return this.env.run(async (context) => {
      // Sync 1: the names in use.
      const wb = context.workbook;
      const sheets = wb.worksheets;
      const tables = wb.tables;
      sheets.load("items/name");
      tables.load("items/name");
      try {
        await context.sync();
      } catch (e) {
        throw hostError(e);
      }
      const names = pickNames(
        plan,
        sheets.items.map((s) => s.name),
        tables.items.map((t) => t.name),
      );

      // Sync 2: reserve the name. If this fails, nothing was added.
      const sheet = sheets.add(names.sheetName);
      try {
        await context.sync();
      } catch (e) {
        throw hostError(e);
      }

      // Syncs 3…: everything else, in as few batches under the request budget as possible.
      try {
        const packer = new Packer(REQUEST_BUDGET);
        for (const b of plan.blocks) packBlock(b, packer);
        if (caps.tables) {
          (plan.tables ?? []).forEach((t, i) => {
            const name = names.tableNames[i];
            packer.add({
              bytes: jsonBytes([t.range, name]) + 4 * CALL_BYTES,
              queue(sheet) {
                const table = sheet.tables.add(sheet.getRange(t.range), true);
                table.name = name;
                table.style = t.style ?? "TableStyleMedium2";
              },
            });
          });
        }
        if (caps.conditionalFormats) {
          for (const cf of plan.conditionalFormats ?? []) {
            packer.add({ bytes: jsonBytes(cf) + 8 * cf.rules.length * CALL_BYTES, queue: (sheet) => addConditionalFormat(sheet, cf) });
          }
        }
        if (caps.charts) {
          for (const ch of plan.charts ?? []) packer.add({ bytes: jsonBytes(ch) + 8 * CALL_BYTES, queue: (sheet) => addChart(sheet, ch, axisFormat) });
        }
        if (caps.dataValidation) {
          for (const v of plan.validations ?? []) {
            packer.add({ bytes: jsonBytes(v) + 4 * CALL_BYTES, queue: (sheet) => addValidation(sheet, v) });
          }
        }
        if (widths) {
          for (const w of plan.columnWidths ?? []) {
            packer.add({ bytes: 2 * CALL_BYTES, queue: (sheet) => (sheet.getRange(`${w.column}:${w.column}`).format.columnWidth = w.width) });
          }
        }
        if (plan.activate !== false) packer.add({ bytes: CALL_BYTES, queue: (sheet) => sheet.activate() });
        for (const batch of packer.done()) {
          for (const j of batch) j.queue(sheet);
          await context.sync();
        }
      } catch (e) {
        // Roll back: the sheet added in sync 2 is ours; deleting it removes all it holds.
        try {
          sheet.delete();
          await context.sync();
        } catch {
          // The host is gone or refused; report the original failure.
        }
        throw hostError(e);
      }
      return { sheetName: names.sheetName, tableNames: caps.tables ? names.tableNames : [], skipped };
    });
  }

  async readSelection(): Promise<Selection> {
    const cells = (r: Excel.Range) => r.rowCount * r.columnCount;
    const message = (e: unknown) => (e instanceof Error ? e.message : String(e));
    try {
      return await this.env.run(async (context) => {
        let range: Excel.Range;
        try {
          range = context.workbook.getSelectedRange();
          range.load("address, rowCount, columnCount");
          await context.sync();
        } catch (e) {
          throw new WorkbookError("noSelection", message(e));
        }
        if (cells(range) > MAX_SELECTION_CELLS) {
          // A whole column or sheet: read only the part that holds data.
          try {
            range = range.getIntersection(range.worksheet.getUsedRange(true));
            range.load("address, rowCount, columnCount");
            await context.sync();
          } catch (e) {
            throw new WorkbookError("noSelection", message(e));
          }
          if (cells(range) > MAX_SELECTION_CELLS) {
            const n = (x: number) => x.toLocaleString("en-US");
            throw new WorkbookError("selectionTooLarge", `${range.address}: ${n(cells(range))} > ${n(MAX_SELECTION_CELLS)}`);
          }
        }
        return { address: range.address, values: await readValues(context, range) };
      });
    } catch (e) {
      if (e instanceof WorkbookError) throw e;
      throw new WorkbookError("noSelection", message(e));
    }
  }

  /**
   * The selection's top-left cell: one sync loads its position, formula and value; when it is
   * empty (no formula, no value: a spilled result has a value) a second sync writes the formula.
   */
  async insertFormula(formulaFor: (cell: { row: number; col: number }) => string): Promise<InsertResult> {
    const message = (e: unknown) => (e instanceof Error ? e.message : String(e));
    try {
      return await this.env.run(async (context) => {
        let cell: Excel.Range;
        try {
          cell = context.workbook.getSelectedRange().getCell(0, 0);
          cell.load("address, rowIndex, columnIndex, formulas, values");
          await context.sync();
        } catch (e) {
          throw new WorkbookError("noSelection", message(e));
        }
        const formula = formulaFor({ row: cell.rowIndex, col: cell.columnIndex });
        const empty = (v: unknown) => v === "" || v === null || v === undefined;
        if (!empty(cell.formulas?.[0]?.[0]) || !empty(cell.values?.[0]?.[0])) throw new WorkbookError("occupied", cell.address);
        cell.formulas = [[formula]];
        await context.sync();
        return { address: cell.address, formula };
      });
    } catch (e) {
      throw hostError(e);
    }
  }

  async loadPlans(): Promise<string | null> {
    const xml = this.api(EXCEL_API.customXmlParts);
    const settings = this.api(EXCEL_API.settings);
    if (!xml && !settings) throw new WorkbookError("unsupported", `ExcelApi ${EXCEL_API.settings}`);
    try {
      return await this.env.run(async (context) => {
        const wb = context.workbook;
        const heads = xml ? wb.customXmlParts.getByNamespace(PLANS_NAMESPACE) : undefined;
        heads?.load("items/id");
        const more = xml ? wb.customXmlParts.getByNamespace(PLANS_PARTS_NAMESPACE) : undefined;
        more?.load("items/id");
        await context.sync();
        if (heads && more && heads.items.length) {
          // One part per sync: each holds up to a request's worth.
          const head = heads.items[0].getXml();
          await context.sync();
          return assemble(readHead(xmlText(head.value)), async (need) => {
            const found = new Map<number, string>();
            for (const p of more.items) {
              const x = p.getXml();
              await context.sync();
              const part = readPart(xmlText(x.value));
              if (part && part.gen === need.gen) found.set(part.index, part.text);
              if (found.size === need.count) break;
            }
            return found;
          });
        }
        if (!settings) return null;
        const setting = wb.settings.getItemOrNullObject(PLANS_SETTING);
        setting.load("value");
        await context.sync();
        if (setting.isNullObject || typeof setting.value !== "string") return null;
        return assemble(readHead(setting.value), async (need) => {
          const found = new Map<number, string>();
          for (let i = 1; i <= need.count; i++) {
            const part = wb.settings.getItemOrNullObject(planPartSetting(need.gen, i));
            part.load("value");
            await context.sync();
            const r = !part.isNullObject && typeof part.value === "string" ? readPart(part.value) : undefined;
            if (r && r.gen === need.gen && r.index === i) found.set(i, r.text);
          }
          return found;
        });
      });
    } catch (e) {
      throw hostError(e);
    }
  }

  async savePlans(text: string): Promise<void> {
    const xml = this.api(EXCEL_API.customXmlParts);
    if (!xml && !this.api(EXCEL_API.settings)) throw new WorkbookError("unsupported", `ExcelApi ${EXCEL_API.settings}`);
    const stored = libraryPieces(text, xml ? xmlCost : jsonCost);
    // Escape (and refuse what XML cannot hold) before anything is written.
    const headXml = xml ? plansXml(stored.head) : "";
    const partsXml = xml ? stored.parts.map((p) => plansXml(p, PLANS_PARTS_NAMESPACE)) : [];
    try {
      await this.env.run(async (context) => {
        const wb = context.workbook;
        if (!xml) {
          // Further parts first, one per sync; the head last; then the old parts go.
          const old = wb.settings;
          old.load("items/key");
          await context.sync();
          const stale = old.items.map((i) => i.key).filter((k) => k.startsWith(`${PLANS_SETTING}:`));
          for (let i = 0; i < stored.parts.length; i++) {
            wb.settings.add(planPartSetting(stored.gen, i + 1), stored.parts[i]);
            await context.sync();
          }
          wb.settings.add(PLANS_SETTING, stored.head);
          await context.sync();
          const keep = new Set(stored.parts.map((_, i) => planPartSetting(stored.gen, i + 1)));
          const drop = stale.filter((k) => !keep.has(k));
          await cleanUp(context, () => drop.forEach((k) => wb.settings.getItem(k).delete()), drop.length > 0);
          return;
        }
        const heads = wb.customXmlParts.getByNamespace(PLANS_NAMESPACE);
        heads.load("items/id");
        const more = wb.customXmlParts.getByNamespace(PLANS_PARTS_NAMESPACE);
        more.load("items/id");
        await context.sync();
        for (const p of partsXml) {
          wb.customXmlParts.add(p);
          await context.sync();
        }
        if (heads.items.length) heads.items[0].setXml(headXml);
        else wb.customXmlParts.add(headXml);
        await context.sync();
        // The library is the head just written and its parts: drop the rest (the previous
        // library's parts, strays from a copy of sheets between books or a failed save).
        await cleanUp(context, () => {
          heads.items.slice(1).forEach((p) => p.delete());
          more.items.forEach((p) => p.delete());
        }, heads.items.length > 1 || more.items.length > 0);
      });
    } catch (e) {
      throw hostError(e);
    }
  }

  /**
   * The draft of one pane form (`taskpane/drafts.ts`): one workbook setting per view
   * ({@link draftSetting}), saved with the workbook. ExcelApi 1.4, else `unsupported` (the pane
   * then keeps drafts in its sessionStorage). One sync.
   */
  async loadDraft(view: string): Promise<string | null> {
    if (!this.api(EXCEL_API.settings)) throw new WorkbookError("unsupported", `ExcelApi ${EXCEL_API.settings}`);
    try {
      return await this.env.run(async (context) => {
        const item = context.workbook.settings.getItemOrNullObject(draftSetting(view));
        item.load("value");
        await context.sync();
        return item.isNullObject || typeof item.value !== "string" ? null : item.value;
      });
    } catch (e) {
      throw hostError(e);
    }
  }

  /** Store the draft of `view` (one sync), or remove it (`null`: one sync, two when there is one). */
  async saveDraft(view: string, text: string | null): Promise<void> {
    if (!this.api(EXCEL_API.settings)) throw new WorkbookError("unsupported", `ExcelApi ${EXCEL_API.settings}`);
    try {
      await this.env.run(async (context) => {
        const settings = context.workbook.settings;
        if (text !== null) {
          settings.add(draftSetting(view), text);
          await context.sync();
          return;
        }
        const item = settings.getItemOrNullObject(draftSetting(view));
        item.load("value");
        await context.sync();
        if (item.isNullObject) return;
        settings.getItem(draftSetting(view)).delete();
        await context.sync();
      });
    } catch (e) {
      throw hostError(e);
    }
  }
}

/**
 * Delete what the previous library left, after the new one is complete. A failure here is not
 * a failure of the save (the new library is in place; the rest is deleted at the next save).
 */
async function cleanUp(context: Excel.RequestContext, queue: () => void, needed = true): Promise<void> {
  if (!needed) return;
  try {
    queue();
    await context.sync();
  } catch {
    // Left for the next save.
  }
}

/** The library text from its head, reading the further parts it names with `read`. */
async function assemble(
  head: ReturnType<typeof readHead>,
  read: (need: { gen: string; count: number }) => Promise<Map<number, string>>,
): Promise<string> {
  if (!("gen" in head)) return head.text;
  const found = await read({ gen: head.gen, count: head.parts - 1 });
  const pieces = [head.first];
  for (let i = 1; i < head.parts; i++) {
    const p = found.get(i);
    if (p === undefined) throw new WorkbookError("libraryIncomplete", `${i + 1} / ${head.parts}`);
    pieces.push(p);
  }
  return pieces.join("");
}

/** Payload errors of Excel on the web (request or response over its limit). */
function isPayloadLimit(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === "string" && /PayloadSizeLimitExceeded/i.test(code);
}

/**
 * The values of `range` (address, rowCount and columnCount loaded): in one sync when it has at
 * most {@link SELECTION_BAND_CELLS} cells, else in bands of rows, each sized from the bytes per
 * row of the band before so that its response stays under half the request budget. A read the
 * host still finds too large ("…PayloadSizeLimitExceeded") is halved and read again.
 */
async function readValues(context: Excel.RequestContext, range: Excel.Range): Promise<unknown[][]> {
  const rows = range.rowCount;
  const cols = range.columnCount;
  const maxRows = Math.max(1, Math.floor(SELECTION_BAND_CELLS / cols));
  const values: unknown[][] = [];
  let band = maxRows;
  for (let top = 0; top < rows; ) {
    const n = Math.min(band, rows - top);
    // The whole range when it fits in one band (one sync, as a small selection always was).
    const part = n === rows ? range : range.getCell(top, 0).getBoundingRect(range.getCell(top + n - 1, cols - 1));
    part.load("values");
    try {
      await context.sync();
    } catch (e) {
      if (isPayloadLimit(e) && n > 1) {
        band = Math.ceil(n / 2);
        continue;
      }
      throw e;
    }
    const got = part.values as unknown[][];
    for (const r of got) values.push(r);
    top += n;
    const perRow = Math.max(1, jsonBytes(got) / n);
    band = Math.max(1, Math.min(maxRows, Math.floor(REQUEST_BUDGET / 2 / perRow)));
  }
  return values;
}
