/**
 * Coercion of the values Excel passes to custom functions (docs/functions.md, Conventions).
 *
 * Excel hands a range over as `any[][]` and a single cell as a scalar; a blank cell may arrive
 * as `""`, `null` or `undefined`. This module turns those raw values into typed values once,
 * with precise `#VALUE!` errors that name the argument and the 1-based row/column, so the
 * models compute on clean numbers and small integer codes.
 *
 * Hot paths (whole-column references of 1,048,576 rows) read the 2-D array directly, avoid
 * allocation per cell and check the common cases first.
 */
import { invalid, type Where } from "./errors";
import { show } from "./messages";

/** Most rows one call accepts: a whole Excel column. More fails fast with `#VALUE!`. */
export const MAX_ROWS = 1_048_576;

/** `""`, `null`, `undefined` and whitespace-only text are blank (so is a data type whose basicValue is). */
export function isBlank(v: unknown): boolean {
  if (isEmpty(v)) return true;
  if (typeof v === "string") return v.trim() === "";
  return typeof v === "object" && isBlank(basic(v));
}

/**
 * The cheap test for an empty cell, for hot loops: `""`, `null` or `undefined` (no trim; a cell
 * that fails it takes the full {@link isBlank} / {@link isVoid} test on a slower path).
 */
export function isEmpty(x: unknown): boolean {
  return x === "" || x === null || x === undefined;
}

/** {@link isEmpty}, or the number 0 (an empty cell from an older desktop build). */
export function isEmptyOrZero(x: unknown): boolean {
  return x === "" || x === null || x === undefined || x === 0;
}

/**
 * Blank, or the number 0: how older Excel desktop builds send an empty cell. Where a stage, a
 * label or an option is expected, and when deciding whether a whole row is empty, such a cell
 * counts as blank (docs/functions.md, "What real Excel sends").
 */
export function isVoid(v: unknown): boolean {
  return isEmptyOrZero(v) || (typeof v !== "number" && (isBlank(v) || (typeof v === "object" && basic(v) === 0)));
}

/** What {@link basic} gives for an object that is not an Excel data type: read as invalid everywhere. */
export const UNSUPPORTED: unique symbol = Symbol("unsupported object");

/**
 * The value of a cell as the engine reads it. A cell holding an Excel data type (a formatted
 * number, an entity) arrives as an object with a `basicValue`
 * (`{type: "Double", basicValue: 1200, numberFormat: "#,##0"}`, since functions.json allows
 * custom data for data types); that basicValue is the value. Any other object reads as
 * {@link UNSUPPORTED}, which no parser accepts (`#VALUE!`). Other values are returned as they are.
 */
export function basic(v: unknown): unknown {
  if (typeof v !== "object" || v === null) return v;
  if (!Array.isArray(v) && "basicValue" in v) {
    const b = (v as { basicValue: unknown }).basicValue;
    return typeof b === "object" && b !== null ? UNSUPPORTED : b;
  }
  return UNSUPPORTED;
}

/** True for a cell that is an object without a readable basicValue. */
export function isUnsupported(v: unknown): boolean {
  return typeof v === "object" && v !== null && basic(v) === UNSUPPORTED;
}

/** Throw `#VALUE!` at `where` when `v` is an object that is not an Excel data type. */
export function refuseObject(v: unknown, where: Where): void {
  if (isUnsupported(v)) invalid("unsupportedObject", where);
}

const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const PERCENT = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))\s*%$/;

/**
 * Parse a *Number* per the contract (docs/functions.md, Conventions): a finite JS number, a plain decimal text (`"1200"`, `"-3"`,
 * `"0.05"`, also exponent form as CSV exports write it) or a percentage text (`"5%"` = 0.05).
 * Returns `undefined` for anything else (blank included).
 */
export function parseNumber(v: unknown): number | undefined {
  if (typeof v === "number") return Number.isFinite(v) ? v : undefined;
  if (typeof v !== "string") return typeof v === "object" && v !== null ? parseNumber(basic(v)) : undefined;
  const s = v.trim();
  if (DECIMAL.test(s)) {
    const x = Number(s);
    return Number.isFinite(x) ? x : undefined;
  }
  const m = PERCENT.exec(s);
  if (m) {
    const x = Number(m[1]) / 100;
    return Number.isFinite(x) ? x : undefined;
  }
  return undefined;
}

