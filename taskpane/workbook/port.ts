/**
 * The `Workbook` port: everything the task pane needs from a workbook, and nothing more.
 *
 * The pane's planners (`taskpane/planners/*`) are pure functions that build a complete,
 * declarative {@link SheetPlan}; the pane hands it to a `Workbook`, which writes it in one go.
 * Two adapters implement this port:
 * - `taskpane/workbook/excel.ts`: Office.js (the only module of the add-in that touches it);
 * - the workbench adapter (a HyperFormula grid in a plain browser, `workbench/`).
 * This file holds no Office.js types, so both adapters and the tests can import it.
 *
 * Conventions of a {@link SheetPlan}:
 * - Addresses are A1 strings without a sheet name, relative to the new sheet: `"B4"`, `"B4:H12"`.
 * - A cell is a value (number, text, boolean), `null` (left empty) or a formula
 *   `{ formula: "=B5*C5" }` in English-locale A1 syntax (comma separators, `SUM`, `IF`, …), exactly
 *   what Office.js `range.formulas` and HyperFormula's `setCellContents` accept. Text is always
 *   written as text, even when it starts with `=` (the adapter escapes it).
 * - Formulas may refer only to cells of the same sheet (A1, absolute or relative), never to
 *   table names (structured references), because the adapter may rename tables (see below).
 * - Formulas use only functions that both Excel and HyperFormula evaluate ({@link NATIVE_FUNCTIONS}): SUM, SUMIF, SUMIFS,
 *   COUNT, COUNTIF, COUNTIFS, SUMPRODUCT (also over comparisons such as `(O5:O9<O5)`, for which
 *   HyperFormula needs `useArrayArithmetic: true`), IF, AND, OR, MIN, MAX, ABS, ROUNDUP, SMALL,
 *   INDEX, MEDIAN, NA, ISNUMBER, TRIM (the input checks). Numbers inside formulas are plain decimals (`0.000000001`, never `1E-9`, which
 *   HyperFormula does not parse; {@link decimal} writes them). No custom function (`DTC.*`) is
 *   used, so a sheet calculates without the add-in.
 *   (One exception, marked on the sheet: the what-if block of the GTA plan sheet calls DTC.GTA
 *   and DTC.GTA.BUDGET; nothing else on that sheet refers to it.)
 * - Criteria functions (SUMIF, SUMIFS, COUNTIF, COUNTIFS) take only FIXED criteria (`"A"`,
 *   `">=0"`, a number), never a user's label: Excel reads `*`, `?`, `~` and a leading `<`, `>`,
 *   `=` in a criterion as wildcards or comparisons. Sums keyed on a label use an exact match,
 *   `SUMPRODUCT((B5:B9=A20)*C5:C9)` (case-insensitive like SUMIF, without wildcards).
 *   The one other criterion is a comparison with a cell that holds a NUMBER, `"<"&E5` or `E5`
 *   (the scorecard's percentile): Excel turns the number into text with 15 significant digits,
 *   so the values compared that way are written at 15 significant digits.
 * - Inside SUMPRODUCT a comparison is always turned into a number by arithmetic
 *   (`(B5:B9=A20)*C5:C9`, `(a<b)+(a=b)*(c<d)`): Excel counts a bare TRUE passed as an array
 *   argument (`SUMPRODUCT(C5:C9,(B5:B9>0))`) as 0, HyperFormula as 1.
 * - Formats, styles, colours are semantic names mapped by {@link NUMBER_FORMATS} and
 *   {@link THRESHOLD_COLORS}, so both adapters render the same thing.
 *
 * Guarantees of {@link Workbook.createSheet} (every adapter must keep them):
 * - A NEW worksheet is added; nothing that existed before is modified or overwritten.
 * - Unique names: the sheet is called `baseName` if that is free, else `baseName (2)`,
 *   `baseName (3)`, … (the smallest n for which the sheet name AND every table name
 *   `name_n` are free; for n = 1 table names are used as given). Names are compared
 *   case-insensitively, as Excel does. Sheet names are cut to 31 characters and `[]:*?/\`
 *   replaced by `_` (see {@link sheetNameCandidate}).
 * - All or nothing: when any part fails (invalid plan, host error), the adapter removes what it
 *   added and throws a {@link WorkbookError}; the workbook is as before.
 * - Optional parts degrade gracefully: when {@link Capabilities} says the host cannot draw charts
 *   or conditional formats, those parts are skipped and listed in {@link WriteResult.skipped}.
 */

// ---------------------------------------------------------------------------------------------
// Cells and formats

