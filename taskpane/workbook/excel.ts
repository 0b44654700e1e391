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
 * - ExcelApi 1.4: `workbook.settings` (plan storage fallback) and `*OrNullObject`.
 * - ExcelApi 1.5: `workbook.customXmlParts` (plan storage, preferred: no size limit).
 * - ExcelApi 1.6: conditional formats (`conditionalFormats.add`, priority, stopIfTrue);
 *   skipped without it.
 * - ExcelApi 1.8: the number format of a chart's value axis; left at General without it.
 *
 * Round trips: {@link ExcelWorkbook.createSheet} makes exactly three `context.sync()` calls,
 * whatever the size of the plan: (1) load the names of sheets and tables; (2) add the sheet
 * under the chosen unique name, which reserves it; (3) write every block, format, table,
 * conditional format, chart and column width, and activate the sheet. If (3) fails, the sheet
 * added in (2) (and with it everything written on it) is deleted with one more sync, so the
 * workbook is as before; since (2) succeeded, that sheet is certainly ours. If (2) fails,
 * nothing was added.
 */
import { parseRange, rangeA1 } from "./a1";
import { checkPlan } from "./check";
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
} as const;

/** Namespace of the custom XML part holding the plan library. */
export const PLANS_NAMESPACE = "urn:dtc-metrics:plan-library";
/** Key of the workbook setting holding the plan library on hosts without custom XML parts. */
export const PLANS_SETTING = "dtc-plan-library";

/** Selections larger than this many cells are cut to the sheet's used range before reading. */
export const MAX_SELECTION_CELLS = 200_000;

const CHART_TYPES: Record<ChartSpec["type"], string> = {
  columnClustered: "ColumnClustered",
  columnStacked: "ColumnStacked",
  barClustered: "BarClustered",
  barStacked: "BarStacked",
  pie: "Pie",
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

function writeBlock(sheet: Excel.Worksheet, b: Block): void {
  const rect = parseRange(b.anchor);
  rect.bottom = rect.top + b.cells.length - 1;
  rect.right = rect.left + b.cells[0].length - 1;
  const range = sheet.getRange(rangeA1(rect));
  range.formulas = b.cells.map((row) => row.map(formulaCell));
  if (b.formats) range.numberFormat = b.formats.map((row) => row.map((x) => NUMBER_FORMATS[x ?? "general"]));
  if (b.style) applyStyle(range, b.style);
  for (const rs of b.rowStyles ?? []) {
    const r = { top: rect.top + rs.row, bottom: rect.top + rs.row, left: rect.left, right: rect.right };
    applyStyle(sheet.getRange(rangeA1(r)), rs.style);
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

/** XML-escape text (the plan library is stored as the text of one element). */
function xmlEscape(s: string): string {
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/.test(s)) {
    throw new WorkbookError("invalidPlan", "the plan library holds characters XML cannot store");
  }
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
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

/** The custom XML part holding `text`. */
export function plansXml(text: string): string {
  return `<plans xmlns="${PLANS_NAMESPACE}">${xmlEscape(text)}</plans>`;
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

      // Sync 3: everything else, in one batch.
      try {
        for (const b of plan.blocks) writeBlock(sheet, b);
        if (caps.tables) {
          (plan.tables ?? []).forEach((t, i) => {
            const table = sheet.tables.add(sheet.getRange(t.range), true);
            table.name = names.tableNames[i];
            table.style = t.style ?? "TableStyleMedium2";
          });
        }
        if (caps.conditionalFormats) for (const cf of plan.conditionalFormats ?? []) addConditionalFormat(sheet, cf);
        if (caps.charts) for (const ch of plan.charts ?? []) addChart(sheet, ch, axisFormat);
        if (widths) {
          for (const w of plan.columnWidths ?? []) sheet.getRange(`${w.column}:${w.column}`).format.columnWidth = w.width;
        }
        if (plan.activate !== false) sheet.activate();
        await context.sync();
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
    try {
      return await this.env.run(async (context) => {
        let range = context.workbook.getSelectedRange();
        range.load("address, rowCount, columnCount");
        await context.sync();
        if (range.rowCount * range.columnCount > MAX_SELECTION_CELLS) {
          // A whole column or sheet: read only the part that holds data.
          const used = range.worksheet.getUsedRange(true);
          range = range.getIntersection(used);
        }
        range.load("address, values");
        await context.sync();
        return { address: range.address, values: range.values as unknown[][] };
      });
    } catch (e) {
      throw new WorkbookError("noSelection", e instanceof Error ? e.message : String(e));
    }
  }

  async loadPlans(): Promise<string | null> {
    const xml = this.api(EXCEL_API.customXmlParts);
    const settings = this.api(EXCEL_API.settings);
    if (!xml && !settings) throw new WorkbookError("unsupported", `ExcelApi ${EXCEL_API.settings}`);
    try {
      return await this.env.run(async (context) => {
        const wb = context.workbook;
        const parts = xml ? wb.customXmlParts.getByNamespace(PLANS_NAMESPACE) : undefined;
        parts?.load("items/id");
        const setting = settings ? wb.settings.getItemOrNullObject(PLANS_SETTING) : undefined;
        setting?.load("value");
        await context.sync();
        if (parts && parts.items.length) {
          const text = parts.items[0].getXml();
          await context.sync();
          return xmlText(text.value);
        }
        if (setting && !setting.isNullObject && typeof setting.value === "string") return setting.value;
        return null;
      });
    } catch (e) {
      throw hostError(e);
    }
  }

  async savePlans(text: string): Promise<void> {
    const xml = this.api(EXCEL_API.customXmlParts);
    if (!xml && !this.api(EXCEL_API.settings)) throw new WorkbookError("unsupported", `ExcelApi ${EXCEL_API.settings}`);
    const body = xml ? plansXml(text) : "";
    try {
      await this.env.run(async (context) => {
        const wb = context.workbook;
        if (!xml) {
          wb.settings.add(PLANS_SETTING, text);
          await context.sync();
          return;
        }
        const parts = wb.customXmlParts.getByNamespace(PLANS_NAMESPACE);
        parts.load("items/id");
        await context.sync();
        if (parts.items.length) {
          parts.items[0].setXml(body);
          // A library is one part: drop strays (e.g. from a copy-paste of sheets between books).
          parts.items.slice(1).forEach((p) => p.delete());
        } else {
          wb.customXmlParts.add(body);
        }
        await context.sync();
      });
    } catch (e) {
      throw hostError(e);
    }
  }
}