/**
 * Value domains of the contract (docs/functions.md, Conventions):
 * - `count`: a number ≥ 0 (persons, orders; "a count must be ≥ 0");
 * - `nonNegative`: any other amount ≥ 0 (GMV, cost, weights);
 * - `rate`: a number in [0, 1] (conversion, retention);
 * - `share`: a number in (0, 1] (`star_share`, funnel rates: 0 would divide by zero);
 * - `positive`: a number > 0 (price, totals, LMDI inputs).
 */
export type Domain = "any" | "count" | "nonNegative" | "rate" | "share" | "positive";

/** Check `x` against a domain; throws `#VALUE!` at `where`. */
export function checkDomain(x: number, domain: Domain, where: Where): number {
  switch (domain) {
    case "count":
      if (x < 0) invalid("negative", where, { value: x });
      break;
    case "nonNegative":
      if (x < 0) invalid("notNonNegative", where, { value: x });
      break;
    case "rate":
      if (x < 0 || x > 1) invalid("notRate", where, { value: x });
      break;
    case "share":
      if (!(x > 0 && x <= 1)) invalid("notShare", where, { value: x });
      break;
    case "positive":
      if (!(x > 0)) invalid("notPositive", where, { value: x });
      break;
  }
  return x;
}

/** Coerce one cell to a number in `domain`; blank is `#VALUE!` ("a value is required"). */
export function cellNumber(v: unknown, where: Where, domain: Domain = "any"): number {
  const x = parseNumber(v);
  if (x === undefined) {
    if (isBlank(v)) invalid("required", where);
    refuseObject(v, where);
    invalid("notNumber", where, { value: show(v) });
  }
  return checkDomain(x, domain, where);
}

/** Like {@link cellNumber} but blank gives `undefined` (for optional cells). */
export function cellNumberOpt(v: unknown, where: Where, domain: Domain = "any"): number | undefined {
  if (isBlank(v)) return undefined;
  return cellNumber(v, where, domain);
}

/** Unwrap a scalar argument: a 1×1 range counts as its one cell. */
export function scalarOf(arg: unknown, name: string): unknown {
  if (Array.isArray(arg)) {
    const rows = arg.length;
    const cols = rows > 0 && Array.isArray(arg[0]) ? (arg[0] as unknown[]).length : 1;
    if (rows === 1 && cols === 1) return Array.isArray(arg[0]) ? (arg[0] as unknown[])[0] : arg[0];
    invalid("wrongCount", { arg: name }, { expected: 1, actual: rows * cols });
  }
  return arg;
}

/** A required scalar number. */
export function num(arg: unknown, name: string, domain: Domain = "any"): number {
  return cellNumber(scalarOf(arg, name), { arg: name }, domain);
}

// ---------------------------------------------------------------------------------------------
// Flags

const FLAG_WORDS = new Map<string, number>([
  ["y", 1], ["yes", 1], ["true", 1], ["是", 1],
  ["n", 0], ["no", 0], ["false", 0], ["否", 0],
]);

/** The flag words (trimmed, lower-case text → 1 yes, 0 no), for the SQL compiler (src/sql/core.ts), which restates the rule. */
export function flagWords(): ReadonlyMap<string, number> {
  return FLAG_WORDS;
}

/** Flag code of one cell: 1 yes, 0 no (blank included), -1 invalid. */
export function flagCode(v: unknown): number {
  if (v === true) return 1;
  if (v === false || isEmpty(v)) return 0;
  if (typeof v === "number") return Number.isFinite(v) ? (v !== 0 ? 1 : 0) : -1;
  if (typeof v === "string") {
    const s = v.trim().toLowerCase();
    if (s === "") return 0;
    const w = FLAG_WORDS.get(s);
    if (w !== undefined) return w;
    const x = parseNumber(s);
    return x === undefined ? -1 : x !== 0 ? 1 : 0;
  }
  if (typeof v === "object") return flagCode(basic(v));
  return -1;
}

/** The code of one cell by `code` (a flag, a stage), or `#VALUE!` with `key` at `where`. */
function coded(v: unknown, where: Where, code: (v: unknown) => number, key: "notFlag" | "unknownStage"): number {
  const c = code(v);
  if (c < 0) {
    refuseObject(v, where);
    invalid(key, where, { value: show(v) });
  }
  return c;
}

/** Coerce one cell to a flag, or `#VALUE!` at `where`. */
export function cellFlag(v: unknown, where: Where): boolean {
  return coded(v, where, flagCode, "notFlag") === 1;
}