/**
 * A finite number as a plain decimal literal for a formula: `decimal(1e-9)` is `"0.000000001"`
 * (HyperFormula does not parse `1E-9`). Round-trips: `Number(decimal(x)) === x`.
 */
export function decimal(x: number): string {
  if (!Number.isFinite(x)) throw new RangeError(`not a finite number: ${x}`);
  const s = String(x);
  const m = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
  if (!m) return s;
  const [, sign, int, frac = "", e] = m;
  const digits = int + frac;
  const point = int.length + Number(e);
  if (point <= 0) return `${sign}0.${"0".repeat(-point)}${digits}`.replace(/0+$/, "");
  if (point >= digits.length) return sign + digits + "0".repeat(point - digits.length);
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/** A formula in English-locale A1 syntax, starting with `=`. */
export interface Formula {
  formula: string;
}

/** One cell of a block: a value, a formula, or `null` (left empty). */
export type Cell = number | string | boolean | null | Formula;

/** True when `c` is a {@link Formula}. */
export function isFormula(c: Cell): c is Formula {
  return typeof c === "object" && c !== null;
}

/** The functions plan-sheet formulas may use (see the file comment); tests check every planner. */
export const NATIVE_FUNCTIONS = [
  "SUM", "SUMIF", "SUMIFS", "COUNT", "COUNTIF", "COUNTIFS", "SUMPRODUCT", "IF", "AND", "OR", "MIN", "MAX",
  "ABS", "ROUNDUP", "SMALL", "INDEX", "MEDIAN", "NA", "ISNUMBER", "TRIM",
] as const;

/** Shorthand for a formula cell: `f("=B5*C5")`. */
export function f(formula: string): Formula {
  return { formula: formula.startsWith("=") ? formula : `=${formula}` };
}

/**
 * Semantic number formats. The Excel format codes below are the single mapping used by every
 * adapter (Excel writes them to `range.numberFormat`; the workbench formats with them).
 */
export type NumberFormat =
  | "general"
  /** Money, whole yuan with thousands separators: ¥100,000,000 */
  | "currency"
  /** Money with cents, for prices, AOVs and costs per person: ¥12.50 */
  | "currency2"
  /** A rate shown as a percentage with one decimal: 5.0% */
  | "percent"
  /** Persons (counts of consumers, buyers): whole numbers with thousands separators */
  | "persons"
  /** Other numbers ≥ 0: from 1,000 up whole with thousands separators (8,333), below General (40, 1.5) */
  | "number"
  /** An index where 100 = on plan: one decimal */
  | "index"
  /** Force text (for labels that look like numbers) */
  | "text";

/** Excel number-format codes of each {@link NumberFormat}. */
export const NUMBER_FORMATS: Record<NumberFormat, string> = {
  general: "General",
  currency: "¥#,##0",
  currency2: "¥#,##0.00",
  percent: "0.0%",
  persons: "#,##0",
  // Not "#,##0.##", which shows a whole number with a trailing dot ("40."): no single Excel
  // code drops the dot only for whole numbers. From 1,000 up: whole, with separators; below:
  // General (40, 1.5, 0.3333333333). Used only for values ≥ 0 (weights, shares, units, keys).
  number: "[>=1000]#,##0;General",
  index: "0.0",
  text: "@",
};

/** Semantic cell styles; adapters pick fonts and fills (bold title, shaded header, …). */
export type CellStyle =
  /** Sheet title: large bold */
  | "title"
  /** Section heading above a block: bold */
  | "heading"
  /** Column headers of a block that is not an Excel table: bold, shaded */
  | "header"
  /** Cells the user is expected to edit: light yellow fill */
  | "input"
  /** A totals row: bold with a top border */
  | "total"
  /** Explanatory text: italic grey */
  | "note";

/** A rectangular block of cells written at `anchor`. */
export interface Block {
  /** Top-left cell, e.g. `"B4"`. */
  anchor: string;
  /** Row-major contents; every row has the same length (≥ 1). */
  cells: Cell[][];
  /** Number formats, same shape as `cells` (`null` = general). */
  formats?: (NumberFormat | null)[][];
  /** One style for the whole block. */
  style?: CellStyle;
  /** Styles per row of the block (index into `cells`), applied after `style`. */
  rowStyles?: { row: number; style: CellStyle }[];
}

// ---------------------------------------------------------------------------------------------
// Tables, conditional formats, charts

/** Excel table styles the planners use (all exist in every Excel version with tables). */
export type TableStyle = "TableStyleMedium2" | "TableStyleMedium9" | "TableStyleLight9" | "TableStyleLight1";

/**
 * An Excel table over cells written by a block: the first row of `range` is the header row and
 * must hold distinct, non-empty text in the blocks; the rest are data rows (≥ 1).
 */
export interface TableSpec {
  /**
   * Base name: a letter or `_` first, then letters, digits, `_` or `.`, at most 200 characters
   * (Excel's rule), not an A1/R1C1 address. The adapter may append `_n` (see the file comment).
   */
  name: string;
  /** Header row + data rows, e.g. `"B5:H13"`. */
  range: string;
  style?: TableStyle;
}

/** Colours of a threshold rule: fill and font pairs mapped by {@link THRESHOLD_COLORS}. */
export type ThresholdColor = "green" | "amber" | "red";

export const THRESHOLD_COLORS: Record<ThresholdColor, { fill: string; font: string }> = {
  green: { fill: "#C6EFCE", font: "#006100" },
  amber: { fill: "#FFEB9C", font: "#9C5700" },
  red: { fill: "#FFC7CE", font: "#9C0006" },
};

/**
 * One rule of a cell-value conditional format: cells whose number v satisfies
 * `min ≤ v` (when `min` is given) and `v ≤ max` (when `max` is given) get `color`.
 * The rules of one {@link ConditionalFormatSpec} are tried in order and the FIRST match wins
 * (Excel: priorities in list order, "stop if true"), so `[{min: 100}, {min: 80, max: 100}]`
 * colours 100 with the first rule. Text matches no rule; Excel compares an EMPTY cell as 0, so
 * planners colour only cells that always hold a formula.
 */
export interface ThresholdRule {
  min?: number;
  max?: number;
  color: ThresholdColor;
}

/** Threshold colouring of a range (e.g. health indices: ≥ 100 green, 80–100 amber, < 80 red). */
export interface ConditionalFormatSpec {
  range: string;
  rules: ThresholdRule[];
}

/** The health-index traffic light of SPEC 11 (100 = on plan). */
export const INDEX_THRESHOLDS: ThresholdRule[] = [
  { min: 100, color: "green" },
  { min: 80, max: 100, color: "amber" },
  { max: 80, color: "red" },
];

/** Chart types; `radar` (the scorecard's tracks) is drawn by every host that draws charts (ExcelApi 1.1). */
export type ChartType = "columnClustered" | "columnStacked" | "barClustered" | "barStacked" | "pie" | "radar";

/**
 * A chart drawn from one contiguous range of the sheet: the first row holds the series names,
 * the first column the category labels (with `seriesBy: "columns"`; transposed for `"rows"`).
 * The top-left cell of `source` is a corner label (may be empty).
 */
export interface ChartSpec {
  type: ChartType;
  title: string;
  source: string;
  seriesBy: "columns" | "rows";
  /** Cells the chart covers: top-left and bottom-right, e.g. `{ from: "J2", to: "Q18" }`. */
  position: { from: string; to: string };
}

// ---------------------------------------------------------------------------------------------
// The sheet plan

/**
 * What a cell of a {@link ValidationSpec} accepts (Excel's data validation, ExcelApi 1.8):
 * - `list`: one of `values` (Excel compares ignoring case), offered in a drop-down;
 * - `decimal`: a number with `min ≤ v` and `v ≤ max` (each when given); with `minExclusive`
 *   and no `max`, `v > min` (Excel has one operator per rule: a range open at one end and
 *   closed at the other, such as a rate in (0, 1], is checked as [0, 1] here and exactly by
 *   the sheet's own check cell).
 */
export type ValidationRule =
  | { kind: "list"; values: string[] }
  | { kind: "decimal"; min?: number; max?: number; minExclusive?: boolean };

/**
 * Data validation of input cells: typed entries the rule refuses are refused by the host with
 * `message` (Excel's "stop" alert). Blank cells are always allowed. An optional part:
 * skipped, and listed in {@link WriteResult.skipped}, where {@link Capabilities.dataValidation}
 * is false.
 */
export interface ValidationSpec {
  range: string;
  rule: ValidationRule;
  /** Shown when an entry is refused (the sheet's language). */
  message: { title: string; text: string };
}

/** Everything a planner wants on one new worksheet. */
export interface SheetPlan {
  /** Wanted sheet name (made unique and valid by the adapter). */
  baseName: string;
  blocks: Block[];
  tables?: TableSpec[];
  conditionalFormats?: ConditionalFormatSpec[];
  charts?: ChartSpec[];
  /** Data validation of the input cells (optional part, see {@link ValidationSpec}). */
  validations?: ValidationSpec[];
  /** Column widths in points (Excel's unit; about 7 points per character of Calibri 11). */
  columnWidths?: { column: string; width: number }[];
  /** Make the new sheet the active one (default true). */
  activate?: boolean;
}

/** Optional features of a host (each maps to an Office requirement set in the Excel adapter). */
export interface Capabilities {
  /** Excel tables over the written cells. */
  tables: boolean;
  /** Charts (`ChartSpec`). */
  charts: boolean;
  /** Cell-value conditional formats (`ConditionalFormatSpec`). */
  conditionalFormats: boolean;
  /** `loadPlans` / `savePlans` work. */
  planStorage: boolean;
  /** Data validation of input cells (`ValidationSpec`); absent = false. */
  dataValidation?: boolean;
}

export type OptionalPart = "tables" | "charts" | "conditionalFormats" | "columnWidths" | "dataValidation";

/** What {@link Workbook.createSheet} did. */
export interface WriteResult {
  /** Final (unique) name of the new sheet. */
  sheetName: string;
  /** Final table names, in the order of `plan.tables`. */
  tableNames: string[];
  /** Optional parts left out because the host does not support them. */
  skipped: OptionalPart[];
}

/** What {@link Workbook.insertFormula} wrote, and where. */
export interface InsertResult {
  /** The cell, with its sheet, as the host shows it: `Sheet1!E2`. */
  address: string;
  formula: string;
}

/** What the user had selected. */
export interface Selection {
  /** Address including the sheet, as the host shows it, e.g. `Sheet1!B2:H10`. */
  address: string;
  /** Cell values, row-major (blank cells are `""`), as Excel passes them to a function. */
  values: unknown[][];
}

// ---------------------------------------------------------------------------------------------
// Errors

/**
 * Why a write or read was refused. `code` is stable (the pane translates it);
 * `detail` names the offending thing (a cell address, a table name, a host message).
 */
export type WorkbookErrorCode =
  /** The plan itself is malformed (bad address, ragged block, overlapping blocks, bad table). */
  | "invalidPlan"
  /** A target cell is not empty (never overwritten). */
  | "occupied"
  /** A table name is already used in the workbook. */
  | "tableExists"
  /** No usable selection (nothing selected, or not a range). */
  | "noSelection"
  /**
   * The selection holds more cells than the pane reads, even cut to the sheet's used range;
   * `detail` gives the address and the cell count.
   */
  | "selectionTooLarge"
  /**
   * The plan library stored in the workbook is missing one of its parts (`detail`: which, as
   * `2 / 3`); nothing is read, and nothing may be written over it.
   */
  | "libraryIncomplete"
  /** The workbook's plan storage is not available on this host. */
  | "unsupported"
  /** The host failed (Office.js error); the workbook was restored. */
  | "host";

export class WorkbookError extends Error {
  readonly code: WorkbookErrorCode;
  readonly detail: string;
  constructor(code: WorkbookErrorCode, detail = "") {
    super(detail ? `${code}: ${detail}` : code);
    this.name = "WorkbookError";
    this.code = code;
    this.detail = detail;
  }
}

// ---------------------------------------------------------------------------------------------
// The port

export interface Workbook {
  /** Which optional features the host supports (cheap; may be called often). */
  capabilities(): Promise<Capabilities>;

  /**
   * Add a new worksheet holding `plan` (see the guarantees in the file comment).
   * Throws {@link WorkbookError} (`invalidPlan`, `occupied`, `tableExists`, `host`).
   */
  createSheet(plan: SheetPlan): Promise<WriteResult>;

  /**
   * The values of the selected range (a whole column or sheet is cut to the used range).
   * Throws {@link WorkbookError} `noSelection`, or `selectionTooLarge` when it holds more cells
   * than the pane reads (`MAX_SELECTION_CELLS`).
   */
  readSelection(): Promise<Selection>;

  /**
   * The plan library stored in this workbook: the JSON text last given to {@link savePlans},
   * or `null` when the workbook holds none. The text is opaque here (`src/plan/store.ts` reads it).
   */
  loadPlans(): Promise<string | null>;

  /** Store the plan library text in the workbook (replacing the previous one). */
  savePlans(text: string): Promise<void>;

  /**
   * Optional (a host without it cannot insert): write ONE formula into the top-left cell of the
   * selection, built by `formulaFor` from that cell's 0-based position on its sheet (so the
   * formula can point away from the cell itself). The cell must be empty: no value, no
   * formula, no part of a spilled result; else `occupied` naming the cell, and nothing is
   * written. Throws `noSelection`, `host`.
   */
  insertFormula?(formulaFor: (cell: { row: number; col: number }) => string): Promise<InsertResult>;

  /**
   * Optional: the draft of a pane form kept in this workbook (`view`: "gta", "hot", "health"),
   * the text last given to {@link saveDraft}, or `null` when there is none. The text is opaque
   * here (`taskpane/drafts.ts` writes and validates it). A host without it keeps drafts in the
   * pane's sessionStorage instead. Throws {@link WorkbookError} `unsupported`, `host`.
   */
  loadDraft?(view: string): Promise<string | null>;

  /** Optional: store the draft text of `view` in the workbook, or remove it (`null`). */
  saveDraft?(view: string, text: string | null): Promise<void>;
}

// ---------------------------------------------------------------------------------------------
// Naming helpers shared by the adapters (pure)

/** Longest worksheet name Excel allows. */
export const MAX_SHEET_NAME = 31;

/**
 * The n-th candidate name for a sheet (n = 1, 2, …): `base`, `base (2)`, … made valid for Excel:
 * `[]:*?/\` become `_`, leading/trailing apostrophes are dropped, empty becomes `Plan`, the
 * reserved `History` becomes `History_`, and the
 * base is cut so that the suffix fits in 31 characters.
 */
export function sheetNameCandidate(base: string, n: number): string {
  let b = base.replace(/[[\]:*?/\\]/g, "_").trim().replace(/^'+|'+$/g, "").trim();
  if (b === "") b = "Plan";
  if (b.toLowerCase() === "history") b += "_"; // a name Excel reserves
  const suffix = n <= 1 ? "" : ` (${n})`;
  return cutName(b, MAX_SHEET_NAME - suffix.length) + suffix;
}

const OPENING = "（(【《「『〔";
const CLOSING = "）)】》」』〕";
/** Places a long name may be cut after: spaces and separating punctuation, English and Chinese. */
const BREAKS = " ：:，,、;；-–—·/|";

/**
 * `name` cut to at most `max` characters (code points) where a reader would cut it: never
 * inside brackets (an unclosed `（` or `(` is dropped with what follows it), else at the last
 * space or separating punctuation in the last 40 % of the room, else at `max`; separators
 * left at the end are trimmed (`618：GMV 目标拆解到 AIPL 人群（中型美妆品牌）` → `618：GMV 目标拆解到 AIPL 人群`).
 */
export function cutName(name: string, max: number): string {
  const chars = Array.from(name);
  if (chars.length <= max) return name;
  let cut = chars.slice(0, max);
  let depth = 0;
  let open = -1;
  cut.forEach((c, i) => {
    if (OPENING.includes(c)) {
      if (depth++ === 0) open = i;
    } else if (CLOSING.includes(c) && depth > 0) depth--;
  });
  if (depth > 0 && open > 0) cut = cut.slice(0, open);
  else {
    for (let j = cut.length - 1; j >= Math.floor(max * 0.6); j--) {
      if (BREAKS.includes(cut[j])) {
        cut = cut.slice(0, j);
        break;
      }
    }
  }
  while (cut.length > 1 && BREAKS.includes(cut[cut.length - 1])) cut.pop();
  return cut.join("").trimEnd();
}

/** The n-th candidate name of a table (n = 1: the base name itself; else `base_n`). */
export function tableNameCandidate(base: string, n: number): string {
  return n <= 1 ? base : `${base}_${n}`;
}

/** Most candidates an adapter tries before giving up (`invalidPlan`). */
export const MAX_NAME_ATTEMPTS = 1000;

/**
 * Pick the smallest n whose sheet name and table names are all free.
 * `taken` holds the existing sheet and table names (any case).
 */
export function pickNames(
  plan: Pick<SheetPlan, "baseName" | "tables">,
  takenSheets: Iterable<string>,
  takenTables: Iterable<string>,
): { sheetName: string; tableNames: string[] } {
  const sheets = new Set(Array.from(takenSheets, (s) => s.toLowerCase()));
  const tables = new Set(Array.from(takenTables, (s) => s.toLowerCase()));
  for (let n = 1; n <= MAX_NAME_ATTEMPTS; n++) {
    const sheetName = sheetNameCandidate(plan.baseName, n);
    if (sheets.has(sheetName.toLowerCase())) continue;
    const tableNames = (plan.tables ?? []).map((t) => tableNameCandidate(t.name, n));
    if (tableNames.some((t) => tables.has(t.toLowerCase()))) continue;
    return { sheetName, tableNames };
  }
  throw new WorkbookError("invalidPlan", `no free name for "${plan.baseName}"`);
}