/** An optional scalar flag (`with_headers` and the like): blank/omitted gives `dflt`. */
export function optFlag(arg: unknown, name: string, dflt = false): boolean {
  const v = scalarOf(arg, name);
  return isBlank(v) ? dflt : cellFlag(v, { arg: name });
}

// ---------------------------------------------------------------------------------------------
// Stages

/** Stage codes: 0 = outside AIPL (or blank), then A < I < P < L. */
export const NONE = 0;
export const STAGE_A = 1;
export const STAGE_I = 2;
export const STAGE_P = 3;
export const STAGE_L = 4;
export const STAGE_LETTERS = ["A", "I", "P", "L"] as const;

const STAGE_WORDS = new Map<string, number>([
  ["a", 1], ["i", 2], ["p", 3], ["l", 4],
  ["awareness", 1], ["interest", 2], ["purchase", 3], ["loyalty", 4],
  ["认知", 1], ["兴趣", 2], ["购买", 3], ["忠诚", 4],
  ["-", 0], ["none", 0], ["无", 0], ["", 0],
]);

/** The stage words (trimmed, lower-case text → code 0–4), for the SQL compiler (src/sql/core.ts), which restates the rule. */
export function stageWords(): ReadonlyMap<string, number> {
  return STAGE_WORDS;
}

/** Stage code of one cell (0–4), or -1 for an unknown label. Single letters take a fast path. */
export function stageCode(v: unknown): number {
  if (typeof v === "string") {
    if (v.length === 1) {
      switch (v.charCodeAt(0)) {
        case 65: case 97: return 1; // A a
        case 73: case 105: return 2; // I i
        case 80: case 112: return 3; // P p
        case 76: case 108: return 4; // L l
        case 45: case 32: return 0; // "-" and " "
      }
    }
    const c = STAGE_WORDS.get(v.trim().toLowerCase());
    return c === undefined ? -1 : c;
  }
  // The number 0 is how older desktop builds send an empty cell: blank, so outside AIPL.
  if (v === null || v === undefined || v === 0) return 0;
  if (typeof v === "object") return stageCode(basic(v));
  return -1;
}

/** Coerce one cell to a stage code, or `#VALUE!` naming the label and its place. */
export function cellStage(v: unknown, where: Where): number {
  return coded(v, where, stageCode, "unknownStage");
}

// ---------------------------------------------------------------------------------------------
// Vectors: a single row or a single column of a range

/** A vector argument: a view on the raw 2-D array, read along its one long dimension. */
export interface Vec {
  readonly name: string;
  readonly data: readonly (readonly unknown[])[];
  /** Number of cells. */
  readonly n: number;
  /** True for a 1×n row; a column (including 1×1) reads `data[i][0]`. */
  readonly isRow: boolean;
}

/** The 2-D view of any argument: a scalar becomes 1×1. */
export function grid(arg: unknown): unknown[][] {
  if (!Array.isArray(arg)) return [[arg]];
  if (arg.length === 0) return [];
  if (!Array.isArray(arg[0])) return [arg as unknown[]];
  return arg as unknown[][];
}

/** Dimensions of an argument as rows × columns. */
export function dims(arg: unknown): { rows: number; cols: number } {
  const g = grid(arg);
  return { rows: g.length, cols: g.length ? g[0].length : 0 };
}

/** Read an argument as a vector (one row or one column), or `#VALUE!` for a block. */
export function vec(arg: unknown, name: string): Vec {
  const data = grid(arg);
  const rows = data.length;
  const cols = rows ? data[0].length : 0;
  if (rows > MAX_ROWS) invalid("tooManyRows", { arg: name }, { actual: rows, limit: MAX_ROWS });
  if (rows > 1 && cols > 1) invalid("notVector", { arg: name }, { rows, cols });
  const isRow = rows === 1 && cols > 1;
  return { name, data, n: isRow ? cols : rows, isRow };
}

/** A vector's cells as a column (`cells[i][0]`); a row vector (≤ 16,384 cells in Excel) is copied once. */
export function asColumn(v: Vec): readonly (readonly unknown[])[] {
  return v.isRow ? v.data[0].map((c) => [c]) : v.data;
}

/** Raw cell `i` (0-based) of a vector. */
export function at(v: Vec, i: number): unknown {
  return v.isRow ? v.data[0][i] : v.data[i][0];
}

/** The place of cell `i` (0-based) of a vector: a row for columns, a column for rows. */
export function whereAt(v: Vec, i: number): Where {
  return v.isRow ? { arg: v.name, col: i + 1 } : { arg: v.name, row: i + 1 };
}

/** Exactly `n` required numbers in `domain` from a 1×n or n×1 argument. */
export function numbers(arg: unknown, name: string, n: number, domain: Domain = "any"): number[] {
  const v = vec(arg, name);
  if (v.n !== n) invalid("wrongCount", { arg: name }, { expected: n, actual: v.n });
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) out[i] = cellNumber(at(v, i), whereAt(v, i), domain);
  return out;
}

/** Row-level functions: all column arguments must have the same number of cells. */
export function sameLength(vs: readonly Vec[]): number {
  const n = vs[0].n;
  for (let k = 1; k < vs.length; k++) {
    if (vs[k].n !== n) {
      invalid("lengthMismatch", { arg: vs[k].name }, { actual: vs[k].n, other: vs[0].name, expected: n });
    }
  }
  return n;
}

/**
 * Code {@link stageColumn} gives blank cells when the caller asks to tell blank apart from an
 * explicit "outside AIPL" label (`AIPL.FLOW` skips rows whose cells are all blank).
 */
export const STAGE_BLANK = 5;

/**
 * Stage codes of a vector (0 outside/blank, 1–4 A–L); unknown labels fail with their row.
 * `blankCode` is the code of blank cells: {@link NONE} by default, {@link STAGE_BLANK} to keep
 * them apart from `-`/`none`/`无`. Blank cells (the tail of a whole-column reference) take the
 * fastest path.
 */
export function stageColumn(v: Vec, blankCode: number = NONE, first = 0): Uint8Array {
  const n = v.n;
  const out = new Uint8Array(n);
  const d = v.data;
  const row = v.isRow ? d[0] : undefined;
  // A header row (see headerRows) reads as blank.
  for (let i = 0; i < first && i < n; i++) out[i] = blankCode;
  // One loop per orientation keeps the per-cell path free of the row/column test.
  // The number 0 is an empty cell sent by an older desktop build.
  if (row) {
    for (let i = first; i < n; i++) {
      const x = row[i];
      if (isEmptyOrZero(x)) {
        if (blankCode !== NONE) out[i] = blankCode;
        continue;
      }
      const c = stageCode(x);
      out[i] = c > 0 ? c : stageCell(v, i, x, c, blankCode);
    }
  } else {
    for (let i = first; i < n; i++) {
      const x = d[i][0];
      if (isEmptyOrZero(x)) {
        if (blankCode !== NONE) out[i] = blankCode;
        continue;
      }
      const c = stageCode(x);
      out[i] = c > 0 ? c : stageCell(v, i, x, c, blankCode);
    }
  }
  return out;
}

/** Code of cell `i` of a stage vector whose {@link stageCode} `c` is ≤ 0: whitespace-only text is blank; unknown labels fail. */
function stageCell(v: Vec, i: number, x: unknown, c: number, blankCode: number): number {
  if (c < 0) cellStage(x, whereAt(v, i));
  return blankCode !== NONE && isVoid(x) ? blankCode : NONE;
}

/** Flags of a vector (1 yes, 0 no or blank); invalid cells fail with their row. Blank takes the fastest path. */
export function flagColumn(v: Vec, first = 0): Uint8Array {
  const n = v.n;
  const out = new Uint8Array(n);
  const d = v.data;
  const row = v.isRow ? d[0] : undefined;
  if (row) {
    for (let i = first; i < n; i++) {
      const x = row[i];
      if (x === true) out[i] = 1;
      else if (!(isEmpty(x) || x === false)) out[i] = flagCell(v, i, x);
    }
  } else {
    for (let i = first; i < n; i++) {
      const x = d[i][0];
      if (x === true) out[i] = 1;
      else if (!(isEmpty(x) || x === false)) out[i] = flagCell(v, i, x);
    }
  }
  return out;
}

/** Flag of a cell that is not blank or a boolean; invalid values fail with their place. */
function flagCell(v: Vec, i: number, x: unknown): number {
  const c = flagCode(x);
  if (c < 0) cellFlag(x, whereAt(v, i));
  return c;
}

/** Numbers of a vector in `domain`; blank cells become NaN (the model decides what blank means). */
export function numberColumn(v: Vec, domain: Domain = "any"): Float64Array {
  const n = v.n;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const x = v.isRow ? v.data[0][i] : v.data[i][0];
    if (typeof x === "number" && Number.isFinite(x)) {
      if (domain !== "any") checkDomain(x, domain, whereAt(v, i));
      out[i] = x;
    } else if (isBlank(x)) {
      out[i] = NaN;
    } else {
      out[i] = cellNumber(x, whereAt(v, i), domain);
    }
  }
  return out;
}

/** Identifier text of a cell, compared as trimmed text (123 and "123" are equal); "" if blank. */
export function idText(v: unknown): string {
  if (typeof v === "string") return v.trim();
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "object" && v !== null) {
    const b = basic(v);
    return b === UNSUPPORTED ? "" : idText(b);
  }
  return "";
}

/**
 * A label cell (a crowd or phase name) as trimmed text: blank and the number 0 (an empty cell
 * from an older desktop build) give "", an object that is not a data type is `#VALUE!`.
 */
export function cellLabel(v: unknown, where: Where): string {
  if (isVoid(v)) return "";
  refuseObject(v, where);
  return idText(v);
}

/**
 * An option argument (`output`, `method`, `indicator`) as trimmed lower-case text, or
 * `undefined` when it is blank, omitted or the number 0. Numbers other than 0 give their text.
 */
export function optionText(arg: unknown, name: string): string | undefined {
  const v = scalarOf(arg, name);
  if (isVoid(v)) return undefined;
  refuseObject(v, { arg: name });
  return idText(v).toLowerCase();
}

// ---------------------------------------------------------------------------------------------
// Header rows of row-level arguments

/** A column argument of a row-level function: its parameter name and what its cells and header may be. */
export interface ColumnArg {
  readonly name: string;
  /** True when a cell is a valid value for this column (a stage, a flag, a period, a number…). */
  readonly valid: (v: unknown) => boolean;
  /** Known names of the column: the parameter's name and its aliases (English, Chinese). */
  readonly names: readonly string[];
}

/** One column argument of a row-level function, as header detection sees it. */
export interface RowColumn extends Omit<ColumnArg, "name"> {
  readonly vec: Vec;
}

/** A stage cell (including blank and the outside-AIPL labels). */
export const validStage = (v: unknown): boolean => stageCode(v) >= 0;
/** A yes/no cell. */
export const validFlag = (v: unknown): boolean => flagCode(v) >= 0;
/** A number cell. */
export const validNumber = (v: unknown): boolean => parseNumber(v) !== undefined;
/** An identifier cell: any text is one, so only a known name marks a header. */
export const validId = (): boolean => true;

/**
 * Rows to skip at the top of the column arguments of a row-level function: 1 when the first row
 * is a header row, else 0 (docs/functions.md, "Column headers in row-level arguments").
 *
 * The first row is a header row when every one of its cells is non-blank text and either at
 * least one of them is not a valid value for its column, or each of them is a known name of
 * its column (needed where every column holds free identifiers). A whole-column reference
 * (`B:B`) always brings the sheet's header row along. Row numbers in messages still count from
 * the first row of the argument, so callers start their loops at the returned index.
 */
export function headerRows(cols: readonly RowColumn[]): number {
  if (cols.length === 0 || cols.some((c) => c.vec.n === 0)) return 0;
  let anyInvalid = false;
  let allKnown = true;
  for (const c of cols) {
    const cell = basic(at(c.vec, 0));
    if (typeof cell !== "string" || cell.trim() === "") return 0;
    if (!c.valid(cell)) anyInvalid = true;
    const name = cell.trim().toLowerCase();
    if (!c.names.some((k) => k.toLowerCase() === name)) allKnown = false;
  }
  return anyInvalid || allKnown ? 1 : 0;
}

/**
 * The column arguments of a row-level function (bound values by parameter name), read as
 * vectors of the same length (`#VALUE!` naming the first that differs), and where their data
 * starts: 1 when their first cells are a header row ({@link headerRows}), else 0.
 */
export function rowColumns(args: Readonly<Record<string, unknown>>, specs: readonly ColumnArg[]): { cols: Vec[]; first: number } {
  const cols = specs.map((s) => vec(args[s.name], s.name));
  sameLength(cols);
  return { cols, first: headerRows(specs.map((s, k) => ({ vec: cols[k], valid: s.valid, names: s.names }))) };
}
